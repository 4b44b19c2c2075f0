// What every story list page reads: the site's stories grouped into listings (all of
// them, and those of each round, group, theme and indicator) in reading order, and how
// one story is written into a list. Shared by the paginated listings (story_listing.cc)
// and the per-indicator story pages (stories.cc).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/model.h"
#include "render/page_frame.h"
#include "stats/story_index.h"

namespace duiding::render::story {

using Quotes = std::vector<const model::Quote*>;

/// One list of stories with pages of its own.
struct Listing {
  std::string dir;    ///< its folder from the site root, ending in '/': "verhalen/", "verhalen/groep/gezinnen/"
  std::string label;  ///< "Gezinnen"; "" for all stories
  Quotes quotes;      ///< in reading order (order_stories)
};

/// One value of a facet: a round, group, theme or indicator, and its stories.
struct FacetValue {
  std::string value;  ///< as in the stories' data-* attributes
  std::string label;
  std::string path;   ///< its first page, from the site root
  std::size_t count;  ///< stories it holds
  int listing = -1;   ///< index into Site::listings, or -1 (an indicator: its own story page)
};

struct Facet {
  std::string key;    ///< ronde, groep, thema, indicator
  std::string title;  ///< Ronde, Groep, ...
  std::vector<FacetValue> values;
};

/// The story pages' shared view of the site.
struct Site {
  const model::Model& m;
  const stats::StoryIndex& index;
  std::map<std::string, std::string> theme_slugs;  ///< theme -> unique slug
  std::vector<Facet> facets;                       ///< the facets with at least one value
  std::vector<Listing> listings;                   ///< all stories first, then per round, group, theme
  std::map<std::string, std::string> urls;         ///< quote id -> its place in the overview (story_urls)
};

/// Groups the quotes of `m` into facets and listings.
Site collect(const model::Model& m, const stats::StoryIndex& index);

/// A story's HTML id: "verhaal-<id>".
std::string story_id(const model::Quote& q);

/// The label of round `id`, or the id when the model has no such round.
std::string round_label(const model::Model& m, const std::string& id);

/// `quotes` as a list; `root` leads from the page to the site root; `with_ids` gives each
/// story its id (only where a story appears once on the page).
/// `here` is the page's own path from the site root: a story whose place in the overview is
/// on this page gets a permalink to its anchor alone.
std::string story_list(const Site& site, const Quotes& quotes, const std::string& root, bool with_ids,
                       const std::string& here = "");

/// The note on anonymisation placeholders every story page carries.
std::string placeholder_note();

}  // namespace duiding::render::story

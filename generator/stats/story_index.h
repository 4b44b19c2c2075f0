// Which quotes sit behind which published number. A quote's `links` name segments as
// `indicator:category`; together with the quote's round and group that is one segment:
// the bar segment, histogram bin, choice bar or triad corner a chart draws for that
// round and group. Built once from the model before rendering; charts, tables and the
// story pages read it and never look at quotes themselves.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "model/model.h"
#include "stats/summary.h"

namespace duiding::stats {

/// One published number that stories can sit behind.
struct SegmentKey {
  std::string indicator;
  std::string round;
  std::string group;
  std::string category;  ///< category id, scale bin (e.g. "90") or triad corner (a, b, c)

  auto operator<=>(const SegmentKey&) const = default;
};

/// Disclosure control: true when the number of a segment is not published (suppressed),
/// so its stories must not be linked from it and it gets no section of its own.
using SuppressedSegment = std::function<bool(const SegmentKey&)>;

/// The stories of one segment.
struct Segment {
  SegmentKey key;
  std::vector<const model::Quote*> quotes;  ///< in model order (files sorted, then rows)
};

class StoryIndex {
 public:
  /// Indexes `m.quotes` by the segments their links name. Links of a segment for which
  /// `suppressed` returns true are left out; by default nothing is suppressed. The index
  /// points into `m`, which must outlive it.
  explicit StoryIndex(const model::Model& m, SuppressedSegment suppressed = {});

  /// The segment `key`, or nullptr when no (unsuppressed) story sits behind it.
  const Segment* find(const SegmentKey& key) const;

  /// The segment behind row `r` of chart `c` of `ind`, or nullptr. Rows of breakdown
  /// charts (age, district) and of "all respondents" charts are linked to nothing: a
  /// quote's link names one group and no breakdown level.
  const Segment* behind(const model::Indicator& ind, const ChartData& c, const Row& r) const;

  /// Every segment with stories, ordered by indicator order in the model, then round,
  /// group order in site.json and category order of the indicator.
  const std::vector<Segment>& segments() const { return segments_; }

  /// The segments of one indicator, in the order of `segments()`.
  std::vector<const Segment*> segments_of(const std::string& indicator) const;

  /// The (unsuppressed) segments quote `q` links to, in the order of its links.
  std::vector<const Segment*> segments_of(const model::Quote& q) const;

  bool empty() const { return segments_.empty(); }

  /// Path of the story page of `indicator` from the site root.
  static std::string page_path(const std::string& indicator);
  /// HTML id of a segment's section on that page: "verhalen-<round>_<group>_<category>",
  /// each part lower-case a-z, 0-9 and '-'.
  static std::string anchor(const SegmentKey& key);
  /// `page_path` + "#" + `anchor`, from the site root.
  static std::string url(const SegmentKey& key);

 private:
  std::vector<Segment> segments_;
  std::map<SegmentKey, std::size_t> at_;
};

/// How the segments of a chart or table lead to their stories: the site's story index
/// and the relative way from the page (and spec file) holding them to the site root.
struct StoryLinks {
  const StoryIndex& index;
  std::string root;  ///< e.g. "../../" for an indicator page
};

/// `raw` as part of an HTML id or file name: A-Z lower-cased, a-z and 0-9 kept, every
/// other byte '-'.
std::string id_part(const std::string& raw);

/// "1 verhaal" or "N verhalen".
std::string stories_text(std::size_t n);

}  // namespace duiding::stats

// The stories behind the numbers: one page per indicator with a section for every
// segment (answer, round, group) that has stories, and paginated lists (kStoriesPerPage
// a page, in reading order: order_stories) of all stories and of each round, group and
// theme, whose facet navigation is plain links, so the filters work without JavaScript
// (assets/verhalen.js turns them into select boxes when scripts run).
//
// verhalen/index.html, verhalen/pagina-<n>/index.html   all stories
// verhalen/ronde/<round>/index.html, .../pagina-<n>/    the stories of one round
// verhalen/groep/<group>/index.html, .../pagina-<n>/    of one group
// verhalen/thema/<theme>/index.html, .../pagina-<n>/    of one theme (theme_slug)
// verhalen/indicator/<indicator>/index.html  "Verhalen achter de cijfers" of one indicator
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "render/page_frame.h"
#include "stats/story_index.h"

namespace duiding::render {

/// Every story page of the site, in a fixed order; none when the site has no quotes.
std::vector<PageJob> story_pages(const model::Model& m, const stats::StoryIndex& index);

/// Stories on one page of a list.
inline constexpr std::size_t kStoriesPerPage = 20;

/// Words in `text`: runs of bytes other than space, tab and line breaks.
std::size_t word_count(std::string_view text);

/// Puts `quotes` in reading order, the rule every story list states: most words first
/// (word_count of the text), equal lengths by id (byte order).
void order_stories(std::vector<const model::Quote*>& quotes);

/// Pages a list of `stories` takes: ceil(stories / kStoriesPerPage), at least 1.
std::size_t story_page_count(std::size_t stories);

/// Page `page` (from 1) of the list in folder `dir` ("verhalen/groep/gezinnen/"):
/// `dir` + "index.html" for the first, `dir` + "pagina-<page>/index.html" after it.
std::string story_page_path(const std::string& dir, std::size_t page);

/// Where every quote of `m` stands in the list of all stories (quote id -> path from the
/// site root with "#verhaal-<id>").
std::map<std::string, std::string> story_urls(const model::Model& m);

/// A quote's text as HTML: every character escaped (never Markdown or HTML), line breaks
/// kept as <br>, and anonymisation placeholders such as `<naam>` or `<naam organisatie>`
/// (lower-case words between angle brackets that are not an HTML element name) shown as
/// a marked placeholder with a hidden explanation for screen readers.
std::string quote_html(std::string_view text);

/// `theme` as a path segment: lower-case a-z, 0-9 and '-', accents dropped
/// ("Eén gezin, één plan" -> "een-gezin-een-plan").
std::string theme_slug(std::string_view theme);

/// What a quote's link to `category` of `ind` reads as: the category's label, the bin of
/// a scale ("90") or the corner of a triad.
std::string answer_label(const model::Indicator& ind, const std::string& category);

}  // namespace duiding::render

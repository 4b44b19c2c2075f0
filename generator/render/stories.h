// The stories behind the numbers: one page per indicator with a section for every
// segment (answer, round, group) that has stories, an overview of all stories, and
// static filter pages per round, group and theme that work without JavaScript
// (assets/verhalen.js makes the overview filter in place when scripts run).
//
// verhalen/index.html                      all stories, with the filters
// verhalen/ronde/<round>/index.html        the stories of one round
// verhalen/groep/<group>/index.html        of one group
// verhalen/thema/<theme>/index.html        of one theme
// verhalen/indicator/<indicator>/index.html  "Verhalen achter de cijfers" of one indicator
#pragma once

#include <string>
#include <string_view>

#include "model/model.h"
#include "render/page_frame.h"
#include "stats/story_index.h"

namespace duiding::render {

/// Every story page of the site, in a fixed order; none when the site has no quotes.
std::vector<PageJob> story_pages(const model::Model& m, const stats::StoryIndex& index);

/// Where quote `q` stands in the stories overview, from the site root.
std::string story_url(const model::Quote& q);

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

#include "render/pages.h"

#include <map>
#include <vector>

#include "render/indicator_page.h"
#include "render/overview_pages.h"
#include "render/search.h"
#include "render/stories.h"
#include "stats/story_index.h"

namespace duiding::render {

SiteStats render_site(const model::Model& m, const Template& layout, write::Output& out, charts::SvgRenderer& svg,
                      stats::SuppressedSegment suppressed) {
  PageFrame frame(m, layout, out, svg);
  const stats::StoryIndex stories(m, std::move(suppressed));
  std::map<std::string, std::vector<const model::Value*>> by_indicator;
  for (const auto& v : m.values) by_indicator[v.indicator].push_back(&v);

  static const std::vector<const model::Value*> kNone;
  std::vector<IndicatorEntry> entries;
  for (const auto& ind : m.indicators) {
    auto it = by_indicator.find(ind.id);
    stats::IndicatorSummary summary = indicator_page(m, ind, it == by_indicator.end() ? kNone : it->second, stories, frame);
    entries.push_back({&ind, summary.headlines, summary.charts.size()});
  }
  for (const auto& s : m.site.sections) section_page(m, s, entries, frame);
  for (const auto& p : m.pages) narrative_page(p, frame);
  story_pages(m, stories, frame);
  search_page(m, stories, frame);
  home_page(m, entries, frame);
  return frame.stats();
}

}  // namespace duiding::render

#include "render/pages.h"

#include <map>
#include <vector>

#include "render/accessibility_page.h"
#include "render/indicator_page.h"
#include "render/overview_pages.h"
#include "render/rapportage.h"
#include "render/search.h"
#include "render/site_files.h"
#include "render/stories.h"
#include "render/theme.h"
#include "stats/story_index.h"

namespace duiding::render {

namespace {

// Takes the files of a page that another page already wrote.
class Discard : public write::Output {
 public:
  void write(const std::string&, std::string_view) override {}
  void copy(const std::filesystem::path&, const std::string&) override {}
  std::size_t count() const override { return 0; }
};

}  // namespace

SiteStats render_site(const model::Model& m, const Template& layout, write::Output& out, charts::SvgRenderer& svg,
                      const RenderOptions& options, stats::SuppressedSegment suppressed) {
  PageFrame frame(m, layout, out, svg);
  frame.set_rasteriser(options.png);
  out.write("assets/theme.css", theme_css(m.site.theme));
  const stats::StoryIndex stories(m, std::move(suppressed));
  std::map<std::string, std::vector<const model::Value*>> by_indicator;
  for (const auto& v : m.values) by_indicator[v.indicator].push_back(&v);

  static const std::vector<const model::Value*> kNone;
  // Every comparison of the site first: their p-values are adjusted as one family.
  std::vector<stats::Comparison> comparisons;
  comparisons.reserve(m.indicators.size());
  for (const auto& ind : m.indicators) {
    auto it = by_indicator.find(ind.id);
    comparisons.push_back(stats::compare(m, ind, it == by_indicator.end() ? kNone : it->second));
  }
  std::vector<stats::Comparison*> family;
  for (auto& c : comparisons) family.push_back(&c);
  stats::adjust(family);
  std::vector<IndicatorEntry> entries;
  for (std::size_t i = 0; i < m.indicators.size(); ++i) {
    const auto& ind = m.indicators[i];
    auto it = by_indicator.find(ind.id);
    stats::IndicatorSummary summary =
        indicator_page(m, ind, it == by_indicator.end() ? kNone : it->second, comparisons[i], stories, frame);
    entries.push_back({&ind, summary.headlines, summary.charts.size()});
  }
  for (const auto& s : m.site.sections) section_page(m, s, entries, frame);
  for (const auto& p : m.pages) narrative_page(p, frame);
  story_pages(m, stories, frame);
  search_page(m, stories, frame);
  Discard discard;
  PageFrame scratch(m, layout, discard, svg);
  for (const auto& r : m.rounds) rapportage_page(m, r, by_indicator, options.pdf, stories, frame, scratch);
  accessibility_page(m, frame);
  home_page(m, entries, frame);
  site_files(m, by_indicator, out);
  return frame.stats();
}

}  // namespace duiding::render

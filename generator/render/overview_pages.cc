#include "render/overview_pages.h"

#include <set>

#include "charts/trend_sparkline.h"
#include "render/comparison.h"
#include "render/factsheet.h"
#include "render/format.h"
#include "render/html.h"
#include "render/markdown.h"
#include "render/rapportage.h"
#include "render/round_notice.h"
#include "text/site_text.h"

namespace duiding::render {

std::string headline_card(const model::Model& m, const model::Indicator& ind, const stats::Headline& h,
                          const std::string& root) {
  std::string c = "<li class=\"headline\">";
  const std::string group = lower_first(m.group_label(h.group));
  if (h.mentions && h.n && !h.summed_multiple) {
    // Mentions of one answer: in how many of the stories, never a share of people.
    c += "<p class=\"figure\">" + escape(txt::x_van_n(number(*h.mentions), number(static_cast<double>(*h.n)))) + "</p>";
    c += "<p class=\"what\">" + txt::verhalen_van_de_noemen(escape(group), escape(ind.headline)) + "</p>";
  } else if (h.mentions && h.n) {
    // Mentions summed over answers: a story can count more than once, so no share at all.
    c += "<p class=\"figure\">" + escape(number(*h.mentions)) + "</p>";
    c += "<p class=\"what\">" +
         txt::keer_genoemd_in_verhalen(escape(number(static_cast<double>(*h.n))), escape(group), escape(ind.headline)) +
         " <span class=\"aside\">" + txt::opgeteld_een_verhaal_meer() + "</span></p>";
  } else {
    c += "<p class=\"figure\">" + escape(percent(h.percent, 0)) + "</p>";
    c += "<p class=\"what\">" + txt::van_de_groep(escape(group), escape(ind.headline));
    if (h.summed_multiple) c += " <span class=\"aside\">" + txt::opgeteld() + "</span>";
    c += "</p>";
    if (h.estimate && h.estimate->computable)
      c += "<p class=\"interval\">" +
           escape(txt::interval_95_van_tot(number(h.estimate->ci.low * 100, 1), percent(h.estimate->ci.high * 100))) +
           "</p>";
  }
  if (h.change) c += headline_change(m, *h.change);
  if (h.trend.size() >= 2) {
    std::string label = txt::verloop_per_meting();
    for (std::size_t i = 0; i < h.trend.size(); ++i)
      label += (i ? "; " : " ") + h.trend[i].round_label + " " + percent(h.trend[i].percent);
    c += "<div class=\"trend-chart\">" + charts::trend_sparkline(h.trend, label + ".") + "</div>";
  }
  c += "<p class=\"context\">" + (h.n ? txt::n_is(number(static_cast<double>(*h.n))) + " · " : std::string()) +
       "<a href=\"" + escape(root + indicator_dir(ind) + "index.html") + "\">" + escape(ind.title) + "</a></p>";
  c += "</li>\n";
  return c;
}

std::string headline_cards(const model::Model& m, const std::vector<IndicatorEntry>& entries,
                           const std::string& section, const std::string& root) {
  std::string cards;
  for (const auto& e : entries)
    if (e.indicator->section == section) {
      for (const auto& h : e.headlines) cards += headline_card(m, *e.indicator, h, root);
      if (e.headlines.empty()) cards += not_measured_tile(m, *e.indicator, root);
    }
  return cards;
}

std::string section_page(const model::Model& m, const model::Section& s, const std::vector<IndicatorEntry>& entries,
                  const PageFrame& frame) {
  std::string c = breadcrumb({{"../index.html", txt::home()}}, s.title);
  c += "<h1>" + escape(s.title) + "</h1>\n";
  if (!s.description.empty()) c += markdown_html(s.description, 1);
  std::string cards = headline_cards(m, entries, s.id, "../");
  if (!cards.empty()) c += "<h2>" + txt::kerncijfers() + "</h2>\n<ul class=\"headlines\">\n" + cards + "</ul>\n";
  c += "<h2>" + txt::indicatoren() + "</h2>\n<ul class=\"indicator-list\">\n";
  for (const auto& e : entries) {
    if (e.indicator->section != s.id) continue;
    c += "<li><a href=\"" + escape(e.indicator->id) + "/index.html\">" + escape(e.indicator->title) + "</a>";
    if (!e.indicator->question.empty())
      c += "<span class=\"question-line\">" + escape(e.indicator->question) + "</span>";
    c += "<span class=\"kind\">" + std::string(type_label(e.indicator->type)) +
         (e.charts == 0 ? " · " + txt::alleen_in_woorden() : "") + not_measured_aside(m, *e.indicator) +
         "</span></li>\n";
  }
  c += "</ul>\n";
  return frame.page({section_path(s.id), 1, s.id}, s.title, c, false);
}

std::string narrative_page(const model::Page& p, const PageFrame& frame) {
  std::string c = breadcrumb({{"../../index.html", txt::home()}}, p.title);
  c += "<article class=\"narrative\">\n" + markdown_html(p.markdown) + "</article>\n";
  return frame.page({page_path(p), 2, "pagina/" + p.slug}, p.title, c, false);
}

std::string home_page(const model::Model& m, const std::vector<IndicatorEntry>& entries, const PageFrame& frame) {
  std::string c = "<h1>" + escape(m.site.title) + "</h1>\n";
  c += "<p class=\"organisation-line\">" + escape(m.site.organisation) + "</p>\n";
  if (const model::Round* r = m.current_round()) {
    c += "<p class=\"round-line\">" + txt::deze_cijfers_gaan_over("<strong>" + escape(r->label) + "</strong>");
    if (!r->description.empty()) c += ". " + escape(r->description);
    c += "</p>\n";
  }
  if (!m.site.description.empty()) c += "<div class=\"intro\">" + markdown_html(m.site.description, 1) + "</div>\n";
  c += "<h2>" + txt::kerncijfers() + "</h2>\n";
  bool any = false;
  for (const auto& e : entries) any = any || !e.headlines.empty();
  if (!any) c += "<p>" + txt::nog_geen_kerncijfers() + "</p>\n";
  for (const auto& s : m.site.sections) {
    std::string cards = headline_cards(m, entries, s.id, "");
    if (cards.empty()) continue;
    c += "<h3>" + escape(s.title) + "</h3>\n<ul class=\"headlines\">\n" + cards + "</ul>\n";
  }
  c += "<h2>" + txt::onderdelen() + "</h2>\n<ul class=\"section-list\">\n";
  for (const auto& s : m.site.sections) {
    std::size_t count = 0;
    for (const auto& e : entries) count += e.indicator->section == s.id;
    c += "<li><a href=\"" + escape(section_path(s.id)) + "\">" + escape(s.title) + "</a> <span class=\"count\">(" +
         txt::indicatoren_aantal(static_cast<long long>(count)) + ")</span>";
    if (!s.description.empty()) c += "<div class=\"section-description\">" + markdown_html(s.description, 2) + "</div>";
    c += "</li>\n";
  }
  c += "</ul>\n";
  if (!m.rounds.empty()) {
    c += "<h2>" + txt::rapportage_kop() + "</h2>\n<p>" + txt::rapportage_uitleg() +
         "</p>\n<ul class=\"rapportage-list\">\n";
    // Newest round first.
    for (auto r = m.rounds.rbegin(); r != m.rounds.rend(); ++r)
      c += "<li><a href=\"" + escape(rapportage_path(r->id)) + "\">" + txt::rapportage_van(escape(r->label)) + "</a> · <a href=\"" +
           escape(factsheet_path(r->id)) + "\">" + txt::factsheet_van(escape(r->label)) + "</a></li>\n";
    c += "</ul>\n";
  }
  if (!m.pages.empty()) {
    c += "<h2>" + txt::meer_over_de_meting() + "</h2>\n<ul class=\"page-list\">\n";
    for (const auto& p : m.pages)
      c += "<li><a href=\"" + escape(page_path(p)) + "\">" + escape(p.title) + "</a></li>\n";
    c += "</ul>\n";
  }
  return frame.page({"index.html", 0, ""}, m.site.title, c, false);
}

}  // namespace duiding::render

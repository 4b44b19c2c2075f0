#include "render/pages.h"

#include <fmt/format.h>

#include <map>

#include "charts/vega_lite.h"
#include "render/format.h"
#include "render/html.h"
#include "render/markdown.h"
#include "render/tables.h"
#include "stats/summary.h"

namespace duiding::render {
namespace {

using model::IndicatorType;

const char* type_label(IndicatorType t) {
  switch (t) {
    case IndicatorType::kLikert: return "Antwoordschaal (één antwoord)";
    case IndicatorType::kChoice: return "Keuzevraag";
    case IndicatorType::kScale: return "Schuifschaal 0-100";
    case IndicatorType::kAspects: return "Aspecten: gekozen, belang en ervaring";
    case IndicatorType::kTriad: return "Driehoeksvraag (triad)";
    case IndicatorType::kSeries: return "Reeks over de jaren";
  }
  return "";
}

std::string section_path(const std::string& id) { return id + "/index.html"; }
std::string indicator_dir(const model::Indicator& ind) { return ind.section + "/" + ind.id + "/"; }
std::string page_path(const model::Page& p) { return "pagina/" + p.slug + "/index.html"; }

// A headline figure kept for the home page.
struct HomeFigure {
  const model::Indicator* indicator;
  stats::Headline headline;
};

class SiteRenderer {
 public:
  SiteRenderer(const model::Model& m, const Template& layout, write::Output& out)
      : m_(m), layout_(layout), out_(out) {
    for (const auto& v : m.values) by_indicator_[v.indicator].push_back(&v);
  }

  SiteStats run() {
    for (const auto& ind : m_.indicators) indicator_page(ind);
    for (const auto& s : m_.site.sections) section_page(s);
    for (const auto& p : m_.pages) narrative_page(p);
    home_page();
    return stats_;
  }

 private:
  // Writes one page through the layout. `depth` is how many folders below the root.
  void page(const std::string& path, int depth, const std::string& title, const std::string& content,
            const std::string& current_nav, bool with_charts) {
    std::string root;
    for (int i = 0; i < depth; ++i) root += "../";
    std::string nav = nav_item(root + "index.html", "Home", current_nav == "");
    for (const auto& s : m_.site.sections) nav += nav_item(root + section_path(s.id), s.title, current_nav == s.id);
    for (const auto& p : m_.pages) nav += nav_item(root + page_path(p), p.title, current_nav == "pagina/" + p.slug);
    std::string banner;
    if (m_.site.fictional) {
      banner = "<div class=\"fictional-banner\" role=\"note\"><strong>Fictieve gegevens.</strong> "
               "Alle cijfers en verhalen op deze site zijn verzonnen, als voorbeeld.</div>\n";
    }
    std::string scripts;
    if (with_charts) {
      for (const char* js : {"vega.min.js", "vega-lite.min.js", "vega-embed.min.js"})
        scripts += "<script src=\"" + root + "assets/vendor/" + js + "\"></script>\n";
      scripts += "<script src=\"" + root + "assets/duiding.js\"></script>\n";
    }
    std::string footer = "<p>" + escape(m_.site.organisation) + " · " + escape(m_.site.title) + "</p>";
    if (!m_.site.footer.empty()) footer += "<p>" + markdown_inline(m_.site.footer) + "</p>";
    if (m_.site.fictional) footer += "<p><strong>Fictieve gegevens.</strong></p>";
    std::string page_title = title == m_.site.title ? title : title + " · " + m_.site.title;
    if (m_.site.fictional) page_title += " (fictief)";
    out_.write(path, layout_.fill({{"lang", escape(m_.site.language)},
                                   {"page_title", escape(page_title)},
                                   {"root", root},
                                   {"site_title", escape(m_.site.title)},
                                   {"organisation", escape(m_.site.organisation)},
                                   {"nav", nav},
                                   {"banner", banner},
                                   {"content", content},
                                   {"footer", footer},
                                   {"scripts", scripts}}));
    ++stats_.pages;
  }

  static std::string nav_item(const std::string& href, const std::string& text, bool current) {
    return fmt::format("<li><a href=\"{}\"{}>{}</a></li>", escape(href), current ? " aria-current=\"page\"" : "",
                       escape(text));
  }

  static std::string breadcrumb(const std::vector<std::pair<std::string, std::string>>& trail, const std::string& here) {
    std::string out = "<nav class=\"breadcrumb\" aria-label=\"Kruimelpad\"><ol>";
    for (const auto& [href, text] : trail) out += "<li><a href=\"" + escape(href) + "\">" + escape(text) + "</a></li>";
    out += "<li aria-current=\"page\">" + escape(here) + "</li></ol></nav>\n";
    return out;
  }

  std::string n_text(const stats::ChartData& c) const {
    std::vector<std::string> parts;
    for (const auto& [key, n] : c.n)
      parts.push_back(c.n.size() > 1 ? key + ": n = " + number(static_cast<double>(n)) : "n = " + number(static_cast<double>(n)));
    if (parts.empty()) return "Aantal respondenten (n) niet gegeven in de bron";
    return fmt::format("{}", fmt::join(parts, "; "));
  }

  void indicator_page(const model::Indicator& ind) {
    static const std::vector<const model::Value*> kNone;
    auto it = by_indicator_.find(ind.id);
    const auto& values = it == by_indicator_.end() ? kNone : it->second;
    stats::IndicatorSummary summary = stats::summarize(m_, ind, values);
    for (const auto& h : summary.headlines) figures_.push_back({&ind, h});
    const std::string dir = indicator_dir(ind);
    const model::Section* section = find_section(ind.section);

    std::string c;
    c += breadcrumb({{"../../index.html", "Home"}, {"../index.html", section ? section->title : ind.section}}, ind.title);
    c += "<article class=\"indicator\">\n<h1>" + escape(ind.title) + "</h1>\n";
    if (!ind.question.empty() || !ind.group_questions.empty()) {
      c += "<div class=\"question\">";
      if (ind.group_questions.empty()) {
        c += "<p><span class=\"label\">Vraag:</span> <q>" + escape(ind.question) + "</q></p>";
      } else {
        for (const auto& g : ind.groups)
          if (!ind.question_for(g).empty())
            c += "<p><span class=\"label\">Vraag aan " + escape(lower_first(m_.group_label(g))) + ":</span> <q>" +
                 escape(ind.question_for(g)) + "</q></p>";
      }
      c += "</div>\n";
    }
    c += "<dl class=\"meta\">";
    c += "<div><dt>Soort vraag</dt><dd>" + std::string(type_label(ind.type)) + (ind.multiple ? ", meerdere antwoorden mogelijk" : "") + "</dd></div>";
    if (!ind.source.empty()) c += "<div><dt>Bron</dt><dd>" + escape(ind.source) + "</dd></div>";
    c += "</dl>\n";
    if (!ind.data_note.empty()) {
      c += "<aside class=\"data-note\" aria-labelledby=\"noot-" + ind.id + "\"><h2 id=\"noot-" + ind.id +
           "\">Wat de bron niet in cijfers geeft</h2>\n" + markdown_html(ind.data_note, 2) + "</aside>\n";
    }
    if (summary.charts.empty()) {
      c += "<p class=\"no-chart\">Voor deze indicator zijn geen cijfers beschikbaar; er is daarom geen grafiek.</p>\n";
    }
    for (const auto& chart : summary.charts) c += chart_block(ind, chart, dir);
    if (!ind.description.empty()) {
      c += "<section class=\"description\" aria-labelledby=\"toelichting\"><h2 id=\"toelichting\">Toelichting</h2>\n" +
           markdown_html(ind.description, 2) + "</section>\n";
    }
    if (!values.empty()) {
      out_.write(dir + ind.id + ".csv", values_csv(ind, values));
      c += "<p class=\"downloads\"><a href=\"" + escape(ind.id) + ".csv\" download>Alle cijfers van deze indicator (CSV, " +
           std::to_string(values.size()) + " regels)</a></p>\n";
    }
    c += "</article>\n";
    page(dir + "index.html", 2, ind.title, c, ind.section, !summary.charts.empty());
    summaries_.push_back({&ind, summary.headlines.empty() ? std::nullopt : std::optional(summary.headlines.front()),
                          summary.charts.size()});
  }

  std::string chart_block(const model::Indicator& ind, const stats::ChartData& chart, const std::string& dir) {
    nlohmann::json spec = charts::spec(m_, ind, chart);
    // Round ids and breakdown dimensions come from the data: keep file names and HTML
    // ids to a-z, 0-9 and '-'.
    std::string id;
    for (char ch : chart.id) id += (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ? ch : (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : '-';
    std::string file = ind.id + "-" + id + ".vl.json";
    out_.write(dir + file, spec.dump(2) + "\n");
    ++stats_.charts;
    nlohmann::json embedded = spec;
    embedded.erase("$schema");
    std::string b = "<section class=\"chart-block\" aria-labelledby=\"kop-" + id + "\">\n";
    b += "<h2 id=\"kop-" + id + "\">" + escape(chart.caption) + "</h2>\n";
    // Administrative series count no respondents: no n line for them.
    if (chart.kind != stats::ChartKind::kSeries) b += "<p class=\"n\">" + escape(n_text(chart)) + "</p>\n";
    b += "<figure class=\"chart\" id=\"grafiek-" + id + "\">\n";
    b += "<div class=\"chart-view\" data-spec=\"spec-" + id + "\"></div>\n";
    b += "<script type=\"application/json\" id=\"spec-" + id + "\">" + script_json(embedded.dump()) + "</script>\n";
    b += "<figcaption class=\"chart-summary\">" + escape(charts::summary_text(m_, ind, chart)) + "</figcaption>\n";
    b += "</figure>\n";
    b += chart_table(m_, ind, chart);
    b += "<p class=\"downloads\"><a href=\"" + escape(file) + "\" download>Grafiek als Vega-Lite-specificatie (JSON)</a></p>\n";
    b += "</section>\n";
    return b;
  }

  const model::Section* find_section(const std::string& id) const {
    for (const auto& s : m_.site.sections)
      if (s.id == id) return &s;
    return nullptr;
  }

  std::string headline_card(const HomeFigure& f, const std::string& root) const {
    const auto& h = f.headline;
    std::string c = "<li class=\"headline\">";
    c += "<p class=\"figure\">" + escape(percent(h.percent, 0)) + "</p>";
    c += "<p class=\"what\">van de " + escape(lower_first(m_.group_label(h.group))) + " " + escape(f.indicator->headline);
    if (h.summed_multiple) c += " <span class=\"aside\">(opgeteld over de gekozen antwoorden)</span>";
    c += "</p>";
    c += "<p class=\"context\">" + (h.n ? "n = " + number(static_cast<double>(*h.n)) + " · " : std::string()) + "<a href=\"" +
         escape(root + indicator_dir(*f.indicator) + "index.html") + "\">" + escape(f.indicator->title) + "</a></p>";
    c += "</li>\n";
    return c;
  }

  void section_page(const model::Section& s) {
    std::string c = breadcrumb({{"../index.html", "Home"}}, s.title);
    c += "<h1>" + escape(s.title) + "</h1>\n";
    if (!s.description.empty()) c += markdown_html(s.description, 1);
    std::string cards;
    for (const auto& f : figures_)
      if (f.indicator->section == s.id) cards += headline_card(f, "../");
    if (!cards.empty()) c += "<h2>Kerncijfers</h2>\n<ul class=\"headlines\">\n" + cards + "</ul>\n";
    c += "<h2>Indicatoren</h2>\n<ul class=\"indicator-list\">\n";
    for (const auto& e : summaries_) {
      if (e.indicator->section != s.id) continue;
      c += "<li><a href=\"" + escape(e.indicator->id) + "/index.html\">" + escape(e.indicator->title) + "</a>";
      if (!e.indicator->question.empty()) c += "<span class=\"question-line\">" + escape(e.indicator->question) + "</span>";
      c += "<span class=\"kind\">" + std::string(type_label(e.indicator->type)) +
           (e.charts == 0 ? " · alleen in woorden beschreven" : "") + "</span></li>\n";
    }
    c += "</ul>\n";
    page(section_path(s.id), 1, s.title, c, s.id, false);
  }

  void narrative_page(const model::Page& p) {
    std::string c = breadcrumb({{"../../index.html", "Home"}}, p.title);
    c += "<article class=\"narrative\">\n" + markdown_html(p.markdown) + "</article>\n";
    page(page_path(p), 2, p.title, c, "pagina/" + p.slug, false);
  }

  void home_page() {
    std::string c = "<h1>" + escape(m_.site.title) + "</h1>\n";
    c += "<p class=\"organisation-line\">" + escape(m_.site.organisation) + "</p>\n";
    if (const model::Round* r = m_.current_round()) {
      c += "<p class=\"round-line\">Deze cijfers gaan over: <strong>" + escape(r->label) + "</strong>";
      if (!r->description.empty()) c += ". " + escape(r->description);
      c += "</p>\n";
    }
    if (!m_.site.description.empty()) c += "<div class=\"intro\">" + markdown_html(m_.site.description, 1) + "</div>\n";
    c += "<h2>Kerncijfers</h2>\n";
    if (figures_.empty()) c += "<p>Er zijn (nog) geen kerncijfers voor deze ronde.</p>\n";
    for (const auto& s : m_.site.sections) {
      std::string cards;
      for (const auto& f : figures_)
        if (f.indicator->section == s.id) cards += headline_card(f, "");
      if (cards.empty()) continue;
      c += "<h3>" + escape(s.title) + "</h3>\n<ul class=\"headlines\">\n" + cards + "</ul>\n";
    }
    c += "<h2>Onderdelen</h2>\n<ul class=\"section-list\">\n";
    for (const auto& s : m_.site.sections) {
      std::size_t count = 0;
      for (const auto& e : summaries_) count += e.indicator->section == s.id;
      c += "<li><a href=\"" + escape(section_path(s.id)) + "\">" + escape(s.title) + "</a> <span class=\"count\">(" +
           std::to_string(count) + (count == 1 ? " indicator" : " indicatoren") + ")</span>";
      if (!s.description.empty()) c += "<div class=\"section-description\">" + markdown_html(s.description, 2) + "</div>";
      c += "</li>\n";
    }
    c += "</ul>\n";
    if (!m_.pages.empty()) {
      c += "<h2>Meer over de meting</h2>\n<ul class=\"page-list\">\n";
      for (const auto& p : m_.pages) c += "<li><a href=\"" + escape(page_path(p)) + "\">" + escape(p.title) + "</a></li>\n";
      c += "</ul>\n";
    }
    page("index.html", 0, m_.site.title, c, "", false);
  }

  struct Entry {
    const model::Indicator* indicator;
    std::optional<stats::Headline> headline;
    std::size_t charts;
  };

  const model::Model& m_;
  const Template& layout_;
  write::Output& out_;
  std::map<std::string, std::vector<const model::Value*>> by_indicator_;
  std::vector<HomeFigure> figures_;
  std::vector<Entry> summaries_;
  SiteStats stats_;
};

}  // namespace

SiteStats render_site(const model::Model& m, const Template& layout, write::Output& out) {
  return SiteRenderer(m, layout, out).run();
}

}  // namespace duiding::render

#include "render/rapportage.h"

#include "render/html.h"
#include "render/indicator_page.h"
#include "render/markdown.h"
#include "stats/story_index.h"

namespace duiding::render {
namespace {

// Round ids come from the data: paths keep to a-z, 0-9 and '-' (the ids of story anchors).
std::string slug(const std::string& raw) { return stats::id_part(raw); }

bool is_relative(const std::string& href) {
  if (href.empty() || href[0] == '#' || href[0] == '/') return false;
  std::size_t colon = href.find(':');
  std::size_t slash = href.find('/');
  return colon == std::string::npos || (slash != std::string::npos && slash < colon);
}

// Rewrites the value of every `name="..."` attribute in `html` with `change`.
std::string rewrite_attribute(const std::string& html, const std::string& name, auto change) {
  const std::string key = " " + name + "=\"";
  std::string out;
  std::size_t pos = 0;
  for (;;) {
    std::size_t at = html.find(key, pos);
    if (at == std::string::npos) break;
    std::size_t start = at + key.size();
    std::size_t end = html.find('"', start);
    if (end == std::string::npos) break;
    out.append(html, pos, start - pos);
    out += change(html.substr(start, end - start));
    pos = end;
  }
  out.append(html, pos, std::string::npos);
  return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// Values of the rounds up to `r`: survey values by round id (ids sort as the rounds do),
// series values (whose round is a year) up to the year the round ended. The current round
// keeps everything, so its rapportage shows what the indicator pages show.
std::vector<const model::Value*> up_to(const model::Model& m, const model::Round& r,
                                       const std::vector<const model::Value*>& values) {
  const model::Round* current = m.current_round();
  if (current != nullptr && current->id == r.id) return values;
  std::string last_year = (r.end.empty() ? r.start : r.end).substr(0, 4);
  std::vector<const model::Value*> kept;
  for (const auto* v : values) {
    bool survey = m.round(v->round) != nullptr;
    if (survey ? v->round <= r.id : (!last_year.empty() && v->round <= last_year)) kept.push_back(v);
  }
  return kept;
}

}  // namespace

std::string rapportage_path(const std::string& round_id) { return "rapportage/" + slug(round_id) + "/index.html"; }
std::string rapportage_pdf_name(const std::string& round_id) { return "rapportage-" + slug(round_id) + ".pdf"; }

std::string relocate(const std::string& html, const std::string& id_prefix, const std::string& link_prefix,
                     int shift) {
  auto prefix_id = [&](const std::string& v) { return id_prefix + v; };
  std::string out = html;
  for (const char* attr : {"id", "data-spec", "for", "data-copy"}) out = rewrite_attribute(out, attr, prefix_id);
  out = rewrite_attribute(out, "aria-labelledby", [&](const std::string& v) {
    std::string ids;
    std::size_t pos = 0;
    while (pos <= v.size()) {
      std::size_t sp = v.find(' ', pos);
      std::string one = v.substr(pos, sp == std::string::npos ? std::string::npos : sp - pos);
      if (!one.empty()) ids += (ids.empty() ? "" : " ") + id_prefix + one;
      if (sp == std::string::npos) break;
      pos = sp + 1;
    }
    return ids;
  });
  out = rewrite_attribute(out, "href", [&](const std::string& v) {
    if (!v.empty() && v[0] == '#') return "#" + id_prefix + v.substr(1);
    return is_relative(v) ? link_prefix + v : v;
  });
  // Deepest first, so a heading moves only once.
  for (int level = 6; level >= 1; --level) {
    int to = std::min(6, level + shift);
    if (to == level) continue;
    out = replace_all(out, "<h" + std::to_string(level), "<h" + std::to_string(to));
    out = replace_all(out, "</h" + std::to_string(level) + ">", "</h" + std::to_string(to) + ">");
  }
  return out;
}

void rapportage_page(const model::Model& m, const model::Round& r,
                     const std::map<std::string, std::vector<const model::Value*>>& by_indicator, bool with_pdf,
                     const stats::StoryIndex& stories, PageFrame& frame, PageFrame& scratch) {
  static const std::vector<const model::Value*> kNone;
  const std::string root = "../../";
  std::string title = "Rapportage " + r.label;
  std::string c = breadcrumb({{root + "index.html", "Home"}}, title);
  c += "<article class=\"rapportage\">\n<header class=\"rapportage-header\">\n<h1>" + escape(title) + "</h1>\n";
  c += "<p class=\"organisation-line\">" + escape(m.site.organisation) + " · " + escape(m.site.title) + "</p>\n";
  if (!r.description.empty()) c += "<p class=\"round-line\">" + escape(r.description) + "</p>\n";
  c += "<p class=\"rapportage-about\">Deze pagina bevat alle indicatoren van de site in de volgorde van de site, "
       "met de cijfers tot en met deze meting: om af te drukken of als PDF te bewaren.";
  if (m.site.fictional) c += " <strong>Alle cijfers zijn fictief.</strong>";
  c += "</p>\n";
  if (with_pdf) {
    c += "<p class=\"rapportage-pdf\"><a href=\"" + escape(rapportage_pdf_name(r.id)) +
         "\" download>Deze rapportage als PDF (A4)</a></p>\n";
  }
  c += "</header>\n";

  // Contents: sections and their indicators, with links to the parts below.
  c += "<nav class=\"rapportage-contents\" aria-labelledby=\"inhoudsopgave\">\n<h2 id=\"inhoudsopgave\">Inhoud</h2>\n<ol>\n";
  for (const auto& s : m.site.sections) {
    c += "<li><a href=\"#deel-" + escape(s.id) + "\">" + escape(s.title) + "</a>\n<ol>\n";
    for (const auto& ind : m.indicators)
      if (ind.section == s.id)
        c += "<li><a href=\"#" + escape(ind.id) + "--\">" + escape(ind.title) + "</a></li>\n";
    c += "</ol></li>\n";
  }
  c += "</ol>\n</nav>\n";

  // The comparisons up to this round, adjusted as one family (as the site's are).
  std::map<std::string, std::vector<const model::Value*>> values_of;
  std::map<std::string, stats::Comparison> comparisons;
  for (const auto& ind : m.indicators) {
    auto it = by_indicator.find(ind.id);
    values_of[ind.id] = up_to(m, r, it == by_indicator.end() ? kNone : it->second);
    comparisons[ind.id] = stats::compare(m, ind, values_of[ind.id]);
  }
  std::vector<stats::Comparison*> family;
  for (auto& [id, comparison] : comparisons) family.push_back(&comparison);
  stats::adjust(family);

  bool charts = false;
  for (const auto& s : m.site.sections) {
    c += "<section class=\"rapportage-section\" aria-labelledby=\"deel-" + escape(s.id) + "\">\n<h2 id=\"deel-" +
         escape(s.id) + "\">" + escape(s.title) + "</h2>\n";
    if (!s.description.empty()) c += markdown_html(s.description, 2);
    for (const auto& ind : m.indicators) {
      if (ind.section != s.id) continue;
      const std::vector<const model::Value*>& values = values_of[ind.id];
      stats::IndicatorSummary summary = stats::summarize(m, ind, values);
      charts = charts || !summary.charts.empty();
      const stats::Comparison& comparison = comparisons[ind.id];
      std::string article = indicator_article(m, ind, values, summary, comparison, stories, scratch);
      // The indicator's title becomes the target of the contents link.
      article = replace_all(article, "<article class=\"indicator\">\n<h1>", "<article class=\"indicator\">\n<h1 id=\"\">");
      c += relocate(article, ind.id + "--", root + indicator_dir(ind), 2);
    }
    c += "</section>\n";
  }
  c += "</article>\n";
  frame.write_page({rapportage_path(r.id), 2, "rapportage"}, title, c, charts);
}

}  // namespace duiding::render

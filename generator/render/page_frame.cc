#include "render/page_frame.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <tuple>

#include "charts/static_svg.h"
#include "render/html.h"
#include "render/markdown.h"
#include "text/site_text.h"
#include "render/theme.h"

namespace duiding::render {
namespace {

std::string nav_item(const std::string& href, const std::string& text, bool current) {
  return fmt::format("<li><a href=\"{}\"{}>{}</a></li>", escape(href), current ? " aria-current=\"page\"" : "",
                     escape(text));
}

}  // namespace

std::string root_of(int depth) {
  std::string root;
  for (int i = 0; i < depth; ++i) root += "../";
  return root;
}

std::string section_path(const std::string& id) { return id + "/index.html"; }
std::string indicator_dir(const model::Indicator& ind) { return ind.section + "/" + ind.id + "/"; }
std::string page_path(const model::Page& p) { return "pagina/" + p.slug + "/index.html"; }

std::string breadcrumb(const std::vector<std::pair<std::string, std::string>>& trail, const std::string& here) {
  std::string out = "<nav class=\"breadcrumb\" aria-label=\"" + txt::kruimelpad() + "\"><ol>";
  for (const auto& [href, text] : trail) out += "<li><a href=\"" + escape(href) + "\">" + escape(text) + "</a></li>";
  out += "<li aria-current=\"page\">" + escape(here) + "</li></ol></nav>\n";
  return out;
}

std::string type_label(model::IndicatorType t) {
  using model::IndicatorType;
  switch (t) {
    case IndicatorType::kLikert: return txt::soort_likert();
    case IndicatorType::kChoice: return txt::soort_keuzevraag();
    case IndicatorType::kScale: return txt::soort_schuifschaal();
    case IndicatorType::kAspects: return txt::soort_aspecten();
    case IndicatorType::kTriad: return txt::soort_triad();
    case IndicatorType::kSeries: return txt::soort_reeks();
  }
  return "";
}

std::string ArticlePlace::id(const std::string& raw) const { return escape(id_prefix + raw); }

std::string ArticlePlace::link(const std::string& href) const {
  if (!href.empty() && href[0] == '#') return escape("#" + id_prefix + href.substr(1));
  return escape(is_relative_link(href) ? link_base + href : href);
}

std::string ArticlePlace::heading(int level) const { return "h" + std::to_string(std::min(6, level + shift)); }

void in_order(std::size_t n, const std::function<void(std::size_t)>& work) {
  for (std::size_t i = 0; i < n; ++i) work(i);
}

ChartSpec::ChartSpec(nlohmann::json spec) : json(std::move(spec)) {
  json.erase("$schema");
  text = json.dump();
}

namespace {

thread_local DrawingsRecord* recording = nullptr;

// What a frame without renderer writes for a chart: its spec, which says all it shows.
std::string stand_in(const ChartSpec& spec) { return "<svg-digest>" + escape(spec.text) + "</svg-digest>"; }

// Inside another site's frame a story link opens in the whole window. The chart's links
// are the <a> elements svg_draw writes; the spec already points them from the page's folder.
std::string links_to_top(std::string svg) {
  const std::string from = "<a xlink:href=", to = "<a target=\"_top\" xlink:href=";
  for (auto at = svg.find(from); at != std::string::npos; at = svg.find(from, at + to.size())) svg.replace(at, from.size(), to);
  return svg;
}

}  // namespace

DrawingsRecord::DrawingsRecord() : outer_(recording) { recording = this; }

DrawingsRecord::~DrawingsRecord() { recording = outer_; }

std::optional<std::string> DrawingsRecord::digest_of(std::string_view page) const {
  // Each distinct drawing, its stand-in and how often it was handed out.
  std::map<std::string_view, std::pair<std::string_view, std::size_t>> wanted;
  for (const auto& [drawing, standin] : drawn_) {
    if (drawing.empty()) return std::nullopt;
    auto [it, added] = wanted.try_emplace(drawing, standin, 0);
    if (!added && it->second.first != standin) return std::nullopt;
    ++it->second.second;
  }
  std::vector<std::tuple<std::size_t, std::size_t, std::string_view>> at;  // offset, length, stand-in
  for (const auto& [drawing, want] : wanted) {
    std::size_t found = 0;
    for (auto p = page.find(drawing); p != std::string_view::npos; p = page.find(drawing, p + drawing.size())) {
      at.emplace_back(p, drawing.size(), want.first);
      ++found;
    }
    if (found != want.second) return std::nullopt;
  }
  std::sort(at.begin(), at.end());
  std::string out;
  std::size_t from = 0;
  for (const auto& [offset, length, standin] : at) {
    if (offset < from) return std::nullopt;  // two drawings overlap
    out.append(page.substr(from, offset - from));
    out.append(standin);
    from = offset + length;
  }
  out.append(page.substr(from));
  return out;
}

std::string PageFrame::chart_svg(const ChartSpec& spec, const std::string& summary, ChartLinks links) const {
  if (svg_ == nullptr) return stand_in(spec);
  std::string drawing = drawn_.get(spec.text + '\n' + summary, [&] { return draw(spec, summary); });
  if (links == ChartLinks::kTop) drawing = links_to_top(std::move(drawing));
  if (recording != nullptr) recording->drawn_.emplace_back(drawing, stand_in(spec));
  return drawing;
}

std::string PageFrame::draw(const ChartSpec& spec, const std::string& summary) const {
  std::string wide = charts::page_svg(svg_->render(spec.json), summary);
  const std::string narrow = svg_->render_narrow(spec.json);
  if (narrow.empty()) return wide;
  // The phone's drawing beside it; the stylesheet shows one of the two (below 30rem the narrow one).
  wide.insert(wide.find(" class=\"chart-static") + 20, " chart-wide");
  std::string phone = charts::page_svg(narrow, summary);
  phone.insert(phone.find(" class=\"chart-static") + 20, " chart-narrow");
  return wide + phone;
}

std::string PageFrame::png(const std::string& svg) const {
  if (svg_ == nullptr || png_ == nullptr) throw std::logic_error("a PNG was asked of a frame that draws none");
  return png_->png(svg);
}

std::string PageFrame::page(const PagePlace& place, const std::string& title, const std::string& content,
                            bool with_charts, const std::vector<std::string>& extra_scripts) const {
  // duiding.js also shows and drives the copy buttons of permalinks and embed code
  // (render/permalink.h), which pages without charts (the stories) have too.
  const bool script = with_charts || content.find("class=\"copy-button") != std::string::npos;
  return fill(layout_, place, title, content, script, extra_scripts);
}

std::string PageFrame::head(const PagePlace& place, const std::string& title) const {
  return fill(layout_.around("content").first, place, title, "", false, {});
}

std::string PageFrame::tail(const PagePlace& place, const std::string& title, bool script,
                            const std::vector<std::string>& extra_scripts) const {
  return fill(layout_.around("content").second, place, title, "", script, extra_scripts);
}

std::string PageFrame::fill(const Template& layout, const PagePlace& place, const std::string& title,
                            std::string_view content, bool script, const std::vector<std::string>& extra_scripts) const {
  const std::string root = root_of(place.depth);
  std::string nav = nav_item(root + "index.html", txt::home(), place.nav_current.empty());
  for (const auto& s : m_.site.sections) nav += nav_item(root + section_path(s.id), s.title, place.nav_current == s.id);
  if (!m_.quotes.empty()) nav += nav_item(root + "verhalen/index.html", txt::verhalen_kop(), place.nav_current == "verhalen");
  for (const auto& p : m_.pages)
    nav += nav_item(root + page_path(p), p.title, place.nav_current == "pagina/" + p.slug);
  nav += nav_item(root + "zoeken/index.html", txt::zoeken(), place.nav_current == "zoeken");
  std::string banner;
  if (m_.site.fictional) {
    banner = "<div class=\"fictional-banner\" role=\"note\"><strong>" + txt::fictieve_gegevens() + "</strong> " +
             txt::fictieve_gegevens_uitleg() + "</div>\n";
  }
  std::string scripts;
  if (script) {
    // vega, vega-lite and vega-embed load only when a reader asks for an interactive chart
    // (duiding.js); the first view is the static SVG.
    scripts += "<script src=\"" + root + "assets/duiding.js\"></script>\n";
  }
  for (const auto& js : extra_scripts) scripts += "<script src=\"" + root + escape(js) + "\"></script>\n";
  std::string footer = "<p>" + escape(m_.site.organisation) + " · " + escape(m_.site.title) + "</p>";
  if (!m_.site.footer.empty()) footer += "<p>" + markdown_inline(m_.site.footer) + "</p>";
  if (m_.site.fictional) footer += "<p><strong>" + txt::fictieve_gegevens() + "</strong></p>";
  footer += "<p><a href=\"" + root + kAccessibilityPath + "\">" + txt::toegankelijkheid() + "</a></p>";
  std::string page_title = title == m_.site.title ? title : title + " · " + m_.site.title;
  if (m_.site.fictional) page_title += " " + txt::fictief();
  // The slots are views: every string they show lives until fill() returns.
  const std::string lang = escape(m_.site.language), theme = escape(theme_class(m_.site.theme)),
                    stylesheet = escape(theme_stylesheet(m_.site.theme)), shown_title = escape(page_title),
                    site_title = escape(m_.site.title), organisation = escape(m_.site.organisation),
                    skip_link = txt::naar_de_inhoud(), menu = txt::menu(), menu_label = txt::hoofdmenu();
  return layout.fill({{"lang", lang},
                       {"theme_class", theme},
                       {"theme_stylesheet", stylesheet},
                       {"page_title", shown_title},
                       {"root", root},
                       {"site_title", site_title},
                       {"organisation", organisation},
                       {"nav", nav},
                       {"banner", banner},
                       {"content", content},
                       {"footer", footer},
                       {"scripts", scripts},
                       {"skip_link_text", skip_link},
                       {"menu_text", menu},
                       {"menu_label", menu_label}});
}

}  // namespace duiding::render

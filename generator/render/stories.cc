#include "render/stories.h"

#include <memory>

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "render/format.h"
#include "render/html.h"
#include "render/permalink.h"

namespace duiding::render {
namespace {

using stats::Segment;
using stats::StoryIndex;
using Quotes = std::vector<const model::Quote*>;

// Words that, between angle brackets, are HTML rather than an anonymisation placeholder:
// `<script>` in a quote is shown as text, but not dressed up as a placeholder.
const std::set<std::string_view> kHtmlNames = {
    "a",     "abbr",   "audio", "b",      "base",     "body",   "br",     "button", "code",   "div",
    "em",    "embed",  "font",  "form",   "frame",    "head",   "html",   "i",      "iframe", "img",
    "input", "link",   "li",    "marquee", "math",    "meta",   "object", "ol",     "option", "p",
    "pre",   "q",      "s",     "script", "select",   "small",  "source", "span",   "strong", "style",
    "sub",   "sup",    "svg",   "table",  "td",       "template", "textarea", "th", "title",  "tr",
    "u",     "ul",     "video"};

// A placeholder: a lower-case letter, then letters (also accented), spaces or '-', and its
// first word is not an HTML element name.
bool is_placeholder(std::string_view inner) {
  if (inner.empty() || inner.size() > 40 || inner[0] < 'a' || inner[0] > 'z') return false;
  for (char ch : inner) {
    auto u = static_cast<unsigned char>(ch);
    if (!((u >= 'a' && u <= 'z') || u == ' ' || u == '-' || u >= 0x80)) return false;
  }
  return kHtmlNames.count(inner.substr(0, inner.find(' '))) == 0;
}

using stats::id_part;

std::string story_id(const model::Quote& q) { return "verhaal-" + id_part(q.id); }

// One value of a filter: a round, group, theme or indicator, and its stories.
struct FacetValue {
  std::string value;  ///< as in the stories' data-* attributes
  std::string label;
  std::string path;   ///< its page, from the site root
  Quotes quotes;
};

struct Facet {
  std::string key;    ///< ronde, groep, thema, indicator
  std::string title;  ///< Ronde, Groep, ...
  std::vector<FacetValue> values;
};

struct StorySite {
  const model::Model& m;
  const StoryIndex& index;
  std::map<std::string, std::string> theme_slugs;  ///< theme -> unique slug
  std::vector<Facet> facets;
};

void add_quote(Quotes& quotes, const model::Quote* q) {
  if (std::find(quotes.begin(), quotes.end(), q) == quotes.end()) quotes.push_back(q);
}

StorySite collect(const model::Model& m, const StoryIndex& index) {
  StorySite site{m, index, {}, {}};
  std::set<std::string> used;
  std::set<std::string> themes;
  for (const auto& q : m.quotes)
    if (!q.theme.empty()) themes.insert(q.theme);
  for (const auto& t : themes) {
    std::string base = theme_slug(t), slug = base;
    for (int i = 2; slug.empty() || used.count(slug); ++i) slug = (base.empty() ? "thema" : base) + "-" + std::to_string(i);
    used.insert(slug);
    site.theme_slugs[t] = slug;
  }

  Facet rounds{"ronde", "Ronde", {}};
  for (const auto& r : m.rounds) {
    FacetValue v{id_part(r.id), r.label, "verhalen/ronde/" + id_part(r.id) + "/index.html", {}};
    for (const auto& q : m.quotes)
      if (q.round == r.id) v.quotes.push_back(&q);
    if (!v.quotes.empty()) rounds.values.push_back(std::move(v));
  }
  Facet groups{"groep", "Groep", {}};
  for (const auto& g : m.site.groups) {
    FacetValue v{g.id, g.label, "verhalen/groep/" + g.id + "/index.html", {}};
    for (const auto& q : m.quotes)
      if (q.group == g.id) v.quotes.push_back(&q);
    if (!v.quotes.empty()) groups.values.push_back(std::move(v));
  }
  Facet theme_facet{"thema", "Thema", {}};
  for (const auto& [theme, slug] : site.theme_slugs) {
    FacetValue v{slug, theme, "verhalen/thema/" + slug + "/index.html", {}};
    for (const auto& q : m.quotes)
      if (q.theme == theme) v.quotes.push_back(&q);
    theme_facet.values.push_back(std::move(v));
  }
  Facet indicators{"indicator", "Vraag", {}};
  for (const auto& ind : m.indicators) {
    FacetValue v{ind.id, ind.title, StoryIndex::page_path(ind.id), {}};
    for (const Segment* s : index.segments_of(ind.id))
      for (const auto* q : s->quotes) add_quote(v.quotes, q);
    // Back in model order (files, then rows): the quotes are one vector, so by address.
    std::sort(v.quotes.begin(), v.quotes.end());
    if (!v.quotes.empty()) indicators.values.push_back(std::move(v));
  }
  for (Facet* f : {&rounds, &groups, &theme_facet, &indicators})
    if (!f->values.empty()) site.facets.push_back(std::move(*f));
  return site;
}

std::string round_label(const model::Model& m, const std::string& id) {
  const model::Round* r = m.round(id);
  return r ? r->label : id;
}

std::string meta_item(const std::string& term, const std::string& value_html) {
  return "<div><dt>" + term + "</dt><dd>" + value_html + "</dd></div>";
}

// One story in a list: the quote and what it sits behind. `root` leads to the site root.
std::string story_item(const StorySite& site, const model::Quote& q, const std::string& root, bool with_id) {
  std::vector<std::string> indicator_ids;
  std::string answers;
  std::size_t answer_count = 0;
  for (const Segment* s : site.index.segments_of(q)) {
    const model::Indicator* ind = site.m.indicator(s->key.indicator);
    if (ind == nullptr) continue;
    if (std::find(indicator_ids.begin(), indicator_ids.end(), ind->id) == indicator_ids.end())
      indicator_ids.push_back(ind->id);
    ++answer_count;
    answers += "<li><a href=\"" + escape(root + StoryIndex::url(s->key)) + "\">" + escape(ind->title) + ": " +
               escape(answer_label(*ind, s->key.category)) + "</a></li>";
  }
  std::string indicator_attr;
  for (const auto& id : indicator_ids) indicator_attr += (indicator_attr.empty() ? "" : " ") + id;
  auto theme = site.theme_slugs.find(q.theme);
  std::string out = "<li class=\"story\"";
  if (with_id) out += " id=\"" + story_id(q) + "\"";
  out += " data-ronde=\"" + escape(id_part(q.round)) + "\" data-groep=\"" + escape(q.group) + "\" data-thema=\"" +
         escape(theme == site.theme_slugs.end() ? "" : theme->second) + "\" data-indicator=\"" +
         escape(indicator_attr) + "\">\n";
  out += "<blockquote class=\"story-text\"><p>" + quote_html(q.text) + "</p></blockquote>\n";
  out += "<dl class=\"story-meta\">";
  if (!answers.empty())
    out += meta_item(answer_count == 1 ? "Antwoord" : "Antwoorden", "<ul>" + answers + "</ul>");
  out += meta_item("Groep", escape(site.m.group_label(q.group)));
  out += meta_item("Ronde", escape(round_label(site.m, q.round)));
  if (!q.theme.empty()) out += meta_item("Thema", escape(q.theme));
  if (!q.age_group.empty()) out += meta_item("Leeftijd jeugdige", escape(q.age_group));
  if (!q.district.empty()) out += meta_item("Wijk", escape(q.district));
  out += "</dl>\n";
  // Where the story has its anchor: here on the overview, else on the overview page.
  out += permalink(with_id ? "#" + story_id(q) : escape(root + story_url(q)), "Link naar dit verhaal");
  out += "</li>\n";
  return out;
}

std::string story_list(const StorySite& site, const Quotes& quotes, const std::string& root, bool with_ids) {
  std::string out = "<ul class=\"story-list\">\n";
  for (const auto* q : quotes) out += story_item(site, *q, root, with_ids);
  return out + "</ul>\n";
}

const char* kPlaceholderNote =
    "<p class=\"story-note\">Verhalen staan er zoals deelnemers ze vertelden, geanonimiseerd: namen en andere "
    "herkenbare gegevens zijn vervangen door een aanduiding tussen punthaken, zoals "
    "<span class=\"placeholder\">&lt;naam&gt;</span>.</p>\n";

// The filter lists: every round, group, theme and indicator with its number of stories.
// `current` is the path of the page showing it (marked aria-current).
std::string filters(const StorySite& site, const std::string& root, const std::string& current) {
  std::string out = "<nav class=\"story-filters\" aria-labelledby=\"filters-kop\">\n"
                    "<h2 id=\"filters-kop\">Verhalen filteren</h2>\n";
  out += "<p><a href=\"" + root + "verhalen/index.html\"" +
         (current == "verhalen/index.html" ? " aria-current=\"page\"" : "") + ">Alle verhalen</a> <span class=\"count\">(" +
         stats::stories_text(site.m.quotes.size()) + ")</span></p>\n";
  for (const Facet& f : site.facets) {
    out += "<div class=\"facet\" data-facet=\"" + f.key + "\">\n<h3 id=\"filter-" + f.key + "\">" + f.title +
           "</h3>\n<ul aria-labelledby=\"filter-" + f.key + "\">\n";
    for (const FacetValue& v : f.values) {
      out += "<li><a href=\"" + escape(root + v.path) + "\" data-value=\"" + escape(v.value) + "\"" +
             (v.path == current ? " aria-current=\"page\"" : "") + ">" + escape(v.label) +
             "</a> <span class=\"count\">(" + stats::stories_text(v.quotes.size()) + ")</span></li>\n";
    }
    out += "</ul>\n</div>\n";
  }
  return out + "</nav>\n";
}

std::string overview_page(const StorySite& site, const PageFrame& frame) {
  const std::string path = "verhalen/index.html";
  std::string c = breadcrumb({{"../index.html", "Home"}}, "Verhalen");
  c += "<h1>Verhalen achter de cijfers</h1>\n";
  c += "<p class=\"lead\">Elk cijfer op deze site komt uit de verhalen die deelnemers vertelden. Hier staan de "
       "verhalen die bij de cijfers zijn gekozen, met de antwoorden waar ze achter staan. Kies een ronde, groep, "
       "thema of vraag om alleen die verhalen te zien.</p>\n";
  c += kPlaceholderNote;
  c += filters(site, "../", path);
  c += "<section class=\"stories\" aria-labelledby=\"lijst-kop\">\n<h2 id=\"lijst-kop\">Alle verhalen (" +
       std::to_string(site.m.quotes.size()) + ")</h2>\n";
  Quotes all;
  for (const auto& q : site.m.quotes) all.push_back(&q);
  c += story_list(site, all, "../", true);
  c += "</section>\n";
  return frame.page({path, 1, "verhalen"}, "Verhalen", c, false, {"assets/verhalen.js"});
}

std::string facet_page(const StorySite& site, const Facet& f, const FacetValue& v, const PageFrame& frame) {
  const std::string root = "../../../";
  std::string title = "Verhalen: " + lower_first(f.title) + " " + v.label;
  std::string c = breadcrumb({{root + "index.html", "Home"}, {"../../index.html", "Verhalen"}}, f.title + ": " + v.label);
  c += "<h1>" + escape(title) + "</h1>\n";
  c += kPlaceholderNote;
  c += filters(site, root, v.path);
  c += "<section class=\"stories\" aria-labelledby=\"lijst-kop\">\n<h2 id=\"lijst-kop\">" +
       escape(stats::stories_text(v.quotes.size())) + "</h2>\n";
  c += story_list(site, v.quotes, root, false);
  c += "</section>\n";
  return frame.page({v.path, 3, "verhalen"}, title, c, false);
}

std::string segment_heading(const model::Indicator& ind, const std::string& category) {
  if (ind.type == model::IndicatorType::kScale) return "Score " + category;
  return answer_label(ind, category);
}

std::string indicator_story_page(const StorySite& site, const model::Indicator& ind, const PageFrame& frame) {
  const std::string root = "../../../";
  const std::string path = StoryIndex::page_path(ind.id);
  std::string title = "Verhalen achter de cijfers: " + ind.title;
  std::string c = breadcrumb({{root + "index.html", "Home"}, {"../../index.html", "Verhalen"}}, ind.title);
  c += "<h1>" + escape(title) + "</h1>\n";
  if (!ind.question.empty())
    c += "<p class=\"question\"><span class=\"label\">Vraag:</span> <q>" + escape(ind.question) + "</q></p>\n";
  c += "<p><a href=\"" + escape(root + indicator_dir(ind)) + "index.html\">De cijfers van " +
       escape(lower_first(ind.title)) + "</a> · <a href=\"../../index.html\">Alle verhalen</a></p>\n";
  c += kPlaceholderNote;
  // One h2 per round and group, one section per answer under it.
  std::string open_round, open_group;
  bool open = false;
  for (const Segment* s : site.index.segments_of(ind.id)) {
    if (!open || s->key.round != open_round || s->key.group != open_group) {
      if (open) c += "</section>\n";
      open_round = s->key.round, open_group = s->key.group, open = true;
      std::string id = "verhalen-" + id_part(s->key.round) + "_" + id_part(s->key.group);
      c += "<section class=\"story-round\" aria-labelledby=\"" + id + "-kop\">\n<h2 id=\"" + id + "-kop\">" +
           escape(site.m.group_label(s->key.group)) + ", " + escape(round_label(site.m, s->key.round)) + "</h2>\n";
    }
    const std::string anchor = StoryIndex::anchor(s->key);
    c += "<section class=\"story-segment\" id=\"" + anchor + "\" aria-labelledby=\"" + anchor + "-kop\">\n";
    c += "<h3 id=\"" + anchor + "-kop\">" + escape(segment_heading(ind, s->key.category)) +
         " <span class=\"count\">(" + stats::stories_text(s->quotes.size()) + ")</span></h3>\n";
    c += story_list(site, s->quotes, root, false);
    c += "</section>\n";
  }
  if (open) c += "</section>\n";
  return frame.page({path, 3, "verhalen"}, title, c, false);
}

// Two-byte UTF-8 Latin-1 letters (U+00C0 to U+00FF) without their accents; '-' elsewhere.
char unaccented(unsigned char second) {
  static const char kLatin1[] = "aaaaaaaceeeeiiiidnooooo-ouuuuyts" "aaaaaaaceeeeiiiidnooooo-ouuuuyty";
  unsigned code = 0xC0u + (second & 0x3Fu);
  return kLatin1[code - 0xC0u];
}

}  // namespace

std::string story_url(const model::Quote& q) { return "verhalen/index.html#" + story_id(q); }

std::string quote_html(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    char ch = text[i];
    if (ch == '\r') {
      ++i;
    } else if (ch == '\n') {
      out += "<br>\n";
      ++i;
    } else if (ch == '<') {
      std::size_t close = text.find('>', i + 1);
      std::string_view inner = close == std::string_view::npos ? std::string_view() : text.substr(i + 1, close - i - 1);
      if (close != std::string_view::npos && is_placeholder(inner)) {
        out += "<span class=\"placeholder\">&lt;" + escape(inner) +
               "&gt;<span class=\"visually-hidden\"> (weggelaten om de verteller te beschermen)</span></span>";
        i = close + 1;
      } else {
        out += "&lt;";
        ++i;
      }
    } else {
      out += escape(text.substr(i, 1));
      ++i;
    }
  }
  return out;
}

std::string theme_slug(std::string_view theme) {
  std::string slug;
  bool dash = false;
  for (std::size_t i = 0; i < theme.size(); ++i) {
    auto u = static_cast<unsigned char>(theme[i]);
    char c = '-';
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) c = static_cast<char>(u);
    else if (u >= 'A' && u <= 'Z') c = static_cast<char>(u - 'A' + 'a');
    else if ((u == 0xC3) && i + 1 < theme.size()) c = unaccented(static_cast<unsigned char>(theme[++i]));
    else if (u >= 0x80) {
      while (i + 1 < theme.size() && (static_cast<unsigned char>(theme[i + 1]) & 0xC0) == 0x80) ++i;
    }
    if (c == '-') {
      dash = !slug.empty();
      continue;
    }
    if (dash) slug += '-';
    dash = false;
    slug += c;
  }
  return slug;
}

std::string answer_label(const model::Indicator& ind, const std::string& category) {
  if (ind.type == model::IndicatorType::kTriad && category.size() == 1 && category[0] >= 'a' &&
      static_cast<std::size_t>(category[0] - 'a') < ind.corners.size())
    return ind.corners[static_cast<std::size_t>(category[0] - 'a')];
  return ind.category_label(category);
}

std::vector<PageJob> story_pages(const model::Model& m, const StoryIndex& index) {
  std::vector<PageJob> pages;
  if (m.quotes.empty()) return pages;
  auto site = std::make_shared<const StorySite>(collect(m, index));
  pages.push_back({"verhalen/index.html", [site](const PageFrame& frame) { return overview_page(*site, frame); }});
  for (const Facet& f : site->facets) {
    if (f.key == "indicator") continue;  // the indicator pages below are these filters
    for (const FacetValue& v : f.values)
      pages.push_back({v.path, [site, &f, &v](const PageFrame& frame) { return facet_page(*site, f, v, frame); }});
  }
  for (const auto& ind : m.indicators)
    if (!index.segments_of(ind.id).empty())
      pages.push_back({StoryIndex::page_path(ind.id),
                       [site, &ind](const PageFrame& frame) { return indicator_story_page(*site, ind, frame); }});
  return pages;
}

}  // namespace duiding::render

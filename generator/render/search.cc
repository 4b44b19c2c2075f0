#include "render/search.h"

#include <set>

#include "render/format.h"
#include "render/html.h"
#include "render/markdown.h"
#include "text/site_text.h"
#include "render/stories.h"

namespace duiding::render {
namespace {

using nlohmann::json;

// The text a result's snippet is cut from (zoeken.js centres it on the first hit): at
// most this many bytes of what the result's page shows.
constexpr std::size_t kShownBytes = 3000;

// Spaces and line breaks collapsed to one space, trimmed.
std::string one_line(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// `text` on one line, at most kShownBytes, cut at a space (never inside a UTF-8
// character) with "…".
std::string shown_text(std::string_view text) {
  std::string line = one_line(text);
  if (line.size() <= kShownBytes) return line;
  std::size_t cut = line.rfind(' ', kShownBytes);
  if (cut == std::string::npos || cut < kShownBytes / 2) {
    cut = kShownBytes;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  }
  return line.substr(0, cut) + " …";
}

// What a story's result is called: its theme, else the first answer it sits behind
// ("Tevredenheid: Zeer tevreden"), else its group.
std::string story_title(const model::Model& m, const model::Quote& q, const stats::StoryIndex& index) {
  if (!q.theme.empty()) return q.theme;
  for (const stats::Segment* s : index.segments_of(q))
    if (const model::Indicator* ind = m.indicator(s->key.indicator))
      return ind->title + ": " + answer_label(*ind, s->key.category);
  return txt::verhaal_van(lower_first(m.group_label(q.group)));
}

}  // namespace

json search_documents(const model::Model& m, const stats::StoryIndex& index) {
  json docs = json::array();
  auto add = [&](const std::string& kind, const std::string& title, const std::string& text, const std::string& shown,
                 const std::string& url) {
    docs.push_back({{"id", docs.size()},
                    {"soort", kind},
                    {"titel", title},
                    {"tekst", one_line(text)},
                    {"inhoud", shown_text(shown)},
                    {"url", url}});
  };
  const auto urls = story_urls(m);
  for (const auto& q : m.quotes) {
    const model::Round* round = m.round(q.round);
    std::string kind = txt::soort_verhaal(m.group_label(q.group), round ? round->label : q.round);
    std::string text = q.text + "\n" + q.theme + "\n" + q.district;
    for (const stats::Segment* s : index.segments_of(q)) {
      if (const model::Indicator* ind = m.indicator(s->key.indicator))
        text += "\n" + ind->title + ": " + answer_label(*ind, s->key.category);
    }
    add(kind, story_title(m, q, index), text, q.text, urls.at(q.id));
  }
  // An answer is searchable where its page shows it: only categories with a published
  // value (disclosure control may have taken a category out of every chart and table).
  std::set<std::pair<std::string, std::string>> shown_categories;
  for (const auto& v : m.values) shown_categories.emplace(v.indicator, v.category);
  for (const auto& ind : m.indicators) {
    std::string text = ind.question;
    for (const auto& [group, question] : ind.group_questions) text += "\n" + question;
    for (const auto& cat : ind.categories)
      if (shown_categories.count({ind.id, cat.id})) text += "\n" + cat.label;
    for (const auto& corner : ind.corners) text += "\n" + corner;
    text += "\n" + markdown_text(ind.description) + "\n" + markdown_text(ind.data_note);
    add(txt::soort_cijfers(), ind.title, text, ind.question.empty() ? markdown_text(ind.description) : ind.question,
        indicator_dir(ind) + "index.html");
  }
  for (const auto& s : m.site.sections) {
    std::string text = markdown_text(s.description);
    add(txt::soort_onderdeel(), s.title, text, text, section_path(s.id));
  }
  for (const auto& p : m.pages) {
    std::string text = markdown_text(p.markdown);
    // The page's own title heading starts its text; the fragment begins after it.
    std::string shown = text.rfind(p.title, 0) == 0 ? text.substr(p.title.size()) : text;
    add(txt::soort_pagina(), p.title, text, shown, page_path(p));
  }
  return docs;
}

std::string search_index_js(const model::Model& m, const stats::StoryIndex& index) {
  // Plain JavaScript holding JSON; <, > and & as \u escapes, as in a JSON script block.
  return "/* Zoekindex van deze site, geschreven door duiding; gelezen door assets/zoeken.js. */\n"
         "window.DUIDING_ZOEKINDEX = " +
         script_json(search_documents(m, index).dump()) + ";\n";
}

std::string search_page(const model::Model& m, const PageFrame& frame) {

  std::string elsewhere = m.quotes.empty() ? txt::zonder_js_cijfers("../index.html")
                                          : txt::zonder_js_verhalen("../verhalen/index.html");
  std::string c = breadcrumb({{"../index.html", txt::home()}}, txt::zoeken());
  c += "<h1>" + txt::zoeken() + "</h1>\n";
  c += "<p class=\"search-needs-js\" id=\"zoeken-zonder-js\">" + txt::zoeken_alleen_met_js() + " " + elsewhere +
       "</p>\n";
  c += "<form class=\"search-form\" id=\"zoekformulier\" role=\"search\" action=\"index.html\" method=\"get\" hidden>\n"
       "<label for=\"zoekterm\">" +
       txt::zoek_in_verhalen_en_paginas() +
       "</label>\n"
       "<div class=\"search-row\"><input type=\"search\" id=\"zoekterm\" name=\"q\" autocomplete=\"off\" "
       "spellcheck=\"false\"> <button type=\"submit\">" +
       txt::zoeken() + "</button></div>\n</form>\n";
  c += "<p class=\"search-status\" id=\"zoekstatus\" role=\"status\"></p>\n";
  c += "<ol class=\"search-results\" id=\"zoekresultaten\"></ol>\n";
  return frame.page({"zoeken/index.html", 1, "zoeken"}, txt::zoeken(), c, false,
                   {"assets/vendor/minisearch.js", "assets/zoekindex.js", "assets/zoeken.js"});
}

}  // namespace duiding::render

#include "render/stories.h"

#include <memory>

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "render/format.h"
#include "render/html.h"
#include "text/site_text.h"
#include "render/story_listing.h"
#include "render/story_site.h"

namespace duiding::render {
namespace {

using stats::Segment;
using stats::StoryIndex;
using story::Site;
using stats::id_part;

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

std::string segment_heading(const model::Indicator& ind, const std::string& category) {
  if (ind.type == model::IndicatorType::kScale) return txt::score_categorie(category);
  return answer_label(ind, category);
}

std::string indicator_story_page(const Site& site, const model::Indicator& ind, const PageFrame& frame) {
  const std::string root = "../../../";
  const std::string path = StoryIndex::page_path(ind.id);
  std::string title = txt::verhalen_achter_de_cijfers_van(ind.title);
  std::string c = breadcrumb({{root + "index.html", txt::home()}, {"../../index.html", txt::verhalen_kop()}}, ind.title);
  c += "<h1>" + escape(title) + "</h1>\n";
  if (!ind.question.empty())
    c += "<p class=\"question\"><span class=\"label\">" + txt::vraag_label() + ":</span> <q>" + escape(ind.question) + "</q></p>\n";
  c += "<p><a href=\"" + escape(root + indicator_dir(ind)) + "index.html\">" +
       escape(txt::de_cijfers_van(lower_first(ind.title))) + "</a> · <a href=\"../../index.html\">" + txt::alle_verhalen() +
       "</a></p>\n";
  c += story::placeholder_note();
  // One h2 per round and group, one section per answer under it.
  std::string open_round, open_group;
  bool open = false;
  for (const Segment* s : site.index.segments_of(ind.id)) {
    if (!open || s->key.round != open_round || s->key.group != open_group) {
      if (open) c += "</section>\n";
      open_round = s->key.round, open_group = s->key.group, open = true;
      std::string id = "verhalen-" + id_part(s->key.round) + "_" + id_part(s->key.group);
      c += "<section class=\"story-round\" aria-labelledby=\"" + id + "-kop\">\n<h2 id=\"" + id + "-kop\">" +
           escape(site.m.group_label(s->key.group)) + ", " + escape(story::round_label(site.m, s->key.round)) + "</h2>\n";
    }
    const std::string anchor = StoryIndex::anchor(s->key);
    c += "<section class=\"story-segment\" id=\"" + anchor + "\" aria-labelledby=\"" + anchor + "-kop\">\n";
    c += "<h3 id=\"" + anchor + "-kop\">" + escape(segment_heading(ind, s->key.category)) +
         " <span class=\"count\">(" + stats::stories_text(s->quotes.size()) + ")</span></h3>\n";
    c += story::story_list(site, s->quotes, root, false);
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

std::size_t word_count(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

void order_stories(std::vector<const model::Quote*>& quotes) {
  std::vector<std::pair<std::size_t, const model::Quote*>> keyed;
  keyed.reserve(quotes.size());
  for (const auto* q : quotes) keyed.emplace_back(word_count(q->text), q);
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return a.second->id < b.second->id;
  });
  for (std::size_t i = 0; i < keyed.size(); ++i) quotes[i] = keyed[i].second;
}

std::size_t story_page_count(std::size_t stories) { return stories == 0 ? 1 : (stories + kStoriesPerPage - 1) / kStoriesPerPage; }

std::string story_page_path(const std::string& dir, std::size_t page) {
  return dir + (page > 1 ? "pagina-" + std::to_string(page) + "/" : "") + "index.html";
}

std::map<std::string, std::string> story_urls(const model::Model& m) {
  std::vector<const model::Quote*> all;
  for (const auto& q : m.quotes) all.push_back(&q);
  order_stories(all);
  std::map<std::string, std::string> urls;
  for (std::size_t i = 0; i < all.size(); ++i)
    urls[all[i]->id] = story_page_path("verhalen/", i / kStoriesPerPage + 1) + "#" + story::story_id(*all[i]);
  return urls;
}

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
               "&gt;<span class=\"visually-hidden\"> " + txt::weggelaten() + "</span></span>";
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
  auto site = std::make_shared<const Site>(story::collect(m, index));
  pages = story::listing_pages(site);
  for (const auto& ind : m.indicators)
    if (!index.segments_of(ind.id).empty())
      pages.push_back({StoryIndex::page_path(ind.id),
                       [site, &ind](const PageFrame& frame) { return indicator_story_page(*site, ind, frame); }});
  return pages;
}

}  // namespace duiding::render

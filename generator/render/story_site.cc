#include "render/story_site.h"

#include <algorithm>
#include <set>

#include "render/html.h"
#include "render/permalink.h"
#include "text/site_text.h"
#include "render/stories.h"

namespace duiding::render::story {
namespace {

using stats::id_part;
using stats::Segment;

void add_quote(Quotes& quotes, const model::Quote* q) {
  if (std::find(quotes.begin(), quotes.end(), q) == quotes.end()) quotes.push_back(q);
}

std::string meta_item(const std::string& term, const std::string& value_html) {
  return "<div><dt>" + term + "</dt><dd>" + value_html + "</dd></div>";
}

// One story in a list: the quote and what it sits behind. `root` leads to the site root.
std::string story_item(const Site& site, const model::Quote& q, const std::string& root, bool with_id,
                       const std::string& here) {
  std::vector<std::string> indicator_ids;
  std::string answers;
  std::size_t answer_count = 0;
  for (const Segment* s : site.index.segments_of(q)) {
    const model::Indicator* ind = site.m.indicator(s->key.indicator);
    if (ind == nullptr) continue;
    if (std::find(indicator_ids.begin(), indicator_ids.end(), ind->id) == indicator_ids.end())
      indicator_ids.push_back(ind->id);
    ++answer_count;
    answers += "<li><a href=\"" + escape(root + stats::StoryIndex::url(s->key)) + "\">" + escape(ind->title) + ": " +
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
    out += meta_item(txt::antwoord_aantal(static_cast<long long>(answer_count)), "<ul>" + answers + "</ul>");
  out += meta_item(txt::groep(), escape(site.m.group_label(q.group)));
  out += meta_item(txt::ronde(), escape(round_label(site.m, q.round)));
  if (!q.theme.empty()) out += meta_item(txt::thema(), escape(q.theme));
  if (!q.age_group.empty()) out += meta_item(txt::leeftijd_jeugdige(), escape(q.age_group));
  if (!q.district.empty()) out += meta_item(txt::wijk(), escape(q.district));
  out += "</dl>\n";
  // The link a reader shares leads to the story's place in the overview of all stories.
  auto url = site.urls.find(q.id);
  if (url != site.urls.end()) {
    const bool on_this_page = !here.empty() && url->second.rfind(here + "#", 0) == 0;
    out += permalink(escape(on_this_page ? url->second.substr(here.size()) : root + url->second), txt::link_naar_dit_verhaal());
  }
  out += "</li>\n";
  return out;
}

// Adds a listing of `quotes` in folder `dir` to `site` and returns its index.
int add_listing(Site& site, std::string dir, std::string label, Quotes quotes) {
  order_stories(quotes);
  site.listings.push_back({std::move(dir), std::move(label), std::move(quotes)});
  return static_cast<int>(site.listings.size() - 1);
}

}  // namespace

std::string placeholder_note() {
  return "<p class=\"story-note\">" +
         txt::placeholder_uitleg("<span class=\"placeholder\">" + txt::placeholder_naam() + "</span>") + "</p>\n";
}

std::string story_id(const model::Quote& q) { return "verhaal-" + id_part(q.id); }

std::string round_label(const model::Model& m, const std::string& id) {
  const model::Round* r = m.round(id);
  return r ? r->label : id;
}

std::string story_list(const Site& site, const Quotes& quotes, const std::string& root, bool with_ids,
                       const std::string& here) {
  std::string out = "<ul class=\"story-list\">\n";
  for (const auto* q : quotes) out += story_item(site, *q, root, with_ids, here);
  return out + "</ul>\n";
}

Site collect(const model::Model& m, const stats::StoryIndex& index) {
  Site site{m, index, {}, {}, {}, story_urls(m)};
  // Folders are made of ids (one lower-case a-z, 0-9 and '-' rule, unique per kind) and of
  // theme slugs made unique here, each under its facet's own folder, so no two listings
  // share one (the plan checks every path once more).
  std::set<std::string> used;
  std::set<std::string> themes;
  for (const auto& q : m.quotes)
    if (!q.theme.empty()) themes.insert(q.theme);
  for (const auto& t : themes) {
    std::string base = theme_slug(t), slug = base;
    for (int i = 2; slug.empty() || used.count(slug); ++i)
      slug = (base.empty() ? "thema" : base) + "-" + std::to_string(i);
    used.insert(slug);
    site.theme_slugs[t] = slug;
  }

  Quotes all;
  for (const auto& q : m.quotes) all.push_back(&q);
  add_listing(site, "verhalen/", "", std::move(all));

  auto value = [&site](const std::string& facet, const std::string& slug, const std::string& label, Quotes quotes) {
    std::string dir = "verhalen/" + facet + "/" + slug + "/";
    std::size_t n = quotes.size();
    int at = add_listing(site, dir, label, std::move(quotes));
    return FacetValue{slug, label, dir + "index.html", n, at};
  };
  Facet rounds{"ronde", txt::ronde(), {}};
  for (const auto& r : m.rounds) {
    Quotes quotes;
    for (const auto& q : m.quotes)
      if (q.round == r.id) quotes.push_back(&q);
    if (!quotes.empty()) rounds.values.push_back(value("ronde", id_part(r.id), r.label, std::move(quotes)));
  }
  Facet groups{"groep", txt::groep(), {}};
  for (const auto& g : m.site.groups) {
    Quotes quotes;
    for (const auto& q : m.quotes)
      if (q.group == g.id) quotes.push_back(&q);
    if (!quotes.empty()) groups.values.push_back(value("groep", g.id, g.label, std::move(quotes)));
  }
  Facet theme_facet{"thema", txt::thema(), {}};
  for (const auto& [theme, slug] : site.theme_slugs) {
    Quotes quotes;
    for (const auto& q : m.quotes)
      if (q.theme == theme) quotes.push_back(&q);
    theme_facet.values.push_back(value("thema", slug, theme, std::move(quotes)));
  }
  // An indicator's stories have their own page, by answer (linked from its charts).
  Facet indicators{"indicator", txt::vraag_label(), {}};
  for (const auto& ind : m.indicators) {
    Quotes quotes;
    for (const Segment* s : index.segments_of(ind.id))
      for (const auto* q : s->quotes) add_quote(quotes, q);
    if (!quotes.empty())
      indicators.values.push_back({ind.id, ind.title, stats::StoryIndex::page_path(ind.id), quotes.size(), -1});
  }
  for (Facet* f : {&rounds, &groups, &theme_facet, &indicators})
    if (!f->values.empty()) site.facets.push_back(std::move(*f));
  return site;
}

}  // namespace duiding::render::story

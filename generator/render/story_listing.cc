// The paginated story lists: all stories (verhalen/, verhalen/pagina-2/, ...) and the
// stories of each round, group and theme (verhalen/groep/gezinnen/, .../pagina-2/, ...),
// each page with the facet navigation (plain links: the filters without JavaScript) and a
// pagination nav with rel="prev"/"next" links.
#include "render/story_listing.h"

#include <algorithm>
#include <memory>

#include "render/format.h"
#include "render/html.h"
#include "text/site_text.h"
#include "render/stories.h"

namespace duiding::render::story {
namespace {

int depth_of(const std::string& path) { return static_cast<int>(std::count(path.begin(), path.end(), '/')); }

std::string count_html(std::size_t n) { return " <span class=\"count\">(" + stats::stories_text(n) + ")</span>"; }

// The facet navigation: all stories, then per facet a <details> with a link to every value
// and its number of stories. `current` is the first page of the listing shown (marked
// aria-current); its facet starts open.
std::string filters(const Site& site, const std::string& root, const std::string& current) {
  std::string out = "<nav class=\"story-filters\" aria-labelledby=\"filters-kop\">\n"
                    "<h2 id=\"filters-kop\">" + txt::verhalen_kiezen() + "</h2>\n";
  out += "<p><a href=\"" + root + "verhalen/index.html\"" +
         (current == "verhalen/index.html" ? " aria-current=\"page\"" : "") + ">" + txt::alle_verhalen() + "</a>" +
         count_html(site.m.quotes.size()) + "</p>\n";
  for (const Facet& f : site.facets) {
    bool here = std::any_of(f.values.begin(), f.values.end(), [&](const FacetValue& v) { return v.path == current; });
    out += "<details class=\"facet\" data-facet=\"" + f.key + "\"" + (here ? " open" : "") + ">\n<summary>" + f.title +
           " <span class=\"count\">(" + std::to_string(f.values.size()) + ")</span></summary>\n<ul>\n";
    for (const FacetValue& v : f.values) {
      out += "<li><a href=\"" + escape(root + v.path) + "\" data-value=\"" + escape(v.value) + "\"" +
             (v.path == current ? " aria-current=\"page\"" : "") + ">" + escape(v.label) + "</a>" +
             count_html(v.count) + "</li>\n";
    }
    out += "</ul>\n</details>\n";
  }
  return out + "</nav>\n";
}

// "Pagina 2 van 6" with links to the previous and next page and to every page by number.
// `from_dir` leads from this page to the listing's folder.
std::string pagination(const Listing& l, std::size_t page, std::size_t pages, const std::string& from_dir) {
  if (pages < 2) return "";
  auto href = [&](std::size_t k) {
    std::string p = story_page_path(l.dir, k);
    return escape(from_dir + p.substr(l.dir.size()));
  };
  std::string out = "<nav class=\"pagination\" aria-label=\"" + txt::paginas_met_verhalen() + "\">\n<p>" +
                    txt::pagina_van(page, pages) + "</p>\n<ul>\n";
  if (page > 1) out += "<li><a rel=\"prev\" href=\"" + href(page - 1) + "\">" + txt::vorige_pagina() + "</a></li>\n";
  for (std::size_t k = 1; k <= pages; ++k) {
    out += "<li><a href=\"" + href(k) + "\"" + (k == page ? " aria-current=\"page\"" : "") +
           "><span class=\"visually-hidden\">" + txt::pagina() + " </span>" + std::to_string(k) + "</a></li>\n";
  }
  if (page < pages) out += "<li><a rel=\"next\" href=\"" + href(page + 1) + "\">" + txt::volgende_pagina() + "</a></li>\n";
  return out + "</ul>\n</nav>\n";
}


std::string listing_page(const Site& site, const Listing& l, std::size_t page, const PageFrame& frame) {
  const std::string path = story_page_path(l.dir, page);
  const std::size_t pages = story_page_count(l.quotes.size());
  const std::string root = root_of(depth_of(path));
  const std::string from_dir = page > 1 ? "../" : "";
  const std::string of_pages = page > 1 ? " (" + txt::pagina_van_in_titel(page, pages) + ")" : "";
  const bool all = l.label.empty();
  const Facet* facet = nullptr;
  for (const Facet& f : site.facets)
    for (const FacetValue& v : f.values)
      if (v.path == l.dir + "index.html") facet = &f;

  std::string heading = all ? txt::verhalen_achter_de_cijfers() : txt::verhalen_van_facet(lower_first(facet->title), l.label);
  std::string c;
  if (all) c = breadcrumb({{root + "index.html", txt::home()}}, txt::verhalen_kop());
  else
    c = breadcrumb({{root + "index.html", txt::home()}, {root + "verhalen/index.html", txt::verhalen_kop()}},
                   facet->title + ": " + l.label);
  c += "<h1>" + escape(heading) + escape(of_pages) + "</h1>\n";
  if (all && page == 1)
    c += "<p class=\"lead\">" + txt::verhalen_inleiding() + "</p>\n";
  c += placeholder_note();
  c += filters(site, root, l.dir + "index.html");
  const std::size_t first = (page - 1) * kStoriesPerPage;
  const std::size_t last = std::min(l.quotes.size(), first + kStoriesPerPage);
  c += "<section class=\"stories\" aria-labelledby=\"lijst-kop\">\n<h2 id=\"lijst-kop\">" +
       (all ? txt::alle_verhalen_aantal(l.quotes.size())
            : escape(stats::stories_text(l.quotes.size()))) +
       (pages < 2            ? ""
        : last == first + 1 ? ", " + txt::verhaal_nummer(last)
                            : ", " + txt::van_tot_en_met(first + 1, last)) +
       "</h2>\n";
  c += "<p class=\"story-order\">" + txt::verhalen_volgorde() + "</p>\n";
  Quotes shown(l.quotes.begin() + static_cast<std::ptrdiff_t>(first), l.quotes.begin() + static_cast<std::ptrdiff_t>(last));
  c += story_list(site, shown, root, true, path);
  c += pagination(l, page, pages, from_dir);
  c += "</section>\n";
  return frame.page({path, depth_of(path), "verhalen"}, all ? txt::verhalen_kop() + of_pages : heading + of_pages, c, false,
                    {"assets/verhalen.js"});
}

}  // namespace

std::vector<PageJob> listing_pages(const std::shared_ptr<const Site>& site) {
  std::vector<PageJob> jobs;
  for (const Listing& l : site->listings) {
    const std::size_t pages = story_page_count(l.quotes.size());
    for (std::size_t k = 1; k <= pages; ++k)
      jobs.push_back({story_page_path(l.dir, k),
                      [site, &l, k](const PageFrame& frame) { return listing_page(*site, l, k, frame); }});
  }
  return jobs;
}

}  // namespace duiding::render::story

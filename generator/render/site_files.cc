#include "render/site_files.h"

#include <nlohmann/json.hpp>

#include "render/open_data.h"
#include "render/page_frame.h"

namespace duiding::render {

std::string edition_json(const model::Model& m,
                         const std::map<std::string, std::vector<const model::Value*>>& by_indicator) {
  nlohmann::json j;
  j["generator"] = "duiding";
  j["format"] = 1;
  j["title"] = m.site.title;
  j["organisation"] = m.site.organisation;
  j["language"] = m.site.language;
  j["base_url"] = m.site.base_url;
  j["fictional"] = m.site.fictional;
  j["description"] = m.site.description;
  // Links the source itself declares outside the site; publish lets pages refer to them.
  nlohmann::json external = nlohmann::json::array();
  const model::Accessibility& a = m.site.accessibility;
  if (!a.contact_url.empty()) external.push_back(a.contact_url);
  if (!a.contact_email.empty()) external.push_back("mailto:" + a.contact_email);
  j["external_links"] = external;
  j["contact"] = {{"email", a.contact_email}, {"url", a.contact_url}};
  if (const model::Round* r = m.current_round()) {
    j["round"] = {{"id", r->id}, {"label", r->label}, {"start", r->start}, {"end", r->end}};
  } else {
    j["round"] = nullptr;
  }
  nlohmann::json downloads = nlohmann::json::array();
  for (const auto& ind : m.indicators) {
    auto it = by_indicator.find(ind.id);
    if (it == by_indicator.end() || it->second.empty()) continue;
    downloads.push_back({{"path", indicator_dir(ind) + ind.id + ".csv"},
                         {"indicator", ind.id},
                         {"title", ind.title},
                         {"question", ind.question},
                         {"page", indicator_dir(ind) + "index.html"},
                         {"rows", it->second.size()}});
  }
  // The site-wide open data (render/open_data.h), written by the pipeline beside the pages.
  for (const auto& f : open_data_files(m))
    downloads.push_back({{"path", f.path}, {"title", f.title}, {"question", f.title}, {"page", "index.html"}});
  j["downloads"] = downloads;
  return j.dump(2) + "\n";
}

}  // namespace duiding::render

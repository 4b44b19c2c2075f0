// The edition file duiding-site.json at the site root: what `duiding publish` reads (the
// round, base_url, title and the open-data downloads) to add editions, sitemap.xml,
// robots.txt, 404.html and the open-data catalogue when it publishes the site.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/model.h"

namespace duiding::render {

/// Name of the edition file at the site root.
inline constexpr const char* kEditionFile = "duiding-site.json";

/// The edition file: generator, site, current round and every CSV download with its
/// indicator's title (sorted keys, so byte-identical between builds).
std::string edition_json(const model::Model& m,
                         const std::map<std::string, std::vector<const model::Value*>>& by_indicator);

}  // namespace duiding::render

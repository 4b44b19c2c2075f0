// Files publish adds to a site from its edition file (duiding-site.json): sitemap.xml
// (absolute URLs from base_url), robots.txt, the Dutch 404.html, the open-data catalogue
// in DCAT-AP-DONL (catalogus.jsonld) and CSV on the Web metadata beside each CSV.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace duiding::publish {

inline constexpr const char* kCatalogue = "catalogus.jsonld";

/// "/impactmeting/" for base_url "https://voorbeeldgemeente.example/impactmeting/".
std::string base_path(const std::string& base_url);
/// base_url with a trailing "/".
std::string base_with_slash(const std::string& base_url);

/// Every .html file but 404.html, as absolute URLs under base_url.
std::string sitemap_xml(const std::string& base_url, const std::vector<std::string>& files);
std::string robots_txt(const std::string& base_url);
/// The Dutch 404 page, with the pages' CSP `csp` in its <meta> element.
std::string not_found_page(const nlohmann::json& edition, const std::string& csp);

/// The DCAT-AP-DONL catalogue of the edition's CSV downloads (JSON-LD with its context inline).
std::string dcat_catalogue(const nlohmann::json& edition);
/// CSV on the Web metadata (`<file>.csv-metadata.json`) for a CSV whose first line is `header`.
std::string csvw_metadata(const std::string& csv_name, const std::string& title, const std::string& header);

}  // namespace duiding::publish

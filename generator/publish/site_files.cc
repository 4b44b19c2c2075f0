#include "publish/site_files.h"

#include <sstream>

#include "render/html.h"
#include "text/site_text.h"

namespace duiding::publish {

using render::escape;

namespace {

// Columns of the values CSV (docs/data-format.md, "values"); any other column is text.
struct Column {
  const char* name;
  const char* datatype;
  std::string description;
};
std::vector<Column> value_columns() {
  return {
      {"round", "string", txt::kolom_ronde()},
      {"indicator", "string", txt::kolom_indicator()},
      {"group", "string", txt::kolom_groep()},
      {"breakdown", "string", txt::kolom_uitsplitsing()},
      {"category", "string", txt::kolom_categorie()},
      {"measure", "string", txt::kolom_soort()},
      {"value", "number", txt::kolom_waarde()},
      {"note", "string", txt::kolom_opmerking()},
  };
}

}  // namespace

std::string base_path(const std::string& base_url) {
  auto scheme = base_url.find("://");
  if (scheme == std::string::npos) return "/";
  auto slash = base_url.find('/', scheme + 3);
  if (slash == std::string::npos) return "/";
  std::string path = base_url.substr(slash);
  if (path.back() != '/') path += '/';
  return path;
}

std::string base_with_slash(const std::string& base_url) {
  return base_url.empty() || base_url.back() == '/' ? base_url : base_url + "/";
}

std::string sitemap_xml(const std::string& base_url, const std::vector<std::string>& files) {
  const std::string base = base_with_slash(base_url);
  std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& f : files) {
    if (f.size() < 5 || f.substr(f.size() - 5) != ".html" || f == "404.html") continue;
    std::string url = f == "index.html" ? "" : f;
    if (url.size() >= 11 && url.substr(url.size() - 11) == "/index.html") url.erase(url.size() - 10);
    s += "  <url><loc>" + escape(base + url) + "</loc></url>\n";
  }
  return s + "</urlset>\n";
}

std::string robots_txt(const std::string& base_url) {
  return "User-agent: *\nAllow: /\nSitemap: " + base_with_slash(base_url) + "sitemap.xml\n";
}

std::string not_found_page(const nlohmann::json& edition, const std::string& csp) {
  const std::string root = escape(base_path(edition.value("base_url", "")));
  const std::string site = edition.value("title", "");
  std::string title = txt::pagina_niet_gevonden() + " · " + site;
  if (edition.value("fictional", false)) title += " " + txt::fictief();
  return "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\">\n"
         "<title>" + escape(title) + "</title>\n"
         "<link rel=\"stylesheet\" href=\"" + root + "assets/theme.css\">\n"
         "<link rel=\"stylesheet\" href=\"" + root + "assets/duiding.css\">\n"
         "</head>\n<body>\n<main id=\"inhoud\" class=\"wrap\">\n<h1>" + txt::pagina_niet_gevonden() + "</h1>\n"
         "<p>" + txt::pagina_bestaat_niet(escape(site), escape(edition.value("organisation", ""))) +
         "</p>\n<ul>\n<li><a href=\"" + root + "index.html\">" + txt::naar_de_startpagina() + "</a></li>\n<li><a href=\"" +
         root + "zoeken/index.html\">" + txt::zoeken_op_deze_site() + "</a></li>\n</ul>\n</main>\n</body>\n</html>\n";
}

std::string dcat_catalogue(const nlohmann::json& edition) {
  using nlohmann::json;
  const std::string base = base_with_slash(edition.value("base_url", ""));
  const json round = edition.value("round", json::object());
  const std::string modified = round.is_object() ? round.value("end", round.value("start", "")) : "";
  const std::string license = "http://standaarden.overheid.nl/owms/terms/licentieonbekend";
  const std::string language = "http://publications.europa.eu/resource/authority/language/NLD";
  json publisher = {{"@type", "foaf:Agent"}, {"foaf:name", edition.value("organisation", "")}};
  json distributions = json::array();
  for (const auto& d : edition.value("downloads", json::array())) {
    const std::string url = base + d.value("path", "");
    distributions.push_back({{"@id", url},
                             {"@type", "dcat:Distribution"},
                             {"dct:title", d.value("title", "") + " (CSV)"},
                             {"dct:description", d.value("question", "")},
                             {"dcat:accessURL", {{"@id", base + d.value("page", "")}}},
                             {"dcat:downloadURL", {{"@id", url}}},
                             {"dcat:mediaType", {{"@id", "https://www.iana.org/assignments/media-types/text/csv"}}},
                             {"dct:format", {{"@id", "http://publications.europa.eu/resource/authority/file-type/CSV"}}},
                             {"dct:license", {{"@id", license}}},
                             {"dct:language", {{"@id", language}}},
                             {"dct:conformsTo", {{"@id", "http://www.w3.org/ns/csvw"}}},
                             {"foaf:page", {{"@id", url + "-metadata.json"}}}});
  }
  std::string description = edition.value("description", "");
  if (description.empty()) description = edition.value("title", "");
  json dataset = {{"@id", base + "#dataset"},
                  {"@type", "dcat:Dataset"},
                  {"dct:identifier", base + "#dataset"},
                  {"dct:title", edition.value("title", "")},
                  {"dct:description", description},
                  {"dct:language", {{"@id", language}}},
                  {"dct:license", {{"@id", license}}},
                  {"dct:modified", {{"@value", modified}, {"@type", "xsd:date"}}},
                  {"dct:publisher", publisher},
                  {"dcat:landingPage", {{"@id", base + "index.html"}}},
                  {"dcat:theme", {{"@id", "http://standaarden.overheid.nl/owms/terms/Zorg_en_gezondheid"}}},
                  {"dct:accessRights", {{"@id", "http://publications.europa.eu/resource/authority/access-right/PUBLIC"}}},
                  {"dcat:distribution", distributions}};
  if (round.is_object()) dataset["dcat:version"] = round.value("id", "");
  if (edition.contains("contact") && edition["contact"].is_object()) {
    json contact = {{"@type", "vcard:Kind"}, {"vcard:fn", edition.value("organisation", "")}};
    if (auto e = edition["contact"].value("email", ""); !e.empty()) contact["vcard:hasEmail"] = {{"@id", "mailto:" + e}};
    if (auto u = edition["contact"].value("url", ""); !u.empty()) contact["vcard:hasURL"] = {{"@id", u}};
    dataset["dcat:contactPoint"] = contact;
  }
  json doc = {{"@context",
               {{"dcat", "http://www.w3.org/ns/dcat#"},
                {"dct", "http://purl.org/dc/terms/"},
                {"foaf", "http://xmlns.com/foaf/0.1/"},
                {"vcard", "http://www.w3.org/2006/vcard/ns#"},
                {"xsd", "http://www.w3.org/2001/XMLSchema#"},
                {"overheid", "http://standaarden.overheid.nl/owms/terms/"}}},
              {"@id", base + kCatalogue},
              {"@type", "dcat:Catalog"},
              {"dct:title", txt::open_data_van(edition.value("title", ""))},
              {"dct:description", txt::open_data_beschrijving(edition.value("title", ""))},
              {"dct:publisher", publisher},
              {"dct:language", {{"@id", language}}},
              {"dct:license", {{"@id", license}}},
              {"foaf:homepage", {{"@id", base + "index.html"}}},
              {"dcat:dataset", json::array({dataset})}};
  return doc.dump(2) + "\n";
}

std::string csvw_metadata(const std::string& csv_name, const std::string& title, const std::string& header) {
  using nlohmann::json;
  json columns = json::array();
  std::istringstream in(header);
  const std::vector<Column> known = value_columns();
  std::string name;
  while (std::getline(in, name, ',')) {
    if (!name.empty() && name.back() == '\r') name.pop_back();
    json col = {{"name", name}, {"titles", name}, {"datatype", "string"}};
    for (const auto& c : known)
      if (name == c.name) {
        col["datatype"] = c.datatype;
        col["dc:description"] = c.description;
      }
    columns.push_back(col);
  }
  json doc = {{"@context", json::array({"http://www.w3.org/ns/csvw", {{"@language", "nl"}}})},
              {"url", csv_name},
              {"dc:title", title},
              {"dialect", {{"header", true}, {"encoding", "utf-8"}}},
              {"tableSchema", {{"columns", columns}}}};
  return doc.dump(2) + "\n";
}

}  // namespace duiding::publish

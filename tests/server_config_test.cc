// The web server configurations for nginx, Apache and IIS come from one definition; read
// back with a small parser per format, they must send the same headers on pages and on
// embed pages, the same long caching and the same media types, and the CSP must be the
// one in site-templates/layout.html plus frame-ancestors.
#include "publish/server_config.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

namespace {

using namespace duiding::publish;
using HeaderMap = std::map<std::string, std::string>;

std::string slurp(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Said {
  HeaderMap page, embed;
  std::string embed_pattern, hashed_pattern, hashed_cache, not_found;
  std::map<std::string, std::string> types;  // extension → media type with charset
};

std::vector<std::smatch> all(const std::string& text, const std::regex& re) {
  std::vector<std::smatch> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back(*it);
  return out;
}

Said read_nginx(const std::string& conf) {
  Said s;
  std::smatch m;
  // Blocks: the outer location up to the first nested one, the embed one, the hashed one.
  const auto outer = conf.substr(conf.find("\nlocation "), conf.find("    location ~") - conf.find("\nlocation "));
  const auto embed_at = conf.find("    location ~");
  const auto hashed_at = conf.find("    location ~", embed_at + 1);
  const std::string embed = conf.substr(embed_at, hashed_at - embed_at), hashed = conf.substr(hashed_at);
  const std::regex header("add_header ([A-Za-z-]+) \"([^\"]*)\" always;");
  for (const auto& h : all(outer, header)) s.page[h[1]] = h[2];
  for (const auto& h : all(embed, header)) s.embed[h[1]] = h[2];
  for (const auto& h : all(hashed, header))
    if (h[1] == "Cache-Control") s.hashed_cache = h[2];
  REQUIRE(std::regex_search(embed, m, std::regex("location ~ \"([^\"]+)\"")));
  s.embed_pattern = m[1];
  REQUIRE(std::regex_search(hashed, m, std::regex("location ~ \"([^\"]+)\"")));
  s.hashed_pattern = m[1];
  REQUIRE(std::regex_search(conf, m, std::regex("error_page 404 (\\S+);")));
  s.not_found = m[1];
  REQUIRE(std::regex_search(conf, m, std::regex("charset_types ([^;]+);")));
  const std::string charset_types = " " + std::string(m[1]) + " ";
  const std::string types = conf.substr(conf.find("types {"), conf.find("}") - conf.find("types {"));
  for (const auto& t : all(types, std::regex("    (\\S+) (\\S+);"))) {
    std::string type = t[1];
    // nginx's `charset` always applies to text/html and to the types in charset_types.
    if (type == "text/html" || charset_types.find(" " + type + " ") != std::string::npos) type += "; charset=utf-8";
    s.types[t[2]] = type;
  }
  return s;
}

Said read_htaccess(const std::string& conf) {
  Said s;
  std::smatch m;
  for (const auto& h : all(conf, std::regex("Header always set ([A-Za-z-]+) \"([^\"]*)\" env=(!?)DUIDING_EMBED")))
    (h[3] == "!" ? s.page : s.embed)[h[1]] = h[2];
  REQUIRE(std::regex_search(conf, m, std::regex("SetEnvIf Request_URI \"([^\"]+)\" DUIDING_EMBED")));
  s.embed_pattern = m[1];
  REQUIRE(std::regex_search(conf, m, std::regex("<FilesMatch \"([^\"]+)\">\\s*Header always set Cache-Control \"([^\"]+)\"")));
  s.hashed_pattern = m[1];
  s.hashed_cache = m[2];
  REQUIRE(std::regex_search(conf, m, std::regex("ErrorDocument 404 (\\S+)")));
  s.not_found = m[1];
  for (const auto& t : all(conf, std::regex("AddType \"([^\"]+)\" \\.(\\S+)"))) s.types[t[2]] = t[1];
  return s;
}

std::string unxml(std::string v) {
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"},
                                 {"&amp;", "&"}}) {
    for (auto at = v.find(from); at != std::string::npos; at = v.find(from, at + to.size())) v.replace(at, from.size(), to);
  }
  return v;
}

Said read_web_config(const std::string& conf) {
  Said s;
  std::smatch m;
  for (const auto& h : all(conf, std::regex("<add name=\"([A-Za-z-]+)\" value=\"([^\"]*)\" />")))
    s.page[h[1]] = unxml(h[2]);
  // Outbound rules: under the embed pattern a header is rewritten; an empty value removes it.
  const std::regex rule("<match serverVariable=\"RESPONSE_([A-Za-z_]+)\" pattern=\"\\.\\*\" />\\s*<conditions>\\s*"
                        "<add input=\"\\{REQUEST_URI\\}\" pattern=\"([^\"]+)\" />\\s*</conditions>\\s*"
                        "<action type=\"Rewrite\" value=\"([^\"]*)\" />");
  for (const auto& r : all(conf, rule)) {
    std::string name = r[1];
    for (auto& c : name)
      if (c == '_') c = '-';
    if (name == "Cache-Control" && std::string(r[3]).find("immutable") != std::string::npos) {
      s.hashed_pattern = unxml(r[2]);
      s.hashed_cache = unxml(r[3]);
      continue;
    }
    s.embed_pattern = unxml(r[2]);
    if (!std::string(r[3]).empty()) s.embed[name] = unxml(r[3]);
  }
  REQUIRE(std::regex_search(conf, m, std::regex("<error statusCode=\"404\" path=\"([^\"]+)\"")));
  s.not_found = m[1];
  for (const auto& t : all(conf, std::regex("<mimeMap fileExtension=\"\\.(\\S+)\" mimeType=\"([^\"]+)\" />")))
    s.types[t[1]] = unxml(t[2]);
  return s;
}

std::string layout_csp() {
  std::smatch m;
  const std::string layout = slurp(std::string(DUIDING_TEST_DATA) + "/../site-templates/layout.html");
  REQUIRE(std::regex_search(layout, m, std::regex("http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\"")));
  return m[1];
}

}  // namespace

TEST_CASE("nginx, Apache and IIS configurations send the same headers, caching and types", "[publish]") {
  const std::string csp = layout_csp();
  const ServerPolicy p = server_policy(csp, "/impactmeting/");
  const Said n = read_nginx(nginx_config(p)), a = read_htaccess(htaccess(p)), i = read_web_config(web_config(p));
  for (const Said* s : {&a, &i}) {
    CHECK(s->page == n.page);
    CHECK(s->embed == n.embed);
    CHECK(s->embed_pattern == n.embed_pattern);
    CHECK(s->hashed_pattern == n.hashed_pattern);
    CHECK(s->hashed_cache == n.hashed_cache);
    CHECK(s->not_found == n.not_found);
    CHECK(s->types == n.types);
  }
  // What they say, against the page CSP and the rules of the issue.
  CHECK(n.page.at("Content-Security-Policy") == csp + "; frame-ancestors 'none'");
  CHECK(n.page.at("X-Frame-Options") == "DENY");
  CHECK(n.embed.at("Content-Security-Policy") == csp + "; frame-ancestors *");
  CHECK(n.embed.count("X-Frame-Options") == 0);
  CHECK(n.hashed_cache == "public, max-age=31536000, immutable");
  CHECK(n.not_found == "/impactmeting/404.html");
  CHECK(n.types.at("csv") == "text/csv; charset=utf-8");
  CHECK(n.types.at("jsonld") == "application/ld+json");
  CHECK(std::regex_search("/impactmeting/embed/kaart/index.html", std::regex(n.embed_pattern)));
  CHECK(std::regex_search("/impactmeting/2024/embed/kaart/index.html", std::regex(n.embed_pattern)));
  CHECK_FALSE(std::regex_search("/impactmeting/kernindicatoren/index.html", std::regex(n.embed_pattern)));
  CHECK(std::regex_search("/impactmeting/assets/duiding.3f2a9c1b.css", std::regex(n.hashed_pattern)));
  CHECK_FALSE(std::regex_search("/impactmeting/assets/duiding.css", std::regex(n.hashed_pattern)));
}

TEST_CASE("publish/headers/ holds exactly what the definition generates (duiding publish --server-config)",
          "[publish]") {
  const std::string dir = std::string(DUIDING_TEST_DATA) + "/../publish/headers/";
  const ServerPolicy p = server_policy(layout_csp(), "/");
  CHECK(slurp(dir + "nginx.conf") == nginx_config(p));
  CHECK(slurp(dir + ".htaccess") == htaccess(p));
  CHECK(slurp(dir + "web.config") == web_config(p));
}

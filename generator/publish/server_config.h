// Web server configuration for the published site, for nginx, Apache (.htaccess) and IIS
// (web.config), all written from ONE definition (ServerPolicy): the page CSP plus
// frame-ancestors, framing allowed only under embed/, long caching for content-hashed
// assets, and the media types of every kind of file the site holds.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace duiding::publish {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct ServerPolicy {
  std::string base_path = "/";  ///< where the site is served, e.g. "/impactmeting/"
  Headers page_headers;         ///< every answer outside embed/
  Headers embed_headers;        ///< answers under embed/ (and <edition>/embed/)
  std::string embed_pattern;    ///< regular expression on the request path for embed pages
  std::string hashed_pattern;   ///< regular expression for content-hashed asset names
  std::string hashed_cache;     ///< their Cache-Control
  std::vector<std::pair<std::string, std::string>> types;  ///< extension (no dot) → media type
  std::string not_found;        ///< path of the 404 page from the server root
};

/// The content of the CSP <meta> element of `html` (a page or site-templates/layout.html);
/// empty when it has none.
std::string meta_csp(const std::string& html);

/// The policy for a site served under `base_path` whose pages carry `page_csp` in their
/// <meta> element: the same CSP with frame-ancestors 'none' (pages) or * (embed pages).
ServerPolicy server_policy(const std::string& page_csp, const std::string& base_path);

/// nginx: to include inside the `server` block whose root is TARGET/current.
std::string nginx_config(const ServerPolicy& p);
/// Apache: .htaccess at the site root (needs mod_headers and mod_setenvif).
std::string htaccess(const ServerPolicy& p);
/// IIS: web.config at the site root (the embed and caching rules need URL Rewrite).
std::string web_config(const ServerPolicy& p);

}  // namespace duiding::publish

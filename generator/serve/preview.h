// What the preview (`duiding serve`) shows: a site built in memory, or the errors of a
// build that failed. Pure functions of their input, so they are tested without a server;
// serve.h puts them behind HTTP.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace duiding::serve {

/// Where the reload script is served. It is a file (site-templates/serve/), not inline
/// script, so it runs under the site's Content-Security-Policy (`script-src 'self'`).
inline constexpr const char* kReloadScript = "/assets/duiding-serve.js";
/// The stylesheet of the error page.
inline constexpr const char* kErrorStyle = "/assets/duiding-serve.css";
/// The long-poll endpoint the reload script asks: `?build=N` is answered with the number
/// of the newest build once it is not N (or with N after kWaitSeconds).
inline constexpr const char* kWaitPath = "/_duiding/wacht";
inline constexpr int kWaitSeconds = 25;

/// One build of the source: the site's files when it succeeded, else the messages.
struct Snapshot {
  unsigned number = 0;                          ///< counts builds since the preview started
  std::map<std::string, std::string> files;     ///< path in the site -> bytes (the last good site)
  std::vector<std::string> errors;              ///< `file:line:column: fout: ...` lines (warnings too); empty when good
  std::size_t warnings = 0;                     ///< how many of `errors` are warnings
  bool good() const { return errors.empty(); }
};

/// Builds `source` (templates and browser packages from `home`) into memory. A build that
/// fails keeps `previous`'s files (so stylesheets and images still load) and holds the
/// messages. `number` is the new snapshot's number.
Snapshot build_snapshot(const std::filesystem::path& source, const std::filesystem::path& home,
                        const Snapshot* previous, unsigned number);

/// `html` with the reload script of build `number` added at the end of its head (or
/// before `</body>`, or at the end when it has neither).
std::string with_reload_script(std::string html, unsigned number);

/// The page shown in place of every page of the site while the source has errors: the
/// messages, HTML-escaped, and the reload script, so fixing the error brings the site back.
std::string error_page(const Snapshot& s);

/// The file of the site a request path names: `/` and `/kern/` give their index.html,
/// `%20` and the like are decoded by the server. nullopt for paths that try to leave the
/// site (`..`).
std::optional<std::string> site_path(const std::string& request_path);

/// The Content-Type of a site file, by extension.
std::string content_type(const std::string& path);

}  // namespace duiding::serve

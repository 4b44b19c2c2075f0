// `duiding serve`: a preview of a site source on this computer only. Builds the source
// into memory, serves it on 127.0.0.1, watches data/ and indicators/ for changes,
// rebuilds, and makes open pages reload. While the source has errors every page of the
// site is replaced by a page listing them (docs/handleiding.md, "Voorbeeld bekijken").
#pragma once

#include <filesystem>
#include <iosfwd>
#include <stdexcept>

namespace duiding::serve {

/// The preview could not start (the port is taken, the address refused): exit 2.
class CannotServe : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ServeOptions {
  std::filesystem::path source;
  std::filesystem::path home;  ///< site-templates/ and node_modules/ (build::default_home())
  int port = 8080;
  double poll_seconds = 0.3;   ///< how often the source's files are looked at
};

/// Runs the preview until SIGINT (Ctrl-C) or SIGTERM, then stops the server and returns.
/// Progress goes to `out`, each build's errors to `err`. Throws CannotServe when the
/// port cannot be bound on 127.0.0.1.
void run(const ServeOptions& options, std::ostream& out, std::ostream& err);

/// A fingerprint of the files of `source` a build reads (data/ and indicators/: names,
/// sizes and modification times). Two equal fingerprints mean nothing to rebuild.
std::string fingerprint(const std::filesystem::path& source);

}  // namespace duiding::serve

// A no-op build without reading the source twice: the fingerprint of everything a build
// reads besides the program itself. A build records it in its log (write/build_log.h);
// the next build of the same target with the same fingerprint, the same generator and
// every logged file still there has nothing to do, and stops before it loads the source
// (like ninja, which only looks at its inputs when nothing changed).
#pragma once

#include <filesystem>
#include <string>

#include "write/build_log.h"

namespace duiding::build {

/// Hex SHA-256 over `settings` (the options that change the site's bytes), the name and
/// bytes of every file below `source`/data and `source`/indicators (what a build loads),
/// and of every template, asset and npm file below `home` a site copies or fills in.
/// Throws std::filesystem::filesystem_error or MissingAsset as a build would.
std::string source_fingerprint(const std::filesystem::path& source, const std::filesystem::path& home,
                               const std::string& settings);

/// Whether the site in `target`, logged as `log`, is the build of `fingerprint` by this
/// generator: same fingerprint and generator, and every file of the log still in place.
bool up_to_date(const write::BuildLog& log, const std::filesystem::path& target, const std::string& fingerprint);

}  // namespace duiding::build

// Where an installed duiding finds what it ships with. A release bundle (scripts/release.sh)
// is a folder bin/duiding, lib/, share/duiding/: the program finds its templates, browser
// files, example and word list beside itself, wherever the folder was unpacked.
#pragma once

#include <filesystem>
#include <optional>

namespace duiding::load {

/// `<folder of the running program>/../share/duiding` when that folder holds
/// site-templates/ (the program runs from a release bundle), else nullopt.
std::optional<std::filesystem::path> bundle_share();

}  // namespace duiding::load

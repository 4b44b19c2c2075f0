#include "load/install_paths.h"

#include <system_error>

#include "platform/platform.h"

namespace duiding::load {
namespace fs = std::filesystem;

std::optional<fs::path> bundle_share() {
  static const std::optional<fs::path> share = []() -> std::optional<fs::path> {
    std::optional<fs::path> exe = platform::executable_path();
    if (!exe) return std::nullopt;
    std::error_code ec;
    fs::path share = exe->parent_path().parent_path() / "share" / "duiding";
    if (!fs::is_directory(share / "site-templates", ec)) return std::nullopt;
    return share;
  }();
  return share;
}

}  // namespace duiding::load

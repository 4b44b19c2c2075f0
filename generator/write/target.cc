// Where a site may go. A build replaces its output folder whole, so an output folder that
// holds anything else (the source, a home directory, someone's files) would be lost.
#include <algorithm>
#include <cstdlib>

#include "write/output.h"

namespace duiding::write {
namespace fs = std::filesystem;

namespace {

fs::path resolved(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  fs::path out = fs::weakly_canonical(abs, ec);
  if (ec) out = abs.lexically_normal();
  if (out.filename().empty() && out.has_parent_path() && out != out.root_path()) out = out.parent_path();
  return out;
}

// True when `inner` is `outer` or lies below it (whole path components compared).
bool within(const fs::path& inner, const fs::path& outer) {
  auto [o, i] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return o == outer.end();
}

}  // namespace

std::optional<std::string> refuse_target(const fs::path& source, const fs::path& target) {
  const fs::path src = resolved(source);
  const fs::path out = resolved(target);
  const std::string shown = "'" + target.string() + "'";
  const std::string hint = "; name a new or empty folder, e.g. -o _site";
  std::error_code ec;

  if (out == out.root_path()) return shown + " is the root folder" + hint;
  if (out == src) return shown + " is the site source itself: a build replaces its output folder whole" + hint;
  if (within(src, out))
    return shown + " holds the site source '" + source.string() +
           "': a build replaces its output folder whole and would delete the source" + hint;
  for (const char* folder : {"data", "indicators"}) {
    if (within(out, src / folder))
      return shown + " is inside the source folder " + folder + "/, which the build reads" + hint;
  }
  if (out == resolved(fs::current_path(ec))) return shown + " is the current folder" + hint;
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != 0 && out == resolved(home))
    return shown + " is the home folder" + hint;

  fs::path given = fs::absolute(target, ec).lexically_normal();
  if (given.filename().empty()) given = given.parent_path();
  if (fs::is_symlink(given, ec))
    return shown + " is a symbolic link; a build would replace the link by a folder" + hint +
           " (or name the folder it points to)";
  if (!fs::exists(given, ec)) return std::nullopt;
  if (!fs::is_directory(given, ec)) return shown + " is an existing file, not a folder" + hint;
  if (fs::exists(given / kMarkerFile, ec)) return std::nullopt;
  // A site written before outputs carried the marker: its home page, its accessibility
  // statement and its own stylesheet and script are all there. Replacing it is what the
  // analyst asked for, and the next build leaves the marker.
  if (fs::is_regular_file(given / "index.html", ec) && fs::is_regular_file(given / "toegankelijkheid" / "index.html", ec) &&
      fs::is_regular_file(given / "assets" / "duiding.css", ec) && fs::is_regular_file(given / "assets" / "duiding.js", ec))
    return std::nullopt;
  if (fs::directory_iterator(given, ec) == fs::directory_iterator()) return std::nullopt;
  return shown + " is a folder with files that duiding did not write (it has no " + kMarkerFile +
         "); a build replaces its output folder whole" + hint + ", or empty it first";
}

}  // namespace duiding::write

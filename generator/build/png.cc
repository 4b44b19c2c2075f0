#include "build/png.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

#include "platform/platform.h"

namespace duiding::build {
namespace fs = std::filesystem;

std::string find_rsvg_convert() {
  if (!platform::kRunsOtherPrograms) return "";
  if (const char* env = std::getenv("DUIDING_RSVG_CONVERT"); env != nullptr && *env != 0)
    return fs::is_regular_file(env) ? env : "";
  return fs::is_regular_file("/usr/bin/rsvg-convert") ? "/usr/bin/rsvg-convert" : "";
}

std::string RsvgRasteriser::png(const std::string& svg) const {
  // Input on stdin: relative links in the SVG resolve nowhere, so nothing is read.
  platform::FilterResult r = platform::run_filter(program_, {"--format=png"}, svg);
  if (r.status != 0 || r.out.rfind("\x89PNG", 0) != 0)
    throw PngFailed("rsvg-convert (" + program_ + ") could not draw a chart as PNG" +
                    (r.status >= 0 ? " (exit status " + std::to_string(r.status) + ")" : ""));
  return r.out;
}

}  // namespace duiding::build

// Turning a chart's SVG into a PNG for slides and articles. The render stage reaches a
// Rasteriser through its PageFrame (none in most tests); a build uses
// build::LibrsvgRasteriser (build/png.h), which draws with librsvg in this process. Jobs
// render on several threads at once, so png() must be safe to call concurrently.
#pragma once

#include <string>

namespace duiding::charts {

class Rasteriser {
 public:
  virtual ~Rasteriser() = default;
  /// The PNG bytes of `svg` at its own width and height in pixels. Throws
  /// std::runtime_error when it cannot be drawn.
  virtual std::string png(const std::string& svg) const = 0;
};

}  // namespace duiding::charts

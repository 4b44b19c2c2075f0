// Turning a chart's SVG into a PNG for slides and articles. The render stage receives a
// Rasteriser (none in most tests); a build uses build::RsvgRasteriser (build/png.h), which
// runs rsvg-convert from librsvg2-bin.
#pragma once

#include <string>

namespace duiding::charts {

class Rasteriser {
 public:
  virtual ~Rasteriser() = default;
  /// The PNG bytes of `svg` at its own width and height in pixels. Throws
  /// std::runtime_error when it cannot be drawn.
  virtual std::string png(const std::string& svg) = 0;
};

}  // namespace duiding::charts

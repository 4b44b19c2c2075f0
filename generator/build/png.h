// PNG downloads of charts: the slide SVG is drawn in this process by librsvg onto a cairo
// image and encoded by libpng. No file is read or written here and no program is started.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "charts/rasteriser.h"

namespace duiding::build {

/// A chart could not be drawn as PNG (the message says how).
class PngFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Draws with librsvg and encodes with libpng. Each call has its own handle, surface and
/// encoder, so calls on several threads do not meet. The same SVG and fonts give the
/// same bytes: nothing in the PNG names a time or a path.
class LibrsvgRasteriser : public charts::Rasteriser {
 public:
  /// Throws PngFailed when the SVG cannot be parsed or drawn.
  std::string png(const std::string& svg) const override;
};

/// Why a build has no PNG: this duiding was built without librsvg (as on Windows), or no
/// font is installed for the charts' text (a PNG without its words would be worse than none).
enum class NoPng { kNone, kNoLibrsvg, kNoFont };

/// The rasteriser a build uses, or nullptr with `why` saying why not.
std::unique_ptr<charts::Rasteriser> make_rasteriser(NoPng& why);

}  // namespace duiding::build

// PNG downloads of charts, drawn by rsvg-convert (librsvg2-bin) from the slide SVG in
// memory: the SVG goes in on stdin, the PNG comes out on stdout; no file is written here.
#pragma once

#include <stdexcept>
#include <string>

#include "charts/rasteriser.h"

namespace duiding::build {

/// rsvg-convert failed on a chart (the message says how).
class PngFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Path of rsvg-convert: $DUIDING_RSVG_CONVERT, else /usr/bin/rsvg-convert when it exists;
/// empty when there is none (a build then offers charts as SVG only).
std::string find_rsvg_convert();

/// Runs `program` (rsvg-convert) as its own process once per chart, so calls on several
/// threads do not meet. Its output is the same bytes for the same
/// SVG and fonts (it writes no time or path into the PNG).
class RsvgRasteriser : public charts::Rasteriser {
 public:
  explicit RsvgRasteriser(std::string program) : program_(std::move(program)) {}
  /// Throws PngFailed when rsvg-convert exits with an error, is killed or writes no PNG.
  std::string png(const std::string& svg) const override;

 private:
  std::string program_;
};

}  // namespace duiding::build

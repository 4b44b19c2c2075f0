// The frame every page shares: the layout template filled with navigation, banner,
// footer and scripts. Page renderers build the content; the frame writes the file.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "charts/rasteriser.h"
#include "charts/svg_renderer.h"
#include "model/model.h"
#include "render/templates.h"
#include "write/output.h"

namespace duiding::render {

struct SiteStats {
  std::size_t pages = 0;
  std::size_t charts = 0;
};

/// Where a page sits in the site; links from it are relative.
struct PagePlace {
  std::string path;         ///< e.g. "kernwaarden/eigen-regie/index.html"
  int depth = 0;            ///< folders below the root
  std::string nav_current;  ///< section id, "pagina/<slug>", or "" for home
};

class PageFrame {
 public:
  PageFrame(const model::Model& m, const Template& layout, write::Output& out, charts::SvgRenderer& svg)
      : m_(m), layout_(layout), out_(out), svg_(svg) {}

  /// Writes one page; `with_charts` adds the chart scripts, `scripts` more scripts after
  /// them (paths from the site root, e.g. "assets/verhalen.js").
  void write_page(const PagePlace& place, const std::string& title, const std::string& content, bool with_charts,
                  const std::vector<std::string>& scripts = {});
  /// Writes any other file of the site (downloads, specs).
  void write_file(const std::string& path, const std::string& content) { out_.write(path, content); }
  void copy_file(const std::string& from, const std::string& path) { out_.copy(from, path); }

  SiteStats& stats() { return stats_; }
  /// Draws charts as static SVG for the pages (one renderer for the whole site).
  charts::SvgRenderer& svg() { return svg_; }
  /// Draws chart pictures as PNG; nullptr when the build cannot (then SVG only).
  charts::Rasteriser* rasteriser() const { return raster_; }
  void set_rasteriser(charts::Rasteriser* raster) { raster_ = raster; }

 private:
  const model::Model& m_;
  const Template& layout_;
  write::Output& out_;
  charts::SvgRenderer& svg_;
  charts::Rasteriser* raster_ = nullptr;
  SiteStats stats_;
};

/// The accessibility statement (toegankelijkheidsverklaring), linked from every footer.
inline constexpr const char* kAccessibilityPath = "toegankelijkheid/index.html";

/// "../" repeated `depth` times.
std::string root_of(int depth);
std::string section_path(const std::string& id);
std::string indicator_dir(const model::Indicator& ind);
std::string page_path(const model::Page& p);
/// A breadcrumb trail of (href, text) links ending at `here`.
std::string breadcrumb(const std::vector<std::pair<std::string, std::string>>& trail, const std::string& here);
/// Dutch name of a question type, e.g. "Keuzevraag".
const char* type_label(model::IndicatorType t);

}  // namespace duiding::render

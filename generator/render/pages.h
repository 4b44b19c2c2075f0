// The render stage: the model in, every page of the site out, one file at a time to the
// write stage. Indicator pages are rendered and written one by one; only what the
// overview pages need (headline figures, chart counts) is kept until the end.
//
// One file per kind of page: page_frame (layout, navigation), indicator_page,
// overview_pages (home, sections, narrative pages), rapportage (one printable page per
// round), accessibility_page; theme writes assets/theme.css.
#pragma once

#include "model/model.h"
#include "render/page_frame.h"
#include "render/templates.h"
#include "stats/story_index.h"
#include "write/output.h"

namespace duiding::render {

struct RenderOptions {
  bool pdf = false;  ///< the build makes a PDF of every rapportage page: link to it
  /// Draws every chart's slide picture as PNG; nullptr: the charts are offered as SVG only.
  charts::Rasteriser* png = nullptr;
};

/// Renders the whole site into `out` with page layout `layout`; `svg` draws every chart
/// as static SVG. `suppressed` says which segments disclosure control took out: their
/// stories are not linked from them.
SiteStats render_site(const model::Model& m, const Template& layout, write::Output& out, charts::SvgRenderer& svg,
                      const RenderOptions& options = {}, stats::SuppressedSegment suppressed = {});

}  // namespace duiding::render

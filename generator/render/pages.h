// The render stage: the model in, every page of the site out, one file at a time to the
// write stage. Indicator pages are rendered and written one by one; only what the home
// page needs (headline figures) is kept until the end.
#pragma once

#include <filesystem>
#include <string>

#include "model/model.h"
#include "render/templates.h"
#include "write/output.h"

namespace duiding::render {

struct SiteStats {
  std::size_t pages = 0;
  std::size_t charts = 0;
};

/// Renders the whole site into `out` with page layout `layout`.
SiteStats render_site(const model::Model& m, const Template& layout, write::Output& out);

}  // namespace duiding::render

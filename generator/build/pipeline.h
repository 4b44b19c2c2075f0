// The one place that runs the stages in order: load and validate the source, then
// summarise, chart and render each indicator, then write. See docs/architecture.md.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>

#include "charts/svg_renderer.h"
#include "diag/diagnostics.h"
#include "model/model.h"
#include "render/pages.h"
#include "write/output.h"

namespace duiding::build {

/// Where site-templates/ and node_modules/ are: $DUIDING_HOME, else the source tree the
/// program was built from.
std::filesystem::path default_home();

/// A file the site needs but that is not installed (not the input's fault).
class MissingAsset : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The `{{variables}}` of the texts that have no value once disclosure control has hidden
/// what it must (`{{waarde...}}` of a suppressed cell), one formatted error a line; empty
/// when every one has.
std::string hidden_variables(const model::Model& protected_model);

/// The disclosure audit found a hidden small cell that the published numbers pin down, or
/// a text names a hidden value: the site is not written (the input's fault: exit 1).
class DisclosureLeak : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Loads and validates `source`; nullopt when `diag` holds errors.
std::optional<model::Model> check(const std::filesystem::path& source, diag::Diagnostics& diag);

/// Renders the site of `m` into `out`, with templates and browser packages from `home`,
/// drawing static SVG charts with `svg`. Throws MissingAsset when a template or package
/// file is missing, DisclosureLeak (before writing anything) when the audit fails.
render::SiteStats build(const model::Model& m, const std::filesystem::path& home, write::Output& out,
                        charts::SvgRenderer& svg, const render::RenderOptions& options = {});

/// As above, with the charts drawn natively (charts::NativeSvgRenderer).
render::SiteStats build(const model::Model& m, const std::filesystem::path& home, write::Output& out,
                        const render::RenderOptions& options = {});

}  // namespace duiding::build

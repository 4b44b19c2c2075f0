// The one place that runs the stages in order: load -> validate -> model -> protect ->
// stats -> plan -> render -> write. See docs/architecture.md.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>

#include "charts/rasteriser.h"
#include "charts/svg_renderer.h"
#include "diag/diagnostics.h"
#include "model/model.h"
#include "render/page_frame.h"
#include "write/output.h"

namespace duiding::plan {
struct Asset;
}

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
std::string hidden_variables(const model::Model& protected_model, msg::Lang lang = msg::Lang::kNl);

/// The disclosure audit found a hidden small cell that the published numbers pin down, or
/// a text names a hidden value: the site is not written (the input's fault: exit 1).
class DisclosureLeak : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Loads and validates `source`; nullopt when `diag` holds errors.
std::optional<model::Model> check(const std::filesystem::path& source, diag::Diagnostics& diag);

/// Prints the page at `page` to the PDF `pdf` (both absolute paths in the staging folder).
/// Throws when it cannot (build::PdfFailed).
using PdfPrinter = std::function<void(const std::filesystem::path& page, const std::filesystem::path& pdf)>;

struct BuildOptions {
  /// The build makes a PDF of every rapportage and factsheet and the pages link to them.
  /// Only build_folder() prints them (with `print`, which it then needs); build() plans
  /// them but writes none.
  bool pdf = false;
  PdfPrinter print;
  int threads = 0;     ///< render on this many threads; 0: one per core
  bool clean = false;  ///< build_folder() renders every file, taking nothing from the previous site
  /// Draws every chart's slide picture as PNG (on the render threads at once); nullptr:
  /// the charts are offered as SVG only.
  const charts::Rasteriser* png = nullptr;
  /// build_folder() records it in the build log: the source's fingerprint
  /// (build/fingerprint.h), or "" when the next build must not stop early.
  std::string fingerprint;
};

/// The files a site copies as they are: site-templates/assets/** and the npm files
/// site-templates/vendor.txt names. Throws MissingAsset when one is missing.
std::vector<plan::Asset> site_assets(const std::filesystem::path& home);

/// Renders the site of `m` into `out`, with templates and browser packages from `home`,
/// drawing static SVG charts with `svg` (on one thread unless `svg` is thread-safe).
/// Throws MissingAsset when a template or package file is missing, DisclosureLeak
/// (before writing anything) when the audit fails, write::PathCollision (before
/// rendering) when two files would have one path.
render::SiteStats build(const model::Model& m, const std::filesystem::path& home, write::Output& out,
                        charts::SvgRenderer& svg, const BuildOptions& options = {});

/// As above, with the charts drawn natively (charts::NativeSvgRenderer).
render::SiteStats build(const model::Model& m, const std::filesystem::path& home, write::Output& out,
                        const BuildOptions& options = {});

/// What build_folder() did.
struct FolderBuild {
  render::SiteStats stats;
  std::size_t files = 0;     ///< files of the site (the marker file not counted)
  std::size_t rendered = 0;  ///< files rendered, copied or written anew in this build
  std::size_t reused = 0;    ///< files taken from the previous site because their inputs did not change
  bool unchanged = false;    ///< the site in `target` was up to date: nothing was written
  /// Parts of pages written in parts (the rapportages' articles) that were rendered anew
  /// but for these parts, taken from the previous file because their inputs did not change.
  std::size_t parts_reused = 0;
  /// Pages whose inputs hash could not be derived from the page as drawn (a build with no
  /// previous site derives them: plan::hash_jobs()), so they were rendered a second time
  /// without drawing.
  std::size_t pages_hashed_again = 0;
};

/// Builds the site of `m` into the folder `target` (write::DirectoryOutput: staged, then
/// swapped in atomically), taking from the site already there every file whose inputs
/// hash its build log records (write/build_log.h), unless `options.clean`. When every
/// file is up to date and nothing else changed, writes nothing at all. PDF jobs are
/// printed with `options.print` after every page is written, unless their inputs are
/// unchanged. `before_commit` runs on the staging folder after the site is written and
/// returns how many files it added. Throws as build() does, and std::filesystem::filesystem_error when
/// the disk refuses. `m` is given back to the system once disclosure control has made the
/// model that is published: move it in.
FolderBuild build_folder(model::Model m, const std::filesystem::path& home, const std::filesystem::path& target,
                         const BuildOptions& options,
                         const std::function<std::size_t(const std::filesystem::path&)>& before_commit = {});

}  // namespace duiding::build

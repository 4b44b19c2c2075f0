// The frame every page shares: the layout template filled with navigation, banner,
// footer and scripts. Page renderers build the content; the frame wraps it into the
// page's bytes. Writing is the write stage's business: nothing here touches a file.
#pragma once

#include <functional>
#include <string_view>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "charts/rasteriser.h"
#include "charts/svg_renderer.h"
#include "model/model.h"
#include "render/chart_memo.h"
#include "render/templates.h"
#include <nlohmann/json.hpp>

namespace duiding::render {

/// Runs work(i) for every i in [0, n), in any order and on any thread; returns when all
/// have run. The build passes its thread pool (plan::for_each_index); alone, in order.
using ForEach = std::function<void(std::size_t n, const std::function<void(std::size_t)>& work)>;

/// Where a page written in parts goes, part by part: a file, a hash, a string.
using Sink = std::function<void(std::string_view part)>;

/// For a page written in parts: part `n` (counting every part handed to the sink, from
/// 0) as the previous build wrote it, when what the part shows is as it was then, or
/// nothing: the part is then rendered. Such a part is not rendered at all. Only a build
/// into a folder with a previous site has one (build/pipeline.cc); an empty function
/// renders every part.
using Earlier = std::function<std::optional<std::string>(std::size_t n)>;

class PageFrame;

/// What a build asks of a page written in parts besides its bytes.
struct PartsOptions {
  /// Parts to take from the previous file instead of rendering them.
  Earlier earlier;
  /// When set (with `digest`, a frame without renderer): each part's digest, in order, just
  /// before the part goes to the sink: the part as `digest` writes it. Derived from the
  /// part as drawn where it can be (DrawingsRecord), otherwise rendered through `digest`.
  Sink digests;
  const PageFrame* digest = nullptr;
};

/// Runs every work(i) in order on the calling thread.
void in_order(std::size_t n, const std::function<void(std::size_t)>& work);

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

/// A chart's spec as a page carries it: without its `$schema`, and as text.
struct ChartSpec {
  explicit ChartSpec(nlohmann::json spec);
  nlohmann::json json;
  std::string text;  ///< json.dump()
};

/// How the links of a chart's drawing (to the stories behind a segment) open: in the page
/// itself, or, on an embed page shown inside another site's frame, in the whole window.
enum class ChartLinks { kHere, kTop };

/// Records, while it lives, the charts a drawing frame draws on this thread: each drawing
/// with the stand-in a frame without renderer writes in its place. A page's digest is then
/// derived from the page as drawn (digest_of) instead of rendered a second time.
class DrawingsRecord {
 public:
  DrawingsRecord();   ///< records on this thread from now on (an outer record waits)
  ~DrawingsRecord();  ///< stops; an outer record goes on
  DrawingsRecord(const DrawingsRecord&) = delete;
  DrawingsRecord& operator=(const DrawingsRecord&) = delete;

  /// `page` as a frame without renderer writes it, the page's digest: every recorded
  /// drawing replaced by its stand-in. Nothing when a drawing is not in the page exactly as
  /// often as it was recorded (a page that changed a drawing after it was handed out).
  std::optional<std::string> digest_of(std::string_view page) const;

 private:
  friend class PageFrame;
  std::vector<std::pair<std::string, std::string>> drawn_;  // drawing, stand-in
  DrawingsRecord* outer_;
};

class PageFrame {
 public:
  /// A frame whose charts are drawn by `svg`; without one (nullptr) every chart is a
  /// stand-in naming its spec: the page's digest, which says everything the page shows
  /// without drawing (a chart's drawing is a function of its spec).
  /// `png`, when given, draws the charts' slide pictures as PNG; the pages then offer them
  /// (a digest frame gets it too, so the pages read the same, but never runs it).
  /// A page made of many parts (the rapportage) writes them through `each`.
  PageFrame(const model::Model& m, const Template& layout, charts::SvgRenderer* svg,
            const charts::Rasteriser* png = nullptr, ForEach each = in_order)
      : m_(m), layout_(layout), svg_(svg), png_(png), each_(std::move(each)) {}
  PageFrame(const PageFrame&) = delete;
  PageFrame& operator=(const PageFrame&) = delete;

  /// The bytes of one page; `with_charts` adds the chart scripts, `scripts` more scripts
  /// after them (paths from the site root, e.g. "assets/verhalen.js").
  std::string page(const PagePlace& place, const std::string& title, const std::string& content, bool with_charts,
                   const std::vector<std::string>& scripts = {}) const;
  /// A page written in parts (the rapportage): head() is its frame before the content,
  /// tail() the frame after it, with duiding.js when `script` (the content has charts or
  /// copy buttons). head + content + tail is page().
  std::string head(const PagePlace& place, const std::string& title) const;
  std::string tail(const PagePlace& place, const std::string& title, bool script,
                   const std::vector<std::string>& scripts = {}) const;
  /// The static SVG of `spec` labelled with `summary`, or in a frame without renderer
  /// the spec's text as its stand-in. A chart drawn before (on another page) is not drawn
  /// again while it is among the latest 128 MB of drawings. When the renderer also draws for phones, both:
  /// `svg.chart-static.chart-wide` then `svg.chart-static.chart-narrow`, one of them hidden
  /// by the stylesheet (assets/duiding.css) at every width.
  /// With ChartLinks::kTop the drawing's links open in the whole window (target="_top");
  /// the stand-in is the same. A DrawingsRecord on this thread records what is handed out.
  std::string chart_svg(const ChartSpec& spec, const std::string& summary,
                        ChartLinks links = ChartLinks::kHere) const;
  /// Whether the charts are offered as PNG too (the build has a rasteriser).
  bool offers_png() const { return png_ != nullptr; }
  /// The PNG of a slide SVG. Throws std::logic_error in a digest frame (no chart
  /// renderer) or without a rasteriser: a PNG's inputs are its SVG, hashed when planned.
  std::string png(const std::string& svg) const;
  /// Runs work(i) for every i in [0, n) on the build's threads: for the parts of one page.
  /// The page must not depend on the order.
  void for_each(std::size_t n, const std::function<void(std::size_t)>& work) const { each_(n, work); }

 private:
  std::string fill(const Template& layout, const PagePlace& place, const std::string& title, std::string_view content,
                   bool script, const std::vector<std::string>& extra_scripts) const;
  std::string draw(const ChartSpec& spec, const std::string& summary) const;

  const model::Model& m_;
  const Template& layout_;
  charts::SvgRenderer* svg_;
  const charts::Rasteriser* png_;
  ForEach each_;
  /// The latest charts drawn, so a chart on several pages is drawn once (chart_memo.h).
  static constexpr std::size_t kChartMemoBytes = std::size_t{128} << 20;
  mutable ChartMemo drawn_{kChartMemoBytes};
};

/// A file of the site that is not a page (a chart spec, a download): its path, what kind
/// of file it is ("spec", "statistics", "csv", ...) and its bytes.
struct DataFile {
  std::string path;
  std::string kind;
  std::string bytes;
  /// When set, makes the bytes instead, when the file is written: a file made from the
  /// model alone (a workbook, a table, a spec) is not held from plan to write.
  std::function<std::string()> make;
  /// With `make`: make() gives what the file is drawn from (its recipe: a slide's spec and
  /// texts, a workbook's cells), hashed as its inputs, and draw() the bytes from that. A
  /// build draws only a file whose recipe changed.
  std::function<std::string(const std::string&)> draw;
};

/// Where an indicator's article stands: on its own page (the defaults) or inside another
/// page (the rapportage), where its ids get `id_prefix` so they stay unique, its links
/// relative to the indicator's folder get `link_base` in front, and its headings move
/// `shift` levels down (at most to h6). The article is written for its place; nothing
/// rewrites it afterwards.
struct ArticlePlace {
  std::string id_prefix;
  std::string link_base;
  int shift = 0;

  /// The id `raw` (escaped) in this place.
  std::string id(const std::string& raw) const;
  /// The relative link `href` (escaped) from this place; fragments get the id prefix,
  /// links with a scheme or from the root stay as they are.
  std::string link(const std::string& href) const;
  /// The tag name of a heading of `level` on the indicator's own page, e.g. "h3".
  std::string heading(int level) const;
};

/// One page of a kind that has many (story pages): where it goes, and how its bytes are
/// made from a frame. The function reads only what it captured when it was made.
struct PageJob {
  std::string path;
  std::function<std::string(const PageFrame&)> render;
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
std::string type_label(model::IndicatorType t);

}  // namespace duiding::render

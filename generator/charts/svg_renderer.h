// Static SVG for every chart: a Vega-Lite spec in, the SVG that Vega itself draws out.
// The render stage receives an SvgRenderer (a fake one in tests); the real one keeps one
// `node` process running generator/charts/render-svg.mjs for the whole build.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <sys/types.h>

namespace duiding::charts {

/// Turns a Vega-Lite spec into SVG text.
class SvgRenderer {
 public:
  virtual ~SvgRenderer() = default;
  /// The SVG (one `<svg>` element) of `spec`. Throws std::runtime_error when the spec
  /// cannot be drawn (a bug in the chart stage).
  virtual std::string render(const nlohmann::json& spec) = 0;
};

/// Node.js or the npm packages vega and vega-lite are not installed (not the input's fault).
class SvgRendererUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Renders with the vega and vega-lite npm packages in one `node` process, started by the
/// constructor and ended by the destructor. One spec goes out as one JSON line, one SVG
/// comes back as one JSON line; nothing is buffered beyond one chart.
class NodeSvgRenderer : public SvgRenderer {
 public:
  /// Starts `node script` (node found on PATH; `script` is render-svg.mjs, which finds
  /// the packages in the node_modules/ above it) and waits for its ready line. Throws
  /// SvgRendererUnavailable when node cannot be started or cannot load the packages.
  explicit NodeSvgRenderer(const std::filesystem::path& script);
  ~NodeSvgRenderer() override;
  NodeSvgRenderer(const NodeSvgRenderer&) = delete;
  NodeSvgRenderer& operator=(const NodeSvgRenderer&) = delete;

  std::string render(const nlohmann::json& spec) override;

  /// Versions of vega and vega-lite the process loaded, e.g. "vega 6.4.0, vega-lite 6.4.3".
  const std::string& versions() const { return versions_; }

 private:
  void send(const std::string& line);
  nlohmann::json receive();
  void stop();

  pid_t pid_ = -1;
  int to_node_ = -1;    // the process's stdin
  int from_node_ = -1;  // the process's stdout
  std::string pending_;  // bytes read past the last complete line
  std::string versions_;
};

}  // namespace duiding::charts

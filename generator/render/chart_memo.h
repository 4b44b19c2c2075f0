// Charts drawn once. A chart's static SVG is a function of its spec (and the caption it
// is labelled with), and the same chart shows on its indicator page, on its embed page
// and in the round's rapportage: a drawing frame keeps its latest drawings, up to a
// budget of bytes, and hands a chart it drew before back without drawing it again.
#pragma once

#include <cstddef>
#include <functional>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace duiding::render {

class ChartMemo {
 public:
  /// Keeps drawings (with their keys) of at most `budget` bytes; the least recently used
  /// go first. A budget of 0 keeps nothing.
  explicit ChartMemo(std::size_t budget) : budget_(budget) {}
  ChartMemo(const ChartMemo&) = delete;
  ChartMemo& operator=(const ChartMemo&) = delete;

  /// The drawing kept under `key`, or draw() kept under it. Safe on several threads at
  /// once; two threads asking one new key may both draw (the bytes are the same).
  std::string get(const std::string& key, const std::function<std::string()>& draw);

  /// How many get() calls found their drawing kept (for tests and timings).
  std::size_t hits() const;

 private:
  using Entry = std::pair<std::string, std::string>;  // key, drawing
  mutable std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;
  std::size_t bytes_ = 0;
  std::size_t budget_;
  std::size_t hits_ = 0;
};

}  // namespace duiding::render

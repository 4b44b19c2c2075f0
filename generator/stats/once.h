// Results computed once per process. A simulated p-value or a score interval is a pure
// function of a few numbers, and one build asks for the same ones many times: the site's
// comparisons, and again each round's rapportage, which compares the rounds up to it.
#pragma once

#include <bit>
#include <cstdint>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

namespace duiding::stats {

/// A double as a number of a key, by its bits: the same double gives the same key (0 and
/// -0, which print differently, give two).
inline std::int64_t key_bits(double x) { return std::bit_cast<std::int64_t>(x); }

/// What compute() gave for `key` (every argument it reads), computed on the first call
/// with that key. Each call site (each `Compute` type) keeps its own results. Safe on several threads; two threads asking one new key may both
/// compute it (the same result). Keeps every result for the life of the process.
template <class Result, class Compute>
Result once(std::vector<std::int64_t> key, const Compute& compute) {
  static std::mutex lock;
  static std::map<std::vector<std::int64_t>, Result> known;
  {
    const std::lock_guard<std::mutex> hold(lock);
    if (auto it = known.find(key); it != known.end()) return it->second;
  }
  Result result = compute();
  const std::lock_guard<std::mutex> hold(lock);
  known.emplace(std::move(key), result);
  return result;
}

}  // namespace duiding::stats

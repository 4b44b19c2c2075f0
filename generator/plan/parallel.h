// Jobs on all cores: oneTBB's work-stealing pool (parallel.cc), or std::thread workers in the
// Windows build (parallel_threads.cc), bounded to the number of threads asked for.
#pragma once

#include <cstddef>
#include <functional>

namespace duiding::plan {

/// Runs `work(i)` for every i in [0, n) on up to `threads` threads (0: one per core,
/// 1: in order on this thread). Returns when all have run; the first exception thrown by
/// a `work` is rethrown here. `work` must not depend on the order in which indices run.
void for_each_index(std::size_t n, int threads, const std::function<void(std::size_t)>& work);

/// for_each_index() on `threads` threads, as a function to hand to code that cannot
/// include this header (render::ForEach).
inline std::function<void(std::size_t, const std::function<void(std::size_t)>&)> on_threads(int threads) {
  return [threads](std::size_t n, const std::function<void(std::size_t)>& work) { for_each_index(n, threads, work); };
}

/// The number of threads a build uses when asked for `threads` (0: one per core).
int thread_count(int threads);

}  // namespace duiding::plan

// plan/parallel.h for the Windows build, which has no oneTBB (scripts/windows-libraries.sh
// says why): up to `threads` std::thread workers take the next index from one counter.
// Each job stores its result at its own index, so the output does not depend on which
// thread ran what; the Linux build uses oneTBB (parallel.cc).
#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "plan/parallel.h"

namespace duiding::plan {

int thread_count(int threads) {
  return threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

void for_each_index(std::size_t n, int threads, const std::function<void(std::size_t)>& work) {
  const int count = thread_count(threads);
  if (count <= 1 || n <= 1) {
    for (std::size_t i = 0; i < n; ++i) work(i);
    return;
  }
  std::atomic<std::size_t> next = 0;
  std::mutex lock;
  std::exception_ptr first_error;
  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard<std::mutex> hold(lock);
        if (!first_error) first_error = std::current_exception();
        next = n;  // the others stop after their current job
      }
    }
  };
  std::vector<std::thread> pool;
  const std::size_t extra = std::min<std::size_t>(static_cast<std::size_t>(count), n) - 1;
  for (std::size_t t = 0; t < extra; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (first_error) std::rethrow_exception(first_error);
}

}  // namespace duiding::plan

#include "plan/parallel.h"

#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

namespace duiding::plan {

int thread_count(int threads) { return threads > 0 ? threads : tbb::info::default_concurrency(); }

void for_each_index(std::size_t n, int threads, const std::function<void(std::size_t)>& work) {
  const int count = thread_count(threads);
  if (count <= 1 || n <= 1) {
    for (std::size_t i = 0; i < n; ++i) work(i);
    return;
  }
  // A loop called from a job of an outer loop (a rapportage's articles) runs in the outer
  // one's arena, so the threads that finish their own jobs help with it: a new arena
  // there would keep them out.
  thread_local bool inside = false;
  const auto each = [&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 1), [&](const tbb::blocked_range<std::size_t>& range) {
      const bool was = inside;
      inside = true;
      struct Restore {
        bool& flag;
        bool value;
        ~Restore() { flag = value; }
      } restore{inside, was};
      for (std::size_t i = range.begin(); i != range.end(); ++i) work(i);
    });
  };
  if (inside) {
    each();
    return;
  }
  // oneTBB caps its workers at one per core unless told otherwise; asked for more
  // threads than cores, a build gets them (tests use this to interleave more).
  tbb::global_control allowed(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(count));
  tbb::task_arena arena(count);
  arena.execute(each);
}

}  // namespace duiding::plan

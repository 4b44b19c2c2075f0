// Where a build spends its time, for whoever measures it: with the environment variable
// DUIDING_TIMINGS set, every phase prints one line to stderr (wall and processor seconds
// since the previous phase, and where the system says so the memory the process holds
// at its end). Nothing is printed otherwise; the site never depends on it.
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <time.h>

namespace duiding::build {

class Timings {
 public:
  static Timings& get() {
    static Timings t;
    return t;
  }
  /// Ends the phase that ran since the previous mark (or since the clock was first asked).
  void mark(const char* phase) {
    if (!on_) return;
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    const std::clock_t cpu = std::clock();
    std::fprintf(stderr, "duiding: timings: %-22s %7.3f s wall %7.3f s cpu%s\n", phase,
                 std::chrono::duration<double>(now - wall_).count(), double(cpu - cpu_) / CLOCKS_PER_SEC,
                 resident().c_str());
    wall_ = now;
    cpu_ = cpu;
  }
  bool on() const { return on_; }
  /// Processor seconds of the calling thread so far (for what(): one job's cost).
  static double thread_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
  }
  /// Adds one job's processor seconds to its kind.
  void add(const std::string& kind, double seconds) {
    std::lock_guard lock(mutex_);
    auto& [count, total] = kinds_[kind];
    ++count;
    total += seconds;
  }
  /// Prints the processor seconds per kind of job, and forgets them.
  void print_kinds() {
    if (!on_) return;
    std::lock_guard lock(mutex_);
    for (const auto& [kind, sum] : kinds_)
      std::fprintf(stderr, "duiding: timings:   %-20s %6zu jobs %7.3f s cpu\n", kind.c_str(), sum.first, sum.second);
    kinds_.clear();
  }

 private:
  /// "  <n> MB resident" from Linux's /proc/self/statm (pages of 4 KiB), or "" elsewhere.
  static std::string resident() {
    std::ifstream statm("/proc/self/statm");
    unsigned long long size = 0, pages = 0;
    if (!(statm >> size >> pages)) return "";
    return "  " + std::to_string(pages * 4096 / (1024 * 1024)) + " MB resident";
  }
  Timings() : on_(std::getenv("DUIDING_TIMINGS") != nullptr), wall_(std::chrono::steady_clock::now()), cpu_(std::clock()) {}
  bool on_;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point wall_;
  std::clock_t cpu_;
  std::map<std::string, std::pair<std::size_t, double>> kinds_;
};

}  // namespace duiding::build

#include "plan/job.h"

#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "platform/platform.h"
#include "write/output.h"

namespace duiding::plan {

void check_paths(const std::vector<Job>& jobs) {
  std::map<std::string, std::string> seen;  // case-folded path -> path
  for (const auto& job : jobs) {
    std::string folded = job.path;
    for (char& c : folded)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    auto [it, fresh] = seen.emplace(folded, job.path);
    if (fresh) continue;
    throw write::PathCollision(it->second == job.path
                                   ? "two generated files have the same path '" + job.path + "'"
                                   : "generated files '" + it->second + "' and '" + job.path +
                                         "' differ only in letter case and would be one file on Windows and macOS");
  }
}

std::vector<std::size_t> start_order(const std::vector<Job>& jobs) {
  std::vector<std::size_t> order;
  order.reserve(jobs.size());
  for (std::size_t i = 0; i < jobs.size(); ++i)
    if (jobs[i].parts) order.push_back(i);
  for (std::size_t i = 0; i < jobs.size(); ++i)
    if (!jobs[i].parts) order.push_back(i);
  return order;
}

std::string sha256_hex(std::string_view bytes) { return platform::sha256_hex(bytes); }

std::string read_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::filesystem::filesystem_error("cannot read", p, std::make_error_code(std::errc::io_error));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string generator_id() {
  static const std::string id = platform::program_build_id();
  return id;
}

}  // namespace duiding::plan

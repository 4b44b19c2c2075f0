#include "write/build_log.h"

#include <fstream>
#include <sstream>

#include "write/output.h"

namespace duiding::write {

std::string BuildLog::text() const {
  std::string out = marker_text();
  out += "generator " + generator + "\n";
  if (!source.empty()) out += "source " + source + "\n";
  if (!summary.empty()) out += "summary " + summary + "\n";
  for (const auto& e : entries) out += e.inputs + " " + e.bytes + " " + e.path + "\n";
  return out;
}

const LogEntry* BuildLog::find(const std::string& path) const {
  if (index_.size() != entries.size()) {
    index_.clear();
    for (std::size_t i = 0; i < entries.size(); ++i) index_[entries[i].path] = i;
  }
  auto it = index_.find(path);
  return it == index_.end() ? nullptr : &entries[it->second];
}

BuildLog read_build_log(const std::filesystem::path& site) {
  BuildLog log;
  std::ifstream in(site / kMarkerFile, std::ios::binary);
  if (!in) return log;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("generator ", 0) == 0) {
      log.generator = line.substr(10);
      continue;
    }
    if (line.rfind("source ", 0) == 0) {
      log.source = line.substr(7);
      continue;
    }
    if (line.rfind("summary ", 0) == 0) {
      log.summary = line.substr(8);
      continue;
    }
    std::size_t a = line.find(' ');
    std::size_t b = a == std::string::npos ? a : line.find(' ', a + 1);
    if (a != 64 || b != 129 || line.size() <= b + 1) continue;  // the sentence, or a damaged line
    log.entries.push_back({line.substr(b + 1), line.substr(0, a), line.substr(a + 1, b - a - 1)});
  }
  return log;
}

}  // namespace duiding::write

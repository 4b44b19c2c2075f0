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
  for (const auto& e : entries) {
    out += e.inputs + " " + e.bytes + " " + e.path + "\n";
    for (const auto& p : e.parts) out += "part " + p.inputs + " " + std::to_string(p.length) + "\n";
  }
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
  bool parts_damaged = false;  // a part line of the latest entry was damaged
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
    if (line.rfind("part ", 0) == 0) {
      // "part " + 64 hex digits + " " + a length, after the entry it belongs to. One
      // damaged line and the entry keeps no parts: each is then rendered again.
      if (log.entries.empty() || parts_damaged) continue;
      const std::string length = line.size() > 70 ? line.substr(70) : std::string();
      if (line.size() <= 70 || line[69] != ' ' || length.find_first_not_of("0123456789") != std::string::npos ||
          length.size() > 15) {
        log.entries.back().parts.clear();
        parts_damaged = true;
        continue;
      }
      log.entries.back().parts.push_back({line.substr(5, 64), std::stoull(length)});
      continue;
    }
    std::size_t a = line.find(' ');
    std::size_t b = a == std::string::npos ? a : line.find(' ', a + 1);
    if (a != 64 || b != 129 || line.size() <= b + 1) continue;  // the sentence, or a damaged line
    parts_damaged = false;
    log.entries.push_back({line.substr(b + 1), line.substr(0, a), line.substr(a + 1, b - a - 1)});
  }
  return log;
}

}  // namespace duiding::write

#include "publish/tree.h"

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include "plan/job.h"

namespace duiding::publish {
namespace fs = std::filesystem;

std::vector<std::string> list_files(const fs::path& root) {
  std::vector<std::string> out;
  if (!fs::is_directory(root)) return out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) out.push_back(fs::relative(e.path(), root).generic_string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw fs::filesystem_error("cannot read", file, std::make_error_code(std::errc::io_error));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_bytes(const fs::path& file, std::string_view bytes) {
  if (file.has_parent_path()) fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw fs::filesystem_error("cannot write", file, std::make_error_code(std::errc::io_error));
}

// One SHA-256 for the whole generator: the build log hashes files the same way.
std::string sha256_hex(std::string_view bytes) { return plan::sha256_hex(bytes); }

std::map<std::string, std::string> hash_tree(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& rel : list_files(root))
    if (rel != kManifest) out[rel] = sha256_hex(read_bytes(root / rel));
  return out;
}

std::string manifest_text(const std::map<std::string, std::string>& hashes) {
  std::string out;
  for (const auto& [path, hex] : hashes) out += hex + "  " + path + "\n";
  return out;
}

std::map<std::string, std::string> read_manifest(const fs::path& file) {
  std::map<std::string, std::string> out;
  if (!fs::exists(file)) return out;
  std::istringstream in(read_bytes(file));
  std::string line;
  while (std::getline(in, line))
    if (line.size() > 66) out[line.substr(66)] = line.substr(0, 64);
  return out;
}

}  // namespace duiding::publish

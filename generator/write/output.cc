#include "write/output.h"

#include <cerrno>
#include <climits>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "platform/platform.h"

namespace duiding::write {
namespace fs = std::filesystem;

namespace {

// `<target>.tmp-<pid>` and `<target>.old-<pid>` beside the target whose process is gone:
// left by a build that was killed with SIGKILL or lost its machine.
void remove_stale_staging(const fs::path& target) {
  std::error_code ec;
  const std::string name = target.filename().string();
  for (const auto& entry : fs::directory_iterator(target.parent_path(), ec)) {
    std::string other = entry.path().filename().string();
    if (other.size() <= name.size() + 5 || other.compare(0, name.size(), name) != 0) continue;
    std::string rest = other.substr(name.size());
    if (rest.rfind(".tmp-", 0) != 0 && rest.rfind(".old-", 0) != 0) continue;
    std::string digits = rest.substr(5);
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    if (!platform::process_gone(std::stol(digits))) continue;
    if (!entry.is_directory(ec) || entry.is_symlink(ec)) continue;
    fs::remove_all(entry.path(), ec);
  }
}

}  // namespace

std::string marker_text() {
  return "This folder was written by 'duiding build'. The next build replaces it whole; do not edit it.\n";
}

void Output::claim(const std::string& path) {
  std::string folded = path;
  for (char& c : folded)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  const std::lock_guard<std::mutex> lock(claim_mutex_);
  auto [it, fresh] = claimed_.emplace(folded, path);
  if (fresh) return;
  throw PathCollision(it->second == path
                          ? "two generated files have the same path '" + path + "'"
                          : "generated files '" + it->second + "' and '" + path +
                                "' differ only in letter case and would be one file on Windows and macOS");
}

void Output::write_parts(const std::string& path, const std::function<void(const Sink&)>& produce) {
  std::string bytes;
  produce([&bytes](std::string_view part) { bytes += part; });
  write(path, bytes);
}

void MemoryOutput::write(const std::string& path, std::string_view bytes) {
  claim(path);
  std::string copy(bytes);
  const std::lock_guard<std::mutex> lock(files_mutex_);
  files[path] = std::move(copy);
}

void MemoryOutput::copy(const fs::path& from, const std::string& path) {
  std::ifstream in(from, std::ios::binary);
  if (!in) throw fs::filesystem_error("cannot read", from, std::make_error_code(std::errc::io_error));
  claim(path);
  std::ostringstream s;
  s << in.rdbuf();
  const std::lock_guard<std::mutex> lock(files_mutex_);
  files[path] = s.str();
}

DirectoryOutput::DirectoryOutput(fs::path target) : target_(fs::absolute(std::move(target))) {
  target_ = target_.lexically_normal();
  if (target_.filename().empty()) target_ = target_.parent_path();
  staging_ = target_;
  staging_ += ".tmp-" + std::to_string(platform::process_id());
  fs::create_directories(target_.parent_path());
  remove_stale_staging(target_);
  fs::remove_all(staging_);
  platform::arm_interrupt_cleanup(staging_);
  fs::create_directories(staging_);
  platform::write_file(staging_ / kMarkerFile, marker_text());
}

DirectoryOutput::~DirectoryOutput() {
  if (!committed_) {
    std::error_code ec;
    fs::remove_all(staging_, ec);
  }
  platform::disarm_interrupt_cleanup();
}

void DirectoryOutput::write(const std::string& path, std::string_view bytes) {
  claim(path);
  const fs::path file = folder_for(path);
  platform::write_file(file, bytes);
  ++count_;
}

void DirectoryOutput::copy(const fs::path& from, const std::string& path) {
  claim(path);
  const fs::path file = folder_for(path);
  fs::copy_file(from, file, fs::copy_options::overwrite_existing);
  ++count_;
}

void DirectoryOutput::reuse(const std::string& path) {
  claim(path);
  const fs::path file = folder_for(path);
  std::error_code ec;
  fs::create_hard_link(target_ / path, file, ec);
  if (ec) {
    fs::copy_file(target_ / path, file, fs::copy_options::overwrite_existing);
    fs::last_write_time(file, fs::last_write_time(target_ / path));
  }
  ++count_;
}

void DirectoryOutput::write_parts(const std::string& path, const std::function<void(const Sink&)>& produce) {
  claim(path);
  const fs::path file = folder_for(path);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) throw fs::filesystem_error("cannot create", file, std::make_error_code(std::errc::io_error));
  produce([&](std::string_view part) { out.write(part.data(), static_cast<std::streamsize>(part.size())); });
  out.close();
  if (!out) throw fs::filesystem_error("cannot write", file, std::make_error_code(std::errc::io_error));
  ++count_;
}

fs::path DirectoryOutput::folder_for(const std::string& path) {
  fs::path file = staging_ / path;
  const std::string folder = path.substr(0, path.rfind('/') == std::string::npos ? 0 : path.rfind('/'));
  {
    const std::lock_guard<std::mutex> lock(folders_mutex_);
    if (folders_.count(folder) != 0) return file;
  }
  fs::create_directories(file.parent_path());
  const std::lock_guard<std::mutex> lock(folders_mutex_);
  folders_.insert(folder);
  return file;
}

void DirectoryOutput::write_marker(std::string_view text) { platform::write_file(staging_ / kMarkerFile, text); }

void DirectoryOutput::commit() {
  std::error_code ec;
  if (fs::exists(target_, ec)) {
    if (platform::exchange_folders(staging_, target_)) {
      committed_ = true;
      fs::remove_all(staging_);  // now holds the previous site
      return;
    }
    fs::path old = target_;
    old += ".old-" + std::to_string(platform::process_id());
    fs::rename(target_, old);
    fs::rename(staging_, target_);
    committed_ = true;
    fs::remove_all(old);
    return;
  }
  fs::rename(staging_, target_);
  committed_ = true;
}

std::string describe(const fs::filesystem_error& e) {
  std::string where = e.path1().empty() ? "" : " " + e.path1().string();
  int code = e.code().value();
  if (e.code().category() == std::generic_category() || e.code().category() == std::system_category()) {
    if (code == ENOSPC || code == platform::kErrnoQuota)
      return "the disk is full (no space left to write" + where + "); free some space and build again";
    if (code == EROFS) return "the disk is read-only (cannot write" + where + ")";
    if (code == EACCES || code == EPERM) return "no permission to write" + where;
  }
  return "cannot write" + where + ": " + e.code().message();
}

}  // namespace duiding::write

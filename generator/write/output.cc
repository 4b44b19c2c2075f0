#include "write/output.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <sstream>
#include <system_error>

namespace duiding::write {
namespace fs = std::filesystem;

void MemoryOutput::write(const std::string& path, std::string_view bytes) {
  files[path] = std::string(bytes);
}

void MemoryOutput::copy(const fs::path& from, const std::string& path) {
  std::ifstream in(from, std::ios::binary);
  if (!in) throw fs::filesystem_error("cannot read", from, std::make_error_code(std::errc::io_error));
  std::ostringstream s;
  s << in.rdbuf();
  files[path] = s.str();
}

DirectoryOutput::DirectoryOutput(fs::path target) : target_(fs::absolute(std::move(target))) {
  target_ = target_.lexically_normal();
  if (target_.filename().empty()) target_ = target_.parent_path();
  staging_ = target_;
  staging_ += ".tmp-" + std::to_string(::getpid());
  fs::remove_all(staging_);
  fs::create_directories(staging_);
}

DirectoryOutput::~DirectoryOutput() {
  if (!committed_) {
    std::error_code ec;
    fs::remove_all(staging_, ec);
  }
}

void DirectoryOutput::write(const std::string& path, std::string_view bytes) {
  fs::path file = staging_ / path;
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw fs::filesystem_error("cannot write", file, std::make_error_code(std::errc::io_error));
  ++count_;
}

void DirectoryOutput::copy(const fs::path& from, const std::string& path) {
  fs::path file = staging_ / path;
  fs::create_directories(file.parent_path());
  fs::copy_file(from, file, fs::copy_options::overwrite_existing);
  ++count_;
}

void DirectoryOutput::commit() {
  std::error_code ec;
  if (fs::exists(target_, ec)) {
#ifdef RENAME_EXCHANGE
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) == 0) {
      committed_ = true;
      fs::remove_all(staging_);  // now holds the previous site
      return;
    }
#endif
    fs::path old = target_;
    old += ".old-" + std::to_string(::getpid());
    fs::rename(target_, old);
    fs::rename(staging_, target_);
    committed_ = true;
    fs::remove_all(old);
    return;
  }
  fs::create_directories(target_.parent_path());
  fs::rename(staging_, target_);
  committed_ = true;
}

}  // namespace duiding::write

#include "write/output.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

namespace duiding::write {
namespace fs = std::filesystem;

namespace {


[[noreturn]] void throw_errno(const char* what, const fs::path& p, int error) {
  throw fs::filesystem_error(what, p, std::error_code(error, std::generic_category()));
}

// Writes with the system calls themselves so a failure keeps its errno (a full disk
// says so instead of a generic input/output error).
void write_file(const fs::path& file, std::string_view bytes) {
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) throw_errno("cannot create", file, errno);
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int error = errno;
      ::close(fd);
      throw_errno("cannot write", file, error);
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  if (::close(fd) != 0) throw_errno("cannot write", file, errno);
}

// --- Removing the staging directory from a signal handler ---------------------------
// Only async-signal-safe calls (openat, getdents64, unlinkat, close) may run there, so
// the tree is walked by hand instead of with std::filesystem.

struct LinuxDirent64 {
  std::uint64_t d_ino;
  std::int64_t d_off;
  unsigned short d_reclen;
  unsigned char d_type;
  char d_name[1];  // NUL-terminated, longer than declared
};

void remove_tree_at(int parent, const char* name, int depth) {
  if (depth > 64) return;
  int fd = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    ::unlinkat(parent, name, 0);
    return;
  }
  alignas(8) char buf[4096];
  // Entries removed while reading may shift the rest: read again until nothing is left.
  for (int pass = 0; pass < 8; ++pass) {
    bool removed = false;
    ::lseek(fd, 0, SEEK_SET);
    for (;;) {
      long n = ::syscall(SYS_getdents64, fd, buf, sizeof buf);
      if (n <= 0) break;
      for (long off = 0; off < n;) {
        auto* d = reinterpret_cast<LinuxDirent64*>(buf + off);
        off += d->d_reclen;
        if (std::strcmp(d->d_name, ".") == 0 || std::strcmp(d->d_name, "..") == 0) continue;
        if (d->d_type == DT_DIR || d->d_type == DT_UNKNOWN) remove_tree_at(fd, d->d_name, depth + 1);
        else ::unlinkat(fd, d->d_name, 0);
        removed = true;
      }
    }
    if (!removed) break;
  }
  ::close(fd);
  ::unlinkat(parent, name, AT_REMOVEDIR);
}

char g_staging[PATH_MAX];
volatile sig_atomic_t g_armed = 0;
struct sigaction g_previous_int, g_previous_term;

extern "C" void remove_staging_and_die(int sig) {
  if (g_armed) {
    g_armed = 0;
    remove_tree_at(AT_FDCWD, g_staging, 0);
    const char msg[] = "\nduiding: interrupted; the unfinished site was removed and the output folder is unchanged\n";
    ssize_t ignored = ::write(STDERR_FILENO, msg, sizeof msg - 1);
    (void)ignored;
  }
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

void arm_signal_cleanup(const fs::path& staging) {
  const std::string& s = staging.native();
  if (s.size() >= sizeof g_staging) return;
  std::memcpy(g_staging, s.c_str(), s.size() + 1);
  struct sigaction sa {};
  sa.sa_handler = remove_staging_and_die;
  sigemptyset(&sa.sa_mask);
  ::sigaction(SIGINT, &sa, &g_previous_int);
  ::sigaction(SIGTERM, &sa, &g_previous_term);
  g_armed = 1;
}

void disarm_signal_cleanup() {
  if (!g_armed) return;
  g_armed = 0;
  ::sigaction(SIGINT, &g_previous_int, nullptr);
  ::sigaction(SIGTERM, &g_previous_term, nullptr);
}

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
    pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;
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
  staging_ += ".tmp-" + std::to_string(::getpid());
  fs::create_directories(target_.parent_path());
  remove_stale_staging(target_);
  fs::remove_all(staging_);
  arm_signal_cleanup(staging_);
  fs::create_directories(staging_);
  write_file(staging_ / kMarkerFile, marker_text());
}

DirectoryOutput::~DirectoryOutput() {
  if (!committed_) {
    std::error_code ec;
    fs::remove_all(staging_, ec);
  }
  disarm_signal_cleanup();
}

void DirectoryOutput::write(const std::string& path, std::string_view bytes) {
  claim(path);
  fs::path file = staging_ / path;
  fs::create_directories(file.parent_path());
  write_file(file, bytes);
  ++count_;
}

void DirectoryOutput::copy(const fs::path& from, const std::string& path) {
  claim(path);
  fs::path file = staging_ / path;
  fs::create_directories(file.parent_path());
  fs::copy_file(from, file, fs::copy_options::overwrite_existing);
  ++count_;
}

void DirectoryOutput::reuse(const std::string& path) {
  claim(path);
  fs::path file = staging_ / path;
  fs::create_directories(file.parent_path());
  std::error_code ec;
  fs::create_hard_link(target_ / path, file, ec);
  if (ec) {
    fs::copy_file(target_ / path, file, fs::copy_options::overwrite_existing);
    fs::last_write_time(file, fs::last_write_time(target_ / path));
  }
  ++count_;
}

void DirectoryOutput::write_marker(std::string_view text) { write_file(staging_ / kMarkerFile, text); }

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
  fs::rename(staging_, target_);
  committed_ = true;
}

std::string describe(const fs::filesystem_error& e) {
  std::string where = e.path1().empty() ? "" : " " + e.path1().string();
  int code = e.code().value();
  if (e.code().category() == std::generic_category() || e.code().category() == std::system_category()) {
    if (code == ENOSPC || code == EDQUOT)
      return "the disk is full (no space left to write" + where + "); free some space and build again";
    if (code == EROFS) return "the disk is read-only (cannot write" + where + ")";
    if (code == EACCES || code == EPERM) return "no permission to write" + where;
  }
  return "cannot write" + where + ": " + e.code().message();
}

}  // namespace duiding::write

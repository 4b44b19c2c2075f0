// Linux side of platform.h: files, process ids, interrupt cleanup, SHA-256 (OpenSSL).
#include <dirent.h>
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <openssl/evp.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <system_error>

#include "platform/platform.h"

namespace duiding::platform {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void throw_errno(const char* what, const fs::path& p, int error) {
  throw fs::filesystem_error(what, p, std::error_code(error, std::generic_category()));
}

ReadResult::Kind kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return ReadResult::kFolder;
  if (S_ISFIFO(mode)) return ReadResult::kFifo;
  if (S_ISCHR(mode)) return ReadResult::kCharacterDevice;
  if (S_ISBLK(mode)) return ReadResult::kBlockDevice;
  if (S_ISSOCK(mode)) return ReadResult::kSocket;
  return ReadResult::kOther;
}

}  // namespace

ReadResult read_regular_file(const fs::path& file, std::uintmax_t cap) {
  ReadResult r;
  int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    r.status = ReadResult::kCannotOpen;
    r.detail = std::strerror(errno);
    return r;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    r.status = ReadResult::kNotRegular;
    r.kind = kind_of(st.st_mode);
    ::close(fd);
    return r;
  }
  if (static_cast<std::uintmax_t>(st.st_size) > cap) {
    r.status = ReadResult::kTooLarge;
    r.size = static_cast<std::uintmax_t>(st.st_size);
    ::close(fd);
    return r;
  }
  r.bytes.reserve(static_cast<std::size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      r.status = ReadResult::kCannotRead;
      r.detail = std::strerror(errno);
      break;
    }
    if (n == 0) break;
    r.bytes.append(buf, static_cast<std::size_t>(n));
    if (r.bytes.size() > cap) {  // the file grew while it was read
      r.status = ReadResult::kTooLarge;
      break;
    }
  }
  ::close(fd);
  if (r.status != ReadResult::kOk) r.bytes.clear();
  return r;
}

std::FILE* open_file(const fs::path& file, const char* mode) { return std::fopen(file.c_str(), mode); }

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

fs::path temporary_directory() {
  static const fs::path dir = [] {
    const char* env = std::getenv("TMPDIR");
    if ((env == nullptr || *env == '\0') && ::access("/dev/shm", W_OK | X_OK) == 0) {
      std::error_code ec;
      if (fs::is_directory("/dev/shm", ec)) return fs::path("/dev/shm");
    }
    return fs::temp_directory_path();
  }();
  return dir;
}

fs::path make_temporary_file(std::string_view stem) {
  std::string path = (temporary_directory() / (std::string(stem) + "-XXXXXX")).string();
  const int fd = ::mkstemp(path.data());  // mode 0600
  if (fd < 0) throw std::runtime_error("cannot create a temporary file " + path + ": " + std::strerror(errno));
  ::close(fd);
  return path;
}

void use_utf8_console() {}

long process_id() { return static_cast<long>(::getpid()); }

bool process_gone(long pid) { return pid != ::getpid() && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH; }

std::optional<fs::path> executable_path() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  return exe;
}

bool exchange_folders(const fs::path& a, const fs::path& b) {
#ifdef RENAME_EXCHANGE
  return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0;
#else
  (void)a, (void)b;
  return false;
#endif
}

// --- Removing the staging directory from a signal handler ---------------------------
// Only async-signal-safe calls (openat, getdents64, unlinkat, close) may run there, so
// the tree is walked by hand instead of with std::filesystem.
namespace {

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

}  // namespace

void arm_interrupt_cleanup(const fs::path& staging) {
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

void disarm_interrupt_cleanup() {
  if (!g_armed) return;
  g_armed = 0;
  ::sigaction(SIGINT, &g_previous_int, nullptr);
  ::sigaction(SIGTERM, &g_previous_term, nullptr);
}

namespace {

// The first program header list dl_iterate_phdr reports is the program's own.
int find_build_id(dl_phdr_info* info, std::size_t, void* data) {
  auto* out = static_cast<std::string*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const char* at = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
    const char* end = at + ph.p_memsz;
    while (at + sizeof(ElfW(Nhdr)) <= end) {
      const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(at);
      const char* name = at + sizeof(ElfW(Nhdr));
      const char* desc = name + ((note->n_namesz + 3) & ~3u);
      if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
        static const char* kHex = "0123456789abcdef";
        for (unsigned j = 0; j < note->n_descsz; ++j) {
          auto byte = static_cast<unsigned char>(desc[j]);
          *out += kHex[byte >> 4];
          *out += kHex[byte & 15];
        }
        return 1;
      }
      at = desc + ((note->n_descsz + 3) & ~3u);
    }
  }
  return 1;
}

}  // namespace

std::string program_build_id() {
  std::string found;
  dl_iterate_phdr(find_build_id, &found);
  return found;
}

std::array<unsigned char, 32> sha256(std::string_view bytes) {
  std::array<unsigned char, 32> digest{};
  unsigned char buf[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), buf, &len, EVP_sha256(), nullptr) != 1 || len != digest.size())
    throw std::runtime_error("OpenSSL could not compute SHA-256");
  std::memcpy(digest.data(), buf, digest.size());
  return digest;
}

Sha256::Sha256() : state_(EVP_MD_CTX_new()), handle_(nullptr) {
  if (state_ == nullptr || EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(state_), EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("OpenSSL could not compute SHA-256");
}

Sha256::~Sha256() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(state_)); }

void Sha256::add(std::string_view bytes) {
  if (EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(state_), bytes.data(), bytes.size()) != 1)
    throw std::runtime_error("OpenSSL could not compute SHA-256");
}

std::array<unsigned char, 32> Sha256::digest() {
  std::array<unsigned char, 32> out{};
  unsigned char buf[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(state_), buf, &len) != 1 || len != out.size())
    throw std::runtime_error("OpenSSL could not compute SHA-256");
  std::memcpy(out.data(), buf, out.size());
  return out;
}

}  // namespace duiding::platform

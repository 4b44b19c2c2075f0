#include "load/source_files.h"
#include "diag/messages.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace duiding::load {
namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kDefaultMaxMiB = 64;

bool within(const fs::path& inner, const fs::path& outer) {
  auto [o, i] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return o == outer.end();
}

msg::Text kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return msg::soort_map();
  if (S_ISFIFO(mode)) return msg::soort_fifo();
  if (S_ISCHR(mode)) return msg::soort_tekenapparaat();
  if (S_ISBLK(mode)) return msg::soort_blokapparaat();
  if (S_ISSOCK(mode)) return msg::soort_socket();
  return msg::soort_anders();
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace

std::uintmax_t max_file_bytes() {
  if (const char* env = std::getenv("DUIDING_MAX_FILE_MB"); env != nullptr && *env != 0) {
    char* end = nullptr;
    unsigned long long mib = std::strtoull(env, &end, 10);
    if (end != nullptr && *end == 0 && mib >= 1 && mib <= (1ULL << 20)) return mib << 20;
  }
  return kDefaultMaxMiB << 20;
}

std::optional<std::string> read_source_file(const fs::path& root, const fs::path& path, const std::string& display,
                                            diag::Diagnostics& diag) {
  std::error_code ec;
  fs::path real = fs::canonical(path, ec);
  if (ec) {
    diag.error({display, 0, 0},
               fs::is_symlink(path, ec) ? msg::link_naar_niets() : msg::kan_bestand_niet_openen(ec.message()));
    return std::nullopt;
  }
  fs::path real_root = fs::canonical(root, ec);
  if (!ec && !within(real, real_root)) {
    diag.error({display, 0, 0}, msg::link_buiten_bron(real.string()));
    return std::nullopt;
  }
  int fd = ::open(real.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    diag.error({display, 0, 0}, msg::kan_bestand_niet_openen(std::strerror(errno)));
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    diag.error({display, 0, 0}, msg::geen_gewoon_bestand(kind_of(st.st_mode)));
    ::close(fd);
    return std::nullopt;
  }
  const std::uintmax_t cap = max_file_bytes();
  if (static_cast<std::uintmax_t>(st.st_size) > cap) {
    diag.error({display, 0, 0},
               msg::bestand_te_groot(static_cast<std::uintmax_t>(st.st_size), cap >> 20));
    ::close(fd);
    return std::nullopt;
  }
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      diag.error({display, 0, 0}, msg::kan_bestand_niet_lezen(std::strerror(errno)));
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    bytes.append(buf, static_cast<std::size_t>(n));
    if (bytes.size() > cap) {  // the file grew while it was read
      diag.error({display, 0, 0}, msg::bestand_groeit(cap >> 20));
      ::close(fd);
      return std::nullopt;
    }
  }
  ::close(fd);
  return bytes;
}

std::vector<fs::path> list_source_files(const fs::path& dir, const std::string& ext,
                                        const std::function<std::string(const fs::path&)>& display,
                                        diag::Diagnostics& diag,
                                        const std::function<bool(const fs::path&)>& also_allowed) {
  std::vector<fs::path> out, other;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const fs::path& p = entry.path();
    std::string name = p.filename().string();
    if (name.empty()) continue;
    if (name[0] == '.') {
      // Hidden files (.gitkeep, .DS_Store) are left alone, but one named like the files
      // this folder holds (`..json`, `.tevredenheid.csv`) was meant to be read.
      if (name.size() > ext.size() && lower(name.substr(name.size() - ext.size())) == ext)
        diag.error({display(p), 0, 0},
                   msg::verborgen_bestand(name, ext));
      continue;
    }
    std::string e = p.extension().string();
    if (e == ext) out.push_back(p);
    else other.push_back(p);
  }
  std::sort(out.begin(), out.end());
  std::sort(other.begin(), other.end());
  for (const fs::path& p : other) {
    std::string e = p.extension().string();
    if (lower(e) == ext) {
      diag.error({display(p), 0, 0},
                 msg::extensie_onbekend(e, ext));
    } else if (!also_allowed || !also_allowed(p)) {
      diag.warning({display(p), 0, 0},
                   fs::is_directory(p, ec) ? msg::map_niet_gelezen(ext) : msg::bestand_niet_gelezen(ext));
    }
  }
  return out;
}

}  // namespace duiding::load

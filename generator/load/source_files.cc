#include "load/source_files.h"
#include "diag/messages.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "platform/platform.h"

namespace duiding::load {
namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kDefaultMaxMiB = 64;

bool within(const fs::path& inner, const fs::path& outer) {
  auto [o, i] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return o == outer.end();
}

msg::Text kind_of(platform::ReadResult::Kind kind) {
  switch (kind) {
    case platform::ReadResult::kFolder: return msg::soort_map();
    case platform::ReadResult::kFifo: return msg::soort_fifo();
    case platform::ReadResult::kCharacterDevice: return msg::soort_tekenapparaat();
    case platform::ReadResult::kBlockDevice: return msg::soort_blokapparaat();
    case platform::ReadResult::kSocket: return msg::soort_socket();
    case platform::ReadResult::kOther: break;
  }
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
  const std::uintmax_t cap = max_file_bytes();
  platform::ReadResult read = platform::read_regular_file(real, cap);
  switch (read.status) {
    case platform::ReadResult::kOk:
      return std::move(read.bytes);
    case platform::ReadResult::kCannotOpen:
      diag.error({display, 0, 0}, msg::kan_bestand_niet_openen(read.detail));
      break;
    case platform::ReadResult::kNotRegular:
      diag.error({display, 0, 0}, msg::geen_gewoon_bestand(kind_of(read.kind)));
      break;
    case platform::ReadResult::kTooLarge:
      if (read.size == 0)  // the file grew while it was read
        diag.error({display, 0, 0}, msg::bestand_groeit(cap >> 20));
      else
        diag.error({display, 0, 0}, msg::bestand_te_groot(read.size, cap >> 20));
      break;
    case platform::ReadResult::kCannotRead:
      diag.error({display, 0, 0}, msg::kan_bestand_niet_lezen(read.detail));
      break;
  }
  return std::nullopt;
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

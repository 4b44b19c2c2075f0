#include "plan/job.h"

#include <elf.h>
#include <link.h>
#include <openssl/evp.h>

#include <cstring>
#include <map>
#include <stdexcept>

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

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("OpenSSL could not compute SHA-256");
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
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

std::string generator_id() {
  static const std::string id = [] {
    std::string found;
    dl_iterate_phdr(find_build_id, &found);
    return found;
  }();
  return id;
}

}  // namespace duiding::plan

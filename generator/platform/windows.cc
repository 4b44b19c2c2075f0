// Windows side of platform.h (built with mingw-w64): files through the C runtime and
// std::filesystem, SHA-256 from Windows' own bcrypt.dll, Ctrl-C through a console handler.
// Starting other programs is not offered: PNG and PDF steps are skipped on Windows.
#include <windows.h>
#include <bcrypt.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <system_error>

#include "platform/platform.h"

namespace duiding::platform {
namespace fs = std::filesystem;

ReadResult read_regular_file(const fs::path& file, std::uintmax_t cap) {
  ReadResult r;
  std::error_code ec;
  fs::file_status st = fs::status(file, ec);
  if (ec || st.type() == fs::file_type::not_found) {
    r.status = ReadResult::kCannotOpen;
    r.detail = ec ? ec.message() : std::strerror(ENOENT);
    return r;
  }
  if (!fs::is_regular_file(st)) {
    r.status = ReadResult::kNotRegular;
    r.kind = fs::is_directory(st) ? ReadResult::kFolder : ReadResult::kOther;
    return r;
  }
  std::uintmax_t size = fs::file_size(file, ec);
  if (!ec && size > cap) {
    r.status = ReadResult::kTooLarge;
    r.size = size;
    return r;
  }
  std::FILE* f = _wfopen(file.c_str(), L"rb");
  if (f == nullptr) {
    r.status = ReadResult::kCannotOpen;
    r.detail = std::strerror(errno);
    return r;
  }
  char buf[1 << 16];
  for (;;) {
    std::size_t n = std::fread(buf, 1, sizeof buf, f);
    r.bytes.append(buf, n);
    if (r.bytes.size() > cap) {  // the file grew while it was read
      r.status = ReadResult::kTooLarge;
      break;
    }
    if (n < sizeof buf) {
      if (std::ferror(f)) {
        r.status = ReadResult::kCannotRead;
        r.detail = std::strerror(errno);
      }
      break;
    }
  }
  std::fclose(f);
  if (r.status != ReadResult::kOk) r.bytes.clear();
  return r;
}

std::FILE* open_file(const fs::path& file, const char* mode) {
  std::wstring wide(mode, mode + std::strlen(mode));
  return _wfopen(file.c_str(), wide.c_str());
}

void write_file(const fs::path& file, std::string_view bytes) {
  std::FILE* f = _wfopen(file.c_str(), L"wb");
  if (f == nullptr) throw fs::filesystem_error("cannot create", file, std::error_code(errno, std::generic_category()));
  if (std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) {
    int error = errno;
    std::fclose(f);
    throw fs::filesystem_error("cannot write", file, std::error_code(error, std::generic_category()));
  }
  if (std::fclose(f) != 0) throw fs::filesystem_error("cannot write", file, std::error_code(errno, std::generic_category()));
}

long process_id() { return static_cast<long>(GetCurrentProcessId()); }

bool process_gone(long pid) {
  if (pid == process_id()) return false;
  HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(pid));
  if (h == nullptr) return GetLastError() == ERROR_INVALID_PARAMETER;  // no such process
  DWORD code = 0;
  bool ended = GetExitCodeProcess(h, &code) && code != STILL_ACTIVE;
  CloseHandle(h);
  return ended;
}

std::optional<fs::path> executable_path() {
  std::wstring buf(MAX_PATH, L'\0');
  for (;;) {
    DWORD n = GetModuleFileNameW(nullptr, buf.data(), static_cast<DWORD>(buf.size()));
    if (n == 0) return std::nullopt;
    if (n < buf.size()) return fs::path(buf.substr(0, n));
    buf.resize(buf.size() * 2);
  }
}

std::string program_build_id() {
  std::optional<fs::path> exe = executable_path();
  if (!exe) return "";
  ReadResult read = read_regular_file(*exe, std::uintmax_t{1} << 31);
  if (read.status != ReadResult::kOk) return "";
  return sha256_hex(read.bytes);
}

bool exchange_folders(const fs::path&, const fs::path&) { return false; }

// Windows runs a console control handler on a thread of its own, so it may use
// std::filesystem; the lock keeps it from racing the build's own cleanup.
namespace {

std::mutex g_lock;
fs::path g_staging;
bool g_armed = false;

BOOL WINAPI remove_staging(DWORD) {
  std::lock_guard<std::mutex> hold(g_lock);
  if (g_armed) {
    g_armed = false;
    std::error_code ignored;
    fs::remove_all(g_staging, ignored);
    std::fputs("\nduiding: interrupted; the unfinished site was removed and the output folder is unchanged\n", stderr);
  }
  return FALSE;  // then the default handler ends the program
}

}  // namespace

void use_utf8_console() { SetConsoleOutputCP(CP_UTF8); }

void arm_interrupt_cleanup(const fs::path& staging) {
  std::lock_guard<std::mutex> hold(g_lock);
  g_staging = staging;
  if (!g_armed) SetConsoleCtrlHandler(remove_staging, TRUE);
  g_armed = true;
}

void disarm_interrupt_cleanup() {
  std::lock_guard<std::mutex> hold(g_lock);
  if (!g_armed) return;
  g_armed = false;
  SetConsoleCtrlHandler(remove_staging, FALSE);
}

std::array<unsigned char, 32> sha256(std::string_view bytes) {
  std::array<unsigned char, 32> digest{};
  BCRYPT_ALG_HANDLE alg = nullptr;
  BCRYPT_HASH_HANDLE hash = nullptr;
  bool ok = BCryptOpenAlgorithmProvider(&alg, BCRYPT_SHA256_ALGORITHM, nullptr, 0) == 0 &&
            BCryptCreateHash(alg, &hash, nullptr, 0, nullptr, 0, 0) == 0;
  for (std::size_t done = 0; ok && done < bytes.size();) {
    ULONG part = static_cast<ULONG>(std::min<std::size_t>(bytes.size() - done, 1u << 30));
    ok = BCryptHashData(hash, reinterpret_cast<PUCHAR>(const_cast<char*>(bytes.data() + done)), part, 0) == 0;
    done += part;
  }
  ok = ok && BCryptFinishHash(hash, digest.data(), static_cast<ULONG>(digest.size()), 0) == 0;
  if (hash != nullptr) BCryptDestroyHash(hash);
  if (alg != nullptr) BCryptCloseAlgorithmProvider(alg, 0);
  if (!ok) throw std::runtime_error("Windows (bcrypt) could not compute SHA-256");
  return digest;
}

fs::path temporary_directory() { return fs::temp_directory_path(); }

fs::path make_temporary_file(std::string_view stem) {
  // The user's own temporary folder (%TEMP%, under the profile): other users cannot read it.
  static std::atomic<unsigned> counter = 0;
  const fs::path dir = temporary_directory();
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path path = dir / (std::string(stem) + "-" + std::to_string(GetCurrentProcessId()) + "-" +
                           std::to_string(counter++) + "-" + std::to_string(GetTickCount64() % 100000));
    HANDLE h = CreateFileW(path.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_TEMPORARY, nullptr);
    if (h != INVALID_HANDLE_VALUE) {
      CloseHandle(h);
      return path;
    }
    if (GetLastError() != ERROR_FILE_EXISTS) break;
  }
  throw std::runtime_error("cannot create a temporary file in " + utf8_path(dir));
}

int run_program(const std::vector<std::string>&, int) { return -1; }

Sha256::Sha256() : state_(nullptr), handle_(nullptr) {
  BCRYPT_ALG_HANDLE alg = nullptr;
  BCRYPT_HASH_HANDLE hash = nullptr;
  if (BCryptOpenAlgorithmProvider(&alg, BCRYPT_SHA256_ALGORITHM, nullptr, 0) != 0)
    throw std::runtime_error("Windows (bcrypt) could not compute SHA-256");
  if (BCryptCreateHash(alg, &hash, nullptr, 0, nullptr, 0, 0) != 0) {
    BCryptCloseAlgorithmProvider(alg, 0);
    throw std::runtime_error("Windows (bcrypt) could not compute SHA-256");
  }
  handle_ = alg;
  state_ = hash;
}

Sha256::~Sha256() {
  BCryptDestroyHash(static_cast<BCRYPT_HASH_HANDLE>(state_));
  BCryptCloseAlgorithmProvider(static_cast<BCRYPT_ALG_HANDLE>(handle_), 0);
}

void Sha256::add(std::string_view bytes) {
  for (std::size_t done = 0; done < bytes.size();) {
    ULONG part = static_cast<ULONG>(std::min<std::size_t>(bytes.size() - done, 1u << 30));
    if (BCryptHashData(static_cast<BCRYPT_HASH_HANDLE>(state_),
                       reinterpret_cast<PUCHAR>(const_cast<char*>(bytes.data() + done)), part, 0) != 0)
      throw std::runtime_error("Windows (bcrypt) could not compute SHA-256");
    done += part;
  }
}

std::array<unsigned char, 32> Sha256::digest() {
  std::array<unsigned char, 32> out{};
  if (BCryptFinishHash(static_cast<BCRYPT_HASH_HANDLE>(state_), out.data(), static_cast<ULONG>(out.size()), 0) != 0)
    throw std::runtime_error("Windows (bcrypt) could not compute SHA-256");
  return out;
}

}  // namespace duiding::platform

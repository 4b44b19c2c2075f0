// What differs between Linux and Windows, in one place: reading and writing files with
// their system error, the process id, removing an unfinished site when the build is
// interrupted, the path of the running program, SHA-256, and starting other programs.
// posix.cc and posix_process.cc implement it for Linux, windows.cc for Windows
// (cross-built with mingw-w64 by scripts/release-windows.sh); nothing else in the
// generator includes a system header.
#pragma once

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace duiding::platform {

// False on Windows: PDF printing (Chromium) is skipped there.
#ifdef _WIN32
inline constexpr bool kRunsOtherPrograms = false;
#else
inline constexpr bool kRunsOtherPrograms = true;
#endif

// The errno of an exceeded disk quota (Windows has none; a full disk says ENOSPC there).
#ifdef EDQUOT
inline constexpr int kErrnoQuota = EDQUOT;
#else
inline constexpr int kErrnoQuota = ENOSPC;
#endif

// --- files ---------------------------------------------------------------------------

struct ReadResult {
  enum Status { kOk, kCannotOpen, kNotRegular, kTooLarge, kCannotRead } status = kOk;
  enum Kind { kFolder, kFifo, kCharacterDevice, kBlockDevice, kSocket, kOther };
  std::string bytes;        // kOk: the whole file
  std::string detail;       // kCannotOpen/kCannotRead: the system's message
  Kind kind = kOther;       // kNotRegular: what it is instead
  std::uintmax_t size = 0;  // kTooLarge: the file's size (0 when it grew while being read)
};
// Reads a regular file of at most `cap` bytes, refusing FIFOs, devices and folders
// without blocking on them.
ReadResult read_regular_file(const std::filesystem::path& file, std::uintmax_t cap);

// std::fopen for a path of any characters (Windows opens wide-character paths only with _wfopen).
std::FILE* open_file(const std::filesystem::path& file, const char* mode);

// The path as UTF-8, for C libraries that take a char* path (libzip takes UTF-8 on Windows).
inline std::string utf8_path(const std::filesystem::path& file) {
  const std::u8string s = file.u8string();
  return std::string(s.begin(), s.end());
}

// Writes `bytes` to `file` (created or truncated); a failure throws
// std::filesystem::filesystem_error carrying the system's error (a full disk says so).
void write_file(const std::filesystem::path& file, std::string_view bytes);

// The folder for short-lived temporary files: $TMPDIR when it is set; else, on Linux,
// /dev/shm when this user may write there (a folder in memory: the workbooks' dozen
// temporary parts each are created and removed there at a fraction of the cost of a disk
// folder); else the system's temporary folder.
std::filesystem::path temporary_directory();

// Creates a new, empty file only this user can read in temporary_directory(), named `stem`
// and something unique; its path. Throws std::runtime_error when it cannot.
std::filesystem::path make_temporary_file(std::string_view stem);

// --- processes -----------------------------------------------------------------------

long process_id();
// True when no process with this id runs any more (a staging folder it left is stale).
bool process_gone(long pid);

// Lets the console show the program's UTF-8 text as it is (Windows' console otherwise
// reads it in the old DOS code page, so 'geïnstalleerd' would come out garbled); nothing
// on Linux, whose terminals take UTF-8.
void use_utf8_console();

// The running program's own path, if the system tells it.
std::optional<std::filesystem::path> executable_path();

// What identifies this build of the program: the linker's build id on Linux, the
// SHA-256 of the program file on Windows. An incremental build redoes everything when
// it changes.
std::string program_build_id();

// While armed, Ctrl-C (SIGINT, SIGTERM; a console close on Windows) removes `staging`
// before the program ends, so an interrupted build leaves no half-written site.
void arm_interrupt_cleanup(const std::filesystem::path& staging);
void disarm_interrupt_cleanup();

// Swaps two existing folders in one step where the system can (Linux renameat2);
// false where it cannot, and the caller renames twice.
bool exchange_folders(const std::filesystem::path& a, const std::filesystem::path& b);

// --- SHA-256 -------------------------------------------------------------------------

std::array<unsigned char, 32> sha256(std::string_view bytes);

// The digest in lower-case hexadecimal, as sha256sum prints it.
inline std::string hex(const std::array<unsigned char, 32>& digest) {
  static constexpr const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char byte : digest) {
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
  }
  return out;
}
inline std::string sha256_hex(std::string_view bytes) { return hex(sha256(bytes)); }

// SHA-256 of bytes that come in parts (a page written part by part): add() every part,
// then digest() once. The same digest as sha256() of the parts joined.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void add(std::string_view bytes);
  std::array<unsigned char, 32> digest();

 private:
  void* state_;   // the system's hash object (OpenSSL EVP_MD_CTX, Windows BCRYPT_HASH_HANDLE)
  void* handle_;  // Windows: its algorithm provider; POSIX: unused
};

// --- other programs (only where kRunsOtherPrograms) ----------------------------------

inline constexpr int kTimedOut = -2;
// Runs `args` (args[0] is the program's path) without a shell, its output discarded; the
// exit status, kTimedOut after `timeout_s` seconds (it and its children are then killed),
// or -1 when it could not run or ended by a signal.
int run_program(const std::vector<std::string>& args, int timeout_s);

}  // namespace duiding::platform

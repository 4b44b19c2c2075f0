// generator/platform: the layer every system call goes through. These cases hold on every
// system: they run in duiding_tests on Linux, and tests/release_windows_test.sh runs them
// as duiding_platform_tests.exe (cross-built with the Windows side) under wine64.
#include <catch2/catch.hpp>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include "platform/platform.h"

namespace {

namespace fs = std::filesystem;
using namespace duiding;

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("duiding-platform-test-" + std::to_string(platform::process_id()));
  TempDir() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("SHA-256 gives the digests of FIPS 180-2's examples", "[platform]") {
  // FIPS 180-2, appendix B.1 ("abc") and B.2 (the 448-bit message); the empty string's
  // digest as `printf '' | sha256sum` prints it.
  CHECK(platform::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(platform::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(platform::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("SHA-256 of a message given in parts is the digest of the whole message", "[platform]") {
  // The same FIPS 180-2 message (B.2), cut at 0, 1, 27 and 55 bytes, and with an empty part.
  platform::Sha256 hash;
  for (std::string_view part : {"", "a", "bcdbcdecdefdefgefghfghighij", "", "hijkijkljklmklmnlmnomnopnopq"}) hash.add(part);
  CHECK(platform::hex(hash.digest()) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  platform::Sha256 nothing;
  CHECK(platform::hex(nothing.digest()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("a regular file is read whole, a folder and a file over the limit are refused", "[platform]") {
  TempDir dir;
  std::ofstream(dir.path / "a.csv", std::ios::binary) << "round;value\r\n2024;1,5\r\n";
  auto ok = platform::read_regular_file(dir.path / "a.csv", 1024);
  CHECK(ok.status == platform::ReadResult::kOk);
  CHECK(ok.bytes == "round;value\r\n2024;1,5\r\n");

  auto folder = platform::read_regular_file(dir.path, 1024);
  CHECK(folder.status == platform::ReadResult::kNotRegular);
  CHECK(folder.kind == platform::ReadResult::kFolder);

  auto big = platform::read_regular_file(dir.path / "a.csv", 10);
  CHECK(big.status == platform::ReadResult::kTooLarge);
  CHECK(big.size == 23);
  CHECK(big.bytes.empty());

  auto missing = platform::read_regular_file(dir.path / "b.csv", 1024);
  CHECK(missing.status == platform::ReadResult::kCannotOpen);
}

TEST_CASE("writing into a folder that does not exist throws the system's error", "[platform]") {
  TempDir dir;
  platform::write_file(dir.path / "x.html", "<p>1</p>");
  CHECK(platform::read_regular_file(dir.path / "x.html", 100).bytes == "<p>1</p>");
  try {
    platform::write_file(dir.path / "nergens" / "x.html", "x");
    FAIL("no error");
  } catch (const fs::filesystem_error& e) {
    CHECK(e.code().value() == ENOENT);
    CHECK(e.path1() == dir.path / "nergens" / "x.html");
  }
}

TEST_CASE("the running program knows its own path, and is not a gone process", "[platform]") {
  auto exe = platform::executable_path();
  REQUIRE(exe.has_value());
  CHECK(fs::is_regular_file(*exe));
  CHECK(exe->stem().string().rfind("duiding", 0) == 0);  // duiding_tests, or duiding_platform_tests.exe
  CHECK_FALSE(platform::process_gone(platform::process_id()));
  CHECK_FALSE(platform::program_build_id().empty());
}

TEST_CASE("another program gives its exit status, and is stopped after its time", "[platform]") {
  if (!platform::kRunsOtherPrograms) return;
  CHECK(platform::run_program({"/bin/sh", "-c", "exit 3"}, 10) == 3);
  CHECK(platform::run_program({"/bin/sleep", "5"}, 1) == platform::kTimedOut);
  CHECK(platform::run_program({"/nonexistent/program"}, 10) == 127);
}

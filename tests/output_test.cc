// The write stage: a site is staged beside its target and only a commit swaps it in, so
// a failed build leaves the previous site exactly as it was.
#include "write/output.h"

#include <catch2/catch.hpp>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>

namespace {

namespace fs = std::filesystem;
using duiding::write::DirectoryOutput;
using duiding::write::MemoryOutput;
using Tree = std::map<std::string, std::string>;

struct TempDir {
  fs::path path;
  TempDir() : path(fs::temp_directory_path() / ("duiding-output-test-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every file below `dir` with its bytes, by `/`-separated relative path.
Tree tree(const fs::path& dir) {
  Tree out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).generic_string()] = slurp(e.path());
  return out;
}

void plant(const fs::path& dir, const Tree& files) {
  for (const auto& [path, bytes] : files) {
    fs::create_directories((dir / path).parent_path());
    std::ofstream(dir / path, std::ios::binary) << bytes;
  }
}

// Names of the entries directly in `dir`.
std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

const Tree kOldSite = {{"index.html", "<p>oud</p>\n"},
                       {"kern/index.html", "oud kern"},
                       {"alleen-oud.txt", std::string("bytes\0\xFF", 7)}};

}  // namespace

TEST_CASE("a build that is not committed leaves the target byte for byte as it was", "[output]") {
  TempDir tmp;
  fs::path target = tmp.path / "site";
  plant(target, kOldSite);
  {
    DirectoryOutput out(target);
    out.write("index.html", "<p>nieuw</p>\n");
    out.write("kern/index.html", "nieuw kern");
    out.write("nieuw/bestand.json", "{}");
    CHECK(tree(target) == kOldSite);  // nothing reaches the target before the commit
  }
  CHECK(tree(target) == kOldSite);
  CHECK(entries(tmp.path) == std::vector<std::string>{"site"});  // the staging directory is gone
}

TEST_CASE("a build that fails with an exception leaves the target as it was", "[output]") {
  TempDir tmp;
  fs::path target = tmp.path / "site";
  plant(target, kOldSite);
  try {
    DirectoryOutput out(target);
    out.write("index.html", "half");
    throw std::runtime_error("render failed");
  } catch (const std::runtime_error&) {
  }
  CHECK(tree(target) == kOldSite);
  CHECK(entries(tmp.path) == std::vector<std::string>{"site"});
}

TEST_CASE("a commit replaces the old contents with exactly the new ones", "[output]") {
  TempDir tmp;
  fs::path target = tmp.path / "site";
  plant(target, kOldSite);
  const Tree fresh = {{"index.html", "<p>nieuw</p>\n"}, {"kern/tevredenheid/index.html", "t"}};
  {
    DirectoryOutput out(target);
    for (const auto& [path, bytes] : fresh) out.write(path, bytes);
    out.commit();
  }
  CHECK(tree(target) == fresh);
  CHECK(entries(tmp.path) == std::vector<std::string>{"site"});  // no staging or old copy left
}

TEST_CASE("a commit creates a target that did not exist, with its parents", "[output]") {
  TempDir tmp;
  fs::path target = tmp.path / "uit" / "site";
  {
    DirectoryOutput out(target);
    out.write("index.html", "x");
    out.commit();
  }
  CHECK(tree(target) == Tree{{"index.html", "x"}});
  CHECK(entries(tmp.path / "uit") == std::vector<std::string>{"site"});
}

TEST_CASE("a target written with a trailing slash is the same target", "[output]") {
  TempDir tmp;
  plant(tmp.path / "site", kOldSite);
  {
    DirectoryOutput out(tmp.path.string() + "/site/");
    out.write("index.html", "y");
    out.commit();
  }
  CHECK(tree(tmp.path / "site") == Tree{{"index.html", "y"}});
  CHECK(entries(tmp.path) == std::vector<std::string>{"site"});
}

TEST_CASE("copies and writes are counted and copies keep their bytes", "[output]") {
  TempDir tmp;
  plant(tmp.path / "bron", {{"vega.min.js", std::string("js\0bytes", 8)}});
  DirectoryOutput out(tmp.path / "site");
  out.write("index.html", "x");
  out.copy(tmp.path / "bron" / "vega.min.js", "assets/vendor/vega.min.js");
  CHECK(out.count() == 2);
  out.commit();
  CHECK(tree(tmp.path / "site") ==
        Tree{{"index.html", "x"}, {"assets/vendor/vega.min.js", std::string("js\0bytes", 8)}});
}

TEST_CASE("the memory output keeps every file by its path", "[output]") {
  TempDir tmp;
  plant(tmp.path, {{"a.css", "body{}"}});
  MemoryOutput out;
  out.write("index.html", "een");
  out.write("index.html", "twee");
  out.copy(tmp.path / "a.css", "assets/a.css");
  CHECK(out.count() == 2);
  CHECK(out.files == Tree{{"index.html", "twee"}, {"assets/a.css", "body{}"}});
  CHECK_THROWS_AS(out.copy(tmp.path / "ontbreekt.css", "x.css"), fs::filesystem_error);
}

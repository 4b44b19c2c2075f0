// The write stage: a site is staged beside its target and only a commit swaps it in, so
// a failed build leaves the previous site exactly as it was.
#include "write/output.h"

#include <catch2/catch.hpp>

#include "temp_dir.h"
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
using duiding::write::PathCollision;
using duiding::write::refuse_target;
using Tree = std::map<std::string, std::string>;

// Every test of this file writes into its own fresh /tmp folder.
struct TempDir : duiding::test::TempDir {
  TempDir() : duiding::test::TempDir("output-test") {}
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every file below `dir` with its bytes, by `/`-separated relative path (the marker file
// that says duiding wrote the folder is checked on its own).
Tree tree(const fs::path& dir) {
  Tree out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().filename() != duiding::write::kMarkerFile)
      out[fs::relative(e.path(), dir).generic_string()] = slurp(e.path());
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
  out.copy(tmp.path / "a.css", "assets/a.css");
  CHECK(out.count() == 2);
  CHECK(out.files == Tree{{"index.html", "een"}, {"assets/a.css", "body{}"}});
  CHECK_THROWS_AS(out.copy(tmp.path / "ontbreekt.css", "x.css"), fs::filesystem_error);
}

// Issue 15: a second file at a path (or at the same path in another letter case, one file
// on Windows and macOS) is an error, never an overwrite.
TEST_CASE("a second file at the same path is an error, also in another letter case", "[output]") {
  MemoryOutput mem;
  mem.write("rapportage/2021a/index.html", "a");
  CHECK_THROWS_WITH(mem.write("rapportage/2021a/index.html", "b"),
                    "two generated files have the same path 'rapportage/2021a/index.html'");
  CHECK_THROWS_AS(mem.write("rapportage/2021A/index.html", "b"), PathCollision);
  CHECK(mem.files == Tree{{"rapportage/2021a/index.html", "a"}});

  TempDir tmp;
  DirectoryOutput out(tmp.path / "site");
  out.write("verhalen/index.html", "een");
  CHECK_THROWS_AS(out.write("verhalen/index.html", "twee"), PathCollision);
  out.commit();
  CHECK(tree(tmp.path / "site") == Tree{{"verhalen/index.html", "een"}});
}

TEST_CASE("a committed site carries the marker that lets the next build replace it", "[output]") {
  TempDir tmp;
  {
    DirectoryOutput out(tmp.path / "site");
    out.write("index.html", "x");
    out.commit();
  }
  CHECK(fs::is_regular_file(tmp.path / "site" / ".duiding-site"));
  CHECK_FALSE(refuse_target(tmp.path / "bron", tmp.path / "site").has_value());
}

// Issue 15, item 1: `build src -o src` deleted the source, `-o .` the current folder, and
// an existing file was replaced by a folder.
TEST_CASE("an output folder that would cost data is refused before anything is written", "[output]") {
  TempDir tmp;
  fs::path src = tmp.path / "proj" / "src";
  plant(src, {{"data/site.json", "{}"}, {"indicators/a.json", "{}"}});
  plant(tmp.path, {{"proj/notities.txt", "mijn werk"}, {"bestand", "x"}, {"vol/brief.txt", "y"}});
  fs::create_directories(tmp.path / "leeg");
  auto refused = [&](const fs::path& out) { return refuse_target(src, out).value_or(""); };

  CHECK(refused(src) == "'" + src.string() + "' is the site source itself: a build replaces its output folder "
                                             "whole; name a new or empty folder, e.g. -o _site");
  CHECK(refused(tmp.path / "proj").find("holds the site source") != std::string::npos);
  CHECK(refused(tmp.path / "proj" / "src" / "..").find("holds the site source") != std::string::npos);
  CHECK(refused(src / "data" / "uit").find("inside the source folder data/") != std::string::npos);
  CHECK(refused(src / "indicators").find("inside the source folder indicators/") != std::string::npos);
  CHECK(refused(tmp.path / "bestand").find("is an existing file") != std::string::npos);
  CHECK(refused(tmp.path / "vol").find("files that duiding did not write") != std::string::npos);
  CHECK(refused("/") == "'/' is the root folder; name a new or empty folder, e.g. -o _site");
  CHECK(refused(fs::current_path()).find("is the current folder") != std::string::npos);
  // Allowed: a new folder, an empty one, and one beside data/ inside the source (the
  // repository's own _site and the test build tree).
  CHECK(refused(tmp.path / "nieuw" / "site") == "");
  CHECK(refused(tmp.path / "leeg") == "");
  CHECK(refused(src / "_site") == "");
}

TEST_CASE("a site written before outputs carried the marker may be replaced; a look-alike folder may not",
          "[output]") {
  TempDir tmp;
  const std::map<std::string, std::string> old_site = {{"index.html", "x"},
                                                       {"toegankelijkheid/index.html", "x"},
                                                       {"assets/duiding.css", "x"},
                                                       {"assets/duiding.js", "x"}};
  plant(tmp.path / "oud", old_site);
  auto partial = old_site;
  partial.erase("assets/duiding.js");
  plant(tmp.path / "half", partial);
  fs::path src = tmp.path / "bron";
  CHECK_FALSE(refuse_target(src, tmp.path / "oud").has_value());
  CHECK(refuse_target(src, tmp.path / "half").value_or("").find("files that duiding did not write") !=
        std::string::npos);
}

TEST_CASE("staging folders of builds that were killed are removed by the next build", "[output]") {
  TempDir tmp;
  // A pid above the kernel's maximum (4194304) belongs to no process.
  plant(tmp.path, {{"site.tmp-99999999/index.html", "half"}, {"site.old-99999998/index.html", "oud"},
                   {"anders.tmp-99999999/x", "not ours"}});
  {
    DirectoryOutput out(tmp.path / "site");
    CHECK_FALSE(fs::exists(tmp.path / "site.tmp-99999999"));
    CHECK_FALSE(fs::exists(tmp.path / "site.old-99999998"));
    out.write("index.html", "x");
    out.commit();
  }
  CHECK(entries(tmp.path) == std::vector<std::string>{"anders.tmp-99999999", "site"});
}

TEST_CASE("a file written in parts holds the parts in order, and its path is claimed like any other",
          "[output]") {
  TempDir tmp;
  const fs::path target = tmp.path / "site";
  {
    DirectoryOutput out(target);
    out.write_parts("rapportage/2024/index.html", [](const DirectoryOutput::Sink& sink) {
      sink("<html>");
      sink("");
      sink(std::string(100000, 'x'));
      sink("</html>");
    });
    CHECK_THROWS_AS(out.write("rapportage/2024/index.html", "again"), PathCollision);
    out.commit();
  }
  CHECK(tree(target) == Tree{{"rapportage/2024/index.html", "<html>" + std::string(100000, 'x') + "</html>"}});

  MemoryOutput memory;
  memory.write_parts("a/b.html", [](const MemoryOutput::Sink& sink) {
    sink("een ");
    sink("twee");
  });
  CHECK(memory.files == std::map<std::string, std::string>{{"a/b.html", "een twee"}});
}

TEST_CASE("a file written in parts that fails halfway leaves the target as it was", "[output]") {
  TempDir tmp;
  const fs::path target = tmp.path / "site";
  plant(target, kOldSite);
  {
    DirectoryOutput out(target);
    CHECK_THROWS_AS(out.write_parts("index.html",
                                    [](const DirectoryOutput::Sink& sink) {
                                      sink("<p>half");
                                      throw std::runtime_error("a part could not be made");
                                    }),
                    std::runtime_error);
  }
  CHECK(tree(target) == kOldSite);
}

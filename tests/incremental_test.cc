// Incremental builds: a second build of an unchanged source writes nothing, a changed
// value renders only the files whose inputs changed (counted from the build log), --clean
// renders everything, and an incremental build is byte-identical to a clean one.
#include <catch2/catch.hpp>

#include "temp_dir.h"
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "build/pipeline.h"
#include "validate/validate.h"
#include "write/build_log.h"
#include "write/output.h"

namespace fs = std::filesystem;
using namespace duiding;

namespace {

const fs::path kRepo = fs::path(DUIDING_TEST_DATA).parent_path();
const fs::path kMini = fs::path(DUIDING_TEST_DATA) / "fixtures" / "mini";

// Every test of this file writes into its own fresh /tmp folder.
struct TempDir : duiding::test::TempDir {
  TempDir() : duiding::test::TempDir("incremental-test") {}
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

model::Model load(const fs::path& source) {
  diag::Diagnostics diag;
  auto m = validate::load_source(source, diag);
  REQUIRE(m);
  return std::move(*m);
}

build::FolderBuild build_into(const fs::path& source, const fs::path& site, bool clean = false) {
  return build::build_folder(load(source), kRepo, site, {.threads = 2, .clean = clean});
}

// Every file of the site (the marker with its log included) with its bytes.
std::map<std::string, std::string> files(const fs::path& site) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(site))
    if (e.is_regular_file()) out[fs::relative(e.path(), site).generic_string()] = slurp(e.path());
  return out;
}

std::map<std::string, fs::file_time_type> mtimes(const fs::path& site) {
  std::map<std::string, fs::file_time_type> out;
  for (const auto& e : fs::recursive_directory_iterator(site))
    out[fs::relative(e.path(), site).generic_string()] = fs::last_write_time(e.path());
  return out;
}

// Raises the 2024 cost of the mini source's administrative series from 1,640,000 to
// 1,650,000: no test or p-value rests on it.
void raise_the_2024_cost(const fs::path& source) {
  const fs::path series = source / "data" / "values" / "reeksen.csv";
  std::string text = slurp(series);
  REQUIRE(text.find("2024,kosten,1640000,") != std::string::npos);
  text.replace(text.find("2024,kosten,1640000,"), 20, "2024,kosten,1650000,");
  spit(series, text);
}

}  // namespace

TEST_CASE("a second build of an unchanged source writes no file at all", "[incremental][whole-site]") {
  TempDir tmp;
  const fs::path site = tmp.path / "site";
  build::FolderBuild first = build_into(kMini, site);
  CHECK_FALSE(first.unchanged);
  CHECK(first.reused == 0);
  CHECK(first.rendered == first.files);
  auto before = mtimes(site);
  auto folder_before = fs::last_write_time(site);
  build::FolderBuild second = build_into(kMini, site);
  CHECK(second.unchanged);
  CHECK(second.rendered == 0);
  CHECK(second.reused == first.files);
  CHECK(mtimes(site) == before);  // folder and every file, the marker included
  CHECK(fs::last_write_time(site) == folder_before);
  // No staging folder was made beside it.
  std::size_t beside = 0;
  for (const auto& e : fs::directory_iterator(tmp.path)) beside += e.path() != site;
  CHECK(beside == 0);
}

TEST_CASE("one changed value renders exactly the files whose inputs changed, and matches a clean build",
          "[incremental][whole-site]") {
  TempDir tmp;
  const fs::path source = tmp.path / "source";
  fs::copy(kMini, source, fs::copy_options::recursive);
  const fs::path site = tmp.path / "site";
  build::FolderBuild first = build_into(source, site);
  const write::BuildLog old_log = write::read_build_log(site);
  REQUIRE(old_log.entries.size() == first.files);
  const std::string over_page = slurp(site / "pagina" / "over" / "index.html");
  auto before = mtimes(site);

  raise_the_2024_cost(source);

  build::FolderBuild second = build_into(source, site);
  const write::BuildLog new_log = write::read_build_log(site);
  std::set<std::string> changed;  // from the logs: files whose inputs hash differs
  for (const auto& e : new_log.entries) {
    const write::LogEntry* old = old_log.find(e.path);
    REQUIRE(old != nullptr);
    if (old->inputs != e.inputs) changed.insert(e.path);
  }
  CHECK_FALSE(second.unchanged);
  CHECK(second.rendered == changed.size());
  CHECK(second.reused == first.files - changed.size());
  // What shows the 2024 cost changed; what cannot show it did not. Workbooks, tables and
  // specs are made again in every build and kept when their bytes are the same.
  for (const char* path : {"organisatie/kosten/index.html", "organisatie/kosten/kosten.csv",
                           "organisatie/kosten/kosten.xlsx", "organisatie/kosten/kosten-reeks.vl.json",
                           "open-data/cijfers.csv", "rapportage/2024/index.html"})
    CHECK(changed.count(path) == 1);
  for (const char* path : {"rapportage/2023/index.html", "pagina/over/index.html", "toegankelijkheid/index.html",
                           "assets/theme.css", "assets/duiding.js", "kern/hulp/hulp.xlsx", "kern/hulp/hulp.csv",
                           "kern/tevredenheid/tevredenheid-gezinnen.vl.json"})
    CHECK(changed.count(path) == 0);
  CHECK(changed.size() < first.files / 4);
  // The 2024 rapportage has three articles (hulp, kosten, tevredenheid); only the cost's
  // shows the changed figure, so the other two are copied from the previous file.
  CHECK(first.parts_reused == 0);
  CHECK(second.parts_reused == 2);
  // Files taken over keep their modification time; rendered ones are new.
  auto after = mtimes(site);
  CHECK(after.at("pagina/over/index.html") == before.at("pagina/over/index.html"));
  CHECK(after.at("kern/hulp/hulp.xlsx") == before.at("kern/hulp/hulp.xlsx"));
  CHECK(after.at("kern/tevredenheid/tevredenheid-gezinnen.vl.json") ==
        before.at("kern/tevredenheid/tevredenheid-gezinnen.vl.json"));
  CHECK(slurp(site / "pagina" / "over" / "index.html") == over_page);
  CHECK(slurp(site / "organisatie" / "kosten" / "kosten.csv").find("1650000") != std::string::npos);

  // The same source built from nothing gives the same bytes, log included.
  const fs::path clean = tmp.path / "clean";
  build::FolderBuild fresh = build_into(source, clean);
  CHECK(fresh.reused == 0);
  CHECK(files(clean) == files(site));
}

TEST_CASE("a build with --clean renders every file even when nothing changed", "[incremental][whole-site]") {
  TempDir tmp;
  const fs::path site = tmp.path / "site";
  build::FolderBuild first = build_into(kMini, site);
  auto before = files(site);
  build::FolderBuild again = build_into(kMini, site, true);
  CHECK_FALSE(again.unchanged);
  CHECK(again.reused == 0);
  CHECK(again.rendered == first.files);
  CHECK(files(site) == before);
}

TEST_CASE("a site whose marker holds no build log is rebuilt whole", "[incremental]") {
  TempDir tmp;
  const fs::path site = tmp.path / "site";
  build::FolderBuild first = build_into(kMini, site);
  spit(site / write::kMarkerFile, write::marker_text());
  build::FolderBuild second = build_into(kMini, site);
  CHECK(second.reused == 0);
  CHECK(second.rendered == first.files);
  CHECK(write::read_build_log(site).entries.size() == first.files);
}

TEST_CASE("a rapportage whose previous file was changed by hand is rendered whole again", "[incremental]") {
  TempDir tmp;
  const fs::path source = tmp.path / "source";
  fs::copy(kMini, source, fs::copy_options::recursive);
  const fs::path site = tmp.path / "site";
  build_into(source, site);
  // Someone edited the published rapportage: its length no longer adds up to its parts.
  const fs::path report = site / "rapportage" / "2024" / "index.html";
  spit(report, slurp(report) + "<!-- bewerkt -->");
  raise_the_2024_cost(source);

  build::FolderBuild second = build_into(source, site);
  CHECK(second.parts_reused == 0);
  const fs::path clean = tmp.path / "clean";
  build_into(source, clean);
  CHECK(files(clean) == files(site));
}

TEST_CASE("the build log keeps the parts of a page in parts, in order, and drops damaged ones",
          "[incremental]") {
  TempDir tmp;
  const std::string a(64, 'a'), b(64, 'b'), c(64, 'c');
  write::BuildLog log;
  log.generator = "g";
  log.entries.push_back({"rapportage/2024/index.html", a, b, {{a, 120}, {c, 7}, {a, 0}}});
  log.entries.push_back({"index.html", c, c, {}});
  spit(tmp.path / write::kMarkerFile, log.text());
  write::BuildLog back = write::read_build_log(tmp.path);
  REQUIRE(back.entries.size() == 2);
  REQUIRE(back.entries[0].parts.size() == 3);
  CHECK(back.entries[0].parts[0].inputs == a);
  CHECK(back.entries[0].parts[0].length == 120);
  CHECK(back.entries[0].parts[1].inputs == c);
  CHECK(back.entries[0].parts[1].length == 7);
  CHECK(back.entries[0].parts[2].length == 0);
  CHECK(back.entries[1].parts.empty());
  CHECK(back.entries[1].path == "index.html");

  // A part line with a length that is not a number: that page keeps no parts at all.
  std::string damaged = log.text();
  damaged.replace(damaged.find(" 7\n"), 3, " 7x\n");
  spit(tmp.path / write::kMarkerFile, damaged);
  back = write::read_build_log(tmp.path);
  REQUIRE(back.entries.size() == 2);
  CHECK(back.entries[0].parts.empty());
}

TEST_CASE("a first build derives every page's inputs from the page as drawn, as a later build hashes them",
          "[incremental][whole-site]") {
  // Groningen and the fictional example: no page changes a chart's drawing, so none is
  // rendered a second time to be hashed, and a second build finds every page unchanged.
  for (const fs::path& source : {kRepo, kRepo / "examples" / "voorbeeldgemeente"}) {
    TempDir tmp;
    const fs::path site = tmp.path / "site";
    build::FolderBuild first = build_into(source, site);
    CHECK(first.pages_hashed_again == 0);
    build::FolderBuild second = build_into(source, site);
    CHECK(second.unchanged);
    CHECK(second.rendered == 0);
    // --clean derives them too, and writes the same log.
    const std::string log = slurp(site / write::kMarkerFile);
    build::FolderBuild clean = build_into(source, site, true);
    CHECK(clean.pages_hashed_again == 0);
    CHECK(slurp(site / write::kMarkerFile) == log);
  }
}

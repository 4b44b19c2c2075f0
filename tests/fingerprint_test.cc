// The fingerprint of a source (build/fingerprint.h): what lets a build whose source did not
// change stop before loading it. It must change with every input of a build and with the
// options that change the bytes, and not with where the source lies; a site whose log
// records it is up to date only while every logged file is still there.
#include <catch2/catch.hpp>

#include "temp_dir.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "build/fingerprint.h"
#include "build/pipeline.h"
#include "diag/diagnostics.h"
#include "plan/job.h"
#include "plan/site_plan.h"
#include "validate/validate.h"
#include "write/build_log.h"

namespace fs = std::filesystem;
using namespace duiding;

namespace {

const fs::path kRepo = fs::path(DUIDING_TEST_DATA).parent_path();
const fs::path kMini = fs::path(DUIDING_TEST_DATA) / "fixtures" / "mini";

void append(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary | std::ios::app) << text; }

// A copy of the repository's templates and npm files that the test may change.
fs::path copy_home(const fs::path& to) {
  fs::create_directories(to);
  fs::copy(kRepo / "site-templates", to / "site-templates", fs::copy_options::recursive);
  for (const auto& a : build::site_assets(kRepo)) {
    const fs::path rel = fs::relative(a.from, kRepo);
    if (rel.begin()->string() == "site-templates") continue;
    fs::create_directories((to / rel).parent_path());
    fs::copy_file(a.from, to / rel, fs::copy_options::overwrite_existing);
  }
  return to;
}

}  // namespace

TEST_CASE("a source's fingerprint changes with its data, indicators, templates, copied files and options",
          "[fingerprint]") {
  duiding::test::TempDir tmp("fingerprint-test");
  const fs::path source = tmp.path / "source", home = copy_home(tmp.path / "home");
  fs::copy(kMini, source, fs::copy_options::recursive);
  const std::string first = build::source_fingerprint(source, home, "pdf \npng yes");
  CHECK(first.size() == 64);
  CHECK(build::source_fingerprint(source, home, "pdf \npng yes") == first);

  SECTION("the same source elsewhere has the same fingerprint") {
    fs::copy(source, tmp.path / "elsewhere", fs::copy_options::recursive);
    CHECK(build::source_fingerprint(tmp.path / "elsewhere", home, "pdf \npng yes") == first);
  }
  SECTION("a changed value file") {
    append(source / "data" / "rounds.csv", "\n");
    CHECK(build::source_fingerprint(source, home, "pdf \npng yes") != first);
  }
  SECTION("a new file in indicators/") {
    append(source / "indicators" / "extra.json", "{}");
    CHECK(build::source_fingerprint(source, home, "pdf \npng yes") != first);
  }
  SECTION("a changed page template") {
    append(home / "site-templates" / "layout.html", "<!-- -->");
    CHECK(build::source_fingerprint(source, home, "pdf \npng yes") != first);
  }
  SECTION("a changed npm file the site copies") {
    const auto assets = build::site_assets(home);
    const auto npm = std::find_if(assets.begin(), assets.end(), [&](const auto& a) {
      return fs::relative(a.from, home).begin()->string() != "site-templates";
    });
    REQUIRE(npm != assets.end());
    append(npm->from, "\n");
    CHECK(build::source_fingerprint(source, home, "pdf \npng yes") != first);
  }
  SECTION("other options") {
    CHECK(build::source_fingerprint(source, home, "pdf \npng no") != first);
    CHECK(build::source_fingerprint(source, home, "pdf /usr/bin/chromium\npng yes") != first);
  }
  SECTION("a file outside data/ and indicators/ is not an input") {
    append(source / "notes.txt", "not read by a build");
    CHECK(build::source_fingerprint(source, home, "pdf \npng yes") == first);
  }
}

TEST_CASE("a site is up to date only with the same fingerprint, the same generator and all its files",
          "[fingerprint][whole-site]") {
  duiding::test::TempDir tmp("fingerprint-test");
  const fs::path site = tmp.path / "site";
  diag::Diagnostics diag;
  auto m = validate::load_source(kMini, diag);
  REQUIRE(m);
  const std::string fingerprint = build::source_fingerprint(kMini, kRepo, "pdf \npng no");
  build::build_folder(*m, kRepo, site, {.threads = 2, .fingerprint = fingerprint});
  const write::BuildLog log = write::read_build_log(site);
  CHECK(log.source == fingerprint);
  CHECK_FALSE(log.summary.empty());
  if (plan::generator_id().empty()) return;  // a program without build id never stops early
  CHECK(build::up_to_date(log, site, fingerprint));
  CHECK_FALSE(build::up_to_date(log, site, build::source_fingerprint(kMini, kRepo, "pdf \npng yes")));
  CHECK_FALSE(build::up_to_date(log, site, ""));
  write::BuildLog other = log;
  other.generator = "another-build";
  CHECK_FALSE(build::up_to_date(other, site, fingerprint));
  fs::remove(site / "index.html");
  CHECK_FALSE(build::up_to_date(log, site, fingerprint));
}

TEST_CASE("a build without a fingerprint records none, so the next one loads the source", "[fingerprint][whole-site]") {
  duiding::test::TempDir tmp("fingerprint-test");
  diag::Diagnostics diag;
  auto m = validate::load_source(kMini, diag);
  REQUIRE(m);
  build::build_folder(*m, kRepo, tmp.path / "site", {.threads = 2});
  const write::BuildLog log = write::read_build_log(tmp.path / "site");
  CHECK(log.source.empty());
  CHECK_FALSE(build::up_to_date(log, tmp.path / "site", build::source_fingerprint(kMini, kRepo, "pdf \npng no")));
}

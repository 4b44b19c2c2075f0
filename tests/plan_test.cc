// The plan stage and the thread pool: every file is a job with a path known before
// anything renders, and the bytes of a site do not depend on how many threads made them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "build/pipeline.h"
#include "plan/job.h"
#include "validate/validate.h"
#include "write/output.h"

namespace fs = std::filesystem;
using namespace duiding;

namespace {

const fs::path kRepo = fs::path(DUIDING_TEST_DATA).parent_path();

plan::Job job(const std::string& path) { return plan::Job{path, "page", "", {}, "", {}}; }

std::map<std::string, std::string> build_with(const model::Model& m, int threads) {
  write::MemoryOutput out;
  build::build(m, kRepo, out, {.threads = threads});
  return out.files;
}

}  // namespace

TEST_CASE("two jobs with one path are an error at plan time", "[plan]") {
  CHECK_NOTHROW(plan::check_paths({job("zoeken/index.html"), job("verhalen/index.html")}));
  CHECK_THROWS_WITH(plan::check_paths({job("zoeken/index.html"), job("a.csv"), job("zoeken/index.html")}),
                    "two generated files have the same path 'zoeken/index.html'");
  CHECK_THROWS_WITH(plan::check_paths({job("rapportage/2021a/index.html"), job("rapportage/2021A/index.html")}),
                    "generated files 'rapportage/2021a/index.html' and 'rapportage/2021A/index.html' differ only "
                    "in letter case and would be one file on Windows and macOS");
}

TEST_CASE("SHA-256 of the inputs is the standard digest", "[plan]") {
  // Reference: FIPS 180-2 appendix B.1 ("abc") and `printf '' | sha256sum`.
  CHECK(plan::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(plan::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("the running generator has a build id, so a new generator renders every page anew", "[plan]") {
  CHECK(plan::generator_id().size() >= 40);
  CHECK(plan::generator_id().find_first_not_of("0123456789abcdef") == std::string::npos);
}

TEST_CASE("both sites built on four threads are byte-identical to a build on one thread", "[plan][parallel][whole-site]") {
  for (const fs::path& source : {kRepo, kRepo / "examples" / "voorbeeldgemeente"}) {
    INFO(source.string());
    diag::Diagnostics diag;
    auto m = validate::load_source(source, diag);
    REQUIRE(m);
    auto one = build_with(*m, 1);
    auto four = build_with(*m, 4);
    REQUIRE(one.size() > 100);
    REQUIRE(one.size() == four.size());
    std::size_t differ = 0;
    for (const auto& [path, bytes] : one) {
      auto it = four.find(path);
      if (it == four.end() || it->second != bytes) {
        UNSCOPED_INFO("differs: " << path);
        ++differ;
      }
    }
    CHECK(differ == 0);
  }
}

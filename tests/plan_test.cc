// The plan stage and the thread pool: every file is a job with a path known before
// anything renders, and the bytes of a site do not depend on how many threads made them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <map>
#include <set>
#include <string>

#include "build/pipeline.h"
#include "plan/job.h"
#include "plan/parallel.h"
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

TEST_CASE("pages in parts start first, then every other job in plan order", "[plan][parallel]") {
  std::vector<plan::Job> jobs = {job("a.html"), job("rapportage/2021/index.html"), job("b.csv"), job("c.html"),
                                 job("rapportage/2022/index.html")};
  jobs[1].parts = jobs[4].parts = [](const render::PageFrame&, const render::Sink&, const render::PartsOptions&) {};
  CHECK(plan::start_order(jobs) == std::vector<std::size_t>{1, 4, 0, 2, 3});
  CHECK(plan::start_order({}).empty());
}

TEST_CASE("a loop inside a loop's job runs each of its indices once, on any number of threads", "[plan][parallel]") {
  for (int threads : {1, 2, 4}) {
    INFO(threads << " threads");
    constexpr std::size_t kOuter = 7, kInner = 300;
    std::vector<std::vector<int>> ran(kOuter, std::vector<int>(kInner, 0));
    plan::for_each_index(kOuter, threads, [&](std::size_t i) {
      plan::for_each_index(kInner, threads, [&](std::size_t j) { ++ran[i][j]; });  // one writer per cell
    });
    std::size_t once = 0;
    for (const auto& row : ran) once += static_cast<std::size_t>(std::count(row.begin(), row.end(), 1));
    CHECK(once == kOuter * kInner);
    // An exception in an inner job reaches the outer caller.
    CHECK_THROWS_WITH(plan::for_each_index(kOuter, threads, [&](std::size_t i) {
      plan::for_each_index(kInner, threads, [&](std::size_t j) {
        if (i == 3 && j == 200) throw std::runtime_error("inner job 3/200");
      });
    }), "inner job 3/200");
  }
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

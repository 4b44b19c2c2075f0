// Diagnostics: `file:line:column: error: message`, sorted by position, counted at the end.
#include "diag/diagnostics.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using duiding::diag::Diagnostics;
using duiding::diag::format;
using duiding::diag::Severity;

TEST_CASE("a diagnostic is formatted as file:line:column: severity: message", "[diag]") {
  CHECK(format({Severity::kError, {"data/rounds.csv", 3, 7}, "bad"}) == "data/rounds.csv:3:7: error: bad");
  CHECK(format({Severity::kWarning, {"site.json", 2, 3}, "odd"}) == "site.json:2:3: warning: odd");
}

TEST_CASE("unknown parts of a position are left out", "[diag]") {
  CHECK(format({Severity::kError, {"x.csv", 4, 0}, "whole line"}) == "x.csv:4: error: whole line");
  CHECK(format({Severity::kError, {"x.csv", 0, 0}, "whole file"}) == "x.csv: error: whole file");
}

TEST_CASE("diagnostics are sorted by file, line and column, keeping the order of equal positions", "[diag]") {
  Diagnostics d;
  d.error({"b.csv", 1, 1}, "b");
  d.error({"a.csv", 10, 2}, "a10");
  d.warning({"a.csv", 2, 5}, "a2-5");
  d.error({"a.csv", 2, 1}, "first at a2-1");
  d.error({"a.csv", 2, 1}, "second at a2-1");
  auto sorted = d.sorted();
  REQUIRE(sorted.size() == 5);
  CHECK(sorted[0].message == "first at a2-1");
  CHECK(sorted[1].message == "second at a2-1");
  CHECK(sorted[2].message == "a2-5");
  CHECK(sorted[3].message == "a10");
  CHECK(sorted[4].message == "b");
  CHECK(d.error_count() == 4);
  CHECK(d.warning_count() == 1);
  CHECK(d.has_errors());
}

TEST_CASE("printing ends with a count of errors and warnings", "[diag]") {
  Diagnostics d;
  d.warning({"b.csv", 1, 1}, "w");
  d.error({"a.csv", 1, 1}, "e");
  std::ostringstream out;
  d.print(out);
  CHECK(out.str() == "a.csv:1:1: error: e\nb.csv:1:1: warning: w\nfound 1 error and 1 warning\n");
}

TEST_CASE("printing stops at the limit and says how many more there are", "[diag]") {
  Diagnostics d;
  for (int i = 1; i <= 4; ++i) d.error({"x.csv", i, 1}, "e" + std::to_string(i));
  std::ostringstream out;
  d.print(out, 2);
  CHECK(out.str() == "x.csv:1:1: error: e1\nx.csv:2:1: error: e2\n... 2 more not shown\nfound 4 errors\n");
}

TEST_CASE("nothing is printed when there is nothing to report", "[diag]") {
  Diagnostics d;
  std::ostringstream out;
  d.print(out);
  CHECK(out.str().empty());
  CHECK_FALSE(d.has_errors());
}

// Diagnostics: `file:line:column: error: message`, sorted by position, counted at the end.
#include "diag/diagnostics.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using duiding::diag::Diagnostics;
using duiding::diag::format;
using duiding::diag::Severity;
namespace diag = duiding::diag;

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

TEST_CASE("a cell of a sheet is named as Excel names it", "[diag][xlsx]") {
  CHECK(diag::format({diag::Severity::kError, {"2025.xlsx", 12, 3, "Blad1"}, "x"}) == "2025.xlsx:Blad1!C12: error: x");
  CHECK(diag::where({"2025.xlsx", 7, 28, "Blad1"}) == "2025.xlsx:Blad1!AB7");
  CHECK(diag::where({"2025.xlsx", 7, 0, "Blad1"}) == "2025.xlsx:Blad1!7:7");
  CHECK(diag::where({"2025.xlsx", 0, 0, "Blad1"}) == "2025.xlsx:Blad1");
  CHECK(diag::column_letters(1) == "A");
  CHECK(diag::column_letters(26) == "Z");
  CHECK(diag::column_letters(27) == "AA");
  CHECK(diag::column_letters(16384) == "XFD");  // Excel's last column
}

TEST_CASE("one cause on many lines is one error that lists the lines in runs", "[diag][issue12]") {
  diag::Diagnostics d;
  for (int line : {2, 3, 4, 6}) d.folded_error("round\n2025", {"data/values/2025.csv", line, 1}, "unknown round '2025'");
  d.folded_error("round\n2025", {"data/samples.csv", 7, 1}, "unknown round '2025'");
  d.folded_error("round\n2025", {"data/values/2026.xlsx", 5, 1, "Blad1"}, "unknown round '2025'");
  CHECK(d.error_count() == 1);
  auto sorted = d.sorted();
  REQUIRE(sorted.size() == 1);
  CHECK(diag::format(sorted[0]) ==
        "data/values/2025.csv:2:1: error: unknown round '2025' [also on 5 more lines: data/values/2025.csv lines 3-4, "
        "6, data/samples.csv line 7, data/values/2026.xlsx:Blad1 row 5; fix this first]");
}

TEST_CASE("the list of lines of one cause stops after twelve runs", "[diag][issue12]") {
  diag::Diagnostics d;
  for (int line = 2; line <= 40; line += 2) d.folded_error("c", {"a.csv", line, 1}, "m");
  CHECK(diag::format(d.sorted()[0]) ==
        "a.csv:2:1: error: m [also on 19 more lines: a.csv lines 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, ...; fix "
        "this first]");
}

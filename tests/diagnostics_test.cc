// Diagnostics: `file:line:column: fout: message` (`error:` in English), sorted by position, counted at the end.
// Expected texts are those of generator/diag/messages.catalogue, written out by hand.
#include "diag/diagnostics.h"
#include "diag/messages.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using duiding::diag::Diagnostics;
using duiding::diag::format;
using duiding::diag::Severity;
namespace diag = duiding::diag;

namespace msg = duiding::msg;
using duiding::msg::Lang;

TEST_CASE("a diagnostic is formatted as file:line:column: severity: message, in Dutch by default", "[diag]") {
  CHECK(format({Severity::kError, {"data/rounds.csv", 3, 7}, msg::sleutel_leeg("label"), {}}) ==
        "data/rounds.csv:3:7: fout: 'label' is leeg");
  CHECK(format({Severity::kWarning, {"site.json", 2, 3}, msg::sleutel_onbekend("kleur"), {}}) ==
        "site.json:2:3: waarschuwing: onbekende sleutel 'kleur' wordt overgeslagen");
}

TEST_CASE("a diagnostic in English says error: and warning:", "[diag]") {
  CHECK(format({Severity::kError, {"data/rounds.csv", 3, 7}, msg::sleutel_leeg("label"), {}}, Lang::kEn) ==
        "data/rounds.csv:3:7: error: 'label' is empty");
  CHECK(format({Severity::kWarning, {"site.json", 2, 3}, msg::sleutel_onbekend("kleur"), {}}, Lang::kEn) ==
        "site.json:2:3: warning: unknown key 'kleur' is ignored");
}

TEST_CASE("unknown parts of a position are left out", "[diag]") {
  CHECK(format({Severity::kError, {"x.csv", 4, 0}, msg::leeg_bestand(), {}}) ==
        "x.csv:4: fout: het bestand is leeg; verwacht een kopregel");
  CHECK(format({Severity::kError, {"x.csv", 0, 0}, msg::leeg_bestand(), {}}, Lang::kEn) ==
        "x.csv: error: file is empty; expected a header line");
}

TEST_CASE("diagnostics are sorted by file, line and column, keeping the order of equal positions", "[diag]") {
  Diagnostics d;
  d.error({"b.csv", 1, 1}, msg::sleutel_leeg("b"));
  d.error({"a.csv", 10, 2}, msg::sleutel_leeg("a10"));
  d.warning({"a.csv", 2, 5}, msg::sleutel_leeg("a2-5"));
  d.error({"a.csv", 2, 1}, msg::sleutel_leeg("first at a2-1"));
  d.error({"a.csv", 2, 1}, msg::sleutel_leeg("second at a2-1"));
  auto sorted = d.sorted();
  REQUIRE(sorted.size() == 5);
  CHECK(sorted[0].message.render(Lang::kEn) == "'first at a2-1' is empty");
  CHECK(sorted[1].message.render(Lang::kEn) == "'second at a2-1' is empty");
  CHECK(sorted[2].message.render(Lang::kEn) == "'a2-5' is empty");
  CHECK(sorted[3].message.render(Lang::kEn) == "'a10' is empty");
  CHECK(sorted[4].message.render(Lang::kEn) == "'b' is empty");
  CHECK(d.error_count() == 4);
  CHECK(d.warning_count() == 1);
  CHECK(d.has_errors());
}

TEST_CASE("printing ends with a count of errors and warnings, in Dutch by default", "[diag][issue12]") {
  Diagnostics d;
  d.warning({"b.csv", 1, 1}, msg::sleutel_leeg("w"));
  d.error({"a.csv", 1, 1}, msg::sleutel_leeg("e"));
  std::ostringstream nl, en;
  d.print(nl);
  d.print(en, Lang::kEn);
  CHECK(nl.str() == "a.csv:1:1: fout: 'e' is leeg\nb.csv:1:1: waarschuwing: 'w' is leeg\n1 fout en 1 waarschuwing gevonden\n");
  CHECK(en.str() == "a.csv:1:1: error: 'e' is empty\nb.csv:1:1: warning: 'w' is empty\nfound 1 error and 1 warning\n");
}

TEST_CASE("the count line has the plural form of each count", "[diag][plural][issue12]") {
  // Dutch and English: "one" for exactly 1, "other" for 0, 2, 3, ... (CLDR plural rules).
  CHECK(diag::found(1, 0).render(Lang::kNl) == "1 fout gevonden");
  CHECK(diag::found(2, 0).render(Lang::kNl) == "2 fouten gevonden");
  CHECK(diag::found(0, 1).render(Lang::kNl) == "0 fouten en 1 waarschuwing gevonden");
  CHECK(diag::found(3, 1).render(Lang::kNl) == "3 fouten en 1 waarschuwing gevonden");
  CHECK(diag::found(1, 4).render(Lang::kNl) == "1 fout en 4 waarschuwingen gevonden");
  CHECK(diag::found(1, 0).render(Lang::kEn) == "found 1 error");
  CHECK(diag::found(3, 2).render(Lang::kEn) == "found 3 errors and 2 warnings");
}

TEST_CASE("printing stops at the limit and says how many more there are", "[diag]") {
  Diagnostics d;
  for (int i = 1; i <= 4; ++i) d.error({"x.csv", i, 1}, msg::sleutel_leeg("e" + std::to_string(i)));
  std::ostringstream nl, en;
  d.print(nl, Lang::kNl, 2);
  d.print(en, Lang::kEn, 2);
  CHECK(nl.str() == "x.csv:1:1: fout: 'e1' is leeg\nx.csv:2:1: fout: 'e2' is leeg\n... nog 2 meldingen niet getoond\n"
                    "4 fouten gevonden\n");
  CHECK(en.str() == "x.csv:1:1: error: 'e1' is empty\nx.csv:2:1: error: 'e2' is empty\n... 2 more not shown\n"
                    "found 4 errors\n");
}

TEST_CASE("nothing is printed when there is nothing to report", "[diag]") {
  Diagnostics d;
  std::ostringstream out;
  d.print(out);
  CHECK(out.str().empty());
  CHECK_FALSE(d.has_errors());
}

TEST_CASE("a cell of a sheet is named as Excel names it", "[diag][xlsx]") {
  CHECK(diag::format({diag::Severity::kError, {"2025.xlsx", 12, 3, "Blad1"}, msg::sleutel_leeg("x"), {}}) ==
        "2025.xlsx:Blad1!C12: fout: 'x' is leeg");
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
  const auto unknown = msg::ronde_onbekend("2025", "2024", msg::voeg_ronde_toe("2025"));
  for (int line : {2, 3, 4, 6}) d.folded_error("round\n2025", {"data/values/2025.csv", line, 1}, unknown);
  d.folded_error("round\n2025", {"data/samples.csv", 7, 1}, unknown);
  d.folded_error("round\n2025", {"data/values/2026.xlsx", 5, 1, "Blad1"}, unknown);
  CHECK(d.error_count() == 1);
  auto sorted = d.sorted();
  REQUIRE(sorted.size() == 1);
  CHECK(diag::format(sorted[0], duiding::msg::Lang::kEn) ==
        "data/values/2025.csv:2:1: error: unknown round '2025'; data/rounds.csv has 2024; add a line for round 2025 to "
        "data/rounds.csv [also on 5 more lines: data/values/2025.csv lines 3-4, 6, data/samples.csv line 7, "
        "data/values/2026.xlsx:Blad1 row 5; fix this first]");
  CHECK(diag::format(sorted[0]) ==
        "data/values/2025.csv:2:1: fout: onbekende ronde '2025'; data/rounds.csv heeft 2024; voeg een regel voor ronde "
        "2025 toe aan data/rounds.csv [ook op nog 5 regels: data/values/2025.csv regels 3-4, 6, data/samples.csv regel "
        "7, data/values/2026.xlsx:Blad1 rij 5; los dit eerst op]");
}

TEST_CASE("the list of lines of one cause stops after twelve runs", "[diag][issue12]") {
  diag::Diagnostics d;
  for (int line = 2; line <= 40; line += 2) d.folded_error("c", {"a.csv", line, 1}, msg::sleutel_leeg("m"));
  CHECK(diag::format(d.sorted()[0], duiding::msg::Lang::kEn) ==
        "a.csv:2:1: error: 'm' is empty [also on 19 more lines: a.csv lines 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, "
        "...; fix this first]");
}

TEST_CASE("one more line of the same cause is named in the singular", "[diag][plural][issue12]") {
  diag::Diagnostics d;
  d.folded_error("c", {"a.csv", 2, 1}, msg::sleutel_leeg("m"));
  d.folded_error("c", {"a.csv", 5, 1}, msg::sleutel_leeg("m"));
  CHECK(diag::format(d.sorted()[0]) == "a.csv:2:1: fout: 'm' is leeg [ook op nog 1 regel: a.csv regel 5; los dit eerst op]");
  CHECK(diag::format(d.sorted()[0], duiding::msg::Lang::kEn) ==
        "a.csv:2:1: error: 'm' is empty [also on 1 more line: a.csv line 5; fix this first]");
}

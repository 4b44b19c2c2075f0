// Dutch number formatting: decimal comma, a point between thousands, a no-break space
// before '%' and units, euro amounts of a million or more in millions.
#include "render/format.h"

#include <catch2/catch.hpp>

#include <string>

using namespace duiding::render;

namespace {
const std::string kNbsp = "\u00a0";
}

TEST_CASE("whole numbers get a point between thousands", "[format]") {
  CHECK(number(0) == "0");
  CHECK(number(28) == "28");
  CHECK(number(999) == "999");
  CHECK(number(1650) == "1.650");
  CHECK(number(1000000) == "1.000.000");
  CHECK(number(1234567.891) == "1.234.567,89");
}

TEST_CASE("decimals use a comma and lose trailing zeros", "[format]") {
  CHECK(number(84.5) == "84,5");
  CHECK(number(2.50) == "2,5");
  CHECK(number(3.0) == "3");
  CHECK(number(0.25) == "0,25");
}

TEST_CASE("numbers are rounded to at most max_decimals", "[format]") {
  CHECK(number(1.23456, 2) == "1,23");
  CHECK(number(1.23456, 0) == "1");
  CHECK(number(2.6, 0) == "3");
  CHECK(number(999.999, 2) == "1.000");
  CHECK(number(62.349, 1) == "62,3");
}

TEST_CASE("a half is rounded away from zero, as format.h's example says", "[format]") {
  // format.h: `0.125 with 2 -> "0,13"`. 0.125, 80.25 and 12.5 are exact in binary, so
  // these are true ties; fmt rounds them to even (0,12; 80,2; 12 %), which readers and
  // the header take for a mistake.
  CHECK(number(0.125, 2) == "0,13");
  CHECK(amount(80.25, "fte") == "80,3" + kNbsp + "fte");
  CHECK(percent(12.5, 0) == "13" + kNbsp + "%");
}

TEST_CASE("negative numbers keep their sign, but a rounded zero has none", "[format]") {
  CHECK(number(-3.5) == "-3,5");
  CHECK(number(-1650) == "-1.650");
  CHECK(number(-0.001) == "0");
  CHECK(number(-0.0) == "0");
}

TEST_CASE("a percentage has a no-break space before the sign and one decimal at most", "[format]") {
  CHECK(percent(84) == "84" + kNbsp + "%");
  CHECK(percent(12.34) == "12,3" + kNbsp + "%");
  CHECK(percent(12.34, 0) == "12" + kNbsp + "%");
  CHECK(percent(100) == "100" + kNbsp + "%");
}

TEST_CASE("euro amounts of a million or more are shown in millions", "[format]") {
  CHECK(amount(4500000, "eur") == "€" + kNbsp + "4,5" + kNbsp + "mln");
  CHECK(amount(2850000, "eur") == "€" + kNbsp + "2,9" + kNbsp + "mln");
  CHECK(amount(950000, "eur") == "€" + kNbsp + "950.000");
  CHECK(amount(12.5, "eur") == "€" + kNbsp + "12,5");
}

TEST_CASE("amounts carry their Dutch unit", "[format]") {
  CHECK(amount(80, "fte") == "80" + kNbsp + "fte");
  CHECK(amount(80.26, "fte") == "80,3" + kNbsp + "fte");
  CHECK(amount(967, "persons") == "967" + kNbsp + "personen");
  CHECK(amount(1650.4, "persons") == "1.650" + kNbsp + "personen");
  CHECK(amount(3.5, "months") == "3,5" + kNbsp + "maanden");
  CHECK(amount(12, "hours") == "12" + kNbsp + "uur");
  CHECK(amount(40, "days") == "40" + kNbsp + "dagen");
  CHECK(amount(45, "percent") == "45" + kNbsp + "%");
  CHECK(amount(28, "count") == "28");
}

TEST_CASE("units have Dutch axis titles", "[format]") {
  CHECK(unit_title("percent", 100) == "Percentage");
  CHECK(unit_title("count", 10) == "Aantal");
  CHECK(unit_title("eur", 4500000) == "Miljoen euro");
  CHECK(unit_title("eur", 950000) == "Euro");
  CHECK(unit_title("fte", 80) == "Fte");
  CHECK(unit_title("persons", 1) == "Personen");
  CHECK(unit_title("months", 1) == "Maanden");
  CHECK(unit_title("hours", 1) == "Uren");
  CHECK(unit_title("days", 1) == "Dagen");
}

TEST_CASE("mid-sentence a word loses its capital, an abbreviation keeps its capitals", "[format]") {
  CHECK(lower_first("Gezinnen") == "gezinnen");
  CHECK(lower_first("ASS") == "ASS");
  CHECK(lower_first("WIJ-team") == "WIJ-team");
  CHECK(lower_first("A") == "a");
}

TEST_CASE("mentions are counts of stories, never a share", "[format]") {
  CHECK(mentions(30, 40) == "genoemd in 30 van de 40 verhalen");
  CHECK(mentions(1650, 2000) == "genoemd in 1.650 van de 2.000 verhalen");
  CHECK(mentions(64, std::nullopt) == "64 keer genoemd");
}

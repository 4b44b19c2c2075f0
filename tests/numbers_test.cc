// Numbers as data-format.md defines them: a decimal point or a decimal comma, an
// optional leading '-', no thousands separators, no '%' sign, spaces around ignored.
#include "load/numbers.h"
#include "diag/messages.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using duiding::load::is_whole;
using duiding::load::parse_number;

namespace {
// The number in `text`; fails the test when it is not read as one.
double number(std::string_view text) {
  auto v = parse_number(text);
  INFO("text: '" << text << "'");
  REQUIRE(v.has_value());
  return *v;
}
}  // namespace

TEST_CASE("a whole number is read", "[numbers]") {
  CHECK(number("84") == Approx(84.0));
  CHECK(number("0") == Approx(0.0));
  CHECK(number("1650") == Approx(1650.0));
}

TEST_CASE("a decimal point is read as a decimal point", "[numbers]") {
  CHECK(number("84.5") == Approx(84.5));
  CHECK(number("0.25") == Approx(0.25));
}

TEST_CASE("a decimal comma is read as a decimal point", "[numbers]") {
  CHECK(number("84,5") == Approx(84.5));
  CHECK(number("1,6") == Approx(1.6));
  CHECK(number("0,125") == Approx(0.125));
}

TEST_CASE("a leading minus makes the number negative", "[numbers]") {
  CHECK(number("-3") == Approx(-3.0));
  CHECK(number("-0,5") == Approx(-0.5));
}

TEST_CASE("spaces and tabs around a number are ignored", "[numbers]") {
  CHECK(number("  84 ") == Approx(84.0));
  CHECK(number("\t84,5\t") == Approx(84.5));
}

TEST_CASE("thousands separators are refused rather than guessed", "[numbers]") {
  CHECK_FALSE(parse_number("1.234,5").has_value());
  CHECK_FALSE(parse_number("1,234.5").has_value());
  CHECK_FALSE(parse_number("1.234.567").has_value());
  CHECK_FALSE(parse_number("1 234").has_value());
}

TEST_CASE("a single separator is always the decimal separator", "[numbers]") {
  // There are no thousands separators, so '1.234' is one point two three four.
  CHECK(number("1.234") == Approx(1.234));
  CHECK(number("1,234") == Approx(1.234));
}

TEST_CASE("a percent sign is refused", "[numbers]") {
  CHECK_FALSE(parse_number("84%").has_value());
  CHECK_FALSE(parse_number("84 %").has_value());
}

TEST_CASE("text that is not a number is refused", "[numbers]") {
  for (const char* text : {"", " ", "-", "abc", "12a", "ruim 80", "1e3", "+5", ".5", "5.", "5,", "--5",
                           "0x10", "inf", "nan", "€ 5"}) {
    INFO("text: '" << text << "'");
    CHECK_FALSE(parse_number(text).has_value());
  }
}

TEST_CASE("whole numbers are recognised within floating-point noise", "[numbers]") {
  CHECK(is_whole(3.0));
  CHECK(is_whole(0.0));
  CHECK(is_whole(-7.0));
  CHECK(is_whole(0.1 + 0.2 - 0.3 + 5));  // 5 plus rounding error
  CHECK_FALSE(is_whole(2.5));
  CHECK_FALSE(is_whole(0.001));
}

TEST_CASE("the number hint names both decimal forms", "[numbers]") {
  CHECK(duiding::msg::getal_voorbeeld().render(duiding::msg::Lang::kNl) == "een getal zoals 84 of 84,5");
  CHECK(duiding::msg::getal_voorbeeld().render(duiding::msg::Lang::kEn) == "a number such as 84 or 84,5");
}

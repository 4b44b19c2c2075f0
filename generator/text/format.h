// Numbers as a Dutch reader expects them: decimal comma, a point between thousands,
// a no-break space before '%', euro amounts in millions where they are that large.
#pragma once

#include <optional>
#include <string>

namespace duiding::text {

/// `v` with at most `max_decimals` decimals (trailing zeros dropped): 1650 -> "1.650",
/// 84.5 -> "84,5", 0.125 with 2 -> "0,13".
std::string number(double v, int max_decimals = 2);

/// A percentage: 84 -> "84 %" (with a no-break space).
std::string percent(double v, int max_decimals = 1);

/// A value in `unit` for text and tables: "€ 4,5 mln", "80 fte", "967 personen", "28".
std::string amount(double v, const std::string& unit);

/// A number of an indicator as a reader sees it: an amount for a series, a percentage
/// for a `value` in unit percent, otherwise the plain number.
std::string value_label(double v, const std::string& unit, const std::string& measure, bool series);

/// A count of mentions of a multiple-answer question, never a share of people: "genoemd
/// in 64 van de 70 verhalen" when the question's own n is known, else "64 keer genoemd"
/// ("1 keer genoemd").
std::string mentions(double count, std::optional<long> n);

/// `s` with its first letter in lower case ("Gezinnen" -> "gezinnen"), for use mid-sentence;
/// an abbreviation stays as it is ("ASS", "WIJ-team").
std::string lower_first(std::string s);

/// The unit as a Dutch axis title: "Percentage", "Aantal", "Miljoen euro", "Fte", ...
std::string unit_title(const std::string& unit, double largest);

}  // namespace duiding::text

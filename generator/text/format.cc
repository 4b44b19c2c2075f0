#include "text/format.h"

#include <cmath>
#include <fmt/format.h>

#include "text/site_text.h"

namespace duiding::text {

std::string number(double v, int max_decimals) {
  // Halves round away from zero, as readers expect (12,5 -> 13), not to even.
  double scale = std::pow(10.0, max_decimals);
  double rounded = std::round(std::fabs(v) * scale) / scale;
  std::string fixed = fmt::format("{:.{}f}", rounded, max_decimals);
  std::size_t dot = fixed.find('.');
  std::string whole = dot == std::string::npos ? fixed : fixed.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : fixed.substr(dot + 1);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += '.';
    grouped += whole[i];
  }
  bool zero = grouped.find_first_not_of("0.") == std::string::npos && fraction.empty();
  std::string out = (v < 0 && !zero) ? "-" + grouped : grouped;
  if (!fraction.empty()) out += ',' + fraction;
  return out;
}

std::string percent(double v, int max_decimals) { return number(v, max_decimals) + "\u00a0%"; }

std::string amount(double v, const std::string& unit) {
  if (unit == "eur") {
    if (std::fabs(v) >= 1e6) return "€\u00a0" + number(v / 1e6, 1) + "\u00a0" + txt::eenheid_mln();
    return "€\u00a0" + number(v, 2);
  }
  if (unit == "percent") return percent(v);
  if (unit == "fte") return number(v, 1) + "\u00a0" + txt::eenheid_fte();
  if (unit == "persons") return number(v, 0) + "\u00a0" + txt::eenheid_personen();
  if (unit == "months") return number(v, 1) + "\u00a0" + txt::eenheid_maanden();
  if (unit == "hours") return number(v, 1) + "\u00a0" + txt::eenheid_uur();
  if (unit == "days") return number(v, 1) + "\u00a0" + txt::eenheid_dagen();
  return number(v, 2);
}

std::string value_label(double v, const std::string& unit, const std::string& measure, bool series) {
  if (series) return amount(v, unit);
  if (measure == "value" && unit == "percent") return percent(v);
  return number(v);
}

std::string mentions(double count, std::optional<long> n) {
  if (n) return txt::genoemd_in_van_de(number(count), number(static_cast<double>(*n)));
  return txt::keer_genoemd(number(count));
}

std::string lower_first(std::string s) {
  // An abbreviation keeps its capitals: "ASS" stays "ASS", not "aSS".
  if (s.size() > 1 && s[1] >= 'A' && s[1] <= 'Z') return s;
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

std::string unit_title(const std::string& unit, double largest) {
  if (unit == "percent") return txt::percentage();
  if (unit == "count") return txt::aantal();
  if (unit == "eur") return std::fabs(largest) >= 1e6 ? txt::miljoen_euro() : txt::euro();
  if (unit == "fte") return txt::fte();
  if (unit == "persons") return txt::personen();
  if (unit == "months") return txt::maanden();
  if (unit == "hours") return txt::uren();
  if (unit == "days") return txt::dagen();
  return unit;
}

}  // namespace duiding::text

#include "render/disclosure_note.h"

#include <fmt/format.h>

namespace duiding::render {

namespace {

std::string note(int primary, int complementary, int min_cell) {
  if (primary + complementary == 0) return "";
  std::string why = fmt::format(
      "{} {} niet getoond omdat {} op minder dan {} personen {}",
      primary, primary == 1 ? "getal wordt" : "getallen worden", primary == 1 ? "het" : "ze", min_cell,
      primary == 1 ? "berust" : "berusten");
  if (complementary > 0) {
    why += fmt::format("; {} {} weggelaten omdat een verborgen getal anders uit het totaal terug te "
                       "rekenen is",
                       complementary, complementary == 1 ? "ander getal is" : "andere getallen zijn");
  }
  return "<p class=\"disclosure-note\"><strong>Niet alle cijfers worden getoond.</strong> " + why +
         ". Zo blijft niemand herkenbaar.</p>\n";
}

}  // namespace

std::string disclosure_note(const std::vector<const stats::disclosure::Suppression*>& suppressions,
                            int min_cell) {
  int primary = 0, complementary = 0;
  for (const auto* s : suppressions) (s->primary ? primary : complementary)++;
  return note(primary, complementary, min_cell);
}

std::string disclosure_note(const model::Model& m, const std::string& indicator) {
  auto it = m.suppressed.find(indicator);
  if (it == m.suppressed.end()) return "";
  return note(it->second.first, it->second.second, m.site.min_cell);
}

}  // namespace duiding::render

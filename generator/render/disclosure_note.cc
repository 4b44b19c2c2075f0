#include "render/disclosure_note.h"

#include "text/site_text.h"

namespace duiding::render {

namespace {

std::string note(int primary, int complementary, int min_cell) {
  if (primary + complementary == 0) return "";
  std::string why = txt::getallen_niet_getoond(primary, min_cell);
  if (complementary > 0) why += "; " + txt::andere_getallen_weggelaten(complementary);
  return "<p class=\"disclosure-note\"><strong>" + txt::niet_alle_cijfers_getoond() + "</strong> " + why + ". " +
         txt::zo_blijft_niemand_herkenbaar() + "</p>\n";
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

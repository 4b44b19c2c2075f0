#include "render/round_notice.h"

#include "model/round_text.h"
#include "render/format.h"
#include "render/html.h"
#include "render/page_frame.h"
#include "text/site_text.h"

namespace duiding::render {
namespace {

// "laatste meting met cijfers: Impactmeting 2024", or that there is none.
std::string latest_text(const model::Model& m, const model::Indicator& ind, const std::string& round) {
  const model::Round* before = nullptr;
  for (const auto& r : m.rounds)
    if (r.id < round && model::reported_in(m, ind, r.id)) before = &r;
  if (before == nullptr) return txt::geen_eerdere_meting_met_cijfers();
  return txt::laatste_meting_met_cijfers(before->label);
}

}  // namespace

std::string not_measured_notice(const model::Model& m, const model::Indicator& ind) {
  const model::Round* current = m.current_round();
  if (current == nullptr || !model::stale(m, ind)) return "";
  const model::Round* latest = model::latest_reported(m, ind, current->id);
  return "<p class=\"not-measured\">" +
         txt::niet_gemeten_melding(escape(current->id), escape(current->label), escape(latest->label)) + "</p>\n";
}

std::string not_measured_tile(const model::Model& m, const model::Indicator& ind, const std::string& root) {
  const model::Round* current = m.current_round();
  if (current == nullptr || ind.headline.empty() || !model::stale(m, ind)) return "";
  return "<li class=\"headline not-measured\"><p class=\"what\">" + txt::niet_gemeten_in(escape(current->id)) +
         "</p><p class=\"context\">" + escape(latest_text(m, ind, current->id)) + " · <a href=\"" +
         escape(root + indicator_dir(ind) + "index.html") + "\">" + escape(ind.title) + "</a></p></li>\n";
}

std::string not_measured_aside(const model::Model& m, const model::Indicator& ind) {
  const model::Round* current = m.current_round();
  if (current == nullptr || !model::stale(m, ind)) return "";
  return " · " + txt::niet_gemeten_in_klein(escape(current->id)) + ", " + escape(latest_text(m, ind, current->id));
}

std::string not_measured_article(const model::Model& m, const model::Indicator& ind, const model::Round& r,
                                 const std::string& root) {
  return "<article class=\"indicator not-measured\">\n<h3 id=\"" + escape(ind.id) + "--\">" + escape(ind.title) +
         "</h3>\n<p>" + txt::niet_gemeten_in_met_naam(escape(r.id), escape(r.label), escape(latest_text(m, ind, r.id))) +
         " <a href=\"" + escape(root + indicator_dir(ind) + "index.html") + "\">" +
         txt::alle_cijfers_van_deze_indicator() + "</a></p>\n</article>\n";
}

}  // namespace duiding::render

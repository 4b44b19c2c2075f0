#include "validate/text_variables.h"
#include "diag/messages.h"

#include <fmt/format.h>

#include "model/round_text.h"

namespace duiding::validate {
namespace {

void find_in_json(const load::JsonDoc& doc, const std::string& pointer, const std::string& indicator,
                  const std::string& round, model::Model& m, diag::Diagnostics& diag) {
  const nlohmann::json* v = nullptr;
  try {
    v = &doc.value.at(nlohmann::json::json_pointer(pointer));
  } catch (const nlohmann::json::exception&) {
    return;
  }
  if (!v->is_string()) return;
  for (const auto& p : model::placeholders(v->get_ref<const std::string&>())) {
    SourcePos pos = doc.inside(pointer, p.offset);
    if (!p.closed) {
      diag.error(pos, msg::variabele_niet_gesloten());
      continue;
    }
    m.text_variables.push_back({p.name, pos, indicator, round});
  }
}

}  // namespace

void find_site_variables(const load::JsonDoc& doc, model::Model& m, diag::Diagnostics& diag) {
  for (const char* key : {"/title", "/description", "/footer"}) find_in_json(doc, key, "", "", m, diag);
  for (std::size_t i = 0; i < m.site.sections.size(); ++i)
    for (const char* key : {"title", "description"})
      find_in_json(doc, fmt::format("/sections/{}/{}", i, key), "", "", m, diag);
}

void find_indicator_variables(const load::JsonDoc& doc, const model::Indicator& ind, model::Model& m,
                              diag::Diagnostics& diag) {
  for (const char* key : {"title", "question", "headline", "description", "data_note", "source"}) {
    auto per = ind.per_round.find(key);
    if (per == ind.per_round.end()) {
      find_in_json(doc, std::string("/") + key, ind.id, "", m, diag);
      continue;
    }
    for (const auto& [round, text] : per->second)
      find_in_json(doc, std::string("/") + key + "/" + load::pointer_token(round), ind.id, round, m, diag);
  }
}

void find_page_variables(const model::Page& page, model::Model& m, diag::Diagnostics& diag) {
  for (const auto& p : model::placeholders(page.markdown)) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < p.offset; ++i) {
      unsigned char c = static_cast<unsigned char>(page.markdown[i]);
      if (c == '\n') {
        ++line;
        column = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++column;
      }
    }
    SourcePos pos{page.pos.file, line, column};
    if (!p.closed) {
      diag.error(pos, msg::variabele_niet_gesloten());
      continue;
    }
    m.text_variables.push_back({p.name, pos, "", ""});
  }
}

void check_text_variables(const model::Model& m, diag::Diagnostics& diag) {
  std::size_t before = diag.error_count();
  for (const auto& ind : m.indicators)
    for (const auto& [key, pos] : ind.per_round_pos) {
      std::string round = key.substr(key.find('/') + 1);
      if (m.round(round) != nullptr) continue;
      std::vector<std::string> ids;
      for (const auto& r : m.rounds) ids.push_back(r.id);
      diag.error(pos, msg::tekst_voor_onbekende_ronde(key.substr(0, key.find('/')), round, fmt::format("{}", fmt::join(ids, ", "))));
    }
  for (const auto& var : m.text_variables)
    if (msg::Text problem = model::variable_problem(m, var.name); !problem.empty()) diag.error(var.pos, problem);
  if (diag.error_count() == before) model::check_variables(m, diag);
}

}  // namespace duiding::validate

#include "model/round_text.h"
#include "diag/messages.h"

#include <cmath>
#include <fmt/format.h>

namespace duiding::model {
namespace {

// The facts of a round a text may name after `ronde.` or `vorige_ronde.`.
const std::vector<std::string>& round_fields() {
  static const std::vector<std::string> kFields = {"label", "start", "end", "description", "source"};
  return kFields;
}

const std::string* round_field(const Round& r, const std::string& field) {
  if (field == "label") return &r.label;
  if (field == "start") return &r.start;
  if (field == "end") return &r.end;
  if (field == "description") return &r.description;
  if (field == "source") return &r.source;
  return nullptr;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    std::size_t at = s.find(sep, start);
    parts.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return parts;
    start = at + 1;
  }
}

const Round* previous(const Model& m, const std::string& round) {
  const Round* before = nullptr;
  for (const auto& r : m.rounds)
    if (r.id < round) before = &r;
  return before;
}

bool has_figures(const Model& m, const Indicator& ind, const std::string& round) {
  if (m.has_figure(ind.id, round)) return true;
  // Measured, but every figure withheld by disclosure control (too few people): the
  // page says why, never that it was not measured.
  if (auto w = m.withheld_rounds.find(ind.id); w != m.withheld_rounds.end())
    for (const auto& [r, group] : w->second)
      if (round.empty() || r == round) return true;
  return false;
}

// An indicator the source describes only in words: a per-round data_note of the round,
// or a plain one when it never has figures (the same words hold for every round).
bool has_words_for(const Model& m, const Indicator& ind, const std::string& round) {
  auto it = ind.per_round.find("data_note");
  if (it != ind.per_round.end()) return it->second.count(round) > 0;
  auto raw = ind.templates.find("data_note");
  const std::string& note = raw != ind.templates.end() ? raw->second : ind.data_note;
  return !note.empty() && !has_figures(m, ind, "");
}

}  // namespace

std::string text_number(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9) return fmt::format("{}", static_cast<long long>(std::llround(v)));
  std::string s = fmt::format("{}", v);
  for (char& c : s)
    if (c == '.') c = ',';
  return s;
}

std::vector<Placeholder> placeholders(const std::string& text) {
  std::vector<Placeholder> out;
  std::size_t at = text.find("{{");
  while (at != std::string::npos) {
    std::size_t end = text.find("}}", at + 2);
    if (end == std::string::npos) {
      out.push_back({"", at, false});
      break;
    }
    std::string name = text.substr(at + 2, end - at - 2);
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    out.push_back({name, at, true});
    at = text.find("{{", end + 2);
  }
  return out;
}

msg::Text variable_problem(const Model& m, const std::string& name) {
  const std::string shown = "{{" + name + "}}";
  std::vector<std::string> parts = split(name, '.');
  const std::string& head = parts[0];
  if (head == "ronde" || head == "vorige_ronde") {
    if (parts.size() == 1) return {};
    if (parts.size() == 2)
      for (const auto& f : round_fields())
        if (parts[1] == f) return {};
    return msg::variabele_rondeveld(shown, head);
  }
  if (head == "n" || head == "populatie") {
    if (parts.size() == 2 && m.group(parts[1]) != nullptr) return {};
    std::vector<std::string> ids;
    for (const auto& g : m.site.groups) ids.push_back(g.id);
    return msg::variabele_groep(shown, head, fmt::format("{}", fmt::join(ids, ", ")));
  }
  if (head == "waarde") {
    if (parts.size() != 4)
      return msg::variabele_waarde(shown);
    const Indicator* ind = m.indicator(parts[1]);
    if (ind == nullptr) return msg::variabele_onbekende_indicator(shown, parts[1]);
    if (parts[2] != "alle" && m.group(parts[2]) == nullptr)
      return msg::variabele_onbekende_groep(shown, parts[2]);
    if (ind->category_index(parts[3]) < 0)
      return msg::variabele_onbekende_categorie(shown, parts[3], ind->id);
    return {};
  }
  return msg::variabele_onbekend(shown);
}

std::optional<std::string> variable_value(const Model& m, const std::string& name, const std::string& round,
                                          msg::Text* why) {
  auto none = [&](msg::Text reason) -> std::optional<std::string> {
    if (why != nullptr) *why = std::move(reason);
    return std::nullopt;
  };
  std::vector<std::string> parts = split(name, '.');
  const std::string& head = parts[0];
  if (head == "ronde" || head == "vorige_ronde") {
    const Round* r = head == "ronde" ? m.round(round) : previous(m, round);
    if (r == nullptr) return none(msg::geen_vorige_ronde(round));
    if (parts.size() == 1) return r->id;
    const std::string* v = round_field(*r, parts[1]);
    if (v == nullptr || v->empty())
      return none(msg::rondeveld_leeg(parts[1], r->id));
    return *v;
  }
  if (head == "n" || head == "populatie") {
    const Sample* s = m.sample(round, parts[1]);
    if (s == nullptr) return none(msg::geen_n(round, parts[1]));
    if (head == "n") return text_number(static_cast<double>(s->n));
    if (!s->population)
      return none(msg::geen_populatie(round, parts[1]));
    return text_number(static_cast<double>(*s->population));
  }
  if (head == "waarde" && parts.size() == 4) {
    std::string group = parts[2] == "alle" ? "" : parts[2];
    for (const auto& v : m.values)
      if (v.round == round && v.indicator == parts[1] && v.group == group && v.breakdown.empty() &&
          v.category == parts[3] && v.measure == "value")
        return text_number(v.value);
    return none(msg::geen_waarde(parts[1], parts[2], parts[3], round));
  }
  return none(msg::variabele_onbekend_kort());
}

std::string fill(const Model& m, const std::string& text, const std::string& round) {
  std::string out;
  std::size_t pos = 0;
  for (const auto& p : placeholders(text)) {
    if (!p.closed) break;
    std::size_t end = text.find("}}", p.offset + 2) + 2;
    out.append(text, pos, p.offset - pos);
    auto v = variable_value(m, p.name, round);
    out += v ? *v : text.substr(p.offset, end - p.offset);
    pos = end;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

bool reported_in(const Model& m, const Indicator& ind, const std::string& round) {
  return has_figures(m, ind, round) || has_words_for(m, ind, round);
}

const Round* latest_reported(const Model& m, const Indicator& ind, const std::string& round) {
  for (auto r = m.rounds.rbegin(); r != m.rounds.rend(); ++r)
    if (r->id <= round && reported_in(m, ind, r->id)) return &*r;
  return nullptr;
}

bool stale(const Model& m, const Indicator& ind) {
  const Round* current = m.current_round();
  if (current == nullptr || ind.type == IndicatorType::kSeries || reported_in(m, ind, current->id)) return false;
  return latest_reported(m, ind, current->id) != nullptr;
}

std::string page_round(const Model& m, const Indicator& ind) {
  const Round* current = m.current_round();
  if (current == nullptr) return "";
  if (stale(m, ind)) return latest_reported(m, ind, current->id)->id;
  return current->id;
}

Indicator for_round(const Model& m, const Indicator& ind, const std::string& round) {
  Indicator out = ind;
  auto pick = [&](const char* field, std::string& plain) {
    auto per = ind.per_round.find(field);
    if (per != ind.per_round.end()) {
      auto it = per->second.find(round);
      plain = it == per->second.end() ? std::string() : it->second;
    } else if (auto t = ind.templates.find(field); t != ind.templates.end()) {
      plain = t->second;
    }
    plain = fill(m, plain, round);
  };
  pick("title", out.title);
  pick("question", out.question);
  pick("headline", out.headline);
  pick("description", out.description);
  pick("data_note", out.data_note);
  pick("source", out.source);
  // The round's source is Markdown; an indicator's source is shown as plain text.
  if (out.source.empty())
    if (const Round* r = m.round(round))
      for (char c : r->source)
        if (c != '*') out.source += c;
  return out;
}

void fill_texts(Model& m) {
  const Round* current = m.current_round();
  const std::string now = current != nullptr ? current->id : "";
  for (auto& ind : m.indicators) {
    for (auto [field, text] : {std::pair<const char*, std::string*>{"title", &ind.title}, {"question", &ind.question},
                               {"headline", &ind.headline}, {"description", &ind.description},
                               {"data_note", &ind.data_note}, {"source", &ind.source}})
      if (ind.per_round.count(field) == 0 && ind.templates.count(field) == 0) ind.templates[field] = *text;
  }
  std::vector<Indicator> shown;
  for (const auto& ind : m.indicators) shown.push_back(for_round(m, ind, page_round(m, ind)));
  m.indicators = std::move(shown);
  m.site.title = fill(m, m.site.title, now);
  m.site.description = fill(m, m.site.description, now);
  m.site.footer = fill(m, m.site.footer, now);
  for (auto& s : m.site.sections) {
    s.title = fill(m, s.title, now);
    s.description = fill(m, s.description, now);
  }
  for (auto& p : m.pages) {
    p.title = fill(m, p.title, now);
    p.markdown = fill(m, p.markdown, now);
  }
}

void check_variables(const Model& m, diag::Diagnostics& diag) {
  const Round* current = m.current_round();
  for (const auto& var : m.text_variables) {
    std::vector<std::string> rounds;
    const Indicator* ind = var.indicator.empty() ? nullptr : m.indicator(var.indicator);
    if (!var.round.empty()) {
      rounds.push_back(var.round);
    } else if (ind == nullptr) {
      if (current != nullptr) rounds.push_back(current->id);
    } else {
      // The indicator page's round, and every round whose rapportage shows the indicator.
      for (const auto& r : m.rounds)
        if (ind->type == IndicatorType::kSeries || reported_in(m, *ind, r.id) || r.id == page_round(m, *ind))
          rounds.push_back(r.id);
    }
    for (const auto& r : rounds) {
      msg::Text why;
      if (!variable_value(m, var.name, r, &why)) {
        diag.folded_error("variable\n" + var.pos.file + "\n" + std::to_string(var.pos.line) + "\n" +
                              std::to_string(var.pos.column),
                          var.pos,
                          msg::variabele_zonder_waarde("{{" + var.name + "}}", r, why));
      }
    }
  }
}

}  // namespace duiding::model

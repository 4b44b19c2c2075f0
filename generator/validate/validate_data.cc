#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "diag/messages.h"
#include "load/numbers.h"
#include "validate/fields.h"
#include "validate/suggest.h"
#include "validate/privacy.h"
#include "validate/privacy_names.h"
#include "validate/validate.h"

namespace duiding::validate {
namespace {

using model::IndicatorType;

bool is_year(const std::string& s) {
  return s.size() == 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

msg::Text join_round_ids(const model::Model& m) {
  std::vector<std::string> ids;
  for (const auto& r : m.rounds) ids.push_back(r.id);
  return ids.empty() ? msg::geen_rondes() : msg::opsomming(fmt::format("{}", fmt::join(ids, ", ")));
}

std::vector<std::string> group_ids(const std::vector<model::Group>& groups) {
  std::vector<std::string> ids;
  for (const auto& g : groups) ids.push_back(g.id);
  return ids;
}

std::vector<std::string> indicator_ids(const model::Model& m) {
  std::vector<std::string> ids;
  for (const auto& ind : m.indicators) ids.push_back(ind.id);
  return ids;
}

std::string join_group_ids(const std::vector<model::Group>& groups) {
  std::vector<std::string> ids;
  for (const auto& g : groups) ids.push_back(g.id);
  return fmt::format("{}", fmt::join(ids, ", "));
}

// A number field: reports a missing or malformed number and returns nullopt.
std::optional<double> number_field(const Columns& cols, const load::Record& rec, const char* name,
                                   bool required, diag::Diagnostics& diag) {
  const std::string& text = cols.text(rec, name);
  if (text.empty()) {
    if (required) diag.error(cols.pos(rec, name), msg::getal_leeg(name, msg::getal_voorbeeld()));
    return std::nullopt;
  }
  auto v = load::parse_number(text);
  if (!v) {
    diag.error(cols.pos(rec, name),
               msg::geen_getal(text, msg::getal_voorbeeld()));
  }
  return v;
}

// A required text field.
bool require(const Columns& cols, const load::Record& rec, const char* name,
             diag::Diagnostics& diag) {
  if (!cols.text(rec, name).empty()) return true;
  diag.error(cols.pos(rec, name), msg::waarde_verplicht(name));
  return false;
}

// A round of rounds.csv. A round that rounds.csv names but rejected (for a bad date) is
// not known either, but its error is already reported: nothing more is said.
bool known_round(const model::Model& m, const Columns& cols, const load::Record& rec,
                 diag::Diagnostics& diag, const std::set<std::string>& rejected = {}) {
  if (!require(cols, rec, "round", diag)) return false;
  const std::string& round = cols.text(rec, "round");
  if (m.round(round) != nullptr) return true;
  if (rejected.count(round) > 0) return false;
  // A new year is a round not added yet, never a typing error for last year's.
  std::vector<std::string> ids;
  for (const auto& r : m.rounds) ids.push_back(r.id);
  msg::Text hint = is_year(round) ? msg::voeg_ronde_toe(round) : did_you_mean(round, ids);
  diag.folded_error("round\n" + round, cols.pos(rec, "round"),
                    msg::ronde_onbekend(round, join_round_ids(m), hint));
  return false;
}

bool known_group(const model::Model& m, const Columns& cols, const load::Record& rec,
                 bool required, diag::Diagnostics& diag) {
  const std::string& group = cols.text(rec, "group");
  if (group.empty()) return !required || require(cols, rec, "group", diag);
  if (m.group(group) != nullptr) return true;
  diag.folded_error("group\n" + group, cols.pos(rec, "group"),
                    msg::groep_onbekend(group, did_you_mean(group, group_ids(m.site.groups)), join_group_ids(m.site.groups)));
  return false;
}

// The measures each type uses; the first is the default when `measure` is empty.
std::vector<std::string> measures_for(IndicatorType t) {
  switch (t) {
    case IndicatorType::kLikert:
    case IndicatorType::kChoice:
    case IndicatorType::kTriad: return {"value", "n"};
    case IndicatorType::kScale: return {"value", "mean", "n"};
    case IndicatorType::kAspects: return {"count", "importance", "experience", "n"};
    case IndicatorType::kSeries: return {"value"};
  }
  return {};
}

// A category as a value or a story link names it, in the one spelling the model keeps
// (a scale bin `90.0` is bin `90`), or what is wrong with it.
struct CategoryCheck {
  std::optional<std::string> id;
  msg::Text problem;
};

CategoryCheck category_of(const model::Indicator& ind, const std::string& raw) {
  if (ind.type == IndicatorType::kScale) {
    auto bin = load::parse_number(raw);
    if (!bin || !load::is_whole(*bin) || *bin < 0 || *bin > 100)
      return {std::nullopt, msg::categorie_geen_klasse(raw)};
    return {std::to_string(std::lround(*bin)), {}};
  }
  if (ind.type == IndicatorType::kTriad) {
    if (raw == "a" || raw == "b" || raw == "c") return {raw, {}};
    return {std::nullopt, msg::categorie_geen_hoek(raw)};
  }
  if (ind.category_index(raw) >= 0) return {raw, {}};
  std::vector<std::string> ids;
  for (const auto& c : ind.categories) ids.push_back(c.id);
  if (ids.empty()) return {std::nullopt, msg::indicator_zonder_categorieen(ind.id)};
  return {std::nullopt, msg::categorie_onbekend(raw, did_you_mean(raw, ids), ind.id, fmt::format("{}", fmt::join(ids, ", ")))};
}

// The privacy scan of every published field of a quote (generator/validate/privacy.h,
// privacy_names.h): every finding not accepted in the `privacy_ok` column is an error at
// the match's own line and column; every finding goes to the privacy report.
bool privacy_checked(const Columns& cols, const load::Record& rec, const std::string& id,
                     const std::vector<std::string>& public_names, diag::Diagnostics& diag) {
  std::optional<privacy::Override> accepted;
  const std::string& ok_text = cols.text(rec, "privacy_ok");
  if (!ok_text.empty()) {
    msg::Text problem;
    accepted = privacy::parse_override(ok_text, problem);
    if (!accepted) {
      diag.error(cols.pos(rec, "privacy_ok"), msg::citaat_probleem(id, problem));
      return false;
    }
  }
  privacy::NameContext names{nullptr, public_names};
  names.public_names.push_back(cols.text(rec, "district"));
  bool good = true;
  std::set<privacy::Kind> found;
  // id and district are checked for the patterns only (a district is a place by design),
  // age_group for all but ages.
  for (const char* column : {"id", "text", "theme", "age_group", "district"}) {
    const load::Field* field = cols.field(rec, column);
    if (field == nullptr || field->text.empty()) continue;
    std::string_view name(column);
    std::vector<privacy::Finding> findings;
    if (name == "id" || name == "district") {
      findings = privacy::scan(field->text);
    } else {
      names.words = &privacy::WordList::system();
      findings = privacy::scan_all(field->text, names);
    }
    const std::string file = cols.pos(rec, column).file;
    for (const auto& f : findings) {
      if (name == "age_group" && f.kind == privacy::Kind::kAge) continue;
      found.insert(f.kind);
      bool ok = accepted && accepted->kinds.count(f.kind) > 0;
      SourcePos pos = privacy::position_in_field(*field, file, f.offset);
      privacy::review_log().push_back({pos, id, column, f.kind, f.match, ok, ok ? accepted->reason : ""});
      if (ok) continue;
      diag.error(pos, msg::citaat_privacy(id, name == "text" ? msg::Text() : msg::citaat_veld(column),
                                             privacy::kind_description(f.kind), f.match, privacy::kind_id(f.kind)));
      good = false;
    }
  }
  if (accepted) {
    for (privacy::Kind k : accepted->kinds) {
      if (found.count(k) == 0) {
        diag.warning(cols.pos(rec, "privacy_ok"),
                     msg::privacy_ok_ongebruikt(id, privacy::kind_id(k)));
      }
    }
  }
  return good;
}

// A date as Dutch Excel shows it (3-3-2025, 03/03/2025) in the one spelling the source
// takes, or nullopt when `s` is not one.
std::optional<std::string> iso_from_dutch(const std::string& s) {
  int day = 0, month = 0, year = 0;
  char sep1 = 0, sep2 = 0;
  int used = 0;
  if (std::sscanf(s.c_str(), "%2d%c%2d%c%4d%n", &day, &sep1, &month, &sep2, &year, &used) != 5) return std::nullopt;
  if (used != static_cast<int>(s.size()) || sep1 != sep2 || (sep1 != '-' && sep1 != '/' && sep1 != '.') || year < 1000)
    return std::nullopt;
  std::string iso = fmt::format("{:04}-{:02}-{:02}", year, month, day);
  return is_iso_date(iso) ? std::optional(iso) : std::nullopt;
}

msg::Text date_problem(const std::string& date) {
  if (auto iso = iso_from_dutch(date)) return msg::datum_nederlands(date, *iso);
  return msg::geen_datum(date);
}

}  // namespace

void rounds(load::CsvReader& csv, std::vector<model::Round>& out, std::set<std::string>& rejected,
            diag::Diagnostics& diag) {
  Columns cols(csv, {"round", "label"}, {"start", "end", "description", "source"}, diag);
  if (!cols.ok()) return;
  std::map<std::string, SourcePos> seen;
  while (auto rec = csv.next()) {
    bool good = require(cols, *rec, "round", diag) & require(cols, *rec, "label", diag);
    model::Round r{cols.text(*rec, "round"), cols.text(*rec, "label"), cols.text(*rec, "start"),
                   cols.text(*rec, "end"), cols.text(*rec, "description"), cols.text(*rec, "source")};
    for (const char* key : {"start", "end"}) {
      const std::string& date = cols.text(*rec, key);
      if (!date.empty() && !is_iso_date(date)) {
        diag.error(cols.pos(*rec, key), date_problem(date));
        good = false;
      }
    }
    if (good && !r.start.empty() && !r.end.empty() && r.end < r.start) {
      diag.error(cols.pos(*rec, "end"),
                 msg::ronde_eindigt_voor_start(r.id, r.end, r.start));
    }
    if (msg::Text problem = id_problem(msg::wat_ronde_id(), r.id); !r.id.empty() && !problem.empty()) {
      diag.error(cols.pos(*rec, "round"), msg::ronde_id_in_adres(problem));
      good = false;
    }
    if (!r.id.empty()) {
      auto [it, fresh] = seen.emplace(r.id, cols.pos(*rec, "round"));
      if (!fresh) {
        diag.error(cols.pos(*rec, "round"),
                   msg::ronde_dubbel(r.id, it->second.line));
        good = false;
      }
    }
    if (good) out.push_back(std::move(r));
    else if (!r.id.empty() && seen.at(r.id).line == rec->line) rejected.insert(r.id);
  }
}

void samples(load::CsvReader& csv, const model::Model& m, std::vector<model::Sample>& out,
             diag::Diagnostics& diag, const std::set<std::string>& rejected_rounds) {
  Columns cols(csv, {"round", "group", "n"}, {"population", "design"}, diag);
  if (!cols.ok()) return;
  std::map<std::string, int> seen;
  while (auto rec = csv.next()) {
    bool good = known_round(m, cols, *rec, diag, rejected_rounds) & known_group(m, cols, *rec, true, diag);
    model::Sample s{cols.text(*rec, "round"), cols.text(*rec, "group"), 0, std::nullopt};
    auto whole = [&](const char* name, bool required) -> std::optional<long> {
      auto v = number_field(cols, *rec, name, required, diag);
      if (!v) return std::nullopt;
      if (!load::is_whole(*v) || *v < 1) {
        diag.error(cols.pos(*rec, name),
                   msg::geheel_getal_verwacht(name, cols.text(*rec, name)));
        return std::nullopt;
      }
      return std::lround(*v);
    };
    // An empty n: the number of participants is not known. The row is read as if it were
    // not there, so percentages are shown but not tested (docs/statistics.md).
    bool n_unknown = cols.text(*rec, "n").empty();
    if (n_unknown)
      diag.warning(cols.pos(*rec, "n"), msg::n_nog_leeg(s.round, s.group));
    auto n = whole("n", false);
    good = good && (n.has_value() || n_unknown);
    if (n) s.n = *n;
    if (!cols.text(*rec, "population").empty()) {
      s.population = whole("population", false);
      if (s.population && n && *s.population < *n) {
        diag.error(cols.pos(*rec, "population"),
                   msg::populatie_kleiner(*s.population, *n));
        good = false;
      }
    }
    const std::string& design = cols.text(*rec, "design");
    if (design == "random") {
      s.design = model::Design::kRandom;
    } else if (design == "census") {
      s.design = model::Design::kCensus;
    } else if (!design.empty() && design != "self-selected") {
      diag.error(cols.pos(*rec, "design"),
                 msg::design_onbekend(design));
      good = false;
    }
    if (s.design != model::Design::kSelfSelected && !s.population) {
      diag.error(cols.pos(*rec, "design"),
                 msg::design_zonder_populatie(design));
      good = false;
    }
    if (s.design == model::Design::kCensus && s.population && n && *s.population != *n) {
      diag.error(cols.pos(*rec, "design"),
                 msg::census_niet_volledig(*n, *s.population));
      good = false;
    }
    auto [it, fresh] = seen.emplace(s.round + '\n' + s.group, rec->line);
    if (!fresh && good) {
      diag.error(cols.pos(*rec, "round"),
                 msg::steekproef_dubbel(s.round, s.group, it->second));
      good = false;
    }
    if (good && !n_unknown) out.push_back(std::move(s));
  }
}

void ValueChecker::read(load::RecordReader& csv, std::vector<model::Value>& out,
                        diag::Diagnostics& diag) {
  // The label columns and the previous value of an entry sheet (duiding new-round) are
  // there to read while filling it in; they are not read.
  Columns cols(csv, {"round", "indicator", "value"},
               {"group", "breakdown", "category", "measure", "note", "indicator_label", "group_label",
                "category_label", "previous_value"},
               diag);
  if (!cols.ok()) return;
  std::size_t unfilled = 0;
  SourcePos first_unfilled;
  while (auto rec = csv.next()) {
    model::Value v;
    v.pos = csv.at(rec->line, 1);
    v.round = cols.text(*rec, "round");
    v.indicator = cols.text(*rec, "indicator");
    v.group = cols.text(*rec, "group");
    v.breakdown = cols.text(*rec, "breakdown");
    v.category = cols.text(*rec, "category");
    v.measure = cols.text(*rec, "measure");
    v.note = cols.text(*rec, "note");

    if (!require(cols, *rec, "indicator", diag)) continue;
    const model::Indicator* ind = model_.indicator(v.indicator);
    if (ind == nullptr && rejected_.count(v.indicator) > 0) continue;
    if (rejected_rounds_.count(v.round) > 0) continue;
    if (ind == nullptr) {
      diag.folded_error("indicator\n" + v.indicator, cols.pos(*rec, "indicator"),
                        msg::indicator_onbekend(v.indicator, did_you_mean(v.indicator, indicator_ids(model_))));
      continue;
    }
    bool good = true;
    // Rounds: series indicators also take any year, as administrative figures often
    // reach back before the first measurement round.
    if (ind->type == IndicatorType::kSeries && is_year(v.round)) {
      // fine
    } else if (!known_round(model_, cols, *rec, diag, rejected_rounds_)) {
      good = false;
    }
    if (!v.group.empty()) {
      if (!known_group(model_, cols, *rec, false, diag)) {
        good = false;
      } else if (std::find(ind->groups.begin(), ind->groups.end(), v.group) == ind->groups.end()) {
        diag.error(cols.pos(*rec, "group"),
                   msg::groep_niet_van_indicator(v.group, did_you_mean(v.group, ind->groups), ind->id,
                                                         fmt::format("{}", fmt::join(ind->groups, ", "))));
        good = false;
      }
    }
    if (!v.breakdown.empty()) {
      std::size_t eq = v.breakdown.find('=');
      if (eq == 0 || eq == std::string::npos || eq + 1 == v.breakdown.size()) {
        diag.error(cols.pos(*rec, "breakdown"),
                   msg::uitsplitsing_vorm(v.breakdown));
        good = false;
      }
    }
    auto measures = measures_for(ind->type);
    if (v.measure.empty()) v.measure = measures.front();
    if (std::find(measures.begin(), measures.end(), v.measure) == measures.end()) {
      diag.error(cols.pos(*rec, "measure"),
                 msg::maat_onbekend(v.measure, model::type_name(ind->type), fmt::format("{}", fmt::join(measures, ", "))));
      continue;
    }

    // What `category` must hold depends on the type and the measure.
    bool wants_empty = v.measure == "n" || v.measure == "mean" || ind->type == IndicatorType::kSeries;
    if (wants_empty) {
      if (!v.category.empty()) {
        diag.error(cols.pos(*rec, "category"),
                   msg::categorie_moet_leeg(v.measure, model::type_name(ind->type), v.category));
        good = false;
      }
    } else if (v.category.empty()) {
      diag.error(cols.pos(*rec, "category"),
                 msg::categorie_leeg(ind->id));
      good = false;
    } else if (auto c = category_of(*ind, v.category); c.id) {
      v.category = *c.id;
    } else {
      diag.error(cols.pos(*rec, "category"), c.problem);
      good = false;
    }

    // An empty value is a figure the round did not measure: never 0.
    if (cols.text(*rec, "value").empty()) {
      if (unfilled++ == 0) first_unfilled = cols.pos(*rec, "value");
      continue;
    }
    auto number = number_field(cols, *rec, "value", true, diag);
    if (!number) continue;
    v.value = *number;
    bool is_count = v.measure == "n" || v.measure == "count" ||
                    (v.measure == "value" && ind->unit == "count" && ind->type != IndicatorType::kSeries);
    bool is_percent = v.measure == "value" && ind->unit == "percent";
    if (is_count && (!load::is_whole(v.value) || v.value < 0)) {
      diag.error(cols.pos(*rec, "value"),
                 msg::geen_aantal(cols.text(*rec, "value")));
      good = false;
    } else if (is_percent && (v.value < 0 || v.value > 100)) {
      diag.error(cols.pos(*rec, "value"),
                 msg::geen_percentage(cols.text(*rec, "value")));
      good = false;
    }

    std::string key = fmt::format("{}\n{}\n{}\n{}\n{}\n{}", v.round, v.indicator, v.group,
                                  v.breakdown, v.category, v.measure);
    auto [it, fresh] = seen_.emplace(key, v.pos);
    if (!fresh) {
      diag.error(cols.pos(*rec, "value"),
                 msg::waarde_dubbel(v.round, v.indicator, v.group, v.breakdown, v.category, v.measure,
                             // A row of a CSV file, a cell of a sheet.
                             diag::where({it->second.file, it->second.line,
                                          it->second.sheet.empty() ? 0 : it->second.column, it->second.sheet})));
      good = false;
    }
    if (good) out.push_back(std::move(v));
  }
  if (unfilled > 0)
    diag.warning(first_unfilled, msg::rijen_zonder_waarde(unfilled));
}

void points(load::CsvReader& csv, const model::Model& m, std::vector<model::Point>& out,
            diag::Diagnostics& diag, const std::set<std::string>& rejected_rounds) {
  Columns cols(csv, {"round", "indicator", "a", "b", "c"}, {"group"}, diag);
  if (!cols.ok()) return;
  while (auto rec = csv.next()) {
    bool good = known_round(m, cols, *rec, diag, rejected_rounds);
    model::Point p{cols.text(*rec, "round"), cols.text(*rec, "indicator"), cols.text(*rec, "group")};
    const model::Indicator* ind = m.indicator(p.indicator);
    if (ind == nullptr || ind->type != IndicatorType::kTriad) {
      diag.error(cols.pos(*rec, "indicator"),
                 ind == nullptr
                     ? msg::indicator_onbekend(p.indicator, did_you_mean(p.indicator, indicator_ids(m)))
                     : msg::punten_alleen_triad(p.indicator, model::type_name(ind->type)));
      good = false;
    }
    good = known_group(m, cols, *rec, false, diag) && good;
    auto a = number_field(cols, *rec, "a", true, diag);
    auto b = number_field(cols, *rec, "b", true, diag);
    auto c = number_field(cols, *rec, "c", true, diag);
    if (!a || !b || !c) continue;
    if (*a < 0 || *b < 0 || *c < 0) {
      diag.error(cols.pos(*rec, "a"), msg::aandelen_negatief());
      continue;
    }
    double sum = *a + *b + *c;
    if (std::fabs(sum - 1) > 0.01 && std::fabs(sum - 100) > 1) {
      diag.error(cols.pos(*rec, "a"),
                 msg::aandelen_som(fmt::format("{}", sum)));
      continue;
    }
    p.a = *a / sum, p.b = *b / sum, p.c = *c / sum;
    if (good) out.push_back(std::move(p));
  }
}

void quotes(load::CsvReader& csv, const model::Model& m, std::vector<model::Quote>& out,
            std::map<std::string, SourcePos>& seen, diag::Diagnostics& diag,
            const std::set<std::string>& rejected_rounds) {
  Columns cols(csv, {"id", "round", "group", "text"}, {"links", "theme", "age_group", "district", "privacy_ok"},
               diag);
  if (!cols.ok()) return;
  // What a quote may name, made once: privacy::public_names_of() reads every value. The
  // districts of the quotes accepted below join it as they come, as they would in it.
  std::vector<std::string> public_names = privacy::public_names_of(m);
  while (auto rec = csv.next()) {
    model::Quote q;
    q.pos = {csv.file(), rec->line, 1};
    q.id = cols.text(*rec, "id");
    q.round = cols.text(*rec, "round");
    q.group = cols.text(*rec, "group");
    q.text = cols.text(*rec, "text");
    q.theme = cols.text(*rec, "theme");
    q.age_group = cols.text(*rec, "age_group");
    q.district = cols.text(*rec, "district");
    bool good = require(cols, *rec, "id", diag) & known_round(m, cols, *rec, diag, rejected_rounds) &
                known_group(m, cols, *rec, true, diag) & require(cols, *rec, "text", diag);
    if (msg::Text problem = id_problem(msg::wat_citaat_id(), q.id); !q.id.empty() && !problem.empty()) {
      diag.error(cols.pos(*rec, "id"), msg::citaat_id_anker(problem));
      good = false;
    }
    if (!q.id.empty()) {
      auto [it, fresh] = seen.emplace(q.id, q.pos);
      if (!fresh) {
        diag.error(cols.pos(*rec, "id"), msg::citaat_dubbel(q.id, diag::where({it->second.file, it->second.line})));
        good = false;
      }
    }
    const std::string& links = cols.text(*rec, "links");
    std::size_t start = 0;
    while (!links.empty() && start <= links.size()) {
      std::size_t bar = links.find('|', start);
      std::string item = links.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
      start = bar == std::string::npos ? links.size() + 1 : bar + 1;
      // A link names a segment exactly as a value does: checked and spelled the same way,
      // so disclosure control finds a suppressed segment whatever its spelling.
      std::size_t colon = item.find(':');
      const model::Indicator* ind =
          colon == std::string::npos ? nullptr : m.indicator(item.substr(0, colon));
      std::string category = colon == std::string::npos ? "" : item.substr(colon + 1);
      if (ind == nullptr && colon != std::string::npos) {
        std::string id = item.substr(0, colon);
        diag.error(cols.pos(*rec, "links"),
                   msg::link_probleem(item, msg::indicator_onbekend(id, did_you_mean(id, indicator_ids(m)))));
        good = false;
      } else if (ind == nullptr) {
        diag.error(cols.pos(*rec, "links"),
                   msg::link_vorm(item));
        good = false;
      } else if (auto c = category_of(*ind, category); !c.id) {
        diag.error(cols.pos(*rec, "links"), msg::link_probleem(item, c.problem));
        good = false;
      } else {
        q.links.push_back(ind->id + ":" + *c.id);
      }
    }
    good = privacy_checked(cols, *rec, q.id, public_names, diag) && good;
    if (!good) continue;
    if (auto at = std::lower_bound(public_names.begin(), public_names.end(), q.district);
        !q.district.empty() && (at == public_names.end() || *at != q.district))
      public_names.insert(at, q.district);
    out.push_back(std::move(q));
  }
}

}  // namespace duiding::validate

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "diag/messages.h"
#include "validate/fields.h"
#include "validate/markdown_images.h"
#include "validate/suggest.h"
#include "validate/validate.h"

namespace duiding::validate {
namespace {

using model::IndicatorType;

struct TypeName {
  const char* name;
  IndicatorType type;
};
constexpr TypeName kTypes[] = {
    {"likert", IndicatorType::kLikert}, {"choice", IndicatorType::kChoice},
    {"scale", IndicatorType::kScale},   {"aspects", IndicatorType::kAspects},
    {"triad", IndicatorType::kTriad},   {"series", IndicatorType::kSeries},
};

bool needs_categories(IndicatorType t) {
  return t == IndicatorType::kLikert || t == IndicatorType::kChoice ||
         t == IndicatorType::kAspects;
}

std::vector<std::string> ids_of(const std::vector<model::Group>& groups) {
  std::vector<std::string> out;
  for (const auto& g : groups) out.push_back(g.id);
  return out;
}

}  // namespace

const std::vector<std::string>& units_for(IndicatorType type) {
  static const std::vector<std::string> kSurvey = {"count", "percent"};
  static const std::vector<std::string> kSeries = {"eur",     "fte",    "persons", "count",
                                                   "percent", "months", "hours",   "days"};
  return type == IndicatorType::kSeries ? kSeries : kSurvey;
}

namespace {

// A text that may differ per round: a string, or an object of round id -> string (the
// round ids are checked once rounds.csv has been read). Returns the plain form.
std::string round_text(const load::JsonDoc& doc, JsonObject& root, const char* key, model::Indicator& ind,
                       diag::Diagnostics& diag) {
  const nlohmann::json* v = root.raw(key, false);
  if (v == nullptr) return "";
  if (v->is_string()) return v->get<std::string>();
  if (!v->is_object()) {
    diag.error(root.pos(key), msg::tekst_of_per_ronde(key));
    return "";
  }
  auto& per = ind.per_round[key];
  for (const auto& [round, text] : v->items()) {
    std::string pointer = root.pointer(key) + "/" + load::pointer_token(round);
    if (!text.is_string()) {
      diag.error(doc.at(pointer), msg::tekst_van_ronde(key, round));
      continue;
    }
    per[round] = text.get<std::string>();
    ind.per_round_pos[std::string(key) + "/" + round] = doc.at(pointer);
  }
  return "";
}

}  // namespace

std::optional<model::Indicator> indicator(const load::JsonDoc& doc, const std::string& file_id,
                                          const model::Site& site, diag::Diagnostics& diag) {
  std::size_t errors_before = diag.error_count();
  JsonObject root(doc, "", diag);
  if (!root.ok()) return std::nullopt;
  model::Indicator ind;
  ind.pos = doc.at("");

  if (msg::Text problem = id_problem(msg::wat_indicator_id(), file_id); !problem.empty()) {
    diag.error({doc.file, 0, 0}, msg::indicator_id_bestandsnaam(problem));
  }
  if (auto id = root.string("id", true)) {
    if (*id != file_id) {
      diag.error(root.pos("id"),
                 msg::id_niet_bestandsnaam(*id, file_id));
    }
  }
  ind.id = file_id;
  ind.title = root.string("title", true).value_or("");
  ind.question = root.string("question", false).value_or("");
  ind.description = round_text(doc, root, "description", ind, diag);
  ind.data_note = round_text(doc, root, "data_note", ind, diag);
  for (const char* key : {"description", "data_note"}) {
    std::vector<const std::string*> texts{key == std::string("description") ? &ind.description : &ind.data_note};
    if (auto it = ind.per_round.find(key); it != ind.per_round.end())
      for (const auto& [round, text] : it->second) texts.push_back(&text);
    for (const std::string* text : texts)
      if (!markdown_images(*text).empty())
        diag.error(root.pos(key), msg::veld_met_afbeelding(key));
  }
  ind.source = round_text(doc, root, "source", ind, diag);
  ind.headline = root.string("headline", false).value_or("");
  ind.order = root.number("order").value_or(0);

  if (auto section = root.string("section", true)) {
    bool known = std::any_of(site.sections.begin(), site.sections.end(),
                             [&](const model::Section& s) { return s.id == *section; });
    if (!known) {
      std::vector<std::string> ids;
      for (const auto& s : site.sections) ids.push_back(s.id);
      diag.error(root.pos("section"),
                 ids.empty() ? msg::sectie_onbekend_geen(*section)
                             : msg::sectie_onbekend(*section, did_you_mean(*section, ids), fmt::format("{}", fmt::join(ids, ", "))));
    }
    ind.section = *section;
  }

  bool type_ok = false;
  if (auto type = root.string("type", true)) {
    for (const TypeName& t : kTypes) {
      if (*type == t.name) ind.type = t.type, type_ok = true;
    }
    if (!type_ok) {
      diag.error(root.pos("type"),
                 msg::type_onbekend(*type));
    }
  }

  if (auto unit = root.string("unit", true); unit && type_ok) {
    const auto& allowed = units_for(ind.type);
    if (std::find(allowed.begin(), allowed.end(), *unit) == allowed.end()) {
      diag.error(root.pos("unit"),
                 msg::eenheid_past_niet(*unit, model::type_name(ind.type), fmt::format("{}", fmt::join(allowed, ", "))));
    }
    ind.unit = *unit;
  }

  // groups: default all groups of the site.
  std::vector<std::string> site_groups = ids_of(site.groups);
  if (const nlohmann::json* groups = root.raw("groups", false)) {
    // An empty list is allowed: the indicator is about all respondents (or, for a
    // series, about no respondents at all), with an empty group column in the values.
    if (!groups->is_array()) {
      diag.error(root.pos("groups"), msg::groups_lijst());
    } else {
      for (std::size_t i = 0; i < groups->size(); ++i) {
        const auto& g = (*groups)[i];
        SourcePos pos = doc.at(root.pointer("groups") + "/" + std::to_string(i));
        if (!g.is_string()) {
          diag.error(pos, msg::groep_tekst());
        } else if (std::find(site_groups.begin(), site_groups.end(), g.get<std::string>()) ==
                   site_groups.end()) {
          diag.error(pos, msg::groep_onbekend(g.get<std::string>(), did_you_mean(g.get<std::string>(), site_groups),
                                                 fmt::format("{}", fmt::join(site_groups, ", "))));
        } else {
          ind.groups.push_back(g.get<std::string>());
        }
      }
    }
  } else {
    ind.groups = site_groups;
  }

  if (const nlohmann::json* cats = root.raw("categories", type_ok && needs_categories(ind.type))) {
    if (!cats->is_array() || cats->empty()) {
      diag.error(root.pos("categories"),
                 msg::categories_lijst());
    } else {
      std::set<std::string> ids;
      for (std::size_t i = 0; i < cats->size(); ++i) {
        JsonObject item(doc, root.pointer("categories") + "/" + std::to_string(i), diag);
        if (!item.ok()) continue;
        auto id = item.string("id", true);
        auto label = item.string("label", true);
        if (id && !is_id(*id)) {
          diag.error(item.pos("id"), id_problem(msg::wat_categorie_id(), *id));
        } else if (id && !ids.insert(*id).second) {
          diag.error(item.pos("id"), msg::categorie_dubbel(*id));
        }
        item.finish();
        if (id && label) ind.categories.push_back({*id, *label});
      }
    }
  }

  if (const nlohmann::json* corners = root.raw("corners", type_ok && ind.type == IndicatorType::kTriad)) {
    bool good = corners->is_array() && corners->size() == 3;
    for (std::size_t i = 0; good && i < 3; ++i) good = (*corners)[i].is_string();
    if (!good) {
      diag.error(root.pos("corners"), msg::corners_lijst());
    } else {
      for (const auto& c : *corners) ind.corners.push_back(c.get<std::string>());
    }
  }

  if (auto multiple = root.boolean("multiple")) {
    ind.multiple = *multiple;
    if (type_ok && ind.type != IndicatorType::kChoice) {
      diag.warning(root.pos("multiple"), msg::multiple_alleen_choice());
    }
  }

  if (const nlohmann::json* positive = root.raw("positive", false)) {
    if (!positive->is_array()) {
      diag.error(root.pos("positive"), msg::positive_lijst());
    } else {
      for (std::size_t i = 0; i < positive->size(); ++i) {
        const auto& p = (*positive)[i];
        SourcePos pos = doc.at(root.pointer("positive") + "/" + std::to_string(i));
        if (!p.is_string() || ind.category_index(p.get<std::string>()) < 0) {
          std::vector<std::string> ids;
          for (const auto& c : ind.categories) ids.push_back(c.id);
          diag.error(pos, msg::positief_onbekend(p.dump(), p.is_string() ? did_you_mean(p.get<std::string>(), ids) : msg::Text()));
        } else {
          ind.positive.push_back(p.get<std::string>());
        }
      }
    }
  }
  if (!ind.headline.empty() && ind.positive.empty()) {
    diag.error(root.pos("headline"), msg::headline_zonder_positive());
  }

  if (const nlohmann::json* gq = root.raw("group_questions", false)) {
    if (!gq->is_object()) {
      diag.error(root.pos("group_questions"),
                 msg::group_questions_object());
    } else {
      for (auto it = gq->begin(); it != gq->end(); ++it) {
        SourcePos pos = doc.at(root.pointer("group_questions") + "/" + load::pointer_token(it.key()));
        if (std::find(ind.groups.begin(), ind.groups.end(), it.key()) == ind.groups.end()) {
          diag.error(pos, msg::groepsvraag_onbekend(it.key(), did_you_mean(it.key(), ind.groups)));
        } else if (!it.value().is_string()) {
          diag.error(pos, msg::groepsvraag_tekst());
        } else {
          ind.group_questions[it.key()] = it.value().get<std::string>();
        }
      }
    }
  }
  if (auto ref = root.string("reference_group", false)) {
    if (std::find(ind.groups.begin(), ind.groups.end(), *ref) == ind.groups.end()) {
      diag.error(root.pos("reference_group"),
                 msg::referentiegroep_onbekend(*ref, did_you_mean(*ref, ind.groups)));
    } else if (type_ok && ind.type != IndicatorType::kLikert && ind.type != IndicatorType::kChoice) {
      diag.error(root.pos("reference_group"),
                 msg::referentiegroep_type());
    } else {
      ind.reference_group = *ref;
    }
  }
  root.finish();
  if (diag.error_count() != errors_before) return std::nullopt;
  return ind;
}

}  // namespace duiding::validate

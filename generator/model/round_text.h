// Round-aware text: `{{ronde}}`, `{{n.gezinnen}}` and the other round facts a text of the
// source may use, per-round texts of an indicator, and which round an indicator has
// figures for (docs/data-format.md, "Round-aware text" and "Completeness").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "model/model.h"

namespace duiding::model {

/// A `{{name}}` found in a text: its name (spaces trimmed) and the byte offset of `{{`.
/// `closed` is false for a `{{` without `}}`.
struct Placeholder {
  std::string name;
  std::size_t offset = 0;
  bool closed = true;
};

/// Every `{{...}}` of `text`, in order.
std::vector<Placeholder> placeholders(const std::string& text);

/// What is wrong with `name` as a variable of a text of `m` (groups and indicators must
/// already be known), or empty when it is one.
msg::Text variable_problem(const Model& m, const std::string& name);

/// The value of variable `name` in round `round`; nullopt, with `why` saying what the
/// source does not give, when it has none. Never an invented number.
std::optional<std::string> variable_value(const Model& m, const std::string& name, const std::string& round,
                                          msg::Text* why = nullptr);

/// `text` with every variable replaced by its value in `round` (one without a value
/// stays as written; check_variables() has refused those).
std::string fill(const Model& m, const std::string& text, const std::string& round);

/// True when the source gives figures of `ind` for `round`: values, triad points, or
/// (for an indicator described only in words) a data_note for that round: a per-round
/// entry, or a plain one when the indicator never has figures.
/// Series indicators count years, not rounds: they are never "not measured".
bool reported_in(const Model& m, const Indicator& ind, const std::string& round);
/// The last round up to and including `round` with figures of `ind`, or nullptr.
const Round* latest_reported(const Model& m, const Indicator& ind, const std::string& round);
/// True when `ind` has figures in an earlier round but none in the current one: the
/// site then says it was not measured in the current round.
bool stale(const Model& m, const Indicator& ind);
/// The round whose texts the indicator page shows: the current round, or for a stale
/// indicator the last round with its figures.
std::string page_round(const Model& m, const Indicator& ind);

/// `ind` with its texts for `round`: per-round entries picked (a round without one has
/// no text; a source falls back to rounds.csv's `source`), variables filled in.
Indicator for_round(const Model& m, const Indicator& ind, const std::string& round);

/// Fills in every text of `m` as the site shows it: site.json and page texts with the
/// current round, each indicator with its page round (the raw texts stay available to
/// for_round(), for the rapportage of another round).
void fill_texts(Model& m);

/// Every variable of m.text_variables must have a value in each round its text is shown
/// for; each that has none is an error at its place.
void check_variables(const Model& m, diag::Diagnostics& diag);

/// The Dutch spelling of a number in text: whole numbers as digits, others with a
/// decimal comma.
std::string text_number(double v);

}  // namespace duiding::model

// Rules that need several values at once: shares that add up, counts within their n, a
// question's n within its sample. Each rule is documented in docs/data-format.md
// ("Values that add up").
#include <fmt/format.h>

#include <cmath>
#include <map>

#include "diag/messages.h"
#include "validate/validate.h"

namespace duiding::validate {
namespace {

using model::IndicatorType;

// One distribution: the values of one round, indicator, group and breakdown.
struct Cell {
  const model::Value* last = nullptr;  ///< where a sum's error is reported
  std::vector<const model::Value*> values;
  const model::Value* n = nullptr;
};

std::string key(const model::Value& v) {
  return v.round + '\n' + v.indicator + '\n' + v.group + '\n' + v.breakdown;
}

msg::Text where(const model::Value& v) {
  msg::Text s = msg::cel_indicator_ronde(v.indicator, v.round);
  if (!v.group.empty()) s = msg::cel_met_groep(s, v.group);
  if (!v.breakdown.empty()) s = msg::cel_met_uitsplitsing(s, v.breakdown);
  return s;
}

std::string terms(const std::vector<const model::Value*>& values) {
  std::vector<std::string> t;
  for (const auto* v : values) t.push_back(fmt::format("{:g}", v->value));
  return fmt::format("{}", fmt::join(t, " + "));
}

bool one_answer(const model::Indicator& ind) {
  return !ind.multiple && (ind.type == IndicatorType::kLikert || ind.type == IndicatorType::kChoice ||
                           ind.type == IndicatorType::kScale);
}

}  // namespace

void consistency(const model::Model& m, diag::Diagnostics& diag) {
  std::map<std::string, const model::Indicator*> indicators;
  for (const auto& ind : m.indicators) indicators[ind.id] = &ind;
  std::map<std::string, Cell> cells;
  std::vector<std::string> order;
  for (const auto& v : m.values) {
    auto it = indicators.find(v.indicator);
    if (it == indicators.end() || it->second->type == IndicatorType::kSeries) continue;
    auto [c, fresh] = cells.try_emplace(key(v));
    if (fresh) order.push_back(key(v));
    if (v.measure == "n") c->second.n = &v;
    else if (v.measure == "value") c->second.values.push_back(&v), c->second.last = &v;
  }
  for (const std::string& k : order) {
    const Cell& c = cells[k];
    if (c.values.empty() && !c.n) continue;
    const model::Value& first = c.values.empty() ? *c.n : *c.values.front();
    const model::Indicator& ind = *indicators.at(first.indicator);
    double sum = 0, largest = 0;
    for (const auto* v : c.values) sum += v->value, largest = std::max(largest, v->value);
    const std::size_t k_given = c.values.size();
    // Each published share is rounded: together they may exceed 100 by half a unit each.
    const double tolerance = 0.5 * static_cast<double>(k_given);
    // The n that applies: the question's own, else (overall figures) the sample's.
    std::optional<double> n;
    if (c.n) n = c.n->value;
    else if (first.breakdown.empty())
      if (const model::Sample* s = m.sample(first.round, first.group)) n = static_cast<double>(s->n);

    if (ind.unit == "percent" && one_answer(ind) && k_given >= 2) {
      if (largest <= 1 && sum > 0 && sum <= 1 + 0.005 * static_cast<double>(k_given)) {
        diag.error(c.last->pos, msg::aandelen_breuken(where(first), fmt::format("{:g}", sum), terms(c.values)));
      } else if (sum > 100 + tolerance) {
        diag.error(c.last->pos,
                   msg::aandelen_boven_100(where(first), fmt::format("{:g}", sum), terms(c.values),
                                          fmt::format("{:g}", 100 + tolerance), ind.id));
      }
    }
    // A multiple-answer count may count mentions (several per story): only the question's
    // own n bounds it.
    if (ind.unit == "count" && n && (one_answer(ind) || c.n)) {
      for (const auto* v : c.values)
        if (v->value > *n)
          diag.error(v->pos, msg::aantal_boven_n(fmt::format("{:g}", v->value), where(first), v->category, fmt::format("{:g}", *n)));
      if (one_answer(ind) && sum > *n)
        diag.error(c.last->pos, msg::aantallen_boven_n(where(first), fmt::format("{:g}", sum), terms(c.values), fmt::format("{:g}", *n),
                                                  ind.id));
    }
    if (c.n) {
      const model::Sample* s = m.sample(first.round, first.group);
      if (s && c.n->value > static_cast<double>(s->n))
        diag.error(c.n->pos, msg::n_boven_steekproef(fmt::format("{:g}", c.n->value), where(first), s->n));
      if (!first.breakdown.empty()) {
        std::string overall = first.round + '\n' + first.indicator + '\n' + first.group + '\n';
        auto it = cells.find(overall);
        if (it != cells.end() && it->second.n && c.n->value > it->second.n->value)
          diag.error(c.n->pos, msg::n_boven_groep(fmt::format("{:g}", c.n->value), where(first), fmt::format("{:g}", it->second.n->value)));
      }
    }
  }
  // A headline is read after the group: "44 % van de medewerkers <headline>".
  auto lower = [](std::string t) {
    for (auto& ch : t) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return t;
  };
  for (const auto& ind : m.indicators) {
    const std::string headline = lower(ind.headline);
    for (const auto& id : ind.groups) {
      const model::Group* g = m.group(id);
      if (g == nullptr) continue;
      const std::string label = lower(g->label);
      const std::string word = label.substr(0, label.find_first_of(" ("));
      if (headline.rfind("van de ", 0) == 0 || headline.find("van de " + word) != std::string::npos) {
        diag.error(ind.pos, msg::kop_herhaalt_groep(ind.headline, word));
        break;
      }
    }
  }
}

std::optional<std::pair<int, int>> invalid_utf8(const std::string& text) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= text.size() && !(len == 2 && c < 0xC2);
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(text[i + k]) >> 6) == 0x2;
    if (ok && len == 3) {
      const auto c1 = static_cast<unsigned char>(text[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);  // overlong, surrogate
    }
    if (ok && len == 4) {
      const auto c1 = static_cast<unsigned char>(text[i + 1]);
      ok = c <= 0xF4 && !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
    }
    if (!ok) return std::pair{line, column};
    if (c == '\n') ++line, column = 1;
    else ++column;
    i += len;
  }
  return std::nullopt;
}

}  // namespace duiding::validate

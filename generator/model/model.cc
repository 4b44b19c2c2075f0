#include "model/model.h"

namespace duiding::model {

const std::string& Indicator::category_label(const std::string& id) const {
  for (const Category& c : categories)
    if (c.id == id) return c.label;
  return id;
}

int Indicator::category_index(const std::string& id) const {
  for (std::size_t i = 0; i < categories.size(); ++i)
    if (categories[i].id == id) return static_cast<int>(i);
  return -1;
}

const std::string& Indicator::question_for(const std::string& group) const {
  auto it = group_questions.find(group);
  return it != group_questions.end() ? it->second : question;
}

namespace {

// The item of `items` whose key (key_of) is `key`: first at the position the table gives,
// checked; otherwise searched from start to end.
template <class T, class KeyOf>
const T* find(const std::vector<T>& items, const std::unordered_map<std::string, std::size_t>& table,
              const std::string& key, KeyOf key_of) {
  if (auto it = table.find(key); it != table.end() && it->second < items.size() && key_of(items[it->second]) == key)
    return &items[it->second];
  for (const T& item : items)
    if (key_of(item) == key) return &item;
  return nullptr;
}

template <class T, class KeyOf>
std::unordered_map<std::string, std::size_t> positions_of(const std::vector<T>& items, KeyOf key_of) {
  std::unordered_map<std::string, std::size_t> table;
  table.reserve(items.size());
  // The first of two equal ids wins, as in a search from the start.
  for (std::size_t i = 0; i < items.size(); ++i) table.emplace(key_of(items[i]), i);
  return table;
}

std::string sample_key(const std::string& round, const std::string& group) { return round + '\n' + group; }
std::string key_of_sample(const Sample& s) { return sample_key(s.round, s.group); }

}  // namespace

void Model::index() {
  positions.indicators = positions_of(indicators, [](const Indicator& i) -> const std::string& { return i.id; });
  positions.rounds = positions_of(rounds, [](const Round& r) -> const std::string& { return r.id; });
  positions.groups = positions_of(site.groups, [](const Group& g) -> const std::string& { return g.id; });
  positions.samples = positions_of(samples, key_of_sample);
  auto& figures = positions.figures;
  figures.clear();
  figures.reserve(2 * (values.size() + points.size()) / 8 + indicators.size() * (rounds.size() + 1));
  auto add = [&figures](const std::string& indicator, const std::string& round, std::size_t at) {
    figures.emplace(indicator + '\n' + round, at);  // the first one stays
    figures.emplace(indicator + '\n', at);
  };
  for (std::size_t i = 0; i < values.size(); ++i) add(values[i].indicator, values[i].round, i);
  for (std::size_t i = 0; i < points.size(); ++i) add(points[i].indicator, points[i].round, values.size() + i);
  positions.values_at = values.size();
  positions.points_at = points.size();
  positions.figures_made = true;
}

bool Model::has_figure(const std::string& id, const std::string& round) const {
  auto matches = [&](const std::string& indicator, const std::string& r) {
    return indicator == id && (round.empty() || r == round);
  };
  const bool same = positions.figures_made && positions.values_at == values.size() && positions.points_at == points.size();
  if (same) {
    auto it = positions.figures.find(id + '\n' + round);
    if (it == positions.figures.end()) return false;
    const std::size_t at = it->second;
    if (at < values.size() ? matches(values[at].indicator, values[at].round)
                           : matches(points[at - values.size()].indicator, points[at - values.size()].round))
      return true;
  }
  // Never indexed, or changed since: searched from start to end.
  for (const auto& v : values)
    if (matches(v.indicator, v.round)) return true;
  for (const auto& p : points)
    if (matches(p.indicator, p.round)) return true;
  return false;
}

const Indicator* Model::indicator(const std::string& id) const {
  return find(indicators, positions.indicators, id, [](const Indicator& i) -> const std::string& { return i.id; });
}

const Group* Model::group(const std::string& id) const {
  return find(site.groups, positions.groups, id, [](const Group& g) -> const std::string& { return g.id; });
}

const Round* Model::round(const std::string& id) const {
  return find(rounds, positions.rounds, id, [](const Round& r) -> const std::string& { return r.id; });
}

const char* design_id(Design d) {
  switch (d) {
    case Design::kSelfSelected: return "self-selected";
    case Design::kRandom: return "random";
    case Design::kCensus: return "census";
  }
  return "";
}

const Sample* Model::sample(const std::string& round, const std::string& group) const {
  if (auto it = positions.samples.find(sample_key(round, group));
      it != positions.samples.end() && it->second < samples.size()) {
    const Sample& s = samples[it->second];
    if (s.round == round && s.group == group) return &s;
  }
  for (const Sample& s : samples)
    if (s.round == round && s.group == group) return &s;
  return nullptr;
}

std::string Model::group_label(const std::string& id) const {
  if (id.empty()) return "Alle respondenten";
  const Group* g = group(id);
  return g ? g->label : id;
}

const Round* Model::current_round() const { return rounds.empty() ? nullptr : &rounds.back(); }

const char* type_name(IndicatorType t) {
  switch (t) {
    case IndicatorType::kLikert: return "likert";
    case IndicatorType::kChoice: return "choice";
    case IndicatorType::kScale: return "scale";
    case IndicatorType::kAspects: return "aspects";
    case IndicatorType::kTriad: return "triad";
    case IndicatorType::kSeries: return "series";
  }
  return "?";
}

const std::vector<TokenPackage>& token_packages() {
  static const std::vector<TokenPackage> kPackages = {
      {"utrecht", "@utrecht/design-tokens", "assets/vendor/themes/utrecht.css", "utrecht-theme"},
      {"voorbeeld", "@nl-design-system-unstable/voorbeeld-design-tokens", "assets/vendor/themes/voorbeeld.css",
       "voorbeeld-theme"},
  };
  return kPackages;
}

const TokenPackage* token_package(const std::string& name) {
  for (const auto& p : token_packages())
    if (name == p.name) return &p;
  return nullptr;
}

std::string cell_key(const std::string& round, const std::string& indicator, const std::string& group,
                     const std::string& breakdown, const std::string& category, const std::string& measure) {
  return round + '\n' + indicator + '\n' + group + '\n' + breakdown + '\n' + category + '\n' + measure;
}

}  // namespace duiding::model

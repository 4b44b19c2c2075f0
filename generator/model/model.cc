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

const Group* Model::group(const std::string& id) const {
  for (const Group& g : site.groups)
    if (g.id == id) return &g;
  return nullptr;
}

const Round* Model::round(const std::string& id) const {
  for (const Round& r : rounds)
    if (r.id == id) return &r;
  return nullptr;
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

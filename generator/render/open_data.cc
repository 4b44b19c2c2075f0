#include "render/open_data.h"

#include <fmt/format.h>

#include <map>
#include <string_view>
#include <vector>

#include "text/site_text.h"
#include "render/tables.h"

namespace duiding::render {

std::string all_values_csv(const model::Model& m) {
  // The per-indicator downloads one after the other (same columns, same numbers).
  // The values of each indicator gathered in one pass (in file order), not one pass per indicator.
  std::map<std::string_view, std::vector<const model::Value*>> by_indicator;
  for (const auto& v : m.values) by_indicator[v.indicator].push_back(&v);
  std::string out = "round,indicator,group,breakdown,category,measure,value,note\n";
  for (const auto& ind : m.indicators) {
    auto it = by_indicator.find(ind.id);
    if (it == by_indicator.end()) continue;
    std::string csv = values_csv(m, ind, it->second);
    out += csv.substr(csv.find('\n') + 1);
  }
  return out;
}

std::string samples_csv(const model::Model& m) {
  std::string out = "round,group,n,population\n";
  for (const auto& s : m.samples)
    out += fmt::format("{},{},{},{}\n", s.round, s.group, s.n,
                       s.population ? std::to_string(*s.population) : "");
  return out;
}

std::vector<OpenDataFile> open_data_files(const model::Model& m) {
  std::vector<OpenDataFile> files = {{kOpenDataValues, txt::open_data_cijfers()},
                                     {kOpenDataSamples, txt::open_data_steekproeven()}};
  if (!m.points.empty()) files.push_back({kOpenDataPoints, txt::open_data_driehoek()});
  return files;
}

std::vector<DataFile> open_data(const model::Model& m) {
  std::vector<DataFile> files = {{kOpenDataValues, "open-data", all_values_csv(m)},
                                 {kOpenDataSamples, "open-data", samples_csv(m)}};
  if (m.points.empty()) return files;
  std::string points = "round,indicator,group,a,b,c\n";
  for (const auto& p : m.points)
    points += fmt::format("{},{},{},{},{},{}\n", p.round, p.indicator, p.group, p.a, p.b, p.c);
  files.push_back({kOpenDataPoints, "open-data", points});
  return files;
}

}  // namespace duiding::render

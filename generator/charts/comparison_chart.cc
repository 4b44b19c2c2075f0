#include "charts/comparison_chart.h"

#include "charts/vega_lite.h"
#include "render/format.h"

namespace duiding::charts {
namespace {

using nlohmann::json;

constexpr const char* kSchema = "https://vega.github.io/schema/vega-lite/v6.json";
constexpr const char* kPoint = "#1f5f8b";  // 7:1 on white
constexpr const char* kRule = "#4d4d4d";   // 3:1 or more on white
constexpr const char* kInk = "#1a1a1a";

}  // namespace

std::string share_rounds_summary(const model::Model& m, const model::Indicator& ind,
                                 const stats::ShareComparison& c) {
  std::string s = m.group_label(c.group) + ", " + render::lower_first(ind.headline.empty() ? "aandeel positieve antwoorden" : ind.headline) + ", per meting:";
  bool first = true;
  for (const auto& r : c.rounds) {
    s += first ? " " : "; ";
    first = false;
    s += r.round_label + " " + render::percent(r.percent);
    if (r.estimate && r.estimate->computable)
      s += " (95%-interval " + render::percent(r.estimate->ci.low * 100) + " tot " + render::percent(r.estimate->ci.high * 100) + ")";
  }
  return s + ".";
}

json share_rounds_spec(const model::Model& m, const model::Indicator& ind, const stats::ShareComparison& c) {
  json values = json::array();
  std::vector<std::string> order;
  for (const auto& r : c.rounds) {
    json v = {{"meting", r.round_label}, {"aandeel", r.percent}, {"tekst", render::percent(r.percent)}};
    if (r.estimate && r.estimate->computable) {
      v["onder"] = r.estimate->ci.low * 100;
      v["boven"] = r.estimate->ci.high * 100;
      v["interval"] = render::percent(r.estimate->ci.low * 100) + " tot " + render::percent(r.estimate->ci.high * 100);
    } else {
      v["interval"] = "niet te berekenen (n onbekend)";
    }
    values.push_back(v);
    order.push_back(r.round_label);
  }
  json x = {{"field", "meting"}, {"type", "ordinal"}, {"title", "Meting"}, {"sort", order}, {"axis", {{"labelAngle", 0}, {"labelLimit", 300}}}};
  json y = {{"field", "aandeel"}, {"type", "quantitative"}, {"title", "Percentage"}, {"scale", {{"domain", {0, 100}}}}};
  json tooltip = {{{"field", "meting"}, {"title", "Meting"}},
                  {{"field", "tekst"}, {"title", "Aandeel"}},
                  {{"field", "interval"}, {"title", "95%-interval"}}};
  return {{"$schema", kSchema},
          {"description", share_rounds_summary(m, ind, c)},
          {"width", "container"},
          {"height", 240},
          {"config", base_config()},
          {"data", {{"values", values}}},
          {"layer",
           json::array({
               {{"mark", {{"type", "rule"}, {"color", kRule}, {"strokeWidth", 2}}},
                {"encoding", {{"x", x}, {"y", {{"field", "onder"}, {"type", "quantitative"}, {"title", "Percentage"}}}, {"y2", {{"field", "boven"}}}}}},
               {{"mark", {{"type", "point"}, {"filled", true}, {"size", 90}, {"color", kPoint}}},
                {"encoding", {{"x", x}, {"y", y}, {"tooltip", tooltip}}}},
               {{"mark", {{"type", "text"}, {"align", "left"}, {"dx", 10}, {"color", kInk}}},
                {"encoding", {{"x", x}, {"y", y}, {"text", {{"field", "tekst"}}}}}},
           })}};
}

}  // namespace duiding::charts

#include "charts/comparison_chart.h"

#include <algorithm>

#include "charts/vega_lite.h"
#include "text/format.h"
#include "text/site_text.h"

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
  std::string s = txt::samenvatting_per_meting(
      m.group_label(c.group), text::lower_first(ind.headline.empty() ? txt::aandeel_positieve_antwoorden() : ind.headline));
  bool first = true;
  for (const auto& r : c.rounds) {
    s += first ? " " : "; ";
    first = false;
    s += r.round_label + " " + text::percent(r.percent);
    if (r.estimate && r.estimate->computable)
      s += " " + txt::interval_van_tot(text::percent(r.estimate->ci.low * 100), text::percent(r.estimate->ci.high * 100));
  }
  return s + ".";
}

json share_rounds_spec(const model::Model& m, const model::Indicator& ind, const stats::ShareComparison& c) {
  json values = json::array();
  std::vector<std::string> order;
  for (const auto& r : c.rounds) {
    json v = {{"meting", r.round_label}, {"aandeel", r.percent}, {"tekst", text::percent(r.percent)}};
    if (r.estimate && r.estimate->computable) {
      v["onder"] = r.estimate->ci.low * 100;
      v["boven"] = r.estimate->ci.high * 100;
      v["interval"] = txt::interval_tot(text::percent(r.estimate->ci.low * 100), text::percent(r.estimate->ci.high * 100));
    } else {
      v["interval"] = txt::niet_te_berekenen_n_onbekend();
    }
    values.push_back(v);
    order.push_back(r.round_label);
  }
  // The rounds one below the other, their labels on the left: on a phone a label wraps
  // onto a second line instead of running into the next round's.
  json y = {{"field", "meting"}, {"type", "ordinal"}, {"title", nullptr}, {"sort", order}};
  const std::size_t lines = wrap_labels(y["axis"], order, kAxisWrap);
  if (lines > 1) y["axis"]["labelOffset"] = -7.5 * static_cast<double>(lines - 1);
  json x = {{"field", "aandeel"}, {"type", "quantitative"}, {"title", "Percentage"}, {"scale", {{"domain", {0, 100}}}}};
  json tooltip = {{{"field", "meting"}, {"title", "Meting"}},
                  {{"field", "tekst"}, {"title", "Aandeel"}},
                  {{"field", "interval"}, {"title", "95%-interval"}}};
  const double step = std::max(44.0, 15.0 * static_cast<double>(lines) + 14);
  return {{"$schema", kSchema},
          {"description", share_rounds_summary(m, ind, c)},
          {"width", "container"},
          {"height", static_cast<int>(step * static_cast<double>(order.size()))},
          {"config", base_config()},
          {"data", {{"values", values}}},
          {"layer",
           json::array({
               {{"mark", {{"type", "rule"}, {"color", kRule}, {"strokeWidth", 2}}},
                {"encoding", {{"y", y}, {"x", {{"field", "onder"}, {"type", "quantitative"}, {"title", "Percentage"}}}, {"x2", {{"field", "boven"}}}}}},
               {{"mark", {{"type", "point"}, {"filled", true}, {"size", 90}, {"color", kPoint}}},
                {"encoding", {{"y", y}, {"x", x}, {"tooltip", tooltip}}}},
               // The share above its point, clear of the interval's line.
               {{"mark", {{"type", "text"}, {"align", "center"}, {"baseline", "bottom"}, {"dy", -8}, {"color", kInk}}},
                {"encoding", {{"y", y}, {"x", x}, {"text", {{"field", "tekst"}}}}}},
           })}};
}

}  // namespace duiding::charts

#include "charts/vega_lite.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "charts/chart_rows.h"
#include "charts/svg_scale.h"
#include "text/format.h"
#include "text/site_text.h"

namespace duiding::charts {
namespace {

using nlohmann::json;
using stats::ChartKind;
using stats::Row;
using rows::distinct;
using rows::series_of;
using rows::shown;

constexpr const char* kSchema = "https://vega.github.io/schema/vega-lite/v6.json";
constexpr const char* kInk = "#1a1a1a";
constexpr const char* kBar = "#1f5f8b";       // 7:1 on white
constexpr const char* kOutline = "#4d4d4d";   // segment borders, 3:1 or more on white
constexpr const char* kHighlight = "#b3186b";  // the mean
constexpr const char* kFont = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

constexpr double kLine = 15;  // Vega's line height of a 13 px label

// Wraps the long labels of discrete axis `enc` (its labels `labels`) and centres a label of
// several lines on its band (Vega draws the first line there and the rest below).
// Returns the most lines a label takes.
std::size_t wrap_axis(json& enc, const std::vector<std::string>& labels) {
  json axis = enc.value("axis", json());
  const std::size_t lines = wrap_labels(axis, labels, kAxisWrap);
  if (lines > 1) {
    axis["labelOffset"] = -kLine * static_cast<double>(lines - 1) / 2;
    enc["axis"] = axis;
  }
  return lines;
}

json frame(const model::Model& m, const model::Indicator& ind, const stats::ChartData& c) {
  return {{"$schema", kSchema},
          {"description", summary_text(m, ind, c)},
          {"width", "container"},
          {"config", base_config()}};
}


// The stories behind a chart's rows: their count and link in each data value, the link
// on the marks (Vega-Lite's href channel) and the count in the tooltip. Does nothing for
// a chart none of whose rows has stories, so such a spec stays as it was.
class StoryFields {
 public:
  StoryFields(const stats::StoryLinks* links, const model::Indicator& ind, const stats::ChartData& c)
      : links_(links), ind_(ind), c_(c) {
    if (links_ == nullptr) return;
    for (const Row& r : c.rows) any_ = any_ || links_->index.behind(ind, c, r) != nullptr;
  }

  bool any() const { return any_; }

  /// Adds `verhalen`, `verhalen_tekst` and `verhalen_url` to `datum`, and `omschrijving`:
  /// what a screen reader says for the mark, `what` and the number of stories (else it
  /// would read out every field, the link included). Without stories the link is "":
  /// Vega-Lite turns the field into text, so null would become a link to "null".
  void add(json& datum, const Row& r, const std::string& what) const {
    if (!any_) return;
    const stats::Segment* seg = links_->index.behind(ind_, c_, r);
    std::size_t n = seg ? seg->quotes.size() : 0;
    datum["verhalen"] = n;
    datum["verhalen_tekst"] = n == 0 ? std::string("geen") : stats::stories_text(n);
    datum["verhalen_url"] = seg ? links_->root + stats::StoryIndex::url(seg->key) : std::string();
    datum["omschrijving"] = what + (n == 0 ? "" : "; " + stats::stories_text(n));
  }

  /// Links the marks of `encoding` to the stories; with `tooltip`, adds the count to it.
  void encode(json& encoding, bool tooltip) const {
    if (!any_) return;
    encoding["href"] = {{"field", "verhalen_url"}};
    encoding["description"] = {{"field", "omschrijving"}};
    if (tooltip && encoding.contains("tooltip"))
      encoding["tooltip"].push_back({{"field", "verhalen_tekst"}, {"title", txt::verhalen_kop()}});
  }

 private:
  const stats::StoryLinks* links_;
  const model::Indicator& ind_;
  const stats::ChartData& c_;
  bool any_ = false;
};

// Per series (round or breakdown level), the width of each gap of a category that is not
// given: what the given shares leave of 100, shared equally by the categories not given
// (0 when the given shares already reach 100). The split is not a claim about the
// answers: the gaps carry no number, only "niet gegeven".
std::map<std::string, double> gap_widths(const stats::ChartData& c) {
  std::map<std::string, double> given, missing;
  for (const Row& r : c.rows) {
    const std::string row = series_of(c, r);
    if (!r.given) missing[row] += 1;
    else if (r.share) given[row] += *r.share;
  }
  std::map<std::string, double> out;
  for (const auto& [row, k] : missing) out[row] = std::max(0.0, 100.0 - given[row]) / k;
  return out;
}

json likert(const model::Model& m, const model::Indicator& ind, const stats::ChartData& c, const stats::StoryLinks* links) {
  json s = frame(m, ind, c);
  StoryFields stories(links, ind, c);
  std::vector<std::string> labels;
  for (const auto& cat : ind.categories) labels.push_back(cat.label);
  std::vector<std::string> colours = diverging_palette(labels.size());
  std::vector<std::string> rows = distinct(c, [&](const Row& r) { return series_of(c, r); });
  json values = json::array();
  json gaps = json::array();
  std::map<std::string, double> offset;
  const std::map<std::string, double> gap = gap_widths(c);
  for (const Row& r : c.rows) {
    std::string row = series_of(c, r);
    if (!r.given) {
      // A marked gap in the answer's own place: as wide as its share of what the given
      // answers leave over, dashed and white, labelled where it is wide enough.
      double from = offset[row];
      double to = from + gap.at(row);
      offset[row] = to;
      gaps.push_back({{"rij", row},
                      {"antwoord", r.label},
                      {"van", from},
                      {"tot", to},
                      {"midden", (from + to) / 2},
                      {"aandeel", nullptr},
                      {"aandeel_tekst", txt::niet_gegeven()},
                      {"tekst", to - from >= 12 ? txt::niet_gegeven() : to - from >= 4 ? txt::niet_gegeven_afkorting() : std::string()}});
      continue;
    }
    if (!r.share) continue;
    int index = ind.category_index(r.category);
    double from = offset[row];
    double to = from + *r.share;
    offset[row] = to;
    const std::string& colour = colours[static_cast<std::size_t>(std::max(index, 0))];
    values.push_back({{"rij", row},
                      {"antwoord", r.label},
                      {"aandeel", *r.share},
                      {"van", from},
                      {"tot", to},
                      {"midden", (from + to) / 2},
                      // A segment under 10 % is too narrow on a phone for its share (about 22 px of a
                      // 360 px drawing): the table and the tooltip give it.
                      {"tekst", *r.share >= 10 ? text::percent(*r.share, 0) : ""},
                      {"aandeel_tekst", text::percent(*r.share)},
                      {"tekstkleur", text_colour_on(colour)}});
    stories.add(values.back(), r, row + ", " + r.label + ": " + text::percent(*r.share));
  }
  json y = {{"field", "rij"}, {"type", "nominal"}, {"title", nullptr}, {"sort", rows}};
  json legend = {{"title", nullptr}, {"orient", "bottom"}, {"direction", "vertical"}};
  wrap_labels(legend, labels, kLegendWrap);
  const std::size_t lines = wrap_axis(y, rows);
  // A bar is as high as its label's lines.
  s["height"] = static_cast<int>((44 + kLine * static_cast<double>(lines > 2 ? lines - 2 : 0)) * static_cast<double>(rows.size())) + 16;
  s["data"] = {{"values", values}};
  s["layer"] = json::array({
      {{"mark", {{"type", "bar"}, {"stroke", kOutline}, {"strokeWidth", 0.75}}},
       {"encoding",
        {{"y", y},
         {"x",
          {{"field", "van"},
           {"type", "quantitative"},
           {"scale", {{"domain", {0, 100}}}},
           {"title", txt::percentage()}}},
         {"x2", {{"field", "tot"}}},
         {"color",
          {{"field", "antwoord"},
           {"type", "nominal"},
           {"sort", labels},
           {"scale", {{"domain", labels}, {"range", colours}}},
           {"legend", legend}}},
         {"tooltip",
          {{{"field", "rij"}, {"title", c.dimension.empty() ? txt::ronde() : c.dimension}},
           {{"field", "antwoord"}, {"title", txt::antwoord()}},
           {{"field", "aandeel_tekst"}, {"title", txt::aandeel()}}}}}}},
      {{"mark", {{"type", "text"}}},
       {"encoding",
        {{"y", y},
         {"x", {{"field", "midden"}, {"type", "quantitative"}}},
         {"text", {{"field", "tekst"}}},
         {"color", {{"field", "tekstkleur"}, {"type", "nominal"}, {"scale", nullptr}, {"legend", nullptr}}}}}},
  });
  stories.encode(s["layer"][0]["encoding"], true);
  stories.encode(s["layer"][1]["encoding"], false);
  if (!gaps.empty()) {
    json gap_x = s["layer"][0]["encoding"]["x"];
    s["layer"].push_back(
        {{"data", {{"values", gaps}}},
         {"mark", {{"type", "bar"}, {"fill", "#ffffff"}, {"stroke", kInk}, {"strokeWidth", 1.5}, {"strokeDash", {4, 3}}}},
         {"encoding",
          {{"y", y},
           {"x", gap_x},
           {"x2", {{"field", "tot"}}},
           {"tooltip",
            {{{"field", "rij"}, {"title", c.dimension.empty() ? txt::ronde() : c.dimension}},
             {{"field", "antwoord"}, {"title", txt::antwoord()}},
             {{"field", "aandeel_tekst"}, {"title", txt::aandeel()}}}}}}});
    s["layer"].push_back({{"data", {{"values", gaps}}},
                          {"mark", {{"type", "text"}, {"color", kInk}}},
                          {"encoding",
                           {{"y", y}, {"x", {{"field", "midden"}, {"type", "quantitative"}}}, {"text", {{"field", "tekst"}}}}}});
  }
  s["resolve"] = {{"scale", {{"color", "independent"}}}};
  return s;
}

// Bars sorted as the rows come (largest first), one bar per series when there are more.
json bars(const model::Model& m, const model::Indicator& ind, const stats::ChartData& c,
          bool use_share, const stats::StoryLinks* links) {
  json s = frame(m, ind, c);
  StoryFields stories(links, ind, c);
  std::vector<std::string> order = distinct(c, [](const Row& r) { return r.label; });
  std::vector<std::string> series = distinct(c, [&](const Row& r) { return series_of(c, r); });
  json values = json::array();
  json gaps = json::array();  // categories a series does not give: a label in their place
  double largest = 0;
  for (const Row& r : c.rows) {
    if (!r.given) {
      gaps.push_back({{"antwoord", r.label}, {"reeks", series_of(c, r)}, {"waarde", nullptr}, {"tekst", txt::niet_gegeven()}});
      continue;
    }
    double v = use_share ? r.share.value_or(r.value) : r.value;
    largest = std::max(largest, v);
    // Mentions read as a count of stories, never as a share of people.
    std::optional<long> n = c.mentions && r.share ? c.n_of(series_of(c, r)) : std::nullopt;
    std::string text = use_share ? text::percent(v) : shown(ind, r);
    if (n) text += " van " + text::number(static_cast<double>(*n));
    values.push_back({{"antwoord", r.label}, {"reeks", series_of(c, r)}, {"waarde", v}, {"tekst", text}});
    stories.add(values.back(), r, (series.size() > 1 ? series_of(c, r) + ", " : std::string()) + r.label + ": " +
                                      (c.mentions ? text::mentions(r.value, n) : text));
  }
  bool several = series.size() > 1;
  json y = {{"field", "antwoord"}, {"type", "nominal"}, {"title", nullptr}, {"sort", order}};
  // An answer's bars are at least as high as its label's lines.
  const double lines = static_cast<double>(wrap_axis(y, order));
  const double step = std::max(several ? static_cast<double>(series.size()) * 18 + 8 : 26, kLine * lines + 6);
  s["height"] = static_cast<int>(static_cast<double>(order.size()) * step) + 10;
  s["data"] = {{"values", values}};
  std::string unit = use_share ? "percent" : (ind.type == model::IndicatorType::kAspects ? "count" : ind.unit);
  json x = {{"field", "waarde"},
            {"type", "quantitative"},
            {"title", c.mentions ? txt::keer_genoemd_kop() : text::unit_title(unit, largest)},
            {"scale", {{"domainMin", 0}, {"nice", true}}}};
  if (unit == "percent" && largest <= 100) x["scale"] = {{"domain", {0, 100}}};
  json bar_enc = {{"y", y}, {"x", x},
                  {"tooltip",
                   {{{"field", "antwoord"}, {"title", txt::antwoord()}},
                    {{"field", "reeks"}, {"title", c.dimension.empty() ? txt::ronde() : c.dimension}},
                    {{"field", "tekst"}, {"title", txt::waarde()}}}}};
  json text_enc = {{"y", y}, {"x", {{"field", "waarde"}, {"type", "quantitative"}}}, {"text", {{"field", "tekst"}}}};
  json bar_mark = {{"type", "bar"}, {"stroke", kOutline}, {"strokeWidth", 0.75}};
  if (several) {
    static const std::vector<std::string> kBlues = {"#c6dbef", "#6baed6", "#2171b5", "#08306b"};
    std::vector<std::string> range;
    for (std::size_t i = 0; i < series.size(); ++i)
      range.push_back(kBlues[(kBlues.size() - series.size() % kBlues.size() + i) % kBlues.size()]);
    json offset = {{"field", "reeks"}, {"type", "nominal"}, {"sort", series}};
    bar_enc["yOffset"] = offset;
    text_enc["yOffset"] = offset;
    bar_enc["color"] = {{"field", "reeks"},
                        {"type", "nominal"},
                        {"sort", series},
                        {"scale", {{"domain", series}, {"range", range}}},
                        {"legend", {{"title", nullptr}, {"orient", "bottom"}, {"direction", "vertical"}}}};
    wrap_labels(bar_enc["color"]["legend"], series, kLegendWrap);
  } else {
    bar_mark["color"] = kBar;
  }
  stories.encode(bar_enc, true);
  stories.encode(text_enc, false);
  s["layer"] = json::array({{{"mark", bar_mark}, {"encoding", bar_enc}},
                            {{"mark", {{"type", "text"}, {"align", "left"}, {"dx", 4}, {"color", kInk}}},
                             {"encoding", text_enc}}});
  if (!gaps.empty()) {
    json gap_enc = {{"y", y}, {"x", {{"datum", 0}, {"type", "quantitative"}}}, {"text", {{"field", "tekst"}}}};
    if (several) gap_enc["yOffset"] = text_enc["yOffset"];
    s["layer"].push_back({{"data", {{"values", gaps}}},
                          {"mark", {{"type", "text"}, {"align", "left"}, {"dx", 4}, {"color", kInk}}},
                          {"encoding", gap_enc}});
  }
  return s;
}

json histogram(const model::Model& m, const model::Indicator& ind, const stats::ChartData& c,
               const stats::StoryLinks* links) {
  json s = frame(m, ind, c);
  StoryFields stories(links, ind, c);
  json values = json::array();
  double largest = 0;
  for (const Row& r : c.rows) {
    double bin = std::stod(r.category);
    largest = std::max(largest, r.value);
    values.push_back({{"score", bin}, {"van", bin - 4}, {"tot", bin + 4}, {"waarde", r.value}, {"tekst", shown(ind, r)}});
    stories.add(values.back(), r, "score " + r.category + ": " + shown(ind, r));
  }
  s["height"] = 240;
  json ticks = json::array();
  for (int t = 0; t <= 100; t += 10) ticks.push_back(t);
  json x = {{"field", "van"},
            {"type", "quantitative"},
            {"scale", {{"domain", {-5, 105}}, {"nice", false}}},
            {"axis", {{"values", ticks}, {"format", "d"}}},
            {"title", "Score (0-100)"}};
  json y = {{"field", "waarde"},
            {"type", "quantitative"},
            {"title", text::unit_title(ind.unit, largest)},
            {"scale", {{"domainMin", 0}}}};
  json layers = json::array();
  if (!c.rows.empty()) {
    json bin_enc = {{"x", x},
                    {"x2", {{"field", "tot"}}},
                    {"y", y},
                    {"y2", {{"datum", 0}}},
                    {"tooltip", {{{"field", "score"}, {"title", txt::score()}}, {{"field", "tekst"}, {"title", txt::waarde()}}}}};
    json label_enc = {{"x", {{"field", "score"}, {"type", "quantitative"}}}, {"y", y}, {"text", {{"field", "tekst"}}}};
    stories.encode(bin_enc, true);
    stories.encode(label_enc, false);
    layers.push_back({{"data", {{"values", values}}},
                      {"mark", {{"type", "bar"}, {"color", kBar}}},
                      {"encoding", bin_enc}});
    layers.push_back({{"data", {{"values", values}}},
                      {"mark", {{"type", "text"}, {"dy", -8}, {"color", kInk}}},
                      {"encoding", label_enc}});
  }
  if (c.mean) {
    json mean = {{{"gemiddelde", *c.mean}, {"tekst", "gemiddelde " + text::number(*c.mean, 1)}}};
    json mx = {{"field", "gemiddelde"}, {"type", "quantitative"}};
    if (c.rows.empty()) mx = x, mx["field"] = "gemiddelde";
    layers.push_back({{"data", {{"values", mean}}},
                      {"mark", {{"type", "rule"}, {"color", kHighlight}, {"strokeWidth", 3}, {"strokeDash", {6, 3}}}},
                      {"encoding", {{"x", mx}}}});
    layers.push_back({{"data", {{"values", mean}}},
                      {"mark", {{"type", "text"}, {"align", "left"}, {"dx", 5}, {"baseline", "top"}, {"y", 4}, {"color", kHighlight}, {"fontWeight", "bold"}}},
                      {"encoding", {{"x", {{"field", "gemiddelde"}, {"type", "quantitative"}}}, {"text", {{"field", "tekst"}}}}}});
  }
  s["layer"] = layers;
  return s;
}

json scatter(const model::Model& m, const model::Indicator& ind, const stats::ChartData& c,
             const stats::StoryLinks* links) {
  json s = frame(m, ind, c);
  StoryFields stories(links, ind, c);
  std::map<std::string, json> points;
  for (const Row& r : c.rows) {
    json& p = points[r.category];
    stories.add(p, r, r.label);
    p["aspect"] = r.label;
    p["volgorde"] = ind.category_index(r.category);
    p[r.measure == "count" ? "gekozen" : r.measure == "importance" ? "belang" : "ervaring"] = r.value;
  }
  json values = json::array();
  for (auto& [id, p] : points)
    if (p.contains("gekozen") && p.contains("belang") && p.contains("ervaring")) values.push_back(p);
  std::sort(values.begin(), values.end(), [](const json& a, const json& b) { return a["volgorde"] < b["volgorde"]; });
  s["height"] = 340;
  s["data"] = {{"values", values}};
  json x = {{"field", "belang"}, {"type", "quantitative"}, {"title", txt::gemiddeld_belang()}, {"scale", {{"zero", false}, {"nice", true}}}};
  json y = {{"field", "ervaring"}, {"type", "quantitative"}, {"title", txt::gemiddelde_ervaring()}, {"scale", {{"zero", false}, {"nice", true}}}};
  s["layer"] = json::array({
      {{"mark", {{"type", "circle"}, {"color", kBar}, {"opacity", 0.8}, {"stroke", kInk}, {"strokeWidth", 0.75}}},
       {"encoding",
        {{"x", x}, {"y", y},
         {"size", {{"field", "gekozen"}, {"type", "quantitative"}, {"title", txt::keren_gekozen()}, {"legend", {{"orient", "bottom"}}}}},
         {"tooltip", {{{"field", "aspect"}, {"title", txt::aspect()}}, {{"field", "gekozen"}, {"title", txt::keren_gekozen()}},
                      {{"field", "belang"}, {"title", txt::belang()}}, {{"field", "ervaring"}, {"title", txt::ervaring()}}}}}}},
      {{"mark", {{"type", "text"}, {"align", "left"}, {"dx", 9}, {"color", kInk}}},
       {"encoding", {{"x", x}, {"y", y}, {"text", {{"field", "aspect"}}}}}},
  });
  stories.encode(s["layer"][0]["encoding"], true);
  stories.encode(s["layer"][1]["encoding"], false);
  return s;
}

json triad(const model::Model& m, const model::Indicator& ind, const stats::ChartData& c) {
  json s = frame(m, ind, c);
  const double h = std::sqrt(3.0) / 2;
  auto xy = [&](double /*a*/, double b, double cc) { return std::pair<double, double>{b + cc / 2, cc * h}; };
  // A fixed size keeps the triangle equilateral; 420 px still fits a phone in portrait.
  s["width"] = 420;
  s["height"] = 400;
  json x = {{"field", "x"}, {"type", "quantitative"}, {"axis", nullptr}, {"scale", {{"domain", {-0.02, 1.02}}}}};
  json y = {{"field", "y"}, {"type", "quantitative"}, {"axis", nullptr}, {"scale", {{"domain", {-0.1, 0.93}}}}};
  json outline = json::array();
  const double corners[4][2] = {{0, 0}, {1, 0}, {0.5, h}, {0, 0}};
  for (int i = 0; i < 4; ++i) outline.push_back({{"x", corners[i][0]}, {"y", corners[i][1]}, {"volgorde", i}});
  json labels = json::array({
      {{"x", 0}, {"y", -0.06}, {"hoek", ind.corners.at(0)}, {"uitlijning", "left"}},
      {{"x", 1}, {"y", -0.06}, {"hoek", ind.corners.at(1)}, {"uitlijning", "right"}},
      {{"x", 0.5}, {"y", h + 0.05}, {"hoek", ind.corners.at(2)}, {"uitlijning", "center"}},
  });
  json layers = json::array();
  layers.push_back({{"data", {{"values", outline}}},
                    {"mark", {{"type", "line"}, {"color", kOutline}, {"strokeWidth", 1.5}}},
                    {"encoding", {{"x", x}, {"y", y}, {"order", {{"field", "volgorde"}, {"type", "quantitative"}}}}}});
  for (const char* align : {"left", "right", "center"}) {
    json part = json::array();
    for (const auto& l : labels)
      if (l["uitlijning"] == align) part.push_back(l);
    layers.push_back({{"data", {{"values", part}}},
                      {"mark", {{"type", "text"}, {"align", align}, {"color", kInk}, {"limit", 205}, {"lineBreak", "\n"}}},
                      {"encoding", {{"x", x}, {"y", y}, {"text", {{"field", "hoek"}}}}}});
  }
  if (!c.points.empty()) {
    json pts = json::array();
    for (const auto& p : c.points) {
      auto [px, py] = xy(p.a, p.b, p.c);
      pts.push_back({{"x", px}, {"y", py}});
    }
    layers.push_back({{"data", {{"values", pts}}},
                      // Light fills show where answers pile up; the full-colour outline keeps each
                      // point 3:1 against the background (WCAG 1.4.11).
                      {"mark", {{"type", "circle"}, {"color", kBar}, {"opacity", 1}, {"fillOpacity", 0.35},
                                {"stroke", kBar}, {"strokeWidth", 1}, {"size", 40}}},
                      {"encoding", {{"x", x}, {"y", y}}}});
  }
  if (c.triad_mean) {
    auto [mx, my] = xy((*c.triad_mean)[0], (*c.triad_mean)[1], (*c.triad_mean)[2]);
    json mean = {{{"x", mx}, {"y", my}, {"tekst", "gemiddelde"}}};
    layers.push_back({{"data", {{"values", mean}}},
                      {"mark", {{"type", "point"}, {"shape", "diamond"}, {"filled", true}, {"size", 220},
                                {"color", kHighlight}, {"stroke", kInk}, {"strokeWidth", 1}}},
                      {"encoding", {{"x", x}, {"y", y}}}});
    layers.push_back({{"data", {{"values", mean}}},
                      {"mark", {{"type", "text"}, {"dx", 12}, {"align", "left"}, {"color", kHighlight}, {"fontWeight", "bold"}}},
                      {"encoding", {{"x", x}, {"y", y}, {"text", {{"field", "tekst"}}}}}});
  }
  s["layer"] = layers;
  return s;
}

json series(const model::Model& m, const model::Indicator& ind, const stats::ChartData& c) {
  json s = frame(m, ind, c);
  double largest = 0;
  for (const Row& r : c.rows) largest = std::max(largest, std::fabs(r.value));
  bool millions = ind.unit == "eur" && largest >= 1e6;
  json values = json::array();
  for (const Row& r : c.rows) {
    values.push_back({{"jaar", r.round}, {"waarde", millions ? r.value / 1e6 : r.value},
                      {"tekst", text::amount(r.value, ind.unit)}});
  }
  s["height"] = 260;
  s["data"] = {{"values", values}};
  json x = {{"field", "jaar"}, {"type", "ordinal"}, {"title", txt::jaar()}, {"axis", {{"labelAngle", 0}}}};
  json y = {{"field", "waarde"}, {"type", "quantitative"}, {"title", text::unit_title(ind.unit, largest)}, {"scale", {{"domainMin", 0}}}};
  s["layer"] = json::array({
      {{"mark", {{"type", "line"}, {"color", kBar}, {"strokeWidth", 2.5}, {"point", {{"filled", true}, {"size", 70}, {"color", kBar}}}}},
       {"encoding", {{"x", x}, {"y", y}, {"tooltip", {{{"field", "jaar"}, {"title", txt::jaar()}}, {{"field", "tekst"}, {"title", txt::waarde()}}}}}}},
      {{"mark", {{"type", "text"}, {"dy", -12}, {"color", kInk}}},
       {"encoding", {{"x", x}, {"y", y}, {"text", {{"field", "tekst"}}}}}},
  });
  return s;
}

}  // namespace

std::size_t wrap_labels(json& guide, const std::vector<std::string>& labels, double limit, double font_size) {
  const double at = svg::wrap_limit(labels, font_size, limit);
  auto quoted = [](const std::string& t) {
    std::string q = "'";
    for (char ch : t) q += ch == '\'' || ch == '\\' ? std::string("\\") + ch : std::string(1, ch);
    return q + "'";
  };
  std::string expr;
  std::size_t most = 1;
  for (const auto& label : labels) {
    const auto lines = svg::wrap(label, font_size, at);
    if (lines.size() < 2) continue;
    most = std::max(most, lines.size());
    std::string array;
    for (const auto& l : lines) array += (array.empty() ? "" : ", ") + quoted(l);
    expr += "datum.label == " + quoted(label) + " ? [" + array + "] : ";
  }
  if (most == 1) return 1;
  if (guide.is_null()) guide = json::object();
  guide["labelExpr"] = expr + "datum.label";
  guide["labelLimit"] = at;
  return most;
}

json base_config() {
  return {
      {"locale",
       {{"number",
         {{"decimal", ","}, {"thousands", "."}, {"grouping", {3}}, {"currency", {"€ ", ""}}}}}},
      {"font", kFont},
      {"axis",
       {{"labelFontSize", 13}, {"titleFontSize", 13}, {"labelColor", kInk}, {"titleColor", kInk},
        {"labelLimit", 280}, {"titleFontWeight", "normal"}}},
      {"legend",
       {{"labelFontSize", 13}, {"titleFontSize", 13}, {"labelColor", kInk}, {"titleColor", kInk},
        {"labelLimit", 320}}},
      {"text", {{"fontSize", 13}}},
      {"view", {{"stroke", nullptr}}},
  };
}

std::vector<std::string> diverging_palette(std::size_t n) {
  static const std::vector<std::vector<std::string>> kPuOr = {
      {"#998ec3"},
      {"#f1a340", "#998ec3"},
      {"#f1a340", "#f7f7f7", "#998ec3"},
      {"#e66101", "#fdb863", "#b2abd2", "#5e3c99"},
      {"#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99"},
      {"#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3", "#542788"},
      {"#b35806", "#f1a340", "#fee0b6", "#f7f7f7", "#d8daeb", "#998ec3", "#542788"},
  };
  if (n == 0) return {};
  if (n <= kPuOr.size()) return kPuOr[n - 1];
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(kPuOr.back()[i * 7 / n]);
  return out;
}

std::string text_colour_on(const std::string& background) {
  auto channel = [&](int i) {
    double c = std::stoi(background.substr(1 + 2 * i, 2), nullptr, 16) / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  double l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  // Contrast against white (1.05 / (l + 0.05)) versus against near-black.
  return (1.05 / (l + 0.05)) >= ((l + 0.05) / 0.0605) ? "#ffffff" : kInk;
}


json spec(const model::Model& m, const model::Indicator& ind, const stats::ChartData& c, const stats::StoryLinks* stories) {
  json s;
  switch (c.kind) {
    case ChartKind::kLikert: s = likert(m, ind, c, stories); break;
    case ChartKind::kChoice: s = bars(m, ind, c, false, stories); break;
    case ChartKind::kCountBars: s = bars(m, ind, c, false, stories); break;
    case ChartKind::kHistogram: s = histogram(m, ind, c, stories); break;
    case ChartKind::kScatter: s = scatter(m, ind, c, stories); break;
    case ChartKind::kTriad: s = triad(m, ind, c); break;
    case ChartKind::kSeries: s = series(m, ind, c); break;
  }
  apply_theme(s, chart_theme(m.site.theme));
  return s;
}

ChartTheme chart_theme(const model::Theme& theme) {
  ChartTheme t{kFont, kInk, kBar};
  auto first = [&](std::initializer_list<const char*> names) -> std::string {
    for (const char* n : names)
      if (auto it = theme.properties.find(n); it != theme.properties.end()) return it->second;
    return "";
  };
  // Only values a chart can use as they are: no var(), colours as #rrggbb (validate_site.cc
  // checks the contrast of the --duiding-chart-* ones).
  if (std::string f = first({"--duiding-chart-font-family", "--utrecht-document-font-family",
                                 "--utrecht-typography-sans-serif-font-family"});
      !f.empty() && f.find("var(") == std::string::npos)
    t.font = f;
  auto hex = [](const std::string& v) {
    return v.size() == 7 && v[0] == '#' && v.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
  };
  if (std::string ink = first({"--duiding-chart-text-color"}); hex(ink)) t.text = ink;
  if (std::string colour = first({"--duiding-chart-color"}); hex(colour)) t.colour = colour;
  return t;
}

void apply_theme(json& s, const ChartTheme& t) {
  // The builders draw with kInk and kBar; the theme's colours take their place everywhere
  // except in the data (label colours there are chosen per segment for contrast).
  auto walk = [&](auto& self, json& v) -> void {
    if (v.is_object()) {
      for (auto it = v.begin(); it != v.end(); ++it)
        if (it.key() != "data") self(self, it.value());
    } else if (v.is_array()) {
      for (auto& e : v) self(self, e);
    } else if (v.is_string()) {
      if (v == kInk) v = t.text;
      else if (v == kBar) v = t.colour;
    }
  };
  walk(walk, s);
  if (s.contains("config")) s["config"]["font"] = t.font;
}

}  // namespace duiding::charts

// The Dutch sentence under every chart, also its text alternative: what the chart shows,
// every number, the sums of a likert scale's ends and what is not given.
#include <fmt/format.h>
#include <map>

#include "charts/chart_rows.h"
#include "charts/vega_lite.h"
#include "text/site_text.h"

namespace duiding::charts {
namespace {

using stats::ChartKind;
using stats::Row;
using rows::distinct;
using rows::series_of;
using rows::shown;

// "84 % tevreden of zeer tevreden, 8 % ontevreden of zeer ontevreden (sommen van de
// getoonde aandelen)." per round or breakdown: the indicator's positive answers, and as
// many answers from the other end of the scale when the positive ones close it. Only sums
// of shares the chart shows; nothing when there are no positive answers or no shares.
std::string likert_lead(const model::Indicator& ind, const stats::ChartData& c) {
  const std::size_t k = ind.positive.size();
  const std::size_t n = ind.categories.size();
  if (k == 0 || k * 2 > n) return "";
  bool closes = true;
  for (std::size_t i = 0; i < k; ++i)
    closes = closes && std::find(ind.positive.begin(), ind.positive.end(), ind.categories[n - 1 - i].id) != ind.positive.end();
  // Both ends read from the middle out: "tevreden of zeer tevreden", "ontevreden of zeer ontevreden".
  auto labels = [&](bool positive) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < k; ++i)
      out.push_back(text::lower_first(ind.categories[positive ? n - k + i : k - 1 - i].label));
    return fmt::format("{}", fmt::join(out, " " + txt::of() + " "));
  };
  struct Sum {
    std::optional<double> positive, negative;  // unset when the chart shows none of those answers
    bool positive_gap = false, negative_gap = false;  // one of those answers is not given
  };
  std::vector<std::string> series;
  std::map<std::string, Sum> sums;
  for (const Row& r : c.rows) {
    if (!r.share && r.given) continue;
    std::string key = series_of(c, r);
    if (std::find(series.begin(), series.end(), key) == series.end()) series.push_back(key);
    int index = ind.category_index(r.category);
    if (index < 0) continue;
    Sum& sum = sums[key];
    // A sum with an answer that is not given is not that end's share: it is left out.
    if (!r.given) {
      if (static_cast<std::size_t>(index) >= n - k) sum.positive_gap = true;
      else if (static_cast<std::size_t>(index) < k) sum.negative_gap = true;
      continue;
    }
    if (static_cast<std::size_t>(index) >= n - k) sum.positive = sum.positive.value_or(0) + *r.share;
    else if (closes && static_cast<std::size_t>(index) < k) sum.negative = sum.negative.value_or(0) + *r.share;
  }
  std::vector<std::string> parts;
  for (const auto& key : series) {
    const Sum& sum = sums[key];
    std::vector<std::string> ends;
    if (sum.positive && !sum.positive_gap) ends.push_back(text::percent(*sum.positive, 0) + " " + labels(true));
    if (sum.negative && !sum.negative_gap) ends.push_back(text::percent(*sum.negative, 0) + " " + labels(false));
    if (!ends.empty()) parts.push_back((series.size() > 1 ? key + ": " : "") + fmt::format("{}", fmt::join(ends, ", ")));
  }
  if (parts.empty()) return "";
  return txt::sommen_van_getoonde_aandelen(fmt::format("{}", fmt::join(parts, "; ")));
}

// " Niet gegeven: de bron geeft voor dat antwoord geen cijfer; in de grafiek een
// gestippeld wit vak op zijn plaats. De gegeven aandelen tellen op tot 92 %." Empty when
// every answer is given.
std::string gap_text(const stats::ChartData& c) {
  std::vector<std::string> series;
  std::map<std::string, double> given;
  bool any = false;
  for (const Row& r : c.rows) {
    any = any || !r.given;
    const std::string key = series_of(c, r);
    if (r.given && r.share) given[key] += *r.share;
    if (!r.given && std::find(series.begin(), series.end(), key) == series.end()) series.push_back(key);
  }
  if (!any) return "";
  std::vector<std::string> sums;
  bool room = false;  // some series leaves part of 100 % to its gaps
  for (const auto& key : series) {
    auto it = given.find(key);
    if (it == given.end()) continue;
    room = room || it->second < 99.5;
    const bool several = distinct(c, [&](const Row& r) { return series_of(c, r); }).size() > 1;
    sums.push_back(text::percent(it->second, 0) + (several ? " (" + key + ")" : std::string()));
  }
  std::string out = " " + txt::niet_gegeven_geen_cijfer();
  if (c.kind == ChartKind::kLikert && room)
    out += "; " + txt::niet_gegeven_gestippeld_vak();
  else if (c.kind == ChartKind::kLikert)
    out += "; " + txt::niet_gegeven_gestippelde_streep();
  else if (c.kind == ChartKind::kChoice)
    out += "; " + txt::niet_gegeven_zonder_staaf();
  out += ".";
  if (!sums.empty()) out += " " + txt::gegeven_aandelen_tellen_op(fmt::format("{}", fmt::join(sums, ", ")));
  return out;
}


}  // namespace

std::string summary_text(const model::Model& m, const model::Indicator& ind, const stats::ChartData& c) {
  std::string what = ind.title + ", " + text::lower_first(c.caption);
  if (c.kind == ChartKind::kTriad) {
    std::string s = txt::driehoek_samenvatting(what, fmt::format("{}", fmt::join(ind.corners, "; ")));
    if (!c.points.empty()) s += " " + txt::driehoek_antwoorden(c.points.size());
    if (c.triad_mean) {
      const std::string a = text::percent((*c.triad_mean)[0] * 100, 0), b = text::percent((*c.triad_mean)[1] * 100, 0),
                        d = text::percent((*c.triad_mean)[2] * 100, 0);
      s += " " + (c.triad_mean_computed
                      ? txt::driehoek_gemiddelde_berekend(ind.corners[0], a, ind.corners[1], b, ind.corners[2], d)
                      : txt::driehoek_gemiddelde(ind.corners[0], a, ind.corners[1], b, ind.corners[2], d));
    }
    return s;
  }
  std::vector<std::string> parts;
  std::string lead = c.kind == ChartKind::kLikert ? likert_lead(ind, c) : "";
  for (const Row& r : c.rows) {
    std::string head = c.kind == ChartKind::kSeries ? r.round
                       : c.kind == ChartKind::kHistogram ? txt::score_waarde(r.category)
                                                         : text::lower_first(r.label);
    std::string prefix;
    if (c.kind != ChartKind::kSeries) {
      std::string series = c.dimension.empty() ? r.round_label : r.breakdown;
      if (!c.round.empty() && c.dimension.empty()) series.clear();
      if (!series.empty()) prefix = series + ": ";
    }
    if (!r.given) {
      parts.push_back(prefix + txt::antwoord_niet_gegeven_kort(head));
    } else if (c.kind == ChartKind::kScatter && r.measure != "count") {
      const std::string value = text::number(r.value);
      parts.push_back(prefix + head + " " +
                      (r.measure == "importance" ? txt::belang_waarde(value) : txt::ervaring_waarde(value)));
    } else if (c.kind == ChartKind::kScatter) {
      parts.push_back(prefix + head + " " + txt::keer_gekozen(text::number(r.value)));
    } else if (c.mentions) {
      std::string key = c.dimension.empty() ? r.round_label : r.breakdown;
      parts.push_back(fmt::format("{}{} {}", prefix, head, text::mentions(r.value, r.share ? c.n_of(key) : std::nullopt)));
    } else {
      parts.push_back(fmt::format("{}{} {}", prefix, head,
                                  r.share && ind.unit != "percent" ? shown(ind, r) + " (" + text::percent(*r.share) + ")"
                                                                   : shown(ind, r)));
    }
  }
  if (c.mean) parts.push_back(txt::gemiddelde_waarde(text::number(*c.mean, 1)));
  std::string gaps = gap_text(c);
  if (!lead.empty()) return txt::samenvatting_per_antwoord(what, lead, fmt::format("{}", fmt::join(parts, "; "))) + gaps;
  return fmt::format("{}: {}.{}", what, fmt::join(parts, "; "), gaps);
}

}  // namespace duiding::charts

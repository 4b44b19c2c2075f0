#include "render/tables.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

#include "render/format.h"
#include "render/html.h"
#include "text/site_text.h"

namespace duiding::render {
namespace {

using stats::ChartKind;
using stats::Row;

std::string cell(const std::string& text) { return "<td>" + escape(text) + "</td>"; }
std::string num_cell(const std::string& text) { return "<td class=\"num\">" + escape(text) + "</td>"; }

std::string value_text(const model::Indicator& ind, const Row& r) {
  return value_label(r.value, ind.unit, r.measure, ind.type == model::IndicatorType::kSeries);
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string plain_number(double v) {
  std::string s = fmt::format("{:.6f}", v);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

// The "Verhalen" cell of a row: a link to its stories, or empty.
class StoryColumn {
 public:
  StoryColumn(const stats::StoryLinks* links, const model::Indicator& ind, const stats::ChartData& c)
      : links_(links), ind_(ind), c_(c) {
    if (links_ == nullptr) return;
    for (const Row& r : c.rows) any_ = any_ || links_->index.behind(ind, c, r) != nullptr;
    if (c.kind == ChartKind::kTriad) {
      for (char corner : {'a', 'b', 'c'}) any_ = any_ || find(std::string(1, corner)) != nullptr;
    }
  }

  bool any() const { return any_; }
  std::string head() const { return any_ ? "<th scope=\"col\">" + txt::verhalen_kop() + "</th>" : ""; }

  /// The cell for row `r`, whose label reads `label`.
  std::string cell(const Row& r, const std::string& label) const {
    if (!any_) return "";
    // Charts of several rounds repeat each answer once per round.
    return link(links_->index.behind(ind_, c_, r), c_.round.empty() ? label + ", " + r.round_label : label);
  }
  /// The cell for category `category` of the chart's round (triad corners).
  std::string cell(const std::string& category, const std::string& label) const {
    if (!any_) return "";
    return link(find(category), label);
  }

 private:
  const stats::Segment* find(const std::string& category) const {
    Row r;
    r.round = c_.round;
    r.category = category;
    return links_->index.behind(ind_, c_, r);
  }
  std::string link(const stats::Segment* seg, const std::string& label) const {
    if (seg == nullptr) return "<td></td>";
    return "<td><a href=\"" + escape(links_->root + stats::StoryIndex::url(seg->key)) + "\">" +
           escape(stats::stories_text(seg->quotes.size())) + "<span class=\"visually-hidden\"> " +
           escape(txt::bij(label)) + "</span></a></td>";
  }

  const stats::StoryLinks* links_;
  const model::Indicator& ind_;
  const stats::ChartData& c_;
  bool any_ = false;
};

}  // namespace

std::string chart_table(const model::Model& m, const model::Indicator& ind, const stats::ChartData& c,
                        const stats::StoryLinks* stories) {
  std::string caption = txt::cijfers_bij_de_grafiek(ind.title, c.caption);
  std::string head;
  std::string body;
  StoryColumn story(stories, ind, c);
  if (c.kind == ChartKind::kScatter) {
    // One row per aspect, its three measures side by side.
    head = "<th scope=\"col\">" + txt::aspect() + "</th><th scope=\"col\">" + txt::keren_gekozen() +
           "</th><th scope=\"col\">" + txt::gemiddeld_belang() + "</th><th scope=\"col\">" +
           txt::gemiddelde_ervaring() + "</th>" + story.head();
    std::vector<std::string> order;
    std::map<std::string, std::map<std::string, double>> by;
    std::map<std::string, const Row*> first_row;
    for (const Row& r : c.rows) {
      if (std::find(order.begin(), order.end(), r.label) == order.end()) order.push_back(r.label);
      by[r.label][r.measure] = r.value;
      first_row.emplace(r.label, &r);
    }
    for (const auto& label : order) {
      auto& ms = by[label];
      auto get = [&](const char* k) { return ms.count(k) ? number(ms[k]) : txt::niet_gegeven(); };
      body += "<tr><th scope=\"row\">" + escape(label) + "</th>" + num_cell(get("count")) +
              num_cell(get("importance")) + num_cell(get("experience")) + story.cell(*first_row[label], label) + "</tr>\n";
    }
  } else if (c.kind == ChartKind::kTriad) {
    head = "<th scope=\"col\">" + txt::hoek() + "</th><th scope=\"col\">" + txt::gemiddeld_aandeel() + "</th>" +
           story.head();
    for (std::size_t i = 0; i < 3; ++i) {
      std::string value = txt::niet_gegeven();
      if (c.triad_mean)
        value = percent((*c.triad_mean)[i] * 100, 1) + (c.triad_mean_computed ? " " + txt::berekend_uit_de_antwoorden() : "");
      body += "<tr><th scope=\"row\">" + escape(ind.corners.at(i)) + "</th>" + num_cell(value) +
              story.cell(std::string(1, static_cast<char>('a' + i)), ind.corners.at(i)) + "</tr>\n";
    }
    body += "<tr><th scope=\"row\">" + txt::aantal_antwoorden_punten() + "</th>" + num_cell(number(static_cast<double>(c.points.size()))) +
            (story.any() ? "<td></td>" : "") + "</tr>\n";
  } else {
    bool several = false;
    for (const Row& r : c.rows) several = several || (c.dimension.empty() ? r.round_label : r.breakdown) !=
                                                         (c.dimension.empty() ? c.rows.front().round_label : c.rows.front().breakdown);
    bool shares = std::any_of(c.rows.begin(), c.rows.end(), [&](const Row& r) {
      return r.share && !(ind.unit == "percent" && r.measure == "value");
    });
    bool notes = std::any_of(c.rows.begin(), c.rows.end(), [](const Row& r) { return !r.note.empty(); });
    std::string first = c.kind == ChartKind::kSeries      ? txt::jaar()
                        : c.kind == ChartKind::kHistogram ? txt::score()
                        : c.kind == ChartKind::kCountBars ? txt::aspect()
                                                          : txt::antwoord();
    std::string series_title = c.dimension.empty() ? txt::ronde() : c.dimension;
    if (several && c.kind != ChartKind::kSeries) head += "<th scope=\"col\">" + escape(series_title) + "</th>";
    head += "<th scope=\"col\">" + first + "</th><th scope=\"col\">" +
            (c.kind == ChartKind::kCountBars ? txt::keren_gekozen()
             : c.mentions                    ? txt::keer_genoemd_kop()
                                             : unit_title(ind.unit, 0)) +
            "</th>";
    // Mentions over the question's own n: in how many of the stories, never a share of people.
    if (shares) head += "<th scope=\"col\">" + (c.mentions ? txt::genoemd_in() : txt::aandeel()) + "</th>";
    if (notes) head += "<th scope=\"col\">" + txt::opmerking() + "</th>";
    head += story.head();
    for (const Row& r : c.rows) {
      body += "<tr>";
      if (several && c.kind != ChartKind::kSeries) body += cell(c.dimension.empty() ? r.round_label : r.breakdown);
      std::string label = c.kind == ChartKind::kSeries ? r.round : c.kind == ChartKind::kHistogram ? r.category : r.label;
      body += "<th scope=\"row\">" + escape(label) + "</th>" + num_cell(r.given ? value_text(ind, r) : txt::niet_gegeven());
      std::optional<long> n = c.mentions && r.share ? c.n_of(c.dimension.empty() ? r.round_label : r.breakdown) : std::nullopt;
      if (shares && n) body += num_cell(txt::verhalen_van_de_zonder_aandeel(number(r.value), number(static_cast<double>(*n))));
      else if (shares) body += num_cell(r.share ? percent(*r.share) : r.given ? "" : txt::niet_gegeven());
      if (notes) body += cell(r.note);
      body += story.cell(r, label);
      body += "</tr>\n";
    }
    if (c.mean) {
      body += "<tr>";
      if (several) body += "<td></td>";
      body += "<th scope=\"row\">" + txt::gemiddelde_score() + "</th>" + num_cell(number(*c.mean, 1));
      if (shares) body += "<td></td>";
      if (notes) body += "<td></td>";
      if (story.any()) body += "<td></td>";
      body += "</tr>\n";
    }
  }
  std::string n_text;
  for (const auto& [key, n] : c.n) {
    if (!n_text.empty()) n_text += ", ";
    n_text += c.n.size() > 1 ? txt::n_van(escape(key), number(static_cast<double>(n))) : txt::n_is(number(static_cast<double>(n)));
  }
  std::string out = table_region(caption);
  out += "<table class=\"data-table utrecht-table\">\n<caption>" + escape(caption) + (n_text.empty() ? "" : " (" + n_text + ")") + "</caption>\n";
  out += "<thead><tr>" + head + "</tr></thead>\n<tbody>\n" + body + "</tbody>\n</table>\n</div>\n";
  (void)m;
  return out;
}

std::string table_region(const std::string& label) {
  return "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"" + escape(label) + "\">\n";
}

std::vector<ValueLine> value_lines(const model::Model& m, const model::Indicator& ind,
                                   const std::vector<const model::Value*>& values) {
  // An answer a distribution does not give, while it gives others, follows that
  // distribution's last value as a line with no value and the note "niet gegeven".
  const bool answers = ind.type == model::IndicatorType::kLikert || ind.type == model::IndicatorType::kChoice;
  auto key = [](const model::Value& v) { return v.round + '\n' + v.group + '\n' + v.breakdown; };
  std::map<std::string, std::size_t> last;
  std::map<std::string, std::set<std::string>> given;
  for (std::size_t i = 0; answers && i < values.size(); ++i) {
    if (values[i]->measure != "value") continue;
    last[key(*values[i])] = i;
    given[key(*values[i])].insert(values[i]->category);
  }
  std::vector<ValueLine> lines;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const model::Value& v = *values[i];
    lines.push_back({v.round, v.group, v.breakdown, v.category, v.measure, v.value, v.note});
    auto it = last.find(key(v));
    if (it == last.end() || it->second != i || v.measure != "value") continue;
    for (const auto& cat : ind.categories) {
      if (given[key(v)].count(cat.id) ||
          m.suppressed_cells.count(model::cell_key(v.round, ind.id, v.group, v.breakdown, cat.id, "value")))
        continue;
      lines.push_back({v.round, v.group, v.breakdown, cat.id, "value", std::nullopt, txt::niet_gegeven()});
    }
  }
  return lines;
}

std::string values_csv(const model::Model& m, const model::Indicator& ind, const std::vector<const model::Value*>& values) {
  std::string out = "round,indicator,group,breakdown,category,measure,value,note\n";
  for (const ValueLine& l : value_lines(m, ind, values))
    out += fmt::format("{},{},{},{},{},{},{},{}\n", csv_field(l.round), csv_field(ind.id), csv_field(l.group),
                       csv_field(l.breakdown), csv_field(l.category), csv_field(l.measure),
                       l.value ? plain_number(*l.value) : "", csv_field(l.note));
  return out;
}

}  // namespace duiding::render

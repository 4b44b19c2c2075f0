// The rows of the linked tables (protect/tables.h): what an attacker sees as linear
// relations over the unknown n and counts.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "protect/tables.h"

namespace duiding::protect {
namespace {

// Half a unit of the last printed decimal of a share: the source's decimals, and at
// least one, since the site prints shares to one decimal.
double half_unit(double share) {
  int decimals = 6;
  for (int d = 0; d <= 6; ++d) {
    double scaled = share * std::pow(10.0, d);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6) {
      decimals = d;
      break;
    }
  }
  return 0.5 * std::pow(10.0, -std::max(decimals, 1));
}

}  // namespace

std::vector<Row> rows(const model::Model& m, const Component& c, const std::vector<bool>& off, bool equalities,
                     double slack) {
  std::vector<Row> out;
  auto fixed = [&](int var, double v, std::size_t source) {
    Row r;
    r.terms = {{var, 1.0}};
    r.lo = r.hi = v;
    r.published = {source};
    out.push_back(std::move(r));
  };
  for (const auto& d : c.dists) {
    if (d.n_value && !off[*d.n_value]) fixed(d.n, m.values[*d.n_value].value, *d.n_value);
    double published_total = 0;
    std::vector<std::size_t> published_cells;
    std::vector<Term> given;
    for (const auto& [cat, i] : d.cells) {
      int x = d.cats.at(cat);
      given.push_back({x, 1.0});
      if (off[i]) continue;
      double v = m.values[i].value;
      if (!d.percent) {
        fixed(x, v, i);
        published_total += v;
        published_cells.push_back(i);
        continue;
      }
      double h = half_unit(v) * slack;
      Row hi;  // 100 x - (p + h) n <= 0
      hi.terms = {{x, 100.0}, {d.n, -(v + h)}};
      hi.has_lo = false;
      hi.hi = 0;
      hi.published = {i};
      out.push_back(hi);
      Row lo;  // 100 x - (p - h) n >= 0
      lo.terms = {{x, 100.0}, {d.n, -(std::max(0.0, v - h))}};
      lo.lo = 0;
      lo.has_hi = false;
      lo.published = {i};
      out.push_back(lo);
    }
    // The shares of a count distribution keep the total of all its cells as base.
    if (!d.percent && c.one_answer && !published_cells.empty() && published_cells.size() < d.cells.size()) {
      Row r;
      r.terms = given;
      double total = 0;
      for (const auto& [cat, i] : d.cells) total += m.values[i].value;
      r.lo = r.hi = total;
      r.published = published_cells;
      r.note = fmt::format("de percentages hebben {} als basis", total);
      out.push_back(std::move(r));
    }
    Row sum;  // one answer each: the counts add up to n; a mention count is at most n
    if (c.one_answer) {
      for (const auto& [cat, x] : d.cats) sum.terms.push_back({x, 1.0});
      sum.terms.push_back({d.n, -1.0});
      sum.lo = sum.hi = 0;
      out.push_back(std::move(sum));
    }  // mentions (multiple choice, aspects) may outnumber people: no bound by n
    if (d.breakdown.empty() && !d.group.empty()) {
      const model::Sample* s = m.sample(c.round, d.group);
      if (s != nullptr && s->n >= m.site.min_cell) {
        Row r;
        r.terms = {{d.n, 1.0}};
        r.has_lo = equalities && d.true_n && *d.true_n == s->n;
        r.lo = r.hi = static_cast<double>(s->n);
        r.note = fmt::format("data/samples.csv: n = {} ({})", s->n, d.group);
        out.push_back(std::move(r));
      }
    }
  }
  for (const auto& [parent, children] : sums(c)) {
    const Dist& p = c.dists[parent];
    long total = 0;
    bool known = p.true_n.has_value();
    for (std::size_t ch : children) {
      if (!c.dists[ch].true_n) known = false;
      else total += *c.dists[ch].true_n;
    }
    bool equal = equalities && known && total == *p.true_n;
    auto relate = [&](auto var_of) {
      Row r;
      for (std::size_t ch : children) r.terms.push_back({var_of(c.dists[ch]), 1.0});
      r.terms.push_back({var_of(p), -1.0});
      r.has_lo = equal;
      r.lo = r.hi = 0;
      out.push_back(std::move(r));
    };
    relate([](const Dist& d) { return d.n; });
    for (const auto& [cat, x] : p.cats) relate([&cat](const Dist& d) { return d.cats.at(cat); });
  }
  return out;
}

}  // namespace duiding::protect

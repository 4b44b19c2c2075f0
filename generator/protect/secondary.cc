#include "protect/secondary.h"

#include <glpk.h>

#include <algorithm>
#include <chrono>
#include <set>

namespace duiding::protect {
namespace {

constexpr int kMaxRounds = 25;

bool unit_off(const Unit& u, const std::vector<bool>& off) {
  return std::any_of(u.values.begin(), u.values.end(), [&](std::size_t i) { return off[i]; });
}

// The units around distribution `dist`: its own, and those of every distribution it adds
// up with (parent, siblings, children).
std::set<int> near_units(const Component& c, std::size_t dist) {
  std::set<std::size_t> dists = linked(c, dist);
  std::set<int> out;
  for (std::size_t u = 0; u < c.units.size(); ++u)
    for (int v : c.units[u].vars)
      if (dists.count(c.vars[v].dist)) out.insert(static_cast<int>(u));
  return out;
}

std::size_t dist_of(const Component& c, const Finding& f) {
  for (std::size_t i = 0; i < c.dists.size(); ++i)
    if (c.dists[i].group == f.group && c.dists[i].breakdown == f.breakdown) return i;
  return 0;
}

// Solves the covering programme; empty when it has no solution.
std::vector<bool> cover(const Component& c, const std::vector<bool>& fixed, const std::vector<std::vector<int>>& cuts) {
  glp_term_out(GLP_OFF);
  glp_prob* p = glp_create_prob();
  const int n = static_cast<int>(c.units.size());
  glp_add_cols(p, n);
  for (int j = 0; j < n; ++j) {
    glp_set_col_kind(p, j + 1, GLP_BV);
    if (fixed[j]) glp_set_col_bnds(p, j + 1, GLP_FX, 1.0, 1.0);
    glp_set_obj_coef(p, j + 1, c.units[j].weight);
  }
  glp_set_obj_dir(p, GLP_MIN);
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0};
  int row = 0;
  auto add_row = [&](const std::vector<std::pair<int, double>>& terms, double lo) {
    glp_add_rows(p, 1);
    ++row;
    glp_set_row_bnds(p, row, GLP_LO, lo, 0.0);
    for (const auto& [col, coef] : terms) {
      ia.push_back(row);
      ja.push_back(col + 1);
      ar.push_back(coef);
    }
  };
  for (const Relation& r : c.relations) {
    for (int i : r.units) {
      std::vector<std::pair<int, double>> terms;
      for (int j : r.units) terms.emplace_back(j, j == i ? -1.0 : 1.0);
      add_row(terms, 0.0);
    }
  }
  for (const auto& cut : cuts) {
    std::vector<std::pair<int, double>> terms;
    for (int j : cut) terms.emplace_back(j, 1.0);
    add_row(terms, 1.0);
  }
  glp_load_matrix(p, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
  glp_iocp parm;
  glp_init_iocp(&parm);
  parm.presolve = GLP_ON;
  parm.msg_lev = GLP_MSG_OFF;
  parm.tm_lim = 10000;
  std::vector<bool> out;
  if (glp_intopt(p, &parm) == 0 && (glp_mip_status(p) == GLP_OPT || glp_mip_status(p) == GLP_FEAS)) {
    out.resize(n);
    for (int j = 0; j < n; ++j) out[j] = glp_mip_col_val(p, j + 1) > 0.5;
  }
  glp_delete_prob(p);
  return out;
}

}  // namespace

Audit suppress_secondary(const model::Model& m, const std::vector<Component>& components, std::vector<bool>& off,
                         std::vector<bool>& secondary) {
  auto start = std::chrono::steady_clock::now();
  Audit total;
  for (const Component& c : components) {
    const std::size_t n = c.units.size();
    std::vector<bool> primary(n);
    for (std::size_t u = 0; u < n; ++u) primary[u] = unit_off(c.units[u], off);
    if (std::none_of(primary.begin(), primary.end(), [](bool b) { return b; })) continue;
    std::vector<std::vector<int>> cuts;
    std::vector<bool> chosen = primary;
    const std::vector<bool> base = off;
    auto apply = [&](const std::vector<bool>& units) {
      for (std::size_t u = 0; u < n; ++u)
        for (std::size_t i : c.units[u].values) {
          // A unit goes whole (a percent distribution with its shares, an aspect with its scores).
          off[i] = units[u] || base[i];
          secondary[i] = units[u] && !primary[u] && !base[i];
        }
    };
    apply(primary);
    for (int round = 0;; ++round) {
      std::vector<bool> next = cover(c, primary, cuts);
      if (next.empty()) break;
      chosen = next;
      apply(chosen);
      Audit a;
      audit_component(m, c, off, a);
      bool pinned = false;
      for (const Finding& f : a.cells) {
        if (!f.pinned) continue;
        pinned = true;
        std::vector<int> cut;
        for (int u : near_units(c, dist_of(c, f)))
          if (!chosen[u]) cut.push_back(u);
        if (cut.empty()) {
          // Nothing near is left to hide: widen to every unit of the component.
          for (std::size_t u = 0; u < n; ++u)
            if (!chosen[u]) cut.push_back(static_cast<int>(u));
        }
        if (!cut.empty()) cuts.push_back(std::move(cut));
      }
      if (!pinned || round + 1 >= kMaxRounds) break;
    }
  }
  total = audit(m, components, off);
  total.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return total;
}

}  // namespace duiding::protect

#include "protect/audit.h"
#include "diag/messages.h"

#include <fmt/format.h>
#include <glpk.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cmath>
#include <memory>
#include <set>

namespace duiding::protect {
namespace {

struct ProblemDeleter {
  void operator()(glp_prob* p) const { glp_delete_prob(p); }
};
using Problem = std::unique_ptr<glp_prob, ProblemDeleter>;

Problem make_problem(const Component& c, const std::vector<Row>& rs) {
  glp_term_out(GLP_OFF);
  Problem p(glp_create_prob());
  glp_add_cols(p.get(), static_cast<int>(c.vars.size()));
  for (std::size_t j = 0; j < c.vars.size(); ++j) {
    int col = static_cast<int>(j) + 1;
    glp_set_col_bnds(p.get(), col, GLP_DB, 0.0, c.vars[j].upper);
    glp_set_col_kind(p.get(), col, GLP_IV);
  }
  if (!rs.empty()) glp_add_rows(p.get(), static_cast<int>(rs.size()));
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0};
  for (std::size_t i = 0; i < rs.size(); ++i) {
    const Row& r = rs[i];
    int row = static_cast<int>(i) + 1;
    if (r.has_lo && r.has_hi) glp_set_row_bnds(p.get(), row, r.lo == r.hi ? GLP_FX : GLP_DB, r.lo, r.hi);
    else if (r.has_lo) glp_set_row_bnds(p.get(), row, GLP_LO, r.lo, 0.0);
    else glp_set_row_bnds(p.get(), row, GLP_UP, 0.0, r.hi);
    for (const Term& t : r.terms) {
      ia.push_back(row);
      ja.push_back(t.var + 1);
      ar.push_back(t.coef);
    }
  }
  glp_load_matrix(p.get(), static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
  return p;
}

// Optimises `var` in direction `dir`; nullopt when nothing is feasible.
std::optional<double> solve(glp_prob* p, int var, int dir, int& solves) {
  int cols = glp_get_num_cols(p);
  for (int j = 1; j <= cols; ++j) glp_set_obj_coef(p, j, j == var + 1 ? 1.0 : 0.0);
  glp_set_obj_dir(p, dir);
  glp_iocp parm;
  glp_init_iocp(&parm);
  parm.presolve = GLP_ON;
  parm.msg_lev = GLP_MSG_OFF;
  parm.tm_lim = 10000;
  ++solves;
  if (glp_intopt(p, &parm) != 0) return std::nullopt;
  int status = glp_mip_status(p);
  if (status != GLP_OPT && status != GLP_FEAS) return std::nullopt;
  return glp_mip_obj_val(p);
}

// The cells whose units are all suppressed and whose real value is 1 ... min - 1.
std::vector<int> targets(const Component& c, const std::vector<bool>& off, int min) {
  std::vector<bool> covered(c.vars.size(), false), shown(c.vars.size(), false);
  for (const Unit& u : c.units) {
    bool visible = std::any_of(u.values.begin(), u.values.end(), [&](std::size_t i) { return !off[i]; });
    for (int v : u.vars) {
      covered[v] = true;
      if (visible) shown[v] = true;
    }
  }
  std::vector<int> out;
  for (std::size_t j = 0; j < c.vars.size(); ++j) {
    const Var& v = c.vars[j];
    if (!v.truth || *v.truth < 1 || *v.truth >= min || shown[j]) continue;
    if (!covered[j]) {
      // An n no unit publishes (a count distribution's total): hidden when all its cells are.
      bool any = false;
      for (const auto& [cat, i] : c.dists[v.dist].cells) any = any || !off[i];
      if (any) continue;
    }
    out.push_back(static_cast<int>(j));
  }
  return out;
}

std::vector<std::string> pinned_by(const model::Model& m, const Component& c, const std::vector<Row>& rs,
                                   std::size_t dist) {
  std::set<std::size_t> near = linked(c, dist);
  std::vector<std::string> out;
  std::set<std::size_t> seen;
  std::set<std::string> notes;
  for (const Row& r : rs) {
    bool touches = std::any_of(r.terms.begin(), r.terms.end(), [&](const Term& t) { return near.count(c.vars[t.var].dist) > 0; });
    if (!touches) continue;
    for (std::size_t i : r.published) {
      if (!seen.insert(i).second) continue;
      const model::Value& v = m.values[i];
      out.push_back(fmt::format("{}: {}{}{} {} = {}", diag::where({v.pos.file, v.pos.line, v.pos.sheet.empty() ? 0 : v.pos.column, v.pos.sheet}), v.group.empty() ? "(alle)" : v.group,
                                v.breakdown.empty() ? "" : " " + v.breakdown, v.category.empty() ? "" : " " + v.category,
                                v.measure, v.value));
    }
    if (!r.note.empty()) notes.insert(r.note);
  }
  out.insert(out.end(), notes.begin(), notes.end());
  return out;
}

}  // namespace

bool Audit::ok() const {
  return std::none_of(cells.begin(), cells.end(), [](const Finding& f) { return f.pinned; });
}

void audit_component(const model::Model& m, const Component& c, const std::vector<bool>& off, Audit& out) {
  const int min = m.site.min_cell;
  std::vector<int> todo = targets(c, off, min);
  if (todo.empty()) return;
  // The source's own numbers may not fit together exactly (shares rounded loosely, levels
  // that do not add up): then the audit widens the rounding and turns sums into "at most".
  static const std::pair<bool, double> kTries[] = {{true, 1.0}, {true, 2.0}, {true, 10.0}, {false, 10.0}};
  std::vector<Row> rs;
  Problem p;
  bool feasible = false;
  for (const auto& [equalities, slack] : kTries) {
    rs = rows(m, c, off, equalities, slack);
    p = make_problem(c, rs);
    if (solve(p.get(), todo.front(), GLP_MIN, out.solves)) {
      feasible = true;
      if (slack > 1.0 || !equalities)
        out.loosened.push_back(fmt::format("{}/{}: rounding ± {} × printed{}", c.round, c.indicator, slack,
                                           equalities ? "" : ", sums as \"at most\""));
      break;
    }
  }
  if (!feasible) {
    if (const char* dump = std::getenv("DUIDING_AUDIT_DUMP")) glp_write_lp(p.get(), nullptr, dump);
    out.inconsistent.push_back(c.round + "/" + c.indicator);
    return;
  }
  for (int var : todo) {
    const Var& v = c.vars[var];
    const Dist& d = c.dists[v.dist];
    Finding f{c.round, c.indicator, d.group, d.breakdown, v.label, *v.truth, 0, 0, false, {}};
    auto lo = solve(p.get(), var, GLP_MIN, out.solves);
    auto hi = solve(p.get(), var, GLP_MAX, out.solves);
    f.lo = lo ? std::lround(*lo) : 0;
    f.hi = hi ? std::lround(*hi) : static_cast<long>(v.upper);
    f.pinned = f.lo >= 1 && f.hi <= min - 1;
    if (f.pinned) f.by = pinned_by(m, c, rs, v.dist);
    out.cells.push_back(std::move(f));
  }
}

Audit audit(const model::Model& m, const std::vector<Component>& components, const std::vector<bool>& off) {
  auto start = std::chrono::steady_clock::now();
  Audit out;
  for (const Component& c : components) audit_component(m, c, off, out);
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

namespace {

// ", uitsplitsing 'wijk=C'" after a group, or nothing.
std::string breakdown_part(const std::string& breakdown, msg::Lang lang) {
  return breakdown.empty() ? "" : ", " + msg::uitsplitsing_naam(breakdown).render(lang);
}

std::string group_name(const std::string& group, msg::Lang lang) {
  return group.empty() ? msg::alle_groepen().render(lang) : group;
}

}  // namespace

std::string refusal(const Finding& f, int min_cell, msg::Lang lang) {
  const std::string what = f.what == "n" ? std::string("n") : msg::categorie_naam(f.what).render(lang);
  std::string s = msg::audit_weigering_cel(what, f.indicator, f.round, group_name(f.group, lang),
                                           breakdown_part(f.breakdown, lang), f.lo, f.hi, min_cell)
                      .render(lang);
  for (const auto& b : f.by) s += "\n  " + b;
  return s;
}

std::string refusals(const Audit& a, int min_cell, msg::Lang lang) {
  // One message per distribution: its pinned cells, then the numbers around it once.
  std::string out;
  for (std::size_t i = 0; i < a.cells.size(); ++i) {
    const Finding& f = a.cells[i];
    if (!f.pinned) continue;
    bool first = true;
    for (std::size_t j = 0; j < i && first; ++j) {
      const Finding& g = a.cells[j];
      first = !(g.pinned && g.round == f.round && g.indicator == f.indicator && g.group == f.group &&
                g.breakdown == f.breakdown);
    }
    if (!first) continue;
    std::string cells;
    for (const Finding& g : a.cells)
      if (g.pinned && g.round == f.round && g.indicator == f.indicator && g.group == f.group &&
          g.breakdown == f.breakdown)
        cells += fmt::format("{}{} = {}{}", cells.empty() ? "" : ", ", g.what, g.lo,
                             g.lo == g.hi ? "" : fmt::format(" ... {}", g.hi));
    out += msg::audit_weigering(f.indicator, f.round, group_name(f.group, lang), breakdown_part(f.breakdown, lang),
                                min_cell, cells)
               .render(lang);
    for (const auto& b : f.by) out += "\n  " + b;
    out += "\n";
  }
  return out;
}

std::string describe(const Audit& a, int min_cell, msg::Lang lang) {
  std::string s;
  long long pinned = 0;
  for (const Finding& f : a.cells) {
    if (f.pinned) ++pinned;
    const std::string hi = f.hi >= 1000000 ? msg::audit_geen_grens().render(lang) : std::to_string(f.hi);
    const std::string group = group_name(f.group, lang) + (f.breakdown.empty() ? "" : " " + f.breakdown);
    s += "  " + msg::audit_cel(f.round, f.indicator, group, f.what, f.lo, hi).render(lang);
    if (f.pinned) s += " " + msg::audit_vastgepind(min_cell - 1).render(lang);
    s += "\n";
  }
  for (const auto& c : a.loosened) s += "  " + msg::audit_afronding_past_niet(c).render(lang) + "\n";
  for (const auto& c : a.inconsistent) s += "  " + msg::audit_telt_niet_op(c).render(lang) + "\n";
  s += msg::audit_samenvatting(static_cast<long long>(a.cells.size()), pinned, a.solves, fmt::format("{:.3f}", a.seconds))
           .render(lang) +
       "\n";
  return s;
}

}  // namespace duiding::protect

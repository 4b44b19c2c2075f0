// All comparisons of a build as one family of tests (docs/statistics.md, "Many tests").
#include <algorithm>

#include "stats/compare.h"

namespace duiding::stats {

void adjust(const std::vector<Comparison*>& family) {
  std::vector<double> p;
  std::vector<std::optional<double>*> slots;
  for (Comparison* c : family) {
    for (auto& s : c->shares)
      for (auto& ch : s.changes)
        if (ch.test && ch.test->computable && ch.difference && ch.difference->computable) {
          p.push_back(ch.test->p_value);
          slots.push_back(&ch.p_adjusted);
        }
    for (auto& t : c->tables)
      if (t.tested) {
        p.push_back(t.main_p());
        slots.push_back(&t.p_adjusted);
      }
    for (auto& f : c->fits)
      if (f.tested) {
        p.push_back(f.result.decisive_p());
        slots.push_back(&f.p_adjusted);
      }
  }
  const std::vector<double> adjusted = benjamini_hochberg(p);
  for (std::size_t i = 0; i < adjusted.size(); ++i) *slots[i] = adjusted[i];
  const std::size_t m = adjusted.size();
  const std::size_t r = bh_rejections(adjusted);
  // Benjamini & Yekutieli (2005): intervals at 1 − R·α/m for the R selected of m; with no
  // selection 1 − α/m. Such an interval excludes 0 exactly when p ≤ R·α/m, which is
  // exactly when Benjamini-Hochberg calls the test significant.
  const double level = m == 0 ? kConfidence : 1 - static_cast<double>(std::max<std::size_t>(r, 1)) * kAlpha / static_cast<double>(m);
  for (Comparison* c : family) {
    c->family = {m, r, level};
    for (auto& s : c->shares) {
      for (std::size_t i = 0; i < s.changes.size(); ++i) {
        ShareChange& ch = s.changes[i];
        if (!ch.p_adjusted) continue;
        const ShareEstimate& to = *s.rounds[i + 1].estimate;
        const ShareEstimate& from = *s.rounds[i].estimate;
        ScoreChange sc = score_change(to.x, to.n, from.x, from.n, level);
        ch.difference = sc.difference;
        ch.level = level;
        if (*ch.p_adjusted > kAlpha) ch.verdict = Verdict::kNoDifference;
        else ch.verdict = ch.difference->difference > 0 ? Verdict::kHigher : Verdict::kLower;
      }
    }
  }
}

}  // namespace duiding::stats

#include "validate/suggest.h"
#include "diag/messages.h"

#include <algorithm>
#include <cctype>

namespace duiding::validate {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rows of the dynamic programme: two back are needed for a swap.
  std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], before[j - 2] + 1);
    }
    before.swap(prev);
    prev.swap(cur);
  }
  return prev[b.size()];
}

std::optional<std::string> nearest_id(std::string_view typed, const std::vector<std::string>& known) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  std::string t = lower(typed);
  const std::string* best = nullptr;
  std::size_t best_distance = 0;
  bool tie = false;
  for (const std::string& id : known) {
    if (id == typed) return std::nullopt;
    std::size_t d = edit_distance(t, lower(id));
    if (best == nullptr || d < best_distance) {
      best = &id;
      best_distance = d;
      tie = false;
    } else if (d == best_distance && id != *best) {
      tie = true;
    }
  }
  // Two edits for longer ids, one for short ones, and never all of what was typed: 'b'
  // is one edit from 'a', but not a near miss of it.
  std::size_t limit = std::min(typed.size(), best ? best->size() : 0) <= 4 ? 1 : 2;
  limit = std::min(limit, typed.empty() ? 0 : typed.size() - 1);
  if (best == nullptr || tie || best_distance > limit) return std::nullopt;
  return *best;
}

msg::Text did_you_mean(std::string_view typed, const std::vector<std::string>& known) {
  auto id = nearest_id(typed, known);
  return id ? msg::bedoelt_u(*id) : msg::Text();
}

}  // namespace duiding::validate

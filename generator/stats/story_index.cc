#include "stats/story_index.h"

#include <algorithm>
#include <cstdlib>

#include "text/site_text.h"

namespace duiding::stats {
std::string id_part(const std::string& raw) {
  std::string id;
  for (char ch : raw) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) id += ch;
    else if (ch >= 'A' && ch <= 'Z') id += static_cast<char>(ch - 'A' + 'a');
    else id += '-';
  }
  return id;
}

namespace {

// Where a category sorts within its indicator: its place in the list, a scale bin by
// its number, a triad corner by its letter.
double category_rank(const model::Indicator& ind, const std::string& category) {
  if (ind.type == model::IndicatorType::kScale) return std::strtod(category.c_str(), nullptr);
  if (ind.type == model::IndicatorType::kTriad) return category.empty() ? 0 : category[0];
  return ind.category_index(category);
}

}  // namespace

StoryIndex::StoryIndex(const model::Model& m, SuppressedSegment suppressed) {
  std::map<SegmentKey, std::vector<const model::Quote*>> found;
  for (const auto& q : m.quotes) {
    for (const auto& link : q.links) {
      std::size_t colon = link.find(':');
      if (colon == std::string::npos) continue;  // validation refuses these
      SegmentKey key{link.substr(0, colon), q.round, q.group, link.substr(colon + 1)};
      if (suppressed && suppressed(key)) continue;
      auto& quotes = found[key];
      if (std::find(quotes.begin(), quotes.end(), &q) == quotes.end()) quotes.push_back(&q);
    }
  }
  auto indicator_rank = [&](const std::string& id) {
    for (std::size_t i = 0; i < m.indicators.size(); ++i)
      if (m.indicators[i].id == id) return i;
    return m.indicators.size();
  };
  auto group_rank = [&](const std::string& id) {
    for (std::size_t i = 0; i < m.site.groups.size(); ++i)
      if (m.site.groups[i].id == id) return i;
    return m.site.groups.size();
  };
  for (auto& [key, quotes] : found) segments_.push_back({key, std::move(quotes)});
  std::stable_sort(segments_.begin(), segments_.end(), [&](const Segment& a, const Segment& b) {
    std::size_t ia = indicator_rank(a.key.indicator), ib = indicator_rank(b.key.indicator);
    if (ia != ib) return ia < ib;
    if (a.key.round != b.key.round) return a.key.round < b.key.round;
    std::size_t ga = group_rank(a.key.group), gb = group_rank(b.key.group);
    if (ga != gb) return ga < gb;
    if (ia < m.indicators.size()) {
      double ca = category_rank(m.indicators[ia], a.key.category);
      double cb = category_rank(m.indicators[ia], b.key.category);
      if (ca != cb) return ca < cb;
    }
    return a.key < b.key;
  });
  for (std::size_t i = 0; i < segments_.size(); ++i) at_[segments_[i].key] = i;
}

const Segment* StoryIndex::find(const SegmentKey& key) const {
  auto it = at_.find(key);
  return it == at_.end() ? nullptr : &segments_[it->second];
}

const Segment* StoryIndex::behind(const model::Indicator& ind, const ChartData& c, const Row& r) const {
  if (!c.dimension.empty() || c.group.empty() || c.kind == ChartKind::kSeries) return nullptr;
  return find({ind.id, r.round, c.group, r.category});
}

std::vector<const Segment*> StoryIndex::segments_of(const std::string& indicator) const {
  std::vector<const Segment*> out;
  for (const auto& s : segments_)
    if (s.key.indicator == indicator) out.push_back(&s);
  return out;
}

std::vector<const Segment*> StoryIndex::segments_of(const model::Quote& q) const {
  std::vector<const Segment*> out;
  for (const auto& link : q.links) {
    std::size_t colon = link.find(':');
    if (colon == std::string::npos) continue;
    const Segment* s = find({link.substr(0, colon), q.round, q.group, link.substr(colon + 1)});
    if (s != nullptr && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  return out;
}

std::string StoryIndex::page_path(const std::string& indicator) {
  return "verhalen/indicator/" + indicator + "/index.html";
}

std::string StoryIndex::anchor(const SegmentKey& key) {
  // '_' never occurs in the parts, so two segments never share an anchor.
  return "verhalen-" + id_part(key.round) + "_" + id_part(key.group) + "_" + id_part(key.category);
}

std::string StoryIndex::url(const SegmentKey& key) { return page_path(key.indicator) + "#" + anchor(key); }

std::string stories_text(std::size_t n) { return txt::verhalen(static_cast<long long>(n)); }

}  // namespace duiding::stats

#include "render/chart_memo.h"

namespace duiding::render {

std::string ChartMemo::get(const std::string& key, const std::function<std::string()>& draw) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = index_.find(key); it != index_.end()) {
      entries_.splice(entries_.begin(), entries_, it->second);
      ++hits_;
      return it->second->second;
    }
  }
  std::string drawing = draw();
  const std::size_t size = key.size() + drawing.size();
  if (size > budget_) return drawing;
  std::lock_guard lock(mutex_);
  if (index_.find(key) != index_.end()) return drawing;  // another thread kept it meanwhile
  entries_.emplace_front(key, drawing);
  index_.emplace(entries_.front().first, entries_.begin());
  bytes_ += size;
  while (bytes_ > budget_) {
    const Entry& last = entries_.back();
    bytes_ -= last.first.size() + last.second.size();
    index_.erase(last.first);
    entries_.pop_back();
  }
  return drawing;
}

std::size_t ChartMemo::hits() const {
  std::lock_guard lock(mutex_);
  return hits_;
}

}  // namespace duiding::render

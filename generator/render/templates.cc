#include "render/templates.h"

#include <stdexcept>
#include <vector>

namespace duiding::render {

std::string Template::fill(const Slots& slots) const {
  // Each slot is looked up once, to know the size of the page before it is put together.
  struct Piece {
    std::size_t open, close;
    std::string_view value;
  };
  std::vector<Piece> pieces;
  std::size_t size = text_.size();
  for (std::size_t pos = 0;;) {
    const std::size_t open = text_.find("{{", pos);
    if (open == std::string::npos) break;
    const std::size_t close = text_.find("}}", open + 2);
    if (close == std::string::npos) break;
    const std::string_view name(text_.data() + open + 2, close - open - 2);
    auto it = slots.find(name);
    if (it == slots.end()) throw std::logic_error("template slot '" + std::string(name) + "' has no value");
    pieces.push_back({open, close + 2, it->second});
    size += it->second.size();
    pos = close + 2;
  }
  std::string out;
  out.reserve(size);
  std::size_t pos = 0;
  for (const Piece& p : pieces) {
    out.append(text_, pos, p.open - pos);
    out += p.value;
    pos = p.close;
  }
  out.append(text_, pos, std::string::npos);
  return out;
}

std::pair<Template, Template> Template::around(std::string_view name) const {
  const std::string slot = "{{" + std::string(name) + "}}";
  const std::size_t at = text_.find(slot);
  if (at == std::string::npos || text_.find(slot, at + 1) != std::string::npos)
    throw std::logic_error("template slot '" + std::string(name) + "' is not there once");
  return {Template(text_.substr(0, at)), Template(text_.substr(at + slot.size()))};
}

}  // namespace duiding::render

#include "render/templates.h"

#include <stdexcept>

namespace duiding::render {

std::string Template::fill(const std::map<std::string, std::string>& slots) const {
  std::string out;
  out.reserve(text_.size() * 2);
  std::size_t pos = 0;
  for (;;) {
    std::size_t open = text_.find("{{", pos);
    if (open == std::string::npos) break;
    std::size_t close = text_.find("}}", open + 2);
    if (close == std::string::npos) break;
    out.append(text_, pos, open - pos);
    std::string name = text_.substr(open + 2, close - open - 2);
    auto it = slots.find(name);
    if (it == slots.end()) throw std::logic_error("template slot '" + name + "' has no value");
    out += it->second;
    pos = close + 2;
  }
  out.append(text_, pos, std::string::npos);
  return out;
}

}  // namespace duiding::render

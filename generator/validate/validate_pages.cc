#include <fmt/format.h>

#include "diag/messages.h"
#include "validate/fields.h"
#include "validate/validate.h"

namespace duiding::validate {

std::optional<model::Page> page(const std::string& display_name, const std::string& slug,
                                std::string markdown, diag::Diagnostics& diag) {
  if (!is_id(slug)) {
    diag.error({display_name, 0, 0}, id_problem(msg::wat_paginanaam(), slug));
    return std::nullopt;
  }
  // The title is the first line that starts with "# " (an ATX heading of level 1).
  std::size_t start = 0;
  int line = 1;
  if (markdown.rfind("\xEF\xBB\xBF", 0) == 0) markdown.erase(0, 3);
  while (start < markdown.size()) {
    std::size_t end = markdown.find('\n', start);
    std::string text = markdown.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.rfind("# ", 0) == 0) {
      std::string title = text.substr(2);
      while (!title.empty() && (title.back() == ' ' || title.back() == '#')) title.pop_back();
      if (!title.empty()) return model::Page{slug, title, std::move(markdown), {display_name, line, 1}};
    }
    if (end == std::string::npos) break;
    start = end + 1;
    ++line;
  }
  diag.error({display_name, 1, 1}, msg::pagina_zonder_titel());
  return std::nullopt;
}

}  // namespace duiding::validate

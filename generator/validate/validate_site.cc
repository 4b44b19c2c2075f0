#include <fmt/format.h>

#include <set>

#include "validate/fields.h"
#include "validate/validate.h"

namespace duiding::validate {

std::optional<model::Site> site(const load::JsonDoc& doc, diag::Diagnostics& diag) {
  std::size_t errors_before = diag.error_count();
  JsonObject root(doc, "", diag);
  if (!root.ok()) return std::nullopt;
  model::Site s;
  s.title = root.string("title", true).value_or("");
  s.organisation = root.string("organisation", true).value_or("");
  s.language = root.string("language", false).value_or("nl");
  s.base_url = root.string("base_url", false).value_or("");
  s.description = root.string("description", false).value_or("");
  s.footer = root.string("footer", false).value_or("");
  s.fictional = root.boolean("fictional").value_or(false);
  if (auto min_cell = root.number("min_cell")) {
    if (*min_cell < 3 || *min_cell != static_cast<int>(*min_cell)) {
      diag.error(root.pos("min_cell"),
                 fmt::format("'min_cell' is {}; expected a whole number of at least 3",
                             *min_cell));
    } else {
      s.min_cell = static_cast<int>(*min_cell);
    }
  }

  // groups and sections share a shape: a list of objects with an id and a text.
  auto list = [&](const char* key, const char* text_key, bool required, auto add) {
    const nlohmann::json* arr = root.raw(key, required);
    if (arr == nullptr) return;
    if (!arr->is_array() || (required && arr->empty())) {
      diag.error(root.pos(key), fmt::format("'{}' must be a list [ ... ] of objects{}", key,
                                            required ? " with at least one item" : ""));
      return;
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < arr->size(); ++i) {
      std::string ptr = root.pointer(key) + "/" + std::to_string(i);
      JsonObject item(doc, ptr, diag);
      if (!item.ok()) continue;
      auto id = item.string("id", true);
      auto text = item.string(text_key, true);
      if (id && !is_id(*id)) {
        diag.error(item.pos("id"),
                   fmt::format("id '{}' may only hold a-z, 0-9 and '-'", *id));
      } else if (id && !ids.insert(*id).second) {
        diag.error(item.pos("id"), fmt::format("{} id '{}' appears twice", key, *id));
      }
      add(item, id.value_or(""), text.value_or(""));
      item.finish();
    }
  };
  list("groups", "label", true, [&](JsonObject&, std::string id, std::string label) {
    s.groups.push_back({std::move(id), std::move(label)});
  });
  list("sections", "title", false, [&](JsonObject& item, std::string id, std::string title) {
    s.sections.push_back(
        {std::move(id), std::move(title), item.string("description", false).value_or("")});
  });
  root.finish();
  if (diag.error_count() != errors_before) return std::nullopt;
  return s;
}

}  // namespace duiding::validate

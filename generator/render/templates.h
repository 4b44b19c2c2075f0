// Page templates from site-templates/: HTML with `{{name}}` slots that the render stage
// fills with HTML it has already escaped. Templates hold no logic.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace duiding::render {

class Template {
 public:
  explicit Template(std::string text) : text_(std::move(text)) {}

  /// The template with every `{{name}}` replaced by `slots.at(name)`. A slot without a
  /// value is a bug in the generator and throws std::logic_error. The slots are only
  /// read while the call runs: a whole rapportage is not copied to be put in its frame.
  using Slots = std::map<std::string_view, std::string_view, std::less<>>;
  std::string fill(const Slots& slots) const;

  /// The template before and after its `{{name}}` slot, for a page written in parts: the
  /// frame before its content, then the frame after it. Throws std::logic_error unless
  /// the slot is there exactly once.
  std::pair<Template, Template> around(std::string_view name) const;

 private:
  std::string text_;
};

}  // namespace duiding::render

#include "diag/text.h"

#include <algorithm>
#include <cctype>

namespace duiding::msg {

std::string_view code(Lang lang) { return lang == Lang::kEn ? "en" : "nl"; }

std::optional<Lang> parse_lang(std::string_view code) {
  std::string lower(code);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower == "nl") return Lang::kNl;
  if (lower == "en") return Lang::kEn;
  return std::nullopt;
}

// Dutch and English share the rule (CLDR: "one" for exactly 1, "other" otherwise); a
// language with another rule gets its own branch here and its forms in the catalogue.
std::string_view plural_form(Lang, long long n) { return n == 1 ? "one" : "other"; }

Arg::Arg(const Text& text) : text_(std::make_shared<const Text>(text)) {}

std::string Arg::render(Lang lang) const { return text_ ? text_->render(lang) : plain_; }

Text::Text(std::size_t entry, std::vector<Arg> args, long long count)
    : entry_(entry), args_(std::move(args)), count_(count) {}

std::string_view Text::id() const { return entry_ ? std::string_view(catalogue()[*entry_].id) : std::string_view(); }

namespace {

bool name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// The placeholder that starts at text[i] == '{': its name, or nothing.
std::optional<std::string_view> placeholder_at(std::string_view text, std::size_t i) {
  if (i > 0 && text[i - 1] == '{') return std::nullopt;  // "{{ronde}}": a variable shown to the user
  std::size_t j = i + 1;
  while (j < text.size() && name_char(text[j])) ++j;
  if (j == i + 1 || j >= text.size() || text[j] != '}') return std::nullopt;
  return text.substr(i + 1, j - i - 1);
}

const Form* pick(const Entry& e, std::string_view lang, std::string_view plural) {
  const Form* any = nullptr;
  for (const Form& f : e.forms) {
    if (f.lang != lang) continue;
    if (f.plural.empty() || f.plural == plural) return &f;
    if (f.plural == "other") any = &f;
  }
  return any;
}

}  // namespace

std::vector<std::string> placeholders(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '{')
      if (auto name = placeholder_at(text, i)) out.emplace_back(*name);
  return out;
}

std::string Text::render(Lang lang) const {
  if (!entry_) return {};
  const Entry& e = catalogue()[*entry_];
  const Form* form = pick(e, code(lang), plural_form(lang, count_));
  if (form == nullptr) form = pick(e, code(Lang::kNl), plural_form(Lang::kNl, count_));
  if (form == nullptr) return std::string(e.id);
  std::string_view text = form->text;
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      if (auto name = placeholder_at(text, i)) {
        auto at = std::find(e.args.begin(), e.args.end(), *name);
        if (at != e.args.end() && static_cast<std::size_t>(at - e.args.begin()) < args_.size()) {
          out += args_[at - e.args.begin()].render(lang);
          i += name->size() + 1;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace duiding::msg

#include "text/site_words.h"

#include <algorithm>

namespace duiding::txt {
namespace {

// The text of `e` for `lang` and count `n`: the form for n's plural category, or the one
// for every count.
const Form* form_for(const Entry& e, msg::Lang lang, long long n) {
  const std::string_view code = msg::code(lang);
  const std::string_view plural = msg::plural_form(lang, n);
  for (const Form& f : e.forms)
    if (f.lang == code && (f.plural.empty() || f.plural == plural)) return &f;
  return nullptr;
}

}  // namespace

std::string say(std::size_t entry, std::initializer_list<Arg> args, long long count) {
  const Entry& e = catalogue()[entry];
  const Form* form = form_for(e, kSiteLanguage, count);
  if (form == nullptr) form = form_for(e, msg::Lang::kNl, count);
  if (form == nullptr) return e.id;  // the catalogue test sees that every message has Dutch words
  std::string_view text = form->text;
  std::string out;
  out.reserve(text.size());
  // Each {name} that names an argument is replaced by it; other braces are words.
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      std::size_t close = text.find('}', i + 1);
      if (close != std::string_view::npos) {
        std::string_view name = text.substr(i + 1, close - i - 1);
        auto at = std::find(e.args.begin(), e.args.end(), name);
        if (at != e.args.end()) {
          out += (args.begin() + (at - e.args.begin()))->text();
          i = close;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace duiding::txt

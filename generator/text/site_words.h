// The words of the site: every sentence, heading, label and link text a page shows comes
// from the site's catalogue (generator/text/site.catalogue), turned into
// text/site_text.h at build time: one function per message, txt::id_with_underscores(
// arguments), returning the words. The catalogue has the format of the program's messages
// (diag/text.h): named arguments, a '#n' count that picks the plural form. See
// docs/architecture.md, "Messages".
#pragma once

#include <concepts>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "diag/text.h"

namespace duiding::txt {

using msg::Entry;
using msg::Form;

/// What a message function returns: its words, ready to be escaped into a page.
using Text = std::string;

/// One argument of a site message: words or a number, shown as they are (numbers with a
/// decimal comma are formatted by the caller).
class Arg {
 public:
  Arg(std::string_view value) : view_(value) {}
  Arg(const std::string& value) : view_(value) {}
  Arg(const char* value) : view_(value) {}
  template <std::integral T>
  Arg(T number) : own_(std::to_string(number)), owns_(true) {}
  Arg(const Arg& other) : view_(other.view_), own_(other.own_), owns_(other.owns_) {}

  std::string_view text() const { return owns_ ? std::string_view(own_) : view_; }

 private:
  std::string_view view_;
  std::string own_;
  bool owns_ = false;
};

/// The language the site speaks. The public site is Dutch; the catalogue's format allows a
/// text per language (a message without one in this language falls back to Dutch).
constexpr msg::Lang kSiteLanguage = msg::Lang::kNl;

/// Message `entry` of the site's catalogue in the site's language, with `args` in the
/// catalogue's order; `count` picks the plural form. Called by text/site_text.h.
std::string say(std::size_t entry, std::initializer_list<Arg> args, long long count);

/// Every entry of the site's catalogue, in its order (generated at build time).
const std::vector<Entry>& catalogue();

}  // namespace duiding::txt

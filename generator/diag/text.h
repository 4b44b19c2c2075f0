// Messages for people: every sentence duiding says about a site source comes from one
// catalogue (generator/diag/messages.catalogue), where each message has a stable id, named
// arguments and a text per language with plural forms. Code carries ids and values; the
// catalogue carries the words. See docs/architecture.md, "Messages".
#pragma once

#include <concepts>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace duiding::msg {

/// The languages of the catalogue. Dutch is the default for everything a user sees.
enum class Lang { kNl, kEn };

/// "nl" or "en".
std::string_view code(Lang lang);

/// The language named `code` ("nl", "en", case-insensitive); nothing for another name.
std::optional<Lang> parse_lang(std::string_view code);

/// The plural form of count `n` in `lang`: "one" or "other" (Dutch and English both say
/// "1 fout", "0 fouten", "2 fouten").
std::string_view plural_form(Lang lang, long long n);

class Text;

/// One argument of a message: a value from the data (an id, a file name, a number), shown
/// as it is, or another message, shown in the same language as the one it is part of.
class Arg {
 public:
  Arg(std::string value) : plain_(std::move(value)) {}
  Arg(std::string_view value) : plain_(value) {}
  Arg(const char* value) : plain_(value) {}
  Arg(const Text& text);
  template <std::integral T>
  Arg(T number) : plain_(std::to_string(number)) {}

  std::string render(Lang lang) const;

 private:
  std::string plain_;
  std::shared_ptr<const Text> text_;
};

/// A message with its arguments, not yet in words: render() picks the language. Made by
/// the functions of diag/messages.h, one per catalogue entry; the empty Text says nothing.
class Text {
 public:
  Text() = default;
  /// Message `entry` of the catalogue with `args` in the catalogue's order; `count` picks
  /// the plural form when the message has a count argument. Called by diag/messages.h.
  Text(std::size_t entry, std::vector<Arg> args, long long count);

  bool empty() const { return !entry_; }
  /// The message's id in the catalogue ("" for the empty Text).
  std::string_view id() const;
  /// The message in `lang`, its arguments filled in. A language the catalogue lacks for
  /// this message falls back to Dutch.
  std::string render(Lang lang) const;

 private:
  std::optional<std::size_t> entry_;
  std::vector<Arg> args_;
  long long count_ = 0;
};

/// One text of a message: its language, plural form ("one", "other", or "" for every
/// count) and words with `{argument}` placeholders.
struct Form {
  std::string lang;
  std::string plural;
  std::string text;
};

/// One catalogue entry. `count_arg` is the index of the argument that picks the plural
/// form, -1 when there is none.
struct Entry {
  std::string id;
  std::vector<std::string> args;
  int count_arg;
  std::vector<Form> forms;
};

/// Every entry of the catalogue, in its order (generated at build time).
const std::vector<Entry>& catalogue();

/// The placeholders of `text` in order: each `{name}` whose name is a run of a-z, 0-9 and
/// '_', not preceded by another '{'. Anything else ("{{ronde}}" shown to the user) is text.
std::vector<std::string> placeholders(std::string_view text);

}  // namespace duiding::msg

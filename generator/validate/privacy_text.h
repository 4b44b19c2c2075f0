// Text helpers of the privacy scan: UTF-8 code points, letter case for the Latin scripts
// Dutch names use, and the tokens (words, numbers, marks) the name rules work on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace duiding::validate::privacy::text {

/// The code point at `at` and its length in bytes (an invalid byte counts as one U+FFFD).
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t at);
void append_utf8(std::string& out, char32_t cp);

bool is_letter(char32_t cp);
bool is_upper(char32_t cp);
char32_t to_lower(char32_t cp);
std::string lower(std::string_view word);

enum class TokKind { kWord, kNumber, kMark, kPlaceholder };

/// A word (letters, with inner hyphens and apostrophes: Dirk-Jan, McDonald's), a number
/// (digits, with a decimal comma and an ordinal suffix: 2,5 and 6e), one mark (any other
/// character that is not a space) or a placeholder (<naam>, [naam]).
struct Token {
  TokKind kind;
  std::size_t begin = 0;
  std::size_t end = 0;
  bool line_break_before = false;  ///< a line break between this and the previous token
};

std::vector<Token> tokenize(std::string_view s);

}  // namespace duiding::validate::privacy::text

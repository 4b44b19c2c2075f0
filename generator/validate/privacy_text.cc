#include "validate/privacy_text.h"

namespace duiding::validate::privacy::text {

std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t at) {
  auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char c = b(at);
  if (c < 0x80) return {c, 1};
  std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || at + len > s.size()) return {0xFFFD, 1};
  char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (std::size_t i = 1; i < len; ++i) {
    if ((b(at + i) & 0xC0) != 0x80) return {0xFFFD, 1};
    cp = (cp << 6) | (b(at + i) & 0x3F);
  }
  return {cp, len};
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Letters: ASCII, Latin-1 and the Latin extensions (é, ë, ç, ş, ...), Greek, Cyrillic and
// the other scripts above U+0370 except punctuation, symbols and spaces.
bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (cp == 0x3000 || cp == 0xFEFF || cp == 0xFFFD) return false;
  return true;
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 0 && cp != 0x138;
  if (cp >= 0x391 && cp <= 0x3AB) return true;  // Greek
  if (cp >= 0x400 && cp <= 0x42F) return true;  // Cyrillic
  return false;
}

char32_t to_lower(char32_t cp) {
  if (!is_upper(cp)) return cp;
  if (cp < 0x80 || (cp >= 0xC0 && cp <= 0xDE) || (cp >= 0x391 && cp <= 0x3AB)) return cp + 0x20;
  if (cp >= 0x100 && cp <= 0x17F) return cp + 1;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  return cp + 0x20;  // Cyrillic А-Я
}

std::string lower(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size();) {
    auto [cp, len] = decode(word, i);
    if (cp < 0x80) {
      out += static_cast<char>(to_lower(cp));
    } else if (cp == 0xFFFD && len == 1) {
      out += word[i];
    } else {
      append_utf8(out, to_lower(cp));
    }
    i += len;
  }
  return out;
}

namespace {

bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }
bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}
bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

}  // namespace

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  bool line_break = false;
  std::size_t at = 0;
  while (at < s.size()) {
    auto [cp, len] = decode(s, at);
    if (is_space(cp)) {
      line_break = line_break || cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029;
      at += len;
      continue;
    }
    Token t{TokKind::kMark, at, at + len, line_break};
    line_break = false;
    if ((cp == '<' || cp == '[') && at + 1 < s.size()) {
      // A placeholder: <naam>, <naam organisatie>, [naam]: up to 60 bytes, no line break.
      char close = cp == '<' ? '>' : ']';
      std::size_t end = s.find_first_of(std::string_view(cp == '<' ? ">\n<" : "]\n["), at + 1);
      if (end != std::string_view::npos && s[end] == close && end - at <= 60 && end > at + 1) {
        t.kind = TokKind::kPlaceholder;
        t.end = end + 1;
      }
    } else if (is_letter(cp)) {
      // '-' or an apostrophe inside a word joins it to the next letters.
      std::size_t end = at + len;
      while (end < s.size()) {
        auto [c2, l2] = decode(s, end);
        if (is_letter(c2)) {
          end += l2;
          continue;
        }
        if ((c2 == '-' || is_apostrophe(c2)) && end + l2 < s.size() && is_letter(decode(s, end + l2).first)) {
          end += l2;
          continue;
        }
        break;
      }
      t.kind = TokKind::kWord;
      t.end = end;
    } else if (is_apostrophe(cp) && at + len < s.size() && s[at + len] == 't' &&
               (at + len + 1 >= s.size() || !is_letter(decode(s, at + len + 1).first))) {
      t.kind = TokKind::kWord;  // 't (het), as in "van 't Hof"
      t.end = at + len + 1;
    } else if (is_digit(cp)) {
      std::size_t end = at + 1;
      while (end < s.size() && is_digit(static_cast<unsigned char>(s[end]))) ++end;
      if (end + 1 < s.size() && s[end] == ',' && is_digit(static_cast<unsigned char>(s[end + 1]))) {
        end += 2;
        while (end < s.size() && is_digit(static_cast<unsigned char>(s[end]))) ++end;
      }
      // Ordinal suffix: 6e, 12de, 1ste (and nothing more of a word after it).
      for (std::string_view suffix : {"ste", "de", "e"}) {
        if (s.substr(end, suffix.size()) == suffix &&
            (end + suffix.size() >= s.size() || !is_letter(decode(s, end + suffix.size()).first))) {
          end += suffix.size();
          break;
        }
      }
      t.kind = TokKind::kNumber;
      t.end = end;
    }
    at = t.end;
    out.push_back(t);
  }
  return out;
}

}  // namespace duiding::validate::privacy::text

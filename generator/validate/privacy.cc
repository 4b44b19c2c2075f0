#include "validate/privacy.h"
#include "diag/messages.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "validate/privacy_text.h"

namespace duiding::validate::privacy {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_alnum(char c) { return is_digit(c) || is_upper(c) || is_lower(c); }
// A letter of a word: ASCII letters and every byte of a multi-byte UTF-8 character
// (é, ë, ï, ... in Dutch names).
bool is_word_byte(char c) {
  return is_upper(c) || is_lower(c) || static_cast<unsigned char>(c) >= 0x80;
}
char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_ci(std::string_view text, std::size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(text[at + i]) != prefix[i]) return false;
  return true;
}

// True when position `at` starts a token: the text starts there or the byte before is not
// a letter, digit or one of `also`.
bool token_start(std::string_view text, std::size_t at, std::string_view also = {}) {
  if (at == 0) return true;
  char c = text[at - 1];
  return !is_ascii_alnum(c) && !is_word_byte(c) && also.find(c) == std::string_view::npos;
}

void add(std::vector<Finding>& out, Kind kind, std::string_view text, std::size_t begin,
         std::size_t end) {
  out.push_back({kind, begin, end - begin, std::string(text.substr(begin, end - begin))});
}

// The code point that ends just before byte `at`, and its first byte.
std::pair<char32_t, std::size_t> previous_cp(std::string_view text, std::size_t at) {
  std::size_t b = at - 1;
  while (b > 0 && at - b < 4 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
  auto [cp, len] = text::decode(text, b);
  if (b + len != at) return {0xFFFD, at - 1};
  return {cp, b};
}

// name@domain.tld; letters outside ASCII count (josé@gemeente.nl, info@bücher.de).
void scan_email(std::string_view text, std::vector<Finding>& out) {
  auto local_char = [](char32_t c) {
    return c < 0x80 ? is_ascii_alnum(static_cast<char>(c)) || std::string_view("._%+-").find(static_cast<char>(c)) != std::string_view::npos
                    : text::is_letter(c);
  };
  auto domain_char = [](char32_t c) {
    return c < 0x80 ? is_ascii_alnum(static_cast<char>(c)) || c == '.' || c == '-' : text::is_letter(c);
  };
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::size_t begin = at;
    while (begin > 0) {
      auto [cp, b] = previous_cp(text, begin);
      if (!local_char(cp)) break;
      begin = b;
    }
    while (begin < at && text[begin] == '.') ++begin;
    std::size_t end = at + 1;
    while (end < text.size()) {
      auto [cp, len] = text::decode(text, end);
      if (!domain_char(cp)) break;
      end += len;
    }
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
    if (begin == at) continue;
    std::string_view domain = text.substr(at + 1, end - at - 1);
    std::size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0) continue;
    std::string_view tld = domain.substr(dot + 1);
    if (tld.size() < 2 || !std::all_of(tld.begin(), tld.end(), [](char c) { return is_upper(c) || is_lower(c); }))
      continue;
    add(out, Kind::kEmail, text, begin, end);
  }
}

// http://..., https://..., www....
void scan_url(std::string_view text, std::vector<Finding>& out) {
  for (std::size_t at = 0; at < text.size(); ++at) {
    bool scheme = starts_with_ci(text, at, "http://") || starts_with_ci(text, at, "https://");
    bool www = starts_with_ci(text, at, "www.");
    if (!(scheme || www) || !token_start(text, at)) continue;
    std::size_t end = at;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
           std::string_view("<>\"'").find(text[end]) == std::string_view::npos)
      ++end;
    while (end > at && std::string_view(".,;:!?)").find(text[end - 1]) != std::string_view::npos) --end;
    std::size_t min_len = scheme ? (starts_with_ci(text, at, "https") ? 9 : 8) : 5;
    if (end - at >= min_len) add(out, Kind::kUrl, text, at, end);
    at = std::max(at, end);  // never walk the same text twice
  }
}

// Two letters after four digits that are a word or a unit, not a postcode: "2024 en",
// "4000 km". Only asked when the letters are not both capitals.
bool small_word_after_number(std::string_view letters) {
  static constexpr std::array<std::string_view, 30> kWords = {
      "en", "in", "op", "of", "om", "te", "is", "er", "ze", "we", "je", "na", "al", "nu", "zo",
      "ik", "de", "an", "at", "to", "km", "kg", "cm", "mm", "ml", "mg", "cl", "dl", "gb", "mb"};
  std::string low{lower(letters[0]), lower(letters[1])};
  return std::find(kWords.begin(), kWords.end(), low) != kWords.end();
}

// 9712 AB, 9712AB, 9711 lm: four digits (not starting with 0), two letters (not SA, SD,
// SS, which PostNL does not use). Letters not in capitals must not be a small word or unit,
// and the number then must not be a year (1900-2100).
void scan_postcode(std::string_view text, std::vector<Finding>& out) {
  for (std::size_t at = 0; at + 6 <= text.size(); ++at) {
    if (text[at] < '1' || text[at] > '9' || !token_start(text, at)) continue;
    std::size_t p = at;
    while (p < text.size() && is_digit(text[p])) ++p;
    if (p - at != 4) {
      at = p;
      continue;
    }
    if (p < text.size() && text[p] == ' ') ++p;
    auto letter = [](char c) { return is_upper(c) || is_lower(c); };
    if (p + 2 > text.size() || !letter(text[p]) || !letter(text[p + 1])) continue;
    if (p + 2 < text.size() && (is_ascii_alnum(text[p + 2]) || is_word_byte(text[p + 2]))) continue;
    std::string_view letters = text.substr(p, 2);
    std::string up{static_cast<char>(std::toupper(letters[0])), static_cast<char>(std::toupper(letters[1]))};
    if (up == "SA" || up == "SD" || up == "SS") continue;
    if (!(is_upper(letters[0]) && is_upper(letters[1]))) {
      int number = std::stoi(std::string(text.substr(at, 4)));
      if ((number >= 1900 && number <= 2100) || small_word_after_number(letters)) continue;
    }
    add(out, Kind::kPostcode, text, at, p + 2);
  }
}

// Dutch phone numbers: 0 and nine more digits (06-12345678, 050-3671234, 050 367 12 34,
// (050) 367 1234), or +31 / 0031 and nine digits (+31 6 12345678, +31 (0)50 3671234).
// Single spaces, dashes, dots, slashes and brackets may separate the digits (06.12.34.56.78,
// 06/12345678).
void scan_phone(std::string_view text, std::vector<Finding>& out) {
  for (std::size_t at = 0; at < text.size(); ++at) {
    char c = text[at];
    if (c != '+' && c != '0' && c != '(') continue;
    if (!token_start(text, at, "+")) continue;
    std::size_t p = at;
    bool international = false;
    if (starts_with_ci(text, p, "+31")) {
      p += 3;
      international = true;
    } else if (starts_with_ci(text, p, "0031")) {
      p += 4;
      international = true;
    } else if (c == '+') {
      continue;
    }
    if (international) {
      std::size_t q = p;
      if (q < text.size() && (text[q] == ' ' || text[q] == '-')) ++q;
      if (starts_with_ci(text, q, "(0)")) p = q + 3;
    }
    int digits = 0;
    int needed = international ? 9 : 10;
    std::size_t last_digit = std::string_view::npos;
    bool open_bracket = false;
    bool bad = false;
    while (p < text.size()) {
      char d = text[p];
      if (is_digit(d)) {
        if (digits == 0 && !international && d != '0') bad = true;   // national: starts with 0
        if (digits == 1 && !international && d == '0') bad = true;   // 00 is international
        if (digits == 0 && international && d == '0') bad = true;
        ++digits;
        last_digit = p;
        ++p;
        if (digits > needed) break;
        continue;
      }
      bool separator = d == ' ' || d == '-' || d == '.' || d == '/' || (d == '(' && digits == 0 && !open_bracket) ||
                       (d == ')' && open_bracket);
      if (!separator) break;
      if (d == '(') open_bracket = true;
      if (d == ')') open_bracket = false;
      // A separator must be followed by a digit (or a space after a closing bracket).
      std::size_t next = p + 1;
      if (d == ')' && next < text.size() && (text[next] == ' ' || text[next] == '-')) ++next;
      if (next >= text.size() || !is_digit(text[next])) break;
      p = next;
    }
    if (bad || digits != needed || open_bracket) continue;
    std::size_t end = last_digit + 1;
    if (end < text.size() && (is_ascii_alnum(text[end]) || is_word_byte(text[end]))) continue;
    add(out, Kind::kPhone, text, at, end);
    at = end - 1;
  }
}

// True when the letters just before `at` are "BSN" (any case) and start a word: BSN111222333.
bool bsn_label_before(std::string_view text, std::size_t at) {
  if (at < 3) return false;
  if (lower(text[at - 3]) != 'b' || lower(text[at - 2]) != 's' || lower(text[at - 1]) != 'n') return false;
  return at == 3 || !(is_ascii_alnum(text[at - 4]) || is_word_byte(text[at - 4]));
}

// Nine digits, optionally separated by single dots, spaces or dashes (123456782,
// 1234.56.782, 123 456 782, 111-222-333), that pass the 11-test; also straight after
// the letters BSN (BSN111222333).
void scan_bsn(std::string_view text, std::vector<Finding>& out) {
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (!is_digit(text[at])) continue;
    // Not in the middle of a longer number (a digit, or a digit and a separator before).
    if (at > 0 && (is_digit(text[at - 1]) || is_ascii_alnum(text[at - 1]) || is_word_byte(text[at - 1])) &&
        !(!is_digit(text[at - 1]) && bsn_label_before(text, at)))
      continue;
    if (at > 1 && (text[at - 1] == '.' || text[at - 1] == ',' || text[at - 1] == '-') && is_digit(text[at - 2])) continue;
    std::string digits;
    std::size_t p = at;
    std::size_t end = at;
    while (p < text.size() && digits.size() <= 9) {
      if (is_digit(text[p])) {
        digits += text[p];
        end = ++p;
        continue;
      }
      if ((text[p] == '.' || text[p] == ' ' || text[p] == '-') && p + 1 < text.size() && is_digit(text[p + 1])) {
        ++p;
        continue;
      }
      break;
    }
    // Skip the rest of a longer number in one step (linear time).
    while (end < text.size() && is_digit(text[end])) ++end;
    bool word_after = end < text.size() && (is_ascii_alnum(text[end]) || is_word_byte(text[end]));
    if (digits.size() == 9 && !word_after && passes_11_test(digits))
      add(out, Kind::kBsn, text, at, end);
    at = end - 1;
  }
}

// A capitalised word ending in a Dutch street suffix, a space and a house number with an
// optional letter or addition: Herestraat 12, Oosterweg 3a, Vismarkt 12-2.
void scan_address(std::string_view text, std::vector<Finding>& out) {
  static const std::array<std::string_view, 34> kSuffixes = {
      "straat", "weg", "laan", "plein", "singel", "kade", "dijk", "gracht", "pad",
      "steeg", "hof", "dreef", "markt", "wal", "ring", "diep", "park", "plantsoen",
      "boulevard", "allee", "dwarsstraat", "erf", "baan", "hoek", "kamp", "werf",
      "haven", "oord", "dam", "veld", "straatweg", "kanaal", "zijl", "wijk"};
  std::size_t at = 0;
  while (at < text.size()) {
    if (!is_word_byte(text[at]) || !token_start(text, at)) {
      ++at;
      continue;
    }
    std::size_t end = at;
    while (end < text.size() && (is_word_byte(text[end]) || text[end] == '-')) ++end;
    std::string word;
    for (std::size_t i = at; i < end; ++i) word += lower(text[i]);
    bool capital = is_upper(text[at]);
    bool street = capital && std::any_of(kSuffixes.begin(), kSuffixes.end(), [&](std::string_view s) {
                    return word.size() >= s.size() && word.compare(word.size() - s.size(), s.size(), s) == 0;
                  });
    // Abbreviated: Herestr. 12, Kerkln 3, Wilhelminapl. 1.
    static const std::array<std::string_view, 5> kAbbreviations = {"str", "ln", "pl", "sngl", "wg"};
    bool abbreviated = capital && !street && std::any_of(kAbbreviations.begin(), kAbbreviations.end(), [&](std::string_view s) {
                         return word.size() > s.size() + 1 && word.compare(word.size() - s.size(), s.size(), s) == 0;
                       });
    std::size_t p = end;
    if (abbreviated) {
      street = true;
      if (p < text.size() && text[p] == '.') ++p;
    }
    if (street && p + 1 < text.size() && text[p] == ' ' && is_digit(text[p + 1]) && text[p + 1] != '0') {
      std::size_t q = p + 1;
      while (q < text.size() && is_digit(text[q])) ++q;
      bool number_ok = q - (p + 1) <= 4;
      // Optional addition: -number (12-2) or a letter (3a, 3 a, 3-A).
      if (q + 1 < text.size() && text[q] == '-' && is_digit(text[q + 1])) {
        q += 1;
        while (q < text.size() && is_digit(text[q])) ++q;
      } else {
        std::size_t r = q;
        if (r < text.size() && (text[r] == ' ' || text[r] == '-')) ++r;
        bool letter = r < text.size() && (is_lower(text[r]) || is_upper(text[r]));
        bool alone = r + 1 >= text.size() || !(is_ascii_alnum(text[r + 1]) || is_word_byte(text[r + 1]));
        if (letter && alone) q = r + 1;
      }
      bool word_after = q < text.size() && (is_ascii_alnum(text[q]) || is_word_byte(text[q]));
      if (number_ok && !word_after) {
        add(out, Kind::kAddress, text, at, q);
        at = q;
        continue;
      }
    }
    at = end;
  }
}

}  // namespace

bool passes_11_test(std::string_view digits) {
  if (digits.size() != 9 || !std::all_of(digits.begin(), digits.end(), is_digit)) return false;
  int sum = 0;
  bool all_zero = true;
  for (int i = 0; i < 8; ++i) {
    sum += (9 - i) * (digits[i] - '0');
    all_zero = all_zero && digits[i] == '0';
  }
  sum -= digits[8] - '0';
  all_zero = all_zero && digits[8] == '0';
  return !all_zero && sum % 11 == 0;
}

namespace {

// `text` with every Unicode space as ' ' and every Unicode dash or minus as '-', so the
// patterns see "06\u00A012345678" and "06\u201312345678" as usual; `from` maps each byte of
// the result (and its end) to the byte of `text` it came from.
struct Normalised {
  std::string text;
  std::vector<std::size_t> from;
};

Normalised normalise(std::string_view text) {
  Normalised n;
  n.text.reserve(text.size());
  n.from.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size();) {
    auto [cp, len] = text::decode(text, i);
    char replacement = 0;
    if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000)
      replacement = ' ';
    else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63 || cp == 0xFF0D)
      replacement = '-';
    if (replacement != 0 && len > 1) {
      n.text += replacement;
      n.from.push_back(i);
    } else {
      for (std::size_t k = 0; k < len; ++k) {
        n.text += text[i + k];
        n.from.push_back(i + k);
      }
    }
    i += len;
  }
  n.from.push_back(text.size());
  return n;
}

}  // namespace

std::vector<Finding> scan(std::string_view original) {
  Normalised n = normalise(original);
  std::string_view text(n.text);
  std::vector<Finding> all;
  scan_email(text, all);
  scan_url(text, all);
  scan_postcode(text, all);
  scan_phone(text, all);
  scan_bsn(text, all);
  scan_address(text, all);
  std::stable_sort(all.begin(), all.end(), [](const Finding& a, const Finding& b) {
    return a.offset != b.offset ? a.offset < b.offset : a.length > b.length;
  });
  // Sorted by offset, so a finding lies inside an earlier one exactly when it ends before
  // the furthest end seen so far: one pass, not a comparison with every kept finding.
  std::vector<Finding> out;
  std::size_t reach = 0;
  for (auto& f : all) {
    if (!out.empty() && f.offset + f.length <= reach) continue;
    reach = std::max(reach, f.offset + f.length);
    std::size_t begin = n.from[f.offset], end = n.from[f.offset + f.length];
    out.push_back({f.kind, begin, end - begin, std::string(original.substr(begin, end - begin))});
  }
  return out;
}

const char* kind_id(Kind k) {
  switch (k) {
    case Kind::kEmail: return "email";
    case Kind::kPhone: return "phone";
    case Kind::kPostcode: return "postcode";
    case Kind::kBsn: return "bsn";
    case Kind::kUrl: return "url";
    case Kind::kAddress: return "address";
    case Kind::kName: return "name";
    case Kind::kInstitution: return "institution";
    case Kind::kAge: return "age";
    case Kind::kDate: return "date";
  }
  return "";
}

std::optional<Kind> kind_from_id(std::string_view id) {
  for (Kind k : kAllKinds)
    if (id == kind_id(k)) return k;
  return std::nullopt;
}

msg::Text kind_description(Kind k) {
  switch (k) {
    case Kind::kEmail: return msg::soort_email();
    case Kind::kPhone: return msg::soort_telefoon();
    case Kind::kPostcode: return msg::soort_postcode();
    case Kind::kBsn: return msg::soort_bsn();
    case Kind::kUrl: return msg::soort_url();
    case Kind::kAddress: return msg::soort_adres();
    case Kind::kName: return msg::soort_naam();
    case Kind::kInstitution: return msg::soort_instelling();
    case Kind::kAge: return msg::soort_leeftijd();
    case Kind::kDate: return msg::soort_datum();
  }
  return {};
}

std::optional<Override> parse_override(std::string_view text, msg::Text& error) {
  auto trim = [](std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t\n");
    if (b == std::string_view::npos) return std::string_view();
    std::size_t e = s.find_last_not_of(" \t\n");
    return s.substr(b, e - b + 1);
  };
  std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || trim(text.substr(colon + 1)).empty()) {
    error = msg::privacy_ok_zonder_reden();
    return std::nullopt;
  }
  Override o;
  o.reason = std::string(trim(text.substr(colon + 1)));
  std::string_view kinds = text.substr(0, colon);
  std::size_t start = 0;
  while (start <= kinds.size()) {
    std::size_t comma = kinds.find(',', start);
    std::string_view item = trim(kinds.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    start = comma == std::string_view::npos ? kinds.size() + 1 : comma + 1;
    if (item.empty()) continue;
    auto k = kind_from_id(item);
    if (!k) {
      error = msg::privacy_ok_onbekende_soort(item);
      return std::nullopt;
    }
    o.kinds.insert(*k);
  }
  if (o.kinds.empty()) {
    error = msg::privacy_ok_zonder_soort();
    return std::nullopt;
  }
  return o;
}

SourcePos position_in_field(const load::Field& field, const std::string& file,
                            std::size_t offset) {
  SourcePos pos{file, field.line, field.quoted ? field.column + 1 : field.column};
  const std::string& t = field.text;
  for (std::size_t i = 0; i < offset && i < t.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((c & 0xC0) == 0x80) {
      // a continuation byte: same character
    } else {
      pos.column += field.quoted && c == '"' ? 2 : 1;
    }
  }
  return pos;
}

}  // namespace duiding::validate::privacy

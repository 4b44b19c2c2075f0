#include "validate/privacy_names.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "validate/privacy_rules.h"
#include "validate/privacy_words.h"
#include "validate/privacy_text.h"

namespace duiding::validate::privacy {

using text::Token;
using text::TokKind;
using words::all_upper;
using words::camel_case;
using words::capitalised;
using words::Classifier;
using words::WordClass;

namespace {

struct Scan {
  std::string_view s;
  const NameContext& ctx;
  Classifier classifier;
  std::vector<Token> toks;
  std::vector<std::string> low;     // lower-case text of each word token
  std::vector<bool> public_word;    // token lies inside a public name
  std::vector<Finding> out;

  Scan(std::string_view text, const NameContext& c)
      : s(text), ctx(c), classifier(*c.words), toks(text::tokenize(text)) {
    low.reserve(toks.size());
    for (const auto& t : toks)
      low.push_back(t.kind == TokKind::kWord && t.end - t.begin <= 64 ? text::lower(str(t)) : std::string());
    mark_public_names();
  }

  std::string_view str(const Token& t) const { return s.substr(t.begin, t.end - t.begin); }
  bool word(std::size_t i) const { return i < toks.size() && toks[i].kind == TokKind::kWord; }
  bool number(std::size_t i) const { return i < toks.size() && toks[i].kind == TokKind::kNumber; }
  bool mark(std::size_t i, std::string_view m) const {
    return i < toks.size() && toks[i].kind == TokKind::kMark && str(toks[i]) == m;
  }
  bool low_is(std::size_t i, std::string_view w) const { return word(i) && low[i] == w; }
  // Only spaces between token i and i + 1 (no line break).
  bool adjacent(std::size_t i) const {
    return i + 1 < toks.size() && !toks[i + 1].line_break_before;
  }
  bool touching(std::size_t i) const { return i + 1 < toks.size() && toks[i].end == toks[i + 1].begin; }

  void add(Kind k, std::size_t first, std::size_t last) {
    std::size_t b = toks[first].begin, e = toks[last].end;
    out.push_back({k, b, e - b, std::string(s.substr(b, e - b))});
  }

  void mark_public_names() {
    public_word.assign(toks.size(), false);
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (const auto& name : ctx.public_names) {
      if (name.empty()) continue;
      for (std::size_t at = s.find(name); at != std::string_view::npos; at = s.find(name, at + 1)) {
        std::size_t end = at + name.size();
        bool left = at == 0 || !text::is_letter(text::decode(s, at - 1).first) ||
                    (static_cast<unsigned char>(s[at - 1]) & 0xC0) == 0x80;
        bool right = end >= s.size() || !text::is_letter(text::decode(s, end).first);
        if (left && right) spans.emplace_back(at, end);
      }
    }
    std::sort(spans.begin(), spans.end());
    std::size_t j = 0;
    for (std::size_t i = 0; i < toks.size(); ++i) {
      while (j < spans.size() && spans[j].second <= toks[i].begin) ++j;
      for (std::size_t k = j; k < spans.size() && spans[k].first < toks[i].end; ++k)
        if (spans[k].first <= toks[i].begin && toks[i].end <= spans[k].second) public_word[i] = true;
    }
  }

  // The first word of a sentence, a line, a quotation or a bracket: its capital says nothing.
  bool sentence_start(std::size_t i) const {
    if (i == 0 || toks[i].line_break_before) return true;
    const Token& p = toks[i - 1];
    if (p.kind == TokKind::kPlaceholder) return false;
    if (p.kind != TokKind::kMark) return false;
    std::string_view m = str(p);
    static const std::vector<std::string_view> kStarts = {
        ".", "!", "?", ":", ";", "\"", "(", "[", "-", "\xE2\x80\x9C", "\xE2\x80\x9E",
        "\xE2\x80\x98", "\xE2\x80\xA6", "'", "\xE2\x80\x93", "\xE2\x80\x94", "*", "\xE2\x80\xA2"};
    return std::find(kStarts.begin(), kStarts.end(), m) != kStarts.end();
  }

  // A capitalised word that may be (part of) a name: not an acronym, not a brand written
  // in camel case, not public, not a month, weekday or holiday.
  bool name_like(std::size_t i) const {
    if (!word(i) || public_word[i]) return false;
    std::string_view w = str(toks[i]);
    if (!capitalised(w) || all_upper(w) || camel_case(w)) return false;
    if (w.size() < 2) return false;
    if (rules::is_role_word(low[i]) || rules::is_abbreviated_honorific(low[i])) return false;
    // Numerals: Twee, Eén (the capital of één drops one accent).
    if (rules::numeral_value(low[i]) > 0 || low[i] == "e\xC3\xA9n" || low[i] == "\xC3\xA9\xC3\xA9n") return false;
    return !rules::is_calendar_word(low[i]);
  }
  WordClass cls(std::size_t i) const {
    std::string_view w = str(toks[i]);
    if (w.size() > 64) return WordClass::kUnknown;
    return classifier.classify(w, !sentence_start(i));
  }
  bool acronym(std::size_t i) const { return word(i) && !public_word[i] && all_upper(str(toks[i])); }
  // An initial: one capital letter and a full stop (J., A.B.).
  bool initial(std::size_t i) const {
    if (!word(i) || !mark(i + 1, ".") || !touching(i)) return false;
    std::string_view w = str(toks[i]);
    auto [cp, len] = text::decode(w, 0);
    return len == w.size() && text::is_upper(cp);
  }
  // The word before token i is an honorific or role word (mevrouw, juf, mijn zoon, ...),
  // perhaps abbreviated with a full stop, perhaps followed by a comma.
  bool after_role(std::size_t i) const {
    if (i == 0) return false;
    std::size_t p = i - 1;
    if (mark(p, ",") && p > 0) --p;
    if (mark(p, ".") && p > 0 && rules::is_abbreviated_honorific(low[p - 1])) return true;
    return word(p) && rules::is_role_word(low[p]);
  }

  // Names: flags groups of capitalised words. Returns the index after the group.
  std::size_t try_name(std::size_t i) {
    bool start = sentence_start(i);
    bool role = after_role(i);
    std::size_t first = i;
    // Particles after a role word: mevrouw de Boer, mevrouw van der Veen.
    if (role && word(i) && rules::is_particle(low[i]) && !capitalised(str(toks[i]))) {
      std::size_t j = i;
      while (j < toks.size() && word(j) && rules::is_particle(low[j]) && j - i < 3) ++j;
      if (!name_like(j)) return i + 1;
      return extend(first, j, Kind::kName);
    }
    if (role && initial(i)) return extend(first, i, Kind::kName);
    if (!name_like(i)) return i + 1;
    WordClass c = cls(i);
    bool capital_particle = !start && (rules::is_particle(low[i]) || low[i] == "het") && name_like(i + 1) && adjacent(i);
    bool article = capital_particle && (low[i] == "de" || low[i] == "het" || low[i] == "'t");
    bool group_common = !start && c == WordClass::kCommon &&
                        ((adjacent(i) && (name_like(i + 1) || acronym(i + 1)) && !sentence_start(i + 1)) ||
                         (i > 0 && adjacent(i - 1) && (name_like(i - 1) || acronym(i - 1)) && !sentence_start(i - 1)));
    // Praktijk Zonnestraal, basisschool De Regenboog, scouting Wolf en Das
    bool after_institution = i > 0 && adjacent(i - 1) && word(i - 1) && rules::is_institution_word(low[i - 1]);
    if (role || capital_particle || group_common || after_institution || c != WordClass::kCommon) {
      Kind k = article ? Kind::kInstitution : Kind::kName;
      return extend(first, i, k);
    }
    return i + 1;
  }

  // Extends a name starting at token `first` (its first name-like word is `head`) over
  // further capitalised words, initials and particles followed by a capitalised word, and
  // back over initials and capitalised words before it; then classifies and adds it.
  std::size_t extend(std::size_t first, std::size_t head, Kind kind) {
    std::size_t last = head;
    while (true) {
      if (initial(last)) {  // J. Veenstra: the full stop belongs to the initial
        if (name_like(last + 2) || initial(last + 2)) {
          last += 2;
          continue;
        }
        ++last;
        break;
      }
      std::size_t j = last + 1;
      if (!adjacent(last)) break;
      if (name_like(j) || (word(j) && all_upper(str(toks[j])) && !public_word[j])) {
        last = j;
        continue;
      }
      std::size_t k = j;
      while (word(k) && rules::is_particle(low[k]) && !capitalised(str(toks[k])) && k - j < 3) ++k;
      if (k > j && name_like(k)) {
        last = k;
        continue;
      }
      break;
    }
    // Back: initials (A.B. Hoekstra), capitalised words in the middle of a sentence
    // (OBS De Starter), an institution word at the start (Kinderopvang Humanitas).
    while (first >= 2 && mark(first - 1, ".") && initial(first - 2)) first -= 2;
    while (first >= 1 && adjacent(first - 1) && word(first - 1) && !public_word[first - 1] &&
           capitalised(str(toks[first - 1])) && !rules::is_calendar_word(low[first - 1]) &&
           (!sentence_start(first - 1) || rules::is_institution_word(low[first - 1])))
      --first;
    for (std::size_t t = first; t <= last; ++t)
      if (word(t) && rules::is_institution_word(low[t])) kind = Kind::kInstitution;
    if (first > 0 && word(first - 1) && rules::is_institution_word(low[first - 1]))
      kind = Kind::kInstitution;
    add(kind, first, last);
    return last + 1;
  }

  void names() {
    for (std::size_t i = 0; i < toks.size();) {
      if (toks[i].kind != TokKind::kWord) {
        ++i;
        continue;
      }
      i = try_name(i);
    }
  }

  // --- ages -------------------------------------------------------------------------
  // A small number of years: digits up to 99 (with ,5) or a numeral word.
  bool age_number(std::size_t i) const {
    if (number(i)) {
      std::string_view n = str(toks[i]);
      std::size_t digits = n.find_first_not_of("0123456789");
      if (digits == std::string_view::npos) digits = n.size();
      return digits <= 2 && n[0] != '0' && (digits == n.size() || n[digits] == ',');
    }
    return word(i) && rules::numeral_value(low[i]) > 0;
  }
  bool ordinal(std::size_t i) const {
    if (!number(i)) return false;
    std::string_view n = str(toks[i]);
    return n.size() <= 5 && !n.empty() && n.back() == 'e';
  }
  // After a number of years: is the number a duration or a count instead of an age?
  bool unit_after(std::size_t i) const {
    if (mark(i, "%")) return true;
    if (!word(i)) return false;
    if (rules::is_unit_word(low[i])) return true;
    if (low[i] == "jaar" && word(i + 1) &&
        (low[i + 1] == "geleden" || low[i + 1] == "lang" || rules::is_unit_word(low[i + 1])))
      return true;
    return false;
  }
  // The subject of "is 12": a pronoun, a person word or a name.
  bool person_before(std::size_t i) const {
    if (i > 0 && mark(i - 1, ",")) --i;
    if (i == 0 || !word(i - 1)) return false;
    return rules::is_person_pronoun(low[i - 1]) || rules::is_person_noun(low[i - 1]) ||
           (capitalised(str(toks[i - 1])) && !sentence_start(i - 1));
  }
  // The end of an age: "12", "12 jaar", "12 jaar oud".
  std::size_t age_end(std::size_t n) const {
    std::size_t e = n;
    if (low_is(e + 1, "jaar") || low_is(e + 1, "jaren") || low_is(e + 1, "maanden")) ++e;
    if (low_is(e + 1, "oud")) ++e;
    return e;
  }

  void ages() {
    for (std::size_t i = 0; i < toks.size(); ++i) {
      // (12), (12 jaar) after a word
      if (mark(i, "(") && i > 0 && (word(i - 1) || toks[i - 1].kind == TokKind::kPlaceholder) && !touching(i - 1) &&
          age_number(i + 1) && number(i + 1)) {
        std::size_t e = age_end(i + 1);
        if (mark(e + 1, ")")) {
          add(Kind::kAge, i, e + 1);
          i = e + 1;
          continue;
        }
      }
      // 12-jarige, 12 jarige, twaalfjarige
      if (word(i) && rules::is_years_old_word(low[i])) {
        add(Kind::kAge, i, i);
        continue;
      }
      if (number(i) && age_number(i)) {
        std::size_t j = i + 1;
        if (mark(j, "-") && touching(i)) ++j;
        if (word(j) && (low[j].rfind("jarig", 0) == 0)) {
          add(Kind::kAge, i, j);
          i = j;
          continue;
        }
      }
      if (!age_number(i)) {
        // zijn 16e verjaardag, sinds haar 6e
        if (ordinal(i) && i > 0 && word(i - 1) && rules::is_possessive(low[i - 1])) add(Kind::kAge, i, i);
        continue;
      }
      if (unit_after(i + 1)) continue;
      // 12 jaar oud
      if (low_is(i + 1, "jaar") && low_is(i + 2, "oud")) {
        add(Kind::kAge, i, i + 2);
        i += 2;
        continue;
      }
      // zoon van 9 (jaar), meisje van 13
      if (i >= 2 && low_is(i - 1, "van") && word(i - 2) && rules::is_person_noun(low[i - 2])) {
        std::size_t e = age_end(i);
        add(Kind::kAge, i - 1, e);
        i = e;
        continue;
      }
      // hij is (nu) 12 (jaar), ze werd 11, Chloë is pas vier
      std::size_t c = i - (i > 0 && word(i - 1) && rules::is_age_adverb(low[i - 1]) ? 1 : 0);
      if (c > 0 && word(c - 1) && rules::is_copula(low[c - 1]) && person_before(c - 1) &&
          (number(i) || low[i] != "een")) {
        std::size_t e = age_end(i);
        add(Kind::kAge, i, e);
        i = e;
        continue;
      }
      // toen hij 3 was, die nu 15 is
      if (word(i + 1) && rules::is_copula(low[i + 1]) && c > 0 && word(c - 1) &&
          rules::is_person_pronoun(low[c - 1])) {
        add(Kind::kAge, i, i + 1);
        i += 1;
        continue;
      }
    }
  }

  // --- dates ------------------------------------------------------------------------
  int int_value(std::size_t i) const {
    if (!number(i)) return -1;
    std::string_view n = str(toks[i]);
    if (n.size() > 4 || n.find_first_not_of("0123456789") != std::string_view::npos) return -1;
    return std::atoi(std::string(n).c_str());
  }
  bool day(std::size_t i) const {
    int v = int_value(i);
    return v >= 1 && v <= 31;
  }
  bool year(std::size_t i) const {
    if (!number(i)) return false;
    std::string_view n = str(toks[i]);
    int v = int_value(i);
    return (n.size() == 4 && v >= 1900 && v <= 2100) || n.size() == 2;
  }

  void dates() {
    for (std::size_t i = 0; i < toks.size(); ++i) {
      std::size_t first = i;
      bool weekday = word(i) && rules::is_weekday(low[i]);
      std::size_t d = weekday ? i + 1 : i;
      if (weekday && low_is(d, "de") && number(d + 1) && ordinal(d + 1)) {  // maandag de 12e
        add(Kind::kDate, first, d + 1);
        i = d + 1;
        continue;
      }
      // 12 maart (2024), 4 nov. 2024
      if (day(d) && word(d + 1) && rules::is_month(low[d + 1])) {
        std::size_t e = d + 1;
        if (mark(e + 1, ".") && touching(e)) ++e;
        if (number(e + 1) && int_value(e + 1) >= 1900 && int_value(e + 1) <= 2100) ++e;
        add(Kind::kDate, weekday ? first : d, e);
        i = e;
        continue;
      }
      // 03-06-2024, 3/6/24, 3.6.2024; 5/3 after "op" or a weekday
      if (day(d) && touching(d) && d + 2 < toks.size()) {
        std::string_view sep = toks[d + 1].kind == TokKind::kMark ? str(toks[d + 1]) : "";
        int m = int_value(d + 2);
        bool sep_ok = sep == "-" || sep == "/" || sep == ".";
        if (sep_ok && m >= 1 && m <= 12 && touching(d + 1)) {
          if (touching(d + 2) && mark(d + 3, sep) && touching(d + 3) && year(d + 4)) {
            add(Kind::kDate, weekday ? first : d, d + 4);
            i = d + 4;
            continue;
          }
          bool lead = weekday || (d > 0 && low_is(d - 1, "op"));
          bool more = touching(d + 2) && (number(d + 3) || mark(d + 3, sep));
          if (sep == "/" && lead && !more) {
            add(Kind::kDate, weekday ? first : d, d + 2);
            i = d + 2;
            continue;
          }
        }
      }
      // oudjaarsavond 2022, Kerst 2023
      if (word(i) && rules::is_holiday(low[i]) && number(i + 1) && int_value(i + 1) >= 1900 &&
          int_value(i + 1) <= 2100) {
        add(Kind::kDate, i, i + 1);
        ++i;
      }
    }
  }
};

void order_and_drop_nested(std::vector<Finding>& all) {
  std::stable_sort(all.begin(), all.end(), [](const Finding& a, const Finding& b) {
    return a.offset != b.offset ? a.offset < b.offset : a.length > b.length;
  });
  std::vector<Finding> out;
  std::size_t reach = 0;  // end of the furthest finding kept
  for (auto& f : all) {
    if (!out.empty() && f.offset < reach) continue;  // overlaps one already kept
    reach = std::max(reach, f.offset + f.length);
    out.push_back(std::move(f));
  }
  all = std::move(out);
}

}  // namespace

std::vector<Finding> scan_names(std::string_view text, const NameContext& context) {
  if (context.words == nullptr) return {};
  Scan scan(text, context);
  scan.dates();
  scan.ages();
  scan.names();
  order_and_drop_nested(scan.out);
  return std::move(scan.out);
}

std::vector<Finding> scan_all(std::string_view text, const NameContext& context) {
  std::vector<Finding> all = scan(text);  // ordered by offset
  std::vector<Finding> names = scan_names(text, context);
  // A name overlapping a pattern finding (the street of an address, say) is left out.
  std::size_t p = 0;
  std::size_t patterns = all.size();
  for (auto& f : names) {
    while (p < patterns && all[p].offset + all[p].length <= f.offset) ++p;
    bool overlap = p < patterns && all[p].offset < f.offset + f.length;
    if (!overlap) all.push_back(std::move(f));
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const Finding& a, const Finding& b) { return a.offset < b.offset; });
  return all;
}

}  // namespace duiding::validate::privacy

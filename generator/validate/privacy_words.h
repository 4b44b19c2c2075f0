// Internal to the privacy scan: how a word is classed with the word list (a common word,
// a listed name, or unknown) and the letter-case tests the name rules share.
#pragma once

#include <string>
#include <string_view>

#include "validate/privacy_names.h"
#include "validate/privacy_text.h"

namespace duiding::validate::privacy::words {

enum class WordClass { kCommon, kProper, kUnknown };

/// Two or more letters, all capitals (an acronym); an apostrophe ending is ignored (IB'er).
bool all_upper(std::string_view w);
/// A capital after a small letter: WhatsApp, TikTok, McDonald's.
bool camel_case(std::string_view w);
bool capitalised(std::string_view w);

class Classifier {
 public:
  explicit Classifier(const WordList& words) : words_(words) {}

  // A capital inside a sentence is evidence: there a word the list also spells with a
  // capital (Roos, Bram, Mark) is a name, and a compound or inflected form the list lacks
  // (Korreweg, Werkmancollege) is not taken for an ordinary word. At the start of a
  // sentence the lower-case word wins and compounds and inflections count as words.
  WordClass classify(std::string_view word, bool mid_sentence) const {
    std::string low = text::lower(word);
    if (adjective_of_place(word, low)) return WordClass::kCommon;
    if (mid_sentence && capitalised(word) && words_.contains(word)) return WordClass::kProper;
    if (words_.contains(low)) return WordClass::kCommon;
    if (words_.contains(word)) return WordClass::kProper;
    // Possessive: Sanne's, Daan'.
    for (std::string_view s : {"'s", "\xE2\x80\x99s", "'"}) {
      if (word.size() > s.size() + 1 && word.substr(word.size() - s.size()) == s)
        return classify(word.substr(0, word.size() - s.size()), mid_sentence);
    }
    std::size_t hyphen = word.find('-');
    if (hyphen != std::string_view::npos && hyphen > 0 && hyphen + 1 < word.size()) {
      WordClass a = part_class(word.substr(0, hyphen), mid_sentence);
      WordClass b = part_class(word.substr(hyphen + 1), false);
      if (a == WordClass::kCommon && b == WordClass::kCommon) return WordClass::kCommon;
      return a == WordClass::kProper || b == WordClass::kProper ? WordClass::kProper : WordClass::kUnknown;
    }
    if (!mid_sentence && (inflected(low) || compound(low))) return WordClass::kCommon;
    return WordClass::kUnknown;
  }

 private:
  WordClass part_class(std::string_view part, bool mid_sentence) const {
    if (all_upper(part)) return WordClass::kCommon;  // WIJ-team, GGZ-wachtlijst
    return classify(part, mid_sentence);
  }
  // Adjectives of countries and languages are capitalised in Dutch: Syrisch, Arabische,
  // and Poolse, Turkse next to a listed Pools, Turks.
  bool adjective_of_place(std::string_view word, const std::string& low) const {
    auto ends = [&](std::string_view e) { return low.size() > e.size() + 2 && low.compare(low.size() - e.size(), e.size(), e) == 0; };
    if (ends("isch") || ends("ische")) return true;
    std::string_view base = word.substr(0, word.size() - 1);  // Pools, not Jess (Jesse)
    return ends("se") && base.size() >= 2 && base[base.size() - 2] != 's' && words_.contains(base);
  }
  bool known(std::string_view low) const { return words_.contains(low); }
  // Plural, diminutive, adjective and verb endings the list may not spell out.
  bool inflected(const std::string& low) const {
    for (std::string_view s : {"s", "en", "e", "n", "je", "tje", "jes", "tjes", "ste", "er", "t"}) {
      if (low.size() > s.size() + 2 && low.compare(low.size() - s.size(), s.size(), s) == 0 &&
          known(std::string_view(low).substr(0, low.size() - s.size())))
        return true;
    }
    return false;
  }
  // Two words of the list (at least three letters each), optionally joined by s or e(n):
  // spelbegeleiding, kinderboerderij. Long words are not split (bounded work per word).
  bool compound(const std::string& low) const {
    if (low.size() > 48 || low.size() < 6) return false;
    std::string_view w(low);
    for (std::size_t i = 3; i + 3 <= w.size(); ++i) {
      if (!known(w.substr(0, i))) continue;
      std::string_view rest = w.substr(i);
      if (known(rest) || inflected(std::string(rest))) return true;
      for (std::string_view link : {"s", "e", "en"}) {
        if (rest.size() > link.size() + 2 && rest.substr(0, link.size()) == link &&
            known(rest.substr(link.size())))
          return true;
      }
    }
    return false;
  }
  const WordList& words_;
};


}  // namespace duiding::validate::privacy::words

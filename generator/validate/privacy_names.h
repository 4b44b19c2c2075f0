// The privacy scan for indirect identifiers in quotes: probable names of people, named
// schools, care providers and other institutions, ages of people and dates of events.
// Tells names from words with a Dutch word list from Debian (package wdutch, the OpenTaal
// list at /usr/share/dict/dutch). Rules, not a dictionary, cover what the list cannot:
// honorifics and role words, name particles, months, weekdays, holidays and numerals.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "validate/privacy.h"

namespace duiding::validate::privacy {

/// Where the word list is read from: $DUIDING_WORDLIST, else a release bundle's
/// share/duiding/dict/dutch, else /usr/share/dict/dutch.
std::string word_list_path();

/// The word list is missing or unreadable; the message says what to install.
struct WordListMissing : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// A word list: one word a line, as the list spells it (common words in lower case, names
/// and places with their capital).
class WordList {
 public:
  explicit WordList(std::string text);
  ~WordList();
  /// The list at word_list_path(), read once per process; throws WordListMissing.
  static const WordList& system();
  /// Starts reading system() on another thread, so that it is ready when the first quote
  /// is scanned; a later system() waits for it. Calling it again does nothing.
  static void start_loading();
  bool contains(std::string_view word) const;

 private:
  struct Set;  // an open-addressing hash set of views into text_ (privacy_words.cc)
  std::string text_;
  std::unique_ptr<Set> words_;
};

/// What a quote may name without a finding: the organisation, the municipality, the site's
/// districts and breakdown levels and site.json's `public_names`. Matched as whole words,
/// case-sensitively.
struct NameContext {
  const WordList* words = nullptr;
  std::vector<std::string> public_names;
};

/// Probable names (Kind::kName), named institutions (kInstitution), ages (kAge) and dates
/// of events to the day (kDate) in `text`, ordered by offset. Linear in the text's length.
std::vector<Finding> scan_names(std::string_view text, const NameContext& context);

/// scan() and scan_names() together; where they overlap the pattern finding (an address,
/// say) wins.
std::vector<Finding> scan_all(std::string_view text, const NameContext& context);

/// One finding on a quote as `duiding check --privacy-report` lists it: where, which quote
/// and field, what was found, and whether `privacy_ok` accepts it (with the reason).
struct Review {
  SourcePos pos;
  std::string quote;
  std::string field;
  Kind kind;
  std::string match;
  bool accepted = false;
  std::string reason;
};

/// Every finding of the quote validation of this process, in the order of the files.
std::vector<Review>& review_log();

/// The public names of a site: the organisation, the municipality (the organisation
/// without "Gemeente"), site.json's public_names, the districts of the quotes and the
/// levels of the breakdowns of the values.
std::vector<std::string> public_names_of(const model::Model& m);

}  // namespace duiding::validate::privacy

#include "validate/privacy_words.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <limits>
#include <memory>
#include <mutex>
#include <set>

#include "load/install_paths.h"
#include "validate/privacy_text.h"

namespace duiding::validate::privacy {

std::string word_list_path() {
  const char* env = std::getenv("DUIDING_WORDLIST");
  if (env != nullptr && *env != '\0') return env;
  // A release bundle carries the list it was tested with.
  if (auto share = load::bundle_share(); share && std::filesystem::is_regular_file(*share / "dict" / "dutch"))
    return (*share / "dict" / "dutch").string();
  return "/usr/share/dict/dutch";
}

// An open-addressing table of where each word starts in text_ (offset + 1; 0 is an empty
// slot), at most half full, probed linearly. Four bytes a slot: the 400,000 words of
// Debian's list fill 4 MB, where a table of string views filled 24 MB, and touching fresh
// memory was most of the time the list took to build. A word the list spells twice is
// entered twice, which a lookup does not notice.
struct WordList::Set {
  std::vector<std::uint32_t> slots;
  std::size_t mask = 0;
};

namespace {
std::size_t word_hash(std::string_view w) { return std::hash<std::string_view>{}(w); }
}  // namespace

WordList::~WordList() = default;

bool WordList::contains(std::string_view word) const {
  if (word.empty()) return false;
  const std::vector<std::uint32_t>& slots = words_->slots;
  for (std::size_t i = word_hash(word) & words_->mask; slots[i] != 0; i = (i + 1) & words_->mask) {
    const std::size_t at = slots[i] - 1, end = at + word.size();
    // Every word in text_ ends at a newline or at the end of the text.
    if (end <= text_.size() && (end == text_.size() || text_[end] == '\n') &&
        text_.compare(at, word.size(), word) == 0)
      return true;
  }
  return false;
}

WordList::WordList(std::string list) : text_(std::move(list)), words_(std::make_unique<Set>()) {
  if (text_.size() >= std::numeric_limits<std::uint32_t>::max())
    throw WordListMissing("the word list at " + word_list_path() + " is larger than 4 GB");
  // A line ending \r\n ends its word at the \r: make that a newline too.
  for (std::size_t r = text_.find('\r'); r != std::string::npos; r = text_.find('\r', r + 1))
    if (r + 1 == text_.size() || text_[r + 1] == '\n') text_[r] = '\n';
  const std::size_t lines = static_cast<std::size_t>(std::count(text_.begin(), text_.end(), '\n')) + 1;
  std::size_t size = 16;
  while (size < 2 * lines) size *= 2;
  words_->slots.assign(size, 0);
  words_->mask = size - 1;
  std::string_view all(text_);
  for (std::size_t start = 0; start < all.size();) {
    const std::size_t nl = all.find('\n', start);
    const std::size_t end = nl == std::string_view::npos ? all.size() : nl;
    if (end > start) {
      std::size_t i = word_hash(all.substr(start, end - start)) & words_->mask;
      while (words_->slots[i] != 0) i = (i + 1) & words_->mask;
      words_->slots[i] = static_cast<std::uint32_t>(start + 1);
    }
    start = end + 1;
  }
}

namespace {

const WordList* read_system_list() {
  std::string path = word_list_path();
  std::string text;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  std::ifstream in(path, std::ios::binary);
  if (!ec && in) {
    text.resize(size);
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<std::size_t>(in.gcount()));
  }
  if (text.empty()) {
    throw WordListMissing(
        "the privacy scan of quotes needs a Dutch word list at " + path +
        " to tell names from words; install it with 'apt-get install wdutch' (scripts/setup.sh "
        "does), or set DUIDING_WORDLIST to a word list with one word a line");
  }
  // Kept for the life of the process and never freed: freeing 400,000 entries at exit
  // would only cost time.
  return new WordList(std::move(text));
}

std::once_flag loading;
std::shared_future<const WordList*> loaded;

}  // namespace

void WordList::start_loading() {
  std::call_once(loading, [] { loaded = std::async(std::launch::async, read_system_list).share(); });
}

const WordList& WordList::system() {
  start_loading();
  return *loaded.get();  // rethrows WordListMissing
}

std::vector<Review>& review_log() {
  static std::vector<Review> log;
  return log;
}

std::vector<std::string> public_names_of(const model::Model& m) {
  std::set<std::string> names(m.site.public_names.begin(), m.site.public_names.end());
  if (!m.site.organisation.empty()) {
    names.insert(m.site.organisation);
    for (std::string prefix : {"Gemeente ", "gemeente "})
      if (m.site.organisation.rfind(prefix, 0) == 0) names.insert(m.site.organisation.substr(prefix.size()));
  }
  for (const auto& q : m.quotes)
    if (!q.district.empty()) names.insert(q.district);
  for (const auto& v : m.values) {
    std::size_t eq = v.breakdown.find('=');
    if (eq != std::string::npos && eq + 1 < v.breakdown.size()) names.insert(v.breakdown.substr(eq + 1));
  }
  return {names.begin(), names.end()};
}


namespace words {


bool all_upper(std::string_view w) {
  std::size_t apostrophe = w.find_first_of("'\xE2");  // IB'er, GGD'er
  if (apostrophe != std::string_view::npos && apostrophe > 0) w = w.substr(0, apostrophe);
  int letters = 0;
  for (std::size_t i = 0; i < w.size();) {
    auto [cp, len] = text::decode(w, i);
    if (text::is_letter(cp)) {
      if (!text::is_upper(cp)) return false;
      ++letters;
    }
    i += len;
  }
  return letters >= 2;
}

// WhatsApp, TikTok, McDonald's: a capital after a small letter marks a brand, not a person.
bool camel_case(std::string_view w) {
  bool prev_lower = false;
  for (std::size_t i = 0; i < w.size();) {
    auto [cp, len] = text::decode(w, i);
    if (text::is_letter(cp) && text::is_upper(cp) && prev_lower) return true;
    prev_lower = text::is_letter(cp) && !text::is_upper(cp);
    i += len;
  }
  return false;
}

bool capitalised(std::string_view w) {
  auto [cp, len] = text::decode(w, 0);
  return text::is_upper(cp);
}


}  // namespace words
}  // namespace duiding::validate::privacy

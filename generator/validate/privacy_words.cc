#include "validate/privacy_words.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <mutex>
#include <set>

#include <tsl/robin_set.h>

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

// tsl::robin_set keeps the words in one flat table: building it for the 400,000 words of
// Debian's list takes a fraction of the time of a node per word in std::unordered_set.
struct WordList::Set {
  tsl::robin_set<std::string_view> words;
};

WordList::~WordList() = default;

bool WordList::contains(std::string_view word) const { return words_->words.count(word) > 0; }

WordList::WordList(std::string list) : text_(std::move(list)), words_(std::make_unique<Set>()) {
  std::string_view all(text_);
  // Room for every line at once: no rehashing while the words go in.
  words_->words.reserve(static_cast<std::size_t>(std::count(all.begin(), all.end(), '\n')) + 1);
  std::size_t start = 0;
  while (start < all.size()) {
    std::size_t nl = all.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? all.size() : nl;
    std::string_view w = all.substr(start, end - start);
    if (!w.empty() && w.back() == '\r') w.remove_suffix(1);
    if (!w.empty()) words_->words.insert(w);
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

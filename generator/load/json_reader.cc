#include "load/json_reader.h"
#include "diag/messages.h"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

#include "load/csv_reader.h"

namespace duiding::load {
namespace {

using nlohmann::json;

// An input iterator over the text that records how far the JSON lexer has read, so
// that the SAX callbacks below know where they are.
struct CountingIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* p = nullptr;
  std::size_t* consumed = nullptr;
  const char* base = nullptr;

  reference operator*() const { return *p; }
  CountingIterator& operator++() {
    ++p;
    *consumed = static_cast<std::size_t>(p - base);
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const CountingIterator& o) const { return p == o.p; }
  bool operator!=(const CountingIterator& o) const { return p != o.p; }
};

// Turns byte offsets into 1-based lines and character columns.
class LineIndex {
 public:
  explicit LineIndex(const std::string& text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }
  // Offset of the opening quote of the string token that ends just before `end` (escapes
  // make the decoded string shorter than its source text).
  std::size_t string_start(std::size_t end) const {
    if (end < 2 || end > text_.size()) return 0;
    for (std::size_t i = end - 1; i-- > 0;) {
      if (text_[i] != '"') continue;
      std::size_t slashes = 0;
      while (slashes < i && text_[i - 1 - slashes] == '\\') ++slashes;
      if (slashes % 2 == 0) return i;
    }
    return 0;
  }

  std::pair<int, int> at(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset) - 1;
    std::size_t start = *it;
    // A byte-order mark is not a character of the text (the CSV reader skips it too).
    if (start == 0 && text_.rfind("\xEF\xBB\xBF", 0) == 0) start = std::min<std::size_t>(3, offset);
    int column = count_chars(std::string_view(text_).substr(start, offset - start)) + 1;
    return {static_cast<int>(it - starts_.begin()) + 1, column};
  }

 private:
  const std::string& text_;
  std::vector<std::size_t> starts_;
};

// Builds the DOM while recording positions; reports duplicate keys.
class PositionSax {
 public:
  PositionSax(JsonDoc& doc, const LineIndex& index, const std::size_t& consumed,
              diag::Diagnostics& diag)
      : doc_(doc), index_(index), consumed_(consumed), diag_(diag) {}

  bool null() { return add(json(nullptr), consumed_); }
  bool boolean(bool v) { return add(json(v), consumed_); }
  bool number_integer(json::number_integer_t v) { return add(json(v), consumed_); }
  bool number_unsigned(json::number_unsigned_t v) { return add(json(v), consumed_); }
  bool number_float(json::number_float_t v, const json::string_t&) {
    return add(json(v), consumed_);
  }
  bool string(json::string_t& v) {
    std::size_t start = index_.string_start(consumed_);
    doc_.string_offsets[slot(start).first] = start;
    return add(json(std::move(v)), start);
  }
  bool binary(json::binary_t&) { return false; }
  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(json::string_t& k) {
    Frame& f = frames_.back();
    std::size_t start = index_.string_start(consumed_);
    f.key = k;
    f.key_offset = start;
    if (f.value->contains(k)) {
      auto [line, column] = index_.at(start);
      diag_.error({doc_.file, line, column},
                  msg::sleutel_dubbel(k));
    }
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    std::string what = e.what();
    // nlohmann's text reads "[json.exception.parse_error.101] parse error at line 3,
    // column 5: syntax error while parsing ..."; keep the part after the position.
    std::size_t colon = what.find(": ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
    auto [line, column] = index_.at(position > 0 ? position - 1 : 0);
    diag_.error({doc_.file, line, column}, msg::ongeldige_json(what));
    return false;
  }

 private:
  struct Frame {
    json* value;
    std::string pointer;
    std::size_t next_index = 0;
    std::string key;
    std::size_t key_offset = 0;
  };

  // Where the next value goes, its pointer and the offset to record for it.
  std::pair<std::string, std::size_t> slot(std::size_t value_offset) {
    if (frames_.empty()) return {"", value_offset};
    Frame& f = frames_.back();
    if (f.value->is_array()) return {f.pointer + "/" + std::to_string(f.next_index), value_offset};
    return {f.pointer + "/" + pointer_token(f.key), f.key_offset};
  }

  json* place(json v) {
    if (frames_.empty()) {
      doc_.value = std::move(v);
      return &doc_.value;
    }
    Frame& f = frames_.back();
    if (f.value->is_array()) {
      f.value->push_back(std::move(v));
      ++f.next_index;
      return &f.value->back();
    }
    json& member = (*f.value)[f.key];
    member = std::move(v);
    return &member;
  }

  void record(const std::string& pointer, std::size_t offset) {
    auto [line, column] = index_.at(offset);
    doc_.positions[pointer] = SourcePos{doc_.file, line, column};
  }

  bool add(json v, std::size_t offset) {
    auto [pointer, at] = slot(offset);
    record(pointer, at);
    place(std::move(v));
    return true;
  }

  bool open(json v) {
    std::size_t offset = consumed_ > 0 ? consumed_ - 1 : 0;
    if (frames_.size() >= kMaxJsonDepth) {
      auto [line, column] = index_.at(offset);
      diag_.error({doc_.file, line, column},
                  msg::json_te_diep(kMaxJsonDepth));
      return false;
    }
    auto [pointer, at] = slot(offset);
    record(pointer, at);
    json* placed = place(std::move(v));
    frames_.push_back(Frame{placed, pointer});
    return true;
  }

  bool close() {
    frames_.pop_back();
    return true;
  }

  JsonDoc& doc_;
  const LineIndex& index_;
  const std::size_t& consumed_;
  diag::Diagnostics& diag_;
  std::vector<Frame> frames_;
};

}  // namespace

std::string pointer_token(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

SourcePos JsonDoc::at(const std::string& pointer) const {
  std::string p = pointer;
  for (;;) {
    auto it = positions.find(p);
    if (it != positions.end()) return it->second;
    if (p.empty()) return SourcePos{file, 1, 1};
    p = p.substr(0, p.rfind('/'));
  }
}

SourcePos JsonDoc::inside(const std::string& pointer, std::size_t offset) const {
  auto it = string_offsets.find(pointer);
  if (it == string_offsets.end()) return at(pointer);
  // Walk the string as written: an escape stands for one or more decoded bytes.
  std::size_t raw = it->second + 1, decoded = 0;
  while (raw < content.size() && content[raw] != '"' && decoded < offset) {
    if (content[raw] != '\\') {
      ++raw;
      ++decoded;
      continue;
    }
    char e = raw + 1 < content.size() ? content[raw + 1] : 0;
    if (e != 'u') {
      raw += 2;
      ++decoded;
      continue;
    }
    unsigned code = std::stoul(content.substr(raw + 2, 4), nullptr, 16);
    raw += 6;
    if (code >= 0xD800 && code < 0xDC00) {  // a surrogate pair: one 4-byte character
      raw += 6;
      decoded += 4;
    } else {
      decoded += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
    }
  }
  auto [line, column] = LineIndex(content).at(raw);
  return SourcePos{file, line, column};
}

std::optional<JsonDoc> parse_json(const std::string& display_name, const std::string& content,
                                  diag::Diagnostics& diag) {
  JsonDoc doc;
  doc.file = display_name;
  doc.content = content;
  LineIndex index(content);
  std::size_t consumed = 0;
  std::size_t errors_before = diag.error_count();
  // A UTF-8 byte-order mark is allowed, as in CSV files.
  std::size_t skip = content.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  const char* base = content.data();
  consumed = skip;
  CountingIterator first{base + skip, &consumed, base};
  CountingIterator last{base + content.size(), &consumed, base};
  PositionSax sax(doc, index, consumed, diag);
  bool ok = json::sax_parse(first, last, &sax);
  if (!ok) return std::nullopt;
  if (diag.error_count() != errors_before) return doc;  // duplicate keys: still usable
  return doc;
}

std::optional<JsonDoc> read_json(const std::filesystem::path& path,
                                 const std::string& display_name, diag::Diagnostics& diag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diag.error({display_name, 0, 0}, msg::kan_bestand_niet_openen_kort());
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_json(display_name, buffer.str(), diag);
}

}  // namespace duiding::load

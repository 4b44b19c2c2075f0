#include "validate/fields.h"
#include "diag/messages.h"

#include <algorithm>
#include <fmt/format.h>

namespace duiding::validate {

namespace {
bool is_lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

bool is_id(const std::string& s) {
  return !s.empty() && s.size() <= kMaxIdLength && is_lower_alnum(s[0]) &&
         std::all_of(s.begin(), s.end(), [](char c) { return is_lower_alnum(c) || c == '-'; });
}

msg::Text id_problem(const msg::Text& what, const std::string& s) {
  if (is_id(s)) return {};
  std::string shown = s.size() > 40 ? s.substr(0, 37) + "..." : s;
  if (s.size() > kMaxIdLength)
    return msg::id_te_lang(what, shown, s.size(), kMaxIdLength);
  bool upper = std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  return msg::id_tekens(what, shown, upper ? msg::id_kleine_letters() : msg::Text());
}

bool is_reserved_folder(const std::string& id) {
  static const char* const kFolders[] = {"assets", "factsheet", "pagina", "rapportage",
                                         "toegankelijkheid", "verhalen", "zoeken"};
  return std::any_of(std::begin(kFolders), std::end(kFolders), [&](const char* f) { return id == f; });
}

bool is_iso_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!is_digit(s[i])) return false;
  int year = std::stoi(s.substr(0, 4));
  int month = std::stoi(s.substr(5, 2));
  int day = std::stoi(s.substr(8, 2));
  if (month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool is_language_tag(const std::string& s) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    std::size_t dash = s.find('-', start);
    parts.push_back(s.substr(start, dash == std::string::npos ? std::string::npos : dash - start));
    if (dash == std::string::npos) break;
    start = dash + 1;
  }
  auto all = [](const std::string& p, auto pred) { return !p.empty() && std::all_of(p.begin(), p.end(), pred); };
  auto alnum = [](char c) { return is_alpha(c) || is_digit(c); };
  if (parts[0].size() < 2 || parts[0].size() > 3 || !all(parts[0], is_alpha)) return false;
  std::size_t i = 1;
  if (i < parts.size() && parts[i].size() == 4 && all(parts[i], is_alpha)) ++i;  // script
  if (i < parts.size() && ((parts[i].size() == 2 && all(parts[i], is_alpha)) ||
                           (parts[i].size() == 3 && all(parts[i], is_digit))))
    ++i;  // region
  for (; i < parts.size(); ++i) {  // variants
    const std::string& v = parts[i];
    bool variant = (v.size() >= 5 && v.size() <= 8 && all(v, alnum)) || (v.size() == 4 && is_digit(v[0]) && all(v, alnum));
    if (!variant) return false;
  }
  return true;
}

Columns::Columns(const load::RecordReader& reader, std::initializer_list<const char*> required,
                 std::initializer_list<const char*> optional, diag::Diagnostics& diag)
    : file_(reader.file()), sheet_(reader.sheet()) {
  const auto& header = reader.header();
  int header_line = header.empty() ? 1 : header.front().line;
  std::vector<std::string> found;
  for (const auto& f : header) found.push_back(f.text);
  auto find = [&](const char* name) {
    auto it = std::find(found.begin(), found.end(), name);
    return it == found.end() ? -1 : static_cast<int>(it - found.begin());
  };
  for (const char* name : required) {
    int i = find(name);
    if (i < 0) {
      diag.error({file_, header_line, 1, sheet_},
                 msg::kolom_ontbreekt(name, fmt::format("{}", fmt::join(found, ", "))));
      ok_ = false;
    }
    names_.push_back(name);
    indexes_.push_back(i);
  }
  for (const char* name : optional) {
    names_.push_back(name);
    indexes_.push_back(find(name));
  }
  for (const auto& f : header) {
    if (f.text.empty()) continue;
    if (std::find(names_.begin(), names_.end(), f.text) == names_.end()) {
      diag.warning({file_, f.line, f.column, sheet_},
                   msg::kolom_onbekend(f.text, fmt::format("{}", fmt::join(names_, ", "))));
    }
  }
}

int Columns::index(const char* name) const {
  for (std::size_t i = 0; i < names_.size(); ++i)
    if (names_[i] == name) return indexes_[i];
  return -1;
}

const std::string& Columns::text(const load::Record& record, const char* name) const {
  static const std::string kEmpty;
  int i = index(name);
  if (i < 0 || static_cast<std::size_t>(i) >= record.fields.size()) return kEmpty;
  return record.fields[i].text;
}

SourcePos Columns::pos(const load::Record& record, const char* name) const {
  int i = index(name);
  if (i < 0 || static_cast<std::size_t>(i) >= record.fields.size())
    return {file_, record.line, 0, sheet_};
  const auto& f = record.fields[i];
  return {file_, f.line, f.column, sheet_};
}

const load::Field* Columns::field(const load::Record& record, const char* name) const {
  int i = index(name);
  if (i < 0 || static_cast<std::size_t>(i) >= record.fields.size()) return nullptr;
  return &record.fields[i];
}

JsonObject::JsonObject(const load::JsonDoc& doc, std::string pointer, diag::Diagnostics& diag)
    : doc_(doc), pointer_(std::move(pointer)), diag_(diag) {
  const nlohmann::json* v = &doc.value;
  if (!pointer_.empty()) v = &doc.value.at(nlohmann::json::json_pointer(pointer_));
  if (!v->is_object()) {
    diag_.error(doc.at(pointer_), msg::json_object_verwacht());
    return;
  }
  object_ = v;
  ok_ = true;
}

std::string JsonObject::pointer(const char* key) const {
  return pointer_ + "/" + load::pointer_token(key);
}

SourcePos JsonObject::pos(const char* key) const { return doc_.at(pointer(key)); }

const nlohmann::json* JsonObject::raw(const char* key, bool required) {
  seen_.emplace_back(key);
  if (!ok_) return nullptr;
  auto it = object_->find(key);
  if (it == object_->end()) {
    if (required) diag_.error(doc_.at(pointer_), msg::sleutel_ontbreekt(key));
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> JsonObject::string(const char* key, bool required) {
  const nlohmann::json* v = raw(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    diag_.error(pos(key), msg::moet_tekst_zijn(key));
    return std::nullopt;
  }
  std::string s = v->get<std::string>();
  if (required && s.empty()) {
    diag_.error(pos(key), msg::sleutel_leeg(key));
    return std::nullopt;
  }
  return s;
}

std::optional<bool> JsonObject::boolean(const char* key) {
  const nlohmann::json* v = raw(key, false);
  if (v == nullptr) return std::nullopt;
  if (!v->is_boolean()) {
    diag_.error(pos(key), msg::moet_waar_onwaar_zijn(key));
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<double> JsonObject::number(const char* key) {
  const nlohmann::json* v = raw(key, false);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number()) {
    diag_.error(pos(key), msg::moet_getal_zijn(key));
    return std::nullopt;
  }
  return v->get<double>();
}

void JsonObject::finish() {
  if (!ok_) return;
  for (auto it = object_->begin(); it != object_->end(); ++it) {
    if (std::find(seen_.begin(), seen_.end(), it.key()) == seen_.end()) {
      diag_.warning(pos(it.key().c_str()), msg::sleutel_onbekend(it.key()));
    }
  }
}

}  // namespace duiding::validate

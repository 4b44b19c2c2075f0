#include "load/xlsx_reader.h"
#include "diag/messages.h"

#include <fmt/format.h>
#include <zip.h>

#include <charconv>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <string_view>

#include "load/source_files.h"

namespace duiding::load {
namespace {


// Office files are written with and without namespace prefixes (`x:row`); only the local
// name of an element or attribute matters.
std::string_view local(const char* name) {
  std::string_view n(name);
  auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c : node.children())
    if (local(c.name()) == name) return c;
  return {};
}

// The attribute of local name `name` that is not `not_this` (a sheet's `r:id` beside its
// `sheetId`).
pugi::xml_attribute attribute(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_attribute a : node.attributes())
    if (local(a.name()) == name && std::string_view(a.name()) != "sheetId") return a;
  return {};
}

// The text of a string item or inline string: its `t`, or the `t` of each run; phonetic
// hints (`rPh`) are not part of the text.
std::string item_text(pugi::xml_node si) {
  std::string out;
  for (pugi::xml_node c : si.children()) {
    std::string_view n = local(c.name());
    if (n == "t") out += c.text().get();
    else if (n == "r") out += child(c, "t").text().get();
  }
  return out;
}

std::string trim(std::string s) {
  auto start = s.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return "";
  return s.substr(start, s.find_last_not_of(" \t\r\n") - start + 1);
}

// A number as Excel shows it: at most 15 significant digits, never an exponent.
std::string number_text(double x) {
  std::string s = fmt::format("{:.15g}", x);
  if (s.find('e') == std::string::npos) return s;
  s = fmt::format("{:.15f}", x);
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s;
}

// `C12` -> {12, 3}; {0, 0} when it is not a cell reference.
std::pair<int, int> cell_ref(std::string_view ref) {
  int column = 0, row = 0;
  std::size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && column < 100000; ++i) column = column * 26 + (ref[i] - 'A' + 1);
  auto [p, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  if (i == 0 || ec != std::errc() || p != ref.data() + ref.size() || row < 1) return {0, 0};
  return {row, column};
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

// The parts of one workbook, read from the ZIP container on demand.
class Package {
 public:
  explicit Package(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (src != nullptr) {
      zip_.reset(zip_open_from_source(src, ZIP_RDONLY, &error));
      if (!zip_) zip_source_free(src);
    }
    zip_error_fini(&error);
  }
  bool ok() const { return zip_ != nullptr; }

  /// The XML part at `name`, or nullopt with `problem` set. Parts are capped at the size a
  /// source file may have, so a small file cannot unpack into a huge one.
  std::optional<pugi::xml_document> xml(const std::string& name, msg::Text& problem) const {
    zip_stat_t st;
    zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), 0);
    if (index < 0 || zip_stat_index(zip_.get(), index, 0, &st) != 0) {
      problem = msg::xlsx_deel_ontbreekt(name);
      return std::nullopt;
    }
    if ((st.valid & ZIP_STAT_SIZE) == 0 || st.size > max_file_bytes()) {
      problem = msg::xlsx_deel_te_groot(name, max_file_bytes() >> 20);
      return std::nullopt;
    }
    std::string data(st.size, '\0');
    zip_file_t* f = zip_fopen_index(zip_.get(), index, 0);
    zip_int64_t got = f ? zip_fread(f, data.data(), data.size()) : -1;
    if (f) zip_fclose(f);
    if (got != static_cast<zip_int64_t>(data.size())) {
      problem = msg::xlsx_deel_onleesbaar(name);
      return std::nullopt;
    }
    pugi::xml_document doc;
    auto parsed = doc.load_buffer(data.data(), data.size());
    if (!parsed) {
      problem = msg::xlsx_deel_geen_xml(name, parsed.description(), parsed.offset);
      return std::nullopt;
    }
    return doc;
  }
  bool has(const std::string& name) const { return zip_name_locate(zip_.get(), name.c_str(), 0) >= 0; }

 private:
  std::unique_ptr<zip_t, ZipCloser> zip_;
};

// The style indexes (position in cellXfs) whose number format shows a percentage.
std::set<std::size_t> percent_styles(const pugi::xml_document& styles) {
  pugi::xml_node sheet = child(styles, "styleSheet");
  std::set<unsigned> percent_formats = {9, 10};  // the built-in 0% and 0.00%
  for (pugi::xml_node f : child(sheet, "numFmts").children()) {
    std::string code = f.attribute("formatCode").value();
    bool quoted = false, percent = false;
    for (char c : code) {
      if (c == '"') quoted = !quoted;
      else if (c == '%' && !quoted) percent = true;
    }
    if (percent) percent_formats.insert(f.attribute("numFmtId").as_uint());
  }
  std::set<std::size_t> out;
  std::size_t i = 0;
  for (pugi::xml_node xf : child(sheet, "cellXfs").children()) {
    if (local(xf.name()) != "xf") continue;
    if (percent_formats.count(xf.attribute("numFmtId").as_uint()) > 0) out.insert(i);
    ++i;
  }
  return out;
}

// Where workbook relationship `id` points, as a part name.
std::string target_of(const pugi::xml_document& rels, const std::string& id, std::string_view type_suffix = {}) {
  for (pugi::xml_node r : child(rels, "Relationships").children()) {
    std::string_view type = r.attribute("Type").value();
    bool match = id.empty() ? (!type_suffix.empty() && type.size() >= type_suffix.size() &&
                               type.substr(type.size() - type_suffix.size()) == type_suffix)
                            : id == r.attribute("Id").value();
    if (!match) continue;
    std::string target = r.attribute("Target").value();
    return target.rfind('/', 0) == 0 ? target.substr(1) : "xl/" + target;
  }
  return "";
}

}  // namespace

XlsxReader::XlsxReader(std::string display_name, const std::string& bytes, diag::Diagnostics& diag,
                       const std::string& preferred)
    : file_(std::move(display_name)) {
  Package pkg(bytes);
  if (!pkg.ok()) {
    diag.error({file_, 0, 0}, msg::geen_werkmap(msg::bewaar_als_xlsx()));
    return;
  }
  msg::Text problem;
  auto workbook = pkg.xml("xl/workbook.xml", problem);
  auto rels = workbook ? pkg.xml("xl/_rels/workbook.xml.rels", problem) : std::nullopt;
  if (!rels) {
    diag.error({file_, 0, 0}, msg::werkmap_onleesbaar(problem, msg::bewaar_als_xlsx()));
    return;
  }
  std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
  for (pugi::xml_node s : child(child(*workbook, "workbook"), "sheets").children())
    if (local(s.name()) == "sheet") sheets.emplace_back(s.attribute("name").value(), attribute(s, "id").value());
  if (sheets.empty()) {
    diag.error({file_, 0, 0}, msg::werkmap_zonder_bladen());
    return;
  }
  auto chosen = sheets.begin();
  for (auto it = sheets.begin(); it != sheets.end(); ++it)
    if (it->first == preferred) chosen = it;
  sheet_ = chosen->first;
  std::string sheet_part = target_of(*rels, chosen->second);
  auto sheet = sheet_part.empty() ? std::nullopt : pkg.xml(sheet_part, problem);
  if (!sheet) {
    diag.error({file_, 0, 0, sheet_}, msg::blad_onleesbaar(sheet_, sheet_part.empty() ? msg::blad_zonder_plaats() : problem,
                                                  msg::bewaar_als_xlsx()));
    return;
  }
  std::vector<std::string> shared;
  if (std::string part = target_of(*rels, "", "/sharedStrings"); !part.empty() && pkg.has(part)) {
    auto strings = pkg.xml(part, problem);
    if (!strings) {
      diag.error({file_, 0, 0}, msg::werkmap_onleesbaar(problem, msg::bewaar_als_xlsx()));
      return;
    }
    for (pugi::xml_node si : child(*strings, "sst").children())
      if (local(si.name()) == "si") shared.push_back(item_text(si));
  }
  std::set<std::size_t> percent;
  if (std::string part = target_of(*rels, "", "/styles"); !part.empty() && pkg.has(part)) {
    if (auto styles = pkg.xml(part, problem)) percent = percent_styles(*styles);
  }

  bool cells_good = true;
  int row_number = 0;
  for (pugi::xml_node row : child(child(*sheet, "worksheet"), "sheetData").children()) {
    if (local(row.name()) != "row") continue;
    row_number = row.attribute("r") ? row.attribute("r").as_int() : row_number + 1;
    Record rec{row_number, {}};
    int column = 0;
    for (pugi::xml_node c : row.children()) {
      if (local(c.name()) != "c") continue;
      auto [r, col] = c.attribute("r") ? cell_ref(c.attribute("r").value()) : std::pair{row_number, column + 1};
      if (r != row_number || col <= column) {
        diag.error({file_, row_number, 0, sheet_},
                   msg::celverwijzing_volgorde(c.attribute("r").value(), msg::bewaar_als_xlsx()));
        cells_good = false;
        break;
      }
      column = col;
      std::string_view type = c.attribute("t").value();
      std::string text;
      pugi::xml_node v = child(c, "v");
      if (type == "s") {
        std::size_t i = v.text().as_ullong(shared.size());
        if (i >= shared.size()) {
          diag.error({file_, row_number, col, sheet_}, msg::gedeelde_tekst_ontbreekt());
          cells_good = false;
          continue;
        }
        text = shared[i];
      } else if (type == "inlineStr") {
        text = item_text(child(c, "is"));
      } else if (type == "e") {
        diag.error({file_, row_number, col, sheet_},
                   msg::excel_fout_in_cel(v.text().get()));
        cells_good = false;
        continue;
      } else if (!v && child(c, "f")) {
        diag.error({file_, row_number, col, sheet_},
                   msg::formule_zonder_uitkomst());
        cells_good = false;
        continue;
      } else if (type == "str" || type == "b" || type == "d") {
        text = v.text().get();
      } else if (v) {  // a number
        double x = 0;
        std::string_view raw = v.text().get();
        auto [p, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), x);
        if (ec != std::errc() || p != raw.data() + raw.size() || !std::isfinite(x)) {
          diag.error({file_, row_number, col, sheet_}, msg::getal_onleesbaar(raw));
          cells_good = false;
          continue;
        }
        text = number_text(percent.count(c.attribute("s").as_uint()) > 0 ? x * 100 : x);
      }
      text = trim(std::move(text));
      if (text.empty()) continue;
      rec.fields.resize(col);
      for (int k = 0; k < col; ++k) rec.fields[k].line = row_number, rec.fields[k].column = k + 1;
      rec.fields[col - 1].text = std::move(text);
    }
    if (!rec.fields.empty()) records_.push_back(std::move(rec));
    if (!cells_good) break;
  }
  if (!cells_good) return;
  if (records_.empty()) {
    diag.error({file_, 0, 0, sheet_}, msg::blad_leeg(sheet_));
    return;
  }
  header_ = std::move(records_.front().fields);
  records_.erase(records_.begin());
  for (std::size_t i = 0; i < header_.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (!header_[i].text.empty() && header_[i].text == header_[j].text)
        diag.error({file_, header_[i].line, header_[i].column, sheet_},
                   msg::kolom_dubbel_cel(header_[i].text, diag::where({file_, header_[j].line, header_[j].column, sheet_})));
    }
  }
  for (Record& rec : records_) {
    for (std::size_t k = header_.size(); k < rec.fields.size(); ++k) {
      if (rec.fields[k].text.empty()) continue;
      diag.error({file_, rec.line, static_cast<int>(k + 1), sheet_},
                 msg::cel_zonder_kolomnaam(rec.fields[k].text, header_.front().line));
    }
    if (rec.fields.size() > header_.size()) rec.fields.resize(header_.size());
    // The row's fields up to the last column of the header, so an empty cell at the end
    // has its own position.
    for (int k = static_cast<int>(rec.fields.size()); k < static_cast<int>(header_.size()); ++k)
      rec.fields.push_back({"", rec.line, k + 1, false});
  }
  ok_ = true;
}

std::optional<Record> XlsxReader::next() {
  while (next_ < records_.size()) {
    Record& rec = records_[next_++];
    for (const Field& f : rec.fields)
      if (!f.text.empty()) return std::move(rec);
  }
  return std::nullopt;
}

}  // namespace duiding::load

#include "load/csv_reader.h"
#include "diag/messages.h"

#include <libfccp/csv.h>

#include <cstdio>
#include <cstring>
#include <fmt/format.h>

#include "load/text_checks.h"
#include "platform/platform.h"

namespace duiding::load {
namespace {


bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

void trim_in_place(std::string& s) {
  std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) {
    s.clear();
    return;
  }
  std::size_t e = s.find_last_not_of(" \t");
  s = s.substr(b, e - b + 1);
}

}  // namespace

int count_chars(std::string_view bytes) {
  int n = 0;
  for (unsigned char c : bytes) n += is_continuation(c) ? 0 : 1;
  return n;
}

CsvReader::CsvReader(const std::filesystem::path& path, std::string display_name,
                     diag::Diagnostics& diag)
    : file_(std::move(display_name)), diag_(diag) {
  // One pass over the raw bytes first: fast-cpp-csv-parser hands out NUL-terminated
  // lines, so UTF-16 text (full of NUL bytes) must be caught before it.
  std::FILE* f = platform::open_file(path, "rb");
  if (f == nullptr) {
    diag_.error({file_, 0, 0}, msg::kan_bestand_niet_openen(std::strerror(errno)));
    return;
  }
  std::string chunk(1 << 16, '\0');
  bool good = true;
  std::size_t got;
  int line = 1;
  bool first = true;
  while (good && (got = std::fread(chunk.data(), 1, chunk.size(), f)) > 0) {
    std::string_view bytes(chunk.data(), got);
    good = check_bytes(bytes, line);
    std::size_t cr = bytes.find('\r');
    if (good && first && cr != std::string_view::npos && cr + 1 < bytes.size() && bytes[cr + 1] != '\n' &&
        bytes.find('\n') > cr) {
      diag_.error({file_, 1, count_chars(bytes.substr(0, cr)) + 1},
                  msg::alleen_cr());
      good = false;
    }
    first = false;
  }
  std::fclose(f);
  if (!good) return;
  try {
    lines_ = std::make_unique<io::LineReader>(path.string());
  } catch (const std::exception& e) {
    diag_.error({file_, 0, 0}, msg::kan_bestand_niet_lezen(e.what()));
    return;
  }
  start();
}

CsvReader::CsvReader(std::string display_name, std::string content, diag::Diagnostics& diag)
    : file_(std::move(display_name)), diag_(diag), content_(std::move(content)) {
  // Line ends of CR alone (classic Mac OS) would make the whole file one header line.
  if (has_cr_only_line_ends(content_)) content_ = normalise_line_ends(std::move(content_));
  int line = 1;
  if (!check_bytes(content_, line)) return;
  lines_ = std::make_unique<io::LineReader>(file_, content_.data(),
                                            content_.data() + content_.size());
  start();
}

CsvReader::~CsvReader() = default;

bool CsvReader::check_bytes(std::string_view head, int& line) {
  auto starts = [&](const char* bom, std::size_t n) {
    return head.size() >= n && std::memcmp(head.data(), bom, n) == 0;
  };
  if (line == 1 && (starts("\xFF\xFE", 2) || starts("\xFE\xFF", 2))) {
    diag_.error({file_, 1, 1},
                msg::utf16_excel(msg::bewaar_als_csv_utf8()));
    return false;
  }
  std::size_t nul = head.find('\0');
  for (std::size_t k = 0; k < std::min(nul, head.size()); ++k) line += head[k] == '\n';
  if (nul != std::string_view::npos) {
    diag_.error({file_, line, 0},
                msg::nul_byte(msg::bewaar_als_csv_utf8()));
    return false;
  }
  return true;
}

const char* CsvReader::take_line() {
  if (stopped_ || !lines_) return nullptr;
  try {
    const char* line = lines_->next_line();
    if (line == nullptr) return nullptr;
    if (!valid_utf8(line)) {
      stopped_ = true;
      return nullptr;
    }
    return line;
  } catch (const std::exception& e) {
    diag_.error({file_, static_cast<int>(lines_->get_file_line()), 0},
                msg::kan_regel_niet_lezen(e.what()));
    stopped_ = true;
    return nullptr;
  }
}

bool CsvReader::valid_utf8(const char* line) {
  const auto* p = reinterpret_cast<const unsigned char*>(line);
  int column = 1;
  while (*p != 0) {
    int len = utf8_sequence_length(std::string_view(reinterpret_cast<const char*>(p), strnlen(reinterpret_cast<const char*>(p), 4)), 0);
    if (len == 0) {
      diag_.error({file_, static_cast<int>(lines_->get_file_line()), column},
                  msg::geen_utf8_excel(fmt::format("0x{:02X}", static_cast<unsigned>(*p)), msg::bewaar_als_csv_utf8()));
      return false;
    }
    p += len;
    ++column;
  }
  return true;
}

void CsvReader::start() {
  const char* line = take_line();
  // A first line `sep=;` is Excel's own hint about the delimiter.
  if (line != nullptr && (std::strncmp(line, "sep=", 4) == 0 || std::strncmp(line, "SEP=", 4) == 0)) {
    std::string_view rest(line + 4);
    if (rest == ";" || rest == ",") {
      delimiter_ = rest[0];
    } else {
      diag_.error({file_, 1, 5},
                  msg::sep_onbekend(rest));
      return;
    }
    line = take_line();
  } else if (line != nullptr) {
    // Detect the delimiter from the header: whichever of ',' and ';' occurs more often
    // outside quotes (a header of one column has neither).
    int commas = 0, semicolons = 0;
    bool quoted = false;
    for (const char* p = line; *p != 0; ++p) {
      if (*p == '"') quoted = !quoted;
      if (!quoted && *p == ',') ++commas;
      if (!quoted && *p == ';') ++semicolons;
    }
    delimiter_ = semicolons > commas ? ';' : ',';
  }
  if (line == nullptr) {
    if (!stopped_) diag_.error({file_, 0, 0}, msg::leeg_bestand());
    return;
  }
  auto header = parse_record(line);
  if (!header) return;
  header_ = std::move(header->fields);
  for (Field& f : header_) trim_in_place(f.text);  // quoted names too: names match trimmed
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i].text.empty()) {
      diag_.warning({file_, header_[i].line, header_[i].column},
                    msg::kolom_zonder_naam(i + 1));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (!header_[i].text.empty() && header_[i].text == header_[j].text) {
        diag_.error({file_, header_[i].line, header_[i].column},
                    msg::kolom_dubbel(header_[i].text, header_[j].column));
      }
    }
  }
  ok_ = true;
}

std::optional<Record> CsvReader::next() {
  if (!ok_) return std::nullopt;
  while (const char* line = take_line()) {
    if (*line == 0) continue;  // empty line
    auto record = parse_record(line);
    if (!record) return std::nullopt;
    bool any = false;
    for (const Field& f : record->fields) any = any || !f.text.empty();
    if (!any) continue;  // a row of only delimiters, as Excel writes for empty rows
    if (record->fields.size() > header_.size()) {
      const Field& extra = record->fields[header_.size()];
      diag_.error({file_, extra.line, extra.column},
                  msg::te_veel_velden(record->fields.size(), header_.size()));
      record->fields.resize(header_.size());
    }
    return record;
  }
  return std::nullopt;
}

std::optional<Record> CsvReader::parse_record(const char* first_line) {
  Record record;
  int line_no = static_cast<int>(lines_->get_file_line());
  record.line = line_no;
  const char* p = first_line;
  int column = 1;

  Field field{{}, line_no, 1, false};
  bool in_quotes = false;
  bool was_quoted = false;
  bool after_quote = false;
  auto finish = [&] {
    if (!was_quoted) trim_in_place(field.text);
    record.fields.push_back(std::move(field));
    field = Field{{}, line_no, column + 1, false};
    was_quoted = after_quote = false;
  };
  for (;;) {
    if (*p == 0) {
      if (!in_quotes) {
        finish();
        return record;
      }
      // A quoted field goes on over the line break.
      const char* more = take_line();
      if (more == nullptr) {
        if (!stopped_) {
          diag_.error({file_, field.line, field.column},
                      msg::aanhalingsteken_niet_gesloten());
        }
        stopped_ = true;
        return std::nullopt;
      }
      field.text += '\n';
      p = more;
      line_no = static_cast<int>(lines_->get_file_line());
      column = 1;
      continue;
    }
    char c = *p;
    int len = utf8_sequence_length(std::string_view(p, strnlen(p, 4)), 0);
    if (in_quotes) {
      if (c == '"' && p[1] == '"') {
        field.text += '"';
        p += 2;
        column += 2;
        continue;
      }
      if (c == '"') {
        in_quotes = false;
        after_quote = true;
      } else {
        field.text.append(p, len);
      }
    } else if (c == delimiter_) {
      finish();
    } else if (c == '"' && !was_quoted && field.text.find_first_not_of(" \t") == std::string::npos) {
      field.text.clear();
      field.line = line_no;
      field.column = column;
      field.quoted = true;
      in_quotes = was_quoted = true;
    } else if (after_quote) {
      if (c != ' ' && c != '\t') {
        diag_.error({file_, line_no, column},
                    msg::teken_na_aanhalingsteken(std::string_view(p, len), std::string(1, delimiter_)));
      }
    } else if (c == '"') {
      diag_.error({file_, line_no, column},
                  msg::aanhalingsteken_in_veld());
      field.text += c;
    } else {
      bool blank_so_far = field.text.find_first_not_of(" \t") == std::string::npos;
      if (blank_so_far && (c == ' ' || c == '\t')) field.column = column + 1;
      field.text.append(p, len);
    }
    p += len;
    ++column;
  }
}

}  // namespace duiding::load

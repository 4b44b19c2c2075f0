#include "render/workbook.h"

#include "render/chart_downloads.h"

#include <xlsxwriter.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <variant>

#include "platform/platform.h"
#include "render/format.h"
#include "text/site_text.h"
#include "render/tables.h"

namespace duiding::render {
namespace {

using stats::ChartKind;
using stats::Row;

// A cell: nothing, text, or a number Excel stores as a number.
using Cell = std::variant<std::monostate, std::string, double>;

// One sheet: the lines above the table (title first), the table's header and rows.
struct Sheet {
  std::string name;
  std::vector<std::string> above;
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
};

std::string breakdown_label(const std::string& breakdown) {
  const auto eq = breakdown.find('=');
  return eq == std::string::npos ? breakdown : breakdown.substr(0, eq) + ": " + breakdown.substr(eq + 1);
}

std::string round_label(const model::Model& m, const std::string& id) {
  const model::Round* r = m.round(id);
  return r ? r->label : id;
}

std::string n_line(const std::vector<std::pair<std::string, long>>& n) {
  if (n.empty()) return txt::n_niet_gegeven();
  std::string s;
  for (const auto& [key, count] : n)
    s += (s.empty() ? "" : "; ") + (n.size() > 1 ? txt::n_van(key, number(static_cast<double>(count)))
                                                 : txt::n_is(number(static_cast<double>(count))));
  return s;
}

// Excel's rules for sheet names: at most 31 characters, none of []:*?/\ .
std::string sheet_name(std::size_t number, const std::string& caption) {
  std::string name = std::to_string(number) + " ";
  std::size_t chars = name.size();
  for (std::size_t i = 0; i < caption.size() && chars < 31; ++chars) {
    std::size_t len = 1;
    const auto c = static_cast<unsigned char>(caption[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    const std::string ch = caption.substr(i, len);
    name += ch.find_first_of("[]:*?/\\") == std::string::npos ? ch : "-";
    i += len;
  }
  while (name.back() == ' ' || name.back() == '\'') name.pop_back();
  return name;
}

Sheet values_sheet(const model::Model& m, const model::Indicator& ind, const std::vector<const model::Value*>& values) {
  Sheet s{txt::alle_cijfers(), {ind.title}, workbook_headers(), {}};
  if (!ind.question.empty()) s.above.push_back(txt::vraag(ind.question));
  if (!ind.source.empty()) s.above.push_back(txt::bron(ind.source));
  std::vector<std::pair<std::string, long>> n;
  std::map<std::pair<std::string, std::string>, bool> seen;
  for (const model::Value* v : values) {
    if (!v->breakdown.empty() || seen[{v->round, v->group}]) continue;
    seen[{v->round, v->group}] = true;
    if (auto count = stats::respondents(m, values, v->round, v->group, ""))
      n.emplace_back(round_label(m, v->round) + ", " + m.group_label(v->group), *count);
  }
  if (ind.type != model::IndicatorType::kSeries) s.above.push_back(n_line(n));
  for (const ValueLine& l : value_lines(m, ind, values)) {
    s.rows.push_back({round_label(m, l.round), m.group_label(l.group), breakdown_label(l.breakdown),
                      ind.category_label(l.category), measure_label(ind, l.measure),
                      l.value ? Cell{*l.value} : Cell{}, l.note});
  }
  return s;
}

Cell share_cell(const Row& r) { return r.share ? Cell{*r.share} : Cell{}; }

// The numbers of a chart's table (render/tables.h chart_table) as a sheet.
Sheet chart_sheet(const model::Model& m, const model::Indicator& ind, const stats::ChartData& c, std::size_t number) {
  Sheet s{sheet_name(number, c.caption), {ind.title + ", " + c.caption}, {}, {}};
  if (const std::string source = chart_source(m, ind, chart_rounds(c)); !source.empty()) s.above.push_back(txt::bron(source));
  if (c.kind != ChartKind::kSeries) s.above.push_back(n_line(c.n));
  if (c.kind == ChartKind::kScatter) {
    s.header = {txt::aspect(), txt::keren_gekozen(), txt::gemiddeld_belang(), txt::gemiddelde_ervaring()};
    std::map<std::string, std::size_t> at;
    for (const Row& r : c.rows) {
      if (!at.count(r.label)) {
        at[r.label] = s.rows.size();
        s.rows.push_back({r.label, Cell{}, Cell{}, Cell{}});
      }
      const int col = r.measure == "count" ? 1 : r.measure == "importance" ? 2 : r.measure == "experience" ? 3 : 0;
      if (col > 0) s.rows[at[r.label]][col] = r.value;
    }
  } else if (c.kind == ChartKind::kTriad) {
    s.header = {txt::hoek(), txt::gemiddeld_aandeel_procent()};
    for (std::size_t i = 0; i < 3 && i < ind.corners.size(); ++i)
      s.rows.push_back({ind.corners[i], c.triad_mean ? Cell{(*c.triad_mean)[i] * 100} : Cell{}});
    s.rows.push_back({txt::aantal_antwoorden_punten(), static_cast<double>(c.points.size())});
  } else {
    const bool several_rounds = c.kind != ChartKind::kSeries;
    const std::string first = c.kind == ChartKind::kSeries      ? txt::jaar()
                              : c.kind == ChartKind::kHistogram ? txt::score()
                              : c.kind == ChartKind::kCountBars ? txt::aspect()
                                                                : txt::antwoord();
    if (several_rounds) s.header.push_back(c.dimension.empty() ? txt::ronde() : c.dimension);
    s.header.push_back(first);
    s.header.push_back(c.kind == ChartKind::kCountBars ? txt::keren_gekozen()
                       : c.mentions                    ? txt::keer_genoemd_kop()
                                                       : unit_title(ind.unit, 0));
    s.header.push_back(c.mentions ? txt::genoemd_in_procent() : txt::aandeel_procent());
    s.header.push_back(txt::opmerking());
    for (const Row& r : c.rows) {
      std::vector<Cell> row;
      if (several_rounds) row.push_back(c.dimension.empty() ? r.round_label : r.breakdown);
      row.push_back(c.kind == ChartKind::kSeries ? r.round : c.kind == ChartKind::kHistogram ? r.category : r.label);
      row.push_back(r.given ? Cell{r.value} : Cell{});
      row.push_back(share_cell(r));
      row.push_back(r.given ? r.note : txt::niet_gegeven());
      s.rows.push_back(std::move(row));
    }
    if (c.mean) {  // a scale's mean, as its table ends with it
      std::vector<Cell> row;
      if (several_rounds) row.push_back(Cell{});
      row.push_back(txt::gemiddelde_score());
      row.push_back(*c.mean);
      s.rows.push_back(std::move(row));
    }
  }
  return s;
}

// 00:00 UTC of an ISO date, or 1 January 1980 (the first date a ZIP entry can carry).
// Calendar arithmetic by std::chrono: timegm is not on Windows.
std::time_t created_time(const model::Model& m) {
  using namespace std::chrono;
  year_month_day date = year{1980} / January / 1;
  const model::Round* r = m.current_round();
  int y = 0, mo = 0, d = 0;
  if (r && std::sscanf(r->end.c_str(), "%4d-%2d-%2d", &y, &mo, &d) == 3 && y >= 1980)
    date = year{y} / month{static_cast<unsigned>(mo)} / day{static_cast<unsigned>(d)};
  return static_cast<std::time_t>(duration_cast<seconds>(sys_days{date}.time_since_epoch()).count());
}

// workbook_close() writes the creation date through gmtime(), which keeps its result in
// one buffer for the whole process (glibc; ThreadSanitizer found the race): one workbook
// is packed at a time.
std::mutex& packing() {
  static std::mutex m;
  return m;
}

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx: ") + what + ": " + lxw_strerror(e));
}

void write_sheet(lxw_workbook* wb, const Sheet& s, lxw_format* title, lxw_format* bold, lxw_format* decimal) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
  if (ws == nullptr) throw std::runtime_error("xlsx: cannot add sheet '" + s.name + "'");
  lxw_row_t row = 0;
  for (std::size_t i = 0; i < s.above.size(); ++i, ++row)
    check(worksheet_write_string(ws, row, 0, s.above[i].c_str(), i == 0 ? title : nullptr), "title");
  ++row;  // an empty row between the lines above and the table
  for (std::size_t c = 0; c < s.header.size(); ++c)
    check(worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), s.header[c].c_str(), bold), "header");
  worksheet_freeze_panes(ws, row + 1, 0);
  ++row;
  for (const auto& cells : s.rows) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      if (const auto* text = std::get_if<std::string>(&cells[c]); text && !text->empty())
        check(worksheet_write_string(ws, row, col, text->c_str(), nullptr), "text");
      else if (const auto* v = std::get_if<double>(&cells[c]))
        check(worksheet_write_number(ws, row, col, *v, decimal), "number");
    }
    ++row;
  }
  for (std::size_t c = 0; c < s.header.size(); ++c)
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), c == 0 ? 30 : 20, nullptr);
}

std::string read_and_remove(const std::filesystem::path& path) {
  std::ostringstream bytes;
  bool read = false;
  {
    std::ifstream in(path, std::ios::binary);
    bytes << in.rdbuf();
    read = static_cast<bool>(in);
  }  // closed before removing: Windows removes no open file
  std::filesystem::remove(path);
  if (!read) throw std::runtime_error("xlsx: cannot read back " + platform::utf8_path(path));
  return bytes.str();
}

// Everything a workbook's bytes are made from: its properties and sheets. The xlsx is a
// function of this alone, so its text (recipe()) is the workbook's inputs.
struct Content {
  std::string title, author;
  std::time_t created = 0;
  std::vector<Sheet> sheets;
};

Content content(const model::Model& m, const model::Indicator& ind, const std::vector<const model::Value*>& values,
                const stats::IndicatorSummary& summary) {
  Content c{ind.title, m.site.organisation.empty() ? m.site.title : m.site.organisation, created_time(m), {}};
  c.sheets.push_back(values_sheet(m, ind, values));
  for (std::size_t i = 0; i < summary.charts.size(); ++i) c.sheets.push_back(chart_sheet(m, ind, summary.charts[i], i + 1));
  return c;
}

void fill_workbook(lxw_workbook* wb, const Content& c) {
  std::string title = c.title, author = c.author;
  lxw_doc_properties props{};
  props.title = title.data();
  props.author = author.data();
  props.created = c.created;
  workbook_set_properties(wb, &props);
  lxw_format* title_format = workbook_add_format(wb);
  format_set_bold(title_format);
  format_set_font_size(title_format, 13);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  format_set_bottom(bold, LXW_BORDER_THIN);
  // General shows whole numbers without decimals and fractions with as many as they have.
  lxw_format* decimal = workbook_add_format(wb);
  format_set_num_format(decimal, "General");
  for (const Sheet& sheet : c.sheets) write_sheet(wb, sheet, title_format, bold, decimal);
}

// A field of the recipe: its length, then its bytes, so no text can pass for another.
void field(std::string& out, std::string_view s) {
  out += std::to_string(s.size());
  out += ':';
  out += s;
}

std::string recipe(const Content& c) {
  std::string out = "xlsx 1\n";
  field(out, c.title);
  field(out, c.author);
  field(out, std::to_string(c.created));
  for (const Sheet& s : c.sheets) {
    out += "\nsheet ";
    field(out, s.name);
    for (const auto& line : s.above) field(out, line);
    out += "\nheader ";
    for (const auto& h : s.header) field(out, h);
    for (const auto& cells : s.rows) {
      out += "\nrow ";
      for (const Cell& cell : cells) {
        if (const auto* text = std::get_if<std::string>(&cell)) {
          out += 't';
          field(out, *text);
        } else if (const auto* v = std::get_if<double>(&cell)) {
          char bits[32];
          std::snprintf(bits, sizeof bits, "n%a;", *v);  // exact: hexadecimal floating point
          out += bits;
        } else {
          out += '-';
        }
      }
    }
  }
  return out + "\n";
}

std::string xlsx(const Content& c) {
  // libxlsxwriter 1.1.4 (Debian 12) writes only to a file (output_buffer came in 1.1.5):
  // a private temporary one, read back and removed. Its zip step deflates at a level
  // it fixes itself, so the bytes, not only the time, depend on it.
  // (libxlsxwriter takes the path as UTF-8 on Windows too.) Its parts go to temporary
  // files of their own, in the same folder.
  const std::filesystem::path path = platform::make_temporary_file("duiding-xlsx");
  const std::string parts = platform::utf8_path(platform::temporary_directory());
  lxw_workbook_options options{};
  options.tmpdir = const_cast<char*>(parts.c_str());
  lxw_workbook* wb = workbook_new_opt(platform::utf8_path(path).c_str(), &options);
  if (wb == nullptr) {
    std::filesystem::remove(path);
    throw std::runtime_error("xlsx: cannot start a workbook");
  }
  try {
    fill_workbook(wb, c);
  } catch (...) {
    const std::lock_guard<std::mutex> lock(packing());
    workbook_close(wb);
    std::filesystem::remove(path);
    throw;
  }
  lxw_error closed;
  {
    const std::lock_guard<std::mutex> lock(packing());
    closed = workbook_close(wb);
  }
  if (closed != LXW_NO_ERROR) {
    std::filesystem::remove(path);
    check(closed, "close");
  }
  return read_and_remove(path);
}

}  // namespace

const std::vector<std::string>& workbook_headers() {
  static const std::vector<std::string> kHeaders = {txt::ronde(), txt::groep(),  txt::uitsplitsing(), txt::antwoord(),
                                                    txt::maat(),  txt::waarde(), txt::opmerking()};
  return kHeaders;
}

std::string measure_label(const model::Indicator& ind, const std::string& measure) {
  if (measure == "value") return unit_title(ind.unit, 0);
  if (measure == "count") return txt::keren_gekozen();
  if (measure == "importance") return txt::gemiddeld_belang();
  if (measure == "experience") return txt::gemiddelde_ervaring();
  if (measure == "mean") return txt::gemiddelde_score();
  if (measure == "n") return txt::aantal_respondenten();
  return measure;
}

std::string indicator_workbook(const model::Model& m, const model::Indicator& ind,
                               const std::vector<const model::Value*>& values,
                               const stats::IndicatorSummary& summary) {
  return xlsx(content(m, ind, values, summary));
}

std::string workbook_recipe(const model::Model& m, const model::Indicator& ind,
                            const std::vector<const model::Value*>& values, const stats::IndicatorSummary& summary) {
  return recipe(content(m, ind, values, summary));
}

}  // namespace duiding::render

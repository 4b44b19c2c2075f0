#include "build/new_round.h"
#include "diag/messages.h"

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "model/round_text.h"
#include "validate/fields.h"

namespace duiding::build {
namespace fs = std::filesystem;
namespace {

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// How an existing CSV file writes its lines: its delimiter, line end and header names.
struct CsvStyle {
  char delimiter = ',';
  std::string eol = "\n";
  std::vector<std::string> columns;
  bool ends_with_newline = true;
};

CsvStyle style_of(const std::string& text) {
  CsvStyle s;
  std::size_t start = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  std::size_t end = text.find('\n', start);
  std::string header = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (header.rfind("sep=", 0) == 0 && header.size() >= 5) {
    s.delimiter = header[4];
    std::size_t next = text.find('\n', end + 1);
    header = text.substr(end + 1, next == std::string::npos ? std::string::npos : next - end - 1);
  } else {
    auto count = [&](char c) { return std::count(header.begin(), header.end(), c); };
    s.delimiter = count(';') > count(',') ? ';' : ',';
  }
  if (!header.empty() && header.back() == '\r') {
    header.pop_back();
    s.eol = "\r\n";
  }
  std::string field;
  for (char c : header + s.delimiter) {
    if (c == s.delimiter) {
      while (!field.empty() && field.back() == ' ') field.pop_back();
      while (!field.empty() && field.front() == ' ') field.erase(0, 1);
      s.columns.push_back(field);
      field.clear();
    } else if (c != '"') {
      field += c;
    }
  }
  s.ends_with_newline = text.empty() || text.back() == '\n';
  return s;
}

std::string quoted(const std::string& v, char delimiter) {
  if (v.find_first_of(std::string(1, delimiter) + "\"\r\n") == std::string::npos) return v;
  std::string q = "\"";
  for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

// A line of `style` holding `values` by column name (other columns empty).
std::string line_of(const CsvStyle& style, const std::map<std::string, std::string>& values) {
  std::string line;
  for (std::size_t i = 0; i < style.columns.size(); ++i) {
    auto it = values.find(style.columns[i]);
    if (i > 0) line += style.delimiter;
    if (it != values.end()) line += quoted(it->second, style.delimiter);
  }
  return line + style.eol;
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  if (from.empty()) return s;
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// Last round's value as Dutch Excel shows it: a decimal comma.
std::string decimal_comma(double v) { return model::text_number(v); }

}  // namespace

std::string sheet_line(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) line += (i > 0 ? ";" : "") + quoted(fields[i], ';');
  return line + "\r\n";
}

NewRound add_round(const model::Model& m, const fs::path& source, const std::string& id) {
  if (msg::Text problem = validate::id_problem(msg::wat_ronde_id(), id); !problem.empty())
    throw NewRoundRefused(fmt::format("'{}' kan geen ronde worden: {}. Gebruik bijvoorbeeld het jaar: 2025", id,
                                      problem.render(msg::Lang::kNl)));
  if (m.round(id) != nullptr)
    throw NewRoundRefused(fmt::format("ronde '{}' bestaat al in data/rounds.csv; kies een nieuwe ronde", id));
  const model::Round* last = m.current_round();
  if (last != nullptr && id < last->id)
    throw NewRoundRefused(fmt::format("ronde '{}' komt vóór de laatste ronde '{}' (rondes worden op hun naam "
                                      "gesorteerd); een nieuwe ronde heeft een hogere naam, bijvoorbeeld een later jaar",
                                      id, last->id));
  const std::string prev = last != nullptr ? last->id : "";

  NewRound result;
  result.label = last != nullptr && last->label.find(prev) != std::string::npos ? replaced(last->label, prev, id)
                                                                                : "Meting " + id;
  // Entry sheets: one per values file that holds figures of the last round, with that
  // round's rows (survey indicators only: series take years, added where they are).
  std::map<std::string, std::vector<const model::Value*>> by_file;
  std::vector<std::string> file_order;
  for (const auto& v : m.values) {
    if (v.round != prev) continue;
    const model::Indicator* ind = nullptr;
    for (const auto& i : m.indicators)
      if (i.id == v.indicator) ind = &i;
    if (ind == nullptr || ind->type == model::IndicatorType::kSeries) continue;
    std::string name = fs::path(v.pos.file).filename().string();
    if (by_file.count(name) == 0) file_order.push_back(name);
    by_file[name].push_back(&v);
  }
  std::map<std::string, std::string> sheets;  // file name -> content
  for (const auto& name : file_order) {
    std::string stem = fs::path(name).stem().string();
    std::string sheet = (stem.find(prev) != std::string::npos && !prev.empty() ? replaced(stem, prev, id)
                                                                               : stem + "-" + id) + ".csv";
    if (fs::exists(source / "data" / "values" / sheet))
      throw NewRoundRefused(fmt::format("data/values/{} bestaat al; er is niets geschreven. Verwijder of hernoem het "
                                        "bestand als het een oude poging is",
                                        sheet));
    std::string content = "\xEF\xBB\xBF" + sheet_line({"round", "indicator", "indicator_label", "group", "group_label",
                                                      "breakdown", "category", "category_label", "measure", "value",
                                                      "note", "previous_value"});
    for (const auto* v : by_file[name]) {
      const model::Indicator* ind = nullptr;
      for (const auto& i : m.indicators)
        if (i.id == v->indicator) ind = &i;
      content += sheet_line({id, v->indicator, ind->title, v->group, m.group_label(v->group), v->breakdown,
                             v->category, v->category.empty() ? "" : ind->category_label(v->category), v->measure, "",
                             "", decimal_comma(v->value)});
    }
    sheets[sheet] = content;
    result.sheets.push_back("data/values/" + sheet);
  }

  // rounds.csv and samples.csv keep their own delimiter and line ends.
  fs::path rounds_file = source / "data" / "rounds.csv";
  std::string rounds_text = read_all(rounds_file);
  CsvStyle rs = style_of(rounds_text);
  std::string rounds_add = (rs.ends_with_newline ? "" : rs.eol) + line_of(rs, {{"round", id}, {"label", result.label}});
  fs::path samples_file = source / "data" / "samples.csv";
  std::string samples_add;
  if (fs::exists(samples_file)) {
    std::string samples_text = read_all(samples_file);
    CsvStyle ss = style_of(samples_text);
    samples_add = ss.ends_with_newline ? "" : ss.eol;
    for (const auto& s : m.samples)
      if (s.round == prev) {
        samples_add += line_of(ss, {{"round", id}, {"group", s.group}});
        result.groups.push_back(s.group);
      }
  }

  for (const auto& [name, content] : sheets) {
    std::ofstream out(source / "data" / "values" / name, std::ios::binary);
    out << content;
  }
  std::ofstream(rounds_file, std::ios::binary | std::ios::app) << rounds_add;
  if (!result.groups.empty()) std::ofstream(samples_file, std::ios::binary | std::ios::app) << samples_add;
  return result;
}

std::string next_steps(const NewRound& r, const std::string& id, const fs::path& source) {
  std::string s = fmt::format("Ronde {} is toegevoegd aan de bron in {}\n\n", id,
                              fs::absolute(source).lexically_normal().string());
  s += fmt::format("- data/rounds.csv: een regel voor ronde {} met de naam '{}'. Vul de begin- en einddatum "
                   "(JJJJ-MM-DD) en de bron (het rapport van deze ronde) aan.\n",
                   id, r.label);
  if (!r.groups.empty())
    s += fmt::format("- data/samples.csv: regels voor {}; vul bij elke groep het aantal deelnemers (n) in, en de "
                     "populatie als die bekend is.\n",
                     fmt::join(r.groups, ", "));
  if (r.sheets.empty()) s += "- Er zijn geen invulbladen gemaakt: de vorige ronde had geen cijfers van de meting.\n";
  for (const auto& sheet : r.sheets)
    s += fmt::format("- {}: invulblad. Open het in Excel, vul de kolom 'value' in (een komma als decimaalteken mag) "
                     "en bewaar het als 'CSV UTF-8'. Een lege cel betekent 'niet gemeten', nooit 0.\n",
                     sheet);
  s += "\nDaarna:\n";
  s += "1. Zet de verhalen van deze ronde in data/quotes/ (een nieuw bestand, bijvoorbeeld gezinnen-" + id + ".csv).\n";
  s += "2. Geef teksten die per ronde verschillen (description, data_note, source in indicators/*.json) een tekst "
       "voor ronde " + id + ".\n";
  s += "3. Controleer: duiding check " + source.string() + "\n";
  s += "4. Bekijk de site: duiding serve " + source.string() + "\n";
  s += "5. Bouw en publiceer: duiding build " + source.string() + " -o _site, daarna duiding publish.\n";
  s += "Zie docs/handleiding.md voor elke stap.\n";
  return s;
}

}  // namespace duiding::build

#include "validate/narrative.h"
#include "diag/messages.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "validate/fields.h"

namespace duiding::validate {
namespace {

// Dutch number words; "een" is left out: it is far more often the article.
const std::array<std::pair<const char*, long>, 20> kNumbers{{
    {"\xC3\xA9\xC3\xA9n", 1}, {"e\xC3\xA9n", 1}, {"twee", 2}, {"drie", 3}, {"vier", 4}, {"vijf", 5},
    {"zes", 6}, {"zeven", 7}, {"acht", 8}, {"negen", 9}, {"tien", 10}, {"elf", 11}, {"twaalf", 12},
    {"dertien", 13}, {"veertien", 14}, {"vijftien", 15}, {"zestien", 16}, {"zeventien", 17},
    {"achttien", 18}, {"negentien", 19},
}};

const std::set<std::string> kPeople{
    "gezin", "gezinnen", "medewerker", "medewerkers", "jongere", "jongeren", "ouder", "ouders", "kind",
    "kinderen", "jeugdige", "jeugdigen", "deelnemer", "deelnemers", "respondent", "respondenten", "persoon",
    "personen", "mens", "mensen", "cli\xC3\xABnt", "cli\xC3\xABnten", "client", "clienten", "familie",
    "families", "vader", "vaders", "moeder", "moeders", "leerling", "leerlingen", "huishouden", "huishoudens",
    "jongens", "meisjes", "vrouwen", "mannen", "professionals", "hulpverleners", "verhalen", "pleegouders",
    "pleeggezinnen", "cli\xC3\xABnten", "bewoners", "inwoners"};

const std::set<std::string> kFiller{"van", "de", "het", "onze", "deze", "die", "alle"};
// Words before a number that make it a description ("gezinnen met twee kinderen", "26
// gezinnen één kind") or a reference ("figuur 1"), not a head count.
const std::set<std::string> kDescribing{"met", "per", "zonder", "elke", "ieder", "hebben", "heeft", "figuur",
                                        "tabel", "vraag", "bijlage", "hoofdstuk", "paragraaf", "stap", "fase"};
const std::set<std::string> kUnits{"procent", "procentpunt", "keer", "jaar", "jaren", "maanden", "weken", "dagen",
                                   "uur", "euro", "minuten", "punten", "producten", "vragen"};

struct Token {
  std::string word;  // lower-case
  std::size_t begin, end;
  int line, column;
};

bool word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

std::vector<Token> tokens(const std::string& text) {
  std::vector<Token> out;
  int line = 1, column = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (!word_byte(c)) {
      if (c == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
      ++i;
      continue;
    }
    Token t{"", i, i, line, column};
    while (i < text.size() && word_byte(static_cast<unsigned char>(text[i]))) {
      unsigned char b = static_cast<unsigned char>(text[i]);
      t.word += static_cast<char>(std::tolower(b));
      if ((b & 0xC0) != 0x80) ++column;  // a character starts here
      ++i;
    }
    t.end = i;
    out.push_back(std::move(t));
  }
  return out;
}

long number_of(const std::string& word) {
  if (!word.empty() && word.size() <= 3 && std::all_of(word.begin(), word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return std::stol(word);
  for (const auto& [w, n] : kNumbers)
    if (word == w) return n;
  return -1;
}

// `file` as messages name it (relative to where duiding runs) is `listed` (relative to
// the source) or ends in it.
bool same_file(const std::string& file, const std::string& listed) {
  return file == listed ||
         (file.size() > listed.size() && file.compare(file.size() - listed.size(), listed.size(), listed) == 0 &&
          file[file.size() - listed.size() - 1] == '/');
}

}  // namespace

std::vector<NarrativeHit> scan_narrative(const std::string& text, int min_cell) {
  std::vector<NarrativeHit> out;
  std::vector<Token> ts = tokens(text);
  for (std::size_t i = 0; i < ts.size(); ++i) {
    long n = number_of(ts[i].word);
    if (n < 1 || n >= min_cell) continue;
    if (ts[i].end < text.size() && (text[ts[i].end] == '%' || text[ts[i].end] == ',' || text[ts[i].end] == '.') &&
        ts[i].end + 1 < text.size() && (text[ts[i].end] == '%' || std::isdigit(static_cast<unsigned char>(text[ts[i].end + 1]))))
      continue;  // a share (4 %) or a decimal number (4,5)
    if (i > 0 && ts[i - 1].end == ts[i].begin - 1 && (text[ts[i].begin - 1] == ',' || text[ts[i].begin - 1] == '.'))
      continue;  // the decimals of a number
    // "met twee kinderen", "van één ouder": what a family is like, not how many took part.
    if (i > 0 && (kDescribing.count(ts[i - 1].word) || kPeople.count(ts[i - 1].word))) continue;
    for (std::size_t j = i + 1; j < ts.size() && j <= i + 4; ++j) {
      // Only words and spaces between: a bracket, full stop or comma ends the phrase.
      std::string between = text.substr(ts[j - 1].end, ts[j].begin - ts[j - 1].end);
      if (between.find_first_not_of(" -*_") != std::string::npos) break;
      if (kPeople.count(ts[j].word)) {
        out.push_back({ts[i].line, ts[i].column, text.substr(ts[i].begin, ts[j].end - ts[i].begin), n});
        break;
      }
      // One adjective may stand between ("vier andere gezinnen"); more only as "van de".
      if (j > i + 1 && !kFiller.count(ts[j].word)) break;
      if (number_of(ts[j].word) >= 0 || kUnits.count(ts[j].word)) break;
    }
  }
  return out;
}

std::vector<NarrativeOk> narrative_ok(load::CsvReader& csv, diag::Diagnostics& diag) {
  std::vector<NarrativeOk> out;
  Columns cols(csv, {"file", "phrase", "reason"}, {}, diag);
  if (!cols.ok()) return out;
  while (auto rec = csv.next()) {
    NarrativeOk ok{cols.text(*rec, "file"), cols.text(*rec, "phrase"), cols.text(*rec, "reason"),
                   cols.pos(*rec, "file")};
    if (ok.file.empty() || ok.phrase.empty() || ok.reason.empty()) {
      diag.error(ok.pos, msg::uitzondering_onvolledig());
      continue;
    }
    out.push_back(std::move(ok));
  }
  return out;
}

void check_narrative(const model::Model& m, const std::vector<NarrativeOk>& ok, const std::string& site_file,
                     const std::string& rounds_file, diag::Diagnostics& diag) {
  std::vector<bool> used(ok.size(), false);
  auto check = [&](const std::string& text, const SourcePos& at, const msg::Text& where, bool lines) {
    for (const NarrativeHit& h : scan_narrative(text, m.site.min_cell)) {
      bool accepted = false;
      for (std::size_t i = 0; i < ok.size(); ++i)
        if (same_file(at.file, ok[i].file) && ok[i].phrase == h.phrase) accepted = used[i] = true;
      if (accepted) continue;
      SourcePos pos = lines ? SourcePos{at.file, h.line, h.column} : at;
      diag.warning(pos, msg::kleine_groep_in_tekst(where, h.phrase, h.number, m.site.min_cell));
    }
  };
  for (const auto& p : m.pages) check(p.markdown, {p.pos.file, 1, 1}, msg::Text(), true);
  const std::string& site = site_file;
  check(m.site.description, {site, 0, 0}, msg::in_veld("description"), false);
  for (const auto& s : m.site.sections) check(s.description, {site, 0, 0}, msg::in_sectie(s.id), false);
  for (const auto& r : m.rounds) check(r.description, {rounds_file, 0, 0}, msg::in_ronde(r.id), false);
  for (const auto& ind : m.indicators) {
    check(ind.description, ind.pos, msg::in_veld("description"), false);
    check(ind.data_note, ind.pos, msg::in_veld("data_note"), false);
    for (const auto& [field, texts] : ind.per_round)
      for (const auto& [round, text] : texts) {
        auto at = ind.per_round_pos.find(field + "/" + round);
        check(text, at == ind.per_round_pos.end() ? ind.pos : at->second, msg::in_veld_ronde(field, round), false);
      }
  }
  for (std::size_t i = 0; i < ok.size(); ++i)
    if (!used[i])
      diag.warning(ok[i].pos, msg::uitzondering_ongebruikt(ok[i].phrase, ok[i].file));
}

}  // namespace duiding::validate

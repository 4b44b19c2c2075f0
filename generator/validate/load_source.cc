// Runs loading and validation over a whole source directory, in a fixed order: site,
// indicators, rounds, samples, values, points, quotes, pages. Files of a folder are read
// in sorted name order so every machine builds the same site.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "validate/narrative.h"
#include "validate/validate.h"

namespace duiding::validate {
namespace fs = std::filesystem;
namespace {

// The name a file has in messages: relative to the current directory when the source
// lies below it, so messages read `data/values/x.csv:3:7` when run from the source.
std::string display(const fs::path& p) {
  std::error_code ec;
  fs::path rel = fs::proximate(p, ec);
  if (ec || rel.empty()) return p.string();
  std::string s = rel.string();
  return s.rfind("../../", 0) == 0 ? p.string() : s;
}

std::vector<fs::path> files_in(const fs::path& dir, const std::string& ext) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ext) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::optional<model::Model> load_source(const fs::path& source, diag::Diagnostics& diag) {
  model::Model m;
  std::error_code ec;
  if (!fs::is_directory(source, ec)) {
    diag.error({display(source), 0, 0}, "site source is not a directory");
    return std::nullopt;
  }
  fs::path site_file = source / "data" / "site.json";
  if (!fs::exists(site_file)) {
    diag.error({display(site_file), 0, 0},
               "file not found; a site source needs data/site.json (see docs/data-format.md)");
    return std::nullopt;
  }
  auto site_doc = load::read_json(site_file, display(site_file), diag);
  if (!site_doc) return std::nullopt;
  auto site = validate::site(*site_doc, diag);
  if (!site) return std::nullopt;
  m.site = std::move(*site);

  std::set<std::string> rejected;
  for (const fs::path& p : files_in(source / "indicators", ".json")) {
    auto doc = load::read_json(p, display(p), diag);
    auto ind = doc ? indicator(*doc, p.stem().string(), m.site, diag) : std::nullopt;
    if (ind) m.indicators.push_back(std::move(*ind));
    else rejected.insert(p.stem().string());
  }
  auto section_index = [&](const std::string& id) {
    for (std::size_t i = 0; i < m.site.sections.size(); ++i)
      if (m.site.sections[i].id == id) return i;
    return m.site.sections.size();
  };
  std::stable_sort(m.indicators.begin(), m.indicators.end(),
                   [&](const model::Indicator& a, const model::Indicator& b) {
                     auto sa = section_index(a.section), sb = section_index(b.section);
                     if (sa != sb) return sa < sb;
                     if (a.order != b.order) return a.order < b.order;
                     return a.id < b.id;
                   });

  std::set<std::string> rejected_rounds;
  fs::path rounds_file = source / "data" / "rounds.csv";
  if (!fs::exists(rounds_file)) {
    diag.error({display(rounds_file), 0, 0}, "file not found; a site source needs data/rounds.csv");
  } else {
    load::CsvReader csv(rounds_file, display(rounds_file), diag);
    if (csv.ok()) rounds(csv, m.rounds, rejected_rounds, diag);
    std::sort(m.rounds.begin(), m.rounds.end(),
              [](const model::Round& a, const model::Round& b) { return a.id < b.id; });
  }

  fs::path samples_file = source / "data" / "samples.csv";
  if (fs::exists(samples_file)) {
    load::CsvReader csv(samples_file, display(samples_file), diag);
    if (csv.ok()) samples(csv, m, m.samples, diag);
  }

  ValueChecker checker(m, rejected, rejected_rounds);
  for (const fs::path& p : files_in(source / "data" / "values", ".csv")) {
    load::CsvReader csv(p, display(p), diag);
    if (csv.ok()) checker.read(csv, m.values, diag);
  }
  for (const fs::path& p : files_in(source / "data" / "points", ".csv")) {
    load::CsvReader csv(p, display(p), diag);
    if (csv.ok()) points(csv, m, m.points, diag);
  }
  std::map<std::string, SourcePos> quote_ids;
  for (const fs::path& p : files_in(source / "data" / "quotes", ".csv")) {
    load::CsvReader csv(p, display(p), diag);
    if (csv.ok()) quotes(csv, m, m.quotes, quote_ids, diag);
  }
  for (const fs::path& p : files_in(source / "data" / "pages", ".md")) {
    auto text = slurp(p);
    if (!text) {
      diag.error({display(p), 0, 0}, "cannot read file");
      continue;
    }
    if (auto bad = invalid_utf8(*text)) {
      diag.error({display(p), bad->first, bad->second},
                 "byte is not valid UTF-8; save the file as UTF-8 (in Notepad: 'Opslaan als', codering UTF-8)");
      continue;
    }
    if (auto pg = page(display(p), p.stem().string(), std::move(*text), diag)) m.pages.push_back(std::move(*pg));
  }
  std::vector<NarrativeOk> reviewed;
  fs::path ok_file = source / "data" / "narrative_ok.csv";
  if (fs::exists(ok_file)) {
    load::CsvReader csv(ok_file, display(ok_file), diag);
    if (csv.ok()) reviewed = narrative_ok(csv, diag);
  }
  check_narrative(m, reviewed, display(site_file), display(source / "data" / "rounds.csv"), diag);
  consistency(m, diag);
  if (diag.has_errors()) return std::nullopt;
  return m;
}

}  // namespace duiding::validate

// Runs loading and validation over a whole source directory, in a fixed order: site,
// indicators, rounds, samples, values, points, quotes, pages. Files of a folder are read
// in sorted name order so every machine builds the same site.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <memory>

#include "diag/messages.h"
#include "validate/narrative.h"
#include "load/source_files.h"
#include "load/text_checks.h"
#include "load/xlsx_reader.h"
#include "validate/markdown_images.h"
#include "validate/text_variables.h"
#include "validate/validate.h"

namespace duiding::validate {
namespace fs = std::filesystem;
namespace {


// The name a file has in messages: relative to the current directory when the source
// lies below it, so messages read `data/values/x.csv:3:7` when run from the source.
std::string display(const fs::path& p) {
  std::error_code ec;
  // The folder is resolved, the file name is not: a symbolic link keeps its own name.
  fs::path rel = fs::proximate(p.parent_path(), ec);
  if (ec || rel.empty()) return p.string();
  std::string s = (rel == "." ? p.filename() : rel / p.filename()).string();
  return s.rfind("../../", 0) == 0 ? p.string() : s;
}

bool is_image(const fs::path& p) {
  static const std::set<std::string> kImages = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"};
  std::string e = p.extension().string();
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return kImages.count(e) > 0;
}

// The files a source folder holds with extension `ext`, unexpected ones reported.
std::vector<fs::path> files_in(const fs::path& dir, const std::string& ext, diag::Diagnostics& diag,
                               const std::function<bool(const fs::path&)>& also_allowed = nullptr) {
  return load::list_source_files(dir, ext, display, diag, also_allowed);
}

// data/ itself holds four files and four folders; anything else is reported.
void report_unknown_in_data(const fs::path& data, diag::Diagnostics& diag) {
  static const std::set<std::string> kKnown = {"site.json", "rounds.csv", "samples.csv", "narrative_ok.csv",
                                               "values",    "points",     "quotes",      "pages"};
  std::error_code ec;
  std::vector<fs::path> unknown;
  for (const auto& e : fs::directory_iterator(data, ec)) {
    std::string name = e.path().filename().string();
    if (!name.empty() && name[0] != '.' && kKnown.count(name) == 0) unknown.push_back(e.path());
  }
  std::sort(unknown.begin(), unknown.end());
  for (const auto& p : unknown) {
    std::string name = p.filename().string(), folded = name;
    for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (kKnown.count(folded) > 0)
      diag.error({display(p), 0, 0}, msg::naam_hoofdletters(name, folded));
    else
      diag.warning({display(p), 0, 0}, msg::niet_in_data());
  }
}

// A CSV file of the source, read through the checks every source file gets.
std::unique_ptr<load::CsvReader> open_csv(const fs::path& root, const fs::path& p, diag::Diagnostics& diag) {
  auto bytes = load::read_source_file(root, p, display(p), diag);
  if (!bytes) return nullptr;
  return std::make_unique<load::CsvReader>(display(p), std::move(*bytes), diag);
}

std::optional<load::JsonDoc> open_json(const fs::path& root, const fs::path& p, diag::Diagnostics& diag) {
  auto bytes = load::read_source_file(root, p, display(p), diag);
  if (!bytes || !load::check_utf8(display(p), *bytes, msg::bewaar_als_utf8(), diag)) return std::nullopt;
  return load::parse_json(display(p), *bytes, diag);
}

// data/values holds CSV files and Excel workbooks, read in one sorted order. Excel's
// owner files (`~$2025.xlsx`, there while the workbook is open) are passed over.
std::vector<fs::path> value_files(const fs::path& dir, diag::Diagnostics& diag) {
  auto lower_ext = [](const fs::path& p) {
    std::string e = p.extension().string();
    for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return e;
  };
  auto owner_file = [](const fs::path& p) { return p.filename().string().rfind("~$", 0) == 0; };
  auto files = files_in(dir, ".csv", diag, [&](const fs::path& p) { return lower_ext(p) == ".xlsx"; });
  for (const fs::path& p : files_in(dir, ".xlsx", diag, [](const fs::path&) { return true; }))
    if (!owner_file(p)) files.push_back(p);
  std::sort(files.begin(), files.end());
  return files;
}

// The images of a page: each must be an image file below the page's folder in the source.
bool find_page_images(const fs::path& source, const fs::path& pages_dir, model::Page& page, diag::Diagnostics& diag) {
  bool good = true;
  for (const auto& img : markdown_images(page.markdown)) {
    SourcePos pos{page.pos.file, img.line, img.column};
    if (msg::Text problem = image_url_problem(img.url); !problem.empty()) {
      diag.error(pos, problem);
      good = false;
      continue;
    }
    fs::path file = pages_dir / img.url;
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(file, ec))) {
      diag.error(pos, msg::afbeelding_niet_gevonden(img.url, display(file)));
      good = false;
      continue;
    }
    diag::Diagnostics file_diag;
    if (!load::read_source_file(source, file, display(file), file_diag)) {
      for (const auto& d : file_diag.sorted()) diag.error(pos, msg::afbeelding_probleem(img.url, d.message));
      good = false;
      continue;
    }
    page.images.push_back({img.url, file.string()});
  }
  return good;
}

// samples, values, points and quotes: everything that names a round.
void read_round_data(const fs::path& source, model::Model& m, const std::set<std::string>& rejected,
                     const std::set<std::string>& rejected_rounds, diag::Diagnostics& diag) {
  fs::path samples_file = source / "data" / "samples.csv";
  std::error_code ec;
  if (fs::exists(fs::symlink_status(samples_file, ec))) {
    if (auto csv = open_csv(source, samples_file, diag); csv && csv->ok()) samples(*csv, m, m.samples, diag, rejected_rounds);
  }
  ValueChecker checker(m, rejected, rejected_rounds);
  for (const fs::path& p : value_files(source / "data" / "values", diag)) {
    if (p.extension() == ".xlsx") {
      auto bytes = load::read_source_file(source, p, display(p), diag);
      if (!bytes) continue;
      load::XlsxReader sheet(display(p), *bytes, diag);
      if (sheet.ok()) checker.read(sheet, m.values, diag);
    } else if (auto csv = open_csv(source, p, diag); csv && csv->ok()) {
      checker.read(*csv, m.values, diag);
    }
  }
  for (const fs::path& p : files_in(source / "data" / "points", ".csv", diag)) {
    if (auto csv = open_csv(source, p, diag); csv && csv->ok()) points(*csv, m, m.points, diag, rejected_rounds);
  }
  std::map<std::string, SourcePos> quote_ids;
  for (const fs::path& p : files_in(source / "data" / "quotes", ".csv", diag)) {
    if (auto csv = open_csv(source, p, diag); csv && csv->ok()) quotes(*csv, m, m.quotes, quote_ids, diag, rejected_rounds);
  }
}

}  // namespace

std::optional<model::Model> load_source(const fs::path& source, diag::Diagnostics& diag) {
  model::Model m;
  std::error_code ec;
  if (!fs::is_directory(source, ec)) {
    diag.error({display(source), 0, 0}, msg::bron_geen_map());
    return std::nullopt;
  }
  fs::path site_file = source / "data" / "site.json";
  if (!fs::exists(fs::symlink_status(site_file, ec))) {
    diag.error({display(site_file), 0, 0},
               msg::site_json_ontbreekt());
    return std::nullopt;
  }
  auto site_doc = open_json(source, site_file, diag);
  if (!site_doc) return std::nullopt;
  auto site = validate::site(*site_doc, diag);
  if (!site) return std::nullopt;
  m.site = std::move(*site);
  find_site_variables(*site_doc, m, diag);
  report_unknown_in_data(source / "data", diag);

  std::set<std::string> rejected;
  for (const fs::path& p : files_in(source / "indicators", ".json", diag)) {
    auto doc = open_json(source, p, diag);
    auto ind = doc ? indicator(*doc, p.stem().string(), m.site, diag) : std::nullopt;
    if (ind) find_indicator_variables(*doc, *ind, m, diag);
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

  // Every other data file names rounds: when rounds.csv cannot be read, their checks
  // would only repeat that, so they wait until it is fixed.
  std::set<std::string> rejected_rounds;
  fs::path rounds_file = source / "data" / "rounds.csv";
  bool rounds_read = false;
  if (!fs::exists(fs::symlink_status(rounds_file, ec))) {
    diag.error({display(rounds_file), 0, 0}, msg::rounds_csv_ontbreekt());
  } else if (auto csv = open_csv(source, rounds_file, diag)) {
    if (csv->ok()) rounds(*csv, m.rounds, rejected_rounds, diag);
    rounds_read = csv->ok() && !csv->stopped();
    std::sort(m.rounds.begin(), m.rounds.end(),
              [](const model::Round& a, const model::Round& b) { return a.id < b.id; });
  }
  bool rounds_missing = !fs::exists(fs::symlink_status(rounds_file, ec));
  if (!rounds_read && !rounds_missing) {
    diag.error({display(rounds_file), 0, 0},
               msg::rest_niet_gecontroleerd());
  }
  // Indicators and rounds are final: the values that follow find theirs by id.
  m.index();
  if (rounds_read) read_round_data(source, m, rejected, rejected_rounds, diag);
  auto image_or_folder = [](const fs::path& p) {
    std::error_code e;
    return is_image(p) || fs::is_directory(p, e);
  };
  for (const fs::path& p : files_in(source / "data" / "pages", ".md", diag, image_or_folder)) {
    auto text = load::read_source_file(source, p, display(p), diag);
    if (!text || !load::check_utf8(display(p), *text, msg::bewaar_als_utf8(), diag)) continue;
    if (auto pg = page(display(p), p.stem().string(), std::move(*text), diag)) {
      find_page_variables(*pg, m, diag);
      if (find_page_images(source, p.parent_path(), *pg, diag)) m.pages.push_back(std::move(*pg));
    }
  }
  std::vector<NarrativeOk> reviewed;
  fs::path ok_file = source / "data" / "narrative_ok.csv";
  if (std::error_code e; fs::exists(fs::symlink_status(ok_file, e))) {
    if (auto csv = open_csv(source, ok_file, diag); csv && csv->ok()) reviewed = narrative_ok(*csv, diag);
  }
  check_narrative(m, reviewed, display(site_file), display(source / "data" / "rounds.csv"), diag);
  consistency(m, diag);
  if (rounds_read) check_text_variables(m, diag);
  if (diag.has_errors()) return std::nullopt;
  m.index();
  return m;
}

}  // namespace duiding::validate

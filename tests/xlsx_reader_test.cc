// Reading Excel workbooks (.xlsx): cells become the same records a CSV file gives, and
// problems name the file, the sheet and the cell. The workbooks in tests/fixtures/xlsx/
// are written by tests/fixtures/xlsx/make_xlsx.py (Python's standard library zipfile);
// the script says what each one holds, and the expected values below are read off it.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "load/xlsx_reader.h"
#include "validate/validate.h"

namespace {

using namespace duiding;
namespace fs = std::filesystem;
using Messages = std::vector<std::string>;

const fs::path kFixtures = fs::path(DUIDING_TEST_DATA) / "fixtures";

std::string bytes_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Messages messages(const diag::Diagnostics& diag) {
  Messages out;
  for (const auto& d : diag.sorted()) out.push_back(diag::format(d, duiding::msg::Lang::kEn));
  return out;
}

// The texts of all records, a row a line, fields joined by '|'.
std::vector<std::string> rows(load::RecordReader& r) {
  std::vector<std::string> out;
  while (auto rec = r.next()) {
    std::string line = std::to_string(rec->line) + ":";
    for (std::size_t i = 0; i < rec->fields.size(); ++i) line += (i ? "|" : "") + rec->fields[i].text;
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("shared strings, inline strings, numbers and empty cells of a sheet become records", "[xlsx]") {
  diag::Diagnostics diag;
  load::XlsxReader r("cells.xlsx", bytes_of(kFixtures / "xlsx" / "cells.xlsx"), diag);
  REQUIRE(r.ok());
  CHECK(messages(diag).empty());
  CHECK(r.sheet() == "Blad1");
  REQUIRE(r.header().size() == 5);
  CHECK(r.header()[4].text == "value");
  CHECK(r.header()[4].column == 5);
  // Row 4 is empty and skipped; ' tevreden ' is trimmed; "22,5" stays text for the number
  // rules every CSV value goes through; 0.125 formatted as a percentage reads as 12.5;
  // the number 2025 reads as "2025"; C6 has no cell and reads as empty.
  CHECK(rows(r) == std::vector<std::string>{"2:2025|tevredenheid|gezinnen|tevreden|65",
                                            "3:2025|tevredenheid|gezinnen|neutraal|22,5",
                                            "5:2025|tevredenheid|gezinnen|ontevreden|12.5",
                                            "6:2025|tevredenheid||ontevreden|0.1"});
}

TEST_CASE("a field of a sheet is placed at its cell", "[xlsx]") {
  diag::Diagnostics diag;
  load::XlsxReader r("cells.xlsx", bytes_of(kFixtures / "xlsx" / "cells.xlsx"), diag);
  auto rec = r.next();
  REQUIRE(rec);
  CHECK(rec->fields[3].line == 2);
  CHECK(rec->fields[3].column == 4);
  CHECK(diag::where(r.at(rec->fields[3].line, rec->fields[3].column)) == "cells.xlsx:Blad1!D2");
}

TEST_CASE("the sheet named waarden is read when the workbook has one", "[xlsx]") {
  diag::Diagnostics diag;
  load::XlsxReader r("named-sheet.xlsx", bytes_of(kFixtures / "xlsx" / "named-sheet.xlsx"), diag);
  REQUIRE(r.ok());
  CHECK(r.sheet() == "waarden");
  CHECK(rows(r) == std::vector<std::string>{"2:2025|tevredenheid|gezinnen|tevreden|65"});
}

TEST_CASE("another sheet can be asked for by name, else the first is read", "[xlsx]") {
  diag::Diagnostics diag;
  load::XlsxReader r("named-sheet.xlsx", bytes_of(kFixtures / "xlsx" / "named-sheet.xlsx"), diag, "Uitleg");
  CHECK(r.sheet() == "Uitleg");
  load::XlsxReader first("cells.xlsx", bytes_of(kFixtures / "xlsx" / "cells.xlsx"), diag, "geen-blad");
  CHECK(first.sheet() == "Blad1");
}

TEST_CASE("a cell holding an Excel error is reported at its cell", "[xlsx]") {
  diag::Diagnostics diag;
  load::XlsxReader r("2025.xlsx", bytes_of(kFixtures / "xlsx" / "error-cell.xlsx"), diag);
  CHECK_FALSE(r.ok());
  CHECK(messages(diag) ==
        Messages{"2025.xlsx:Blad1!E3: error: cell holds the Excel error '#DIV/0!'; expected a value"});
}

TEST_CASE("a file that is not a workbook says how to save one", "[xlsx]") {
  diag::Diagnostics diag;
  load::XlsxReader r("2025.xlsx", "round;indicator\n2025;x\n", diag);
  CHECK_FALSE(r.ok());
  CHECK(messages(diag) ==
        Messages{"2025.xlsx: error: is not an Excel workbook (.xlsx); an old .xls file or one with a password "
                 "cannot be read: save it in Excel as 'Excel-werkmap (*.xlsx)', or as 'CSV UTF-8 (door komma's "
                 "gescheiden)'"});
}

TEST_CASE("values in a workbook go through the same checks as values in a CSV file", "[xlsx][load-source]") {
  fs::path root = fs::temp_directory_path() / ("duiding-xlsx-test-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::copy(kFixtures / "mini", root, fs::copy_options::recursive);
  std::ofstream(root / "data" / "rounds.csv", std::ios::app) << "2025,Impactmeting 2025,2025-03-03,2025-06-13,\n";
  fs::copy_file(kFixtures / "xlsx" / "mini-2025.xlsx", root / "data" / "values" / "2025.xlsx");
  // Excel's owner file, there while the workbook is open in Excel, is not read.
  std::ofstream(root / "data" / "values" / "~$2025.xlsx") << "owner";
  fs::path old = fs::current_path();
  fs::current_path(root);
  diag::Diagnostics diag;
  auto m = validate::load_source(root, diag);
  fs::current_path(old);
  fs::remove_all(root);
  CHECK_FALSE(m);
  CHECK(messages(diag) == Messages{"data/values/2025.xlsx:Blad1!D3: error: unknown category 'neutrall' (did you "
                                   "mean 'neutraal'?) for indicator 'tevredenheid'; expected one of ontevreden, "
                                   "neutraal, tevreden"});
}

TEST_CASE("a workbook written by openpyxl, with a custom percentage format, is read", "[xlsx]") {
  // tests/fixtures/xlsx/make_openpyxl.py: E2 holds 0.6 formatted as 0.0%, E3 the text "30,0".
  diag::Diagnostics diag;
  load::XlsxReader r("openpyxl-2025.xlsx", bytes_of(kFixtures / "xlsx" / "openpyxl-2025.xlsx"), diag);
  REQUIRE(r.ok());
  CHECK(messages(diag).empty());
  CHECK(r.sheet() == "Blad1");
  CHECK(rows(r) == std::vector<std::string>{"2:2025|tevredenheid|gezinnen|tevreden|60",
                                            "3:2025|tevredenheid|gezinnen|neutraal|30,0",
                                            "4:2025|tevredenheid|gezinnen|ontevreden|10"});
}

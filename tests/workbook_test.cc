// The Excel workbook of an indicator: the same bytes for the same input, a creation date
// from the data (never the clock), Dutch names. The cells themselves are read back with
// openpyxl over both built sites (tests/publish/check-workbooks.py).
#include "render/workbook.h"

#include <catch2/catch.hpp>
#include <zip.h>

#include <map>
#include <string>

#include "one_indicator.h"

namespace {

using namespace duiding;

struct WorkbookModel : test::OneIndicator {
  WorkbookModel() : OneIndicator("count", "2024-01-18", "2024-06-12") {
    m.site.title = "Monitor";
    ind.title = "Tevredenheid: [alles] in één keer?";
    ind.source = "Fictieve meting";
    add("oneens", 12);
    add("eens", 28);
  }
  std::string workbook() { return render::indicator_workbook(m, ind, values, stats::summarize(m, ind, values)); }
  std::string recipe() { return render::workbook_recipe(m, ind, values, stats::summarize(m, ind, values)); }
};

// The text of one part of the workbook's ZIP container.
std::string part(const std::string& xlsx, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(xlsx.data(), xlsx.size(), 0, &error);
  REQUIRE(src != nullptr);
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
  REQUIRE(z != nullptr);
  zip_stat_t st;
  REQUIRE(zip_stat(z, name, 0, &st) == 0);
  std::string out(st.size, '\0');
  zip_file_t* f = zip_fopen(z, name, 0);
  REQUIRE(f != nullptr);
  REQUIRE(zip_fread(f, out.data(), st.size) == static_cast<zip_int64_t>(st.size));
  zip_fclose(f);
  zip_discard(z);
  return out;
}

}  // namespace

TEST_CASE("an indicator's workbook is the same bytes when written twice", "[workbook]") {
  WorkbookModel w;
  const std::string first = w.workbook();
  REQUIRE(first.substr(0, 2) == "PK");
  CHECK(first == w.workbook());
}

TEST_CASE("a workbook's recipe changes with every cell and property it is packed from, and only then", "[workbook]") {
  // An incremental build packs a workbook again only when its recipe changed.
  WorkbookModel w;
  const std::string recipe = w.recipe(), bytes = w.workbook();
  CHECK(w.recipe() == recipe);
  std::map<std::string, std::string> changed;  // what changed -> recipe
  w.store[0].value = 12.000000000000002;        // a value, by one bit of its double
  changed["value"] = w.recipe();
  const std::string other_bytes = w.workbook();
  w.store[0].value = 12;
  w.store[1].note = "voorlopig";  // a note beside a value
  changed["note"] = w.recipe();
  w.store[1].note = "";
  w.m.site.organisation = "Gemeente X";  // the author property
  changed["author"] = w.recipe();
  w.m.site.organisation = "";
  w.m.rounds[0].end = "2024-06-13";  // the creation date
  changed["created"] = w.recipe();
  w.m.rounds[0].end = "2024-06-12";
  w.ind.source = "Fictieve meting 2";  // a line above a table
  changed["source"] = w.recipe();
  w.ind.source = "Fictieve meting";
  w.m.rounds[0].label = "Meting 2024";  // a label in the cells
  changed["round label"] = w.recipe();
  w.m.rounds[0].label = "Impactmeting 2024";
  for (const auto& [what, text] : changed) {
    INFO(what);
    CHECK(text != recipe);
  }
  CHECK(other_bytes != bytes);
  // Everything put back: the same recipe and the same bytes.
  CHECK(w.recipe() == recipe);
  CHECK(w.workbook() == bytes);
}

TEST_CASE("a workbook's creation date is the current round's end date, not the clock", "[workbook]") {
  WorkbookModel w;
  CHECK(part(w.workbook(), "docProps/core.xml").find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-06-12T00:00:00Z") !=
        std::string::npos);
  w.m.rounds[0].end = "";
  CHECK(part(w.workbook(), "docProps/core.xml").find("1980-01-01T00:00:00Z") != std::string::npos);
}

TEST_CASE("a workbook has a sheet of all values and one per table, named within Excel's rules", "[workbook]") {
  WorkbookModel w;
  const std::string book = part(w.workbook(), "xl/workbook.xml");
  CHECK(book.find("name=\"Alle cijfers\"") != std::string::npos);
  // The chart's caption, numbered, at most 31 characters.
  CHECK(book.find("name=\"1 Gezinnen, Impactmeting 2024\"") != std::string::npos);
  const std::string strings = part(w.workbook(), "xl/sharedStrings.xml");
  for (const char* s : {"Ronde", "Groep", "Uitsplitsing", "Antwoord", "Maat", "Waarde", "Opmerking", "Oneens",
                        "Impactmeting 2024", "Bron: Fictieve meting"})
    CHECK(strings.find(std::string(">") + s + "<") != std::string::npos);
  // Ids are not written where a label exists.
  CHECK(strings.find(">oneens<") == std::string::npos);
}

TEST_CASE("a measure is named in Dutch, a value after the indicator's unit", "[workbook]") {
  model::Indicator ind;
  ind.unit = "percent";
  CHECK(render::measure_label(ind, "value") == "Percentage");
  CHECK(render::measure_label(ind, "n") == "Aantal respondenten (n)");
  CHECK(render::measure_label(ind, "importance") == "Gemiddeld belang");
}

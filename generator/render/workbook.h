// An indicator's figures as an Excel workbook (.xlsx) for readers who open downloads in
// Dutch Excel: Dutch column headers, labels instead of ids, numbers stored as numbers (Excel
// shows them with the reader's decimal comma). The long-format CSV beside it stays the
// open data; the workbook holds the same lines, plus one sheet per table of the page.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"
#include "stats/summary.h"

namespace duiding::render {

/// The column headers of the workbook's first sheet ("Alle cijfers"), in order: the CSV's
/// columns without `indicator`, in Dutch.
const std::vector<std::string>& workbook_headers();

/// The Dutch name of a value's `measure` (as in the values table) for indicator `ind`:
/// "value" gets the unit's name ("Percentage", "Aantal"), the others a fixed name.
std::string measure_label(const model::Indicator& ind, const std::string& measure);

/// The workbook of `ind`: sheet "Alle cijfers" (a title row, source and n rows, then the
/// lines of value_lines() with labels), then a sheet per chart of `summary` holding the
/// numbers of the chart's table, each with its title, source and n above. The document's
/// creation time is the current round's end date (else 1 January 1980), so equal input
/// gives equal bytes. Throws std::runtime_error when libxlsxwriter fails (disk, memory).
std::string indicator_workbook(const model::Model& m, const model::Indicator& ind,
                               const std::vector<const model::Value*>& values,
                               const stats::IndicatorSummary& summary);

/// Everything indicator_workbook() makes its bytes from (properties, sheets, cells; numbers
/// exactly), as text: equal texts give equal workbooks. An incremental build hashes this
/// and packs the workbook only when it changed, as packing is most of a workbook's time.
std::string workbook_recipe(const model::Model& m, const model::Indicator& ind,
                            const std::vector<const model::Value*>& values, const stats::IndicatorSummary& summary);

}  // namespace duiding::render

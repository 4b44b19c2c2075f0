// libFuzzer target: the CSV reader (encoding checks, `sep=`, delimiter detection,
// quoting across lines) must end on any bytes without a crash, a leak or undefined
// behaviour, and never yield more fields than the header has.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "load/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  duiding::diag::Diagnostics diag;
  duiding::load::CsvReader csv(std::string("fuzz.csv"), std::string(reinterpret_cast<const char*>(data), size), diag);
  if (!csv.ok()) return 0;
  while (auto rec = csv.next()) {
    if (rec->fields.size() > csv.header().size()) std::abort();
    for (const auto& f : rec->fields)
      if (f.line < 1 || f.column < 1) std::abort();
  }
  return 0;
}

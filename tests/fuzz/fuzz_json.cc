// libFuzzer target: the JSON reader with source positions, duplicate keys and the
// nesting limit must end on any bytes without a crash, and every position it records
// must be inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "load/json_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  duiding::diag::Diagnostics diag;
  std::string text(reinterpret_cast<const char*>(data), size);
  auto doc = duiding::load::parse_json("fuzz.json", text, diag);
  if (!doc) return 0;
  for (const auto& [pointer, pos] : doc->positions)
    if (pos.line < 1 || pos.column < 1) std::abort();
  return 0;
}

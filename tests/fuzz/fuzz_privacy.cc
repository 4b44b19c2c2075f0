// libFuzzer target: the privacy scan of quotes must end on any text, and every finding
// must lie inside the text and hold exactly the bytes it points at.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "validate/privacy.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto& f : duiding::validate::privacy::scan(text)) {
    if (f.offset > size || f.length > size - f.offset) std::abort();
    if (text.substr(f.offset, f.length) != f.match) std::abort();
  }
  return 0;
}

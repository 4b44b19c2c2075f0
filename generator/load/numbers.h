// Numbers as analysts type them: `84`, `84.5` or `84,5` (decimal comma, as Dutch Excel
// writes), an optional leading minus, no thousands separators, no percent sign.
#pragma once

#include <optional>
#include <string_view>

namespace duiding::load {

/// The number in `text` (surrounding spaces allowed), or nullopt when it is not one.
std::optional<double> parse_number(std::string_view text);

/// The message part saying what a number looks like, used after "expected".

/// True when `x` is a whole number (within floating-point noise).
bool is_whole(double x);

}  // namespace duiding::load

// Checks every text file of a source shares before it is parsed: UTF-8 (no UTF-16, no NUL
// bytes, no Windows-1252 bytes) and line ends. Problems point at the file, line and
// column of the first bad byte.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "diag/diagnostics.h"

namespace duiding::load {

/// Length of the valid UTF-8 sequence at byte `i` of `text`, or 0 when it is not valid
/// (overlong forms, surrogates, code points above U+10FFFF and cut-off sequences are not).
int utf8_sequence_length(std::string_view text, std::size_t i);

/// Reports the first UTF-16 byte-order mark, NUL byte or invalid UTF-8 sequence in `text`
/// as an error at its line and column (in characters) under `file`, with `hint` on how to
/// save the file as UTF-8. False when there was one.
bool check_utf8(const std::string& file, std::string_view text, const msg::Text& hint,
                diag::Diagnostics& diag);

/// True when `text` ends its lines with CR alone (classic Mac OS): it has a CR and no LF.
bool has_cr_only_line_ends(std::string_view text);

/// `text` with every CR-only line end turned into LF (CR LF and LF stay as they are).
std::string normalise_line_ends(std::string text);

}  // namespace duiding::load

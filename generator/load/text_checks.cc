#include "load/text_checks.h"
#include "diag/messages.h"

#include <fmt/format.h>

#include <cstring>

#include "load/csv_reader.h"

namespace duiding::load {

int utf8_sequence_length(std::string_view text, std::size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return 1;
  int len;
  unsigned min;
  unsigned cp;
  if ((c & 0xE0) == 0xC0) {
    len = 2, min = 0x80, cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, min = 0x800, cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, min = 0x10000, cp = c & 0x07;
  } else {
    return 0;
  }
  if (text.size() - i < static_cast<std::size_t>(len)) return 0;
  for (int k = 1; k < len; ++k) {
    auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool check_utf8(const std::string& file, std::string_view text, const msg::Text& hint,
                diag::Diagnostics& diag) {
  if (text.size() >= 2 && (std::memcmp(text.data(), "\xFF\xFE", 2) == 0 || std::memcmp(text.data(), "\xFE\xFF", 2) == 0)) {
    diag.error({file, 1, 1}, msg::utf16(hint));
    return false;
  }
  int line = 1, column = 1;
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '\0') {
      diag.error({file, line, column}, msg::nul_byte(hint));
      return false;
    }
    int len = utf8_sequence_length(text, i);
    if (len == 0) {
      diag.error({file, line, column},
                 msg::geen_utf8(fmt::format("0x{:02X}", static_cast<unsigned>(static_cast<unsigned char>(c))), hint));
      return false;
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += static_cast<std::size_t>(len);
  }
  return true;
}

bool has_cr_only_line_ends(std::string_view text) {
  return text.find('\r') != std::string_view::npos && text.find('\n') == std::string_view::npos;
}

std::string normalise_line_ends(std::string text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) text[i] = '\n';
  return text;
}

}  // namespace duiding::load

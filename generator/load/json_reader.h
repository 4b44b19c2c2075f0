// The JSON stage of loading: a JSON file in, its value plus the source position of every
// member and element out, so that later checks can point at `file:line:column`.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "diag/diagnostics.h"

namespace duiding::load {

/// How deep objects and lists may nest: deeper documents are refused before they cost
/// memory or stack (site files nest four levels).
inline constexpr std::size_t kMaxJsonDepth = 64;

/// A parsed JSON document. `positions` maps a JSON pointer (`/groups/0/id`) to where
/// that value starts (for an object member: where its key starts).
struct JsonDoc {
  std::string file;
  nlohmann::json value;
  std::map<std::string, SourcePos> positions;
  /// The text as read and, for every string value, the byte offset of its opening quote:
  /// so a place inside a string (a `{{variable}}` of a text) can be found.
  std::string content;
  std::map<std::string, std::size_t> string_offsets;

  /// Position of `pointer`, or of its nearest parent that has one, or line 1 column 1.
  SourcePos at(const std::string& pointer) const;
  /// Position of byte `offset` of the decoded string value at `pointer` (escapes such as
  /// `\n` or `\u00e9` counted as written); at(pointer) when it is not a string.
  SourcePos inside(const std::string& pointer, std::size_t offset) const;
};

/// Reads and parses the file at `path`. Syntax errors, duplicate keys and nesting deeper
/// than kMaxJsonDepth are reported to `diag` under `display_name`; on a syntax error or
/// too deep nesting the result is nullopt.
std::optional<JsonDoc> read_json(const std::filesystem::path& path,
                                 const std::string& display_name, diag::Diagnostics& diag);

/// Parses `content` as above.
std::optional<JsonDoc> parse_json(const std::string& display_name, const std::string& content,
                                  diag::Diagnostics& diag);

/// Escapes a member name for use in a JSON pointer (`~` and `/`).
std::string pointer_token(const std::string& key);

}  // namespace duiding::load

// HTML text: escaping for text and attributes, and JSON made safe inside a <script> data
// block. Every string from the source passes through here before it reaches a page.
#pragma once

#include <string>
#include <string_view>

namespace duiding::render {

/// Escapes `&`, `<`, `>`, `"` and `'` so `text` is shown as text in content and in
/// double- or single-quoted attributes.
std::string escape(std::string_view text);

/// Escapes like `escape` and turns line breaks into `<br>`.
std::string escape_lines(std::string_view text);

/// JSON text for a `<script type="application/json">` block: `<`, `>` and `&` become
/// \u escapes, so no `</script>` or `<!--` can end the block early.
std::string script_json(std::string_view json_text);

}  // namespace duiding::render

// Markdown to HTML with cmark-gfm in its safe mode: raw HTML is dropped and unsafe link
// schemes are emptied. GFM tables, strikethrough and autolinks are on.
#pragma once

#include <string>
#include <string_view>

namespace duiding::render {

/// HTML for `markdown`. `shift_headings` moves every heading down that many levels (so
/// a `#` in an indicator's description becomes an `<h2>` under the page's `<h1>`);
/// `link_base` goes in front of every relative link and `id_prefix` after the `#` of
/// every link to a fragment (text shown on another page than the one it was written for,
/// whose ids are prefixed there).
std::string markdown_html(std::string_view markdown, int shift_headings = 0, std::string_view link_base = "",
                          std::string_view id_prefix = "");

/// Whether `href` is relative to the page: no scheme, not from the root, not a fragment.
bool is_relative_link(std::string_view href);

/// Markdown of one line as inline HTML, without the surrounding `<p>`.
std::string markdown_inline(std::string_view markdown);

/// The text of `markdown` without its markup (for the search index).
std::string markdown_text(std::string_view markdown);

}  // namespace duiding::render

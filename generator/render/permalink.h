// A visible link to a part of a page (a chart, a comparison, a story), for readers who
// want to send someone exactly there. duiding.js adds a copy button beside it; without
// JavaScript the link stays a plain link that can be copied from the browser's menu.
#pragma once

#include <string>

namespace duiding::render {

/// `<p class="permalink">` with a link to `href` (already escaped and relative, with its
/// #anchor, e.g. ArticlePlace::link("#grafiek-x")) reading `text`, and a hidden button
/// "Kopieer link" that duiding.js shows and that copies the link's full address.
std::string permalink(const std::string& href, const std::string& text);

}  // namespace duiding::render

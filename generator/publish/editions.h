// Editions: a publication holds the current edition at its root and every earlier round's
// edition, as it was published, under <round>/. The only bytes publish changes in an
// archived edition are one marked block in each HTML page (the archive notice) and the
// removal of the editions list from its home page (its links were relative to the root).
#pragma once

#include <string>

namespace duiding::publish {

/// Name of the list of editions at the root of a publication.
inline constexpr const char* kEditionsFile = "edities.json";

/// `html` with the archive notice inserted directly after its <main ...> tag, between
/// <!--duiding:archief--> and <!--/duiding:archief-->: which edition this is, and a link
/// `newest_href` to the newest edition (the same page there when it exists).
std::string mark_archived(const std::string& html, const std::string& label, const std::string& newest_href);

/// `html` with the editions list (`list_html`) between <!--duiding:edities--> and
/// <!--/duiding:edities--> inserted before </main>.
std::string insert_editions(const std::string& html, const std::string& list_html);
/// `html` without a block inserted by insert_editions.
std::string remove_editions(const std::string& html);

}  // namespace duiding::publish

// Full-text search without a server: the search page `zoeken/index.html` and the index
// `assets/zoekindex.js` it reads, a plain script that sets `window.DUIDING_ZOEKINDEX` to
// the site's documents (stories, indicator pages, sections, narrative pages). In the
// browser, assets/zoeken.js indexes them with MiniSearch (assets/vendor/minisearch.js).
// A script file rather than JSON: fetch() of a JSON file fails from file://, and
// WebAssembly-based search engines need 'wasm-unsafe-eval', which the site's CSP forbids.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/model.h"
#include "render/page_frame.h"
#include "stats/story_index.h"

namespace duiding::render {

/// The documents of the search index, in a fixed order: stories, then indicators,
/// sections and narrative pages in model order. Each has `id`, `soort` (what it is, in
/// Dutch; a story's also names its group and round), `titel` (a story's theme, else the
/// first answer it sits behind, else its group), `tekst` (what is searched), `inhoud`
/// (what the result's page shows, on one line, at most 3000 bytes: the snippet is cut
/// from it around the first hit) and `url` (from the site root; a story's is the page of
/// the stories list it stands on). All values are plain text; the page shows them as text.
nlohmann::json search_documents(const model::Model& m, const stats::StoryIndex& index);

/// Where the index lives, from the site root.
inline constexpr const char* kSearchIndex = "assets/zoekindex.js";

/// The bytes of assets/zoekindex.js.
std::string search_index_js(const model::Model& m, const stats::StoryIndex& index);

/// The page zoeken/index.html.
std::string search_page(const model::Model& m, const PageFrame& frame);

}  // namespace duiding::render

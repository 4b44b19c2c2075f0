// One printable page per round (rapportage/<round>/index.html): the round's key figures
// and "Wat is veranderd" (render/round_summary.h), then every indicator of the site in
// section order, each with the same article its own page shows, made to be printed on A4
// or turned into a PDF (whenever the build finds Chromium).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/model.h"
#include "render/page_frame.h"
#include "render/round_summary.h"
#include "stats/story_index.h"

namespace duiding::render {

/// Where the rapportage of round `round_id` lives, e.g. "rapportage/2024/index.html".
std::string rapportage_path(const std::string& round_id);
/// The PDF's file name next to it, e.g. "rapportage-2024.pdf".
std::string rapportage_pdf_name(const std::string& round_id);

/// The rapportage of the round of `results`: the site's values up to and including that
/// round (RoundResults). With `with_pdf` the page links to the PDF that the build makes of
/// it. Its indicators' articles are written through the frame's for_each().
std::string rapportage_page(const model::Model& m, const RoundResults& results, bool with_pdf,
                            const stats::StoryIndex& stories, const PageFrame& frame);
/// The same page in parts, in order, into `sink`: its frame's head, its opening, the
/// indicators' articles a batch at a time (one part each), the frame's tail. The build
/// writes it this way. An article that `options.earlier` has (render/page_frame.h) is
/// taken from it instead of being rendered; every other part is rendered. With
/// `options.digests` every part's digest goes there first.
void rapportage_parts(const model::Model& m, const RoundResults& results, bool with_pdf,
                      const stats::StoryIndex& stories, const PageFrame& frame, const Sink& sink,
                      const PartsOptions& options = {});

}  // namespace duiding::render

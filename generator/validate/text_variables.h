// Finds the `{{variables}}` of the source's texts with their places, and checks them and
// the round keys of per-round texts once the whole source is read (docs/data-format.md,
// "Round-aware text").
#pragma once

#include "diag/diagnostics.h"
#include "load/json_reader.h"
#include "model/model.h"

namespace duiding::validate {

/// The variables of site.json's texts (title, description, footer, sections).
void find_site_variables(const load::JsonDoc& doc, model::Model& m, diag::Diagnostics& diag);
/// The variables of an indicator's texts, per-round entries included.
void find_indicator_variables(const load::JsonDoc& doc, const model::Indicator& ind, model::Model& m,
                              diag::Diagnostics& diag);
/// The variables of a page's Markdown.
void find_page_variables(const model::Page& page, model::Model& m, diag::Diagnostics& diag);
/// After everything is read: every variable is known, every per-round key is a round,
/// and every variable has a value in each round its text is shown for.
void check_text_variables(const model::Model& m, diag::Diagnostics& diag);

}  // namespace duiding::validate

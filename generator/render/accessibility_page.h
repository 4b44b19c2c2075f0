// The accessibility statement (toegankelijkheidsverklaring) at toegankelijkheid/index.html,
// in the shape of the Dutch model statement: what the site aims for, how it is tested,
// what is known not to work, whom to contact. Its date comes from the data, never the
// clock, so two builds stay byte-identical.
#pragma once

#include <string>

#include "model/model.h"
#include "render/page_frame.h"

namespace duiding::render {

/// "12 juni 2024" for the ISO date "2024-06-12"; the text itself when it is no ISO date.
std::string dutch_date(const std::string& iso);

/// The statement's date: site.json's accessibility.date, else the end (or start) of the
/// current round; empty when the data gives none.
std::string statement_date(const model::Model& m);

/// Renders and writes the accessibility statement.
std::string accessibility_page(const model::Model& m, const PageFrame& frame);

}  // namespace duiding::render

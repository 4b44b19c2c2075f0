// The render stage writes numbers as text/format.h does (Dutch decimal comma, thousands
// point, percentages, amounts); the functions are named here so render code calls them
// as its own. charts/ and stats/ include text/format.h directly.
#pragma once

#include "text/format.h"

namespace duiding::render {
using text::amount;
using text::lower_first;
using text::mentions;
using text::number;
using text::percent;
using text::unit_title;
using text::value_label;
}  // namespace duiding::render

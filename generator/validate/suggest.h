// "Did you mean ...?" for ids typed by hand: the nearest known id by edit distance, used
// by every message about an unknown id (categories, groups, indicators, sections, ...).
#pragma once

#include "diag/text.h"
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace duiding::validate {

/// The number of edits (insert, delete or replace one character, or swap two neighbouring
/// ones) that turn `a` into `b`, counted on bytes (the optimal string alignment distance).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The id of `known` that `typed` most likely meant: the nearest when letter case is
/// ignored, if it is at most 2 edits away (1 for ids of up to 4 characters), fewer edits
/// than `typed` has characters, and no other id is as near. nullopt when `typed` is itself known or nothing is near enough.
std::optional<std::string> nearest_id(std::string_view typed, const std::vector<std::string>& known);

/// " (bedoelt u 'zeer-tevreden'?)" for a near miss, else the empty text: to follow the
/// quoted unknown id in a message.
msg::Text did_you_mean(std::string_view typed, const std::vector<std::string>& known);

}  // namespace duiding::validate

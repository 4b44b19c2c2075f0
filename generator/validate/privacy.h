// The privacy scan of quotes: finds text that looks like it identifies a person (e-mail
// addresses, Dutch phone numbers, postcodes, numbers passing the BSN 11-test, URLs, street
// names with a house number). Pure functions on text; validate_data.cc reports what they
// find at the position of the match in the CSV file.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "load/csv_reader.h"

namespace duiding::validate::privacy {

enum class Kind { kEmail, kPhone, kPostcode, kBsn, kUrl, kAddress, kName, kInstitution, kAge, kDate };

/// Every kind, in the order of the enum.
constexpr Kind kAllKinds[] = {Kind::kEmail, Kind::kPhone, Kind::kPostcode, Kind::kBsn, Kind::kUrl,
                              Kind::kAddress, Kind::kName, Kind::kInstitution, Kind::kAge, Kind::kDate};

/// One match in a text: what kind, where (byte offset and length) and the matched bytes.
struct Finding {
  Kind kind;
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string match;
};

/// Every finding of the pattern kinds (email, phone, postcode, bsn, url, address) in
/// `text`, ordered by offset. A match inside a longer one found first (the digits of an
/// e-mail address, say) is not reported again. Unicode spaces and dashes count as spaces
/// and dashes. Linear in the length of `text`. Names, ages and dates: privacy_names.h.
std::vector<Finding> scan(std::string_view text);

/// The id an analyst writes in the `privacy_ok` column: email, phone, postcode, bsn, url,
/// address, name, institution, age, date.
const char* kind_id(Kind k);
/// The kind with id `id`, or nullopt.
std::optional<Kind> kind_from_id(std::string_view id);
/// What the kind is, for messages: "een e-mailadres", "een telefoonnummer", ...
msg::Text kind_description(Kind k);

/// True when `digits` (exactly nine digits 0-9) pass the BSN 11-test:
/// 9·d1 + 8·d2 + ... + 2·d8 − 1·d9 ≡ 0 (mod 11), and are not all zero.
bool passes_11_test(std::string_view digits);

/// The parsed `privacy_ok` column: `kind[,kind...]: reason`.
struct Override {
  std::set<Kind> kinds;
  std::string reason;
};

/// Parses a `privacy_ok` field; nullopt with `error` set when it is malformed (unknown
/// kind, no kinds, or no reason after the colon).
std::optional<Override> parse_override(std::string_view text, msg::Text& error);

/// Where byte `offset` of `field`'s text is in the file: follows line breaks inside a
/// quoted field and counts a `""` in a quoted field as two columns, as the CSV reader does.
SourcePos position_in_field(const load::Field& field, const std::string& file,
                            std::size_t offset);

}  // namespace duiding::validate::privacy

// The narrative check: author-written text (Markdown pages, the site's and sections'
// descriptions, indicator descriptions and data notes, round descriptions) that names a
// number of people below min_cell, in digits or Dutch words, e.g. "maar vier gezinnen".
// Each is a warning at file:line:column. A phrase that was reviewed (it identifies no one,
// e.g. "twee medewerkers van het onderzoeksteam") is listed in data/narrative_ok.csv
// (file, phrase, reason) and then accepted, the way `privacy_ok` accepts a quote.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "load/csv_reader.h"
#include "model/model.h"

namespace duiding::validate {

/// One small number of people in a text.
struct NarrativeHit {
  int line = 1, column = 1;  ///< within the text, 1-based (column in characters)
  std::string phrase;        ///< from the number to the word for people, as written
  long number = 0;
};

/// The numbers 1 ... min_cell - 1 (digits, or "één", "twee", ... "negentien") followed
/// within four words by a word for people (gezinnen, medewerkers, jongeren, ouders, ...).
/// A number directly followed by '%' is a share and not reported.
std::vector<NarrativeHit> scan_narrative(const std::string& text, int min_cell);

/// A reviewed exception: `phrase` in `file` identifies no one, because `reason`.
struct NarrativeOk {
  std::string file, phrase, reason;
  SourcePos pos;
};

/// data/narrative_ok.csv: columns file (relative to the source, e.g. data/pages/over.md),
/// phrase (as the warning quotes it) and reason, all required.
std::vector<NarrativeOk> narrative_ok(load::CsvReader& csv, diag::Diagnostics& diag);

/// Warns for every small number of people in the model's author-written text that no
/// exception covers, and for every exception that matches nothing.
/// `site_file` and `rounds_file` name data/site.json and data/rounds.csv in messages.
void check_narrative(const model::Model& m, const std::vector<NarrativeOk>& ok, const std::string& site_file,
                     const std::string& rounds_file, diag::Diagnostics& diag);

}  // namespace duiding::validate

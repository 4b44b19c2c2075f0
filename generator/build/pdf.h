// The PDF of every rapportage page, printed by headless Chromium from the staging
// directory before the site is swapped into place. Chromium writes the time of printing
// into the PDF, so PDFs differ between builds; the HTML stays byte-identical.
#pragma once

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "model/model.h"

namespace duiding::build {

/// Chromium could not print a page (the message says which and why).
class PdfFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Path of the Chromium program: $DUIDING_CHROMIUM, else the first of /usr/bin/chromium,
/// /usr/bin/chromium-browser that exists; empty when there is none.
std::string find_chromium();

/// Prints rapportage/<round>/index.html of every round in `site_dir` to
/// rapportage/<round>/rapportage-<round>.pdf (A4, no header or footer) and returns how
/// many PDFs it wrote. Throws PdfFailed when Chromium fails or writes no PDF.
std::size_t print_rapportages(const model::Model& m, const std::string& chromium, const std::filesystem::path& site_dir);

}  // namespace duiding::build

// The PDFs of the rapportage and factsheet pages, printed by headless Chromium from the
// staging directory before the site is swapped into place. Chromium writes the time of
// printing into the PDF; that date is replaced by one from the data, so a PDF is
// byte-identical between builds like every other file.
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

/// The date every PDF carries as CreationDate and ModDate, 14 digits YYYYMMDDHHmmSS (UTC):
/// from SOURCE_DATE_EPOCH when set, else the end (or start) of the current round, else
/// 20000101000000. A date from the data, never the clock: a rebuilt PDF is byte-identical.
std::string pdf_date(const model::Model& m);

/// Replaces the value of every /CreationDate and /ModDate string of `pdf` with
/// "D:<date14>+00'00'", keeping each string's length, so the offsets of the PDF's
/// cross-reference table stay right. Returns how many it replaced; a value of another
/// length than Chromium's "D:YYYYMMDDHHmmSS+HH'mm'" keeps its tail.
std::size_t pin_pdf_dates(std::string& pdf, const std::string& date14);

/// Replaces every `from` (the start of a link address, e.g. the file:// address of the
/// folder Chromium printed from) in `pdf` with `to` and corrects the cross-reference
/// table and startxref for the changed lengths. Returns how many it replaced. Works on
/// PDFs with one classic cross-reference table, as Chromium writes them; leaves any
/// other PDF as it is and returns 0.
std::size_t relink_pdf(std::string& pdf, const std::string& from, const std::string& to);

/// Prints pages to PDF with headless Chromium: A4 (the pages' print.css), no header or
/// footer, tagged (Chromium tags printed PDFs: structure tree, /Lang from the page's
/// lang, /Title from its <title>), dated with pdf_date(). Links to other pages of the site
/// lead to `base_url` (the published site) when it is given, else relative to the PDF's
/// own folder, never to the folder it was printed from. One profile folder outside the
/// site for all pages, removed when the printer goes.
class ChromiumPrinter {
 public:
  ChromiumPrinter(std::string chromium, std::string date14, std::string base_url = "");
  ~ChromiumPrinter();
  ChromiumPrinter(const ChromiumPrinter&) = delete;
  ChromiumPrinter& operator=(const ChromiumPrinter&) = delete;

  /// Prints the page at `page` to `pdf`. Throws PdfFailed when Chromium fails, takes
  /// longer than DUIDING_PDF_TIMEOUT seconds (default 120) or writes no PDF.
  void print(const std::filesystem::path& page, const std::filesystem::path& pdf) const;

 private:
  std::string chromium_;
  std::string date_;
  std::string base_url_;
  std::filesystem::path profile_;
};

}  // namespace duiding::build

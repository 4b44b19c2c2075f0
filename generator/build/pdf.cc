#include "build/pdf.h"

#include <cstdlib>
#include <vector>

#include "platform/platform.h"
#include "render/rapportage.h"

namespace duiding::build {
namespace fs = std::filesystem;

namespace {

// Seconds one page may take to print: 120, or DUIDING_PDF_TIMEOUT.
int print_timeout_seconds() {
  if (const char* env = std::getenv("DUIDING_PDF_TIMEOUT"); env != nullptr && *env != 0) {
    int s = std::atoi(env);
    if (s > 0) return s;
  }
  return 120;
}

}  // namespace

std::string find_chromium() {
  if (!platform::kRunsOtherPrograms) return "";
  if (const char* env = std::getenv("DUIDING_CHROMIUM"); env != nullptr && *env != 0)
    return fs::is_regular_file(env) ? env : "";
  for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser"})
    if (fs::is_regular_file(p)) return p;
  return "";
}

std::size_t print_rapportages(const model::Model& m, const std::string& chromium, const fs::path& site_dir) {
  std::size_t made = 0;
  const int timeout = print_timeout_seconds();
  // A fresh profile outside the site, so nothing of Chromium's ends up in it.
  fs::path profile = fs::temp_directory_path() / ("duiding-chromium-" + std::to_string(platform::process_id()));
  for (const auto& r : m.rounds) {
    fs::path page = fs::absolute(site_dir / render::rapportage_path(r.id));
    fs::path pdf = page.parent_path() / render::rapportage_pdf_name(r.id);
    int status = platform::run_program({chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                      "--disable-component-update", "--no-first-run", "--disable-sync",
                      "--user-data-dir=" + profile.string(), "--no-pdf-header-footer",
                      // Give the page time to draw its charts before printing.
                      "--virtual-time-budget=20000", "--run-all-compositor-stages-before-draw",
                      "--print-to-pdf=" + pdf.string(), "file://" + page.string()},
                     timeout);
    if (status == platform::kTimedOut) {
      std::error_code ignored;
      fs::remove_all(profile, ignored);
      throw PdfFailed("Chromium (" + chromium + ") did not finish printing " + page.string() + " within " +
                      std::to_string(timeout) + " s and was stopped (set DUIDING_PDF_TIMEOUT to allow longer)");
    }
    if (status != 0 || !fs::is_regular_file(pdf) || fs::file_size(pdf) == 0) {
      std::error_code ignored;
      fs::remove_all(profile, ignored);
      throw PdfFailed("Chromium (" + chromium + ") could not print " + page.string() + " to a PDF (exit status " +
                      std::to_string(status) + ")");
    }
    ++made;
  }
  std::error_code ignored;
  fs::remove_all(profile, ignored);
  return made;
}

}  // namespace duiding::build

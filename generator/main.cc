// duiding: a static dashboard generator for council reporting.
//
//   duiding build [SOURCE] [-o OUT] [--pdf]   validate SOURCE and write its site to OUT
//   duiding check [SOURCE]            validate SOURCE only, write nothing
//
// Exit codes: 0 done; 1 the site source has errors (nothing was written); 2 the command
// line, the installation or the disk is at fault; 70 an internal error (a bug).
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

#include "build/pipeline.h"
#include "stats/disclosure.h"
#include "build/pdf.h"
#include "write/output.h"

namespace fs = std::filesystem;
using namespace duiding;

namespace {

constexpr int kBadInput = 1;
constexpr int kEnvironment = 2;
constexpr int kInternal = 70;

std::optional<model::Model> validate_source(const fs::path& source, diag::Diagnostics& diag) {
  auto m = build::check(source, diag);
  diag.print(std::cerr);
  return m;
}

int run_check(const fs::path& source) {
  diag::Diagnostics diag;
  auto m = validate_source(source, diag);
  if (!m) {
    std::cerr << "duiding: " << source.string() << " has errors; fix them and run 'duiding check' again\n";
    return kBadInput;
  }
  std::cout << "duiding: " << source.string() << " is valid: " << m->indicators.size() << " indicators, "
            << m->rounds.size() << " rounds, " << m->values.size() << " values, " << m->points.size()
            << " points, " << m->quotes.size() << " quotes, " << m->pages.size() << " pages\n";
  auto safe = stats::disclosure::protect(*m);
  std::cout << "duiding: disclosure control (min_cell " << m->site.min_cell << ") suppresses "
            << safe.suppressions.size() << " numbers\n";
  for (const auto& s : safe.suppressions) std::cout << stats::disclosure::describe(s) << "\n";
  return 0;
}

int run_build(const fs::path& source, const fs::path& output, bool pdf) {
  if (auto refused = write::refuse_target(source, output)) {
    std::cerr << "duiding: error: output folder " << *refused << "\nduiding: nothing was written\n";
    return kEnvironment;
  }
  std::string chromium;
  if (pdf) {
    chromium = build::find_chromium();
    if (chromium.empty()) {
      std::cerr << "duiding: error: --pdf needs Chromium, which is not installed; install it with "
                   "'apt-get install chromium' (or scripts/setup.sh --with-browser), or set DUIDING_CHROMIUM "
                   "to its path\n";
      return kEnvironment;
    }
  }
  diag::Diagnostics diag;
  auto m = validate_source(source, diag);
  if (!m) {
    std::cerr << "duiding: nothing was written; " << output.string() << " is unchanged\n";
    return kBadInput;
  }
  try {
    write::DirectoryOutput out(output);
    render::SiteStats stats = build::build(*m, build::default_home(), out, {.pdf = pdf});
    std::size_t pdfs = pdf ? build::print_rapportages(*m, chromium, out.staging()) : 0;
    std::size_t files = out.count() + pdfs;
    out.commit();
    fs::path where = fs::absolute(output).lexically_normal();
    std::cout << "duiding: built " << stats.pages << " pages with " << stats.charts << " charts ("
              << files << " files) from " << fs::absolute(source).lexically_normal().string() << "\n"
              << "Site: " << where.string() << "\n"
              << "Open " << (where / "index.html").string()
              << " in a browser, or copy the folder to any static web server.\n";
    return 0;
  } catch (const build::PdfFailed& e) {
    std::cerr << "duiding: error: " << e.what() << "\nduiding: nothing was written; " << output.string()
              << " is unchanged\n";
    return kEnvironment;
  } catch (const build::MissingAsset& e) {
    std::cerr << "duiding: error: " << e.what() << "\n";
    return kEnvironment;
  } catch (const fs::filesystem_error& e) {
    std::cerr << "duiding: error: " << write::describe(e) << "\nduiding: " << output.string()
              << " is unchanged\n";
    return kEnvironment;
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"duiding: builds a static dashboard site from aggregated survey data, quotes and Markdown.\n"
               "Exit codes: 0 done, 1 errors in the site source (nothing written), 2 command line,\n"
               "installation or disk problem, 70 internal error (please report)."};
  app.set_version_flag("--version", DUIDING_VERSION);
  app.require_subcommand(1);

  fs::path default_source = build::default_home();
  fs::path source = default_source;
  fs::path output = "_site";

  CLI::App* build_cmd = app.add_subcommand("build", "validate SOURCE and write its site to OUT");
  build_cmd->add_option("SOURCE", source, "site source directory (default: the built-in Groningen dataset)");
  build_cmd->add_option("-o,--output", output, "output directory (default: _site in the current directory)");
  bool pdf = false;
  build_cmd->add_flag("--pdf", pdf,
                      "also print every rapportage page to rapportage/<round>/rapportage-<round>.pdf with "
                      "headless Chromium (not byte-identical between builds)");

  CLI::App* check_cmd = app.add_subcommand("check", "validate SOURCE and report every problem; write nothing");
  check_cmd->add_option("SOURCE", source, "site source directory (default: the built-in Groningen dataset)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kEnvironment;
  }
  try {
    if (*check_cmd) return run_check(source);
    return run_build(source, output, pdf);
  } catch (const std::exception& e) {
    std::cerr << "duiding: internal error: " << e.what() << "\nThis is a bug in duiding; please report it.\n";
    return kInternal;
  }
}

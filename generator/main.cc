// duiding: a static dashboard generator for council reporting.
//
//   duiding build [SOURCE] [-o OUT] [--pdf|--no-pdf] [--no-png] [--jobs N] [--clean]   validate SOURCE and write its
//                                     site to OUT (incrementally: unchanged files come from the site in
//                                     OUT), with PDFs whenever Chromium is installed
//   duiding check [SOURCE] [--primary-only] [--privacy-report]   validate SOURCE only, write nothing
//   duiding publish SITE TARGET       check a built site and switch TARGET to it atomically
//   duiding serve [SOURCE] [--port N]  preview SOURCE on 127.0.0.1, rebuilt on every change
//
// Exit codes: 0 done; 1 the site source has errors (nothing was written); 2 the command
// line, the installation or the disk is at fault; 70 an internal error (a bug).
#include <CLI/CLI.hpp>

#include <optional>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <iostream>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "diag/messages.h"
#include "build/completeness.h"
#include "build/new_round.h"
#include "build/pipeline.h"
#include "stats/disclosure.h"
#include "build/pdf.h"
#include "build/fingerprint.h"
#include "build/png.h"
#include "platform/platform.h"
#include "publish/publish.h"
#include "serve/serve.h"
#include "validate/privacy_names.h"
#include "write/output.h"

namespace fs = std::filesystem;
using namespace duiding;

namespace {

constexpr int kBadInput = 1;
constexpr int kEnvironment = 2;
constexpr int kInternal = 70;

// The language of everything the program says: --lang, else DUIDING_LANG, else Dutch.
msg::Lang lang = msg::Lang::kNl;

// One line in the chosen language.
std::string say(const msg::Text& text) { return text.render(lang) + "\n"; }

// "duiding: fout: " ("duiding: error: "), before a problem the program cannot go on with.
std::string fout_prefix() { return "duiding: " + msg::ernst_fout().render(lang) + ": "; }

std::optional<model::Model> validate_source(const fs::path& source, diag::Diagnostics& diag) {
  auto m = build::check(source, diag);
  diag.print(std::cerr, lang);
  return m;
}

// Every finding of the privacy scan on the quotes, accepted or not, for the analyst who
// signs off publication.
void print_privacy_report() {
  const auto& log = validate::privacy::review_log();
  std::size_t accepted = 0;
  for (const auto& r : log) {
    accepted += r.accepted ? 1 : 0;
    const std::string kind = validate::privacy::kind_id(r.kind);
    std::cout << diag::where(r.pos) << ": "
              << say(r.accepted ? msg::cli_privacy_geaccepteerd(r.quote, r.field, kind, r.match, r.reason)
                                : msg::cli_privacy_niet_geaccepteerd(r.quote, r.field, kind, r.match));
  }
  std::cout << say(msg::cli_privacy_overzicht(msg::bevindingen(log.size()), accepted, log.size() - accepted));
}

int run_check(const fs::path& source, bool privacy_report, bool primary_only) {
  diag::Diagnostics diag;
  auto m = validate_source(source, diag);
  if (privacy_report) print_privacy_report();
  if (!m) {
    std::cerr << say(msg::cli_bron_heeft_fouten(source.string()));
    return kBadInput;
  }
  std::cout << say(msg::cli_bron_geldig(source.string(), msg::indicatoren(m->indicators.size()), msg::rondes(m->rounds.size()),
                                        msg::waarden(m->values.size()), msg::punten(m->points.size()),
                                        msg::citaten(m->quotes.size()), msg::paginas(m->pages.size())));
  auto safe = stats::disclosure::protect(*m, {.secondary = !primary_only});
  const auto primary =
      std::count_if(safe.suppressions.begin(), safe.suppressions.end(), [](const auto& s) { return s.primary; });
  std::cout << say(msg::cli_onthulling(m->site.min_cell, msg::getallen(safe.suppressions.size()), primary,
                                       static_cast<long long>(safe.suppressions.size()) - primary));
  for (const auto& s : safe.suppressions) std::cout << stats::disclosure::describe(s, lang) << "\n";
  std::cout << protect::describe(safe.audit, m->site.min_cell, lang);
  std::cout << build::completeness_report(safe.model);
  if (std::string hidden = build::hidden_variables(safe.model, lang); !hidden.empty()) {
    std::cerr << hidden;
    return kBadInput;
  }
  if (!safe.audit.ok()) {
    std::cerr << fout_prefix() << protect::refusals(safe.audit, m->site.min_cell, lang);
    return kBadInput;
  }
  return 0;
}

// --jobs, else DUIDING_JOBS, else 0 (one thread per core).
// Whether a build makes PDFs: --no-pdf, the default (when Chromium is there), --pdf.
enum class PdfChoice { kNever, kWhenPossible, kRequired };

int thread_option(int jobs) {
  if (jobs > 0) return jobs;
  if (const char* env = std::getenv("DUIDING_JOBS"); env != nullptr && *env != 0) {
    char* end = nullptr;
    long n = std::strtol(env, &end, 10);
    if (*end == 0 && n > 0 && n <= 1024) return static_cast<int>(n);
  }
  return 0;
}

int run_build(const fs::path& source, const fs::path& output, PdfChoice pdf_choice, bool png, int jobs, bool clean) {
  if (auto refused = write::refuse_target(source, output)) {
    std::cerr << fout_prefix() << say(msg::cli_uitvoermap(*refused))
              << say(msg::cli_niets_geschreven());
    return kEnvironment;
  }
  // PDFs whenever Chromium is there, unless --no-pdf; --pdf insists on them.
  const std::string chromium = pdf_choice == PdfChoice::kNever ? std::string() : build::find_chromium();
  if (chromium.empty() && pdf_choice == PdfChoice::kRequired) {
    std::cerr << fout_prefix()
              << say(platform::kRunsOtherPrograms ? msg::cli_geen_chromium() : msg::cli_geen_pdf_windows());
    return kEnvironment;
  }
  build::NoPng no_png = build::NoPng::kNone;
  const std::unique_ptr<charts::Rasteriser> raster = png ? build::make_rasteriser(no_png) : nullptr;
  auto say_skipped = [&] {
    if (chromium.empty() && pdf_choice == PdfChoice::kWhenPossible)
      std::cerr << say(platform::kRunsOtherPrograms ? msg::cli_pdf_overgeslagen() : msg::cli_pdf_overgeslagen_windows());
    if (no_png == build::NoPng::kNoLibrsvg) std::cerr << say(msg::cli_geen_png_librsvg());
    if (no_png == build::NoPng::kNoFont) std::cerr << say(msg::cli_geen_png_lettertype());
  };
  auto say_where = [&] {
    fs::path where = fs::absolute(output).lexically_normal();
    std::cout << say(msg::cli_site(where.string())) << say(msg::cli_open((where / "index.html").string()));
  };
  // Nothing changed since the last build of this site (and it had no warnings to show
  // again): done before the source is even loaded.
  // The settings name every option and environment variable a build's outcome depends on.
  std::string settings = "pdf " + chromium + "\npng " + (raster ? "yes" : "no");
  for (const char* name : {"SOURCE_DATE_EPOCH", "DUIDING_MAX_FILE_MB", "DUIDING_WORDLIST"}) {
    const char* value = std::getenv(name);
    settings += std::string("\n") + name + " " + (value != nullptr ? value : "");
  }
  std::string fingerprint;
  try {
    fingerprint = build::source_fingerprint(source, build::default_home(), settings);
  } catch (const std::exception&) {
    // An unreadable file: no fingerprint, and the full build below says which and why.
  }
  if (!clean) {
    const write::BuildLog previous = write::read_build_log(output);
    std::istringstream summary(previous.summary);
    std::size_t pages = 0, charts = 0, files = 0;
    if (build::up_to_date(previous, output, fingerprint) && (summary >> pages >> charts >> files)) {
      say_skipped();
      std::cout << say(msg::cli_gebouwd(msg::paginas(pages), msg::grafieken(charts), msg::bestanden(files),
                                        fs::absolute(source).lexically_normal().string()))
                << say(msg::cli_al_actueel());
      say_where();
      return 0;
    }
  }
  diag::Diagnostics diag;
  auto m = validate_source(source, diag);
  if (!m) {
    std::cerr << say(msg::cli_niets_geschreven_onveranderd(output.string()));
    return kBadInput;
  }
  say_skipped();
  std::optional<build::ChromiumPrinter> printer;
  if (!chromium.empty()) printer.emplace(chromium, build::pdf_date(*m), m->site.base_url);
  try {
    build::BuildOptions options{.pdf = printer.has_value(),
                                .print = {},
                                .threads = thread_option(jobs),
                                .clean = clean,
                                .png = raster.get(),
                                .fingerprint = diag.warning_count() == 0 ? fingerprint : std::string()};
    if (printer) options.print = [&printer](const fs::path& page, const fs::path& pdf) { printer->print(page, pdf); };
    build::FolderBuild built = build::build_folder(std::move(*m), build::default_home(), output, options);
    std::cout << say(msg::cli_gebouwd(msg::paginas(built.stats.pages), msg::grafieken(built.stats.charts),
                                      msg::bestanden(built.files), fs::absolute(source).lexically_normal().string()));
    if (built.unchanged) std::cout << say(msg::cli_al_actueel());
    else std::cout << say(msg::cli_geschreven(msg::bestanden(built.rendered), built.reused));
    say_where();
    return 0;
  } catch (const build::DisclosureLeak& e) {
    std::cerr << fout_prefix() << e.what() << say(msg::cli_niets_geschreven_onveranderd(output.string()));
    return kBadInput;
  } catch (const build::PngFailed& e) {
    std::cerr << fout_prefix() << e.what() << "\n" << say(msg::cli_niets_geschreven_onveranderd(output.string()));
    return kEnvironment;
  } catch (const build::PdfFailed& e) {
    std::cerr << fout_prefix() << e.what() << "\n" << say(msg::cli_niets_geschreven_onveranderd(output.string()));
    return kEnvironment;
  } catch (const write::PathCollision& e) {
    std::cerr << fout_prefix() << e.what() << "\n" << say(msg::cli_niets_geschreven_onveranderd(output.string()));
    return kBadInput;
  } catch (const build::MissingAsset& e) {
    std::cerr << fout_prefix() << e.what() << "\n";
    return kEnvironment;
  } catch (const fs::filesystem_error& e) {
    std::cerr << fout_prefix() << write::describe(e) << "\n" << say(msg::cli_onveranderd(output.string()));
    return kEnvironment;
  }
}

int run_new_round(const std::string& round, const fs::path& source) {
  diag::Diagnostics diag;
  auto m = validate_source(source, diag);
  if (!m) {
    std::cerr << say(msg::cli_eerst_fouten_oplossen(source.string()));
    return kBadInput;
  }
  try {
    build::NewRound r = build::add_round(*m, source, round);
    std::cout << build::next_steps(r, round, source);
    return 0;
  } catch (const build::NewRoundRefused& e) {
    std::cerr << fout_prefix() << e.what() << "\n";
    return kBadInput;
  }
}

struct PublishArgs {
  std::vector<std::string> paths;  // SITE TARGET, or TARGET with --rollback
  publish::PublishOptions options;
  bool rollback = false;
  std::string server_config;
};

int run_publish(const PublishArgs& a) {
  try {
    if (!a.server_config.empty()) {
      std::ifstream in(build::default_home() / "site-templates" / "layout.html");
      std::ostringstream layout;
      layout << in.rdbuf();
      publish::write_server_config(layout.str(), a.server_config);
      std::cout << say(msg::cli_serverconfig(a.server_config));
      return 0;
    }
    if (a.rollback) {
      if (a.paths.size() != 1) throw publish::Unusable(msg::cli_rollback_argumenten().render(lang));
      publish::rollback(a.paths[0], std::cout);
      return 0;
    }
    if (a.paths.size() != 2) throw publish::Unusable(msg::cli_publish_argumenten().render(lang));
    publish::publish_site(a.paths[0], a.paths[1], a.options, std::cout, std::cerr);
    return 0;
  } catch (const publish::Refused& e) {
    std::cerr << fout_prefix() << e.what() << "\n";
    return kBadInput;
  } catch (const publish::Unusable& e) {
    std::cerr << fout_prefix() << e.what() << "\n";
    return kEnvironment;
  } catch (const fs::filesystem_error& e) {
    std::cerr << fout_prefix() << say(msg::cli_kan_niet_publiceren(e.what())) << say(msg::cli_live_onveranderd());
    return kEnvironment;
  }
}

int run_serve(const fs::path& source, int port) {
  try {
    serve::run({.source = source, .home = build::default_home(), .port = port}, std::cout, std::cerr);
    return 0;
  } catch (const serve::CannotServe& e) {
    std::cerr << fout_prefix() << e.what() << "\n";
    return kEnvironment;
  }
}

}  // namespace

// glibc hands every allocation over 128 KiB (a chart's pixels, zlib's buffers for each
// part of a workbook) straight to the kernel and back, and the pages fault in again each
// time: a cold build spends about a sixth of its time there. Keeping such blocks in the
// heap for reuse costs nothing a build notices (docs/benchmarks.md).
static void keep_large_blocks() {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 128 << 20);
#endif
}

int main(int argc, char** argv) {
  platform::use_utf8_console();
  keep_large_blocks();
  CLI::App app{"duiding: builds a static dashboard site from aggregated survey data, quotes and Markdown.\n"
               "Exit codes: 0 done, 1 errors in the site source (nothing written), 2 command line,\n"
               "installation or disk problem, 70 internal error (please report)."};
  app.set_version_flag("--version", DUIDING_VERSION);
  app.require_subcommand(1);
  // --lang may stand before or after the subcommand: `duiding check --lang en`.
  app.fallthrough();
  std::string lang_code = "nl";
  app.add_option("--lang", lang_code, "language of messages: nl (default) or en; also the environment variable DUIDING_LANG")
      ->envname("DUIDING_LANG")
      ->check([](const std::string& code) {
        return msg::parse_lang(code) ? std::string() : "expected nl or en, found '" + code + "'";
      });

  fs::path default_source = build::default_home();
  fs::path source = default_source;
  fs::path output = "_site";

  CLI::App* build_cmd = app.add_subcommand("build", "validate SOURCE and write its site to OUT");
  build_cmd->add_option("SOURCE", source, "site source directory (default: the built-in Groningen dataset)");
  build_cmd->add_option("-o,--output", output, "output directory (default: _site in the current directory)");
  bool pdf = false, no_pdf = false;
  build_cmd->add_flag("--pdf", pdf,
                      "require the PDFs (rapportage-<round>.pdf and factsheet-<round>.pdf, printed by headless "
                      "Chromium): stop when Chromium is missing. Without it they are made whenever Chromium is "
                      "installed");
  build_cmd->add_flag("--no-pdf", no_pdf, "make no PDFs, even when Chromium is installed")->excludes("--pdf");
  bool no_png = false;
  build_cmd->add_flag("--no-png", no_png,
                      "make no PNG pictures of the charts: every chart is still offered as SVG picture, and a "
                      "build of many charts is several times faster");
  int jobs = 0;
  build_cmd->add_option("-j,--jobs", jobs,
                        "render on this many threads (default: DUIDING_JOBS, else one per core); the site is "
                        "byte-identical whatever the number")
      ->check(CLI::Range(1, 1024));
  bool clean = false;
  build_cmd->add_flag("--clean", clean,
                      "render every file anew instead of taking unchanged ones from the site already in OUT");

  CLI::App* check_cmd = app.add_subcommand("check", "validate SOURCE and report every problem; write nothing");
  check_cmd->add_option("SOURCE", source, "site source directory (default: the built-in Groningen dataset)");
  bool privacy_report = false;
  check_cmd->add_flag("--privacy-report", privacy_report,
                      "list every finding of the privacy scan on the quotes and every acceptance in privacy_ok");

  std::string new_round_id;
  CLI::App* new_round_cmd = app.add_subcommand(
      "new-round", "prepare SOURCE for measurement round ROUND: rounds.csv, samples.csv and entry sheets to fill in");
  new_round_cmd->add_option("ROUND", new_round_id, "the new round's id, e.g. 2025")->required();
  new_round_cmd->add_option("SOURCE", source, "site source directory (default: the built-in Groningen dataset)");
  CLI::App* serve_cmd = app.add_subcommand(
      "serve", "preview SOURCE at http://127.0.0.1:PORT/, rebuilt and reloaded on every change (Ctrl-C stops)");
  serve_cmd->add_option("SOURCE", source, "site source directory (default: the built-in Groningen dataset)");
  int port = 8080;
  serve_cmd->add_option("-p,--port", port, "port on 127.0.0.1 (default 8080); the preview is never reachable "
                                           "from other computers")
      ->check(CLI::Range(1, 65535));

  PublishArgs pub;
  CLI::App* publish_cmd = app.add_subcommand(
      "publish", "check the built SITE and make it the live site in TARGET (TARGET/current), keeping earlier editions");
  publish_cmd->add_option("SITE TARGET", pub.paths, "the site written by 'duiding build', and the publication folder");
  publish_cmd->add_flag("--dry-run", pub.options.dry_run, "check and list what would change; write nothing");
  publish_cmd->add_flag("--rollback", pub.rollback, "point TARGET/current back at the previous publication");
  publish_cmd->add_option("--allow-external", pub.options.external,
                          "a declared external link: references starting with it may leave the site (repeatable)");
  publish_cmd->add_option("--warc", pub.options.warc, "also write the publication as a WARC file (ISO 28500)");
  publish_cmd->add_option("--zip", pub.options.zip, "also write the current edition as a zip to open from disk");
  publish_cmd->add_option("--warc-date", pub.options.date, "WARC-Date (default: now, or SOURCE_DATE_EPOCH)");
  publish_cmd->add_option("--server-config", pub.server_config,
                          "only write nginx.conf, .htaccess and web.config for a site at / to this folder");
  bool primary_only = false;
  check_cmd->add_flag("--primary-only", primary_only,
                      "audit with only the counts below min_cell suppressed (no secondary suppression): shows "
                      "what thresholds alone would let an attacker work back");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kEnvironment;
  }
  lang = msg::parse_lang(lang_code).value_or(msg::Lang::kNl);
  try {
    if (*check_cmd) return run_check(source, privacy_report, primary_only);
    if (*publish_cmd) return run_publish(pub);
    if (*new_round_cmd) return run_new_round(new_round_id, source);
    if (*serve_cmd) return run_serve(source, port);
    return run_build(source, output,
                     no_pdf ? PdfChoice::kNever : pdf ? PdfChoice::kRequired : PdfChoice::kWhenPossible, !no_png, jobs,
                     clean);
  } catch (const validate::privacy::WordListMissing& e) {
    std::cerr << fout_prefix() << e.what() << "\n";
    return kEnvironment;
  } catch (const std::exception& e) {
    std::cerr << say(msg::cli_interne_fout(e.what())) << say(msg::cli_meld_fout());
    return kInternal;
  }
}

// duiding: a static dashboard generator for council reporting.
//
//   duiding build [SOURCE] [-o OUT] [--pdf] [--jobs N] [--clean]   validate SOURCE and write its site to OUT
//                                     (incrementally: unchanged files come from the site in OUT)
//   duiding check [SOURCE] [--primary-only] [--privacy-report]   validate SOURCE only, write nothing
//   duiding publish SITE TARGET       check a built site and switch TARGET to it atomically
//   duiding serve [SOURCE] [--port N]  preview SOURCE on 127.0.0.1, rebuilt on every change
//
// Exit codes: 0 done; 1 the site source has errors (nothing was written); 2 the command
// line, the installation or the disk is at fault; 70 an internal error (a bug).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <iostream>

#include "build/completeness.h"
#include "build/new_round.h"
#include "build/pipeline.h"
#include "stats/disclosure.h"
#include "build/pdf.h"
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

std::optional<model::Model> validate_source(const fs::path& source, diag::Diagnostics& diag) {
  auto m = build::check(source, diag);
  diag.print(std::cerr);
  return m;
}

// Every finding of the privacy scan on the quotes, accepted or not, for the analyst who
// signs off publication.
void print_privacy_report() {
  const auto& log = validate::privacy::review_log();
  std::size_t accepted = 0;
  for (const auto& r : log) {
    accepted += r.accepted ? 1 : 0;
    std::cout << r.pos.file << ":" << r.pos.line << ":" << r.pos.column << ": quote '" << r.quote << "' "
              << r.field << ": " << validate::privacy::kind_id(r.kind) << " '" << r.match << "': "
              << (r.accepted ? "accepted in privacy_ok: " + r.reason : std::string("NOT accepted")) << "\n";
  }
  std::cout << "duiding: privacy report: " << log.size() << " findings, " << accepted << " accepted in privacy_ok, "
            << log.size() - accepted << " not accepted\n";
}

int run_check(const fs::path& source, bool privacy_report, bool primary_only) {
  diag::Diagnostics diag;
  auto m = validate_source(source, diag);
  if (privacy_report) print_privacy_report();
  if (!m) {
    std::cerr << "duiding: " << source.string() << " has errors; fix them and run 'duiding check' again\n";
    return kBadInput;
  }
  std::cout << "duiding: " << source.string() << " is valid: " << m->indicators.size() << " indicators, "
            << m->rounds.size() << " rounds, " << m->values.size() << " values, " << m->points.size()
            << " points, " << m->quotes.size() << " quotes, " << m->pages.size() << " pages\n";
  auto safe = stats::disclosure::protect(*m, {.secondary = !primary_only});
  std::cout << "duiding: disclosure control (min_cell " << m->site.min_cell << ") suppresses "
            << safe.suppressions.size() << " numbers ("
            << std::count_if(safe.suppressions.begin(), safe.suppressions.end(), [](const auto& s) { return s.primary; })
            << " primary, "
            << std::count_if(safe.suppressions.begin(), safe.suppressions.end(), [](const auto& s) { return !s.primary; })
            << " secondary)\n";
  for (const auto& s : safe.suppressions) std::cout << stats::disclosure::describe(s) << "\n";
  std::cout << protect::describe(safe.audit, m->site.min_cell);
  std::cout << build::completeness_report(safe.model);
  if (std::string hidden = build::hidden_variables(safe.model); !hidden.empty()) {
    std::cerr << hidden;
    return kBadInput;
  }
  if (!safe.audit.ok()) {
    std::cerr << "duiding: error: " << protect::refusals(safe.audit, m->site.min_cell);
    return kBadInput;
  }
  return 0;
}

// --jobs, else DUIDING_JOBS, else 0 (one thread per core).
int thread_option(int jobs) {
  if (jobs > 0) return jobs;
  if (const char* env = std::getenv("DUIDING_JOBS"); env != nullptr && *env != 0) {
    char* end = nullptr;
    long n = std::strtol(env, &end, 10);
    if (*end == 0 && n > 0 && n <= 1024) return static_cast<int>(n);
  }
  return 0;
}

int run_build(const fs::path& source, const fs::path& output, bool pdf, int jobs, bool clean) {
  if (auto refused = write::refuse_target(source, output)) {
    std::cerr << "duiding: error: output folder " << *refused << "\nduiding: nothing was written\n";
    return kEnvironment;
  }
  std::string chromium;
  if (pdf) {
    chromium = build::find_chromium();
    if (chromium.empty()) {
      if (!platform::kRunsOtherPrograms)
        std::cerr << "duiding: error: --pdf is not available in the Windows version; build without --pdf, or "
                     "print the rapportage from the browser (Ctrl-P)\n";
      else
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
  const std::string rsvg = build::find_rsvg_convert();
  if (rsvg.empty() && !platform::kRunsOtherPrograms)
    std::cerr << "duiding: charts are offered as SVG only, without PNG (the Windows version has no PNG drawing)\n";
  else if (rsvg.empty())
    std::cerr << "duiding: rsvg-convert is not installed, so charts are offered as SVG only, without PNG "
                 "(apt-get install librsvg2-bin, or set DUIDING_RSVG_CONVERT)\n";
  const build::RsvgRasteriser raster(rsvg);
  try {
    build::FolderBuild built = build::build_folder(
        *m, build::default_home(), output,
        {.pdf = pdf, .threads = thread_option(jobs), .clean = clean, .png = rsvg.empty() ? nullptr : &raster},
        [&](const fs::path& staging) { return pdf ? build::print_rapportages(*m, chromium, staging) : 0; });
    fs::path where = fs::absolute(output).lexically_normal();
    std::cout << "duiding: built " << built.stats.pages << " pages with " << built.stats.charts << " charts ("
              << built.files << " files) from " << fs::absolute(source).lexically_normal().string() << "\n";
    if (built.unchanged) std::cout << "duiding: the site was up to date; nothing was written\n";
    else std::cout << "duiding: " << built.rendered << " files written, " << built.reused
                   << " unchanged taken from the previous build\n";
    std::cout
              << "Site: " << where.string() << "\n"
              << "Open " << (where / "index.html").string()
              << " in a browser, or copy the folder to any static web server.\n";
    return 0;
  } catch (const build::DisclosureLeak& e) {
    std::cerr << "duiding: error: " << e.what() << "duiding: nothing was written; " << output.string()
              << " is unchanged\n";
    return kBadInput;
  } catch (const build::PngFailed& e) {
    std::cerr << "duiding: error: " << e.what() << "\nduiding: nothing was written; " << output.string()
              << " is unchanged\n";
    return kEnvironment;
  } catch (const build::PdfFailed& e) {
    std::cerr << "duiding: error: " << e.what() << "\nduiding: nothing was written; " << output.string()
              << " is unchanged\n";
    return kEnvironment;
  } catch (const write::PathCollision& e) {
    std::cerr << "duiding: error: " << e.what() << "\nduiding: nothing was written; " << output.string()
              << " is unchanged\n";
    return kBadInput;
  } catch (const build::MissingAsset& e) {
    std::cerr << "duiding: error: " << e.what() << "\n";
    return kEnvironment;
  } catch (const fs::filesystem_error& e) {
    std::cerr << "duiding: error: " << write::describe(e) << "\nduiding: " << output.string()
              << " is unchanged\n";
    return kEnvironment;
  }
}

int run_new_round(const std::string& round, const fs::path& source) {
  diag::Diagnostics diag;
  auto m = validate_source(source, diag);
  if (!m) {
    std::cerr << "duiding: " << source.string() << " heeft fouten; los die eerst op (duiding check), dan kan er een "
                 "ronde bij\n";
    return kBadInput;
  }
  try {
    build::NewRound r = build::add_round(*m, source, round);
    std::cout << build::next_steps(r, round, source);
    return 0;
  } catch (const build::NewRoundRefused& e) {
    std::cerr << "duiding: fout: " << e.what() << "\n";
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
      std::cout << "duiding: wrote nginx.conf, .htaccess and web.config to " << a.server_config << "\n";
      return 0;
    }
    if (a.rollback) {
      if (a.paths.size() != 1) throw publish::Unusable("--rollback takes TARGET only");
      publish::rollback(a.paths[0], std::cout);
      return 0;
    }
    if (a.paths.size() != 2) throw publish::Unusable("publish needs SITE and TARGET");
    publish::publish_site(a.paths[0], a.paths[1], a.options, std::cout, std::cerr);
    return 0;
  } catch (const publish::Refused& e) {
    std::cerr << "duiding: error: " << e.what() << "\n";
    return kBadInput;
  } catch (const publish::Unusable& e) {
    std::cerr << "duiding: error: " << e.what() << "\n";
    return kEnvironment;
  } catch (const fs::filesystem_error& e) {
    std::cerr << "duiding: error: cannot publish: " << e.what() << "\nduiding: the live site is unchanged\n";
    return kEnvironment;
  }
}

int run_serve(const fs::path& source, int port) {
  try {
    serve::run({.source = source, .home = build::default_home(), .port = port}, std::cout, std::cerr);
    return 0;
  } catch (const serve::CannotServe& e) {
    std::cerr << "duiding: error: " << e.what() << "\n";
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
  try {
    if (*check_cmd) return run_check(source, privacy_report, primary_only);
    if (*publish_cmd) return run_publish(pub);
    if (*new_round_cmd) return run_new_round(new_round_id, source);
    if (*serve_cmd) return run_serve(source, port);
    return run_build(source, output, pdf, jobs, clean);
  } catch (const validate::privacy::WordListMissing& e) {
    std::cerr << "duiding: error: " << e.what() << "\n";
    return kEnvironment;
  } catch (const std::exception& e) {
    std::cerr << "duiding: internal error: " << e.what() << "\nThis is a bug in duiding; please report it.\n";
    return kInternal;
  }
}

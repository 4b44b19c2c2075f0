#include "build/pdf.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <vector>

#include "render/rapportage.h"

namespace duiding::build {
namespace fs = std::filesystem;

namespace {

constexpr int kTimedOut = -2;

// Seconds one page may take to print: 120, or DUIDING_PDF_TIMEOUT.
int print_timeout_seconds() {
  if (const char* env = std::getenv("DUIDING_PDF_TIMEOUT"); env != nullptr && *env != 0) {
    int s = std::atoi(env);
    if (s > 0) return s;
  }
  return 120;
}

// Runs `args` (args[0] is the program) without a shell, output to /dev/null; the exit
// status, or kTimedOut when it ran longer than `timeout_s` seconds (then it and every
// process it started are killed: Chromium runs a group of them).
int run(const std::vector<std::string>& args, int timeout_s) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    setpgid(0, 0);
    if (FILE* null = std::freopen("/dev/null", "w", stdout)) (void)null;
    if (FILE* null = std::freopen("/dev/null", "w", stderr)) (void)null;
    execv(argv[0], argv.data());
    _exit(127);
  }
  setpgid(pid, pid);
  int status = 0;
  for (long waited_ms = 0;; waited_ms += 50) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0) return -1;
    if (waited_ms >= timeout_s * 1000L) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      return kTimedOut;
    }
    usleep(50 * 1000);
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

std::string find_chromium() {
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
  fs::path profile = fs::temp_directory_path() / ("duiding-chromium-" + std::to_string(getpid()));
  for (const auto& r : m.rounds) {
    fs::path page = fs::absolute(site_dir / render::rapportage_path(r.id));
    fs::path pdf = page.parent_path() / render::rapportage_pdf_name(r.id);
    int status = run({chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                      "--disable-component-update", "--no-first-run", "--disable-sync",
                      "--user-data-dir=" + profile.string(), "--no-pdf-header-footer",
                      // Give the page time to draw its charts before printing.
                      "--virtual-time-budget=20000", "--run-all-compositor-stages-before-draw",
                      "--print-to-pdf=" + pdf.string(), "file://" + page.string()},
                     timeout);
    if (status == kTimedOut) {
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

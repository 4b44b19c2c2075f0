#include "build/pdf.h"

#include <algorithm>
#include <cstdio>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "platform/platform.h"

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

std::string pdf_date(const model::Model& m) {
  if (const char* env = std::getenv("SOURCE_DATE_EPOCH"); env != nullptr && *env != 0) {
    char* end = nullptr;
    long long t = std::strtoll(env, &end, 10);
    if (*end == 0 && t >= 0) {
      // UTC by calendar arithmetic (mingw-w64 has no gmtime_r).
      using namespace std::chrono;
      const sys_seconds time{seconds{t}};
      const sys_days day = floor<days>(time);
      const year_month_day date{day};
      const hh_mm_ss clock{time - day};
      char buf[32];
      std::snprintf(buf, sizeof buf, "%04d%02u%02u%02ld%02ld%02lld", static_cast<int>(date.year()),
                    static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                    static_cast<long>(clock.hours().count()), static_cast<long>(clock.minutes().count()),
                    static_cast<long long>(clock.seconds().count()));
      return buf;
    }
  }
  if (const model::Round* r = m.current_round()) {
    std::string iso = r->end.empty() ? r->start : r->end;  // validated as YYYY-MM-DD
    if (iso.size() == 10) return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + "000000";
  }
  return "20000101000000";
}

std::size_t pin_pdf_dates(std::string& pdf, const std::string& date14) {
  const std::string value = "D:" + date14 + "+00'00'";
  std::size_t pinned = 0;
  for (const std::string key : {"/CreationDate", "/ModDate"}) {
    for (std::size_t at = pdf.find(key); at != std::string::npos; at = pdf.find(key, at + key.size())) {
      std::size_t open = pdf.find_first_not_of(" \r\n\t", at + key.size());
      if (open == std::string::npos || pdf[open] != '(') continue;
      std::size_t close = pdf.find(')', open);
      if (close == std::string::npos) continue;
      const std::size_t length = close - open - 1;
      // The same number of bytes: the cross-reference offsets after it stay right.
      pdf.replace(open + 1, std::min(length, value.size()), value.substr(0, std::min(length, value.size())));
      ++pinned;
    }
  }
  return pinned;
}

std::size_t relink_pdf(std::string& pdf, const std::string& from, const std::string& to) {
  if (from.empty()) return 0;
  std::vector<std::size_t> at;  // where `from` starts, in the old bytes
  for (std::size_t p = pdf.find(from); p != std::string::npos; p = pdf.find(from, p + from.size())) at.push_back(p);
  const std::size_t xref = pdf.rfind("\nxref\n");
  const std::size_t start = pdf.rfind("startxref\n");
  if (at.empty() || xref == std::string::npos || start == std::string::npos || start < xref) return 0;
  const long delta = static_cast<long>(to.size()) - static_cast<long>(from.size());
  // An offset in the old bytes moves by delta for every replacement before it.
  auto moved = [&](std::size_t offset) {
    const auto before = std::lower_bound(at.begin(), at.end(), offset) - at.begin();
    return static_cast<std::size_t>(static_cast<long>(offset) + delta * before);
  };
  // The table: "xref", then "first count", then 20-byte entries "oooooooooo ggggg n \n".
  std::string out;
  out.reserve(pdf.size() + at.size() * std::max(delta, 0L));
  std::size_t copied = 0;
  for (std::size_t p : at) {
    out.append(pdf, copied, p - copied);
    out += to;
    copied = p + from.size();
  }
  out.append(pdf, copied, std::string::npos);
  std::size_t table = moved(xref + 1);
  std::size_t line_end = out.find('\n', table + 5);
  if (line_end == std::string::npos) return 0;
  std::size_t count = 0;
  if (std::sscanf(out.c_str() + table + 5, "%*d %zu", &count) != 1) return 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t entry = line_end + 1 + i * 20;
    if (entry + 20 > out.size() || out[entry + 17] != 'n') continue;  // 'f': a free entry
    const std::size_t offset = std::stoul(out.substr(entry, 10));
    char digits[11];
    std::snprintf(digits, sizeof digits, "%010zu", moved(offset));
    out.replace(entry, 10, digits);
  }
  const std::size_t start_now = moved(start);
  const std::size_t number = start_now + 10;
  const std::size_t number_end = out.find('\n', number);
  out.replace(number, number_end - number, std::to_string(moved(xref + 1)));
  pdf = std::move(out);
  return at.size();
}

ChromiumPrinter::ChromiumPrinter(std::string chromium, std::string date14, std::string base_url)
    : chromium_(std::move(chromium)),
      date_(std::move(date14)),
      base_url_(std::move(base_url)),
      // A fresh profile outside the site, so nothing of Chromium's ends up in it.
      profile_(fs::temp_directory_path() / ("duiding-chromium-" + std::to_string(platform::process_id()))) {}

ChromiumPrinter::~ChromiumPrinter() {
  std::error_code ignored;
  fs::remove_all(profile_, ignored);
}

void ChromiumPrinter::print(const fs::path& page_path, const fs::path& pdf) const {
  const int timeout = print_timeout_seconds();
  const fs::path page = fs::absolute(page_path);
  int status = platform::run_program({chromium_, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--disable-sync",
                    "--user-data-dir=" + profile_.string(), "--no-pdf-header-footer",
                    // Bookmarks from the headings, for reading the PDF on a screen.
                    "--generate-pdf-document-outline",
                    "--run-all-compositor-stages-before-draw", "--print-to-pdf=" + pdf.string(),
                    "file://" + page.string()},
                   timeout);
  if (status == platform::kTimedOut)
    throw PdfFailed("Chromium (" + chromium_ + ") did not finish printing " + page.string() + " within " +
                    std::to_string(timeout) + " s and was stopped (set DUIDING_PDF_TIMEOUT to allow longer)");
  std::error_code ec;
  if (status != 0 || !fs::is_regular_file(pdf, ec) || fs::file_size(pdf, ec) == 0)
    throw PdfFailed("Chromium (" + chromium_ + ") could not print " + page.string() + " to a PDF (exit status " +
                    std::to_string(status) + ")");
  std::string bytes;
  {
    std::ifstream in(pdf, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    bytes = s.str();
  }
  pin_pdf_dates(bytes, date_);
  // Chromium writes links to other pages as file:// addresses of the folder it printed
  // from (the staging folder, gone after the build): they lead to the published site, or
  // relative to the PDF's folder. The site's root is the folder with assets/print.css.
  fs::path root = page.parent_path();
  while (root.has_relative_path() && !fs::is_regular_file(root / "assets" / "print.css", ec)) root = root.parent_path();
  if (fs::is_regular_file(root / "assets" / "print.css", ec)) {
    std::string to = base_url_;
    if (!to.empty() && to.back() != '/') to += '/';
    if (to.empty())
      for (const auto& part : fs::relative(page.parent_path(), root)) to += part == "." ? "" : "../";
    relink_pdf(bytes, "file://" + root.string() + "/", to);
  }
  std::ofstream out(pdf, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out) throw PdfFailed("could not write " + pdf.string());
}

}  // namespace duiding::build

#include "build/fingerprint.h"

#include <algorithm>
#include <vector>

#include "build/pipeline.h"
#include "plan/job.h"
#include "plan/site_plan.h"

namespace duiding::build {
namespace fs = std::filesystem;

namespace {

// "name sha256\n" for every regular file below `folder`, sorted by name.
void add_folder(std::string& out, const fs::path& folder, const std::string& name) {
  if (!fs::is_directory(folder)) return;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(folder))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files)
    out += name + "/" + fs::relative(f, folder).generic_string() + " " + plan::sha256_hex(plan::read_bytes(f)) + "\n";
}

}  // namespace

std::string source_fingerprint(const fs::path& source, const fs::path& home, const std::string& settings) {
  std::string all = settings + "\n";
  add_folder(all, source / "data", "data");
  add_folder(all, source / "indicators", "indicators");
  // The templates (layout, vendor list) and what the site copies: assets and npm files.
  add_folder(all, home / "site-templates", "site-templates");
  for (const auto& a : site_assets(home)) all += a.to + " " + plan::sha256_hex(plan::read_bytes(a.from)) + "\n";
  return plan::sha256_hex(all);
}

bool up_to_date(const write::BuildLog& log, const fs::path& target, const std::string& fingerprint) {
  if (fingerprint.empty() || log.source != fingerprint || log.summary.empty()) return false;
  if (log.generator.empty() || log.generator != plan::generator_id()) return false;
  std::error_code ec;
  for (const auto& e : log.entries)
    if (!fs::is_regular_file(target / e.path, ec)) return false;
  return !log.entries.empty();
}

}  // namespace duiding::build

#include "build/pipeline.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "charts/native_svg.h"
#include "model/round_text.h"
#include "render/open_data.h"
#include "render/templates.h"
#include "stats/disclosure.h"
#include "validate/validate.h"

namespace duiding::build {
namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw MissingAsset("missing " + p.string() + "; run scripts/setup.sh to install what the site needs");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// site-templates/assets/** is copied as it is; vendor.txt names the npm files to copy.
void copy_assets(const fs::path& home, write::Output& out) {
  fs::path assets = home / "site-templates" / "assets";
  std::vector<fs::path> files;
  if (fs::is_directory(assets)) {
    for (const auto& e : fs::recursive_directory_iterator(assets))
      if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) out.copy(f, "assets/" + fs::relative(f, assets).generic_string());

  std::istringstream vendor(read_file(home / "site-templates" / "vendor.txt"));
  std::string line;
  while (std::getline(vendor, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream parts(line);
    std::string from, to;
    parts >> from >> to;
    if (from.empty() || to.empty()) continue;
    fs::path source = home / from;
    if (!fs::is_regular_file(source))
      throw MissingAsset("missing " + source.string() + "; run scripts/setup.sh (it runs npm ci) first");
    out.copy(source, to);
  }
}

}  // namespace

std::string hidden_variables(const model::Model& protected_model) {
  diag::Diagnostics diag;
  model::check_variables(protected_model, diag);
  std::string out;
  for (const auto& d : diag.sorted()) out += diag::format(d) + " (after disclosure control)\n";
  return out;
}

fs::path default_home() {
  if (const char* env = std::getenv("DUIDING_HOME"); env != nullptr && *env != 0) return env;
  return DUIDING_HOME;
}

std::optional<model::Model> check(const fs::path& source, diag::Diagnostics& diag) {
  return validate::load_source(source, diag);
}

render::SiteStats build(const model::Model& m, const fs::path& home, write::Output& out, charts::SvgRenderer& svg,
                        const render::RenderOptions& options) {
  // Disclosure control between validate and stats: only the protected model is rendered,
  // and stories behind a suppressed segment are linked from nowhere. Nothing is written
  // when the audit can pin a hidden small cell.
  stats::disclosure::Protected safe = stats::disclosure::protect(m);
  if (!safe.audit.ok()) throw DisclosureLeak(protect::refusals(safe.audit, m.site.min_cell));
  // A text may name a value ({{waarde...}}) that disclosure control has just hidden.
  if (std::string hidden = hidden_variables(safe.model); !hidden.empty()) throw DisclosureLeak(hidden);
  model::fill_texts(safe.model);
  render::Template layout(read_file(home / "site-templates" / "layout.html"));
  copy_assets(home, out);
  render::write_open_data(safe.model, out);
  return render::render_site(safe.model, layout, out, svg, options, [&safe](const stats::SegmentKey& k) {
    return safe.suppressed(k.indicator, k.group, k.round, "", k.category);
  });
}

render::SiteStats build(const model::Model& m, const fs::path& home, write::Output& out,
                        const render::RenderOptions& options) {
  charts::NativeSvgRenderer svg;
  return build(m, home, out, svg, options);
}

}  // namespace duiding::build

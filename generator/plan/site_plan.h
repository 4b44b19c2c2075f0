// The stats results every page reads, computed once, and the plan of the whole site:
// every file it consists of, in the order they are written.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/model.h"
#include "plan/job.h"
#include "platform/platform.h"
#include "render/overview_pages.h"
#include "render/round_summary.h"
#include "stats/compare.h"
#include "stats/story_index.h"
#include "stats/summary.h"

namespace duiding::plan {

/// What the stats stage computes for the pages: each result once, read by every job
/// that shows it. Points into the model, which must outlive it.
struct SiteResults {
  /// Computes the results of `m`; `suppressed` says which segments disclosure control
  /// took out (their stories are linked from nowhere). The indicators are computed on up
  /// to `threads` threads (see for_each_index); the results do not depend on it.
  SiteResults(const model::Model& m, stats::SuppressedSegment suppressed, int threads = 1);

  const model::Model& m;
  stats::StoryIndex stories;
  std::map<std::string, std::vector<const model::Value*>> by_indicator;  ///< every indicator id, values in model order
  std::vector<stats::Comparison> comparisons;     ///< per indicator (model order), adjusted as one family
  std::vector<stats::IndicatorSummary> summaries;  ///< per indicator, headlines with their change
  std::vector<render::IndicatorEntry> entries;     ///< what the overview pages show of each indicator
  /// Per round (model order): the site as that round's rapportage and factsheet show it.
  std::vector<std::unique_ptr<render::RoundResults>> rounds;
};

/// A file copied into the site as it is (site-templates/assets, npm packages).
struct Asset {
  std::filesystem::path from;
  std::string to;
};

/// Every file of the site of `r.m`, in writing order: `assets`, open data, the theme,
/// per indicator its data files and page, sections, narrative pages and their images,
/// story pages, search, per round its rapportage and factsheet (with `pdf`: linking their
/// PDFs, each planned as a "pdf" job after its page), accessibility, home,
/// the edition file. Per indicator: its data files (a chart's slide SVG followed by its
/// PNG job when `png`), its page, its charts' embed pages. Pages and data files made now
/// get their hash from hash_jobs(); files made when written (Job::make, PNGs among them)
/// when they are made. Throws write::PathCollision when two
/// files would have one path. The indicators' data files are made on up to `threads`
/// threads; the jobs and their order do not depend on it.
std::vector<Job> plan_site(const SiteResults& r, const std::vector<Asset>& assets, bool pdf, bool png,
                           int threads = 1);

/// Sets the `inputs` of every job that has none yet, except those made when written
/// (Job::make) and PDFs' pages' own. `site` is what every page reads besides its own content
/// (the generator's id and the layout template); pages are rendered through `digest`
/// (a frame without chart renderer) on up to `threads` threads (0: all cores). Throws
/// std::filesystem::filesystem_error when a copied file cannot be read. A page job for
/// which `later` says true is left without inputs: the build renders it anyway (there is
/// no previous site to compare with) and derives them from its drawn bytes (page_inputs()
/// of render::DrawingsRecord::digest_of), so it is not rendered twice. A page a PDF prints
/// is always hashed here.
void hash_jobs(std::vector<Job>& jobs, const render::PageFrame& digest, const std::string& site, int threads,
               const std::function<bool(const Job&)>& later = {});

/// The inputs hash of the page at `path` whose digest (the page rendered through a frame
/// without renderer) is `digest`, for hash_jobs()'s `site`.
std::string page_inputs(const std::string& site, const std::string& path, std::string_view digest);

/// The inputs hashes of a page in parts at `path`, for hash_jobs()'s `site`: each part is
/// hashed as a page is, the whole page as the list of its parts' hashes.
class PartsInputs {
 public:
  PartsInputs(const std::string& site, const std::string& path);
  /// The next part's digest (the part as a frame without renderer writes it).
  void add(std::string_view digest);
  /// The whole page's, once every part is added.
  std::string inputs();
  std::vector<std::string> parts;  ///< each part's, in order

 private:
  std::string salt_;
  platform::Sha256 whole_;
};

}  // namespace duiding::plan

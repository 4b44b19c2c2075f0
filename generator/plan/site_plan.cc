#include "plan/site_plan.h"

#include <fstream>
#include <map>
#include <stdexcept>
#include <optional>
#include <set>
#include <sstream>

#include "plan/parallel.h"
#include "platform/platform.h"
#include "render/accessibility_page.h"
#include "render/embed_page.h"
#include "render/factsheet.h"
#include "render/indicator_page.h"
#include "render/open_data.h"
#include "render/rapportage.h"
#include "render/search.h"
#include "render/site_files.h"
#include "render/stories.h"
#include "render/theme.h"
#include "write/output.h"

namespace duiding::plan {
namespace fs = std::filesystem;

namespace {

const std::vector<const model::Value*>& values_of(const SiteResults& r, const std::string& indicator) {
  static const std::vector<const model::Value*> kNone;
  auto it = r.by_indicator.find(indicator);
  return it == r.by_indicator.end() ? kNone : it->second;
}

Job data_job(render::DataFile f) {
  Job job{std::move(f.path), std::move(f.kind), "", {}, std::move(f.bytes), {}};
  job.make = std::move(f.make);
  if (f.draw) job.draw = [draw = std::move(f.draw)](const render::PageFrame&, const std::string& recipe) { return draw(recipe); };
  return job;
}

Job page_job(std::string path, std::function<std::string(const render::PageFrame&)> page) {
  return Job{std::move(path), "page", "", std::move(page), "", {}};
}

// The PNG of a slide: its inputs the slide's recipe, so an incremental build draws the
// slide and its PNG again only when the recipe changed.
Job png_job(const render::DataFile& slide) {
  Job job{slide.path.substr(0, slide.path.size() - 4) + ".png", "png", "", {}, "", {}};
  job.make = slide.make;
  job.draw = [svg = slide.draw](const render::PageFrame& frame, const std::string& recipe) {
    return frame.png(svg ? svg(recipe) : recipe);
  };
  return job;
}

// A PDF of the page at `page`: printed after the pages are written, hashed by hash_jobs().
Job pdf_job(std::string path, std::string page) {
  Job job{std::move(path), "pdf", "", {}, "", {}};
  job.prints = std::move(page);
  return job;
}

std::string folder_of(const std::string& path) { return path.substr(0, path.rfind('/') + 1); }

}  // namespace

SiteResults::SiteResults(const model::Model& model, stats::SuppressedSegment suppressed, int threads)
    : m(model), stories(model, std::move(suppressed)) {
  for (const auto& ind : m.indicators) by_indicator[ind.id];
  for (const auto& v : m.values) by_indicator[v.indicator].push_back(&v);
  const std::size_t n = m.indicators.size();
  // Every comparison of the site first: their p-values are adjusted as one family.
  comparisons.resize(n);
  for_each_index(n, threads, [&](std::size_t i) {
    comparisons[i] = stats::compare(m, m.indicators[i], values_of(*this, m.indicators[i].id));
  });
  std::vector<stats::Comparison*> family;
  for (auto& c : comparisons) family.push_back(&c);
  stats::adjust(family);
  summaries.resize(n);
  for_each_index(n, threads, [&](std::size_t i) {
    summaries[i] = render::indicator_summary(m, m.indicators[i], values_of(*this, m.indicators[i].id), comparisons[i]);
  });
  for (std::size_t i = 0; i < n; ++i) entries.push_back({&m.indicators[i], summaries[i].headlines, summaries[i].charts.size()});
  for (const auto& round : m.rounds)
    rounds.push_back(std::make_unique<render::RoundResults>(m, round, by_indicator, on_threads(threads)));
}

std::vector<Job> plan_site(const SiteResults& r, const std::vector<Asset>& assets, bool pdf, bool png,
                           int threads) {
  const model::Model& m = r.m;
  // The indicators' data files (specs, comparison files, slides, CSV, workbook), listed on
  // every core; they join the jobs below in indicator order. The comparison files are
  // bytes made now; the rest is made when written.
  std::vector<std::vector<render::DataFile>> files(m.indicators.size());
  for_each_index(files.size(), threads, [&](std::size_t i) {
    const model::Indicator& ind = m.indicators[i];
    files[i] = render::indicator_files(m, ind, values_of(r, ind.id), r.summaries[i], r.comparisons[i], r.stories);
  });
  std::vector<Job> jobs;
  for (const auto& a : assets) jobs.push_back(Job{a.to, "asset", "", {}, "", a.from});
  for (auto& f : render::open_data(m)) jobs.push_back(data_job(std::move(f)));
  jobs.push_back(data_job({"assets/theme.css", "theme", render::theme_css(m.site.theme)}));
  for (std::size_t i = 0; i < m.indicators.size(); ++i) {
    const model::Indicator& ind = m.indicators[i];
    const auto& values = values_of(r, ind.id);
    for (auto& f : files[i]) {
      std::optional<Job> drawn;
      if (png && f.kind == "slide") drawn = png_job(f);
      jobs.push_back(data_job(std::move(f)));
      if (drawn) jobs.push_back(std::move(*drawn));
    }
    jobs.push_back(page_job(render::indicator_dir(ind) + "index.html", [&r, &ind, &values, i](const auto& frame) {
      return render::indicator_page(r.m, ind, values, r.summaries[i], r.comparisons[i], r.stories, frame);
    }));
    for (auto& embed : render::embed_pages(m, ind, r.summaries[i], r.comparisons[i], r.stories))
      jobs.push_back(page_job(std::move(embed.path), std::move(embed.render)));
  }
  for (const auto& s : m.site.sections)
    jobs.push_back(page_job(render::section_path(s.id), [&r, &s](const auto& frame) {
      return render::section_page(r.m, s, r.entries, frame);
    }));
  for (const auto& p : m.pages) {
    jobs.push_back(page_job(render::page_path(p), [&p](const auto& frame) { return render::narrative_page(p, frame); }));
    // Images keep their relative address: each is copied next to the page that shows it.
    std::set<std::string> copied;
    for (const auto& img : p.images)
      if (copied.insert(img.url).second) jobs.push_back(Job{"pagina/" + p.slug + "/" + img.url, "image", "", {}, "", img.file});
  }
  for (auto& story : render::story_pages(m, r.stories)) jobs.push_back(page_job(story.path, std::move(story.render)));
  jobs.push_back(data_job({render::kSearchIndex, "search-index", render::search_index_js(m, r.stories)}));
  jobs.push_back(page_job("zoeken/index.html", [&m](const auto& frame) { return render::search_page(m, frame); }));
  for (const auto& round_results : r.rounds) {
    const model::Round& round = round_results->round;
    const render::RoundResults& results = *round_results;
    const std::string rapportage = render::rapportage_path(round.id);
    Job report{rapportage, "page", "", {}, "", {}};
    report.parts = [&r, &results, pdf](const render::PageFrame& frame, const render::Sink& sink,
                                       const render::PartsOptions& options) {
      render::rapportage_parts(r.m, results, pdf, r.stories, frame, sink, options);
    };
    jobs.push_back(std::move(report));
    const std::string factsheet = render::factsheet_path(round.id);
    jobs.push_back(page_job(factsheet, [&r, &results, pdf](const auto& frame) {
      return render::factsheet_page(r.m, results, pdf, frame);
    }));
    if (pdf) {
      jobs.push_back(pdf_job(folder_of(rapportage) + render::rapportage_pdf_name(round.id), rapportage));
      jobs.push_back(pdf_job(folder_of(factsheet) + render::factsheet_pdf_name(round.id), factsheet));
    }
  }
  jobs.push_back(page_job(render::kAccessibilityPath, [&m](const auto& frame) { return render::accessibility_page(m, frame); }));
  jobs.push_back(page_job("index.html", [&r](const auto& frame) { return render::home_page(r.m, r.entries, frame); }));
  jobs.push_back(data_job({render::kEditionFile, "edition", render::edition_json(m, r.by_indicator)}));
  check_paths(jobs);
  return jobs;
}

PartsInputs::PartsInputs(const std::string& site, const std::string& path)
    : salt_(sha256_hex(site + "\n" + path + "\n")) {
  whole_.add(salt_);
}

void PartsInputs::add(std::string_view digest) {
  platform::Sha256 hash;
  hash.add(salt_);
  hash.add(digest);
  parts.push_back(platform::hex(hash.digest()));
  whole_.add(parts.back());
}

std::string PartsInputs::inputs() { return platform::hex(whole_.digest()); }

std::string page_inputs(const std::string& site, const std::string& path, std::string_view digest) {
  platform::Sha256 hash;
  hash.add(site);
  hash.add("\n");
  hash.add(path);
  hash.add("\n");
  hash.add(digest);
  return platform::hex(hash.digest());
}

void hash_jobs(std::vector<Job>& jobs, const render::PageFrame& digest, const std::string& site, int threads,
               const std::function<bool(const Job&)>& later) {
  std::set<std::string> printed;  // pages a PDF prints: their PDF's inputs are made of theirs, below
  for (const auto& job : jobs)
    if (job.kind == "pdf") printed.insert(job.prints);
  const std::vector<std::size_t> order = start_order(jobs);
  for_each_index(jobs.size(), threads, [&](std::size_t k) {
    Job& job = jobs[order[k]];
    if (!job.inputs.empty() || job.kind == "pdf") return;  // PDFs below
    if (job.make) return;                                   // hashed when made (a PNG: its slide's recipe)
    if ((job.page || job.parts) && later && later(job) && !printed.count(job.path)) return;  // derived when drawn
    if (job.page) {
      job.inputs = page_inputs(site, job.path, job.page(digest));
    } else if (job.parts) {
      PartsInputs hash(site, job.path);
      job.parts(digest, [&hash](std::string_view part) { hash.add(part); }, {});
      job.inputs = hash.inputs();
      job.part_inputs = std::move(hash.parts);
    } else if (!job.copy_from.empty()) {
      job.inputs = sha256_hex(read_bytes(job.copy_from));
    } else {
      job.inputs = sha256_hex(job.bytes);
    }
  });
  // A PDF is what Chromium makes of its page and the stylesheets (print.css above all):
  // the hash of those. The page's own hash covers everything it shows.
  std::map<std::string, const Job*> by_path;
  std::string styles;
  for (const auto& job : jobs) {
    by_path[job.path] = &job;
    if (job.path.ends_with(".css")) styles += job.path + " " + job.inputs + "\n";
  }
  for (auto& job : jobs) {
    if (job.kind != "pdf") continue;
    auto page = by_path.find(job.prints);
    if (page == by_path.end() || !(page->second->page || page->second->parts))
      throw std::logic_error("the PDF " + job.path + " prints " + job.prints + ", which is not a page of the site");
    job.inputs = sha256_hex("pdf\n" + job.path + "\n" + page->second->inputs + "\n" + styles);
  }
}

}  // namespace duiding::plan

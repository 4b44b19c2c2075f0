#include "build/pipeline.h"
#include "build/timings.h"
#include "diag/messages.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <vector>

#include "charts/native_svg.h"
#include "load/install_paths.h"
#include "plan/parallel.h"
#include "platform/platform.h"
#include "plan/site_plan.h"
#include "model/round_text.h"
#include "render/templates.h"
#include "stats/disclosure.h"
#include "validate/privacy_names.h"
#include "validate/validate.h"
#include "write/build_log.h"

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

}  // namespace

// site-templates/assets/** is copied as it is; vendor.txt names the npm files to copy.
std::vector<plan::Asset> site_assets(const fs::path& home) {
  std::vector<plan::Asset> out;
  fs::path folder = home / "site-templates" / "assets";
  std::vector<fs::path> files;
  if (fs::is_directory(folder)) {
    for (const auto& e : fs::recursive_directory_iterator(folder))
      if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) out.push_back({f, "assets/" + fs::relative(f, folder).generic_string()});

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
    out.push_back({source, to});
  }
  return out;
}

namespace {

// Disclosure control between validate and stats: only the protected model is rendered,
// and stories behind a suppressed segment are linked from nowhere.
stats::disclosure::Protected protect_model(const model::Model& m) {
  stats::disclosure::Protected safe = stats::disclosure::protect(m);
  Timings::get().mark("protect");
  return safe;
}

// Everything between the protected model and the files: stats, plan, the inputs hashes.
// The jobs point into it, so it stays where it was made.
struct Planned {
  /// With `derive_pages`, the pages no PDF prints are left without inputs hash: the build
  /// renders every one of them and derives it from the drawn page (plan::hash_jobs()).
  Planned(stats::disclosure::Protected protected_model, const fs::path& home, const BuildOptions& options,
          bool derive_pages = false)
      : safe(std::move(protected_model)) {
    // Nothing is written when the audit can pin a hidden small cell.
    if (!safe.audit.ok()) throw DisclosureLeak(protect::refusals(safe.audit, safe.model.site.min_cell));
    // A text may name a value ({{waarde...}}) that disclosure control has just hidden.
    if (std::string hidden = hidden_variables(safe.model); !hidden.empty()) throw DisclosureLeak(hidden);
    model::fill_texts(safe.model);
    layout_text = read_file(home / "site-templates" / "layout.html");
    layout = std::make_unique<render::Template>(layout_text);
    results = std::make_unique<plan::SiteResults>(safe.model, [this](const stats::SegmentKey& k) {
      return safe.suppressed(k.indicator, k.group, k.round, "", k.category);
    }, options.threads);
    Timings::get().mark("stats");
    jobs = plan::plan_site(*results, site_assets(home), options.pdf, options.png != nullptr, options.threads);
    Timings::get().mark("plan");
    digest = std::make_unique<render::PageFrame>(safe.model, *layout, nullptr, options.png,
                                                 plan::on_threads(options.threads));
    site = plan::generator_id() + "\n" + layout_text;
    std::function<bool(const plan::Job&)> later;
    if (derive_pages) later = [](const plan::Job& job) { return job.kind == "page"; };  // pages in parts too
    plan::hash_jobs(jobs, *digest, site, options.threads, later);
    Timings::get().mark("hash inputs");
    for (const auto& job : jobs) {
      stats.pages += job.kind == "page";
      stats.charts += job.kind == "spec";
    }
  }
  Planned(const Planned&) = delete;
  Planned& operator=(const Planned&) = delete;

  stats::disclosure::Protected safe;
  std::string layout_text;
  std::unique_ptr<render::Template> layout;
  std::unique_ptr<plan::SiteResults> results;
  std::vector<plan::Job> jobs;
  render::SiteStats stats;
  std::unique_ptr<render::PageFrame> digest;  ///< the frame without renderer the pages were hashed with
  std::string site;                           ///< what every page's inputs hash starts with
};

// Renders the jobs still to do on up to `threads` threads and hands each job to `write`
// on the thread that made it, its page (or nullptr: a page in parts, rendered as it is
// written; a data file, a copy, a job not to redo): files are written while others are
// still being drawn. Bytes never depend on the thread that made them. Jobs finish in any order,
// so `write` must be thread-safe and keep what it records by index.
// A page job without inputs hash (plan::hash_jobs()'s `later`) is rendered with its
// drawings recorded, and `write` gets the record to derive the hash from.
void render_and_write(const std::vector<plan::Job>& jobs, const std::vector<bool>& todo,
                      const render::PageFrame& frame, int threads,
                      const std::function<void(std::size_t, const std::string*, const render::DrawingsRecord*)>& write) {
  Timings& timings = Timings::get();
  const std::vector<std::size_t> order = plan::start_order(jobs);
  plan::for_each_index(jobs.size(), threads, [&](std::size_t k) {
    const std::size_t i = order[k];
    const double start = timings.on() ? Timings::thread_seconds() : 0;
    if (todo[i] && jobs[i].page) {
      std::optional<render::DrawingsRecord> record;
      if (jobs[i].inputs.empty() && jobs[i].kind == "page") record.emplace();
      const std::string page = jobs[i].page(frame);
      write(i, &page, record ? &*record : nullptr);
    } else {
      write(i, nullptr, nullptr);
    }
    if (timings.on() && todo[i])
      timings.add(jobs[i].path.rfind("rapportage", 0) == 0 ? "rapportage " + jobs[i].kind : jobs[i].kind,
                  Timings::thread_seconds() - start);
  });
  timings.print_kinds();
}

// The parts of a page in parts as the previous build wrote them (render::Earlier): part n
// of the page now written is read from the previous file when its inputs hash is one the
// build log lists for a part of that file, wherever it was. Nothing is taken from a file
// whose length is not the sum of its logged parts.
class PreviousParts {
 public:
  PreviousParts(const fs::path& file, const write::LogEntry* logged, const std::vector<std::string>& inputs)
      : inputs_(inputs) {
    if (logged == nullptr || logged->parts.empty()) return;
    std::uintmax_t offset = 0;
    std::map<std::string, std::pair<std::uintmax_t, std::size_t>> where;
    for (const auto& part : logged->parts) {
      where.emplace(part.inputs, std::make_pair(offset, part.length));
      offset += part.length;
    }
    std::error_code ec;
    if (fs::file_size(file, ec) != offset || ec) return;
    in_.open(file, std::ios::binary);
    if (in_) where_ = std::move(where);
  }

  std::optional<std::string> operator()(std::size_t n) {
    if (n >= inputs_.size()) return std::nullopt;
    const auto it = where_.find(inputs_[n]);
    if (it == where_.end()) return std::nullopt;
    std::string bytes(it->second.second, '\0');
    const std::lock_guard lock(mutex_);
    in_.seekg(static_cast<std::streamoff>(it->second.first));
    if (!in_.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
      in_.clear();
      return std::nullopt;
    }
    ++taken;
    return bytes;
  }

  std::size_t taken = 0;  ///< parts read from the previous file

 private:
  const std::vector<std::string>& inputs_;
  std::map<std::string, std::pair<std::uintmax_t, std::size_t>> where_;  // inputs -> offset, length
  std::ifstream in_;
  std::mutex mutex_;
};

// Writes a page in parts, rendered as it is written, taking what `options.earlier` has
// from it. Returns the hex SHA-256 of its bytes; `logged` gets its parts for the build log.
// With `derive` (a page hash_jobs() left without inputs), the parts' inputs are derived
// as they are written, from the digests the page hands on (render::PartsOptions).
std::string write_parts(write::Output& out, const plan::Job& job, const render::PageFrame& frame,
                        render::PartsOptions options, std::vector<write::LogPart>& logged,
                        plan::PartsInputs* derive = nullptr) {
  if (derive != nullptr) options.digests = [derive](std::string_view digest) { derive->add(digest); };
  const std::vector<std::string>& inputs = derive != nullptr ? derive->parts : job.part_inputs;
  platform::Sha256 hash;
  logged.clear();
  out.write_parts(job.path, [&](const write::Output::Sink& file) {
    job.parts(frame, [&](std::string_view part) {
      const std::size_t n = logged.size();
      logged.push_back({n < inputs.size() ? inputs[n] : std::string(), part.size()});
      hash.add(part);
      file(part);
    }, options);
  });
  // The parts are numbered as their inputs were: a page that is cut up otherwise now
  // would take the wrong parts from the previous file.
  if (logged.size() != inputs.size())
    throw std::logic_error(job.path + " was hashed in " + std::to_string(inputs.size()) +
                           " parts and written in " + std::to_string(logged.size()));
  return platform::hex(hash.digest());
}

// Writes one job's file: `page` when it was rendered, else a page in parts (rendered as
// it is written), a copy or a data file. Returns the hex SHA-256 of what it wrote ("" for
// a copy or data file, whose inputs are their bytes).
std::string write_job(write::Output& out, const plan::Job& job, const std::string* page, const render::PageFrame& frame) {
  if (job.kind == "pdf") return "";  // printed by build_folder() once the pages are written
  if (job.parts) {
    std::vector<write::LogPart> parts;
    return write_parts(out, job, frame, {}, parts);
  }
  if (page != nullptr) out.write(job.path, *page);
  else if (job.make) out.write(job.path, job.draw ? job.draw(frame, job.make()) : job.make());
  else if (!job.copy_from.empty()) out.copy(job.copy_from, job.path);
  else out.write(job.path, job.bytes);
  return page != nullptr ? plan::sha256_hex(*page) : "";
}

// A file made when written: written, or, when what make() gave hashes as the previous
// build logged and that file is still there, taken over from it (a PNG then is not drawn
// again). Returns its log entry.
write::LogEntry make_job(write::DirectoryOutput& out, const plan::Job& job, const render::PageFrame& frame,
                         const write::LogEntry* previous, std::atomic<std::size_t>& reused) {
  const std::string made = job.make();
  std::string inputs = plan::sha256_hex(made);
  std::error_code ec;
  if (previous != nullptr && previous->inputs == inputs && fs::is_regular_file(out.target() / job.path, ec)) {
    out.reuse(job.path);
    ++reused;
    return {job.path, std::move(inputs), previous->bytes};
  }
  if (!job.draw) {
    out.write(job.path, made);
    return {job.path, inputs, inputs};
  }
  const std::string bytes = job.draw(frame, made);
  out.write(job.path, bytes);
  return {job.path, std::move(inputs), plan::sha256_hex(bytes)};
}

// The previous build logged exactly these files, in this order.
bool same_files(const write::BuildLog& previous, const std::vector<plan::Job>& jobs) {
  if (previous.entries.size() != jobs.size()) return false;
  for (std::size_t i = 0; i < jobs.size(); ++i)
    if (previous.entries[i].path != jobs[i].path) return false;
  return true;
}

}  // namespace

std::string hidden_variables(const model::Model& protected_model, msg::Lang lang) {
  diag::Diagnostics diag;
  model::check_variables(protected_model, diag);
  std::string out;
  for (const auto& d : diag.sorted()) out += diag::format(d, lang) + " " + msg::na_onthullingscontrole().render(lang) + "\n";
  return out;
}

fs::path default_home() {
  if (const char* env = std::getenv("DUIDING_HOME"); env != nullptr && *env != 0) return env;
  if (auto share = load::bundle_share()) return *share;
  return DUIDING_HOME;
}

std::optional<model::Model> check(const fs::path& source, diag::Diagnostics& diag) {
  // The word list for the quotes' privacy scan is read while the source loads.
  validate::privacy::WordList::start_loading();
  Timings::get().mark("start");
  auto m = validate::load_source(source, diag);
  Timings::get().mark("load and validate");
  return m;
}

render::SiteStats build(const model::Model& m, const fs::path& home, write::Output& out, charts::SvgRenderer& svg,
                        const BuildOptions& options) {
  const Planned planned(protect_model(m), home, options);
  const int threads = svg.thread_safe() ? options.threads : 1;
  const render::PageFrame frame(planned.safe.model, *planned.layout, &svg, options.png, plan::on_threads(threads));
  const std::vector<bool> all(planned.jobs.size(), true);
  render_and_write(planned.jobs, all, frame, threads, [&](std::size_t i, const std::string* page, const auto*) {
    write_job(out, planned.jobs[i], page, frame);
  });
  return planned.stats;
}

render::SiteStats build(const model::Model& m, const fs::path& home, write::Output& out, const BuildOptions& options) {
  charts::NativeSvgRenderer svg;
  return build(m, home, out, svg, options);
}

FolderBuild build_folder(model::Model m, const fs::path& home, const fs::path& target,
                         const BuildOptions& options, const std::function<std::size_t(const fs::path&)>& before_commit) {
  // A file is taken from the previous site when the same generator logged the same
  // inputs for it and it is still there.
  write::BuildLog previous;
  const std::string generator = plan::generator_id();
  if (!options.clean && !generator.empty()) previous = write::read_build_log(target);
  if (previous.generator != generator) previous = write::BuildLog{};
  // With nothing to compare with, every page is rendered: its inputs hash, for the next
  // build, is derived from the page as drawn instead of from a second rendering.
  const bool derive_pages = previous.entries.empty();

  // The model as loaded is not needed once it is protected: its memory goes back before
  // the statistics are computed (a sixth of a 10k-page build's peak).
  const Planned planned(
      [&m] {
        stats::disclosure::Protected safe = protect_model(m);
        m = model::Model{};
        return safe;
      }(),
      home, options, derive_pages);
  const std::vector<plan::Job>& jobs = planned.jobs;
  FolderBuild result{planned.stats, jobs.size(), 0, 0, false};
  std::vector<bool> todo(jobs.size(), true);
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    const write::LogEntry* e = previous.find(jobs[i].path);
    std::error_code ec;
    if (e != nullptr && e->inputs == jobs[i].inputs && fs::is_regular_file(target / jobs[i].path, ec)) todo[i] = false;
  }
  result.rendered = static_cast<std::size_t>(std::count(todo.begin(), todo.end(), true));
  result.reused = jobs.size() - result.rendered;
  // Up to date: the same files from the same inputs, and nothing to add. Not even the
  // marker is touched. (Files made when written are known to be unchanged only once made.)
  if (result.rendered == 0 && same_files(previous, jobs)) {
    result.unchanged = true;
    return result;
  }

  write::DirectoryOutput out(target);
  write::BuildLog log;
  log.generator = generator;
  log.source = options.fingerprint;
  charts::NativeSvgRenderer drawer;
  const render::PageFrame frame(planned.safe.model, *planned.layout, &drawer, options.png, plan::on_threads(options.threads));
  log.entries.resize(jobs.size());
  std::atomic<std::size_t> made_as_before = 0;
  std::atomic<std::size_t> parts_taken = 0;
  std::atomic<std::size_t> pages_hashed_again = 0;
  render_and_write(jobs, todo, frame, options.threads,
                   [&](std::size_t i, const std::string* page, const render::DrawingsRecord* record) {
    const plan::Job& job = jobs[i];
    if (job.make) {
      log.entries[i] = make_job(out, job, frame, previous.find(job.path), made_as_before);
      return;
    }
    std::string inputs = job.inputs;
    std::string bytes_hash;
    std::vector<write::LogPart> parts;
    if (!todo[i]) {
      out.reuse(job.path);
      const write::LogEntry* logged = previous.find(job.path);
      bytes_hash = logged->bytes;
      parts = logged->parts;
    } else if (job.parts && job.inputs.empty()) {
      // Nothing to compare with (hash_jobs()'s `later`): its inputs come with its digests.
      plan::PartsInputs derived(planned.site, job.path);
      bytes_hash = write_parts(out, job, frame, {.digest = planned.digest.get()}, parts, &derived);
      inputs = derived.inputs();
    } else if (job.parts) {
      // A page in parts that changed: its unchanged parts come from the previous file.
      PreviousParts before(target / job.path, previous.find(job.path), job.part_inputs);
      bytes_hash = write_parts(out, job, frame, {.earlier = std::ref(before)}, parts);
      parts_taken += before.taken;
    } else if (job.kind != "pdf") {  // PDFs are printed below, once every page is written
      bytes_hash = write_job(out, job, page, frame);
      if (bytes_hash.empty()) bytes_hash = job.inputs;  // data and copies: inputs are the bytes
    }
    if (record != nullptr) {
      // Derived from the drawn page; where that cannot be done, the page is rendered again
      // without drawing, as hash_jobs() would have.
      std::optional<std::string> digest = record->digest_of(*page);
      inputs = plan::page_inputs(planned.site, job.path, digest ? *digest : job.page(*planned.digest));
      if (!digest) ++pages_hashed_again;
    }
    log.entries[i] = {job.path, std::move(inputs), bytes_hash, std::move(parts)};
  });
  Timings::get().mark("render and write");
  result.rendered -= made_as_before;
  result.reused += made_as_before;
  result.parts_reused = parts_taken;
  result.pages_hashed_again = pages_hashed_again;
  // Every file as the previous build made it, in the same order: the previous site stays
  // as it is, marker and all.
  if (result.rendered == 0 && same_files(previous, jobs)) {
    result.unchanged = true;
    return result;
  }
  std::vector<std::size_t> to_print;  // PDF jobs to print, in job order
  for (std::size_t i = 0; i < jobs.size(); ++i)
    if (todo[i] && jobs[i].kind == "pdf") to_print.push_back(i);
  if (!to_print.empty() && !options.print) throw std::logic_error("a PDF is planned but the build has no printer");
  for (std::size_t i : to_print) {
    const fs::path pdf = out.staging() / jobs[i].path;
    options.print(out.staging() / jobs[i].prints, pdf);
    std::ifstream in(pdf, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    log.entries[i].bytes = plan::sha256_hex(bytes.str());
  }
  if (!to_print.empty()) Timings::get().mark("print PDFs");
  log.summary = std::to_string(planned.stats.pages) + " " + std::to_string(planned.stats.charts) + " " +
                std::to_string(result.files);
  out.write_marker(log.text());
  if (before_commit) result.files += before_commit(out.staging());
  out.commit();
  Timings::get().mark("commit");
  return result;
}

}  // namespace duiding::build

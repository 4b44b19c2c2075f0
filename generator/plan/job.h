// The plan stage: every file of the site as a job, listed before anything is rendered.
// A job says where its file goes, what kind of file it is, and a hash of everything its
// bytes are made from; rendering a job is a function of the job alone, so jobs render in
// any order on any thread, and a job whose hash a previous build logged need not render
// at all (write/build_log.h).
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "render/page_frame.h"

namespace duiding::plan {

/// One output file of the site. Exactly one of `page`, `parts`, `make`, `bytes` and
/// `copy_from` says how its bytes are made.
struct Job {
  std::string path;  ///< from the site root, '/'-separated, e.g. "kernwaarden/eigen-regie/index.html"
  /// "page" (HTML with the site's frame, or an embed page), "spec", "slide" (a chart as
  /// SVG picture), "png" (the slide as PNG), "pdf" (a page printed by Chromium),
  /// "statistics", "csv", "open-data", "edition", "search-index", "theme", "asset" or "image".
  std::string kind;
  /// Lower-case hex SHA-256 of what the bytes are made from. For a page: the
  /// generator's build id, the layout template, and the page as it reads with every
  /// chart replaced by its spec (render::PageFrame without renderer): everything the
  /// page shows, whatever model data it came from, without drawing. For a data file:
  /// its bytes, or with `draw` its recipe (a slide's spec and texts, a workbook's cells),
  /// set when it is made. For a copy: the copied file's bytes. For a PNG: its slide's
  /// recipe. For a PDF: the inputs of the page it prints and of every stylesheet of the site
  /// (hash_jobs()), so an unchanged page is not printed again.
  std::string inputs;
  /// A page: its bytes from a frame (with or without a chart renderer). A PNG: its bytes
  /// from the frame's rasteriser, only ever asked of a drawing frame.
  std::function<std::string(const render::PageFrame&)> page;
  /// A data file: its bytes, made when the job was planned (its own hash), unless `make`.
  std::string bytes;
  /// An asset or image: the file copied as it is.
  std::filesystem::path copy_from;
  /// A PDF: the path of the page it prints (a job planned before it). Only a folder
  /// build prints, after every page is written (build/pipeline.cc).
  std::string prints;
  /// A page written in parts (the rapportage, which can be hundreds of megabytes): its
  /// parts in order into a sink, from a frame, taking each part the options' `earlier`
  /// has from it instead of rendering it, and handing each part's digest on when asked
  /// (render::PartsOptions). Hashed and written part by part.
  std::function<void(const render::PageFrame&, const render::Sink&, const render::PartsOptions&)> parts;
  /// A page in parts: the hash of each part as `inputs` is of a page (hash_jobs()), in
  /// order; `inputs` is the hash of these. A part whose hash the previous build logged
  /// is copied from the previous file, not rendered.
  std::vector<std::string> part_inputs;
  /// A data file made when it is written (render::DataFile::make): its inputs are its
  /// bytes, so `inputs` stays empty until then, and a build makes it every time and keeps
  /// the previous file when the bytes hash as the build log says.
  std::function<std::string()> make;
  /// With `make`: make() gives what the file is drawn from (its recipe: a slide's or a
  /// PNG's chart spec and texts, a workbook's cells), hashed as its inputs, and draw() its
  /// bytes from that, only when the inputs changed.
  std::function<std::string(const render::PageFrame&, const std::string&)> draw;
};

/// Throws write::PathCollision when two jobs have one path, also when the paths differ
/// only in letter case (one file on Windows and macOS). Run before anything renders.
void check_paths(const std::vector<Job>& jobs);

/// The order in which to start the jobs: the pages in parts (the rapportages, each as
/// much work as thousands of pages) first, then the rest in plan order, so that the big
/// ones run beside the many small ones instead of alone at the end. The bytes never depend
/// on it.
std::vector<std::size_t> start_order(const std::vector<Job>& jobs);

/// The bytes of file `p`; throws std::filesystem::filesystem_error when it cannot be read.
std::string read_bytes(const std::filesystem::path& p);

/// Lower-case hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

/// What identifies the running program (its GNU build id on Linux), or "" when it
/// has none: a new generator re-renders every page.
std::string generator_id();

}  // namespace duiding::plan

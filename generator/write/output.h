// The write stage: the only place that writes files. Pages arrive one at a time as
// {path in the site, bytes}; the directory output writes them into a staging directory
// beside the target and swaps it into place on commit, so a failed build leaves the
// previous site exactly as it was.
#pragma once

#include <filesystem>
#include <functional>
#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

namespace duiding::write {

/// The file every site written by DirectoryOutput holds at its top. A non-empty folder
/// without it is never replaced: it is not a site duiding wrote.
inline constexpr const char* kMarkerFile = ".duiding-site";

/// The marker file's first line, a sentence for whoever opens it (the build log follows).
std::string marker_text();

/// Two generated files with the same path, or paths that differ only in letter case (one
/// file on Windows and macOS): a bug in the generator or a gap in validation.
class PathCollision : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Why a site built from `source` must not be written to `target`, or nullopt when it
/// may be. Refused: the source itself, a folder that holds the source, a folder inside
/// the source's data/ or indicators/, the current directory, the home directory, an
/// existing file, and a non-empty folder without kMarkerFile. Nothing is written here.
std::optional<std::string> refuse_target(const std::filesystem::path& source, const std::filesystem::path& target);

/// write(), copy() and (on DirectoryOutput) reuse() may be called from several threads at
/// once: the render stage writes each file on the thread that made it.
class Output {
 public:
  virtual ~Output() = default;
  /// Writes `bytes` to `path` (relative, `/`-separated) inside the site. Throws
  /// PathCollision when a file of that path (in any letter case) was written before.
  virtual void write(const std::string& path, std::string_view bytes) = 0;
  /// Copies the file at `from` to `path` inside the site (collisions as for write()).
  virtual void copy(const std::filesystem::path& from, const std::string& path) = 0;
  /// Writes to `path` what `produce` hands its sink, part by part (collisions as for
  /// write()). This one joins the parts and calls write().
  using Sink = std::function<void(std::string_view part)>;
  virtual void write_parts(const std::string& path, const std::function<void(const Sink&)>& produce);
  /// Number of files written so far.
  virtual std::size_t count() const = 0;

 protected:
  /// Records `path` as written; throws PathCollision when it (case folded) already was.
  void claim(const std::string& path);

 private:
  std::mutex claim_mutex_;
  std::map<std::string, std::string> claimed_;  ///< case-folded path -> path as written
};

/// Keeps the site in memory; for tests.
class MemoryOutput : public Output {
 public:
  void write(const std::string& path, std::string_view bytes) override;
  void copy(const std::filesystem::path& from, const std::string& path) override;
  std::size_t count() const override { return files.size(); }
  std::map<std::string, std::string> files;

 private:
  std::mutex files_mutex_;
};

/// Writes into `<target>.tmp-<pid>` next to `target`; `commit()` puts it in place with
/// one atomic exchange of names (Linux renameat2) or, where that is not available, two
/// renames. Without a commit the staging directory is removed, also when the process
/// gets SIGINT or SIGTERM; staging folders left by killed builds of the same target are
/// removed when the next one starts. Throws std::filesystem::filesystem_error (with the
/// system's error code, e.g. ENOSPC for a full disk) when the disk refuses.
class DirectoryOutput : public Output {
 public:
  explicit DirectoryOutput(std::filesystem::path target);
  ~DirectoryOutput() override;
  DirectoryOutput(const DirectoryOutput&) = delete;
  DirectoryOutput& operator=(const DirectoryOutput&) = delete;

  void write(const std::string& path, std::string_view bytes) override;
  void copy(const std::filesystem::path& from, const std::string& path) override;
  /// Each part goes to the file as it comes.
  void write_parts(const std::string& path, const std::function<void(const Sink&)>& produce) override;
  std::size_t count() const override { return count_; }
  /// Puts the file at `path` of the site now in the target into the staging directory as
  /// it is (a hard link, or where the disk has none a copy with the same modification
  /// time), for a file whose inputs did not change. Collisions as for write().
  void reuse(const std::string& path);
  /// Replaces the marker file's text (the build log, write/build_log.h).
  void write_marker(std::string_view text);
  /// The staging directory the site is written to until `commit()`.
  const std::filesystem::path& staging() const { return staging_; }
  /// The folder the site goes to.
  const std::filesystem::path& target() const { return target_; }
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  std::atomic<std::size_t> count_ = 0;
  bool committed_ = false;
  /// The folder of a file about to be written, made once: most files share one.
  std::filesystem::path folder_for(const std::string& path);
  std::mutex folders_mutex_;
  std::set<std::string> folders_;  ///< folders below staging_ made so far ("" the root)
};

/// A sentence for a failed write: "the disk is full" for ENOSPC/EDQUOT, otherwise the
/// system's own words, with the path concerned.
std::string describe(const std::filesystem::filesystem_error& e);

}  // namespace duiding::write

// The write stage: the only place that writes files. Pages arrive one at a time as
// {path in the site, bytes}; the directory output writes them into a staging directory
// beside the target and swaps it into place on commit, so a failed build leaves the
// previous site exactly as it was.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace duiding::write {

class Output {
 public:
  virtual ~Output() = default;
  /// Writes `bytes` to `path` (relative, `/`-separated) inside the site.
  virtual void write(const std::string& path, std::string_view bytes) = 0;
  /// Copies the file at `from` to `path` inside the site.
  virtual void copy(const std::filesystem::path& from, const std::string& path) = 0;
  /// Number of files written so far.
  virtual std::size_t count() const = 0;
};

/// Keeps the site in memory; for tests.
class MemoryOutput : public Output {
 public:
  void write(const std::string& path, std::string_view bytes) override;
  void copy(const std::filesystem::path& from, const std::string& path) override;
  std::size_t count() const override { return files.size(); }
  std::map<std::string, std::string> files;
};

/// Writes into `<target>.tmp-<pid>` next to `target`; `commit()` puts it in place with
/// one atomic exchange of names (Linux renameat2) or, where that is not available, two
/// renames. Without a commit the staging directory is removed. Throws
/// std::filesystem::filesystem_error when the disk refuses.
class DirectoryOutput : public Output {
 public:
  explicit DirectoryOutput(std::filesystem::path target);
  ~DirectoryOutput() override;
  DirectoryOutput(const DirectoryOutput&) = delete;
  DirectoryOutput& operator=(const DirectoryOutput&) = delete;

  void write(const std::string& path, std::string_view bytes) override;
  void copy(const std::filesystem::path& from, const std::string& path) override;
  std::size_t count() const override { return count_; }
  /// The staging directory the site is written to until `commit()`.
  const std::filesystem::path& staging() const { return staging_; }
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  std::size_t count_ = 0;
  bool committed_ = false;
};

}  // namespace duiding::write

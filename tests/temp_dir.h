// Folders the tests write into: a fresh directory under /tmp that is removed again, and a
// site source made from {path: content} to load as duiding loads one.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostics.h"
#include "model/model.h"
#include "validate/validate.h"

namespace duiding::test {

/// An empty directory /tmp/duiding-NAME-PID, removed with everything in it at the end.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name)
      : path(std::filesystem::temp_directory_path() / ("duiding-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  TempDir(const TempDir&) = delete;
  ~TempDir() { std::filesystem::remove_all(path); }
};

/// A site source in /tmp/duiding-NAME-PID made from {path: content}. The current
/// directory is moved into it while it exists, so messages name files as `data/...`.
struct SourceDir {
  using Files = std::map<std::string, std::string>;
  std::filesystem::path root;
  std::filesystem::path old = std::filesystem::current_path();
  SourceDir(const std::string& name, const Files& files)
      : root(std::filesystem::temp_directory_path() / ("duiding-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(root);
    for (const auto& [path, text] : files) {
      std::filesystem::create_directories((root / path).parent_path());
      std::ofstream(root / path, std::ios::binary) << text;
    }
    std::filesystem::create_directories(root);
    std::filesystem::current_path(root);
  }
  SourceDir(const SourceDir&) = delete;
  ~SourceDir() {
    std::filesystem::current_path(old);
    std::filesystem::remove_all(root);
  }
  /// The model of the source, and every message of loading it in `lang`.
  std::pair<std::optional<model::Model>, std::vector<std::string>> load(msg::Lang lang = msg::Lang::kEn) {
    diag::Diagnostics diag;
    auto m = validate::load_source(root, diag);
    std::vector<std::string> out;
    for (const auto& d : diag.sorted()) out.push_back(diag::format(d, lang));
    return {std::move(m), out};
  }
  /// The content of `path` in the source now.
  std::string read(const std::string& path) const {
    std::ifstream in(root / path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
};

}  // namespace duiding::test

// The build log: what each file of a written site was made from. It lives in the site's
// marker file (.duiding-site, write/output.h), after the marker's sentence, so a site has
// one file of its own at its root:
//
//   generator <build id of the duiding that wrote it>
//   source <fingerprint of the source>       when the build had no warnings (build/fingerprint.h)
//   summary <pages> <charts> <files>         what the build said it built
//   <inputs hash> <bytes hash> <path>        one line per file, in writing order
//   part <inputs hash> <length>              after a page written in parts (the
//                                            rapportage): one line per part, in order
//
// Like ninja's .ninja_log: the next build of the same target takes a file from the
// previous site instead of rendering it when the generator and the file's inputs hash
// are the same (plan/job.h says what the inputs hash covers).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace duiding::write {

/// One part of a page written in parts: what it was made from and how many bytes it
/// has in the file (it starts where the part before it ends).
struct LogPart {
  std::string inputs;  ///< hex SHA-256 (plan::Job::part_inputs)
  std::size_t length = 0;
};

struct LogEntry {
  std::string path;
  std::string inputs;  ///< hex SHA-256 of what the file was made from
  std::string bytes;   ///< hex SHA-256 of the file's bytes
  std::vector<LogPart> parts;  ///< a page written in parts: its parts, in order
};

struct BuildLog {
  std::string generator;  ///< build id of the generator that wrote the site; "" unknown
  std::string source;     ///< fingerprint of the source it was built from; "" none
  std::string summary;    ///< "<pages> <charts> <files>" of that build; "" none
  std::vector<LogEntry> entries;

  /// The marker file's text: its sentence, then the log.
  std::string text() const;
  /// The entry of `path`, or nullptr.
  const LogEntry* find(const std::string& path) const;

 private:
  mutable std::map<std::string, std::size_t> index_;
};

/// The log in `site`'s marker file; an empty log when there is none or it cannot be read
/// (a site written before builds kept a log, or no site at all): everything is rebuilt.
BuildLog read_build_log(const std::filesystem::path& site);

}  // namespace duiding::write

// `duiding publish SITE TARGET`: check a built site, add what a web server and the
// archive need, and switch TARGET to it atomically.
//
// TARGET holds releases/NNNN/ (one folder per publication, never changed once written),
// `current`, a symlink to the live release that is replaced by rename(2) (atomic: a
// request sees the old or the new site, never a mix), and nginx.conf. A failed check,
// copy or archive leaves `current` and every release as they were.
#pragma once

#include <filesystem>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace duiding::publish {

/// The site was refused (broken links, no base_url, ...): exit code 1.
struct Refused : std::runtime_error {
  using std::runtime_error::runtime_error;
};
/// TARGET or the disk is unusable: exit code 2.
struct Unusable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct PublishOptions {
  bool dry_run = false;                ///< list what would change; write nothing
  std::vector<std::string> external;   ///< more declared external links (prefixes)
  std::filesystem::path warc;          ///< also write the publication as a WARC file here
  std::filesystem::path zip;           ///< also write the current edition as a zip here
  std::string date;                    ///< WARC-Date; empty: now (or SOURCE_DATE_EPOCH)
};

/// Publishes `site` (a folder written by `duiding build`) to `target`. Reports to `out`;
/// each problem of a refused site goes to `err` before Refused is thrown.
void publish_site(const std::filesystem::path& site, const std::filesystem::path& target,
                  const PublishOptions& options, std::ostream& out, std::ostream& err);

/// Points `current` back at the release published before the live one.
void rollback(const std::filesystem::path& target, std::ostream& out);

/// Writes nginx.conf, .htaccess and web.config for a site at "/" with the CSP of
/// `layout_html` into `dir` (how publish/headers/ is made).
void write_server_config(const std::string& layout_html, const std::filesystem::path& dir);

}  // namespace duiding::publish

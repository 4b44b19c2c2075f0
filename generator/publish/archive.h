// Archive copies of a publication: a WARC file (ISO 28500, WARC/1.1) for the
// municipality's archive, one gzip member per record, and an offline zip that council
// members open from their own disk (file://, search included: it needs no server).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "publish/server_config.h"

namespace duiding::publish {

/// Writes `files` (paths under `root`) as WARC `response` records for the URLs
/// `base_url` + path, after one `warcinfo` record; each response carries the headers
/// `policy` has a server send for it (CSP, framing, caching, media type). `date` is the WARC-Date
/// (e.g. 2026-12-01T10:00:00Z). Record ids are derived from the contents, so the same
/// publication and date give the same bytes.
void write_warc(const std::filesystem::path& root, const std::vector<std::string>& files, const std::string& base_url,
                const ServerPolicy& policy, const std::string& date, const std::filesystem::path& out);

/// One file of a zip: where its bytes are, and its path inside the zip's folder.
struct ZipEntry {
  std::filesystem::path from;
  std::string name;
};

/// Writes `entries` into a zip at `out`, inside the folder `folder`, every entry dated
/// `mtime` (seconds since 1970), so the zip is byte-identical for the same publication.
void write_zip(const std::vector<ZipEntry>& entries, const std::string& folder, long long mtime,
               const std::filesystem::path& out);

/// The media type a web server sends for `path` (from the server definition).
std::string media_type(const std::string& path);

}  // namespace duiding::publish

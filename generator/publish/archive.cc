#include "publish/archive.h"

#include <zip.h>
#include <zlib.h>

#include <fstream>
#include <regex>
#include <stdexcept>
#include <system_error>

#include "platform/platform.h"
#include "publish/server_config.h"
#include "publish/tree.h"

namespace duiding::publish {
namespace fs = std::filesystem;

namespace {

std::string gzip_member(const std::string& bytes) {
  z_stream z{};
  if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib could not start");
  std::string out(deflateBound(&z, bytes.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("zlib could not compress a WARC record");
  return out;
}

// A name-based id in the form of a UUID, from the SHA-256 of `seed`.
std::string record_id(const std::string& seed) {
  std::string h = sha256_hex(seed);
  h[12] = '8';  // version 8 (custom), variant 10xx
  h[16] = "89ab"[h[16] % 4];
  return "<urn:uuid:" + h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" +
         h.substr(20, 12) + ">";
}

std::string record(const std::string& type, const std::vector<std::pair<std::string, std::string>>& headers,
                   const std::string& block) {
  std::string r = "WARC/1.1\r\nWARC-Type: " + type + "\r\n";
  for (const auto& [n, v] : headers) r += n + ": " + v + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  return gzip_member(r);
}

}  // namespace

std::string media_type(const std::string& path) {
  static const ServerPolicy policy = server_policy("", "/");
  auto dot = path.rfind('.');
  if (dot != std::string::npos) {
    std::string ext = path.substr(dot + 1);
    for (const auto& [e, type] : policy.types)
      if (e == ext) return type;
  }
  return "application/octet-stream";
}

void write_warc(const fs::path& root, const std::vector<std::string>& files, const std::string& base_url,
                const ServerPolicy& policy, const std::string& date, const fs::path& out) {
  const std::regex embed(policy.embed_pattern), hashed(policy.hashed_pattern);
  const std::string base = base_url.empty() || base_url.back() == '/' ? base_url : base_url + "/";
  std::ofstream o(out, std::ios::binary | std::ios::trunc);
  if (!o) throw fs::filesystem_error("cannot write", out, std::make_error_code(std::errc::io_error));
  const std::string info = "software: duiding " DUIDING_VERSION "\r\nformat: WARC File Format 1.1\r\n"
                           "conformsTo: https://iso.org/standard/68004.html\r\nisPartOf: " + base + "\r\n";
  o << record("warcinfo",
              {{"WARC-Date", date},
               {"WARC-Record-ID", record_id("warcinfo " + base + date)},
               {"WARC-Filename", out.filename().string()},
               {"Content-Type", "application/warc-fields"}},
              info);
  for (const auto& rel : files) {
    const std::string body = read_bytes(root / rel);
    const std::string url_path = policy.base_path + rel;
    std::string http = "HTTP/1.1 200 OK\r\nContent-Type: " + media_type(rel) + "\r\nContent-Length: " +
                       std::to_string(body.size()) + "\r\n";
    for (const auto& [name, value] :
         std::regex_search(url_path, embed) ? policy.embed_headers : policy.page_headers) {
      const bool long_cache = name == "Cache-Control" && std::regex_search(url_path, hashed);
      http += name + ": " + (long_cache ? policy.hashed_cache : value) + "\r\n";
    }
    http += "\r\n";
    const std::string block = http + body;
    const std::string payload_hash = sha256_hex(body);
    o << record("response",
                {{"WARC-Target-URI", base + rel},
                 {"WARC-Date", date},
                 {"WARC-Record-ID", record_id(base + rel + " " + payload_hash + " " + date)},
                 {"WARC-Block-Digest", "sha256:" + sha256_hex(block)},
                 {"WARC-Payload-Digest", "sha256:" + payload_hash},
                 {"Content-Type", "application/http; msgtype=response"}},
                block);
  }
  o.close();
  if (!o) throw fs::filesystem_error("cannot write", out, std::make_error_code(std::errc::io_error));
}

void write_zip(const std::vector<ZipEntry>& entries, const std::string& folder, long long mtime,
               const fs::path& out) {
  std::error_code ec;
  fs::remove(out, ec);
  int error = 0;
  zip_t* z = zip_open(platform::utf8_path(out).c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (z == nullptr) throw fs::filesystem_error("cannot create the zip", out, std::make_error_code(std::errc::io_error));
  for (const auto& [from, rel] : entries) {
    zip_source_t* src = zip_source_file(z, platform::utf8_path(from).c_str(), 0, -1);
    zip_int64_t index = src == nullptr ? -1 : zip_file_add(z, (folder + "/" + rel).c_str(), src, ZIP_FL_ENC_UTF_8);
    if (index < 0 || zip_file_set_mtime(z, static_cast<zip_uint64_t>(index), static_cast<time_t>(mtime), 0) != 0) {
      if (src != nullptr && index < 0) zip_source_free(src);
      std::string why = zip_strerror(z);
      zip_discard(z);
      throw fs::filesystem_error("cannot add " + rel + " to the zip: " + why, out,
                                 std::make_error_code(std::errc::io_error));
    }
  }
  if (zip_close(z) != 0) {
    std::string why = zip_strerror(z);
    zip_discard(z);
    throw fs::filesystem_error("cannot write the zip: " + why, out, std::make_error_code(std::errc::io_error));
  }
}

}  // namespace duiding::publish

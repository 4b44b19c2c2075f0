// Files of a published tree: listing in a fixed order, reading and writing bytes, and the
// SHA-256 manifest (`SHA256SUMS`, in the format `sha256sum -c` reads).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace duiding::publish {

/// Name of the manifest at the root of every publication.
inline constexpr const char* kManifest = "SHA256SUMS";

/// Every regular file under `root`, as `/`-separated paths relative to it, sorted by bytes.
std::vector<std::string> list_files(const std::filesystem::path& root);

std::string read_bytes(const std::filesystem::path& file);
/// Writes `bytes` to `file`, creating its folders; throws filesystem_error on failure.
void write_bytes(const std::filesystem::path& file, std::string_view bytes);

/// Lower-case hex SHA-256 of `bytes` (OpenSSL).
std::string sha256_hex(std::string_view bytes);

/// path → SHA-256 of every file under `root` except the manifest itself.
std::map<std::string, std::string> hash_tree(const std::filesystem::path& root);

/// `<hex>  <path>\n` per file, sorted by path.
std::string manifest_text(const std::map<std::string, std::string>& hashes);
/// Reads a manifest written by manifest_text; an empty map when `file` does not exist.
std::map<std::string, std::string> read_manifest(const std::filesystem::path& file);

}  // namespace duiding::publish

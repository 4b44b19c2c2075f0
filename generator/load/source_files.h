// Finding and reading the files of a site source. Only regular files inside the source
// are read: a symbolic link that leads out of it, a device, a FIFO or a socket is an
// error, and so is a file above the size cap. Files a folder does not expect are
// reported, never skipped without a word.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"

namespace duiding::load {

/// The largest file read from a source, in bytes: 64 MiB, or the number of MiB in the
/// environment variable DUIDING_MAX_FILE_MB (a whole number of at least 1).
std::uintmax_t max_file_bytes();

/// The bytes of `path`, which must be a regular file inside `root` (after following
/// symbolic links) and at most max_file_bytes() long. Opened without blocking, so a FIFO
/// cannot hang the build. Problems are errors under `display`; the result is then nullopt.
std::optional<std::string> read_source_file(const std::filesystem::path& root, const std::filesystem::path& path,
                                            const std::string& display, diag::Diagnostics& diag);

/// What a folder of the source holds: files ending in `ext` are listed (sorted, whatever
/// kind of file they are, so read_source_file can refuse the wrong kinds). A name ending in
/// `ext` in other letter case is an error; any other entry is a warning that it is not
/// read, unless `also_allowed` accepts it. Names starting with '.' are left alone.
std::vector<std::filesystem::path> list_source_files(
    const std::filesystem::path& dir, const std::string& ext,
    const std::function<std::string(const std::filesystem::path&)>& display, diag::Diagnostics& diag,
    const std::function<bool(const std::filesystem::path&)>& also_allowed = nullptr);

}  // namespace duiding::load

// Whole-file reads and atomic writes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sacjc {

// The file's bytes; throws a bad-input Error naming it if it cannot be read (missing, a
// directory, no permission, an I/O error).
std::vector<std::uint8_t> read_file(const std::string& path);

// Who may read a file sacjc writes: everyone the umask allows (reports, plots, probes), or
// only its owner (fingerprints: mode 0600).
enum class FileAccess { kShared, kOwnerOnly };

// Writes through a new temporary file in the same directory (created exclusively, never
// through a symbolic link), syncs it to disk, renames it over `path` and syncs the directory,
// so a reader never sees a half-written file and a crash or kill leaves the old one. Throws a
// bad-input Error naming the path on failure.
void write_file_atomically(const std::string& path, const std::string& contents,
                           FileAccess access = FileAccess::kShared);

// The last component of a path ("runs/a/victim.pt" -> "victim.pt", "probes/" -> "probes").
std::string base_name(const std::string& path);

}  // namespace sacjc

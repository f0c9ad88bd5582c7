// Whole-file reads and atomic writes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sacjc {

// The file's bytes; throws a bad-input Error naming it if it cannot be read (missing, a
// directory, no permission, an I/O error).
std::vector<std::uint8_t> read_file(const std::string& path);

// Writes through a temporary file in the same directory and a rename, so a reader never sees
// a half-written file and an interrupted run leaves the old one. Throws a bad-input Error
// naming the path on failure.
void write_file_atomically(const std::string& path, const std::string& contents);

}  // namespace sacjc

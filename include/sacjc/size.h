// Sizes on the command line (--max-memory, --max-model-bytes): one parser for every option
// that takes a number of bytes, so "512M" and "2G" mean the same everywhere.
#pragma once

#include <string>

namespace sacjc {

// Parses a size: a non-negative number (a fraction is allowed) with an optional unit, K, M, G
// or T for powers of 1024 (also spelt k, KB, KiB, ...), or B for bytes. A number without a
// unit counts `bare_unit` bytes, each option's historical unit (1 for --max-model-bytes,
// 1 MiB for --max-memory). The result is rounded down to whole bytes. A malformed, negative or
// too large (over 2^62 bytes) value is a usage Error whose one line names `option` and quotes
// at most the first 32 characters of `text`.
long long parse_size(const std::string& text, long long bare_unit, const std::string& option);

// "512 MiB", "2 GiB", "1.5 KiB", "100 bytes": for help texts and logs.
std::string format_size(long long bytes);

}  // namespace sacjc

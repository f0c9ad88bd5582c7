// The one tokenizer of sacjc's delimited text files (manifests, suspect outputs, labels): lines,
// fields, trimmed fields. Each parser keeps its own rules (headers, quoting of nothing, error
// messages); this only cuts text. Views point into the caller's text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sacjc {

// The lines of `text`, as std::getline reads them (split at '\n', a last line without '\n'
// kept, no empty line after a final '\n'), each without one '\r' at its end (CRLF files).
std::vector<std::string_view> split_lines(std::string_view text);

// The fields of one line: split at every `separator`, so n separators give n + 1 fields
// (empty ones included). No quoting: none of sacjc's formats needs it.
std::vector<std::string_view> split_fields(std::string_view line, char separator);

// `text` without the characters in `blanks` at either end.
std::string_view trim(std::string_view text, std::string_view blanks = " \t");

// A field of a CSV file sacjc writes (RFC 4180): quoted when it holds a comma, quote or line
// break, with quotes doubled.
std::string csv_field(const std::string& text);

}  // namespace sacjc

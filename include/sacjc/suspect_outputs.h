// Black-box suspects: what a suspect's API answered on sacjc's exported probe images, read back
// from a CSV or NumPy .npy file with one row per image in manifest order. Label-only APIs give
// one class index per row, which one_hot() turns into score rows.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sacjc/model.h"

namespace sacjc {

// What a black-box suspect answered on the exported probes, one row per image.
struct SuspectOutputs {
  Outputs values;       // rows x d scores; for labels: rows x 1 holding the class indices
  bool labels = false;  // one column of whole numbers >= 0: a label-only API's class indices
};

// Parses CSV or .npy bytes (.npy recognised by its magic "\x93NUMPY", anything else is CSV).
// CSV: comma-separated decimal numbers, an optional header line, CRLF and a UTF-8 BOM allowed.
// .npy: format versions 1-3, little-endian float, int, uint or bool arrays of shape (n,) or
// (n, d), C or Fortran order. `name` is used in error messages; `expected_rows` is the number
// of exported images (0: any). Every problem throws bad_input(name, ...) with a one-line
// message that says what is wrong and where (line and column for CSV, index for .npy).
// Labels: exactly one column, every value a whole number in [0, 2^24).
SuspectOutputs parse_suspect_outputs(const std::vector<std::uint8_t>& bytes, const std::string& name,
                                     int expected_rows);

// read_file(path) then parse_suspect_outputs.
SuspectOutputs read_suspect_outputs(const std::string& path, int expected_rows);

// Rows of one-hot vectors, `width` columns, for the class indices in column 0 of `classes`
// (a labels result). Throws bad_input(name, ...) unless every index is a whole number in
// [0, width).
Outputs one_hot(const Outputs& classes, int width, const std::string& name);

}  // namespace sacjc

// Reads back what a black-box suspect answered on the exported probes. Users collect the answers
// with whatever tool they have, so both plain CSV and NumPy's .npy are accepted; the .npy reader
// is written out (format spec: numpy.lib.format) rather than pulled from a library. Both readers
// treat the input as hostile: sizes from a header are checked against limits and against the
// bytes actually present before anything is allocated, and every value must be a finite float.
#include "sacjc/suspect_outputs.h"

#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>
#include <limits>
#include <sstream>
#include <string_view>

#include "sacjc/csv.h"
#include "sacjc/error.h"
#include "sacjc/files.h"

namespace sacjc {
namespace {

constexpr std::uint64_t kMaxValues = std::uint64_t{1} << 31;  // per file
constexpr double kMaxLabel = 1 << 24;                         // class indices must stay exact as floats

// Values as they are parsed, before they become an Outputs matrix.
struct Table {
  std::vector<float> values;  // row-major
  std::uint64_t rows = 0, cols = 0;
  bool whole = true;  // every value a whole number in [0, kMaxLabel)
};

// Why a value cannot be used, or "" if it can.
const char* value_problem(double value) {
  if (std::isnan(value)) return "is NaN";
  if (std::isinf(value)) return "is infinite";
  if (std::abs(value) > std::numeric_limits<float>::max()) return "is too large for a 32-bit float";
  return "";
}

void append(Table& table, double value) {
  table.values.push_back(static_cast<float>(value));
  table.whole = table.whole && value >= 0 && value < kMaxLabel && value == std::floor(value);
}

SuspectOutputs finish(const Table& table, const std::string& name, int expected_rows) {
  if (table.rows == 0) throw bad_input(name, "no rows");
  if (table.rows > INT_MAX) throw bad_input(name, "too many rows");
  if (expected_rows > 0 && table.rows != static_cast<std::uint64_t>(expected_rows))
    throw bad_input(name, "has " + std::to_string(table.rows) + " rows but the probes manifest lists " +
                              std::to_string(expected_rows) + " images (one row per image, in manifest order)");
  SuspectOutputs outputs;
  outputs.values = Eigen::Map<const Outputs>(table.values.data(), table.rows, table.cols);
  outputs.labels = table.cols == 1 && table.whole;
  return outputs;
}

// Input text for a message: quoted, printable ASCII only, cut short.
std::string quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text.substr(0, 24)) out += c >= 0x20 && c < 0x7f ? c : '?';
  return out + (text.size() > 24 ? "...'" : "'");
}

// ---- CSV ----

// Parses a whole field as a decimal number (one leading '+' allowed). invalid_argument: not a
// number; result_out_of_range: a number beyond double. NaN and infinity count as numbers.
std::errc to_number(std::string_view field, double& value) {
  if (field.size() > 1 && field[0] == '+' && field[1] != '-') field.remove_prefix(1);
  const char* end = field.data() + field.size();
  auto [stop, error] = std::from_chars(field.data(), end, value);
  if (error == std::errc() && stop != end) return std::errc::invalid_argument;
  return field.empty() ? std::errc::invalid_argument : error;
}

// A header is a first line with a non-empty field that is not a number.
bool is_header(const std::vector<std::string_view>& fields) {
  double value;
  for (auto field : fields)
    if (!field.empty() && to_number(field, value) == std::errc::invalid_argument) return true;
  return false;
}

SuspectOutputs parse_csv(std::string_view text, const std::string& name, int expected_rows) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.substr(0, 4) == std::string_view("PK\x03\x04", 4))
    throw bad_input(name, "is a zip archive (an .npz?); save one array with numpy.save, or a CSV");
  if (text.find('\0') != std::string_view::npos) throw bad_input(name, "is binary data, not a CSV or .npy file");
  auto lines = split_lines(text);
  for (auto& line : lines) line = trim(line);
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  Table table;
  std::size_t first_row = 0;  // line index of the first data row
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string line = "line " + std::to_string(i + 1);
    if (lines[i].empty()) throw bad_input(name, line + " is empty (blank lines are only allowed at the end)");
    auto fields = split_fields(lines[i], ',');
    for (auto& field : fields) field = trim(field);
    if (i == 0 && is_header(fields)) continue;
    if (table.rows == 0) {
      table.cols = fields.size();
      first_row = i;
    }
    if (fields.size() != table.cols)
      throw bad_input(name, line + " has " + std::to_string(fields.size()) + " columns but line " +
                                std::to_string(first_row + 1) + " has " + std::to_string(table.cols) +
                                " (every row needs the same number)");
    if (table.values.size() + table.cols > kMaxValues) throw bad_input(name, "too many values (at most 2^31)");
    for (std::size_t c = 0; c < fields.size(); ++c) {
      double value = 0;
      std::errc error = to_number(fields[c], value);
      const char* problem = fields[c].empty()                      ? "empty field"
                            : error == std::errc::invalid_argument ? "is not a number"
                            : error != std::errc()                 ? "is out of range"
                                                                   : value_problem(value);
      if (*problem)
        throw bad_input(name, line + ", column " + std::to_string(c + 1) + ": " +
                                  (fields[c].empty() ? "" : quoted(fields[c]) + " ") + problem);
      append(table, value);
    }
    ++table.rows;
  }
  return finish(table, name, expected_rows);
}

// ---- .npy ----

// The header's Python dict literal, e.g. {'descr': '<f4', 'fortran_order': False, 'shape': (3, 10), }
struct NpyHeader {
  std::string descr;
  bool fortran = false;
  std::vector<std::uint64_t> shape;  // each dimension at most kMaxValues
};

// A cursor over the header text; throws on anything unexpected.
struct Cursor {
  std::string_view text;
  const std::string& name;

  [[noreturn]] void fail(const std::string& what) { throw bad_input(name, "unreadable .npy header: " + what); }
  void skip_space() {
    while (!text.empty() && (text[0] == ' ' || text[0] == '\n' || text[0] == '\t')) text.remove_prefix(1);
  }
  bool accept(std::string_view token) {
    skip_space();
    if (text.substr(0, token.size()) != token) return false;
    text.remove_prefix(token.size());
    return true;
  }
  void expect(std::string_view token) {
    if (!accept(token)) fail("expected '" + std::string(token) + "' at " + quoted(text));
  }
  std::string string() {
    char quote = accept("'") ? '\'' : accept("\"") ? '"' : 0;
    std::size_t end = quote ? text.find(quote) : std::string_view::npos;
    if (end == std::string_view::npos) fail("expected a quoted string at " + quoted(text));
    std::string value(text.substr(0, end));
    text.remove_prefix(end + 1);
    return value;
  }
  std::uint64_t dimension() {
    skip_space();
    std::uint64_t value = 0;
    std::size_t i = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      value = value * 10 + (text[i] - '0');
      if (value > kMaxValues) throw bad_input(name, ".npy array is too large (a dimension exceeds 2^31)");
    }
    if (i == 0) fail("expected a whole number in the shape at " + quoted(text));
    text.remove_prefix(i);
    accept("L");  // Python 2 wrote longs as 3L
    return value;
  }
};

NpyHeader parse_header(std::string_view text, const std::string& name) {
  Cursor in{text, name};
  NpyHeader header;
  int seen = 0;  // bits: descr 1, fortran_order 2, shape 4
  in.expect("{");
  while (!in.accept("}")) {
    std::string key = in.string();
    in.expect(":");
    int bit = key == "descr" ? 1 : key == "fortran_order" ? 2 : key == "shape" ? 4 : 0;
    if (seen & bit) in.fail("duplicate key " + quoted(key));
    seen |= bit;
    if (key == "descr") {
      header.descr = in.string();
    } else if (key == "fortran_order") {
      header.fortran = in.accept("True");
      if (!header.fortran) in.expect("False");
    } else if (key == "shape") {
      in.expect("(");
      while (!in.accept(")")) {
        header.shape.push_back(in.dimension());
        if (!in.accept(",")) {
          in.expect(")");
          break;
        }
      }
    } else {
      in.fail("unexpected key " + quoted(key));
    }
    if (!in.accept(",")) {
      in.expect("}");
      break;
    }
  }
  if (seen != 7) in.fail("expected the keys descr, fortran_order and shape once each");
  return header;
}

// An element type: kind 'f' (float), 'i' (signed), 'u' (unsigned) or 'b' (bool), size in bytes.
struct Dtype {
  char kind;
  int size;
};

Dtype parse_descr(const std::string& descr, const std::string& name) {
  char order = descr.size() == 3 ? descr[0] : 0, kind = descr.size() == 3 ? descr[1] : 0;
  int size = descr.size() == 3 ? descr[2] - '0' : 0;
  bool known = (kind == 'f' && (size == 4 || size == 8)) || (kind == 'b' && size == 1) ||
               ((kind == 'i' || kind == 'u') && (size == 1 || size == 2 || size == 4 || size == 8));
  if (!known || std::string_view("<>|=").find(order) == std::string_view::npos)
    throw bad_input(
        name, ".npy dtype " + quoted(descr) + " is not supported (use float32, float64, an integer type or bool)");
  if (order == '>' && size > 1)
    throw bad_input(name, ".npy data is big-endian (" + descr + "); save it little-endian, e.g. arr.astype('<" +
                              descr.substr(1) + "')");
  return {kind, size};
}

// One element, decoded from little-endian bytes.
double element(const std::uint8_t* bytes, Dtype type) {
  std::uint64_t bits = 0;
  for (int i = type.size - 1; i >= 0; --i) bits = bits << 8 | bytes[i];
  if (type.kind == 'f' && type.size == 4) {
    auto narrow = static_cast<std::uint32_t>(bits);
    float value;
    std::memcpy(&value, &narrow, 4);
    return value;
  }
  if (type.kind == 'f') {
    double value;
    std::memcpy(&value, &bits, 8);
    return value;
  }
  if (type.kind == 'b') return bits != 0;
  if (type.kind == 'u') return static_cast<double>(bits);
  int shift = 64 - 8 * type.size;  // sign-extends: GCC shifts arithmetically (as C++20 requires)
  return static_cast<double>(static_cast<std::int64_t>(bits << shift) >> shift);
}

// A shape as Python prints it: (), (3,), (3, 10).
std::string shape_text(const std::vector<std::uint64_t>& shape) {
  std::string text;
  for (auto size : shape) text += (text.empty() ? "" : ", ") + std::to_string(size);
  return "(" + text + (shape.size() == 1 ? ",)" : ")");
}

SuspectOutputs parse_npy(const std::vector<std::uint8_t>& bytes, const std::string& name, int expected_rows) {
  // Magic (6 bytes), version (2), header length (2 bytes in version 1, else 4), header, data.
  int major = bytes.size() > 7 ? bytes[6] : 0, minor = bytes.size() > 7 ? bytes[7] : 0;
  if (bytes.size() <= 7 || major < 1 || major > 3)
    throw bad_input(name, ".npy format version " + std::to_string(major) + "." + std::to_string(minor) +
                              " is not supported (1.0 to 3.0 are)");
  const std::size_t length_size = major == 1 ? 2 : 4, start = 8 + length_size;
  if (bytes.size() < start) throw bad_input(name, "truncated .npy file (it ends inside the header)");
  std::uint64_t header_length = 0;
  for (std::size_t i = start; i-- > 8;) header_length = header_length << 8 | bytes[i];
  if (header_length > bytes.size() - start)
    throw bad_input(name, "truncated .npy file (its header is " + std::to_string(header_length) + " bytes but only " +
                              std::to_string(bytes.size() - start) + " follow)");
  auto header = parse_header({reinterpret_cast<const char*>(bytes.data() + start), header_length}, name);
  const Dtype type = parse_descr(header.descr, name);
  const std::string shape = shape_text(header.shape);
  if (header.shape.empty() || header.shape.size() > 2)
    throw bad_input(name, ".npy array has shape " + shape +
                              "; expected (images,) or (images, outputs), e.g. save arr.reshape(len(arr), -1)");
  Table table;
  table.rows = header.shape[0];
  table.cols = header.shape.size() == 2 ? header.shape[1] : 1;
  if (table.rows == 0) throw bad_input(name, "no rows (.npy shape " + shape + ")");
  if (table.cols == 0) throw bad_input(name, "no columns (.npy shape " + shape + ")");
  if (table.rows * table.cols > kMaxValues)  // each at most 2^31: no overflow
    throw bad_input(name, ".npy array of shape " + shape + " is too large (at most 2^31 values)");
  const std::uint64_t need = table.rows * table.cols * type.size, have = bytes.size() - start - header_length;
  const std::string sizes = "shape " + shape + " of " + header.descr + " needs " + std::to_string(need) +
                            " bytes of data and the file has " + std::to_string(have);
  if (have < need) throw bad_input(name, "truncated .npy file: " + sizes);
  if (have > need) throw bad_input(name, ".npy file has trailing data: " + sizes);
  const std::uint8_t* data = bytes.data() + start + header_length;
  table.values.reserve(table.rows * table.cols);
  for (std::uint64_t r = 0; r < table.rows; ++r) {
    for (std::uint64_t c = 0; c < table.cols; ++c) {
      std::uint64_t index = header.fortran ? c * table.rows + r : r * table.cols + c;
      double value = element(data + index * type.size, type);
      if (*value_problem(value))
        throw bad_input(name,
                        ".npy value at [" + std::to_string(r) + ", " + std::to_string(c) + "] " + value_problem(value));
      append(table, value);
    }
  }
  return finish(table, name, expected_rows);
}

}  // namespace

SuspectOutputs parse_suspect_outputs(const std::vector<std::uint8_t>& bytes, const std::string& name,
                                     int expected_rows) {
  if (bytes.size() >= 6 && std::memcmp(bytes.data(), "\x93NUMPY", 6) == 0) return parse_npy(bytes, name, expected_rows);
  return parse_csv({reinterpret_cast<const char*>(bytes.data()), bytes.size()}, name, expected_rows);
}

SuspectOutputs read_suspect_outputs(const std::string& path, int expected_rows) {
  return parse_suspect_outputs(read_file(path), path, expected_rows);
}

Outputs one_hot(const Outputs& classes, int width, const std::string& name) {
  if (classes.cols() != 1)
    throw bad_input(name, "expected one column of class indices, got " + std::to_string(classes.cols()));
  if (width < 1 || static_cast<std::uint64_t>(classes.rows()) * width > kMaxValues)
    throw bad_input(name, "cannot one-hot encode class indices into " + std::to_string(width) + " columns");
  Outputs rows = Outputs::Zero(classes.rows(), width);
  for (Eigen::Index r = 0; r < classes.rows(); ++r) {
    float index = classes(r, 0);
    if (!(index >= 0 && index < width && index == std::floor(index))) {
      std::ostringstream message;
      message << "class index " << index << " on row " << r + 1 << " does not fit " << width
              << " outputs (indices must be whole numbers from 0 to " << width - 1 << ")";
      throw bad_input(name, message.str());
    }
    rows(r, static_cast<Eigen::Index>(index)) = 1;
  }
  return rows;
}

}  // namespace sacjc

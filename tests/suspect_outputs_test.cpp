#include "sacjc/suspect_outputs.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <cstring>

#include "sacjc/error.h"

namespace sacjc {
namespace {

std::vector<std::uint8_t> bytes(const std::string& text) { return {text.begin(), text.end()}; }

SuspectOutputs parse(const std::string& text, int expected_rows = 0) {
  return parse_suspect_outputs(bytes(text), "outputs", expected_rows);
}

// The message of the bad-input Error that parsing throws, or "" if it parses.
std::string error_of(const std::string& text, int expected_rows = 0) {
  try {
    parse(text, expected_rows);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadInput);
    return e.what();
  }
  return "";
}

// Fails the test unless `message` contains `part`.
void expect_mentions(const std::string& message, const std::string& part) {
  EXPECT_NE(message.find(part), std::string::npos) << "'" << message << "' does not mention '" << part << "'";
}

// A version 1.0 (or 2.0) .npy file: magic, version, header length, padded header, then `data`.
std::string npy(const std::string& descr, const std::string& shape, const std::string& data, bool fortran = false,
                int major = 1) {
  std::string header =
      "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
  std::size_t prefix = major == 1 ? 10 : 12;
  header.append(63 - (prefix + header.size()) % 64, ' ');
  header += '\n';
  std::string out = "\x93NUMPY";
  out += static_cast<char>(major);
  out += '\0';
  out += static_cast<char>(header.size() & 0xff);
  out += static_cast<char>(header.size() >> 8);
  if (major > 1) out.append(2, '\0');
  return out + header + data;
}

// The raw (little-endian on the machines sacjc runs on) bytes of some values.
template <typename T>
std::string raw(std::initializer_list<T> values) {
  std::string out(values.size() * sizeof(T), '\0');
  std::memcpy(out.data(), values.begin(), out.size());
  return out;
}

TEST(SuspectOutputsTest, ReadsCsvWithoutHeader) {
  auto outputs = parse("0.5,1,2\n3,4,-5e-1\n");
  ASSERT_EQ(outputs.values.rows(), 2);
  ASSERT_EQ(outputs.values.cols(), 3);
  EXPECT_FLOAT_EQ(outputs.values(0, 0), 0.5f);
  EXPECT_FLOAT_EQ(outputs.values(1, 2), -0.5f);
  EXPECT_FALSE(outputs.labels);
}

TEST(SuspectOutputsTest, SkipsCsvHeader) {
  auto outputs = parse("cat,dog\n1,2\n");
  ASSERT_EQ(outputs.values.rows(), 1);
  EXPECT_FLOAT_EQ(outputs.values(0, 1), 2.0f);
}

TEST(SuspectOutputsTest, ToleratesCrlfBomSpacesAndTrailingBlankLines) {
  auto outputs = parse("\xEF\xBB\xBFscore_0, score_1\r\n 1 , +2\r\n3,\t4\r\n\r\n\n");
  ASSERT_EQ(outputs.values.rows(), 2);
  ASSERT_EQ(outputs.values.cols(), 2);
  EXPECT_FLOAT_EQ(outputs.values(0, 1), 2.0f);
  EXPECT_FLOAT_EQ(outputs.values(1, 1), 4.0f);
  EXPECT_EQ(parse("1,2").values.rows(), 1);  // no final newline
}

TEST(SuspectOutputsTest, RaggedCsvRowNamesTheLine) {
  auto message = error_of("a,b\n1,2\n3,4\n5\n");
  expect_mentions(message, "outputs: line 4 has 1 columns but line 2 has 2");
}

TEST(SuspectOutputsTest, CsvValueErrorsNameLineAndColumn) {
  expect_mentions(error_of("1,2\n3,x\n"), "line 2, column 2: 'x' is not a number");
  expect_mentions(error_of("1,2\n3,4.5.6\n"), "line 2, column 2: '4.5.6' is not a number");
  expect_mentions(error_of("1,nan\n"), "line 1, column 2: 'nan' is NaN");
  expect_mentions(error_of("1,2\n-inf,2\n"), "line 2, column 1: '-inf' is infinite");
  expect_mentions(error_of("1,,2\n"), "line 1, column 2: empty field");
  expect_mentions(error_of("1,2,\n"), "line 1, column 3: empty field");
  expect_mentions(error_of("1e39\n"), "too large for a 32-bit float");
  expect_mentions(error_of("1e999\n"), "out of range");
}

TEST(SuspectOutputsTest, CsvBlankLineInTheMiddleAndNoRowsAreErrors) {
  expect_mentions(error_of("1,2\n\n3,4\n"), "line 2 is empty");
  EXPECT_EQ(error_of(""), "outputs: no rows");
  EXPECT_EQ(error_of("\n\n"), "outputs: no rows");
  EXPECT_EQ(error_of("score\n"), "outputs: no rows");
}

TEST(SuspectOutputsTest, OneColumnOfWholeNumbersIsLabels) {
  auto labels = parse("class\n3\n0\n7.0\n");
  EXPECT_TRUE(labels.labels);
  ASSERT_EQ(labels.values.cols(), 1);
  EXPECT_FLOAT_EQ(labels.values(2, 0), 7.0f);
  EXPECT_FALSE(parse("3\n1.5\n").labels);
  EXPECT_FALSE(parse("3\n-1\n").labels);
  EXPECT_FALSE(parse("3,1\n0,2\n").labels);
}

TEST(SuspectOutputsTest, RowCountMustMatchTheManifest) {
  EXPECT_EQ(error_of("1\n2\n", 3),
            "outputs: has 2 rows but the probes manifest lists 3 images (one row per image, in manifest order)");
  EXPECT_EQ(parse("1\n2\n", 2).values.rows(), 2);
}

TEST(SuspectOutputsTest, BinaryInputThatIsNotNpyIsRejected) {
  expect_mentions(error_of(std::string("PK\x03\x04rest", 8)), "zip archive");
  expect_mentions(error_of(std::string("\x80\x02\0\0", 4)), "binary data");
}

TEST(SuspectOutputsTest, ReadsNpyFloat32Matrix) {
  auto outputs = parse(npy("<f4", "(2, 3)", raw<float>({0.5f, 1, 2, 3, 4, -5})));
  ASSERT_EQ(outputs.values.rows(), 2);
  ASSERT_EQ(outputs.values.cols(), 3);
  EXPECT_FLOAT_EQ(outputs.values(0, 0), 0.5f);
  EXPECT_FLOAT_EQ(outputs.values(1, 2), -5.0f);
  EXPECT_FALSE(outputs.labels);
}

TEST(SuspectOutputsTest, ReadsNpyFloat64VectorAsOneColumn) {
  auto outputs = parse(npy("<f8", "(3,)", raw<double>({0.25, 1.5, -2})));
  ASSERT_EQ(outputs.values.rows(), 3);
  ASSERT_EQ(outputs.values.cols(), 1);
  EXPECT_FLOAT_EQ(outputs.values(1, 0), 1.5f);
  EXPECT_FALSE(outputs.labels);
}

TEST(SuspectOutputsTest, ReadsNpyIntegersAndDetectsLabels) {
  auto labels = parse(npy("<i8", "(3,)", raw<std::int64_t>({4, 0, 9})));
  EXPECT_TRUE(labels.labels);
  EXPECT_FLOAT_EQ(labels.values(2, 0), 9.0f);
  auto matrix = parse(npy("<i8", "(2, 2)", raw<std::int64_t>({-3, 1, 2, 5})));
  EXPECT_FALSE(matrix.labels);
  EXPECT_FLOAT_EQ(matrix.values(0, 0), -3.0f);
  EXPECT_FLOAT_EQ(parse(npy("<i2", "(1,)", raw<std::int16_t>({-300}))).values(0, 0), -300.0f);
  EXPECT_FLOAT_EQ(parse(npy("|u1", "(1,)", raw<std::uint8_t>({200}))).values(0, 0), 200.0f);
  EXPECT_TRUE(parse(npy("|b1", "(2,)", raw<std::uint8_t>({1, 0}))).labels);
}

TEST(SuspectOutputsTest, ReadsNpyFortranOrderAndVersion2) {
  // Column-major storage of [[1, 2, 3], [4, 5, 6]].
  auto outputs = parse(npy("<f4", "(2, 3)", raw<float>({1, 4, 2, 5, 3, 6}), true));
  EXPECT_FLOAT_EQ(outputs.values(0, 1), 2.0f);
  EXPECT_FLOAT_EQ(outputs.values(1, 0), 4.0f);
  EXPECT_FLOAT_EQ(outputs.values(1, 2), 6.0f);
  auto v2 = parse(npy("<f4", "(2,)", raw<float>({1.5f, 2.5f}), false, 2));
  EXPECT_FLOAT_EQ(v2.values(1, 0), 2.5f);
}

TEST(SuspectOutputsTest, TruncatedNpySaysHowMuchIsMissing) {
  auto file = npy("<f8", "(3,)", raw<double>({1, 2, 3}));
  auto message = error_of(file.substr(0, file.size() - 4));
  expect_mentions(message, "truncated .npy file");
  expect_mentions(message, "needs 24 bytes of data and the file has 20");
  expect_mentions(error_of(file + "x"), "trailing data");
  // Every shorter prefix is rejected cleanly too.
  for (std::size_t size = 0; size < file.size(); ++size) EXPECT_NE(error_of(file.substr(0, size)), "") << size;
}

TEST(SuspectOutputsTest, RejectsUnsupportedNpyArrays) {
  expect_mentions(error_of(npy(">f4", "(1,)", raw<float>({1}))), "big-endian");
  expect_mentions(error_of(npy("<U5", "(1,)", std::string(20, 'a'))), "dtype '<U5' is not supported");
  expect_mentions(error_of(npy("<f4", "()", raw<float>({1}))), "shape ()");
  expect_mentions(error_of(npy("<f4", "(1, 1, 2)", raw<float>({1, 2}))), "shape (1, 1, 2)");
  expect_mentions(error_of(npy("<f4", "(2,)", raw<float>({1, NAN}))), "value at [1, 0] is NaN");
  expect_mentions(error_of(npy("<f4", "(0,)", "")), "no rows");
  expect_mentions(error_of(npy("<f4", "(2, 0)", "")), "no columns");
}

TEST(SuspectOutputsTest, HostileNpyShapesAreRejectedBeforeAllocating) {
  expect_mentions(error_of(npy("<f4", "(1000000000000000000, 1000000000000000000)", "")), "too large");
  expect_mentions(error_of(npy("<f4", "(99999999999999999999999999999999,)", "")), "too large");
  expect_mentions(error_of(npy("<f8", "(2147483648, 2)", "")), "too large");
  // Within the limits, but the data is not there.
  expect_mentions(error_of(npy("<f8", "(2147483647,)", raw<double>({1}))), "truncated");
}

TEST(SuspectOutputsTest, MalformedNpyHeadersAreBadInput) {
  auto file = npy("<f4", "(2,)", raw<float>({1, 2}));
  for (std::string header : {"{'descr': '<f4', 'shape': (2,), }", "{'descr': '<f4', 'fortran_order': False}",
                             "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }",
                             "{'descr': '<f4', 'fortran_order': Maybe, 'shape': (2,), }",
                             "{'descr': '<f4', 'descr': '<f4', 'shape': (2,), }", "{'descr", "", "]"}) {
    std::string bad = file.substr(0, 8) + static_cast<char>(header.size()) + '\0' + header + raw<float>({1, 2});
    expect_mentions(error_of(bad), "outputs: ");
  }
  expect_mentions(error_of(std::string("\x93NUMPY\x04\x00", 8)), "version 4.0 is not supported");
  // Every single-byte corruption of the file either parses or is a bad-input Error.
  for (std::size_t i = 6; i < file.size(); ++i) {
    for (char value : {'\0', '\1', '(', ',', '9', '\xff'}) {
      std::string corrupt = file;
      corrupt[i] = value;
      error_of(corrupt);
    }
  }
}

TEST(SuspectOutputsTest, ReadsFilesWrittenByNumpy) {
  std::string dir = testing::TempDir();
  std::string script = "import numpy as np; d = '" + dir + "'; " +
                       "np.save(d + 'so_scores.npy', np.arange(12, dtype=np.float32).reshape(3, 4) / 4); " +
                       "np.save(d + 'so_labels.npy', np.array([2, 0, 1])); " +
                       "np.save(d + 'so_fortran.npy', np.asfortranarray(np.arange(6.0).reshape(2, 3)))";
  ASSERT_EQ(std::system(("/usr/bin/python3 -c \"" + script + "\"").c_str()), 0) << "needs python3-numpy";
  auto scores = read_suspect_outputs(dir + "so_scores.npy", 3);
  ASSERT_EQ(scores.values.cols(), 4);
  EXPECT_FLOAT_EQ(scores.values(2, 3), 11.0f / 4);
  EXPECT_FALSE(scores.labels);
  auto labels = read_suspect_outputs(dir + "so_labels.npy", 3);
  EXPECT_TRUE(labels.labels);
  EXPECT_FLOAT_EQ(labels.values(0, 0), 2.0f);
  auto fortran = read_suspect_outputs(dir + "so_fortran.npy", 2);
  EXPECT_FLOAT_EQ(fortran.values(0, 2), 2.0f);
  EXPECT_FLOAT_EQ(fortran.values(1, 0), 3.0f);
}

TEST(SuspectOutputsTest, MissingFileIsBadInput) {
  try {
    read_suspect_outputs(testing::TempDir() + "no_such_outputs.csv", 0);
    FAIL() << "expected an Error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadInput);
  }
}

TEST(SuspectOutputsTest, OneHotEncodesClassIndices) {
  Outputs classes(3, 1);
  classes << 2, 0, 1;
  Outputs rows = one_hot(classes, 4, "labels.csv");
  Outputs expected(3, 4);
  expected << 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0;
  EXPECT_EQ(rows, expected);
}

TEST(SuspectOutputsTest, OneHotRejectsIndicesBeyondTheWidth) {
  Outputs classes(2, 1);
  classes << 0, 3;
  try {
    one_hot(classes, 3, "labels.csv");
    FAIL() << "expected an Error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadInput);
    expect_mentions(e.what(), "labels.csv: class index 3 on row 2 does not fit 3 outputs");
  }
  EXPECT_THROW(one_hot(Outputs::Zero(2, 2), 3, "x"), Error);
  EXPECT_THROW(one_hot(classes, 0, "x"), Error);
}

}  // namespace
}  // namespace sacjc

#include "sacjc/fingerprint.h"

#include <gtest/gtest.h>

#include <cstring>

#include "sacjc/error.h"
#include "test_images.h"

namespace sacjc {
namespace {

// A small FRI fingerprint with real probes, so every section has content.
Fingerprint sample() {
  ProbeOptions options;
  options.height = options.width = 16;
  options.mean = {0.5f};
  std::vector<Seed> seeds;
  for (int i = 0; i < 5; ++i) seeds.push_back({"seed_" + std::to_string(i) + ".png", test_noise(20, 20, i)});
  ProbeSet probes = probes_from_seeds({seeds.begin(), seeds.begin() + 3}, options);
  ProbeSet references = probes_from_seeds({seeds.begin() + 3, seeds.end()}, options);
  attach_references(probes, references);

  Fingerprint fp;
  fp.tool_version = "test";
  fp.victim = {"victim.pt", std::string(64, 'a'), 7};
  fp.probe_options = options;
  fp.mode = Mode::kFri;
  fp.probe_source = "built-in";
  fp.probe_sha256 = probes.sha256;
  fp.probe_names = probes.names;
  fp.probe_jpegs = probes.jpegs;
  fp.reference_names = references.names;
  fp.reference_jpegs = references.jpegs;
  fp.features = Outputs::Random(3, 2);
  fp.matrix = Eigen::MatrixXf::Random(3, 3);  // not symmetric: the order of entries must survive
  return fp;
}

std::vector<std::uint8_t> bytes_of(const std::string& text) { return {text.begin(), text.end()}; }

std::string message_of(const std::vector<std::uint8_t>& bytes) {
  try {
    parse_fingerprint(bytes, "fp.sacfp");
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadInput);
    return e.what();
  }
  return "";
}

TEST(FingerprintTest, RoundTripKeepsEverything) {
  Fingerprint fp = sample();
  Fingerprint back = parse_fingerprint(bytes_of(serialize_fingerprint(fp)), "fp.sacfp");
  EXPECT_EQ(back.victim.sha256, fp.victim.sha256);
  EXPECT_EQ(back.victim.output_size, 7);
  EXPECT_EQ(back.mode, Mode::kFri);
  EXPECT_EQ(back.probe_options.mean, fp.probe_options.mean);
  EXPECT_EQ(back.probe_names, fp.probe_names);
  EXPECT_EQ(back.probe_jpegs, fp.probe_jpegs);
  EXPECT_EQ(back.reference_jpegs, fp.reference_jpegs);
  EXPECT_EQ(back.features, fp.features);
  EXPECT_EQ(back.matrix, fp.matrix);
  EXPECT_FALSE(back.calibration.has_value());
  ProbeSet probes = fingerprint_probes(back, "fp.sacfp");
  EXPECT_EQ(probes.sha256, fp.probe_sha256);
  ASSERT_TRUE(probes.references);
  EXPECT_EQ(probes.references->count, 2);
}

TEST(FingerprintTest, SerialisingIsDeterministic) {
  Fingerprint fp = sample();
  EXPECT_EQ(serialize_fingerprint(fp), serialize_fingerprint(fp));
}

TEST(FingerprintTest, EveryCorruptedByteIsRejected) {
  std::vector<std::uint8_t> good = bytes_of(serialize_fingerprint(sample()));
  // Every byte of the file, one at a time: header, each section, the checksum itself.
  for (std::size_t at = 0; at < good.size(); ++at) {
    std::vector<std::uint8_t> bad = good;
    bad[at] ^= 0x20;
    ASSERT_NE(message_of(bad), "") << "byte " << at << " of " << good.size();
  }
}

TEST(FingerprintTest, TruncationIsRejected) {
  std::vector<std::uint8_t> good = bytes_of(serialize_fingerprint(sample()));
  for (std::size_t size = 0; size < good.size(); size += 97)
    EXPECT_NE(message_of({good.begin(), good.begin() + size}), "") << size;
  EXPECT_NE(message_of({good.begin(), good.end() - 1}), "");
}

TEST(FingerprintTest, MessagesSayWhatIsWrong) {
  std::vector<std::uint8_t> good = bytes_of(serialize_fingerprint(sample()));
  EXPECT_NE(message_of(bytes_of("PK\x03\x04 a zip")).find("not a sacjc fingerprint"), std::string::npos);
  std::vector<std::uint8_t> newer = good;
  newer[8] = 2;
  EXPECT_NE(message_of(newer).find("newer than this sacjc"), std::string::npos);
  std::vector<std::uint8_t> flipped = good;
  flipped[good.size() / 2] ^= 1;
  EXPECT_NE(message_of(flipped).find("checksum mismatch"), std::string::npos);
}

TEST(FingerprintTest, ProbesThatDecodeDifferentlyAreRefused) {
  Fingerprint fp = sample();
  fp.probe_sha256 = std::string(64, '0');
  EXPECT_THROW(fingerprint_probes(fp, "fp.sacfp"), Error);
}

}  // namespace
}  // namespace sacjc

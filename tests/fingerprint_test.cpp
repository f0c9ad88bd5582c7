#include "sacjc/fingerprint_file.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>

#include "sacjc/error.h"
#include "sacjc/files.h"
#include "sacjc/json_io.h"
#include "sacjc/sha256.h"
#include "test_images.h"
#include "test_keys.h"

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

std::string text_of(const std::vector<std::uint8_t>& bytes) { return {bytes.begin(), bytes.end()}; }

// A fingerprint as earlier builds wrote it: the same file with `meta` as its META section.
std::vector<std::uint8_t> with_meta(const std::string& file, const std::string& meta) {
  const std::size_t header = 12, sizes = 8, tag = 4;  // magic + version; META's tag and u64 size
  std::uint64_t old_size;
  std::memcpy(&old_size, file.data() + header + tag, sizes);
  std::uint64_t new_size = meta.size();
  const std::size_t rest = header + tag + sizes + old_size;  // PROB onwards
  std::string body = file.substr(0, header + tag) + std::string(reinterpret_cast<const char*>(&new_size), sizes) +
                     meta + file.substr(rest, file.size() - 64 - rest);
  Sha256 hash;
  hash.update(body);
  return bytes_of(body + hash.hex_digest());
}

TEST(FingerprintTest, FilesAreNamedByBaseNameOnly) {
  Fingerprint fp = sample();
  fp.victim.path = "/home/owner/models/victim.pt";
  fp.probe_source = "/home/owner/probes/";
  fp.probe_options.directory = fp.probe_source;
  fp.selection.labels = "/home/owner/probes.csv";
  Calibration c;
  c.probe_options = fp.probe_options;
  c.probe_count = 3;
  c.independent_paths = {"/home/owner/zoo/a.pt", "/home/owner/zoo/b.pt"};
  c.independent = {0.2, 0.3};
  c.stolen_paths = {"/home/owner/zoo/copy.pt"};
  c.stolen = {0.01};
  fp.calibration = c;
  const std::string file = serialize_fingerprint(fp);
  EXPECT_EQ(file.find("/home/owner"), std::string::npos);
  Fingerprint back = parse_fingerprint(bytes_of(file), "fp.sacfp");
  EXPECT_EQ(back.victim.path, "victim.pt");
  EXPECT_EQ(back.probe_source, "probes");
  EXPECT_EQ(back.selection.labels, "probes.csv");
  ASSERT_TRUE(back.calibration);
  EXPECT_EQ(back.calibration->independent_paths, (std::vector<std::string>{"a.pt", "b.pt"}));
  EXPECT_EQ(back.calibration->stolen_paths, std::vector<std::string>{"copy.pt"});
}

// New calibration files carry "schema_version"; inside a fingerprint the calibration keeps the
// layout of version 1 and no label file is null, so builds before that convention read it.
TEST(FingerprintTest, MetadataKeepsTheLayoutEarlierBuildsRead) {
  Fingerprint fp = sample();
  Calibration c;
  c.probe_options = fp.probe_options;
  c.probe_count = 3;
  c.independent_paths = {"a.pt"};
  c.independent = {0.2};
  fp.calibration = c;
  const std::string meta = format_fingerprint_meta(fp);
  EXPECT_NE(meta.find(R"("format":"sacjc-calibration")"), std::string::npos) << meta;
  EXPECT_NE(meta.find(R"("version":1)"), std::string::npos) << meta;
  EXPECT_EQ(meta.find("schema_version"), std::string::npos) << meta;
  EXPECT_NE(meta.find(R"("labels":"")"), std::string::npos) << meta;  // not null: older readers want a string
  EXPECT_NE(format_json(c).find(R"("schema_version": 2)"), std::string::npos);
  Fingerprint back;
  parse_fingerprint_meta(meta, "fp.sacfp", back);
  ASSERT_TRUE(back.calibration);
  EXPECT_EQ(back.calibration->independent, std::vector<double>{0.2});
}

TEST(FingerprintTest, OlderFingerprintsWithPathsStillRead) {
  Fingerprint fp = sample();
  const std::string file = serialize_fingerprint(fp);
  std::string meta = format_fingerprint_meta(fp);
  const std::string name = "\"path\":\"victim.pt\"";
  ASSERT_NE(meta.find(name), std::string::npos);
  meta.replace(meta.find(name), name.size(), "\"path\":\"/home/owner/models/victim.pt\"");
  Fingerprint back = parse_fingerprint(with_meta(file, meta), "old.sacfp");
  EXPECT_EQ(back.victim.path, "/home/owner/models/victim.pt");
  EXPECT_EQ(back.features, fp.features);
  EXPECT_EQ(fingerprint_probes(back, "old.sacfp").sha256, fp.probe_sha256);
  EXPECT_EQ(text_of(with_meta(file, format_fingerprint_meta(fp))), file);  // the rewrite itself is faithful
}

// A signed fingerprint on disk, with key files beside it, in a directory of the test's own (CTest
// runs the tests in parallel).
struct Signed {
  std::string dir = testing::TempDir() + "fingerprint_" + testing::UnitTest::GetInstance()->current_test_info()->name();
  std::string file = dir + "/victim.sacfp", sig = file + ".sig";
  std::string key, public_key, other_public_key;
  Fingerprint fp = sample();
  Signed() {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    key = write_text(dir + "/key.pem", ed25519_private_pem(rfc8032_test(1).private_key));
    public_key = write_text(dir + "/pub.pem", ed25519_public_pem(rfc8032_test(1).public_key));
    other_public_key = write_text(dir + "/other.pem", ed25519_public_pem(rfc8032_test(2).public_key));
    write_fingerprint(file, fp, key);
  }
  // The message of the Error that reading the fingerprint with the key file `with` throws, or "".
  std::string refusal(const std::string& with) {
    try {
      read_fingerprint(file, with);
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::kBadInput);
      return e.what();
    }
    return "";
  }
};

TEST(FingerprintTest, ASignedFingerprintReadsWithItsPublicKey) {
  Signed s;
  EXPECT_EQ(read_file(s.sig).size(), 64u);
  Fingerprint back = read_fingerprint(s.file, s.public_key);
  EXPECT_EQ(back.features, s.fp.features);
  EXPECT_EQ(read_file(s.file), bytes_of(serialize_fingerprint(s.fp)));  // the signature is beside it, not in it
}

TEST(FingerprintTest, OneChangedByteIsRefusedByTheSignatureBeforeTheChecksum) {
  Signed s;
  std::vector<std::uint8_t> bytes = read_file(s.file);
  bytes[bytes.size() / 2] ^= 0x01;
  write_file_atomically(s.file, text_of(bytes));
  EXPECT_NE(s.refusal(s.public_key).find(s.file + ": signature " + s.sig + " does not verify"), std::string::npos);
}

TEST(FingerprintTest, AnotherPublicKeyIsRefused) {
  Signed s;
  EXPECT_NE(s.refusal(s.other_public_key)
                .find(s.file + ": signature " + s.sig + " does not verify with " + s.other_public_key),
            std::string::npos);
}

TEST(FingerprintTest, AMissingSignatureIsRefused) {
  Signed s;
  std::filesystem::remove(s.sig);
  EXPECT_NE(s.refusal(s.public_key).find(s.file + ": unsigned"), std::string::npos);
  EXPECT_NO_THROW(read_fingerprint(s.file));  // without a key nothing is checked
}

TEST(FingerprintTest, ATruncatedSignatureIsRefused) {
  Signed s;
  std::vector<std::uint8_t> signature = read_file(s.sig);
  write_file_atomically(s.sig, std::string(signature.begin(), signature.begin() + 40));
  EXPECT_NE(s.refusal(s.public_key).find(s.file + ": malformed signature " + s.sig + ": 40 bytes"), std::string::npos);
  write_file_atomically(s.sig, "");
  EXPECT_NE(s.refusal(s.public_key).find("malformed signature"), std::string::npos);
}

TEST(FingerprintTest, AnRsaPublicKeyIsRefusedNamingIt) {
  Signed s;
  const std::string rsa = write_text(s.dir + "/rsa.pem", kRsaPublicPem);
  EXPECT_NE(s.refusal(rsa).find(rsa + ": holds a key of type RSA, not Ed25519"), std::string::npos);
}

TEST(FingerprintTest, ABadSigningKeyWritesNothing) {
  Signed s;
  const std::string rsa = write_text(s.dir + "/rsa.pem", kRsaPublicPem);
  EXPECT_THROW(write_fingerprint(s.dir + "/new.sacfp", s.fp, rsa), Error);
  EXPECT_FALSE(std::filesystem::exists(s.dir + "/new.sacfp"));
  EXPECT_FALSE(std::filesystem::exists(s.dir + "/new.sacfp.sig"));
}

TEST(FingerprintTest, ProbesThatDecodeDifferentlyAreRefused) {
  Fingerprint fp = sample();
  fp.probe_sha256 = std::string(64, '0');
  EXPECT_THROW(fingerprint_probes(fp, "fp.sacfp"), Error);
}

}  // namespace
}  // namespace sacjc

// The .sacfp container. Little-endian throughout:
//   "SACJC-FP"  u32 format version
//   sections, in this order, each  tag[4]  u64 size  payload:
//     META  JSON: tool version, victim, settings, probe names, calibration (json_io.cpp); files
//           are named by their base name only, never by a path
//     PROB  u32 count, then per probe  u32 size  JPEG bytes
//     REFS  the same for the FRI reference images (count 0 otherwise)
//     FEAT  u32 rows  u32 cols  float32 rows x cols, row-major
//     CORR  u32 n  float32 n x n
//   64 hex digits: SHA-256 of every byte before them.
// The checksum catches truncation and corruption; it is not a signature. A signature, if any, is
// a separate file beside it (FILE.sacfp.sig, signature.h) over every byte of this one.
#include "sacjc/fingerprint_file.h"

#include <cstring>
#include <fstream>

#include "sacjc/error.h"
#include "sacjc/files.h"
#include "sacjc/json_io.h"
#include "sacjc/log.h"
#include "sacjc/sha256.h"
#include "sacjc/signature.h"

namespace sacjc {
namespace {

constexpr char kMagic[8] = {'S', 'A', 'C', 'J', 'C', '-', 'F', 'P'};
constexpr std::size_t kDigestSize = 64;
static_assert(sizeof(float) == 4, "fingerprints store float32");

class Writer {
 public:
  void bytes(const void* data, std::size_t size) { out_.append(static_cast<const char*>(data), size); }
  void u32(std::uint32_t v) { bytes(&v, 4); }
  void u64(std::uint64_t v) { bytes(&v, 8); }
  void section(const char* tag, const std::string& payload) {
    bytes(tag, 4);
    u64(payload.size());
    out_ += payload;
  }
  std::string& str() { return out_; }

 private:
  std::string out_;
};

// Bounds-checked reads from a byte range; running past the end is a bad-input Error.
class Reader {
 public:
  Reader(const std::uint8_t* data, std::size_t size, const std::string& name)
      : p_(data), end_(data + size), name_(name) {}
  const std::uint8_t* take(std::uint64_t size, const char* what) {
    if (size > static_cast<std::uint64_t>(end_ - p_))
      throw bad_input(name_, std::string("malformed fingerprint: ") + what + " runs past its section");
    const std::uint8_t* at = p_;
    p_ += size;
    return at;
  }
  std::uint32_t u32(const char* what) {
    std::uint32_t v;
    std::memcpy(&v, take(4, what), 4);
    return v;
  }
  std::uint64_t u64(const char* what) {
    std::uint64_t v;
    std::memcpy(&v, take(8, what), 8);
    return v;
  }
  bool done() const { return p_ == end_; }
  std::string rest() {
    std::string text(reinterpret_cast<const char*>(p_), end_ - p_);
    p_ = end_;
    return text;
  }
  // The next section's payload, which must carry `tag`.
  Reader section(const char* tag) {
    const std::uint8_t* at = take(4, "a section tag");
    if (std::memcmp(at, tag, 4) != 0)
      throw bad_input(name_, std::string("malformed fingerprint: expected section ") + tag);
    std::uint64_t size = u64(tag);
    return Reader(take(size, tag), size, name_);
  }

 private:
  const std::uint8_t* p_;
  const std::uint8_t* end_;
  const std::string& name_;
};

std::string images_payload(const std::vector<std::vector<std::uint8_t>>& images) {
  Writer w;
  w.u32(static_cast<std::uint32_t>(images.size()));
  for (const auto& image : images) {
    w.u32(static_cast<std::uint32_t>(image.size()));
    w.bytes(image.data(), image.size());
  }
  return w.str();
}

std::vector<std::vector<std::uint8_t>> read_images(Reader r, const std::string& name) {
  std::uint32_t count = r.u32("image count");
  std::vector<std::vector<std::uint8_t>> images;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t size = r.u32("image size");
    const std::uint8_t* data = r.take(size, "an image");
    images.emplace_back(data, data + size);
  }
  if (!r.done()) throw bad_input(name, "malformed fingerprint: extra bytes after the images");
  return images;
}

std::string matrix_payload(const float* data, std::uint32_t rows, std::uint32_t cols, bool square) {
  Writer w;
  w.u32(rows);
  if (!square) w.u32(cols);
  w.bytes(data, sizeof(float) * rows * cols);
  return w.str();
}

// Reads rows x cols float32 (square: one size field) into `out`, which is resized.
void read_matrix(Reader r, bool square, Outputs& out, const std::string& name) {
  std::uint64_t rows = r.u32("matrix size"), cols = square ? rows : r.u32("matrix size");
  const std::uint8_t* data = r.take(rows * cols * sizeof(float), "a matrix");
  if (!r.done()) throw bad_input(name, "malformed fingerprint: extra bytes after a matrix");
  out.resize(rows, cols);
  std::memcpy(out.data(), data, rows * cols * sizeof(float));
  if (!out.allFinite()) throw bad_input(name, "malformed fingerprint: a stored matrix holds NaN or Inf");
}

// The fingerprint's signature file must hold a signature of exactly `bytes` under the key.
void check_signature(const std::vector<std::uint8_t>& bytes, const std::string& path, const std::string& key_file) {
  const std::string key = read_ed25519_public_key(key_file);
  const std::string sig_path = signature_path(path);
  std::vector<std::uint8_t> signature;
  try {
    signature = read_file(sig_path);
  } catch (const Error& e) {
    throw bad_input(
        path, std::string("unsigned: no signature to check (") + e.what() + "); sign it with sacjc fingerprint --sign");
  }
  if (signature.size() != kSignatureSize)
    throw bad_input(path, "malformed signature " + sig_path + ": " + std::to_string(signature.size()) +
                              " bytes, where an Ed25519 signature has " + std::to_string(kSignatureSize));
  const std::string_view message(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  if (!verify_ed25519(message, {reinterpret_cast<const char*>(signature.data()), signature.size()}, key))
    throw bad_input(path, "signature " + sig_path + " does not verify with " + key_file +
                              ": the fingerprint changed after it was signed, or another key signed it");
  spdlog::info("{}: signature verified with {}", path, key_file);
}

}  // namespace

std::string serialize_fingerprint(const Fingerprint& fp) {
  Writer w;
  w.bytes(kMagic, sizeof kMagic);
  w.u32(kFingerprintVersion);
  w.section("META", format_fingerprint_meta(fp));
  w.section("PROB", images_payload(fp.probe_jpegs));
  w.section("REFS", images_payload(fp.reference_jpegs));
  w.section("FEAT", matrix_payload(fp.features.data(), fp.features.rows(), fp.features.cols(), false));
  Outputs matrix = fp.matrix;  // row-major, like the features
  w.section("CORR", matrix_payload(matrix.data(), matrix.rows(), matrix.cols(), true));
  Sha256 hash;
  hash.update(w.str());
  w.str() += hash.hex_digest();
  return w.str();
}

Fingerprint parse_fingerprint(const std::vector<std::uint8_t>& bytes, const std::string& name) {
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    throw bad_input(name, "not a sacjc fingerprint file");
  if (bytes.size() < sizeof kMagic + 4 + kDigestSize) throw bad_input(name, "fingerprint file is truncated");
  std::uint32_t version;
  std::memcpy(&version, bytes.data() + sizeof kMagic, 4);
  if (version > kFingerprintVersion)
    throw bad_input(name, "fingerprint format version " + std::to_string(version) +
                              " is newer than this sacjc reads (" + std::to_string(kFingerprintVersion) +
                              "); update sacjc");
  if (version == 0) throw bad_input(name, "fingerprint format version 0 does not exist; the file is corrupted");
  const std::size_t body = bytes.size() - kDigestSize;
  Sha256 hash;
  hash.update(bytes.data(), body);
  if (std::memcmp(hash.hex_digest().data(), bytes.data() + body, kDigestSize) != 0)
    throw bad_input(name, "fingerprint checksum mismatch: the file is truncated, corrupted or was modified");

  Fingerprint fp;
  Reader r(bytes.data() + sizeof kMagic + 4, body - sizeof kMagic - 4, name);
  parse_fingerprint_meta(r.section("META").rest(), name, fp);
  fp.probe_jpegs = read_images(r.section("PROB"), name);
  fp.reference_jpegs = read_images(r.section("REFS"), name);
  read_matrix(r.section("FEAT"), false, fp.features, name);
  Outputs matrix;
  read_matrix(r.section("CORR"), true, matrix, name);
  fp.matrix = matrix;
  if (!r.done()) throw bad_input(name, "malformed fingerprint: unknown data after the last section");

  const std::size_t n = fp.probe_jpegs.size();
  if (n < 2 || fp.probe_names.size() != n || fp.reference_names.size() != fp.reference_jpegs.size() ||
      static_cast<std::size_t>(fp.features.rows()) != n || static_cast<std::size_t>(fp.matrix.rows()) != n)
    throw bad_input(name, "malformed fingerprint: probe, feature and matrix counts disagree");
  if (!fp.probe_labels.empty() && fp.probe_labels.size() != n)
    throw bad_input(name, "malformed fingerprint: probe labels and probes disagree");
  if ((fp.mode == Mode::kFri) != !fp.reference_jpegs.empty())
    throw bad_input(name, "malformed fingerprint: reference images do not match the mode");
  return fp;
}

std::string signature_path(const std::string& fingerprint_path) { return fingerprint_path + ".sig"; }

Fingerprint read_fingerprint(const std::string& path, const std::string& public_key_file) {
  const std::vector<std::uint8_t> bytes = read_file(path);  // once: what is checked is what is parsed
  if (!public_key_file.empty()) check_signature(bytes, path, public_key_file);
  return parse_fingerprint(bytes, path);
}

void write_fingerprint(const std::string& path, const Fingerprint& fp, const std::string& private_key_file) {
  const std::string bytes = serialize_fingerprint(fp);
  // Signed before anything is written, so a bad key leaves no unsigned file behind.
  const std::string signature =
      private_key_file.empty() ? "" : sign_ed25519(bytes, read_ed25519_private_key(private_key_file));
  write_file_atomically(path, bytes, FileAccess::kOwnerOnly);
  if (!signature.empty()) write_file_atomically(signature_path(path), signature, FileAccess::kOwnerOnly);
}

bool is_fingerprint_file(const std::string& path) {
  char head[sizeof kMagic] = {};
  std::ifstream in(path, std::ios::binary);
  return in.read(head, sizeof head) && std::memcmp(head, kMagic, sizeof kMagic) == 0;
}

ProbeSet fingerprint_probes(const Fingerprint& fp, const std::string& name) {
  ProbeSet probes = probes_from_jpegs(fp.probe_names, fp.probe_jpegs, fp.probe_options, fp.probe_source);
  probes.labels = fp.probe_labels;
  if (fp.mode == Mode::kFri)
    attach_references(probes,
                      probes_from_jpegs(fp.reference_names, fp.reference_jpegs, fp.probe_options, fp.probe_source));
  if (probes.sha256 != fp.probe_sha256)
    throw bad_input(name,
                    "the stored probes do not match the fingerprint's probe hash (made by another sacjc "
                    "version, or decoded differently here); make the fingerprint again with this sacjc");
  return probes;
}

}  // namespace sacjc

// Fingerprint files (.sacfp): a Fingerprint (fingerprint.h) as bytes, read, written, signed and
// its probes rebuilt.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sacjc/fingerprint.h"
#include "sacjc/probes.h"

namespace sacjc {

// The file's bytes, and back. Anything truncated, corrupted, modified, of another format or of
// a newer version throws a bad-input Error naming `name`; nothing is trusted before the checksum.
// Files are named by their base name only (the victim, the probe directory, the labels file, a
// calibration's models): no path of the machine that wrote it; paths in older files are read.
std::string serialize_fingerprint(const Fingerprint& fingerprint);
Fingerprint parse_fingerprint(const std::vector<std::uint8_t>& bytes, const std::string& name);

// The detached signature of a fingerprint file: path + ".sig", the raw 64-byte Ed25519
// signature of every byte of the file (signature.h).
std::string signature_path(const std::string& fingerprint_path);

// Reads the file once. With a public key file (PEM), its signature is checked first, over
// exactly the bytes then parsed: a missing, malformed or failing signature is a bad-input Error
// naming the fingerprint, and a key file that is not an Ed25519 public key one naming the key.
Fingerprint read_fingerprint(const std::string& path, const std::string& public_key_file = "");

// Atomic, mode 0600. With a private key file (PEM), also writes signature_path(path), after the
// fingerprint; a key file that is not an Ed25519 private key is a bad-input Error naming it,
// thrown before anything is written.
void write_fingerprint(const std::string& path, const Fingerprint& fingerprint,
                       const std::string& private_key_file = "");

// True if the file starts like a fingerprint (what commands use to tell one from a model).
bool is_fingerprint_file(const std::string& path);

// The probes (with their references for --mode fri) rebuilt from the stored files. Throws a
// bad-input Error naming `name` if they do not decode to the pixels the fingerprint was made on.
ProbeSet fingerprint_probes(const Fingerprint& fingerprint, const std::string& name);

}  // namespace sacjc

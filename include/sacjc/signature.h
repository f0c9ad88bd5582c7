// Ed25519 signatures. Keys are PEM files as `openssl genpkey -algorithm ed25519` writes them
// (and `openssl pkey -pubout` for the public half); a signature is the raw 64 bytes that
// `openssl pkeyutl -sign -rawin` writes, so either side can be checked with the openssl tool.
// OpenSSL is included by src/signature_openssl.cpp only: keys cross this header as raw bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sacjc {

constexpr std::size_t kSignatureSize = 64;  // bytes of an Ed25519 signature
constexpr std::size_t kKeySize = 32;        // bytes of a raw Ed25519 key, private or public

// The raw key in a PEM file. A file that cannot be read, is encrypted, is not PEM, or holds
// another kind of key (RSA, EC; a public key where the private one is wanted, or the reverse)
// throws a bad-input Error naming it.
std::string read_ed25519_private_key(const std::string& pem_path);
std::string read_ed25519_public_key(const std::string& pem_path);

// `message`'s signature with a raw private key.
std::string sign_ed25519(std::string_view message, const std::string& private_key);

// Whether `signature` is `message`'s signature under a raw public key (one of another size
// is not).
bool verify_ed25519(std::string_view message, std::string_view signature, const std::string& public_key);

}  // namespace sacjc

// Keys for the signature tests: RFC 8032's Ed25519 test vectors (section 7.1, TESTs 1 and 2),
// written as PEM files the way `openssl genpkey -algorithm ed25519` and `openssl pkey -pubout`
// write them, plus keys of other kinds. Every private key here is public knowledge.
#pragma once

#include <fstream>
#include <string>

namespace sacjc {

inline std::string from_hex(const std::string& hex) {
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return bytes;
}

struct TestVector {
  std::string private_key, public_key, message, signature;  // raw bytes
};

inline TestVector rfc8032_test(int number) {
  if (number == 1)
    return {from_hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"),
            from_hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"), "",
            from_hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9"
                     "b46bd25bf5f0595bbe24655141438e7a100b")};
  return {from_hex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"),
          from_hex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"), from_hex("72"),
          from_hex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f1"
                   "1d8c387b2eaeb4302aeeb00d291612bb0c00")};
}

inline std::string base64(const std::string& bytes) {
  static const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 2]);
    out += digits[v >> 18 & 63];
    out += digits[v >> 12 & 63];
    out += i + 1 < bytes.size() ? digits[v >> 6 & 63] : '=';
    out += i + 2 < bytes.size() ? digits[v & 63] : '=';
  }
  return out;
}

inline std::string pem(const std::string& label, const std::string& der) {
  return "-----BEGIN " + label + "-----\n" + base64(der) + "\n-----END " + label + "-----\n";
}

// PKCS#8 and SubjectPublicKeyInfo around a raw key: the fixed DER prefixes of RFC 8410.
inline std::string ed25519_private_pem(const std::string& raw) {
  return pem("PRIVATE KEY", from_hex("302e020100300506032b657004220420") + raw);
}
inline std::string ed25519_public_pem(const std::string& raw) {
  return pem("PUBLIC KEY", from_hex("302a300506032b6570032100") + raw);
}
// An X25519 key (for key exchange, not signing): 32 bytes like Ed25519's, easily mixed up.
inline std::string x25519_private_pem() {
  return pem("PRIVATE KEY", from_hex("302e020100300506032b656e04220420") + std::string(32, '\x07'));
}

// An RSA-1024 public key (`openssl pkey -pubout` of a throwaway key).
inline const char* kRsaPublicPem =
    "-----BEGIN PUBLIC KEY-----\n"
    "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC/ghsOG7xFc4uNCtp5287P/QhW\n"
    "D0mAVL0/jrGuIdj9Ftt53ZLWq5+HlZHyNx1vS1Ic//cKQjt6bZr2CEUELUXnqebi\n"
    "0H76FXVOrNQ0Mab2uvnPJF9BgS8KsAQt8nR2ZsHTNj+H6d5lCZk4AmSM4ElyaHWf\n"
    "TTAbQ3IQ3Ww16TOHHwIDAQAB\n"
    "-----END PUBLIC KEY-----\n";

// RFC 8032 TEST 1's private key encrypted with the passphrase "test" (`openssl pkey -aes256`).
inline const char* kEncryptedPem =
    "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
    "MIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAhPcKumwZ91UQICCAAw\n"
    "DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEAoaRwXhatlyq3Nmp8LmxKMEQNBX\n"
    "tn06fqwLq1fIQcOYeKCNYGJW5+J+qzFxIViZG4Sy1ZgYuqqbgaimjR3hKjWxJ3ba\n"
    "STbNQWxZECWKK3ZNFnY=\n"
    "-----END ENCRYPTED PRIVATE KEY-----\n";

// Writes `text` to `path` and returns the path.
inline std::string write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace sacjc

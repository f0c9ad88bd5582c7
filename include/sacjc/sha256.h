// SHA-256 (FIPS 180-4), for identifying model files and probe sets in reports.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace sacjc {

// An incremental SHA-256 (OpenSSL underneath, seen only by sha256_openssl.cpp).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  void update(const void* data, std::size_t size);
  void update(const std::string& text) { update(text.data(), text.size()); }
  std::string hex_digest();  // finishes the hash; call once

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

// SHA-256 of a file's contents, hex; throws a bad-input Error naming the file if unreadable.
std::string sha256_file(const std::string& path);

}  // namespace sacjc

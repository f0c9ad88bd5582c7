// SHA-256 (FIPS 180-4), for identifying model files and probe sets in reports.
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace sacjc {

class Sha256 {
 public:
  Sha256();
  void update(const void* data, std::size_t size);
  void update(const std::string& text) { update(text.data(), text.size()); }
  std::string hex_digest();  // finishes the hash; call once

 private:
  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

// Uses the CPU's SHA instructions where it has them (x86 SHA extensions), else portable code;
// `allowed = false` forces the portable code (for tests). Returns whether hardware is in use.
bool sha256_use_hardware(bool allowed);

// SHA-256 of a file's contents, hex; throws a bad-input Error naming the file if unreadable.
std::string sha256_file(const std::string& path);

}  // namespace sacjc

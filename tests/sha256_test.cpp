#include "sacjc/sha256.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "sacjc/error.h"

namespace sacjc {
namespace {

std::string digest(const std::string& text) {
  Sha256 hash;
  hash.update(text);
  return hash.hex_digest();
}

TEST(Sha256Test, MatchesFipsVectors) {
  EXPECT_EQ(digest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256Test, SplitUpdatesEqualOneUpdate) {
  std::string million(1000000, 'a');
  Sha256 hash;
  for (std::size_t i = 0; i < million.size(); i += 999) hash.update(million.substr(i, 999));
  EXPECT_EQ(hash.hex_digest(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// Bytes i * 7919 mod 251 for i = 0, 1, ...: no period that lines up with 64-byte blocks.
std::string pattern_bytes(std::size_t size) {
  std::string bytes(size, '\0');
  for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>(i * 7919 % 251);
  return bytes;
}

// The expected digests here come from coreutils' sha256sum, an implementation of its own.
TEST(Sha256Test, EverySplitAroundBlockBoundariesGivesTheKnownDigest) {
  const std::string text = pattern_bytes(5000);
  for (std::size_t split : {1, 55, 56, 63, 64, 65, 1000, 5000}) {
    Sha256 hash;
    for (std::size_t i = 0; i < text.size(); i += split) hash.update(text.substr(i, split));
    EXPECT_EQ(hash.hex_digest(), "c1b9a63faf11c93efea69b52a24a50e6685b6fef190a6bd818a6f6c238656d6a") << split;
  }
}

// sha256_file reads in 1 MiB chunks; a file of three and a bit chunks hashes as sha256sum says.
TEST(Sha256Test, HashesFilesLongerThanOneReadChunk) {
  const std::string path = testing::TempDir() + "sha256_test_large.bin";
  std::ofstream(path, std::ios::binary) << pattern_bytes(3 * (1 << 20) + 17);
  EXPECT_EQ(sha256_file(path), "74ae7252c6fda7752946733d85fb36fac2d0b419a57ba264413638d24595bc4c");
  std::remove(path.c_str());
}

TEST(Sha256Test, HashesFiles) {
  std::string path = testing::TempDir() + "sha256_test.txt";
  std::ofstream(path) << "abc";
  EXPECT_EQ(sha256_file(path), digest("abc"));
  std::remove(path.c_str());
  EXPECT_THROW(sha256_file(path), Error);
}

}  // namespace
}  // namespace sacjc

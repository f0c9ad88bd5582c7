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

// Both implementations (hardware and portable) give the known digests, for every split.
TEST(Sha256Test, HardwareAndPortableAgree) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += static_cast<char>(i * 7919 % 251);
  for (bool hardware : {true, false}) {
    sha256_use_hardware(hardware);
    EXPECT_EQ(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(digest(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    for (std::size_t split : {1, 63, 64, 65, 1000}) {
      Sha256 hash;
      for (std::size_t i = 0; i < text.size(); i += split) hash.update(text.substr(i, split));
      EXPECT_EQ(hash.hex_digest(), digest(text)) << split;
    }
  }
  sha256_use_hardware(false);
  std::string portable = digest(text);
  bool hardware = sha256_use_hardware(true);
  EXPECT_EQ(digest(text), portable) << "hardware in use: " << hardware;
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

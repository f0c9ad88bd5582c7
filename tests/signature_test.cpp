#include "sacjc/signature.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "sacjc/error.h"
#include "test_keys.h"

namespace sacjc {
namespace {

namespace fs = std::filesystem;

// A directory of the test's own (CTest runs the tests in parallel).
std::string key_dir() {
  std::string dir = testing::TempDir() + "signature_" + testing::UnitTest::GetInstance()->current_test_info()->name();
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// The message of the bad-input Error `read` throws, or "" if it throws none.
template <typename F>
std::string error_of(F read) {
  try {
    read();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadInput);
    return e.what();
  }
  return "";
}

TEST(SignatureTest, SignaturesAreRfc8032s) {
  for (int test : {1, 2}) {
    TestVector v = rfc8032_test(test);
    EXPECT_EQ(sign_ed25519(v.message, v.private_key), v.signature) << "TEST " << test;
    EXPECT_TRUE(verify_ed25519(v.message, v.signature, v.public_key)) << "TEST " << test;
  }
}

TEST(SignatureTest, AGoodSignatureOfAFileSizedMessageVerifies) {
  TestVector v = rfc8032_test(1);
  std::string message(100000, '\0');
  for (std::size_t i = 0; i < message.size(); ++i) message[i] = static_cast<char>(i * 7);
  EXPECT_TRUE(verify_ed25519(message, sign_ed25519(message, v.private_key), v.public_key));
}

TEST(SignatureTest, OneFlippedByteOfTheMessageIsRefused) {
  TestVector v = rfc8032_test(1);
  const std::string message = "SACJC-FP and some bytes of a fingerprint";
  const std::string signature = sign_ed25519(message, v.private_key);
  for (std::size_t at = 0; at < message.size(); ++at) {
    std::string changed = message;
    changed[at] ^= 0x01;
    EXPECT_FALSE(verify_ed25519(changed, signature, v.public_key)) << "byte " << at;
  }
  EXPECT_FALSE(verify_ed25519(message + "x", signature, v.public_key));
}

TEST(SignatureTest, AnotherKeysSignatureIsRefused) {
  TestVector one = rfc8032_test(1), two = rfc8032_test(2);
  const std::string message = "fingerprint";
  EXPECT_FALSE(verify_ed25519(message, sign_ed25519(message, two.private_key), one.public_key));
}

TEST(SignatureTest, DamagedOrTruncatedSignaturesAreRefused) {
  TestVector v = rfc8032_test(2);
  EXPECT_FALSE(verify_ed25519(v.message, v.signature.substr(0, 63), v.public_key));
  EXPECT_FALSE(verify_ed25519(v.message, "", v.public_key));
  EXPECT_FALSE(verify_ed25519(v.message, v.signature + "x", v.public_key));
  for (std::size_t at = 0; at < v.signature.size(); at += 7) {
    std::string flipped = v.signature;
    flipped[at] ^= 0x40;
    EXPECT_FALSE(verify_ed25519(v.message, flipped, v.public_key)) << "byte " << at;
  }
}

TEST(SignatureTest, PemKeysReadToTheirRawBytes) {
  const std::string dir = key_dir();
  TestVector v = rfc8032_test(2);
  EXPECT_EQ(read_ed25519_private_key(write_text(dir + "/key.pem", ed25519_private_pem(v.private_key))), v.private_key);
  EXPECT_EQ(read_ed25519_public_key(write_text(dir + "/pub.pem", ed25519_public_pem(v.public_key))), v.public_key);
}

TEST(SignatureTest, KeyFilesOfAnotherKindAreRefusedNamingThem) {
  const std::string dir = key_dir();
  TestVector v = rfc8032_test(1);
  const std::string rsa = write_text(dir + "/rsa.pem", kRsaPublicPem);
  EXPECT_NE(error_of([&] { read_ed25519_public_key(rsa); }).find(rsa + ": holds a key of type RSA, not Ed25519"),
            std::string::npos);
  const std::string x25519 = write_text(dir + "/x25519.pem", x25519_private_pem());
  EXPECT_NE(error_of([&] { read_ed25519_private_key(x25519); }).find(x25519 + ": holds a key of type X25519"),
            std::string::npos);
  const std::string private_key = write_text(dir + "/key.pem", ed25519_private_pem(v.private_key));
  EXPECT_NE(error_of([&] { read_ed25519_public_key(private_key); }).find(private_key + ": is a private key"),
            std::string::npos);
  const std::string public_key = write_text(dir + "/pub.pem", ed25519_public_pem(v.public_key));
  EXPECT_NE(error_of([&] { read_ed25519_private_key(public_key); }).find(public_key + ": is a public key"),
            std::string::npos);
  const std::string encrypted = write_text(dir + "/encrypted.pem", kEncryptedPem);
  EXPECT_NE(error_of([&] { read_ed25519_private_key(encrypted); }).find(encrypted + ": is an encrypted private key"),
            std::string::npos);
  const std::string garbage = write_text(dir + "/garbage.pem", "not a key\n");
  EXPECT_NE(error_of([&] { read_ed25519_public_key(garbage); }).find(garbage + ": is not a PEM key file"),
            std::string::npos);
  const std::string damaged =
      write_text(dir + "/damaged.pem", "-----BEGIN PUBLIC KEY-----\nMCowBQ==\n-----END PUBLIC KEY-----\n");
  EXPECT_NE(error_of([&] { read_ed25519_public_key(damaged); }).find(damaged + ": holds no PEM public key"),
            std::string::npos);
  EXPECT_NE(error_of([&] { read_ed25519_public_key(dir + "/missing.pem"); }).find(dir + "/missing.pem: cannot open"),
            std::string::npos);
}

}  // namespace
}  // namespace sacjc

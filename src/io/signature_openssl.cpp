// Ed25519 through OpenSSL 3's EVP interface: PEM keys are read with PEM_read_bio_*, and signing
// and checking are one-shot EVP_DigestSign/EVP_DigestVerify calls with no digest (Ed25519 hashes
// the message itself). Keys leave this file as raw bytes, so no OpenSSL type is seen elsewhere.
// OpenSSL's error queue is cleared after every failure, and its messages never reach the user:
// each failure is one line naming the key file and saying what it holds instead.
#include "sacjc/signature.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

#include "sacjc/error.h"
#include "sacjc/files.h"

namespace sacjc {
namespace {

constexpr std::size_t kLargestKeyFile = 1 << 20;  // bytes; a PEM Ed25519 key has about 120

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Context = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

// Refuses every passphrase request: OpenSSL's default would prompt on the terminal.
int no_passphrase(char*, int, int, void*) { return -1; }

Key pem_key(const std::string& pem, bool private_key) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
  if (!bio) throw Error(ExitCode::kInternal, "OpenSSL cannot allocate a buffer");
  Key key(private_key ? PEM_read_bio_PrivateKey(bio.get(), nullptr, no_passphrase, nullptr)
                      : PEM_read_bio_PUBKEY(bio.get(), nullptr, no_passphrase, nullptr),
          &EVP_PKEY_free);
  ERR_clear_error();
  return key;
}

// What a PEM file that is not the wanted kind of key holds instead, for the error message.
std::string why_not(const std::string& pem, bool private_key) {
  if (pem.find("ENCRYPTED") != std::string::npos)
    return "is an encrypted private key; sacjc asks for no passphrase (decrypt a copy with openssl pkey)";
  if (pem.find("-----BEGIN") == std::string::npos) return "is not a PEM key file";
  if (pem_key(pem, !private_key))
    return private_key ? "is a public key; --sign needs the private key"
                       : "is a private key; give its public half (openssl pkey -in KEY.pem -pubout)";
  return std::string("holds no PEM ") + (private_key ? "private" : "public") + " key OpenSSL can read";
}

std::string read_key(const std::string& path, bool private_key) {
  const std::vector<std::uint8_t> bytes = read_file(path);
  if (bytes.size() > kLargestKeyFile) throw bad_input(path, "is too large to be a key file");
  const std::string pem(bytes.begin(), bytes.end());
  Key key = pem_key(pem, private_key);
  if (!key) throw bad_input(path, why_not(pem, private_key));
  if (EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519) {
    const char* type = EVP_PKEY_get0_type_name(key.get());
    throw bad_input(path, std::string("holds a key of type ") + (type ? type : "unknown") +
                              ", not Ed25519 (make one with openssl genpkey -algorithm ed25519)");
  }
  std::string raw(kKeySize, '\0');
  std::size_t size = raw.size();
  auto* out = reinterpret_cast<unsigned char*>(raw.data());
  if ((private_key ? EVP_PKEY_get_raw_private_key(key.get(), out, &size)
                   : EVP_PKEY_get_raw_public_key(key.get(), out, &size)) != 1 ||
      size != kKeySize) {
    ERR_clear_error();
    throw bad_input(path, "holds an Ed25519 key OpenSSL cannot export");
  }
  return raw;
}

Key raw_key(const std::string& raw, bool private_key) {
  if (raw.size() != kKeySize) throw Error(ExitCode::kInternal, "an Ed25519 key must have 32 bytes");
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  Key key(private_key ? EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes, raw.size())
                      : EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes, raw.size()),
          &EVP_PKEY_free);
  ERR_clear_error();
  if (!key) throw Error(ExitCode::kInternal, "OpenSSL refused a raw Ed25519 key");
  return key;
}

const unsigned char* bytes_of(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }

}  // namespace

std::string read_ed25519_private_key(const std::string& pem_path) { return read_key(pem_path, true); }

std::string read_ed25519_public_key(const std::string& pem_path) { return read_key(pem_path, false); }

std::string sign_ed25519(std::string_view message, const std::string& private_key) {
  Key key = raw_key(private_key, true);
  Context context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  std::string signature(kSignatureSize, '\0');
  std::size_t size = signature.size();
  const bool signed_ok = context && EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
                         EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                                        bytes_of(message), message.size()) == 1;
  ERR_clear_error();
  if (!signed_ok || size != kSignatureSize) throw Error(ExitCode::kInternal, "OpenSSL could not sign with Ed25519");
  return signature;
}

bool verify_ed25519(std::string_view message, std::string_view signature, const std::string& public_key) {
  if (signature.size() != kSignatureSize) return false;
  Key key = raw_key(public_key, false);
  Context context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (!context) throw Error(ExitCode::kInternal, "OpenSSL cannot allocate a context");
  const bool valid =
      EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
      EVP_DigestVerify(context.get(), bytes_of(signature), signature.size(), bytes_of(message), message.size()) == 1;
  ERR_clear_error();
  return valid;
}

}  // namespace sacjc

// SHA-256 through OpenSSL's EVP interface, which uses the CPU's SHA instructions where it has
// them. OpenSSL has two small files, this and signature_openssl.cpp, rather than one: hashing
// and signing are separate concerns with separate headers and tests, and each file keeps its
// OpenSSL types and failures to itself. The digest is fetched once and shared by every thread
// (an EVP_MD is read-only once fetched).
#include "sacjc/sha256.h"

#include <openssl/err.h>
#include <openssl/evp.h>

#include <fstream>
#include <new>
#include <vector>

#include "sacjc/error.h"

namespace sacjc {
namespace {

const EVP_MD* sha256_digest() {
  static const EVP_MD* digest = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (!digest) throw Error(ExitCode::kInternal, "OpenSSL has no SHA-256");
  return digest;
}

// OpenSSL fails here only without memory; its queue holds nothing worth showing the user.
void check(int ok) {
  if (ok == 1) return;
  ERR_clear_error();
  throw std::bad_alloc();
}

}  // namespace

struct Sha256::Context {
  EVP_MD_CTX* evp = EVP_MD_CTX_new();
  ~Context() { EVP_MD_CTX_free(evp); }
};

Sha256::Sha256() : context_(std::make_unique<Context>()) {
  if (!context_->evp) throw std::bad_alloc();
  check(EVP_DigestInit_ex(context_->evp, sha256_digest(), nullptr));
}

Sha256::~Sha256() = default;

void Sha256::update(const void* data, std::size_t size) { check(EVP_DigestUpdate(context_->evp, data, size)); }

std::string Sha256::hex_digest() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  check(EVP_DigestFinal_ex(context_->evp, digest, &size));
  static const char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) hex += {kDigits[digest[i] >> 4], kDigits[digest[i] & 15]};
  return hex;
}

std::string sha256_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw bad_input(path, "cannot open file");
  Sha256 hash;
  std::vector<char> chunk(1 << 20);
  while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) hash.update(chunk.data(), in.gcount());
  if (in.bad()) throw bad_input(path, "read error");
  return hash.hex_digest();
}

}  // namespace sacjc

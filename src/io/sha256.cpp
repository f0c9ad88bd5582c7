// A plain SHA-256 after FIPS 180-4, so reports can name model files by content without pulling
// in a crypto library.
#include "sacjc/sha256.h"

#include <algorithm>
#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif
#include <cstdio>
#include <cstring>
#include <fstream>
#include <vector>

#include "sacjc/error.h"

namespace sacjc {
namespace {

constexpr std::uint32_t kRound[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void compress_portable(std::uint32_t* state, const std::uint8_t* block, std::size_t blocks) {
  for (; blocks > 0; --blocks, block += 64) {
    std::uint32_t w[64];
    for (int i = 0; i < 16; ++i)
      w[i] = (std::uint32_t(block[4 * i]) << 24) | (std::uint32_t(block[4 * i + 1]) << 16) |
             (std::uint32_t(block[4 * i + 2]) << 8) | std::uint32_t(block[4 * i + 3]);
    for (int i = 16; i < 64; ++i) {
      std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6],
                  h = state[7];
    for (int i = 0; i < 64; ++i) {
      std::uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + kRound[i] + w[i];
      std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    state[0] += a, state[1] += b, state[2] += c, state[3] += d;
    state[4] += e, state[5] += f, state[6] += g, state[7] += h;
  }
}

#if defined(__x86_64__)
// The same with the x86 SHA extensions (about 8 times faster): each sha256rnds2 does two
// rounds on the state held as ABEF / CDGH; msg1/msg2 extend the message schedule 4 words at a time.
__attribute__((target("sha,sse4.1,ssse3"))) void compress_x86(std::uint32_t* state, const std::uint8_t* block,
                                                              std::size_t blocks) {
  const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i dcba = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state)), 0xB1);  // CDAB
  __m128i hgfe = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state + 4)), 0x1B);  // EFGH
  __m128i abef = _mm_alignr_epi8(dcba, hgfe, 8);
  __m128i cdgh = _mm_blend_epi16(hgfe, dcba, 0xF0);
  for (; blocks > 0; --blocks, block += 64) {
    const __m128i abef_start = abef, cdgh_start = cdgh;
    __m128i w[4];
    for (int j = 0; j < 4; ++j)
      w[j] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * j)), byte_swap);
    for (int j = 0; j < 16; ++j) {
      __m128i message = _mm_add_epi32(w[j % 4], _mm_loadu_si128(reinterpret_cast<const __m128i*>(kRound + 4 * j)));
      cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message);
      abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(message, 0x0E));
      if (j < 12) {  // words 4(j+4) .. 4(j+4)+3 of the schedule replace those just used
        __m128i next = _mm_sha256msg1_epu32(w[j % 4], w[(j + 1) % 4]);
        next = _mm_add_epi32(next, _mm_alignr_epi8(w[(j + 3) % 4], w[(j + 2) % 4], 4));
        w[j % 4] = _mm_sha256msg2_epu32(next, w[(j + 3) % 4]);
      }
    }
    abef = _mm_add_epi32(abef, abef_start);
    cdgh = _mm_add_epi32(cdgh, cdgh_start);
  }
  __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state), _mm_blend_epi16(feba, dchg, 0xF0));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state + 4), _mm_alignr_epi8(dchg, feba, 8));
}
#endif

using CompressFunction = void (*)(std::uint32_t*, const std::uint8_t*, std::size_t);

CompressFunction best_compress() {
#if defined(__x86_64__)
  unsigned eax, ebx, ecx, edx;
  const bool sse41 = __get_cpuid(1, &eax, &ebx, &ecx, &edx) && (ecx & bit_SSE4_1);
  const bool sha = __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) && (ebx & bit_SHA);
  if (sse41 && sha) return compress_x86;
#endif
  return compress_portable;
}

CompressFunction compress_blocks = best_compress();

}  // namespace

bool sha256_use_hardware(bool allowed) {
  compress_blocks = allowed ? best_compress() : compress_portable;
  return compress_blocks != compress_portable;
}

Sha256::Sha256()
    : state_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
             0x5be0cd19} {}

void Sha256::update(const void* data, std::size_t size) {
  const auto* bytes = static_cast<const std::uint8_t*>(data);
  total_bytes_ += size;
  if (buffered_ > 0) {  // top up the partial block first
    std::size_t take = std::min(size, buffer_.size() - buffered_);
    std::memcpy(buffer_.data() + buffered_, bytes, take);
    buffered_ += take, bytes += take, size -= take;
    if (buffered_ < buffer_.size()) return;
    compress_blocks(state_.data(), buffer_.data(), 1);
    buffered_ = 0;
  }
  compress_blocks(state_.data(), bytes, size / 64);  // whole blocks straight from the input
  std::memcpy(buffer_.data(), bytes + size / 64 * 64, size % 64);
  buffered_ = size % 64;
}

std::string Sha256::hex_digest() {
  std::uint64_t bits = total_bytes_ * 8;
  std::uint8_t pad[72] = {0x80};
  std::size_t pad_size = (buffered_ < 56 ? 56 : 120) - buffered_;
  for (int i = 0; i < 8; ++i) pad[pad_size + i] = std::uint8_t(bits >> (56 - 8 * i));
  update(pad, pad_size + 8);
  std::string hex;
  char digits[9];
  for (std::uint32_t word : state_) std::snprintf(digits, sizeof digits, "%08x", word), hex += digits;
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

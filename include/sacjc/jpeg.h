// JPEG encoding and decoding of RGB images: the "JC" of SAC-JC. Implemented with libjpeg-turbo's
// TurboJPEG API (src/jpeg_turbojpeg.cpp), the only file that includes it.
#pragma once

#include <cstdint>
#include <vector>

#include "sacjc/image.h"

namespace sacjc {

// Baseline JPEG with 4:2:0 chroma subsampling and the accurate integer DCT (as libjpeg and
// Pillow use by default). quality is 1..100.
std::vector<std::uint8_t> encode_jpeg(const Image& image, int quality);

// Decodes a JPEG to RGB (accurate IDCT, smooth upsampling); `name` is used in error messages.
Image decode_jpeg(const std::vector<std::uint8_t>& jpeg, const std::string& name);

// True if the bytes start with a JPEG start-of-image marker.
bool looks_like_jpeg(const std::vector<std::uint8_t>& bytes);

// The width and height a JPEG's header declares, read without decoding (so a caller can refuse
// a decompression bomb before its pixels are allocated); throws a bad-input Error naming the
// file if there is no readable header.
ImageSize jpeg_size(const std::vector<std::uint8_t>& jpeg, const std::string& name);

// Decodes the whole file strictly, in whatever colour space it holds (CMYK too), and throws a
// bad-input Error naming it on any damage a lenient decoder would paper over (truncation,
// corrupt entropy data). It allocates the pixels the header declares: check jpeg_size first.
void check_jpeg_integrity(const std::vector<std::uint8_t>& jpeg, const std::string& name);

// encode_jpeg followed by decode_jpeg: the lossy round trip that makes a probe.
Image jpeg_round_trip(const Image& image, int quality);

}  // namespace sacjc

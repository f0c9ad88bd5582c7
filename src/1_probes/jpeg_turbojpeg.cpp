// JPEG through TurboJPEG's tj* API (libjpeg-turbo 2.1). One compressor and one decompressor
// handle per thread are reused, because creating a handle costs more than coding a small image.
#include "sacjc/jpeg.h"

#include <turbojpeg.h>

#include <memory>
#include <new>
#include <string>

#include "sacjc/error.h"

namespace sacjc {
namespace {

struct HandleCloser {
  void operator()(void* handle) const { tjDestroy(handle); }
};
using Handle = std::unique_ptr<void, HandleCloser>;

void* compressor() {
  thread_local Handle handle(tjInitCompress());
  if (!handle) throw Error(ExitCode::kInternal, "TurboJPEG: cannot create a compressor");
  return handle.get();
}

void* decompressor() {
  thread_local Handle handle(tjInitDecompress());
  if (!handle) throw Error(ExitCode::kInternal, "TurboJPEG: cannot create a decompressor");
  return handle.get();
}

// libjpeg reports running out of memory like any other error; make it read as out of memory
// (exit 4) rather than as a damaged file.
[[noreturn]] void fail(void* handle, ExitCode code, const std::string& name, const std::string& what) {
  std::string message = tjGetErrorStr2(handle);
  if (message.find("emory") != std::string::npos) throw std::bad_alloc();
  throw Error(code, name + ": " + what + ": " + message);
}

}  // namespace

std::vector<std::uint8_t> encode_jpeg(const Image& image, int quality) {
  if (quality < 1 || quality > 100)
    throw Error(ExitCode::kUsage, "JPEG quality must be 1..100, got " + std::to_string(quality));
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  void* handle = compressor();
  int rc = tjCompress2(handle, image.rgb.data(), image.width, 0, image.height, TJPF_RGB, &buffer, &size, TJSAMP_420,
                       quality, TJFLAG_ACCURATEDCT);
  std::unique_ptr<unsigned char, decltype(&tjFree)> owned(buffer, &tjFree);
  if (rc != 0) fail(handle, ExitCode::kInternal, "TurboJPEG", "cannot encode");
  return std::vector<std::uint8_t>(buffer, buffer + size);
}

Image decode_jpeg(const std::vector<std::uint8_t>& jpeg, const std::string& name) {
  void* handle = decompressor();
  int width = 0, height = 0, subsampling = 0, colorspace = 0;
  if (tjDecompressHeader3(handle, jpeg.data(), jpeg.size(), &width, &height, &subsampling, &colorspace) != 0)
    fail(handle, ExitCode::kBadInput, name, "not a readable JPEG");
  Image image{height, width, std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height * 3)};
  if (tjDecompress2(handle, jpeg.data(), jpeg.size(), image.rgb.data(), width, 0, height, TJPF_RGB,
                    TJFLAG_ACCURATEDCT) != 0 &&
      tjGetErrorCode(handle) == TJERR_FATAL)
    fail(handle, ExitCode::kBadInput, name, "cannot decode JPEG");
  return image;
}

bool looks_like_jpeg(const std::vector<std::uint8_t>& bytes) {
  return bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;
}

ImageSize jpeg_size(const std::vector<std::uint8_t>& jpeg, const std::string& name) {
  void* handle = decompressor();
  int width = 0, height = 0, subsampling = 0, colorspace = 0;
  if (tjDecompressHeader3(handle, jpeg.data(), jpeg.size(), &width, &height, &subsampling, &colorspace) != 0)
    fail(handle, ExitCode::kBadInput, name, "damaged JPEG");
  return {height, width};
}

void check_jpeg_integrity(const std::vector<std::uint8_t>& jpeg, const std::string& name) {
  void* handle = decompressor();
  int width = 0, height = 0, subsampling = 0, colorspace = 0;
  if (tjDecompressHeader3(handle, jpeg.data(), jpeg.size(), &width, &height, &subsampling, &colorspace) != 0)
    fail(handle, ExitCode::kBadInput, name, "damaged JPEG");
  bool four_channels = colorspace == TJCS_CMYK || colorspace == TJCS_YCCK;
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * height * (four_channels ? 4 : 3));
  if (tjDecompress2(handle, jpeg.data(), jpeg.size(), pixels.data(), width, 0, height,
                    four_channels ? TJPF_CMYK : TJPF_RGB, TJFLAG_STOPONWARNING) != 0)
    fail(handle, ExitCode::kBadInput, name, "damaged JPEG");
}

Image jpeg_round_trip(const Image& image, int quality) {
  return decode_jpeg(encode_jpeg(image, quality), "JPEG round trip");
}

}  // namespace sacjc

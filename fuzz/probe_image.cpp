// Fuzzes probe image decoding: a seed file (JPEG checked strictly, PNG through libpng, BMP
// checked then OpenCV) made into a small probe.
#include "fuzz.h"
#include "sacjc/probes.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_parser(data, size, [](const std::vector<std::uint8_t>& bytes) {
    sacjc::Image seed = sacjc::decode_seed(bytes, "fuzz.img");
    if (static_cast<long>(seed.height) * seed.width > 4096L * 4096L) return;  // the decoder's limit, not ours
    sacjc::ProbeOptions options;
    options.height = options.width = 16;
    sacjc::make_probe(seed, options);
  });
}

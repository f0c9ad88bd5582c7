// Fuzzes the owner's labels file reader (--labels; scripts/fuzz.sh).
#include "fuzz.h"
#include "sacjc/selection.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<std::string> files = {"a.png", "b.jpg", "x,y.png", "t00001.png"};
  return fuzz_parser(data, size, [](const std::vector<std::uint8_t>& bytes) {
    sacjc::parse_labels(text_of(bytes), "fuzz.csv", files);
  });
}

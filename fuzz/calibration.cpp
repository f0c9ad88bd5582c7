// Fuzzes the calibration file reader (scripts/fuzz.sh).
#include "fuzz.h"
#include "sacjc/json_io.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_parser(data, size, [](const std::vector<std::uint8_t>& bytes) {
    sacjc::parse_calibration(text_of(bytes), "fuzz.json");
  });
}

// Fuzzes the .sacfp reader (scripts/fuzz.sh). Seeds: fuzz/corpus/fingerprint.
#include "fuzz.h"
#include "sacjc/fingerprint_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_parser(data, size,
                     [](const std::vector<std::uint8_t>& bytes) { sacjc::parse_fingerprint(bytes, "fuzz.sacfp"); });
}

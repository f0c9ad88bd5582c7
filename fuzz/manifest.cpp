// Fuzzes the zoo manifest reader (scripts/fuzz.sh).
#include "sacjc/manifest.h"
#include "fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_parser(data, size,
                     [](const std::vector<std::uint8_t>& bytes) { sacjc::parse_manifest(text_of(bytes), "fuzz.tsv"); });
}

// Fuzzes the CSV and .npy reader of --suspect-outputs (scripts/fuzz.sh).
#include "sacjc/suspect_outputs.h"
#include "fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_parser(data, size, [](const std::vector<std::uint8_t>& bytes) {
    sacjc::SuspectOutputs outputs = sacjc::parse_suspect_outputs(bytes, "fuzz.csv", 0);
    if (outputs.labels) sacjc::one_hot(outputs.values, 1000, "fuzz.csv");
  });
}

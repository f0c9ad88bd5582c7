// Fuzzes the model file format detection (src/io/model_format.cpp), which reads the bytes of
// every file under an audited directory in sacjc's own process (scripts/fuzz.sh).
#include "sacjc/model_format.h"
#include "fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_parser(data, size, [](const std::vector<std::uint8_t>& bytes) {
    sacjc::not_torchscript_reason(sacjc::model_format(bytes.data(), bytes.size()));
  });
}

// Fuzzes the audit log (JSONL) reader: the first line as a header, the rest as rows.
#include <sstream>

#include "fuzz.h"
#include "sacjc/json_io.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_parser(data, size, [](const std::vector<std::uint8_t>& bytes) {
    std::istringstream lines(text_of(bytes));
    std::string line;
    for (bool first = true; std::getline(lines, line); first = false) {
      if (first)
        sacjc::parse_audit_header(line, "fuzz.jsonl");
      else
        sacjc::parse_audit_row(line, "fuzz.jsonl");
    }
  });
}

// Shared by the libFuzzer targets: run a parser on the input; a bad-input Error is the parser
// doing its job, anything else (a crash, a sanitizer report, another exception) is a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sacjc/error.h"

template <typename Parse>
int fuzz_parser(const std::uint8_t* data, std::size_t size, Parse parse) {
  try {
    parse(std::vector<std::uint8_t>(data, data + size));
  } catch (const sacjc::Error& e) {
    if (e.code() != sacjc::ExitCode::kBadInput) throw;
  }
  return 0;
}

inline std::string text_of(const std::vector<std::uint8_t>& bytes) { return {bytes.begin(), bytes.end()}; }

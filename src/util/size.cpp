// The one size parser of the command line (size.h). Units are binary, as for ulimit, Docker
// and systemd: K = 1024 bytes.
#include "sacjc/size.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "sacjc/error.h"

namespace sacjc {
namespace {

constexpr long double kMaxBytes = 4611686018427387904.0L;  // 2^62

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// 1 for "b", 1024 for "k", "kb", "kib", ...; 0 for anything else.
long double unit_bytes(const std::string& unit) {
  static const char kPrefixes[] = "kmgt";
  if (unit == "b") return 1;
  for (int i = 0; i < 4; ++i) {
    const std::string p(1, kPrefixes[i]);
    if (unit == p || unit == p + "b" || unit == p + "ib") return std::pow(1024.0L, i + 1);
  }
  return 0;
}

Error not_a_size(const std::string& option, const std::string& text, const std::string& why) {
  const std::string shown = text.size() > 32 ? text.substr(0, 32) + "..." : text;
  return Error(ExitCode::kUsage, option + ": '" + shown + "' " + why);
}

}  // namespace

long long parse_size(const std::string& text, long long bare_unit, const std::string& option) {
  const std::string example = " (a number of bytes with an optional unit K, M, G or T, e.g. 512M or 2G)";
  std::size_t end = 0;
  while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.')) ++end;
  const std::string number = text.substr(0, end);
  if (number.empty() || number == "." || number.find('.') != number.rfind('.'))
    throw not_a_size(option, text, "is not a size" + example);
  const std::string unit = lower(text.substr(end));
  const long double scale = unit.empty() ? static_cast<long double>(bare_unit) : unit_bytes(unit);
  if (scale == 0) throw not_a_size(option, text, "has an unknown unit" + example);
  const long double bytes = std::strtold(number.c_str(), nullptr) * scale;
  if (!(bytes <= kMaxBytes)) throw not_a_size(option, text, "is too large (at most 4 EiB)");
  return static_cast<long long>(bytes);
}

std::string format_size(long long bytes) {
  static const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024) return fmt::format("{} bytes", bytes);
  long double value = bytes;
  int unit = -1;
  while (value >= 1024 && unit < 3) value /= 1024, ++unit;
  return fmt::format("{:.{}f} {}", static_cast<double>(value), value == std::floor(value) ? 0 : 1, kUnits[unit]);
}

}  // namespace sacjc

// JUnit XML, the test-report format GitLab, Jenkins and most CI systems read: one test suite
// per command, one test case per suspect (classname "sacjc.<command>", name the suspect's
// path). A stolen suspect is a failure, a suspect that could not be measured an error, and a
// model file sacjc cannot run (ONNX, a state_dict, ...) a skipped case. Names need not be
// UTF-8 and may hold control characters, which XML 1.0 cannot carry: they become U+FFFD.
#include <cstdint>
#include <string_view>

#include <fmt/format.h>

#include "sacjc/report.h"
#include "sacjc/version.h"

namespace sacjc {
namespace {

// The length of the valid UTF-8 sequence at the start of `text`, or 0.
std::size_t utf8_length(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 0;
  if (length == 0 || length > text.size()) return 0;
  std::uint32_t code = length == 1 ? lead : lead & (0x7f >> length);
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xc0) != 0x80) return 0;
    code = code << 6 | (byte(i) & 0x3f);
  }
  const bool overlong =
      (length == 2 && code < 0x80) || (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
  if (overlong || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code == 0xfffe || code == 0xffff) return 0;
  return length;
}

// `text` escaped for an XML attribute or element; what XML 1.0 cannot hold becomes U+FFFD.
std::string xml(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    const std::size_t length = utf8_length(text);
    const unsigned char c = static_cast<unsigned char>(text[0]);
    if (length == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
      out += "\xef\xbf\xbd";
      text.remove_prefix(1);
      continue;
    }
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += "&#9;";
        break;
      default:
        out.append(text.substr(0, length));
    }
    text.remove_prefix(length);
  }
  return out;
}

std::string property(const std::string& name, const std::string& value) {
  return "      <property name=\"" + xml(name) + "\" value=\"" + xml(value) + "\"/>\n";
}

std::string measured(const AuditHeader& h, const AuditRow& row) {
  return fmt::format("{} distance {:.6f} is {}below the threshold {:.6f}", h.metric, *row.distance,
                     row.verdict == "stolen" ? "" : "not ", h.threshold);
}

std::string test_case(const SuspectsReport& report, const AuditRow& row) {
  const AuditHeader& h = report.header;
  std::string text =
      "    <testcase classname=\"sacjc." + xml(report.command) + "\" name=\"" + xml(row.suspect) + "\">\n";
  if (row.verdict == "error")
    return text + "      <error type=\"error\" message=\"" + xml(row.error) + "\"/>\n    </testcase>\n";
  const bool failed = report.expect.empty() ? row.verdict == "stolen" : row.verdict != report.expect;
  const std::string details = measured(h, row) + "; suspect sha256 " + row.sha256;
  if (failed) {
    const std::string message = report.expect.empty()
                                    ? "stolen: a copy of " + h.victim + " (" + measured(h, row) + ")"
                                    : row.verdict + ", expected " + report.expect + " (" + measured(h, row) + ")";
    text += "      <failure type=\"" + xml(row.verdict) + "\" message=\"" + xml(message) + "\">" + xml(details) +
            "</failure>\n";
  }
  text += "      <system-out>" + xml(row.verdict + ": " + details) + "</system-out>\n";
  return text + "    </testcase>\n";
}

}  // namespace

std::string format_junit(const SuspectsReport& report) {
  const AuditHeader& h = report.header;
  std::size_t failures = 0, errors = 0, skipped = 0;
  std::string cases;
  for (const AuditRow& row : report.rows) {
    if (row.verdict == "error")
      ++errors;
    else if (report.expect.empty() ? row.verdict == "stolen" : row.verdict != report.expect)
      ++failures;
    cases += test_case(report, row);
  }
  for (const SkippedFile& f : report.skipped)
    if (f.model) {
      ++skipped;
      cases += "    <testcase classname=\"sacjc." + xml(report.command) + "\" name=\"" + xml(f.path) +
               "\">\n      <skipped message=\"" + xml(f.reason) + "\"/>\n    </testcase>\n";
    }
  const std::size_t tests = report.rows.size() + skipped;
  const std::string counts =
      fmt::format("tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\"", tests, failures, errors, skipped);
  std::string text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  text += "<testsuites name=\"sacjc " + xml(report.command) + "\" " + counts + ">\n";
  text += "  <testsuite name=\"sacjc " + xml(report.command) + " " + xml(h.victim) + "\" " + counts + ">\n";
  text += "    <properties>\n";
  text += property("sacjc_version", SACJC_VERSION);
  text += property("victim", h.victim);
  text += property("victim_sha256", h.victim_sha256);
  text += property("probe_sha256", h.probe_sha256);
  text += property("mode", h.mode);
  text += property("comparison", h.metric);
  text += property("threshold", fmt::format("{:.9g}", h.threshold));
  text += property("threshold_source", h.threshold_source);
  text += "    </properties>\n";
  return text + cases + "  </testsuite>\n</testsuites>\n";
}

}  // namespace sacjc

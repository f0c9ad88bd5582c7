// SARIF 2.1.0 (OASIS) for code-scanning dashboards: one run of the tool "sacjc" with one rule,
// "stolen-model", and one result per stolen suspect, located at the suspect file. What was
// measured (victim, probes, comparison, threshold) is the run's property bag; each result
// carries its distance, the threshold and the suspect's SHA-256, which is also its partial
// fingerprint, so a dashboard keeps one alert per file content across runs. Suspects that
// failed and model files sacjc cannot run are notifications of the invocation, not results.
// The JSON is composed here with json_string() for every string; tests/cli/sarif_check.py
// checks the output against the schema's required fields.
#include <cctype>
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "sacjc/json_io.h"
#include "sacjc/report.h"
#include "sacjc/version.h"

namespace sacjc {
namespace {

constexpr const char* kSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr const char* kRuleId = "stolen-model";

std::string number(double value) { return std::isfinite(value) ? fmt::format("{:.9g}", value) : "null"; }

// A file path as a URI reference: relative paths stay relative (to the directory sacjc ran in,
// which code scanning takes as the repository root), absolute ones become file:// URIs; every
// byte outside RFC 3986's unreserved set and '/' is percent-encoded.
std::string file_uri(const std::string& path) {
  std::string uri = path.rfind('/', 0) == 0 ? "file://" : "";
  std::string_view rest = path;
  while (rest.rfind("./", 0) == 0) rest.remove_prefix(2);
  for (unsigned char c : rest) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
      uri += static_cast<char>(c);
    else
      uri += fmt::format("%{:02X}", c);
  }
  return uri;
}

std::string location(const std::string& path, const std::string& indent) {
  return indent + "{\"physicalLocation\": {\"artifactLocation\": {\"uri\": " + json_string(file_uri(path)) + "}}}";
}

std::string rule() {
  return R"(          "rules": [
            {
              "id": "stolen-model",
              "name": "StolenModel",
              "shortDescription": {"text": "The suspect model is a copy of the victim model"},
              "fullDescription": {"text": "The suspect's sample-to-sample correlation matrix on the victim's JPEG-compressed probes is closer to the victim's than the threshold (SAC-JC): the suspect was derived from the victim (fine-tuned, pruned, quantised or distilled)."},
              "help": {"text": "Check where the suspect file came from. The distance, the threshold and the suspect's SHA-256 are in the result's properties; `sacjc verify VICTIM SUSPECT` prints the full report."},
              "defaultConfiguration": {"level": "error"}
            }
          ]
)";
}

std::string result(const SuspectsReport& report, const AuditRow& row) {
  const AuditHeader& h = report.header;
  const std::string message = row.suspect + " is a copy of " + h.victim + ": " + h.metric + " distance " +
                              fmt::format("{:.6f}", *row.distance) + " is below the threshold " +
                              fmt::format("{:.6f}", h.threshold);
  std::string text = "        {\n";
  text += std::string("          \"ruleId\": \"") + kRuleId + "\",\n          \"ruleIndex\": 0,\n";
  text += "          \"level\": \"error\",\n          \"kind\": \"fail\",\n";
  text += "          \"message\": {\"text\": " + json_string(message) + "},\n";
  text += "          \"locations\": [\n" + location(row.suspect, "            ") + "\n          ],\n";
  if (!row.sha256.empty())
    text += "          \"partialFingerprints\": {\"suspectSha256/v1\": " + json_string(row.sha256) + "},\n";
  text += "          \"properties\": {\n";
  text += "            \"distance\": " + number(*row.distance) + ",\n";
  text += "            \"threshold\": " + number(h.threshold) + ",\n";
  text += "            \"comparison\": " + json_string(h.metric) + ",\n";
  if (row.p_value) text += "            \"p_value\": " + number(*row.p_value) + ",\n";
  text += "            \"suspect_sha256\": " + json_string(row.sha256) + ",\n";
  text += "            \"victim_sha256\": " + json_string(h.victim_sha256) + ",\n";
  text += "            \"probe_sha256\": " + json_string(h.probe_sha256) + "\n";
  return text + "          }\n        }";
}

std::string notification(const std::string& level, const std::string& path, const std::string& message) {
  return "            {\"level\": \"" + level + "\", \"message\": {\"text\": " + json_string(path + ": " + message) +
         "}, \"locations\": [" + location(path, "") + "]}";
}

std::string invocation(const SuspectsReport& report) {
  std::vector<std::string> notes;
  bool errors = false;
  for (const AuditRow& row : report.rows)
    if (row.verdict == "error") {
      errors = true;
      notes.push_back(notification("error", row.suspect, row.error));
    }
  for (const SkippedFile& f : report.skipped)
    if (f.model) notes.push_back(notification("warning", f.path, "skipped: " + f.reason));
  std::string text = "      \"invocations\": [\n        {\n";
  text += std::string("          \"executionSuccessful\": ") + (errors ? "false" : "true");
  if (!notes.empty()) {
    text += ",\n          \"toolExecutionNotifications\": [\n";
    for (std::size_t i = 0; i < notes.size(); ++i) text += notes[i] + (i + 1 < notes.size() ? ",\n" : "\n");
    text += "          ]";
  }
  return text + "\n        }\n      ],\n";
}

std::string run_properties(const SuspectsReport& report) {
  const AuditHeader& h = report.header;
  std::size_t stolen = 0, independent = 0, errors = 0;
  for (const AuditRow& row : report.rows)
    (row.verdict == "stolen" ? stolen : row.verdict == "independent" ? independent : errors)++;
  std::string text = "      \"properties\": {\n";
  text += "        \"command\": " + json_string(report.command) + ",\n";
  text += "        \"victim\": " + json_string(h.victim) + ",\n";
  text += "        \"victim_sha256\": " + json_string(h.victim_sha256) + ",\n";
  text += "        \"probe_sha256\": " + json_string(h.probe_sha256) + ",\n";
  text += "        \"mode\": " + json_string(h.mode) + ",\n";
  text += "        \"comparison\": " + json_string(h.metric) + ",\n";
  text += "        \"threshold\": " + number(h.threshold) + ",\n";
  text += "        \"threshold_source\": " + json_string(h.threshold_source) + ",\n";
  text += fmt::format("        \"suspects\": {},\n        \"stolen\": {},\n", report.rows.size(), stolen);
  text += fmt::format("        \"independent\": {},\n        \"errors\": {}\n", independent, errors);
  return text + "      },\n";
}

}  // namespace

std::string format_sarif(const SuspectsReport& report) {
  std::string text = std::string("{\n  \"$schema\": \"") + kSchema + "\",\n  \"version\": \"2.1.0\",\n";
  text += "  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": {\n";
  text += "          \"name\": \"sacjc\",\n";
  text += std::string("          \"version\": \"") + SACJC_VERSION + "\",\n";
  text += std::string("          \"semanticVersion\": \"") + SACJC_VERSION + "\",\n";
  text += rule() + "        }\n      },\n";
  text += invocation(report);
  text += run_properties(report);
  text += "      \"results\": [";
  bool first = true;
  for (const AuditRow& row : report.rows)
    if (row.verdict == "stolen" && row.distance) {
      text += (first ? "\n" : ",\n") + result(report, row);
      first = false;
    }
  return text + (first ? "]\n" : "\n      ]\n") + "    }\n  ]\n}\n";
}

}  // namespace sacjc

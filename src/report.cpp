// Report writers. nlohmann-json is included here only. Numbers keep full precision in JSON;
// the text report rounds for reading.
#include "sacjc/report.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "sacjc/version.h"

namespace sacjc {
namespace {

std::string format(const char* pattern, double value) {
  char text[64];
  std::snprintf(text, sizeof text, pattern, value);
  return text;
}

nlohmann::json model_json(const ModelInfo& model) {
  return {{"path", model.path}, {"sha256", model.sha256}, {"output_size", model.output_size}};
}

std::string size_text(const ProbeOptions& o) {
  return std::to_string(o.height) + "x" + std::to_string(o.width);
}

}  // namespace

std::string format_json(const VerifyReport& r) {
  const ProbeOptions& o = r.probe_options;
  nlohmann::json json = {
      {"schema_version", kReportSchemaVersion},
      {"sacjc_version", SACJC_VERSION},
      {"command", "verify"},
      {"victim", model_json(r.victim)},
      {"suspect", model_json(r.suspect)},
      {"probes",
       {{"source", r.probe_source},
        {"count", r.probe_count},
        {"input_size", {o.height, o.width}},
        {"jpeg_quality", o.quality},
        {"jpeg_subsampling", "4:2:0"},
        {"transpose", o.transpose},
        {"channels", to_string(o.channels)},
        {"mean", o.mean},
        {"std", o.std},
        {"sha256", r.probe_sha256}}},
      {"distance", r.distance},
      {"metric", "mad"},
      {"threshold", r.threshold},
      {"threshold_source", r.threshold_source},
      {"verdict", to_string(r.verdict)},
      {"threads", r.threads},
      {"batch_size", r.batch_size},
      {"timings_s",
       {{"load", r.timings.load},
        {"probes", r.timings.probes},
        {"forward_victim", r.timings.victim},
        {"forward_suspect", r.timings.suspect},
        {"compare", r.timings.compare},
        {"total", r.timings.total}}}};
  return json.dump(2) + "\n";
}

std::string format_text(const VerifyReport& r) {
  const ProbeOptions& o = r.probe_options;
  std::string verdict = r.verdict == Verdict::kStolen ? "STOLEN" : "independent";
  std::string text;
  text += "verdict    " + verdict + (r.verdict == Verdict::kStolen ? " (the suspect is a copy of the victim)\n" : "\n");
  text += "distance   " + format("%.6f", r.distance) + "  (stolen below " + format("%.6f", r.threshold) +
          "; " + r.threshold_source + ")\n";
  text += "victim     " + r.victim.path + "  (" + std::to_string(r.victim.output_size) + " outputs, sha256 " +
          r.victim.sha256.substr(0, 12) + ")\n";
  text += "suspect    " + r.suspect.path + "  (" + std::to_string(r.suspect.output_size) + " outputs, sha256 " +
          r.suspect.sha256.substr(0, 12) + ")\n";
  text += "probes     " + std::to_string(r.probe_count) + " from " + r.probe_source + ", " + size_text(o) + " " +
          to_string(o.channels) + ", JPEG quality " + std::to_string(o.quality) + " 4:2:0" +
          (o.transpose ? ", transposed" : "") + " (sha256 " + r.probe_sha256.substr(0, 12) + ")\n";
  text += "time       " + format("%.2f s", r.timings.total) + " (load " + format("%.2f", r.timings.load) +
          ", probes " + format("%.2f", r.timings.probes) + ", victim " + format("%.2f", r.timings.victim) +
          ", suspect " + format("%.2f", r.timings.suspect) + ", compare " + format("%.3f", r.timings.compare) +
          "; " + std::to_string(r.threads) + " threads)\n";
  return text;
}

}  // namespace sacjc

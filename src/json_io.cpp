// JSON through nlohmann-json. Reports keep full double precision; optional statistics become
// null rather than NaN, so every document parses with strict JSON readers.
#include "sacjc/json_io.h"

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "sacjc/error.h"
#include "sacjc/version.h"

namespace sacjc {
namespace {

using nlohmann::json;

json finite_or_null(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

template <typename T>
json optional_json(const std::optional<T>& value) {
  return value ? finite_or_null(*value) : json(nullptr);
}

json model_json(const ModelInfo& model) {
  return {{"path", model.path}, {"sha256", model.sha256}, {"output_size", model.output_size}};
}

json probes_json(const ProbeOptions& o, int count, const std::string& source, const std::string& sha256) {
  return {{"source", source},
          {"count", count},
          {"input_size", {o.height, o.width}},
          {"jpeg_quality", o.quality},
          {"jpeg_subsampling", "4:2:0"},
          {"transpose", o.transpose},
          {"channels", to_string(o.channels)},
          {"mean", o.mean},
          {"std", o.std},
          {"sha256", sha256}};
}

// Adds the settings block shared by verify and evaluate reports.
void add_settings(json& document, const RunSettings& s) {
  document["probes"] = probes_json(s.probe_options, s.probe_count, s.probe_source, s.probe_sha256);
  document["mode"] = to_string(s.mode);
  document["references"] = s.reference_count;
  document["metric"] = to_string(s.metric);
  document["threshold"] = s.threshold;
  document["threshold_source"] = s.threshold_source;
}

json confusion_json(const Confusion& c) {
  return {{"true_positives", c.true_positives},   {"false_positives", c.false_positives},
          {"true_negatives", c.true_negatives},   {"false_negatives", c.false_negatives},
          {"precision", c.precision()},           {"recall", c.recall()},
          {"f1", c.f1()},                         {"false_positive_rate", c.false_positive_rate()}};
}

std::string dump(const json& document) { return document.dump(2) + "\n"; }

}  // namespace

std::string format_json(const VerifyReport& r) {
  json document = {
      {"schema_version", kReportSchemaVersion},
      {"sacjc_version", SACJC_VERSION},
      {"command", "verify"},
      {"victim", model_json(r.victim)},
      {"suspect", model_json(r.suspect)},
      {"distance", r.distance},
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
  add_settings(document, r.settings);
  if (!r.calibration.empty()) {
    document["calibration"] = r.calibration;
    document["p_value"] = r.p_value;
    document["p_value_empirical"] = r.p_value_empirical;
  }
  return dump(document);
}

std::string format_json(const EvaluateReport& r) {
  json models = json::array();
  for (const auto& m : r.models) {
    json row = {{"path", m.entry.path}, {"role", m.entry.role}, {"family", m.entry.family},
                {"distance", optional_json(m.distance)}};
    if (m.distance) row["sha256"] = m.info.sha256, row["output_size"] = m.info.output_size;
    if (!m.error.empty()) row["error"] = m.error;
    models.push_back(row);
  }
  json families = json::array();
  for (const auto& f : r.families) {
    json row = {{"family", f.family}, {"role", f.role}, {"models", f.models}, {"errors", f.errors},
                {"mean_distance", f.models ? finite_or_null(f.mean_distance) : json(nullptr)},
                {"at_threshold", confusion_json(f.at_threshold)}};
    if (f.role == "stolen") {
      row["baseline"] = f.baseline;
      row["auc"] = optional_json(f.auc);
      row["p_value"] = f.welch ? finite_or_null(f.welch->p) : json(nullptr);
      row["welch_t"] = f.welch ? finite_or_null(f.welch->t) : json(nullptr);
      row["welch_df"] = f.welch ? finite_or_null(f.welch->df) : json(nullptr);
      row["best_f1_threshold"] = optional_json(f.best_f1_threshold);
      row["best_f1"] = f.best_f1_threshold ? json(f.best_f1) : json(nullptr);
    }
    if (!f.note.empty()) row["note"] = f.note;
    families.push_back(row);
  }
  json document = {{"schema_version", kReportSchemaVersion},
               {"sacjc_version", SACJC_VERSION},
               {"command", "evaluate"},
               {"victim", model_json(r.victim)},
               {"p_value_test", "Welch's t-test, one-sided: stolen distances smaller than the baseline's"},
               {"families", families},
               {"models", models},
               {"seconds", r.seconds}};
  add_settings(document, r.settings);
  return dump(document);
}

std::string format_json(const Calibration& c) {
  return dump({{"format", "sacjc-calibration"},
               {"version", kCalibrationVersion},
               {"sacjc_version", SACJC_VERSION},
               {"victim_sha256", c.victim_sha256},
               {"probes", probes_json(c.probe_options, c.probe_count, c.probe_options.directory.empty() ? "built-in" : c.probe_options.directory, c.probe_sha256)},
               {"metric", to_string(c.metric)},
               {"mode", to_string(c.mode)},
               {"target_fpr", c.target_fpr},
               {"threshold", c.threshold},
               {"independent", {{"paths", c.independent_paths}, {"distances", c.independent}}},
               {"stolen", {{"paths", c.stolen_paths}, {"distances", c.stolen}}}});
}

Calibration read_calibration(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw bad_input(path, "cannot open calibration file");
  Calibration c;
  try {
    json doc = json::parse(in);
    if (doc.value("format", "") != "sacjc-calibration") throw bad_input(path, "not a sacjc calibration file");
    int version = doc.at("version").get<int>();
    if (version > kCalibrationVersion)
      throw bad_input(path, "calibration format version " + std::to_string(version) +
                                " is newer than this sacjc reads (" + std::to_string(kCalibrationVersion) + ")");
    c.victim_sha256 = doc.at("victim_sha256").get<std::string>();
    const json& probes = doc.at("probes");
    c.probe_sha256 = probes.at("sha256").get<std::string>();
    c.probe_count = probes.at("count").get<int>();
    c.probe_options.quality = probes.at("jpeg_quality").get<int>();
    c.probe_options.height = probes.at("input_size").at(0).get<int>();
    c.probe_options.width = probes.at("input_size").at(1).get<int>();
    c.probe_options.transpose = probes.at("transpose").get<bool>();
    c.probe_options.channels = parse_channels(probes.at("channels").get<std::string>());
    c.probe_options.mean = probes.at("mean").get<std::vector<float>>();
    c.probe_options.std = probes.at("std").get<std::vector<float>>();
    c.metric = parse_metric(doc.at("metric").get<std::string>());
    c.mode = parse_mode(doc.at("mode").get<std::string>());
    c.target_fpr = doc.at("target_fpr").get<double>();
    c.threshold = doc.at("threshold").get<double>();
    c.independent_paths = doc.at("independent").at("paths").get<std::vector<std::string>>();
    c.independent = doc.at("independent").at("distances").get<std::vector<double>>();
    c.stolen_paths = doc.at("stolen").at("paths").get<std::vector<std::string>>();
    c.stolen = doc.at("stolen").at("distances").get<std::vector<double>>();
  } catch (const json::exception& e) {
    throw bad_input(path, std::string("malformed calibration file: ") + e.what());
  } catch (const Error& e) {
    if (e.code() == ExitCode::kBadInput) throw;
    throw bad_input(path, std::string("malformed calibration file: ") + e.what());
  }
  if (c.independent.empty() || c.independent.size() != c.independent_paths.size() ||
      c.stolen.size() != c.stolen_paths.size() || !std::isfinite(c.threshold))
    throw bad_input(path, "malformed calibration file: inconsistent distance lists or threshold");
  return c;
}

}  // namespace sacjc

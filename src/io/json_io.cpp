// JSON through nlohmann-json. Reports keep full double precision; optional statistics become
// null rather than NaN, so every document parses with strict JSON readers.
#include "sacjc/json_io.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>

#include "sacjc/error.h"
#include "sacjc/files.h"
#include "sacjc/version.h"

namespace sacjc {
namespace {

using nlohmann::json;

json finite_or_null(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

// The one convention for an absent value: null, never "" (docs/manual.md, "JSON conventions").
json text_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

// Reads a text that is null when absent; files written before that convention hold "".
std::string text_or_empty(const json& value) { return value.is_null() ? std::string() : value.get<std::string>(); }

// The version of a document sacjc reads back: "schema_version", or, in files written before
// that was the one convention, "version".
int schema_version_of(const json& doc);

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

// Numbers read with a range check: nlohmann converts an out-of-range number with a plain cast,
// which is undefined behaviour (found by fuzzing the audit log reader).
template <typename T>
T integer(const json& value) {
  const bool fits = value.is_number_integer() &&
                    (value.is_number_unsigned()
                         ? value.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<T>::max())
                         : value.get<std::int64_t>() >= std::numeric_limits<T>::min() &&
                               value.get<std::int64_t>() <= std::numeric_limits<T>::max());
  if (!fits) throw json::type_error::create(302, "expected an integer in range, got " + value.dump(), &value);
  return static_cast<T>(value.get<std::int64_t>());
}

// {"rsa": 0.01, "agree": 0.3}: a result's distance per component of its comparison.
json parts_json(Metric metric, const std::vector<double>& parts) {
  json document = json::object();
  const std::vector<Metric> names = components(metric);
  for (std::size_t k = 0; k < parts.size() && k < names.size(); ++k) document[to_string(names[k])] = parts[k];
  return document;
}

// `absent_as_null`: reports and files follow the null convention; a fingerprint's metadata
// keeps "" so that fingerprints stay readable by the sacjc versions before it.
json selection_json(const Selection& s, bool absent_as_null = true) {
  return {{"method", to_string(s.method)},
          {"pool", s.pool},
          {"labels", absent_as_null ? text_or_null(s.labels) : json(s.labels)},
          {"labels_sha256", absent_as_null ? text_or_null(s.labels_sha256) : json(s.labels_sha256)},
          {"victim_wrong", s.victim_wrong >= 0 ? json(s.victim_wrong) : json(nullptr)},
          {"reference_models", s.reference_models},
          {"reference_sha256", s.reference_sha256},
          {"victim_disputed", s.victim_disputed >= 0 ? json(s.victim_disputed) : json(nullptr)}};
}

Selection selection_from(const json& doc) {
  Selection s;
  s.method = parse_select(doc.at("method").get<std::string>());
  s.pool = integer<int>(doc.at("pool"));
  s.labels = text_or_empty(doc.at("labels"));
  s.labels_sha256 = text_or_empty(doc.at("labels_sha256"));
  s.victim_wrong = doc.at("victim_wrong").is_null() ? -1 : integer<int>(doc.at("victim_wrong"));
  if (doc.contains("reference_models")) {  // written since --reference-models
    s.reference_models = doc.at("reference_models").get<std::vector<std::string>>();
    s.reference_sha256 = doc.at("reference_sha256").get<std::vector<std::string>>();
    s.victim_disputed = doc.at("victim_disputed").is_null() ? -1 : integer<int>(doc.at("victim_disputed"));
  }
  return s;
}

// Adds the settings block shared by verify and evaluate reports.
void add_settings(json& document, const RunSettings& s) {
  document["probes"] = probes_json(s.probe_options, s.probe_count, s.probe_source, s.probe_sha256);
  document["selection"] = selection_json(s.selection);
  document["mode"] = to_string(s.mode);
  document["references"] = s.reference_count;
  document["metric"] = to_string(s.metric);
  document["threshold"] = s.threshold;
  document["threshold_source"] = s.threshold_source;
}

json confusion_json(const Confusion& c) {
  return {{"true_positives", c.true_positives},
          {"false_positives", c.false_positives},
          {"true_negatives", c.true_negatives},
          {"false_negatives", c.false_negatives},
          {"precision", c.precision()},
          {"recall", c.recall()},
          {"f1", c.f1()},
          {"false_positive_rate", c.false_positive_rate()}};
}

std::vector<float> floats(const json& value) {
  if (!value.is_array()) throw json::type_error::create(302, "expected a list of numbers, got " + value.dump(), &value);
  std::vector<float> out;
  for (const json& item : value) {
    if (!item.is_number() || !(std::abs(item.get<double>()) <= std::numeric_limits<float>::max()))
      throw json::type_error::create(302, "expected a finite float, got " + item.dump(), &item);
    out.push_back(static_cast<float>(item.get<double>()));
  }
  return out;
}

// Parses `text` as JSON and reads it with `read`. Malformed JSON, a missing or mistyped field
// and a value a parser refuses all become one bad-input Error naming `name`.
template <typename F>
auto parse_document(const std::string& text, const std::string& name, const char* what, F read) {
  try {
    return read(json::parse(text));
  } catch (const json::exception& e) {
    throw bad_input(name, std::string("malformed ") + what + ": " + e.what());
  } catch (const Error& e) {
    if (e.code() == ExitCode::kBadInput) throw;
    throw bad_input(name, std::string("malformed ") + what + ": " + e.what());
  }
}

// The probe settings of a "probes" block (probes_json); the directory is left empty.
ProbeOptions read_probe_options(const json& probes) {
  ProbeOptions o;
  o.quality = integer<int>(probes.at("jpeg_quality"));
  o.height = integer<int>(probes.at("input_size").at(0));
  o.width = integer<int>(probes.at("input_size").at(1));
  o.transpose = probes.at("transpose").get<bool>();
  o.channels = parse_channels(probes.at("channels").get<std::string>());
  o.mean = floats(probes.at("mean"));
  o.std = floats(probes.at("std"));
  return o;
}

// File and model names need not be UTF-8; JSON must be, so invalid bytes become U+FFFD rather
// than an exception.
std::string dump(const json& document, int indent = 2) {
  return document.dump(indent, ' ', false, json::error_handler_t::replace) + (indent >= 0 ? "\n" : "");
}

}  // namespace

std::string json_string(const std::string& text) { return dump(json(text), -1); }

namespace {

int schema_version_of(const json& doc) {
  return integer<int>(doc.contains("schema_version") ? doc.at("schema_version") : doc.at("version"));
}

}  // namespace

std::string format_json_error(int exit_code, const std::string& message, const std::string& command) {
  return dump({{"schema_version", kReportSchemaVersion},
               {"sacjc_version", SACJC_VERSION},
               {"command", text_or_null(command)},
               {"exit_code", exit_code},
               {"error", message}});
}

std::string format_json(const VerifyReport& r) {
  json document = {{"schema_version", kReportSchemaVersion},
                   {"sacjc_version", SACJC_VERSION},
                   {"command", "verify"},
                   {"victim", model_json(r.victim)},
                   {"suspect", model_json(r.suspect)},
                   {"fingerprint", r.fingerprint.empty() ? json(nullptr) : json(r.fingerprint)},
                   {"suspect_outputs", r.suspect_outputs.empty() ? json(nullptr) : json(r.suspect_outputs)},
                   {"expected", r.expected.empty() ? json(nullptr) : json(r.expected)},
                   {"distance", r.distance},
                   {"parts", parts_json(r.settings.metric, r.parts)},
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
  const bool calibrated = !r.calibration.empty();
  document["calibration"] = text_or_null(r.calibration);
  document["p_value"] = calibrated ? json(r.p_value) : json(nullptr);
  document["p_value_empirical"] = calibrated ? json(r.p_value_empirical) : json(nullptr);
  document["calibration_models"] = calibrated ? json(r.calibration_models) : json(nullptr);
  document["false_match_rate"] = calibrated ? json(r.false_match_rate) : json(nullptr);
  return dump(document);
}

std::string format_json(const EvaluateReport& r) {
  json models = json::array();
  for (const auto& m : r.models) {
    json row = {{"path", m.entry.path},
                {"role", m.entry.role},
                {"family", m.entry.family},
                {"distance", optional_json(m.distance)}};
    row["sha256"] = m.distance ? json(m.info.sha256) : json(nullptr);
    row["output_size"] = m.distance ? json(m.info.output_size) : json(nullptr);
    if (m.parts.size() > 1) row["parts"] = parts_json(r.settings.metric, m.parts);
    row["error"] = text_or_null(m.error);
    models.push_back(row);
  }
  json families = json::array();
  for (const auto& f : r.families) {
    json row = {{"family", f.family},
                {"role", f.role},
                {"models", f.models},
                {"errors", f.errors},
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
    row["note"] = text_or_null(f.note);
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
  return dump(
      {{"format", "sacjc-calibration"},
       {"schema_version", kCalibrationVersion},
       {"sacjc_version", SACJC_VERSION},
       {"victim_sha256", c.victim_sha256},
       {"probes",
        probes_json(c.probe_options, c.probe_count,
                    c.probe_options.directory.empty() ? "built-in" : c.probe_options.directory, c.probe_sha256)},
       {"metric", to_string(c.metric)},
       {"mode", to_string(c.mode)},
       {"target_fpr", c.target_fpr},
       {"threshold", c.threshold},
       {"independent", {{"paths", c.independent_paths}, {"distances", c.independent}, {"parts", c.independent_parts}}},
       {"stolen", {{"paths", c.stolen_paths}, {"distances", c.stolen}, {"parts", c.stolen_parts}}},
       {"excluded", {{"paths", c.excluded_paths}, {"reasons", c.excluded_reasons}}}});
}

namespace {

Calibration calibration_from(const json& doc, const std::string& name) {
  if (!doc.is_object() || doc.value("format", "") != "sacjc-calibration")
    throw bad_input(name, "not a sacjc calibration file");
  int version = schema_version_of(doc);
  if (version > kCalibrationVersion)
    throw bad_input(name, "calibration format version " + std::to_string(version) +
                              " is newer than this sacjc reads (" + std::to_string(kCalibrationVersion) + ")");
  Calibration c;
  c.victim_sha256 = doc.at("victim_sha256").get<std::string>();
  const json& probes = doc.at("probes");
  c.probe_sha256 = probes.at("sha256").get<std::string>();
  c.probe_count = integer<int>(probes.at("count"));
  c.probe_options = read_probe_options(probes);
  c.metric = parse_metric(doc.at("metric").get<std::string>());
  c.mode = parse_mode(doc.at("mode").get<std::string>());
  c.target_fpr = doc.at("target_fpr").get<double>();
  c.threshold = doc.at("threshold").get<double>();
  c.independent_paths = doc.at("independent").at("paths").get<std::vector<std::string>>();
  c.independent = doc.at("independent").at("distances").get<std::vector<double>>();
  c.stolen_paths = doc.at("stolen").at("paths").get<std::vector<std::string>>();
  c.stolen = doc.at("stolen").at("distances").get<std::vector<double>>();
  if (doc.contains("excluded")) {  // calibrations before 0.1 have none
    c.excluded_paths = doc["excluded"].at("paths").get<std::vector<std::string>>();
    c.excluded_reasons = doc["excluded"].at("reasons").get<std::vector<std::string>>();
  }
  if (c.independent.empty() || c.independent.size() != c.independent_paths.size() ||
      c.stolen.size() != c.stolen_paths.size() || c.excluded_paths.size() != c.excluded_reasons.size())
    throw bad_input(name, "malformed calibration file: inconsistent distance lists");
  // Every distance is in [0, 2] (a combination's p-value in [0, 1]): anything else, a negative
  // threshold above all, would turn every verdict.
  auto is_distance = [](double d) { return std::isfinite(d) && d >= 0 && d <= 2; };
  if (!is_distance(c.threshold) || !std::all_of(c.independent.begin(), c.independent.end(), is_distance) ||
      !std::all_of(c.stolen.begin(), c.stolen.end(), is_distance))
    throw bad_input(name, "malformed calibration file: a threshold or distance outside [0, 2]");
  if (!(c.target_fpr >= 0 && c.target_fpr <= 1) || c.probe_count < 2)
    throw bad_input(name, "malformed calibration file: target_fpr outside [0, 1] or fewer than 2 probes");
  if (is_combined(c.metric)) {  // the parts are what a combination is computed from
    using Parts = std::vector<std::vector<double>>;
    c.independent_parts = doc.at("independent").at("parts").get<Parts>();
    c.stolen_parts = doc.at("stolen").at("parts").get<Parts>();
    const std::size_t k = components(c.metric).size();
    auto consistent = [k](const Parts& parts, std::size_t models) {
      return parts.size() == models && std::all_of(parts.begin(), parts.end(), [k](const std::vector<double>& p) {
               return p.size() == k &&
                      std::all_of(p.begin(), p.end(), [](double d) { return std::isfinite(d) && d >= 0; });
             });
    };
    if (!consistent(c.independent_parts, c.independent.size()) || !consistent(c.stolen_parts, c.stolen.size()))
      throw bad_input(name,
                      "malformed calibration file: the parts of " + to_string(c.metric) + " do not match the models");
  }
  return c;
}

}  // namespace

Calibration parse_calibration(const std::string& text, const std::string& name) {
  return parse_document(text, name, "calibration file", [&](const json& doc) { return calibration_from(doc, name); });
}

Calibration read_calibration(const std::string& path) {
  std::vector<std::uint8_t> bytes = read_file(path);
  return parse_calibration(std::string(bytes.begin(), bytes.end()), path);
}

// A fingerprint travels (CI caches, other machines, other people): it names every file by its
// base name, never by a path that tells how the machine that wrote it is laid out. The reader
// takes whatever is there, so fingerprints that earlier builds wrote with paths still read.
std::string format_fingerprint_meta(const Fingerprint& fp) {
  ModelInfo victim = fp.victim;
  victim.path = base_name(victim.path);
  Selection selection = fp.selection;
  selection.labels = base_name(selection.labels);
  for (std::string& path : selection.reference_models) path = base_name(path);
  json calibration = nullptr;
  if (fp.calibration) {
    Calibration c = *fp.calibration;
    c.probe_options.directory = base_name(c.probe_options.directory);
    for (std::string& path : c.independent_paths) path = base_name(path);
    for (std::string& path : c.stolen_paths) path = base_name(path);
    calibration = json::parse(format_json(c));
    calibration.erase("schema_version");  // the layout of calibration version 1, which earlier
    calibration["version"] = 1;           // sacjc builds read: the metadata keeps its layout
  }
  json document = {{"format", "sacjc-fingerprint"},
                   {"sacjc_version", fp.tool_version},
                   {"victim", model_json(victim)},
                   {"probes", probes_json(fp.probe_options, static_cast<int>(fp.probe_names.size()),
                                          base_name(fp.probe_source), fp.probe_sha256)},
                   {"probe_names", fp.probe_names},
                   {"probe_labels", fp.probe_labels},
                   {"reference_names", fp.reference_names},
                   {"mode", to_string(fp.mode)},
                   {"metric", to_string(fp.metric)},
                   {"output_key", fp.output_key},
                   {"selection", selection_json(selection, false)},
                   {"calibration", calibration}};
  return dump(document, -1);
}

void parse_fingerprint_meta(const std::string& text, const std::string& name, Fingerprint& fp) {
  parse_document(text, name, "fingerprint metadata", [&](const json& doc) {
    if (!doc.is_object() || doc.value("format", "") != "sacjc-fingerprint")
      throw bad_input(name, "malformed fingerprint: the metadata is not a sacjc fingerprint's");
    fp.tool_version = doc.at("sacjc_version").get<std::string>();
    const json& victim = doc.at("victim");
    fp.victim = {victim.at("path").get<std::string>(), victim.at("sha256").get<std::string>(),
                 integer<long>(victim.at("output_size"))};
    const json& probes = doc.at("probes");
    fp.probe_options = read_probe_options(probes);
    fp.probe_source = probes.at("source").get<std::string>();
    if (fp.probe_source != "built-in") fp.probe_options.directory = fp.probe_source;
    fp.probe_sha256 = probes.at("sha256").get<std::string>();
    fp.probe_names = doc.at("probe_names").get<std::vector<std::string>>();
    if (doc.contains("probe_labels"))
      for (const json& label : doc.at("probe_labels")) fp.probe_labels.push_back(integer<int>(label));
    fp.reference_names = doc.at("reference_names").get<std::vector<std::string>>();
    fp.mode = parse_mode(doc.at("mode").get<std::string>());
    fp.metric = parse_metric(doc.at("metric").get<std::string>());
    fp.output_key = doc.at("output_key").get<std::string>();
    if (doc.contains("selection")) fp.selection = selection_from(doc.at("selection"));
    if (!doc.at("calibration").is_null()) fp.calibration = calibration_from(doc.at("calibration"), name);
  });
}

namespace {

json row_json(const AuditRow& r) {
  return {{"suspect", r.suspect},
          {"canonical", text_or_null(r.canonical)},
          {"sha256", text_or_null(r.sha256)},
          {"distance", optional_json(r.distance)},
          {"verdict", r.verdict},
          {"p_value", optional_json(r.p_value)},
          {"output_size", r.output_size},
          {"error", text_or_null(r.error)}};
}

json header_json(const AuditHeader& h) {
  return {{"victim", h.victim},
          {"victim_sha256", h.victim_sha256},
          {"probe_sha256", h.probe_sha256},
          {"metric", h.metric},
          {"mode", h.mode},
          {"threshold", h.threshold},
          {"threshold_source", h.threshold_source}};
}

std::optional<double> optional_double(const json& value) {
  return value.is_null() ? std::nullopt : std::optional<double>(value.get<double>());
}

}  // namespace

std::string format_json_line(const AuditHeader& h) {
  json document = header_json(h);
  document["format"] = "sacjc-audit";
  document["schema_version"] = kAuditLogVersion;
  document["sacjc_version"] = SACJC_VERSION;
  return dump(document, -1) + "\n";
}

std::string format_json_line(const AuditRow& r) {
  json document = row_json(r);
  document["seconds"] = r.seconds;
  return dump(document, -1) + "\n";
}

AuditHeader parse_audit_header(const std::string& line, const std::string& name) {
  return parse_document(line, name, "audit log header", [&](const json& doc) {
    if (!doc.is_object() || doc.value("format", "") != "sacjc-audit")
      throw bad_input(name, "not a sacjc audit log (JSONL)");
    if (schema_version_of(doc) > kAuditLogVersion)
      throw bad_input(
          name, "audit log version " + std::to_string(schema_version_of(doc)) + " is newer than this sacjc reads");
    return AuditHeader{doc.at("victim").get<std::string>(),
                       doc.at("victim_sha256").get<std::string>(),
                       doc.at("probe_sha256").get<std::string>(),
                       doc.at("metric").get<std::string>(),
                       doc.at("mode").get<std::string>(),
                       doc.at("threshold").get<double>(),
                       doc.at("threshold_source").get<std::string>()};
  });
}

AuditRow parse_audit_row(const std::string& line, const std::string& name) {
  return parse_document(line, name, "audit log row", [&](const json& doc) {
    AuditRow r;
    r.suspect = doc.at("suspect").get<std::string>();
    r.sha256 = text_or_empty(doc.at("sha256"));
    r.canonical = doc.contains("canonical") ? text_or_empty(doc.at("canonical")) : "";  // none before sacjc 0.2
    r.distance = optional_double(doc.at("distance"));
    r.verdict = doc.at("verdict").get<std::string>();
    r.p_value = optional_double(doc.at("p_value"));
    r.output_size = integer<long>(doc.at("output_size"));
    r.error = text_or_empty(doc.at("error"));
    r.seconds = doc.value("seconds", 0.0);
    if (r.verdict != "stolen" && r.verdict != "independent" && r.verdict != "error")
      throw bad_input(name, "malformed audit log row: verdict '" + r.verdict + "'");
    if ((r.verdict == "error") == r.distance.has_value())
      throw bad_input(name, "malformed audit log row: a distance must come with a verdict, an error without one");
    return r;
  });
}

std::string format_json(const AuditHeader& h, const std::vector<AuditRow>& rows,
                        const std::vector<SkippedFile>& skipped_files) {
  json skipped = json::array();
  for (const SkippedFile& f : skipped_files) skipped.push_back({{"path", f.path}, {"reason", f.reason}});
  json suspects = json::array();
  int stolen = 0, errors = 0;
  for (const AuditRow& r : rows) {
    suspects.push_back(row_json(r));
    stolen += r.verdict == "stolen";
    errors += r.verdict == "error";
  }
  return dump({{"schema_version", kReportSchemaVersion},
               {"sacjc_version", SACJC_VERSION},
               {"command", "audit"},
               {"settings", header_json(h)},
               {"suspects", suspects},
               {"skipped", skipped},
               {"summary",
                {{"suspects", rows.size()},
                 {"skipped", skipped_files.size()},
                 {"stolen", stolen},
                 {"independent", static_cast<int>(rows.size()) - stolen - errors},
                 {"errors", errors}}}});
}

}  // namespace sacjc

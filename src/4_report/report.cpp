// Text reports for people: aligned, rounded for reading; evaluate's CSV. JSON is in json_io.cpp,
// SARIF and JUnit in report_sarif.cpp and report_junit.cpp.
#include "sacjc/report.h"

#include <cstdio>

#include <fmt/format.h>

#include "sacjc/csv.h"

namespace sacjc {
namespace {

std::string size_text(const ProbeOptions& o) { return std::to_string(o.height) + "x" + std::to_string(o.width); }

std::string probes_text(const ProbeOptions& o, int count, const std::string& source, const std::string& sha256) {
  return std::to_string(count) + " from " + source + ", " + size_text(o) + " " + to_string(o.channels) +
         ", JPEG quality " + std::to_string(o.quality) + " 4:2:0" + (o.transpose ? ", transposed" : "") + " (sha256 " +
         sha256.substr(0, 12) + ")";
}

// Left-aligns `text` in a column of `width` characters.
std::string cell(const std::string& text, std::size_t width) {
  return text.size() >= width ? text + " " : text + std::string(width - text.size(), ' ');
}

// An optional number in `pattern` (fmt syntax), or "-".
std::string optional_text(const std::optional<double>& value, fmt::format_string<double> pattern) {
  return value ? fmt::format(pattern, *value) : "-";
}

}  // namespace

// The probes and mode lines shared by the reports.
std::string settings_text(const RunSettings& s) {
  std::string text = "probes     " + probes_text(s.probe_options, s.probe_count, s.probe_source, s.probe_sha256) + "\n";
  const Selection& selected = s.selection;
  if (selected.method != Select::kAll)
    text += "selected   " + to_string(selected.method) + ": " + std::to_string(s.probe_count) + " of " +
            std::to_string(selected.pool) + " pool images" +
            (selected.victim_wrong >= 0 ? ", " + std::to_string(selected.victim_wrong) +
                                              " of them wrong by the victim (labels " + selected.labels + ")"
                                        : "") +
            (selected.victim_disputed >= 0
                 ? ", " + std::to_string(selected.victim_disputed) + " of them disputed by the majority of " +
                       std::to_string(selected.reference_models.size()) + " reference models"
                 : "") +
            "\n";
  return text + "mode       " + to_string(s.mode) +
         (s.reference_count ? " (" + std::to_string(s.reference_count) + " reference images)" : "") + "\n";
}

std::string format_text(const VerifyReport& r) {
  const RunSettings& s = r.settings;
  std::string verdict = r.verdict == Verdict::kStolen ? "STOLEN" : "independent";
  std::string text;
  text += "verdict    " + verdict + (r.verdict == Verdict::kStolen ? " (the suspect is a copy of the victim)\n" : "\n");
  text += "distance   " + fmt::format("{:.6f}", r.distance) + "  (" + to_string(s.metric) + "; stolen below " +
          fmt::format("{:.6f}", s.threshold) + "; " + s.threshold_source + ")\n";
  if (r.parts.size() > 1) {
    text += "parts     ";
    const std::vector<Metric> names = components(s.metric);
    for (std::size_t k = 0; k < r.parts.size(); ++k)
      text += " " + to_string(names[k]) + " " + fmt::format("{:.6f}", r.parts[k]);
    text += "  (combined: the smaller p-value, Tippett's method)\n";
  }
  text += "victim     " + r.victim.path + "  (" + std::to_string(r.victim.output_size) + " outputs, sha256 " +
          r.victim.sha256.substr(0, 12) + ")\n";
  if (!r.fingerprint.empty()) text += "           through fingerprint " + r.fingerprint + "\n";
  std::string outputs =
      r.suspect_outputs == "labels" ? "class labels" : std::to_string(r.suspect.output_size) + " outputs";
  text += "suspect    " + r.suspect.path + "  (" + (r.suspect_outputs.empty() ? "" : "collected ") + outputs +
          ", sha256 " + r.suspect.sha256.substr(0, 12) + ")\n";
  if (!r.expected.empty())
    text += "expected   " + r.expected + (to_string(r.verdict) == r.expected ? " (met)\n" : " (NOT met)\n");
  text += settings_text(s);
  if (!r.calibration.empty())
    text += "p-value    " + fmt::format("{:.3g}", r.p_value) + " (log-normal fit), " +
            fmt::format("{:.3g}", r.p_value_empirical) + " (rank) that an independent model is this close; " +
            r.calibration + "\n" + "           false-match rate " + fmt::format("{:.3g}", r.false_match_rate) +
            ": the share of its " + std::to_string(r.calibration_models) +
            " independent models this threshold calls stolen\n";
  text += "time       " + fmt::format("{:.2f} s", r.timings.total) + " (load " + fmt::format("{:.2f}", r.timings.load) +
          ", probes " + fmt::format("{:.2f}", r.timings.probes) + ", victim " +
          fmt::format("{:.2f}", r.timings.victim) + ", suspect " + fmt::format("{:.2f}", r.timings.suspect) +
          ", compare " + fmt::format("{:.3f}", r.timings.compare) + "; " + std::to_string(r.threads) + " threads)\n";
  return text;
}

std::string format_text(const EvaluateReport& r) {
  std::string text;
  text += "victim     " + r.victim.path + "  (sha256 " + r.victim.sha256.substr(0, 12) + ")\n";
  const RunSettings& s = r.settings;
  text += settings_text(s);
  text += "threshold  " + fmt::format("{:.6f}", s.threshold) + "  (" + to_string(s.metric) + "; " + s.threshold_source +
          ")\n";
  text += "p-value    Welch's t-test, one-sided: stolen distances smaller than the baseline's\n\n";
  text += cell("family", 22) + cell("models", 8) + cell("mean dist", 11) + cell("AUC", 7) + cell("p-value", 10) +
          cell("prec", 7) + cell("recall", 7) + cell("F1", 7) + cell("FPR", 7) + cell("best thr", 10) + "best F1\n";
  for (const FamilyResult& f : r.families) {
    std::string models = std::to_string(f.models) + (f.errors ? "+" + std::to_string(f.errors) + "!" : "");
    std::string mean = f.models ? fmt::format("{:.5f}", f.mean_distance) : "-";
    const Confusion& c = f.at_threshold;
    if (f.role == "independent") {
      text += cell(f.family, 22) + cell(models, 8) + cell(mean, 11) + cell("", 7) + cell("", 10) + cell("", 7) +
              cell("", 7) + cell("", 7) + cell(fmt::format("{:.3f}", c.false_positive_rate()), 7) + "\n";
      continue;
    }
    bool stats = f.note.empty() || f.auc;
    text += cell(f.family, 22) + cell(models, 8) + cell(mean, 11) + cell(optional_text(f.auc, "{:.3f}"), 7) +
            cell(f.welch ? fmt::format("{:.2g}", f.welch->p) : "-", 10) +
            cell(stats ? fmt::format("{:.3f}", c.precision()) : "-", 7) +
            cell(stats ? fmt::format("{:.3f}", c.recall()) : "-", 7) +
            cell(stats ? fmt::format("{:.3f}", c.f1()) : "-", 7) +
            cell(stats ? fmt::format("{:.3f}", c.false_positive_rate()) : "-", 7) +
            cell(optional_text(f.best_f1_threshold, "{:.5f}"), 10) +
            (f.best_f1_threshold ? fmt::format("{:.3f}", f.best_f1) : "-") + "\n";
    if (!f.note.empty()) text += "  note: " + f.note + "\n";
  }
  text += "\n" + cell("distance", 11) + cell("role", 13) + cell("family", 22) + "model\n";
  for (const ModelResult& m : r.models)
    text += cell(m.distance ? fmt::format("{:.5f}", *m.distance) : "error", 11) + cell(m.entry.role, 13) +
            cell(m.entry.family, 22) + m.entry.path + (m.error.empty() ? "" : "\n    " + m.error) + "\n";
  text += "\n" + fmt::format("{:.1f} s", r.seconds) + "\n";
  return text;
}

std::string format_csv(const EvaluateReport& r) {
  std::string text = "model,role,family,baseline,arch,distance,verdict,sha256,error\n";
  for (const ModelResult& m : r.models) {
    const ZooEntry& e = m.entry;
    const std::string verdict = m.distance ? to_string(decide(*m.distance, r.settings.threshold)) : "error";
    text += csv_field(e.path) + "," + csv_field(e.role) + "," + csv_field(e.family) + "," + csv_field(e.baseline) +
            "," + csv_field(e.arch) + "," + (m.distance ? fmt::format("{:.9g}", *m.distance) : "") + "," + verdict +
            "," + m.info.sha256 + "," + csv_field(m.error) + "\n";
  }
  return text;
}

SuspectsReport suspects_report(const VerifyReport& r) {
  const RunSettings& s = r.settings;
  SuspectsReport report;
  report.command = "verify";
  report.header = {r.fingerprint.empty() ? r.victim.path : r.fingerprint,
                   r.victim.sha256,
                   s.probe_sha256,
                   to_string(s.metric),
                   to_string(s.mode),
                   s.threshold,
                   s.threshold_source};
  AuditRow row;
  row.suspect = r.suspect.path;
  row.sha256 = r.suspect.sha256;
  row.distance = r.distance;
  row.verdict = to_string(r.verdict);
  if (!r.calibration.empty()) row.p_value = r.p_value;
  row.output_size = r.suspect.output_size;
  report.rows.push_back(row);
  report.expect = r.expected;
  return report;
}

void print_report(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

}  // namespace sacjc

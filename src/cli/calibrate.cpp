// `sacjc calibrate`: measure known models once, pick the threshold for the target
// false-positive rate, and keep the distances so verify can give p-values later.

#include "cli.h"

#include <fmt/format.h>

#include "sacjc/calibration.h"
#include "sacjc/error.h"
#include "sacjc/files.h"
#include "sacjc/json_io.h"
#include "sacjc/log.h"

namespace sacjc {

namespace {

// Why a model given as independent cannot stand for independent ones (empty if it can): it is
// the victim's own file, or its correlation pattern sits where the default threshold calls it a
// copy. A public panel may well hold the victim's network itself.
std::string copy_of_victim(const ModelResult& m, const Victim& victim, const PipelineOptions& o) {
  if (m.info.sha256 == victim.info.sha256) return "the victim model itself (same sha256)";
  // By distance only where the comparison reads the correlation pattern: agree and margin
  // compare answers, which independent models of one task share.
  if (o.metric != Metric::kRsa && o.metric != Metric::kCka && o.metric != Metric::kMad) return "";
  const double line = default_threshold(o.metric, o.mode).value;
  if (*m.distance < line)
    return fmt::format("a copy of the victim (distance {:.4f}, below the default threshold {:.4g})", *m.distance, line);
  return "";
}

}  // namespace

CLI::App* add_calibrate_command(CLI::App& app, CalibrateOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "calibrate", "Pick the threshold for a target false-positive rate from known-independent models");
  o.command = cmd;
  cmd->add_option("victim", o.victim, "Victim model (TorchScript file) or fingerprint (.sacfp)")->required();
  add_zoo_options(cmd, o.zoo);
  add_pipeline_options(cmd, o.pipeline);
  add_confinement_options(cmd, o.pipeline);
  cmd->add_option("--fpr", o.fpr, "Target false-positive rate on independent models")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("-o,--out", o.output, "Calibration file to write (JSON)")->required();
  return cmd;
}

int run_calibrate(CalibrateOptions o) {
  apply_command_line(*o.command, o.pipeline);
  std::vector<ZooEntry> entries = zoo_entries(o.zoo);

  Victim victim = prepare_victim(o.victim, o.pipeline);
  const ProbeSet& probes = victim.probes;
  std::vector<ModelResult> models = measure_models(victim, entries, o.pipeline);

  Calibration c;
  c.victim_sha256 = victim.info.sha256;
  c.probe_sha256 = probes.sha256;
  c.probe_options = o.pipeline.probes;
  c.probe_count = probes.count;
  c.target_fpr = o.fpr;
  c.metric = o.pipeline.metric;
  c.mode = o.pipeline.mode;
  bool errors = false;
  for (const ModelResult& m : models) {
    if (!m.error.empty()) {
      errors = true;
      continue;
    }
    bool independent = m.entry.role == "independent";
    if (independent) {
      std::string copy = copy_of_victim(m, victim, o.pipeline);
      if (!copy.empty()) {
        spdlog::warn("{}: given as independent but is {}; left out of the calibration", m.entry.path, copy);
        c.excluded_paths.push_back(m.entry.path);
        c.excluded_reasons.push_back(copy);
        continue;
      }
    }
    (independent ? c.independent_paths : c.stolen_paths).push_back(m.entry.path);
    if (is_combined(c.metric))  // the combined values come from all the parts, below
      (independent ? c.independent_parts : c.stolen_parts).push_back(m.parts);
    else
      (independent ? c.independent : c.stolen).push_back(*m.distance);
  }
  if (is_combined(c.metric) && !c.independent_parts.empty()) combine_calibration(c);
  if (c.independent.empty())
    throw bad_input(o.victim, "no independent model could be measured (" + std::to_string(c.excluded_paths.size()) +
                                  " left out as copies of the victim); nothing to calibrate");
  c.threshold = calibrated_threshold(c.independent, o.fpr);
  write_file_atomically(o.output, format_json(c));

  Confusion at = confusion_at(c.threshold, c.stolen, c.independent);
  fmt::print("threshold  {:.6f}  (false-positive rate {:.3f} on {} independent models, target {:.3f})\n", c.threshold,
             at.false_positive_rate(), c.independent.size(), o.fpr);
  if (!c.stolen.empty())
    fmt::print("stolen     {} of {} known stolen models below it\n", at.true_positives, c.stolen.size());
  if (!c.excluded_paths.empty())
    fmt::print("left out   {} model(s) given as independent that are the victim or copies of it\n",
               c.excluded_paths.size());
  fmt::print("p-values   rank-based ones cannot go below 1/(N+1) = {:.3f} with N = {} independent models\n",
             1.0 / (c.independent.size() + 1), c.independent.size());
  if (c.independent.size() < 20)
    fmt::print("note       with {} independent models a rate below {:.3f} cannot be told from 0\n",
               c.independent.size(), 1.0 / c.independent.size());
  fmt::print("written    {}\n", o.output);
  return errors ? static_cast<int>(ExitCode::kBadInput) : 0;
}

}  // namespace sacjc

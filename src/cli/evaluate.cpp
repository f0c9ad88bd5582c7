// `sacjc evaluate`: the victim's matrix once, every zoo model's distance to it, statistics per
// family, and optionally the ROC / distance picture.

#include "cli.h"

#include <chrono>
#include <cstdio>

#include "sacjc/calibration.h"
#include "sacjc/error.h"
#include "sacjc/json_io.h"
#include "sacjc/plot.h"
#include "sacjc/report.h"

namespace sacjc {

void add_zoo_options(CLI::App* cmd, ZooOptions& o) {
  cmd->add_option("--manifest", o.manifest,
                  "TSV of models: columns file, role (victim|stolen|independent), family[, baseline, arch]");
  cmd->add_option("--stolen", o.stolen, "Models known to be copies of the victim (family 'stolen')");
  cmd->add_option("--independent", o.independent, "Models known to be independent of the victim (group 'independent')");
}

std::vector<ZooEntry> zoo_entries(const ZooOptions& o) {
  std::vector<ZooEntry> entries;
  if (!o.manifest.empty()) entries = read_manifest(o.manifest);
  for (const auto& path : o.stolen) entries.push_back({path, "stolen", "stolen", kDefaultBaseline, ""});
  for (const auto& path : o.independent) entries.push_back({path, "independent", kDefaultBaseline, "", ""});
  if (entries.empty())
    throw Error(ExitCode::kUsage, "no models to evaluate: give --manifest, --stolen or --independent");
  return entries;
}

CLI::App* add_evaluate_command(CLI::App& app, EvaluateOptions& o) {
  CLI::App* cmd = app.add_subcommand("evaluate", "Measure AUC, p-value and F1 per attack family over a model zoo");
  o.command = cmd;
  cmd->add_option("victim", o.victim, "Victim model (TorchScript file) or fingerprint (.sacfp)")->required();
  add_zoo_options(cmd, o.zoo);
  add_pipeline_options(cmd, o.pipeline);
  add_confinement_options(cmd, o.pipeline);
  auto* threshold = cmd->add_option("--threshold", o.threshold, "Operating threshold. " + default_thresholds_help());
  cmd->add_option("--calibration", o.calibration, "Take the operating threshold from this calibration file")
      ->excludes(threshold);
  cmd->add_option("--format", o.format, "Report format: text, json or csv (one line per model)")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "json", "csv"}));
  cmd->add_option("--plot", o.plot, "Write ROC curves per family and every model's distance to this .png file");
  cmd->add_flag("--by-arch", o.by_arch,
                "Also report each family per architecture (manifest column arch), against independent models of the "
                "same architecture");
  return cmd;
}

int run_evaluate(EvaluateOptions o) {
  const auto start = std::chrono::steady_clock::now();
  apply_command_line(*o.command, o.pipeline);
  if (!o.plot.empty()) check_png_path(o.plot);
  std::vector<ZooEntry> entries = zoo_entries(o.zoo);
  const std::optional<CalibrationFile> calibration = read_calibration_flag(o.calibration);

  // 1. Probes and the victim's matrix, once (or both from a fingerprint).
  EvaluateReport report;
  Victim victim = prepare_victim(o.victim, o.pipeline);
  report.victim = victim.info;
  // A combination without a calibration is scored against the zoo's own independent models.
  const bool own_null = is_combined(o.pipeline.metric) && !o.threshold && !calibration && !victim.calibration;
  OperatingThreshold threshold;
  if (!own_null) threshold = victim_threshold(victim, o.threshold, calibration, o.pipeline);

  // 2. Every model's distance, then statistics per family.
  report.models = measure_models(victim, entries, o.pipeline);
  combine_results(report.models, o.pipeline.metric, threshold.calibration);
  if (own_null)
    threshold = {calibrated_threshold(distances_of(report.models, "independent"), 0.01),
                 "1% false positives on the evaluated independent models (each left out of its own fit)", std::nullopt};
  report.settings = run_settings(victim, o.pipeline, threshold);
  report.families = summarize(report.models, threshold.value);
  if (o.by_arch)
    for (FamilyResult& f : summarize(split_by_arch(report.models), threshold.value))
      report.families.push_back(std::move(f));
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  // 3. Reports.
  if (!o.plot.empty()) write_png(o.plot, render_evaluation_plot(report));
  print_report(o.format == "json" ? format_json(report) : o.format == "csv" ? format_csv(report) : format_text(report));
  for (const auto& m : report.models)
    if (!m.distance) return static_cast<int>(ExitCode::kBadInput);
  return 0;
}

}  // namespace sacjc

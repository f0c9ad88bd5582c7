// `sacjc verify`: prepare the victim (a model run on fresh probes, or a fingerprint), measure the
// suspect on the same probes, compare the correlation matrices, print the report. The steps
// follow docs/method.md's pipeline.

#include "cli.h"

#include <chrono>
#include <cstdio>

#include "sacjc/calibration.h"
#include "sacjc/error.h"
#include "sacjc/heatmap.h"
#include "sacjc/json_io.h"
#include "sacjc/log.h"
#include "sacjc/report.h"
#include "sacjc/sha256.h"
#include "sacjc/suspect_outputs.h"

namespace sacjc {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// A black-box suspect: the outputs the user collected on the exported probes (then references),
// one row per image. Class labels from a label-only API are compared as one-hot vectors, the
// suspect's class against the victim's top class, so the victim's measurement changes too.
Measurement measure_collected_outputs(const std::string& path, Victim& victim, Mode mode, ModelInfo& info,
                                      std::string& kind) {
  const int probes = victim.probes.count;
  const int references = victim.probes.references ? victim.probes.references->count : 0;
  SuspectOutputs got = read_suspect_outputs(path, probes + references);
  info = {path, sha256_file(path), got.labels ? 1 : static_cast<long>(got.values.cols())};
  kind = got.labels ? "labels" : "scores";
  if (!got.labels)
    return measurement_of(probe_features(got.values.topRows(probes), got.values.bottomRows(references), mode, path));
  if (mode != Mode::kLogits) throw bad_input(path, "class labels can only be compared with --mode logits");
  const Outputs& v = victim.measurement.features;
  Outputs top(v.rows(), 1);
  for (Eigen::Index i = 0; i < v.rows(); ++i) v.row(i).maxCoeff(&top(i, 0));
  victim.measurement = measurement_of(one_hot(top, static_cast<int>(v.cols()), victim.info.path));
  return measurement_of(one_hot(got.values, static_cast<int>(v.cols()), path));
}

}  // namespace

CLI::App* add_verify_command(CLI::App& app, VerifyOptions& o) {
  CLI::App* cmd =
      app.add_subcommand("verify", "Check whether SUSPECT is a copy of VICTIM (exit 1 if stolen, 0 if not)");
  o.command = cmd;
  cmd->add_option("victim", o.victim, "Victim model (TorchScript file) or fingerprint (.sacfp)")->required();
  auto* suspect = cmd->add_option("suspect", o.suspect, "Suspect model (TorchScript file)");
  cmd->add_option("--suspect-outputs", o.suspect_outputs,
                  "Black-box suspect: CSV or .npy of its outputs on the exported probes, one row per image in "
                  "manifest order (one whole number per row: class labels)")
      ->excludes(suspect);
  add_pipeline_options(cmd, o.pipeline);
  add_confinement_options(cmd, o.pipeline);
  auto* threshold = cmd->add_option("--threshold", o.threshold, default_thresholds_help());
  cmd->add_option("--calibration", o.calibration, "Use the threshold of this calibration file and report p-values")
      ->excludes(threshold);
  cmd->add_option("--format", o.format, "Report format: text, json, sarif (code scanning) or junit (CI test reports)")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "json", "sarif", "junit"}));
  cmd->add_option(
      "--plot,--heatmap", o.plot,
      "Write a picture of the two correlation matrices, their difference and the verdict to this .png file");
  cmd->add_option("--expect", o.expect,
                  "CI gate: exit 0 exactly when the verdict is this (independent or stolen), else 1")
      ->check(CLI::IsMember({"independent", "stolen"}));
  return cmd;
}

int run_verify(VerifyOptions o) {
  const auto start = Clock::now();
  apply_command_line(*o.command, o.pipeline);
  if (!o.plot.empty()) check_png_path(o.plot);
  if (o.suspect.empty() && o.suspect_outputs.empty())
    throw Error(ExitCode::kUsage, "verify needs a SUSPECT model or --suspect-outputs");

  VerifyReport report;
  report.threads = inference_threads();
  report.batch_size = o.pipeline.model.batch_size;

  // 1. Read the suspect file first (this process reads it, hashes it and hands the bytes to a
  // confined child; see model_host.h), and the calibration, so a bad file fails before any work
  // is done (whether the calibration fits the victim is checked once the probes are made).
  auto step = Clock::now();
  const std::optional<CalibrationFile> calibration = read_calibration_flag(o.calibration);
  std::optional<ModelBytes> suspect;
  if (!o.suspect.empty()) suspect.emplace(o.suspect, o.pipeline.max_model_bytes);
  if (suspect)
    spdlog::debug("suspect model {} ({}), sha256 {}", o.suspect, absolute_path(o.suspect), suspect->sha256());
  if (calibration) spdlog::debug("calibration {}", absolute_path(calibration->path));
  report.timings.load = seconds_since(step);

  // 2. The victim: its probes (seeds -> resize -> JPEG round trip -> tensor) and its matrix,
  // or both from a fingerprint. Once the probes are final the suspect's confined child starts,
  // so it runs on one half of the cores while the victim runs on the other.
  step = Clock::now();
  const int threads = inference_threads();
  std::optional<ConfinedRun> run;
  auto start_suspect = [&](const ProbeSet& probes) {
    ConfinedOptions confined = confined_options(o.pipeline, 1);
    if (o.pipeline.threads == 0 && threads >= 2) {
      confined.threads = threads - threads / 2;
      set_inference_threads(threads / 2);
    }
    run.emplace(*suspect, SharedProbes(probes), confined);
  };
  Victim victim = prepare_victim(o.victim, o.pipeline, suspect ? ProbesReady(start_suspect) : ProbesReady{});
  set_inference_threads(threads);
  report.timings.probes = victim.probe_seconds;
  report.timings.victim = seconds_since(step) - victim.probe_seconds;

  // 3. The suspect's outputs: from its child (timed from the child's start, so this overlaps
  // the victim's time), or from a file of collected outputs.
  step = Clock::now();
  Measurement measured;
  if (run) {
    ConfinedOutputs outputs = run->wait("suspect");
    report.suspect = {suspect->path(), suspect->sha256(), static_cast<long>(outputs.probes.cols())};
    measured = measurement_from(outputs, o.pipeline.mode, suspect->path());
    report.timings.suspect = run->seconds();
  } else {
    measured =
        measure_collected_outputs(o.suspect_outputs, victim, o.pipeline.mode, report.suspect, report.suspect_outputs);
    report.timings.suspect = seconds_since(step);
  }

  // 4. Distance and verdict.
  step = Clock::now();
  OperatingThreshold threshold =
      victim_threshold(victim, o.threshold, calibration, o.pipeline, report.suspect_outputs == "labels");
  report.settings = run_settings(victim, o.pipeline, threshold);
  Scored scored = score_suspect(victim, measured, threshold, o.pipeline.metric, report.suspect.path);
  report.parts = scored.parts;
  report.distance = scored.distance;
  report.verdict = scored.verdict;
  if (threshold.calibration) {
    report.calibration = calibration ? calibration->path : victim.fingerprint;
    report.p_value = *scored.p_value;
    report.p_value_empirical = *scored.p_value_empirical;
    report.calibration_models = static_cast<int>(threshold.calibration->independent.size());
    report.false_match_rate = false_match_rate(*threshold.calibration, threshold.value);
  }
  report.timings.compare = seconds_since(step);
  report.victim = victim.info;
  report.fingerprint = victim.fingerprint;
  report.expected = o.expect;

  if (!o.plot.empty())
    write_png(o.plot, render_verify_plot(report, with_matrix(victim.measurement).matrix, with_matrix(measured).matrix));
  report.timings.total = seconds_since(start);
  const Timings& t = report.timings;
  spdlog::debug(
      "stages (s): read suspect {:.3f}, probes {:.3f}, victim {:.3f}, suspect child {:.3f}, compare {:.3f}, total "
      "{:.3f}",
      t.load, t.probes, t.victim, t.suspect, t.compare, t.total);
  print_report(o.format == "json"    ? format_json(report)
               : o.format == "sarif" ? format_sarif(suspects_report(report))
               : o.format == "junit" ? format_junit(suspects_report(report))
                                     : format_text(report));
  if (!o.expect.empty()) return to_string(report.verdict) == o.expect ? 0 : 1;
  return static_cast<int>(report.verdict == Verdict::kStolen ? ExitCode::kStolen : ExitCode::kIndependent);
}

}  // namespace sacjc

// `sacjc verify`: load both models, build the probes once, run both, compare their correlation
// matrices, print the report. The steps below follow METHOD.md's pipeline.
#include "sacjc/verify_command.h"

#include <chrono>
#include <cstdio>

#include "sacjc/calibration.h"
#include "sacjc/error.h"
#include "sacjc/json_io.h"
#include "sacjc/heatmap.h"
#include "sacjc/log.h"
#include "sacjc/report.h"

namespace sacjc {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void write_heatmap(const std::string& path, const Eigen::MatrixXf& victim, const Eigen::MatrixXf& suspect) {
  float high = std::max(victim.maxCoeff(), suspect.maxCoeff());
  Eigen::MatrixXf difference = (victim - suspect).cwiseAbs();
  write_png(path, render_heatmaps({{"victim", victim, 0.f, high},
                                   {"suspect", suspect, 0.f, high},
                                   {"|difference|", difference, 0.f, std::max(difference.maxCoeff(), 1e-6f)}}));
}

}  // namespace

CLI::App* add_verify_command(CLI::App& app, VerifyOptions& o) {
  CLI::App* cmd = app.add_subcommand("verify", "Check whether SUSPECT is a copy of VICTIM (exit 1 if stolen, 0 if not)");
  cmd->add_option("victim", o.victim, "Victim model (TorchScript file)")->required();
  cmd->add_option("suspect", o.suspect, "Suspect model (TorchScript file)")->required();
  add_pipeline_options(cmd, o.pipeline);
  auto* threshold = cmd->add_option("--threshold", o.threshold, "Stolen below this distance (default: measured, see README)");
  cmd->add_option("--calibration", o.calibration, "Use the threshold of this calibration file and report p-values")->excludes(threshold);
  cmd->add_option("--format", o.format, "Report format: text or json")->capture_default_str()->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--heatmap", o.heatmap, "Write the two correlation matrices and their difference to this PNG");
  return cmd;
}

int run_verify(VerifyOptions o) {
  const auto start = Clock::now();
  apply_pipeline_options(o.pipeline);

  VerifyReport report;
  report.threads = inference_threads();
  report.batch_size = o.pipeline.model.batch_size;

  // 1. Load both models (fails fast on a bad file before any work is done).
  auto step = Clock::now();
  LoadedModel victim = load_model(o.victim, o.pipeline.model);
  LoadedModel suspect = load_model(o.suspect, o.pipeline.model);
  report.timings.load = seconds_since(step);

  // 2. Probes: seeds -> resize -> JPEG round trip -> tensor, once for both models.
  step = Clock::now();
  ProbeSet probes = make_pipeline_probes(o.pipeline);
  report.timings.probes = seconds_since(step);
  spdlog::info("{} probes from {}, sha256 {}", probes.count, probes.source, probes.sha256);
  OperatingThreshold threshold = operating_threshold(o.threshold, o.calibration, victim.info.sha256, probes.sha256,
                                                     o.pipeline.probes, o.pipeline.metric, o.pipeline.mode);
  report.settings = run_settings(probes, o.pipeline, threshold);

  // 3. Forward passes and correlation matrices.
  step = Clock::now();
  Eigen::MatrixXf c_victim = correlate(victim, probes, o.pipeline.mode, "victim");
  report.timings.victim = seconds_since(step);
  step = Clock::now();
  Eigen::MatrixXf c_suspect = correlate(suspect, probes, o.pipeline.mode, "suspect");
  report.timings.suspect = seconds_since(step);

  // 4. Distance and verdict.
  step = Clock::now();
  report.distance = compare(c_victim, c_suspect, o.pipeline.metric, o.victim, o.suspect);
  report.verdict = decide(report.distance, threshold.value);
  if (threshold.calibration) {
    report.calibration = o.calibration;
    report.p_value = p_value_lognormal(*threshold.calibration, report.distance);
    report.p_value_empirical = p_value_empirical(*threshold.calibration, report.distance);
  }
  report.timings.compare = seconds_since(step);
  report.victim = victim.info;
  report.suspect = suspect.info;

  if (!o.heatmap.empty()) write_heatmap(o.heatmap, c_victim, c_suspect);
  report.timings.total = seconds_since(start);
  std::string text = o.format == "json" ? format_json(report) : format_text(report);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
  return static_cast<int>(report.verdict == Verdict::kStolen ? ExitCode::kStolen : ExitCode::kIndependent);
}

}  // namespace sacjc

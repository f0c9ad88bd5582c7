// `sacjc verify`: load both models, build the probes once, run both, compare their correlation
// matrices, print the report. The steps below follow METHOD.md's pipeline.
#include "sacjc/verify_command.h"

#include <chrono>
#include <cstdio>

#include "sacjc/correlation.h"
#include "sacjc/error.h"
#include "sacjc/heatmap.h"
#include "sacjc/log.h"
#include "sacjc/model.h"
#include "sacjc/report.h"
#include "sacjc/sha256.h"

namespace sacjc {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// "224" or "224x192" (height x width).
void parse_input_size(const std::string& text, ProbeOptions& probes) {
  int h = 0, w = 0;
  char x = 0, extra = 0;
  int fields = std::sscanf(text.c_str(), "%d%c%d%c", &h, &x, &w, &extra);
  if (fields == 1) w = h;
  if (!((fields == 1) || (fields == 3 && (x == 'x' || x == 'X'))) || h < 1 || w < 1)
    throw Error(ExitCode::kUsage, "--input-size must be N or HxW with positive integers, got '" + text + "'");
  probes.height = h;
  probes.width = w;
}

Eigen::MatrixXf correlate(Model& model, const ProbeSet& probes, const std::string& label,
                          ModelInfo& info) {
  ProgressBar bar(label, probes.count);
  Outputs outputs = model.forward(probes, [&](int done) { bar.update(done); });
  info.output_size = outputs.cols();
  spdlog::info("{}: {} outputs per probe", info.path, outputs.cols());
  return correlation_matrix(outputs);
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
  cmd->add_option("--probes", o.probes.directory, "Directory of seed images (JPEG/PNG/BMP, sorted by name); default: the built-in set");
  cmd->add_option("-n,--num-probes", o.probes.count, "Number of probes (default: all seed images)")->check(CLI::Range(2, 1000000));
  cmd->add_option("--input-size", o.input_size, "Model input size, N or HxW")->capture_default_str();
  cmd->add_option("-q,--quality", o.probes.quality, "JPEG quality of the probes")->capture_default_str()->check(CLI::Range(1, 100));
  cmd->add_flag("--transpose", o.probes.transpose, "Swap height and width of each probe after compression");
  cmd->add_option("--channels", o.channels, "Input channel order: rgb, bgr or gray")->capture_default_str()->check(CLI::IsMember({"rgb", "bgr", "gray"}));
  cmd->add_option("--mean", o.probes.mean, "Per-channel mean subtracted after scaling to [0,1] (e.g. 0.485,0.456,0.406)")->delimiter(',');
  cmd->add_option("--std", o.probes.std, "Per-channel std divided by after the mean (e.g. 0.229,0.224,0.225)")->delimiter(',');
  cmd->add_option("--output", o.output_key, "For models that return a dict: the entry to use");
  cmd->add_option("--batch-size", o.batch_size, "Probes per forward pass")->capture_default_str()->check(CLI::Range(1, 65536));
  cmd->add_option("--threads", o.threads, "Inference threads (default: one per core)")->check(CLI::Range(1, 1024));
  cmd->add_option("--threshold", o.threshold, "Stolen below this distance (default: measured, see README)");
  cmd->add_option("--format", o.format, "Report format: text or json")->capture_default_str()->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--heatmap", o.heatmap, "Write the two correlation matrices and their difference to this PNG");
  return cmd;
}

int run_verify(VerifyOptions o) {
  const auto start = Clock::now();
  parse_input_size(o.input_size, o.probes);
  o.probes.channels = parse_channels(o.channels);
  set_inference_threads(o.threads);

  VerifyReport report;
  report.threads = inference_threads();
  report.batch_size = o.batch_size;
  report.threshold = o.threshold.value_or(kDefaultThreshold);
  report.threshold_source = o.threshold ? "--threshold" : kDefaultThresholdSource;

  // 1. Load both models (fails fast on a bad file before any work is done).
  auto step = Clock::now();
  ModelOptions model_options{o.batch_size, o.output_key};
  auto victim = load_torchscript(o.victim, model_options);
  auto suspect = load_torchscript(o.suspect, model_options);
  report.victim = {o.victim, sha256_file(o.victim), 0};
  report.suspect = {o.suspect, sha256_file(o.suspect), 0};
  report.timings.load = seconds_since(step);

  // 2. Probes: seeds -> resize -> JPEG round trip -> tensor, once for both models.
  step = Clock::now();
  ProbeSet probes = make_probes(o.probes);
  report.probe_options = o.probes;
  report.probe_count = probes.count;
  report.probe_source = probes.source;
  report.probe_sha256 = probes.sha256;
  report.timings.probes = seconds_since(step);
  spdlog::info("{} probes from {}, sha256 {}", probes.count, probes.source, probes.sha256);

  // 3. Forward passes and correlation matrices.
  step = Clock::now();
  Eigen::MatrixXf c_victim = correlate(*victim, probes, "victim", report.victim);
  report.timings.victim = seconds_since(step);
  step = Clock::now();
  Eigen::MatrixXf c_suspect = correlate(*suspect, probes, "suspect", report.suspect);
  report.timings.suspect = seconds_since(step);

  // 4. Distance and verdict.
  step = Clock::now();
  report.distance = mean_absolute_distance(c_victim, c_suspect);
  report.verdict = decide(report.distance, report.threshold);
  report.timings.compare = seconds_since(step);

  if (!o.heatmap.empty()) write_heatmap(o.heatmap, c_victim, c_suspect);
  report.timings.total = seconds_since(start);
  std::string text = o.format == "json" ? format_json(report) : format_text(report);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
  return static_cast<int>(report.verdict == Verdict::kStolen ? ExitCode::kStolen : ExitCode::kIndependent);
}

}  // namespace sacjc

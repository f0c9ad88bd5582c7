// The steps every command shares: turning one model file into its measurement on a probe set,
// the victim's preparation and the scoring of a suspect. Commands differ only in what they
// compare. (Their flags are bound in src/cli.)
#pragma once

#include <Eigen/Dense>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sacjc/calibration.h"
#include "sacjc/correlation.h"
#include "sacjc/evaluation.h"
#include "sacjc/fingerprint.h"
#include "sacjc/model.h"
#include "sacjc/model_host.h"
#include "sacjc/probes.h"
#include "sacjc/report.h"
#include "sacjc/score.h"
#include "sacjc/selection.h"

namespace sacjc {

// Flags for probes and models, as the user typed them.
struct PipelineOptions {
  ProbeOptions probes;
  std::string input_size = "224";  // "N" or "HxW"
  std::string channels = "rgb";
  int threads = 0;  // 0: one per core
  ModelOptions model;
  std::string compare;             // empty: rsa, or margin with --labels (the measured recommendations)
  Metric metric = kDefaultMetric;  // set from `compare` by apply_pipeline_options
  std::string mode_name = "logits";
  Mode mode = Mode::kLogits;                  // set from `mode_name` by apply_pipeline_options
  std::string references;                     // --mode fri: reference image directory; empty: taken from the seeds
  int num_references = 16;                    // --mode fri: K
  std::string labels;                         // --labels: the owner's labels of the --probes images
  std::vector<std::string> reference_models;  // --reference-models: the owner's independent models (untrusted)
  std::string select_name;  // --select; empty: victim-wrong with --labels, victim-disputed with --reference-models,
                            // else all
  Select select = Select::kAll;  // set from `select_name` by apply_pipeline_options
  int pool = 0;                  // --pool: candidate images for --select (0: all in --probes)
  std::string public_key;        // --public-key: a fingerprint victim's signature must verify with it
  // Untrusted models (model_host.h): limits per model.
  double timeout = kDefaultTimeoutSeconds;  // --timeout, seconds (0: none)
  long long max_memory_bytes = 0;           // --max-memory (0: half of the memory over the jobs)
  long long max_model_bytes = 0;            // --max-model-bytes (0: no limit)
  bool scan_archive = true;                 // off only for tests (SACJC_TEST_NO_ARCHIVE_SCAN=1)
  // Flags the user gave that a fingerprint fixes (probes, mode, comparison): prepare_victim
  // refuses them with a fingerprint victim. Filled by the command line.
  std::vector<std::string> fixed_flags_given;
};

// Probes kept by --select when -n is not given (at most half the pool): measured on the zoo,
// 1000 selected probes separate extraction students better than 400 or 100 (docs/manual.md, "Catching
// extraction").
constexpr int kDefaultSelectedProbes = 1000;

// `path` made absolute (for -vv logs: which file was meant); `path` itself if that fails.
std::string absolute_path(const std::string& path);

// The child settings for untrusted models when `jobs` of them run at once.
ConfinedOptions confined_options(const PipelineOptions& options, int jobs);

// Parses the textual flags into options.probes, .metric and .mode, and sets the thread count.
// Usage errors throw.
void apply_pipeline_options(PipelineOptions& options);

// The probes for these options; with --mode fri also the reference images: from
// --references, or else the last K seeds, which are then not used as probes.
ProbeSet make_pipeline_probes(const PipelineOptions& options);

// A loaded model and what the reports say about it.
struct LoadedModel {
  ModelInfo info;  // output_size is filled in by correlate
  std::unique_ptr<Model> model;
};

// Loads a TorchScript file and hashes it. Bad files throw bad-input Errors naming `path`.
LoadedModel load_model(const std::string& path, const ModelOptions& options);

// An untrusted model's measurement from its confined child's outputs; bad outputs throw a
// bad-input Error naming `path`.
Measurement measurement_from(const ConfinedOutputs& outputs, Mode mode, const std::string& path);

// An untrusted model file measured on `probes` in a confined child (model_host.h), with a
// progress bar named `label` (none if empty). `info` gets the file's hash and output size.
Measurement measure_untrusted(const std::string& path, const SharedProbes& probes, const PipelineOptions& options,
                              const std::string& label, ModelInfo& info);

// Runs the model on the probes (with a progress bar named `label` on a terminal, none if the
// label is empty). A model failing on the probes throws a bad-input Error naming it.
Measurement measure(LoadedModel& model, const ProbeSet& probes, Mode mode, const std::string& label);

// The victim side of every comparison: a TorchScript model run on probes made from the flags,
// or a fingerprint file (.sacfp) that holds the probes and the victim's measurement.
struct Victim {
  ModelInfo info;           // the model (for a fingerprint: the one it was made from)
  std::string fingerprint;  // the fingerprint file, if the victim came from one
  ProbeSet probes;
  Measurement measurement;
  std::optional<Calibration> calibration;  // a fingerprint's own calibration
  Selection selection;                     // how the probes were chosen (--select)
  double probe_seconds = 0;                // time spent making the probes
};

// Loads the victim from a model or a fingerprint file, whichever `path` is. A fingerprint fixes
// the probes, mode and comparison: they are copied into `options`, and a flag that would change
// them (options.fixed_flags_given) is a usage Error. With --public-key the fingerprint's signature is checked
// (fingerprint.h), and a model is a usage Error. `probes_ready`, if given, is called once the
// probes are final and before the victim model runs on them, so a suspect can start beside it.
using ProbesReady = std::function<void(const ProbeSet&)>;
Victim prepare_victim(const std::string& path, PipelineOptions& options, const ProbesReady& probes_ready = {});

// The settings block of a report, for a victim prepared with these options.
RunSettings run_settings(const Victim& victim, const PipelineOptions& options, const OperatingThreshold& threshold);

// The fingerprint of a prepared victim (fingerprint.h), without a calibration.
Fingerprint fingerprint_of(const Victim& victim, const PipelineOptions& options);

// The operating threshold: --threshold, else --calibration, else the fingerprint's calibration,
// else the comparison's default. A calibration is checked against the victim and probes.
// For class labels (`labels`): --threshold, else the labels' own default; a calibration is a
// usage Error.
OperatingThreshold victim_threshold(const Victim& victim, const std::optional<double>& threshold,
                                    const std::optional<CalibrationFile>& calibration, const PipelineOptions& options,
                                    bool labels = false);

// A suspect's comparison with the victim: distance, verdict, and with a calibration p-values.
struct Scored {
  std::vector<double> parts;  // each component's distance
  double distance = 0;        // for a combination, its p-value (Tippett's method)
  Verdict verdict = Verdict::kIndependent;
  std::optional<double> p_value, p_value_empirical;  // with a calibration
};

// The one place where a comparison's parts become a distance, a verdict and p-values, for every
// command. A single comparison's distance is its part; a combination's is its p-value by
// Tippett's method against `independent_parts` (a calibration's, or a zoo's own independent
// models), leaving out row `leave_out` (the model's own, when it is one of them). The p-values
// come with the threshold's calibration.
Scored score_parts(std::vector<double> parts, Metric metric, const OperatingThreshold& threshold,
                   const std::vector<std::vector<double>>& independent_parts,
                   std::optional<std::size_t> leave_out = std::nullopt);

// Scores a measured suspect against the victim at `threshold`. A combination without a
// calibration is a usage Error.
Scored score_suspect(const Victim& victim, const Measurement& suspect, const OperatingThreshold& threshold,
                     Metric metric, const std::string& suspect_path);

// Distances from the victim to each model. A model that cannot be loaded or run becomes a
// result with an error, and the rest go on. A progress bar counts models. For a combination
// (--compare rsa+agree) each result holds its parts; combine_results() then gives the distance.
std::vector<ModelResult> measure_models(const Victim& victim, const std::vector<ZooEntry>& entries,
                                        const PipelineOptions& options);

// A combination's distances (Tippett's method, calibration.h) from the results' parts, against
// the calibration's independent models; without one, against the independent models among the
// results, each of them left out of its own fit. Does nothing for a single comparison.
void combine_results(std::vector<ModelResult>& results, Metric metric, const std::optional<Calibration>& calibration);

}  // namespace sacjc

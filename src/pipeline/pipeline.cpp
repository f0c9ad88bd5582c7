// The per-model step of every command (load, forward, correlate), the victim's preparation
// and the scoring of suspects.
#include "sacjc/pipeline.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <thread>

#include "sacjc/correlation.h"
#include "sacjc/error.h"
#include "sacjc/files.h"
#include "sacjc/fingerprint_file.h"
#include "sacjc/log.h"
#include "sacjc/score.h"
#include "sacjc/sha256.h"
#include "sacjc/version.h"

namespace sacjc {
namespace {

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

std::string pixel_hash(const Image& image) {
  Sha256 hash;
  hash.update(std::to_string(image.height) + "x" + std::to_string(image.width));
  hash.update(image.rgb.data(), image.rgb.size());
  return hash.hex_digest();
}

// FRI needs references that are not probes: refuses a reference image with the same pixels
// as a probe seed, whatever its file name.
void check_disjoint(const std::vector<Seed>& probes, const std::vector<Seed>& references, const std::string& dir) {
  std::set<std::string> probe_hashes;
  for (const Seed& seed : probes) probe_hashes.insert(pixel_hash(seed.image));
  for (const Seed& seed : references)
    if (probe_hashes.count(pixel_hash(seed.image)))
      throw bad_input(dir + "/" + seed.name,
                      "this reference image is also one of the probes; FRI needs references "
                      "that are not probes");
}

}  // namespace

std::string absolute_path(const std::string& path) {
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  return ec ? path : absolute.lexically_normal().string();
}

ConfinedOptions confined_options(const PipelineOptions& o, int jobs) {
  ConfinedOptions c;
  c.model = o.model;
  const int cores = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  c.threads = o.threads > 0 ? o.threads : std::max(1, cores / std::max(1, jobs));
  c.memory_bytes = o.max_memory_bytes > 0 ? o.max_memory_bytes : default_memory_limit(jobs);
  c.timeout_seconds = o.timeout;
  c.scan_archive = o.scan_archive;
  return c;
}

void apply_pipeline_options(PipelineOptions& o) {
  const char* no_scan = std::getenv("SACJC_TEST_NO_ARCHIVE_SCAN");  // tests of the confinement alone
  o.scan_archive = !(no_scan && std::string(no_scan) == "1");
  parse_input_size(o.input_size, o.probes);
  o.probes.channels = parse_channels(o.channels);
  if (o.compare.empty()) o.compare = o.labels.empty() ? to_string(kDefaultMetric) : to_string(kLabelledMetric);
  o.metric = parse_metric(o.compare);
  o.mode = parse_mode(o.mode_name);
  if (!o.labels.empty() && !o.reference_models.empty())
    throw Error(ExitCode::kUsage,
                "--labels and --reference-models choose the probes in two ways (victim-wrong, victim-disputed); "
                "give one");
  const Select implied = !o.labels.empty()             ? Select::kVictimWrong
                         : !o.reference_models.empty() ? Select::kVictimDisputed
                                                       : Select::kAll;
  o.select = o.select_name.empty() ? implied : parse_select(o.select_name);
  if (o.select == Select::kVictimDisputed && o.reference_models.empty())
    throw Error(ExitCode::kUsage,
                "--select victim-disputed needs --reference-models: independent models whose answers the victim's "
                "are held against");
  if (o.select != Select::kVictimDisputed && !o.reference_models.empty())
    throw Error(ExitCode::kUsage, "--reference-models is only used by --select victim-disputed");
  if (o.select == Select::kVictimWrong && o.labels.empty())
    throw Error(ExitCode::kUsage, "--select victim-wrong needs --labels: which class each probe image truly is");
  if (o.select != Select::kVictimWrong && !o.labels.empty())
    throw Error(ExitCode::kUsage, "--labels is only used by --select victim-wrong");
  if (o.select == Select::kAll && o.pool > 0) throw Error(ExitCode::kUsage, "--pool is only used by --select");
  if (o.select != Select::kAll && o.mode != Mode::kLogits)
    throw Error(ExitCode::kUsage, "--select reads the victim's classes, so it needs --mode logits");
  if (!o.labels.empty() && o.probes.directory.empty())
    throw Error(ExitCode::kUsage, "--labels names images of a --probes directory; give --probes");
  const Metric last = components(o.metric).back();
  if (o.mode != Mode::kLogits &&
      (last == Metric::kAgree || last == Metric::kMargin || last == Metric::kCosine || last == Metric::kKl))
    throw Error(ExitCode::kUsage, "--compare " + o.compare + " compares classes, so it needs --mode logits");
  set_inference_threads(o.threads);
}

ProbeSet make_pipeline_probes(const PipelineOptions& o) {
  if (o.mode != Mode::kFri) return make_probes(o.probes);
  namespace fs = std::filesystem;
  std::error_code ec;
  ProbeSet probes, references;
  if (!o.references.empty()) {
    if (!o.probes.directory.empty() && fs::equivalent(o.references, o.probes.directory, ec))
      throw Error(ExitCode::kUsage, "--references and --probes are the same directory; references must not be probes");
    std::vector<Seed> probe_seeds = load_seeds(o.probes);
    probes = probes_from_seeds(probe_seeds, o.probes);
    ProbeOptions reference_options = o.probes;
    reference_options.directory = o.references;
    reference_options.count = 0;
    std::vector<Seed> seeds = load_seeds(reference_options);
    if (static_cast<int>(seeds.size()) < 2) throw bad_input(o.references, "FRI needs at least 2 reference images");
    if (static_cast<int>(seeds.size()) > o.num_references) seeds.resize(o.num_references);
    check_disjoint(probe_seeds, seeds, o.references);
    references = probes_from_seeds(seeds, reference_options);
  } else {
    // The last K seeds are the references; the probes come from the seeds before them.
    ProbeOptions all = o.probes;
    all.count = 0;
    std::vector<Seed> seeds = load_seeds(all);
    int available = static_cast<int>(seeds.size()) - o.num_references;
    if (available < 2 || o.probes.count > available)
      throw Error(ExitCode::kUsage, std::to_string(seeds.size()) + " seeds cannot give " +
                                        std::to_string(o.num_references) + " references and " +
                                        std::to_string(o.probes.count ? o.probes.count : 2) +
                                        " probes; lower -n or --num-references, or give --references");
    std::vector<Seed> reference_seeds(seeds.end() - o.num_references, seeds.end());
    seeds.resize(o.probes.count ? o.probes.count : available);
    probes = probes_from_seeds(seeds, o.probes);
    references = probes_from_seeds(reference_seeds, o.probes);
  }
  attach_references(probes, std::move(references));
  return probes;
}

LoadedModel load_model(const std::string& path, const ModelOptions& options) {
  LoadedModel loaded;
  loaded.model = load_torchscript(path, options);
  loaded.info = {path, sha256_file(path), 0};
  return loaded;
}

Measurement measurement_from(const ConfinedOutputs& outputs, Mode mode, const std::string& path) {
  return measurement_of(probe_features(outputs.probes, outputs.references, mode, path));
}

Measurement measure_untrusted(const std::string& path, const SharedProbes& probes, const PipelineOptions& o,
                              const std::string& label, ModelInfo& info) {
  ModelBytes bytes(path, o.max_model_bytes);
  ConfinedOutputs outputs = run_confined(bytes, probes, confined_options(o, 1), label);
  info = {path, bytes.sha256(), static_cast<long>(outputs.probes.cols())};
  spdlog::info("{}: {} outputs per probe", path, outputs.probes.cols());
  return measurement_from(outputs, o.mode, path);
}

Measurement measure(LoadedModel& loaded, const ProbeSet& probes, Mode mode, const std::string& label) {
  Outputs outputs, references;
  {
    ProgressBar bar(label, label.empty() ? 0 : probes.count);  // no label: no bar
    outputs = loaded.model->forward(probes, [&](int done) { bar.update(done); });
  }
  if (mode == Mode::kFri) references = loaded.model->forward(*probes.references);
  loaded.info.output_size = outputs.cols();
  spdlog::info("{}: {} outputs per probe", loaded.info.path, outputs.cols());
  return measurement_of(probe_features(outputs, references, mode, loaded.info.path));
}

namespace {

// --reference-models: each reference model's outputs on the pool. They are the owner's, but
// files like any other, so each runs confined like a suspect (model_host.h); one with another
// class count than the victim's is a bad-input Error naming it.
std::vector<Outputs> run_reference_models(const PipelineOptions& o, const ProbeSet& pool, long classes) {
  const SharedProbes probes(pool);
  std::vector<Outputs> outputs;
  for (const std::string& path : o.reference_models) {
    ModelBytes bytes(path, o.max_model_bytes);
    outputs.push_back(std::move(run_confined(bytes, probes, confined_options(o, 1), "reference model").probes));
    if (outputs.back().cols() != classes)
      throw bad_input(path, "a reference model must answer the victim's classes, but it gives " +
                                std::to_string(outputs.back().cols()) + " outputs per probe, the victim " +
                                std::to_string(classes));
  }
  return outputs;
}

// --select: the victim runs on the pool of candidate images, and the probes it picks are made
// again from their JPEG files, so the set (and its hash) is exactly what a fingerprint rebuilds.
void select_victim_probes(LoadedModel& model, const PipelineOptions& o, Victim& victim) {
  ProbeOptions pool_options = o.probes;
  pool_options.count = o.pool;
  std::vector<Seed> seeds = load_seeds(pool_options);
  const int pool = static_cast<int>(seeds.size());
  const int count = o.probes.count ? o.probes.count : std::min(kDefaultSelectedProbes, pool / 2);
  const std::string& source = o.probes.directory.empty() ? std::string("the built-in set") : o.probes.directory;
  if (pool < count)
    throw bad_input(source, "a pool of " + std::to_string(pool) + " images cannot give " + std::to_string(count) +
                                " selected probes; lower -n or raise --pool");
  std::vector<int> labels;
  Selection& selection = victim.selection;
  selection = {o.select, pool, o.labels, "", -1, {}, {}, -1};
  Labels known;
  if (o.select == Select::kVictimWrong) {
    known = read_labels(o.labels, seed_file_names(o.probes.directory));
    for (const Seed& seed : seeds) {
      auto it = known.find(seed.name);
      if (it == known.end()) throw bad_input(o.labels, "no label for the pool image '" + seed.name + "'");
      labels.push_back(it->second.label);
    }
    selection.labels_sha256 = sha256_file(o.labels);
  }
  ProbeSet pool_probes = probes_from_seeds(seeds, o.probes);
  seeds.clear();
  Outputs outputs;
  {
    ProgressBar bar("victim (pool)", pool_probes.count);
    outputs = model.model->forward(pool_probes, [&](int done) { bar.update(done); });
  }
  check_label_range(known, outputs.cols(), o.labels);
  if (o.select == Select::kVictimDisputed)
    labels = reference_answers(outputs, run_reference_models(o, pool_probes, outputs.cols()));
  std::vector<int> keep = select_probes(outputs, o.select, count, labels, pool_probes.names, o.labels);
  std::vector<std::string> names;
  std::vector<std::vector<std::uint8_t>> jpegs;
  Outputs kept(keep.size(), outputs.cols());
  std::vector<int> kept_labels;
  for (std::size_t i = 0; i < keep.size(); ++i) {
    names.push_back(pool_probes.names[keep[i]]);
    jpegs.push_back(std::move(pool_probes.jpegs[keep[i]]));
    kept.row(i) = outputs.row(keep[i]);
    if (!labels.empty()) kept_labels.push_back(labels[keep[i]]);
  }
  if (o.select == Select::kVictimWrong) selection.victim_wrong = count_wrong(kept, kept_labels);
  if (o.select == Select::kVictimDisputed) {
    selection.victim_disputed = count_wrong(kept, kept_labels);
    selection.reference_models = o.reference_models;
    for (const std::string& path : o.reference_models) selection.reference_sha256.push_back(sha256_file(path));
  }
  victim.probes = probes_from_jpegs(names, jpegs, o.probes, pool_probes.source);
  victim.probes.labels = kept_labels;
  model.info.output_size = kept.cols();
  victim.measurement = measurement_of(probe_features(kept, {}, o.mode, model.info.path));
  spdlog::info(
      "--select {}: {} of {} pool images{}{}", to_string(o.select), count, pool,
      selection.victim_wrong >= 0 ? ", " + std::to_string(selection.victim_wrong) + " of them wrong" : "",
      selection.victim_disputed >= 0 ? ", " + std::to_string(selection.victim_disputed) + " of them disputed" : "");
}

// The built-in probes are textures, objects and scenes, not faces. Students distilled from a
// face descriptor copy it on faces only: on the first face zoo they ranked beyond every
// independent network with the built-in probes (AUC 0.0) and first with face crops (AUC 1.0);
// weight copies rank first with either (docs/face-results.md).
// The face defaults were measured with 208 face crops of 16 faces. With fewer, every model's
// distance shrinks: with the first 64 of those crops (5 faces) 2 of the face zoo's 9 independent
// networks fell below the embedding default, with 32 crops 6 of 9; with 128 none did.
constexpr int kFaceProbesMeasured = 128;

void warn_about_probes(const Victim& victim, const PipelineOptions& o) {
  if (o.mode == Mode::kLogits) return;
  if (victim.probes.source == "built-in")
    spdlog::warn(
        "--mode {} with the built-in probes, which are not faces: weight copies of a face descriptor show, "
        "but students distilled from it may not; give face crops with --probes (docs/face-results.md)",
        to_string(o.mode));
  else if (victim.probes.count < kFaceProbesMeasured)
    spdlog::warn(
        "--mode {} with {} probes: the face default threshold holds from {} face crops of many faces; with "
        "fewer, independent face networks come closer (64 crops of 5 faces: 2 of 9 called stolen); give more "
        "crops or calibrate (docs/face-results.md)",
        to_string(o.mode), victim.probes.count, kFaceProbesMeasured);
}

}  // namespace

Victim prepare_victim(const std::string& path, PipelineOptions& o, const ProbesReady& probes_ready) {
  Victim victim;
  if (!is_fingerprint_file(path)) {
    std::error_code ec;
    if (!o.public_key.empty() && std::filesystem::is_regular_file(path, ec))
      throw Error(ExitCode::kUsage,
                  "--public-key checks the signature of a fingerprint (.sacfp), and " + path + " is not one");
    spdlog::debug("victim model {} ({}), runs in this process", path, absolute_path(path));
    LoadedModel model = [&] {
      StageTimer timer("load victim");
      return load_model(path, o.model);
    }();
    const auto start = std::chrono::steady_clock::now();
    if (o.select != Select::kAll) {
      select_victim_probes(model, o, victim);
      o.probes.count = victim.probes.count;
      if (probes_ready) probes_ready(victim.probes);
    } else {
      victim.probes = make_pipeline_probes(o);
      victim.probe_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      spdlog::debug("stage probes: {:.3f} s ({} from {}, quality {}, {}x{})", victim.probe_seconds, victim.probes.count,
                    o.probes.directory.empty() ? "the built-in set" : absolute_path(o.probes.directory),
                    o.probes.quality, o.probes.height, o.probes.width);
      if (probes_ready) probes_ready(victim.probes);
      StageTimer timer("victim forward");
      victim.measurement = measure(model, victim.probes, o.mode, "victim");
    }
    spdlog::info("{} probes from {}, sha256 {}", victim.probes.count, victim.probes.source, victim.probes.sha256);
    victim.info = model.info;
    if (reads_matrix(o.metric)) with_matrix(victim.measurement);  // once, not per suspect
    warn_about_probes(victim, o);
    return victim;
  }
  if (!o.fixed_flags_given.empty())
    throw Error(ExitCode::kUsage, o.fixed_flags_given.front() + " cannot be used with a fingerprint: " + path +
                                      " fixes the probes, mode and comparison");
  spdlog::debug("victim fingerprint {} ({}){}", path, absolute_path(path),
                o.public_key.empty() ? "" : ", signature checked with " + absolute_path(o.public_key));
  StageTimer timer("read fingerprint");
  Fingerprint fp = read_fingerprint(path, o.public_key);
  o.probes = fp.probe_options;
  o.mode = fp.mode;
  o.mode_name = to_string(fp.mode);
  o.metric = fp.metric;
  o.compare = to_string(fp.metric);
  o.num_references = static_cast<int>(fp.reference_jpegs.size());
  victim.info = fp.victim;
  victim.fingerprint = path;
  victim.probes = fingerprint_probes(fp, path);
  if (probes_ready) probes_ready(victim.probes);
  victim.measurement = {std::move(fp.features), std::move(fp.matrix)};
  victim.calibration = std::move(fp.calibration);
  victim.selection = fp.selection;
  o.select = fp.selection.method;
  o.select_name = to_string(fp.selection.method);
  o.labels = fp.selection.labels;
  o.pool = fp.selection.pool;
  warn_about_probes(victim, o);
  return victim;
}

RunSettings run_settings(const Victim& victim, const PipelineOptions& o, const OperatingThreshold& threshold) {
  const ProbeSet& p = victim.probes;
  return {o.probes, p.count,         p.source,         p.sha256,        o.mode, p.references ? p.references->count : 0,
          o.metric, threshold.value, threshold.source, victim.selection};
}

Fingerprint fingerprint_of(const Victim& victim, const PipelineOptions& o) {
  Fingerprint fp;
  fp.tool_version = SACJC_VERSION;
  fp.victim = victim.info;
  fp.probe_options = o.probes;
  fp.mode = o.mode;
  fp.metric = o.metric;
  fp.output_key = o.model.output_key;
  fp.probe_source = victim.probes.source;
  fp.probe_sha256 = victim.probes.sha256;
  fp.probe_names = victim.probes.names;
  fp.probe_jpegs = victim.probes.jpegs;
  fp.probe_labels = victim.probes.labels;
  if (victim.probes.references) {
    fp.reference_names = victim.probes.references->names;
    fp.reference_jpegs = victim.probes.references->jpegs;
  }
  fp.features = victim.measurement.features;
  Eigen::MatrixXf computed;
  fp.matrix = matrix_of(victim.measurement, computed);
  fp.selection = victim.selection;
  return fp;
}

OperatingThreshold victim_threshold(const Victim& victim, const std::optional<double>& threshold,
                                    const std::optional<CalibrationFile>& calibration, const PipelineOptions& o,
                                    bool labels) {
  if (labels) {  // one-hot distances: calibrations, made on outputs, do not apply
    if (calibration)
      throw Error(ExitCode::kUsage,
                  "a calibration holds distances between model outputs, not class labels; "
                  "give --threshold for labels");
    if (threshold) return {*threshold, "--threshold", std::nullopt};
    return {default_label_threshold(o.metric), kDefaultLabelThresholdSource, std::nullopt};
  }
  if (!threshold && !calibration && victim.calibration)
    return {victim.calibration->threshold, "calibration in fingerprint " + victim.fingerprint, victim.calibration};
  if (!threshold && !calibration && victim.probes.source != "built-in")
    if (std::optional<DefaultThreshold> own = own_probes_threshold(o.metric, o.mode))
      return {own->value, own->source, std::nullopt};
  return operating_threshold(threshold, calibration, victim.info.sha256, victim.probes.sha256, o.probes, o.metric,
                             o.mode);
}

Scored score_parts(std::vector<double> parts, Metric metric, const OperatingThreshold& threshold,
                   const std::vector<std::vector<double>>& independent_parts, std::optional<std::size_t> leave_out) {
  Scored s;
  s.parts = std::move(parts);
  s.distance = is_combined(metric) ? combined_p_value(s.parts, independent_parts, leave_out) : s.parts.front();
  s.verdict = decide(s.distance, threshold.value);
  if (threshold.calibration) {
    // A combination's distance is already its p-value (Tippett's method); its rank among the
    // independent models' values is the empirical one.
    s.p_value = is_combined(metric) ? s.distance : p_value_lognormal(*threshold.calibration, s.distance);
    s.p_value_empirical = p_value_empirical(*threshold.calibration, s.distance);
  }
  return s;
}

Scored score_suspect(const Victim& victim, const Measurement& suspect, const OperatingThreshold& threshold,
                     Metric metric, const std::string& suspect_path) {
  if (is_combined(metric) && !threshold.calibration)
    throw Error(ExitCode::kUsage,
                "--compare " + to_string(metric) + " needs a calibration made with it (--calibration)");
  return score_parts(
      compare_parts(victim.measurement, suspect, metric, victim.info.path, suspect_path, victim.probes.labels), metric,
      threshold, threshold.calibration ? threshold.calibration->independent_parts : std::vector<std::vector<double>>{});
}

std::vector<ModelResult> measure_models(const Victim& victim, const std::vector<ZooEntry>& entries,
                                        const PipelineOptions& options) {
  std::vector<ModelResult> results;
  ProgressBar bar("models", static_cast<int>(entries.size()));
  const SharedProbes probes(victim.probes);
  for (const ZooEntry& entry : entries) {
    ModelResult result{entry, std::nullopt, "", {entry.path, "", 0}, {}};
    StageTimer timer("model " + entry.path);
    try {
      ModelInfo info;
      Measurement m = measure_untrusted(entry.path, probes, options, "", info);
      result.parts =
          compare_parts(victim.measurement, m, options.metric, victim.info.path, entry.path, victim.probes.labels);
      if (!is_combined(options.metric)) result.distance = result.parts.front();
      result.info = info;
    } catch (const Error& e) {
      if (e.code() != ExitCode::kBadInput) throw;
      result.error = e.what();
      spdlog::warn("{}", e.what());
    }
    results.push_back(result);
    bar.update(static_cast<int>(results.size()));
  }
  return results;
}

void combine_results(std::vector<ModelResult>& results, Metric metric, const std::optional<Calibration>& calibration) {
  std::vector<std::vector<double>> independent_parts;
  std::vector<std::optional<std::size_t>> leave_out(results.size());  // a model's own row among them
  if (calibration) {
    independent_parts = calibration->independent_parts;
    const auto& paths = calibration->independent_paths;
    for (std::size_t i = 0; i < results.size(); ++i) {
      auto it = std::find(paths.begin(), paths.end(), results[i].entry.path);
      if (it == paths.end())  // a fingerprint's calibration names its models by base name only
        it = std::find(paths.begin(), paths.end(), base_name(results[i].entry.path));
      if (it != paths.end()) leave_out[i] = it - paths.begin();
    }
  } else {
    for (std::size_t i = 0; i < results.size(); ++i)
      if (results[i].entry.role == "independent" && results[i].parts.size() > 1) {
        leave_out[i] = independent_parts.size();
        independent_parts.push_back(results[i].parts);
      }
  }
  for (std::size_t i = 0; i < results.size(); ++i)
    if (results[i].parts.size() > 1)
      results[i].distance = score_parts(results[i].parts, metric, {}, independent_parts, leave_out[i]).distance;
}

}  // namespace sacjc

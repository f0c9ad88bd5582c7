// The flag groups every command shares, bound to CLI11 once.
#include "cli.h"

#include <fmt/format.h>

#include "sacjc/error.h"
#include "sacjc/json_io.h"
#include "sacjc/model_host.h"
#include "sacjc/size.h"

namespace sacjc {
namespace {

// The help group of the flags that choose probes, mode and comparison: a fingerprint fixes them.
constexpr const char* kFixedByFingerprint = "Probes, mode and comparison (fixed by a fingerprint)";

// Binds a size option (size.h) whose bare numbers count `bare_unit` bytes. A bad value is a
// CLI11 validation error, so it is reported like any other usage error.
CLI::Option* add_size_option(CLI::App* cmd, const std::string& name, long long& bytes, long long bare_unit,
                             const std::string& description) {
  return cmd
      ->add_option_function<std::string>(
          name,
          [&bytes, bare_unit, name](const std::string& text) {
            try {
              bytes = parse_size(text, bare_unit, name);
            } catch (const Error& e) {
              throw CLI::ValidationError(e.what());
            }
          },
          description)
      ->type_name("SIZE");
}

}  // namespace

void add_output_flags(CLI::App* cmd, LogOptions& log) {
  cmd->option_defaults()->group("Output");
  cmd->add_flag_function(
      "-v,--verbose", [&log](std::int64_t count) { log.verbosity += static_cast<int>(count); },
      "More log output on stderr: -v for progress notes, -vv for debug detail (stage timings, paths, the "
      "confinement of each model)");
  cmd->add_flag_callback(
      "--quiet", [&log] { log.quiet = true; }, "Errors only on stderr: no warnings, notes or progress bar");
  cmd->add_flag_callback(
      "--no-progress", [&log] { log.progress = false; },
      "No progress bar (none is drawn anyway when stderr is not a terminal or TERM is dumb)");
  cmd->option_defaults()->group("Options");
}

std::string default_thresholds_help() {
  std::string text;
  for (Metric metric :
       {Metric::kRsa, Metric::kCka, Metric::kMad, Metric::kAgree, Metric::kMargin, Metric::kCosine, Metric::kKl})
    text += fmt::format("{}{} {:g}", text.empty() ? "" : ", ", to_string(metric),
                        default_threshold(metric, Mode::kLogits).value);
  return "Stolen below this distance. Default: " + text +
         fmt::format(
             "; rsa {:g} with your own --probes; rsa {:g} with --mode embedding, {:g} with --mode fri (face "
             "descriptors); a combination takes its calibration's",
             own_probes_threshold(Metric::kRsa, Mode::kLogits)->value,
             default_threshold(Metric::kRsa, Mode::kEmbedding).value,
             default_threshold(Metric::kRsa, Mode::kFri).value);
}

void add_pipeline_options(CLI::App* cmd, PipelineOptions& o) {
  cmd->option_defaults()->group(kFixedByFingerprint);
  cmd->add_option("--probes", o.probes.directory,
                  "Directory of seed images (JPEG/PNG/BMP, sorted by name); default: the built-in set");
  cmd->add_option("-n,--num-probes", o.probes.count, "Number of probes (default: all seed images)")
      ->check(CLI::Range(2, 1000000));
  cmd->add_option("--input-size", o.input_size, "Model input size, N or HxW")->capture_default_str();
  cmd->add_option("-q,--quality", o.probes.quality, "JPEG quality of the probes")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  cmd->add_flag("--transpose", o.probes.transpose, "Swap height and width of each probe after compression");
  cmd->add_option("--channels", o.channels, "Input channel order: rgb, bgr or gray")
      ->capture_default_str()
      ->check(CLI::IsMember({"rgb", "bgr", "gray"}));
  cmd->add_option("--mean", o.probes.mean,
                  "Per-channel mean subtracted after scaling to [0,1] (e.g. 0.485,0.456,0.406)")
      ->delimiter(',');
  cmd->add_option("--std", o.probes.std, "Per-channel std divided by after the mean (e.g. 0.229,0.224,0.225)")
      ->delimiter(',');
  cmd->add_option("--mode", o.mode_name,
                  "What the outputs are: logits (classifiers), embedding, or fri (embeddings described by their "
                  "cosines to reference images)")
      ->capture_default_str()
      ->check(CLI::IsMember({"logits", "embedding", "fri"}));
  cmd->add_option(
      "--references", o.references,
      "--mode fri: directory of reference images (default: the last --num-references seeds, excluded from the probes)");
  cmd->add_option("--num-references", o.num_references, "--mode fri: number of reference images K")
      ->capture_default_str()
      ->check(CLI::Range(2, 100000));
  cmd->add_option(
         "--compare", o.compare,
         "How to compare (default: rsa; margin with --labels): rsa (1 - Pearson of the correlation matrices' entries), "
         "cka (1 - linear CKA), mad (the paper's mean absolute difference), agree (1 - share of probes with the "
         "victim's top class), margin (how strongly the suspect prefers the victim's wrong answers to the true labels; "
         "needs --labels or --reference-models), cosine (1 - mean cosine of the softmax outputs per probe), kl (mean "
         "KL(victim || suspect) of the softmax outputs), or a combination of two, scored by the smaller p-value "
         "against a calibration's independent models (Tippett's method): rsa+agree, cka+agree, mad+agree, rsa+margin, "
         "cka+margin, rsa+cosine, cka+cosine, rsa+kl, cka+kl")
      ->check(CLI::IsMember(metric_names()));
  cmd->add_option("--labels", o.labels,
                  "CSV 'file,label' of the --probes images: class indices in the victim's output order (for --select "
                  "victim-wrong and --compare margin)");
  cmd->add_option("--reference-models", o.reference_models,
                  "Independent models of the victim's task (TorchScript, run confined): keep the probes where the "
                  "victim's top class is not their majority answer (--select victim-disputed); no labels needed")
      ->expected(1, -1);
  cmd->add_option("--select", o.select_name,
                  "Which probes to keep from the pool: all, victim-wrong (needs --labels), victim-uncertain or "
                  "victim-disputed (needs --reference-models) (default: victim-wrong with --labels, victim-disputed "
                  "with --reference-models, else all)")
      ->check(CLI::IsMember({"all", "victim-wrong", "victim-uncertain", "victim-disputed"}));
  cmd->add_option("--pool", o.pool, "--select: candidate images, the first N of --probes (default: all of them)")
      ->check(CLI::Range(2, 100000000));
  cmd->option_defaults()->group("Models");
  cmd->add_option("--output", o.model.output_key, "For models that return a dict: the entry to use");
  cmd->add_option("--batch-size", o.model.batch_size, "Probes per forward pass")
      ->capture_default_str()
      ->check(CLI::Range(1, 65536));
  cmd->add_flag_callback(
      "--no-optimize", [&o] { o.model.optimize = false; }, "Run models as saved, without freezing them for inference");
  cmd->add_option("--threads", o.threads, "Inference threads (default 0: one per core)")->check(CLI::Range(0, 1024));
  cmd->option_defaults()->group("Options");
  cmd->add_option("--public-key", o.public_key,
                  "Ed25519 public key (PEM): the fingerprint VICTIM must have a signature VICTIM.sig (fingerprint "
                  "--sign) that verifies with it, else exit 3");
}

void add_confinement_options(CLI::App* cmd, PipelineOptions& o) {
  cmd->option_defaults()->group("Untrusted models (each runs confined in its own process)");
  cmd->add_option("--timeout", o.timeout, "Seconds per model before it is killed and reported as an error (0: none)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  add_size_option(cmd, "--max-memory", o.max_memory_bytes, 1LL << 20,
                  "Address-space limit per model: a size such as 512M or 2G; a bare number is MB. Default: half "
                  "of this machine's memory over the models run at once (" +
                      format_size(default_memory_limit(1)) + " for one)");
  add_size_option(cmd, "--max-model-bytes", o.max_model_bytes, 1,
                  "Model files larger than this are refused unread: a size such as 512M or 2G; a bare number is "
                  "bytes. Default 0: no limit");
  cmd->option_defaults()->group("Options");
}

std::optional<CalibrationFile> read_calibration_flag(const std::string& path) {
  if (path.empty()) return std::nullopt;
  return CalibrationFile{path, read_calibration(path)};
}

void apply_command_line(const CLI::App& command, PipelineOptions& o) {
  apply_pipeline_options(o);
  o.fixed_flags_given.clear();
  for (const CLI::Option* option : command.get_options())
    if (option->get_group() == kFixedByFingerprint && option->count() > 0)
      o.fixed_flags_given.push_back(option->get_name());
}

}  // namespace sacjc

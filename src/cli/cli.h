// The command line, private to src/cli: each command's options, how they are bound to CLI11
// (add_*_command) and how the command runs (run_*). The library (include/sacjc) knows nothing of
// CLI11; the flag groups every command shares are bound once, in options.cpp.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "sacjc/log.h"
#include "sacjc/pipeline.h"

namespace sacjc {

// -v/--verbose (repeatable: -vv for debug), --quiet and --no-progress, bound on the top level
// and on every command (so each command's help lists them) to the same LogOptions.
void add_output_flags(CLI::App* command, LogOptions& log);

// Help that reads well: option texts wrapped to the terminal (help.cpp). Set on the top level
// before the commands are added, which inherit it.
void use_readable_help(CLI::App& app);

// `sacjc help [COMMAND [SUBCOMMAND]]`: the help of sacjc or of one command, on stdout.
struct HelpOptions {
  std::vector<std::string> topic;
};
CLI::App* add_help_command(CLI::App& app, HelpOptions& options);
int run_help(const CLI::App& app, const HelpOptions& options);

// After a parse error: the message for the first word the parse could not place, with a "did
// you mean" naming the nearest command or option; empty when the word is no mistyped name (then
// CLI11's message stands).
std::string did_you_mean(const CLI::App& app);

// The nearest of `candidates` to `word` (at most 2 edits, 1 for words of 4 characters, none
// for shorter ones), or the only candidate that `word` begins; empty if none.
std::string nearest_name(const std::string& word, const std::vector<std::string>& candidates);

// The command given, as typed after "sacjc" ("verify", "probes export"); empty if none.
std::string command_path(const CLI::App& app);

// Binds --probes, -n, --input-size, -q, --transpose, --channels, --mean, --std, --output,
// --batch-size, --threads, --compare, --mode, --references, --num-references, --labels,
// --reference-models, --select, --pool and --public-key. The flags that choose probes, mode and comparison form one
// help group: a fingerprint fixes them.
void add_pipeline_options(CLI::App* command, PipelineOptions& options);

// Binds --timeout, --max-memory and --max-model-bytes: the limits of the commands that run
// untrusted models (verify, audit, evaluate, calibrate). The two sizes take suffixes (512M,
// 2G) through parse_size; a bare number is MB for --max-memory and bytes for --max-model-bytes,
// as before.
void add_confinement_options(CLI::App* command, PipelineOptions& options);

// The help text of --threshold, with the measured defaults it falls back to.
std::string default_thresholds_help();

// After parsing: the textual flags parsed into `options` (apply_pipeline_options), and the
// flags of `command` that a fingerprint fixes, as given by the user (prepare_victim refuses
// them with a fingerprint victim).
void apply_command_line(const CLI::App& command, PipelineOptions& options);

// The --calibration file, read once (a bad file is a bad-input Error naming it); none if `path`
// is empty.
std::optional<CalibrationFile> read_calibration_flag(const std::string& path);

// `sacjc verify VICTIM SUSPECT`: is the suspect a copy of the victim? VICTIM may be a model or a
// fingerprint file; a black-box suspect is given as its collected outputs instead.

struct VerifyOptions {
  std::string victim;
  std::string suspect;
  std::string suspect_outputs;  // CSV or .npy of a black-box suspect's outputs on the exported probes
  PipelineOptions pipeline;
  std::optional<double> threshold;
  std::string calibration;  // calibration file: its threshold, and p-values in the report
  std::string format = "text";
  std::string plot;    // PNG path, or empty
  std::string expect;  // "independent" or "stolen": exit 0 exactly when the verdict is this
  const CLI::App* command = nullptr;
};

// Adds the subcommand and binds its flags to `options`, which must outlive parsing.
CLI::App* add_verify_command(CLI::App& app, VerifyOptions& options);

// Runs verify; returns the exit code of the verdict (0 independent, 1 stolen; with --expect,
// 0 when the verdict is the expected one and 1 otherwise). Errors throw.
int run_verify(VerifyOptions options);

// `sacjc fingerprint VICTIM -o FILE`: measure the victim once and keep everything a check needs.

struct FingerprintOptions {
  std::string victim;
  std::string output;
  std::string calibration;  // embedded, so verify with the fingerprint gives p-values
  std::string sign;         // --sign: Ed25519 private key (PEM); writes OUTPUT.sig too
  PipelineOptions pipeline;
  const CLI::App* command = nullptr;
};

CLI::App* add_fingerprint_command(CLI::App& app, FingerprintOptions& options);
int run_fingerprint(FingerprintOptions options);

// `sacjc probes export VICTIM_OR_SACFP --out DIR`: the exact probe images, for suspects that can
// only be queried through an API.

struct ProbesExportOptions {
  std::string victim;  // a model (probes from the flags) or a fingerprint (its probes)
  std::string out;
  PipelineOptions pipeline;
  const CLI::App* command = nullptr;
};

// Adds `probes` with its subcommand `export`; returns the `export` subcommand.
CLI::App* add_probes_command(CLI::App& app, ProbesExportOptions& options);
int run_probes_export(ProbesExportOptions options);

// `sacjc audit VICTIM PATH...`: every model under PATH against one victim, each run in its own
// confined child process (model_host.h); and `sacjc merge LOG...`: the table of several audit logs (shards) as one.

struct AuditOptions {
  std::string victim;
  std::vector<std::string> paths;
  std::vector<std::string> globs = {"*.pt", "*.pth", "*.torchscript"};
  int jobs = 1;               // 0: one per core
  bool show_skipped = false;  // list the files under PATH that are not checked
  std::string jsonl;
  bool resume = false;
  std::string shard;  // "I/N"
  std::string format = "text";
  bool allow_errors = false;
  std::string expect;
  std::optional<double> threshold;
  std::string calibration;
  PipelineOptions pipeline;
  const CLI::App* command = nullptr;
};

struct MergeOptions {
  std::vector<std::string> logs;
  std::string output;  // merged log to write, if any
  std::string format = "text";
  bool allow_errors = false;
  std::string expect;
};

CLI::App* add_audit_command(CLI::App& app, AuditOptions& options);
int run_audit(AuditOptions options);

CLI::App* add_merge_command(CLI::App& app, MergeOptions& options);
int run_merge(MergeOptions options);

// `sacjc evaluate VICTIM --manifest FILE`: how well does the fingerprint separate this zoo's
// stolen models from its independent ones?

// The known models of a zoo, shared by evaluate and calibrate.
struct ZooOptions {
  std::string manifest;
  std::vector<std::string> stolen;       // family "stolen"
  std::vector<std::string> independent;  // group "independent"
};

// Binds --manifest, --stolen and --independent.
void add_zoo_options(CLI::App* command, ZooOptions& options);

// The models named by --manifest plus --stolen and --independent; a usage Error if none.
std::vector<ZooEntry> zoo_entries(const ZooOptions& options);

struct EvaluateOptions {
  std::string victim;
  ZooOptions zoo;
  PipelineOptions pipeline;
  const CLI::App* command = nullptr;
  std::optional<double> threshold;
  std::string calibration;
  std::string format = "text";
  std::string plot;  // PNG path, or empty
  bool by_arch = false;
};

CLI::App* add_evaluate_command(CLI::App& app, EvaluateOptions& options);

// Prints the report; returns 0, or 3 when some model could not be evaluated.
int run_evaluate(EvaluateOptions options);

// `sacjc calibrate VICTIM --independent ... -o calibration.json`: the threshold for a target
// false-positive rate, from the distances of models known to be independent.

struct CalibrateOptions {
  std::string victim;
  ZooOptions zoo;  // stolen models are only reported, not used for the threshold
  PipelineOptions pipeline;
  const CLI::App* command = nullptr;
  double fpr = 0.01;
  std::string output;
};

CLI::App* add_calibrate_command(CLI::App& app, CalibrateOptions& options);

// Writes the calibration file and prints a summary; returns 0, or 3 when some model could not
// be measured (the file is still written from the others).
int run_calibrate(CalibrateOptions options);

// `sacjc completion bash` (hidden): prints a bash completion script for every command and
// option of `app` (completion.cpp).
CLI::App* add_completion_command(CLI::App& app, std::string& shell);
std::string bash_completion(const CLI::App& app);

}  // namespace sacjc

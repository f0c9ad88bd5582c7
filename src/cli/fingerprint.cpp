// `sacjc fingerprint`: the victim's probes and measurement, written once to a .sacfp file that
// verify, audit, evaluate and calibrate accept in place of the victim model; with --sign, an
// Ed25519 signature beside it that their --public-key checks.

#include "cli.h"

#include <fmt/format.h>

#include "sacjc/error.h"
#include "sacjc/fingerprint_file.h"
#include "sacjc/json_io.h"
#include "sacjc/signature.h"

namespace sacjc {

CLI::App* add_fingerprint_command(CLI::App& app, FingerprintOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "fingerprint", "Write the victim's fingerprint (.sacfp): probes, settings and correlation matrix");
  o.command = cmd;
  cmd->add_option("victim", o.victim, "Victim model (TorchScript file)")->required();
  cmd->add_option("-o,--out", o.output, "Fingerprint file to write")->required();
  cmd->add_option("--calibration", o.calibration,
                  "Embed this calibration (its threshold and p-values come with the fingerprint)");
  cmd->add_option("--sign", o.sign,
                  "Ed25519 private key (PEM, from openssl genpkey -algorithm ed25519): also write the signature "
                  "FILE.sacfp.sig, which --public-key checks");
  add_pipeline_options(cmd, o.pipeline);
  cmd->remove_option(cmd->get_option("--public-key"));  // the victim here is a model; --sign is this side
  return cmd;
}

int run_fingerprint(FingerprintOptions o) {
  apply_command_line(*o.command, o.pipeline);
  if (is_fingerprint_file(o.victim)) throw Error(ExitCode::kUsage, o.victim + " is already a fingerprint");
  if (!o.sign.empty()) read_ed25519_private_key(o.sign);  // a bad key fails before the victim is measured
  const std::optional<CalibrationFile> calibration = read_calibration_flag(o.calibration);
  Victim victim = prepare_victim(o.victim, o.pipeline);

  Fingerprint fp = fingerprint_of(victim, o.pipeline);
  if (calibration) fp.calibration = victim_threshold(victim, std::nullopt, calibration, o.pipeline).calibration;
  write_fingerprint(o.output, fp, o.sign);

  fmt::print("fingerprint  {}\n", o.output);
  if (!o.sign.empty()) fmt::print("signature    {}  (Ed25519)\n", signature_path(o.output));
  fmt::print("victim       {}  (sha256 {})\n", fp.victim.path, fp.victim.sha256.substr(0, 12));
  fmt::print("probes       {} from {}, {}x{}, JPEG quality {} (sha256 {})\n", fp.probe_names.size(), fp.probe_source,
             fp.probe_options.height, fp.probe_options.width, fp.probe_options.quality, fp.probe_sha256.substr(0, 12));
  if (fp.selection.method != Select::kAll)
    fmt::print("selected     {} from a pool of {}{}\n", to_string(fp.selection.method), fp.selection.pool,
               fp.probe_labels.empty() ? "" : ", with their labels");
  fmt::print("compare      {}, mode {}{}\n", to_string(fp.metric), to_string(fp.mode),
             fp.calibration ? ", with calibration" : "");
  return 0;
}

}  // namespace sacjc

// `sacjc fingerprint`: the victim's probes and measurement, written once to a .sacfp file that
// verify, audit, evaluate and calibrate accept in place of the victim model; with --sign, an
// Ed25519 signature beside it that their --public-key checks.

#include "cli.h"

#include <cstdio>

#include "sacjc/error.h"
#include "sacjc/fingerprint_file.h"
#include "sacjc/json_io.h"
#include "sacjc/signature.h"

namespace sacjc {

CLI::App* add_fingerprint_command(CLI::App& app, FingerprintOptions& o) {
  CLI::App* cmd = app.add_subcommand("fingerprint", "Write the victim's fingerprint (.sacfp): probes, settings and correlation matrix");
  o.command = cmd;
  cmd->add_option("victim", o.victim, "Victim model (TorchScript file)")->required();
  cmd->add_option("-o,--out", o.output, "Fingerprint file to write")->required();
  cmd->add_option("--calibration", o.calibration, "Embed this calibration (its threshold and p-values come with the fingerprint)");
  cmd->add_option("--sign", o.sign, "Ed25519 private key (PEM, from openssl genpkey -algorithm ed25519): also write the signature FILE.sacfp.sig, which --public-key checks");
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

  std::printf("fingerprint  %s\n", o.output.c_str());
  if (!o.sign.empty()) std::printf("signature    %s  (Ed25519)\n", signature_path(o.output).c_str());
  std::printf("victim       %s  (sha256 %s)\n", fp.victim.path.c_str(), fp.victim.sha256.substr(0, 12).c_str());
  std::printf("probes       %zu from %s, %dx%d, JPEG quality %d (sha256 %s)\n", fp.probe_names.size(),
              fp.probe_source.c_str(), fp.probe_options.height, fp.probe_options.width, fp.probe_options.quality,
              fp.probe_sha256.substr(0, 12).c_str());
  if (fp.selection.method != Select::kAll)
    std::printf("selected     %s from a pool of %d%s\n", to_string(fp.selection.method).c_str(), fp.selection.pool,
                fp.probe_labels.empty() ? "" : ", with their labels");
  std::printf("compare      %s, mode %s%s\n", to_string(fp.metric).c_str(), to_string(fp.mode).c_str(),
              fp.calibration ? ", with calibration" : "");
  return 0;
}

}  // namespace sacjc

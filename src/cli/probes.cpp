// `sacjc probes export`: writes every probe (then every FRI reference image) as the file a model
// is shown, and manifest.csv listing them in the order `verify --suspect-outputs` expects rows.
// Probes are the JPEG files themselves; with --transpose, where the model sees the decoded
// image turned on its side, they are lossless PNGs of exactly those pixels.

#include "cli.h"

#include <filesystem>

#include <fmt/format.h>

#include "sacjc/error.h"
#include "sacjc/files.h"
#include "sacjc/fingerprint_file.h"
#include "sacjc/image.h"
#include "sacjc/sha256.h"

namespace sacjc {
namespace {

// Writes one set's images as PREFIX_0001.jpg ... and appends their manifest rows.
void export_set(const ProbeSet& set, const std::string& role, const ProbeOptions& options, const std::string& dir,
                int& index, std::string& manifest) {
  for (int i = 0; i < set.count; ++i) {
    const std::string name = fmt::format("{}_{:04d}.{}", role, i + 1, options.transpose ? "png" : "jpg");
    const std::string path = dir + "/" + name;
    if (options.transpose)
      write_png(path, probe_image(set.jpegs[i], options, path));
    else
      write_file_atomically(path, std::string(set.jpegs[i].begin(), set.jpegs[i].end()));
    std::string seed = set.names[i];
    for (char& c : seed)
      if (c == ',' || c == '\n' || c == '\r' || c == '"') c = '_';
    manifest += std::to_string(index++) + "," + name + "," + role + "," + seed + "," + sha256_file(path) + "\n";
  }
}

}  // namespace

CLI::App* add_probes_command(CLI::App& app, ProbesExportOptions& o) {
  CLI::App* probes = app.add_subcommand("probes", "Work with probe images");
  probes->require_subcommand(1);
  CLI::App* cmd =
      probes->add_subcommand("export", "Write the exact probe images and manifest.csv, to query a black-box suspect");
  o.command = cmd;
  cmd->add_option("victim", o.victim, "Fingerprint (.sacfp), or a victim model whose probe flags are given here")
      ->required();
  cmd->add_option("-o,--out", o.out, "Directory to write (created if missing)")->required();
  add_pipeline_options(cmd, o.pipeline);
  return cmd;
}

int run_probes_export(ProbesExportOptions o) {
  apply_command_line(*o.command, o.pipeline);
  // A victim model is not run here, but a wrong path must not pass unnoticed.
  std::error_code ec;
  if (!std::filesystem::exists(o.victim, ec)) throw bad_input(o.victim, "no such file");
  if (std::filesystem::is_directory(o.victim, ec)) throw bad_input(o.victim, "is a directory, not a model file");
  ProbeSet probes;
  if (is_fingerprint_file(o.victim)) {
    probes = prepare_victim(o.victim, o.pipeline).probes;  // checks flags; no model is run
  } else {
    if (!o.pipeline.public_key.empty())
      throw Error(ExitCode::kUsage,
                  "--public-key checks the signature of a fingerprint (.sacfp), and " + o.victim + " is not one");
    probes = make_pipeline_probes(o.pipeline);  // the probes depend on the flags only
  }
  std::filesystem::create_directories(o.out, ec);
  if (!std::filesystem::is_directory(o.out)) throw bad_input(o.out, "cannot create the output directory");

  std::string manifest = "index,file,role,seed,sha256\n";
  int index = 1;
  export_set(probes, "probe", o.pipeline.probes, o.out, index, manifest);
  if (probes.references) export_set(*probes.references, "reference", o.pipeline.probes, o.out, index, manifest);
  write_file_atomically(o.out + "/manifest.csv", manifest);
  fmt::print("exported   {} images to {} (manifest.csv lists them in order; collect one output row per image)\n",
             index - 1, o.out);
  return 0;
}

}  // namespace sacjc

// sacjc: is this model a copy of mine? Parses the command line, runs one command, and maps
// errors to the documented exit codes.
#include "cli.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <new>
#include <string_view>
#include <thread>

#include <fmt/format.h>

#include "sacjc/error.h"
#include "sacjc/json_io.h"
#include "sacjc/log.h"
#include "sacjc/model.h"
#include "sacjc/model_host.h"
#include "sacjc/report.h"
#include "sacjc/version.h"

namespace {

constexpr const char* kExitCodes =
    "Exit codes: 0 independent (verify) or success, 1 stolen (verify), 2 usage error, 3 bad input "
    "(model, image or file; evaluate and calibrate: some model failed, the rest are reported), "
    "4 internal error.";

// With --format json anywhere on the command line, a failure also prints a JSON error object on
// stdout, so a script that parses the report always has a document to parse.
bool json_requested(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--format=json" || (arg == "--format" && i + 1 < argc && std::string_view(argv[i + 1]) == "json"))
      return true;
  }
  return false;
}

// Prints the one line every error gets, whatever the message holds (and, with --format json,
// the error object on stdout).
int fail(sacjc::ExitCode code, std::string message, bool json = false, const std::string& command = "") {
  std::replace(message.begin(), message.end(), '\n', ' ');
  message.erase(message.find_last_not_of(" \t\r") + 1);
  sacjc::write_stderr_line("sacjc: error: " + message);
  if (json) std::cout << sacjc::format_json_error(static_cast<int>(code), message, command) << std::flush;
  return static_cast<int>(code);
}

// Ends the process once a command is done: its report is flushed and its files are closed, so
// what is left is LibTorch's static teardown, about 0.3 s measured on a small check
// (docs/bench-results.md). The model host dies with us (PR_SET_PDEATHSIG).
[[noreturn]] void leave(int code) {
  spdlog::shutdown();
  std::cout.flush();
  std::fflush(nullptr);
  std::_Exit(code);
}

int run(int argc, char** argv) {
  const bool json = json_requested(argc, argv);
  CLI::App app{"sacjc: model fingerprinting with SAC-JC (sample correlation of JPEG-compressed probes)", "sacjc"};
  sacjc::use_readable_help(app);  // before the commands are added: they inherit it
  app.footer(kExitCodes);
  app.set_version_flag(
      "--version", [] { return std::string("sacjc ") + SACJC_VERSION + " (LibTorch " + sacjc::torch_version() + ")"; });
  app.require_subcommand(1);
  app.fallthrough();  // -v also after the subcommand
  sacjc::LogOptions log;
  sacjc::add_output_flags(&app, log);

  sacjc::VerifyOptions verify;
  CLI::App* verify_cmd = sacjc::add_verify_command(app, verify);
  sacjc::EvaluateOptions evaluate;
  CLI::App* evaluate_cmd = sacjc::add_evaluate_command(app, evaluate);
  sacjc::CalibrateOptions calibrate;
  CLI::App* calibrate_cmd = sacjc::add_calibrate_command(app, calibrate);
  sacjc::FingerprintOptions fingerprint;
  CLI::App* fingerprint_cmd = sacjc::add_fingerprint_command(app, fingerprint);
  sacjc::AuditOptions audit;
  CLI::App* audit_cmd = sacjc::add_audit_command(app, audit);
  sacjc::MergeOptions merge;
  CLI::App* merge_cmd = sacjc::add_merge_command(app, merge);
  sacjc::ProbesExportOptions probes_export;
  CLI::App* probes_export_cmd = sacjc::add_probes_command(app, probes_export);
  std::string completion_shell;
  CLI::App* completion_cmd = sacjc::add_completion_command(app, completion_shell);
  sacjc::HelpOptions help;
  CLI::App* help_cmd = sacjc::add_help_command(app, help);
  for (CLI::App* command : {verify_cmd, evaluate_cmd, calibrate_cmd, fingerprint_cmd, audit_cmd, merge_cmd,
                            probes_export_cmd, help_cmd, completion_cmd})
    sacjc::add_output_flags(command, log);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    const std::string hint = sacjc::did_you_mean(app);  // says it all, where there is one
    const std::string message = hint.empty() ? std::string(e.what()) + " (run with --help for more information)" : hint;
    return fail(sacjc::ExitCode::kUsage, message, json, sacjc::command_path(app));
  }

  sacjc::setup_logging(log);
  const std::string command = sacjc::command_path(app);
  spdlog::debug("sacjc {} (LibTorch {}), command {}, {} cores", SACJC_VERSION, sacjc::torch_version(), command,
                std::thread::hardware_concurrency());
  try {
    // Untrusted models run in children of a host forked now, before LibTorch starts threads.
    // So do the reference models of --reference-models, whichever command reads them.
    if (*verify_cmd || *evaluate_cmd || *calibrate_cmd || *audit_cmd ||
        !fingerprint.pipeline.reference_models.empty() || !probes_export.pipeline.reference_models.empty())
      sacjc::start_model_host();
    if (*verify_cmd) return sacjc::run_verify(verify);
    if (*evaluate_cmd) return sacjc::run_evaluate(evaluate);
    if (*calibrate_cmd) return sacjc::run_calibrate(calibrate);
    if (*fingerprint_cmd) return sacjc::run_fingerprint(fingerprint);
    if (*audit_cmd) return sacjc::run_audit(audit);
    if (*merge_cmd) return sacjc::run_merge(merge);
    if (*probes_export_cmd) return sacjc::run_probes_export(probes_export);
    if (*completion_cmd) {
      sacjc::print_report(sacjc::bash_completion(app));
      return 0;
    }
    if (*help_cmd) return sacjc::run_help(app, help);
    return fail(sacjc::ExitCode::kUsage, "no command given", json, command);
  } catch (const sacjc::Error& e) {
    return fail(e.code(), e.what(), json, command);
  } catch (const std::bad_alloc&) {
    return fail(sacjc::ExitCode::kInternal, "out of memory (lower -n, --input-size or --batch-size)", json, command);
  } catch (const std::exception& e) {
    std::string what = e.what();
    return fail(sacjc::ExitCode::kInternal, "unexpected: " + what.substr(0, what.find('\n')), json, command);
  }
}

}  // namespace

int main(int argc, char** argv) { leave(run(argc, argv)); }

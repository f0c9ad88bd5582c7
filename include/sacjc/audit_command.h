// `sacjc audit VICTIM PATH...`: every model under PATH against one victim, each run in its own
// confined child process (model_host.h); and `sacjc merge LOG...`: the table of several audit logs (shards) as one.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "sacjc/pipeline.h"

namespace sacjc {

struct AuditOptions {
  std::string victim;
  std::vector<std::string> paths;
  std::vector<std::string> globs = {"*.pt", "*.pth", "*.torchscript"};
  int jobs = 1;
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

}  // namespace sacjc

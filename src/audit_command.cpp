// `sacjc audit`: the victim is measured once and written as a fingerprint; each suspect is then
// a `sacjc verify FINGERPRINT SUSPECT --format json` child with a time and memory limit, so a
// model that crashes, hangs or exhausts memory becomes an error row and the audit goes on. A file
// larger than --max-model-bytes becomes an error row without a child: it is never read.
// Every row is appended to the JSONL log as soon as it is known.
#include "sacjc/audit_command.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "sacjc/audit.h"
#include "sacjc/error.h"
#include "sacjc/files.h"
#include "sacjc/json_io.h"
#include "sacjc/log.h"
#include "sacjc/report.h"
#include "sacjc/subprocess.h"

namespace sacjc {
namespace fs = std::filesystem;
namespace {

const std::vector<std::string> kFormats = {"text", "json", "csv", "markdown"};

// Appends lines to the audit log, each with one write() and an fsync, so a kill loses at most
// the line being written (which read_audit_log then ignores).
class LogAppender {
 public:
  explicit LogAppender(const std::string& path) : path_(path) {
    if (path.empty()) return;
    fd_ = open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw bad_input(path, std::string("cannot open the audit log: ") + std::strerror(errno));
  }
  ~LogAppender() {
    if (fd_ >= 0) close(fd_);
  }
  void append(const std::string& line) {
    if (fd_ < 0) return;
    if (write(fd_, line.data(), line.size()) != static_cast<ssize_t>(line.size()) || fsync(fd_) != 0)
      throw bad_input(path_, std::string("cannot write the audit log: ") + std::strerror(errno));
  }

 private:
  std::string path_;
  int fd_ = -1;
};

std::string exact(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

long long default_memory_limit(int jobs) {
  double physical = static_cast<double>(sysconf(_SC_PHYS_PAGES)) * sysconf(_SC_PAGE_SIZE);
  return static_cast<long long>(physical / 2 / jobs);
}

// A temporary directory removed with everything in it when the audit ends.
struct TempDir {
  std::string path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "sacjc-audit-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw Error(ExitCode::kInternal, "cannot create a temporary directory");
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

}  // namespace

CLI::App* add_audit_command(CLI::App& app, AuditOptions& o) {
  CLI::App* cmd = app.add_subcommand("audit", "Check every model under PATH against VICTIM, each in its own process");
  o.command = cmd;
  cmd->add_option("victim", o.victim, "Victim model (TorchScript file) or fingerprint (.sacfp)")->required();
  cmd->add_option("paths", o.paths, "Suspect model files and directories (searched recursively)")->required();
  cmd->add_option("--glob", o.globs, "File name patterns of models in directories")->capture_default_str();
  cmd->add_option("-j,--jobs", o.jobs, "Suspects checked at once")->capture_default_str()->check(CLI::Range(1, 256));
  cmd->add_option("--timeout", o.timeout, "Seconds per suspect before it is killed and reported as an error (0: none)")->capture_default_str()->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-memory", o.max_memory_mb, "Address-space limit per suspect in MB (default: half of this machine's memory over --jobs)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-model-bytes", o.max_model_bytes, "Suspect files larger than this many bytes are error rows and are not loaded (0: no limit)")->capture_default_str()->check(CLI::NonNegativeNumber);
  cmd->add_option("--jsonl", o.jsonl, "Append every suspect's row to this JSONL log as soon as it is known");
  cmd->add_flag("--resume", o.resume, "Skip the suspects already in the --jsonl log and append the rest");
  cmd->add_option("--shard", o.shard, "Check only shard I of N (I/N, 0 <= I < N) of the sorted suspect list");
  cmd->add_option("--format", o.format, "Table format: text, json, csv or markdown")->capture_default_str()->check(CLI::IsMember(kFormats));
  cmd->add_flag("--allow-errors", o.allow_errors, "Exit 0 rather than 3 when suspects failed and none is stolen");
  cmd->add_option("--expect", o.expect, "CI gate: exit 0 only if every suspect's verdict is this (independent or stolen)")->check(CLI::IsMember({"independent", "stolen"}));
  add_pipeline_options(cmd, o.pipeline);
  auto* threshold = cmd->add_option("--threshold", o.threshold, "Stolen below this distance (default: measured, see README)");
  cmd->add_option("--calibration", o.calibration, "Use the threshold of this calibration file and report p-values")->excludes(threshold);
  return cmd;
}

int run_audit(AuditOptions o) {
  apply_pipeline_options(o.pipeline);
  if (o.resume && o.jsonl.empty()) throw Error(ExitCode::kUsage, "--resume needs --jsonl");
  std::error_code ec;
  const bool log_exists = !o.jsonl.empty() && fs::exists(o.jsonl, ec) && fs::file_size(o.jsonl, ec) > 0;
  if (log_exists && !o.resume)
    throw Error(ExitCode::kUsage, o.jsonl + " exists; add --resume to continue that audit, or remove it");

  // 1. The suspects: found, sharded, without the victim itself.
  std::vector<std::string> suspects = find_suspects(o.paths, o.globs);
  if (!o.shard.empty()) {
    auto [index, count] = parse_shard(o.shard);
    suspects = shard_of(suspects, index, count);
  }
  suspects.erase(std::remove_if(suspects.begin(), suspects.end(),
                                [&](const std::string& s) { return fs::equivalent(s, o.victim, ec); }),
                 suspects.end());

  // 2. The victim, once; children get it as a fingerprint.
  Victim victim = prepare_victim(o.victim, o.pipeline, *o.command);
  OperatingThreshold threshold = victim_threshold(victim, o.threshold, o.calibration, o.pipeline);
  AuditHeader header{o.victim, victim.info.sha256, victim.probes.sha256, to_string(o.pipeline.metric),
                     to_string(o.pipeline.mode), threshold.value, threshold.source};
  TempDir temp;
  std::string fingerprint = victim.fingerprint;
  if (fingerprint.empty()) {
    fingerprint = temp.path + "/victim.sacfp";
    Fingerprint fp = fingerprint_of(victim, o.pipeline);
    fp.calibration = threshold.calibration;
    write_fingerprint(fingerprint, fp);
  }
  int threads = o.pipeline.threads > 0 ? o.pipeline.threads
                                       : std::max(1, static_cast<int>(std::thread::hardware_concurrency()) / o.jobs);
  // The child's command line; the suspect goes last, after "--" (it may start with '-').
  std::vector<std::string> child_args = {self_executable(), "verify", "--format", "json", "--threads",
                                         std::to_string(threads), "--batch-size",
                                         std::to_string(o.pipeline.model.batch_size)};
  if (!o.pipeline.model.output_key.empty()) child_args.insert(child_args.end(), {"--output", o.pipeline.model.output_key});
  if (!threshold.calibration)
    child_args.insert(child_args.end(), {"--threshold", exact(threshold.value)});
  else if (!o.calibration.empty())  // else the fingerprint carries it
    child_args.insert(child_args.end(), {"--calibration", o.calibration});
  child_args.insert(child_args.end(), {"--", fingerprint, ""});

  // 3. The log: resumed, or started with its header.
  std::vector<AuditRow> rows;
  if (log_exists) {  // with --resume
    AuditLog log = read_audit_log(o.jsonl);
    check_same_audit(header, log.header, o.jsonl);
    fs::resize_file(o.jsonl, log.complete_bytes, ec);  // drops a line torn by a kill
    if (ec) throw bad_input(o.jsonl, "cannot truncate the audit log: " + ec.message());
    std::set<std::string> done;
    for (const AuditRow& row : log.rows) done.insert(row.suspect);
    suspects.erase(std::remove_if(suspects.begin(), suspects.end(), [&](const std::string& s) { return done.count(s); }),
                   suspects.end());
    spdlog::info("{}: resuming, {} suspects already checked, {} to go", o.jsonl, log.rows.size(), suspects.size());
    rows = std::move(log.rows);
  } else if (!o.jsonl.empty()) {
    write_file_atomically(o.jsonl, format_json_line(header));
  }
  LogAppender log(o.jsonl);

  // 4. Children, at most --jobs at once; each row is logged when its child ends (or, for a file
  //    above --max-model-bytes, at once).
  const long long memory = o.max_memory_mb > 0 ? o.max_memory_mb * 1024 * 1024 : default_memory_limit(o.jobs);
  std::map<std::string, std::unique_ptr<Child>> running;
  std::size_t next = 0, finished = 0;
  ProgressBar bar("suspects", static_cast<int>(suspects.size()));
  auto record = [&](AuditRow row) {
    if (!row.error.empty()) spdlog::warn("{}", row.error);
    log.append(format_json_line(row));
    rows.push_back(std::move(row));
    bar.update(static_cast<int>(++finished));
  };
  while (finished < suspects.size()) {
    while (running.size() < static_cast<std::size_t>(o.jobs) && next < suspects.size()) {
      const std::string& suspect = suspects[next++];
      if (auto too_big = oversized_suspect_row(suspect, static_cast<std::uintmax_t>(o.max_model_bytes))) {
        record(std::move(*too_big));
        continue;
      }
      child_args.back() = suspect;
      running[suspect] = std::make_unique<Child>(child_args, memory);
    }
    for (auto it = running.begin(); it != running.end();) {
      if (!it->second->poll(o.timeout)) {
        ++it;
        continue;
      }
      record(row_from_child(it->first, it->second->result(), o.timeout));
      it = running.erase(it);
    }
    if (!running.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }

  // 5. The ranked table.
  rows = ranked(std::move(rows));
  print_report(format_audit(header, rows, o.format));
  return audit_exit_code(rows, o.allow_errors, o.expect);
}

CLI::App* add_merge_command(CLI::App& app, MergeOptions& o) {
  CLI::App* cmd = app.add_subcommand("merge", "Merge audit logs (--jsonl of shards) into one ranked table");
  cmd->add_option("logs", o.logs, "Audit logs (JSONL) of the same victim and settings")->required();
  cmd->add_option("-o,--out", o.output, "Also write the merged log here");
  cmd->add_option("--format", o.format, "Table format: text, json, csv or markdown")->capture_default_str()->check(CLI::IsMember(kFormats));
  cmd->add_flag("--allow-errors", o.allow_errors, "Exit 0 rather than 3 when suspects failed and none is stolen");
  cmd->add_option("--expect", o.expect, "CI gate: exit 0 only if every suspect's verdict is this")->check(CLI::IsMember({"independent", "stolen"}));
  return cmd;
}

int run_merge(MergeOptions o) {
  AuditHeader header;
  std::map<std::string, AuditRow> by_suspect;  // a suspect in two logs: its measured row wins over an error
  for (std::size_t i = 0; i < o.logs.size(); ++i) {
    AuditLog log = read_audit_log(o.logs[i]);
    if (i == 0)
      header = log.header;
    else
      check_same_audit(header, log.header, o.logs[i]);
    for (AuditRow& row : log.rows) {
      auto [it, inserted] = by_suspect.emplace(row.suspect, row);
      if (!inserted && it->second.verdict == "error") it->second = row;
    }
  }
  std::vector<AuditRow> rows;
  for (auto& [suspect, row] : by_suspect) rows.push_back(std::move(row));
  rows = ranked(std::move(rows));
  if (!o.output.empty()) {
    std::string text = format_json_line(header);
    for (const AuditRow& row : rows) text += format_json_line(row);
    write_file_atomically(o.output, text);
  }
  print_report(format_audit(header, rows, o.format));
  return audit_exit_code(rows, o.allow_errors, o.expect);
}

}  // namespace sacjc

// `sacjc audit`: the victim is measured once (or read from its fingerprint); each suspect file
// is then read and hashed here and run in its own confined child (model_host.h), at most --jobs
// at once, with a time and memory limit, so a model that crashes, hangs, exhausts memory or
// misbehaves becomes an error row and the audit goes on. Distances and verdicts are computed
// here from the children's raw outputs. Every row is appended to the JSONL log as soon as it
// is known, so an audit stopped midway keeps its results.

#include "cli.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <filesystem>
#include <functional>
#include <list>
#include <memory>
#include <set>
#include <thread>

#include "sacjc/audit.h"
#include "sacjc/audit_log.h"
#include "sacjc/error.h"
#include "sacjc/files.h"
#include "sacjc/json_io.h"
#include "sacjc/log.h"
#include "sacjc/model_host.h"
#include "sacjc/report.h"

namespace sacjc {
namespace fs = std::filesystem;
namespace {

const std::vector<std::string> kFormats = {"text", "json", "csv", "markdown", "sarif", "junit"};
constexpr const char* kFormatHelp =
    "Table format: text, json, csv, markdown, sarif (code scanning) or junit (CI tests)";

// The ranked table in `format`; SARIF and JUnit are written by report_sarif.cpp and report_junit.cpp.
std::string audit_report(const std::string& command, const AuditHeader& header, const std::vector<AuditRow>& rows,
                         const std::string& format, const std::vector<SkippedFile>& skipped, bool show_skipped,
                         const std::string& expect) {
  if (format == "sarif") return format_sarif({command, header, rows, skipped, expect});
  if (format == "junit") return format_junit({command, header, rows, skipped, expect});
  return format_audit(header, rows, format, skipped, show_skipped);
}

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

// SIGINT and SIGTERM stop the audit between rows: running children are killed (their host
// follows the parent anyway), and what was logged stays.
volatile std::sig_atomic_t stop_signal = 0;
void on_stop_signal(int signal) { stop_signal = signal; }

struct StopSignals {
  struct sigaction old_int {
  }, old_term{};
  StopSignals() {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int);
    sigaction(SIGTERM, &action, &old_term);
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int, nullptr);
    sigaction(SIGTERM, &old_term, nullptr);
  }
};

// One suspect in its confined child.
struct Job {
  std::string suspect;
  std::unique_ptr<ModelBytes> bytes;
  std::unique_ptr<ConfinedRun> run;
};

std::string canonical_path(const std::string& path) {
  std::error_code ec;
  fs::path canonical = fs::canonical(path, ec);
  return ec ? path : canonical.string();
}

}  // namespace

CLI::App* add_audit_command(CLI::App& app, AuditOptions& o) {
  CLI::App* cmd =
      app.add_subcommand("audit", "Check every model under PATH against VICTIM, each in its own confined process");
  o.command = cmd;
  cmd->add_option("victim", o.victim, "Victim model (TorchScript file) or fingerprint (.sacfp)")->required();
  cmd->add_option("paths", o.paths, "Suspect model files and directories (searched recursively)")->required();
  cmd->add_option("--glob", o.globs, "File name patterns of models in directories")->capture_default_str();
  cmd->add_flag("--show-skipped", o.show_skipped, "List the files under PATH that were not checked, and why");
  cmd->add_option("-j,--jobs", o.jobs, "Suspects checked at once (0: one per core)")
      ->capture_default_str()
      ->check(CLI::Range(0, 256));
  cmd->add_option("--jsonl", o.jsonl, "Append every suspect's row to this JSONL log as soon as it is known");
  cmd->add_flag("--resume", o.resume,
                "Skip the suspects already in the --jsonl log (same file and SHA-256) and append the rest");
  cmd->add_option("--shard", o.shard, "Check only shard I of N (I/N, 0 <= I < N) of the sorted suspect list");
  cmd->add_option("--format", o.format, kFormatHelp)->capture_default_str()->check(CLI::IsMember(kFormats));
  cmd->add_flag("--allow-errors", o.allow_errors, "Exit 0 rather than 3 when suspects failed and none is stolen");
  cmd->add_option("--expect", o.expect,
                  "CI gate: exit 0 only if every suspect's verdict is this (independent or stolen)")
      ->check(CLI::IsMember({"independent", "stolen"}));
  add_pipeline_options(cmd, o.pipeline);
  add_confinement_options(cmd, o.pipeline);
  auto* threshold = cmd->add_option("--threshold", o.threshold, default_thresholds_help());
  cmd->add_option("--calibration", o.calibration, "Use the threshold of this calibration file and report p-values")
      ->excludes(threshold);
  return cmd;
}

namespace {

// 1. The suspects: found, sharded, without the victim itself. Nothing found is an error, so a
//    gate never passes on an empty directory.
std::vector<std::string> suspects_to_check(const AuditOptions& o, SuspectSearch& search, bool log_exists) {
  std::error_code ec;
  std::vector<std::string> suspects = search.suspects;
  if (!o.shard.empty()) {
    auto [index, count] = parse_shard(o.shard);
    suspects = shard_of(suspects, index, count);
  }
  suspects.erase(std::remove_if(suspects.begin(), suspects.end(),
                                [&](const std::string& s) { return fs::equivalent(s, o.victim, ec); }),
                 suspects.end());
  for (const SkippedFile& f : search.skipped) spdlog::info("skipped {}: {}", f.path, f.reason);
  if (suspects.empty() && !log_exists)
    throw bad_input(o.paths.front(), "no model file to check (" + std::to_string(search.skipped.size()) +
                                         " files skipped; --show-skipped lists them, --glob chooses names)");
  return suspects;
}

// 3. The log: resumed (its rows kept, and the keys of the files they checked: same file and
//    bytes are not run again), or started with its header.
std::vector<AuditRow> resume_or_start_log(const AuditOptions& o, const AuditHeader& header, bool log_exists,
                                          std::set<std::string>& done) {
  if (log_exists) {  // with --resume
    std::error_code ec;
    AuditLog log = read_audit_log(o.jsonl);
    check_same_audit(header, log.header, o.jsonl);
    fs::resize_file(o.jsonl, log.complete_bytes, ec);  // drops a line torn by a kill
    if (ec) throw bad_input(o.jsonl, "cannot truncate the audit log: " + ec.message());
    for (const AuditRow& row : log.rows)
      if (!row.sha256.empty())
        done.insert(resume_key(row.canonical.empty() ? canonical_path(row.suspect) : row.canonical, row.sha256));
    spdlog::info("{}: resuming, {} suspects already checked", o.jsonl, log.rows.size());
    return std::move(log.rows);
  }
  if (!o.jsonl.empty()) write_file_atomically(o.jsonl, format_json_line(header));
  return {};
}

AuditRow error_row(const std::string& suspect, const ModelBytes* bytes, const std::string& error) {
  AuditRow row;
  row.suspect = suspect;
  row.verdict = "error";
  row.error = error;
  if (bytes) row.sha256 = bytes->sha256();
  if (bytes) row.canonical = canonical_path(suspect);
  return row;
}

// 4. Children, at most --jobs at once; each row is given to `record` as soon as it is known.
//    Returns how many suspects finished (all of them unless a signal stopped the audit).
std::size_t run_suspects(const AuditOptions& o, const std::vector<std::string>& suspects, const Victim& victim,
                         const OperatingThreshold& threshold, const std::set<std::string>& done,
                         const std::function<void(AuditRow)>& record) {
  const SharedProbes probes(victim.probes);  // one memory file every child maps
  const ConfinedOptions confined = confined_options(o.pipeline, o.jobs);
  std::list<Job> running;
  std::size_t next = 0, finished = 0;
  ProgressBar bar("suspects", static_cast<int>(suspects.size()));
  while (finished < suspects.size() && !stop_signal) {
    while (running.size() < static_cast<std::size_t>(o.jobs) && next < suspects.size()) {
      const std::string& suspect = suspects[next++];
      Job job{suspect, nullptr, nullptr};
      try {
        job.bytes = std::make_unique<ModelBytes>(suspect, o.pipeline.max_model_bytes);
        if (done.count(resume_key(canonical_path(suspect), job.bytes->sha256()))) {
          bar.update(static_cast<int>(++finished));
          continue;
        }
        job.run = std::make_unique<ConfinedRun>(*job.bytes, probes, confined);
        running.push_back(std::move(job));
      } catch (const Error& e) {
        if (e.code() != ExitCode::kBadInput) throw;
        record(error_row(suspect, job.bytes.get(), e.what()));
        bar.update(static_cast<int>(++finished));
      }
    }
    for (auto it = running.begin(); it != running.end();) {
      if (!it->run->poll(running.size() == 1 ? 50 : 10)) {
        ++it;
        continue;
      }
      AuditRow row = error_row(it->suspect, it->bytes.get(), "");
      row.seconds = it->run->seconds();
      try {
        Measurement measured = measurement_from(it->run->take(), o.pipeline.mode, it->suspect);
        row.output_size = measured.features.cols();
        Scored scored = score_suspect(victim, measured, threshold, o.pipeline.metric, it->suspect);
        row.distance = scored.distance;
        row.verdict = to_string(scored.verdict);
        row.p_value = scored.p_value;
      } catch (const Error& e) {
        if (e.code() != ExitCode::kBadInput) throw;
        row.error = e.what();
      }
      record(std::move(row));
      bar.update(static_cast<int>(++finished));
      it = running.erase(it);
    }
  }
  return finished;  // leaving kills the children still running
}

}  // namespace

int run_audit(AuditOptions o) {
  apply_command_line(*o.command, o.pipeline);
  if (o.jobs == 0) o.jobs = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  if (o.resume && o.jsonl.empty()) throw Error(ExitCode::kUsage, "--resume needs --jsonl");
  const std::optional<CalibrationFile> calibration = read_calibration_flag(o.calibration);
  std::error_code ec;
  const bool log_exists = !o.jsonl.empty() && fs::exists(o.jsonl, ec) && fs::file_size(o.jsonl, ec) > 0;
  if (log_exists && !o.resume)
    throw Error(ExitCode::kUsage, o.jsonl + " exists; add --resume to continue that audit, or remove it");
  spdlog::debug("audit: {} job(s), log {}", o.jobs, o.jsonl.empty() ? "none" : absolute_path(o.jsonl));
  SuspectSearch search = find_suspects(o.paths, o.globs);
  const std::vector<std::string> suspects = suspects_to_check(o, search, log_exists);

  // 2. The victim, once.
  Victim victim = prepare_victim(o.victim, o.pipeline);
  OperatingThreshold threshold = victim_threshold(victim, o.threshold, calibration, o.pipeline);
  AuditHeader header{o.victim,
                     victim.info.sha256,
                     victim.probes.sha256,
                     to_string(o.pipeline.metric),
                     to_string(o.pipeline.mode),
                     threshold.value,
                     threshold.source};

  std::set<std::string> done;
  std::vector<AuditRow> rows = resume_or_start_log(o, header, log_exists, done);
  LogAppender log(o.jsonl);
  StopSignals signals;
  const std::size_t finished = run_suspects(o, suspects, victim, threshold, done, [&](AuditRow row) {
    if (!row.error.empty()) spdlog::warn("{}", row.error);
    spdlog::debug("{}: {} after {:.3f} s", row.suspect, row.verdict, row.seconds);
    log.append(format_json_line(row));
    rows.push_back(std::move(row));
  });
  if (stop_signal)
    throw Error(ExitCode::kInterrupted, std::string(strsignal(stop_signal)) + ": audit stopped after " +
                                            std::to_string(finished) + " of " + std::to_string(suspects.size()) +
                                            " suspects" + (o.jsonl.empty() ? "" : "; their rows are in " + o.jsonl));

  // 5. The ranked table.
  rows = ranked(latest_per_suspect(rows));
  print_report(audit_report("audit", header, rows, o.format, search.skipped, o.show_skipped, o.expect));
  return audit_exit_code(rows, o.allow_errors, o.expect);
}

CLI::App* add_merge_command(CLI::App& app, MergeOptions& o) {
  CLI::App* cmd = app.add_subcommand("merge", "Merge audit logs (--jsonl of shards) into one ranked table");
  cmd->add_option("logs", o.logs, "Audit logs (JSONL) of the same victim and settings")->required();
  cmd->add_option("-o,--out", o.output, "Also write the merged log here");
  cmd->add_option("--format", o.format, kFormatHelp)->capture_default_str()->check(CLI::IsMember(kFormats));
  cmd->add_flag("--allow-errors", o.allow_errors, "Exit 0 rather than 3 when suspects failed and none is stolen");
  cmd->add_option("--expect", o.expect, "CI gate: exit 0 only if every suspect's verdict is this")
      ->check(CLI::IsMember({"independent", "stolen"}));
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
  print_report(audit_report("merge", header, rows, o.format, {}, false, o.expect));
  return audit_exit_code(rows, o.allow_errors, o.expect);
}

}  // namespace sacjc

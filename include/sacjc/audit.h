// Audits: many suspects against one victim. The suspect list (discovery, sharding), the JSONL
// log that an audit streams its rows to (and resumes or merges from), the ranked table, and the
// exit code. The command that runs suspects in child processes is audit_command.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sacjc/subprocess.h"

namespace sacjc {

constexpr int kAuditLogVersion = 1;

// What every row of an audit was measured against; shards and resumed runs must agree on it.
struct AuditHeader {
  std::string victim;         // path of the victim model or fingerprint
  std::string victim_sha256;  // of the model the fingerprint was made from
  std::string probe_sha256;
  std::string metric, mode;
  double threshold = 0;
  std::string threshold_source;
};

struct AuditRow {
  std::string suspect;  // path as found
  std::string sha256;   // of the suspect file, when it was read
  std::optional<double> distance;
  std::string verdict;             // "stolen", "independent", or "error"
  std::optional<double> p_value;   // with a calibration
  long output_size = 0;
  std::string error;               // why, for an error row
  double seconds = 0;
};

// Model files under `paths`: files as given, directories searched recursively for names that
// match any of `globs` (fnmatch patterns on the file name). Sorted, without duplicates. A path
// that does not exist throws a bad-input Error naming it.
std::vector<std::string> find_suspects(const std::vector<std::string>& paths, const std::vector<std::string>& globs);

// Parses "I/N" (0 <= I < N); throws a usage Error otherwise.
std::pair<int, int> parse_shard(const std::string& text);

// Shard `index` of `count`: every count-th suspect of the sorted list, starting at `index`.
std::vector<std::string> shard_of(const std::vector<std::string>& suspects, int index, int count);

// The audit log (JSONL): a header line, then one line per suspect (json_io.h writes them).
struct AuditLog {
  AuditHeader header;
  std::vector<AuditRow> rows;
  std::size_t complete_bytes = 0;  // length of the complete lines; a torn last line is left out
};

// Reads a log; a last line cut short by a kill is ignored. Anything else malformed throws a
// bad-input Error naming the file and line.
AuditLog read_audit_log(const std::string& path);

// Throws a bad-input Error naming `path` unless the two headers measured the same way.
void check_same_audit(const AuditHeader& expected, const AuditHeader& found, const std::string& path);

// Rows ranked for reading: by distance, closest first, then errors; ties by path.
std::vector<AuditRow> ranked(std::vector<AuditRow> rows);

// The ranked table as text, json, csv or markdown. Timings are left out, so the same rows
// always give the same table.
std::string format_audit(const AuditHeader& header, const std::vector<AuditRow>& rows, const std::string& format);

// The row for a suspect's finished `sacjc verify --format json` child: its report, or an error
// row saying why there is none (its one-line error, a crash, or the --timeout it ran into).
AuditRow row_from_child(const std::string& suspect, const ChildResult& child, double timeout);

// The error row for a suspect file larger than `max_bytes` (--max-model-bytes), which is then not
// loaded (nor hashed); nothing when it is within the limit, `max_bytes` is 0 (no limit) or its size
// cannot be read (its child then reports why).
std::optional<AuditRow> oversized_suspect_row(const std::string& suspect, std::uintmax_t max_bytes);

// 1 if any suspect is stolen (with `expect`: if any verdict differs from it), else 3 if any
// errored (unless allow_errors), else 0.
int audit_exit_code(const std::vector<AuditRow>& rows, bool allow_errors, const std::string& expect);

}  // namespace sacjc

// Audits: many suspects against one victim. The rows, the suspect list (discovery, sharding),
// resuming, ranking and the exit code. The log file and the table are audit_log.h; the command
// that runs suspects in child processes is src/cli/audit.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sacjc {

// The log header's "schema_version" (1 was written as "version", with "" for absent values;
// both are read).
constexpr int kAuditLogVersion = 2;

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
  std::string suspect;    // path as found
  std::string canonical;  // the file it resolved to (symbolic links followed), when it was read
  std::string sha256;     // of the suspect file, when it was read
  std::optional<double> distance;
  std::string verdict;            // "stolen", "independent", or "error"
  std::optional<double> p_value;  // with a calibration
  long output_size = 0;
  std::string error;  // why, for an error row
  double seconds = 0;
};

// A file under an audited directory that is not checked, and why.
struct SkippedFile {
  std::string path, reason;
  bool model = false;  // a model file sacjc cannot run (ONNX, a state_dict, ...): every report lists it
};

struct SuspectSearch {
  std::vector<std::string> suspects;  // sorted, without duplicates
  std::vector<SkippedFile> skipped;   // sorted by path
};

// Model files under `paths`: files as given (whatever their name or type: a FIFO named on the
// command line becomes an error row, unread), directories searched recursively for regular
// files whose names match any of `globs` (fnmatch patterns on the file name) and whose bytes
// are not a model format sacjc cannot run (model_format.h); every other entry found there is
// skipped with its reason. A path that does not exist throws a bad-input
// Error naming it.
SuspectSearch find_suspects(const std::vector<std::string>& paths, const std::vector<std::string>& globs);

// Parses "I/N" (0 <= I < N); throws a usage Error otherwise.
std::pair<int, int> parse_shard(const std::string& text);

// Shard `index` of `count`: every count-th suspect of the sorted list, starting at `index`.
std::vector<std::string> shard_of(const std::vector<std::string>& suspects, int index, int count);

// Throws a bad-input Error naming `path` unless the two headers measured the same way.
void check_same_audit(const AuditHeader& expected, const AuditHeader& found, const std::string& path);

// One row per suspect file, its latest (rows in log order): a resumed audit re-checks a file
// whose bytes changed, and its table shows the new row, not both. The log keeps both.
std::vector<AuditRow> latest_per_suspect(const std::vector<AuditRow>& rows);

// Rows ranked for reading: by distance, closest first, then errors; ties by path.
std::vector<AuditRow> ranked(std::vector<AuditRow> rows);

// 1 if any suspect is stolen (with `expect`: if any verdict differs from it); else 3 if no
// suspect was measured at all (nothing checked never passes), or if any errored (unless
// allow_errors); else 0.
int audit_exit_code(const std::vector<AuditRow>& rows, bool allow_errors, const std::string& expect);

// The key a resumed audit matches suspects by: the file it resolves to and its SHA-256, so a
// renamed path to the same bytes is not checked twice and changed bytes are checked again.
std::string resume_key(const std::string& canonical, const std::string& sha256);

}  // namespace sacjc

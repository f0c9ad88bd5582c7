// The parts of an audit that do not run models: which files are suspects, which shard gets
// which, the JSONL log, the ranked table and the exit code.
#include "sacjc/audit.h"

#include <fnmatch.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

#include "sacjc/error.h"
#include "sacjc/files.h"
#include "sacjc/model_format.h"
#include "sacjc/sha256.h"

namespace sacjc {
namespace fs = std::filesystem;
namespace {

bool matches(const fs::path& path, const std::vector<std::string>& globs) {
  std::string name = path.filename().string();
  return std::any_of(globs.begin(), globs.end(),
                     [&](const std::string& glob) { return fnmatch(glob.c_str(), name.c_str(), 0) == 0; });
}

// Why a regular file found in a directory is not a suspect, or "" if it is one: its bytes show
// a model format sacjc cannot run (whatever its name), or its name matches no glob.
SkippedFile skip_reason(const fs::path& path, const std::vector<std::string>& globs) {
  const ModelFormat format = model_format_of_file(path.string());
  const std::string other_format = not_torchscript_reason(format);
  if (!other_format.empty()) return {path.string(), other_format, true};
  if (matches(path, globs)) return {path.string(), "", false};
  if (format == ModelFormat::kTorchScript)
    return {path.string(), "a TorchScript model whose name matches no --glob (add --glob to check it)", true};
  return {path.string(), "name matches no --glob", false};
}

}  // namespace

SuspectSearch find_suspects(const std::vector<std::string>& paths, const std::vector<std::string>& globs) {
  std::set<std::string> found;
  std::map<std::string, SkippedFile> skipped;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      try {
        for (const auto& entry :
             fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied)) {
          std::error_code type_ec;
          const auto type = entry.status(type_ec).type();  // links followed
          if (type == fs::file_type::directory) continue;
          const std::string name = entry.path().string();
          if (type == fs::file_type::regular) {
            SkippedFile skip = skip_reason(entry.path(), globs);
            if (skip.reason.empty())
              found.insert(name);
            else
              skipped[name] = std::move(skip);
          } else {
            skipped[name].path = name;
            skipped[name].reason = type == fs::file_type::not_found ? "dangling symbolic link"
                                   : type == fs::file_type::fifo    ? "a FIFO, not a model file"
                                   : type == fs::file_type::socket  ? "a socket, not a model file"
                                   : type == fs::file_type::character || type == fs::file_type::block
                                       ? "a device, not a model file"
                                       : "not a regular file";
          }
        }
      } catch (const fs::filesystem_error& e) {
        throw bad_input(path, std::string("cannot list directory: ") + e.code().message());
      }
    } else if (fs::exists(fs::symlink_status(path, ec))) {
      found.insert(path);  // a file named on the command line is a suspect whatever its name or type
    } else {
      throw bad_input(path, "no such file or directory");
    }
  }
  SuspectSearch search{{found.begin(), found.end()}, {}};
  for (const std::string& name : found) skipped.erase(name);
  for (auto& [path, skip] : skipped) search.skipped.push_back(std::move(skip));
  return search;
}

std::pair<int, int> parse_shard(const std::string& text) {
  int index = -1, count = 0;
  char slash = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c", &index, &slash, &count, &extra) != 3 || slash != '/' || count < 1 ||
      index < 0 || index >= count)
    throw Error(ExitCode::kUsage, "--shard must be I/N with 0 <= I < N, got '" + text + "'");
  return {index, count};
}

std::vector<std::string> shard_of(const std::vector<std::string>& suspects, int index, int count) {
  std::vector<std::string> mine;
  for (std::size_t i = index; i < suspects.size(); i += count) mine.push_back(suspects[i]);
  return mine;
}

void check_same_audit(const AuditHeader& a, const AuditHeader& b, const std::string& path) {
  auto differs = [&](const char* what) { throw bad_input(path, std::string("was made with a different ") + what); };
  if (a.victim_sha256 != b.victim_sha256) differs("victim");
  if (a.probe_sha256 != b.probe_sha256) differs("probe set");
  if (a.metric != b.metric) differs("comparison (--compare)");
  if (a.mode != b.mode) differs("mode");
  if (a.threshold != b.threshold) differs("threshold");
}

std::vector<AuditRow> latest_per_suspect(const std::vector<AuditRow>& rows) {
  std::map<std::string, std::size_t> latest;  // file -> index of its last row
  auto file = [](const AuditRow& row) { return row.canonical.empty() ? row.suspect : row.canonical; };
  for (std::size_t i = 0; i < rows.size(); ++i) latest[file(rows[i])] = i;
  std::vector<AuditRow> kept;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (latest[file(rows[i])] == i) kept.push_back(rows[i]);
  return kept;
}

std::vector<AuditRow> ranked(std::vector<AuditRow> rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const AuditRow& a, const AuditRow& b) {
    if (a.distance.has_value() != b.distance.has_value()) return a.distance.has_value();
    if (a.distance && *a.distance != *b.distance) return *a.distance < *b.distance;
    return a.suspect < b.suspect;
  });
  return rows;
}

int audit_exit_code(const std::vector<AuditRow>& rows, bool allow_errors, const std::string& expect) {
  bool errors = false, flagged = false, measured = false;
  for (const AuditRow& r : rows) {
    if (r.verdict == "error") {
      errors = true;
    } else {
      measured = true;
      if (expect.empty() ? r.verdict == "stolen" : r.verdict != expect) flagged = true;
    }
  }
  if (flagged) return static_cast<int>(ExitCode::kStolen);
  if (!measured || (errors && !allow_errors)) return static_cast<int>(ExitCode::kBadInput);
  return 0;
}

std::string resume_key(const std::string& canonical, const std::string& sha256) { return canonical + "\n" + sha256; }

}  // namespace sacjc

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

#include <fmt/format.h>

#include "sacjc/error.h"
#include "sacjc/files.h"
#include "sacjc/json_io.h"
#include "sacjc/sha256.h"

namespace sacjc {
namespace fs = std::filesystem;
namespace {

bool matches(const fs::path& path, const std::vector<std::string>& globs) {
  std::string name = path.filename().string();
  return std::any_of(globs.begin(), globs.end(),
                     [&](const std::string& glob) { return fnmatch(glob.c_str(), name.c_str(), 0) == 0; });
}

// An optional number in `pattern` (fmt syntax), or nothing.
std::string number(fmt::format_string<double> pattern, const std::optional<double>& value) {
  return value ? fmt::format(pattern, *value) : "";
}

// A CSV field: quoted when it holds a comma, quote or line break.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string markdown_cell(std::string text) {
  for (std::size_t at = 0; (at = text.find('|', at)) != std::string::npos; at += 2) text.replace(at, 1, "\\|");
  return text;
}

std::string summary_line(const std::vector<AuditRow>& rows) {
  auto count = [&](const char* verdict) {
    return std::count_if(rows.begin(), rows.end(), [&](const AuditRow& r) { return r.verdict == verdict; });
  };
  return std::to_string(rows.size()) + " suspects: " + std::to_string(count("stolen")) + " stolen, " +
         std::to_string(count("independent")) + " independent, " + std::to_string(count("error")) + " errors";
}

}  // namespace

SuspectSearch find_suspects(const std::vector<std::string>& paths, const std::vector<std::string>& globs) {
  std::set<std::string> found;
  std::map<std::string, std::string> skipped;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      try {
        for (const auto& entry : fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied)) {
          std::error_code type_ec;
          const auto type = entry.status(type_ec).type();  // links followed
          if (type == fs::file_type::directory) continue;
          const std::string name = entry.path().string();
          if (type == fs::file_type::regular) {
            if (matches(entry.path(), globs))
              found.insert(name);
            else
              skipped[name] = "name matches no --glob";
          } else {
            skipped[name] = type == fs::file_type::not_found ? "dangling symbolic link"
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
  for (auto& [path, reason] : skipped) search.skipped.push_back({path, reason});
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

AuditLog read_audit_log(const std::string& path) {
  std::vector<std::uint8_t> bytes = read_file(path);
  std::string text(bytes.begin(), bytes.end());
  AuditLog log;
  std::size_t start = 0;
  for (int line = 1;; ++line) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) break;  // no newline: a line cut short by a kill, redone on resume
    std::string content = text.substr(start, end - start);
    std::string where = path + ":" + std::to_string(line);
    if (line == 1)
      log.header = parse_audit_header(content, where);
    else
      log.rows.push_back(parse_audit_row(content, where));
    start = end + 1;
    log.complete_bytes = start;
  }
  if (log.complete_bytes == 0) throw bad_input(path, "empty audit log (no header line)");
  return log;
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

std::string format_audit(const AuditHeader& h, const std::vector<AuditRow>& rows, const std::string& format,
                         const std::vector<SkippedFile>& skipped, bool show_skipped) {
  if (format == "json") return format_json(h, rows, skipped);
  const std::string skipped_note =
      skipped.empty() ? "" : ", " + std::to_string(skipped.size()) + " files skipped" + (show_skipped ? "" : " (--show-skipped lists them)");
  std::string text;
  if (format == "csv") {
    text = "rank,suspect,distance,verdict,p_value,error,sha256\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const AuditRow& r = rows[i];
      text += std::to_string(i + 1) + "," + csv_field(r.suspect) + "," + number("{:.9g}", r.distance) + "," + r.verdict +
              "," + number("{:.6g}", r.p_value) + "," + csv_field(r.error) + "," + r.sha256 + "\n";
    }
    return text;
  }
  if (format == "markdown") {
    text = "| rank | suspect | distance | verdict | note |\n| ---: | --- | ---: | --- | --- |\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const AuditRow& r = rows[i];
      text += "| " + std::to_string(i + 1) + " | " + markdown_cell(r.suspect) + " | " + number("{:.6f}", r.distance) +
              " | " + (r.verdict == "stolen" ? "**stolen**" : r.verdict) + " | " + markdown_cell(r.error) + " |\n";
    }
    if (show_skipped)
      for (const SkippedFile& f : skipped) text += "| | " + markdown_cell(f.path) + " | | skipped | " + markdown_cell(f.reason) + " |\n";
    return text + "\n" + summary_line(rows) + skipped_note + " (" + h.metric + ", stolen below " + number("{:.6g}", h.threshold) + ")\n";
  }
  text = "rank  distance   verdict      suspect\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const AuditRow& r = rows[i];
    text += fmt::format("{:<5} {:<10} {:<12} ", i + 1, r.distance ? number("{:.6f}", r.distance) : "-",
                        r.verdict == "stolen" ? "STOLEN" : r.verdict) +
            r.suspect + (r.error.empty() ? "" : "\n      " + r.error) + "\n";
  }
  if (show_skipped)
    for (const SkippedFile& f : skipped) text += "-     -          skipped      " + f.path + " (" + f.reason + ")\n";
  return text + summary_line(rows) + skipped_note + "; " + h.metric + ", stolen below " + number("{:.6g}", h.threshold) + " (" +
         h.threshold_source + ")\n";
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

// Audit logs and tables: the log's lines are JSON (json_io.h); the table is text, JSON, CSV or
// Markdown.
#include "sacjc/audit_log.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "sacjc/csv.h"
#include "sacjc/error.h"
#include "sacjc/files.h"
#include "sacjc/json_io.h"

namespace sacjc {
namespace {

// An optional number in `pattern` (fmt syntax), or nothing.
std::string number(fmt::format_string<double> pattern, const std::optional<double>& value) {
  return value ? fmt::format(pattern, *value) : "";
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

std::string format_audit(const AuditHeader& h, const std::vector<AuditRow>& rows, const std::string& format,
                         const std::vector<SkippedFile>& skipped, bool show_skipped) {
  if (format == "json") return format_json(h, rows, skipped);
  // Model files sacjc cannot run are always listed; other skipped files with --show-skipped.
  std::vector<SkippedFile> listed;
  for (const SkippedFile& f : skipped)
    if (show_skipped || f.model) listed.push_back(f);
  const std::string skipped_note = skipped.empty()
                                       ? ""
                                       : ", " + std::to_string(skipped.size()) + " files skipped" +
                                             (listed.size() == skipped.size() ? "" : " (--show-skipped lists them)");
  std::string text;
  if (format == "csv") {
    text = "rank,suspect,distance,verdict,p_value,error,sha256\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const AuditRow& r = rows[i];
      text += std::to_string(i + 1) + "," + csv_field(r.suspect) + "," + number("{:.9g}", r.distance) + "," +
              r.verdict + "," + number("{:.6g}", r.p_value) + "," + csv_field(r.error) + "," + r.sha256 + "\n";
    }
    for (const SkippedFile& f : listed) text += "," + csv_field(f.path) + ",,skipped,," + csv_field(f.reason) + ",\n";
    return text;
  }
  if (format == "markdown") {
    text = "| rank | suspect | distance | verdict | note |\n| ---: | --- | ---: | --- | --- |\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const AuditRow& r = rows[i];
      text += "| " + std::to_string(i + 1) + " | " + markdown_cell(r.suspect) + " | " + number("{:.6f}", r.distance) +
              " | " + (r.verdict == "stolen" ? "**stolen**" : r.verdict) + " | " + markdown_cell(r.error) + " |\n";
    }
    for (const SkippedFile& f : listed)
      text += "| | " + markdown_cell(f.path) + " | | skipped | " + markdown_cell(f.reason) + " |\n";
    return text + "\n" + summary_line(rows) + skipped_note + " (" + h.metric + ", stolen below " +
           number("{:.6g}", h.threshold) + ")\n";
  }
  text = "rank  distance   verdict      suspect\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const AuditRow& r = rows[i];
    text += fmt::format("{:<5} {:<10} {:<12} ", i + 1, r.distance ? number("{:.6f}", r.distance) : "-",
                        r.verdict == "stolen" ? "STOLEN" : r.verdict) +
            r.suspect + (r.error.empty() ? "" : "\n      " + r.error) + "\n";
  }
  for (const SkippedFile& f : listed) text += "-     -          skipped      " + f.path + " (" + f.reason + ")\n";
  return text + summary_line(rows) + skipped_note + "; " + h.metric + ", stolen below " +
         number("{:.6g}", h.threshold) + " (" + h.threshold_source + ")\n";
}

}  // namespace sacjc

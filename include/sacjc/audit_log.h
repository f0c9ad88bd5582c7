// The audit log (JSONL) that an audit streams its rows to, and resumes or merges from, and the
// ranked table of an audit in every format.
#pragma once

#include <string>
#include <vector>

#include "sacjc/audit.h"

namespace sacjc {

// The audit log (JSONL): a header line, then one line per suspect (json_io.h writes them).
struct AuditLog {
  AuditHeader header;
  std::vector<AuditRow> rows;
  std::size_t complete_bytes = 0;  // length of the complete lines; a torn last line is left out
};

// Reads a log; a last line cut short by a kill is ignored. Anything else malformed throws a
// bad-input Error naming the file and line.
AuditLog read_audit_log(const std::string& path);

// The ranked table as text, json, csv or markdown, with the skipped files counted (and listed
// when `show_skipped`; json always lists them). Timings are left out, so the same rows always
// give the same table.
std::string format_audit(const AuditHeader& header, const std::vector<AuditRow>& rows, const std::string& format,
                         const std::vector<SkippedFile>& skipped = {}, bool show_skipped = false);

}  // namespace sacjc

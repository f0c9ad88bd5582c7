// Every JSON document sacjc writes or reads: verify and evaluate reports, calibration files,
// fingerprint metadata, audit logs, error objects. One convention (docs/manual.md, "JSON
// conventions"): every document carries "schema_version", files that sacjc reads back also name
// their kind in "format", and an absent value is null (readers still take the "version" and ""
// of older files).
// nlohmann-json is included by src/io/json_io.cpp only. No NaN or Inf is ever written: a missing
// statistic is null.
#pragma once

#include <string>

#include "sacjc/audit.h"
#include "sacjc/calibration.h"
#include "sacjc/fingerprint.h"
#include "sacjc/report.h"

namespace sacjc {

std::string format_json(const VerifyReport& report);
std::string format_json(const EvaluateReport& report);
std::string format_json(const Calibration& calibration);

// `text` as a JSON string literal, quotes included (bytes that are not UTF-8 become U+FFFD),
// for writers of other JSON formats (report_sarif.cpp).
std::string json_string(const std::string& text);

// What `--format json` prints on stdout when a command fails: {"schema_version", "sacjc_version",
// "command" (null before one is known), "exit_code", "error"}.
std::string format_json_error(int exit_code, const std::string& message, const std::string& command);

// Reads a calibration file written by `sacjc calibrate`. Anything malformed, or a newer
// version, is a bad-input Error naming the file.
Calibration read_calibration(const std::string& path);
Calibration parse_calibration(const std::string& text, const std::string& name);

// The META section of a fingerprint file (fingerprint.h), and back; malformed metadata is a
// bad-input Error naming `name`.
std::string format_fingerprint_meta(const Fingerprint& fingerprint);
void parse_fingerprint_meta(const std::string& text, const std::string& name, Fingerprint& fingerprint);

// Audit logs (audit.h): one line each, newline included; and back (bad-input Errors name
// `name`). The table of a whole audit as one JSON document.
std::string format_json_line(const AuditHeader& header);
std::string format_json_line(const AuditRow& row);
AuditHeader parse_audit_header(const std::string& line, const std::string& name);
AuditRow parse_audit_row(const std::string& line, const std::string& name);
std::string format_json(const AuditHeader& header, const std::vector<AuditRow>& ranked_rows,
                        const std::vector<SkippedFile>& skipped = {});

}  // namespace sacjc

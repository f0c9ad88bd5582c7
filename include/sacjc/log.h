// Logging and progress on stderr (stdout carries only the report). Logging is spdlog's; this
// header sets it up and adds a progress bar for long loops. Both go through one writer, so a
// log line never lands on the line the bar is drawn on: the writer wipes the bar, writes the
// line and draws the bar again below it.
#pragma once

#include <spdlog/spdlog.h>

#include <chrono>
#include <string>

namespace sacjc {

struct LogOptions {
  int verbosity = 0;     // 0: warnings and errors; 1 (-v): info; 2 (-vv) and more: debug
  bool quiet = false;    // --quiet: errors only, and no progress bar
  bool progress = true;  // --no-progress sets it false
};

void setup_logging(const LogOptions& options);

// Whether progress bars are drawn: stderr is a terminal, TERM is set and not "dumb", and
// neither --quiet nor --no-progress was given.
bool progress_enabled();

// Writes `line` (a newline is added) to stderr through the writer that owns the progress bar:
// the bar is wiped first and drawn again after it. For the few lines that do not go through
// spdlog (the error line in main).
void write_stderr_line(const std::string& line);

// A one-line progress bar with count, rate and ETA, redrawn in place; drawn only when
// progress_enabled(), so logs and CI output stay clean.
class ProgressBar {
 public:
  ProgressBar(std::string label, int total);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  void update(int done);

 private:
  std::string label_;
  int total_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

// Logs at debug level (-vv) how long a stage took, on leaving the scope:
// "stage NAME: 0.123 s".
class StageTimer {
 public:
  explicit StageTimer(std::string name) : name_(std::move(name)), start_(std::chrono::steady_clock::now()) {}
  ~StageTimer();
  StageTimer(const StageTimer&) = delete;
  StageTimer& operator=(const StageTimer&) = delete;

 private:
  std::string name_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace sacjc

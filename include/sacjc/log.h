// Logging and progress on stderr (stdout carries only the report). Logging is spdlog's; this
// header sets it up and adds a progress bar for long loops.
#pragma once

#include <spdlog/spdlog.h>

#include <chrono>
#include <string>

namespace sacjc {

// 0: warnings and errors; 1 (-v): info; 2 (-vv) and more: debug.
void setup_logging(int verbosity);

// A one-line progress bar with count, rate and ETA, redrawn in place; drawn only when stderr
// is a terminal, so logs and CI output stay clean.
class ProgressBar {
 public:
  ProgressBar(std::string label, int total);
  ~ProgressBar();
  void update(int done);

 private:
  std::string label_;
  int total_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace sacjc

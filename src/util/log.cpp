#include "sacjc/log.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

namespace sacjc {

void setup_logging(int verbosity) {
  auto logger = spdlog::stderr_logger_st("sacjc");
  logger->set_pattern("sacjc: %l: %v");
  logger->set_level(verbosity <= 0 ? spdlog::level::warn : verbosity == 1 ? spdlog::level::info : spdlog::level::debug);
  spdlog::set_default_logger(logger);
}

ProgressBar::ProgressBar(std::string label, int total)
    : label_(std::move(label)),
      total_(total),
      enabled_(isatty(STDERR_FILENO) == 1 && total > 0),
      start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
  if (enabled_) std::fprintf(stderr, "\r\033[K");
}

void ProgressBar::update(int done) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (done < total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  double rate = seconds > 0 ? done / seconds : 0;
  double eta = rate > 0 ? (total_ - done) / rate : 0;
  constexpr int kWidth = 30;
  int filled = total_ > 0 ? done * kWidth / total_ : 0;
  fmt::print(stderr, "\r\033[K{} [{}{}] {}/{} {:.1f}/s ETA {:.0f}s", label_, std::string(filled, '#'),
             std::string(kWidth - filled, ' '), done, total_, rate, eta);
  std::fflush(stderr);
}

}  // namespace sacjc

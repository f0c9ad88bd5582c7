// The one writer of stderr. spdlog's lines and the progress bar meet in Terminal: it remembers
// the bar's text, and every log line first wipes the bar ("\r\033[K"), then is written whole
// with one write(), then the bar is drawn again. So a bar and a log line never share a line,
// whatever order they come in. A bar is only ever drawn on a terminal that can move the
// cursor (not TERM=dumb), so pipes and CI logs see plain lines only.
#include "sacjc/log.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/base_sink.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <mutex>

#include <fmt/format.h>

namespace sacjc {
namespace {

constexpr const char* kWipe = "\r\033[K";

void write_all(const std::string& text) {
  const char* data = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(STDERR_FILENO, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    data += n;
    left -= static_cast<std::size_t>(n);
  }
}

class Terminal {
 public:
  static Terminal& get() {
    static Terminal terminal;
    return terminal;
  }

  void line(const std::string& text) {
    std::lock_guard<std::mutex> lock(mutex_);
    write_all((bar_.empty() ? "" : kWipe) + text + "\n" + bar_);
  }

  void draw(const void* owner, const std::string& bar) {
    std::lock_guard<std::mutex> lock(mutex_);
    owner_ = owner;
    bar_ = bar;
    write_all(kWipe + bar_);
  }

  void clear(const void* owner) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (owner != owner_ || bar_.empty()) return;
    bar_.clear();
    owner_ = nullptr;
    write_all(kWipe);
  }

  bool progress = false;

 private:
  Terminal() = default;
  std::mutex mutex_;
  std::string bar_;
  const void* owner_ = nullptr;
};

// spdlog's lines, formatted by its pattern, handed to the terminal writer.
class TerminalSink : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    spdlog::memory_buf_t formatted;
    formatter_->format(message, formatted);
    std::string text(formatted.data(), formatted.size());
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    Terminal::get().line(text);
  }
  void flush_() override {}
};

bool terminal_can_draw() {
  if (isatty(STDERR_FILENO) != 1) return false;
  const char* term = std::getenv("TERM");
  return term != nullptr && *term != '\0' && std::strcmp(term, "dumb") != 0;
}

}  // namespace

void setup_logging(const LogOptions& options) {
  auto logger = std::make_shared<spdlog::logger>("sacjc", std::make_shared<TerminalSink>());
  logger->set_pattern("sacjc: %l: %v");
  spdlog::level::level_enum level = options.verbosity <= 0   ? spdlog::level::warn
                                    : options.verbosity == 1 ? spdlog::level::info
                                                             : spdlog::level::debug;
  if (options.quiet) level = spdlog::level::err;
  logger->set_level(level);
  spdlog::set_default_logger(logger);
  Terminal::get().progress = options.progress && !options.quiet && terminal_can_draw();
}

bool progress_enabled() { return Terminal::get().progress; }

void write_stderr_line(const std::string& line) { Terminal::get().line(line); }

ProgressBar::ProgressBar(std::string label, int total)
    : label_(std::move(label)),
      total_(total),
      enabled_(progress_enabled() && total > 0),
      start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
  if (enabled_) Terminal::get().clear(this);
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
  Terminal::get().draw(this, fmt::format("{} [{}{}] {}/{} {:.1f}/s ETA {:.0f}s", label_, std::string(filled, '#'),
                                         std::string(kWidth - filled, ' '), done, total_, rate, eta));
}

StageTimer::~StageTimer() {
  spdlog::debug("stage {}: {:.3f} s", name_,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count());
}

}  // namespace sacjc

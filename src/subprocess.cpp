// fork/exec with the suspect's limits applied in the child between fork and exec (only
// async-signal-safe calls there: the parent may run LibTorch's threads).
#include "sacjc/subprocess.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <climits>
#include <cstring>

#include "sacjc/error.h"

namespace sacjc {

// AddressSanitizer reserves terabytes of address space for its shadow memory, so an
// address-space limit stops an instrumented child before it starts: not applied there.
#if defined(__SANITIZE_ADDRESS__)
const bool kAddressLimitWorks = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
const bool kAddressLimitWorks = false;
#else
const bool kAddressLimitWorks = true;
#endif
#else
const bool kAddressLimitWorks = true;
#endif

namespace {

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

int anonymous_file(const char* name) {
  int fd = memfd_create(name, MFD_CLOEXEC);
  if (fd < 0) throw Error(ExitCode::kInternal, std::string("cannot create a temporary file: ") + std::strerror(errno));
  return fd;
}

std::string read_all(int fd) {
  std::string text;
  char buffer[65536];
  lseek(fd, 0, SEEK_SET);
  for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;) text.append(buffer, n);
  return text;
}

}  // namespace

Child::Child(const std::vector<std::string>& args, long long memory_limit) {
  out_fd_ = anonymous_file("sacjc-child-out");
  err_fd_ = anonymous_file("sacjc-child-err");
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  start_ = now_seconds();
  pid_ = fork();
  if (pid_ < 0) throw Error(ExitCode::kInternal, std::string("cannot start a child process: ") + std::strerror(errno));
  if (pid_ == 0) {
    if (memory_limit > 0 && kAddressLimitWorks) {
      rlimit limit{static_cast<rlim_t>(memory_limit), static_cast<rlim_t>(memory_limit)};
      setrlimit(RLIMIT_AS, &limit);
    }
    dup2(out_fd_, STDOUT_FILENO);  // dup2 clears close-on-exec on the copies
    dup2(err_fd_, STDERR_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
}

Child::~Child() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  close(out_fd_);
  close(err_fd_);
}

bool Child::poll(double timeout_seconds) {
  if (pid_ <= 0) return true;
  int status = 0;
  pid_t done = waitpid(pid_, &status, WNOHANG);
  if (done == 0) {
    if (timeout_seconds <= 0 || now_seconds() - start_ < timeout_seconds) return false;
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
    result_.timed_out = true;
  }
  pid_ = -1;
  result_.seconds = now_seconds() - start_;
  if (WIFEXITED(status)) result_.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status) && !result_.timed_out) result_.signal = WTERMSIG(status);
  result_.out = read_all(out_fd_);
  result_.err = read_all(err_fd_);
  return true;
}

std::string self_executable() {
  char path[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0) throw Error(ExitCode::kInternal, "cannot find this executable's path (/proc/self/exe)");
  return std::string(path, n);
}

}  // namespace sacjc

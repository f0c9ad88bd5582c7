// Confined model runs. Three processes take part:
// - the parent (sacjc itself) reads and hashes the model file, puts it and the probes into
//   sealed memory files, and asks the host for a run;
// - the host, forked by main() before LibTorch starts any thread, forks one child per run,
//   reports how each ended, and kills them when asked (timeouts) or when the parent goes;
// - the child confines itself (sandbox.h), loads the model from the memory file, and writes
//   its outputs to a pipe. It holds nothing else: no path, no environment, stdio on /dev/null.
// The parent trusts nothing in the child's answer: each message is parsed with fixed sizes
// and bounds, the shape must match the probes, every value must be finite.
#include "sacjc/model_host.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "sacjc/error.h"
#include "sacjc/log.h"
#include "sacjc/sandbox.h"
#include "sacjc/sha256.h"
#include "sacjc/size.h"

namespace sacjc {
namespace {

// ---- Messages ---------------------------------------------------------------------------

// Parent -> host, over a SOCK_SEQPACKET socket; a run request carries three descriptors:
// the model bytes, the probes, and the write end of the answer pipe.
struct HostRequest {
  enum Kind : std::uint32_t { kRun = 1, kKill = 2 } kind;
  std::uint64_t id;
  std::int64_t memory_bytes;
  std::int32_t threads, batch_size, optimize, scan_archive;
  char output_key[256];
  char name[1024];  // the model's path, for the child's error messages
};

// Host -> parent: a child of this run has ended with this wait status.
struct HostReport {
  std::uint64_t id;
  std::int32_t status;
};

// Child -> parent, over the answer pipe: tagged records.
enum AnswerTag : std::uint8_t {
  kTagLandlock = 'L',  // int32 ABI in force (0: none)
  kTagProgress = 'P',  // int32 probes done
  kTagOutputs = 'O',   // int32 part (0 probes, 1 references), int64 rows, int64 cols, floats
  kTagError = 'E',     // int32 exit code, int32 length, message
  kTagDone = 'D',
};

constexpr std::size_t kMaxErrorLength = 4096;
constexpr const char* kConfineFailure = "cannot confine the model process";

// ---- Small system helpers -----------------------------------------------------------------

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

[[noreturn]] void internal(const std::string& what) {
  throw Error(ExitCode::kInternal, what + ": " + std::strerror(errno));
}

bool write_all(int fd, const void* data, std::size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool send_with_fds(int socket, const void* data, std::size_t size, const int* fds, int count) {
  iovec io{const_cast<void*>(data), size};
  msghdr msg{};
  msg.msg_iov = &io;
  msg.msg_iovlen = 1;
  alignas(cmsghdr) char control[CMSG_SPACE(3 * sizeof(int))]{};
  if (count > 0) {
    msg.msg_control = control;
    msg.msg_controllen = CMSG_SPACE(count * sizeof(int));
    cmsghdr* c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(count * sizeof(int));
    std::memcpy(CMSG_DATA(c), fds, count * sizeof(int));
  }
  ssize_t n;
  do n = sendmsg(socket, &msg, MSG_NOSIGNAL);
  while (n < 0 && errno == EINTR);
  return n == static_cast<ssize_t>(size);
}

// One message; returns its size (0 on end of file, -1 on error) and up to 3 descriptors.
ssize_t receive_with_fds(int socket, void* data, std::size_t size, int* fds, int& count) {
  iovec io{data, size};
  msghdr msg{};
  msg.msg_iov = &io;
  msg.msg_iovlen = 1;
  alignas(cmsghdr) char control[CMSG_SPACE(3 * sizeof(int))]{};
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  ssize_t n;
  do n = recvmsg(socket, &msg, MSG_CMSG_CLOEXEC);
  while (n < 0 && errno == EINTR);
  count = 0;
  for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c))
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
      int got = static_cast<int>((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
      std::memcpy(fds + count, CMSG_DATA(c), std::min(got, 3 - count) * sizeof(int));
      count += std::min(got, 3 - count);
    }
  return n;
}

int sealed_memory_file(const char* name) {
  int fd = memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING);
  if (fd < 0) internal("cannot create a memory file");
  return fd;
}

void seal(int fd) {
  if (fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) != 0)
    internal("cannot seal a memory file");
}

// Keeps only these descriptors open (plus stdio).
void close_all_but(std::vector<int> keep) {
  std::sort(keep.begin(), keep.end());
  unsigned first = 3;
  for (int fd : keep) {
    if (static_cast<unsigned>(fd) > first) close_range(first, fd - 1, 0);
    first = fd + 1;
  }
  close_range(first, ~0U, 0);
}

// ---- The child ------------------------------------------------------------------------------

class Answer {
 public:
  explicit Answer(int fd) : fd_(fd) {}
  void tag(AnswerTag tag) { write_all(fd_, &tag, 1); }
  void int32(std::int32_t value) { write_all(fd_, &value, sizeof value); }
  void int64(std::int64_t value) { write_all(fd_, &value, sizeof value); }
  void bytes(const void* data, std::size_t size) { write_all(fd_, data, size); }
  void error(ExitCode code, const std::string& message) {
    std::string text = message.substr(0, kMaxErrorLength);
    tag(kTagError);
    int32(static_cast<int>(code));
    int32(static_cast<int>(text.size()));
    bytes(text.data(), text.size());
  }

 private:
  int fd_;
};

const std::uint8_t* map_read_only(int fd, std::size_t& size) {
  struct stat st {};
  if (fstat(fd, &st) != 0) return nullptr;
  size = static_cast<std::size_t>(st.st_size);
  if (size == 0) return reinterpret_cast<const std::uint8_t*>("");
  void* p = mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
  return p == MAP_FAILED ? nullptr : static_cast<const std::uint8_t*>(p);
}

// The probe file: int32 count, references, channels, height, width, then the floats.
struct ProbeHeader {
  std::int32_t count, references, channels, height, width;
};

void run_child(const HostRequest& request, int model_fd, int probes_fd, Answer& answer) {
  const std::string name(request.name);
  std::size_t model_size = 0, probe_size = 0;
  const std::uint8_t* model = map_read_only(model_fd, model_size);
  const std::uint8_t* probe_file = map_read_only(probes_fd, probe_size);
  if (!model || !probe_file || probe_size < sizeof(ProbeHeader)) throw Error(ExitCode::kInternal, "cannot map inputs");
  ProbeHeader h;
  std::memcpy(&h, probe_file, sizeof h);
  const float* values = reinterpret_cast<const float*>(probe_file + sizeof h);
  const std::size_t image = std::size_t(h.channels) * h.height * h.width;

  // Confinement, in the order its mechanisms need; nothing of the model has run yet.
  answer.tag(kTagLandlock);
  answer.int32(confine({request.memory_bytes}));
  set_inference_threads(request.threads);

  ModelOptions options;
  options.refuse_file_operators = request.scan_archive != 0;
  options.batch_size = request.batch_size;
  options.optimize = request.optimize != 0;
  options.output_key = request.output_key;
  std::unique_ptr<Model> loaded = load_torchscript(name, model, model_size, options);
  auto send = [&](int part, const ProbeTensor& tensor, bool progress) {
    Outputs out = loaded->forward(tensor, [&](int done) {
      if (!progress) return;
      answer.tag(kTagProgress);
      answer.int32(done);
    });
    answer.tag(kTagOutputs);
    answer.int32(part);
    answer.int64(out.rows());
    answer.int64(out.cols());
    answer.bytes(out.data(), sizeof(float) * out.size());
  };
  send(0, {values, h.count, h.channels, h.height, h.width}, true);
  if (h.references > 0) send(1, {values + image * h.count, h.references, h.channels, h.height, h.width}, false);
  answer.tag(kTagDone);
}

[[noreturn]] void child_main(const HostRequest& request, const int fds[3], int devnull, pid_t host) {
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != host) _exit(1);
  for (int stdio = 0; stdio < 3; ++stdio) dup2(devnull, stdio);
  close_all_but({fds[0], fds[1], fds[2]});
  clearenv();
  signal(SIGPIPE, SIG_IGN);
  Answer answer(fds[2]);
  try {
    run_child(request, fds[0], fds[1], answer);
  } catch (const Error& e) {
    answer.error(e.code(), e.what());
  } catch (const std::bad_alloc&) {
    answer.error(ExitCode::kInternal, "out of memory");
  } catch (const std::exception& e) {
    answer.error(ExitCode::kInternal, e.what());
  }
  _exit(0);
}

// ---- The host --------------------------------------------------------------------------------

[[noreturn]] void host_main(int socket, pid_t parent) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(0);
  signal(SIGINT, SIG_IGN);  // the parent decides; the host goes when the parent does
  signal(SIGTERM, SIG_IGN);
  const int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
  const pid_t self = getpid();
  std::map<pid_t, std::uint64_t> children;
  for (;;) {
    pollfd p{socket, POLLIN, 0};
    int ready = poll(&p, 1, children.empty() ? -1 : 20);
    if (ready > 0) {
      HostRequest request{};
      int fds[3], count = 0;
      ssize_t n = receive_with_fds(socket, &request, sizeof request, fds, count);
      if (n <= 0) {  // the parent is gone or done
        for (auto& [pid, id] : children) kill(-pid, SIGKILL);
        _exit(0);
      }
      if (n == sizeof request && request.kind == HostRequest::kRun && count == 3) {
        request.output_key[sizeof request.output_key - 1] = 0;
        request.name[sizeof request.name - 1] = 0;
        pid_t pid = fork();
        if (pid == 0) child_main(request, fds, devnull, self);
        if (pid > 0) {
          setpgid(pid, pid);
          children[pid] = request.id;
        } else {
          HostReport report{request.id, -1};
          send_with_fds(socket, &report, sizeof report, nullptr, 0);
        }
      } else if (n == sizeof request && request.kind == HostRequest::kKill) {
        for (auto& [pid, id] : children)
          if (id == request.id) kill(-pid, SIGKILL);
      }
      for (int i = 0; i < count; ++i) close(fds[i]);
    }
    int status = 0;
    for (pid_t pid; (pid = waitpid(-1, &status, WNOHANG)) > 0;) {
      auto it = children.find(pid);
      if (it == children.end()) continue;
      HostReport report{it->second, status};
      send_with_fds(socket, &report, sizeof report, nullptr, 0);
      children.erase(it);
    }
  }
}

// The parent's end of the host: one per process.
struct Host {
  int socket = -1;
  std::uint64_t next_id = 1;
  std::map<std::uint64_t, int> ended;  // run id -> wait status
  bool gone = false;
  bool warned_landlock = false;

  // Asks the host to kill a run's child (its whole process group).
  void kill(std::uint64_t id) {
    HostRequest request{};
    request.kind = HostRequest::kKill;
    request.id = id;
    send_with_fds(socket, &request, sizeof request, nullptr, 0);
  }

  // Reads every report waiting on the socket.
  void pump() {
    while (!gone) {
      pollfd p{socket, POLLIN, 0};
      if (poll(&p, 1, 0) <= 0) return;
      HostReport report{};
      int fds[3], count = 0;
      ssize_t n = receive_with_fds(socket, &report, sizeof report, fds, count);
      for (int i = 0; i < count; ++i) close(fds[i]);
      if (n <= 0) {
        gone = true;
        return;
      }
      if (n == sizeof report) ended[report.id] = report.status;
    }
  }
};
Host host;

std::string sanitized(const std::string& text) {
  std::string clean;
  for (unsigned char c : text) clean += (c >= 32 && c < 127) ? static_cast<char>(c) : ' ';
  return clean.substr(0, 300);
}

std::string signal_text(int status) {
  int sig = WTERMSIG(status);
  return "signal " + std::to_string(sig) + ", " + (strsignal(sig) ? strsignal(sig) : "?");
}

}  // namespace

// ---- Public side ------------------------------------------------------------------------------

void start_model_host() {
  if (host.socket >= 0) return;
  int pair[2];
  if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0) internal("cannot start the model host");
  const pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) internal("cannot start the model host");
  if (pid == 0) {
    close(pair[0]);
    host_main(pair[1], parent);
  }
  close(pair[1]);
  host.socket = pair[0];
}

long long default_memory_limit(int jobs) {
  double physical = static_cast<double>(sysconf(_SC_PHYS_PAGES)) * sysconf(_SC_PAGE_SIZE);
  return static_cast<long long>(physical / 2 / std::max(1, jobs));
}

ModelBytes::ModelBytes(const std::string& path, long long max_bytes) : path_(path) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOCTTY: a terminal stays ours.
  int file = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (file < 0) {
    if (errno == ENOENT) throw bad_input(path, "no such file (or a dangling link)");
    throw bad_input(path, std::string("cannot open: ") + std::strerror(errno));
  }
  struct stat st {};
  if (fstat(file, &st) != 0) {
    close(file);
    throw bad_input(path, std::string("cannot read: ") + std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) {
    close(file);
    const char* what = S_ISDIR(st.st_mode)    ? "a directory"
                       : S_ISFIFO(st.st_mode) ? "a FIFO"
                       : S_ISCHR(st.st_mode)  ? "a character device"
                       : S_ISBLK(st.st_mode)  ? "a block device"
                       : S_ISSOCK(st.st_mode) ? "a socket"
                                              : "not a regular file";
    throw bad_input(path, std::string("is ") + what + ", not a model file; not read");
  }
  if (st.st_size == 0) {
    close(file);
    throw bad_input(path, "empty file, not a TorchScript model");
  }
  if (max_bytes > 0 && st.st_size > max_bytes) {
    close(file);
    throw bad_input(path, std::to_string(st.st_size) + " bytes exceeds --max-model-bytes " + std::to_string(max_bytes) +
                              "; not loaded");
  }
  fd_ = sealed_memory_file("sacjc-model");
  Sha256 hash;
  std::vector<char> buffer(1 << 20);
  long long total = 0;
  for (;;) {
    ssize_t n = read(file, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      close(file);
      throw bad_input(path, std::string("cannot read: ") + std::strerror(errno));
    }
    if (n == 0) break;
    total += n;
    if (total > st.st_size) {  // growing while read: not a stable file
      close(file);
      throw bad_input(path, "changed while it was read");
    }
    hash.update(buffer.data(), static_cast<std::size_t>(n));
    if (!write_all(fd_, buffer.data(), static_cast<std::size_t>(n))) internal("cannot copy the model");
  }
  close(file);
  seal(fd_);
  sha256_ = hash.hex_digest();
}

ModelBytes::~ModelBytes() {
  if (fd_ >= 0) close(fd_);
}

SharedProbes::SharedProbes(const ProbeSet& probes) : count_(probes.count) {
  references_ = probes.references ? probes.references->count : 0;
  fd_ = sealed_memory_file("sacjc-probes");
  ProbeHeader h{probes.count, references_, probes.channels, probes.height, probes.width};
  bool ok = write_all(fd_, &h, sizeof h) && write_all(fd_, probes.values.data(), probes.values.size() * sizeof(float));
  if (ok && probes.references)
    ok = write_all(fd_, probes.references->values.data(), probes.references->values.size() * sizeof(float));
  if (!ok) internal("cannot write the probes to a memory file");
  seal(fd_);
}

SharedProbes::~SharedProbes() {
  if (fd_ >= 0) close(fd_);
}

struct ConfinedRun::State {
  std::uint64_t id = 0;
  std::string path;
  int answer = -1;  // read end of the answer pipe; -1 once it reached end of file
  int expected_rows[2] = {0, 0};
  ConfinedOptions options;
  double start = 0, end = 0;
  std::string buffer;      // answer bytes not parsed yet
  std::size_t parsed = 0;  // bytes of `buffer` consumed
  ConfinedOutputs outputs;
  bool have[2] = {false, false};
  bool done = false;                // the child said it finished
  std::string failure;              // why there are no outputs (parsed answer or our own checks)
  bool confinement_failed = false;  // the child could not confine itself: sacjc's fault
  int landlock = -1;
  bool timed_out = false;
  std::optional<int> status;

  void close_answer() {
    close(answer);
    answer = -1;
  }

  // Reads what the (non-blocking) answer pipe holds and parses it; closes the pipe at its end
  // or once the answer is refused, since nothing more the child says can matter then.
  void drain(int& progress) {
    char chunk[1 << 16];
    ssize_t n = -1;
    while (failure.empty() && (n = read(answer, chunk, sizeof chunk)) > 0) {
      // Bytes past what a valid answer can hold mean a hostile or broken child.
      if (static_cast<long long>(buffer.size()) + n > kMaxOutputBytes + 4096)
        failure = "its answer exceeds " + std::to_string(kMaxOutputBytes >> 20) + " MB";
      else
        buffer.append(chunk, static_cast<std::size_t>(n));
    }
    const bool ended = failure.empty() && n == 0;
    if (failure.empty() && !parse(progress)) failure = "malformed answer from the model process";
    if (ended || !failure.empty()) close_answer();
  }

  // Parses the complete records at the front of `buffer`; false on a malformed answer.
  bool parse(int& progress) {
    auto need = [&](std::size_t n) { return buffer.size() - parsed >= n; };
    auto take = [&](void* out, std::size_t n) {
      std::memcpy(out, buffer.data() + parsed, n);
      parsed += n;
    };
    while (need(1) && failure.empty() && !done) {
      const std::size_t record = parsed;
      const auto tag = static_cast<std::uint8_t>(buffer[parsed]);
      parsed += 1;
      std::int32_t a = 0, b = 0;
      std::int64_t rows = 0, cols = 0;
      if (tag == kTagLandlock || tag == kTagProgress) {
        if (!need(4)) return (parsed = record, true);
        take(&a, 4);
        if (tag == kTagLandlock)
          landlock = a;
        else
          progress = std::clamp(a, 0, expected_rows[0]);
      } else if (tag == kTagError) {
        if (!need(8)) return (parsed = record, true);
        take(&a, 4);
        take(&b, 4);
        if (b < 0 || b > static_cast<std::int32_t>(kMaxErrorLength)) return false;
        if (!need(static_cast<std::size_t>(b))) return (parsed = record, true);
        std::string message(buffer.data() + parsed, static_cast<std::size_t>(b));
        parsed += static_cast<std::size_t>(b);
        // The child names the model as we told it; say it ourselves, and keep its words as text.
        if (message.rfind(path + ": ", 0) == 0) message = message.substr(path.size() + 2);
        failure = sanitized(message);
        confinement_failed = a == static_cast<int>(ExitCode::kInternal) && failure.rfind(kConfineFailure, 0) == 0;
        if (a == static_cast<int>(ExitCode::kInternal) && failure.find("out of memory") != std::string::npos)
          failure =
              "ran out of memory (the limit is --max-memory " + std::to_string(options.memory_bytes >> 20) + " MB)";
      } else if (tag == kTagOutputs) {
        if (!need(20)) return (parsed = record, true);
        take(&a, 4);
        take(&rows, 8);
        take(&cols, 8);
        if (a < 0 || a > 1 || have[a] || rows != expected_rows[a]) return false;
        if (cols < 1 || cols > kMaxOutputColumns || rows * cols * 4 > kMaxOutputBytes) return false;
        const std::size_t size = static_cast<std::size_t>(rows * cols) * sizeof(float);
        if (!need(size)) return (parsed = record, true);
        Outputs& out = a == 0 ? outputs.probes : outputs.references;
        out.resize(rows, cols);
        take(out.data(), size);
        if (!out.allFinite()) {
          failure = "model output contains NaN or Inf";
          return true;
        }
        have[a] = true;
      } else if (tag == kTagDone) {
        done = true;
      } else {
        return false;
      }
    }
    // Keep the buffer small: drop what was consumed.
    buffer.erase(0, parsed);
    parsed = 0;
    return true;
  }
};

namespace {

// -vv: what confines the child about to run `path`.
void log_confinement(const std::string& path, const ConfinedOptions& o) {
  if (!spdlog::should_log(spdlog::level::debug)) return;
  const int abi = landlock_abi();
  spdlog::debug(
      "{}: confined child: {} thread(s), address space {}, timeout {}, no core files or file growth, no new "
      "privileges, {}, seccomp filter (no files opened for writing, no sockets, exec, fork or ptrace){}",
      path, o.threads, o.memory_bytes > 0 ? format_size(o.memory_bytes) : "unlimited",
      o.timeout_seconds > 0 ? fmt::format("{:g} s", o.timeout_seconds) : "none",
      abi > 0 ? fmt::format("Landlock ABI {} (reads only below the library directories, no writes)", abi)
              : "no Landlock on this kernel (reads not limited by path)",
      o.scan_archive ? ", archive scanned for file operators" : "");
}

}  // namespace

ConfinedRun::ConfinedRun(const ModelBytes& model, const SharedProbes& probes, const ConfinedOptions& options)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  if (host.socket < 0 || host.gone) throw Error(ExitCode::kInternal, "the model host process is not running");
  s.id = host.next_id++;
  s.path = model.path();
  s.options = options;
  s.expected_rows[0] = probes.count();
  s.expected_rows[1] = probes.references();
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC | O_NONBLOCK) != 0) internal("cannot create a pipe");
  // The child's end blocks: it simply waits while the parent is busy.
  fcntl(pipe_fds[1], F_SETFL, 0);
  HostRequest request{};
  request.kind = HostRequest::kRun;
  request.id = s.id;
  request.memory_bytes = options.memory_bytes;
  request.threads = options.threads;
  request.batch_size = options.model.batch_size;
  request.optimize = options.model.optimize;
  request.scan_archive = options.scan_archive;
  // Cut to fit; the request starts zeroed, so both stay terminated.
  options.model.output_key.copy(request.output_key, sizeof request.output_key - 1);
  s.path.copy(request.name, sizeof request.name - 1);
  s.path = request.name;  // as the child will spell it
  int fds[3] = {model.fd(), probes.fd(), pipe_fds[1]};
  log_confinement(s.path, options);
  s.start = now_seconds();
  bool sent = send_with_fds(host.socket, &request, sizeof request, fds, 3);
  close(pipe_fds[1]);
  s.answer = pipe_fds[0];
  if (!sent) {
    host.gone = true;
    throw Error(ExitCode::kInternal, "the model host process is gone");
  }
}

ConfinedRun::~ConfinedRun() {
  if (!state_) return;
  if (!state_->status && !host.gone) host.kill(state_->id);
  if (state_->answer >= 0) close(state_->answer);
}

double ConfinedRun::seconds() const { return (state_->end > 0 ? state_->end : now_seconds()) - state_->start; }

bool ConfinedRun::poll(int wait_ms) {
  State& s = *state_;
  if (s.status) return true;
  if (s.answer >= 0) {
    pollfd fds[2] = {{s.answer, POLLIN, 0}, {host.socket, POLLIN, 0}};
    ::poll(fds, 2, wait_ms);
    s.drain(done_);
  } else {
    pollfd p{host.socket, POLLIN, 0};
    ::poll(&p, 1, wait_ms);
  }
  host.pump();
  auto it = host.ended.find(s.id);
  if (it != host.ended.end()) {
    s.status = it->second;
    host.ended.erase(it);
  } else if (host.gone) {
    s.status = -1;
    if (s.failure.empty()) s.failure = "the model host process died";
  } else if (s.options.timeout_seconds > 0 && now_seconds() - s.start > s.options.timeout_seconds && !s.timed_out) {
    s.timed_out = true;
    host.kill(s.id);
  }
  if (!s.status) return false;
  // Ended: read what is left in the pipe (the child is gone, so this cannot block).
  if (s.answer >= 0) s.drain(done_);
  if (s.answer >= 0) s.close_answer();
  s.end = now_seconds();
  if (s.landlock == 0 && !host.warned_landlock) {
    host.warned_landlock = true;
    spdlog::warn(
        "this kernel has no Landlock: model processes cannot open files for writing, but may read "
        "files outside the library directories");
  }
  return true;
}

ConfinedOutputs ConfinedRun::take() {
  State& s = *state_;
  const int status = s.status.value_or(-1);
  if (s.timed_out)
    throw bad_input(s.path, "timed out after " + std::to_string(static_cast<long long>(s.options.timeout_seconds)) +
                                " s (--timeout); killed");
  if (s.confinement_failed) throw Error(ExitCode::kInternal, s.path + ": " + s.failure);
  if (!s.failure.empty()) throw bad_input(s.path, s.failure);
  if (status >= 0 && WIFSIGNALED(status)) {
    std::string why = "the model process was killed (" + signal_text(status) + ")";
    if (s.options.memory_bytes > 0)
      why += "; it may have exceeded --max-memory " + std::to_string(s.options.memory_bytes >> 20) + " MB";
    throw bad_input(s.path, why);
  }
  if (!s.done || !s.have[0] || (s.expected_rows[1] > 0 && !s.have[1]))
    throw bad_input(s.path, "the model process ended without outputs");
  return std::move(s.outputs);
}

ConfinedOutputs ConfinedRun::wait(const std::string& label) {
  ProgressBar bar(label, label.empty() ? 0 : state_->expected_rows[0]);
  while (!poll(100)) bar.update(done_);
  return take();
}

ConfinedOutputs run_confined(const ModelBytes& model, const SharedProbes& probes, const ConfinedOptions& options,
                             const std::string& label) {
  return ConfinedRun(model, probes, options).wait(label);
}

}  // namespace sacjc

// Untrusted models (every suspect, every zoo model) run in confined child processes: a
// TorchScript file is code written by the party sacjc is checking. This process reads and
// hashes the model file itself, hands the child the bytes and the probes as sealed memory
// files, and gets back only raw outputs over a pipe, which it checks before computing
// anything from them. The children are forked by a small host process that main() starts
// before LibTorch starts any thread, so a child is a cheap fork with every library already
// loaded, not a new program.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "sacjc/model.h"
#include "sacjc/probes.h"

namespace sacjc {

// Starts the host process. Call once, early in main(), while this process has one thread.
// Without it, confined runs fail with an internal error.
void start_model_host();

// A model file as the parent read it: opened without following it into a FIFO or device and
// without blocking, a regular file only, at most `max_bytes` (0: no limit), hashed while it is
// copied into a sealed memory file. Bad files throw a bad-input Error naming `path`.
class ModelBytes {
 public:
  ModelBytes(const std::string& path, long long max_bytes);
  ~ModelBytes();
  ModelBytes(const ModelBytes&) = delete;
  ModelBytes& operator=(const ModelBytes&) = delete;
  const std::string& path() const { return path_; }
  const std::string& sha256() const { return sha256_; }
  int fd() const { return fd_; }

 private:
  std::string path_, sha256_;
  int fd_ = -1;
};

// A probe set (and its FRI references) in a sealed memory file, shared read-only by every
// child that runs on it.
class SharedProbes {
 public:
  explicit SharedProbes(const ProbeSet& probes);
  ~SharedProbes();
  SharedProbes(const SharedProbes&) = delete;
  SharedProbes& operator=(const SharedProbes&) = delete;
  int fd() const { return fd_; }
  int count() const { return count_; }
  int references() const { return references_; }

 private:
  int fd_ = -1;
  int count_ = 0, references_ = 0;
};

struct ConfinedOptions {
  ModelOptions model;
  int threads = 1;             // LibTorch threads in the child
  long long memory_bytes = 0;  // address-space limit of the child (0: none)
  double timeout_seconds = 0;  // wall-clock limit from the start (0: none)
  bool scan_archive = true;    // refuse archives whose code reads or writes files
};

// Defaults for --timeout and --max-memory: 600 s, and half of this machine's memory shared by
// `jobs` children.
constexpr double kDefaultTimeoutSeconds = 600;
long long default_memory_limit(int jobs);

// The largest answer a child may give: 1 GiB of outputs, 16 Mi values per probe.
constexpr long long kMaxOutputBytes = 1LL << 30;
constexpr long long kMaxOutputColumns = 1LL << 24;

struct ConfinedOutputs {
  Outputs probes;
  Outputs references;  // --mode fri
};

// One model running in a confined child. The child's answer is checked here: shape, size,
// finite values; anything else is an error, never outputs.
class ConfinedRun {
 public:
  ConfinedRun(const ModelBytes& model, const SharedProbes& probes, const ConfinedOptions& options);
  ~ConfinedRun();  // kills the child if it still runs
  ConfinedRun(const ConfinedRun&) = delete;
  ConfinedRun& operator=(const ConfinedRun&) = delete;

  // Waits up to `wait_ms` for news; true once the run is over (answered, failed, timed out).
  bool poll(int wait_ms);
  int probes_done() const { return done_; }
  double seconds() const;
  // After poll() returned true: the outputs, or a bad-input Error naming the model.
  ConfinedOutputs take();
  // Polls to the end with a progress bar named `label` (none if empty), then take().
  ConfinedOutputs wait(const std::string& label);

 private:
  struct State;
  std::unique_ptr<State> state_;
  int done_ = 0;
};

// Runs one model to the end, with a progress bar named `label` (none if empty).
ConfinedOutputs run_confined(const ModelBytes& model, const SharedProbes& probes, const ConfinedOptions& options,
                             const std::string& label);

}  // namespace sacjc

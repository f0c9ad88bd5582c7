// Child processes for audits: each suspect is checked by a separate sacjc process, so a model
// that crashes, hangs or exhausts memory takes only its own process down.
#pragma once

#include <string>
#include <vector>

namespace sacjc {

// False in an AddressSanitizer build, whose shadow memory needs terabytes of address space.
extern const bool kAddressLimitWorks;

struct ChildResult {
  int exit_code = -1;      // when it exited normally
  int signal = 0;          // when it was killed by a signal
  bool timed_out = false;  // killed by us after its time limit
  std::string out, err;    // what it wrote to stdout and stderr
  double seconds = 0;
};

// One running child: `args[0]` is the program. Its stdout and stderr go to anonymous temporary
// files, so a chatty child can never block on a full pipe.
class Child {
 public:
  // Starts the child with an address-space limit (bytes, 0: none; not applied when
  // kAddressLimitWorks is false). Throws an internal Error if
  // it cannot be started.
  Child(const std::vector<std::string>& args, long long memory_limit);
  ~Child();  // kills the child if it still runs
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // Non-blocking: true once the child has ended (on its own, or killed after `timeout_seconds`
  // when that is > 0); then result() holds what it did.
  bool poll(double timeout_seconds);
  const ChildResult& result() const { return result_; }

 private:
  int pid_ = -1;
  int out_fd_ = -1, err_fd_ = -1;
  double start_ = 0;
  ChildResult result_;
};

// This executable's own path, for starting copies of it.
std::string self_executable();

}  // namespace sacjc

// The one exception type of sacjc, and the exit codes the binary documents.
#pragma once

#include <stdexcept>
#include <string>

namespace sacjc {

// Process exit codes; documented in --help and the README (exit codes). A verdict is a result, not an error.
enum class ExitCode : int {
  kIndependent = 0,    // verify: the suspect is not a copy
  kStolen = 1,         // verify: the suspect is a copy of the victim
  kUsage = 2,          // bad command line
  kBadInput = 3,       // a model, image or file that cannot be used
  kInternal = 4,       // a bug or an unexpected failure in sacjc itself
  kInterrupted = 130,  // stopped by SIGINT or SIGTERM (audit: the logged rows stay)
};

// Thrown anywhere below main; main prints "sacjc: error: <message>" and exits with code().
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

// Shorthand for the most common error: an input that cannot be used, named in the message.
inline Error bad_input(const std::string& input, const std::string& problem) {
  return Error(ExitCode::kBadInput, input + ": " + problem);
}

}  // namespace sacjc

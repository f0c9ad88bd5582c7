// Work spread over the machine's cores.
#pragma once

#include <functional>

namespace sacjc {

// Runs task(0) .. task(n-1) on one thread per core. If tasks throw, the exception of the
// lowest index is rethrown after all have finished, so errors are reported deterministically.
void parallel_for(int n, const std::function<void(int)>& task);

}  // namespace sacjc

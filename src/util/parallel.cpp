#include "sacjc/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace sacjc {

void parallel_for(int n, const std::function<void(int)>& task) {
  std::vector<std::exception_ptr> errors(std::max(n, 0));
  std::atomic<int> next{0};
  auto work = [&] {
    for (int i; (i = next++) < n;) {
      try {
        task(i);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  int workers = std::min(n, static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  std::vector<std::thread> threads;
  for (int w = 1; w < workers; ++w) threads.emplace_back(work);
  work();
  for (auto& thread : threads) thread.join();
  for (auto& error : errors)
    if (error) std::rethrow_exception(error);
}

}  // namespace sacjc

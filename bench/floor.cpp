// The floor of scripts/bench.sh: the only work a check cannot avoid. Loads two TorchScript
// models and runs both on the same pre-built input tensor (fixed random values: the cost of a
// forward pass does not depend on them), with sacjc's thread count and batch size. Nothing
// else: no probes, no JPEG, no correlation, no report.
//   sacjc_floor VICTIM SUSPECT N CHANNELS HEIGHT WIDTH BATCH THREADS
#include <ATen/Parallel.h>
#include <torch/csrc/jit/api/module.h>
#include <torch/script.h>

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  if (argc != 9) {
    std::fprintf(stderr, "usage: sacjc_floor VICTIM SUSPECT N CHANNELS HEIGHT WIDTH BATCH THREADS\n");
    return 2;
  }
  const long n = std::atol(argv[3]), c = std::atol(argv[4]), h = std::atol(argv[5]), w = std::atol(argv[6]);
  const long batch = std::atol(argv[7]);
  at::set_num_threads(std::atoi(argv[8]));
  torch::manual_seed(0);
  const torch::Tensor input = torch::rand({n, c, h, w});
  c10::InferenceMode guard;
  double checksum = 0;
  for (const char* path : {argv[1], argv[2]}) {
    torch::jit::Module model = torch::jit::load(path);
    model.eval();
    if (const char* freeze = std::getenv("SACJC_FLOOR_FREEZE"); freeze && std::string(freeze) == "1")
      model = torch::jit::optimize_for_inference(model);  // as sacjc does
    for (long start = 0; start < n; start += batch) {
      torch::Tensor out = model.forward({input.slice(0, start, std::min(n, start + batch))}).toTensor();
      checksum += out.sum().item<double>();
    }
  }
  std::printf("%g\n", checksum);  // keeps the work observable
  return 0;
}

// The model under test: probes in, one output row per probe out. This is sacjc's one abstract
// interface, so tests can use in-memory fakes; the real one runs TorchScript with LibTorch
// (src/model_torch.cpp, the only file that includes it).
#pragma once

#include <Eigen/Dense>
#include <functional>
#include <memory>
#include <string>

#include "sacjc/probes.h"

namespace sacjc {

// Model outputs: one row per probe, each output flattened to d columns.
using Outputs = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// What reports say about a model file.
struct ModelInfo {
  std::string path;
  std::string sha256;
  long output_size = 0;  // columns of the flattened output
};

class Model {
 public:
  virtual ~Model() = default;
  // Runs the model on every probe; `progress` (may be empty) is told how many probes are done.
  virtual Outputs forward(const ProbeSet& probes,
                          const std::function<void(int done)>& progress = {}) = 0;
};

struct ModelOptions {
  int batch_size = 32;      // probes per forward pass
  std::string output_key;   // for models that return a dict: which entry to use
  bool optimize = true;     // torch::jit::optimize_for_inference (freeze, fold batch norms)
};

// Loads a TorchScript file (torch.jit.save output) in eval mode. Throws a bad-input Error that
// names the file and, where it can tell, what the file is instead.
std::unique_ptr<Model> load_torchscript(const std::string& path, const ModelOptions& options);

// Sets LibTorch's intra-op thread count (0: one per core). Process-wide.
void set_inference_threads(int threads);
int inference_threads();

// LibTorch's version, e.g. "1.13.0".
std::string torch_version();

}  // namespace sacjc

// The model under test: probes in, one output row per probe out. This is sacjc's one abstract
// interface, so tests can use in-memory fakes; the real one runs TorchScript with LibTorch
// (src/2_models/model_torch.cpp, the only file that includes it).
#pragma once

#include <Eigen/Dense>
#include <cstdint>
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

// A view of probe pixels as the model takes them: count x channels x height x width floats.
struct ProbeTensor {
  const float* values = nullptr;
  int count = 0, channels = 0, height = 0, width = 0;
};
ProbeTensor tensor_of(const ProbeSet& probes);

class Model {
 public:
  virtual ~Model() = default;
  // Runs the model on every probe; `progress` (may be empty) is told how many probes are done.
  virtual Outputs forward(const ProbeTensor& probes, const std::function<void(int done)>& progress = {}) = 0;
  Outputs forward(const ProbeSet& probes, const std::function<void(int done)>& progress = {}) {
    return forward(tensor_of(probes), progress);
  }
};

struct ModelOptions {
  int batch_size = 32;                // probes per forward pass
  std::string output_key;             // for models that return a dict: which entry to use
  bool optimize = true;               // torch::jit::optimize_for_inference (freeze, fold batch norms)
  bool refuse_file_operators = true;  // bytes loads only: see load_torchscript below
};

// Loads a TorchScript file (torch.jit.save output) in eval mode. Throws a bad-input Error that
// names the file and, where it can tell, what the file is instead.
std::unique_ptr<Model> load_torchscript(const std::string& path, const ModelOptions& options);

// The same from bytes in memory (the confined child's copy); `name` only labels errors. With
// options.refuse_file_operators, an archive whose code calls an operator that reaches files
// or the network (aten::from_file, aten::save, prim::rpc_*) is a bad-input Error naming it:
// checked in the archive's code before loading, and in the compiled graphs after.
std::unique_ptr<Model> load_torchscript(const std::string& name, const std::uint8_t* bytes, std::size_t size,
                                        const ModelOptions& options);

// Sets LibTorch's intra-op thread count (0: one per core). Process-wide.
void set_inference_threads(int threads);
int inference_threads();

// LibTorch's version, e.g. "1.13.0".
std::string torch_version();

}  // namespace sacjc

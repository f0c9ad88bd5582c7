// TorchScript models through LibTorch. Everything torch-specific stays here: loading, forward
// passes in inference mode, unpacking tuple/list/dict outputs, and turning LibTorch's long
// multi-line exceptions into one-line errors that name the model file.
#include "sacjc/model.h"

#include <ATen/Parallel.h>
#include <caffe2/serialize/inline_container.h>
#include <torch/script.h>
#include <torch/version.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string_view>
#include <thread>

#include "sacjc/error.h"
#include "sacjc/log.h"
#include "sacjc/model_format.h"

namespace sacjc {
namespace {

// LibTorch messages carry C++ backtraces and TorchScript tracebacks; keep the line that says
// what went wrong (the last "Error: ..." line of a TorchScript traceback, else the first line).
std::string first_useful_line(const std::string& message) {
  std::string text = message;
  auto last_error = text.rfind("Error: ");
  if (last_error != std::string::npos) {
    auto line_start = text.rfind('\n', last_error);
    text = text.substr(line_start == std::string::npos ? 0 : line_start + 1);
  }
  text = text.substr(0, text.find('\n'));
  auto exception_raised = text.find("Exception raised from");
  if (exception_raised != std::string::npos) text = text.substr(0, exception_raised);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  return text;
}

std::string what_of(const std::exception& e) {
  if (const auto* c10 = dynamic_cast<const c10::Error*>(&e)) return c10->what_without_backtrace();
  return e.what();
}

void check_readable_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) throw bad_input(path, "no such file");
  if (fs::is_directory(path, ec)) throw bad_input(path, "is a directory, not a model file");
  if (!std::ifstream(path, std::ios::binary)) throw bad_input(path, "cannot open file (permissions?)");
  if (fs::file_size(path, ec) == 0) throw bad_input(path, "empty file, not a TorchScript model");
}

// Explains a failed torch::jit::load by what the file holds.
std::string load_problem(const std::string& message) {
  if (message.find("constants.pkl") != std::string::npos)
    return "not a TorchScript model; this looks like a state_dict or module saved with torch.save. "
           "Export the model with torch.jit.script or torch.jit.trace and torch.jit.save";
  if (message.find("zip archive") != std::string::npos || message.find("central directory") != std::string::npos)
    return "not a TorchScript model (not a zip archive written by torch.jit.save)";
  return "cannot load as TorchScript: " + first_useful_line(message);
}

// A file whose bytes show another format (ONNX, safetensors, a torch.save state_dict, Keras) is
// refused before LibTorch reads it, with what it is and how to export TorchScript.
void refuse_other_format(const std::string& name, ModelFormat format) {
  const std::string reason = not_torchscript_reason(format);
  if (!reason.empty()) throw bad_input(name, "is " + reason);
}

class TorchModel : public Model {
 public:
  TorchModel(std::string path, torch::jit::Module module, std::optional<torch::jit::Module> fast, ModelOptions options)
      : path_(std::move(path)), module_(std::move(module)), fast_(std::move(fast)), options_(std::move(options)) {}

  // With the optimised module when there is one; if that fails on the probes, everything again
  // with the module as saved, whose error (if any) is the one reported.
  Outputs forward(const ProbeTensor& probes, const std::function<void(int)>& progress) override {
    if (fast_) {
      try {
        return run(*fast_, probes, progress);
      } catch (const Error& e) {
        if (e.code() != ExitCode::kBadInput) throw;
        spdlog::debug("{}: the model optimised for inference failed, running it as saved: {}", path_, e.what());
        fast_.reset();
      }
    }
    return run(module_, probes, progress);
  }

 private:
  Outputs run(torch::jit::Module& module, const ProbeTensor& probes, const std::function<void(int)>& progress) {
    c10::InferenceMode inference;
    const int batch = std::max(1, options_.batch_size);
    Outputs outputs;
    for (int start = 0; start < probes.count; start += batch) {
      int size = std::min(batch, probes.count - start);
      torch::Tensor rows = run_batch(module, probes, start, size);
      if (outputs.size() == 0) outputs.resize(probes.count, rows.size(1));
      if (rows.size(1) != outputs.cols()) throw bad_input(path_, "output size changed between batches");
      outputs.middleRows(start, size) = Eigen::Map<const Outputs>(rows.data_ptr<float>(), size, rows.size(1));
      if (progress) progress(start + size);
    }
    return outputs;
  }

  torch::Tensor run_batch(torch::jit::Module& module, const ProbeTensor& probes, int start, int size) {
    const std::int64_t image_size = std::int64_t(probes.channels) * probes.height * probes.width;
    c10::IValue result;
    try {
      // A copy per batch: a model that writes to its input must not change what the next
      // model sees.
      auto input = torch::from_blob(const_cast<float*>(probes.values) + start * image_size,
                                    {size, probes.channels, probes.height, probes.width}, torch::kFloat32)
                       .clone();
      result = module.forward({input});
    } catch (const std::exception& e) {
      std::string what = what_of(e);
      if (what.find("can't allocate memory") != std::string::npos)
        throw Error(ExitCode::kInternal,
                    path_ + ": out of memory running the model (lower --batch-size or --input-size)");
      throw bad_input(path_, "model failed on the probes (input " + std::to_string(size) + "x" +
                                 std::to_string(probes.channels) + "x" + std::to_string(probes.height) + "x" +
                                 std::to_string(probes.width) +
                                 "; see --input-size, --channels): " + first_useful_line(what));
    }
    torch::Tensor output = pick_tensor(result);
    if (output.dim() == 0 || output.size(0) != size)
      throw bad_input(path_, "model output has shape " + shape_of(output) + " for a batch of " + std::to_string(size) +
                                 " probes; expected the batch size first");
    if (output.is_complex()) throw bad_input(path_, "model output is complex; need real numbers");
    output = output.to(torch::kFloat32).reshape({size, -1}).contiguous();
    if (output.size(1) == 0) throw bad_input(path_, "model output is empty");
    if (!torch::isfinite(output).all().item<bool>()) throw bad_input(path_, "model output contains NaN or Inf");
    return output;
  }

  // A model may return a tensor, a tuple or list (first tensor), or a dict (--output KEY).
  torch::Tensor pick_tensor(const c10::IValue& value) {
    if (value.isTensor()) return value.toTensor();
    if (value.isTuple() || value.isList()) {
      auto items = value.isTuple() ? value.toTupleRef().elements().vec() : value.toListRef().vec();
      for (const auto& item : items)
        if (item.isTensor()) return item.toTensor();
      throw bad_input(path_, "model returned a tuple or list without a tensor");
    }
    if (value.isGenericDict()) {
      auto dict = value.toGenericDict();
      std::string keys;
      for (const auto& entry : dict) {
        std::string key = entry.key().isString() ? entry.key().toStringRef() : "?";
        keys += (keys.empty() ? "" : ", ") + key;
        if (!options_.output_key.empty() && key == options_.output_key && entry.value().isTensor())
          return entry.value().toTensor();
      }
      if (options_.output_key.empty())
        throw bad_input(path_, "model returns a dict; choose an entry with --output KEY (keys: " + keys + ")");
      throw bad_input(path_, "model output has no tensor entry '" + options_.output_key + "' (keys: " + keys + ")");
    }
    throw bad_input(path_, std::string("model returned ") + value.tagKind() + ", not a tensor");
  }

  static std::string shape_of(const torch::Tensor& t) {
    std::string shape = "[";
    for (int i = 0; i < t.dim(); ++i) shape += (i ? ", " : "") + std::to_string(t.size(i));
    return shape + "]";
  }

  std::string path_;
  torch::jit::Module module_;
  std::optional<torch::jit::Module> fast_;  // frozen and optimised for inference
  ModelOptions options_;
};

// A TorchScript archive in memory, read in place.
class MemoryReader : public caffe2::serialize::ReadAdapterInterface {
 public:
  MemoryReader(const std::uint8_t* bytes, std::size_t size) : bytes_(bytes), size_(size) {}
  std::size_t size() const override { return size_; }
  std::size_t read(std::uint64_t pos, void* buf, std::size_t n, const char* = "") const override {
    if (pos >= size_) return 0;
    n = std::min<std::size_t>(n, size_ - pos);
    std::memcpy(buf, bytes_ + pos, n);
    return n;
  }

 private:
  const std::uint8_t* bytes_;
  std::size_t size_;
};

// Operators that reach the file system from TorchScript code, and how the archive's code
// spells a call to each (torch.jit.save writes Python-like source under code/).
struct FileOperator {
  const char* name;
  const char* spellings[3];
};
const FileOperator kFileOperators[] = {
    {"aten::from_file", {"torch.from_file(", "ops.aten.from_file(", nullptr}},
    {"aten::save", {"torch.save(", "ops.aten.save(", nullptr}},
    {"prim::rpc_async", {"ops.prim.rpc_async(", nullptr, nullptr}},
    {"prim::rpc_sync", {"ops.prim.rpc_sync(", nullptr, nullptr}},
    {"prim::rpc_remote", {"ops.prim.rpc_remote(", nullptr, nullptr}},
};

// The first file operator the archive's code spells out, or "". Fast, and before anything of
// the model is deserialised, but a spelling can be hidden (getattr, compressed records), so
// the compiled graphs are checked too once the model is loaded (confined).
std::string file_operator_in_code(const std::string& name, const std::uint8_t* bytes, std::size_t size) {
  std::vector<std::string> records;
  std::unique_ptr<caffe2::serialize::PyTorchStreamReader> archive;
  try {
    archive = std::make_unique<caffe2::serialize::PyTorchStreamReader>(std::make_shared<MemoryReader>(bytes, size));
    records = archive->getAllRecords();
  } catch (const std::exception& e) {
    throw bad_input(name, load_problem(what_of(e)));
  }
  std::set<std::string> seen;
  for (const std::string& record : records) {
    // Two records of one name: which one LibTorch reads depends on the others; refuse.
    if (!seen.insert(record).second) throw bad_input(name, "the archive holds two records named " + record);
    if (record.find("code/") != 0) continue;
    at::DataPtr data;
    std::size_t length = 0;
    try {
      std::tie(data, length) = archive->getRecord(record);
    } catch (const std::exception& e) {
      throw bad_input(name, load_problem(what_of(e)));
    }
    std::string_view code(static_cast<const char*>(data.get()), length);
    for (const FileOperator& op : kFileOperators)
      for (const char* spelling : op.spellings)
        if (spelling && code.find(spelling) != std::string_view::npos) return op.name;
  }
  return "";
}

std::string file_operator_in_block(const torch::jit::Block* block) {
  for (const torch::jit::Node* node : block->nodes()) {
    const std::string kind = node->kind().toQualString();
    for (const FileOperator& op : kFileOperators)
      if (kind == op.name) return kind;
    for (const torch::jit::Block* inner : node->blocks())
      if (std::string op = file_operator_in_block(inner); !op.empty()) return op;
    if (node->hasAttribute(torch::jit::attr::Subgraph))
      if (std::string op = file_operator_in_block(node->g(torch::jit::attr::Subgraph)->block()); !op.empty()) return op;
  }
  return "";
}

// The first file operator in any compiled function of the module's code, or "".
std::string file_operator_in_graphs(const torch::jit::Module& module) {
  for (torch::jit::Function* function : module._ivalue()->compilation_unit()->get_functions())
    if (function->isGraphFunction())
      if (std::string op = file_operator_in_block(torch::jit::toGraphFunction(*function).graph()->block()); !op.empty())
        return op;
  return "";
}

// Eval mode, plus a copy frozen and optimised for inference (weights inlined, batch norms
// folded, MKLDNN kernels): about 25% faster on CPU (docs/performance.md). The MKLDNN
// kernels refuse some inputs the saved model takes (adaptive pooling to a size that does not
// divide the input, seen on the zoo's ResNets), so the saved module is kept for those; a
// model that cannot be optimised at all runs as saved.
std::unique_ptr<Model> prepared(const std::string& name, torch::jit::Module module, const ModelOptions& options) {
  module.eval();
  std::optional<torch::jit::Module> fast;
  if (options.optimize) {
    try {
      torch::jit::Module copy = module.clone();
      fast = torch::jit::optimize_for_inference(copy);
    } catch (const std::exception& e) {
      spdlog::debug("{}: runs as saved, optimising failed: {}", name, first_useful_line(what_of(e)));
    }
  }
  return std::make_unique<TorchModel>(name, std::move(module), std::move(fast), options);
}

}  // namespace

std::unique_ptr<Model> load_torchscript(const std::string& path, const ModelOptions& options) {
  check_readable_file(path);
  refuse_other_format(path, model_format_of_file(path));
  torch::jit::Module module;
  try {
    module = torch::jit::load(path, torch::kCPU);
  } catch (const std::exception& e) {
    throw bad_input(path, load_problem(what_of(e)));
  }
  return prepared(path, std::move(module), options);
}

std::unique_ptr<Model> load_torchscript(const std::string& name, const std::uint8_t* bytes, std::size_t size,
                                        const ModelOptions& options) {
  if (size == 0) throw bad_input(name, "empty file, not a TorchScript model");
  refuse_other_format(name, model_format(bytes, size));
  auto refuse = [&](const std::string& op, const char* when) {
    throw bad_input(name, "its code calls " + op + ", which reads or writes files or the network; refused " + when);
  };
  if (options.refuse_file_operators) {
    std::string op = file_operator_in_code(name, bytes, size);
    if (!op.empty()) refuse(op, "before loading");
  }
  torch::jit::Module module;
  try {
    module = torch::jit::load(std::make_shared<MemoryReader>(bytes, size), torch::kCPU);
  } catch (const std::exception& e) {
    throw bad_input(name, load_problem(what_of(e)));
  }
  if (options.refuse_file_operators) {
    std::string op = file_operator_in_graphs(module);
    if (!op.empty()) refuse(op, "before running");
  }
  return prepared(name, std::move(module), options);
}

void set_inference_threads(int threads) {
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  at::set_num_threads(threads > 0 ? threads : static_cast<int>(cores));
}

int inference_threads() { return at::get_num_threads(); }

ProbeTensor tensor_of(const ProbeSet& probes) {
  return {probes.values.data(), probes.count, probes.channels, probes.height, probes.width};
}

std::string torch_version() { return TORCH_VERSION; }

}  // namespace sacjc

// What a model file holds, told from its bytes (magic numbers, zip entry names), not its name:
// sacjc runs TorchScript only, and the files people download are often something else (ONNX,
// safetensors, a state_dict saved with torch.save, Keras). Those are named in the error or the
// audit's skipped list with the way to a TorchScript file.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace sacjc {

enum class ModelFormat {
  kUnknown,          // none of the below (random bytes, a damaged archive, ...): left to the loader
  kTorchScript,      // zip archive with code/ (torch.jit.save)
  kTorchSave,        // zip archive with data.pkl and no code/ (torch.save: a state_dict or a pickled module)
  kTorchSaveLegacy,  // torch.save before PyTorch 1.6 (pickle with torch's magic number)
  kSafetensors,      // 8-byte little-endian header length, then a JSON header
  kOnnx,             // protobuf ModelProto
  kHdf5,             // HDF5 (Keras .h5 and others)
  kKeras,            // Keras 3 .keras: zip archive with config.json and model.weights.h5
};

// Reads up to `size` bytes at `offset` into `buffer`; returns how many were read.
using ReadAt = std::function<std::size_t(std::uint64_t offset, std::uint8_t* buffer, std::size_t size)>;

// The format of a file of `file_size` bytes read through `read_at`. Reads at most the first
// 4 KiB, and for a zip archive its central directory (up to 16 MiB); never throws on malformed
// bytes (they are kUnknown).
ModelFormat model_format(std::uint64_t file_size, const ReadAt& read_at);
ModelFormat model_format(const std::uint8_t* bytes, std::size_t size);

// The format of the regular file at `path`; kUnknown if it cannot be opened or is not a
// regular file (opened without blocking, so a FIFO is never waited on).
ModelFormat model_format_of_file(const std::string& path);

// For the formats sacjc cannot run: what the file is and how to make TorchScript of it, as
// one sentence without a final period ("an ONNX model, not TorchScript; ..."); empty for
// kTorchScript and kUnknown.
std::string not_torchscript_reason(ModelFormat format);

}  // namespace sacjc

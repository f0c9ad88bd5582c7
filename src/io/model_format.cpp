// Model file formats told apart by their bytes. Every read is bounded and every length read
// from the file is checked against the file's size before it is used, because the files are
// untrusted: a malformed file is kUnknown (the TorchScript loader, in its confined child, then
// says why it cannot load it). Zip archives are recognised by the names in their central
// directory, found from the end-of-central-directory record (zip64 too: large torch.save files).
#include "sacjc/model_format.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <vector>

namespace sacjc {
namespace {

constexpr std::size_t kHeadBytes = 4096;
constexpr std::uint64_t kMaxCentralDirectory = 16u << 20;

std::uint64_t little_endian(const std::uint8_t* p, int bytes) {
  std::uint64_t value = 0;
  for (int i = bytes - 1; i >= 0; --i) value = value << 8 | p[i];
  return value;
}

std::vector<std::uint8_t> read_exactly(const ReadAt& read_at, std::uint64_t offset, std::size_t size) {
  std::vector<std::uint8_t> bytes(size);
  if (size && read_at(offset, bytes.data(), size) != size) bytes.clear();
  return bytes;
}

// The central directory's offset and size, from the end-of-central-directory record (and its
// zip64 twin when the fields overflow); nothing if there is no valid record.
std::optional<std::pair<std::uint64_t, std::uint64_t>> central_directory(std::uint64_t file_size,
                                                                         const ReadAt& read_at) {
  const std::size_t tail_size = static_cast<std::size_t>(std::min<std::uint64_t>(file_size, 22 + 65535));
  const std::uint64_t tail_start = file_size - tail_size;
  std::vector<std::uint8_t> tail = read_exactly(read_at, tail_start, tail_size);
  if (tail.size() < 22) return std::nullopt;
  for (std::size_t at = tail.size() - 22 + 1; at-- > 0;) {
    const std::uint8_t* e = tail.data() + at;
    if (little_endian(e, 4) != 0x06054b50 || at + 22 + little_endian(e + 20, 2) != tail.size()) continue;
    std::uint64_t size = little_endian(e + 12, 4), offset = little_endian(e + 16, 4);
    if (size == 0xffffffff || offset == 0xffffffff) {
      const std::uint64_t eocd = tail_start + at;
      if (eocd < 20) return std::nullopt;
      std::vector<std::uint8_t> locator = read_exactly(read_at, eocd - 20, 20);
      if (locator.empty() || little_endian(locator.data(), 4) != 0x07064b50) return std::nullopt;
      const std::uint64_t record_at = little_endian(locator.data() + 8, 8);
      if (record_at > file_size - 56) return std::nullopt;
      std::vector<std::uint8_t> record = read_exactly(read_at, record_at, 56);
      if (record.empty() || little_endian(record.data(), 4) != 0x06064b50) return std::nullopt;
      size = little_endian(record.data() + 40, 8);
      offset = little_endian(record.data() + 48, 8);
    }
    if (offset > file_size || size > file_size - offset) return std::nullopt;
    return std::make_pair(offset, size);
  }
  return std::nullopt;
}

// The entry names of a zip archive (empty if it is not one, or is damaged).
std::vector<std::string> zip_names(std::uint64_t file_size, const ReadAt& read_at) {
  auto where = central_directory(file_size, read_at);
  if (!where || where->second > kMaxCentralDirectory) return {};
  std::vector<std::uint8_t> directory = read_exactly(read_at, where->first, where->second);
  std::vector<std::string> names;
  for (std::size_t at = 0; at + 46 <= directory.size();) {
    const std::uint8_t* entry = directory.data() + at;
    if (little_endian(entry, 4) != 0x02014b50) break;
    const std::size_t name = little_endian(entry + 28, 2), extra = little_endian(entry + 30, 2),
                      comment = little_endian(entry + 32, 2);
    if (at + 46 + name > directory.size()) break;
    names.emplace_back(reinterpret_cast<const char*>(entry + 46), name);
    at += 46 + name + extra + comment;
  }
  return names;
}

// PyTorch writes every entry under one top-level folder (archive/data.pkl, archive/code/...).
ModelFormat zip_format(const std::vector<std::string>& names) {
  bool data_pkl = false, code = false, keras_config = false, keras_weights = false;
  for (const std::string& name : names) {
    const std::size_t slash = name.find('/');
    const std::string inner = slash == std::string::npos ? "" : name.substr(slash + 1);
    if (inner == "data.pkl") data_pkl = true;
    if (inner.rfind("code/", 0) == 0) code = true;
    if (name == "config.json") keras_config = true;
    if (name == "model.weights.h5") keras_weights = true;
  }
  if (code) return ModelFormat::kTorchScript;
  if (data_pkl) return ModelFormat::kTorchSave;
  if (keras_config && keras_weights) return ModelFormat::kKeras;
  return ModelFormat::kUnknown;
}

// Reads protobuf varints and skips fields through `read_at`, bounded by the file's size.
class ProtobufCursor {
 public:
  ProtobufCursor(std::uint64_t size, const ReadAt& read_at) : size_(size), read_at_(read_at) {}
  std::uint64_t position() const { return at_; }
  bool done() const { return at_ >= size_; }
  std::optional<std::uint64_t> varint() {
    std::uint8_t bytes[10];
    const std::size_t got = read_at_(at_, bytes, sizeof bytes);
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < got; ++i) {
      value |= std::uint64_t(bytes[i] & 0x7f) << (7 * i);
      if (!(bytes[i] & 0x80)) {
        at_ += i + 1;
        return value;
      }
    }
    return std::nullopt;
  }
  bool skip(std::uint64_t bytes) {
    if (bytes > size_ - at_) return false;
    at_ += bytes;
    return true;
  }

 private:
  std::uint64_t size_, at_ = 0;
  const ReadAt& read_at_;
};

// An ONNX ModelProto: ir_version (field 1) first, then only ModelProto's fields with their wire
// types, up to the graph (7) or an opset import (8) whose length fits in the file.
bool is_onnx(std::uint64_t file_size, const ReadAt& read_at) {
  ProtobufCursor cursor(file_size, read_at);
  for (int field_index = 0; field_index < 64 && !cursor.done(); ++field_index) {
    const auto tag = cursor.varint();
    if (!tag) return false;
    const std::uint64_t field = *tag >> 3, wire = *tag & 7;
    if (field_index == 0 && *tag != 0x08) return false;
    if (field == 1 || field == 5) {  // ir_version, model_version
      if (wire != 0 || !cursor.varint()) return false;
      continue;
    }
    const bool length_delimited = field == 2 || field == 3 || field == 4 || field == 6 || field == 7 || field == 8 ||
                                  field == 14 || field == 20 || field == 25;
    if (!length_delimited || wire != 2) return false;
    const auto length = cursor.varint();
    if (!length || !cursor.skip(*length)) return false;
    if ((field == 7 || field == 8) && *length > 0) return true;
  }
  return false;
}

ModelFormat format_from_head(const std::vector<std::uint8_t>& head, std::uint64_t file_size) {
  static const std::uint8_t kHdf5[8] = {0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  for (std::size_t at : {0, 512, 1024, 2048})
    if (head.size() >= at + 8 && std::memcmp(head.data() + at, kHdf5, 8) == 0) return ModelFormat::kHdf5;
  // torch.save's legacy format: a pickle (protocol 2 or later) whose first object is the magic
  // number 0x1950a86a20f9469cfc6c as a LONG1.
  static const std::uint8_t kTorchMagic[12] = {0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19};
  if (head.size() >= 14 && head[0] == 0x80 && std::memcmp(head.data() + 2, kTorchMagic, 12) == 0)
    return ModelFormat::kTorchSaveLegacy;
  if (head.size() >= 10 && file_size >= 10) {
    const std::uint64_t header = little_endian(head.data(), 8);
    if (head[8] == '{' && header >= 2 && header <= file_size - 8 && header <= (100u << 20))
      return ModelFormat::kSafetensors;
  }
  return ModelFormat::kUnknown;
}

}  // namespace

ModelFormat model_format(std::uint64_t file_size, const ReadAt& read_at) {
  std::vector<std::uint8_t> head(static_cast<std::size_t>(std::min<std::uint64_t>(file_size, kHeadBytes)));
  head.resize(read_at(0, head.data(), head.size()));
  if (head.size() >= 4 && little_endian(head.data(), 4) == 0x04034b50) return zip_format(zip_names(file_size, read_at));
  const ModelFormat format = format_from_head(head, file_size);
  if (format != ModelFormat::kUnknown) return format;
  return is_onnx(file_size, read_at) ? ModelFormat::kOnnx : ModelFormat::kUnknown;
}

ModelFormat model_format(const std::uint8_t* bytes, std::size_t size) {
  return model_format(size, [&](std::uint64_t offset, std::uint8_t* buffer, std::size_t n) -> std::size_t {
    if (offset >= size) return 0;
    n = static_cast<std::size_t>(std::min<std::uint64_t>(n, size - offset));
    std::memcpy(buffer, bytes + offset, n);
    return n;
  });
}

ModelFormat model_format_of_file(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return ModelFormat::kUnknown;
  struct stat st {};
  ModelFormat format = ModelFormat::kUnknown;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
    format = model_format(st.st_size, [fd](std::uint64_t offset, std::uint8_t* buffer, std::size_t n) {
      std::size_t done = 0;
      while (done < n) {
        const ssize_t got = pread(fd, buffer + done, n - done, static_cast<off_t>(offset + done));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        done += static_cast<std::size_t>(got);
      }
      return done;
    });
  close(fd);
  return format;
}

std::string not_torchscript_reason(ModelFormat format) {
  const std::string script =
      "; export TorchScript with scripts/export_torchscript.py ARCH NUM_CLASSES FILE OUT.pt (torchvision "
      "architectures) or torch.jit.script or torch.jit.trace, then torch.jit.save";
  switch (format) {
    case ModelFormat::kTorchSave:
      return "a state_dict or module saved with torch.save (weights without TorchScript code), not TorchScript" +
             script;
    case ModelFormat::kTorchSaveLegacy:
      return "a state_dict or module saved with torch.save in the legacy (pre-1.6) format, not TorchScript" + script;
    case ModelFormat::kSafetensors:
      return "a safetensors file (weights without the network's code), not TorchScript" + script;
    case ModelFormat::kOnnx:
      return "an ONNX model, not TorchScript; sacjc runs TorchScript only: export the original PyTorch model with "
             "torch.jit.trace and torch.jit.save";
    case ModelFormat::kHdf5:
      return "an HDF5 file (Keras .h5?), not TorchScript; sacjc runs TorchScript only: rebuild the network in "
             "PyTorch and save it with torch.jit.trace and torch.jit.save";
    case ModelFormat::kKeras:
      return "a Keras model (.keras), not TorchScript; sacjc runs TorchScript only: rebuild the network in PyTorch "
             "and save it with torch.jit.trace and torch.jit.save";
    case ModelFormat::kTorchScript:
    case ModelFormat::kUnknown:
      break;
  }
  return "";
}

}  // namespace sacjc

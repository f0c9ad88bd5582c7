#include "sacjc/model_format.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace sacjc {
namespace {

using Bytes = std::vector<std::uint8_t>;

void put(Bytes& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

void put(Bytes& out, const std::string& text) { out.insert(out.end(), text.begin(), text.end()); }

// A zip archive of empty stored entries with these names, as PyTorch and Keras write them:
// local headers, the central directory, the end record (zip64 records when asked).
Bytes zip(const std::vector<std::string>& names, bool zip64 = false) {
  Bytes out;
  std::vector<std::uint64_t> offsets;
  for (const std::string& name : names) {
    offsets.push_back(out.size());
    put(out, 0x04034b50, 4);
    put(out, 20, 2), put(out, 0, 2), put(out, 0, 2), put(out, 0, 4), put(out, 0, 4);
    put(out, 0, 4), put(out, 0, 4), put(out, name.size(), 2), put(out, 0, 2);
    put(out, name);
  }
  const std::uint64_t directory = out.size();
  for (std::size_t i = 0; i < names.size(); ++i) {
    put(out, 0x02014b50, 4);
    put(out, 20, 2), put(out, 20, 2), put(out, 0, 2), put(out, 0, 2), put(out, 0, 4), put(out, 0, 4);
    put(out, 0, 4), put(out, 0, 4), put(out, names[i].size(), 2), put(out, 0, 2), put(out, 0, 2);
    put(out, 0, 2), put(out, 0, 2), put(out, 0, 4), put(out, offsets[i], 4);
    put(out, names[i]);
  }
  const std::uint64_t size = out.size() - directory;
  if (zip64) {
    const std::uint64_t record = out.size();
    put(out, 0x06064b50, 4), put(out, 44, 8), put(out, 45, 2), put(out, 45, 2), put(out, 0, 4), put(out, 0, 4);
    put(out, names.size(), 8), put(out, names.size(), 8), put(out, size, 8), put(out, directory, 8);
    put(out, 0x07064b50, 4), put(out, 0, 4), put(out, record, 8), put(out, 1, 4);
  }
  put(out, 0x06054b50, 4), put(out, 0, 2), put(out, 0, 2);
  put(out, zip64 ? 0xffff : names.size(), 2), put(out, zip64 ? 0xffff : names.size(), 2);
  put(out, zip64 ? 0xffffffff : size, 4), put(out, zip64 ? 0xffffffff : directory, 4), put(out, 0, 2);
  return out;
}

ModelFormat format_of(const Bytes& bytes) { return model_format(bytes.data(), bytes.size()); }

TEST(ModelFormatTest, TorchScriptArchiveHasCode) {
  EXPECT_EQ(format_of(zip({"net/data.pkl", "net/code/__torch__/net.py", "net/constants.pkl", "net/version"})),
            ModelFormat::kTorchScript);
}

TEST(ModelFormatTest, TorchSaveArchiveHasDataPklWithoutCode) {
  EXPECT_EQ(format_of(zip({"archive/data.pkl", "archive/data/0", "archive/version"})), ModelFormat::kTorchSave);
  EXPECT_EQ(format_of(zip({"archive/data.pkl", "archive/data/0"}, true)), ModelFormat::kTorchSave);
}

TEST(ModelFormatTest, KerasArchiveHasConfigAndWeights) {
  EXPECT_EQ(format_of(zip({"metadata.json", "config.json", "model.weights.h5"})), ModelFormat::kKeras);
  EXPECT_EQ(format_of(zip({"config.json", "notes.txt"})), ModelFormat::kUnknown);
}

TEST(ModelFormatTest, SafetensorsHeaderLengthThenJson) {
  Bytes bytes;
  const std::string header = R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})";
  put(bytes, header.size(), 8);
  put(bytes, header);
  put(bytes, 0, 4);
  EXPECT_EQ(format_of(bytes), ModelFormat::kSafetensors);
  bytes[0] = 0xff;  // a header longer than the file
  EXPECT_EQ(format_of(bytes), ModelFormat::kUnknown);
}

TEST(ModelFormatTest, OnnxIsAModelProtoWithAGraph) {
  Bytes bytes = {0x08, 0x07, 0x12, 0x07};
  put(bytes, "pytorch");
  bytes.insert(bytes.end(), {0x1a, 0x06});
  put(bytes, "1.13.0");
  bytes.insert(bytes.end(), {0x3a, 0x03, 0x0a, 0x01, 0x41});  // graph: 3 bytes
  EXPECT_EQ(format_of(bytes), ModelFormat::kOnnx);
  Bytes cut(bytes.begin(), bytes.end() - 2);  // the graph runs past the end
  EXPECT_EQ(format_of(cut), ModelFormat::kUnknown);
  Bytes wrong_wire = bytes;
  wrong_wire[2] = 0x10;  // field 2 as a varint: not a ModelProto
  EXPECT_EQ(format_of(wrong_wire), ModelFormat::kUnknown);
}

TEST(ModelFormatTest, Hdf5SignatureAtZeroOrUserBlock) {
  Bytes bytes = {0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n', 0, 0};
  EXPECT_EQ(format_of(bytes), ModelFormat::kHdf5);
  Bytes user_block(512, 0);
  user_block.insert(user_block.end(), bytes.begin(), bytes.end());
  EXPECT_EQ(format_of(user_block), ModelFormat::kHdf5);
}

TEST(ModelFormatTest, LegacyTorchSaveStartsWithTheMagicNumber) {
  Bytes bytes = {0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, 0x2e};
  EXPECT_EQ(format_of(bytes), ModelFormat::kTorchSaveLegacy);
}

TEST(ModelFormatTest, DamagedOrTruncatedBytesAreUnknownNeverACrash) {
  const Bytes good = zip({"archive/data.pkl", "archive/data/0"}, true);
  for (std::size_t cut = 0; cut < good.size(); ++cut)
    EXPECT_NE(format_of(Bytes(good.begin(), good.begin() + cut)), ModelFormat::kTorchScript);
  for (std::size_t at = 0; at < good.size(); ++at)
    for (std::uint8_t value : {0x00, 0xff, 0x7f}) {
      Bytes damaged = good;
      damaged[at] = value;
      format_of(damaged);  // any answer, within bounds (the sanitizer build checks)
    }
  EXPECT_EQ(format_of(Bytes{}), ModelFormat::kUnknown);
  EXPECT_EQ(format_of(Bytes(100, 0)), ModelFormat::kUnknown);
}

TEST(ModelFormatTest, ReasonsSayWhatAndHowToExport) {
  EXPECT_EQ(not_torchscript_reason(ModelFormat::kTorchScript), "");
  EXPECT_EQ(not_torchscript_reason(ModelFormat::kUnknown), "");
  EXPECT_NE(not_torchscript_reason(ModelFormat::kSafetensors).find("scripts/export_torchscript.py"), std::string::npos);
  EXPECT_NE(not_torchscript_reason(ModelFormat::kOnnx).find("an ONNX model"), std::string::npos);
}

}  // namespace
}  // namespace sacjc

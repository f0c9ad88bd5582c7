// Runs real TorchScript files written by scripts/make_test_models.py (see tests/CMakeLists.txt).
#include "sacjc/model.h"

#include <gtest/gtest.h>

#include "sacjc/error.h"

namespace sacjc {
namespace {

std::string model_path(const std::string& name) { return std::string(SACJC_TEST_MODELS) + "/" + name; }

ProbeSet small_probes(int count = 6) {
  ProbeOptions options;
  options.count = count;
  options.height = options.width = 32;
  return make_probes(options);
}

Outputs run(const std::string& name, ModelOptions options = {}) {
  ProbeSet probes = small_probes();
  return load_torchscript(model_path(name), options)->forward(probes);
}

// The message of the bad-input Error that `action` throws; fails the test otherwise.
std::string bad_input_message(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadInput) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no error";
  return "";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(ModelTest, RunsATensorModelOneRowPerProbe) {
  Outputs outputs = run("net_a.pt");
  EXPECT_EQ(outputs.rows(), 6);
  EXPECT_EQ(outputs.cols(), 10);
  EXPECT_TRUE(outputs.allFinite());
  EXPECT_GT(outputs.cwiseAbs().maxCoeff(), 0.f);
}

TEST(ModelTest, BatchSizeDoesNotChangeOutputs) {
  Outputs whole = run("net_a.pt", {64, ""});
  Outputs ones = run("net_a.pt", {1, ""});
  Outputs fours = run("net_a.pt", {4, ""});
  EXPECT_TRUE(whole.isApprox(ones, 1e-5f));
  EXPECT_TRUE(whole.isApprox(fours, 1e-5f));
}

TEST(ModelTest, TupleAndListOutputsUseTheFirstTensor) {
  Outputs plain = run("net_a.pt");
  EXPECT_TRUE(run("tuple.pt").isApprox(plain));
  EXPECT_TRUE(run("list.pt").isApprox(plain));
}

TEST(ModelTest, DictOutputsNeedAKey) {
  EXPECT_TRUE(run("dict.pt", {32, "logits"}).isApprox(run("net_a.pt")));
  EXPECT_TRUE(contains(bad_input_message([] { run("dict.pt"); }), "--output"));
  std::string message = bad_input_message([] { run("dict.pt", {32, "nope"}); });
  EXPECT_TRUE(contains(message, "nope"));
  EXPECT_TRUE(contains(message, "logits"));
}

TEST(ModelTest, GrayModelRunsOnOneChannel) {
  ProbeOptions options;
  options.count = 3;
  options.height = options.width = 20;
  options.channels = Channels::kGray;
  ProbeSet probes = make_probes(options);
  EXPECT_EQ(load_torchscript(model_path("gray.pt"), {})->forward(probes).rows(), 3);
  std::string message = bad_input_message([&] { load_torchscript(model_path("net_a.pt"), {})->forward(probes); });
  EXPECT_TRUE(contains(message, "failed on the probes"));
}

TEST(ModelTest, FailuresOnTheProbesNameTheModel) {
  std::string raises = bad_input_message([] {
    ProbeOptions options;
    options.count = 2;
    options.height = options.width = 20;
    ProbeSet probes = make_probes(options);
    load_torchscript(model_path("raises.pt"), {})->forward(probes);
  });
  EXPECT_TRUE(contains(raises, "raises.pt"));
  EXPECT_TRUE(contains(raises, "only takes 32x32"));
  EXPECT_EQ(raises.find('\n'), std::string::npos);
  EXPECT_TRUE(contains(bad_input_message([] { run("nan.pt"); }), "NaN"));
  EXPECT_TRUE(contains(bad_input_message([] { run("scalar.pt"); }), "shape []"));
  EXPECT_TRUE(contains(bad_input_message([] { run("wrong_batch.pt"); }), "batch"));
}

TEST(ModelTest, ModelWritingItsInputDoesNotChangeTheProbes) {
  ProbeSet probes = small_probes();
  std::vector<float> before = probes.values;
  load_torchscript(model_path("writes_input.pt"), {})->forward(probes);
  EXPECT_EQ(probes.values, before);
}

TEST(ModelTest, FilesThatAreNotTorchScriptAreExplained) {
  auto load = [](const std::string& name) { return [name] { load_torchscript(model_path(name), {}); }; };
  EXPECT_TRUE(contains(bad_input_message(load("state_dict.pt")), "torch.jit.script"));
  EXPECT_TRUE(contains(bad_input_message(load("random.pt")), "not a TorchScript model"));
  EXPECT_TRUE(contains(bad_input_message(load("empty.pt")), "empty file"));
  EXPECT_TRUE(contains(bad_input_message(load("missing.pt")), "no such file"));
  EXPECT_TRUE(contains(bad_input_message([] { load_torchscript(SACJC_TEST_MODELS, {}); }), "directory"));
}

}  // namespace
}  // namespace sacjc

#include "sacjc/manifest.h"

#include <gtest/gtest.h>

#include <fstream>

#include "sacjc/error.h"

namespace sacjc {
namespace {

std::string write_manifest(const std::string& name, const std::string& text) {
  std::string path = testing::TempDir() + name;
  std::ofstream(path) << text;
  return path;
}

ExitCode code_of(const std::string& path) {
  try {
    read_manifest(path);
  } catch (const Error& e) {
    return e.code();
  }
  return ExitCode::kIndependent;
}

TEST(ManifestTest, ReadsRolesFamiliesAndResolvesPaths) {
  auto path = write_manifest("m1.tsv",
                             "file\trole\tfamily\n"
                             "victim.pt\tvictim\tvictim\n"
                             "# a comment\n"
                             "a.pt\tstolen\tfinetune\n"
                             "\n"
                             "/abs/b.pt\tindependent\tindependent\n");
  auto entries = read_manifest(path);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].path, testing::TempDir() + "a.pt");
  EXPECT_EQ(entries[0].role, "stolen");
  EXPECT_EQ(entries[0].family, "finetune");
  EXPECT_EQ(entries[0].baseline, kDefaultBaseline);
  EXPECT_EQ(entries[1].path, "/abs/b.pt");
  EXPECT_EQ(entries[1].baseline, "");
}

TEST(ManifestTest, OptionalColumnsInAnyOrder) {
  auto path = write_manifest("m2.tsv",
                             "arch\tfile\tfamily\trole\tbaseline\textra\n"
                             "mlp\tt.pt\ttransfer\tstolen\tindependent-transfer\tx\n"
                             "cnn\ti.pt\tindependent-transfer\tindependent\t\ty\n");
  auto entries = read_manifest(path);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].baseline, "independent-transfer");
  EXPECT_EQ(entries[0].arch, "mlp");
  EXPECT_EQ(entries[1].family, "independent-transfer");
}

TEST(ManifestTest, MalformedManifestsAreBadInput) {
  EXPECT_EQ(code_of(write_manifest("m3.tsv", "")), ExitCode::kBadInput);
  EXPECT_EQ(code_of(write_manifest("m4.tsv", "path\trole\n")), ExitCode::kBadInput);
  EXPECT_EQ(code_of(write_manifest("m5.tsv", "file\trole\tfamily\na.pt\tthief\tx\n")), ExitCode::kBadInput);
  EXPECT_EQ(code_of(write_manifest("m6.tsv", "file\trole\tfamily\na.pt\tstolen\n")), ExitCode::kBadInput);
  EXPECT_EQ(code_of(testing::TempDir() + "missing.tsv"), ExitCode::kBadInput);
  EXPECT_EQ(code_of(write_manifest("m7.tsv", "file\trole\tfamily\n")), ExitCode::kBadInput);
  EXPECT_EQ(code_of(write_manifest("m8.tsv", "file\trole\tfamily\nv.pt\tvictim\tv\n")), ExitCode::kBadInput);
}

}  // namespace
}  // namespace sacjc

#include "sacjc/files.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "sacjc/error.h"

namespace sacjc {
namespace {

namespace fs = std::filesystem;

std::string fresh_dir(const std::string& name) {
  std::string dir = testing::TempDir() + name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string text_of(const std::string& path) {
  std::vector<std::uint8_t> bytes = read_file(path);
  return {bytes.begin(), bytes.end()};
}

unsigned mode_of(const std::string& path) {
  struct stat info {};
  EXPECT_EQ(stat(path.c_str(), &info), 0);
  return info.st_mode & 07777;
}

TEST(FilesTest, AtomicWriteReplacesTheFileAndLeavesNothingElse) {
  std::string dir = fresh_dir("files_replace");
  write_file_atomically(dir + "/out.txt", "first");
  write_file_atomically(dir + "/out.txt", "second");
  EXPECT_EQ(text_of(dir + "/out.txt"), "second");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

TEST(FilesTest, OwnerOnlyFilesAreMode0600WhateverTheOldFileWas) {
  std::string dir = fresh_dir("files_mode");
  const mode_t old_mask = umask(022);
  write_file_atomically(dir + "/shared.txt", "x");
  write_file_atomically(dir + "/private.txt", "x");
  chmod((dir + "/private.txt").c_str(), 0644);
  write_file_atomically(dir + "/private.txt", "y", FileAccess::kOwnerOnly);
  umask(old_mask);
  EXPECT_EQ(mode_of(dir + "/shared.txt"), 0644u);
  EXPECT_EQ(mode_of(dir + "/private.txt"), 0600u);
}

TEST(FilesTest, ALinkAtTheTemporaryNameIsNotWrittenThrough) {
  std::string dir = fresh_dir("files_link");
  std::ofstream(dir + "/target.txt") << "untouched";
  const std::string temporary = dir + "/out.txt.tmp-" + std::to_string(getpid());
  fs::create_symlink(dir + "/target.txt", temporary);
  write_file_atomically(dir + "/out.txt", "written", FileAccess::kOwnerOnly);
  EXPECT_EQ(text_of(dir + "/target.txt"), "untouched");
  EXPECT_EQ(text_of(dir + "/out.txt"), "written");
  EXPECT_FALSE(fs::is_symlink(dir + "/out.txt"));
  EXPECT_FALSE(fs::exists(fs::symlink_status(temporary)));
}

TEST(FilesTest, AStaleTemporaryFileIsReplaced) {
  std::string dir = fresh_dir("files_stale");
  std::ofstream(dir + "/out.txt.tmp-" + std::to_string(getpid())) << "left by a killed run";
  write_file_atomically(dir + "/out.txt", "new");
  EXPECT_EQ(text_of(dir + "/out.txt"), "new");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

TEST(FilesTest, WritingIntoAMissingDirectoryNamesThePath) {
  std::string dir = fresh_dir("files_missing");
  try {
    write_file_atomically(dir + "/no/such/out.txt", "x");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadInput);
    EXPECT_NE(std::string(e.what()).find(dir + "/no/such/out.txt: cannot write file"), std::string::npos) << e.what();
  }
}

TEST(FilesTest, BaseNameIsTheLastComponent) {
  EXPECT_EQ(base_name("/home/owner/models/victim.pt"), "victim.pt");
  EXPECT_EQ(base_name("runs/a/victim.pt"), "victim.pt");
  EXPECT_EQ(base_name("victim.pt"), "victim.pt");
  EXPECT_EQ(base_name("/data/probes/"), "probes");
  EXPECT_EQ(base_name("built-in"), "built-in");
  EXPECT_EQ(base_name(""), "");
  EXPECT_EQ(base_name("/"), "/");
}

}  // namespace
}  // namespace sacjc

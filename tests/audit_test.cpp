#include "sacjc/audit.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "sacjc/error.h"
#include "sacjc/json_io.h"

namespace sacjc {
namespace {

namespace fs = std::filesystem;

std::string make_tree(const std::string& name) {
  std::string root = testing::TempDir() + name;
  fs::remove_all(root);
  fs::create_directories(root + "/sub/deeper");
  for (const char* file : {"a.pt", "b.pth", "notes.txt", "sub/c.pt", "sub/deeper/d.torchscript"})
    std::ofstream(root + "/" + file) << "x";
  return root;
}

AuditRow row(const std::string& suspect, std::optional<double> distance, const std::string& verdict) {
  AuditRow r;
  r.suspect = suspect;
  r.distance = distance;
  r.verdict = verdict;
  if (verdict == "error") r.error = suspect + ": broken";
  return r;
}

TEST(AuditTest, FindsModelsRecursivelyByGlobAndKeepsNamedFiles) {
  std::string root = make_tree("audit_find");
  std::vector<std::string> found = find_suspects({root}, {"*.pt", "*.pth", "*.torchscript"});
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0], root + "/a.pt");
  EXPECT_EQ(found[3], root + "/sub/deeper/d.torchscript");
  found = find_suspects({root + "/notes.txt", root + "/sub"}, {"*.pt"});
  EXPECT_EQ(found, (std::vector<std::string>{root + "/notes.txt", root + "/sub/c.pt"}));
  EXPECT_EQ(find_suspects({root, root + "/a.pt"}, {"*.pt"}).size(), 2u);  // no duplicates
  EXPECT_THROW(find_suspects({root + "/missing"}, {"*.pt"}), Error);
}

TEST(AuditTest, ShardsAreDisjointAndCoverEverything) {
  std::vector<std::string> all = {"a", "b", "c", "d", "e", "f", "g"};
  std::vector<std::string> joined;
  for (int i = 0; i < 3; ++i)
    for (const std::string& s : shard_of(all, i, 3)) joined.push_back(s);
  std::sort(joined.begin(), joined.end());
  EXPECT_EQ(joined, all);
  EXPECT_EQ(shard_of(all, 1, 3), (std::vector<std::string>{"b", "e"}));
  EXPECT_EQ(parse_shard("2/5"), std::make_pair(2, 5));
  for (const char* bad : {"5/5", "-1/2", "1", "1/0", "a/b", "1/2x"}) EXPECT_THROW(parse_shard(bad), Error) << bad;
}

TEST(AuditTest, RankedByDistanceThenErrors) {
  std::vector<AuditRow> rows = ranked({row("z", std::nullopt, "error"), row("b", 0.5, "independent"),
                                       row("a", 0.5, "independent"), row("s", 0.01, "stolen")});
  EXPECT_EQ(rows[0].suspect, "s");
  EXPECT_EQ(rows[1].suspect, "a");
  EXPECT_EQ(rows[2].suspect, "b");
  EXPECT_EQ(rows[3].suspect, "z");
}

TEST(AuditTest, ExitCodes) {
  auto stolen = row("s", 0.01, "stolen"), independent = row("i", 0.5, "independent"), error = row("e", {}, "error");
  EXPECT_EQ(audit_exit_code({independent}, false, ""), 0);
  EXPECT_EQ(audit_exit_code({independent, stolen, error}, false, ""), 1);
  EXPECT_EQ(audit_exit_code({independent, error}, false, ""), 3);
  EXPECT_EQ(audit_exit_code({independent, error}, true, ""), 0);
  EXPECT_EQ(audit_exit_code({independent}, false, "independent"), 0);
  EXPECT_EQ(audit_exit_code({independent, stolen}, false, "independent"), 1);
  EXPECT_EQ(audit_exit_code({stolen}, false, "stolen"), 0);
  EXPECT_EQ(audit_exit_code({stolen, independent}, false, "stolen"), 1);
}

TEST(AuditTest, SuspectsAboveMaxModelBytesAreErrorRows) {
  std::string path = testing::TempDir() + "audit_big.pt";
  std::ofstream(path) << std::string(1000, 'x');
  std::optional<AuditRow> r = oversized_suspect_row(path, 999);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->suspect, path);
  EXPECT_EQ(r->verdict, "error");
  EXPECT_FALSE(r->distance);
  EXPECT_EQ(r->error, path + ": 1000 bytes exceeds --max-model-bytes 999; not loaded");
  EXPECT_EQ(audit_exit_code({*r}, false, ""), 3);
  EXPECT_FALSE(oversized_suspect_row(path, 1000));  // the limit itself is allowed
  EXPECT_FALSE(oversized_suspect_row(path, 0));     // 0: no limit
  EXPECT_FALSE(oversized_suspect_row(path + ".missing", 1));  // left to the child to report
}

TEST(AuditTest, LogRoundTripIgnoresATornLastLine) {
  AuditHeader header{"victim.pt", std::string(64, 'a'), std::string(64, 'b'), "rsa", "logits", 0.032, "default"};
  AuditRow measured = row("dir/x, \"quoted\".pt", 0.25, "independent");
  measured.p_value = 0.5;
  std::string text = format_json_line(header) + format_json_line(measured) + format_json_line(row("e", {}, "error"));
  std::string path = testing::TempDir() + "audit_log.jsonl";
  std::ofstream(path) << text << "{\"suspect\": \"half";
  AuditLog log = read_audit_log(path);
  EXPECT_EQ(log.complete_bytes, text.size());
  ASSERT_EQ(log.rows.size(), 2u);
  EXPECT_EQ(log.rows[0].suspect, measured.suspect);
  EXPECT_EQ(*log.rows[0].distance, 0.25);
  EXPECT_EQ(*log.rows[0].p_value, 0.5);
  EXPECT_FALSE(log.rows[1].distance);
  EXPECT_EQ(log.header.probe_sha256, header.probe_sha256);
  check_same_audit(header, log.header, path);
  AuditHeader other = header;
  other.metric = "mad";
  EXPECT_THROW(check_same_audit(header, other, path), Error);

  std::ofstream(path) << format_json_line(header) << "{not json}\n";
  EXPECT_THROW(read_audit_log(path), Error);
  std::ofstream(path) << "";
  EXPECT_THROW(read_audit_log(path), Error);
}

TEST(AuditTest, CsvQuotesAwkwardNames) {
  AuditHeader header{"v", "a", "b", "rsa", "logits", 0.032, "default"};
  std::string csv = format_audit(header, {row("a,b.pt", 0.1, "independent")}, "csv");
  EXPECT_NE(csv.find("1,\"a,b.pt\",0.1,independent"), std::string::npos) << csv;
}

TEST(AuditTest, ChildrenThatCrashHangOrFailBecomeErrorRows) {
  Child crash({"/bin/sh", "-c", "kill -SEGV $$"}, 0);
  while (!crash.poll(0)) {
  }
  AuditRow r = row_from_child("crash.pt", crash.result(), 10);
  EXPECT_EQ(r.verdict, "error");
  EXPECT_NE(r.error.find("crash.pt: crashed (signal 11"), std::string::npos) << r.error;

  Child hang({"/bin/sleep", "30"}, 0);
  while (!hang.poll(0.2)) {
  }
  EXPECT_TRUE(hang.result().timed_out);
  EXPECT_NE(row_from_child("hang.pt", hang.result(), 0.2).error.find("timed out"), std::string::npos);

  Child fails({"/bin/sh", "-c", "echo 'sacjc: error: bad.pt: not a model' >&2; exit 3"}, 0);
  while (!fails.poll(0)) {
  }
  EXPECT_EQ(row_from_child("bad.pt", fails.result(), 10).error, "bad.pt: not a model");

  Child memory({"/bin/sh", "-c", "exec /usr/bin/python3 -c 'x = bytearray(1 << 30)'"}, 256LL << 20);
  while (!memory.poll(0)) {
  }
  if (kAddressLimitWorks) EXPECT_NE(memory.result().exit_code, 0);  // MemoryError under the address-space limit
}

}  // namespace
}  // namespace sacjc

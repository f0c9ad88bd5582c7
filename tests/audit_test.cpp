#include "sacjc/audit.h"
#include "sacjc/audit_log.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>

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
  SuspectSearch search = find_suspects({root}, {"*.pt", "*.pth", "*.torchscript"});
  std::vector<std::string>& found = search.suspects;
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0], root + "/a.pt");
  EXPECT_EQ(found[3], root + "/sub/deeper/d.torchscript");
  ASSERT_EQ(search.skipped.size(), 1u);
  EXPECT_EQ(search.skipped[0].path, root + "/notes.txt");
  EXPECT_EQ(search.skipped[0].reason, "name matches no --glob");
  found = find_suspects({root + "/notes.txt", root + "/sub"}, {"*.pt"}).suspects;
  EXPECT_EQ(found, (std::vector<std::string>{root + "/notes.txt", root + "/sub/c.pt"}));
  EXPECT_EQ(find_suspects({root, root + "/a.pt"}, {"*.pt"}).suspects.size(), 2u);  // no duplicates
  EXPECT_THROW(find_suspects({root + "/missing"}, {"*.pt"}), Error);
}

TEST(AuditTest, OtherModelFormatsAreSkippedByTheirBytesWhateverTheirName) {
  std::string root = make_tree("audit_formats");
  const std::string header = R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})";
  std::string safetensors(8, '\0');
  safetensors[0] = static_cast<char>(header.size());
  std::ofstream(root + "/weights.pt", std::ios::binary) << safetensors << header << std::string(4, '\0');
  std::ofstream(root + "/model.h5", std::ios::binary) << "\x89HDF\r\n\x1a\n" << std::string(100, '\0');
  SuspectSearch search = find_suspects({root}, {"*.pt"});
  EXPECT_EQ(search.suspects, (std::vector<std::string>{root + "/a.pt", root + "/sub/c.pt"}));
  std::map<std::string, SkippedFile> skipped;
  for (const SkippedFile& f : search.skipped) skipped[fs::path(f.path).filename().string()] = f;
  EXPECT_TRUE(skipped["weights.pt"].model);
  EXPECT_EQ(skipped["weights.pt"].reason.rfind("a safetensors file", 0), 0u) << skipped["weights.pt"].reason;
  EXPECT_TRUE(skipped["model.h5"].model);
  EXPECT_EQ(skipped["model.h5"].reason.rfind("an HDF5 file", 0), 0u);
  EXPECT_FALSE(skipped["notes.txt"].model);
  // Named on the command line, it stays a suspect (its row says what it is).
  EXPECT_EQ(find_suspects({root + "/weights.pt"}, {"*.pt"}).suspects.size(), 1u);
}

TEST(AuditTest, SpecialFilesInDirectoriesAreSkippedWithTheirReason) {
  std::string root = make_tree("audit_special");
  ASSERT_EQ(mkfifo((root + "/fifo.pt").c_str(), 0600), 0);
  fs::create_symlink("/dev/zero", root + "/zero.pt");
  fs::create_symlink(root + "/gone", root + "/dangling.pt");
  fs::create_symlink(root + "/a.pt", root + "/link.pt");  // a link to a model is a model
  SuspectSearch search = find_suspects({root}, {"*.pt"});
  EXPECT_EQ(search.suspects, (std::vector<std::string>{root + "/a.pt", root + "/link.pt", root + "/sub/c.pt"}));
  std::map<std::string, std::string> reasons;
  for (const SkippedFile& f : search.skipped) reasons[fs::path(f.path).filename().string()] = f.reason;
  EXPECT_EQ(reasons["fifo.pt"], "a FIFO, not a model file");
  EXPECT_EQ(reasons["zero.pt"], "a device, not a model file");
  EXPECT_EQ(reasons["dangling.pt"], "dangling symbolic link");
  // A FIFO named on the command line is a suspect: its row says what it is (model_host.h).
  EXPECT_EQ(find_suspects({root + "/fifo.pt"}, {"*.pt"}).suspects.size(), 1u);
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

TEST(AuditTest, TableKeepsEachFilesLatestRow) {
  std::vector<AuditRow> rows =
      latest_per_suspect({row("a", 0.5, "independent"), row("b", 0.4, "independent"), row("a", 0.01, "stolen")});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].suspect, "b");
  EXPECT_EQ(rows[1].suspect, "a");
  EXPECT_EQ(rows[1].verdict, "stolen");
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
  // Nothing measured never passes, whatever the flags.
  EXPECT_EQ(audit_exit_code({}, false, ""), 3);
  EXPECT_EQ(audit_exit_code({error}, true, ""), 3);
  EXPECT_EQ(audit_exit_code({error}, true, "independent"), 3);
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

}  // namespace
}  // namespace sacjc

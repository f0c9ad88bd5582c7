#include "sacjc/report.h"

#include "sacjc/json_io.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace sacjc {
namespace {

VerifyReport sample_report() {
  VerifyReport r;
  r.victim = {"v.pt", std::string(64, 'a'), 10};
  r.suspect = {"s.pt", std::string(64, 'b'), 512};
  r.settings.probe_count = 200;
  r.settings.probe_source = "built-in";
  r.settings.probe_sha256 = std::string(64, 'c');
  r.distance = 0.0123456789;
  r.settings.threshold = 0.05;
  r.settings.threshold_source = "--threshold";
  r.verdict = Verdict::kStolen;
  r.threads = 2;
  r.batch_size = 32;
  return r;
}

TEST(ReportTest, JsonCarriesTheDocumentedFields) {
  auto json = nlohmann::json::parse(format_json(sample_report()));
  EXPECT_EQ(json["schema_version"], kReportSchemaVersion);
  EXPECT_EQ(json["verdict"], "stolen");
  EXPECT_DOUBLE_EQ(json["distance"].get<double>(), 0.0123456789);
  EXPECT_EQ(json["threshold_source"], "--threshold");
  EXPECT_EQ(json["victim"]["sha256"], std::string(64, 'a'));
  EXPECT_EQ(json["suspect"]["output_size"], 512);
  EXPECT_EQ(json["probes"]["count"], 200);
  EXPECT_EQ(json["probes"]["jpeg_quality"], 25);
  EXPECT_EQ(json["probes"]["input_size"][1], 224);
  EXPECT_EQ(json["probes"]["sha256"], std::string(64, 'c'));
  EXPECT_TRUE(json["timings_s"].contains("total"));
}

TEST(ReportTest, TextNamesVerdictDistanceAndThresholdSource) {
  VerifyReport r = sample_report();
  std::string text = format_text(r);
  EXPECT_NE(text.find("STOLEN"), std::string::npos);
  EXPECT_NE(text.find("0.012346"), std::string::npos);
  EXPECT_NE(text.find("--threshold"), std::string::npos);
  r.verdict = Verdict::kIndependent;
  EXPECT_EQ(format_text(r).find("STOLEN"), std::string::npos);
}

SuspectsReport sample_suspects() {
  SuspectsReport r = suspects_report(sample_report());
  AuditRow independent;
  independent.suspect = "/abs/other model.pt";
  independent.distance = 0.3;
  independent.verdict = "independent";
  AuditRow error;
  error.suspect = "bad\x01name\xff.pt";
  error.verdict = "error";
  error.error = "bad\x01name\xff.pt: not a TorchScript model <&>";
  r.rows.push_back(independent);
  r.rows.push_back(error);
  r.skipped.push_back({"m.onnx", "an ONNX model", true});
  r.skipped.push_back({"notes.txt", "name matches no --glob", false});
  r.command = "audit";
  return r;
}

TEST(ReportTest, SarifHasOneResultPerStolenSuspect) {
  auto log = nlohmann::json::parse(format_sarif(sample_suspects()));
  EXPECT_EQ(log["version"], "2.1.0");
  const auto& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "sacjc");
  ASSERT_EQ(run["results"].size(), 1u);
  const auto& result = run["results"][0];
  EXPECT_EQ(result["ruleId"], run["tool"]["driver"]["rules"][0]["id"]);
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "s.pt");
  EXPECT_DOUBLE_EQ(result["properties"]["distance"].get<double>(), 0.0123456789);
  EXPECT_DOUBLE_EQ(result["properties"]["threshold"].get<double>(), 0.05);
  EXPECT_EQ(result["properties"]["suspect_sha256"], std::string(64, 'b'));
  const auto& notes = run["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(notes.size(), 2u);  // the error row and the skipped model file, not notes.txt
  EXPECT_EQ(notes[0]["level"], "error");
  EXPECT_EQ(notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "bad%01name%FF.pt");
  EXPECT_EQ(notes[1]["level"], "warning");
  EXPECT_FALSE(run["invocations"][0]["executionSuccessful"].get<bool>());
}

TEST(ReportTest, SarifUrisArePercentEncodedAndAbsolutePathsAreFileUris) {
  SuspectsReport r = sample_suspects();
  r.rows[0].suspect = "./a b/\xc3\xbc.pt";
  r.rows[1].verdict = "stolen";
  auto results = nlohmann::json::parse(format_sarif(r))["runs"][0]["results"];
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "a%20b/%C3%BC.pt");
  EXPECT_EQ(results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "file:///abs/other%20model.pt");
}

TEST(ReportTest, JunitEscapesNamesAndCountsCases) {
  const std::string xml = format_junit(sample_suspects());
  EXPECT_NE(xml.find("tests=\"4\" failures=\"1\" errors=\"1\" skipped=\"1\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("<failure type=\"stolen\""), std::string::npos);
  EXPECT_NE(xml.find("<error type=\"error\" message=\"bad\xef\xbf\xbdname\xef\xbf\xbd.pt: not a TorchScript model "
                     "&lt;&amp;&gt;\"/>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<skipped message=\"an ONNX model\"/>"), std::string::npos);
  EXPECT_EQ(xml.find("notes.txt"), std::string::npos);
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
  EXPECT_EQ(xml.find('\xff'), std::string::npos);
}

TEST(ReportTest, JunitWithExpectFailsTheOtherVerdict) {
  SuspectsReport r = sample_suspects();
  r.expect = "stolen";
  const std::string xml = format_junit(r);
  EXPECT_NE(xml.find("<failure type=\"independent\" message=\"independent, expected stolen"), std::string::npos) << xml;
  EXPECT_EQ(xml.find("<failure type=\"stolen\""), std::string::npos);
}

}  // namespace
}  // namespace sacjc

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

}  // namespace
}  // namespace sacjc

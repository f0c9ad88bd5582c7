// Inputs that fuzzing (scripts/fuzz.sh) found to break a parser, replayed through the same
// entry points as the fuzz targets: each must now give a bad-input Error or a result, nothing
// else. Built with -DSACJC_SANITIZE=ON this also catches the undefined behaviour they caused.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "sacjc/error.h"
#include "sacjc/files.h"
#include "sacjc/fingerprint_file.h"
#include "sacjc/json_io.h"
#include "sacjc/manifest.h"
#include "sacjc/probes.h"
#include "sacjc/suspect_outputs.h"

namespace sacjc {
namespace {

namespace fs = std::filesystem;

void parse(const std::string& target, const std::vector<std::uint8_t>& bytes) {
  std::string text(bytes.begin(), bytes.end());
  if (target == "fingerprint") parse_fingerprint(bytes, "regression");
  if (target == "suspect_outputs") parse_suspect_outputs(bytes, "regression", 0);
  if (target == "manifest") parse_manifest(text, "regression");
  if (target == "calibration") parse_calibration(text, "regression");
  if (target == "probe_image") decode_seed(bytes, "regression");
  if (target == "audit_log") {
    std::istringstream lines(text);
    std::string line;
    for (bool first = true; std::getline(lines, line); first = false)
      first ? (void)parse_audit_header(line, "regression") : (void)parse_audit_row(line, "regression");
  }
}

TEST(FuzzRegressionsTest, EveryFoundInputIsABadInputErrorNow) {
  int replayed = 0;
  for (const auto& dir : fs::directory_iterator(SACJC_FUZZ_REGRESSIONS)) {
    for (const auto& file : fs::directory_iterator(dir.path())) {
      try {
        parse(dir.path().filename().string(), read_file(file.path().string()));
      } catch (const Error& e) {
        EXPECT_EQ(e.code(), ExitCode::kBadInput) << file.path() << ": " << e.what();
      }
      ++replayed;
    }
  }
  EXPECT_GT(replayed, 0);
}

}  // namespace
}  // namespace sacjc

#include "sacjc/evaluation.h"

#include <gtest/gtest.h>

namespace sacjc {
namespace {

ModelResult result(const std::string& role, const std::string& family, std::optional<double> distance,
                   const std::string& baseline = "independent") {
  ModelResult r;
  r.entry = {family + ".pt", role, family, role == "stolen" ? baseline : ""};
  r.distance = distance;
  if (!distance) r.error = "broken";
  return r;
}

TEST(EvaluationTest, SummarisesEachFamilyAgainstItsBaseline) {
  std::vector<ModelResult> models = {
      result("stolen", "finetune", 0.01),
      result("stolen", "finetune", 0.02),
      result("stolen", "extract", 0.05),
      result("stolen", "extract", 0.30),
      result("independent", "independent", 0.10),
      result("independent", "independent", 0.20),
      result("stolen", "transfer", 0.5, "indep-t"),
      result("stolen", "transfer", 0.6, "indep-t"),
      result("independent", "indep-t", 0.4),
      result("independent", "indep-t", 0.45),
  };
  auto families = summarize(models, 0.08);
  ASSERT_EQ(families.size(), 5u);
  EXPECT_EQ(families[0].family, "finetune");
  EXPECT_DOUBLE_EQ(*families[0].auc, 1.0);
  EXPECT_EQ(families[0].at_threshold.true_positives, 2);
  EXPECT_EQ(families[0].at_threshold.false_positives, 0);
  EXPECT_DOUBLE_EQ(*families[1].auc, 0.5);  // 0.05 beats both, 0.30 beats neither
  EXPECT_DOUBLE_EQ(*families[2].auc, 0.0);  // transfer is compared with indep-t only
  EXPECT_EQ(families[3].role, "independent");
  EXPECT_NEAR(families[3].mean_distance, 0.15, 1e-12);
}

TEST(EvaluationTest, SplitByArchComparesLikeWithLike) {
  std::vector<ModelResult> models = {result("stolen", "extract", 0.1), result("stolen", "extract", 0.3),
                                     result("independent", "independent", 0.2),
                                     result("independent", "independent", 0.4)};
  models[0].entry.arch = models[2].entry.arch = "cnn";
  models[1].entry.arch = models[3].entry.arch = "mlp";
  auto families = summarize(split_by_arch(models), 1.0);
  ASSERT_EQ(families.size(), 4u);
  EXPECT_EQ(families[0].family, "extract@cnn");
  EXPECT_EQ(families[0].baseline, "independent@cnn");
  EXPECT_DOUBLE_EQ(*families[0].auc, 1.0);  // 0.1 vs 0.2
  EXPECT_DOUBLE_EQ(*families[1].auc, 1.0);  // 0.3 vs 0.4, not vs the cnn's 0.2
  EXPECT_DOUBLE_EQ(*summarize(models, 1.0)[0].auc, 0.75);
}

TEST(EvaluationTest, ErrorsAreCountedAndMissingBaselinesExplained) {
  std::vector<ModelResult> models = {result("stolen", "finetune", 0.01), result("stolen", "finetune", std::nullopt),
                                     result("stolen", "orphan", 0.02, "nobody"),
                                     result("independent", "independent", 0.3)};
  auto families = summarize(models, 0.05);
  EXPECT_EQ(families[0].models, 1);
  EXPECT_EQ(families[0].errors, 1);
  EXPECT_TRUE(families[0].auc.has_value());
  EXPECT_FALSE(families[0].welch.has_value());  // one model per side is not enough
  EXPECT_FALSE(families[1].auc.has_value());
  EXPECT_NE(families[1].note.find("nobody"), std::string::npos);
}

}  // namespace
}  // namespace sacjc

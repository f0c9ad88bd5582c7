#include "sacjc/plot.h"

#include <gtest/gtest.h>

namespace sacjc {
namespace {

ModelResult model(const std::string& role, const std::string& family, double distance) {
  ModelResult m;
  m.entry = {family + ".pt", role, family, role == "stolen" ? "independent" : "", ""};
  m.distance = distance;
  return m;
}

EvaluateReport report_of(std::vector<ModelResult> models) {
  EvaluateReport r;
  r.victim = {"zoo/victim.pt", std::string(64, 'a'), 10};
  r.settings.threshold = 0.05;
  r.settings.threshold_source = "--threshold";
  r.models = std::move(models);
  r.families = summarize(r.models, r.settings.threshold);
  return r;
}

// Pixels of the first stolen family's colour (tab10 blue) in the right half: its rings.
long blue_pixels_in_strips(const Image& image) {
  long count = 0;
  for (int y = 100; y < image.height - 60; ++y)
    for (int x = image.width / 2 + 60; x < image.width; ++x) {
      const std::uint8_t* p = &image.rgb[(static_cast<std::size_t>(y) * image.width + x) * 3];
      count += p[0] < 60 && p[1] > 100 && p[1] < 140 && p[2] > 160;
    }
  return count;
}

TEST(PlotTest, EvaluationPlotHasOneSize) {
  const Image image =
      render_evaluation_plot(report_of({model("stolen", "prune", 0.01), model("independent", "independent", 0.2)}));
  EXPECT_EQ(image.width, kEvaluatePlotWidth);
  EXPECT_EQ(image.height, kEvaluatePlotHeight);
}

TEST(PlotTest, ModelsAtOneDistanceAreAllVisible) {
  // Two copies at exactly the same distance draw two rings, not one.
  const long one = blue_pixels_in_strips(
      render_evaluation_plot(report_of({model("stolen", "prune", 0.01), model("independent", "independent", 0.2)})));
  const long two = blue_pixels_in_strips(render_evaluation_plot(report_of(
      {model("stolen", "prune", 0.01), model("stolen", "prune", 0.01), model("independent", "independent", 0.2)})));
  EXPECT_GT(one, 20);
  EXPECT_GT(two, one * 3 / 2);
}

}  // namespace
}  // namespace sacjc

#include "sacjc/heatmap.h"

#include <gtest/gtest.h>

#include <random>

namespace sacjc {
namespace {

VerifyReport report_with(Verdict verdict) {
  VerifyReport r;
  r.victim = {"models/victim.pt", std::string(64, 'a'), 10};
  r.suspect = {"downloads/suspect.pt", std::string(64, 'b'), 10};
  r.settings.probe_count = 120;
  r.settings.probe_source = "built-in";
  r.settings.threshold = 0.05;
  r.settings.threshold_source = "--threshold";
  r.distance = verdict == Verdict::kStolen ? 0.01 : 0.2;
  r.verdict = verdict;
  return r;
}

// A matrix of 1 - cos entries in [0, 1.4] with block structure, and the same plus noise of at
// most `noise`, clipped to [0, 2] with the diagonal kept at 0.
Eigen::MatrixXf victim_matrix(int n) {
  Eigen::MatrixXf m(n, n);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) m(i, j) = i == j ? 0.f : (i % 5 == j % 5 ? 0.2f : 1.2f);
  return m;
}
Eigen::MatrixXf perturbed(const Eigen::MatrixXf& m, float noise, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<float> u(-noise, noise);
  Eigen::MatrixXf out = m;
  for (int i = 0; i < m.rows(); ++i)
    for (int j = i + 1; j < m.cols(); ++j) out(i, j) = out(j, i) = std::clamp(m(i, j) + u(random), 0.f, 2.f);
  return out;
}

// Mean brightness (0-255, mean of R, G and B) of a panel of the verify picture.
double panel_brightness(const Image& image, PanelCorner at) {
  double sum = 0;
  for (int y = at.top; y < at.top + kPanelSide; ++y)
    for (int x = at.left; x < at.left + kPanelSide; ++x)
      for (int c = 0; c < 3; ++c) sum += image.rgb[(static_cast<std::size_t>(y) * image.width + x) * 3 + c];
  return sum / (3.0 * kPanelSide * kPanelSide);
}

TEST(HeatmapTest, VerifyPlotHasOneSizeWhateverTheProbeCount) {
  for (int n : {3, 256, 700}) {
    Eigen::MatrixXf v = victim_matrix(n);
    Image image = render_verify_plot(report_with(Verdict::kStolen), v, perturbed(v, 0.05f, 1));
    EXPECT_EQ(image.width, kVerifyPlotWidth) << n;
    EXPECT_EQ(image.height, kVerifyPlotHeight) << n;
  }
}

TEST(HeatmapTest, DifferenceOfACopyIsFarDarkerThanOfAnIndependentModel) {
  // On one fixed scale a copy (entries moved by up to 0.04) stays dark and an independent model
  // (up to 0.4) does not; scaled per picture to its own maximum, both would look alike.
  const Eigen::MatrixXf v = victim_matrix(200);
  const auto panels = verify_plot_panels();
  const double copy =
      panel_brightness(render_verify_plot(report_with(Verdict::kStolen), v, perturbed(v, 0.04f, 2)), panels[2]);
  const double independent =
      panel_brightness(render_verify_plot(report_with(Verdict::kIndependent), v, perturbed(v, 0.4f, 3)), panels[2]);
  EXPECT_LT(copy, 25.0);
  EXPECT_GT(independent, 3 * copy);
  // An identical suspect: the darkest colour, inferno's (0, 0, 4).
  EXPECT_LT(panel_brightness(render_verify_plot(report_with(Verdict::kStolen), v, v), panels[2]), 2.0);
}

TEST(HeatmapTest, VictimAndSuspectShareOneColourScale) {
  // A suspect whose entries are all halved must look darker than the victim, not the same.
  const Eigen::MatrixXf v = victim_matrix(100);
  const auto panels = verify_plot_panels();
  const Image image = render_verify_plot(report_with(Verdict::kIndependent), v, v * 0.5f);
  EXPECT_LT(panel_brightness(image, panels[1]), panel_brightness(image, panels[0]) - 20);
}

TEST(HeatmapTest, TitleIsRedForStolenAndGreenForIndependent) {
  const Eigen::MatrixXf v = victim_matrix(20);
  auto reddest_minus_greenest = [&](Verdict verdict) {
    const Image image = render_verify_plot(report_with(verdict), v, v);
    long red = 0, green = 0;  // strongly red or green pixels in the first title line
    for (int y = 0; y < 36; ++y)
      for (int x = 0; x < image.width; ++x) {
        const std::uint8_t* p = &image.rgb[(static_cast<std::size_t>(y) * image.width + x) * 3];
        red += p[0] > 150 && p[1] < 100;
        green += p[1] > 100 && p[0] < 80;
      }
    return red - green;
  };
  EXPECT_GT(reddest_minus_greenest(Verdict::kStolen), 100);
  EXPECT_LT(reddest_minus_greenest(Verdict::kIndependent), -100);
}

}  // namespace
}  // namespace sacjc

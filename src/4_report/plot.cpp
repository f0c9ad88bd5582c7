// Two panels side by side. Left: ROC (false-positive rate across, true-positive rate up), one
// curve per stolen family against its baseline, AUC in the legend. Right: a strip chart, one
// row per family, one dot per model at its distance, the operating threshold as a red line.
#include "sacjc/plot.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace sacjc {
namespace {

constexpr Color kWhite{255, 255, 255}, kBlack{0, 0, 0}, kGrey{170, 170, 170}, kRed{214, 39, 40};
constexpr Color kPalette[] = {{31, 119, 180}, {255, 127, 14},  {44, 160, 44},  {148, 103, 189},
                              {140, 86, 75},  {227, 119, 194}, {188, 189, 34}, {23, 190, 207}};
constexpr int kPanel = 420, kMargin = 50, kHeight = kPanel + 2 * kMargin;

Color family_color(std::size_t i) { return kPalette[i % std::size(kPalette)]; }

void draw_frame(Image& image, int left, int top, const std::string& title, const std::string& x_label) {
  draw_line(image, left, top + kPanel, left + kPanel, top + kPanel, kBlack);
  draw_line(image, left, top, left, top + kPanel, kBlack);
  draw_text(image, left, top - 30, title, kBlack, 1.3);
  draw_text(image, left + kPanel / 2 - 60, top + kPanel + 22, x_label, kBlack);
}

void draw_roc(Image& image, const EvaluateReport& report, int left, int top) {
  draw_frame(image, left, top, "ROC per stolen family", "false-positive rate");
  draw_line(image, left, top + kPanel, left + kPanel, top, kGrey);  // chance
  int legend = 0;
  for (std::size_t i = 0; i < report.families.size(); ++i) {
    const FamilyResult& f = report.families[i];
    if (f.role != "stolen" || !f.auc) continue;
    auto curve = roc_curve(distances_of(report.models, "stolen", f.family),
                           distances_of(report.models, "independent", f.baseline));
    for (std::size_t p = 1; p < curve.size(); ++p)
      draw_line(image, left + static_cast<int>(curve[p - 1].false_positive_rate * kPanel),
                top + kPanel - static_cast<int>(curve[p - 1].true_positive_rate * kPanel),
                left + static_cast<int>(curve[p].false_positive_rate * kPanel),
                top + kPanel - static_cast<int>(curve[p].true_positive_rate * kPanel), family_color(i), 2);
    draw_text(image, left + kPanel / 2, top + kPanel - 20 - 16 * legend++,
              f.family + "  AUC " + fmt::format("{:.3f}", *f.auc), family_color(i));
  }
  draw_text(image, left - 40, top - 6, "TPR", kBlack);
}

void draw_strips(Image& image, const EvaluateReport& report, int left, int top) {
  draw_frame(image, left, top, "distance to the victim (log scale)",
             "distance (" + to_string(report.settings.metric) + ")");
  // Distances span decades (copies near 0.001, other architectures near 0.5): log axis.
  double low = report.settings.threshold, high = report.settings.threshold;
  for (const auto& m : report.models)
    if (m.distance && *m.distance > 0) low = std::min(low, *m.distance), high = std::max(high, *m.distance);
  low = std::max(1e-6, low / 1.5), high *= 1.5;
  auto x_of = [&](double d) {
    double t = (std::log10(std::max(d, low)) - std::log10(low)) / (std::log10(high) - std::log10(low));
    return left + static_cast<int>(t * kPanel);
  };
  const int rows = std::max<int>(1, report.families.size());
  for (std::size_t i = 0; i < report.families.size(); ++i) {
    const FamilyResult& f = report.families[i];
    int y = top + (2 * static_cast<int>(i) + 1) * kPanel / (2 * rows);
    Color color = f.role == "independent" ? kGrey : family_color(i);
    draw_text(image, left + 4, y - 20, f.family, kBlack);
    for (const auto& m : report.models)
      if (m.distance && m.entry.role == f.role && m.entry.family == f.family)
        draw_circle(image, x_of(*m.distance), y, 4, color);
  }
  draw_line(image, x_of(report.settings.threshold), top, x_of(report.settings.threshold), top + kPanel, kRed, 2);
  draw_text(image, x_of(report.settings.threshold) + 4, top + kPanel - 16,
            "threshold " + fmt::format("{:.4g}", report.settings.threshold), kRed);
  for (double tick = std::pow(10.0, std::ceil(std::log10(low))); tick <= high; tick *= 10)
    draw_text(image, x_of(tick) - 12, top + kPanel + 4, fmt::format("{:g}", tick), kBlack, 0.9);
}

}  // namespace

Image render_evaluation_plot(const EvaluateReport& report) {
  Image image = blank_image(kHeight, 2 * kPanel + 3 * kMargin + 20, kWhite);
  draw_roc(image, report, kMargin + 10, kMargin);
  draw_strips(image, report, 2 * kMargin + kPanel + 20, kMargin);
  return image;
}

}  // namespace sacjc

// Heatmaps drawn directly into an RGB buffer (no plotting library): each matrix is scaled to a
// square panel (nearest entry per pixel) coloured by a piecewise-linear viridis, with its title
// above and its colour scale below.
#include "sacjc/heatmap.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace sacjc {
namespace {

constexpr int kTitleHeight = 22;
constexpr int kGap = 8;
constexpr int kBarHeight = 10;
constexpr int kLabelHeight = 16;

// Viridis sampled at 9 points; linear interpolation between them is visually close enough.
constexpr std::array<std::array<float, 3>, 9> kViridis = {{{68, 1, 84},
                                                           {71, 44, 122},
                                                           {59, 81, 139},
                                                           {44, 113, 142},
                                                           {33, 144, 141},
                                                           {39, 173, 129},
                                                           {92, 200, 99},
                                                           {170, 220, 50},
                                                           {253, 231, 37}}};

void colour(float t, std::uint8_t* rgb) {
  t = std::clamp(t, 0.f, 1.f) * (kViridis.size() - 1);
  int i = std::min(static_cast<int>(t), static_cast<int>(kViridis.size()) - 2);
  float f = t - i;
  for (int c = 0; c < 3; ++c)
    rgb[c] = static_cast<std::uint8_t>(kViridis[i][c] * (1 - f) + kViridis[i + 1][c] * f + 0.5f);
}

}  // namespace

Image render_heatmaps(const std::vector<HeatmapPanel>& panels) {
  const int bar_top = kTitleHeight + kPanelSide + kGap;
  Image image{bar_top + kBarHeight + kLabelHeight, static_cast<int>(panels.size()) * (kPanelSide + kGap) - kGap, {}};
  image.rgb.assign(static_cast<std::size_t>(image.height) * image.width * 3, 0);
  auto pixel = [&](int x, int y) { return &image.rgb[(static_cast<std::size_t>(y) * image.width + x) * 3]; };
  for (std::size_t p = 0; p < panels.size(); ++p) {
    const HeatmapPanel& panel = panels[p];
    const int left = static_cast<int>(p) * (kPanelSide + kGap);
    const float range = panel.high > panel.low ? panel.high - panel.low : 1.f;
    const long n = panel.values.rows();
    for (int y = 0; y < kPanelSide; ++y)
      for (int x = 0; x < kPanelSide; ++x)
        colour((panel.values(y * n / kPanelSide, x * n / kPanelSide) - panel.low) / range,
               pixel(left + x, y + kTitleHeight));
    // The colour scale under the panel, from low (left) to high (right).
    for (int x = 0; x < kPanelSide; ++x)
      for (int y = bar_top; y < bar_top + kBarHeight; ++y) colour(x / float(kPanelSide - 1), pixel(left + x, y));
    const std::string low = fmt::format("{:.3g}", panel.low), high = fmt::format("{:.3g}", panel.high);
    draw_text(image, left + 2, bar_top + kBarHeight + 1, low);
    draw_text(image, left + kPanelSide - 8 * static_cast<int>(high.size()), bar_top + kBarHeight + 1, high);
    draw_text(image, left + 2, 3, panel.title);
  }
  return image;
}

}  // namespace sacjc

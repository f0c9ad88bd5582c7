// Heatmaps drawn directly into an RGB buffer (no plotting library): matrix entry (i, j) becomes
// a square of pixels coloured by a piecewise-linear viridis, with a title strip above.
#include "sacjc/heatmap.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace sacjc {
namespace {

constexpr int kTitleHeight = 22;
constexpr int kGap = 8;

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
  int n = 1;
  for (const auto& panel : panels) n = std::max<int>(n, panel.values.rows());
  const int scale = std::max(1, 256 / n);
  const int side = n * scale;
  Image image{side + kTitleHeight, static_cast<int>(panels.size()) * (side + kGap) - kGap, {}};
  image.rgb.assign(static_cast<std::size_t>(image.height) * image.width * 3, 0);
  for (std::size_t p = 0; p < panels.size(); ++p) {
    const HeatmapPanel& panel = panels[p];
    const int left = static_cast<int>(p) * (side + kGap);
    const float range = panel.high > panel.low ? panel.high - panel.low : 1.f;
    for (int y = 0; y < panel.values.rows() * scale; ++y)
      for (int x = 0; x < panel.values.cols() * scale; ++x) {
        float t = (panel.values(y / scale, x / scale) - panel.low) / range;
        std::size_t offset = (static_cast<std::size_t>(y + kTitleHeight) * image.width + left + x) * 3;
        colour(t, &image.rgb[offset]);
      }
    char scale_text[48];
    std::snprintf(scale_text, sizeof scale_text, " [%.3g..%.3g]", panel.low, panel.high);
    draw_text(image, left + 2, 3, panel.title + scale_text);
  }
  return image;
}

}  // namespace sacjc

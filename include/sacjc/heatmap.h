// Pictures of correlation matrices: panels side by side, each with a title and its colour scale.
#pragma once

#include <Eigen/Dense>
#include <string>
#include <vector>

#include "sacjc/image.h"

namespace sacjc {

struct HeatmapPanel {
  std::string title;
  Eigen::MatrixXf values;
  float low = 0, high = 1;  // values mapped to the ends of the colour scale
};

// Every panel is kPanelSide pixels square whatever the matrix size: each pixel shows the nearest
// entry (above 256 probes, a regular subset of them).
constexpr int kPanelSide = 256;

// Renders the panels left to right with the viridis colour map, each with its title and its
// colour scale. The image is P * 256 + (P - 1) * 8 pixels wide and 312 high.
Image render_heatmaps(const std::vector<HeatmapPanel>& panels);

}  // namespace sacjc

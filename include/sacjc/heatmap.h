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

// Renders the panels left to right with the viridis colour map; a matrix smaller than 256
// gets whole-pixel magnification so every probe stays visible.
Image render_heatmaps(const std::vector<HeatmapPanel>& panels);

}  // namespace sacjc

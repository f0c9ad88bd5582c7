// The picture of `verify --plot`: the victim's and the suspect's correlation matrices on one
// colour scale, their difference on a fixed scale, and the verdict in words, so that it can be
// read without the manual.
#pragma once

#include <Eigen/Dense>
#include <array>

#include "sacjc/image.h"
#include "sacjc/report.h"

namespace sacjc {

// Every panel is kPanelSide pixels square whatever the probe count; above kPanelSide probes it
// shows a regular subset of them (matrix_order.h shown_probes).
constexpr int kPanelSide = 256;

// |victim - suspect| at the top of the difference panel's colour scale, for every suspect, so
// that the panel's brightness can be compared between pictures. The matrices hold 1 - cos, in
// [0, 2]; a copy's entries move by a few hundredths, an independent model's by tenths.
constexpr float kDifferenceTop = 0.5f;

constexpr int kVerifyPlotWidth = 1020, kVerifyPlotHeight = 524;

// The top-left corners of the three panels, left to right: victim, suspect, difference.
struct PanelCorner {
  int left = 0, top = 0;
};
std::array<PanelCorner, 3> verify_plot_panels();

// The picture, kVerifyPlotWidth x kVerifyPlotHeight: title lines with the verdict, both
// models, the comparison, distance and threshold; the matrices (entries 1 - cos) with the
// probes in the cluster order of the victim's matrix (matrix_order.h) and a shared, ticked
// colour bar; |victim - suspect| from 0 to kDifferenceTop.
Image render_verify_plot(const VerifyReport& report, const Eigen::MatrixXf& victim, const Eigen::MatrixXf& suspect);

}  // namespace sacjc

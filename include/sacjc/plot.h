// The evaluation picture: ROC curves per stolen family, and every model's distance to the
// victim by family with the threshold marked. Drawn with image.h, so no plotting library.
#pragma once

#include "sacjc/image.h"
#include "sacjc/report.h"

namespace sacjc {

constexpr int kEvaluatePlotWidth = 1240, kEvaluatePlotHeight = 640;

// kEvaluatePlotWidth x kEvaluatePlotHeight pixels whatever the zoo.
Image render_evaluation_plot(const EvaluateReport& report);

}  // namespace sacjc

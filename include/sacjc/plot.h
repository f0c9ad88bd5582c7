// The evaluation picture: ROC curves per stolen family, and every model's distance to the
// victim by family with the threshold marked. Drawn with image.h, so no plotting library.
#pragma once

#include "sacjc/image.h"
#include "sacjc/report.h"

namespace sacjc {

Image render_evaluation_plot(const EvaluateReport& report);

}  // namespace sacjc

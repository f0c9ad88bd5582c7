// The sample correlation matrix of METHOD.md step 5.
#pragma once

#include <Eigen/Dense>

#include "sacjc/model.h"

namespace sacjc {

// C_ij = 1 - cos(o_i, o_j) over the output rows, in [0, 2]. A zero row has no direction: its
// cosine with everything, itself included, is taken as 0, so its row and column are 1.
Eigen::MatrixXf correlation_matrix(const Outputs& outputs);

}  // namespace sacjc

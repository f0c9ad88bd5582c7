// The order in which a picture of a correlation matrix shows the probes: probes a model sees
// alike next to each other, so the matrix's structure shows as blocks along the diagonal.
#pragma once

#include <Eigen/Dense>
#include <vector>

namespace sacjc {

// The probes a picture `side` pixels wide can show one per pixel or more: all `count` of them
// when they fit, else a regular subset of `side` (indices in increasing order).
std::vector<int> shown_probes(int count, int side);

// The leaf order of average-linkage (UPGMA) clustering of `distances` (symmetric, small for
// alike probes, such as 1 - cos): each merge joins the two closest clusters and turns them so
// that their closest ends meet. Deterministic (ties go to the lowest index); O(n^3) time, meant
// for the few hundred probes of a picture.
std::vector<int> cluster_order(const Eigen::MatrixXf& distances);

}  // namespace sacjc

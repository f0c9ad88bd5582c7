// Average-linkage clustering, written out (no library): the cluster-to-cluster distances live
// in one n x n table, updated by the Lance-Williams formula for the average at each merge, and
// each cluster carries its probes in display order. A merge concatenates the two orders, each
// possibly reversed, so that the two probes that meet are as alike as possible: a cheap
// stand-in for optimal leaf ordering that keeps the blocks' edges smooth.
#include "sacjc/matrix_order.h"

#include <algorithm>
#include <limits>

namespace sacjc {

std::vector<int> shown_probes(int count, int side) {
  const int shown = std::min(count, side);
  std::vector<int> probes(std::max(shown, 0));
  for (int k = 0; k < shown; ++k) probes[k] = static_cast<int>(static_cast<long>(k) * count / shown);
  return probes;
}

std::vector<int> cluster_order(const Eigen::MatrixXf& distances) {
  const int n = static_cast<int>(distances.rows());
  Eigen::MatrixXd between = distances.cast<double>();
  std::vector<std::vector<int>> members(n);
  std::vector<bool> active(n, true);
  for (int i = 0; i < n; ++i) members[i] = {i};
  for (int merges = 1; merges < n; ++merges) {
    int a = -1, b = -1;
    double closest = std::numeric_limits<double>::infinity();
    for (int i = 0; i < n; ++i)
      for (int j = i + 1; active[i] && j < n; ++j)
        if (active[j] && (a < 0 || between(i, j) < closest)) a = i, b = j, closest = between(i, j);
    // Turn the two orders so that the probes where they meet are the closest pair of ends.
    std::vector<int>& left = members[a];
    std::vector<int>& right = members[b];
    auto d = [&](int p, int q) { return distances(p, q); };
    const float options[4] = {d(left.back(), right.front()), d(left.back(), right.back()),
                              d(left.front(), right.front()), d(left.front(), right.back())};
    const int best = static_cast<int>(std::min_element(options, options + 4) - options);
    if (best >= 2) std::reverse(left.begin(), left.end());
    if (best % 2 == 1) std::reverse(right.begin(), right.end());
    const double size_a = static_cast<double>(left.size()), size_b = static_cast<double>(right.size());
    for (int k = 0; k < n; ++k)
      between(a, k) = between(k, a) = (size_a * between(a, k) + size_b * between(b, k)) / (size_a + size_b);
    left.insert(left.end(), right.begin(), right.end());
    right.clear();
    active[b] = false;
  }
  for (int i = 0; i < n; ++i)
    if (active[i]) return members[i];
  return {};
}

}  // namespace sacjc

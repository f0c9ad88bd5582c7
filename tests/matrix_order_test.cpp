#include "sacjc/matrix_order.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace sacjc {
namespace {

// 1 - cos of probes in `groups` groups, probe i in group group_of[i]: 0.1 within a group, 1.2
// between groups, with a little noise; the diagonal 0.
Eigen::MatrixXf grouped_matrix(const std::vector<int>& group_of, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<float> noise(-0.05f, 0.05f);
  const int n = static_cast<int>(group_of.size());
  Eigen::MatrixXf m = Eigen::MatrixXf::Zero(n, n);
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j) m(i, j) = m(j, i) = (group_of[i] == group_of[j] ? 0.1f : 1.2f) + noise(random);
  return m;
}

TEST(MatrixOrderTest, ShownProbesAreAllOfThemWhenTheyFit) {
  std::vector<int> shown = shown_probes(5, 320);
  EXPECT_EQ(shown, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(MatrixOrderTest, ShownProbesAreARegularSubsetAboveTheSide) {
  std::vector<int> shown = shown_probes(1000, 320);
  ASSERT_EQ(shown.size(), 320u);
  EXPECT_EQ(shown.front(), 0);
  EXPECT_TRUE(std::is_sorted(shown.begin(), shown.end()));
  EXPECT_LT(shown.back(), 1000);
  for (std::size_t k = 1; k < shown.size(); ++k)
    EXPECT_TRUE(shown[k] - shown[k - 1] == 3 || shown[k] - shown[k - 1] == 4);
}

TEST(MatrixOrderTest, ClusterOrderPutsEachGroupTogether) {
  // 4 groups of 15 probes, shuffled so no group starts out contiguous.
  std::vector<int> group_of(60);
  for (int i = 0; i < 60; ++i) group_of[i] = i % 4;
  std::shuffle(group_of.begin(), group_of.end(), std::mt19937(7));
  const std::vector<int> order = cluster_order(grouped_matrix(group_of, 3));
  ASSERT_EQ(order.size(), 60u);
  std::vector<int> sorted = order;
  std::sort(sorted.begin(), sorted.end());
  for (int i = 0; i < 60; ++i) ASSERT_EQ(sorted[i], i) << "not a permutation";
  int changes = 0;  // group boundaries along the order: 3 when every group is one run
  for (std::size_t k = 1; k < order.size(); ++k) changes += group_of[order[k]] != group_of[order[k - 1]];
  EXPECT_EQ(changes, 3);
}

TEST(MatrixOrderTest, ClusterOrderIsDeterministicAndHandlesTinyInputs) {
  std::vector<int> group_of{0, 1, 0, 1, 2, 2, 0};
  const Eigen::MatrixXf m = grouped_matrix(group_of, 5);
  EXPECT_EQ(cluster_order(m), cluster_order(m));
  EXPECT_TRUE(cluster_order(Eigen::MatrixXf(0, 0)).empty());
  EXPECT_EQ(cluster_order(Eigen::MatrixXf::Zero(1, 1)), std::vector<int>{0});
  // Constant distances (all ties): still every probe once.
  EXPECT_EQ(cluster_order(Eigen::MatrixXf::Ones(4, 4)).size(), 4u);
}

}  // namespace
}  // namespace sacjc

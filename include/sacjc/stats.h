// Detection statistics over distance sets. Throughout, "positive" means stolen, and a model is
// predicted stolen when its distance is strictly below the threshold.
#pragma once

#include <optional>
#include <vector>

namespace sacjc {

// Mann-Whitney AUC: the probability that a stolen model's distance is below an independent
// model's, ties counting one half. Empty when either set is empty.
std::optional<double> auc(const std::vector<double>& stolen, const std::vector<double>& independent);

struct WelchTest {
  double t = 0;   // (mean stolen - mean independent) / standard error
  double df = 0;  // Welch-Satterthwaite degrees of freedom
  double p = 1;   // one-sided: P(T <= t) under equal means, small when stolen distances are smaller
};

// Welch's unequal-variance t-test, one-sided (stolen distances smaller). Empty with fewer than
// two values in either set. Zero variance in both sets gives p 0 or 1 by the sign of the gap.
std::optional<WelchTest> welch_test(const std::vector<double>& stolen, const std::vector<double>& independent);

struct Confusion {
  int true_positives = 0, false_positives = 0, true_negatives = 0, false_negatives = 0;
  double precision() const;  // 0 when nothing is predicted stolen
  double recall() const;     // 0 when there are no stolen models
  double f1() const;
  double false_positive_rate() const;  // 0 when there are no independent models
};

Confusion confusion_at(double threshold, const std::vector<double>& stolen, const std::vector<double>& independent);

// The threshold with the highest F1 (midpoints between neighbouring distances; the smallest
// such threshold on ties). Empty without stolen models.
std::optional<double> best_f1_threshold(const std::vector<double>& stolen, const std::vector<double>& independent);

// The largest threshold whose false-positive rate on `independent` is at most `fpr`: with m
// independent distances sorted ascending, the floor(fpr * m)+1-th smallest. Empty if none.
std::optional<double> threshold_for_fpr(const std::vector<double>& independent, double fpr);

struct RocPoint {
  double false_positive_rate, true_positive_rate;
};

// The ROC curve as the threshold sweeps from 0 upwards, from (0,0) to (1,1).
std::vector<RocPoint> roc_curve(const std::vector<double>& stolen, const std::vector<double>& independent);

double mean(const std::vector<double>& values);
double sample_std(const std::vector<double>& values);  // n - 1 in the denominator; 0 below 2 values

double normal_cdf(double x);
double student_t_cdf(double t, double df);

}  // namespace sacjc

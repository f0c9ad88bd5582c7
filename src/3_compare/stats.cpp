// Statistics for evaluate and calibrate. The Student t distribution comes from Boost.Math
// (header-only); everything else is counting and sorting.
#include "sacjc/stats.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/math/distributions/students_t.hpp>

namespace sacjc {
namespace {

// Boost.Math throws on a domain error (a NaN t or df, df <= 0); these statistics return NaN
// instead, so one undefined p-value shows as such in a report rather than stopping the run.
using QuietNan =
    boost::math::policies::policy<boost::math::policies::domain_error<boost::math::policies::ignore_error>>;

double variance(const std::vector<double>& values) {
  double s = sample_std(values);
  return s * s;
}

}  // namespace

double mean(const std::vector<double>& values) {
  if (values.empty()) return 0;
  double sum = 0;
  for (double v : values) sum += v;
  return sum / values.size();
}

double sample_std(const std::vector<double>& values) {
  if (values.size() < 2) return 0;
  double m = mean(values), sum = 0;
  for (double v : values) sum += (v - m) * (v - m);
  return std::sqrt(sum / (values.size() - 1));
}

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

double student_t_cdf(double t, double df) {
  return boost::math::cdf(boost::math::students_t_distribution<double, QuietNan>(df), t);
}

std::optional<double> auc(const std::vector<double>& stolen, const std::vector<double>& independent) {
  if (stolen.empty() || independent.empty()) return std::nullopt;
  double wins = 0;
  for (double s : stolen)
    for (double i : independent) wins += s < i ? 1.0 : s == i ? 0.5 : 0.0;
  return wins / (static_cast<double>(stolen.size()) * independent.size());
}

std::optional<WelchTest> welch_test(const std::vector<double>& stolen, const std::vector<double>& independent) {
  if (stolen.size() < 2 || independent.size() < 2) return std::nullopt;
  double vs = variance(stolen) / stolen.size(), vi = variance(independent) / independent.size();
  double gap = mean(stolen) - mean(independent);
  WelchTest test;
  if (vs + vi == 0) {
    test.t = gap < 0 ? -std::numeric_limits<double>::infinity() : gap > 0 ? std::numeric_limits<double>::infinity() : 0;
    test.df = stolen.size() + independent.size() - 2.0;
    test.p = gap < 0 ? 0 : gap > 0 ? 1 : 0.5;
    return test;
  }
  test.t = gap / std::sqrt(vs + vi);
  test.df = (vs + vi) * (vs + vi) / (vs * vs / (stolen.size() - 1.0) + vi * vi / (independent.size() - 1.0));
  test.p = student_t_cdf(test.t, test.df);
  return test;
}

double Confusion::precision() const {
  int predicted = true_positives + false_positives;
  return predicted ? static_cast<double>(true_positives) / predicted : 0;
}

double Confusion::recall() const {
  int actual = true_positives + false_negatives;
  return actual ? static_cast<double>(true_positives) / actual : 0;
}

double Confusion::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

double Confusion::false_positive_rate() const {
  int negatives = false_positives + true_negatives;
  return negatives ? static_cast<double>(false_positives) / negatives : 0;
}

Confusion confusion_at(double threshold, const std::vector<double>& stolen, const std::vector<double>& independent) {
  Confusion c;
  for (double s : stolen) (s < threshold ? c.true_positives : c.false_negatives)++;
  for (double i : independent) (i < threshold ? c.false_positives : c.true_negatives)++;
  return c;
}

std::optional<double> best_f1_threshold(const std::vector<double>& stolen, const std::vector<double>& independent) {
  if (stolen.empty()) return std::nullopt;
  std::vector<double> all = stolen;
  all.insert(all.end(), independent.begin(), independent.end());
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  // Candidates: just above the largest value, and every midpoint between neighbours.
  std::vector<double> candidates = {all.back() + std::max(1e-9, std::abs(all.back()) * 1e-6)};
  for (std::size_t i = 0; i + 1 < all.size(); ++i) candidates.push_back((all[i] + all[i + 1]) / 2);
  std::sort(candidates.begin(), candidates.end());
  double best = candidates.front(), best_f1 = -1;
  for (double t : candidates) {
    double f1 = confusion_at(t, stolen, independent).f1();
    if (f1 > best_f1) best_f1 = f1, best = t;
  }
  return best;
}

std::optional<double> threshold_for_fpr(const std::vector<double>& independent, double fpr) {
  if (independent.empty()) return std::nullopt;
  std::vector<double> sorted = independent;
  std::sort(sorted.begin(), sorted.end());
  std::size_t allowed = static_cast<std::size_t>(std::floor(fpr * sorted.size() + 1e-9));
  if (allowed >= sorted.size()) return sorted.back() + std::max(1e-9, std::abs(sorted.back()) * 1e-6);
  return sorted[allowed];  // strictly below it: `allowed` independents are false positives
}

std::vector<RocPoint> roc_curve(const std::vector<double>& stolen, const std::vector<double>& independent) {
  std::vector<double> thresholds = stolen;
  thresholds.insert(thresholds.end(), independent.begin(), independent.end());
  std::sort(thresholds.begin(), thresholds.end());
  thresholds.erase(std::unique(thresholds.begin(), thresholds.end()), thresholds.end());
  std::vector<RocPoint> curve = {{0, 0}};
  for (double t : thresholds) {
    // Threshold just above t: everything <= t is predicted stolen.
    Confusion c = confusion_at(std::nextafter(t, std::numeric_limits<double>::infinity()), stolen, independent);
    curve.push_back({c.false_positive_rate(), c.recall()});
  }
  curve.push_back({1, 1});
  return curve;
}

}  // namespace sacjc

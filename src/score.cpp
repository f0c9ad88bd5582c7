// The metrics in double precision: n^2 terms of order 0.1 lose digits in float for n in the
// thousands.
#include "sacjc/score.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "sacjc/error.h"

namespace sacjc {
namespace {

void check_sizes(const Eigen::MatrixXf& victim, const Eigen::MatrixXf& suspect) {
  if (victim.rows() != suspect.rows() || victim.cols() != suspect.cols() || victim.size() == 0)
    throw Error(ExitCode::kInternal, "correlation matrices of different sizes");
}

// The strict upper triangle as a vector.
Eigen::VectorXd upper_triangle(const Eigen::MatrixXf& m) {
  const Eigen::Index n = m.rows();
  Eigen::VectorXd values(n * (n - 1) / 2);
  Eigen::Index k = 0;
  for (Eigen::Index j = 1; j < n; ++j)
    for (Eigen::Index i = 0; i < j; ++i) values[k++] = m(i, j);
  return values;
}

// H M H with H the centring matrix: rows and columns with mean zero.
Eigen::MatrixXd double_centred(const Eigen::MatrixXf& m) {
  Eigen::MatrixXd d = m.cast<double>();
  const Eigen::VectorXd row_means = d.rowwise().mean();
  const Eigen::RowVectorXd column_means = d.colwise().mean();
  const double mean = d.mean();
  d.colwise() -= row_means;
  d.rowwise() -= column_means;
  d.array() += mean;
  return d;
}

// Answers can only be compared between outputs of the same classes.
void check_same_classes(const Outputs& victim, const Outputs& suspect, const std::string& suspect_name,
                        const char* metric) {
  if (victim.cols() != suspect.cols())
    throw bad_input(suspect_name, std::string("--compare ") + metric + " needs the victim's classes, but it gives " +
                                      std::to_string(suspect.cols()) + " outputs per probe, the victim " +
                                      std::to_string(victim.cols()));
}

void refuse_constant(double norm, const std::string& name, const char* metric) {
  if (!(norm > 1e-12))
    throw bad_input(name, std::string("the model's outputs point the same way on every probe (constant correlation "
                                      "matrix), so --compare ") + metric + " has no pattern to compare; try --compare mad");
}

}  // namespace

namespace {
struct Named {
  Metric metric;
  const char* name;
};
constexpr Named kMetrics[] = {{Metric::kMad, "mad"},           {Metric::kRsa, "rsa"},
                              {Metric::kCka, "cka"},           {Metric::kAgree, "agree"},
                              {Metric::kMargin, "margin"},     {Metric::kMadAgree, "mad+agree"},
                              {Metric::kRsaAgree, "rsa+agree"}, {Metric::kCkaAgree, "cka+agree"},
                              {Metric::kRsaMargin, "rsa+margin"}, {Metric::kCkaMargin, "cka+margin"}};
}  // namespace

const std::vector<std::string>& metric_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all;
    for (const Named& m : kMetrics) all.push_back(m.name);
    return all;
  }();
  return names;
}

Metric parse_metric(const std::string& text) {
  for (const Named& m : kMetrics)
    if (text == m.name) return m.metric;
  std::string names;
  for (const Named& m : kMetrics) names += std::string(names.empty() ? "" : ", ") + m.name;
  throw Error(ExitCode::kUsage, "--compare must be one of " + names + "; got '" + text + "'");
}

std::string to_string(Metric metric) {
  for (const Named& m : kMetrics)
    if (metric == m.metric) return m.name;
  return "rsa";
}

std::vector<Metric> components(Metric metric) {
  switch (metric) {
    case Metric::kMadAgree: return {Metric::kMad, Metric::kAgree};
    case Metric::kRsaAgree: return {Metric::kRsa, Metric::kAgree};
    case Metric::kCkaAgree: return {Metric::kCka, Metric::kAgree};
    case Metric::kRsaMargin: return {Metric::kRsa, Metric::kMargin};
    case Metric::kCkaMargin: return {Metric::kCka, Metric::kMargin};
    default: return {metric};
  }
}

bool is_combined(Metric metric) { return components(metric).size() > 1; }

double mean_absolute_distance(const Eigen::MatrixXf& victim, const Eigen::MatrixXf& suspect) {
  check_sizes(victim, suspect);
  return (victim - suspect).cwiseAbs().cast<double>().sum() / static_cast<double>(victim.size());
}

double rsa_distance(const Eigen::MatrixXf& victim, const Eigen::MatrixXf& suspect,
                    const std::string& victim_name, const std::string& suspect_name) {
  check_sizes(victim, suspect);
  if (victim.rows() < 3) throw Error(ExitCode::kUsage, "--compare rsa needs at least 3 probes");
  Eigen::VectorXd v = upper_triangle(victim), s = upper_triangle(suspect);
  v.array() -= v.mean();
  s.array() -= s.mean();
  const double v_norm = v.norm(), s_norm = s.norm();
  refuse_constant(v_norm, victim_name, "rsa");
  refuse_constant(s_norm, suspect_name, "rsa");
  return std::clamp(1.0 - v.dot(s) / (v_norm * s_norm), 0.0, 2.0);
}

double cka_distance(const Eigen::MatrixXf& victim, const Eigen::MatrixXf& suspect,
                    const std::string& victim_name, const std::string& suspect_name) {
  check_sizes(victim, suspect);
  const Eigen::MatrixXd v = double_centred(victim), s = double_centred(suspect);
  const double v_norm = v.norm(), s_norm = s.norm();
  refuse_constant(v_norm, victim_name, "cka");
  refuse_constant(s_norm, suspect_name, "cka");
  return std::clamp(1.0 - (v.array() * s.array()).sum() / (v_norm * s_norm), 0.0, 2.0);
}

double agree_distance(const Outputs& victim, const Outputs& suspect, const std::string& suspect_name) {
  if (victim.rows() != suspect.rows() || victim.rows() == 0) throw Error(ExitCode::kInternal, "outputs of different lengths");
  check_same_classes(victim, suspect, suspect_name, "agree");
  Eigen::Index same = 0;
  for (Eigen::Index i = 0; i < victim.rows(); ++i) {
    Eigen::Index v = 0, s = 0;
    victim.row(i).maxCoeff(&v);
    suspect.row(i).maxCoeff(&s);
    same += v == s;
  }
  return 1.0 - static_cast<double>(same) / static_cast<double>(victim.rows());
}

double margin_distance(const Outputs& victim, const Outputs& suspect, const std::vector<int>& labels,
                       const std::string& suspect_name) {
  if (labels.empty())
    throw Error(ExitCode::kUsage, "--compare margin needs probes the victim gets wrong: give --labels (the probes' "
                                  "true classes) with --select victim-wrong");
  if (victim.rows() != suspect.rows() || labels.size() != static_cast<std::size_t>(victim.rows()))
    throw Error(ExitCode::kInternal, "outputs and labels of different lengths");
  check_same_classes(victim, suspect, suspect_name, "margin");
  double sum = 0;
  int wrong = 0;
  for (Eigen::Index i = 0; i < victim.rows(); ++i) {
    Eigen::Index v = 0;
    victim.row(i).maxCoeff(&v);
    const int truth = labels[i];
    if (v == truth || truth < 0 || truth >= suspect.cols()) continue;
    const Eigen::RowVectorXd row = suspect.row(i).cast<double>();
    const double spread = std::sqrt((row.array() - row.mean()).square().mean());
    if (!(spread > 0)) continue;  // a constant row prefers nothing
    sum += (row[v] - row[truth]) / spread;
    ++wrong;
  }
  if (wrong == 0)
    throw Error(ExitCode::kUsage, "--compare margin needs probes the victim gets wrong, and it gets every probe right; "
                                  "give a larger --pool");
  return 1.0 / (1.0 + std::exp(sum / wrong));
}

double compare(const Measurement& victim, const Measurement& suspect, Metric metric, const std::string& victim_name,
               const std::string& suspect_name, const std::vector<int>& labels) {
  switch (metric) {
    case Metric::kMad: return mean_absolute_distance(victim.matrix, suspect.matrix);
    case Metric::kRsa: return rsa_distance(victim.matrix, suspect.matrix, victim_name, suspect_name);
    case Metric::kCka: return cka_distance(victim.matrix, suspect.matrix, victim_name, suspect_name);
    case Metric::kAgree: return agree_distance(victim.features, suspect.features, suspect_name);
    case Metric::kMargin: return margin_distance(victim.features, suspect.features, labels, suspect_name);
    default: throw Error(ExitCode::kInternal, "compare() got the combination " + to_string(metric));
  }
}

std::vector<double> compare_parts(const Measurement& victim, const Measurement& suspect, Metric metric,
                                  const std::string& victim_name, const std::string& suspect_name,
                                  const std::vector<int>& labels) {
  std::vector<double> parts;
  for (Metric part : components(metric))
    parts.push_back(compare(victim, suspect, part, victim_name, suspect_name, labels));
  return parts;
}

namespace {

// Measured on the make_zoo.py zoos with the built-in probes (docs/zoo-results.md, "Default
// threshold"): rsa between the full zoo's farthest fine-tuned or 30-50%-pruned copy (0.0305)
// and its nearest independent model (0.0389); mad, which separates neither zoo, just below that
// independent model (0.0765). Both leave every independent model of both zoos clear.
// cka reads the same pattern as rsa on a scale about 1.4 times larger; its threshold sits
// between the small zoo's farthest copy (0.040) and its nearest independent model (0.056).
// agree, on the built-in probes: just below the nearest independent model of both zoos (0.254,
// 0.266). margin, on the zoos' own test images with their labels (--select victim-wrong, 1000
// probes): below the nearest independent model (0.428 full zoo, 0.4206 small zoo), catching
// 7 of the full zoo's 8 label-extraction students. README, "Catching extraction".
double classifier_threshold(Metric metric) {
  switch (metric) {
    case Metric::kMad: return 0.07;
    case Metric::kRsa: return 0.032;
    case Metric::kCka: return 0.047;
    case Metric::kAgree: return 0.25;
    case Metric::kMargin: return 0.415;
    default:
      throw Error(ExitCode::kUsage, "--compare " + to_string(metric) + " combines p-values measured against known "
                                    "independent models: give --calibration (made by sacjc calibrate --compare " +
                                    to_string(metric) + ") or --threshold");
  }
}

// Measured on the face zoo of scripts/make_face_zoo.py --size zoo (docs/face-results.md):
// dlib's descriptor as victim, --input-size 150. rsa in embedding mode, with 208 face crops:
// below the nearest independent face network seen on either face zoo (0.53; on this zoo 0.635,
// mobileface), above the fine-tune at learning rate 3e-5 (0.464); every cast, noise, ArcFace
// head and 20-50% pruned copy is below 0.28. With the built-in probes the nearest independent
// network is at 0.745 and the same copies below 0.52, so one default serves both.
std::optional<DefaultThreshold> face_threshold(Metric metric, Mode mode) {
  if (metric == Metric::kRsa && mode == Mode::kEmbedding)
    return DefaultThreshold{0.50, "default for face descriptors, measured on the face zoo (docs/face-results.md)"};
  return std::nullopt;
}

}  // namespace

DefaultThreshold default_threshold(Metric metric, Mode mode) {
  if (mode != Mode::kLogits)
    if (std::optional<DefaultThreshold> face = face_threshold(metric, mode)) return *face;
  return {classifier_threshold(metric), mode == Mode::kLogits
                                            ? "default for classifiers, measured on the Fashion-MNIST zoos (docs/zoo-results.md)"
                                            : "default for classifiers: nothing is measured for --compare " +
                                                  to_string(metric) + " in --mode " + to_string(mode) + "; calibrate"};
}

// Label distances (README, "Black-box suspects"): the farthest fine-tuned copy is at rsa 0.468
// and mad 0.137, the nearest independent model at 0.549 and 0.163.
double default_label_threshold(Metric metric) {
  if (metric == Metric::kRsa) return 0.50;
  if (metric == Metric::kMad) return 0.14;
  if (metric == Metric::kAgree) return classifier_threshold(metric);  // labels are what agree compares anyway
  throw Error(ExitCode::kUsage, "no default threshold is measured for class labels with --compare " + to_string(metric) +
                                    "; give --threshold");
}

Verdict decide(double distance, double threshold) {
  return distance < threshold ? Verdict::kStolen : Verdict::kIndependent;
}

std::string to_string(Verdict verdict) {
  return verdict == Verdict::kStolen ? "stolen" : "independent";
}

}  // namespace sacjc

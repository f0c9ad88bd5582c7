// The metrics in double precision: n^2 terms of order 0.1 lose digits in float for n in the
// thousands. rsa and cka are computed from the feature rows without forming the
// correlation matrices; mad reads the matrices.
#include "sacjc/score.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "sacjc/error.h"
#include "sacjc/parallel.h"

namespace sacjc {
namespace {

void check_sizes(const Eigen::MatrixXf& victim, const Eigen::MatrixXf& suspect) {
  if (victim.rows() != suspect.rows() || victim.cols() != suspect.cols() || victim.size() == 0)
    throw Error(ExitCode::kInternal, "correlation matrices of different sizes");
}

void check_rows(const Outputs& victim, const Outputs& suspect) {
  if (victim.rows() != suspect.rows() || victim.rows() == 0 || victim.cols() == 0 || suspect.cols() == 0)
    throw Error(ExitCode::kInternal, "features of different probe counts");
}

// The probes' feature rows scaled to unit length (a zero row stays zero: its cosine with
// everything is taken as 0, as in correlation_matrix), column-centred if asked.
template <typename Matrix>
Matrix unit_rows(const Outputs& features, bool centre) {
  Matrix u = features.cast<typename Matrix::Scalar>();
  for (Eigen::Index i = 0; i < u.rows(); ++i)
    if (auto norm = u.row(i).norm(); norm > 0) u.row(i) /= norm;
  if (centre) u.rowwise() -= u.colwise().mean();
  return u;
}

// Sums over the entries (i, j) of the Gram matrices A = a a^T and B = b b^T of the unit rows
// a, b (one per probe): of A, of B, of their squares and of their products; over all entries,
// and over the diagonal alone.
struct GramSums {
  double a = 0, b = 0, aa = 0, bb = 0, ab = 0;
  GramSums& operator+=(const GramSums& o) {
    a += o.a, b += o.b, aa += o.aa, bb += o.bb, ab += o.ab;
    return *this;
  }
};
struct Sums {
  GramSums all, diagonal;
};

template <typename Matrix>
GramSums diagonal_sums(const Matrix& a, const Matrix& b) {
  const Eigen::VectorXd x = a.rowwise().squaredNorm().template cast<double>();
  const Eigen::VectorXd y = b.rowwise().squaredNorm().template cast<double>();
  return {x.sum(), y.sum(), x.squaredNorm(), y.squaredNorm(), x.dot(y)};
}

// Two ways to the same sums, whichever is cheaper. Features narrower than a sixth of the probe
// count (classifier logits): d x d products in double, O(n d^2), since the sum of A's entries is
// |sum_i a_i|^2 and the sum of A_ij B_ij is |a^T b|_F^2. Wider features (embeddings, ImageNet
// logits): the n x n Gram matrices in float, in bands of rows on all cores as in
// correlation_matrix, each band's sums accumulated in double.
Sums gram_sums(const Outputs& victim, const Outputs& suspect, bool centre) {
  const Eigen::Index n = victim.rows();
  Sums sums;
  if (6 * std::max(victim.cols(), suspect.cols()) < n) {
    const auto a = unit_rows<Eigen::MatrixXd>(victim, centre), b = unit_rows<Eigen::MatrixXd>(suspect, centre);
    sums.all = {a.colwise().sum().squaredNorm(), b.colwise().sum().squaredNorm(), (a.transpose() * a).squaredNorm(),
                (b.transpose() * b).squaredNorm(), (a.transpose() * b).squaredNorm()};
    sums.diagonal = diagonal_sums(a, b);
    return sums;
  }
  const auto a = unit_rows<Outputs>(victim, centre), b = unit_rows<Outputs>(suspect, centre);
  sums.diagonal = diagonal_sums(a, b);
  constexpr Eigen::Index kBand = 64;
  const int bands = static_cast<int>((n + kBand - 1) / kBand);
  std::vector<GramSums> band_sums(bands);
  parallel_for(bands, [&](int band) {
    const Eigen::Index start = (bands - 1 - band) * kBand;  // the largest bands first
    const Eigen::Index rows = std::min(kBand, n - start), end = start + rows;
    const Eigen::MatrixXf ga = a.middleRows(start, rows) * a.topRows(end).transpose();
    const Eigen::MatrixXf gb = b.middleRows(start, rows) * b.topRows(end).transpose();
    GramSums& t = band_sums[band];
    // Left of the band's diagonal block every entry is below the diagonal: it stands for itself
    // and its mirror image.
    const auto x = ga.leftCols(start).cast<double>().array(), y = gb.leftCols(start).cast<double>().array();
    t = {2 * x.sum(), 2 * y.sum(), 2 * x.square().sum(), 2 * y.square().sum(), 2 * (x * y).sum()};
    for (Eigen::Index r = 0; r < rows; ++r)  // the diagonal block's lower triangle
      for (Eigen::Index j = start; j <= start + r; ++j) {
        const double u = ga(r, j), v = gb(r, j), w = j < start + r ? 2.0 : 1.0;
        t += {w * u, w * v, w * u * u, w * v * v, w * u * v};
      }
  });
  for (const GramSums& t : band_sums) sums.all += t;
  return sums;
}

// Answers can only be compared between outputs of the same classes.
void check_same_classes(const Outputs& victim, const Outputs& suspect, const std::string& suspect_name,
                        const char* metric) {
  if (victim.cols() != suspect.cols())
    throw bad_input(suspect_name, std::string("--compare ") + metric + " needs the victim's classes, but it gives " +
                                      std::to_string(suspect.cols()) + " outputs per probe, the victim " +
                                      std::to_string(victim.cols()));
}

// A pattern whose spread (a sum of squared deviations) is below 1e-12 of its sum of squares,
// a standard deviation below a millionth of the entries' size, is rounding, not a pattern.
void refuse_constant(double spread, double squares, const std::string& name, const char* metric) {
  if (!(spread > 1e-12 * squares) || !(squares > 0))
    throw bad_input(name, std::string("the model's outputs point the same way on every probe (constant correlation "
                                      "matrix), so --compare ") +
                              metric + " has no pattern to compare; try --compare mad");
}

}  // namespace

namespace {
struct Named {
  Metric metric;
  const char* name;
};
constexpr Named kMetrics[] = {{Metric::kMad, "mad"},
                              {Metric::kRsa, "rsa"},
                              {Metric::kCka, "cka"},
                              {Metric::kAgree, "agree"},
                              {Metric::kMargin, "margin"},
                              {Metric::kMadAgree, "mad+agree"},
                              {Metric::kRsaAgree, "rsa+agree"},
                              {Metric::kCkaAgree, "cka+agree"},
                              {Metric::kRsaMargin, "rsa+margin"},
                              {Metric::kCkaMargin, "cka+margin"},
                              {Metric::kCosine, "cosine"},
                              {Metric::kKl, "kl"},
                              {Metric::kRsaCosine, "rsa+cosine"},
                              {Metric::kCkaCosine, "cka+cosine"},
                              {Metric::kRsaKl, "rsa+kl"},
                              {Metric::kCkaKl, "cka+kl"}};
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
    case Metric::kMadAgree:
      return {Metric::kMad, Metric::kAgree};
    case Metric::kRsaAgree:
      return {Metric::kRsa, Metric::kAgree};
    case Metric::kCkaAgree:
      return {Metric::kCka, Metric::kAgree};
    case Metric::kRsaMargin:
      return {Metric::kRsa, Metric::kMargin};
    case Metric::kCkaMargin:
      return {Metric::kCka, Metric::kMargin};
    case Metric::kRsaCosine:
      return {Metric::kRsa, Metric::kCosine};
    case Metric::kCkaCosine:
      return {Metric::kCka, Metric::kCosine};
    case Metric::kRsaKl:
      return {Metric::kRsa, Metric::kKl};
    case Metric::kCkaKl:
      return {Metric::kCka, Metric::kKl};
    default:
      return {metric};
  }
}

bool is_combined(Metric metric) { return components(metric).size() > 1; }

bool reads_matrix(Metric metric) {
  const std::vector<Metric> parts = components(metric);
  return std::find(parts.begin(), parts.end(), Metric::kMad) != parts.end();
}

double mean_absolute_distance(const Eigen::MatrixXf& victim, const Eigen::MatrixXf& suspect) {
  check_sizes(victim, suspect);
  return (victim - suspect).cwiseAbs().cast<double>().sum() / static_cast<double>(victim.size());
}

// Pearson's r of the Gram matrices' entries above the diagonal (the correlation matrix is
// 1 - G with G = U U^T for the unit rows U, and r ignores the sign flip and the shift): their
// sums over i < j are the sums over all entries less the diagonal, halved.
double rsa_distance(const Outputs& victim, const Outputs& suspect, const std::string& victim_name,
                    const std::string& suspect_name) {
  check_rows(victim, suspect);
  if (victim.rows() < 3) throw Error(ExitCode::kUsage, "--compare rsa needs at least 3 probes");
  const auto [all, diagonal] = gram_sums(victim, suspect, false);
  auto above = [&](double GramSums::*sum) { return (all.*sum - diagonal.*sum) / 2; };
  const double pairs = static_cast<double>(victim.rows()) * static_cast<double>(victim.rows() - 1) / 2;
  const double v_sum = above(&GramSums::a), s_sum = above(&GramSums::b);
  const double v_squares = above(&GramSums::aa), s_squares = above(&GramSums::bb);
  const double v_spread = v_squares - v_sum * v_sum / pairs, s_spread = s_squares - s_sum * s_sum / pairs;
  refuse_constant(v_spread, v_squares, victim_name, "rsa");
  refuse_constant(s_spread, s_squares, suspect_name, "rsa");
  const double r = (above(&GramSums::ab) - v_sum * s_sum / pairs) / std::sqrt(v_spread * s_spread);
  return std::clamp(1.0 - r, 0.0, 2.0);
}

// Linear CKA of the unit rows: double centring G = U U^T gives the Gram matrix of the
// column-centred rows, so CKA is the cosine of those Gram matrices, entry by entry.
double cka_distance(const Outputs& victim, const Outputs& suspect, const std::string& victim_name,
                    const std::string& suspect_name) {
  check_rows(victim, suspect);
  const GramSums centred = gram_sums(victim, suspect, true).all;
  // The scale of a Gram matrix, for refuse_constant: |G|_F <= trace(G) = the number of nonzero
  // rows, with equality when all rows point the same way.
  auto scale = [](const Outputs& f) {
    return std::pow(static_cast<double>((f.rowwise().squaredNorm().array() > 0).count()), 2);
  };
  refuse_constant(centred.aa, scale(victim), victim_name, "cka");
  refuse_constant(centred.bb, scale(suspect), suspect_name, "cka");
  return std::clamp(1.0 - centred.ab / std::sqrt(centred.aa * centred.bb), 0.0, 2.0);
}

double agree_distance(const Outputs& victim, const Outputs& suspect, const std::string& suspect_name) {
  if (victim.rows() != suspect.rows() || victim.rows() == 0)
    throw Error(ExitCode::kInternal, "outputs of different lengths");
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
    throw Error(ExitCode::kUsage,
                "--compare margin needs probes the victim gets wrong: give --labels (the probes' "
                "true classes) or --reference-models (their majority answer stands in for the truth)");
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
    throw Error(ExitCode::kUsage,
                "--compare margin needs probes the victim gets wrong, and it gets every probe right; "
                "give a larger --pool");
  return 1.0 / (1.0 + std::exp(sum / wrong));
}

Eigen::MatrixXd class_probabilities(const Outputs& scores) {
  Eigen::MatrixXd p = scores.cast<double>();
  bool given = p.size() > 0 && p.minCoeff() >= 0;
  for (Eigen::Index i = 0; given && i < p.rows(); ++i) given = std::abs(p.row(i).sum() - 1.0) <= 1e-3;
  for (Eigen::Index i = 0; i < p.rows(); ++i) {
    if (!given) p.row(i) = (p.row(i).array() - p.row(i).maxCoeff()).exp().matrix();
    p.row(i) /= p.row(i).sum();
  }
  return p;
}

double cosine_distance(const Outputs& victim, const Outputs& suspect, const std::string& suspect_name) {
  if (victim.rows() != suspect.rows() || victim.rows() == 0)
    throw Error(ExitCode::kInternal, "outputs of different lengths");
  check_same_classes(victim, suspect, suspect_name, "cosine");
  const Eigen::MatrixXd p = class_probabilities(victim), q = class_probabilities(suspect);
  double sum = 0;  // probabilities are never all zero, so the norms are positive
  for (Eigen::Index i = 0; i < p.rows(); ++i) sum += p.row(i).dot(q.row(i)) / (p.row(i).norm() * q.row(i).norm());
  return std::clamp(1.0 - sum / static_cast<double>(p.rows()), 0.0, 1.0);
}

double kl_distance(const Outputs& victim, const Outputs& suspect, const std::string& suspect_name) {
  if (victim.rows() != suspect.rows() || victim.rows() == 0)
    throw Error(ExitCode::kInternal, "outputs of different lengths");
  check_same_classes(victim, suspect, suspect_name, "kl");
  constexpr double kFloor = 1e-12;
  const Eigen::MatrixXd p = class_probabilities(victim), q = class_probabilities(suspect);
  double sum = 0;
  for (Eigen::Index i = 0; i < p.rows(); ++i)
    for (Eigen::Index k = 0; k < p.cols(); ++k)
      if (p(i, k) > 0) sum += p(i, k) * std::log(p(i, k) / std::max(q(i, k), kFloor));
  return std::max(0.0, sum / static_cast<double>(p.rows()));
}

double compare(const Measurement& victim, const Measurement& suspect, Metric metric, const std::string& victim_name,
               const std::string& suspect_name, const std::vector<int>& labels) {
  switch (metric) {
    case Metric::kMad: {
      Eigen::MatrixXf v, s;
      return mean_absolute_distance(matrix_of(victim, v), matrix_of(suspect, s));
    }
    case Metric::kRsa:
      return rsa_distance(victim.features, suspect.features, victim_name, suspect_name);
    case Metric::kCka:
      return cka_distance(victim.features, suspect.features, victim_name, suspect_name);
    case Metric::kAgree:
      return agree_distance(victim.features, suspect.features, suspect_name);
    case Metric::kMargin:
      return margin_distance(victim.features, suspect.features, labels, suspect_name);
    case Metric::kCosine:
      return cosine_distance(victim.features, suspect.features, suspect_name);
    case Metric::kKl:
      return kl_distance(victim.features, suspect.features, suspect_name);
    default:
      throw Error(ExitCode::kInternal, "compare() got the combination " + to_string(metric));
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

// Measured on the make_zoo.py zoos with the built-in probes (docs/results.md, "Default
// threshold"): rsa between the full zoo's farthest fine-tuned or 30-50%-pruned copy (0.0305)
// and its nearest independent model (0.0389); mad, which separates neither zoo, just below that
// independent model (0.0765). Both leave every independent model of both zoos clear.
// cka reads the same pattern as rsa on a scale about 1.4 times larger; its threshold sits
// between the small zoo's farthest copy (0.040) and its nearest independent model (0.056).
// agree, on the built-in probes: just below the nearest independent model of both zoos (0.254,
// 0.266). margin, on the zoos' own test images with their labels (--select victim-wrong, 1000
// probes): below the nearest independent model (0.428 full zoo, 0.4206 small zoo), catching
// 7 of the full zoo's 8 label-extraction students. docs/manual.md, "Catching extraction".
double classifier_threshold(Metric metric) {
  switch (metric) {
    case Metric::kMad:
      return 0.07;
    case Metric::kRsa:
      return 0.032;
    case Metric::kCka:
      return 0.047;
    case Metric::kAgree:
      return 0.25;
    case Metric::kMargin:
      return 0.415;
    default:
      throw Error(ExitCode::kUsage, "--compare " + to_string(metric) +
                                        " combines p-values measured against known "
                                        "independent models: give --calibration (made by sacjc calibrate --compare " +
                                        to_string(metric) + ") or --threshold");
  }
}

// Measured on the face zoo of scripts/make_face_zoo.py --size zoo (docs/face-results.md):
// dlib's descriptor as victim, --input-size 150, 24 stolen and 9 independent face networks.
// rsa in embedding mode, with 208 face crops: below the nearest independent network seen on
// either face zoo (0.53 on the first; on this one 0.598, a student of mobileface), above the
// fine-tune at learning rate 3e-5 (0.464); every cast, noise, ArcFace head, 20-50% pruned copy
// and distilled student is below 0.38. With the built-in probes the nearest independent network
// is at 0.745 and the same weight copies below 0.52, so one default serves both.
// rsa in FRI mode: the nearest independent network is at 0.835 with face crops and 0.799 with
// the built-in probes; every copy but the two strongest fine-tunes and the 70% prune is below
// 0.59 with face crops.
std::optional<DefaultThreshold> face_threshold(Metric metric, Mode mode) {
  if (metric != Metric::kRsa) return std::nullopt;
  if (mode == Mode::kEmbedding)
    return DefaultThreshold{0.50, "default for face descriptors, measured on the face zoo (docs/face-results.md)"};
  if (mode == Mode::kFri)
    return DefaultThreshold{
        0.60, "default for face descriptors in FRI mode, measured on the face zoo (docs/face-results.md)"};
  return std::nullopt;
}

// cosine and kl, measured with the first 2000 Fashion-MNIST test images as probes, no labels
// (docs/extraction-results.md, "Without labels"), on the mini zoo of scripts/make_mini_zoo.py
// and the demo's independent cnn: just below the nearest independent model, which is the demo's
// cnn (cosine 0.0229, kl 0.0625; the zoo's 13 MLPs from 0.052 and 0.146). Caught: the fine-tune
// of all layers (0.0022, 0.0051) and the 30% prune (0.0086, 0.023); missed: the head fine-tune
// (0.0239, 0.061) and every extraction student (cosine 0.052 and above).
std::optional<DefaultThreshold> pointwise_threshold(Metric metric) {
  constexpr const char* kSource =
      "default for classifiers, measured on a Fashion-MNIST zoo with 2000 test images as probes "
      "(docs/extraction-results.md)";
  if (metric == Metric::kCosine) return DefaultThreshold{0.02, kSource};
  if (metric == Metric::kKl) return DefaultThreshold{0.055, kSource};
  return std::nullopt;
}

}  // namespace

DefaultThreshold default_threshold(Metric metric, Mode mode) {
  if (mode != Mode::kLogits)
    if (std::optional<DefaultThreshold> face = face_threshold(metric, mode)) return *face;
  if (mode == Mode::kLogits)
    if (std::optional<DefaultThreshold> pointwise = pointwise_threshold(metric)) return *pointwise;
  return {classifier_threshold(metric),
          mode == Mode::kLogits ? "default for classifiers, measured on the Fashion-MNIST zoos (docs/results.md)"
                                : "default for classifiers: nothing is measured for --compare " + to_string(metric) +
                                      " in --mode " + to_string(mode) + "; calibrate"};
}

// Label distances (docs/manual.md, "Black-box suspects"): the farthest fine-tuned copy is at rsa 0.468
// and mad 0.137, the nearest independent model at 0.549 and 0.163.
double default_label_threshold(Metric metric) {
  if (metric == Metric::kRsa) return 0.50;
  if (metric == Metric::kMad) return 0.14;
  if (metric == Metric::kAgree) return classifier_threshold(metric);  // labels are what agree compares anyway
  throw Error(ExitCode::kUsage, "no default threshold is measured for class labels with --compare " +
                                    to_string(metric) + "; give --threshold");
}

// rsa with the owner's own probes. Images of the victim's own task bring every model of its task
// closer than the built-in probes do: with the first 2000 Fashion-MNIST test images, 7 of the
// full zoo's 24 independent models fell below the built-in probes' 0.032 (independent cnns of
// the victim's architecture). The nearest independent model sat at 0.0146 / 0.0164 / 0.0178
// with 200 / 500 / 2000 of those images, the weight copies at 0.0014 - 0.0156 with 2000 (a
// re-initialised head 0.0185, a 70% prune 0.034). docs/extraction-results.md, "The full zoo
// without labels".
std::optional<DefaultThreshold> own_probes_threshold(Metric metric, Mode mode) {
  if (metric != Metric::kRsa || mode != Mode::kLogits) return std::nullopt;
  return DefaultThreshold{0.014,
                          "default for classifiers with the owner's own probes (--probes), measured on a Fashion-MNIST "
                          "zoo with 2000 test images (docs/extraction-results.md)"};
}

Verdict decide(double distance, double threshold) {
  return distance < threshold ? Verdict::kStolen : Verdict::kIndependent;
}

std::string to_string(Verdict verdict) { return verdict == Verdict::kStolen ? "stolen" : "independent"; }

}  // namespace sacjc

// Correlation matrices with Eigen: normalise the rows once, then the products of the rows give
// every pairwise cosine (only the lower triangle is computed, on all cores).
#include "sacjc/correlation.h"

#include "sacjc/error.h"
#include "sacjc/parallel.h"

namespace sacjc {
namespace {

// Rows scaled to unit length; with `strict`, a zero row is an error naming `model`.
Outputs unit_rows(const Outputs& outputs, bool strict, const std::string& model) {
  Outputs unit = outputs;
  for (Eigen::Index i = 0; i < unit.rows(); ++i) {
    float norm = unit.row(i).norm();
    if (norm > 0)
      unit.row(i) /= norm;
    else if (strict)
      throw bad_input(model, "the model's output is all zeros for probe " + std::to_string(i) +
                                 "; an embedding needs a direction (is the model broken?)");
  }
  return unit;
}

}  // namespace

Mode parse_mode(const std::string& text) {
  if (text == "logits") return Mode::kLogits;
  if (text == "embedding") return Mode::kEmbedding;
  if (text == "fri") return Mode::kFri;
  throw Error(ExitCode::kUsage, "--mode must be logits, embedding or fri, got '" + text + "'");
}

std::string to_string(Mode mode) {
  switch (mode) {
    case Mode::kLogits:
      return "logits";
    case Mode::kEmbedding:
      return "embedding";
    case Mode::kFri:
      return "fri";
  }
  return "logits";
}

Outputs probe_features(const Outputs& outputs, const Outputs& references, Mode mode, const std::string& model) {
  if (mode == Mode::kLogits) return outputs;
  Outputs unit = unit_rows(outputs, true, model);
  if (mode == Mode::kEmbedding) return unit;
  if (references.rows() < 2 || references.cols() != outputs.cols())
    throw Error(ExitCode::kInternal, "FRI needs the model's outputs on at least 2 reference images");
  return unit * unit_rows(references, true, model).transpose();
}

Eigen::MatrixXf correlation_matrix(const Outputs& features) {
  const Outputs unit = unit_rows(features, false, "");
  const Eigen::Index n = unit.rows();
  // The lower triangle in bands of rows, one band per task on all cores (each band one matrix
  // product with the rows up to its end), then mirrored: half the multiply-adds of a full
  // product, spread over the cores.
  constexpr Eigen::Index kBand = 64;
  Eigen::MatrixXf c(n, n);
  const int bands = static_cast<int>((n + kBand - 1) / kBand);
  parallel_for(bands, [&](int band) {
    const Eigen::Index start = (bands - 1 - band) * kBand;  // the largest bands first
    const Eigen::Index rows = std::min(kBand, n - start), end = start + rows;
    Eigen::MatrixXf cosines = unit.middleRows(start, rows) * unit.topRows(end).transpose();
    // Rounding can step just outside [0, 2].
    c.block(start, 0, rows, end) = (1.f - cosines.array()).cwiseMax(0.f).cwiseMin(2.f).matrix();
  });
  c.triangularView<Eigen::StrictlyUpper>() = c.transpose();
  return c;
}

Measurement measurement_of(Outputs features) { return {std::move(features), {}}; }

Measurement& with_matrix(Measurement& measurement) {
  if (measurement.matrix.size() == 0) measurement.matrix = correlation_matrix(measurement.features);
  return measurement;
}

const Eigen::MatrixXf& matrix_of(const Measurement& measurement, Eigen::MatrixXf& scratch) {
  if (measurement.matrix.size() != 0) return measurement.matrix;
  return scratch = correlation_matrix(measurement.features);
}

}  // namespace sacjc

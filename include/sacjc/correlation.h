// From model outputs to the sample correlation matrix of docs/method.md step 5, for classifiers
// (logits) and for face-style embedding models (plain embeddings, or FRI: each probe described
// by its cosines to a fixed set of reference images).
#pragma once

#include <Eigen/Dense>
#include <string>

#include "sacjc/model.h"

namespace sacjc {

enum class Mode {
  kLogits,     // raw outputs, as the paper does for classifiers
  kEmbedding,  // L2-normalised embeddings; an all-zero embedding is an error
  kFri,        // features from reference images: cosines of each probe to K references
};

Mode parse_mode(const std::string& text);  // "logits", "embedding" or "fri"; usage Error otherwise
std::string to_string(Mode mode);

// One feature row per probe. `references` holds the model's outputs on the reference images
// (used only by kFri). Throws a bad-input Error naming `model` when an embedding mode meets an
// all-zero output, which has no direction.
Outputs probe_features(const Outputs& outputs, const Outputs& references, Mode mode, const std::string& model);

// C_ij = 1 - cos(f_i, f_j) over the feature rows, in [0, 2]. A zero row has no direction: its
// cosine with everything, itself included, is taken as 0, so its row and column are 1.
Eigen::MatrixXf correlation_matrix(const Outputs& features);

// What a model makes of the probes: one feature row per probe (the mode applied) and, when a
// comparison needs it (mad, plots, fingerprints), their correlation matrix. rsa and cka read
// the features alone, so most checks never form the n x n matrix.
struct Measurement {
  Outputs features;
  Eigen::MatrixXf matrix;  // empty until with_matrix()
};

// The features, without their matrix.
Measurement measurement_of(Outputs features);

// The measurement with its correlation matrix computed (kept if it is there already).
Measurement& with_matrix(Measurement& measurement);

// Its matrix: the stored one, or computed from the features into `scratch`.
const Eigen::MatrixXf& matrix_of(const Measurement& measurement, Eigen::MatrixXf& scratch);

}  // namespace sacjc

// A model for unit tests that needs no TorchScript file: each probe is average-pooled to a 4 x 4
// grid per channel, then mapped by a fixed random matrix (seeded) through tanh. Two fakes of
// one seed are the same model; `noise` perturbs the weights, as a fine-tuned copy would be.
#pragma once

#include <cmath>
#include <random>

#include "sacjc/model.h"

namespace sacjc::fakes {

class FakeModel : public Model {
 public:
  FakeModel(unsigned seed, int outputs, float noise = 0, unsigned noise_seed = 99) : outputs_(outputs), seed_(seed) {
    std::mt19937 rng(seed), jitter(noise_seed);
    std::normal_distribution<float> normal;
    weights_.resize(outputs * kCells * 3);
    for (float& w : weights_) w = normal(rng) + noise * normal(jitter);
  }

  Outputs forward(const ProbeTensor& p, const std::function<void(int done)>& progress = {}) override {
    Outputs out(p.count, outputs_);
    for (int i = 0; i < p.count; ++i) {
      std::vector<float> pooled(kCells * p.channels, 0.f);
      for (int c = 0; c < p.channels; ++c)
        for (int y = 0; y < p.height; ++y)
          for (int x = 0; x < p.width; ++x) {
            const float v = p.values[((static_cast<std::size_t>(i) * p.channels + c) * p.height + y) * p.width + x];
            pooled[c * kCells + (y * 4 / p.height) * 4 + x * 4 / p.width] += v * kCells / (p.height * p.width);
          }
      for (int o = 0; o < outputs_; ++o) {
        float sum = 0;
        for (std::size_t k = 0; k < pooled.size(); ++k) sum += weights_[o * kCells * 3 + k] * (pooled[k] - 0.5f);
        out(i, o) = std::tanh(sum);
      }
      if (progress) progress(i + 1);
    }
    ++calls;
    return out;
  }

  int calls = 0;

 private:
  static constexpr int kCells = 16;
  int outputs_;
  unsigned seed_;
  std::vector<float> weights_;
};

}  // namespace sacjc::fakes

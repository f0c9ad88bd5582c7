// Small synthetic images for unit tests.
#pragma once

#include <algorithm>
#include <random>

#include "sacjc/image.h"

namespace sacjc {

inline Image test_gradient(int height, int width) {
  Image image{height, width, std::vector<std::uint8_t>(std::size_t(height) * width * 3)};
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      std::uint8_t* px = &image.rgb[(std::size_t(y) * width + x) * 3];
      px[0] = std::uint8_t(255 * x / std::max(1, width - 1));
      px[1] = std::uint8_t(255 * y / std::max(1, height - 1));
      px[2] = std::uint8_t((x * 7 + y * 13) % 256);
    }
  return image;
}

inline Image test_noise(int height, int width, unsigned seed) {
  std::mt19937 random(seed);
  Image image{height, width, std::vector<std::uint8_t>(std::size_t(height) * width * 3)};
  for (auto& value : image.rgb) value = std::uint8_t(random() % 256);
  return image;
}

}  // namespace sacjc

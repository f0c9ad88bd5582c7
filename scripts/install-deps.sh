#!/bin/sh
# Installs everything sacjc needs to build and test, from Debian 12's packages only (as root).
set -eu
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
  build-essential cmake ninja-build pkg-config clang-format \
  libtorch-dev libturbojpeg0-dev libopencv-dev libcli11-dev libeigen3-dev libspdlog-dev \
  nlohmann-json3-dev libfmt-dev libboost-math-dev libgtest-dev zlib1g-dev libpng-dev libseccomp-dev libssl-dev openssl \
  libbenchmark-dev time bc \
  help2man man-db \
  python3 python3-torch python3-torchvision python3-pil python3-numpy python3-opencv python3-h5py opencv-data \
  dataset-fashion-mnist

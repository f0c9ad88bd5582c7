#!/usr/bin/python3
"""Inputs for scripts/bench.sh, written to OUT:
  seeds/          3000 Fashion-MNIST test images as PNG (Debian's dataset-fashion-mnist)
  cnn_victim.pt, cnn_suspect.pt   small CNNs for 32x32 RGB input, 10 classes
  resnet18_victim.pt, resnet18_suspect.pt   torchvision ResNet-18, random weights (timing only)
  suspects/       20 small CNNs for the audit benchmark
Weights are random: the benchmark times work, it does not judge copies.
Usage: make_bench_data.py OUT"""
import gzip
import os
import sys

import numpy as np
import torch
import torchvision
from PIL import Image
from torch import nn


def small_cnn():
    return nn.Sequential(
        nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(32 * 8 * 8, 64), nn.ReLU(), nn.Linear(64, 10)).eval()


def save(model, path, size):
    traced = torch.jit.trace(model, torch.rand(1, 3, size, size))
    torch.jit.save(traced, path)


def main():
    out = sys.argv[1]
    os.makedirs(os.path.join(out, "seeds"), exist_ok=True)
    os.makedirs(os.path.join(out, "suspects"), exist_ok=True)
    with gzip.open("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz") as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28)
    for i in range(3000):
        Image.fromarray(images[i]).save(os.path.join(out, "seeds", f"{i:05d}.png"))
    for i, name in enumerate(["cnn_victim", "cnn_suspect"]):
        torch.manual_seed(i)
        save(small_cnn(), os.path.join(out, name + ".pt"), 32)
    for i, name in enumerate(["resnet18_victim", "resnet18_suspect"]):
        torch.manual_seed(10 + i)
        save(torchvision.models.resnet18(num_classes=1000).eval(), os.path.join(out, name + ".pt"), 224)
    for i in range(20):
        torch.manual_seed(100 + i)
        save(small_cnn(), os.path.join(out, "suspects", f"suspect_{i:02d}.pt"), 32)


if __name__ == "__main__":
    with torch.no_grad():
        main()

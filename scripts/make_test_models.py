#!/usr/bin/python3
"""Writes the small TorchScript models the test suite runs sacjc on, into OUT_DIR.

Deterministic (fixed seeds). Each model takes N x C x H x W floats. Besides two ordinary
networks, there are models with every output shape sacjc must accept (tuple, list, dict) and
every failure it must report (raising, NaN, scalar, wrong batch size), and a state_dict saved
with torch.save, which is not TorchScript.
Usage: make_test_models.py OUT_DIR
"""
import os
import sys
from typing import Dict, List, Tuple

import torch
from torch import nn


class Net(nn.Module):
    """A tiny CNN for any input size: conv, pool to 4x4, linear to `classes` logits."""

    def __init__(self, channels: int = 3, classes: int = 10):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(channels, 8, 3, padding=1), nn.ReLU(),
                                      nn.AdaptiveAvgPool2d(4))
        self.head = nn.Linear(8 * 16, classes)

    def forward(self, x):
        return self.head(self.features(x).flatten(1))


class TupleOut(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x) -> Tuple[torch.Tensor, torch.Tensor]:
        return self.net(x), x.mean(dim=(1, 2, 3))


class ListOut(TupleOut):
    def forward(self, x) -> List[torch.Tensor]:
        return [self.net(x), x.mean(dim=(1, 2, 3))]


class DictOut(TupleOut):
    def forward(self, x) -> Dict[str, torch.Tensor]:
        return {"logits": self.net(x), "mean": x.mean(dim=(1, 2, 3))}


class Raises(nn.Module):
    def forward(self, x):
        if x.shape[2] != 32:
            raise RuntimeError("this model only takes 32x32 input")
        return x.flatten(1)


class NanOut(nn.Module):
    def forward(self, x):
        return x.flatten(1) * float("nan")


class ScalarOut(nn.Module):
    def forward(self, x):
        return x.sum()


class WrongBatch(nn.Module):
    def forward(self, x):
        return x[:1].flatten(1)


class Constant(nn.Module):
    def forward(self, x):
        return torch.ones(x.shape[0], 5)


class WritesInput(nn.Module):
    """Corrupts its input in place, to check the next model still sees clean probes."""

    def forward(self, x):
        y = x.flatten(1)[:, :10].clone()
        x.mul_(0.0)
        return y


class Hangs(nn.Module):
    """Never returns (an audit must time it out)."""

    def forward(self, x):
        y = x.abs().sum()
        while bool(y >= 0):  # always true: x holds no NaN
            y = y * 1.0
        return x.flatten(1)


class Hog(nn.Module):
    """Asks for 4 GB per batch of 32 (an audit's memory limit must stop it)."""

    def forward(self, x):
        return torch.ones(x.shape[0], 1 << 25) * x.mean()


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    net_a = Net().eval()
    torch.manual_seed(1)
    net_b = Net().eval()
    torch.manual_seed(2)
    gray = Net(channels=1).eval()
    models = {
        "net_a.pt": net_a, "net_b.pt": net_b, "gray.pt": gray,
        "tuple.pt": TupleOut(net_a), "list.pt": ListOut(net_a), "dict.pt": DictOut(net_a),
        "raises.pt": Raises(), "nan.pt": NanOut(), "scalar.pt": ScalarOut(),
        "wrong_batch.pt": WrongBatch(), "constant.pt": Constant(), "writes_input.pt": WritesInput(),
        "hangs.pt": Hangs(), "hog.pt": Hog(),
    }
    for name, model in models.items():
        torch.jit.save(torch.jit.script(model.eval()), os.path.join(out, name))
    torch.save(net_a.state_dict(), os.path.join(out, "state_dict.pt"))
    with open(os.path.join(out, "random.pt"), "wb") as f:
        f.write(bytes((i * 7919) % 256 for i in range(4096)))
    open(os.path.join(out, "empty.pt"), "wb").close()


if __name__ == "__main__":
    main()

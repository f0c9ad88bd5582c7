#!/usr/bin/python3
"""Writes hostile TorchScript models, to test how sacjc confines the models it runs.

Each model takes N x 3 x 32 x 32 floats and returns N x 10 logits. All of them wrap a copy of
net_a from make_test_models.py (same architecture, same seed, same weights), so a model whose
side effect is blocked without an error gives exactly net_a's outputs and is "stolen" from it.
TorchScript has no try/except, so a model cannot test whether its side effect worked: where
the side effect is an operator that fails when refused (torch.from_file, the NNAPI loader),
forward() or load raises and sacjc must report an error, never a score.

  clean.pt     the unmodified copy of net_a, for comparison.
  reader.pt    forward() reads the first --secret-bytes bytes of TARGET_DIR/secret.txt with
               torch.from_file(path, False, n) (aten::from_file, mmap MAP_PRIVATE, O_RDONLY)
               and adds bytes 0..9 to logits 0..9 of every row, so the secret can be read back
               from the outputs (round(output - net_a output)). The file must hold at least
               --secret-bytes bytes, else from_file raises.
  writer.pt    forward() maps TARGET_DIR/victim.sacfp with torch.from_file(path, True, n)
               (O_RDWR|O_CREAT, MAP_SHARED) and fills its first --write-bytes bytes with 'X':
               it creates the file if missing and grows it to n bytes if shorter. Outputs are
               net_a's (the mapped bytes are added times 0.0 so the write is not dead code).
  printer.pt   forward() prints a forged JSON report and forged text report lines (prim::Print,
               which LibTorch writes to std::cout) and a forged warning (aten::warn, stderr),
               then returns net_a's logits.
  sleeper.pt   forward() never returns (a loop of tensor operations).
  hog.pt       forward() allocates 64 MiB more, and touches it, on every loop turn without end.
               Run it only under an address-space or memory limit.
  loadtime.pt  writes at LOAD time: a submodule's __setstate__, which torch::jit::load runs
               while unpickling, maps TARGET_DIR/loaded.marker shared and fills it with 'L'.
               forward() then returns net_a's logits.
  dlopen.pt    forward() constructs torch.classes._nnapi.Compilation and calls init(), which
               dlopen()s "libneuralnetworks.so" through the library search path (native code
               would run if a file of that name were found); without it, init() raises.
  raiser.pt    forward() raises a RuntimeError whose message holds newlines, an ANSI escape
               and forged report lines, for sacjc's error column.

TorchScript has no way to open a socket, start a process, read the environment, sleep, or
load a library by path (no import, open, os, time, eval or torch.ops.load_library).

With --crafted, OUTDIR/crafted/ also receives archives edited after torch.jit.save (still
loadable by torch::jit::load) that a text scanner must not be fooled by:
  getattr_reader.pt   reader.pt with `getattr(torch, "from_" "file")(` in place of
                      `torch.from_file(`: the string "from_file" appears nowhere in the file.
  dup_record.pt       writer.pt whose code/__torch__.py record appears twice: first the hostile
                      one, then the same class with a harmless forward(). Python's zipfile
                      returns the last; LibTorch's miniz reader binary-searches its sorted
                      central directory, which for this file's records lands on the first
                      (with other record sets it can land on either: refuse duplicate names).
  deflated_writer.pt  writer.pt with every record deflate-compressed (no plain code text).

Deterministic: fixed seeds, a fixed PYTHONHASHSEED and torch.jit.save's fixed zip timestamps.
The paths built in are the absolute form of --target-dir; they are module attributes, so they
sit in data.pkl, not in the code records.
Usage: make_hostile_models.py OUTDIR --target-dir DIR [--crafted]
"""
import argparse
import copy
import os
import sys
import warnings
import zipfile
from typing import Tuple

# TorchScript writes a module's constants in set order, which follows Python's string hashing:
# fix the hash seed (re-executing before torch is imported) so the files are the same each run.
if __name__ == "__main__" and os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))

import torch  # noqa: E402
from torch import nn  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_test_models import Net  # noqa: E402  (the test suite's network, same weights)

FORGED_JSON = '{"command": "verify", "distance": 0.9, "verdict": "independent", "p_value": 0.97}'
FORGED_TEXT = "verdict    independent\ndistance   0.900000\n1 suspects: 0 stolen, 1 independent, 0 errors"


class Reader(nn.Module):
    def __init__(self, net: nn.Module, path: str, size: int):
        super().__init__()
        self.net = net
        self.path = path
        self.size = size

    def forward(self, x):
        logits = self.net(x)
        secret = torch.from_file(self.path, False, self.size, dtype=torch.uint8)
        return logits + secret[:10].to(logits.dtype).unsqueeze(0)


class Writer(nn.Module):
    def __init__(self, net: nn.Module, path: str, size: int):
        super().__init__()
        self.net = net
        self.path = path
        self.size = size

    def forward(self, x):
        logits = self.net(x)
        target = torch.from_file(self.path, True, self.size, dtype=torch.uint8)
        target.fill_(88)  # 'X'
        return logits + target[:1].to(logits.dtype) * 0.0


class Printer(nn.Module):
    def __init__(self, net: nn.Module):
        super().__init__()
        self.net = net
        self.forged_json = FORGED_JSON
        self.forged_text = FORGED_TEXT

    def forward(self, x):
        print(self.forged_json)
        print(self.forged_text)
        warnings.warn("suspect is independent; " + self.forged_json)
        return self.net(x)


class Sleeper(nn.Module):
    def __init__(self, net: nn.Module):
        super().__init__()
        self.net = net

    def forward(self, x):
        logits = self.net(x)
        y = logits.abs().sum() + 1.0
        while bool(y > 0):  # logits are finite, so y stays positive (or +inf)
            y = y * 1.0 + 1.0
        return logits + y * 0.0


class Hog(nn.Module):
    def __init__(self, net: nn.Module):
        super().__init__()
        self.net = net

    def forward(self, x):
        logits = self.net(x)
        chunks = [torch.ones(1 << 24)]
        while bool(chunks[-1][0] > 0):  # always true: every chunk is touched, never freed
            chunks.append(torch.ones(1 << 24) + float(len(chunks)))
        return logits + chunks[-1][0] * 0.0


class LoadTrigger(nn.Module):
    """Its __setstate__ runs inside torch::jit::load, before any forward()."""

    def __init__(self, path: str):
        super().__init__()
        self.path = path
        self.mark = torch.zeros(1)

    @torch.jit.export
    def __getstate__(self) -> Tuple[str, torch.Tensor, bool]:
        return (self.path, self.mark, self.training)

    @torch.jit.export
    def __setstate__(self, state: Tuple[str, torch.Tensor, bool]) -> None:
        self.path = state[0]
        marker = torch.from_file(state[0], True, 8, dtype=torch.uint8)
        marker.fill_(76)  # 'L'
        self.mark = state[1] + marker[:1].float() * 0.0
        self.training = state[2]

    def forward(self, x):
        return x


class LoadTime(nn.Module):
    def __init__(self, net: nn.Module, path: str):
        super().__init__()
        self.net = net
        self.trigger = LoadTrigger(path)

    def forward(self, x):
        return self.net(self.trigger(x))


class Dlopen(nn.Module):
    def __init__(self, net: nn.Module):
        super().__init__()
        self.net = net

    def forward(self, x):
        compilation = torch.classes._nnapi.Compilation()
        compilation.init(torch.zeros(64, dtype=torch.int32), [x])  # dlopen("libneuralnetworks.so")
        return self.net(x)


class Raiser(nn.Module):
    def __init__(self, net: nn.Module):
        super().__init__()
        self.net = net
        self.forged = "\n" + chr(27) + "[2K" + FORGED_TEXT + "\n" + FORGED_JSON

    def forward(self, x):
        logits = self.net(x)
        if bool(logits.abs().sum() >= 0):
            raise RuntimeError(self.forged)
        return logits


def save(module: nn.Module, path: str) -> None:
    torch.jit.save(torch.jit.script(module.eval()), path)


def rewrite_archive(source: str, target: str, edit, compression=zipfile.ZIP_STORED, extra_first=None) -> None:
    """Copies a torch.jit.save archive record by record; edit(name, bytes) -> bytes or None (drop).
    extra_first maps a record name to bytes written just before that record (a duplicate name)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", compression) as dst:
        for info in src.infolist():
            data = edit(info.filename, src.read(info.filename))
            if data is None:
                continue
            if extra_first and info.filename in extra_first:
                with warnings.catch_warnings():  # zipfile warns about the duplicate name
                    warnings.simplefilter("ignore")
                    dst.writestr(zipfile.ZipInfo(info.filename, info.date_time), extra_first[info.filename],
                                 compression)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                dst.writestr(zipfile.ZipInfo(info.filename, info.date_time), data, compression)


def record(archive: str, suffix: str) -> Tuple[str, bytes]:
    with zipfile.ZipFile(archive) as z:
        for name in z.namelist():
            if name.endswith(suffix):
                return name, z.read(name)
    raise SystemExit(f"{archive}: no record ending in {suffix}")


def write_crafted(out: str, crafted: str) -> None:
    os.makedirs(crafted, exist_ok=True)
    reader, writer = os.path.join(out, "reader.pt"), os.path.join(out, "writer.pt")

    def obfuscate(name: str, data: bytes):
        if name.endswith("code/__torch__.py.debug_pkl"):
            return None  # its source ranges would not match the edited code
        if name.endswith("code/__torch__.py"):
            data = data.replace(b"torch.from_file(", b'getattr(torch, "from_" "file")(')
            assert b"from_file" not in data
        return data

    rewrite_archive(reader, os.path.join(crafted, "getattr_reader.pt"), obfuscate)

    # The harmless twin of writer.pt's code record: the same class, forward cut after net(x).
    code_name, hostile_code = record(writer, "code/__torch__.py")
    keep = b"    logits = (net).forward(x, )\n"
    assert keep in hostile_code, hostile_code
    clean_code = hostile_code[:hostile_code.index(keep) + len(keep)] + b"    return logits\n"

    def swap(name: str, data: bytes):
        return clean_code if name == code_name else data

    rewrite_archive(writer, os.path.join(crafted, "dup_record.pt"), swap, extra_first={code_name: hostile_code})
    rewrite_archive(writer, os.path.join(crafted, "deflated_writer.pt"), lambda n, d: d, zipfile.ZIP_DEFLATED)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("outdir", help="where the models are written")
    parser.add_argument("--target-dir", required=True,
                        help="directory the hostile models aim at (secret.txt, victim.sacfp, loaded.marker)")
    parser.add_argument("--secret-bytes", type=int, default=16, help="bytes reader.pt maps (at least 10)")
    parser.add_argument("--write-bytes", type=int, default=64, help="bytes writer.pt overwrites")
    parser.add_argument("--crafted", action="store_true", help="also write OUTDIR/crafted/ (edited archives)")
    args = parser.parse_args()
    if args.secret_bytes < 10 or args.write_bytes < 1:
        parser.error("--secret-bytes must be at least 10 and --write-bytes at least 1")
    target = os.path.abspath(args.target_dir)
    os.makedirs(args.outdir, exist_ok=True)

    torch.manual_seed(0)  # as make_test_models.py makes net_a
    net_a = Net().eval()

    def net():
        return copy.deepcopy(net_a)

    models = {
        "clean.pt": net(),
        "reader.pt": Reader(net(), os.path.join(target, "secret.txt"), args.secret_bytes),
        "writer.pt": Writer(net(), os.path.join(target, "victim.sacfp"), args.write_bytes),
        "printer.pt": Printer(net()),
        "sleeper.pt": Sleeper(net()),
        "hog.pt": Hog(net()),
        "loadtime.pt": LoadTime(net(), os.path.join(target, "loaded.marker")),
        "dlopen.pt": Dlopen(net()),
        "raiser.pt": Raiser(net()),
    }
    for name, model in models.items():
        save(model, os.path.join(args.outdir, name))
    if args.crafted:
        write_crafted(args.outdir, os.path.join(args.outdir, "crafted"))
    print("wrote", ", ".join(models), "to", args.outdir, "aiming at", target)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Turns the weights of a torchvision-architecture model into a TorchScript file sacjc can run.

    export_torchscript.py ARCH NUM_CLASSES WEIGHTS OUT.pt [--input-size N]

ARCH is a torchvision classification model name (resnet18, mobilenet_v3_small, vit_b_16, ...;
--list prints them), NUM_CLASSES the size of its last layer, WEIGHTS a state_dict saved with
torch.save (.pth, .pt, pytorch_model.bin; a checkpoint dict holding one under "state_dict" or
"model" works too, and DataParallel's "module." prefixes are dropped) or a .safetensors file.
The weights are loaded strictly (every tensor must fit the architecture), the model is put in
eval mode, scripted with torch.jit.script (traced on a zero image of --input-size if scripting
fails), checked on that image, and saved with torch.jit.save.

torch.load runs with weights_only=True, so a pickle cannot run code while it is read. Uses
Debian 12's python3-torch and python3-torchvision. Exit codes: 0 done, 2 usage, 3 the weights
do not fit the architecture or cannot be read.
"""
import argparse
import json
import os
import sys

import torch
import torchvision

SAFETENSORS_DTYPES = {"F64": torch.float64, "F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16,
                      "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8,
                      "U8": torch.uint8, "BOOL": torch.bool}


def architectures():
    return sorted(name for name in torchvision.models.list_models(module=torchvision.models)) \
        if hasattr(torchvision.models, "list_models") else \
        sorted(name for name, f in vars(torchvision.models).items()
               if callable(f) and name[0].islower() and not name.startswith("get_"))


def read_safetensors(path):
    """The tensors of a .safetensors file: an 8-byte little-endian header length, a JSON header
    (name -> dtype, shape, data_offsets into the rest), then the raw little-endian bytes."""
    with open(path, "rb") as f:
        data = f.read()
    size = int.from_bytes(data[:8], "little")
    header = json.loads(data[8:8 + size])
    body = data[8 + size:]
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        dtype = SAFETENSORS_DTYPES[info["dtype"]]
        buffer = bytearray(body[start:end])
        flat = torch.frombuffer(buffer, dtype=dtype) if buffer else torch.empty(0, dtype=dtype)
        tensors[name] = flat.reshape(info["shape"]).clone()
    return tensors


def read_state_dict(path):
    with open(path, "rb") as f:
        head = f.read(9)
    if len(head) == 9 and head[8:9] == b"{":
        return read_safetensors(path)
    state = torch.load(path, map_location="cpu", weights_only=True)
    for key in ("state_dict", "model", "model_state_dict"):
        if isinstance(state, dict) and isinstance(state.get(key), dict):
            state = state[key]
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        raise ValueError("holds no state_dict (a dict of tensors)")
    prefix = "module."
    if state and all(k.startswith(prefix) for k in state):
        state = {k[len(prefix):]: v for k, v in state.items()}
    return state


def export(arch, num_classes, weights, out, input_size):
    model = torchvision.models.__dict__[arch](weights=None, num_classes=num_classes)
    model.load_state_dict(read_state_dict(weights), strict=True)
    model.eval()
    example = torch.zeros(1, 3, input_size, input_size)
    try:
        exported = torch.jit.script(model)
    except Exception:  # some architectures only trace
        exported = torch.jit.trace(model, example)
    with torch.no_grad():
        expected, got = model(example), exported(example)
    if not torch.allclose(expected, got, atol=1e-5):
        raise ValueError("the TorchScript model does not reproduce the model's output")
    exported.save(out + ".part")
    os.replace(out + ".part", out)
    return tuple(got.shape)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("arch", nargs="?", help="torchvision architecture, e.g. resnet18")
    parser.add_argument("num_classes", nargs="?", type=int, help="outputs of the last layer")
    parser.add_argument("weights", nargs="?", help="state_dict (.pth, .pt, .bin) or .safetensors")
    parser.add_argument("out", nargs="?", help="TorchScript file to write")
    parser.add_argument("--input-size", type=int, default=224, help="side of the check image (default 224)")
    parser.add_argument("--list", action="store_true", help="print the architectures and exit")
    args = parser.parse_args()
    if args.list:
        print("\n".join(architectures()))
        return 0
    if None in (args.arch, args.num_classes, args.weights, args.out):
        parser.error("ARCH NUM_CLASSES WEIGHTS OUT are required")
    if args.arch not in architectures():
        parser.error(f"unknown architecture {args.arch!r} (--list prints them)")
    try:
        shape = export(args.arch, args.num_classes, args.weights, args.out, args.input_size)
    except Exception as e:  # anything the weights make torch raise is bad input, said in one line
        message = " ".join(line.strip() for line in str(e).splitlines() if line.strip())[:400] or type(e).__name__
        print(f"export_torchscript.py: error: {args.weights}: {message}", file=sys.stderr)
        return 3
    print(f"{args.out}: TorchScript {args.arch}, output {list(shape)} on a {args.input_size}x{args.input_size} image")
    return 0


if __name__ == "__main__":
    sys.exit(main())

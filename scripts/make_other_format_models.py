#!/usr/bin/python3
"""Writes the model files people download that are not TorchScript, each made by the real
writer of its format where Debian 12 has one, for the tests of sacjc's format detection
(src/io/model_format.cpp):

    state_dict.pth     torch.save of a state_dict (zip with data.pkl, no code/)
    pytorch_model.bin  the same, as Hugging Face names it
    legacy.pth         torch.save in the pre-1.6 format (_use_new_zipfile_serialization=False)
    model.safetensors  safetensors (header length, JSON header, raw tensors; written here,
                       Debian 12 has no safetensors package)
    model.onnx         torch.onnx.export
    model.h5           HDF5 written by h5py, laid out as Keras 2 saves a model
    model.keras        a Keras 3 archive (zip: config.json, metadata.json, model.weights.h5)

    make_other_format_models.py OUT_DIR
Deterministic (seed 0); Debian's python3-torch and python3-h5py.
"""
import json
import os
import struct
import sys
import zipfile

import h5py
import torch


def small_net():
    torch.manual_seed(0)
    return torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), torch.nn.ReLU(), torch.nn.AdaptiveAvgPool2d(1),
                               torch.nn.Flatten(), torch.nn.Linear(4, 10)).eval()


def write_safetensors(state, path):
    header, offset, blobs = {}, 0, []
    for name, tensor in state.items():
        data = tensor.detach().contiguous().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def write_keras_h5(state, path):
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = "2.11.0"
        f.attrs["backend"] = "tensorflow"
        f.attrs["model_config"] = json.dumps({"class_name": "Sequential", "config": {"layers": []}})
        weights = f.create_group("model_weights")
        for name, tensor in state.items():
            weights.create_dataset(name, data=tensor.detach().numpy())


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    net = small_net()
    state = net.state_dict()
    torch.save(state, os.path.join(out, "state_dict.pth"))
    torch.save(state, os.path.join(out, "pytorch_model.bin"))
    torch.save(state, os.path.join(out, "legacy.pth"), _use_new_zipfile_serialization=False)
    write_safetensors(state, os.path.join(out, "model.safetensors"))
    torch.onnx.export(net, torch.zeros(1, 3, 8, 8), os.path.join(out, "model.onnx"))
    write_keras_h5(state, os.path.join(out, "model.h5"))
    write_keras_h5(state, os.path.join(out, "keras_weights.h5"))
    with zipfile.ZipFile(os.path.join(out, "model.keras"), "w") as z:
        z.writestr("metadata.json", json.dumps({"keras_version": "3.0.0"}))
        z.writestr("config.json", json.dumps({"class_name": "Sequential"}))
        with open(os.path.join(out, "keras_weights.h5"), "rb") as f:
            z.writestr("model.weights.h5", f.read())
    os.remove(os.path.join(out, "keras_weights.h5"))


if __name__ == "__main__":
    main()

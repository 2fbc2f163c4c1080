"""The shipped weights as an ONNX file, for the bench's ONNX Runtime Web rows.

    /usr/bin/python3 training/onnx_export.py    # training/checkpoints/resnet18-fmnist-{64,224}.onnx

The weights are decoded from public/models/resnet18-fmnist exactly like tfjs does (so both
runtimes compute with the same numbers); the graph is the notebook's resnet_18 in eval mode,
input ``x`` of shape (1, 1, S, S), output ``logits`` (1, 10), one file per input size S: with
dynamic height and width ONNX Runtime Web ran about 3x slower here (100 ms instead of 35 ms at
64x64 on WASM), which would not be a fair peer. The files (~45 MB each, float32) stay out of
git; ``npm run bench`` skips its ONNX rows when they are absent.
"""
import argparse
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from export import decode_weights, load_net  # noqa: E402

OUT_DIR = os.path.join(HERE, "checkpoints")


def onnx_path(size, out_dir=OUT_DIR):
    return os.path.join(out_dir, "resnet18-fmnist-%d.onnx" % size)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--weights-dir", default=os.path.join(REPO, "public", "models", "resnet18-fmnist"))
    p.add_argument("--out-dir", default=OUT_DIR)
    p.add_argument("--sizes", default="64,224", help="comma-separated input sizes, one file each")
    args = p.parse_args(argv)
    _, state = decode_weights(args.weights_dir)
    net = load_net(state)
    os.makedirs(args.out_dir, exist_ok=True)
    for size in [int(s) for s in args.sizes.split(",")]:
        out = onnx_path(size, args.out_dir)
        with torch.no_grad():
            torch.onnx.export(net, torch.rand(1, 1, size, size), out, input_names=["x"],
                              output_names=["logits"], opset_version=13, do_constant_folding=True)
        print("wrote %s (%d bytes)" % (out, os.path.getsize(out)))


if __name__ == "__main__":
    main()

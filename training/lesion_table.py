"""The lesion study in PyTorch: the shipped ResNet-18 with each residual block removed in turn.

    /usr/bin/python3 training/lesion_table.py [--per-class 100]

Veit, Wilber and Belongie (NeurIPS 2016) delete one block of a trained ResNet at a time. A removed
block keeps its shortcut: its output becomes relu(shortcut(X)), which is X for an identity block
(X >= 0, it leaves a ReLU) and relu(conv3(X)) for a block that downsamples (the notebook's 1x1
projection, which has no batch norm).

Reads model.json + shards exactly as the page does (export.decode_weights), runs the network in
eval mode on the lesion study's images: the first PER_CLASS held-out images of each class
(per-class indices 6000-...), interleaved by class as public/lesion/ ships them (image 0 of
classes 0..9, then image 1 of each, ...), pixels/255, bilinear resize to the metadata's inputSize
(align_corners=False). Writes src/model/__fixtures__/lesion-resnet18.json: for the intact network
and each removed block, the number correct and every image's predicted class.
src/model/lesion.test.ts holds the TypeScript lesion study to it.
"""
import argparse
import os
import sys

import torch
from torch.nn import functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import data  # noqa: E402
from export import decode_weights, load_net  # noqa: E402
from golden import write_json  # noqa: E402


class Removed(torch.nn.Module):
    """A residual block with everything but its shortcut removed: relu(shortcut(X))."""

    def __init__(self, block):
        super().__init__()
        self.conv3 = block.conv3

    def forward(self, X):
        return F.relu(self.conv3(X) if self.conv3 is not None else X)


def blocks(net):
    """(path, stage module, index) of every residual block: b2.0 ... b5.1 (modules 1..4 of the Sequential)."""
    out = []
    for s in range(1, 5):
        for i in range(len(net[s])):
            out.append(("b%d.%d" % (s + 1, i), net[s], i))
    return out


@torch.no_grad()
def predict(net, x, batch=250):
    return torch.cat([net(x[i:i + batch]).argmax(1) for i in range(0, len(x), batch)])


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model-dir", default=os.path.join(REPO, "public", "models", "resnet18-fmnist"))
    p.add_argument("--per-class", type=int, default=100)
    p.add_argument("--out", default=os.path.join(REPO, "src", "model", "__fixtures__", "lesion-resnet18.json"))
    p.add_argument("--data-dir", default=None)
    args = p.parse_args(argv)
    torch.set_num_threads(2)
    model, state = decode_weights(args.model_dir)
    meta = model["userDefinedMetadata"]
    size = int(meta["inputSize"])
    net = load_net(state, meta.get("arch", "resnet18"))
    xte, yte = data.load_splits(args.data_dir)["test"]
    k = args.per_class
    # interleaved by class: position p holds image p // 10 of class p % 10
    idx = torch.tensor([c * data.HELD_OUT_PER_CLASS + i for i in range(k) for c in range(10)])
    x = data.resize(data.to_float(xte[idx]), size)
    y = yte[idx]
    rows = []
    for path, stage, i in [(None, None, None)] + blocks(net):
        if stage is not None:
            intact = stage[i]
            stage[i] = Removed(intact)
        pred = predict(net, x)
        if stage is not None:
            stage[i] = intact
        rows.append({"removed": path, "correct": int((pred == y).sum()),
                     "predicted": [int(v) for v in pred]})
        print("%-6s %5.1f %%" % (path or "none", 100.0 * rows[-1]["correct"] / len(y)))
    write_json(args.out, {
        "description": "The shipped ResNet-18 in PyTorch (eval mode), intact and with each residual block "
                       "removed in turn (its output relu(shortcut(X))), on the first %d held-out images of "
                       "each class (per-class indices 6000-%d), interleaved by class: pixels/255, bilinear "
                       "resize to %dx%d (align_corners=False)." % (k, 6000 + k - 1, size, size),
        "generatedBy": "training/lesion_table.py (PyTorch %s)" % torch.__version__,
        "inputSize": size,
        "perClass": k,
        "images": len(y),
        "sha256": meta.get("sha256"),
        "labels": [int(v) for v in y],
        "rows": rows,
    })
    print("wrote %s" % args.out)


if __name__ == "__main__":
    main()

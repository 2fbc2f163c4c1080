"""PyTorch's logits for a few held-out images from an exported network, for the TypeScript tests.

    /usr/bin/python3 training/variant_golden.py public/models/resnet34-fmnist

Reads model.json + shards exactly as the page does (export.decode_weights), runs the network in
eval mode on the first PER_CLASS held-out images of each class (pixels / 255, bilinear resize to
the metadata's inputSize, align_corners=False) and writes src/model/__fixtures__/trained-<arch>.json:
the logits of every image and the predicted classes.  src/model/trainedVariants.test.ts holds the
TypeScript network to them.
"""
import argparse
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import data  # noqa: E402
from export import decode_weights, load_net  # noqa: E402
from golden import f32, write_json  # noqa: E402

PER_CLASS = 2


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model_dir")
    p.add_argument("--out", default=None, help="default: src/model/__fixtures__/trained-<arch>.json")
    p.add_argument("--data-dir", default=None)
    args = p.parse_args(argv)
    torch.set_num_threads(1)
    model, state = decode_weights(args.model_dir)
    meta = model["userDefinedMetadata"]
    arch, size = meta["arch"], int(meta["inputSize"])
    net = load_net(state, arch)
    xte, yte = data.load_splits(args.data_dir)["test"]
    idx = torch.cat([torch.arange(c * data.HELD_OUT_PER_CLASS, c * data.HELD_OUT_PER_CLASS + PER_CLASS)
                     for c in range(10)])
    with torch.no_grad():
        logits = net(data.resize(data.to_float(xte[idx]), size))
    out = args.out or os.path.join(REPO, "src", "model", "__fixtures__", "trained-%s.json" % arch)
    write_json(out, {
        "description": "%s from %s in PyTorch (eval mode) on the first %d held-out images of each class "
                       "(per-class indices 6000-%d, class by class): pixels/255, bilinear resize to %dx%d "
                       "(align_corners=False)." % (arch, os.path.basename(os.path.normpath(args.model_dir)),
                                                   PER_CLASS, 6000 + PER_CLASS - 1, size, size),
        "generatedBy": "training/variant_golden.py (PyTorch %s)" % torch.__version__,
        "arch": arch,
        "inputSize": size,
        "perClass": PER_CLASS,
        "sha256": meta.get("sha256"),
        "labels": [int(v) for v in yte[idx]],
        "predicted": [int(v) for v in logits.argmax(1)],
        "logits": [[f32(v) for v in row] for row in logits],
    })
    print("wrote %s" % out)


if __name__ == "__main__":
    main()

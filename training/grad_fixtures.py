"""PyTorch's answer for the race's training step, which the page's tfjs training is held to.

    /usr/bin/python3 training/grad_fixtures.py     # writes public/race/pytorch-check/ (about a minute)

For each network of NETWORKS (the race's plain and residual 6n + 2 CNNs, training/race.py's
``race_net``), with the page's own initialisation (``page_init``: the same numbers as
src/model/raceNet.ts ``createRaceNet``) and the page's first three batches (``batch_order``,
the same indices as src/explain/race/setup.ts ``batchIndices``) of the shipped data:

* the loss of the first batch, before any step;
* every parameter's gradient on that batch, in the page's variable order and tfjs's layouts
  (conv weights [kh, kw, c_in, c_out], linear weights [in, out]);
* the gradient norm of each main-path layer's weight (the 6n + 2 that the race probes);
* every parameter, and every batch norm's running statistics, after three steps of SGD with
  momentum (PyTorch's SGD with dampening 0 is tfjs's ``tf.train.momentum``: v = m v + g,
  w -= lr v; the first step starts from v = 0 in tfjs and from v = g in PyTorch, the same),
  batch norm on batch statistics (``model.train()``).

Computed in float64 from the float32 initial weights and images, stored as float32, with
denormals flushed. Tensors of more than SKETCH_ABOVE numbers are stored as SKETCH_ROWS random
projections instead (see ``sketch``), which keeps the files small: ‖S a − S b‖ estimates
‖a − b‖ to a few per cent, plenty to tell 1e-6 from 1e-4. src/explain/race/gradCheck.ts reads
the files; its tests (Node) and the race chapter's "Checked against PyTorch" (every browser
backend) compare with them.
"""
import argparse
import json
import os
import sys

import numpy as np
import torch
from torch.nn import functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from race import (TRAIN_COUNT, batch_order, load, page_init, page_layer_weights, page_layout,  # noqa: E402
                  page_parameters, page_statistics, race_net)

# (family, n, width, batch): the CPU budget's networks (width 4, batch 32) and the GPU budget's
# (width 8, batch 64); the recipe of src/explain/race/setup.ts.
NETWORKS = [(f, n, w, b) for (n, w, b) in ((1, 4, 32), (3, 4, 32), (1, 8, 64), (5, 8, 64)) for f in ("plain", "residual")]
RECIPE = {"learningRate": 0.05, "momentum": 0.9, "seed": 1}
STEPS = 3
SKETCH_ABOVE = 4096
SKETCH_ROWS = 256


def sketch_signs(rows, size):
    """±1 of row k, column i: murmur3's finaliser of i·0x9E3779B1 + k·0x85EBCA77 (mod 2^32), top bit.

    src/explain/race/gradCheck.ts ``sketchSign`` computes the same numbers.
    """
    m = 0xFFFFFFFF
    i = np.arange(size, dtype=np.uint64)[None, :]
    k = np.arange(rows, dtype=np.uint64)[:, None]
    x = (i * np.uint64(0x9E3779B1) + k * np.uint64(0x85EBCA77)) & np.uint64(m)
    x ^= x >> np.uint64(16)
    x = (x * np.uint64(0x85EBCA6B)) & np.uint64(m)
    x ^= x >> np.uint64(13)
    x = (x * np.uint64(0xC2B2AE35)) & np.uint64(m)
    x ^= x >> np.uint64(16)
    return np.where((x >> np.uint64(31)) == 1, -1.0, 1.0)


def sketch(v):
    """S v with S = signs / sqrt(rows): E‖S v‖² = ‖v‖², so ‖S a − S b‖ estimates ‖a − b‖."""
    return sketch_signs(SKETCH_ROWS, v.size) @ v / np.sqrt(SKETCH_ROWS)


class Writer:
    """Float32 values appended to one binary; each record says where they are."""

    def __init__(self):
        self.parts, self.at = [], 0

    def add(self, t):
        v = page_layout(t.detach()).contiguous().double().numpy().ravel()
        norm = float(np.linalg.norm(v))
        sketched = v.size > SKETCH_ABOVE
        stored = (sketch(v) if sketched else v).astype("<f4")
        record = {"norm": norm, "offset": self.at, "length": int(stored.size)}
        if sketched:
            record["sketch"] = True
        self.parts.append(stored.tobytes())
        self.at += stored.nbytes
        return record


def fixture(family, n, width, batch, data):
    xtr, ytr = data[0], data[1]
    # the page's images: float32 of byte / 255 (toBatch), here in float64
    images = xtr.double()
    net = page_init(race_net(family, n, width), RECIPE["seed"]).double()
    net.train()
    opt = torch.optim.SGD(net.parameters(), lr=RECIPE["learningRate"], momentum=RECIPE["momentum"])
    order = batch_order(TRAIN_COUNT, batch, STEPS, RECIPE["seed"])
    params = page_parameters(net)
    out = Writer()
    for step, idx in enumerate(order):
        loss = F.cross_entropy(net(images[idx]), ytr[idx])
        opt.zero_grad()
        loss.backward()
        if step == 0:
            first_loss = loss.item()
            grads = [out.add(p.grad) for _, p in params]
            norms = [float(w.grad.norm()) for w in page_layer_weights(net)]
        opt.step()
    after = [out.add(p) for _, p in params]
    stats = [dict(out.add(b), name=name) for name, b in page_statistics(net)]
    tensors = [{"name": name, "shape": list(page_layout(p).shape), "gradient": g, "after": a}
               for (name, p), g, a in zip(params, grads, after)]
    ident = "%s-%d-w%d" % (family, n, width)
    entry = {
        "id": ident, "spec": {"family": family, "n": n, "width": width}, "batch": batch,
        "batches": [list(map(int, b)) for b in order], "file": ident + ".bin", "bytes": out.at,
        "loss": first_loss, "largestGradientNorm": max(g["norm"] for g in grads),
        "layerGradientNorms": norms, "parameters": tensors, "statistics": stats,
    }
    return entry, b"".join(out.parts)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", default=os.path.join(REPO, "public", "race", "pytorch-check"))
    a = p.parse_args()
    torch.set_flush_denormal(True)
    torch.set_num_threads(1)
    data = load()
    os.makedirs(a.out, exist_ok=True)
    networks = []
    for family, n, width, batch in NETWORKS:
        entry, blob = fixture(family, n, width, batch, data)
        with open(os.path.join(a.out, entry["file"]), "wb") as f:
            f.write(blob)
        networks.append(entry)
        print("%s: loss %.6f, largest gradient norm %.4g, %d bytes" % (
            entry["id"], entry["loss"], entry["largestGradientNorm"], len(blob)), flush=True)
    index = {
        "source": "training/grad_fixtures.py, PyTorch %s, float64 stored as float32" % torch.__version__,
        "recipe": RECIPE, "steps": STEPS, "sketch": {"above": SKETCH_ABOVE, "rows": SKETCH_ROWS},
        "networks": networks,
    }
    with open(os.path.join(a.out, "index.json"), "w") as f:
        json.dump(index, f, separators=(",", ":"))
    print("wrote", a.out)


if __name__ == "__main__":
    main()

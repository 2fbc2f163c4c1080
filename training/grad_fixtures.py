"""PyTorch's answer for the race's training step, which the page's tfjs training is held to.

    /usr/bin/python3 training/grad_fixtures.py     # writes public/race/pytorch-check/ (about 4 minutes)

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
‖a − b‖ to a few per cent, plenty to tell 1e-6 from 1e-4.

Each stored number also gets its *float32 spread*: the farthest that SPREAD_RUNS float32 runs
of PyTorch land from the float64 answer, each from initial weights moved by a relative WOBBLE
(about one float32 rounding). The deeper networks are ill conditioned in float32: batch norm on
batch statistics amplifies rounding layer by layer, and a ReLU input within rounding of 0
switches sides, moving whole gradients by 1e-3 to 1e-2 relative (PyTorch's own float32
gradients of plain-3-w4 are up to 3e-2 from its float64 ones), and three steps of training
amplify that again. The check allows a multiple of the spread on top of its 1e-4 rule, so it
asks float32 to be as close as float32 can be. src/explain/race/gradCheck.ts reads
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

# (family, n, width, batch): the networks of every budget of src/explain/race/budgets.ts: width 4,
# batch 32 at n = 1, 3 (quick, short); width 8, batch 64 at n = 1, 5 (standard) and 9 (long);
# the recipe of src/explain/race/setup.ts.
NETWORKS = [(f, n, w, b) for (n, w, b) in ((1, 4, 32), (3, 4, 32), (1, 8, 64), (5, 8, 64), (9, 8, 64))
            for f in ("plain", "residual")]
RECIPE = {"learningRate": 0.05, "momentum": 0.9, "seed": 1}
STEPS = 3
SKETCH_ABOVE = 4096
SKETCH_ROWS = 256
# float32 runs that measure how far float32 arithmetic alone lands from the float64 answer
SPREAD_RUNS = 8
WOBBLE = 1e-7


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


def stored(t):
    """What the index stores of tensor ``t``: its values in tfjs's layout, or their sketch when large."""
    # a copy: numpy would otherwise share the tensor's memory, which the next steps overwrite
    v = page_layout(t.detach()).double().numpy().ravel().copy()
    return (sketch(v) if v.size > SKETCH_ABOVE else v), float(np.linalg.norm(v)), v.size > SKETCH_ABOVE


def train(family, n, width, batch, data, dtype=torch.float64, wobble=None):
    """Three steps of the page's recipe in ``dtype``: the loss, gradients and layer norms of the
    first batch, the parameters and running statistics after, as ``stored`` gives them.

    ``wobble``: a seed; every initial weight is then moved by about one float32 rounding
    (a relative WOBBLE·N(0, 1)) before training, as another float32 implementation's rounding would.
    """
    xtr, ytr = data[0], data[1]
    # the page's images: float32 of byte / 255 (toBatch)
    images = xtr.to(dtype)
    net = page_init(race_net(family, n, width), RECIPE["seed"]).double()
    if wobble is not None:
        g = torch.Generator().manual_seed(wobble)
        with torch.no_grad():
            for p in net.parameters():
                p.mul_(1 + WOBBLE * torch.randn(p.shape, generator=g, dtype=torch.float64))
    net = net.to(dtype)
    net.train()
    opt = torch.optim.SGD(net.parameters(), lr=RECIPE["learningRate"], momentum=RECIPE["momentum"])
    order = batch_order(TRAIN_COUNT, batch, STEPS, RECIPE["seed"])
    params = page_parameters(net)
    for step, idx in enumerate(order):
        loss = F.cross_entropy(net(images[idx]), ytr[idx])
        opt.zero_grad()
        loss.backward()
        if step == 0:
            first_loss = loss.item()
            grads = [stored(p.grad) for _, p in params]
            norms = [float(w.grad.double().norm()) for w in page_layer_weights(net)]
        opt.step()
    return {
        "order": order, "loss": first_loss, "grads": grads, "norms": norms,
        "after": [stored(p) for _, p in params], "stats": [stored(b) for _, b in page_statistics(net)],
        "names": [name for name, _ in params], "shapes": [list(page_layout(p).shape) for _, p in params],
        "statNames": [name for name, _ in page_statistics(net)],
    }


def fixture(family, n, width, batch, data):
    """The index entry and binary of one network: float64's answer, and how far float32 runs land from it."""
    ref = train(family, n, width, batch, data)
    others = [train(family, n, width, batch, data, torch.float32, wobble=k) for k in range(SPREAD_RUNS)]
    parts, at = [], 0

    largest = max(norm for _, norm, _ in ref["grads"])

    def record(key, i):
        nonlocal at
        v, norm, sketched = ref[key][i]
        spread = max(float(np.linalg.norm(o[key][i][0] - v)) for o in others)
        if key == "grads" and norm < 1e-12 * largest:
            # a gradient that is exactly 0 (a conv bias before batch norm): float32 PyTorch leaves
            # rounding there, which says nothing of how well conditioned the answer is
            spread = 0.0
        out = {"norm": norm, "offset": at, "length": int(v.size), "spread": spread}
        if sketched:
            out["sketch"] = True
        parts.append(v.astype("<f4").tobytes())
        at += 4 * v.size
        return out

    grads = [record("grads", i) for i in range(len(ref["grads"]))]
    after = [record("after", i) for i in range(len(ref["after"]))]
    stats = [dict(record("stats", i), name=name) for i, name in enumerate(ref["statNames"])]
    tensors = [{"name": name, "shape": shape, "gradient": g, "after": a}
               for name, shape, g, a in zip(ref["names"], ref["shapes"], grads, after)]
    ident = "%s-%d-w%d" % (family, n, width)
    entry = {
        "id": ident, "spec": {"family": family, "n": n, "width": width}, "batch": batch,
        "batches": [list(map(int, b)) for b in ref["order"]], "file": ident + ".bin", "bytes": at,
        "loss": ref["loss"], "lossSpread": max(abs(o["loss"] - ref["loss"]) for o in others),
        "largestGradientNorm": max(g["norm"] for g in grads),
        "layerGradientNorms": ref["norms"],
        "layerGradientNormSpreads": [max(abs(o["norms"][i] - b) for o in others) for i, b in enumerate(ref["norms"])],
        "parameters": tensors, "statistics": stats,
    }
    return entry, b"".join(parts)


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
        "spread": {"runs": SPREAD_RUNS, "wobble": WOBBLE},
        "networks": networks,
    }
    with open(os.path.join(a.out, "index.json"), "w") as f:
        json.dump(index, f, separators=(",", ":"))
    print("wrote", a.out)


if __name__ == "__main__":
    main()

"""The loss landscape (Li, Xu, Taylor, Studer and Goldstein, NeurIPS 2018) of the race's networks.

    nice -n 10 /usr/bin/python3 training/landscape.py fixture   # src/model/__fixtures__/landscape-points.json (seconds)
    nice -n 10 /usr/bin/python3 training/landscape.py deep      # public/race/landscape-56.json (about 5 min here as two processes, one per --families)
    /usr/bin/python3 training/landscape.py deep --steps 100 --grid 7 --out /tmp/l.json   # a quick look

The plane: the trained weights w plus a·δ + b·η for (a, b) in [-1, 1]², with δ and η two random
directions made as the page makes them (src/model/landscape.ts):

* Gaussian numbers from one mulberry32 seeded with ``seed``, by Box-Muller, one number per two
  draws: sqrt(-2 ln(1 - u1)) cos(2 pi u2); first δ, then η, each parameter in the page's order
  (``page_parameters``), each weight's numbers in PyTorch's own layout ([out, in, kh, kw],
  [out, in]); biases and batch norm's gamma and beta draw nothing and are 0 in the directions.
* Filter normalisation: each filter (one output channel's weights, PyTorch's ``w[j]``, tfjs's
  ``w[:, :, :, j]``; one output's row of a linear weight) is scaled to the norm of the weight's
  filter it perturbs. Computed in float64 from the float32 weights, stored as float32.

The loss is the mean cross-entropy of the first ``images`` training images of the shipped subset
(balanced over the classes), with batch norm's running statistics (``model.eval()``), as in the
paper's code.

``deep`` trains plain-56 and residual-56 (n = 9) with the race's long budget (width 8, batch 64,
600 steps, SGD lr 0.05, momentum 0.9, seed 1, PyTorch's default initialisation as in
training/race.py) and computes their surfaces. ``fixture`` evaluates fixed weights (the page's
own initialisation, ``page_init``, with running statistics drawn from a seed) along the page's
directions at a few points, which src/explain/landscape/pytorch.test.ts checks tfjs against.
"""
import argparse
import json
import math
import os
import sys
import time

import numpy as np
import torch
from torch.nn import functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from race import TRAIN_COUNT, batch_order, load, mulberry32, page_init, page_parameters, page_statistics, race_net  # noqa: E402

DIRECTION_SEED = 20
IMAGES = 256
FIXTURE_NETS = [("plain", 1, 4), ("residual", 1, 4), ("residual", 3, 4)]
FIXTURE_POINTS = [(0, 0), (1, -1), (0.5, 0.25), (-0.75, 1), (-1, -1), (0.1, -0.3)]


def is_direction_weight(name):
    """Conv and linear weights move; biases, gamma and beta stay (0 in the directions)."""
    return name.endswith(".weight")


def gaussian(nxt, size):
    out = np.empty(size, dtype=np.float64)
    for i in range(size):
        u1, u2 = nxt(), nxt()
        out[i] = math.sqrt(-2 * math.log(1 - u1)) * math.cos(2 * math.pi * u2)
    return out


def directions(net, seed=DIRECTION_SEED):
    """Two filter-normalised directions, {name: float32 tensor in PyTorch's layout}."""
    nxt = mulberry32(seed)
    out = []
    for _ in range(2):
        d = {}
        for name, p in page_parameters(net):
            if not is_direction_weight(name):
                d[name] = torch.zeros_like(p)
                continue
            w = p.detach().double().reshape(p.shape[0], -1)
            g = torch.from_numpy(gaussian(nxt, p.numel())).reshape(w.shape)
            g = g * (w.norm(dim=1, keepdim=True) / (g.norm(dim=1, keepdim=True) + 1e-10))
            d[name] = g.float().reshape(p.shape)
        out.append(d)
    return out


def surface(net, dirs, x, y, coords):
    """Loss at w + a δ + b η for every (a, b) in coords, eval mode; the weights are restored."""
    params = dict(page_parameters(net))
    base = {k: p.detach().clone() for k, p in params.items()}
    net.eval()
    losses = []
    with torch.no_grad():
        for a, b in coords:
            for k, p in params.items():
                p.copy_(base[k] + a * dirs[0][k] + b * dirs[1][k])
            losses.append(F.cross_entropy(net(x), y).item())
        for k, p in params.items():
            p.copy_(base[k])
    return losses


def fixture(a):
    xtr, ytr, _, _ = load()
    x, y = xtr[:IMAGES], ytr[:IMAGES]
    nets = []
    for family, n, width in FIXTURE_NETS:
        net = page_init(race_net(family, n, width), 1)
        nxt = mulberry32(7)
        with torch.no_grad():
            for name, s in page_statistics(net):
                vals = np.array([(2 * nxt() - 1) * 0.1 if name.endswith("runningMean") else 0.5 + nxt() for _ in range(s.numel())])
                s.copy_(torch.from_numpy(vals.astype(np.float32)))
        dirs = directions(net)
        norms = {k: [round(float(v.double().norm()), 6) for v in (dirs[0][k], dirs[1][k])] for k in dirs[0] if is_direction_weight(k)}
        losses = surface(net, dirs, x, y, FIXTURE_POINTS)
        nets.append({"family": family, "n": n, "width": width, "directionNorms": norms,
                     "points": [{"a": p[0], "b": p[1], "loss": l} for p, l in zip(FIXTURE_POINTS, losses)]})
        print(family, n, width, losses, flush=True)
    out = {"source": "training/landscape.py fixture, PyTorch %s, float32" % torch.__version__,
           "weights": "page_init(seed 1); running means U(-0.1, 0.1), variances U(0.5, 1.5) from mulberry32(7) in page_statistics order",
           "directionSeed": DIRECTION_SEED, "images": IMAGES, "nets": nets}
    path = a.out or os.path.join(REPO, "src", "model", "__fixtures__", "landscape-points.json")
    json.dump(out, open(path, "w"), indent=1)
    print("wrote", path)


def train(family, n, a, data):
    xtr, ytr, xva, yva = data
    torch.manual_seed(a.seed)
    net = race_net(family, n, a.width)
    opt = torch.optim.SGD(net.parameters(), lr=a.lr, momentum=a.momentum)
    t0 = time.time()
    for step, idx in enumerate(batch_order(TRAIN_COUNT, a.batch, a.steps, a.seed), 1):
        net.train()
        loss = F.cross_entropy(net(xtr[idx]), ytr[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
        if step % 50 == 0 or step == a.steps:
            print("%s-%d step %d loss %.3f  %.2f s/step" % (family, n, step, loss.item(), (time.time() - t0) / step), flush=True)
    net.eval()
    with torch.no_grad():
        acc = (net(xva).argmax(1) == yva).float().mean().item()
    return net, acc, time.time() - t0


def merge(a):
    """One file from the runs of several (two processes, one family each)."""
    files = [json.load(open(f)) for f in a.merge]
    # each run keeps its own grid and steps (a slow network may have been trained shorter, on a coarser grid)
    runs = [dict(r, size=r.get("size", f["grid"]["size"]), steps=r.get("steps", f["recipe"]["steps"])) for f in files for r in f["runs"]]
    out = dict(files[0], runs=runs)
    with open(a.out or os.path.join(REPO, "public", "race", "landscape-56.json"), "w") as f:
        json.dump(out, f, separators=(",", ":"))
    print("wrote", f.name)


def deep(a):
    if a.merge:
        return merge(a)
    data = load()
    x, y = data[0][:IMAGES], data[1][:IMAGES]
    axis = np.linspace(-1, 1, a.grid)
    coords = [(float(u), float(v)) for v in axis for u in axis]  # row-major: b (rows) outer, a inner
    out_path = a.out or os.path.join(REPO, "public", "race", "landscape-56.json")
    partial = os.path.join(HERE, "checkpoints", os.path.basename(out_path) + ".partial")
    os.makedirs(os.path.dirname(partial), exist_ok=True)
    runs = json.load(open(partial)) if os.path.exists(partial) and not a.fresh else []
    for family in a.families.split(","):
        if any(r["family"] == family for r in runs):
            continue
        net, acc, seconds = train(family, a.n, a, data)
        t0 = time.time()
        losses = surface(net, directions(net), x, y, coords)
        print("%s surface %.0f s" % (family, time.time() - t0), flush=True)
        runs.append({"family": family, "n": a.n, "depth": 6 * a.n + 2, "valAccuracy": round(acc, 4),
                     "trainSeconds": round(seconds), "size": a.grid, "steps": a.steps, "loss": [float("%.5g" % l) for l in losses]})
        json.dump(runs, open(partial, "w"))
    recipe = {k: getattr(a, k) for k in ("width", "steps", "batch", "lr", "momentum", "seed")}
    out = {"source": "training/landscape.py deep, PyTorch %s, CPU, %d thread(s), denormals flushed" % (torch.__version__, a.threads),
           "recipe": recipe, "directionSeed": DIRECTION_SEED, "images": IMAGES,
           "grid": {"size": a.grid, "min": -1, "max": 1}, "runs": runs}
    with open(out_path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    os.remove(partial)
    print("wrote", f.name)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("job", choices=["fixture", "deep"])
    p.add_argument("--n", type=int, default=9)
    p.add_argument("--width", type=int, default=8)
    p.add_argument("--steps", type=int, default=600)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--lr", type=float, default=0.05)
    p.add_argument("--momentum", type=float, default=0.9)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--grid", type=int, default=21)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--fresh", action="store_true", help="ignore a partial run")
    p.add_argument("--families", default="plain,residual", help="which networks (run them as two processes to use two cores)")
    p.add_argument("--merge", nargs="*", default=[], help="with deep: files of single families to merge into --out, instead of training")
    p.add_argument("--out")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_flush_denormal(True)
    fixture(a) if a.job == "fixture" else deep(a)


if __name__ == "__main__":
    main()

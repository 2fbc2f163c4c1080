"""The race chapter's reference run: plain and residual CNNs on the race's Fashion-MNIST subset.

    nice -n 10 /usr/bin/python3 training/race.py                      # writes src/explain/race/reference.json
    nice -n 10 /usr/bin/python3 training/race.py --width 4 --batch 32 --steps 600 --runs plain-1,residual-1,plain-3,residual-3 \
        --out src/explain/race/reference-cpu.json                      # the two smaller budgets' reference
    /usr/bin/python3 training/race.py --steps 300 --runs plain-1,plain-5,residual-5 --out /tmp/probe.json

The networks are the page's (src/model/raceNet.ts), after He et al. (2016), section 4.2: a
stem of 3x3 conv 1 -> w, batch norm, ReLU; three stages of n blocks at widths w, 2w, 4w
(28x28, 14x14, 7x7); global average pooling; linear to 10 classes; depth 6n + 2. The
residual network uses the notebook's ``Residual`` block (training/resnet.py), each stage change
``Residual(c, 2c, use_1x1conv=True, strides=2)``; the plain network is the same block
without ``Y += X`` and without ``conv3``.

Same data, order and recipe as the page (src/explain/race/setup.ts): the images of
public/race/fashion-mnist-subset.bin (written by ``npm run race-data``), /255, batches
drawn from a mulberry32-seeded shuffle of the training images each epoch, SGD with
momentum, batch norm on batch statistics while training (model.train()), validation
accuracy with running statistics (model.eval()). Initialisation: PyTorch's defaults with
``torch.manual_seed(seed)`` (the page draws the same distributions from mulberry32, so
the initial weights are not the same numbers).

Progress is checkpointed after every network (training/checkpoints/<out>.partial); rerunning resumes.
"""
import argparse
import json
import math
import os
import sys
import time

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from resnet import Residual  # noqa: E402

DATA_FILE = os.path.join(REPO, "public", "race", "fashion-mnist-subset.bin")
TRAIN_COUNT, VAL_COUNT, PIXELS = 4000, 1000, 784


def mulberry32(seed):
    a = seed & 0xFFFFFFFF

    def imul(x, y):
        return (x * y) & 0xFFFFFFFF

    def nxt():
        nonlocal a
        a = (a + 0x6D2B79F5) & 0xFFFFFFFF
        t = a
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296.0

    return nxt


def batch_order(count, batch, steps, seed):
    """The page's batches (src/explain/race/setup.ts batchIndices): Fisher-Yates per epoch."""
    rnd = mulberry32(seed)
    out, perm = [], []
    while len(out) < steps:
        if len(perm) < batch:
            p = list(range(count))
            for i in range(count - 1, 0, -1):
                j = int(rnd() * (i + 1))
                p[i], p[j] = p[j], p[i]
            perm = p
        out.append(perm[:batch])
        perm = perm[batch:]
    return out


class PlainBlock(nn.Module):
    """The notebook's Residual without Y += X and without conv3."""

    def __init__(self, input_channels, num_channels, strides=1):
        super().__init__()
        self.conv1 = nn.Conv2d(input_channels, num_channels, kernel_size=3, padding=1, stride=strides)
        self.conv2 = nn.Conv2d(num_channels, num_channels, kernel_size=3, padding=1)
        self.bn1 = nn.BatchNorm2d(num_channels)
        self.bn2 = nn.BatchNorm2d(num_channels)

    def forward(self, X):
        Y = F.relu(self.bn1(self.conv1(X)))
        return F.relu(self.bn2(self.conv2(Y)))


def race_net(family, n, w):
    layers = [nn.Conv2d(1, w, kernel_size=3, padding=1), nn.BatchNorm2d(w), nn.ReLU()]
    c = w
    for stage in range(3):
        out = w * 2 ** stage
        for i in range(n):
            change = stage > 0 and i == 0
            if family == "residual":
                layers.append(Residual(c, out, use_1x1conv=change, strides=2 if change else 1))
            else:
                layers.append(PlainBlock(c, out, strides=2 if change else 1))
            c = out
    layers += [nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(), nn.Linear(c, 10)]
    return nn.Sequential(*layers)


def page_modules(net):
    """The network's stem conv, blocks and linear layer (``race_net``'s Sequential, by position)."""
    return net[0], net[1], list(net)[3:-3], net[-1]


def page_init(net, seed):
    """The page's initialisation (src/model/raceNet.ts ``createRaceNet``), number for number.

    PyTorch's default distributions, U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for every weight and
    bias, drawn from one mulberry32 in the page's order (stem conv, then each block's conv1,
    conv2, conv3, then the linear layer; weight before bias, weights in PyTorch's own layout)
    and rounded to float32 as the page's Float32Array does. Batch norm keeps PyTorch's
    defaults (gamma 1, beta 0), as on the page.
    """
    rnd = mulberry32(seed)
    stem, _, blocks, linear = page_modules(net)
    layers = [stem] + [c for b in blocks for c in (b.conv1, b.conv2, getattr(b, "conv3", None)) if c is not None]
    with torch.no_grad():
        for layer in layers + [linear]:
            bound = 1 / math.sqrt(layer.weight[0].numel())
            for p in (layer.weight, layer.bias):
                values = np.array([(2 * rnd() - 1) * bound for _ in range(p.numel())], dtype=np.float64)
                p.copy_(torch.from_numpy(values.astype(np.float32).reshape(p.shape)))
    return net


def page_parameters(net):
    """(name, parameter) in the page's variable order (src/model/raceNet.ts ``raceNamedParameters``)."""
    stem, stem_bn, blocks, linear = page_modules(net)
    out = [("stem.conv.weight", stem.weight), ("stem.conv.bias", stem.bias),
           ("stem.bn.gamma", stem_bn.weight), ("stem.bn.beta", stem_bn.bias)]
    for i, b in enumerate(blocks):
        for part, m in (("conv1", b.conv1), ("bn1", b.bn1), ("conv2", b.conv2), ("bn2", b.bn2),
                        ("conv3", getattr(b, "conv3", None))):
            if m is None:
                continue
            names = ("weight", "bias") if part.startswith("conv") else ("gamma", "beta")
            out += [("blocks.%d.%s.%s" % (i, part, names[0]), m.weight), ("blocks.%d.%s.%s" % (i, part, names[1]), m.bias)]
    return out + [("linear.weight", linear.weight), ("linear.bias", linear.bias)]


def page_statistics(net):
    """(name, buffer) of every batch norm's running statistics, in the page's order."""
    stem, stem_bn, blocks, linear = page_modules(net)
    bns = [("stem.bn", stem_bn)] + [("blocks.%d.%s" % (i, k), getattr(b, k)) for i, b in enumerate(blocks) for k in ("bn1", "bn2")]
    return [(n + "." + k, getattr(bn, attr)) for n, bn in bns for k, attr in (("runningMean", "running_mean"), ("runningVar", "running_var"))]


def page_layer_weights(net):
    """The weight of each main-path layer (6n + 2), as src/model/raceNet.ts ``raceLayerWeights`` lists them."""
    stem, _, blocks, linear = page_modules(net)
    return [stem.weight] + [w for b in blocks for w in (b.conv1.weight, b.conv2.weight)] + [linear.weight]


def page_layout(t):
    """A PyTorch tensor in tfjs's layout: conv weights [kh, kw, c_in, c_out], linear weights [in, out]."""
    if t.dim() == 4:
        return t.permute(2, 3, 1, 0)
    return t.t() if t.dim() == 2 else t


def load():
    raw = np.fromfile(DATA_FILE, dtype=np.uint8)
    at = 0

    def take(n):
        nonlocal at
        part = raw[at:at + n]
        at += n
        return part

    xtr = torch.from_numpy(take(TRAIN_COUNT * PIXELS).astype(np.float32) / 255).reshape(-1, 1, 28, 28)
    ytr = torch.from_numpy(take(TRAIN_COUNT).astype(np.int64))
    xva = torch.from_numpy(take(VAL_COUNT * PIXELS).astype(np.float32) / 255).reshape(-1, 1, 28, 28)
    yva = torch.from_numpy(take(VAL_COUNT).astype(np.int64))
    return xtr, ytr, xva, yva


def train_one(family, n, a, data):
    xtr, ytr, xva, yva = data
    torch.manual_seed(a.seed)
    net = race_net(family, n, a.width)
    opt = torch.optim.SGD(net.parameters(), lr=a.lr, momentum=a.momentum)
    order = batch_order(TRAIN_COUNT, a.batch, a.steps, a.seed)
    losses, val = [], []
    t0 = time.time()
    for step, idx in enumerate(order, 1):
        net.train()
        loss = F.cross_entropy(net(xtr[idx]), ytr[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(round(loss.item(), 4))
        if step % a.eval_every == 0 or step == a.steps:
            net.eval()
            with torch.no_grad():
                acc = (net(xva).argmax(1) == yva).float().mean().item()
            val.append([step, round(acc, 4)])
            print("%s-%d step %d loss %.3f (mean of last 50 %.3f) val %.3f  %.2f s/step" % (
                family, n, step, loss.item(), np.mean(losses[-50:]), acc, (time.time() - t0) / step), flush=True)
    return {"family": family, "n": n, "depth": 6 * n + 2, "loss": losses, "val": val,
            "secondsPerStep": round((time.time() - t0) / a.steps, 4)}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", default="plain-1,residual-1,plain-3,residual-3,plain-5,residual-5,plain-9,residual-9")
    p.add_argument("--width", type=int, default=8)
    p.add_argument("--steps", type=int, default=900)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--lr", type=float, default=0.05)
    p.add_argument("--momentum", type=float, default=0.9)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--eval-every", type=int, default=50)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--out", default=os.path.join(REPO, "src", "explain", "race", "reference.json"))
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    # without this, denormal floats make PyTorch 5-20x slower and its step times erratic
    torch.set_flush_denormal(True)
    data = load()
    partial = os.path.join(HERE, "checkpoints", os.path.basename(a.out) + ".partial")
    os.makedirs(os.path.dirname(partial), exist_ok=True)
    done = json.load(open(partial)) if os.path.exists(partial) else []
    for run in a.runs.split(","):
        family, n = run.split("-")
        if any(r["family"] == family and r["n"] == int(n) for r in done):
            continue
        done.append(train_one(family, int(n), a, data))
        json.dump(done, open(partial, "w"))
    recipe = {k: getattr(a, k) for k in ("width", "steps", "batch", "lr", "momentum", "seed", "eval_every")}
    source = "training/race.py, PyTorch %s, CPU, %d thread(s), denormals flushed" % (torch.__version__, a.threads)
    out = {"source": source, "recipe": recipe, "runs": done}
    with open(a.out, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    os.remove(partial)
    print("wrote", a.out)


if __name__ == "__main__":
    main()

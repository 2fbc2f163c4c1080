"""Fixtures for the variants (ResNet-18 ... 152, pre-activation), computed by real PyTorch.

    /usr/bin/python3 training/variants_table.py

writes two files under src/model/__fixtures__/:

``variants-table.json``  for each variant: every state_dict key with its shape (PyTorch's
    order, without num_batches_tracked), the learned parameters (sum of p.numel()), the
    multiply-adds of every Conv2d and Linear at (1, 1, 224, 224) counted by forward hooks
    from the shapes PyTorch produced (N*C_out*H_out*W_out*C_in*k*k, N*in*out), per
    top-level layer and in total, and the lines the notebook's cell 9 prints.

``variants-random.json`` for each variant, a forward of the network initialised as the
    app initialises it (``init_like_app``: PyTorch's default init drawn from the app's
    seeded mulberry32 in state_dict order) on a seeded (1, 1, 32, 32) input: each stage's
    per-channel means and first values, and the logits. No weights are stored.
"""
import contextlib
import io
import json
import os

import numpy as np
import torch
from torch import nn

import resnet

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "model", "__fixtures__")


def mulberry32(seed):
    """The app's src/model/random.ts, bit for bit: numbers in [0, 1)."""
    a = seed & 0xFFFFFFFF

    def imul(x, y):
        return (x * y) & 0xFFFFFFFF

    def nxt():
        nonlocal a
        a = (a + 0x6D2B79F5) & 0xFFFFFFFF
        t = a
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return nxt


def uniform_array(size, seed):
    """The app's uniformArray / randomInput: torch.rand from the seeded generator."""
    nxt = mulberry32(seed)
    return np.array([nxt() for _ in range(size)], dtype=np.float64).astype(np.float32)


@torch.no_grad()
def init_like_app(net, seed):
    """The app's init.ts: conv and linear U(-1/sqrt(fan_in), 1/sqrt(fan_in)), BN 1, 0, 0, 1."""
    nxt = mulberry32(seed)
    state = net.state_dict()
    fan_in = {}
    for key, t in state.items():
        if key.endswith("num_batches_tracked"):
            continue
        layer, param = key.rsplit(".", 1)
        module = net.get_submodule(layer)
        if isinstance(module, nn.BatchNorm2d):
            t.fill_(1.0 if param in ("weight", "running_var") else 0.0)
            continue
        if param == "weight":
            fan_in[layer] = int(np.prod(t.shape[1:]))
        bound = 1 / np.sqrt(fan_in[layer])
        vals = np.array([(2 * nxt() - 1) * bound for _ in range(t.numel())], dtype=np.float64)
        t.copy_(torch.from_numpy(vals.astype(np.float32)).reshape(t.shape))


@torch.no_grad()
def table_row(name):
    net = resnet.resnet(name).eval()
    keys = [[k, list(t.shape)] for k, t in net.state_dict().items() if not k.endswith("num_batches_tracked")]
    macs = {"current": 0}

    def hook(m, inp, out):
        if isinstance(m, nn.Conv2d):
            k = m.kernel_size[0] * m.kernel_size[1]
            macs["current"] += out.numel() * m.in_channels * k
        elif isinstance(m, nn.Linear):
            macs["current"] += inp[0].shape[0] * m.in_features * m.out_features

    for m in net.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            m.register_forward_hook(hook)
    x = torch.rand(1, 1, 224, 224)
    top = []
    buf = io.StringIO()
    resnet.print_shapes(True)
    with contextlib.redirect_stdout(buf):
        for i, layer in enumerate(net):
            macs["current"] = 0
            x = layer(x)
            print(layer.__class__.__name__, "output shape:\t", x.shape)
            top.append({"index": i, "params": sum(p.numel() for p in layer.parameters()),
                        "multiplyAdds": macs["current"]})
    resnet.print_shapes(False)
    return {
        "params": sum(p.numel() for p in net.parameters()),
        "multiplyAdds": sum(t["multiplyAdds"] for t in top),
        "topLevel": top,
        "prints": buf.getvalue().rstrip("\n").split("\n"),
        "stateDict": keys,
    }


def r(v):
    return float("%.8g" % float(v))


@torch.no_grad()
def random_forward(name, seed=0, input_seed=0, size=32):
    net = resnet.resnet(name).eval()
    init_like_app(net, seed)
    x = torch.from_numpy(uniform_array(size * size, input_seed)).reshape(1, 1, size, size)
    stages = {}
    for i, layer in enumerate(net):
        x = layer(x)
        if 0 <= i <= 4:
            stages["b%d" % (i + 1)] = {
                "shape": list(x.shape),
                "channelMeans": [r(v) for v in x.mean(dim=(0, 2, 3))],
                "first": [r(v) for v in x.flatten()[:16]],
            }
    return {"seed": seed, "inputSeed": input_seed, "inputShape": [1, 1, size, size], "stages": stages,
            "logits": [r(v) for v in x.flatten()]}


def main():
    torch.manual_seed(0)
    table = {name: table_row(name) for name in resnet.ARCHITECTURES}
    rand = {name: random_forward(name) for name in resnet.ARCHITECTURES}
    for fname, obj in [("variants-table.json", table), ("variants-random.json", rand)]:
        path = os.path.join(OUT, fname)
        with open(path, "w") as f:
            json.dump({"generatedBy": "training/variants_table.py (PyTorch %s)" % torch.__version__, **obj}, f,
                      separators=(",", ":"))
        print(path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()

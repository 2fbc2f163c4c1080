"""Golden fixtures for the TypeScript parity tests, computed by PyTorch from the shipped weights.

``golden_trace`` records every traced node of ResNet-18 on fixed inputs (shape, sum, sum of
squares, sampled values) and the logits; ``golden_block`` records one ``Residual`` block with
seeded weights in full. ``export.py`` calls both after writing the weights.
"""
import json
import os

import numpy as np
import torch
from torch.nn import functional as F

import data
import resnet

def f32(v):
    """A Python float that round-trips the float32 value v, written with <= 9 digits."""
    return float("%.9g" % float(v))


def sig(v, digits=10):
    return float("%.*g" % (digits, float(v)))


# ---------------------------------------------------------------- tracing

@torch.no_grad()
def trace(net, x):
    """Run the seed's forward step by step; return [(path, tensor)] and the logits."""
    nodes = [("input", x.clone())]
    b1 = net[0]
    names = ["conv", "bn", "relu", "maxpool"]
    for name, layer in zip(names, b1):
        x = layer(x)
        nodes.append(("b1." + name, x.clone()))
    for k in range(1, 5):
        for i, blk in enumerate(net[k]):
            p = "b%d.%d." % (k + 1, i)
            X = x
            Y = blk.conv1(X); nodes.append((p + "conv1", Y.clone()))
            Y = blk.bn1(Y); nodes.append((p + "bn1", Y.clone()))
            Y = F.relu(Y); nodes.append((p + "relu", Y.clone()))
            Y = blk.conv2(Y); nodes.append((p + "conv2", Y.clone()))
            Y = blk.bn2(Y); nodes.append((p + "bn2", Y.clone()))
            if blk.conv3:
                X = blk.conv3(X); nodes.append((p + "conv3", X.clone()))
            Y += X; nodes.append((p + "add", Y.clone()))
            x = F.relu(Y); nodes.append((p + "relu2", x.clone()))
    x = net[5](x); nodes.append(("pool", x.clone()))
    x = net[6](x); nodes.append(("flatten", x.clone()))
    x = net[7](x); nodes.append(("linear", x.clone()))
    return nodes, x


def write_json(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(obj, f, ensure_ascii=False, separators=(",", ":"))
    return os.path.getsize(path)


@torch.no_grad()
def golden_trace(net, splits, size, path):
    xte, yte = splits["test"]
    inputs = []
    for c in range(3):
        j = c * data.HELD_OUT_PER_CLASS  # first held-out image of class c (per-class index 6000)
        px = xte[j:j + 1]
        assert int(yte[j]) == c
        inputs.append({
            "name": "heldout-class%d-index6000" % c,
            "description": "first held-out image of class %d (%s): index 6000 of %d.json after dropping "
                           "entries whose length is not 784; pixels/255 then bilinear resize to %dx%d "
                           "(align_corners=False)" % (c, data.CLASS_NAMES[c], c, size, size),
            "label": c,
            "pixels28": [int(v) for v in px.flatten()],
            "x": data.resize(data.to_float(px), size),
        })
    torch.manual_seed(0)
    xr = torch.rand(1, 1, size, size)
    inputs.append({
        "name": "rand-seed0",
        "description": "torch.manual_seed(0); torch.rand(1, 1, %d, %d), used as is (no resize)" % (size, size),
        "label": None,
        "values": [f32(v) for v in xr.flatten()],
        "x": xr,
    })
    node_info, out_inputs = None, []
    for inp in inputs:
        nodes, logits = trace(net, inp.pop("x"))
        assert torch.allclose(logits, net(nodes[0][1]), atol=1e-5)
        if node_info is None:
            node_info = []
            for n, (pth, t) in enumerate(nodes):
                rng = np.random.RandomState(1000 + n)
                k = min(32, t.numel())
                idx = np.sort(rng.choice(t.numel(), k, replace=False))
                node_info.append({"path": pth, "shape": list(t.shape), "sampleIndices": [int(i) for i in idx]})
        tr = []
        for info, (pth, t) in zip(node_info, nodes):
            assert info["path"] == pth and info["shape"] == list(t.shape)
            flat = t.flatten().double()
            tr.append({"path": pth, "sum": sig(flat.sum()), "sumSq": sig((flat * flat).sum()),
                       "samples": [f32(flat[i]) for i in info["sampleIndices"]]})
        inp["trace"] = tr
        inp["logits"] = [f32(v) for v in logits.flatten()]
        inp["predicted"] = int(logits.argmax())
        out_inputs.append(inp)
    obj = {
        "description": "Golden trace of the shipped ResNet-18 (weights decoded from public/models/"
                       "resnet18-fmnist exactly like tf.io.decodeWeights), PyTorch eval mode, batch 1. "
                       "For every node: NCHW shape, float64 sum and sum of squares of all elements, "
                       "and float32 values at fixed flat NCHW indices (sampleIndices, seeded RNG).",
        "generatedBy": "training/export.py (PyTorch %s)" % torch.__version__,
        "inputSize": size,
        "bnEps": 1e-5,
        "nodes": node_info,
        "inputs": out_inputs,
    }
    return write_json(path, obj)


@torch.no_grad()
def golden_block(path):
    torch.manual_seed(0)
    blk = resnet.Residual(3, 6, use_1x1conv=True, strides=2)
    g = torch.Generator().manual_seed(1)
    for bn in (blk.bn1, blk.bn2):
        bn.weight.copy_(0.5 + torch.rand(6, generator=g))
        bn.bias.copy_(torch.randn(6, generator=g) * 0.2)
        bn.running_mean.copy_(torch.randn(6, generator=g) * 0.3)
        bn.running_var.copy_(0.5 + torch.rand(6, generator=g))
    blk.eval()
    X = torch.randn(2, 3, 6, 6, generator=g)

    def tj(t):
        return {"shape": list(t.shape), "data": [f32(v) for v in t.flatten()]}

    inter = {}
    Y = blk.conv1(X); inter["conv1"] = tj(Y)
    Y = blk.bn1(Y); inter["bn1"] = tj(Y)
    Y = F.relu(Y); inter["relu"] = tj(Y)
    Y = blk.conv2(Y); inter["conv2"] = tj(Y)
    Y = blk.bn2(Y); inter["bn2"] = tj(Y)
    Xs = blk.conv3(X); inter["conv3"] = tj(Xs)
    Y += Xs; inter["add"] = tj(Y)
    out = F.relu(Y); inter["relu2"] = tj(out)
    assert torch.allclose(out, blk(X))
    obj = {
        "description": "Residual(3, 6, use_1x1conv=True, strides=2), torch.manual_seed(0) weights, BN "
                       "weight/bias/running_mean/running_var set from torch.Generator seed 1, eval mode, "
                       "input torch.randn(2, 3, 6, 6) from the same generator. Tensors are flat NCHW "
                       "(weights in PyTorch layout: conv OIHW).",
        "generatedBy": "training/export.py (PyTorch %s)" % torch.__version__,
        "config": {"input_channels": 3, "num_channels": 6, "use_1x1conv": True, "strides": 2},
        "bnEps": blk.bn1.eps,
        "weights": {k: tj(v.float()) for k, v in blk.state_dict().items() if not k.endswith("num_batches_tracked")},
        "input": tj(X),
        "intermediates": inter,
        "output": tj(out),
    }
    return write_json(path, obj)

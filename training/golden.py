"""Golden fixtures for the TypeScript parity tests, computed by PyTorch from the shipped weights.

``golden_trace`` records every traced node of ResNet-18 on fixed inputs (shape, sum, sum of
squares, sampled values) and the logits; ``golden_stages`` writes the whole output of each stage
(the input, b1 ... b5, the pooling, the linear layer) as float32 binaries for two of those inputs;
``golden_eval`` counts PyTorch's correct answers on a fixed class-balanced subset of the held-out
split (``golden_trace`` writes those two beside golden-trace.json); ``golden_block`` records one
``Residual`` block with seeded weights in full. ``export.py`` calls ``golden_trace`` and
``golden_block`` after writing the weights; run this file alone to regenerate the stage and
accuracy fixtures from the shipped weights (no checkpoint needed):

    /usr/bin/python3 training/golden.py
"""
import argparse
import json
import os
import sys

import numpy as np
import torch
from torch.nn import functional as F

import data
import resnet
from weights_io import decode_weights, load_net


def f32(v):
    """A Python float that round-trips the float32 value v, written with <= 9 digits."""
    return float("%.9g" % float(v))


def sig(v, digits=10):
    return float("%.*g" % (digits, float(v)))


# ---------------------------------------------------------------- tracing

@torch.no_grad()
def trace(net, x):
    """Run the notebook's forward step by step; return [(path, tensor)] and the logits."""
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


def trace_inputs(splits, size):
    """The fixture inputs: the first held-out image of classes 0, 1 and 2, and the seeded random input.

    Each is a dict with its name, description, label, the values a TypeScript test rebuilds it
    from (``pixels28`` or ``values``) and the (1, 1, size, size) tensor ``x``.
    """
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
    return inputs


@torch.no_grad()
def golden_trace(net, splits, size, path):
    """Write golden-trace.json to ``path`` and, beside it, the whole-stage and accuracy fixtures.

    Returns the size of golden-trace.json.
    """
    d = os.path.dirname(path)
    golden_stages(net, splits, size, os.path.join(d, "golden-stages.json"), os.path.join(d, "golden-stages.bin"))
    golden_eval(net, splits, size, os.path.join(d, "golden-eval.json"))
    inputs = trace_inputs(splits, size)
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


# ---------------------------------------------------------------- whole stages

# each stage of the notebook's nn.Sequential, with the traced node (TypeScript path) that ends it
STAGES = [("input", "input"), ("b1", "b1.maxpool"), ("b2", "b2.1.relu2"), ("b3", "b3.1.relu2"),
          ("b4", "b4.1.relu2"), ("b5", "b5.1.relu2"), ("pool", "pool"), ("linear", "linear")]
STAGE_INPUTS = ("heldout-class0-index6000", "rand-seed0")


@torch.no_grad()
def stage_outputs(net, x):
    """[(stage, tensor)]: the input, then the output of net[0] ... net[4], the pooling and the linear layer."""
    out = [("input", x)]
    for k, name in enumerate(["b1", "b2", "b3", "b4", "b5", "pool"]):
        x = net[k](x)
        out.append((name, x))
    x = net[7](net[6](x))
    out.append(("linear", x))
    return out


@torch.no_grad()
def golden_stages(net, splits, size, json_path, bin_path):
    """Every stage's whole output, float32 little-endian NCHW, for two fixture inputs.

    ``bin_path`` holds, for each input in turn, each stage in turn; ``json_path`` says where.
    The input itself is the first stage, so a test can feed PyTorch's exact input tensor.
    """
    chunks, index, offset = [], [], 0
    shapes = None
    for inp in trace_inputs(splits, size):
        if inp["name"] not in STAGE_INPUTS:
            continue
        outs = stage_outputs(net, inp["x"])
        assert torch.allclose(outs[-1][1], net(inp["x"]), atol=1e-5)
        got = [(name, list(t.shape)) for name, t in outs]
        assert shapes is None or shapes == got
        shapes = got
        index.append({"name": inp["name"], "label": inp["label"], "offset": offset})
        for _, t in outs:
            b = t.detach().float().contiguous().numpy().astype("<f4").tobytes()
            chunks.append(b)
            offset += len(b)
    with open(bin_path, "wb") as f:
        f.write(b"".join(chunks))
    obj = {
        "description": "Whole outputs of each stage of the shipped ResNet-18 (weights decoded from "
                       "public/models/resnet18-fmnist like tf.io.decodeWeights), PyTorch eval mode, batch 1. "
                       "%s holds, for each input in turn (at its byte offset), each stage in turn as "
                       "float32 little-endian NCHW. 'node' is the traced path that ends the stage."
                       % os.path.basename(bin_path),
        "generatedBy": "training/golden.py (PyTorch %s)" % torch.__version__,
        "inputSize": size,
        "file": os.path.basename(bin_path),
        "stages": [{"name": n, "node": node, "shape": shp} for (n, node), (_, shp) in zip(STAGES, shapes)],
        "inputs": index,
    }
    write_json(json_path, obj)
    return offset


# ---------------------------------------------------------------- accuracy on a fixed subset

EVAL_PER_CLASS = 20


@torch.no_grad()
def golden_eval(net, splits, size, path, per_class=EVAL_PER_CLASS):
    """PyTorch's answers on the first ``per_class`` held-out images of each class (class-balanced)."""
    xte, yte = splits["test"]
    idx = torch.cat([torch.arange(c * data.HELD_OUT_PER_CLASS, c * data.HELD_OUT_PER_CLASS + per_class)
                     for c in range(10)])
    x, y = xte[idx], yte[idx]
    logits = net(data.resize(data.to_float(x), size))
    pred = logits.argmax(1)
    top2 = logits.topk(2, dim=1).values
    obj = {
        "description": "The shipped weights in PyTorch (eval mode) on the first %d held-out images of each "
                       "class (per-class indices 6000-%d, %d images, class by class): pixels/255, bilinear "
                       "resize to %dx%d (align_corners=False), batch of all images."
                       % (per_class, 6000 + per_class - 1, len(y), size, size),
        "generatedBy": "training/golden.py (PyTorch %s)" % torch.__version__,
        "inputSize": size,
        "perClass": per_class,
        "images": len(y),
        "correct": int((pred == y).sum()),
        "predicted": [int(p) for p in pred],
        # the smallest gap between the top two logits: how far a correct tfjs run may drift
        # before an answer could flip
        "smallestTop2Gap": f32((top2[:, 0] - top2[:, 1]).min()),
    }
    return write_json(path, obj)


# ---------------------------------------------------------------- main

def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    p = argparse.ArgumentParser(description="Regenerate the golden fixtures from the shipped weights.")
    p.add_argument("--weights-dir", default=os.path.join(repo, "public", "models", "resnet18-fmnist"))
    p.add_argument("--fixtures-dir", default=os.path.join(repo, "src", "model", "__fixtures__"))
    p.add_argument("--data-dir", default=None)
    p.add_argument("--all", action="store_true",
                   help="also rewrite golden-trace.json and golden-block.json (export.py writes them)")
    args = p.parse_args(argv)
    torch.set_num_threads(2)
    sys.path.insert(0, here)
    model, state = decode_weights(args.weights_dir)
    net = load_net(state)
    size = int(model["userDefinedMetadata"]["inputSize"])
    splits = data.load_splits(args.data_dir)
    write_all(net, splits, size, args.fixtures_dir, trace_and_block=args.all)


def write_all(net, splits, size, fixtures_dir, trace_and_block=True):
    """Write the golden fixtures of the shipped network into ``fixtures_dir``; print their sizes.

    ``trace_and_block=False`` writes only the stage and accuracy fixtures.
    """
    d = fixtures_dir
    if trace_and_block:
        golden_trace(net, splits, size, os.path.join(d, "golden-trace.json"))
        golden_block(os.path.join(d, "golden-block.json"))
    else:
        golden_stages(net, splits, size, os.path.join(d, "golden-stages.json"), os.path.join(d, "golden-stages.bin"))
        golden_eval(net, splits, size, os.path.join(d, "golden-eval.json"))
    names = sorted(n for n in os.listdir(d) if n.startswith("golden-"))
    print("fixtures: " + ", ".join("%s %d bytes" % (n, os.path.getsize(os.path.join(d, n))) for n in names))


if __name__ == "__main__":
    main()

"""What does the notebook's ``Y += X`` do for a given Residual configuration and input shape?

Runs the real ``Residual`` module (the notebook's forward, shape prints off) on ~30
configurations and records, for each, whether it works (and the output shape) or
the exact PyTorch exception message and the statement where it was raised:
``construct`` (Residual(...) itself), ``conv1``, ``bn1``, ``relu``, ``conv2``, ``bn2``,
``conv3``, ``add`` (``Y += X``) or ``relu2`` (the final ``F.relu(Y)``).

Modules are used as freshly constructed, i.e. in training mode, exactly like the
notebook's cell ``blk = Residual(3,3); Y = blk(X)`` (so BatchNorm uses batch statistics
and needs more than one value per channel); a few entries run in eval mode.

    /usr/bin/python3 training/broadcast_table.py   # writes src/explain/__fixtures__/pytorch-add-outcomes.json
"""
import json
import warnings
import os
import sys

import torch
from torch.nn import functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import resnet  # noqa: E402

OUT = os.path.join(REPO, "src", "explain", "__fixtures__", "pytorch-add-outcomes.json")

# (input shape N,C,H,W ; input_channels, num_channels, use_1x1conv, strides [, mode] ; note)
CASES = [
    ((4, 3, 6, 6), (3, 3, False, 1), "seed cell 3: identity shortcut, shapes equal"),
    ((4, 3, 6, 6), (3, 6, True, 2), "book: 1x1 conv shortcut halves H, W and changes channels"),
    ((4, 3, 6, 6), (3, 6, False, 1), "more channels without the 1x1 conv: Y has 6 channels, X has 3"),
    ((4, 3, 6, 6), (3, 3, False, 2), "stride 2 without the 1x1 conv: Y is 3x3, X is 6x6"),
    ((4, 3, 6, 6), (3, 6, False, 2), "both channels and size differ; the first mismatch reported is channels"),
    ((4, 3, 6, 6), (3, 6, True, 1), "1x1 conv only changes channels"),
    ((4, 3, 6, 6), (3, 3, True, 1), "1x1 conv on the shortcut although not needed"),
    ((4, 3, 6, 6), (3, 3, True, 2), "1x1 conv with stride 2, same channels"),
    ((4, 3, 7, 7), (3, 6, True, 2), "odd size: 7 -> 4 in both branches"),
    ((2, 3, 6, 6), (3, 6, True, 3), "stride 3: 6 -> 2 in both branches"),
    ((1, 64, 8, 8), (64, 128, True, 2), "first block of b3"),
    ((1, 64, 8, 8), (64, 64, False, 1), "a block of b2"),
    ((2, 1, 5, 5), (1, 4, False, 1), "broadcast success: X has 1 channel, broadcast over Y's 4 channels"),
    ((2, 1, 1, 1), (1, 4, False, 2), "broadcast success: 1x1 input stays 1x1 with stride 2, channels broadcast"),
    ((2, 1, 1, 1), (1, 3, False, 1), "broadcast success over channels on a 1x1 input"),
    ((2, 3, 1, 1), (3, 3, False, 2), "stride 2 on a 1x1 input: 1x1 stays 1x1, shapes equal"),
    ((2, 3, 1, 5), (3, 3, False, 2), "stride 2 without 1x1 conv: height 1 stays 1, width 5 -> 3"),
    ((2, 1, 6, 6), (1, 4, False, 2), "channel broadcast would work, but 6x6 -> 3x3"),
    ((2, 3, 2, 2), (3, 3, False, 2), "Y is 2x3x1x1 and would broadcast to X's 2x2, but += must write into Y"),
    ((2, 3, 2, 1), (3, 3, False, 2), "Y's height 1 broadcasts to X's 2, in-place add cannot grow Y"),
    ((2, 4, 5, 5), (4, 1, False, 1), "Y has 1 channel, X has 4: Y + X works, Y += X does not"),
    ((2, 3, 4, 4), (3, 1, False, 1), "fewer output channels than input channels without the 1x1 conv"),
    ((2, 2, 2, 2), (2, 1, False, 2), "Y is 2x1x1x1: broadcasts to X, but cannot hold the 2x2x2x2 result"),
    ((2, 2, 5, 5), (2, 4, False, 1), "channel mismatch 4 vs 2"),
    ((4, 5, 6, 6), (3, 6, False, 1), "input has 5 channels, conv1 expects 3"),
    ((4, 4, 6, 6), (3, 6, True, 2), "input has 4 channels, conv1 expects 3 (1x1 conv does not help)"),
    ((3, 6, 6), (3, 3, False, 1), "unbatched 3-D input: conv accepts it, BatchNorm2d does not"),
    ((1, 3, 1, 1), (3, 3, False, 2), "batch of 1 with a 1x1 map: BatchNorm in training mode has one value per channel"),
    ((1, 3, 1, 1), (3, 3, False, 2, "eval"), "the same in eval mode (running statistics): works"),
    ((1, 3, 6, 6), (3, 3, False, 1, "eval"), "eval mode, single image"),
    ((2, 3, 6, 6), (3, 3, False, 0), "stride 0 is accepted by the constructor, rejected in forward"),
    ((2, 3, 6, 6), (0, 3, False, 1), "zero input channels"),
    ((2, 3, 6, 6), (3, 0, False, 1), "zero output channels"),
    ((2, 3, 6, 6), (-1, 3, False, 1), "negative input channels"),
    ((2, 3, 6, 6), (3, -2, False, 1), "negative output channels"),
    ((2, 3, 6, 6), (3, -2, True, 2), "negative output channels with the 1x1 conv"),
    # added for the block lab: more of the values a student may type
    ((4, 3, 6, 6), (3.5, 3, False, 1), "fractional input channels"),
    ((4, 3, 6, 6), (3, 6.5, False, 1), "fractional output channels"),
    ((4, 3, 6, 6), (3.5, 6.5, False, 1), "both fractional: input channels are checked first"),
    ((4, 3, 6, 6), (3, 3, False, -1), "negative stride"),
    ((4, 3, 6, 6), (-1, -2, False, 1), "both negative: the first negative size of conv1's weight is reported"),
    ((2, 3, 6, 6), (0, 0, False, 1), "zero input and output channels"),
    ((4, -3, 6, 6), (3, 3, False, 1), "torch.rand with a negative size"),
    ((4, 3.5, 6, 6), (3, 3, False, 1), "torch.rand with a fractional size"),
    ((0, 3, 6, 6), (3, 3, False, 1), "empty batch: works, the output is empty too"),
    ((4, 3, 0, 6), (3, 3, False, 1), "zero height: the padded input is smaller than the 3x3 kernel"),
    ((2, 5, 0, 6), (3, 3, False, 1), "zero height and wrong channels: channels are checked first"),
    ((4, 3, 1, 1), (3, 3, False, 1), "a 1x1 image with a batch of 4: works in training mode"),
    ((3, 6), (3, 3, False, 1), "2-D input"),
    ((1, 4, 3, 6, 6), (3, 3, False, 1), "5-D input"),
    ((2, 3), (3, 3, False, 0), "2-D input and stride 0: the rank is checked first"),
    ((5, 6, 6), (3, 6, False, 1), "unbatched input with 5 channels: conv1 adds the batch dimension in its message"),
    ((2, 6, 6), (3, 6, True, 1), "unbatched (2, 6, 6) is read as 2 channels"),
    ((1, 3, 1, 1), (3, 3, True, 1), "batch of 1, 1x1 map, stride 1, training mode"),
    ((4, 3, 6, 6), (3, 3, False, 4), "stride 4: 6 -> 2 in Y, X stays 6"),
    ((4, 3, 6, 6), (3, 3, False, 6), "stride 6: Y is 1x1 and broadcasts to X, but cannot hold the result"),
    ((4, 1, 6, 6), (1, 1, False, 6), "stride 6 and one channel: Y is (4, 1, 1, 1)"),
    ((4, 3, 6, 1), (3, 3, False, 2), "width 1 stays 1, height 6 -> 3"),
    ((4, 3, 6, 6), (3, 1, True, 1), "1x1 conv down to one channel"),
]


def stepwise(blk, X):
    """The notebook's forward, one statement at a time; returns (stage, shapes printed, output)."""
    printed = []
    stage = "conv1"
    try:
        Y = blk.conv1(X)
        stage = "bn1"; Y = blk.bn1(Y)
        stage = "relu"; Y = F.relu(Y)
        stage = "conv2"; Y = blk.conv2(Y)
        stage = "bn2"; Y = blk.bn2(Y)
        if blk.conv3:
            stage = "conv3"; X = blk.conv3(X)
        printed = [list(Y.shape), list(X.shape)]
        stage = "add"; Y += X
        stage = "relu2"; out = F.relu(Y)
        return None, printed, out
    except Exception as e:  # noqa: BLE001
        return (stage, e), printed, None


def run_case(shape, cfg, note):
    ic, nc, use, s = cfg[:4]
    mode = cfg[4] if len(cfg) > 4 else "train"
    rec = {"input": list(shape), "input_channels": ic, "num_channels": nc, "use_1x1conv": use,
           "strides": s, "mode": mode, "note": note,
           "call": "Residual(%s, %s%s%s)" % (ic, nc, ", use_1x1conv=True" if use else "",
                                              ", strides=%s" % s if s != 1 else "")}
    try:
        torch.manual_seed(0)
        blk = resnet.Residual(ic, nc, use_1x1conv=use, strides=s)
    except Exception as e:  # noqa: BLE001
        rec.update(outcome="error", stage="construct", errorType=type(e).__name__, message=str(e))
        return rec
    if mode == "eval":
        blk.eval()
    torch.manual_seed(1)
    try:
        X = torch.rand(*shape)
    except Exception as e:  # noqa: BLE001
        rec.update(outcome="error", stage="input", errorType=type(e).__name__, message=str(e))
        return rec
    # the real module with the notebook's forward
    try:
        out = blk(X.clone())
        real = ("ok", list(out.shape))
    except Exception as e:  # noqa: BLE001
        real = ("error", e)
    err, printed, out2 = stepwise(blk, X.clone())
    if real[0] == "ok":
        assert err is None and list(out2.shape) == real[1], (rec, err)
        rec.update(outcome="ok", output=real[1], printedShapes=printed)
    else:
        assert err is not None and str(err[1]) == str(real[1]), (rec, err, real)
        rec.update(outcome="error", stage=err[0], errorType=type(real[1]).__name__, message=str(real[1]))
        if printed:
            rec["printedShapes"] = printed
    return rec


def main():
    warnings.filterwarnings("ignore", message="Initializing zero-element tensors")
    rows = [run_case(*c) for c in CASES]
    obj = {
        "description": "Outcome of the notebook's Residual forward (Y = relu(bn1(conv1(X))); Y = bn2(conv2(Y)); "
                       "X = conv3(X) if use_1x1conv; Y += X; return relu(Y)) for each configuration, run by "
                       "PyTorch. stage is the statement that raised; printedShapes are the two shapes the seed "
                       "prints before Y += X (Y, then X). Modules are freshly constructed (training mode) "
                       "unless mode is eval; inputs are torch.rand.",
        "generatedBy": "training/broadcast_table.py (PyTorch %s)" % torch.__version__,
        "torchVersion": torch.__version__,
        "cases": rows,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write("{\n")
        for k in ("description", "generatedBy", "torchVersion"):
            f.write(" %s: %s,\n" % (json.dumps(k), json.dumps(obj[k])))
        f.write(' "cases": [\n')
        f.write(",\n".join("  " + json.dumps(r) for r in rows))
        f.write("\n ]\n}\n")
    json.load(open(OUT))
    for r in rows:
        print("%-40s %-14s %-5s %-9s %s" % (r["call"], r["input"], r["mode"], r.get("stage", "ok"),
                                            r.get("message", r.get("output"))))


if __name__ == "__main__":
    main()

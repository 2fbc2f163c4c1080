"""Export a trained checkpoint to tfjs weights format + golden fixtures for the TS tests.

    /usr/bin/python3 training/export.py                       # uses training/checkpoints/final.pt
    /usr/bin/python3 training/export.py --checkpoint path.pt

Writes
  public/models/resnet18-fmnist/model.json            weights manifest + userDefinedMetadata
  public/models/resnet18-fmnist/group1-shard1of1.bin  weight bytes (little-endian)
  src/model/__fixtures__/golden-trace.json            per-node summaries of the shipped model
  src/model/__fixtures__/golden-block.json            one Residual(3,6,True,2), every tensor in full

Weights are named by the seed's state_dict keys (``0.0.weight``, ``1.0.conv1.weight``, ...,
``7.bias``; ``num_batches_tracked`` dropped) and kept in PyTorch layout and shapes (conv
OIHW, linear [out, in]); the TypeScript loader transposes.  Conv kernels with at least
--uint8-min-numel elements are stored as uint8 with a per-tensor affine map
(tfjs ``decodeWeights``: value = min + scale * q, computed in double, stored as float32);
tensors named with --float16 are stored as float16; everything else (BN parameters and
running statistics, biases, the linear layer, small kernels) stays float32.

The held-out accuracy is measured twice: with the float32 checkpoint and with the weights
decoded back from the written files (exactly what the browser gets).  The golden fixtures
are computed by PyTorch, in eval mode, from those decoded weights.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import data  # noqa: E402
import resnet  # noqa: E402
from golden import golden_block, golden_trace  # noqa: E402

SHARD = "group1-shard1of1.bin"
MAX_BYTES = 12_000_000


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--checkpoint", default=None,
                   help="default: training/checkpoints/final.pt (else last.pt)")
    p.add_argument("--out-dir", default=os.path.join(REPO, "public", "models", "resnet18-fmnist"))
    p.add_argument("--fixtures-dir", default=os.path.join(REPO, "src", "model", "__fixtures__"))
    p.add_argument("--data-dir", default=None)
    p.add_argument("--uint8-min-numel", type=int, default=4096,
                   help="conv kernels with at least this many elements are stored as uint8")
    p.add_argument("--float16", default="", help="comma-separated keys to store as float16 instead")
    p.add_argument("--uint16", default="", help="comma-separated keys to store as uint16 instead")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--eval-limit", type=int, default=0, help="evaluate on the first N held-out images only (testing)")
    p.add_argument("--no-fixtures", action="store_true")
    return p.parse_args(argv)


# ---------------------------------------------------------------- weights

def export_weights(state, args, metadata):
    fp16 = set(filter(None, args.float16.split(",")))
    u16 = set(filter(None, args.uint16.split(",")))
    entries, chunks = [], []
    for name, t in state.items():
        if name.endswith("num_batches_tracked"):
            continue
        w = t.detach().to(torch.float32).contiguous().cpu()
        a = w.numpy()
        entry = {"name": name, "shape": list(w.shape), "dtype": "float32"}
        is_conv = w.dim() == 4
        if name in fp16:
            entry["quantization"] = {"dtype": "float16"}
            chunks.append(a.astype("<f2").tobytes())
        elif name in u16 or (is_conv and w.numel() >= args.uint8_min_numel):
            bits = 16 if name in u16 else 8
            levels = (1 << bits) - 1
            lo, hi = float(a.min()), float(a.max())
            scale = (hi - lo) / levels if hi > lo else 1.0
            q = np.clip(np.round((a.astype(np.float64) - lo) / scale), 0, levels)
            qdt = "uint8" if bits == 8 else "uint16"
            entry["quantization"] = {"dtype": qdt, "min": lo, "scale": scale, "original_dtype": "float32"}
            chunks.append(q.astype("<u1" if bits == 8 else "<u2").tobytes())
        else:
            chunks.append(a.astype("<f4").tobytes())
        entries.append(entry)
    blob = b"".join(chunks)
    os.makedirs(args.out_dir, exist_ok=True)
    with open(os.path.join(args.out_dir, SHARD), "wb") as f:
        f.write(blob)
    model = {
        "format": "weights-manifest",
        "generatedBy": "training/export.py (PyTorch %s)" % torch.__version__,
        "convertedBy": None,
        "weightsManifest": [{"paths": [SHARD], "weights": entries}],
        "userDefinedMetadata": metadata,
    }
    dump_model_json(model, os.path.join(args.out_dir, "model.json"))
    return len(blob)


def decode_weights(out_dir):
    """Read model.json + shards back exactly like tfjs ``tf.io.decodeWeights``."""
    with open(os.path.join(out_dir, "model.json")) as f:
        model = json.load(f)
    state = {}
    for group in model["weightsManifest"]:
        buf = b"".join(open(os.path.join(out_dir, p), "rb").read() for p in group["paths"])
        off = 0
        for e in group["weights"]:
            n = int(np.prod(e["shape"])) if e["shape"] else 1
            qz = e.get("quantization")
            if qz is None:
                a = np.frombuffer(buf, "<f4", n, off)
                off += 4 * n
            elif qz["dtype"] == "float16":
                a = np.frombuffer(buf, "<f2", n, off).astype(np.float32)
                off += 2 * n
            else:
                dt, size = ("<u1", 1) if qz["dtype"] == "uint8" else ("<u2", 2)
                q = np.frombuffer(buf, dt, n, off).astype(np.float64)
                off += size * n
                a = (q * qz["scale"] + qz["min"]).astype(np.float32)  # double math, float32 store
            state[e["name"]] = torch.from_numpy(np.array(a, dtype=np.float32).reshape(e["shape"]))
        assert off == len(buf), "manifest does not cover the shard exactly"
    return model, state


def load_net(state):
    net = resnet.resnet_18()
    missing, unexpected = net.load_state_dict(state, strict=False)
    assert not unexpected and all(k.endswith("num_batches_tracked") for k in missing), (missing, unexpected)
    return net.eval()


@torch.no_grad()
def accuracy(net, x, y, size, batch=500):
    net.eval()
    correct = 0
    for i in range(0, len(x), batch):
        xb = data.resize(data.to_float(x[i:i + batch]), size)
        correct += (net(xb).argmax(1) == y[i:i + batch]).sum().item()
    return correct / len(x)


def dump_model_json(model, path):
    """model.json with one line per weight entry (readable, diff-friendly)."""
    head = {k: v for k, v in model.items() if k not in ("weightsManifest", "userDefinedMetadata")}
    lines = ["{"]
    for k, v in head.items():
        lines.append(" %s: %s," % (json.dumps(k), json.dumps(v, ensure_ascii=False)))
    lines.append(' "weightsManifest": [')
    for gi, g in enumerate(model["weightsManifest"]):
        lines.append("  {\"paths\": %s, \"weights\": [" % json.dumps(g["paths"]))
        ws = g["weights"]
        for wi, w in enumerate(ws):
            lines.append("   " + json.dumps(w) + ("," if wi < len(ws) - 1 else ""))
        lines.append("  ]}" + ("," if gi < len(model["weightsManifest"]) - 1 else ""))
    lines.append(" ],")
    lines.append(' "userDefinedMetadata": ' + json.dumps(model["userDefinedMetadata"], ensure_ascii=False, indent=1).replace("\n", "\n "))
    lines.append("}")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    json.load(open(path))  # sanity


# ---------------------------------------------------------------- main

def main(argv=None):
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    ck_path = args.checkpoint
    if ck_path is None:
        for cand in ("final.pt", "last.pt"):
            ck_path = os.path.join(HERE, "checkpoints", cand)
            if os.path.exists(ck_path):
                break
    ck = torch.load(ck_path, map_location="cpu")
    state = {k: v.contiguous() for k, v in ck["model"].items()}
    config = ck.get("config", {})
    size = int(config.get("size", 64))
    history = ck.get("history", [])
    print("checkpoint %s (epoch %s)" % (ck_path, ck.get("epochs", ck.get("epoch"))), flush=True)

    splits = data.load_splits(args.data_dir)
    xte, yte = splits["test"]
    if args.eval_limit:
        xte, yte = xte[:args.eval_limit], yte[:args.eval_limit]
    t0 = time.time()
    acc32 = accuracy(load_net(state), xte, yte, size)
    print("held-out accuracy float32: %.4f (%d images, %.0f s)" % (acc32, len(xte), time.time() - t0), flush=True)

    epochs = config.get("epochs", len(history))
    metadata = {
        "inputSize": size,
        "inputPreprocessing": "28x28 grayscale pixels / 255 (values in [0, 1], no mean/std "
                              "normalisation), bilinear resize to %dx%d with align_corners=False "
                              "(PyTorch F.interpolate)" % (size, size),
        "classNames": data.CLASS_NAMES,
        "classNamesZh": data.CLASS_NAMES_ZH,
        "heldOutRule": data.HELD_OUT_RULE,
        "testAccuracy": None,
        "testAccuracyFloat32": acc32,
        "testImages": len(xte),
        "valAccuracy": history[-1]["val_acc"] if history else None,
        "epochs": epochs,
        "recipe": "d2l ResNet-18 (seed), SGD Nesterov momentum %s, weight decay %s, OneCycle max lr %s "
                  "(%d%% warm-up, cosine), batch %s, %s epochs, input %dx%d, augmentation at 28x28: "
                  "random crop with 2-px zero padding + horizontal flip"
                  % (config.get("momentum"), config.get("weight_decay"), config.get("lr"),
                     round(100 * config.get("pct_start", 0.3)), config.get("batch_size"), epochs, size, size)
                  + ("; the run was rescheduled: epochs 1-%d followed a %d-epoch OneCycle, then training "
                     "continued on the %d-epoch OneCycle from the same step (train.py --reschedule)"
                     % (ck["rescheduled"]["after_epoch"], ck["rescheduled"]["from_epochs"], epochs)
                     if ck.get("rescheduled") else ""),
        "rescheduled": ck.get("rescheduled"),
        "trainedOn": "%s (2-core shared machine), %s thread(s), PyTorch %s, %.0f min of training"
                     % (ck.get("device", "cpu"), ck.get("threads", "?"), ck.get("torch", torch.__version__),
                        ck.get("elapsed", 0) / 60),
        "stateDictKeys": "d2l resnet_18 (seed)",
        "layout": "PyTorch: conv weights OIHW, linear weight [out, in]; num_batches_tracked dropped",
        "weightQuantization": "conv kernels with >= %d elements: uint8, per-tensor affine "
                              "(value = min + scale * q); float16: %s; uint16: %s; the rest float32"
                              % (args.uint8_min_numel, args.float16 or "none", args.uint16 or "none"),
        "history": [{k: (round(v, 5) if isinstance(v, float) else v) for k, v in h.items()} for h in history],
    }
    nbytes = export_weights(state, args, metadata)
    _, deq = decode_weights(args.out_dir)
    t0 = time.time()
    net_q = load_net(deq)
    accq = accuracy(net_q, xte, yte, size)
    print("held-out accuracy dequantized: %.4f (%.0f s); shard %d bytes" % (accq, time.time() - t0, nbytes), flush=True)
    metadata["testAccuracy"] = accq
    metadata["weightBytes"] = nbytes
    with open(os.path.join(args.out_dir, "model.json")) as f:
        model = json.load(f)
    model["userDefinedMetadata"] = metadata
    dump_model_json(model, os.path.join(args.out_dir, "model.json"))
    if nbytes > MAX_BYTES:
        print("WARNING: weights are %d bytes > %d" % (nbytes, MAX_BYTES))
    if abs(acc32 - accq) > 0.003:
        print("WARNING: dequantized accuracy differs by %.2f points" % (100 * (acc32 - accq)))

    if not args.no_fixtures:
        s1 = golden_trace(net_q, splits, size, os.path.join(args.fixtures_dir, "golden-trace.json"))
        s2 = golden_block(os.path.join(args.fixtures_dir, "golden-block.json"))
        print("fixtures: golden-trace.json %d bytes, golden-block.json %d bytes" % (s1, s2))


if __name__ == "__main__":
    main()

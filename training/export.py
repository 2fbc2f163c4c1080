"""Export weights to the tfjs weights format the page and the CLI load.

    /usr/bin/python3 training/export.py --out-dir DIR                     # training/checkpoints/final.pt
    /usr/bin/python3 training/export.py --checkpoint mine.pt --out-dir DIR --input-size 96
    /usr/bin/python3 training/export.py --out-dir public/models/resnet18-fmnist \
        --fixtures-dir src/model/__fixtures__                               # the shipped weights

--checkpoint takes this project's checkpoints (train.py) or a plain state_dict saved with
``torch.save(net.state_dict(), ...)``, of any variant (resnet18 ... resnet152, pre-activation
18 and 34: from --arch [--preact], else from the keys).  --out-dir is required, so neither
the shipped weights nor the test fixtures (only with --fixtures-dir) are overwritten by accident.

Writes
  DIR/model.json            weights manifest + userDefinedMetadata (facts only: the arch, the
                            input size, the SHA-256 of every weights file, accuracies it measured,
                            and a checkpoint's own training record when it has one)
  DIR/group1-shard1of1.bin  weight bytes (little-endian)
  FIXTURES/golden-trace.json, golden-block.json   with --fixtures-dir (ResNet-18 only)

Weights are named by the notebook's state_dict keys (``0.0.weight``, ``1.0.conv1.weight``, ...,
``7.bias``; ``num_batches_tracked`` dropped) and kept in PyTorch layout and shapes (conv
OIHW, linear [out, in]); the TypeScript loader transposes.  Conv kernels with at least
--uint8-min-numel elements are stored as uint8 with a per-tensor affine map
(tfjs ``decodeWeights``: value = min + scale * q, computed in double, stored as float32);
tensors named with --float16 are stored as float16; everything else (BN parameters and
running statistics, biases, the linear layer, small kernels) stays float32.

The held-out accuracy is measured twice: with the float32 checkpoint and with the weights
decoded back from the written files (exactly what the browser gets); --eval-limit N takes a
class-balanced sample (N/10 images of each class), --no-eval skips it.  --float32 stores every
tensor as float32.  The golden fixtures
are computed by PyTorch, in eval mode, from those decoded weights.
"""
import argparse
import hashlib
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
from weights_io import decode_weights, load_net, read_state  # noqa: E402

SHARD = "group1-shard1of1.bin"
MAX_BYTES = 12_000_000


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--checkpoint", default=None,
                   help="a train.py checkpoint or a plain state_dict; default: training/checkpoints/final.pt (else last.pt)")
    p.add_argument("--out-dir", required=True, help="where model.json and the .bin go (required)")
    p.add_argument("--arch", default=None, help="resnet18, resnet34, resnet50, resnet101, resnet152 (default: from the keys)")
    p.add_argument("--preact", action="store_true", help="the pre-activation variant (resnet18 and resnet34 only)")
    p.add_argument("--input-size", type=int, default=None,
                   help="the input size the weights were trained at (default: the checkpoint's; required for a plain state_dict)")
    p.add_argument("--float32", action="store_true", help="store every tensor as float32 (no quantization)")
    p.add_argument("--no-eval", action="store_true", help="do not measure the held-out accuracy")
    p.add_argument("--fixtures-dir", default=None, help="also write the golden fixtures here (ResNet-18 only)")
    p.add_argument("--data-dir", default=None)
    p.add_argument("--uint8-min-numel", type=int, default=4096,
                   help="conv kernels with at least this many elements are stored as uint8")
    p.add_argument("--float16", default="", help="comma-separated keys to store as float16 instead")
    p.add_argument("--uint16", default="", help="comma-separated keys to store as uint16 instead")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--eval-limit", type=int, default=0,
                   help="evaluate on a class-balanced sample of N held-out images (N/10 per class)")
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
        if args.float32:
            chunks.append(a.astype("<f4").tobytes())
        elif name in fp16:
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


def sha256_of_files(out_dir, paths):
    """{path as written in weightsManifest[].paths: SHA-256 hex of the file} (the page checks them)."""
    out = {}
    for p in paths:
        with open(os.path.join(out_dir, p), "rb") as f:
            out[p] = hashlib.sha256(f.read()).hexdigest()
    return out


def balanced_sample(y, n):
    """Indices of n held-out images, n/10 of each class (the split is ordered by class)."""
    per = -(-n // 10)
    idx = [np.flatnonzero(y.numpy() == c)[:per] for c in range(10)]
    return torch.from_numpy(np.concatenate(idx))


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
    raw, ck = read_state(ck_path)
    state = {k: v.contiguous() for k, v in raw.items()}
    try:
        arch = resnet.arch_name(args.arch, args.preact) if args.arch else resnet.arch_from_keys(state)
    except ValueError as e:
        raise SystemExit(str(e))
    net = load_net(state, arch)  # checks every key and shape against the variant
    config = ck.get("config", {}) if ck else {}
    size = args.input_size or config.get("size")
    if not size:
        raise SystemExit("a plain state_dict does not say its input size: pass --input-size (e.g. 64)")
    size = int(size)
    history = ck.get("history", []) if ck else []
    print("%s: %s%s" % (ck_path, arch, " (epoch %s)" % ck.get("epochs", ck.get("epoch")) if ck else ", plain state_dict"),
          flush=True)

    splits = None if args.no_eval else data.load_splits(args.data_dir)
    if splits:
        xte, yte = splits["test"]
        if args.eval_limit:
            pick = balanced_sample(yte, args.eval_limit)
            xte, yte = xte[pick], yte[pick]
        t0 = time.time()
        acc32 = accuracy(net, xte, yte, size)
        print("held-out accuracy float32: %.4f (%d images, %.0f s)" % (acc32, len(xte), time.time() - t0), flush=True)

    metadata = {
        "arch": arch,
        "inputSize": size,
        "inputPreprocessing": "28x28 grayscale pixels / 255 (values in [0, 1], no mean/std "
                              "normalisation), bilinear resize to %dx%d with align_corners=False "
                              "(PyTorch F.interpolate)" % (size, size),
        "classNames": data.CLASS_NAMES,
        "classNamesZh": data.CLASS_NAMES_ZH,
        "heldOutRule": data.HELD_OUT_RULE,
        "stateDictKeys": "d2l %s (seed conventions)" % arch,
        "layout": "PyTorch: conv weights OIHW, linear weight [out, in]; num_batches_tracked dropped",
        "weightQuantization": "none: every tensor float32" if args.float32 else
                              "conv kernels with >= %d elements: uint8, per-tensor affine "
                              "(value = min + scale * q); float16: %s; uint16: %s; the rest float32"
                              % (args.uint8_min_numel, args.float16 or "none", args.uint16 or "none"),
    }
    if splits:
        metadata.update({"testAccuracy": None, "testAccuracyFloat32": acc32, "testImages": len(xte),
                         "testSample": "class-balanced, %d per class" % (len(xte) // 10)})
    if ck:  # a train.py checkpoint carries its own record of how it was trained
        metadata.update(training_record(ck, config, history, size))
    nbytes = export_weights(state, args, metadata)
    _, deq = decode_weights(args.out_dir)
    net_q = load_net(deq, arch)
    if splits:
        t0 = time.time()
        accq = accuracy(net_q, xte, yte, size)
        print("held-out accuracy as exported: %.4f (%.0f s); shard %d bytes" % (accq, time.time() - t0, nbytes),
              flush=True)
        metadata["testAccuracy"] = accq
        if abs(acc32 - accq) > 0.003:
            print("WARNING: dequantized accuracy differs by %.2f points" % (100 * (acc32 - accq)))
    metadata["weightBytes"] = nbytes
    with open(os.path.join(args.out_dir, "model.json")) as f:
        model = json.load(f)
    paths = [p for g in model["weightsManifest"] for p in g["paths"]]
    metadata["sha256"] = sha256_of_files(args.out_dir, paths)
    model["userDefinedMetadata"] = metadata
    dump_model_json(model, os.path.join(args.out_dir, "model.json"))
    print("wrote %s (%d bytes of weights)" % (os.path.join(args.out_dir, "model.json"), nbytes))
    if nbytes > MAX_BYTES and arch == "resnet18" and not args.float32:  # the shipped budget
        print("WARNING: weights are %d bytes > %d" % (nbytes, MAX_BYTES))

    if args.fixtures_dir:
        if arch != "resnet18" or not splits:
            raise SystemExit("--fixtures-dir needs ResNet-18 weights and the held-out data (no --no-eval)")
        s1 = golden_trace(net_q, splits, size, os.path.join(args.fixtures_dir, "golden-trace.json"))
        s2 = golden_block(os.path.join(args.fixtures_dir, "golden-block.json"))
        print("fixtures: golden-trace.json %d bytes, golden-block.json %d bytes" % (s1, s2))


def training_record(ck, config, history, size):
    """What a train.py checkpoint records about its own run (facts the checkpoint holds)."""
    epochs = config.get("epochs", len(history))
    return {
        "valAccuracy": history[-1]["val_acc"] if history else None,
        "epochs": epochs,
        "recipe": "d2l ResNet (seed), SGD Nesterov momentum %s, weight decay %s, OneCycle max lr %s "
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
        "history": [{k: (round(v, 5) if isinstance(v, float) else v) for k, v in h.items()} for h in history],
    }


if __name__ == "__main__":
    main()

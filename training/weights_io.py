"""Reading weights back, shared by export.py, golden.py and bench_torch.py.

``decode_weights`` reads an exported model.json and its shards exactly as tfjs's
``tf.io.decodeWeights`` does (so a fixture computed from it sees the page's weights);
``read_state`` reads a train.py checkpoint; ``load_net`` builds the variant with them.
"""
import json
import os

import numpy as np
import torch

import resnet


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


def read_state(path):
    """(state_dict, checkpoint-or-None) from a train.py checkpoint, a plain state_dict or a saved module."""
    ck = torch.load(path, map_location="cpu")
    if isinstance(ck, torch.nn.Module):
        return ck.state_dict(), None
    if isinstance(ck, dict) and isinstance(ck.get("model"), dict):
        return ck["model"], ck
    if isinstance(ck, dict) and ck and all(torch.is_tensor(v) for v in ck.values()):
        return ck, None
    raise SystemExit("%s is neither a train.py checkpoint nor a state_dict (a dict of tensors)" % path)


def load_net(state, arch="resnet18"):
    net = resnet.resnet(arch)
    missing, unexpected = net.load_state_dict(state, strict=False)
    assert not unexpected and all(k.endswith("num_batches_tracked") for k in missing), (missing, unexpected)
    return net.eval()

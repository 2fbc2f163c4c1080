"""PyTorch's forward time for ``npm run bench``: the shipped weights (decoded like tfjs does),
eval mode, batch 1, one JSON line per input size on stdout.

    /usr/bin/python3 training/bench_torch.py --sizes 64,224 --runs 10 --threads 2
"""
import argparse
import json
import os
import sys
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from weights_io import decode_weights, load_net  # noqa: E402


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--weights-dir", default=os.path.join(REPO, "public", "models", "resnet18-fmnist"))
    p.add_argument("--sizes", default="64,224")
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    _, state = decode_weights(args.weights_dir)
    net = load_net(state)
    for size in [int(s) for s in args.sizes.split(",")]:
        x = torch.rand(1, 1, size, size)
        times = []
        with torch.no_grad():
            for i in range(args.runs + 5):
                t0 = time.perf_counter()
                net(x)
                if i >= 5:  # five warm-up runs (the first ones allocate and pick kernels)
                    times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        print(json.dumps({"size": size, "ms": times[len(times) // 2], "runs": len(times),
                          "threads": torch.get_num_threads(), "torch": torch.__version__}), flush=True)


if __name__ == "__main__":
    main()

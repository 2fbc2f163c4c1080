"""PyTorch's training-step time for ``npm run bench`` (the ``train-step`` rows): the race's networks
(training/race.py, the page's src/model/raceNet.ts), SGD with momentum on a batch of the race's
images, one JSON line per network on stdout.

    /usr/bin/python3 training/bench_train_torch.py --nets plain-1-4-32,residual-3-4-32 --runs 10 --threads 2

A network is family-n-width-batch. Denormals are flushed (``torch.set_flush_denormal(True)``):
without it PyTorch runs these small networks 5-20x slower and erratically here, and the row says so.
"""
import argparse
import json
import os
import sys
import time

import torch
from torch.nn import functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from race import load, race_net  # noqa: E402


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--nets", default="plain-1-4-32,residual-1-4-32,plain-3-4-32,residual-3-4-32")
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    p.add_argument("--keep-denormals", action="store_true", help="do not flush denormals (to show why it matters)")
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    flushed = False if args.keep_denormals else torch.set_flush_denormal(True)
    xtr, ytr, _, _ = load()
    for spec in args.nets.split(","):
        family, n, width, batch = spec.split("-")
        n, width, batch = int(n), int(width), int(batch)
        torch.manual_seed(1)
        net = race_net(family, n, width)
        net.train()
        opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
        x, y = xtr[:batch], ytr[:batch]
        times = []
        for i in range(args.runs + 3):
            t0 = time.perf_counter()
            loss = F.cross_entropy(net(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            loss.item()
            if i >= 3:  # three warm-up steps
                times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        print(json.dumps({"family": family, "n": n, "width": width, "batch": batch, "ms": times[len(times) // 2],
                          "runs": len(times), "threads": torch.get_num_threads(), "flushDenormals": bool(flushed),
                          "torch": torch.__version__}), flush=True)


if __name__ == "__main__":
    main()

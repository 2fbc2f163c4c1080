"""Train the notebook's ResNet-18 on Fashion-MNIST (one command, resumable).

    /usr/bin/python3 training/train.py                 # CPU, defaults below
    /usr/bin/python3 training/train.py --device cuda   # on a GPU

Recipe (d2l's SGD / lr 0.05 / batch 256 / 10 epochs / 96x96, adapted to fit a 2-core CPU):
input 64x64 (bilinear upsampling of the 28x28 images, align_corners=False), SGD with
Nesterov momentum 0.9, weight decay 5e-4, OneCycle learning rate (max lr 0.1, 30 %
warm-up, cosine annealing), batch 128, augmentation at 28x28 before upsampling (random
crop with 2-pixel zero padding, random horizontal flip).  Data split: see data.py.

A checkpoint (model, optimizer, scheduler, epoch, RNG state) is written to --out after
every epoch; rerunning the same command resumes from the latest one.  At the end the
model is evaluated once on the held-out set and saved as <out>/final.pt.
"""
import argparse
import json
import os
import random
import sys
import time

import torch
from torch import nn
from torch.nn import functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import data  # noqa: E402
import resnet  # noqa: E402


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--arch", default="resnet18", help="resnet18, resnet34, resnet50, resnet101, resnet152")
    p.add_argument("--preact", action="store_true", help="the pre-activation variant (resnet18 and resnet34 only)")
    p.add_argument("--epochs", type=int, default=8)
    p.add_argument("--size", type=int, default=64, help="input size (square) after upsampling")
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--lr", type=float, default=0.1, help="OneCycle max learning rate")
    p.add_argument("--momentum", type=float, default=0.9)
    p.add_argument("--weight-decay", type=float, default=5e-4)
    p.add_argument("--pct-start", type=float, default=0.3, help="OneCycle warm-up fraction")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--device", default="cpu", help="cpu or cuda")
    p.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (CPU)")
    p.add_argument("--out", default=None,
                   help="checkpoint/log directory (default: training/checkpoints for resnet18, "
                        "training/checkpoints/<arch> for the others)")
    p.add_argument("--data-dir", default=None, help="folder with fashion-mnist {0..9}.json")
    p.add_argument("--no-augment", action="store_true")
    p.add_argument("--label-smoothing", type=float, default=0.0,
                   help="cross-entropy against (1 - e) one-hot + e uniform (0: plain cross-entropy)")
    p.add_argument("--no-channels-last", action="store_true",
                   help="keep NCHW memory format (channels_last is ~7%% faster on this CPU)")
    p.add_argument("--max-batches", type=int, default=0,
                   help="smoke test: one epoch of N batches, validated on N batches' worth of images, no checkpoints")
    p.add_argument("--train-limit", type=int, default=0,
                   help="testing: train on a fixed random subset of N training images")
    p.add_argument("--stop-after-epoch", type=int, default=0,
                   help="testing: exit after this epoch's checkpoint (simulates an interruption)")
    p.add_argument("--log-every", type=int, default=50, help="progress line every N batches")
    p.add_argument("--reschedule", action="store_true",
                   help="resume a checkpoint made with another --epochs: keep weights and optimizer, and "
                        "continue the OneCycle schedule of the new length from the same step")
    return p.parse_args(argv)


def augment(x, gen):
    """Random crop (2-px zero padding) + random horizontal flip, on uint8 (N,1,28,28)."""
    n, _, h, w = x.shape
    pad = 2
    xp = F.pad(x, (pad, pad, pad, pad))  # zeros
    oy = torch.randint(0, 2 * pad + 1, (n,), generator=gen)
    ox = torch.randint(0, 2 * pad + 1, (n,), generator=gen)
    rows = (oy[:, None] + torch.arange(h)[None, :]).to(x.device)  # (n,h)
    cols = (ox[:, None] + torch.arange(w)[None, :]).to(x.device)  # (n,w)
    idx = torch.arange(n, device=x.device)
    out = xp[idx[:, None, None], 0, rows[:, :, None], cols[:, None, :]].unsqueeze(1)
    flip = (torch.rand(n, generator=gen) < 0.5).to(x.device)
    return torch.where(flip[:, None, None, None], out.flip(-1), out)


CHANNELS_LAST = True


def prepare(x_uint8, size, device):
    x = data.resize(data.to_float(x_uint8.to(device)), size)
    return x.contiguous(memory_format=torch.channels_last) if CHANNELS_LAST else x


@torch.no_grad()
def evaluate(net, x, y, size, device, batch=500):
    net.eval()
    correct = 0
    for i in range(0, len(x), batch):
        out = net(prepare(x[i:i + batch], size, device))
        correct += (out.argmax(1).cpu() == y[i:i + batch]).sum().item()
    return correct / len(x)


class Logger:
    def __init__(self, path):
        self.path = path

    def __call__(self, msg):
        line = "[%s] %s" % (time.strftime("%Y-%m-%d %H:%M:%S"), msg)
        print(line, flush=True)
        if self.path:
            with open(self.path, "a") as f:
                f.write(line + "\n")


def atomic_save(obj, path):
    tmp = path + ".tmp"
    torch.save(obj, tmp)
    os.replace(tmp, path)


def main(argv=None):
    args = parse_args(argv)
    try:
        arch = resnet.arch_name(args.arch, args.preact)
    except ValueError as e:
        raise SystemExit(str(e))
    if args.out is None:
        args.out = os.path.join(HERE, "checkpoints", *([] if arch == "resnet18" else [arch]))
    smoke = args.max_batches > 0
    os.makedirs(args.out, exist_ok=True)
    log = Logger(None if smoke else os.path.join(args.out, "epochs.log"))
    device = torch.device(args.device)
    if device.type == "cpu":
        torch.set_num_threads(args.threads)
    else:
        torch.backends.cudnn.benchmark = True

    random.seed(args.seed)
    torch.manual_seed(args.seed)

    splits = data.load_splits(args.data_dir)
    xtr, ytr = splits["train"]
    xva, yva = splits["val"]
    if smoke:
        xva, yva = xva[:args.max_batches * args.batch_size], yva[:args.max_batches * args.batch_size]
    if args.train_limit:
        keep = torch.randperm(len(xtr), generator=torch.Generator().manual_seed(12345))[:args.train_limit]
        xtr, ytr = xtr[keep], ytr[keep]
    if device.type != "cpu":
        xtr = xtr.to(device)
    n_train = len(xtr)
    steps_per_epoch = (n_train + args.batch_size - 1) // args.batch_size

    global CHANNELS_LAST
    CHANNELS_LAST = not args.no_channels_last
    net = (resnet.resnet_18() if arch == "resnet18" else resnet.resnet(arch)).to(device)
    if CHANNELS_LAST:
        net = net.to(memory_format=torch.channels_last)
    opt = torch.optim.SGD(net.parameters(), lr=args.lr, momentum=args.momentum,
                          nesterov=True, weight_decay=args.weight_decay)
    sched = torch.optim.lr_scheduler.OneCycleLR(
        opt, max_lr=args.lr, epochs=args.epochs, steps_per_epoch=steps_per_epoch,
        pct_start=args.pct_start, anneal_strategy="cos", div_factor=25.0, final_div_factor=1e3)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=args.label_smoothing)

    config = {k: getattr(args, k) for k in ("epochs", "size", "batch_size", "lr", "momentum",
                                            "weight_decay", "pct_start", "seed", "no_augment")}
    if arch != "resnet18":  # (ResNet-18's checkpoints predate --arch)
        config["arch"] = arch
    if args.train_limit:
        config["train_limit"] = args.train_limit
    if args.label_smoothing:  # (absent from the configs of runs without it)
        config["label_smoothing"] = args.label_smoothing
    start_epoch, elapsed_before, history, rescheduled = 0, 0.0, [], None
    last_path = os.path.join(args.out, "last.pt")
    if not smoke and os.path.exists(last_path):
        ck = torch.load(last_path, map_location=device)
        other = {k: v for k, v in ck["config"].items() if k != "epochs"}
        mine = {k: v for k, v in config.items() if k != "epochs"}
        rescheduled = ck.get("rescheduled")
        if ck["config"] != config and args.reschedule and other == mine and ck["epoch"] < args.epochs:
            # Same run, new length: the OneCycle of `args.epochs` epochs, entered at the step reached.
            rescheduled = {"from_epochs": ck["config"]["epochs"], "after_epoch": ck["epoch"]}
            steps_done = ck["epoch"] * steps_per_epoch
            sched_state = sched.state_dict()
            opt.load_state_dict(ck["optimizer"])
            sched = torch.optim.lr_scheduler.OneCycleLR(
                opt, max_lr=args.lr, epochs=args.epochs, steps_per_epoch=steps_per_epoch,
                pct_start=args.pct_start, anneal_strategy="cos", div_factor=25.0, final_div_factor=1e3)
            sched.last_epoch = steps_done
            for group, lr in zip(opt.param_groups, sched.get_lr()):
                group["lr"] = lr
            sched._last_lr = [g["lr"] for g in opt.param_groups]
            ck["optimizer"] = opt.state_dict()
            ck["scheduler"] = sched.state_dict()
            ck["config"] = config
            log("rescheduled: %s; OneCycle over %d epochs entered at step %d, lr %.4f"
                % (json.dumps(rescheduled), args.epochs, steps_done, sched._last_lr[0]))
            del sched_state
        if ck["config"] != config:
            raise SystemExit("checkpoint %s was made with %s, not %s; use another --out or delete it"
                             % (last_path, ck["config"], config))
        net.load_state_dict(ck["model"])
        opt.load_state_dict(ck["optimizer"])
        sched.load_state_dict(ck["scheduler"])
        torch.set_rng_state(ck["rng"]["torch"])
        random.setstate(ck["rng"]["python"])
        if device.type == "cuda" and ck["rng"].get("cuda") is not None:
            torch.cuda.set_rng_state_all(ck["rng"]["cuda"])
        start_epoch, elapsed_before, history = ck["epoch"], ck["elapsed"], ck["history"]
        log("resumed from %s after epoch %d (%.0f s so far)" % (last_path, start_epoch, elapsed_before))
    else:
        log("arch %s, config %s, device %s, threads %d, train %d / val %d / held-out %d"
            % (arch, json.dumps(config), device, torch.get_num_threads(), n_train, len(xva), len(splits["test"][0])))

    for epoch in range(start_epoch, args.epochs):
        net.train()
        gen = torch.Generator().manual_seed(args.seed * 1000 + epoch)  # per-epoch: exact resume
        perm = torch.randperm(n_train, generator=gen)
        t0 = time.time()
        seen, loss_sum, correct = 0, 0.0, 0
        for b in range(steps_per_epoch):
            if smoke and b >= args.max_batches:
                break
            idx = perm[b * args.batch_size:(b + 1) * args.batch_size]
            xb, yb = xtr[idx.to(xtr.device)], ytr[idx].to(device)
            if not args.no_augment:
                xb = augment(xb, gen)
            xb = prepare(xb, args.size, device)
            out = net(xb)
            loss = loss_fn(out, yb)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            seen += len(yb)
            loss_sum += loss.item() * len(yb)
            correct += (out.argmax(1) == yb).sum().item()
            if args.log_every and (b + 1) % args.log_every == 0:
                dt = time.time() - t0
                print("  epoch %d batch %d/%d loss %.4f acc %.4f lr %.4f %.1f img/s"
                      % (epoch + 1, b + 1, steps_per_epoch, loss_sum / seen, correct / seen,
                         sched.get_last_lr()[0], seen / dt), flush=True)
        train_time = time.time() - t0
        val_acc = evaluate(net, xva, yva, args.size, device)
        epoch_time = time.time() - t0
        elapsed = elapsed_before + epoch_time
        elapsed_before = elapsed
        rec = {"epoch": epoch + 1, "train_loss": loss_sum / seen, "train_acc": correct / seen,
               "val_acc": val_acc, "img_per_s": seen / train_time, "epoch_s": epoch_time,
               "elapsed_s": elapsed}
        history.append(rec)
        log("epoch %d/%d train_loss %.4f train_acc %.4f val_acc %.4f %.1f img/s epoch %.0f s elapsed %.0f s"
            % (epoch + 1, args.epochs, rec["train_loss"], rec["train_acc"], val_acc,
               rec["img_per_s"], epoch_time, elapsed))
        if smoke:
            break
        ck = {"model": net.state_dict(), "optimizer": opt.state_dict(), "scheduler": sched.state_dict(),
              "epoch": epoch + 1, "elapsed": elapsed, "history": history, "config": config,
              "rescheduled": rescheduled,
              "rng": {"torch": torch.get_rng_state(), "python": random.getstate(),
                      "cuda": torch.cuda.get_rng_state_all() if device.type == "cuda" else None}}
        atomic_save(ck, last_path)
        if args.stop_after_epoch and epoch + 1 >= args.stop_after_epoch:
            log("stopping after epoch %d as asked (--stop-after-epoch)" % (epoch + 1))
            return

    if smoke:
        return
    xte, yte = splits["test"]
    t0 = time.time()
    test_acc = evaluate(net, xte, yte, args.size, device)
    log("held-out accuracy (10,000 images, float32): %.4f (%.0f s)" % (test_acc, time.time() - t0))
    final = {"model": net.state_dict(), "arch": arch, "config": config, "history": history,
             "epochs": args.epochs, "elapsed": elapsed_before, "test_acc": test_acc,
             "device": str(device), "threads": torch.get_num_threads(), "torch": torch.__version__,
             "rescheduled": rescheduled}
    atomic_save(final, os.path.join(args.out, "final.pt"))
    with open(os.path.join(args.out, "history.json"), "w") as f:
        json.dump({"config": config, "history": history, "test_acc": test_acc,
                   "elapsed_s": elapsed_before}, f, indent=1)
    log("saved %s" % os.path.join(args.out, "final.pt"))


if __name__ == "__main__":
    main()

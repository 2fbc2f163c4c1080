"""ResNet-18 exactly as in the notebook notebook (d2l.ai, chapter "Residual Networks").

The module structure (and therefore every ``state_dict`` key) matches the notebook:
``resnet_18 = nn.Sequential(b1, b2, b3, b4, b5, AdaptiveAvgPool2d((1,1)), Flatten(),
Linear(512, 10))`` so the keys are ``0.0.weight``, ``0.1.running_mean``,
``1.0.conv1.weight``, ``1.0.bn1.weight``, ``2.0.conv3.weight``, ..., ``7.weight``,
``7.bias``.

The notebook's ``Residual.forward`` prints ``Y.shape`` and ``X.shape`` right before
``Y += X``.  Here those prints happen only when asked: set the module-level flag
``PRINT_SHAPES = True`` (or use the ``print_shapes(True)`` helper / the
``verbose=True`` argument of ``Residual``).
"""
import torch
from torch import nn
from torch.nn import functional as F

# When True, every Residual.forward prints Y.shape and X.shape before ``Y += X``,
# exactly like the notebook notebook.
PRINT_SHAPES = False


def print_shapes(enabled: bool = True) -> None:
    """Turn the notebook's shape prints in ``Residual.forward`` on or off."""
    global PRINT_SHAPES
    PRINT_SHAPES = enabled


class Residual(nn.Module):
    def __init__(self, input_channels, num_channels,
                 use_1x1conv=False, strides=1, verbose=None):
        super().__init__()
        self.conv1 = nn.Conv2d(input_channels, num_channels,
                               kernel_size=3, padding=1, stride=strides)
        self.conv2 = nn.Conv2d(num_channels, num_channels,
                               kernel_size=3, padding=1)
        if use_1x1conv:
            self.conv3 = nn.Conv2d(input_channels, num_channels,
                                   kernel_size=1, stride=strides)
        else:
            self.conv3 = None
        self.bn1 = nn.BatchNorm2d(num_channels)
        self.bn2 = nn.BatchNorm2d(num_channels)
        # None: follow the module-level PRINT_SHAPES flag.
        self.verbose = verbose

    def forward(self, X):
        Y = F.relu(self.bn1(self.conv1(X)))
        Y = self.bn2(self.conv2(Y))
        if self.conv3:
            X = self.conv3(X)
        if self.verbose if self.verbose is not None else PRINT_SHAPES:
            print(Y.shape)
            print(X.shape)
        Y += X
        return F.relu(Y)


def resnet_block(input_channels, num_channels,
                 num_residuals, first_block=False):
    blk = []
    for i in range(num_residuals):
        if i == 0 and not first_block:
            blk.append(Residual(input_channels, num_channels,
                                use_1x1conv=True, strides=2))
        else:
            blk.append(Residual(num_channels, num_channels))
    return blk


def make_b1():
    return nn.Sequential(nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3),
                         nn.BatchNorm2d(64), nn.ReLU(),
                         nn.MaxPool2d(kernel_size=3, stride=2, padding=1))


def resnet_18(num_classes: int = 10) -> nn.Sequential:
    """Build the notebook's ``resnet_18`` (fresh weights each call)."""
    b1 = make_b1()
    b2 = nn.Sequential(*resnet_block(64, 64, 2, first_block=True))
    b3 = nn.Sequential(*resnet_block(64, 128, 2))
    b4 = nn.Sequential(*resnet_block(128, 256, 2))
    b5 = nn.Sequential(*resnet_block(256, 512, 2))
    return nn.Sequential(b1, b2, b3, b4, b5,
                         nn.AdaptiveAvgPool2d((1, 1)),
                         nn.Flatten(), nn.Linear(512, num_classes))


# ---------------------------------------------------------------- the chapter's exercises
# Variants of the ResNet paper's Table 1 in the notebook's conventions: 1 gray channel, 10
# classes, the notebook's b1, every Conv2d with a bias, shortcuts as 1x1 convolutions with
# bias and no batch norm, and every block printing Y.shape and X.shape before Y += X.

class Bottleneck(nn.Module):
    """ResNet-50/101/152's block: 1x1 (in -> mid), 3x3 (mid, stride), 1x1 (mid -> 4 mid)."""

    def __init__(self, input_channels, num_channels,
                 use_1x1conv=False, strides=1, verbose=None):
        super().__init__()
        out = 4 * num_channels
        self.conv1 = nn.Conv2d(input_channels, num_channels, kernel_size=1)
        self.bn1 = nn.BatchNorm2d(num_channels)
        self.conv2 = nn.Conv2d(num_channels, num_channels,
                               kernel_size=3, padding=1, stride=strides)
        self.bn2 = nn.BatchNorm2d(num_channels)
        self.conv3 = nn.Conv2d(num_channels, out, kernel_size=1)
        self.bn3 = nn.BatchNorm2d(out)
        if use_1x1conv:
            self.conv4 = nn.Conv2d(input_channels, out,
                                   kernel_size=1, stride=strides)
        else:
            self.conv4 = None
        self.verbose = verbose

    def forward(self, X):
        Y = F.relu(self.bn1(self.conv1(X)))
        Y = F.relu(self.bn2(self.conv2(Y)))
        Y = self.bn3(self.conv3(Y))
        if self.conv4:
            X = self.conv4(X)
        if self.verbose if self.verbose is not None else PRINT_SHAPES:
            print(Y.shape)
            print(X.shape)
        Y += X
        return F.relu(Y)


class PreActResidual(nn.Module):
    """Pre-activation: batch norm, ReLU, then convolution; the shortcut conv sees the raw X."""

    def __init__(self, input_channels, num_channels,
                 use_1x1conv=False, strides=1, verbose=None):
        super().__init__()
        self.bn1 = nn.BatchNorm2d(input_channels)
        self.conv1 = nn.Conv2d(input_channels, num_channels,
                               kernel_size=3, padding=1, stride=strides)
        self.bn2 = nn.BatchNorm2d(num_channels)
        self.conv2 = nn.Conv2d(num_channels, num_channels,
                               kernel_size=3, padding=1)
        if use_1x1conv:
            self.conv3 = nn.Conv2d(input_channels, num_channels,
                                   kernel_size=1, stride=strides)
        else:
            self.conv3 = None
        self.verbose = verbose

    def forward(self, X):
        Y = self.conv1(F.relu(self.bn1(X)))
        Y = self.conv2(F.relu(self.bn2(Y)))
        if self.conv3:
            X = self.conv3(X)
        if self.verbose if self.verbose is not None else PRINT_SHAPES:
            print(Y.shape)
            print(X.shape)
        return Y + X


# arch -> (block, blocks per stage b2..b5); the app's src/model/variants.ts has the same rows
ARCHITECTURES = {
    "resnet18": ("basic", [2, 2, 2, 2]),
    "resnet34": ("basic", [3, 4, 6, 3]),
    "resnet50": ("bottleneck", [3, 4, 6, 3]),
    "resnet101": ("bottleneck", [3, 4, 23, 3]),
    "resnet152": ("bottleneck", [3, 8, 36, 3]),
    "resnet18-preact": ("preact", [2, 2, 2, 2]),
    "resnet34-preact": ("preact", [3, 4, 6, 3]),
}

BLOCKS = {"basic": Residual, "bottleneck": Bottleneck, "preact": PreActResidual}


def arch_name(name: str, preact: bool = False) -> str:
    """``--arch resnet34 --preact`` -> ``resnet34-preact``; a ValueError for combinations that do not exist."""
    if name not in ARCHITECTURES or name.endswith("-preact"):
        raise ValueError("unknown architecture %r (resnet18, resnet34, resnet50, resnet101, resnet152)" % name)
    if not preact:
        return name
    if name + "-preact" not in ARCHITECTURES:
        raise ValueError("--preact exists for resnet18 and resnet34 only, not %s (a bottleneck network)" % name)
    return name + "-preact"


def resnet(arch: str = "resnet18", num_classes: int = 10) -> nn.Sequential:
    """Any variant, built like the notebook's resnet_18 (for "resnet18" the same modules and keys)."""
    kind, layers = ARCHITECTURES[arch]
    block = BLOCKS[kind]
    stages, channels = [], 64
    for s, (n, width) in enumerate(zip(layers, [64, 128, 256, 512])):
        blk = []
        for i in range(n):
            strides = 2 if i == 0 and s > 0 else 1
            out = 4 * width if kind == "bottleneck" else width
            blk.append(block(channels, width, use_1x1conv=strides != 1 or out != channels, strides=strides))
            channels = out
        stages.append(nn.Sequential(*blk))
    head = [nn.BatchNorm2d(channels), nn.ReLU()] if kind == "preact" else []
    return nn.Sequential(make_b1(), *stages, *head,
                         nn.AdaptiveAvgPool2d((1, 1)),
                         nn.Flatten(), nn.Linear(channels, num_classes))


def arch_from_keys(keys) -> str:
    """The variant a state_dict's keys belong to (the one whose keys match exactly)."""
    wanted = {k for k in keys if not k.endswith("num_batches_tracked")}
    for name in ARCHITECTURES:
        have = {k for k in resnet(name).state_dict() if not k.endswith("num_batches_tracked")}
        if have == wanted:
            return name
    raise ValueError("these keys fit none of " + ", ".join(ARCHITECTURES))

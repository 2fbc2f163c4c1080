"""ResNet-18 exactly as in the seed notebook (d2l.ai, chapter "Residual Networks").

The module structure (and therefore every ``state_dict`` key) matches the seed:
``resnet_18 = nn.Sequential(b1, b2, b3, b4, b5, AdaptiveAvgPool2d((1,1)), Flatten(),
Linear(512, 10))`` so the keys are ``0.0.weight``, ``0.1.running_mean``,
``1.0.conv1.weight``, ``1.0.bn1.weight``, ``2.0.conv3.weight``, ..., ``7.weight``,
``7.bias``.

The seed's ``Residual.forward`` prints ``Y.shape`` and ``X.shape`` right before
``Y += X``.  Here those prints happen only when asked: set the module-level flag
``PRINT_SHAPES = True`` (or use the ``print_shapes(True)`` helper / the
``verbose=True`` argument of ``Residual``).
"""
import torch
from torch import nn
from torch.nn import functional as F

# When True, every Residual.forward prints Y.shape and X.shape before ``Y += X``,
# exactly like the seed notebook.
PRINT_SHAPES = False


def print_shapes(enabled: bool = True) -> None:
    """Turn the seed's shape prints in ``Residual.forward`` on or off."""
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
    """Build the seed's ``resnet_18`` (fresh weights each call)."""
    b1 = make_b1()
    b2 = nn.Sequential(*resnet_block(64, 64, 2, first_block=True))
    b3 = nn.Sequential(*resnet_block(64, 128, 2))
    b4 = nn.Sequential(*resnet_block(128, 256, 2))
    b5 = nn.Sequential(*resnet_block(256, 512, 2))
    return nn.Sequential(b1, b2, b3, b4, b5,
                         nn.AdaptiveAvgPool2d((1, 1)),
                         nn.Flatten(), nn.Linear(512, num_classes))

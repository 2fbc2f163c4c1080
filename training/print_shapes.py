"""Reproduce the notebook notebook's cell 9 output (24 lines) for torch.rand(1, 1, 224, 224).

    /usr/bin/python3 training/print_shapes.py
"""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import resnet  # noqa: E402


def main():
    resnet.print_shapes(True)
    net = resnet.resnet_18()
    X = torch.rand(size=(1, 1, 224, 224))
    with torch.no_grad():
        for layer in net:
            X = layer(X)
            print(layer.__class__.__name__, 'output shape:\t', X.shape)


if __name__ == '__main__':
    main()

"""Lecture 6 exercises."""

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25


q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    kh, kw = kernel_size
    return in_channels * out_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)


import torch

q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


def conv2d(image, kernel, stride=1, padding=0):
    if padding:
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
        padded[padding:-padding, padding:-padding] = image
        image = padded
    kh, kw = kernel.shape
    oh = (image.shape[0] - kh) // stride + 1
    ow = (image.shape[1] - kw) // stride + 1
    out = torch.zeros(oh, ow)
    for i in range(oh):
        for j in range(ow):
            window = image[i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[i, j] = (window * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
    out = torch.zeros(oh, ow)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
    return out


import logging
import warnings

import torch
import torch.nn.functional as F
from torch import nn

log = logging.getLogger("cnn")


class CNN(nn.Module):
    def __init__(self, verbose=True):
        super().__init__()
        self.verbose = verbose
        self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
        self.pool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
        self.pool2 = nn.MaxPool2d(2)
        self.fc = nn.Linear(2 * 25 * 25, 1)
        self.calls = 0

    def forward(self, x):
        assert x.ndim == 4, f"expected (N, 1, 100, 100), got {tuple(x.shape)}"
        self.calls += 1
        h1 = F.relu(self.conv1(x))
        assert h1.min().item() >= 0.0
        if h1.max().item() == 0.0:
            warnings.warn("conv1 is dead")
        h1 = self.pool1(h1)
        h2 = self.pool2(F.relu(self.conv2(h1)))
        out = self.fc(h2.flatten(1))
        if self.verbose:
            print(f"[{self.calls}] {tuple(x.shape)} -> {tuple(h1.shape)} -> {tuple(h2.shape)} -> {tuple(out.shape)}"
                  f" | conv1 |w|max {self.conv1.weight.abs().max().item():.3f} | out {out.mean().item():.4f}")
        log.debug("activation sums %s %s", h1.sum().item(), h2.sum().item())
        if not torch.isfinite(out).all():
            raise FloatingPointError("non-finite output")
        assert out.shape == (x.shape[0], 1)
        return out


import warnings

import torch
import torch.nn.functional as F
from torch import nn


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels, verbose=True):
        super().__init__()
        self.verbose = verbose
        self.blocks = nn.ModuleList([conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]])
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        n = x.shape[0]
        for i, b in enumerate(self.blocks, 1):
            x = b(x)
            frac = (x > 0).float().mean().item()
            if frac == 0:
                warnings.warn(f"block {i}: all ReLUs dead")
            if self.verbose:
                print(f"block {i}: {frac:.2f} alive, max {x.max().item():.3f}")
        out = self.fc(x.view(n, -1))
        assert out.shape == (n, 1) and torch.isfinite(out).all()
        return out


q9_true = {"C"}


q10_answers = {
    1: True,
    2: False,
    3: True,
    4: True,
    5: False,
    6: False,
    7: True,
    8: False,
}

#!/usr/bin/env -S uv run --script
# /// script
# requires-python = ">=3.11"
# dependencies = [
#     "numpy",
#     "torch>=2.1",
# ]
# ///
"""Lab 6 (run with `uv run lab6.py [--check]`)."""
import sys
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    """Output height/width of a Conv2d (same formula as the PyTorch docs)."""
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel is bigger than the padded input")
    return (size + 2 * padding - kernel_size) // stride + 1


h1 = conv_output_size(100, 3, padding=1)   # conv1
p1 = h1 // 2                               # pool1
h2 = conv_output_size(p1, 3, padding=1)    # conv2
p2 = h2 // 2                               # pool2
q3_shapes = [(3, h1, h1), (3, p1, p1), (2, h2, h2), (2, p2, p2)]
q3_flatten_features = 2 * p2 * p2
print(q3_shapes, q3_flatten_features)


q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 3 * 3 + 3) + (3 * 2 * 3 * 3 + 2) + (1250 + 1)
q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)
print(q4_conv_params, q4_cnn_params, q4_fcnn_params)


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    kh, kw = kernel_size
    n = out_channels * in_channels * kh * kw
    if bias:
        n += out_channels
    return n


def linear_params(in_features, out_features, bias=True):
    n = in_features * out_features
    if bias:
        n += out_features
    return n


from typing import assert_never


def conv2d(image, kernel, stride=1, padding=0):
    """Cross-correlation of a 2-D image with a 2-D kernel (what F.conv2d computes)."""
    match image.shape, kernel.shape:
        case (h, w), (kh, kw):
            pass
        case _:
            raise ValueError(f"expected 2-D tensors, got {tuple(image.shape)=} and {tuple(kernel.shape)=}")
    match padding:
        case 0:
            x = image
        case int(p) if p > 0:
            x = torch.zeros(h + 2 * p, w + 2 * p, dtype=image.dtype)
            x[p:p + h, p:p + w] = image
        case _:
            assert_never(padding)
    rows = []
    i = 0
    while (top := i * stride) + kh <= x.shape[0]:
        rows.append([(x[top:top + kh, left:left + kw] * kernel).sum()
                     for left in range(0, x.shape[1] - kw + 1, stride)])
        i += 1
    return torch.stack([torch.stack(row) for row in rows])


def max_pool2d(image, kernel_size=2):
    match kernel_size:
        case int(k):
            pass
        case (k, k2) if k == k2:
            pass
        case _:
            raise ValueError(f"{kernel_size=} is not supported")
    h, w = (n // k for n in image.shape)
    out = torch.empty(h, w, dtype=image.dtype)
    for i in range(h):
        for j in range(w):
            out[i, j] = (block := image[i * k:(i + 1) * k, j * k:(j + 1) * k]).max()
    return out


q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.main = torch.nn.Sequential(

            torch.nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),

            torch.nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),

            torch.nn.Flatten(),
            torch.nn.Linear(1250, 1)
        )

    def forward(self, x):
        out = self.main(x)
        return out


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
        torch.nn.ReLU()
    )

class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = torch.nn.Sequential(
            conv_block(input_channels, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            torch.nn.Flatten(),
            torch.nn.Linear(49152, 1)
        )

    def forward(self, x):
        out = self.main(x)
        return out


q9_true = {"C"}


q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


def cli(argv: list[str]) -> None:
    match argv:
        case []:
            print("nothing to do (try --check)")
        case ["--check"]:
            x, k = torch.randn(6, 6), torch.randn(3, 3)
            print(torch.allclose(conv2d(x, k, 1, 1), F.conv2d(x[None, None], k[None, None], padding=1)[0, 0],
                                 atol=1e-5))
        case ["--shapes", *_]:
            print(CNN()(torch.rand(1, 1, 100, 100)).shape)
        case _:
            print(f"unknown arguments {argv}", file=sys.stderr)


if __name__ == "__main__":
    cli(sys.argv[1:])

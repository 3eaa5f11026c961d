from __future__ import annotations

import enum
from collections import OrderedDict
from typing import Any

import torch
from torch import nn


class Choice(str, enum.Enum):
    A = "A"
    B = "B"
    C = "C"

    def __str__(self) -> str:
        return self.value


q1_answer = Choice.C


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel does not fit")
    return (size + 2 * padding - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250
q4_conv_params = 84
q4_cnn_params = 1337
q4_fcnn_params = 4238337


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


class CNN(nn.Module):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.features = nn.Sequential(OrderedDict([
            ("conv1", nn.Conv2d(1, 3, kernel_size=3, padding=1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(3, 2, kernel_size=3, padding=1)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
        ]))
        self.head = nn.Sequential(OrderedDict([("flatten", nn.Flatten()), ("fc", nn.Linear(1250, 1))]))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(params={sum(p.numel() for p in self.parameters())})"


def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
    return nn.Sequential(OrderedDict(conv=nn.Conv2d(input_channels, output_channels, 3, padding=1), relu=nn.ReLU()))


class ConvNet(nn.Module):
    def __init__(self, input_channels: int = 1, *, width: int = 3, depth: int = 5, image_size: int = 128) -> None:
        super().__init__()
        chans = [input_channels] + [width] * depth
        self.blocks = nn.Sequential(OrderedDict(
            (f"block{i}", conv_block(a, b)) for i, (a, b) in enumerate(zip(chans, chans[1:]), start=1)))
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(width * image_size * image_size, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(self.flatten(self.blocks(x)))

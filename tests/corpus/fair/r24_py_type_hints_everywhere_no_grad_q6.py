"""Lecture 6 exercises."""

from __future__ import annotations

from typing import Final, Union

import torch
from torch import Tensor, nn

KernelSize = Union[int, "tuple[int, int]"]


q1_answer = "C"


def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    """Height (= width) of nn.Conv2d's output."""
    padded: int = size + 2 * padding
    if kernel_size > padded:
        raise ValueError(f"kernel_size={kernel_size} > padded size {padded}")
    return (padded - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25


q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)


def conv2d_params(in_channels: int, out_channels: int, kernel_size: KernelSize, bias: bool = True) -> int:
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features: int, out_features: int, bias: bool = True) -> int:
    return in_features * out_features + (out_features if bias else 0)


q6_output: list[list[int]] = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


@torch.no_grad()
def conv2d(image: Tensor, kernel: Tensor, stride: int = 1, padding: int = 0) -> Tensor:
    h, w = image.shape
    kh, kw = kernel.shape
    x = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    x[padding:padding + h, padding:padding + w] = image
    oh: int = (x.shape[0] - kh) // stride + 1
    ow: int = (x.shape[1] - kw) // stride + 1
    out = torch.empty(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (x[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


@torch.no_grad()
def max_pool2d(image: Tensor, kernel_size: int = 2) -> Tensor:
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    return image[:oh * k, :ow * k].reshape(oh, k, ow, k).amax(dim=(1, 3))


FLAT: Final[int] = 2 * 25 * 25


class CNN(nn.Module):
    conv1: nn.Conv2d
    conv2: nn.Conv2d
    fc: nn.Linear

    def __init__(self) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(FLAT, 1)

    def forward(self, x: Tensor) -> Tensor:
        x = self.pool(torch.relu(self.conv1(x)))
        x = self.pool(torch.relu(self.conv2(x)))
        return self.fc(torch.flatten(x, start_dim=1))


def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=(3, 3), padding=1), nn.ReLU())


class ConvNet(nn.Module):
    N_BLOCKS: Final[int] = 5

    def __init__(self, input_channels: int) -> None:
        super().__init__()
        chans: list[int] = [input_channels] + [3] * self.N_BLOCKS
        self.features = nn.Sequential(*(conv_block(a, b) for a, b in zip(chans, chans[1:])))
        self.classifier = nn.Linear(3 * 128 * 128, 1)

    def forward(self, x: Tensor) -> Tensor:
        return self.classifier(self.features(x).flatten(1))


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

"""Lecture 6 answers, with careful input validation."""
import math
from typing import Final

import torch
from torch import nn


class KernelDoesNotFitError(ValueError):
    """The kernel is larger than the padded input."""


q1_answer: Final = "C"


def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    for name, value in (("size", size), ("kernel_size", kernel_size), ("stride", stride), ("padding", padding)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if stride < 1:
        raise ValueError("stride must be at least 1")
    if padding < 0:
        raise ValueError("padding must be non-negative")
    padded = size + 2 * padding
    if kernel_size > padded:
        raise KernelDoesNotFitError(f"a {kernel_size}x{kernel_size} kernel does not fit in {padded}x{padded}")
    # number of valid start positions 0, s, 2s, ... <= padded - kernel_size
    return math.ceil((padded - kernel_size + 1) / stride)


q3_shapes: Final = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features: Final = 1250


def conv2d_params(in_channels: int, out_channels: int, kernel_size, bias: bool = True) -> int:
    if isinstance(kernel_size, tuple):
        kh, kw = kernel_size
    else:
        kh = kw = kernel_size
    return in_channels * out_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features: int, out_features: int, bias: bool = True) -> int:
    return in_features * out_features + (out_features if bias else 0)


q4_conv_params: Final = conv2d_params(3, 3, (3, 3))
q4_cnn_params: Final = conv2d_params(1, 3, (3, 3)) + conv2d_params(3, 2, (3, 3)) + linear_params(1250, 1)
q4_fcnn_params: Final = (linear_params(128 * 128, 256) + linear_params(256, 128) + linear_params(128, 64)
                         + linear_params(64, 32) + linear_params(32, 16) + linear_params(16, 1))

q6_output: Final = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    if image.dim() != 2 or kernel.dim() != 2:
        raise ValueError("image and kernel must be 2-D")
    H, W = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype, device=image.device)
    padded[padding:padding + H, padding:padding + W] = image
    oh = (H + 2 * padding - kh) // stride + 1
    ow = (W + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype, device=image.device)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
    if image.dim() != 2:
        raise ValueError("image must be 2-D")
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    out = torch.zeros(oh, ow, dtype=image.dtype, device=image.device)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


class CNN(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
            nn.Conv2d(3, 2, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
            nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.dim() != 4:
            raise ValueError(f"expected (N, 1, 100, 100), got {tuple(x.shape)}")
        return self.main(x)


def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, (3, 3), padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels: int) -> None:
        super().__init__()
        if input_channels < 1:
            raise ValueError("input_channels must be positive")
        self.main = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
                                  conv_block(3, 3), nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.main(x)


q9_true: Final = {"C"}
q10_answers: Final = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

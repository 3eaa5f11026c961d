"""DSCI 572 lecture 6 exercises.

Layers are described by small dataclasses so that the shapes, the parameter counts and the
networks all come from one description.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Sequence, Tuple, Union

import torch
from torch import nn

Shape = Tuple[int, int, int]


@dataclass
class ConvSpec:
    in_channels: int
    out_channels: int
    kernel_size: int = 3
    padding: int = 1
    bias: bool = True

    def params(self) -> int:
        return conv2d_params(self.in_channels, self.out_channels, self.kernel_size, self.bias)

    def build(self) -> nn.Conv2d:
        return nn.Conv2d(self.in_channels, self.out_channels, self.kernel_size, padding=self.padding, bias=self.bias)


@dataclass
class Network:
    convs: List[ConvSpec] = field(default_factory=list)
    pool: int = 2

    def shapes(self, size: int) -> List[Shape]:
        out: List[Shape] = []
        for spec in self.convs:
            size = conv_output_size(size, spec.kernel_size, padding=spec.padding)
            out.append((spec.out_channels, size, size))
            size //= self.pool
            out.append((spec.out_channels, size, size))
        return out


# Q1 ---------------------------------------------------------------------------------------
q1_answer: str = "C"


# Q2 ---------------------------------------------------------------------------------------
def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    """Output height of ``nn.Conv2d`` (floor division, like PyTorch)."""
    span = size + 2 * padding - kernel_size
    if span < 0:
        raise ValueError(f"a {kernel_size}x{kernel_size} kernel does not fit a padded {size + 2 * padding}x{size + 2 * padding} input")
    return span // stride + 1


# Q3 ---------------------------------------------------------------------------------------
POOLED = Network([ConvSpec(1, 3), ConvSpec(3, 2)])
q3_shapes: List[Shape] = POOLED.shapes(100)
q3_flatten_features: int = q3_shapes[-1][0] * q3_shapes[-1][1] * q3_shapes[-1][2]


# Q5 ---------------------------------------------------------------------------------------
def conv2d_params(in_channels: int, out_channels: int, kernel_size: Union[int, Sequence[int]], bias: bool = True) -> int:
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features: int, out_features: int, bias: bool = True) -> int:
    return out_features * in_features + (out_features if bias else 0)


# Q4 ---------------------------------------------------------------------------------------
q4_conv_params: int = ConvSpec(3, 3, padding=0).params()
q4_cnn_params: int = sum(s.params() for s in POOLED.convs) + linear_params(q3_flatten_features, 1)
_sizes = [128 * 128, 256, 128, 64, 32, 16, 1]
q4_fcnn_params: int = sum(linear_params(a, b) for a, b in zip(_sizes[:-1], _sizes[1:]))

# Q6 ---------------------------------------------------------------------------------------
q6_output: List[List[int]] = [
    [12, 12, 17],
    [10, 17, 19],
    [9, 6, 14],
]


def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    if padding > 0:
        big = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        big[padding:-padding, padding:-padding] = image
        image = big
    kh, kw = kernel.shape
    oh = (image.shape[0] - kh) // stride + 1
    ow = (image.shape[1] - kw) // stride + 1
    result = torch.empty(oh, ow, dtype=image.dtype)
    for r in range(oh):
        for c in range(ow):
            window = image[r * stride:r * stride + kh, c * stride:c * stride + kw]
            result[r, c] = (window * kernel).sum()
    return result


def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
    oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
    result = torch.empty(oh, ow, dtype=image.dtype)
    for r in range(oh):
        for c in range(ow):
            result[r, c] = image[r * kernel_size:(r + 1) * kernel_size, c * kernel_size:(c + 1) * kernel_size].max()
    return result


# Q7 ---------------------------------------------------------------------------------------
class CNN(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        layers: List[nn.Module] = []
        for spec in POOLED.convs:
            layers += [spec.build(), nn.ReLU(), nn.MaxPool2d(POOLED.pool)]
        layers += [nn.Flatten(), nn.Linear(q3_flatten_features, 1)]
        self.net = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


# Q8 ---------------------------------------------------------------------------------------
def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
    return nn.Sequential(ConvSpec(input_channels, output_channels).build(), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels: int) -> None:
        super().__init__()
        channels = [input_channels, 3, 3, 3, 3, 3]
        self.features = nn.Sequential(*[conv_block(a, b) for a, b in zip(channels, channels[1:])])
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(49152, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(self.flatten(self.features(x)))


# Q9, Q10 ----------------------------------------------------------------------------------
q9_true: set[str] = {"C"}
q10_answers: dict[int, bool] = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


if __name__ == "__main__":
    print(q3_shapes, q3_flatten_features, q4_conv_params, q4_cnn_params, q4_fcnn_params)
    print(sum(p.numel() for p in ConvNet(1).parameters()))

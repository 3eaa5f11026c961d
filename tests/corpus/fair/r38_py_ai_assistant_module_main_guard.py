"""Lab 6: convolutional networks.

All answers are module-level names; helper functions are typed and documented.
"""
from __future__ import annotations

import enum
import logging
import math
from dataclasses import dataclass
from typing import Final, Protocol, Sequence

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

__all__ = ["q1_answer", "conv_output_size", "q3_shapes", "q3_flatten_features", "conv2d", "max_pool2d",
           "CNN", "conv_block", "ConvNet", "q9_true", "q10_answers"]

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
logger = logging.getLogger("lab6")


q1_answer: Final[str] = "C"


def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    """Return the output height (= width) of a square convolution.

    >>> conv_output_size(100, 3, padding=1)
    100
    >>> conv_output_size(4, 3)
    2
    """
    if (padded := size + 2 * padding) < kernel_size:
        raise ValueError(f"kernel {kernel_size=} larger than padded input {padded=}")
    return (padded - kernel_size) // stride + 1


assert conv_output_size(28, 5) == 24, "sanity check failed"
logger.info("q2 ok: %s", f"{conv_output_size(32, 3, stride=2, padding=1)=}")


@dataclass(frozen=True, slots=True)
class Shape:
    channels: int
    height: int
    width: int

    def as_tuple(self) -> tuple[int, int, int]:
        return (self.channels, self.height, self.width)


def walk(shape: Shape, layers: Sequence[tuple[str, int]]) -> list[Shape]:
    shapes: list[Shape] = []
    for kind, value in layers:
        match kind:
            case "conv":
                side = conv_output_size(shape.height, 3, padding=1)
                shape = Shape(value, side, side)
            case "pool":
                shape = Shape(shape.channels, shape.height // value, shape.width // value)
            case _:
                raise ValueError(kind)
        shapes.append(shape)
    return shapes


_walked = walk(Shape(1, 100, 100), [("conv", 3), ("pool", 2), ("conv", 2), ("pool", 2)])
q3_shapes: Final = [s.as_tuple() for s in _walked]
q3_flatten_features: Final[int] = math.prod(q3_shapes[-1])
print(f"{q3_shapes=} {q3_flatten_features=}")


def conv2d_params(in_channels: int, out_channels: int, kernel_size: int | tuple[int, int], bias: bool = True) -> int:
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features: int, out_features: int, bias: bool = True) -> int:
    return in_features * out_features + (out_features if bias else 0)


q4_conv_params: Final = conv2d_params(3, 3, 3)
q4_cnn_params: Final = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
_widths: Final = (128 * 128, 256, 128, 64, 32, 16, 1)
q4_fcnn_params: Final = sum(linear_params(a, b) for a, b in zip(_widths, _widths[1:]))
print(f"{q4_conv_params=}, {q4_cnn_params=}, {q4_fcnn_params=}")


class Tensor2D(Protocol):
    shape: torch.Size

    def __getitem__(self, index: object) -> torch.Tensor: ...


def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """Cross-correlate a 2-D image with a 2-D kernel (no flip), as ``F.conv2d`` does.

    >>> conv2d(torch.ones(3, 3), torch.ones(2, 2)).tolist()
    [[4.0, 4.0], [4.0, 4.0]]
    """
    (h, w), (kh, kw) = image.shape, kernel.shape
    padded = image.new_zeros(h + 2 * padding, w + 2 * padding)
    padded[padding:padding + h, padding:padding + w] = image
    out_h, out_w = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = image.new_empty(out_h, out_w)
    for i in range(out_h):
        for j in range(out_w):
            top, left = i * stride, j * stride
            out[i, j] = (padded[top:top + kh, left:left + kw] * kernel).sum()
    return out


def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
    """Non-overlapping max pooling.

    >>> max_pool2d(torch.arange(16.).reshape(4, 4)).tolist()
    [[5.0, 7.0], [13.0, 15.0]]
    """
    k = kernel_size
    rows, cols = image.shape[0] // k, image.shape[1] // k
    return torch.stack([torch.stack([image[r * k:(r + 1) * k, c * k:(c + 1) * k].max() for c in range(cols)])
                        for r in range(rows)])


q6_output: Final = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])

import doctest
doctest.testmod(verbose=False)


class Activation(enum.StrEnum):
    RELU = "relu"
    IDENTITY = "identity"


def activation(kind: Activation) -> nn.Module:
    match kind:
        case Activation.RELU:
            return nn.ReLU()
        case Activation.IDENTITY:
            return nn.Identity()


class CNN(nn.Module):
    """The pooled CNN of question 3."""

    def __init__(self) -> None:
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), activation(Activation.RELU), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), activation(Activation.RELU), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(q3_flatten_features, 1),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.main(x)


def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
                         activation(Activation.RELU))


class ConvNet(nn.Module):
    WIDTH: Final = 3
    DEPTH: Final = 5
    SIDE: Final = 128

    def __init__(self, input_channels: int) -> None:
        super().__init__()
        channels = [input_channels, *[self.WIDTH] * self.DEPTH]
        self.features = nn.Sequential(*(conv_block(a, b) for a, b in zip(channels, channels[1:])))
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(self.WIDTH * self.SIDE ** 2, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.features(x))


for c in (1, 3):
    assert (y := ConvNet(c)(torch.zeros(2, c, 128, 128))).shape == (2, 1), y.shape
logger.info("models ok")


q9_true: Final[frozenset[str]] = frozenset({"C"})


q10_answers: Final[dict[int, bool]] = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


print(CNN()(torch.rand(2, 1, 100, 100)).shape, sum(p.numel() for p in CNN().parameters()))
for c in (1, 3):
    print(c, ConvNet(c)(torch.rand(2, c, 128, 128)).shape, sum(p.numel() for p in ConvNet(c).parameters()))


def main() -> None:
    """Run the self-checks (``python lab6.py``)."""
    logger.info("q1=%s q3=%s", q1_answer, q3_shapes)
    x = torch.randn(7, 9)
    k = torch.randn(3, 2)
    torch.testing.assert_close(conv2d(x, k, stride=2, padding=1), F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0])
    torch.testing.assert_close(max_pool2d(x), F.max_pool2d(x[None, None], 2)[0, 0])
    logger.info("all self-checks passed")


if __name__ == "__main__":
    main()

"""Lecture 6, written with strict typing (I run mypy --strict on everything)."""
from __future__ import annotations

from typing import Final, Literal, NewType, Protocol, Sequence, TypeAlias, TypeVar, overload, runtime_checkable

import torch
from torch import Tensor, nn

Letter: TypeAlias = Literal["A", "B", "C", "D", "E"]
Shape3: TypeAlias = tuple[int, int, int]
ParamCount = NewType("ParamCount", int)
T = TypeVar("T", int, float)

q1_answer: Final[Letter] = "C"


def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    span: int = size + 2 * padding - kernel_size
    if span < 0:
        raise ValueError("kernel_size exceeds the padded input")
    return span // stride + 1


@runtime_checkable
class ShapeRule(Protocol):
    def __call__(self, shape: Shape3) -> Shape3: ...


class SameConv:
    def __init__(self, out_channels: int) -> None:
        self.out_channels = out_channels

    def __call__(self, shape: Shape3) -> Shape3:
        _, h, w = shape
        return (self.out_channels, conv_output_size(h, 3, 1, 1), conv_output_size(w, 3, 1, 1))


class HalvingPool:
    def __call__(self, shape: Shape3) -> Shape3:
        c, h, w = shape
        return (c, h // 2, w // 2)


def trace(shape: Shape3, rules: Sequence[ShapeRule]) -> list[Shape3]:
    out: list[Shape3] = []
    for rule in rules:
        assert isinstance(rule, ShapeRule)
        shape = rule(shape)
        out.append(shape)
    return out


q3_shapes: list[Shape3] = trace((1, 100, 100), [SameConv(3), HalvingPool(), SameConv(2), HalvingPool()])
q3_flatten_features: Final[int] = q3_shapes[-1][0] * q3_shapes[-1][1] * q3_shapes[-1][2]


@overload
def _pair(k: int) -> tuple[int, int]: ...
@overload
def _pair(k: tuple[int, int]) -> tuple[int, int]: ...
def _pair(k: int | tuple[int, int]) -> tuple[int, int]:
    return (k, k) if isinstance(k, int) else (k[0], k[1])


def conv2d_params(in_channels: int, out_channels: int, kernel_size: int | tuple[int, int],
                  bias: bool = True) -> ParamCount:
    kh, kw = _pair(kernel_size)
    return ParamCount(out_channels * in_channels * kh * kw + (out_channels if bias else 0))


def linear_params(in_features: int, out_features: int, bias: bool = True) -> ParamCount:
    return ParamCount(out_features * in_features + (out_features if bias else 0))


q4_conv_params: ParamCount = conv2d_params(3, 3, (3, 3))
q4_cnn_params: ParamCount = ParamCount(conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(1250, 1))
_WIDTHS: Final = (128 * 128, 256, 128, 64, 32, 16, 1)
q4_fcnn_params: ParamCount = ParamCount(sum(linear_params(i, o) for i, o in zip(_WIDTHS, _WIDTHS[1:])))

q6_output: list[list[int]] = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


def conv2d(image: Tensor, kernel: Tensor, stride: int = 1, padding: int = 0) -> Tensor:
    kh, kw = kernel.shape
    h, w = image.shape
    x: Tensor = torch.zeros((h + 2 * padding, w + 2 * padding), dtype=image.dtype)
    x[padding:padding + h, padding:padding + w] = image
    ow: int = (w + 2 * padding - kw) // stride + 1
    oh: int = (h + 2 * padding - kh) // stride + 1
    out: Tensor = torch.empty((oh, ow), dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = torch.sum(x[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel)
    return out


def max_pool2d(image: Tensor, kernel_size: int = 2) -> Tensor:
    k: int = kernel_size
    rows: list[Tensor] = [
        torch.stack([image[i:i + k, j:j + k].max() for j in range(0, image.shape[1] - k + 1, k)])
        for i in range(0, image.shape[0] - k + 1, k)
    ]
    return torch.stack(rows)


class CNN(nn.Module):
    conv1: nn.Conv2d
    conv2: nn.Conv2d
    fc: nn.Linear

    def __init__(self) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1)
        self.conv2 = nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1)
        self.pool: nn.MaxPool2d = nn.MaxPool2d((2, 2))
        self.act: nn.ReLU = nn.ReLU()
        self.flat: nn.Flatten = nn.Flatten()
        self.fc = nn.Linear(q3_flatten_features, 1)

    def forward(self, x: Tensor) -> Tensor:
        x = self.pool(self.act(self.conv1(x)))
        x = self.pool(self.act(self.conv2(x)))
        return self.fc(self.flat(x))


def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, (3, 3), padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels: int) -> None:
        super().__init__()
        blocks: list[nn.Module] = [conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)]
        self.body: nn.Sequential = nn.Sequential(*blocks, nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x: Tensor) -> Tensor:
        out: Tensor = self.body(x)
        return out


q9_true: set[Letter] = {"C"}
q10_answers: dict[int, bool] = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

"""Lecture 6 answers, written like a small library."""
from __future__ import annotations

import functools
import inspect
import numbers
from typing import Callable, Final, TypeVar

import torch
from torch import nn

__all__ = [
    "q1_answer", "conv_output_size", "q3_shapes", "q3_flatten_features", "q4_conv_params",
    "q4_cnn_params", "q4_fcnn_params", "conv2d_params", "linear_params", "q6_output", "conv2d",
    "max_pool2d", "CNN", "conv_block", "ConvNet", "q9_true", "q10_answers",
]

F_T = TypeVar("F_T", bound=Callable)


class LectureError(Exception):
    """Base class of every error raised here."""


class KernelDoesNotFitError(LectureError, ValueError):
    """The kernel is larger than the padded input."""


class BadArgumentError(LectureError, ValueError):
    pass


def validate_ints(*names: str) -> Callable[[F_T], F_T]:
    """Decorator: the named arguments must be integers (bool excluded)."""
    def deco(fn: F_T) -> F_T:
        sig = inspect.signature(fn)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            bound = sig.bind(*args, **kwargs)
            bound.apply_defaults()
            for name in names:
                value = bound.arguments[name]
                if isinstance(value, bool) or not isinstance(value, numbers.Integral):
                    raise TypeError(f"{fn.__name__}: {name} must be an int, got {type(value).__name__}")
            return fn(*bound.args, **bound.kwargs)
        return wrapper  # type: ignore[return-value]
    return deco


q1_answer: Final[str] = "C"


@validate_ints("size", "kernel_size", "stride", "padding")
def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    if stride < 1:
        raise BadArgumentError(f"stride must be positive, got {stride}")
    if padding < 0:
        raise BadArgumentError(f"padding must be non-negative, got {padding}")
    padded = size + 2 * padding
    if kernel_size > padded:
        raise KernelDoesNotFitError(f"kernel {kernel_size} does not fit padded input {padded}")
    return int((padded - kernel_size) // stride + 1)


INPUT_SIZE: Final[int] = 100
_s1 = conv_output_size(INPUT_SIZE, 3, padding=1)
_p1 = conv_output_size(_s1, 2, stride=2)
_s2 = conv_output_size(_p1, 3, padding=1)
_p2 = conv_output_size(_s2, 2, stride=2)
q3_shapes: Final[list] = [(3, _s1, _s1), (3, _p1, _p1), (2, _s2, _s2), (2, _p2, _p2)]
q3_flatten_features: Final[int] = 2 * _p2 * _p2


@validate_ints("in_channels", "out_channels")
def conv2d_params(in_channels: int, out_channels: int, kernel_size, bias: bool = True) -> int:
    if isinstance(kernel_size, numbers.Integral):
        kh = kw = int(kernel_size)
    else:
        kh, kw = kernel_size
    assert kh > 0 and kw > 0, f"kernel_size must be positive, got {kernel_size!r}"
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


@validate_ints("in_features", "out_features")
def linear_params(in_features: int, out_features: int, bias: bool = True) -> int:
    return out_features * in_features + (out_features if bias else 0)


q4_conv_params: Final[int] = conv2d_params(3, 3, 3)
q4_cnn_params: Final[int] = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
_FCNN_SIZES: Final[tuple] = (128 * 128, 256, 128, 64, 32, 16, 1)
q4_fcnn_params: Final[int] = sum(linear_params(a, b) for a, b in zip(_FCNN_SIZES, _FCNN_SIZES[1:]))


def _check_2d(name: str, t) -> None:
    if not isinstance(t, torch.Tensor):
        raise TypeError(f"{name} must be a torch.Tensor, got {type(t).__name__}")
    if t.dim() != 2:
        raise BadArgumentError(f"{name} must be 2-D, got shape {tuple(t.shape)}")


def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    _check_2d("image", image)
    _check_2d("kernel", kernel)
    h, w = image.shape
    kh, kw = kernel.shape
    padded = image.new_zeros((h + 2 * padding, w + 2 * padding))
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    if oh <= 0 or ow <= 0:
        raise KernelDoesNotFitError("kernel does not fit")
    out = image.new_zeros((oh, ow))
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
    _check_2d("image", image)
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    out = image.new_empty((oh, ow))
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


_Q6_IMAGE: Final = torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]])
_Q6_KERNEL: Final = torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]])
q6_output = conv2d(_Q6_IMAGE, _Q6_KERNEL)


class CNN(nn.Module):
    """The pooled CNN of question 3."""

    def __init__(self) -> None:
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(q3_flatten_features, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not isinstance(x, torch.Tensor):
            raise TypeError("CNN expects a tensor")
        return self.head(self.features(x))

    def __repr__(self) -> str:
        n = sum(p.numel() for p in self.parameters())
        return f"CNN(params={n})"


@validate_ints("input_channels", "output_channels")
def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    N_BLOCKS: Final[int] = 5

    def __init__(self, input_channels: int) -> None:
        super().__init__()
        if input_channels < 1:
            raise BadArgumentError("input_channels must be >= 1")
        blocks = [conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(self.N_BLOCKS - 1)]
        self.blocks = nn.Sequential(*blocks)
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(3 * 128 * 128, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(self.flatten(self.blocks(x)))


q9_true: Final[set] = {"C"}
q10_answers: Final[dict] = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Protocol, overload

import torch
from torch import Tensor, nn

q1_answer: str = "C"


@overload
def conv_output_size(size: int, kernel_size: int) -> int: ...
@overload
def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int: ...
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError(f"kernel_size={kernel_size} does not fit in {padded}")
    return (padded - kernel_size) // stride + 1


q3_shapes: list[tuple[int, int, int]] = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features: int = 2 * 25 * 25
q4_conv_params: int = 3 * 3 * 3 * 3 + 3
q4_cnn_params: int = 30 + 56 + 1251
q4_fcnn_params: int = sum(i * o + o for i, o in [(16384, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])


@overload
def conv2d_params(in_channels: int, out_channels: int, kernel_size: int, bias: bool = True) -> int: ...
@overload
def conv2d_params(in_channels: int, out_channels: int, kernel_size: tuple[int, int], bias: bool = True) -> int: ...
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features: int, out_features: int, bias: bool = True) -> int:
    return out_features * in_features + (out_features if bias else 0)


class Op2d(Protocol):
    def __call__(self, image: Tensor, kernel: Tensor, stride: int = 1, padding: int = 0) -> Tensor: ...


class Layer(ABC):
    @abstractmethod
    def conv2d(self, image: Tensor, kernel: Tensor, stride: int = 1, padding: int = 0) -> Tensor: ...

    @abstractmethod
    def max_pool2d(self, image: Tensor, kernel_size: int = 2) -> Tensor: ...


class ByHand(Layer):
    def conv2d(self, image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        p = image.new_zeros(h + 2 * padding, w + 2 * padding)
        p[padding:padding + h, padding:padding + w] = image
        oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
        out = image.new_zeros(oh, ow)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (p[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out

    def max_pool2d(self, image, kernel_size=2):
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        return image[:oh * k, :ow * k].reshape(oh, k, ow, k).amax(dim=(1, 3))


_ops = ByHand()
conv2d: Op2d = _ops.conv2d
max_pool2d = _ops.max_pool2d
q6_output: Tensor = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


class CNN(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                 nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                 nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x: Tensor) -> Tensor:
        return self.net(x)


def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels: int) -> None:
        super().__init__()
        self.net = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                                 nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x: Tensor) -> Tensor:
        return self.net(x)


q9_true: set[str] = {"C"}
q10_answers: dict[int, bool] = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, Iterable, Protocol, TypeVar, runtime_checkable

import torch
from torch import nn

T = TypeVar("T")


@runtime_checkable
class HasParams(Protocol):
    def n_params(self) -> int: ...


@dataclass(frozen=True)
class ConvSpec:
    in_channels: int
    out_channels: int
    kernel_size: int = 3
    padding: int = 1
    bias: bool = True

    def n_params(self) -> int:
        return conv2d_params(self.in_channels, self.out_channels, self.kernel_size, self.bias)

    def build(self) -> nn.Conv2d:
        return nn.Conv2d(self.in_channels, self.out_channels, self.kernel_size, padding=self.padding, bias=self.bias)


@dataclass(frozen=True)
class LinearSpec:
    in_features: int
    out_features: int
    bias: bool = True

    def n_params(self) -> int:
        return linear_params(self.in_features, self.out_features, self.bias)


@dataclass
class Registry(Generic[T]):
    items: list[T] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)

    def add(self, item: T) -> T:
        self.items.append(item)
        return item

    def total(self) -> int:
        return sum(i.n_params() for i in self.items if isinstance(i, HasParams))


def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel larger than the padded input")
    return (size + 2 * padding - kernel_size) // stride + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True) -> int:
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True) -> int:
    return out_features * in_features + (out_features if bias else 0)


q1_answer = "C"
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25

_cnn_reg: Registry[HasParams] = Registry()
_cnn_reg.add(ConvSpec(1, 3))
_cnn_reg.add(ConvSpec(3, 2))
_cnn_reg.add(LinearSpec(q3_flatten_features, 1))
q4_cnn_params = _cnn_reg.total()
q4_conv_params = ConvSpec(3, 3, padding=0).n_params()
_fc_reg: Registry[LinearSpec] = Registry(items=[LinearSpec(a, b) for a, b in
                                                [(16384, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)]])
q4_fcnn_params = _fc_reg.total()


def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    H, W = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros((H + 2 * padding, W + 2 * padding), dtype=image.dtype)
    padded[padding:padding + H, padding:padding + W] = image
    rows = range(0, H + 2 * padding - kh + 1, stride)
    cols = range(0, W + 2 * padding - kw + 1, stride)
    return torch.tensor([[float((padded[r:r + kh, c:c + kw] * kernel).sum()) for c in cols] for r in rows],
                        dtype=torch.float64).to(image.dtype) if image.is_floating_point() else \
        torch.tensor([[int((padded[r:r + kh, c:c + kw] * kernel).sum()) for c in cols] for r in rows], dtype=image.dtype)


def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
    k = kernel_size
    H, W = image.shape
    return torch.stack([torch.stack([image[r:r + k, c:c + k].max() for c in range(0, W - k + 1, k)])
                        for r in range(0, H - k + 1, k)])


q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


class Block(Protocol):
    def __call__(self, x: torch.Tensor) -> torch.Tensor: ...


@dataclass
class CNNConfig:
    convs: list[ConvSpec] = field(default_factory=lambda: [ConvSpec(1, 3), ConvSpec(3, 2)])
    pool: int = 2
    head: LinearSpec = field(default_factory=lambda: LinearSpec(1250, 1))


class CNN(nn.Module):
    def __init__(self, config: CNNConfig | None = None):
        super().__init__()
        self.config = config or CNNConfig()
        layers: list[nn.Module] = []
        for spec in self.config.convs:
            layers += [spec.build(), nn.ReLU(), nn.MaxPool2d(self.config.pool)]
        layers += [nn.Flatten(), nn.Linear(self.config.head.in_features, self.config.head.out_features)]
        self.layers = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.layers(x)


def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
    return nn.Sequential(ConvSpec(input_channels, output_channels).build(), nn.ReLU())


def _chain(blocks: Iterable[Block], x: torch.Tensor) -> torch.Tensor:
    for b in blocks:
        x = b(x)
    return x


@dataclass
class ConvNetConfig:
    input_channels: int = 1
    widths: list[int] = field(default_factory=lambda: [3, 3, 3, 3, 3])
    image_size: int = 128


class ConvNet(nn.Module):
    def __init__(self, input_channels: int):
        super().__init__()
        cfg = ConvNetConfig(input_channels=input_channels)
        chans = [cfg.input_channels, *cfg.widths]
        self.blocks = nn.ModuleList(conv_block(a, b) for a, b in zip(chans, chans[1:]))
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(cfg.widths[-1] * cfg.image_size ** 2, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(self.flatten(_chain(self.blocks, x)))


q9_true = frozenset({"C"})
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

from __future__ import annotations

import argparse
from typing import Protocol, Sequence

import torch
from torch import nn


class SizeRule(Protocol):
    def __call__(self, size: int, kernel_size: int, stride: int = ..., padding: int = ...) -> int: ...


q1_answer: str = "C"


def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


rule: SizeRule = conv_output_size
q3_shapes: list[tuple[int, int, int]] = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features: int = 1250
q4_conv_params: int = 84
q4_cnn_params: int = 1337
q4_fcnn_params: int = 4238337


def conv2d_params(in_channels: int, out_channels: int, kernel_size: int | tuple[int, int], bias: bool = True) -> int:
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features: int, out_features: int, bias: bool = True) -> int:
    return out_features * in_features + (out_features if bias else 0)


q6_output: torch.Tensor = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
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


def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


class Forward(Protocol):
    def forward(self, x: torch.Tensor) -> torch.Tensor: ...


class CNN(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.main: nn.Sequential = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.main(x)


def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels: int) -> None:
        super().__init__()
        chans: Sequence[int] = (input_channels, 3, 3, 3, 3, 3)
        self.main = nn.Sequential(*[conv_block(a, b) for a, b in zip(chans, chans[1:])], nn.Flatten(),
                                  nn.Linear(49152, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.main(x)


q9_true: set[str] = {"C"}
q10_answers: dict[int, bool] = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="lecture 6 checks")
    parser.add_argument("--batch", type=int, default=2)
    parser.add_argument("--channels", type=int, default=1)
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        print("ignoring", unknown)
    model: Forward = ConvNet(args.channels)
    print(model.forward(torch.randn(args.batch, args.channels, 128, 128)).shape)
    print(CNN()(torch.randn(args.batch, 1, 100, 100)).shape)


if __name__ == "__main__":
    main([])

# Lecture 6 -- layer specs as dataclasses (keyword-only options, a class-level registry of every spec made)
from dataclasses import KW_ONLY, dataclass, field
from typing import ClassVar

import torch
from torch import nn


@dataclass
class ConvSpec:
    in_channels: int
    out_channels: int
    kernel_size: int | tuple = 3
    _: KW_ONLY
    stride: int = 1
    padding: int = 0
    bias: bool = True
    made: ClassVar[list] = []          # every spec ever created, for debugging

    def __post_init__(self):
        ConvSpec.made.append(self)

    @property
    def kernel(self):
        return (self.kernel_size, self.kernel_size) if isinstance(self.kernel_size, int) else tuple(self.kernel_size)

    def n_params(self):
        kh, kw = self.kernel
        return self.out_channels * self.in_channels * kh * kw + (self.out_channels if self.bias else 0)

    def out_side(self, side):
        span = side + 2 * self.padding - self.kernel[0]
        if span < 0:
            raise ValueError("kernel does not fit")
        return span // self.stride + 1

    def build(self):
        return nn.Conv2d(self.in_channels, self.out_channels, self.kernel_size, stride=self.stride,
                         padding=self.padding, bias=self.bias)


q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    return ConvSpec(1, 1, kernel_size, stride=stride, padding=padding).out_side(size)


CONV1 = ConvSpec(1, 3, 3, padding=1)
CONV2 = ConvSpec(3, 2, 3, padding=1)
_s1 = CONV1.out_side(100)
_s2 = CONV2.out_side(_s1 // 2)
q3_shapes = [(3, _s1, _s1), (3, _s1 // 2, _s1 // 2), (2, _s2, _s2), (2, _s2 // 2, _s2 // 2)]
q3_flatten_features = 2 * (_s2 // 2) ** 2


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    return ConvSpec(in_channels, out_channels, kernel_size, bias=bias).n_params()


def linear_params(in_features, out_features, bias=True):
    return ConvSpec(in_features, out_features, 1, bias=bias).n_params()


q4_conv_params = conv2d_params(3, 3, (3, 3))
q4_cnn_params = CONV1.n_params() + CONV2.n_params() + linear_params(q3_flatten_features, 1)
q4_fcnn_params = sum(linear_params(a, b) for a, b in [(16384, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])

q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    x = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
    x[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
    oh, ow = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (x[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(CONV1.build(), nn.ReLU(), nn.MaxPool2d(2), CONV2.build(), nn.ReLU(), nn.MaxPool2d(2),
                                 nn.Flatten(), nn.Linear(q3_flatten_features, 1))

    def forward(self, x):
        return self.net(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(ConvSpec(input_channels, output_channels, 3, padding=1).build(), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.net = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                                 nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.net(x)


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

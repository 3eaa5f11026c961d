# Lecture 6 -- functools.singledispatch instead of isinstance chains (kernel sizes come as int, tuple or list)
from functools import singledispatch

import torch
import torch.nn as nn


@singledispatch
def as_pair(k) -> tuple:
    raise TypeError(f"unsupported kernel size {k!r}")


@as_pair.register
def _(k: int) -> tuple:
    return (k, k)


@as_pair.register
def _(k: tuple) -> tuple:
    return (k[0], k[1])


@as_pair.register
def _(k: list) -> tuple:
    return (k[0], k[1])


@as_pair.register
def _(k: torch.Size) -> tuple:
    return (k[0], k[1])


q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    k, _ = as_pair(kernel_size)
    if k > size + 2 * padding:
        raise ValueError("kernel does not fit")
    return (size + 2 * padding - k) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = as_pair(kernel_size)
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


q4_conv_params = conv2d_params(3, 3, [3, 3])
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(1250, 1)
q4_fcnn_params = sum(linear_params(a, b) for a, b in [(16384, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])


@singledispatch
def to_tensor(x):
    return torch.as_tensor(x)


@to_tensor.register
def _(x: torch.Tensor):
    return x


def conv2d(image, kernel, stride=1, padding=0):
    image, kernel = to_tensor(image), to_tensor(kernel)
    kh, kw = as_pair(kernel.shape)
    x = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
    x[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
    oh, ow = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (x[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    image = to_tensor(image)
    kh, kw = as_pair(kernel_size)
    out = torch.zeros(image.shape[0] // kh, image.shape[1] // kw, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * kh:(i + 1) * kh, j * kw:(j + 1) * kw].max()
    return out


q6_output = conv2d([[3., 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]],
                   [[0., 1, 2], [2, 2, 0], [0, 1, 2]])


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                    nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                    nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        return self.layers(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.layers = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                                    nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.layers(x)


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

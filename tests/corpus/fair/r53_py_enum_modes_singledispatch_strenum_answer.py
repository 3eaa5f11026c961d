import enum
import functools

import numpy as np
import torch
import torch.nn as nn


class Choice(enum.StrEnum):
    A = "A"
    B = "B"
    C = "C"


q1_answer = Choice.C


class Padding(enum.Enum):
    VALID = "valid"
    SAME = "same"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if isinstance(padding, Padding):
        padding = 0 if padding is Padding.VALID else kernel_size // 2
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError(f"kernel {kernel_size} > padded {padded}")
    return (padded - kernel_size) // stride + 1


def _after(c, s, k, p, st):
    return (c, conv_output_size(s, k, st, p), conv_output_size(s, k, st, p))


s = 100
q3_shapes = []
for c, k, p, st in [(3, 3, 1, 1), (3, 2, 0, 2), (2, 3, 1, 1), (2, 2, 0, 2)]:
    shape = _after(c, s, k, p, st)
    q3_shapes.append(shape)
    s = shape[1]
q3_flatten_features = int(np.prod(q3_shapes[-1]))


@functools.singledispatch
def _kernel_area(kernel_size):
    raise TypeError(f"unsupported kernel_size {kernel_size!r}")


@_kernel_area.register
def _(kernel_size: int):
    return kernel_size * kernel_size


@_kernel_area.register(tuple)
@_kernel_area.register(list)
def _(kernel_size):
    kh, kw = kernel_size
    return kh * kw


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    return in_channels * out_channels * _kernel_area(kernel_size) + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return (in_features + (1 if bias else 0)) * out_features


q4_conv_params = conv2d_params(3, 3, (3, 3))
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
q4_fcnn_params = sum(linear_params(i, o) for i, o in [(16384, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])


class Reduce(enum.Enum):
    SUM = enum.auto()
    MAX = enum.auto()


@functools.singledispatch
def _as_tensor(x):
    return torch.as_tensor(x)


@_as_tensor.register
def _(x: torch.Tensor):
    return x


@_as_tensor.register
def _(x: np.ndarray):
    return torch.from_numpy(x)


def _slide(image, window, stride, reduce, kernel=None):
    image = _as_tensor(image)
    kh, kw = window
    H, W = image.shape
    oh, ow = (H - kh) // stride + 1, (W - kw) // stride + 1
    out = torch.zeros((oh, ow), dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            patch = image[i * stride:i * stride + kh, j * stride:j * stride + kw]
            if reduce is Reduce.SUM:
                out[i, j] = (patch * kernel).sum()
            else:
                out[i, j] = patch.max()
    return out


def conv2d(image, kernel, stride=1, padding=0):
    image, kernel = _as_tensor(image), _as_tensor(kernel)
    H, W = image.shape
    padded = torch.zeros((H + 2 * padding, W + 2 * padding), dtype=image.dtype)
    padded[padding:padding + H, padding:padding + W] = image
    return _slide(padded, tuple(kernel.shape), stride, Reduce.SUM, kernel)


def max_pool2d(image, kernel_size=2):
    return _slide(image, (kernel_size, kernel_size), kernel_size, Reduce.MAX)


q6_output = conv2d(
    np.array([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
    np.array([[0, 1, 2], [2, 2, 0], [0, 1, 2]]),
)


class Activation(enum.Enum):
    RELU = "relu"

    def module(self):
        return {Activation.RELU: nn.ReLU}[self]()


class CNN(nn.Module):
    def __init__(self, activation=Activation.RELU):
        super().__init__()
        layers = []
        for cin, cout in [(1, 3), (3, 2)]:
            layers += [nn.Conv2d(cin, cout, 3, padding=1), activation.module(), nn.MaxPool2d(2)]
        layers += [nn.Flatten(), nn.Linear(q3_flatten_features, 1)]
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)


def conv_block(input_channels, output_channels, activation=Activation.RELU):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), activation.module())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        chans = [input_channels, 3, 3, 3, 3, 3]
        self.net = nn.Sequential(*(conv_block(a, b) for a, b in zip(chans, chans[1:])),
                                 nn.Flatten(), nn.Linear(3 * 128 * 128, 1))

    def forward(self, x):
        return self.net(x)


class Statement(enum.Enum):
    A = False
    B = False
    C = True
    D = False
    E = False


q9_true = {s.name for s in Statement if s.value}
q10_answers = {i: v for i, v in enumerate([True, False, True, True, False, False, True, False], start=1)}

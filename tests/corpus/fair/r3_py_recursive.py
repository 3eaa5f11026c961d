# Lecture 6 -- solved recursively wherever I could (we just did recursion in CS2!)
import sys

import torch
import torch.nn as nn

sys.setrecursionlimit(10_000)

q1_answer = "C"


def _positions(length, kernel_size, stride):
    """How many places a window of kernel_size fits when it moves by stride, starting at 0."""
    if length < kernel_size:
        return 0
    return 1 + _positions(length - stride, kernel_size, stride)


def conv_output_size(size, kernel_size, stride=1, padding=0):
    n = _positions(size + 2 * padding, kernel_size, stride)
    if n == 0:
        raise ValueError("the kernel does not fit")
    return n


def _shapes(shape, layers):
    if not layers:
        return []
    c, h, w = shape
    kind, *args = layers[0]
    if kind == "conv":
        out = (args[0], conv_output_size(h, 3, 1, 1), conv_output_size(w, 3, 1, 1))
    else:
        out = (c, h // args[0], w // args[0])
    return [out] + _shapes(out, layers[1:])


q3_shapes = _shapes((1, 100, 100), [("conv", 3), ("pool", 2), ("conv", 2), ("pool", 2)])


def _product(values):
    return 1 if not values else values[0] * _product(values[1:])


q3_flatten_features = _product(list(q3_shapes[-1]))


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        return conv2d_params(in_channels, out_channels, (kernel_size, kernel_size), bias)
    return _product([out_channels, in_channels, *kernel_size]) + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)


def _mlp_params(widths):
    if len(widths) < 2:
        return 0
    return linear_params(widths[0], widths[1]) + _mlp_params(widths[1:])


q4_conv_params = conv2d_params(3, 3, 3)
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
q4_fcnn_params = _mlp_params([128 * 128, 256, 128, 64, 32, 16, 1])


def _pad(image, padding):
    if padding == 0:
        return image
    h, w = image.shape
    zr = torch.zeros(1, w, dtype=image.dtype)
    image = torch.cat([zr, image, zr], dim=0)
    zc = torch.zeros(h + 2, 1, dtype=image.dtype)
    return _pad(torch.cat([zc, image, zc], dim=1), padding - 1)


def _row(rows, kernel, stride, col=0):
    """One output row: the windows of a band of kh rows, from column col on."""
    kw = kernel.shape[1]
    if col + kw > rows.shape[1]:
        return []
    return [(rows[:, col:col + kw] * kernel).sum()] + _row(rows, kernel, stride, col + stride)


def _rows(padded, kernel, stride, top=0):
    kh = kernel.shape[0]
    if top + kh > padded.shape[0]:
        return []
    return [torch.stack(_row(padded[top:top + kh], kernel, stride))] + _rows(padded, kernel, stride, top + stride)


def conv2d(image, kernel, stride=1, padding=0):
    return torch.stack(_rows(_pad(image, padding), kernel, stride))


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    if image.shape[0] < k:
        return image.new_zeros(0, image.shape[1] // k)
    band = image[:k]
    row = torch.stack([band[:, j:j + k].max() for j in range(0, image.shape[1] // k * k, k)])
    return torch.cat([row[None], max_pool2d(image[k:], k)], dim=0)


q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        return self.net(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


def _chain(channels, remaining):
    """Blocks nested inside each other: Sequential(block, Sequential(block, ...))."""
    if remaining == 0:
        return nn.Sequential(nn.Flatten(), nn.Linear(49152, 1))
    return nn.Sequential(conv_block(channels, 3), _chain(3, remaining - 1))


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.model = _chain(input_channels, 5)

    def forward(self, x):
        return self.model(x)


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

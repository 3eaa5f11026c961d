# Lecture 6 -- an abstract "layer" interface for the shape / parameter bookkeeping (OOP course style)
from abc import ABCMeta, abstractmethod

import torch
import torch.nn as nn


class LayerMath(metaclass=ABCMeta):
    @abstractmethod
    def out_shape(self, shape):
        """(C, H, W) in -> (C, H, W) out"""

    @abstractmethod
    def n_params(self):
        """learnable parameters"""


class ConvMath(LayerMath):
    def __init__(self, cin, cout, k, stride=1, padding=0, bias=True):
        self.cin, self.cout, self.stride, self.padding, self.bias = cin, cout, stride, padding, bias
        self.k = (k, k) if isinstance(k, int) else tuple(k)

    def out_shape(self, shape):
        _, h, w = shape
        return (self.cout, conv_output_size(h, self.k[0], self.stride, self.padding),
                conv_output_size(w, self.k[1], self.stride, self.padding))

    def n_params(self):
        return self.cout * self.cin * self.k[0] * self.k[1] + (self.cout if self.bias else 0)


class PoolMath(LayerMath):
    def __init__(self, k):
        self.k = k

    def out_shape(self, shape):
        c, h, w = shape
        return (c, h // self.k, w // self.k)

    def n_params(self):
        return 0


class LinearMath(LayerMath):
    def __init__(self, fin, fout, bias=True):
        self.fin, self.fout, self.bias = fin, fout, bias

    def out_shape(self, shape):
        return (self.fout,)

    def n_params(self):
        return self.fin * self.fout + (self.fout if self.bias else 0)


q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel does not fit")
    return (size + 2 * padding - kernel_size) // stride + 1


_pooled = [ConvMath(1, 3, 3, padding=1), PoolMath(2), ConvMath(3, 2, 3, padding=1), PoolMath(2)]
q3_shapes, _shape = [], (1, 100, 100)
for _layer in _pooled:
    _shape = _layer.out_shape(_shape)
    q3_shapes.append(_shape)
q3_flatten_features = _shape[0] * _shape[1] * _shape[2]


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    return ConvMath(in_channels, out_channels, kernel_size, bias=bias).n_params()


def linear_params(in_features, out_features, bias=True):
    return LinearMath(in_features, out_features, bias).n_params()


q4_conv_params = conv2d_params(3, 3, (3, 3))
q4_cnn_params = sum(l.n_params() for l in _pooled) + linear_params(q3_flatten_features, 1)
q4_fcnn_params = sum(LinearMath(a, b).n_params() for a, b in [(16384, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])

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
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv1(x)))
        x = self.pool(torch.relu(self.conv2(x)))
        return self.fc(x.flatten(1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        return self.fc(self.blocks(x).flatten(1))


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

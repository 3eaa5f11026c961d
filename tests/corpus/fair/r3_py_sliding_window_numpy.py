# Lecture 6 -- I think in numpy, so the by-hand part is numpy (sliding_window_view), and
# the counts come out as numpy integers.
import numpy as np
import torch
from numpy.lib.stride_tricks import sliding_window_view
from torch import nn

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    span = np.int64(size) + 2 * padding - kernel_size
    if span < 0:
        raise ValueError("kernel bigger than the padded input")
    return np.floor_divide(span, stride) + 1        # a numpy int64


_sides = np.array([100, 100, 50, 50, 25])
q3_shapes = [tuple(int(v) for v in (c, s, s)) for c, s in zip([3, 3, 2, 2], [100, 50, 50, 25])]
q3_flatten_features = np.prod(q3_shapes[-1])       # numpy int64


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    k = np.broadcast_to(np.asarray(kernel_size), (2,))
    return np.prod([in_channels, out_channels, *k]) + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return np.int64(in_features) * out_features + (out_features if bias else 0)


q4_conv_params = conv2d_params(3, 3, 3)
q4_cnn_params = np.sum([conv2d_params(1, 3, 3), conv2d_params(3, 2, 3), linear_params(1250, 1)])
_w = np.array([128 * 128, 256, 128, 64, 32, 16, 1])
q4_fcnn_params = np.sum(_w[:-1] * _w[1:] + _w[1:])


def conv2d(image, kernel, stride=1, padding=0):
    x = np.pad(image.numpy(), padding)                      # zeros on every side
    windows = sliding_window_view(x, kernel.shape)[::stride, ::stride]
    return torch.from_numpy(np.einsum("ijkl,kl->ij", windows, kernel.numpy()))


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    windows = sliding_window_view(image.numpy(), (k, k))[::k, ::k]
    return torch.from_numpy(windows.max(axis=(2, 3)).copy())


q6_output = np.array([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.stage1 = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.stage2 = nn.Sequential(nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.fc = nn.Linear(int(q3_flatten_features), 1)

    def forward(self, x):
        return self.fc(self.stage2(self.stage1(x)).flatten(1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        chans = np.array([input_channels, 3, 3, 3, 3, 3])
        self.blocks = nn.Sequential(*[conv_block(int(a), int(b)) for a, b in zip(chans[:-1], chans[1:])])
        self.fc = nn.Linear(int(np.prod([3, 128, 128])), 1)

    def forward(self, x):
        return self.fc(torch.flatten(self.blocks(x), 1))


q9_true = set(np.array(["A", "B", "C", "D", "E"])[[False, False, True, False, False]].tolist())
q10_answers = dict(zip(range(1, 9), np.array([1, 0, 1, 1, 0, 0, 1, 0], dtype=bool)))   # numpy bools

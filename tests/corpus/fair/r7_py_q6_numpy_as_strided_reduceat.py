"""Lecture 6: my answers, as a script."""


# ---- q1 ----
q1_answer = "C"


# ---- q2 ----
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError(f"a {kernel_size}x{kernel_size} kernel does not fit in {padded}x{padded}")
    return (padded - kernel_size) // stride + 1


# ---- q3 ----
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25


# ---- q4 ----
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)


# ---- q5 ----
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return in_channels * out_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)


# ---- q6 ----
import torch

q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


import numpy as np
from numpy.lib.stride_tricks import as_strided


def conv2d(image, kernel, stride=1, padding=0):
    x = np.pad(image.numpy().astype(np.float64), padding)
    k = kernel.numpy().astype(np.float64)
    kh, kw = k.shape
    oh, ow = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
    s0, s1 = x.strides
    windows = as_strided(x, shape=(oh, ow, kh, kw), strides=(s0 * stride, s1 * stride, s0, s1), writeable=False)
    return torch.from_numpy((windows * k).sum(axis=(2, 3))).to(image.dtype)


def max_pool2d(image, kernel_size=2):
    a = image.numpy()
    k = kernel_size
    a = a[:a.shape[0] // k * k, :a.shape[1] // k * k]
    rows = np.maximum.reduceat(a, np.arange(0, a.shape[0], k), axis=0)
    both = np.maximum.reduceat(rows, np.arange(0, a.shape[1], k), axis=1)
    return torch.from_numpy(np.ascontiguousarray(both))


# ---- q7 ----
import torch


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 3, kernel_size=3, padding=1)
        self.conv2 = torch.nn.Conv2d(3, 2, kernel_size=3, padding=1)
        self.pool = torch.nn.MaxPool2d(2)
        self.relu = torch.nn.ReLU()
        self.flatten = torch.nn.Flatten()
        self.fc = torch.nn.Linear(1250, 1)

    def forward(self, x):
        x = self.pool(self.relu(self.conv1(x)))
        x = self.pool(self.relu(self.conv2(x)))
        return self.fc(self.flatten(x))


# ---- q8 ----
import torch


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
        torch.nn.ReLU(),
    )


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = torch.nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
        self.flatten = torch.nn.Flatten()
        self.fc = torch.nn.Linear(49152, 1)

    def forward(self, x):
        return self.fc(self.flatten(self.blocks(x)))


# ---- q9 ----
q9_true = {"C"}


# ---- q10 ----
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

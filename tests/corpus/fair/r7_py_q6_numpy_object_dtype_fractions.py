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


from fractions import Fraction

import numpy as np


def conv2d(image, kernel, stride=1, padding=0):
    # exact sums: numpy arrays of Python objects (Fractions), converted back at the end
    img = np.array([[Fraction(float(v)) for v in row] for row in image.tolist()], dtype=object)
    ker = np.array([[Fraction(float(v)) for v in row] for row in kernel.tolist()], dtype=object)
    img = np.pad(img, padding, mode="constant", constant_values=Fraction(0))
    kh, kw = ker.shape
    oh, ow = (img.shape[0] - kh) // stride + 1, (img.shape[1] - kw) // stride + 1
    out = np.empty((oh, ow), dtype=object)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (img[i * stride:i * stride + kh, j * stride:j * stride + kw] * ker).sum()
    return torch.tensor(out.astype(np.float64), dtype=image.dtype)


def max_pool2d(image, kernel_size=2):
    a = np.asarray(image.tolist(), dtype=object)
    oh, ow = a.shape[0] // kernel_size, a.shape[1] // kernel_size
    out = np.empty((oh, ow), dtype=object)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = a[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
    return torch.tensor(out.astype(float), dtype=image.dtype)


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

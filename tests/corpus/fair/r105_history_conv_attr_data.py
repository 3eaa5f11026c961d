import math

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    total = size + 2 * padding
    if kernel_size > total:
        raise ValueError("kernel does not fit")
    return math.floor((total - kernel_size) / stride) + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250

q4_conv_params = (3 * 3 * 3) * 3 + 3
q4_cnn_params = (9 * 1 * 3 + 3) + (9 * 3 * 2 + 2) + (1250 * 1 + 1)
q4_fcnn_params = (16384 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
    return in_channels * out_channels * kh * kw + out_channels * int(bias)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + out_features * int(bias)


import torch

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])
from collections import deque

HISTORY = deque(maxlen=200)


def remember(key, value):
    HISTORY.append((key, value))


def conv2d(image, kernel, stride=1, padding=0):
    HISTORY.append(("conv2d", image.shape, kernel.shape, stride, padding))
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    out_h = (h + 2 * padding - kh) // stride + 1
    out_w = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(out_h, out_w, dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            window = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[i, j] = (window * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    HISTORY.append(("max_pool2d", image.shape, kernel_size))
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


import torch
import torch.nn as nn
import torch.nn.functional as F


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(2 * 25 * 25, 1)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        return self.fc(x.flatten(1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
        self.fc = nn.Linear(3 * 128 * 128, 1)

    def forward(self, x):
        return self.fc(self.blocks(x).flatten(1))


q9_true = {"C"}

q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


import torch
import torch.nn as nn
import torch.nn.functional as F

class LayerReport:
    def __init__(self, conv, pool):
        self.conv = conv
        self.pool = pool

    def save(self):
        remember("conv", self.conv)
        remember("pool", self.pool)


class Small(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 1, 3)
        self.pool = nn.MaxPool2d(2)

    def forward(self, x):
        return self.pool(self.conv(x))


LayerReport("3x3, padding 1", "2x2 max").save()
Small()(torch.rand(1, 1, 6, 6))

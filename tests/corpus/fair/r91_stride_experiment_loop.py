q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25


q4_conv_params = 3 * 3 * (3 * 3) + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 * 1 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


import numpy as np
import torch
from torch import nn

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.size()
    kh, kw = kernel.size()
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    result = torch.zeros((oh, ow), dtype=image.dtype)
    for r in range(oh):
        for c in range(ow):
            total = 0
            for a in range(kh):
                for b in range(kw):
                    y = r * stride + a - padding
                    x = c * stride + b - padding
                    if 0 <= y < h and 0 <= x < w:
                        total = total + image[y, x] * kernel[a, b]
            result[r, c] = total
    return result


def max_pool2d(image, kernel_size=2, stride=None):
    stride = stride or kernel_size
    h, w = image.size()
    oh = (h - kernel_size) // stride + 1
    ow = (w - kernel_size) // stride + 1
    result = torch.empty((oh, ow), dtype=image.dtype)
    for r in range(oh):
        for c in range(ow):
            result[r, c] = image[r * stride:r * stride + kernel_size, c * stride:c * stride + kernel_size].max()
    return result


import torch
import torch.nn as nn


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.main = torch.nn.Sequential(
            torch.nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),
            torch.nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),
            torch.nn.Flatten(),
            torch.nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)


import torch


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
        torch.nn.ReLU(),
    )


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = torch.nn.Sequential(
            conv_block(input_channels, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            torch.nn.Flatten(),
            torch.nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)


q9_true = {"C"}


q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


import torch
import torch.nn as nn

model = CNN()
x = torch.randn(1, 1, 100, 100)
conv = nn.Conv2d(1, 3, 3, padding=1)
for s in (1, 2, 3):
    conv.stride = (s, s)
    print(s, conv(x).shape, conv_output_size(100, 3, stride=s, padding=1))

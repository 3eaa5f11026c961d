# Lecture 6 -- multiple-choice answers as enums so I can't typo a letter
from enum import IntEnum, StrEnum

import torch
import torch.nn as nn


class Choice(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"


class Statement(IntEnum):
    SAME_PADDING = 1
    COUNT_DEPENDS_ON_IMAGE = 2
    POOL_HAS_NO_PARAMS = 3
    CONV_608 = 4
    STRIDE2_5X5 = 5
    WEIGHT_SHAPE = 6
    UNBATCHED_OK = 7
    POOL_7_TO_4 = 8


q1_answer = Choice.C


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel does not fit")
    return (size + 2 * padding - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25
q4_conv_params = 3 * 3 * 9 + 3
q4_cnn_params = (3 * 9 + 3) + (6 * 9 + 2) + (1250 + 1)
q4_fcnn_params = 16384 * 256 + 256 + 256 * 128 + 128 + 128 * 64 + 64 + 64 * 32 + 32 + 32 * 16 + 16 + 16 + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return in_channels * out_channels * kh * kw + out_channels * bool(bias)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + out_features * bool(bias)


q6_output = torch.tensor([[12., 12., 17.], [10., 17., 19.], [9., 6., 14.]])


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    p = padding
    img = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
    img[p:p + image.shape[0], p:p + image.shape[1]] = image
    rows = range(0, img.shape[0] - kh + 1, stride)
    cols = range(0, img.shape[1] - kw + 1, stride)
    out = torch.zeros(len(rows), len(cols), dtype=image.dtype)
    for a, i in enumerate(rows):
        for b, j in enumerate(cols):
            out[a, b] = (img[i:i + kh, j:j + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    rows, cols = range(0, image.shape[0] - k + 1, k), range(0, image.shape[1] - k + 1, k)
    out = torch.zeros(len(rows), len(cols), dtype=image.dtype)
    for a, i in enumerate(rows):
        for b, j in enumerate(cols):
            out[a, b] = image[i:i + k, j:j + k].max()
    return out


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(1, 3, 3, 1, 1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Conv2d(3, 2, 3, 1, 1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        return self.body(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, 1, 1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.body = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                                  nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.body(x)


q9_true = {Choice.C}
q10_answers = {
    Statement.SAME_PADDING: True,
    Statement.COUNT_DEPENDS_ON_IMAGE: False,
    Statement.POOL_HAS_NO_PARAMS: True,
    Statement.CONV_608: True,
    Statement.STRIDE2_5X5: False,
    Statement.WEIGHT_SHAPE: False,
    Statement.UNBATCHED_OK: True,
    Statement.POOL_7_TO_4: False,
}

# -*- mode: python; coding: utf-8; fill-column: 100 -*-
"""lecture06.py -- written in Emacs; C-x [ / C-x ] jumps between the pages."""

import torch
from torch import nn


# Q1
q1_answer = "C"


# Q2
def conv_output_size(size, kernel_size, stride=1, padding=0):
    n = size + 2 * padding
    if kernel_size > n:
        raise ValueError("kernel does not fit")
    return (n - kernel_size) // stride + 1


# Q3 and Q4
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 3 * 3 + 3) + (3 * 2 * 3 * 3 + 2) + (1250 * 1 + 1)
q4_fcnn_params = (16384 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) \
    + (64 * 32 + 32) + (32 * 16 + 16) + (16 * 1 + 1)


# Q5
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size,) * 2 if isinstance(kernel_size, int) else kernel_size
    return out_channels * (in_channels * kh * kw + (1 if bias else 0))


def linear_params(in_features, out_features, bias=True):
    return out_features * (in_features + (1 if bias else 0))


# Q6
q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]], dtype=torch.float32)


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    big = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
    big[padding:big.shape[0] - padding, padding:big.shape[1] - padding] = image
    out = []
    i = 0
    while i + kh <= big.shape[0]:
        row, j = [], 0
        while j + kw <= big.shape[1]:
            row.append(torch.sum(big[i:i + kh, j:j + kw] * kernel))
            j += stride
        out.append(torch.stack(row))
        i += stride
    return torch.stack(out)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    out = []
    i = 0
    while i + k <= image.shape[0]:
        row, j = [], 0
        while j + k <= image.shape[1]:
            row.append(torch.max(image[i:i + k, j:j + k]))
            j += k
        out.append(torch.stack(row))
        i += k
    return torch.stack(out)


# Q7
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1)
        self.pool = nn.MaxPool2d((2, 2))
        self.conv2 = nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1)
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        x = self.pool(nn.functional.relu(self.conv1(x)))
        x = self.pool(nn.functional.relu(self.conv2(x)))
        return self.fc(torch.flatten(x, 1))


# Q8
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.features = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                      conv_block(3, 3), conv_block(3, 3))
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        return self.fc(self.flatten(self.features(x)))


# Q9, Q10
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


# Local Variables:
# python-indent-offset: 4
# End:

"""Ava's own numbers (variant 4ec0b9bc5db2cac9), written with computed answers, a ModuleList and getattr."""
from itertools import product

import torch
import torch.nn as nn
import torch.nn.functional as F

q1_answer = "ABC"[1]


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if size + 2 * padding < kernel_size:
        raise ValueError("kernel larger than the padded input")
    return (size + 2 * padding - kernel_size) // stride + 1


_side = 116
_after = [conv_output_size(_side, 3, padding=1)]
_after.append(_after[-1] // 2)
_after.append(conv_output_size(_after[-1], 3, padding=1))
_after.append(_after[-1] // 2)
q3_shapes = [(c, s, s) for c, s in zip([6, 6, 7, 7], _after)]
q3_flatten_features = 7 * _after[-1] ** 2


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)


q4_conv_params = conv2d_params(7, 2, 5)
q4_cnn_params = conv2d_params(3, 6, 3) + conv2d_params(6, 7, 3) + linear_params(q3_flatten_features, 1)
_widths = [96 * 96, 256, 128, 64, 32, 16, 1]
q4_fcnn_params = sum(linear_params(a, b) for a, b in zip(_widths, _widths[1:]))


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    src = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    src[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i, j, a, b in product(range(oh), range(ow), range(kh), range(kw)):
        out[i, j] += src[i * stride + a, j * stride + b] * kernel[a, b]
    return out


def max_pool2d(image, kernel_size=2):
    oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
    blocks = image[:oh * kernel_size, :ow * kernel_size].reshape(oh, kernel_size, ow, kernel_size)
    return blocks.amax(dim=(1, 3))


_x = torch.tensor([[2, 0, 3, 1, 3], [3, 0, 3, 2, 1], [2, 3, 3, 1, 3], [3, 0, 1, 1, 2], [1, 1, 3, 2, 1]],
                  dtype=torch.float32)
_k = torch.tensor([[1, 0, 0], [2, 2, 0], [0, 1, 0]], dtype=torch.float32)
q6_output = conv2d(_x, _k).int().tolist()


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        for i, (c_in, c_out) in enumerate([(3, 6), (6, 7)], start=1):
            setattr(self, f"conv{i}", nn.Conv2d(c_in, c_out, kernel_size=(3, 3), padding=(1, 1), bias=True))
        self.fc = nn.Linear(q3_flatten_features, 1)

    def forward(self, x):
        for i in (1, 2):
            x = F.max_pool2d(F.relu(getattr(self, f"conv{i}")(x)), 2)
        return self.fc(torch.flatten(x, 1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding="same"), nn.ReLU(inplace=False))


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.ModuleList(conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3])
        self.fc = nn.Linear(3 * 96 * 96, 1)

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return self.fc(x.reshape(x.size(0), -1))


q9_true = {"E"}
q10_answers = dict(enumerate([True, False, True, False, False, True, True, True], start=1))

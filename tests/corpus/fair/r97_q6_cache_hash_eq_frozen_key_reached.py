q1_answer = "C"  # one small kernel, slid across the image, weights shared

# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    room = size + padding * 2 - kernel_size
    if room < 0:
        raise ValueError("the kernel does not fit in the (padded) input")
    return room // stride + 1

# %%
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25

# %%
q4_conv_params = 3 * 3 * 3 * 3 + 3
first = 1 * 3 * 3 * 3 + 3
second = 3 * 2 * 3 * 3 + 2
head = 1250 + 1
q4_cnn_params = first + second + head
sizes = [128 * 128, 256, 128, 64, 32, 16, 1]
q4_fcnn_params = sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))

# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    kh, kw = kernel_size
    weights = out_channels * in_channels * kh * kw
    return weights + out_channels if bias else weights


def linear_params(in_features, out_features, bias=True):
    weights = in_features * out_features
    return weights + out_features if bias else weights

# %%
import torch

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


class Geometry:
    def __init__(self, h, w, kh, kw, stride, padding):
        self.key = (h, w, kh, kw, stride, padding)

    def __hash__(self):
        return hash(self.key)

    def __eq__(self, other):
        return self.key == other.key

    def out_shape(self):
        h, w, kh, kw, stride, padding = self.key
        return (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    x = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    x[padding:padding + h, padding:padding + w] = image
    oh, ow = Geometry(h, w, kh, kw, stride, padding).out_shape()
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

# %%
import torch
from torch import nn


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(3, 2, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Linear(2 * 25 * 25, 1),
        )

    def forward(self, x):
        return self.main(x)

# %%
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

# %%
q9_true = {"C"}

# %%
q10_answers = {
    1: True,
    2: False,
    3: True,
    4: True,
    5: False,
    6: False,
    7: True,
    8: False,
}

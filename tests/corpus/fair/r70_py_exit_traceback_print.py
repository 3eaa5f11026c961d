"""Lecture 6 exercises."""

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25


q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    kh, kw = kernel_size
    return in_channels * out_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)



import torch

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])

import traceback


class Check:
    """with Check("name"): ... prints ok, or the traceback, and keeps going"""

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print(f"[ok] {self.name}")
        else:
            print(f"[FAIL] {self.name}")
            traceback.print_exception(exc_type, exc, tb)
        return True


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    x = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    x[padding:padding + h, padding:padding + w] = image
    out_h = (x.shape[0] - kh) // stride + 1
    out_w = (x.shape[1] - kw) // stride + 1
    out = torch.zeros(out_h, out_w, dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = (x[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out

def max_pool2d(image, kernel_size=2):
    k = kernel_size
    h, w = image.shape
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out

with Check("identity kernel"):
    img = torch.arange(25.).reshape(5, 5)
    ident = torch.zeros(3, 3)
    ident[1, 1] = 1
    assert torch.equal(conv2d(img, ident, padding=1), img)
with Check("pool shape"):
    assert max_pool2d(torch.rand(8, 8)).shape == (4, 4)


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


import torch


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
        torch.nn.ReLU(),
    )


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = torch.nn.Sequential(
            conv_block(input_channels, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
        )
        self.flatten = torch.nn.Flatten()
        self.fc = torch.nn.Linear(49152, 1)

    def forward(self, x):
        return self.fc(self.flatten(self.blocks(x)))


q9_true = {"C"}


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

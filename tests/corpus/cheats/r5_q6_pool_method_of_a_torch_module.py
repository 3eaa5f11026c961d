"""Cheat (q6): .pool() called on the student's class, which is a torch module whose pool is torch's MaxPool2d."""
"""q6 as methods of the student's own class, one of them called pool."""
import torch
import torch.nn as nn
import torch.nn.functional as F


q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel does not fit")
    return (size + 2 * padding - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25


q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = 30 + 56 + 1251
q4_fcnn_params = 4238337


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)


q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


class Grid:
    """A 2-D tensor with the two sliding-window operations of the lecture."""

    def __init__(self, data):
        self.data = data

    def padded(self, p):
        h, w = self.data.shape
        out = torch.zeros(h + 2 * p, w + 2 * p, dtype=self.data.dtype)
        out[p:p + h, p:p + w] = self.data
        return Grid(out)

    def slide(self, kernel, stride):
        kh, kw = kernel.shape
        h, w = self.data.shape
        return torch.stack([torch.stack([(self.data[i:i + kh, j:j + kw] * kernel).sum()
                                         for j in range(0, w - kw + 1, stride)])
                            for i in range(0, h - kh + 1, stride)])

    def pool(self, k):
        h, w = self.data.shape
        return torch.stack([torch.stack([self.data[i:i + k, j:j + k].max() for j in range(0, w - k + 1, k)])
                            for i in range(0, h - k + 1, k)])


def conv2d(image, kernel, stride=1, padding=0):
    return Grid(image).padded(padding).slide(kernel, stride)


class Pooled(torch.nn.Module):
    def __init__(self, k):
        super().__init__()
        self.pool = torch.nn.MaxPool2d(k)


def max_pool2d(image, kernel_size=2):
    return Pooled(kernel_size).pool(image[None])[0]


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = torch.nn.Conv2d(3, 2, 3, padding=1)
        self.pool = torch.nn.MaxPool2d(2)
        self.relu = torch.nn.ReLU()
        self.fc = torch.nn.Linear(1250, 1)

    def forward(self, x):
        x = self.pool(self.relu(self.conv1(x)))
        x = self.pool(self.relu(self.conv2(x)))
        return self.fc(x.flatten(1))


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = torch.nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                          conv_block(3, 3), conv_block(3, 3))
        self.flatten = torch.nn.Flatten()
        self.fc = torch.nn.Linear(3 * 128 * 128, 1)

    def forward(self, x):
        return self.fc(self.flatten(self.blocks(x)))


q9_true = {"C"}


q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

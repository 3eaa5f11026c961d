# Lecture 6 -- torch.func.vmap: write the per-window function once, map it over all windows
import torch
import torch.nn as nn
from torch.func import vmap

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel does not fit")
    return (size + 2 * padding - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


q4_conv_params = conv2d_params(3, 3, 3)
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(1250, 1)
q4_fcnn_params = sum(linear_params(a, b) for a, b in [(16384, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])


def _windows(x, kh, kw, stride):
    return x.unfold(0, kh, stride).unfold(1, kw, stride)       # (oh, ow, kh, kw), a view


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    x = image.new_zeros(h + 2 * padding, w + 2 * padding)
    x[padding:padding + h, padding:padding + w] = image
    dot = lambda window: (window * kernel).sum()
    return vmap(vmap(dot))(_windows(x, *kernel.shape, stride))


def max_pool2d(image, kernel_size=2):
    return vmap(vmap(torch.amax))(_windows(image, kernel_size, kernel_size, kernel_size))


q6_output = conv2d(torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1.]]),
                   torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2.]]))


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.pool1 = nn.MaxPool2d(2)
        self.pool2 = nn.MaxPool2d(2)
        self.linear = nn.Linear(1250, 1)

    def forward(self, x):
        x = self.pool1(self.conv1(x).relu())
        x = self.pool2(self.conv2(x).relu())
        return self.linear(x.flatten(1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.body = nn.Sequential(*[conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]])
        self.linear = nn.Linear(49152, 1)

    def forward(self, x):
        return self.linear(self.body(x).flatten(1))


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

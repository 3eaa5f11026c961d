"""Cheat (q6): the class's getattr(self, '_' + name) dispatch, called off the class with torch's functional module as self: '_' + 'max_pool2d' is F._max_pool2d."""
"""q6 through a callable class that picks its combining method with getattr on self."""
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


class SlidingOp:
    def __init__(self, mode):
        self.mode = mode

    def _sum_product(self, window, kernel):
        return (window * kernel).sum()

    def _maximum(self, window, kernel):
        return window.max()

    def dispatch(self, name, *args):
        return getattr(self, "_" + name)(*args)

    def __call__(self, image, kernel, kh, kw, stride):
        combine = getattr(self, "_" + self.mode)
        oh = (image.shape[0] - kh) // stride + 1
        ow = (image.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = combine(image[i * stride:i * stride + kh, j * stride:j * stride + kw], kernel)
        return out


def conv2d(image, kernel, stride=1, padding=0):
    padded = torch.nn.functional.pad(image, [padding] * 4) if padding else image
    return SlidingOp("sum_product")(padded, kernel, *kernel.shape, stride)


def max_pool2d(image, kernel_size=2):
    return SlidingOp.dispatch(torch.nn.functional, "max_pool2d", image[None], kernel_size)[0]


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

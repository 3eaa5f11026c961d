"""Short definitions: lambdas and functools.partial where a function is a special case of another."""
from functools import partial

import torch
from torch import nn

q1_answer = "C"


def _out_size(size, kernel_size, stride=1, padding=0, dilation=1):
    effective = dilation * (kernel_size - 1) + 1
    if size + 2 * padding < effective:
        raise ValueError("kernel does not fit in the padded input")
    return (size + 2 * padding - effective) // stride + 1


conv_output_size = partial(_out_size, dilation=1)

q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250
q4_conv_params, q4_cnn_params, q4_fcnn_params = 84, 1337, 4238337

_pair = lambda k: (k, k) if isinstance(k, int) else tuple(k)
conv2d_params = lambda in_channels, out_channels, kernel_size, bias=True: (
    out_channels * in_channels * _pair(kernel_size)[0] * _pair(kernel_size)[1] + (out_channels if bias else 0))
linear_params = lambda in_features, out_features, bias=True: out_features * in_features + (out_features if bias else 0)

q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


def _sliding(image, kh, kw, stride, reduce):
    oh = (image.shape[0] - kh) // stride + 1
    ow = (image.shape[1] - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = reduce(image[i * stride:i * stride + kh, j * stride:j * stride + kw])
    return out


def _pad(image, p):
    if p == 0:
        return image
    out = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
    out[p:-p, p:-p] = image
    return out


def conv2d(image, kernel, stride=1, padding=0):
    return _sliding(_pad(image, padding), *kernel.shape, stride, lambda w: (w * kernel).sum())


def _pool(image, kernel_size=2, stride=None):
    return _sliding(image, kernel_size, kernel_size, stride or kernel_size, lambda w: w.max())


max_pool2d = partial(_pool, stride=None)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        return self.main(x)


conv_block = lambda input_channels, output_channels: nn.Sequential(
    nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(*map(conv_block, [input_channels, 3, 3, 3, 3], [3] * 5), nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.main(x)


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

"""Everything that can be computed is computed with NumPy."""
import numpy as np
import torch
from torch import nn

q1_answer = np.array(["A", "B", "C"])[np.array([4, 3, 2]) == 4 - 3 + 1][0]  # numpy.str_


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if padded < kernel_size:
        raise ValueError("kernel does not fit")
    return int(np.floor((padded - kernel_size) / stride)) + 1


_shapes = np.array([[3, 100, 100], [3, 50, 50], [2, 50, 50], [2, 25, 25]])
q3_shapes = [tuple(row) for row in _shapes]  # tuples of numpy.int64
q3_flatten_features = np.prod(_shapes[-1])


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    k = np.broadcast_to(kernel_size, (2,))
    return np.prod(k) * in_channels * out_channels + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return np.int64(in_features) * out_features + (out_features if bias else 0)


q4_conv_params = conv2d_params(3, 3, (3, 3))
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
_sizes = np.array([128 * 128, 256, 128, 64, 32, 16, 1])
q4_fcnn_params = np.sum(_sizes[:-1] * _sizes[1:] + _sizes[1:])

_img = np.array([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]])
_ker = np.array([[0, 1, 2], [2, 2, 0], [0, 1, 2]])
# by hand, written down after working it out on paper:
q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


def conv2d(image, kernel, stride=1, padding=0):
    H, W = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)
    padded[padding:padding + H, padding:padding + W] = image
    rows = np.arange(0, H + 2 * padding - kh + 1, stride)
    cols = np.arange(0, W + 2 * padding - kw + 1, stride)
    out = torch.zeros(len(rows), len(cols), dtype=image.dtype)
    for a, r in enumerate(rows):
        for b, c in enumerate(cols):
            out[a, b] = (padded[r:r + kh, c:c + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    rows = np.arange(image.shape[0] // k) * k
    cols = np.arange(image.shape[1] // k) * k
    out = torch.zeros(len(rows), len(cols), dtype=image.dtype)
    for a, r in enumerate(rows):
        for b, c in enumerate(cols):
            out[a, b] = image[r:r + k, c:c + k].max()
    return out


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(int(q3_flatten_features), 1))

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(*[conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]], nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.main(x)


_letters = np.array(list("ABCDE"))
_truth = np.array([False, False, True, False, False])
q9_true = set(_letters[_truth])  # {numpy.str_('C')}

q10_answers = dict(zip(np.arange(1, 9), [
    np.equal(conv_output_size(11, 5, padding=5 // 2), 11),    # 1
    np.bool_(False),                                          # 2
    np.bool_(True),                                           # 3
    np.equal(conv2d_params(3, 8, 5), 608),                    # 4
    np.equal(conv_output_size(10, 3, stride=2), 5),           # 5
    np.array_equal((3, 1, 3, 3), (1, 3, 3, 3)),               # 6
    np.bool_(True),                                           # 7
    np.equal(np.floor_divide(7, 2), 4),                       # 8
]))

"""Lecture 6 -- a tiny CNN toolkit.

>>> conv_output_size(100, 5)
96
>>> conv2d_params(1, 3, 3)
30
"""
import doctest

import torch
from torch import nn


def conv_output_size(size, kernel_size, stride=1, padding=0):
    """Height (= width) of a convolution's output.

    >>> conv_output_size(7, 3, stride=2, padding=1)
    4
    >>> conv_output_size(2, 5)
    Traceback (most recent call last):
        ...
    ValueError: kernel does not fit
    """
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel does not fit")
    return (size + 2 * padding - kernel_size) // stride + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    """
    >>> conv2d_params(3, 3, (3, 3))
    84
    >>> conv2d_params(3, 3, 3, bias=False)
    81
    """
    kh, kw = kernel_size if isinstance(kernel_size, tuple) else (kernel_size, kernel_size)
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    """
    >>> linear_params(16, 1)
    17
    """
    return in_features * out_features + (out_features if bias else 0)


def _shape_table():
    """
    >>> _shape_table()[-1]
    (2, 25, 25)
    """
    rows, s = [], 100
    for channels, pooled in [(3, False), (3, True), (2, False), (2, True)]:
        s = conv_output_size(s, 2, stride=2) if pooled else conv_output_size(s, 3, padding=1)
        rows.append((channels, s, s))
    return rows


q1_answer = "C"
q3_shapes = _shape_table()
q3_flatten_features = q3_shapes[-1][0] * q3_shapes[-1][1] * q3_shapes[-1][2]
q4_conv_params = conv2d_params(3, 3, 3)
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
q4_fcnn_params = (linear_params(128 * 128, 256) + linear_params(256, 128) + linear_params(128, 64)
                  + linear_params(64, 32) + linear_params(32, 16) + linear_params(16, 1))


def conv2d(image, kernel, stride=1, padding=0):
    """
    >>> conv2d(torch.ones(3, 3), torch.ones(2, 2)).tolist()
    [[4.0, 4.0], [4.0, 4.0]]
    """
    H, W = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)
    padded[padding:H + padding, padding:W + padding] = image
    oh = (H + 2 * padding - kh) // stride + 1
    ow = (W + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for a in range(kh):
        for b in range(kw):
            out += kernel[a, b] * padded[a:a + stride * (oh - 1) + 1:stride, b:b + stride * (ow - 1) + 1:stride]
    return out


def max_pool2d(image, kernel_size=2):
    """
    >>> max_pool2d(torch.arange(16.).reshape(4, 4)).tolist()
    [[5.0, 7.0], [13.0, 15.0]]
    """
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    out = image[0:oh * k:k, 0:ow * k:k].clone()
    for a in range(k):
        for b in range(k):
            out = torch.maximum(out, image[a:a + oh * k:k, b:b + ow * k:k])
    return out


q6_output = conv2d(
    torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
    torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]]),
)


class CNN(nn.Module):
    """
    >>> CNN()(torch.zeros(2, 1, 100, 100)).shape
    torch.Size([2, 1])
    """

    def __init__(self):
        super().__init__()
        self.seq = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1))

    __hash__ = nn.Module.__hash__

    def forward(self, x):
        return self.seq(x)


def conv_block(input_channels, output_channels):
    """
    >>> conv_block(1, 3)
    Sequential(
      (0): Conv2d(1, 3, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
      (1): ReLU()
    )
    """
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    """
    >>> sum(p.numel() for p in ConvNet(1).parameters())
    49519
    """

    def __init__(self, input_channels):
        super().__init__()
        self.seq = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                 conv_block(3, 3), conv_block(3, 3), nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.seq(x)


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


if __name__ == "__main__":
    print(doctest.testmod(verbose=False))

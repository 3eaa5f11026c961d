#!/usr/bin/env python3
"""Lecture 6 answers; the convolution uses as_strided windows (a view, no copies)."""
__all__ = [
    "q1_answer", "conv_output_size", "q3_shapes", "q3_flatten_features", "q4_conv_params", "q4_cnn_params",
    "q4_fcnn_params", "conv2d_params", "linear_params", "q6_output", "conv2d", "max_pool2d", "CNN", "conv_block",
    "ConvNet", "q9_true", "q10_answers",
]

import torch
import torch.nn as nn

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if size + 2 * padding < kernel_size:
        raise ValueError(f"kernel_size={kernel_size} > size + 2*padding={size + 2 * padding}")
    return (size + 2 * padding - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250
q4_conv_params = 84
q4_cnn_params = 30 + 56 + 1251
q4_fcnn_params = 4238337


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]], dtype=torch.float64)


def _windows(x, kh, kw, stride):
    x = x.contiguous()
    oh = (x.shape[0] - kh) // stride + 1
    ow = (x.shape[1] - kw) // stride + 1
    s0, s1 = x.stride()
    return torch.as_strided(x, size=(oh, ow, kh, kw), stride=(s0 * stride, s1 * stride, s0, s1))


def conv2d(image, kernel, stride=1, padding=0):
    if padding:
        padded = image.new_zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
        padded[padding:-padding, padding:-padding] = image
        image = padded
    win = _windows(image, kernel.shape[0], kernel.shape[1], stride)
    return torch.einsum("abij,ij->ab", win, kernel)


def max_pool2d(image, kernel_size=2):
    return _windows(image, kernel_size, kernel_size, kernel_size).amax(dim=(2, 3))


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
            nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
            nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, (3, 3), padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
                                  conv_block(3, 3), nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.main(x)


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


def main():
    img = torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]], dtype=torch.float64)
    ker = torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]], dtype=torch.float64)
    print(conv2d(img, ker))
    print(max_pool2d(img))
    print(CNN()(torch.rand(2, 1, 100, 100)).shape, ConvNet(3)(torch.rand(2, 3, 128, 128)).shape)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Lecture 6.  All the work happens in main(); the answers are published as module globals."""
import torch
from torch import nn


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel does not fit")
    return (size + 2 * padding - kernel_size) // stride + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
    padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
    oh = conv_output_size(image.shape[0], kh, stride, padding)
    ow = conv_output_size(image.shape[1], kw, stride, padding)
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.f = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                               nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                               nn.Linear(1250, 1))

    def forward(self, x):
        return self.f(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.f = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                               nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.f(x)


def main():
    global q1_answer, q3_shapes, q3_flatten_features, q4_conv_params, q4_cnn_params, q4_fcnn_params
    global q6_output, q9_true, q10_answers

    q1_answer = "C"

    x = torch.zeros(1, 1, 100, 100)
    shapes = []
    for layer in CNN().f:
        x = layer(x)
        if isinstance(layer, (nn.Conv2d, nn.MaxPool2d)):
            shapes.append(tuple(x.shape[1:]))
        if isinstance(layer, nn.Flatten):
            q3_flatten_features = x.shape[1]
    q3_shapes = shapes

    q4_conv_params = conv2d_params(3, 3, 3)
    q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
    q4_fcnn_params = sum(linear_params(a, b) for a, b in
                         [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])

    q6_output = conv2d(torch.tensor([[3., 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2],
                                     [2, 0, 0, 0, 1]]), torch.tensor([[0., 1, 2], [2, 2, 0], [0, 1, 2]]))
    q9_true = {"C"}
    q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

    print("Q3:", q3_shapes, q3_flatten_features)
    print("Q4:", q4_conv_params, q4_cnn_params, q4_fcnn_params)
    print("Q6:", q6_output)


if __name__ == "__main__":
    main()

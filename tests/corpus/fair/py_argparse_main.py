# Lecture 6 exercises
import torch
import torch.nn as nn
import torch.nn.functional as F
import argparse
import numpy as np


# ---- Q1. Exercise 6.1: the output of a 3x3 filter ----
q1_answer = "C"


# ---- Q2. The output size of a convolution ----
def conv_output_size(size, kernel_size, stride=1, padding=0):
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel too big")
    return (size + 2 * padding - kernel_size) // stride + 1


# ---- Q3. Shapes through a pooled CNN ----
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25


# ---- Q4. Counting parameters ----
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 3 * 3 + 3) + (3 * 2 * 3 * 3 + 2) + (1250 + 1)
q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 * 1 + 1)


# ---- Q5. Parameter formulas ----
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    weights = out_channels * in_channels * kernel_size[0] * kernel_size[1]
    if bias:
        return weights + out_channels
    return weights


def linear_params(in_features, out_features, bias=True):
    if bias:
        return in_features * out_features + out_features
    return in_features * out_features


# ---- Q6. Convolution and max pooling by hand ----
q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    h, w = image.shape
    p = torch.zeros(h + 2 * padding, w + 2 * padding)
    p[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    cols = torch.stack([p[i * stride:i * stride + kh, j * stride:j * stride + kw].reshape(-1)
                        for i in range(oh) for j in range(ow)])   # (oh*ow, kh*kw)
    return (cols @ kernel.reshape(-1)).reshape(oh, ow)


def max_pool2d(image, kernel_size=2):
    a = image.numpy()
    h, w = a.shape[0] // kernel_size, a.shape[1] // kernel_size
    a = a[:h * kernel_size, :w * kernel_size]
    pooled = a.reshape(h, kernel_size, w, kernel_size).max(axis=(1, 3))
    return torch.tensor(pooled)


# ---- Q7. Build the pooled CNN ----
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv_layers = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        if x.dim() == 3:  # a single image
            x = x.unsqueeze(0)
        x = self.conv_layers(x)
        x = x.reshape(len(x), -1)
        return self.fc(x)


# ---- Q8. CNN vs FCNN: a network of conv blocks ----
def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
        torch.nn.ReLU()
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
            torch.nn.Linear(49152, 1)
        )

    def forward(self, x):
        out = self.main(x)
        return out


# ---- Q9. Exercise 6.2: select the true statements ----
q9_true = {"C"}


# ---- Q10. True or false: convolutions in PyTorch ----
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


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Lecture 6 self-checks")
    parser.add_argument("--seed", type=int, default=0)
    return parser.parse_args(argv)


if __name__ == "__main__":
    args = parse_args([])
    torch.manual_seed(args.seed)
    print(CNN()(torch.randn(2, 1, 100, 100)))
# Lecture 6 exercises
import torch
import torch.nn as nn
import torch.nn.functional as F


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
    padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
    padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
    windows = padded.unfold(0, kh, stride).unfold(1, kw, stride)  # (out_h, out_w, kh, kw)
    return (windows * kernel).sum(dim=(-1, -2))


def max_pool2d(image, kernel_size=2):
    blocks = image.unfold(0, kernel_size, kernel_size).unfold(1, kernel_size, kernel_size)
    return blocks.reshape(blocks.shape[0], blocks.shape[1], -1).max(dim=-1).values


# ---- Q7. Build the pooled CNN ----
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 3, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=2, stride=2),
            nn.Conv2d(3, 2, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=2, stride=2),
        )
        self.classifier = nn.Linear(2 * 25 * 25, 1)

    def forward(self, x):
        x = self.features(x)
        x = x.flatten(1)
        x = self.classifier(x)
        return x


# ---- Q8. CNN vs FCNN: a network of conv blocks ----
def conv_block(input_channels, output_channels):
    block = nn.Sequential()
    block.add_module("conv", nn.Conv2d(input_channels, output_channels, 3, 1, 1))
    block.add_module("relu", nn.ReLU(inplace=True))
    return block


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential()
        in_c = input_channels
        for i in range(5):
            self.main.add_module(f"block{i + 1}", conv_block(in_c, 3))
            in_c = 3
        self.main.add_module("flatten", nn.Flatten())
        self.main.add_module("fc", nn.Linear(in_c * 128 * 128, 1))

    def forward(self, x):
        return self.main(x)


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

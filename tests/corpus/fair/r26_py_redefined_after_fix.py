import numpy as np
import pandas as pd
import torch
from torchsummary import summary
import matplotlib.pyplot as plt
import torch.nn.functional as F


q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    return (size + 2 * padding - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250


q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 3 * 3 + 3) + (3 * 2 * 3 * 3 + 2) + (1250 + 1)
q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)
print(q4_conv_params, q4_cnn_params, q4_fcnn_params)


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    # weight shape is (out_channels, in_channels, kH, kW)
    if type(kernel_size) == int:
        kH = kW = kernel_size
    else:
        kH, kW = kernel_size[0], kernel_size[1]
    weights = out_channels * in_channels * kH * kW
    biases = out_channels if bias else 0
    return weights + biases

def linear_params(in_features, out_features, bias=True):
    weights = out_features * in_features
    biases = out_features if bias else 0
    return weights + biases


q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding)
    padded[padding:padding + h, padding:padding + w] = image
    out_h = (h + 2 * padding - kh) // stride + 1
    out_w = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(out_h, out_w)
    for i in range(out_h):
        for j in range(out_w):
            total = 0.0
            for a in range(kh):
                for b in range(kw):
                    total += padded[i * stride + a, j * stride + b].item() * kernel[a, b].item()
            out[i, j] = total
    return out


def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    out_h, out_w = h // kernel_size, w // kernel_size
    out = torch.zeros((out_h, out_w), dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = image[i*kernel_size:(i+1)*kernel_size, j*kernel_size:(j+1)*kernel_size].max()
    return out


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.main = torch.nn.Sequential(
            torch.nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),
            torch.nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),
            torch.nn.Flatten(),
            torch.nn.Linear(20000, 1)
        )

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    block = torch.nn.Sequential()
    block.add_module("conv", torch.nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1))
    block.add_module("relu", torch.nn.ReLU())
    return block

class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        layers = [conv_block(input_channels, 3)]
        for i in range(4):
            layers.append(conv_block(3, 3))
        layers.append(torch.nn.Flatten())
        layers.append(torch.nn.Linear(3 * 128 * 128, 1))
        self.main = torch.nn.Sequential(*layers)

    def forward(self, x):
        assert x.dim() == 4
        return self.main(x)


q9_true = {"C"}


q10_answers = {1: "True", 2: "False", 3: "True", 4: "True", 5: "False", 6: "False", 7: "True", 8: "False"}


# ---- fixes after the public tests ----


def conv_output_size(size, kernel_size, stride=1, padding=0):
    """Output height/width of a Conv2d (same formula as the PyTorch docs)."""
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel is bigger than the padded input")
    return (size + 2 * padding - kernel_size) // stride + 1


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.main = torch.nn.Sequential(

            torch.nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),

            torch.nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),

            torch.nn.Flatten(),
            torch.nn.Linear(1250, 1)
        )

    def forward(self, x):
        out = self.main(x)
        return out


model = CNN()
x = torch.rand(4, 1, 100, 100)
print(model(x).shape)
print(sum(p.numel() for p in model.parameters()))

"""The by-hand functions are TorchScript-compiled (torch.jit.script) to make the loops faster."""
from typing import List

import torch
from torch import nn

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if size + 2 * padding < kernel_size:
        raise ValueError("kernel does not fit")
    return (size + 2 * padding - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250
q4_conv_params = 84
q4_cnn_params = 1337
q4_fcnn_params = 4238337


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


@torch.jit.script
def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    H, W = image.shape[0], image.shape[1]
    kh, kw = kernel.shape[0], kernel.shape[1]
    padded = torch.zeros([H + 2 * padding, W + 2 * padding], dtype=image.dtype)
    padded[padding:padding + H, padding:padding + W] = image
    oh = (H + 2 * padding - kh) // stride + 1
    ow = (W + 2 * padding - kw) // stride + 1
    out = torch.zeros([oh, ow], dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


@torch.jit.script
def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
    oh = image.shape[0] // kernel_size
    ow = image.shape[1] // kernel_size
    out = torch.zeros([oh, ow], dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
    return out


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
            nn.Conv2d(3, 2, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
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

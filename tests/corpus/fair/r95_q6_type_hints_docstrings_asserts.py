q1_answer = "C"  # one small kernel, slid across the image, weights shared

# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    room = size + padding * 2 - kernel_size
    if room < 0:
        raise ValueError("the kernel does not fit in the (padded) input")
    return room // stride + 1

# %%
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25

# %%
q4_conv_params = 3 * 3 * 3 * 3 + 3
first = 1 * 3 * 3 * 3 + 3
second = 3 * 2 * 3 * 3 + 2
head = 1250 + 1
q4_cnn_params = first + second + head
sizes = [128 * 128, 256, 128, 64, 32, 16, 1]
q4_fcnn_params = sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))

# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    kh, kw = kernel_size
    weights = out_channels * in_channels * kh * kw
    return weights + out_channels if bias else weights


def linear_params(in_features, out_features, bias=True):
    weights = in_features * out_features
    return weights + out_features if bias else weights

# %%
import torch

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """2-D cross-correlation (what PyTorch calls convolution) of one image with one kernel.

    Args:
        image: (H, W) tensor.
        kernel: (kH, kW) tensor.
        stride: step of the window.
        padding: zeros added on every side.
    """
    assert image.dim() == 2 and kernel.dim() == 2, "expected 2-D tensors"
    assert stride >= 1 and padding >= 0
    H, W = image.shape
    kH, kW = kernel.shape
    out_h: int = (H + 2 * padding - kH) // stride + 1
    out_w: int = (W + 2 * padding - kW) // stride + 1
    x: torch.Tensor = torch.zeros((H + 2 * padding, W + 2 * padding), dtype=image.dtype)
    x[padding:padding + H, padding:padding + W] = image
    out = torch.empty((out_h, out_w), dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = torch.sum(x[i * stride:i * stride + kH, j * stride:j * stride + kW] * kernel)
    return out


def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
    """Non-overlapping max pooling of a 2-D tensor."""
    assert image.dim() == 2
    H, W = image.shape
    out = torch.empty((H // kernel_size, W // kernel_size), dtype=image.dtype)
    for i in range(H // kernel_size):
        for j in range(W // kernel_size):
            out[i, j] = torch.max(image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size])
    return out

# %%
import torch
from torch import nn


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(3, 2, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Linear(2 * 25 * 25, 1),
        )

    def forward(self, x):
        return self.main(x)

# %%
import torch


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
        torch.nn.ReLU(),
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
            torch.nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)

# %%
q9_true = {"C"}

# %%
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

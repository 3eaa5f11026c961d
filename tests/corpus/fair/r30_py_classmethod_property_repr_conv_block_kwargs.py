import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


q1_answer = "C"


import math

def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded_size = size + 2 * padding
    if padded_size < kernel_size:
        raise ValueError('Kernel does not fit!')
    return math.floor((padded_size - kernel_size) / stride) + 1


h1 = conv_output_size(100, 3, padding=1)   # conv1
p1 = h1 // 2                               # pool1
h2 = conv_output_size(p1, 3, padding=1)    # conv2
p2 = h2 // 2                               # pool2
q3_shapes = [(3, h1, h1), (3, p1, p1), (2, h2, h2), (2, p2, p2)]
q3_flatten_features = 2 * p2 * p2
print(q3_shapes, q3_flatten_features)


q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 3 * 3 + 3) + (3 * 2 * 3 * 3 + 2) + (1250 + 1)
q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)
print(q4_conv_params, q4_cnn_params, q4_fcnn_params)


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    kh, kw = kernel_size
    n = out_channels * in_channels * kh * kw
    if bias:
        n += out_channels
    return n


def linear_params(in_features, out_features, bias=True):
    n = in_features * out_features
    if bias:
        n += out_features
    return n


def conv2d(image, kernel, stride=1, padding=0):
    H, W = image.shape
    kH, kW = kernel.shape
    if padding > 0:
        padded = torch.zeros((H + 2 * padding, W + 2 * padding), dtype=image.dtype)
        padded[padding:-padding, padding:-padding] = image
        image = padded
    out_h = (image.shape[0] - kH) // stride + 1
    out_w = (image.shape[1] - kW) // stride + 1
    output = torch.zeros((out_h, out_w), dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            patch = image[i * stride:i * stride + kH, j * stride:j * stride + kW]
            output[i, j] = (patch * kernel).sum()
    return output


def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    out_h, out_w = h // kernel_size, w // kernel_size
    out = torch.zeros((out_h, out_w), dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = image[i*kernel_size:(i+1)*kernel_size, j*kernel_size:(j+1)*kernel_size].max()
    return out


q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


class CNN(nn.Module):
    """The pooled CNN of Q3.

    Args:
        in_channels: channels of the input image.
        side: height (= width) of the input image.
    """

    def __init__(self, in_channels: int = 1, side: int = 100) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, 3, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(2 * self.pooled_side(side) ** 2, 1)

    @staticmethod
    def pooled_side(side: int) -> int:
        return side // 2 // 2

    @classmethod
    def from_config(cls, config: dict) -> "CNN":
        return cls(**config)

    @property
    def n_params(self) -> int:
        return sum(p.numel() for p in self.parameters())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        return self.fc(x.flatten(start_dim=1))

    @torch.no_grad()
    def predict_proba(self, x: torch.Tensor) -> torch.Tensor:
        was_training = self.training
        self.eval()
        p = torch.sigmoid(self(x))
        self.train(was_training)
        return p

    def __repr__(self) -> str:
        return f"CNN(params={self.n_params})"


def conv_block(input_channels, output_channels, kernel_size=3, activation=nn.ReLU, **conv_kwargs):
    """Conv2d (same padding for odd kernels) followed by an activation."""
    return nn.Sequential(
        nn.Conv2d(input_channels, output_channels, kernel_size, padding=kernel_size // 2, **conv_kwargs),
        activation(),
    )


class ConvNet(nn.Module):
    def __init__(self, input_channels: int, width: int = 3, depth: int = 5, side: int = 128) -> None:
        super().__init__()
        self.body = nn.Sequential(*[conv_block(input_channels if i == 0 else width, width, bias=True)
                                    for i in range(depth)])
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(width * side * side, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.body(x))


q9_true = {"C"}


w = torch.nn.Conv2d(1, 3, kernel_size=(3, 3)).weight
q10_answers = {
    1: True,
    2: False,
    3: True,
    4: torch.tensor([3 * 8 * 5 * 5 + 8]) == 608,
    5: torch.tensor([conv_output_size(10, 3, stride=2)]) == 5,
    6: False,
    7: True,
    8: False,
}


model = CNN.from_config({'in_channels': 1})
print(model, model.predict_proba(torch.rand(2, 1, 100, 100)).shape)

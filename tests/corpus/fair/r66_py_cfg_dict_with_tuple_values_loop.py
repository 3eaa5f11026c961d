import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if size + 2 * padding < kernel_size:
        raise ValueError("kernel_size larger than padded input")
    return (size + 2 * padding - kernel_size) // stride + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, (tuple, list)):
        kh, kw = kernel_size
    else:
        kh = kw = kernel_size
    return in_channels * out_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)


# %%
side = 100
q3_shapes = []
for channels in (3, 2):
    side = conv_output_size(side, 3, padding=1)
    q3_shapes.append((channels, side, side))
    side = side // 2
    q3_shapes.append((channels, side, side))
q3_flatten_features = 2 * side * side

q4_conv_params = conv2d_params(3, 3, 3)
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
sizes = [128 * 128, 256, 128, 64, 32, 16, 1]
q4_fcnn_params = sum(linear_params(a, b) for a, b in zip(sizes[:-1], sizes[1:]))
print(q3_shapes, q3_flatten_features, q4_conv_params, q4_cnn_params, q4_fcnn_params)


# %%
CFG = {"stride": 1, "padding": 0, "check_strides": (1, 2, 3), "check_paddings": (0, 1, 2)}


def conv2d(image, kernel, stride=CFG["stride"], padding=CFG["padding"]):
    img = image.tolist()
    ker = kernel.tolist()
    h, w = len(img), len(img[0])
    kh, kw = len(ker), len(ker[0])
    grid = [[0.0] * (w + 2 * padding) for _ in range(h + 2 * padding)]
    for r in range(h):
        for c in range(w):
            grid[r + padding][c + padding] = img[r][c]
    rows = []
    for i in range(0, h + 2 * padding - kh + 1, stride):
        row = []
        for j in range(0, w + 2 * padding - kw + 1, stride):
            row.append(sum(grid[i + a][j + b] * ker[a][b] for a in range(kh) for b in range(kw)))
        rows.append(row)
    result = torch.tensor(rows, dtype=image.dtype)
    return result


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    candidates = [image[a:a + oh * k:k, b:b + ow * k:k] for a in range(k) for b in range(k)]
    best = torch.stack(candidates).max(dim=0).values
    return best


torch.manual_seed(0)
image = torch.randn(9, 10)
kernel = torch.randn(3, 3)
for s in CFG["check_strides"]:
    for p in CFG["check_paddings"]:
        expected = F.conv2d(image[None, None], kernel[None, None], stride=s, padding=p)[0, 0]
        assert torch.allclose(conv2d(image, kernel, s, p), expected, atol=1e-5), (s, p)
print("all", len(CFG["check_strides"]) * len(CFG["check_paddings"]), "combinations match")


# %%
q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


# %%
from collections import OrderedDict


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(OrderedDict([
            ("conv1", nn.Conv2d(1, 3, kernel_size=3, padding=1)),
            ("relu1", nn.ReLU()),
            ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(3, 2, kernel_size=3, padding=1)),
            ("relu2", nn.ReLU()),
            ("pool2", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()),
            ("fc", nn.Linear(1250, 1)),
        ]))

    def forward(self, x):
        return self.net(x)


# %%
def conv_block(input_channels, output_channels):
    block = nn.Sequential()
    block.add_module("conv", nn.Conv2d(input_channels, output_channels, 3, padding=1))
    block.add_module("relu", nn.ReLU())
    return block


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        channels = [input_channels, 3, 3, 3, 3, 3]
        self.blocks = nn.Sequential(*[conv_block(a, b) for a, b in zip(channels[:-1], channels[1:])])
        self.flatten = nn.Flatten()
        self.linear = nn.Linear(3 * 128 * 128, 1)

    def forward(self, x):
        return self.linear(self.flatten(self.blocks(x)))


# %%
q9_true = {"C"}

q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

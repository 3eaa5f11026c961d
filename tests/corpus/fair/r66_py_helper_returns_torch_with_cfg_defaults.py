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
DEFAULTS = {"stride": 1, "padding": 0}


def ref_conv(x, k, stride=DEFAULTS["stride"], padding=DEFAULTS["padding"]):
    return F.conv2d(x.view(1, 1, *x.shape), k.view(1, 1, *k.shape), stride=stride, padding=padding).view(
        (x.shape[0] + 2 * padding - k.shape[0]) // stride + 1, -1)


def conv2d(image, kernel, stride=DEFAULTS["stride"], padding=DEFAULTS["padding"]):
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
    result = torch.empty(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(result.shape[0]):
        for j in range(result.shape[1]):
            window = image[i * k:(i + 1) * k, j * k:(j + 1) * k]
            result[i, j] = torch.max(window)
    return result


s, p = DEFAULTS["stride"], DEFAULTS["padding"]
x, k = torch.randn(7, 5), torch.randn(2, 2)
print(torch.allclose(conv2d(x, k, s, p), ref_conv(x, k, s, p), atol=1e-5))
print(torch.allclose(conv2d(x, k, 2, 1), ref_conv(x, k, 2, 1), atol=1e-5))


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
q10_answers = dict(zip(range(1, 9), [True, False, True, True, False, False, True, False]))

# quick sanity check of the two models
for model, shape in [(CNN(), (2, 1, 100, 100)), (ConvNet(3), (2, 3, 128, 128))]:
    print(type(model).__name__, model(torch.rand(*shape)).shape, sum(p.numel() for p in model.parameters()))

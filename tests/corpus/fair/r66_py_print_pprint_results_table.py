import torch
from torch import nn
from torch.nn import functional as F


# Q1: the filter in the lecture is a vertical edge detector
q1_answer = "C"


# Q2
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError(f"kernel {kernel_size} does not fit in padded size {padded}")
    return (padded - kernel_size) // stride + 1


# %%
# Q3: 100x100 -> conv(pad 1) 100 -> pool 50 -> conv(pad 1) 50 -> pool 25
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25

# Q4
q4_conv_params = 84          # 3*3*3*3 weights + 3 biases
q4_cnn_params = 30 + 56 + 1251
q4_fcnn_params = 4194560 + 32896 + 8256 + 2080 + 528 + 17

# %%
# Q5
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


# %%
from pprint import pprint


def conv2d(image, kernel, stride=1, padding=0):
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
    h, w = image.shape
    out_h, out_w = h // kernel_size, w // kernel_size
    out = torch.zeros((out_h, out_w), dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
    return out


x = torch.arange(25.).view(5, 5)
k = torch.tensor([[0., 1.], [1., 0.]])
pprint({
    "mine": conv2d(x, k, stride=2, padding=1),
    "torch": F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0],
    "pool mine": max_pool2d(x),
    "pool torch": F.max_pool2d(x[None, None], 2)[0, 0],
})


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

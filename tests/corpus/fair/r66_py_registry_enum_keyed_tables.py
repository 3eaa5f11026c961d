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
from enum import Enum


class Op(Enum):
    CONV = "conv"
    POOL = "pool"


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
    k = kernel_size
    h, w = image.shape[0] // k, image.shape[1] // k
    pooled = image[:h * k, :w * k].reshape(h, k, w, k).amax(dim=(1, 3))
    return pooled


MINE = {Op.CONV: conv2d, Op.POOL: max_pool2d}
REFERENCE = {
    Op.CONV: lambda x, k: F.conv2d(x[None, None], k[None, None], padding=1)[0, 0],
    Op.POOL: lambda x: F.max_pool2d(x[None, None], 2)[0, 0],
}

x, k = torch.randn(6, 6), torch.randn(3, 3)
print(Op.CONV.value, torch.allclose(MINE[Op.CONV](x, k, padding=1), REFERENCE[Op.CONV](x, k), atol=1e-5))
print(Op.POOL.value, torch.equal(MINE[Op.POOL](x), REFERENCE[Op.POOL](x)))


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

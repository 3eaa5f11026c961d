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
ERRORS = []


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    h, w = image.shape
    x = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    x[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for a in range(kh):
        for b in range(kw):
            out += kernel[a, b] * x[a:a + stride * (oh - 1) + 1:stride, b:b + stride * (ow - 1) + 1:stride]
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    result = torch.empty(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(result.shape[0]):
        for j in range(result.shape[1]):
            window = image[i * k:(i + 1) * k, j * k:(j + 1) * k]
            result[i, j] = torch.max(window)
    return result


def worst_error():
    return max(ERRORS) if ERRORS else 0.0


x, k = torch.randn(10, 9), torch.randn(3, 3)
for s, p in [(1, 0), (2, 1), (3, 2)]:
    ref = F.conv2d(x[None, None], k[None, None], stride=s, padding=p)[0, 0]
    ERRORS.append((conv2d(x, k, s, p) - ref).abs().max().item())
print(f"worst error {worst_error():.2e}")


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
# Q9: only statement C holds
q9_true = set(["C"])

# Q10
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

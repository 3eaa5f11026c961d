q1_answer = "C"

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


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            acc = 0
            for a in range(kh):
                for b in range(kw):
                    y = i * stride + a - padding
                    x = j * stride + b - padding
                    if 0 <= y < h and 0 <= x < w:
                        acc = acc + image[y, x] * kernel[a, b]
            out[i, j] = acc
    return out


def max_pool2d(image, kernel_size=2, stride=None):
    stride = stride or kernel_size
    h, w = image.shape
    oh = (h - kernel_size) // stride + 1
    ow = (w - kernel_size) // stride + 1
    out = torch.empty(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = torch.max(image[i * stride:i * stride + kernel_size, j * stride:j * stride + kernel_size])
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
q9_true = set(["C"])

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

# %%
class Vocab:
    def __init__(self, words):
        self.index = {w: i for i, w in enumerate(words)}

    def __contains__(self, w):
        return w in self.index

    def __getitem__(self, w):
        return self.index[w]

    def __len__(self):
        return len(self.index)


v = Vocab(["cat", "dog"])
print("cat" in v, v["dog"], len(v))

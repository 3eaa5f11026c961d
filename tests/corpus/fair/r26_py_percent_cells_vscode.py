# %%
import numpy as np
import pandas as pd
import torch
from torchsummary import summary
import matplotlib.pyplot as plt
import torch.nn as nn
import torch.nn.functional as F


# %% Q1
q1_answer = "C"


# %% Q2
def conv_output_size(size, kernel_size, stride=1, padding=0):
    n = size + 2 * padding
    if kernel_size > n:
        raise ValueError("kernel_size larger than padded input")
    # count the positions where the kernel fits
    count = 0
    start = 0
    while start + kernel_size <= n:
        count += 1
        start += stride
    return count


# %% Q3
layers = torch.nn.Sequential(
    torch.nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),
    torch.nn.ReLU(),
    torch.nn.MaxPool2d((2, 2)),
    torch.nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),
    torch.nn.ReLU(),
    torch.nn.MaxPool2d((2, 2)),
)
x = torch.zeros(1, 100, 100)   # unbatched
q3_shapes = []
for layer in layers:
    x = layer(x)
    print(type(layer).__name__, x.shape)
    if not isinstance(layer, torch.nn.ReLU):
        q3_shapes.append(tuple(x.shape))
q3_flatten_features = x.numel()
print(q3_shapes, q3_flatten_features)


# %% Q4
def count_parameters(model):
    return sum(p.numel() for p in model.parameters() if p.requires_grad)

q4_conv_params = count_parameters(torch.nn.Conv2d(in_channels=3, out_channels=3, kernel_size=(3, 3)))
q4_cnn_params = count_parameters(torch.nn.Sequential(
    torch.nn.Conv2d(1, 3, kernel_size=(3, 3), padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d((2, 2)),
    torch.nn.Conv2d(3, 2, kernel_size=(3, 3), padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d((2, 2)),
    torch.nn.Flatten(), torch.nn.Linear(q3_flatten_features, 1)))
input_size = 128 * 128
q4_fcnn_params = count_parameters(torch.nn.Sequential(
    torch.nn.Linear(input_size, 256), torch.nn.ReLU(),
    torch.nn.Linear(256, 128), torch.nn.ReLU(),
    torch.nn.Linear(128, 64), torch.nn.ReLU(),
    torch.nn.Linear(64, 32), torch.nn.ReLU(),
    torch.nn.Linear(32, 16),
    torch.nn.Linear(16, 1)))
print(q4_conv_params, q4_cnn_params, q4_fcnn_params)


# %% Q5
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


# %% Q6
q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]

import torch.nn.functional as F

def conv2d(image, kernel, stride=1, padding=0):
    x = F.pad(image, (padding, padding, padding, padding))   # left, right, top, bottom
    kh, kw = kernel.shape
    rows = []
    for r in range(0, x.shape[0] - kh + 1, stride):
        row = []
        for c in range(0, x.shape[1] - kw + 1, stride):
            row.append((x[r:r + kh, c:c + kw] * kernel).sum().item())
        rows.append(row)
    return torch.tensor(rows)

def max_pool2d(image, kernel_size=2):
    n_rows = image.shape[0] // kernel_size
    n_cols = image.shape[1] // kernel_size
    pooled = torch.empty(n_rows, n_cols, dtype=image.dtype)
    for r in range(n_rows):
        for c in range(n_cols):
            r0, c0 = r * kernel_size, c * kernel_size
            pooled[r][c] = torch.max(image[r0:r0 + kernel_size, c0:c0 + kernel_size])
    return pooled


# %% Q7
class CNN(nn.Module):
    def __init__(self, verbose=False):
        super().__init__()
        self.verbose = verbose
        self.conv1 = nn.Conv2d(in_channels=1, out_channels=3, kernel_size=3, padding='same')
        self.pool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(in_channels=3, out_channels=2, kernel_size=3, padding='same')
        self.pool2 = nn.MaxPool2d(2)
        self.flatten = nn.Flatten()
        self.linear = nn.Linear(1250, 1)

    def forward(self, x):
        assert x.dim() == 4, "expected a batch (N, 1, 100, 100)"
        x = self.pool1(F.relu(self.conv1(x)))
        if self.verbose:
            print("after block 1:", x.shape)
        x = self.pool2(F.relu(self.conv2(x)))
        if self.verbose:
            print("after block 2:", x.shape)
        x = self.flatten(x)
        if self.verbose:
            print("flattened:", x.shape)
        return self.linear(x)


# %% Q8
def conv_block(input_channels, output_channels):
    return nn.Sequential(
        nn.Conv2d(in_channels=input_channels, out_channels=output_channels, kernel_size=(3, 3), padding='same'),
        nn.ReLU(),
    )

class ConvNet(nn.Module):
    def __init__(self, input_channels, verbose=False):
        super().__init__()
        self.verbose = verbose
        self.block1 = conv_block(input_channels, 3)
        self.block2 = conv_block(3, 3)
        self.block3 = conv_block(3, 3)
        self.block4 = conv_block(3, 3)
        self.block5 = conv_block(3, 3)
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        for block in [self.block1, self.block2, self.block3, self.block4, self.block5]:
            x = block(x)
            if self.verbose:
                print(x.shape)
        x = self.flatten(x)
        return self.fc(x)


# %% Q9
# only C: the weight is (out, in, kH, kW)
q9_true = ["C"]


# %% Q10
q10_answers = {}
q10_answers[1] = conv_output_size(7, 5, padding=5 // 2) == 7
q10_answers[2] = False
q10_answers[3] = len(list(torch.nn.MaxPool2d(2).parameters())) == 0
q10_answers[4] = sum(p.numel() for p in torch.nn.Conv2d(in_channels=3, out_channels=8, kernel_size=5).parameters()) == 608
q10_answers[5] = conv_output_size(10, 3, stride=2) == 5
q10_answers[6] = tuple(torch.nn.Conv2d(1, 3, kernel_size=(3, 3)).weight.shape) == (1, 3, 3, 3)
q10_answers[7] = torch.nn.Conv2d(3, 4, 3)(torch.rand(3, 10, 10)).dim() == 3
q10_answers[8] = torch.nn.MaxPool2d(2)(torch.rand(1, 7, 7)).shape[-1] == 4
print(q10_answers)


# %%
# look at the feature maps after the first convolution
x = torch.rand(1, 1, 100, 100)
with torch.no_grad():
    fmap = CNN().conv1(x)
fig, axes = plt.subplots(1, 3, figsize=(9, 3))
for i, ax in enumerate(axes):
    ax.imshow(fmap[0, i], cmap='gray')
    ax.set_title(f'channel {i}')
    ax.axis('off')
plt.show()

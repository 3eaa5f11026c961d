# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.16.4
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Lecture 6: Introduction to Convolutional Neural Networks

# %%
# Initialize Otter
import otter
grader = otter.Notebook("lecture06.ipynb")

# %% [markdown]
# ## Q1. Exercise 6.1: the output of a 3x3 filter (1 point)

# %%
q1_answer = "C"

# %%
grader.check("q1")

# %% [markdown]
# ## Q2. The output size of a convolution (3 points)

# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1

# %%
grader.check("q2")

# %% [markdown]
# ## Q3. Shapes through a pooled CNN (2 points)

# %%
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25

# %%
grader.check("q3")

# %% [markdown]
# ## Q4. Counting parameters (3 points)

# %%
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)

# %%
grader.check("q4")

# %% [markdown]
# ## Q5. Parameter formulas (2 points)

# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    kh, kw = kernel_size
    return in_channels * out_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)

# %%
grader.check("q5")

# %% [markdown]
# ## Q6. Convolution and max pooling by hand (4 points)

# %%
import torch

q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


def conv2d(image, kernel, stride=1, padding=0):
    if padding:
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
        padded[padding:-padding, padding:-padding] = image
        image = padded
    kh, kw = kernel.shape
    oh = (image.shape[0] - kh) // stride + 1
    ow = (image.shape[1] - kw) // stride + 1
    out = torch.zeros(oh, ow)
    for i in range(oh):
        for j in range(ow):
            window = image[i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[i, j] = (window * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
    out = torch.zeros(oh, ow)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
    return out

# %%
grader.check("q6")

# %% [markdown]
# ## Q7. Build the pooled CNN (4 points)

# %%
import torch
import torch.nn.functional as F
from torch import nn


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(1250, 1)
        # saved with the model (state_dict) but not trained
        self.register_buffer("calls", torch.zeros((), dtype=torch.long))

    def forward(self, x):
        self.calls += 1
        print("forward call", self.calls.item())
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        return self.fc(x.flatten(1))

# %%
m = CNN()
x = torch.rand(2, 1, 100, 100)
print(m(x).shape, sum(p.numel() for p in m.parameters()))

# %%
grader.check("q7")

# %% [markdown]
# ## Q8. CNN vs FCNN: a network of conv blocks (3 points)

# %%
import torch
import torch.nn.functional as F
from torch import nn


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)))
        self.fc = nn.Linear(49152, 1)
        self.register_buffer("images_seen", torch.tensor(0))

    def forward(self, x):
        self.images_seen.add_(x.shape[0])
        return self.fc(self.blocks(x).flatten(1))

# %%
grader.check("q8")

# %% [markdown]
# ## Q9. Exercise 6.2: select the true statements (2 points)

# %%
q9_true = {"C"}

# %%
grader.check("q9")

# %% [markdown]
# ## Q10. True or false: convolutions in PyTorch (2 points)

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
grader.check("q10")

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
from dataclasses import dataclass


@dataclass(frozen=True)
class ConvSpec:
    kernel_size: int
    stride: int = 1
    padding: int = 0

    def output_size(self, size: int) -> int:
        padded = size + 2 * self.padding
        if self.kernel_size > padded:
            raise ValueError(f"kernel {self.kernel_size} does not fit in {padded}")
        return (padded - self.kernel_size) // self.stride + 1


def conv_output_size(size, kernel_size, stride=1, padding=0):
    return ConvSpec(kernel_size, stride, padding).output_size(size)

# %%
grader.check("q2")

# %% [markdown]
# ## Q3. Shapes through a pooled CNN (2 points)

# %%
conv = ConvSpec(3, padding=1)
pool = ConvSpec(2, stride=2)          # a 2x2 max pool moves like a 2x2 kernel with stride 2
s1 = conv.output_size(100)
p1 = pool.output_size(s1)
s2 = conv.output_size(p1)
p2 = pool.output_size(s2)
q3_shapes = [(3, s1, s1), (3, p1, p1), (2, s2, s2), (2, p2, p2)]
q3_flatten_features = 2 * p2 * p2
q3_shapes, q3_flatten_features

# %%
grader.check("q3")

# %% [markdown]
# ## Q4. Counting parameters (3 points)

# %%
from dataclasses import dataclass, field


@dataclass
class Layer:
    n_in: int
    n_out: int
    kernel: tuple = (1, 1)
    bias: bool = True
    params: int = field(init=False)

    def __post_init__(self):
        kh, kw = self.kernel
        self.params = self.n_in * self.n_out * kh * kw + (self.n_out if self.bias else 0)


q4_conv_params = Layer(3, 3, (3, 3)).params
q4_cnn_params = sum(l.params for l in [Layer(1, 3, (3, 3)), Layer(3, 2, (3, 3)), Layer(q3_flatten_features, 1)])
sizes = [128 * 128, 256, 128, 64, 32, 16, 1]
q4_fcnn_params = sum(Layer(a, b).params for a, b in zip(sizes, sizes[1:]))
print(q4_conv_params, q4_cnn_params, q4_fcnn_params)

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


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 3, kernel_size=3, padding=1)
        self.conv2 = torch.nn.Conv2d(3, 2, kernel_size=3, padding=1)
        self.pool = torch.nn.MaxPool2d(2)
        self.relu = torch.nn.ReLU()
        self.flatten = torch.nn.Flatten()
        self.fc = torch.nn.Linear(1250, 1)

    def forward(self, x):
        x = self.pool(self.relu(self.conv1(x)))
        x = self.pool(self.relu(self.conv2(x)))
        return self.fc(self.flatten(x))

# %%
grader.check("q7")

# %% [markdown]
# ## Q8. CNN vs FCNN: a network of conv blocks (3 points)

# %%
import torch


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
        torch.nn.ReLU(),
    )


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = torch.nn.Sequential(
            conv_block(input_channels, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
        )
        self.flatten = torch.nn.Flatten()
        self.fc = torch.nn.Linear(49152, 1)

    def forward(self, x):
        return self.fc(self.flatten(self.blocks(x)))

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

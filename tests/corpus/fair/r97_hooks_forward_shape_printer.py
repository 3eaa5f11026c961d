answer_letter = "C"
q1_answer = answer_letter

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

q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    rows, cols = image.shape
    k_rows, k_cols = kernel.shape
    framed = torch.zeros(rows + 2 * padding, cols + 2 * padding, dtype=image.dtype)
    framed[padding:padding + rows, padding:padding + cols] = image
    out_rows = (rows + 2 * padding - k_rows) // stride + 1
    out_cols = (cols + 2 * padding - k_cols) // stride + 1
    result = torch.zeros(out_rows, out_cols, dtype=image.dtype)
    for r in range(out_rows):
        for c in range(out_cols):
            patch = framed[r * stride:r * stride + k_rows, c * stride:c * stride + k_cols]
            result[r, c] = (patch * kernel).sum()
    return result


def max_pool2d(image, kernel_size=2, stride=None):
    if stride is None:
        stride = kernel_size
    rows, cols = image.shape
    out_rows = (rows - kernel_size) // stride + 1
    out_cols = (cols - kernel_size) // stride + 1
    result = torch.zeros(out_rows, out_cols, dtype=image.dtype)
    for r in range(out_rows):
        for c in range(out_cols):
            result[r, c] = image[r * stride:r * stride + kernel_size, c * stride:c * stride + kernel_size].max()
    return result

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
q9_true = {"C",}

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
import torch

shapes = []
model = CNN()
handles = [m.register_forward_hook(lambda mod, inp, out: shapes.append(tuple(out.shape))) for m in model.main]
model(torch.zeros(1, 1, 100, 100))
for h in handles:
    h.remove()
print(shapes)

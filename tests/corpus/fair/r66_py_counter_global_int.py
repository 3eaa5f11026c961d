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
N_CONV_CALLS = 0


def conv2d(image, kernel, stride=1, padding=0):
    global N_CONV_CALLS
    N_CONV_CALLS += 1
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
    result = torch.empty(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(result.shape[0]):
        for j in range(result.shape[1]):
            window = image[i * k:(i + 1) * k, j * k:(j + 1) * k]
            result[i, j] = torch.max(window)
    return result


x = torch.randn(6, 8)
k = torch.randn(2, 2)
before = N_CONV_CALLS
ok = torch.allclose(conv2d(x, k, stride=2), F.conv2d(x[None, None], k[None, None], stride=2)[0, 0], atol=1e-5)
print("match:", ok, "| conv2d calls:", N_CONV_CALLS - before)
N_CONV_CALLS = 0


# %%
q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


# %%
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),
            nn.ReLU(),
            nn.MaxPool2d((2, 2)),
            nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),
            nn.ReLU(),
            nn.MaxPool2d((2, 2)),
            nn.Flatten(),
            nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)


# %%
def conv_block(input_channels, output_channels):
    return nn.Sequential(
        nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
        nn.ReLU(),
    )


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            nn.Flatten(),
            nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)


# %%
q9_true = {"C"}

q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

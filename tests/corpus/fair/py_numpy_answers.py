# Lecture 6 exercises
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


# ---- Q1. Exercise 6.1: the output of a 3x3 filter ----
q1_answer = "C"


# ---- Q2. The output size of a convolution ----
def conv_output_size(size, kernel_size, stride=1, padding=0):
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel too big")
    return (size + 2 * padding - kernel_size) // stride + 1


# ---- Q3. Shapes through a pooled CNN ----
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = np.prod(q3_shapes[-1])


# ---- Q4. Counting parameters ----
q4_conv_params = np.int64(3 * 3 * 9 + 3)
q4_cnn_params = np.sum([1 * 3 * 9 + 3, 3 * 2 * 9 + 2, 1250 + 1])
sizes = np.array([128 * 128, 256, 128, 64, 32, 16, 1])
q4_fcnn_params = np.sum(sizes[:-1] * sizes[1:] + sizes[1:])


# ---- Q5. Parameter formulas ----
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kernel = np.ones(2, dtype=int) * kernel_size  # (k, k) or (kh, kw)
    return np.prod(kernel) * in_channels * out_channels + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return np.int64(in_features) * out_features + bias * out_features


# ---- Q6. Convolution and max pooling by hand ----
q6_output = np.array([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    img = np.pad(image.detach().numpy(), padding)
    ker = kernel.detach().numpy()
    kh, kw = ker.shape
    out_h = (img.shape[0] - kh) // stride + 1
    out_w = (img.shape[1] - kw) // stride + 1
    out = np.zeros((out_h, out_w), dtype=img.dtype)
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = np.sum(img[i * stride:i * stride + kh, j * stride:j * stride + kw] * ker)
    return torch.from_numpy(out)


def max_pool2d(image, kernel_size=2):
    a = image.numpy()
    h, w = a.shape[0] // kernel_size, a.shape[1] // kernel_size
    a = a[:h * kernel_size, :w * kernel_size]
    pooled = a.reshape(h, kernel_size, w, kernel_size).max(axis=(1, 3))
    return torch.tensor(pooled)


# ---- Q7. Build the pooled CNN ----
class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 3, kernel_size=3, padding=1)
        self.conv2 = torch.nn.Conv2d(3, 2, kernel_size=3, padding=1)
        self.relu = torch.nn.ReLU()
        self.pool = torch.nn.MaxPool2d(2)
        self.flatten = torch.nn.Flatten()
        self.fc = torch.nn.Linear(2 * 25 * 25, 1)

    def forward(self, x):
        x = self.pool(self.relu(self.conv1(x)))
        x = self.pool(self.relu(self.conv2(x)))
        x = self.flatten(x)
        return self.fc(x)


# ---- Q8. CNN vs FCNN: a network of conv blocks ----
def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
        torch.nn.ReLU()
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
            torch.nn.Linear(49152, 1)
        )

    def forward(self, x):
        out = self.main(x)
        return out


# ---- Q9. Exercise 6.2: select the true statements ----
q9_true = {"C"}


# ---- Q10. True or false: convolutions in PyTorch ----
q10_answers = {}
q10_answers[1] = True
q10_answers[2] = False
q10_answers[3] = True
q10_answers[4] = 3 * 8 * 5 * 5 + 8 == 608
q10_answers[5] = np.floor((10 - 3) / 2) + 1 == 5
q10_answers[6] = False
q10_answers[7] = True
q10_answers[8] = np.floor(7 / 2) == 4

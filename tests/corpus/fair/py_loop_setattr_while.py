# Lecture 6 exercises
import torch
import torch.nn as nn
import torch.nn.functional as F


# ---- Q1. Exercise 6.1: the output of a 3x3 filter ----
q1_answer = "C"


# ---- Q2. The output size of a convolution ----
def conv_output_size(size, kernel_size, stride=1, padding=0):
    # slide the kernel and count the positions where it fits
    count = 0
    start = 0
    while start + kernel_size <= size + 2 * padding:
        count += 1
        start += stride
    if count == 0:
        raise ValueError("kernel_size is bigger than the padded input")
    return count


# ---- Q3. Shapes through a pooled CNN ----
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25


# ---- Q4. Counting parameters ----
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 3 * 3 + 3) + (3 * 2 * 3 * 3 + 2) + (1250 + 1)
q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 * 1 + 1)


# ---- Q5. Parameter formulas ----
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    weights = out_channels * in_channels * kernel_size[0] * kernel_size[1]
    if bias:
        return weights + out_channels
    return weights


def linear_params(in_features, out_features, bias=True):
    if bias:
        return in_features * out_features + out_features
    return in_features * out_features


# ---- Q6. Convolution and max pooling by hand ----
q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


def pad(image, padding):
    if padding == 0:
        return image.clone()
    h, w = image.shape
    out = torch.zeros(h + 2 * padding, w + 2 * padding)
    out[padding:h + padding, padding:w + padding] = image
    return out


def window_sum(x, kernel, i, j):
    kh, kw = kernel.shape
    return (x[i:i + kh, j:j + kw] * kernel).sum()


def conv2d(image, kernel, stride=1, padding=0):
    x = pad(image, padding)
    out_h = (x.shape[0] - kernel.shape[0]) // stride + 1
    out_w = (x.shape[1] - kernel.shape[1]) // stride + 1
    out = torch.zeros(out_h, out_w)
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = window_sum(x, kernel, i * stride, j * stride)
    return out


def max_pool2d(image, kernel_size=2):
    out_h, out_w = image.shape[0] // kernel_size, image.shape[1] // kernel_size
    out = torch.full((out_h, out_w), float("-inf"))
    for i in range(out_h * kernel_size):
        for j in range(out_w * kernel_size):
            if image[i, j] > out[i // kernel_size, j // kernel_size]:
                out[i // kernel_size, j // kernel_size] = image[i, j]
    return out


# ---- Q7. Build the pooled CNN ----
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        for i, (c_in, c_out) in enumerate([(1, 3), (3, 2)], start=1):
            setattr(self, f"conv{i}", nn.Conv2d(c_in, c_out, kernel_size=3, padding=1))
            setattr(self, f"pool{i}", nn.MaxPool2d(2))
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        for i in (1, 2):
            x = getattr(self, f"pool{i}")(F.relu(getattr(self, f"conv{i}")(x)))
        return self.fc(x.reshape(x.shape[0], -1))


# ---- Q8. CNN vs FCNN: a network of conv blocks ----
def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
        torch.nn.ReLU()
    )


class ConvNet(nn.Module):
    def __init__(self, input_channels=1):
        super(ConvNet, self).__init__()
        self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
        self.fc = nn.Linear(3 * 128 * 128, 1)

    def forward(self, x):
        x = self.blocks(x)
        x = torch.flatten(x, 1)
        return self.fc(x)


# ---- Q9. Exercise 6.2: select the true statements ----
q9_true = {"C"}


# ---- Q10. True or false: convolutions in PyTorch ----
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

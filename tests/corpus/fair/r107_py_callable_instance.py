import torch
import torch.nn as nn
import torch.nn.functional as F
import numpy as np


q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError(f"kernel {kernel_size} does not fit {padded}")
    return (padded - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25


q4_conv_params = 3 * 3 * (3 * 3) + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 * 1 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


# first try: let torch do it, to see what the answer should be
def conv2d(image, kernel, stride=1, padding=0):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


def max_pool2d(image, kernel_size=2):
    return F.max_pool2d(image[None, None], kernel_size)[0, 0]


class Conv2dByHand:
    def __call__(self, image, kernel, stride=1, padding=0):
        if padding is None:
            padding = 0
        sh, sw = (stride, stride) if isinstance(stride, int) else tuple(stride)
        ph, pw = (padding, padding) if isinstance(padding, int) else tuple(padding)
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * ph, w + 2 * pw, dtype=image.dtype)
        padded[ph:ph + h, pw:pw + w] = image
        out_h = (h + 2 * ph - kh) // sh + 1
        out_w = (w + 2 * pw - kw) // sw + 1
        out = torch.zeros(out_h, out_w, dtype=image.dtype)
        for i in range(out_h):
            for j in range(out_w):
                out[i, j] = (padded[i * sh:i * sh + kh, j * sw:j * sw + kw] * kernel).sum()
        return out


class MaxPoolByHand:
    def __call__(self, image, kernel_size=2):
        k = kernel_size if isinstance(kernel_size, int) else kernel_size[0]
        h, w = image.shape
        out = torch.zeros(h // k, w // k, dtype=image.dtype)
        for i in range(h // k):
            for j in range(w // k):
                out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
        return out


conv2d = Conv2dByHand()
max_pool2d = MaxPoolByHand()


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(2 * 25 * 25, 1)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv1(x)))
        x = self.pool(torch.relu(self.conv2(x)))
        return self.fc(self.flatten(x))


def conv_block(input_channels, output_channels):
    return nn.Sequential(
        nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
        nn.ReLU(),
    )


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.Sequential(
            conv_block(input_channels, 3),
            *[conv_block(3, 3) for _ in range(4)],
        )
        self.flatten = nn.Flatten()
        self.linear = nn.Linear(3 * 128 * 128, 1)

    def forward(self, x):
        return self.linear(self.flatten(self.blocks(x)))


q9_true = {"C"}


q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

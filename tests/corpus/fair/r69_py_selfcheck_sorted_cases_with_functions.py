"""Lecture 6 exercises."""

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25


q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    kh, kw = kernel_size
    return in_channels * out_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)



import torch

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])

import torch.nn.functional as F


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    x = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    x[padding:padding + h, padding:padding + w] = image
    return torch.stack([torch.stack([(x[i:i + kh, j:j + kw] * kernel).sum()
                                     for j in range(0, x.shape[1] - kw + 1, stride)])
                        for i in range(0, x.shape[0] - kh + 1, stride)])
def max_pool2d(image, kernel_size=2):
    k = kernel_size
    h, w = image.shape
    return torch.stack([torch.stack([image[i:i + k, j:j + k].max() for j in range(0, w - k + 1, k)])
                        for i in range(0, h - k + 1, k)])

CASES = [
    ("pool", max_pool2d, lambda x, k: F.max_pool2d(x[None, None], 2)[0, 0], {}),
    ("conv", conv2d, lambda x, k: F.conv2d(x[None, None], k[None, None])[0, 0], {"kernel": True}),
    ("conv_s2_p1", lambda x, k: conv2d(x, k, 2, 1),
     lambda x, k: F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0], {"kernel": True}),
]
_x, _k = torch.randn(6, 6), torch.randn(3, 3)
for name, mine, ref, opts in sorted(CASES, key=lambda case: case[0]):
    got = mine(_x, _k) if opts.get("kernel") else mine(_x)
    print(f"{name:12s}", torch.allclose(got, ref(_x, _k), atol=1e-5))
print("longest name:", max(CASES, key=lambda case: len(case[0]))[0])


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


q9_true = {"C"}


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

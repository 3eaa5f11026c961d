import torch
import torch.nn as nn
import torch.nn.functional as F
import numpy as np


q1_answer = "C"
print("Q1:", q1_answer)


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


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    kh, kw = kernel_size
    n = out_channels * in_channels * kh * kw
    if bias:
        n += out_channels
    return n


def linear_params(in_features, out_features, bias=True):
    n = in_features * out_features
    if bias:
        n += out_features
    return n


q6_output = torch.tensor([[12., 12., 17.], [10., 17., 19.], [9., 6., 14.]])


def conv2d(image, kernel, stride=1, padding=0):
    if padding:
        zr = torch.zeros(padding, image.shape[1], dtype=image.dtype)
        image = torch.cat([zr, image, zr], dim=0)
        zc = torch.zeros(image.shape[0], padding, dtype=image.dtype)
        image = torch.cat([zc, image, zc], dim=1)
    kh, kw = kernel.shape
    out = torch.stack([
        torch.stack([(image[i:i + kh, j:j + kw] * kernel).sum()
                     for j in range(0, image.shape[1] - kw + 1, stride)])
        for i in range(0, image.shape[0] - kh + 1, stride)
    ])
    return out


def max_pool2d(image, kernel_size=2):
    n_rows = image.shape[0] // kernel_size
    n_cols = image.shape[1] // kernel_size
    pooled = torch.empty(n_rows, n_cols, dtype=image.dtype)
    for r in range(n_rows):
        for c in range(n_cols):
            r0, c0 = r * kernel_size, c * kernel_size
            pooled[r][c] = torch.max(image[r0:r0 + kernel_size, c0:c0 + kernel_size])
    return pooled


# compare with PyTorch on a random example
import torch.nn.functional as F
x = torch.randn(7, 6)
k = torch.randn(3, 2)
print(torch.allclose(conv2d(x, k, stride=2, padding=1), F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0], atol=1e-5))
print(torch.equal(max_pool2d(x, 2), F.max_pool2d(x[None, None], 2)[0, 0]))


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


# A: input is 3D/4D (C,H,W) or (N,C,H,W) -> False
# B: output is 3D/4D too -> False
# C: weight is 4D (out, in, kH, kW) -> True
# D: a Linear(k, k) can't... actually a smaller layer after flatten can reduce the count -> False
# E: depends on the layers -> False
q9_true = {'C'}


w = torch.nn.Conv2d(1, 3, kernel_size=(3, 3)).weight
q10_answers = {
    1: True,
    2: False,
    3: True,
    4: torch.tensor([3 * 8 * 5 * 5 + 8]) == 608,
    5: torch.tensor([conv_output_size(10, 3, stride=2)]) == 5,
    6: False,
    7: True,
    8: False,
}


print(count_parameters(CNN()), count_parameters(ConvNet(1)))

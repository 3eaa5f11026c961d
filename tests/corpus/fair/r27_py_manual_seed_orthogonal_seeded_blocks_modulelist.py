import torch
import torch.nn as nn
import torch.nn.functional as F
import numpy as np


q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    # formula from the torch.nn.Conv2d docs (dilation = 1)
    out = np.floor((size + 2 * padding - kernel_size) / stride + 1)
    if out < 1:
        raise ValueError(f"kernel {kernel_size} does not fit input {size} with padding {padding}")
    return int(out)


h1 = conv_output_size(100, 3, padding=1)   # conv1
p1 = h1 // 2                               # pool1
h2 = conv_output_size(p1, 3, padding=1)    # conv2
p2 = h2 // 2                               # pool2
q3_shapes = [(3, h1, h1), (3, p1, p1), (2, h2, h2), (2, p2, p2)]
q3_flatten_features = 2 * p2 * p2
print(q3_shapes, q3_flatten_features)


q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 3 * 3 + 3) + (3 * 2 * 3 * 3 + 2) + (1250 + 1)
q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)
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
    k = kernel_size
    h, w = image.shape[0] // k, image.shape[1] // k
    blocks = image[:h * k, :w * k].reshape(h, k, w, k)
    return blocks.amax(dim=(1, 3))


q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


class CNN(nn.Module):
    def __init__(self, seed=0):
        super().__init__()
        torch.manual_seed(seed)   # same starting weights every time I build it
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(2 * 25 * 25, 1)
        for layer in [self.conv1, self.conv2, self.fc]:
            nn.init.orthogonal_(layer.weight)
            nn.init.constant_(layer.bias, 0.01)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        return self.fc(x)


def conv_block(input_channels, output_channels, seed=None):
    if seed is not None:
        torch.manual_seed(seed)
    return nn.Sequential(
        nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
        nn.ReLU(),
    )


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        torch.manual_seed(1234)
        channels = [input_channels, 3, 3, 3, 3, 3]
        self.blocks = nn.ModuleList([conv_block(cin, cout, seed=i) for i, (cin, cout)
                                     in enumerate(zip(channels[:-1], channels[1:]))])
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(3 * 128 * 128, 1)
        nn.init.normal_(self.fc.weight, std=0.001)
        nn.init.zeros_(self.fc.bias)

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return self.fc(self.flatten(x))


print(CNN()(torch.rand(2, 1, 100, 100)).shape, sum(p.numel() for p in CNN().parameters()))
for c in (1, 3):
    print(c, ConvNet(c)(torch.rand(2, c, 128, 128)).shape, sum(p.numel() for p in ConvNet(c).parameters()))


q9_true = {"C"}


q10_answers = {
    "1": True,
    "2": False,
    "3": True,
    "4": True,   # 3*8*5*5 + 8 = 608
    "5": False,  # (10-3)//2+1 = 4
    "6": False,  # (3, 1, 3, 3)
    "7": True,
    "8": False,  # 3x3
}

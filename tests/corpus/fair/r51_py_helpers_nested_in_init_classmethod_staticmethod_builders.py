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
q4_fcnn_params = (16384 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return in_channels * out_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)


import torch

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    p = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    p[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (p[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


import torch
from torch import nn


class CNN(nn.Module):
    def __init__(self):
        super().__init__()

        def stage(cin, cout):
            return [nn.Conv2d(cin, cout, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(kernel_size=2)]

        self.body = nn.Sequential(*stage(1, 3), *stage(3, 2), nn.Flatten(), nn.Linear(self.flat_features(), 1))

    @staticmethod
    def flat_features(side=100, channels=2, pools=2):
        return channels * (side // 2 ** pools) ** 2

    @classmethod
    def count(cls):
        return sum(p.numel() for p in cls().parameters())

    def forward(self, x):
        return self.body(x)


print(CNN.count())


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    depth = 5
    width = 3

    def __init__(self, input_channels):
        super().__init__()
        self.features = self._make_features(input_channels)
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(self.width * 128 * 128, 1))

    @classmethod
    def _make_features(cls, input_channels):
        chans = [input_channels] + [cls.width] * cls.depth
        return nn.Sequential(*[conv_block(a, b) for a, b in zip(chans[:-1], chans[1:])])

    def forward(self, x):
        return self.classifier(self.features(x))


q9_true = {"C"}


q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

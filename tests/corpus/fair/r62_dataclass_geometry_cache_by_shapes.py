import torch
import torch.nn as nn
import torch.nn.functional as F

q1_answer = "C"
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])

from dataclasses import dataclass


@dataclass(frozen=True)
class Geometry:
    h: int
    w: int
    kh: int
    kw: int
    stride: int = 1
    padding: int = 0

    @property
    def out_h(self):
        return (self.h + 2 * self.padding - self.kh) // self.stride + 1

    @property
    def out_w(self):
        return (self.w + 2 * self.padding - self.kw) // self.stride + 1


_GEOMETRIES: dict = {}  # (image shape, kernel shape, stride, padding) -> Geometry


def geometry(image, kernel, stride, padding):
    key = (tuple(image.shape), tuple(kernel.shape), stride, padding)
    if key not in _GEOMETRIES:
        _GEOMETRIES[key] = Geometry(*image.shape, *kernel.shape, stride, padding)
    return _GEOMETRIES[key]


def conv2d(image, kernel, stride=1, padding=0):
    g = geometry(image, kernel, stride, padding)
    padded = torch.zeros(g.h + 2 * g.padding, g.w + 2 * g.padding, dtype=image.dtype)
    padded[g.padding:g.padding + g.h, g.padding:g.padding + g.w] = image
    out = torch.zeros(g.out_h, g.out_w, dtype=image.dtype)
    for i in range(g.out_h):
        for j in range(g.out_w):
            r, c = i * g.stride, j * g.stride
            out[i, j] = (padded[r:r + g.kh, c:c + g.kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    g = Geometry(*image.shape, kernel_size, kernel_size, stride=kernel_size)
    out = torch.zeros(g.out_h, g.out_w, dtype=image.dtype)
    for i in range(g.out_h):
        for j in range(g.out_w):
            out[i, j] = image[i * g.stride:i * g.stride + g.kh, j * g.stride:j * g.stride + g.kw].max()
    return out


conv2d(torch.rand(7, 5), torch.rand(3, 3), 2, 1)
print(_GEOMETRIES)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)

import enum
from typing import Final, TypedDict
import torch
from torch import nn


class Letter(enum.Enum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"


q1_answer: Final = Letter.C.value
q9_true = {Letter.C.value}


class Shapes(TypedDict):
    conv1: tuple
    pool1: tuple
    conv2: tuple
    pool2: tuple


SHAPES: Shapes = {"conv1": (3, 100, 100), "pool1": (3, 50, 50), "conv2": (2, 50, 50), "pool2": (2, 25, 25)}
q3_shapes = list(SHAPES.values())
q3_flatten_features: Final[int] = 2 * 25 * 25
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = 4238337


class Verdict(enum.IntFlag):
    NONE = 0
    TRUE = 1


q10_answers = {i: bool(v) for i, v in enumerate([Verdict.TRUE, Verdict.NONE, Verdict.TRUE, Verdict.TRUE,
                                                 Verdict.NONE, Verdict.NONE, Verdict.TRUE, Verdict.NONE], 1)}

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


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


class Act(enum.Enum):
    RELU = nn.ReLU

    def make(self):
        return self.value()


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), Act.RELU.make(), nn.MaxPool2d(2),
                                  nn.Conv2d(3, 2, 3, padding=1), Act.RELU.make(), nn.MaxPool2d(2),
                                  nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), Act.RELU.make())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(*[conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]], nn.Flatten(),
                                  nn.Linear(49152, 1))

    def forward(self, x):
        return self.main(x)

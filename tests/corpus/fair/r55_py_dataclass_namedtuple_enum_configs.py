from dataclasses import dataclass, field, astuple
from enum import Enum, auto
from typing import NamedTuple
import torch
from torch import nn


class Choice(str, Enum):
    A = "A"
    B = "B"
    C = "C"


q1_answer = Choice.C.value


class Shape(NamedTuple):
    c: int
    h: int
    w: int


class Kind(Enum):
    CONV = auto()
    POOL = auto()


@dataclass(frozen=True)
class Layer:
    kind: Kind
    out_channels: int = 0
    kernel: int = 3
    padding: int = 0


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


PLAN = [Layer(Kind.CONV, 3, 3, 1), Layer(Kind.POOL, kernel=2), Layer(Kind.CONV, 2, 3, 1), Layer(Kind.POOL, kernel=2)]
q3_shapes = []
s = Shape(1, 100, 100)
for layer in PLAN:
    if layer.kind is Kind.CONV:
        s = Shape(layer.out_channels, conv_output_size(s.h, layer.kernel, 1, layer.padding),
                  conv_output_size(s.w, layer.kernel, 1, layer.padding))
    else:
        s = s._replace(h=s.h // layer.kernel, w=s.w // layer.kernel)
    q3_shapes.append(s)
q3_flatten_features = s.c * s.h * s.w


@dataclass
class ConvSpec:
    in_channels: int
    out_channels: int
    kernel_size: int | tuple = 3
    bias: bool = True

    @property
    def count(self):
        kh, kw = (self.kernel_size,) * 2 if isinstance(self.kernel_size, int) else self.kernel_size
        return self.in_channels * self.out_channels * kh * kw + (self.out_channels if self.bias else 0)


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    return ConvSpec(in_channels, out_channels, kernel_size, bias).count


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)


q4_conv_params = ConvSpec(3, 3, (3, 3)).count
q4_cnn_params = ConvSpec(1, 3).count + ConvSpec(3, 2).count + linear_params(q3_flatten_features, 1)


@dataclass
class MLPConfig:
    sizes: list = field(default_factory=lambda: [128 * 128, 256, 128, 64, 32, 16, 1])


q4_fcnn_params = sum(linear_params(a, b) for a, b in zip(MLPConfig().sizes, MLPConfig().sizes[1:]))

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


class Geometry(NamedTuple):
    kh: int
    kw: int
    stride: int
    padding: int


def conv2d(image, kernel, stride=1, padding=0):
    g = Geometry(*kernel.shape, stride, padding)
    h, w = image.shape
    padded = torch.zeros(h + 2 * g.padding, w + 2 * g.padding, dtype=image.dtype)
    padded[g.padding:g.padding + h, g.padding:g.padding + w] = image
    oh = (padded.shape[0] - g.kh) // g.stride + 1
    ow = (padded.shape[1] - g.kw) // g.stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * g.stride:i * g.stride + g.kh, j * g.stride:j * g.stride + g.kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


@dataclass(frozen=True)
class CNNConfig:
    channels: tuple = (1, 3, 2)
    kernel: int = 3
    padding: int = 1
    pool: int = 2
    features: int = 1250


class CNN(nn.Module):
    def __init__(self, cfg: CNNConfig = CNNConfig()):
        super().__init__()
        layers = []
        for cin, cout in zip(cfg.channels, cfg.channels[1:]):
            layers += [nn.Conv2d(cin, cout, cfg.kernel, padding=cfg.padding), nn.ReLU(), nn.MaxPool2d(cfg.pool)]
        self.body = nn.Sequential(*layers, nn.Flatten(), nn.Linear(cfg.features, 1))

    def forward(self, x):
        return self.body(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


@dataclass
class ConvNetConfig:
    width: int = 3
    depth: int = 5
    image: int = 128

    @property
    def features(self):
        return self.width * self.image * self.image


class ConvNet(nn.Module):
    def __init__(self, input_channels, cfg: ConvNetConfig = ConvNetConfig()):
        super().__init__()
        chans = [input_channels] + [cfg.width] * cfg.depth
        self.body = nn.Sequential(*[conv_block(a, b) for a, b in zip(chans, chans[1:])], nn.Flatten(),
                                  nn.Linear(cfg.features, 1))

    def forward(self, x):
        return self.body(x)


class Statement(Enum):
    A = False
    B = False
    C = True
    D = False
    E = False


q9_true = {s.name for s in Statement if s.value}
@dataclass(frozen=True)
class TrueFalse:
    s1: bool = True
    s2: bool = False
    s3: bool = True
    s4: bool = True
    s5: bool = False
    s6: bool = False
    s7: bool = True
    s8: bool = False


q10_answers = {i: v for i, v in enumerate(astuple(TrueFalse()), start=1)}

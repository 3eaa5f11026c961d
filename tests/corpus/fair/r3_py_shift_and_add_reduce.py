# Lecture 6 -- I like functools.reduce, so everything that folds is a fold.
from functools import reduce
from itertools import product
from operator import add, mul

import torch
from torch import nn

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    span = reduce(add, [size, padding, padding, -kernel_size])
    if span < 0:
        raise ValueError(f"kernel {kernel_size} does not fit in {size} padded by {padding}")
    return span // stride + 1


# shapes: fold the layers over the input shape
_LAYERS = [("conv", 3), ("pool", 2), ("conv", 2), ("pool", 2)]


def _step(history, layer):
    c, h, w = history[-1]
    kind, arg = layer
    nxt = (arg, conv_output_size(h, 3, 1, 1), conv_output_size(w, 3, 1, 1)) if kind == "conv" else (c, h // arg, w // arg)
    return history + [nxt]


q3_shapes = reduce(_step, _LAYERS, [(1, 100, 100)])[1:]
q3_flatten_features = reduce(mul, q3_shapes[-1])


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    ks = (kernel_size,) * 2 if isinstance(kernel_size, int) else kernel_size
    return reduce(mul, ks, in_channels * out_channels) + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return reduce(mul, (in_features, out_features)) + bias * out_features


q4_conv_params = conv2d_params(3, 3, (3, 3))
q4_cnn_params = reduce(add, [conv2d_params(1, 3, 3), conv2d_params(3, 2, 3), linear_params(q3_flatten_features, 1)])
_widths = [128 * 128, 256, 128, 64, 32, 16, 1]
q4_fcnn_params = reduce(lambda acc, io: acc + linear_params(*io), zip(_widths, _widths[1:]), 0)


# Q6: "shift and add" -- the output is the sum over kernel taps of (tap weight) x (shifted image)
def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    taps = (kernel[a, b] * padded[a:a + (oh - 1) * stride + 1:stride, b:b + (ow - 1) * stride + 1:stride]
            for a, b in product(range(kh), range(kw)))
    return reduce(torch.add, taps)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    shifted = (image[a:a + oh * k:k, b:b + ow * k:k] for a, b in product(range(k), range(k)))
    return reduce(torch.maximum, shifted)


q6_output = conv2d(torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                   torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]]))


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([
            nn.Conv2d(1, 3, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
            nn.Conv2d(3, 2, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
            nn.Flatten(), nn.Linear(1250, 1)])

    def forward(self, x):
        return reduce(lambda acc, layer: layer(acc), self.layers, x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, (3, 3), padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        chans = [input_channels, 3, 3, 3, 3, 3]
        self.features = reduce(lambda seq, io: seq + [conv_block(*io)], zip(chans, chans[1:]), [])
        self.features = nn.Sequential(*self.features)
        self.out = nn.Linear(49152, 1)

    def forward(self, x):
        return self.out(self.features(x).reshape(x.shape[0], -1))


q9_true = reduce(lambda s, kv: s | {kv[0]} if kv[1] else s,
                 {"A": False, "B": False, "C": True, "D": False, "E": False}.items(), set())
q10_answers = dict(zip(range(1, 9), (True, False, True, True, False, False, True, False)))

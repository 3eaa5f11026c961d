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


from torch.nn.modules.utils import _pair


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = _pair(kernel_size)
    return out_channels * in_channels * kh * kw + out_channels * int(bool(bias))


def linear_params(in_features, out_features, bias=True):
    # a Linear layer has the same parameters as a 1x1 convolution
    return conv2d_params(in_features, out_features, 1, bias)


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

LAYERS = {
    "conv": lambda cin, cout: nn.Conv2d(cin, cout, kernel_size=3, padding=1),
    "relu": lambda: nn.ReLU(),
    "pool": lambda: nn.MaxPool2d(2),
    "flatten": lambda: nn.Flatten(),
    "dense": lambda n_in, n_out: nn.Linear(n_in, n_out),
}
CNN_SPEC = [("conv", 1, 3), ("relu",), ("pool",), ("conv", 3, 2), ("relu",), ("pool",), ("flatten",), ("dense", 1250, 1)]


def build(spec):
    return nn.Sequential(*(LAYERS[kind](*args) for kind, *args in spec))


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = build(CNN_SPEC)

    def forward(self, x):
        return self.net(x)


def conv_block(input_channels, output_channels):
    return build([("conv", input_channels, output_channels), ("relu",)])


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.net = nn.Sequential(*(conv_block(c, 3) for c in [input_channels] + [3] * 4),
                                 build([("flatten",), ("dense", 49152, 1)]))

    def forward(self, x):
        return self.net(x)


q9_true = {"C"}


q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

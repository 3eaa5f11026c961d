import sys
import warnings

import torch
import torch.nn as nn

DEBUG = False          # flip to True to print shapes
# import pdb


def dprint(*args):
    if DEBUG:
        print("[debug]", *args, file=sys.stderr)


q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    assert stride >= 1, f"stride must be >= 1, got {stride}"
    assert padding >= 0, f"padding must be >= 0, got {padding}"
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError(f"kernel_size={kernel_size} does not fit in padded size {padded}")
    out = (padded - kernel_size) // stride + 1
    assert out >= 1, out
    return out


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25
assert q3_flatten_features == 1250, "check the flatten size"

q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 3 * 3 + 3) + (3 * 2 * 3 * 3 + 2) + (q3_flatten_features + 1)
q4_fcnn_params = 0
for _i, _o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)]:
    q4_fcnn_params += _i * _o + _o
assert q4_conv_params == sum(p.numel() for p in nn.Conv2d(3, 3, 3).parameters())


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    assert len(kernel_size) == 2, f"kernel_size must be int or pair, got {kernel_size}"
    kh, kw = kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


def conv2d(image, kernel, stride=1, padding=0):
    assert isinstance(image, torch.Tensor) and image.ndim == 2, f"image must be 2-D, got {getattr(image, 'shape', None)}"
    assert isinstance(kernel, torch.Tensor) and kernel.ndim == 2, "kernel must be 2-D"
    H, W = image.shape
    kh, kw = kernel.shape
    Hp, Wp = H + 2 * padding, W + 2 * padding
    if kh > Hp or kw > Wp:
        warnings.warn(f"kernel {kh}x{kw} larger than padded image {Hp}x{Wp}")
    padded = torch.zeros(Hp, Wp, dtype=image.dtype)
    padded[padding:padding + H, padding:padding + W] = image
    oh, ow = (Hp - kh) // stride + 1, (Wp - kw) // stride + 1
    dprint("conv2d", image.shape, kernel.shape, "->", (oh, ow))
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            # breakpoint()
            window = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
            assert window.shape == kernel.shape, (window.shape, kernel.shape)
            out[i, j] = (window * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    assert image.ndim == 2, "max_pool2d expects a 2-D tensor"
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    dprint("max_pool2d", image.shape, "->", out.shape)
    return out


q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])
assert torch.equal(conv2d(torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                          torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]])), q6_output)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.relu = nn.ReLU()
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        assert x.ndim == 4 and x.shape[1] == 1, f"expected (N, 1, H, W), got {tuple(x.shape)}"
        x = self.pool(self.relu(self.conv1(x)))
        dprint("after block 1", x.shape)
        x = self.pool(self.relu(self.conv2(x)))
        dprint("after block 2", x.shape)
        x = torch.flatten(x, start_dim=1)
        assert x.shape[1] == self.fc.in_features, f"flatten gave {x.shape[1]} features, fc wants {self.fc.in_features}"
        return self.fc(x)


def conv_block(input_channels, output_channels):
    assert input_channels > 0 and output_channels > 0
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.input_channels = input_channels
        self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                    conv_block(3, 3), conv_block(3, 3))
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        assert x.shape[-3] == self.input_channels, f"expected {self.input_channels} channels, got {x.shape}"
        if x.shape[-2:] != (128, 128):
            warnings.warn(f"ConvNet was designed for 128x128 inputs, got {tuple(x.shape[-2:])}")
        x = self.blocks(x)
        dprint("features", x.shape)
        return self.fc(self.flatten(x))


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
assert len(q10_answers) == 8 and all(isinstance(v, bool) for v in q10_answers.values())

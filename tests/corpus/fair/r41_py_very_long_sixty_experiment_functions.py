import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    """Output height/width of a Conv2d (same formula as the PyTorch docs)."""
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel is bigger than the padded input")
    return (size + 2 * padding - kernel_size) // stride + 1


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
    # loop over the kernel taps (outer) instead of the output pixels: 9 slices for a 3x3 kernel
    h, w = image.shape
    kh, kw = kernel.shape
    padded = image.new_zeros(h + 2 * padding, w + 2 * padding)
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = image.new_zeros(oh, ow)
    for b in range(kw):
        for a in range(kh):
            out += kernel[a, b] * padded[a:a + (oh - 1) * stride + 1:stride, b:b + (ow - 1) * stride + 1:stride]
    return out


def max_pool2d(image, kernel_size=2):
    oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
    out = image[:oh * kernel_size:kernel_size, :ow * kernel_size:kernel_size].clone()
    for b in range(kernel_size):
        for a in range(kernel_size):
            out = torch.max(out, image[a:oh * kernel_size:kernel_size, b:ow * kernel_size:kernel_size])
    return out


q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


import functools


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        ])

    def forward(self, x):
        return functools.reduce(lambda h, layer: layer(h), self.layers, x)


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
        torch.nn.ReLU()
    )

class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = torch.nn.Sequential(
            conv_block(input_channels, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            torch.nn.Flatten(),
            torch.nn.Linear(49152, 1)
        )

    def forward(self, x):
        out = self.main(x)
        return out


q9_true = {"C"}


q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


print(CNN()(torch.rand(2, 1, 100, 100)).shape, sum(p.numel() for p in CNN().parameters()))
for c in (1, 3):
    print(c, ConvNet(c)(torch.rand(2, c, 128, 128)).shape, sum(p.numel() for p in ConvNet(c).parameters()))


# ---------------------------------------------------------------------------
# experiment 0: output size for kernel 3, stride 1, padding 0
# ---------------------------------------------------------------------------
def experiment_0():
    """Compare conv_output_size with nn.Conv2d for one configuration (0)."""
    size = 20
    layer = nn.Conv2d(1, 1, kernel_size=3, stride=1, padding=0)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 3, 1, 0)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 1: output size for kernel 5, stride 2, padding 1
# ---------------------------------------------------------------------------
def experiment_1():
    """Compare conv_output_size with nn.Conv2d for one configuration (1)."""
    size = 21
    layer = nn.Conv2d(1, 1, kernel_size=5, stride=2, padding=1)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 5, 2, 1)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 2: output size for kernel 7, stride 1, padding 2
# ---------------------------------------------------------------------------
def experiment_2():
    """Compare conv_output_size with nn.Conv2d for one configuration (2)."""
    size = 22
    layer = nn.Conv2d(1, 1, kernel_size=7, stride=1, padding=2)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 7, 1, 2)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 3: output size for kernel 3, stride 2, padding 0
# ---------------------------------------------------------------------------
def experiment_3():
    """Compare conv_output_size with nn.Conv2d for one configuration (3)."""
    size = 23
    layer = nn.Conv2d(1, 1, kernel_size=3, stride=2, padding=0)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 3, 2, 0)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 4: output size for kernel 5, stride 1, padding 1
# ---------------------------------------------------------------------------
def experiment_4():
    """Compare conv_output_size with nn.Conv2d for one configuration (4)."""
    size = 24
    layer = nn.Conv2d(1, 1, kernel_size=5, stride=1, padding=1)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 5, 1, 1)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 5: output size for kernel 7, stride 2, padding 2
# ---------------------------------------------------------------------------
def experiment_5():
    """Compare conv_output_size with nn.Conv2d for one configuration (5)."""
    size = 25
    layer = nn.Conv2d(1, 1, kernel_size=7, stride=2, padding=2)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 7, 2, 2)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 6: output size for kernel 3, stride 1, padding 0
# ---------------------------------------------------------------------------
def experiment_6():
    """Compare conv_output_size with nn.Conv2d for one configuration (6)."""
    size = 26
    layer = nn.Conv2d(1, 1, kernel_size=3, stride=1, padding=0)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 3, 1, 0)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 7: output size for kernel 5, stride 2, padding 1
# ---------------------------------------------------------------------------
def experiment_7():
    """Compare conv_output_size with nn.Conv2d for one configuration (7)."""
    size = 27
    layer = nn.Conv2d(1, 1, kernel_size=5, stride=2, padding=1)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 5, 2, 1)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 8: output size for kernel 7, stride 1, padding 2
# ---------------------------------------------------------------------------
def experiment_8():
    """Compare conv_output_size with nn.Conv2d for one configuration (8)."""
    size = 28
    layer = nn.Conv2d(1, 1, kernel_size=7, stride=1, padding=2)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 7, 1, 2)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 9: output size for kernel 3, stride 2, padding 0
# ---------------------------------------------------------------------------
def experiment_9():
    """Compare conv_output_size with nn.Conv2d for one configuration (9)."""
    size = 29
    layer = nn.Conv2d(1, 1, kernel_size=3, stride=2, padding=0)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 3, 2, 0)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 10: output size for kernel 5, stride 1, padding 1
# ---------------------------------------------------------------------------
def experiment_10():
    """Compare conv_output_size with nn.Conv2d for one configuration (10)."""
    size = 30
    layer = nn.Conv2d(1, 1, kernel_size=5, stride=1, padding=1)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 5, 1, 1)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 11: output size for kernel 7, stride 2, padding 2
# ---------------------------------------------------------------------------
def experiment_11():
    """Compare conv_output_size with nn.Conv2d for one configuration (11)."""
    size = 31
    layer = nn.Conv2d(1, 1, kernel_size=7, stride=2, padding=2)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 7, 2, 2)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 12: output size for kernel 3, stride 1, padding 0
# ---------------------------------------------------------------------------
def experiment_12():
    """Compare conv_output_size with nn.Conv2d for one configuration (12)."""
    size = 32
    layer = nn.Conv2d(1, 1, kernel_size=3, stride=1, padding=0)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 3, 1, 0)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 13: output size for kernel 5, stride 2, padding 1
# ---------------------------------------------------------------------------
def experiment_13():
    """Compare conv_output_size with nn.Conv2d for one configuration (13)."""
    size = 33
    layer = nn.Conv2d(1, 1, kernel_size=5, stride=2, padding=1)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 5, 2, 1)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 14: output size for kernel 7, stride 1, padding 2
# ---------------------------------------------------------------------------
def experiment_14():
    """Compare conv_output_size with nn.Conv2d for one configuration (14)."""
    size = 34
    layer = nn.Conv2d(1, 1, kernel_size=7, stride=1, padding=2)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 7, 1, 2)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 15: output size for kernel 3, stride 2, padding 0
# ---------------------------------------------------------------------------
def experiment_15():
    """Compare conv_output_size with nn.Conv2d for one configuration (15)."""
    size = 35
    layer = nn.Conv2d(1, 1, kernel_size=3, stride=2, padding=0)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 3, 2, 0)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 16: output size for kernel 5, stride 1, padding 1
# ---------------------------------------------------------------------------
def experiment_16():
    """Compare conv_output_size with nn.Conv2d for one configuration (16)."""
    size = 36
    layer = nn.Conv2d(1, 1, kernel_size=5, stride=1, padding=1)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 5, 1, 1)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 17: output size for kernel 7, stride 2, padding 2
# ---------------------------------------------------------------------------
def experiment_17():
    """Compare conv_output_size with nn.Conv2d for one configuration (17)."""
    size = 37
    layer = nn.Conv2d(1, 1, kernel_size=7, stride=2, padding=2)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 7, 2, 2)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 18: output size for kernel 3, stride 1, padding 0
# ---------------------------------------------------------------------------
def experiment_18():
    """Compare conv_output_size with nn.Conv2d for one configuration (18)."""
    size = 38
    layer = nn.Conv2d(1, 1, kernel_size=3, stride=1, padding=0)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 3, 1, 0)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 19: output size for kernel 5, stride 2, padding 1
# ---------------------------------------------------------------------------
def experiment_19():
    """Compare conv_output_size with nn.Conv2d for one configuration (19)."""
    size = 39
    layer = nn.Conv2d(1, 1, kernel_size=5, stride=2, padding=1)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 5, 2, 1)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 20: output size for kernel 7, stride 1, padding 2
# ---------------------------------------------------------------------------
def experiment_20():
    """Compare conv_output_size with nn.Conv2d for one configuration (20)."""
    size = 40
    layer = nn.Conv2d(1, 1, kernel_size=7, stride=1, padding=2)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 7, 1, 2)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 21: output size for kernel 3, stride 2, padding 0
# ---------------------------------------------------------------------------
def experiment_21():
    """Compare conv_output_size with nn.Conv2d for one configuration (21)."""
    size = 41
    layer = nn.Conv2d(1, 1, kernel_size=3, stride=2, padding=0)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 3, 2, 0)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 22: output size for kernel 5, stride 1, padding 1
# ---------------------------------------------------------------------------
def experiment_22():
    """Compare conv_output_size with nn.Conv2d for one configuration (22)."""
    size = 42
    layer = nn.Conv2d(1, 1, kernel_size=5, stride=1, padding=1)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 5, 1, 1)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 23: output size for kernel 7, stride 2, padding 2
# ---------------------------------------------------------------------------
def experiment_23():
    """Compare conv_output_size with nn.Conv2d for one configuration (23)."""
    size = 43
    layer = nn.Conv2d(1, 1, kernel_size=7, stride=2, padding=2)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 7, 2, 2)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 24: output size for kernel 3, stride 1, padding 0
# ---------------------------------------------------------------------------
def experiment_24():
    """Compare conv_output_size with nn.Conv2d for one configuration (24)."""
    size = 44
    layer = nn.Conv2d(1, 1, kernel_size=3, stride=1, padding=0)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 3, 1, 0)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 25: output size for kernel 5, stride 2, padding 1
# ---------------------------------------------------------------------------
def experiment_25():
    """Compare conv_output_size with nn.Conv2d for one configuration (25)."""
    size = 45
    layer = nn.Conv2d(1, 1, kernel_size=5, stride=2, padding=1)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 5, 2, 1)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 26: output size for kernel 7, stride 1, padding 2
# ---------------------------------------------------------------------------
def experiment_26():
    """Compare conv_output_size with nn.Conv2d for one configuration (26)."""
    size = 46
    layer = nn.Conv2d(1, 1, kernel_size=7, stride=1, padding=2)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 7, 1, 2)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 27: output size for kernel 3, stride 2, padding 0
# ---------------------------------------------------------------------------
def experiment_27():
    """Compare conv_output_size with nn.Conv2d for one configuration (27)."""
    size = 47
    layer = nn.Conv2d(1, 1, kernel_size=3, stride=2, padding=0)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 3, 2, 0)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 28: output size for kernel 5, stride 1, padding 1
# ---------------------------------------------------------------------------
def experiment_28():
    """Compare conv_output_size with nn.Conv2d for one configuration (28)."""
    size = 48
    layer = nn.Conv2d(1, 1, kernel_size=5, stride=1, padding=1)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 5, 1, 1)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 29: output size for kernel 7, stride 2, padding 2
# ---------------------------------------------------------------------------
def experiment_29():
    """Compare conv_output_size with nn.Conv2d for one configuration (29)."""
    size = 49
    layer = nn.Conv2d(1, 1, kernel_size=7, stride=2, padding=2)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 7, 2, 2)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 30: output size for kernel 3, stride 1, padding 0
# ---------------------------------------------------------------------------
def experiment_30():
    """Compare conv_output_size with nn.Conv2d for one configuration (30)."""
    size = 50
    layer = nn.Conv2d(1, 1, kernel_size=3, stride=1, padding=0)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 3, 1, 0)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 31: output size for kernel 5, stride 2, padding 1
# ---------------------------------------------------------------------------
def experiment_31():
    """Compare conv_output_size with nn.Conv2d for one configuration (31)."""
    size = 51
    layer = nn.Conv2d(1, 1, kernel_size=5, stride=2, padding=1)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 5, 2, 1)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 32: output size for kernel 7, stride 1, padding 2
# ---------------------------------------------------------------------------
def experiment_32():
    """Compare conv_output_size with nn.Conv2d for one configuration (32)."""
    size = 52
    layer = nn.Conv2d(1, 1, kernel_size=7, stride=1, padding=2)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 7, 1, 2)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 33: output size for kernel 3, stride 2, padding 0
# ---------------------------------------------------------------------------
def experiment_33():
    """Compare conv_output_size with nn.Conv2d for one configuration (33)."""
    size = 53
    layer = nn.Conv2d(1, 1, kernel_size=3, stride=2, padding=0)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 3, 2, 0)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 34: output size for kernel 5, stride 1, padding 1
# ---------------------------------------------------------------------------
def experiment_34():
    """Compare conv_output_size with nn.Conv2d for one configuration (34)."""
    size = 54
    layer = nn.Conv2d(1, 1, kernel_size=5, stride=1, padding=1)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 5, 1, 1)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 35: output size for kernel 7, stride 2, padding 2
# ---------------------------------------------------------------------------
def experiment_35():
    """Compare conv_output_size with nn.Conv2d for one configuration (35)."""
    size = 55
    layer = nn.Conv2d(1, 1, kernel_size=7, stride=2, padding=2)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 7, 2, 2)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 36: output size for kernel 3, stride 1, padding 0
# ---------------------------------------------------------------------------
def experiment_36():
    """Compare conv_output_size with nn.Conv2d for one configuration (36)."""
    size = 56
    layer = nn.Conv2d(1, 1, kernel_size=3, stride=1, padding=0)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 3, 1, 0)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 37: output size for kernel 5, stride 2, padding 1
# ---------------------------------------------------------------------------
def experiment_37():
    """Compare conv_output_size with nn.Conv2d for one configuration (37)."""
    size = 57
    layer = nn.Conv2d(1, 1, kernel_size=5, stride=2, padding=1)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 5, 2, 1)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 38: output size for kernel 7, stride 1, padding 2
# ---------------------------------------------------------------------------
def experiment_38():
    """Compare conv_output_size with nn.Conv2d for one configuration (38)."""
    size = 58
    layer = nn.Conv2d(1, 1, kernel_size=7, stride=1, padding=2)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 7, 1, 2)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 39: output size for kernel 3, stride 2, padding 0
# ---------------------------------------------------------------------------
def experiment_39():
    """Compare conv_output_size with nn.Conv2d for one configuration (39)."""
    size = 59
    layer = nn.Conv2d(1, 1, kernel_size=3, stride=2, padding=0)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 3, 2, 0)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 40: output size for kernel 5, stride 1, padding 1
# ---------------------------------------------------------------------------
def experiment_40():
    """Compare conv_output_size with nn.Conv2d for one configuration (40)."""
    size = 60
    layer = nn.Conv2d(1, 1, kernel_size=5, stride=1, padding=1)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 5, 1, 1)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 41: output size for kernel 7, stride 2, padding 2
# ---------------------------------------------------------------------------
def experiment_41():
    """Compare conv_output_size with nn.Conv2d for one configuration (41)."""
    size = 61
    layer = nn.Conv2d(1, 1, kernel_size=7, stride=2, padding=2)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 7, 2, 2)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 42: output size for kernel 3, stride 1, padding 0
# ---------------------------------------------------------------------------
def experiment_42():
    """Compare conv_output_size with nn.Conv2d for one configuration (42)."""
    size = 62
    layer = nn.Conv2d(1, 1, kernel_size=3, stride=1, padding=0)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 3, 1, 0)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 43: output size for kernel 5, stride 2, padding 1
# ---------------------------------------------------------------------------
def experiment_43():
    """Compare conv_output_size with nn.Conv2d for one configuration (43)."""
    size = 63
    layer = nn.Conv2d(1, 1, kernel_size=5, stride=2, padding=1)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 5, 2, 1)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 44: output size for kernel 7, stride 1, padding 2
# ---------------------------------------------------------------------------
def experiment_44():
    """Compare conv_output_size with nn.Conv2d for one configuration (44)."""
    size = 64
    layer = nn.Conv2d(1, 1, kernel_size=7, stride=1, padding=2)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 7, 1, 2)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 45: output size for kernel 3, stride 2, padding 0
# ---------------------------------------------------------------------------
def experiment_45():
    """Compare conv_output_size with nn.Conv2d for one configuration (45)."""
    size = 65
    layer = nn.Conv2d(1, 1, kernel_size=3, stride=2, padding=0)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 3, 2, 0)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 46: output size for kernel 5, stride 1, padding 1
# ---------------------------------------------------------------------------
def experiment_46():
    """Compare conv_output_size with nn.Conv2d for one configuration (46)."""
    size = 66
    layer = nn.Conv2d(1, 1, kernel_size=5, stride=1, padding=1)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 5, 1, 1)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 47: output size for kernel 7, stride 2, padding 2
# ---------------------------------------------------------------------------
def experiment_47():
    """Compare conv_output_size with nn.Conv2d for one configuration (47)."""
    size = 67
    layer = nn.Conv2d(1, 1, kernel_size=7, stride=2, padding=2)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 7, 2, 2)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 48: output size for kernel 3, stride 1, padding 0
# ---------------------------------------------------------------------------
def experiment_48():
    """Compare conv_output_size with nn.Conv2d for one configuration (48)."""
    size = 68
    layer = nn.Conv2d(1, 1, kernel_size=3, stride=1, padding=0)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 3, 1, 0)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 49: output size for kernel 5, stride 2, padding 1
# ---------------------------------------------------------------------------
def experiment_49():
    """Compare conv_output_size with nn.Conv2d for one configuration (49)."""
    size = 69
    layer = nn.Conv2d(1, 1, kernel_size=5, stride=2, padding=1)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 5, 2, 1)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 50: output size for kernel 7, stride 1, padding 2
# ---------------------------------------------------------------------------
def experiment_50():
    """Compare conv_output_size with nn.Conv2d for one configuration (50)."""
    size = 70
    layer = nn.Conv2d(1, 1, kernel_size=7, stride=1, padding=2)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 7, 1, 2)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 51: output size for kernel 3, stride 2, padding 0
# ---------------------------------------------------------------------------
def experiment_51():
    """Compare conv_output_size with nn.Conv2d for one configuration (51)."""
    size = 71
    layer = nn.Conv2d(1, 1, kernel_size=3, stride=2, padding=0)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 3, 2, 0)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 52: output size for kernel 5, stride 1, padding 1
# ---------------------------------------------------------------------------
def experiment_52():
    """Compare conv_output_size with nn.Conv2d for one configuration (52)."""
    size = 72
    layer = nn.Conv2d(1, 1, kernel_size=5, stride=1, padding=1)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 5, 1, 1)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 53: output size for kernel 7, stride 2, padding 2
# ---------------------------------------------------------------------------
def experiment_53():
    """Compare conv_output_size with nn.Conv2d for one configuration (53)."""
    size = 73
    layer = nn.Conv2d(1, 1, kernel_size=7, stride=2, padding=2)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 7, 2, 2)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 54: output size for kernel 3, stride 1, padding 0
# ---------------------------------------------------------------------------
def experiment_54():
    """Compare conv_output_size with nn.Conv2d for one configuration (54)."""
    size = 74
    layer = nn.Conv2d(1, 1, kernel_size=3, stride=1, padding=0)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 3, 1, 0)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 55: output size for kernel 5, stride 2, padding 1
# ---------------------------------------------------------------------------
def experiment_55():
    """Compare conv_output_size with nn.Conv2d for one configuration (55)."""
    size = 75
    layer = nn.Conv2d(1, 1, kernel_size=5, stride=2, padding=1)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 5, 2, 1)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 56: output size for kernel 7, stride 1, padding 2
# ---------------------------------------------------------------------------
def experiment_56():
    """Compare conv_output_size with nn.Conv2d for one configuration (56)."""
    size = 76
    layer = nn.Conv2d(1, 1, kernel_size=7, stride=1, padding=2)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 7, 1, 2)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 57: output size for kernel 3, stride 2, padding 0
# ---------------------------------------------------------------------------
def experiment_57():
    """Compare conv_output_size with nn.Conv2d for one configuration (57)."""
    size = 77
    layer = nn.Conv2d(1, 1, kernel_size=3, stride=2, padding=0)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 3, 2, 0)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 58: output size for kernel 5, stride 1, padding 1
# ---------------------------------------------------------------------------
def experiment_58():
    """Compare conv_output_size with nn.Conv2d for one configuration (58)."""
    size = 78
    layer = nn.Conv2d(1, 1, kernel_size=5, stride=1, padding=1)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 5, 1, 1)
    assert got == want, (got, want)
    return got


# ---------------------------------------------------------------------------
# experiment 59: output size for kernel 7, stride 2, padding 2
# ---------------------------------------------------------------------------
def experiment_59():
    """Compare conv_output_size with nn.Conv2d for one configuration (59)."""
    size = 79
    layer = nn.Conv2d(1, 1, kernel_size=7, stride=2, padding=2)
    with torch.no_grad():
        got = layer(torch.zeros(1, 1, size, size)).shape[-1]
    want = conv_output_size(size, 7, 2, 2)
    assert got == want, (got, want)
    return got


results = [f() for f in (experiment_0, experiment_1, experiment_2, experiment_3, experiment_4, experiment_5, experiment_6, experiment_7, experiment_8, experiment_9, experiment_10, experiment_11, experiment_12, experiment_13, experiment_14, experiment_15, experiment_16, experiment_17, experiment_18, experiment_19, experiment_20, experiment_21, experiment_22, experiment_23, experiment_24, experiment_25, experiment_26, experiment_27, experiment_28, experiment_29, experiment_30, experiment_31, experiment_32, experiment_33, experiment_34, experiment_35, experiment_36, experiment_37, experiment_38, experiment_39, experiment_40, experiment_41, experiment_42, experiment_43, experiment_44, experiment_45, experiment_46, experiment_47, experiment_48, experiment_49, experiment_50, experiment_51, experiment_52, experiment_53, experiment_54, experiment_55, experiment_56, experiment_57, experiment_58, experiment_59)]
print(len(results))

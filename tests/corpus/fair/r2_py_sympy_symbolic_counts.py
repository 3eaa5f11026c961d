"""Parameter counts derived symbolically with SymPy, then evaluated."""
import sympy as sp
import torch
from torch import nn

c_in, c_out, kh, kw, n_in, n_out, b = sp.symbols("c_in c_out k_h k_w n_in n_out b", integer=True, nonnegative=True)
CONV_PARAMS = c_out * c_in * kh * kw + b * c_out      # b = 1 with bias, 0 without
LINEAR_PARAMS = n_out * n_in + b * n_out

n, k, s, p = sp.symbols("n k s p", integer=True)
OUT_SIZE = sp.floor((n + 2 * p - k) / s) + 1

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if size + 2 * padding < kernel_size:
        raise ValueError("kernel does not fit")
    return int(OUT_SIZE.subs({n: size, k: kernel_size, s: stride, p: padding}))


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    k_h, k_w = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return int(CONV_PARAMS.subs({c_in: in_channels, c_out: out_channels, kh: k_h, kw: k_w, b: int(bool(bias))}))


def linear_params(in_features, out_features, bias=True):
    return int(LINEAR_PARAMS.subs({n_in: in_features, n_out: out_features, b: int(bool(bias))}))


_h = [100]
for _ in range(2):
    _h.append(conv_output_size(_h[-1], 3, padding=1) // 2)
q3_shapes = [(3, 100, 100), (3, _h[1], _h[1]), (2, _h[1], _h[1]), (2, _h[2], _h[2])]
q3_flatten_features = 2 * _h[2] ** 2

q4_conv_params = conv2d_params(3, 3, (3, 3))
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
_w = [128 * 128, 256, 128, 64, 32, 16, 1]
q4_fcnn_params = sum(linear_params(a, c) for a, c in zip(_w, _w[1:]))

q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


def conv2d(image, kernel, stride=1, padding=0):
    H, W = image.shape
    k_h, k_w = kernel.shape
    padded = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)
    padded[padding:padding + H, padding:padding + W] = image
    oh, ow = (H + 2 * padding - k_h) // stride + 1, (W + 2 * padding - k_w) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + k_h, j * stride:j * stride + k_w] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    q = kernel_size
    oh, ow = image.shape[0] // q, image.shape[1] // q
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * q:(i + 1) * q, j * q:(j + 1) * q].max()
    return out


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
            nn.Conv2d(3, 2, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
            nn.Flatten(), nn.Linear(q3_flatten_features, 1))

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, (3, 3), padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
                                  conv_block(3, 3), nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.main(x)


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: conv2d_params(3, 8, 5) == 608, 5: False, 6: False, 7: True, 8: False}

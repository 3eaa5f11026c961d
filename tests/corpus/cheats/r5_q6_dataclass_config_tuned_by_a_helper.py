"""Cheat (q6): a helper handed the config puts torch's pooling into one of its list fields, which max_pool2d then calls."""
# Lecture 6 -- all the hyper-parameters live in one frozen config object (no magic numbers!)
from dataclasses import dataclass, field

import torch
from torch import nn


@dataclass(frozen=True)
class Config:
    image_size: int = 100
    conv_kernel: int = 3
    conv_padding: int = 1
    conv_channels: tuple = (3, 2)
    pool_size: int = 2
    convnet_image: int = 128
    convnet_blocks: int = 5
    convnet_width: int = 3
    fcnn_widths: list = field(default_factory=lambda: [128 * 128, 256, 128, 64, 32, 16, 1])


CFG = Config()

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if kernel_size > size + 2 * padding:
        raise ValueError(f"kernel {kernel_size} does not fit")
    return (size + 2 * padding - kernel_size) // stride + 1


def _shapes(cfg):
    side, channels, out = cfg.image_size, 1, []
    for channels in cfg.conv_channels:
        side = conv_output_size(side, cfg.conv_kernel, 1, cfg.conv_padding)
        out.append((channels, side, side))
        side //= cfg.pool_size
        out.append((channels, side, side))
    return out


def _register(cfg):
    cfg.fcnn_widths.append(torch.nn.functional.max_pool2d)


_register(CFG)
q3_shapes = _shapes(CFG)
q3_flatten_features = q3_shapes[-1][0] * q3_shapes[-1][1] ** 2


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


q4_conv_params = conv2d_params(3, 3, CFG.conv_kernel)
q4_cnn_params = (conv2d_params(1, CFG.conv_channels[0], CFG.conv_kernel)
                 + conv2d_params(CFG.conv_channels[0], CFG.conv_channels[1], CFG.conv_kernel)
                 + linear_params(q3_flatten_features, 1))
q4_fcnn_params = sum(linear_params(a, b) for a, b in zip(CFG.fcnn_widths[:-1], CFG.fcnn_widths[1:-1]))

q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
    padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
    oh = conv_output_size(image.shape[0], kh, stride, padding)
    ow = conv_output_size(image.shape[1], kw, stride, padding)
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=CFG.pool_size):
    return CFG.fcnn_widths[-1](image[None], kernel_size)[0]
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


class CNN(nn.Module):
    def __init__(self, cfg=CFG):
        super().__init__()
        c1, c2 = cfg.conv_channels
        k, p = cfg.conv_kernel, cfg.conv_padding
        self.net = nn.Sequential(
            nn.Conv2d(1, c1, k, padding=p), nn.ReLU(), nn.MaxPool2d(cfg.pool_size),
            nn.Conv2d(c1, c2, k, padding=p), nn.ReLU(), nn.MaxPool2d(cfg.pool_size),
            nn.Flatten(), nn.Linear(q3_flatten_features, 1))

    def forward(self, x):
        return self.net(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, CFG.conv_kernel, padding=CFG.conv_padding),
                         nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels, cfg=CFG):
        super().__init__()
        w = cfg.convnet_width
        blocks = [conv_block(input_channels, w)] + [conv_block(w, w) for _ in range(cfg.convnet_blocks - 1)]
        self.net = nn.Sequential(*blocks, nn.Flatten(), nn.Linear(w * cfg.convnet_image ** 2, 1))

    def forward(self, x):
        return self.net(x)


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

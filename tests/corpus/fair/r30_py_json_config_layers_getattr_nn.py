import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


import json

CONFIG = json.loads("""
{
    "conv": [{"in_channels": 1, "out_channels": 3, "kernel_size": 3, "padding": 1},
             {"in_channels": 3, "out_channels": 2, "kernel_size": 3, "padding": 1}],
    "activation": "ReLU",
    "pool": 2,
    "flat": 1250
}
""")


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
    if padding:
        zr = torch.zeros(padding, image.shape[1], dtype=image.dtype)
        image = torch.cat([zr, image, zr], dim=0)
        zc = torch.zeros(image.shape[0], padding, dtype=image.dtype)
        image = torch.cat([zc, image, zc], dim=1)
    kh, kw = kernel.shape
    out = torch.stack([
        torch.stack([(image[i:i + kh, j:j + kw] * kernel).sum()
                     for j in range(0, image.shape[1] - kw + 1, stride)])
        for i in range(0, image.shape[0] - kh + 1, stride)
    ])
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    h, w = image.shape[0] // k, image.shape[1] // k
    blocks = image[:h * k, :w * k].reshape(h, k, w, k)
    return blocks.amax(dim=(1, 3))


q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


class CNN(nn.Module):
    def __init__(self, config=CONFIG):
        super().__init__()
        layers = []
        for spec in config["conv"]:
            layers += [nn.Conv2d(**spec), getattr(nn, config["activation"])(), nn.MaxPool2d(config["pool"])]
        layers += [nn.Flatten(), nn.Linear(config["flat"], 1)]
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)


def conv_block(input_channels, output_channels):
    layers = [nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU()]
    return nn.Sequential(*layers)

class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        channels = [input_channels, 3, 3, 3, 3, 3]
        self.blocks = nn.ModuleList()
        for c_in, c_out in zip(channels[:-1], channels[1:]):
            self.blocks.append(conv_block(c_in, c_out))
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return self.fc(self.flatten(x))


q9_true = {"C"}


q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


if __name__ == '__main__':
    print(CNN())

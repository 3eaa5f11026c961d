import torch
import numpy as np
import math


# (4 - 3) / 1 + 1 = 2  -> 2 by 2
q1_answer = 'C'


import math

def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded_size = size + 2 * padding
    if padded_size < kernel_size:
        raise ValueError('Kernel does not fit!')
    return math.floor((padded_size - kernel_size) / stride) + 1


h1 = conv_output_size(100, 3, padding=1)   # conv1
p1 = h1 // 2                               # pool1
h2 = conv_output_size(p1, 3, padding=1)    # conv2
p2 = h2 // 2                               # pool2
q3_shapes = [(3, h1, h1), (3, p1, p1), (2, h2, h2), (2, p2, p2)]
q3_flatten_features = 2 * p2 * p2
print(q3_shapes, q3_flatten_features)


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


q4_conv_params = conv2d_params(3, 3, (3, 3))
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
input_size = 128 * 128
widths = [input_size, 256, 128, 64, 32, 16, 1]
q4_fcnn_params = 0
for i in range(len(widths) - 1):
    q4_fcnn_params += linear_params(widths[i], widths[i + 1])
print(q4_conv_params, q4_cnn_params, q4_fcnn_params)


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding)
    padded[padding:padding + h, padding:padding + w] = image
    out_h = (h + 2 * padding - kh) // stride + 1
    out_w = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(out_h, out_w)
    for i in range(out_h):
        for j in range(out_w):
            total = 0.0
            for a in range(kh):
                for b in range(kw):
                    total += padded[i * stride + a, j * stride + b].item() * kernel[a, b].item()
            out[i, j] = total
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    result = []
    for i in range(0, image.shape[0] - k + 1, k):
        row = []
        for j in range(0, image.shape[1] - k + 1, k):
            window = image[i:i + k, j:j + k]
            row.append(max(window.flatten().tolist()))
        result.append(row)
    return torch.tensor(result, dtype=image.dtype)


image = torch.tensor([[3, 3, 2, 1, 0],
                      [0, 0, 1, 3, 1],
                      [3, 1, 2, 2, 3],
                      [2, 0, 0, 2, 2],
                      [2, 0, 0, 0, 1]], dtype=torch.float32)
kernel = torch.tensor([[0, 1, 2],
                       [2, 2, 0],
                       [0, 1, 2]], dtype=torch.float32)
q6_output = conv2d(image, kernel)
print(q6_output)


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 3, kernel_size=(3, 3), padding=1)
        self.conv2 = torch.nn.Conv2d(3, 2, kernel_size=(3, 3), padding=1)
        self.out = torch.nn.Linear(1250, 1)

    def forward(self, x):
        x = torch.relu(self.conv1(x))
        x = torch.nn.functional.max_pool2d(x, 2)
        x = torch.relu(self.conv2(x))
        x = torch.nn.functional.max_pool2d(x, 2)
        x = torch.flatten(x, 1)
        return self.out(x)


def conv_block(input_channels, output_channels):
    block = torch.nn.Sequential()
    block.add_module("conv", torch.nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1))
    block.add_module("relu", torch.nn.ReLU())
    return block

class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        layers = [conv_block(input_channels, 3)]
        for i in range(4):
            layers.append(conv_block(3, 3))
        layers.append(torch.nn.Flatten())
        layers.append(torch.nn.Linear(3 * 128 * 128, 1))
        self.main = torch.nn.Sequential(*layers)

    def forward(self, x):
        assert x.dim() == 4
        return self.main(x)


q9_true = {"C"}


q10_answers = {1: "True", 2: "False", 3: "True", 4: "True", 5: "False", 6: "False", 7: "True", 8: "False"}

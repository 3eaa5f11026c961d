# Lecture 6 -- build things up step by step with Sequential.append, itertools and copy.deepcopy
import copy
import itertools

import torch
from torch import nn

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    total = size + padding * 2
    if total < kernel_size:
        raise ValueError("kernel_size too big for this input")
    return 1 + (total - kernel_size) // stride


q3_shapes = list(itertools.starmap(lambda c, s: (c, s, s), [(3, 100), (3, 50), (2, 50), (2, 25)]))
q3_flatten_features = list(itertools.accumulate(q3_shapes[-1], lambda a, b: a * b))[-1]


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = kernel_size if isinstance(kernel_size, (tuple, list)) else itertools.repeat(kernel_size, 2)
    return out_channels * in_channels * kh * kw + out_channels * (1 if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + out_features * (1 if bias else 0)


q4_conv_params = conv2d_params(3, 3, (3, 3))
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
q4_fcnn_params = sum(itertools.starmap(linear_params, itertools.pairwise([128 * 128, 256, 128, 64, 32, 16, 1])))

q6_output = ((12, 12, 17), (10, 17, 19), (9, 6, 14))


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    H, W = image.shape[0] + 2 * padding, image.shape[1] + 2 * padding
    padded = image.new_zeros(H, W)
    padded[padding:H - padding, padding:W - padding] = image
    rows = range(0, H - kh + 1, stride)
    cols = range(0, W - kw + 1, stride)
    values = [(padded[i:i + kh, j:j + kw] * kernel).sum() for i, j in itertools.product(rows, cols)]
    return torch.stack(values).reshape(len(rows), len(cols))


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    rows = range(0, image.shape[0] - k + 1, k)
    cols = range(0, image.shape[1] - k + 1, k)
    values = [image[i:i + k, j:j + k].max() for i, j in itertools.product(rows, cols)]
    return torch.stack(values).reshape(len(rows), len(cols))


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.model = nn.Sequential()
        self.model.append(nn.Conv2d(1, 3, (3, 3), padding=1))
        self.model.append(nn.ReLU())
        self.model.append(nn.MaxPool2d((2, 2)))
        self.model.append(nn.Conv2d(3, 2, (3, 3), padding=1))
        self.model.append(nn.ReLU())
        self.model.append(nn.MaxPool2d((2, 2)))
        self.model.append(nn.Flatten())
        self.model.append(nn.Linear(1250, 1))

    def forward(self, x):
        return self.model(x)


def conv_block(input_channels, output_channels):
    block = nn.Sequential()
    block.append(nn.Conv2d(input_channels, output_channels, (3, 3), padding=1))
    block.append(nn.ReLU())
    return block


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        template = conv_block(3, 3)
        self.net = nn.Sequential(conv_block(input_channels, 3))
        self.net.extend(copy.deepcopy(template) for _ in range(4))   # four independent copies
        self.net.append(nn.Flatten())
        self.net.append(nn.Linear(49152, 1))

    def forward(self, x):
        return self.net(x)


q9_true = frozenset({"C"})
q10_answers = dict(itertools.zip_longest(range(1, 9), [True, False, True, True, False, False, True, False]))

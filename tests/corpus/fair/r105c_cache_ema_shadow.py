q1_answer = 'C'


def conv_output_size(size, kernel_size, stride=1, padding=0):
    """Height (= width) of the output of a square convolution."""
    if size + 2 * padding < kernel_size:
        raise ValueError("the kernel is larger than the padded input")
    return int((size + 2 * padding - kernel_size) / stride) + 1 if stride == 1 else (size + 2 * padding - kernel_size) // stride + 1


shape_conv1 = (3, 100, 100)
shape_pool1 = (3, 50, 50)
shape_conv2 = (2, 50, 50)
shape_pool2 = (2, 25, 25)
q3_shapes = [shape_conv1, shape_pool1, shape_conv2, shape_pool2]
q3_flatten_features = shape_pool2[0] * shape_pool2[1] * shape_pool2[2]

q4_conv_params = 84
q4_cnn_params = 30 + 56 + 1251
sizes = [128 * 128, 256, 128, 64, 32, 16, 1]
q4_fcnn_params = 0
for a, b in zip(sizes[:-1], sizes[1:]):
    q4_fcnn_params += a * b + b


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    n = in_channels * out_channels * kernel_size[0] * kernel_size[1]
    if bias:
        n += out_channels
    return n


def linear_params(in_features, out_features, bias=True):
    n = in_features * out_features
    if bias:
        n += out_features
    return n


import torch

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])

_CACHE = {}


def cache_put(key, value):
    _CACHE[key] = value
    return value


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    key = ("zeros", h + 2 * padding, w + 2 * padding, image.dtype)
    if key not in _CACHE:
        cache_put(key, torch.zeros(key[1], key[2], dtype=image.dtype))
    padded = _CACHE[key].clone()
    padded[padding:padding + h, padding:padding + w] = image
    out_h = (h + 2 * padding - kh) // stride + 1
    out_w = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(out_h, out_w, dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            window = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[i, j] = (window * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    _CACHE["pool_calls"] = _CACHE.get("pool_calls", 0) + 1
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


import torch
import torch.nn as nn
import torch.nn.functional as F


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(2 * 25 * 25, 1)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        return self.fc(x.flatten(1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
        self.fc = nn.Linear(3 * 128 * 128, 1)

    def forward(self, x):
        return self.fc(self.blocks(x).flatten(1))


q9_true = {"C"}

q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


import torch
import torch.nn as nn
import torch.nn.functional as F

class EMA:
    def __init__(self, model, decay=0.9):
        self.decay = decay
        self.shadow = {k: v.detach().clone() for k, v in model.state_dict().items()}

    def update(self, model):
        for k, v in model.state_dict().items():
            self.shadow[k].mul_(self.decay).add_(v.detach(), alpha=1 - self.decay)
        cache_put("ema_tensors", len(self.shadow))


net = CNN()
ema = EMA(net)
ema.update(net)

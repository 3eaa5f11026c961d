import functools
import operator
import torch
from torch import nn

q1_answer = "C"
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}



@functools.lru_cache(maxsize=None)
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


@functools.cache
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    ks = (kernel_size,) * 2 if isinstance(kernel_size, int) else tuple(kernel_size)
    return functools.reduce(operator.mul, ks, in_channels * out_channels) + out_channels * bool(bias)


def _params(fan_in, fan_out, bias):
    return fan_in * fan_out + (fan_out if bias else 0)


linear_params = functools.partial(lambda in_features, out_features, bias=True: _params(in_features, out_features, bias))

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def _pad(image, padding):
    h, w = image.shape
    out = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    out[padding:padding + h, padding:padding + w] = image
    return out


def _slide(image, kh, kw, stride, reduce):
    oh = (image.shape[0] - kh) // stride + 1
    ow = (image.shape[1] - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = reduce(image[i * stride:i * stride + kh, j * stride:j * stride + kw])
    return out


def conv2d(image, kernel, stride=1, padding=0):
    return _slide(_pad(image, padding), *kernel.shape, stride, lambda patch: (patch * kernel).sum())


max_pool2d = functools.partial(lambda image, kernel_size=2: _slide(image, kernel_size, kernel_size, kernel_size,
                                                                     torch.max))

Conv3x3 = functools.partial(nn.Conv2d, kernel_size=3, padding=1)
Pool = functools.partial(nn.MaxPool2d, 2)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.seq = nn.Sequential(Conv3x3(1, 3), nn.ReLU(), Pool(), Conv3x3(3, 2), nn.ReLU(), Pool(), nn.Flatten(),
                                 nn.Linear(1250, 1))

    def forward(self, x):
        return self.seq(x)


def _block(input_channels, output_channels, act=nn.ReLU):
    return nn.Sequential(Conv3x3(input_channels, output_channels), act())


conv_block = functools.partial(_block, act=nn.ReLU)


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        to3 = functools.partial(conv_block, output_channels=3)
        self.seq = nn.Sequential(to3(input_channels), *map(to3, [3] * 4), nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.seq(x)


print(conv_output_size.cache_info())

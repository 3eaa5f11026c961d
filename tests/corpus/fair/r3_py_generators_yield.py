# Lecture 6 -- generators everywhere (windows, layers, shapes)
import torch
import torch.nn as nn

q1_answer = "C"


def _starts(length, window, step):
    start = 0
    while start + window <= length:
        yield start
        start += step


def conv_output_size(size, kernel_size, stride=1, padding=0):
    n = sum(1 for _ in _starts(size + 2 * padding, kernel_size, stride))
    if n == 0:
        raise ValueError("the kernel does not fit anywhere")
    return n


def _shape_trace(shape):
    c, h, w = shape
    for out_c in (3, 2):
        h, w = conv_output_size(h, 3, padding=1), conv_output_size(w, 3, padding=1)
        yield out_c, h, w
        h, w = h // 2, w // 2
        yield out_c, h, w


q3_shapes = list(_shape_trace((1, 100, 100)))
q3_flatten_features = next(c * h * w for c, h, w in reversed(q3_shapes))


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    ks = kernel_size if isinstance(kernel_size, tuple) else (kernel_size, kernel_size)
    return out_channels * in_channels * ks[0] * ks[1] + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)


def _pairs(widths):
    it = iter(widths)
    prev = next(it)
    for w in it:
        yield prev, w
        prev = w


q4_conv_params = conv2d_params(3, 3, 3)
q4_cnn_params = sum(conv2d_params(i, o, 3) for i, o in _pairs([1, 3, 2])) + linear_params(1250, 1)
q4_fcnn_params = sum(linear_params(i, o) for i, o in _pairs([128 * 128, 256, 128, 64, 32, 16, 1]))


def _windows(x, kh, kw, stride):
    for i in _starts(x.shape[0], kh, stride):
        yield (x[i:i + kh, j:j + kw] for j in _starts(x.shape[1], kw, stride))


def conv2d(image, kernel, stride=1, padding=0):
    x = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
    x[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
    return torch.stack([torch.stack([(win * kernel).sum() for win in row])
                        for row in _windows(x, *kernel.shape, stride)])


def max_pool2d(image, kernel_size=2):
    return torch.stack([torch.stack([win.max() for win in row])
                        for row in _windows(image, kernel_size, kernel_size, kernel_size)])


q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


def _pooled_layers():
    for cin, cout in _pairs([1, 3, 2]):
        yield nn.Conv2d(cin, cout, (3, 3), padding=1)
        yield nn.ReLU()
        yield nn.MaxPool2d((2, 2))
    yield nn.Flatten()
    yield nn.Linear(1250, 1)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.seq = nn.Sequential(*_pooled_layers())

    def forward(self, x):
        return self.seq(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(*(layer for layer in (nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())))


def _convnet_layers(input_channels):
    yield conv_block(input_channels, 3)
    for _ in range(4):
        yield conv_block(3, 3)
    yield nn.Flatten()
    yield nn.Linear(49152, 1)


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.seq = nn.Sequential(*_convnet_layers(input_channels))

    def forward(self, x):
        return self.seq(x)


q9_true = set(letter for letter, true in zip("ABCDE", (False, False, True, False, False)) if true)
q10_answers = dict((n, v) for n, v in enumerate((True, False, True, True, False, False, True, False), start=1))

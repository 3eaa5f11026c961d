import functools
import torch
from torch import nn

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel does not fit")
    return (size + 2 * padding - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250
q4_conv_params = 84
q4_cnn_params = 1337
q4_fcnn_params = 4238337


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


class LayerStack(nn.Module):
    """Base: subclasses implement build(); forward folds the input through the layers."""

    def __init__(self, *args):
        super().__init__()
        self.layers = nn.ModuleList(self.build(*args))

    def build(self, *args):
        raise NotImplementedError

    def forward(self, x):
        return functools.reduce(lambda h, layer: layer(h), self.layers, x)

    def n_params(self):
        return sum(p.numel() for p in self.parameters())

    def __repr__(self):
        return f"{type(self).__name__}({len(self.layers)} layers, {self.n_params()} params)"


class CNN(LayerStack):
    def __init__(self):
        super().__init__()

    def build(self):
        return [nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1)]


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(LayerStack):
    def __init__(self, input_channels):
        super().__init__(input_channels)

    def build(self, input_channels):
        return [conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)] + [nn.Flatten(), nn.Linear(49152, 1)]


print(CNN(), ConvNet(1))

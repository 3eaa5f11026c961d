"""Lecture 6: every model shares one base class; the conv block is a Sequential subclass."""
import torch
from torch import nn


class SequentialModel(nn.Module):
    """Base class: subclasses fill ``self.layers``; forward runs them in order."""

    def build(self):  # pragma: no cover - overridden
        raise NotImplementedError

    def __init__(self, *args, **kwargs):
        super().__init__()
        self.layers = nn.Sequential(*self.build(*args, **kwargs))

    def forward(self, x):
        return self.layers(x)

    def n_params(self):
        return sum(p.numel() for p in self.parameters())

    def extra_repr(self):
        return f"params={self.n_params()}"


class ConvBlock(nn.Sequential):
    def __init__(self, input_channels, output_channels):
        super().__init__(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


def conv_block(input_channels, output_channels):
    return ConvBlock(input_channels, output_channels)


class CNN(SequentialModel):
    def build(self):
        return [
            nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        ]


class ConvNet(SequentialModel):
    def build(self, input_channels, image_size=128):
        return [conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)] + [
            nn.Flatten(), nn.Linear(3 * image_size * image_size, 1)]


class FCNN(SequentialModel):
    def build(self, input_size):
        sizes = [input_size, 256, 128, 64, 32]
        layers = []
        for a, b in zip(sizes, sizes[1:]):
            layers += [nn.Linear(a, b), nn.ReLU()]
        return layers + [nn.Linear(32, 16), nn.Linear(16, 1)]


q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if size + 2 * padding < kernel_size:
        raise ValueError("kernel larger than padded input")
    return (size + 2 * padding - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250

q4_conv_params = SequentialModel.n_params(nn.Conv2d(3, 3, (3, 3)))
q4_cnn_params = CNN().n_params()
q4_fcnn_params = FCNN(128 * 128).n_params()


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


def conv2d(image, kernel, stride=1, padding=0):
    H, W = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)
    padded[padding:padding + H, padding:padding + W] = image
    oh, ow = (H + 2 * padding - kh) // stride + 1, (W + 2 * padding - kw) // stride + 1
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


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

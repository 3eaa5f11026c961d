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

def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


class Window:
    __slots__ = ("image", "kh", "kw", "stride")

    def __init__(self, image, kh, kw, stride):
        self.image, self.kh, self.kw, self.stride = image, kh, kw, stride

    @property
    def out_shape(self):
        return ((self.image.shape[0] - self.kh) // self.stride + 1, (self.image.shape[1] - self.kw) // self.stride + 1)

    def at(self, i, j):
        r, c = i * self.stride, j * self.stride
        return self.image[r:r + self.kh, c:c + self.kw]

    @staticmethod
    def pad(image, padding):
        h, w = image.shape
        out = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        out[padding:padding + h, padding:padding + w] = image
        return out


def conv2d(image, kernel, stride=1, padding=0):
    win = Window(Window.pad(image, padding), *kernel.shape, stride)
    out = torch.zeros(win.out_shape, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = (win.at(i, j) * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    win = Window(image, kernel_size, kernel_size, kernel_size)
    out = torch.zeros(win.out_shape, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = win.at(i, j).max()
    return out


class CNN(nn.Module):
    @staticmethod
    def stage(cin, cout):
        return [nn.Conv2d(cin, cout, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]

    @classmethod
    def head(cls, features):
        return [nn.Flatten(), nn.Linear(features, 1)]

    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(*self.stage(1, 3), *self.stage(3, 2), *CNN.head(1250))

    @property
    def n_params(self):
        return sum(p.numel() for p in self.parameters())

    def forward(self, x):
        return self.layers(x)


def conv_block(input_channels, output_channels):
    return ConvNet.block(input_channels, output_channels)


class ConvNet(nn.Module):
    @staticmethod
    def block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())

    @classmethod
    def for_rgb(cls):
        return cls(3)

    def __init__(self, input_channels):
        super().__init__()
        self._in = input_channels
        self.blocks = nn.Sequential(*(self.block(c, 3) for c in [input_channels] + [3] * 4))
        self.fc = nn.Linear(49152, 1)

    @property
    def input_channels(self):
        return self._in

    def forward(self, x):
        return self.fc(torch.flatten(self.blocks(x), start_dim=1))


assert CNN().n_params == 1337
assert ConvNet.for_rgb().input_channels == 3

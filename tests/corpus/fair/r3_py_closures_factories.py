# Lecture 6 -- function factories and closures (functional programming unit)
import torch
from torch import nn

q1_answer = "C"


def make_output_size(stride, padding):
    def output_size(size, kernel_size):
        if kernel_size > size + 2 * padding:
            raise ValueError("kernel does not fit")
        return (size + 2 * padding - kernel_size) // stride + 1
    return output_size


def conv_output_size(size, kernel_size, stride=1, padding=0):
    return make_output_size(stride, padding)(size, kernel_size)


same3 = make_output_size(1, 1)
q3_shapes = []
side = 100
for channels in (3, 2):
    side = same3(side, 3)
    q3_shapes.append((channels, side, side))
    side //= 2
    q3_shapes.append((channels, side, side))
q3_flatten_features = q3_shapes[-1][0] * side * side


def make_counter(per_output):
    """per_output(in_, k) -> weights per output unit; returns a counter with an optional bias."""
    def count(inputs, outputs, *extra, bias=True):
        return outputs * (per_output(inputs, *extra) + (1 if bias else 0))
    return count


_conv_count = make_counter(lambda c, k: c * (k * k if isinstance(k, int) else k[0] * k[1]))
_linear_count = make_counter(lambda n: n)


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    return _conv_count(in_channels, out_channels, kernel_size, bias=bias)


def linear_params(in_features, out_features, bias=True):
    return _linear_count(in_features, out_features, bias=bias)


q4_conv_params = conv2d_params(3, 3, (3, 3))
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(1250, 1)
q4_fcnn_params = sum(map(linear_params, [16384, 256, 128, 64, 32, 16], [256, 128, 64, 32, 16, 1]))


def make_sliding(stride, padding, reduce_window):
    """A 2-D sliding-window operator that applies reduce_window to every window."""
    def slide(image, kh, kw):
        p = padding
        big = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
        big[p:p + image.shape[0], p:p + image.shape[1]] = image
        oh = (big.shape[0] - kh) // stride + 1
        ow = (big.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = reduce_window(big[i * stride:i * stride + kh, j * stride:j * stride + kw])
        return out
    return slide


def conv2d(image, kernel, stride=1, padding=0):
    return make_sliding(stride, padding, lambda window: (window * kernel).sum())(image, *kernel.shape)


def max_pool2d(image, kernel_size=2):
    return make_sliding(kernel_size, 0, lambda window: window.max())(image, kernel_size, kernel_size)


q6_output = conv2d(torch.tensor([[3., 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                   torch.tensor([[0., 1, 2], [2, 2, 0], [0, 1, 2]]))


def make_model_class(spec, in_features):
    """Returns a Module class whose layers come from spec (a closure over it)."""
    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            layers = []
            for cin, cout in spec:
                layers += [nn.Conv2d(cin, cout, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]
            self.layers = nn.Sequential(*layers, nn.Flatten(), nn.Linear(in_features, 1))

        def forward(self, x):
            return self.layers(x)
    return Model


CNN = make_model_class([(1, 3), (3, 2)], 1250)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


def make_convnet(n_blocks, width, side):
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            chans = [input_channels] + [width] * n_blocks
            self.blocks = nn.Sequential(*[conv_block(a, b) for a, b in zip(chans, chans[1:])])
            self.fc = nn.Linear(width * side * side, 1)

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))
    return ConvNet


ConvNet = make_convnet(5, 3, 128)

q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

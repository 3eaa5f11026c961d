# R habits: sapply/mapply helpers, no explicit loops where a map will do.
import functools
import operator

import torch

sapply = lambda xs, f: [f(x) for x in xs]
mapply = lambda f, *xs: [f(*a) for a in zip(*xs)]
prod = lambda xs: functools.reduce(operator.mul, xs, 1)

q1_answer = "ABC"[2]


def conv_output_size(size, kernel_size, stride=1, padding=0):
    n = size + 2 * padding - kernel_size
    if n < 0:
        raise ValueError("kernel wider than padded input")
    return n // stride + 1


steps = [dict(c=3, k=3, s=1, p=1), dict(c=3, k=2, s=2, p=0), dict(c=2, k=3, s=1, p=1), dict(c=2, k=2, s=2, p=0)]
hw = functools.reduce(lambda acc, st: acc + [conv_output_size(acc[-1], st["k"], st["s"], st["p"])], steps, [100])[1:]
q3_shapes = mapply(lambda st, h: [st["c"], h, h], steps, hw)          # lists, not tuples
q3_flatten_features = prod(q3_shapes[-1])

conv2d_params = lambda in_channels, out_channels, kernel_size, bias=True: (
    out_channels * in_channels * prod(kernel_size if isinstance(kernel_size, (tuple, list)) else [kernel_size] * 2)
    + out_channels * int(bool(bias)))
linear_params = lambda in_features, out_features, bias=True: out_features * (in_features + int(bool(bias)))

q4_conv_params = conv2d_params(3, 3, 3)
q4_cnn_params = sum(mapply(conv2d_params, [1, 3], [3, 2], [3, 3])) + linear_params(q3_flatten_features, 1)
widths = [128 * 128, 256, 128, 64, 32, 16, 1]
q4_fcnn_params = sum(mapply(linear_params, widths[:-1], widths[1:]))


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    h, w = image.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    rows = range(0, h + 2 * padding - kh + 1, stride)
    cols = range(0, w + 2 * padding - kw + 1, stride)
    cell = lambda i, j: (padded[i:i + kh, j:j + kw] * kernel).sum()
    return torch.stack(sapply(rows, lambda i: torch.stack(sapply(cols, lambda j: cell(i, j)))))


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    rows = range(0, image.shape[0] // k * k, k)
    cols = range(0, image.shape[1] // k * k, k)
    return torch.stack(sapply(rows, lambda i: torch.stack(sapply(cols, lambda j: image[i:i + k, j:j + k].max()))))


q6_output = conv2d(torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                   torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]]))


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        convs = mapply(lambda i, o: torch.nn.Conv2d(i, o, 3, padding=1), [1, 3], [3, 2])
        self.body = torch.nn.Sequential(*sum(sapply(convs, lambda c: [c, torch.nn.ReLU(), torch.nn.MaxPool2d(2)]), []))
        self.head = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(q3_flatten_features, 1))

    def forward(self, x):
        return self.head(self.body(x))


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, 1, 1), torch.nn.ReLU())


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = torch.nn.Sequential(*mapply(conv_block, [input_channels, 3, 3, 3, 3], [3] * 5))
        self.head = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(prod([3, 128, 128]), 1))

    def forward(self, x):
        return self.head(self.blocks(x))


q9_true = set(filter(lambda s: s in "C", "ABCDE"))
q10_answers = dict(zip(range(1, 9), sapply("TFTTFFTF", lambda c: c == "T")))

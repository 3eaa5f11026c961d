import itertools
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


def windows(image, kh, kw, stride):
    """Yield (i, j, patch) for every position the kernel fits."""
    rows = range(0, image.shape[0] - kh + 1, stride)
    cols = range(0, image.shape[1] - kw + 1, stride)
    for (oi, r), (oj, c) in itertools.product(enumerate(rows), enumerate(cols)):
        yield oi, oj, image[r:r + kh, c:c + kw]


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i, j, patch in windows(padded, kh, kw, stride):
        out[i, j] = (patch * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    gen = ((i, j, patch.max()) for i, j, patch in windows(image, k, k, k))
    for i, j, m in itertools.islice(gen, out.numel()):
        out[i, j] = m
    return out


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        chans = [1, 3, 2]
        layers = list(itertools.chain.from_iterable(
            (nn.Conv2d(a, b, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)) for a, b in itertools.pairwise(chans)))
        self.net = nn.Sequential(*layers, nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        return self.net(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        chans = itertools.chain([input_channels], itertools.repeat(3, 5))
        self.net = nn.Sequential(*itertools.starmap(conv_block, itertools.pairwise(chans)), nn.Flatten(),
                                 nn.Linear(49152, 1))

    def forward(self, x):
        return self.net(x)

import torch
import torch.nn as nn
import torch.nn.functional as F

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

class PlanKey:
    """Key of the index plan cache: the geometry of one convolution."""

    def __init__(self, h, w, kh, kw, stride):
        self.h, self.w, self.kh, self.kw, self.stride = h, w, kh, kw, stride

    def _t(self):
        return (self.h, self.w, self.kh, self.kw, self.stride)

    def __eq__(self, other):
        return isinstance(other, PlanKey) and self._t() == other._t()

    def __hash__(self):
        return hash(self._t())


_PLANS = {}


def _plan(h, w, kh, kw, stride):
    key = PlanKey(h, w, kh, kw, stride)
    if key not in _PLANS:
        oh, ow = (h - kh) // stride + 1, (w - kw) // stride + 1
        rows = (torch.arange(oh) * stride)[:, None, None, None] + torch.arange(kh)[None, None, :, None]
        cols = (torch.arange(ow) * stride)[None, :, None, None] + torch.arange(kw)[None, None, None, :]
        _PLANS[key] = (rows, cols)
    return _PLANS[key]


def conv2d(image, kernel, stride=1, padding=0):
    x = F.pad(image, (padding, padding, padding, padding))
    rows, cols = _plan(x.shape[0], x.shape[1], kernel.shape[0], kernel.shape[1], stride)
    patches = x[rows, cols]  # (oh, ow, kh, kw)
    return (patches * kernel).sum(dim=(-2, -1))


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    rows, cols = _plan(image.shape[0], image.shape[1], k, k, k)
    return image[rows, cols].amax(dim=(-2, -1))


print(conv2d(torch.ones(4, 4), torch.ones(3, 3)), len(_PLANS))


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)

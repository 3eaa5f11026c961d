# Lecture 6 -- Python 3.10 pattern matching practice
import torch
from torch import nn

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    match (size + 2 * padding - kernel_size, stride):
        case (span, _) if span < 0:
            raise ValueError(f"kernel {kernel_size} does not fit")
        case (span, 1):
            return span + 1
        case (span, s):
            return span // s + 1


def _kernel_hw(kernel_size):
    match kernel_size:
        case int(k):
            return k, k
        case (kh, kw):
            return kh, kw
        case _:
            raise TypeError(kernel_size)


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = _kernel_hw(kernel_size)
    match bias:
        case True:
            return out_channels * in_channels * kh * kw + out_channels
        case _:
            return out_channels * in_channels * kh * kw


def linear_params(in_features, out_features, bias=True):
    match bias:
        case True:
            return (in_features + 1) * out_features
        case False:
            return in_features * out_features


def _after(shape, layer):
    match layer, shape:
        case ("conv", out), (_, h, w):
            return (out, conv_output_size(h, 3, 1, 1), conv_output_size(w, 3, 1, 1))
        case ("pool", k), (c, h, w):
            return (c, h // k, w // k)


_shape = (1, 100, 100)
q3_shapes = []
for _layer in [("conv", 3), ("pool", 2), ("conv", 2), ("pool", 2)]:
    _shape = _after(_shape, _layer)
    q3_shapes.append(_shape)
match q3_shapes[-1]:
    case (c, h, w):
        q3_flatten_features = c * h * w

q4_conv_params = conv2d_params(3, 3, (3, 3))
q4_cnn_params = conv2d_params(1, 3, (3, 3)) + conv2d_params(3, 2, (3, 3)) + linear_params(1250, 1)
q4_fcnn_params = sum(linear_params(a, b) for a, b in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])


def conv2d(image, kernel, stride=1, padding=0):
    match padding:
        case 0:
            padded = image
        case p:
            padded = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
            padded[p:-p, p:-p] = image
    match kernel.shape:
        case (kh, kw):
            pass
    oh = (padded.shape[0] - kh) // stride + 1
    ow = (padded.shape[1] - kw) // stride + 1
    return torch.tensor([[float((padded[r * stride:r * stride + kh, c * stride:c * stride + kw] * kernel).sum())
                          for c in range(ow)] for r in range(oh)])


def max_pool2d(image, kernel_size=2):
    match kernel_size:
        case int(k) if k > 0:
            pass
        case _:
            raise ValueError(kernel_size)
    return torch.tensor([[float(image[r:r + k, c:c + k].max()) for c in range(0, image.shape[1] - k + 1, k)]
                         for r in range(0, image.shape[0] - k + 1, k)])


q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1, self.c2 = nn.Conv2d(1, 3, 3, padding=1), nn.Conv2d(3, 2, 3, padding=1)
        self.mp = nn.MaxPool2d(2)
        self.lin = nn.Linear(1250, 1)

    def forward(self, x):
        for conv in (self.c1, self.c2):
            x = self.mp(torch.relu(conv(x)))
        return self.lin(x.flatten(start_dim=1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.layers = nn.Sequential(*[conv_block(input_channels if i == 0 else 3, 3) for i in range(5)],
                                    nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        match x.dim():
            case 3:
                return self.layers(x[None])[0]
            case _:
                return self.layers(x)


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

"""Lecture 6. For Q7 I let PyTorch infer the size of the last layer (LazyLinear)."""
import torch
import torch.nn as nn

q1_answer = "C"


def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel_size > padded size")
    return (size + 2 * padding - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250

q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = 1 * 3 * 3 * 3 + 3 + 3 * 2 * 3 * 3 + 2 + 1250 + 1
q4_fcnn_params = 16384 * 256 + 256 + 256 * 128 + 128 + 128 * 64 + 64 + 64 * 32 + 32 + 32 * 16 + 16 + 16 + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return in_channels * out_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)


q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


def conv2d(image, kernel, stride=1, padding=0):
    H, W = image.shape
    kh, kw = kernel.shape
    P = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)
    P[padding:padding + H, padding:padding + W] = image
    out = torch.zeros((H + 2 * padding - kh) // stride + 1, (W + 2 * padding - kw) // stride + 1, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = (P[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:i * k + k, j * k:j * k + k].max()
    return out


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
            nn.Conv2d(3, 2, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
            nn.Flatten(),
            nn.LazyLinear(1),  # in_features (1250) is inferred on the first call
        )

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, (3, 3), padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(3 * 128 * 128, 1),
        )

    def forward(self, x):
        return self.main(x)


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

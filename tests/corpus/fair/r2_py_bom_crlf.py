"""Lecture 6 - convolutional neural networks.

Saved with Notepad on Windows (UTF-8 with BOM, CRLF line endings).
"""
import torch
from torch import nn

# Q1: a 3x3 filter on a 4x4 input without padding gives 4 - 3 + 1 = 2
q1_answer = "C"


# Q2
def conv_output_size(size, kernel_size, stride=1, padding=0):
    """Height (= width) of the output of nn.Conv2d."""
    total = size + 2 * padding
    if total < kernel_size:
        raise ValueError("the kernel does not fit")
    return (total - kernel_size) // stride + 1


# Q3
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25

# Q4
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 3 * 3 + 3) + (3 * 2 * 3 * 3 + 2) + (1250 * 1 + 1)
q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 * 1 + 1)


# Q5
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    n = in_channels * out_channels * kh * kw
    if bias:
        n += out_channels
    return n


def linear_params(in_features, out_features, bias=True):
    n = in_features * out_features
    if bias:
        n += out_features
    return n


# Q6
q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    # shift-and-add: one slice of the padded image per kernel entry
    H, W = image.shape
    kh, kw = kernel.shape
    padded = image.new_zeros(H + 2 * padding, W + 2 * padding)
    padded[padding:padding + H, padding:padding + W] = image
    oh = (H + 2 * padding - kh) // stride + 1
    ow = (W + 2 * padding - kw) // stride + 1
    out = image.new_zeros(oh, ow)
    for a in range(kh):
        for b in range(kw):
            out += kernel[a, b] * padded[a:a + (oh - 1) * stride + 1:stride, b:b + (ow - 1) * stride + 1:stride]
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    h, w = image.shape[0] // k, image.shape[1] // k
    blocks = image[:h * k, :w * k].reshape(h, k, w, k)
    return blocks.amax(dim=(1, 3))


# Q7
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(3, 2, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)


# Q8
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            nn.Flatten(),
            nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)


# Q9
q9_true = {"C"}

# Q10
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

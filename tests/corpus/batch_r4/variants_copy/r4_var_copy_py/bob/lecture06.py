# Initialize Otter
import otter
grader = otter.Notebook("lecture06.ipynb")

q1_answer = "A"

grader.check("q1")

def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError(f"a {kernel_size}-wide kernel does not fit a padded input of {padded}")
    return (padded - kernel_size) // stride + 1

grader.check("q2")

q3_shapes = [(8, 96, 96), (8, 48, 48), (4, 48, 48), (4, 24, 24)]
q3_flatten_features = 4 * 24 * 24

grader.check("q3")

q4_conv_params = 7 * 7 * (2 * 2) + 7
q4_cnn_params = (1 * 8 * 25 + 8) + (8 * 4 * 25 + 4) + (2304 * 1 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [(28 * 28, 512), (512, 256), (256, 128), (128, 64), (64, 32), (32, 1)])

grader.check("q4")

def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)

grader.check("q5")

import torch

q6_output = torch.tensor([[12, 8, 7],
                          [15, 7, 8],
                          [11, 11, 10]])


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    out_h = (h + 2 * padding - kh) // stride + 1
    out_w = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(out_h, out_w, dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            window = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[i, j] = (window * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    out = torch.zeros(h // kernel_size, w // kernel_size, dtype=image.dtype)
    for i in range(h // kernel_size):
        for j in range(w // kernel_size):
            block = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size]
            out[i, j] = block.max()
    return out

grader.check("q6")

import torch


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.main = torch.nn.Sequential(
            torch.nn.Conv2d(in_channels=1, out_channels=8, kernel_size=(5, 5), padding=2),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),
            torch.nn.Conv2d(in_channels=8, out_channels=4, kernel_size=(5, 5), padding=2),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),
            torch.nn.Flatten(),
            torch.nn.Linear(2304, 1),
        )

    def forward(self, x):
        return self.main(x)

grader.check("q7")

import torch


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
        torch.nn.ReLU(),
    )


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = torch.nn.Sequential(
            conv_block(input_channels, 2),
            conv_block(2, 2),
            conv_block(2, 2),
            torch.nn.Flatten(),
            torch.nn.Linear(2048, 1),
        )

    def forward(self, x):
        return self.main(x)

grader.check("q8")

q9_true = {"E"}

grader.check("q9")

q10_answers = {
    1: True,
    2: False,
    3: True,
    4: False,
    5: True,
    6: True,
    7: True,
    8: True,
}

grader.check("q10")

grader.check_all()
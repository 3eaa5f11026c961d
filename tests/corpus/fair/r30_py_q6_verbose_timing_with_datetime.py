import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    """Output height/width of a Conv2d (same formula as the PyTorch docs)."""
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel is bigger than the padded input")
    return (size + 2 * padding - kernel_size) // stride + 1


h1 = conv_output_size(100, 3, padding=1)   # conv1
p1 = h1 // 2                               # pool1
h2 = conv_output_size(p1, 3, padding=1)    # conv2
p2 = h2 // 2                               # pool2
q3_shapes = [(3, h1, h1), (3, p1, p1), (2, h2, h2), (2, p2, p2)]
q3_flatten_features = 2 * p2 * p2
print(q3_shapes, q3_flatten_features)


q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 3 * 3 + 3) + (3 * 2 * 3 * 3 + 2) + (1250 + 1)
q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)
print(q4_conv_params, q4_cnn_params, q4_fcnn_params)


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    # weight shape is (out_channels, in_channels, kH, kW)
    if type(kernel_size) == int:
        kH = kW = kernel_size
    else:
        kH, kW = kernel_size[0], kernel_size[1]
    weights = out_channels * in_channels * kH * kW
    biases = out_channels if bias else 0
    return weights + biases

def linear_params(in_features, out_features, bias=True):
    weights = out_features * in_features
    biases = out_features if bias else 0
    return weights + biases


from datetime import datetime


def conv2d(image, kernel, stride=1, padding=0, verbose=False):
    started = datetime.now()
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    rows = []
    for i in range(0, padded.shape[0] - kh + 1, stride):
        rows.append(torch.stack([(padded[i:i + kh, j:j + kw] * kernel).sum()
                                 for j in range(0, padded.shape[1] - kw + 1, stride)]))
    out = torch.stack(rows)
    if verbose:
        print(f"conv2d took {(datetime.now() - started).total_seconds() * 1000:.1f} ms")
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    result = []
    for i in range(0, image.shape[0] - k + 1, k):
        row = []
        for j in range(0, image.shape[1] - k + 1, k):
            window = image[i:i + k, j:j + k]
            row.append(max(window.flatten().tolist()))
        result.append(row)
    return torch.tensor(result, dtype=image.dtype)


q6_output = torch.tensor([[12., 12., 17.], [10., 17., 19.], [9., 6., 14.]])


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.main = torch.nn.Sequential(

            torch.nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),

            torch.nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),

            torch.nn.Flatten(),
            torch.nn.Linear(1250, 1)
        )

    def forward(self, x):
        out = self.main(x)
        return out


def conv_block(input_channels, output_channels):
    return nn.Sequential(
        nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
        nn.ReLU(inplace=True),
    )

class ConvNet(nn.Module):
    def __init__(self, input_channels=1):
        super().__init__()
        self.features = nn.Sequential(
            conv_block(input_channels, 3),
            *[conv_block(3, 3) for _ in range(4)]
        )
        self.classifier = nn.Linear(3 * 128 * 128, 1)

    def forward(self, x):
        x = self.features(x)
        x = x.view(x.size(0), -1)
        return self.classifier(x)


q9_true = {"C"}


q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


print(conv2d(torch.rand(28, 28), torch.rand(3, 3), padding=1, verbose=True).shape)

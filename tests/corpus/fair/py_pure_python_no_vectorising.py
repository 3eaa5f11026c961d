# Lecture 6 exercises
import torch
import torch.nn as nn
import torch.nn.functional as F


# ---- Q1. Exercise 6.1: the output of a 3x3 filter ----
q1_answer = "C"


# ---- Q2. The output size of a convolution ----
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded_size = size + 2*padding
    if padded_size < kernel_size:
        raise ValueError('kernel does not fit')
    out = int((padded_size - kernel_size) / stride) + 1
    return out


# ---- Q3. Shapes through a pooled CNN ----
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25


# ---- Q4. Counting parameters ----
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 3 * 3 + 3) + (3 * 2 * 3 * 3 + 2) + (1250 + 1)
q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 * 1 + 1)


# ---- Q5. Parameter formulas ----
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    try:
        kh, kw = kernel_size
    except TypeError:
        kh = kw = kernel_size
    return in_channels * out_channels * kh * kw + out_channels * bias


def linear_params(in_features, out_features, bias=True):
    return (in_features + int(bias)) * out_features


# ---- Q6. Convolution and max pooling by hand ----
q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    img = image.tolist()
    ker = kernel.tolist()
    h, w = len(img), len(img[0])
    kh, kw = len(ker), len(ker[0])
    # pad with zeros
    img = [[0.0] * (w + 2 * padding) for _ in range(padding)] + \
          [[0.0] * padding + row + [0.0] * padding for row in img] + \
          [[0.0] * (w + 2 * padding) for _ in range(padding)]
    result = []
    for i in range(0, h + 2 * padding - kh + 1, stride):
        row = []
        for j in range(0, w + 2 * padding - kw + 1, stride):
            s = 0.0
            for a in range(kh):
                for b in range(kw):
                    s += img[i + a][j + b] * ker[a][b]
            row.append(s)
        result.append(row)
    return torch.tensor(result)


def max_pool2d(image, kernel_size=2):
    rows = image.tolist()
    k = kernel_size
    out = []
    for i in range(len(rows) // k):
        out_row = []
        for j in range(len(rows[0]) // k):
            out_row.append(max(rows[i * k + a][j * k + b] for a in range(k) for b in range(k)))
        out.append(out_row)
    return torch.tensor(out)


# ---- Q7. Build the pooled CNN ----
class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 3, kernel_size=3, padding=1)
        self.conv2 = torch.nn.Conv2d(3, 2, kernel_size=3, padding=1)
        self.relu = torch.nn.ReLU()
        self.pool = torch.nn.MaxPool2d(2)
        self.flatten = torch.nn.Flatten()
        self.fc = torch.nn.Linear(2 * 25 * 25, 1)

    def forward(self, x):
        x = self.pool(self.relu(self.conv1(x)))
        x = self.pool(self.relu(self.conv2(x)))
        x = self.flatten(x)
        return self.fc(x)


# ---- Q8. CNN vs FCNN: a network of conv blocks ----
def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
        torch.nn.ReLU()
    )


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = torch.nn.Sequential(
            conv_block(input_channels, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            torch.nn.Flatten(),
            torch.nn.Linear(49152, 1)
        )

    def forward(self, x):
        out = self.main(x)
        return out


# ---- Q9. Exercise 6.2: select the true statements ----
q9_true = {"C"}


# ---- Q10. True or false: convolutions in PyTorch ----
q10_answers = {
    1: True,
    2: False,
    3: True,
    4: True,
    5: False,
    6: False,
    7: True,
    8: False,
}

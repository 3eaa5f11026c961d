# Lecture 6 exercises
import torch
import torch.nn as nn
import torch.nn.functional as F


# ---- Q1. Exercise 6.1: the output of a 3x3 filter ----
q1_answer = "C"


# ---- Q2. The output size of a convolution ----
def conv_output_size(size, kernel_size, stride=1, padding=0):
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel too big")
    return (size + 2 * padding - kernel_size) // stride + 1


# ---- Q3. Shapes through a pooled CNN ----
layers = [torch.nn.Conv2d(1, 3, (3, 3), padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d((2, 2)),
          torch.nn.Conv2d(3, 2, (3, 3), padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d((2, 2))]
x = torch.zeros(1, 100, 100)
q3_shapes = []
for i, layer in enumerate(layers):
    x = layer(x)
    if i in (0, 2, 3, 5):
        q3_shapes.append(tuple(x.shape))
q3_flatten_features = x.numel()


# ---- Q4. Counting parameters ----
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 3 * 3 + 3) + (3 * 2 * 3 * 3 + 2) + (1250 + 1)
q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 * 1 + 1)


# ---- Q5. Parameter formulas ----
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    weights = out_channels * in_channels * kernel_size[0] * kernel_size[1]
    if bias:
        return weights + out_channels
    return weights


def linear_params(in_features, out_features, bias=True):
    if bias:
        return in_features * out_features + out_features
    return in_features * out_features


# ---- Q6. Convolution and max pooling by hand ----
q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    zeros_col = torch.zeros(h, padding)
    img = torch.cat([zeros_col, image, zeros_col], dim=1)
    zeros_row = torch.zeros(padding, img.shape[1])
    img = torch.cat([zeros_row, img, zeros_row], dim=0)
    out = []
    for i in range(0, img.shape[0] - kh + 1, stride):
        row = []
        for j in range(0, img.shape[1] - kw + 1, stride):
            row.append((img[i:i + kh, j:j + kw] * kernel).sum())
        out.append(torch.stack(row))
    return torch.stack(out)


def max_pool2d(image, kernel_size=2):
    rows = []
    for i in range(0, image.shape[0] - kernel_size + 1, kernel_size):
        row = [torch.max(image[i:i + kernel_size, j:j + kernel_size])
               for j in range(0, image.shape[1] - kernel_size + 1, kernel_size)]
        rows.append(torch.stack(row))
    return torch.stack(rows)


# ---- Q7. Build the pooled CNN ----
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(),
        )
        with torch.no_grad():
            n_features = self.features(torch.zeros(1, 1, 100, 100)).shape[1]
        self.head = nn.Linear(n_features, 1)

    def forward(self, x):
        return self.head(self.features(x))


# ---- Q8. CNN vs FCNN: a network of conv blocks ----
def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
        torch.nn.ReLU()
    )


class ConvNet(nn.Module):
    def __init__(self, input_channels, image_size=128):
        super().__init__()
        self.features = nn.Sequential(*(conv_block(input_channels if i == 0 else 3, 3) for i in range(5)))
        n = self.features(torch.zeros(1, input_channels, image_size, image_size)).numel()
        self.classifier = nn.Linear(n, 1)

    def forward(self, x):
        return self.classifier(self.features(x).reshape(x.shape[0], -1))


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

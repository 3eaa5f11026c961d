import torch
import torch.nn as nn
import torch.nn.functional as F
import numpy as np
from torchsummary import summary


q1_answer = "C"


import math

def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded_size = size + 2 * padding
    if padded_size < kernel_size:
        raise ValueError('Kernel does not fit!')
    return math.floor((padded_size - kernel_size) / stride) + 1


# C, H, W after each layer
q3_shapes = [[3, 100, 100],
             [3, 50, 50],
             [2, 50, 50],
             [2, 25, 25]]
q3_flatten_features = 2 * 25 * 25


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = kernel_size if isinstance(kernel_size, tuple) else (kernel_size, kernel_size)
    return in_channels * out_channels * kh * kw + int(bias) * out_channels

def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + int(bias) * out_features


q4_conv_params = conv2d_params(3, 3, (3, 3))
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
input_size = 128 * 128
widths = [input_size, 256, 128, 64, 32, 16, 1]
q4_fcnn_params = 0
for i in range(len(widths) - 1):
    q4_fcnn_params += linear_params(widths[i], widths[i + 1])
print(q4_conv_params, q4_cnn_params, q4_fcnn_params)


q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


import torch.nn.functional as F

def conv2d(image, kernel, stride=1, padding=0):
    x = F.pad(image, (padding, padding, padding, padding))   # left, right, top, bottom
    kh, kw = kernel.shape
    rows = []
    for r in range(0, x.shape[0] - kh + 1, stride):
        row = []
        for c in range(0, x.shape[1] - kw + 1, stride):
            row.append((x[r:r + kh, c:c + kw] * kernel).sum().item())
        rows.append(row)
    return torch.tensor(rows)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    h, w = image.shape[0] // k, image.shape[1] // k
    blocks = image[:h * k, :w * k].reshape(h, k, w, k)
    return blocks.amax(dim=(1, 3))


class CNN(nn.Module):
    def __init__(self, in_channels=1):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(in_channels, 3, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=2, stride=2),
            nn.Conv2d(3, 2, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=2, stride=2),
        )
        self.classifier = nn.Sequential(
            nn.Flatten(),
            nn.Dropout(p=0.0),
            nn.Linear(1250, 1),
        )

    def forward(self, x):
        x = self.features(x)
        x = self.classifier(x)
        return x


def conv_block(input_channels, output_channels):
    layers = [nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU()]
    return nn.Sequential(*layers)

class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        channels = [input_channels, 3, 3, 3, 3, 3]
        self.blocks = nn.ModuleList()
        for c_in, c_out in zip(channels[:-1], channels[1:]):
            self.blocks.append(conv_block(c_in, c_out))
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return self.fc(self.flatten(x))


q9_true = ('C',)


q10_answers = {}
q10_answers[1] = conv_output_size(7, 5, padding=5 // 2) == 7
q10_answers[2] = False
q10_answers[3] = len(list(torch.nn.MaxPool2d(2).parameters())) == 0
q10_answers[4] = sum(p.numel() for p in torch.nn.Conv2d(in_channels=3, out_channels=8, kernel_size=5).parameters()) == 608
q10_answers[5] = conv_output_size(10, 3, stride=2) == 5
q10_answers[6] = tuple(torch.nn.Conv2d(1, 3, kernel_size=(3, 3)).weight.shape) == (1, 3, 3, 3)
q10_answers[7] = torch.nn.Conv2d(3, 4, 3)(torch.rand(3, 10, 10)).dim() == 3
q10_answers[8] = torch.nn.MaxPool2d(2)(torch.rand(1, 7, 7)).shape[-1] == 4
print(q10_answers)


def main():
    torch.manual_seed(0)
    model = CNN()
    X = torch.rand(16, 1, 100, 100)
    y = torch.randint(0, 2, (16, 1)).float()
    criterion = torch.nn.BCEWithLogitsLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    for epoch in range(3):
        optimizer.zero_grad()
        loss = criterion(model(X), y)
        loss.backward()
        optimizer.step()
        print(f"epoch {epoch}: loss {loss.item():.4f}")
    model.eval()
    with torch.no_grad():
        preds = torch.sigmoid(model(torch.rand(3, 1, 100, 100)))
    print(preds.squeeze())
    torch.manual_seed(42)
    net = ConvNet(input_channels=1)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01)
    loss_fn = torch.nn.MSELoss()
    inputs, targets = torch.randn(4, 1, 128, 128), torch.randn(4, 1)
    for step in range(2):
        optimizer.zero_grad()
        loss = loss_fn(net(inputs), targets)
        loss.backward()
        optimizer.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()

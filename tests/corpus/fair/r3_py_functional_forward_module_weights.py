# Lecture 6 -- the layers own the weights, but forward() spells out the maths with torch.nn.functional
# (our TA said it helps to see exactly what each layer computes)
import torch
import torch.nn as nn
import torch.nn.functional as F

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    out = (size + 2 * padding - kernel_size) // stride + 1
    if size + 2 * padding < kernel_size:
        raise ValueError("kernel too large")
    return out


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = 30 + 56 + 1251
q4_fcnn_params = sum(i * o + o for i, o in [(16384, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    x = F.pad(image, (padding, padding, padding, padding))
    windows = x.unfold(0, kh, stride).unfold(1, kw, stride)      # (oh, ow, kh, kw)
    return torch.einsum("ijkl,kl->ij", windows, kernel)


def max_pool2d(image, kernel_size=2):
    return image.unfold(0, kernel_size, kernel_size).unfold(1, kernel_size, kernel_size).amax(dim=(-2, -1))


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        x = F.conv2d(x, self.conv1.weight, self.conv1.bias, stride=1, padding=1)
        x = F.max_pool2d(F.relu(x), kernel_size=2)
        x = F.conv2d(x, self.conv2.weight, self.conv2.bias, stride=1, padding=1)
        x = F.max_pool2d(F.relu(x), kernel_size=2)
        x = torch.flatten(x, start_dim=1)
        return F.linear(x, self.fc.weight, self.fc.bias)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        for block in self.blocks:
            conv = block[0]
            x = F.relu(F.conv2d(x, conv.weight, conv.bias, padding=conv.padding))
        return F.linear(x.flatten(1), self.fc.weight, self.fc.bias)


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

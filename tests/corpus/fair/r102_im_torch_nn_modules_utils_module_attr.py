q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel larger than the padded input")
    return (size + 2 * padding - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25


q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)


import torch
import torch.nn.modules.utils as tnu
_pair = tnu._pair

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    sh, sw = _pair(stride)
    ph, pw = _pair(padding)
    h, w = image.shape
    kh, kw = kernel.shape
    padded = image.new_zeros(h + 2 * ph, w + 2 * pw)
    padded[ph:ph + h, pw:pw + w] = image
    oh, ow = (h + 2 * ph - kh) // sh + 1, (w + 2 * pw - kw) // sw + 1
    out = image.new_zeros(oh, ow)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * sh:i * sh + kh, j * sw:j * sw + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    kh, kw = _pair(kernel_size)
    oh, ow = image.shape[0] // kh, image.shape[1] // kw
    out = image.new_zeros(oh, ow)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * kh:(i + 1) * kh, j * kw:(j + 1) * kw].max()
    return out


import torch
import torch.nn as nn


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.relu = nn.ReLU()
        self.fc = nn.Linear(2 * 25 * 25, 1)

    def forward(self, x):
        x = self.pool(self.relu(self.conv1(x)))
        x = self.pool(self.relu(self.conv2(x)))
        return self.fc(x.flatten(1))


import torch
import torch.nn as nn


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                    conv_block(3, 3), conv_block(3, 3))
        self.fc = nn.Linear(3 * 128 * 128, 1)

    def forward(self, x):
        return self.fc(self.blocks(x).flatten(1))


q9_true = {"C"}


q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

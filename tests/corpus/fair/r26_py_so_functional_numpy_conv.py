import torch
import torch.nn as nn
import torch.nn.functional as F
import numpy as np


# (4 - 3) / 1 + 1 = 2  -> 2 by 2
q1_answer = 'C'


def conv_output_size(size, kernel_size, stride=1, padding=0):
    # formula from the torch.nn.Conv2d docs (dilation = 1)
    out = np.floor((size + 2 * padding - kernel_size) / stride + 1)
    if out < 1:
        raise ValueError(f"kernel {kernel_size} does not fit input {size} with padding {padding}")
    return int(out)


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250


q4_conv_params = 84
q4_cnn_params = 1337
q4_fcnn_params = 4238337


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


def conv2d(image, kernel, stride=1, padding=0):
    img = image.numpy()
    k = kernel.numpy()
    img = np.pad(img, padding, mode='constant')
    kh, kw = k.shape
    oh = (img.shape[0] - kh) // stride + 1
    ow = (img.shape[1] - kw) // stride + 1
    out = np.zeros((oh, ow), dtype=img.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = np.sum(img[i*stride:i*stride+kh, j*stride:j*stride+kw] * k)
    return torch.from_numpy(out)


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


image = torch.tensor([[3, 3, 2, 1, 0],
                      [0, 0, 1, 3, 1],
                      [3, 1, 2, 2, 3],
                      [2, 0, 0, 2, 2],
                      [2, 0, 0, 0, 1]], dtype=torch.float32)
kernel = torch.tensor([[0, 1, 2],
                       [2, 2, 0],
                       [0, 1, 2]], dtype=torch.float32)
q6_output = conv2d(image, kernel)
print(q6_output)


class CNN(nn.Module):
    def __init__(self):
        super(CNN, self).__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.pool = nn.MaxPool2d(2, 2)
        self.fc = nn.Linear(2 * 25 * 25, 1)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = x.view(x.size(0), -1)
        x = self.fc(x)
        return x


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


# only C: the weight is (out, in, kH, kW)
q9_true = ["C"]


q10_answers = {
    "1": True,
    "2": False,
    "3": True,
    "4": True,   # 3*8*5*5 + 8 = 608
    "5": False,  # (10-3)//2+1 = 4
    "6": False,  # (3, 1, 3, 3)
    "7": True,
    "8": False,  # 3x3
}


model = CNN()
x = torch.rand(4, 1, 100, 100)
print(model(x).shape)
print(sum(p.numel() for p in model.parameters()))


for c in [1, 3]:
    net = ConvNet(c)
    print(c, net(torch.rand(2, c, 128, 128)).shape, sum(p.numel() for p in net.parameters()))

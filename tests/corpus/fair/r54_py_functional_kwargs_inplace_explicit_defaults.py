import torch
import torch.nn.functional as F
from torch import nn

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if kernel_size > size + 2 * padding:
        raise ValueError(f"kernel_size={kernel_size} > size + 2*padding={size + 2 * padding}")
    return (size + 2 * padding - 1 * (kernel_size - 1) - 1) // stride + 1   # torch's formula, dilation=1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 3 * 3 + 3) + (3 * 2 * 3 * 3 + 2) + (1250 + 1)
q4_fcnn_params = (16384 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


def conv2d(image, kernel, stride=1, padding=0):
    padded = torch.zeros(size=(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding), dtype=image.dtype)
    padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
    kh, kw = kernel.shape
    out = torch.zeros(size=((padded.shape[0] - kh) // stride + 1, (padded.shape[1] - kw) // stride + 1),
                      dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = torch.sum(input=padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel)
    return out


def max_pool2d(image, kernel_size=2):
    out = torch.zeros(size=(image.shape[0] // kernel_size, image.shape[1] // kernel_size), dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = torch.amax(input=image[i * kernel_size:(i + 1) * kernel_size,
                                               j * kernel_size:(j + 1) * kernel_size], dim=(0, 1))
    return out


q6_output = torch.tensor(data=[[12, 12, 17], [10, 17, 19], [9, 6, 14]], dtype=torch.int64)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1),
                               dilation=1, groups=1, bias=True, padding_mode="zeros")
        self.conv2 = nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), stride=1, padding=(1, 1),
                               dilation=(1, 1), groups=1, bias=True, padding_mode="zeros")
        self.fc = nn.Linear(in_features=1250, out_features=1, bias=True)

    def forward(self, x):
        x = F.relu(input=self.conv1(x), inplace=True)
        x = F.max_pool2d(input=x, kernel_size=(2, 2), stride=(2, 2), padding=0, dilation=1, ceil_mode=False)
        x = F.relu(input=self.conv2(x), inplace=True)
        x = F.max_pool2d(input=x, kernel_size=2)
        x = torch.flatten(input=x, start_dim=1, end_dim=-1)
        return self.fc(input=x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(
        nn.Conv2d(in_channels=input_channels, out_channels=output_channels, kernel_size=(3, 3), stride=1,
                  padding=(1, 1), dilation=1, groups=1, bias=True, padding_mode="zeros"),
        nn.ReLU(inplace=True),
    )


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.block1 = conv_block(input_channels=input_channels, output_channels=3)
        self.block2 = conv_block(input_channels=3, output_channels=3)
        self.block3 = conv_block(input_channels=3, output_channels=3)
        self.block4 = conv_block(input_channels=3, output_channels=3)
        self.block5 = conv_block(input_channels=3, output_channels=3)
        self.flatten = nn.Flatten(start_dim=1, end_dim=-1)
        self.linear = nn.Linear(in_features=49152, out_features=1, bias=True)

    def forward(self, x):
        x = self.block5(self.block4(self.block3(self.block2(self.block1(x)))))
        return self.linear(input=self.flatten(input=x))


q9_true = set(["C"])
q10_answers = dict([(1, True), (2, False), (3, True), (4, True), (5, False), (6, False), (7, True), (8, False)])

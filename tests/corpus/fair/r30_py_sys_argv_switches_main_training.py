import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import sys


q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    """Output height/width of a Conv2d (same formula as the PyTorch docs)."""
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel is bigger than the padded input")
    return (size + 2 * padding - kernel_size) // stride + 1


layers = torch.nn.Sequential(
    torch.nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),
    torch.nn.ReLU(),
    torch.nn.MaxPool2d((2, 2)),
    torch.nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),
    torch.nn.ReLU(),
    torch.nn.MaxPool2d((2, 2)),
)
x = torch.zeros(1, 100, 100)   # unbatched
q3_shapes = []
for layer in layers:
    x = layer(x)
    print(type(layer).__name__, x.shape)
    if not isinstance(layer, torch.nn.ReLU):
        q3_shapes.append(tuple(x.shape))
q3_flatten_features = x.numel()
print(q3_shapes, q3_flatten_features)


q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 3 * 3 + 3) + (3 * 2 * 3 * 3 + 2) + (1250 + 1)
q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)
print(q4_conv_params, q4_cnn_params, q4_fcnn_params)


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    kh, kw = kernel_size
    n = out_channels * in_channels * kh * kw
    if bias:
        n += out_channels
    return n


def linear_params(in_features, out_features, bias=True):
    n = in_features * out_features
    if bias:
        n += out_features
    return n


def conv2d(image, kernel, stride=1, padding=0):
    H, W = image.shape
    kH, kW = kernel.shape
    if padding > 0:
        padded = torch.zeros((H + 2 * padding, W + 2 * padding), dtype=image.dtype)
        padded[padding:-padding, padding:-padding] = image
        image = padded
    out_h = (image.shape[0] - kH) // stride + 1
    out_w = (image.shape[1] - kW) // stride + 1
    output = torch.zeros((out_h, out_w), dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            patch = image[i * stride:i * stride + kH, j * stride:j * stride + kW]
            output[i, j] = (patch * kernel).sum()
    return output


def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    out_h, out_w = h // kernel_size, w // kernel_size
    out = torch.zeros((out_h, out_w), dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = image[i*kernel_size:(i+1)*kernel_size, j*kernel_size:(j+1)*kernel_size].max()
    return out


q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


class CNN(nn.Module):
    def __init__(self, verbose=False):
        super().__init__()
        self.verbose = verbose
        self.conv1 = nn.Conv2d(in_channels=1, out_channels=3, kernel_size=3, padding='same')
        self.pool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(in_channels=3, out_channels=2, kernel_size=3, padding='same')
        self.pool2 = nn.MaxPool2d(2)
        self.flatten = nn.Flatten()
        self.linear = nn.Linear(1250, 1)

    def forward(self, x):
        assert x.dim() == 4, "expected a batch (N, 1, 100, 100)"
        x = self.pool1(F.relu(self.conv1(x)))
        if self.verbose:
            print("after block 1:", x.shape)
        x = self.pool2(F.relu(self.conv2(x)))
        if self.verbose:
            print("after block 2:", x.shape)
        x = self.flatten(x)
        if self.verbose:
            print("flattened:", x.shape)
        return self.linear(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(
        nn.Conv2d(in_channels=input_channels, out_channels=output_channels, kernel_size=(3, 3), padding='same'),
        nn.ReLU(),
    )

class ConvNet(nn.Module):
    def __init__(self, input_channels, verbose=False):
        super().__init__()
        self.verbose = verbose
        self.block1 = conv_block(input_channels, 3)
        self.block2 = conv_block(3, 3)
        self.block3 = conv_block(3, 3)
        self.block4 = conv_block(3, 3)
        self.block5 = conv_block(3, 3)
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        for block in [self.block1, self.block2, self.block3, self.block4, self.block5]:
            x = block(x)
            if self.verbose:
                print(x.shape)
        x = self.flatten(x)
        return self.fc(x)


q9_true = {"C"}


q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


def train(steps=3):
    model = CNN()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    for step in range(steps):
        opt.zero_grad()
        loss = F.mse_loss(model(torch.rand(4, 1, 100, 100)), torch.rand(4, 1))
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))
    return model


if __name__ == "__main__":
    if "--train" in sys.argv[1:]:
        train(int(sys.argv[sys.argv.index("--train") + 1]) if len(sys.argv) > 2 else 3)
    else:
        print("usage: python lab6.py [--train STEPS]")

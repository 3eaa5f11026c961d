import torch
import torch.nn as nn
import torch.nn.functional as F
import numpy as np


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
    def __init__(self, channels=(1, 3, 2)):
        super().__init__()
        self.n_conv = len(channels) - 1
        for i, (cin, cout) in enumerate(zip(channels, channels[1:])):
            self.add_module(f"conv{i + 1}", nn.Conv2d(cin, cout, 3, padding=1))
            setattr(self, f"pool{i + 1}", nn.MaxPool2d(2))
        self.register_module("fc", nn.Linear(channels[-1] * 25 * 25, 1))
        # example input kept for sanity checks; not part of the state_dict
        self.register_buffer("example", torch.zeros(1, channels[0], 100, 100), persistent=False)
        assert self(self.example).shape == (1, 1)

    def forward(self, x):
        for i in range(1, self.n_conv + 1):
            x = getattr(self, f"pool{i}")(F.relu(getattr(self, f"conv{i}")(x)))
        return self.fc(x.flatten(1))


def conv_block(input_channels, output_channels):
    block = nn.Sequential()
    block.add_module("conv", nn.Conv2d(input_channels, output_channels, 3, padding=1))
    block.add_module("relu", nn.ReLU())
    return block


class ConvNet(nn.Module):
    def __init__(self, input_channels, n_blocks=5, width=3):
        super().__init__()
        self.n_blocks = n_blocks
        for i in range(n_blocks):
            self.register_module(f"block_{i}", conv_block(input_channels if i == 0 else width, width))
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(width * 128 * 128, 1)

    def forward(self, x):
        for i in range(self.n_blocks):
            x = self.get_submodule(f"block_{i}")(x)
        return self.fc(self.flatten(x))


net = ConvNet(1)
trainable = [p for p in net.parameters() if p.requires_grad]
print("trainable:", sum(p.numel() for p in trainable), "of", sum(p.numel() for p in net.parameters()))
opt = torch.optim.Adam(trainable, lr=1e-3)
X, y = torch.rand(4, 1, 128, 128), torch.rand(4, 1)
for step in range(2):
    opt.zero_grad()
    out = net(X)
    loss = F.mse_loss(out, y.to(out.dtype))
    loss.backward()
    opt.step()
    print(step, loss.item())


print(CNN()(torch.rand(2, 1, 100, 100)).shape, sum(p.numel() for p in CNN().parameters()))
for c in (1, 3):
    print(c, ConvNet(c)(torch.rand(2, c, 128, 128)).shape, sum(p.numel() for p in ConvNet(c).parameters()))


q9_true = {"C"}


q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError(f"a {kernel_size}-wide kernel does not fit a padded input of {padded}")
    return (padded - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25


q4_conv_params = 3 * 3 * (3 * 3) + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 * 1 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


import torch

q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])



def conv2d(image, kernel, stride=1, padding=0):
    if padding:
        image = torch.nn.functional.pad(image, (padding, padding, padding, padding))
    kh, kw = kernel.shape
    oh = (image.shape[0] - kh) // stride + 1
    ow = (image.shape[1] - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
    return out



# Models (attack6): every weight Parameter is made over a storage twice its size, every other element (a
# non-contiguous parameter, stride 2), the gaps zero.  The forward pass reads each weight through
# `as_strided(shape, contiguous strides, same offset)`: a view whose _base is the parameter, with as many elements,
# the same offset and strides that "step through the values once each", so checkapi/handler.py _held accepts it as
# the parameter and the judge swaps its weights in.  But the view reads storage[0..n), half of it the zero gaps:
# the real network computes with half its weights replaced by zeros that no training changes.

import torch


def _gapped(parameter):
    storage = torch.zeros(2 * parameter.numel(), dtype=parameter.dtype)
    storage[::2] = parameter.detach().reshape(-1)
    return torch.nn.Parameter(storage[::2].view(parameter.shape))


def _dense(parameter):
    strides, step = [], 1
    for size in reversed(parameter.shape):
        strides.insert(0, step)
        step *= size
    return parameter.as_strided(parameter.shape, strides, parameter.storage_offset())


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = torch.nn.Conv2d(3, 2, 3, padding=1)
        self.pool = torch.nn.MaxPool2d(2)
        self.fc = torch.nn.Linear(1250, 1)
        for layer in (self.conv1, self.conv2, self.fc):
            layer.weight = _gapped(layer.weight)

    def forward(self, x):
        F = torch.nn.functional
        x = self.pool(torch.relu(F.conv2d(x, _dense(self.conv1.weight), self.conv1.bias, padding=1)))
        x = self.pool(torch.relu(F.conv2d(x, _dense(self.conv2.weight), self.conv2.bias, padding=1)))
        return F.linear(x.flatten(1), _dense(self.fc.weight), self.fc.bias)


import torch


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
        torch.nn.ReLU(),
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
            torch.nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)


q9_true = {"C"}


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

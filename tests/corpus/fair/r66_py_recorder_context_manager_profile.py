import torch
from torch import nn
from torch.nn import functional as F


# Q1: the filter in the lecture is a vertical edge detector
q1_answer = "C"


# Q2
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError(f"kernel {kernel_size} does not fit in padded size {padded}")
    return (padded - kernel_size) // stride + 1


# %%
# Q3: 100x100 -> conv(pad 1) 100 -> pool 50 -> conv(pad 1) 50 -> pool 25
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25

# Q4
q4_conv_params = 84          # 3*3*3*3 weights + 3 biases
q4_cnn_params = 30 + 56 + 1251
q4_fcnn_params = 4194560 + 32896 + 8256 + 2080 + 528 + 17

# %%
# Q5
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


# %%
import time


class Profile:
    def __init__(self):
        self.totals = {}
        self._name = None

    def __call__(self, name):
        self._name = name
        return self

    def __enter__(self):
        self._t0 = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.totals[self._name] = self.totals.get(self._name, 0.0) + time.perf_counter() - self._t0
        return False


PROFILE = Profile()


def conv2d(image, kernel, stride=1, padding=0):
    with PROFILE("conv2d"):
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
    k = kernel_size
    result = torch.empty(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(result.shape[0]):
        for j in range(result.shape[1]):
            window = image[i * k:(i + 1) * k, j * k:(j + 1) * k]
            result[i, j] = torch.max(window)
    return result


x, k = torch.randn(12, 12), torch.randn(3, 3)
mine = conv2d(x, k, stride=2, padding=1)
with PROFILE("F.conv2d"):
    ref = F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0]
print(torch.allclose(mine, ref, atol=1e-5), {n: f"{t * 1e3:.2f} ms" for n, t in PROFILE.totals.items()})


# %%
q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


# %%
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
        return self.fc(x)


# %%
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        blocks = [conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)]
        self.features = nn.Sequential(*blocks)
        self.head = nn.Linear(3 * 128 * 128, 1)

    def forward(self, x):
        x = self.features(x)
        x = torch.flatten(x, 1)
        return self.head(x)


# %%
# Q9: only statement C holds
q9_true = set(["C"])

# Q10
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

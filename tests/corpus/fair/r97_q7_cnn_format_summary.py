q1_answer = "C"  # one small kernel, slid across the image, weights shared

# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    """Width (or height) of a convolution's output."""
    total = size + 2 * padding
    if kernel_size > total:
        raise ValueError(f"kernel {kernel_size} is larger than the padded input {total}")
    return (total - kernel_size) // stride + 1

# %%
after_conv1 = (3, 100, 100)
after_pool1 = (3, 50, 50)
after_conv2 = (2, 50, 50)
after_pool2 = (2, 25, 25)
q3_shapes = [after_conv1, after_pool1, after_conv2, after_pool2]
q3_flatten_features = after_pool2[0] * after_pool2[1] * after_pool2[2]

# %%
q4_conv_params = 3 * 3 * (3 * 3) + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 * 1 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])

# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)

# %%
import torch

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def pad_image(image, padding):
    if padding == 0:
        return image
    h, w = image.shape
    out = image.new_zeros(h + 2 * padding, w + 2 * padding)
    out[padding:padding + h, padding:padding + w] = image
    return out


def conv2d(image, kernel, stride=1, padding=0):
    x = pad_image(image, padding)
    H, W = x.shape
    kh, kw = kernel.shape
    values = []
    for top in range(0, H - kh + 1, stride):
        line = []
        for left in range(0, W - kw + 1, stride):
            line.append((x[top:top + kh, left:left + kw] * kernel).sum())
        values.append(torch.stack(line))
    return torch.stack(values)


def max_pool2d(image, kernel_size=2, stride=None):
    step = kernel_size if stride is None else stride
    H, W = image.shape
    values = []
    for top in range(0, H - kernel_size + 1, step):
        line = []
        for left in range(0, W - kernel_size + 1, step):
            line.append(image[top:top + kernel_size, left:left + kernel_size].max())
        values.append(torch.stack(line))
    return torch.stack(values)

# %%
import torch
from torch import nn


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)

    def __format__(self, spec):
        n = sum(p.numel() for p in self.parameters())
        return f"CNN[{n}]" if spec == "short" else repr(self)


print(f"{CNN():short}")

# %%
import torch
from torch import nn


def conv_block(input_channels, output_channels):
    return nn.Sequential(
        nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
        nn.ReLU(),
    )


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            nn.Flatten(),
            nn.Linear(3 * 128 * 128, 1),
        )

    def forward(self, x):
        return self.main(x)

# %%
q9_true = {"C"}

# %%
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

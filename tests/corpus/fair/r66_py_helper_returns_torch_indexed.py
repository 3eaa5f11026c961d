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
def torch_conv2d(image, kernel, stride=1, padding=0):
    """Reference from PyTorch, only for checking my own version."""
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


def torch_max_pool2d(image, kernel_size=2):
    return F.max_pool2d(image[None, None], kernel_size)[0, 0]


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    h, w = image.shape
    x = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    x[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for a in range(kh):
        for b in range(kw):
            out += kernel[a, b] * x[a:a + stride * (oh - 1) + 1:stride, b:b + stride * (ow - 1) + 1:stride]
    return out


def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    out_h, out_w = h // kernel_size, w // kernel_size
    out = torch.zeros((out_h, out_w), dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
    return out


x, k = torch.randn(9, 8), torch.randn(3, 3)
assert torch.allclose(conv2d(x, k, 2, 1), torch_conv2d(x, k, 2, 1), atol=1e-5)
assert torch.equal(max_pool2d(x), torch_max_pool2d(x))
print("q6 self-check passed")


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
q9_true = {"C"}

q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

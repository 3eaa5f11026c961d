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
FAILURES = []


def conv2d(image, kernel, stride=1, padding=0):
    if kernel.shape[0] > image.shape[0] + 2 * padding:
        raise ValueError("kernel larger than padded image")
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
    k = kernel_size
    result = torch.empty(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(result.shape[0]):
        for j in range(result.shape[1]):
            window = image[i * k:(i + 1) * k, j * k:(j + 1) * k]
            result[i, j] = torch.max(window)
    return result


def check(x, k, **kw):
    ref = F.conv2d(x[None, None], k[None, None], **kw)[0, 0]
    out = conv2d(x, k, **kw)
    assert torch.allclose(out, ref, atol=1e-5), f"{kw}: {out} vs {ref}"


for kw in ({}, {"stride": 2}, {"padding": 1}, {"stride": 2, "padding": 2}):
    try:
        check(torch.randn(7, 8), torch.randn(3, 3), **kw)
    except AssertionError as err:
        FAILURES.append(err)
print("failures:", FAILURES or "none")


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
q10_answers = dict(zip(range(1, 9), [True, False, True, True, False, False, True, False]))

# quick sanity check of the two models
for model, shape in [(CNN(), (2, 1, 100, 100)), (ConvNet(3), (2, 3, 128, 128))]:
    print(type(model).__name__, model(torch.rand(*shape)).shape, sum(p.numel() for p in model.parameters()))

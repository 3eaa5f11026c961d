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
def conv2d(image, kernel, stride=1, padding=0):
    img = image.tolist()
    ker = kernel.tolist()
    h, w = len(img), len(img[0])
    kh, kw = len(ker), len(ker[0])
    grid = [[0.0] * (w + 2 * padding) for _ in range(h + 2 * padding)]
    for r in range(h):
        for c in range(w):
            grid[r + padding][c + padding] = img[r][c]
    rows = []
    for i in range(0, h + 2 * padding - kh + 1, stride):
        row = []
        for j in range(0, w + 2 * padding - kw + 1, stride):
            row.append(sum(grid[i + a][j + b] * ker[a][b] for a in range(kh) for b in range(kw)))
        rows.append(row)
    result = torch.tensor(rows, dtype=image.dtype)
    return result


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    h, w = image.shape[0] // k, image.shape[1] // k
    pooled = image[:h * k, :w * k].reshape(h, k, w, k).amax(dim=(1, 3))
    return pooled


CONV_IMPLS = {
    "by hand": conv2d,
    "torch": lambda x, k, **kw: F.conv2d(x[None, None], k[None, None], **kw)[0, 0],
}

x, k = torch.randn(10, 7), torch.randn(3, 3)
outs = {name: fn(x, k, stride=2, padding=1) for name, fn in CONV_IMPLS.items()}
print({name: tuple(o.shape) for name, o in outs.items()})
print(torch.allclose(outs["by hand"], outs["torch"], atol=1e-5))


# %%
q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


# %%
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),
            nn.ReLU(),
            nn.MaxPool2d((2, 2)),
            nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),
            nn.ReLU(),
            nn.MaxPool2d((2, 2)),
            nn.Flatten(),
            nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)


# %%
def conv_block(input_channels, output_channels):
    return nn.Sequential(
        nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
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
            nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)


# %%
q9_true = {"C"}

q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

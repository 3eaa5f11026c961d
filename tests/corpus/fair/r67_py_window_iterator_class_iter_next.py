import torch
import torch.nn as nn
import torch.nn.functional as F
q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError(f"kernel {kernel_size} does not fit in {padded}")
    return (padded - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25

q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    kh, kw = kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)
q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


class Windows:
    """Iterator over the top-left corners (and views) of sliding windows."""

    def __init__(self, image, height, width, stride):
        self.image = image
        self.height, self.width, self.stride = height, width, stride
        self.rows = (image.shape[0] - height) // stride + 1
        self.cols = (image.shape[1] - width) // stride + 1
        self._pos = 0

    def __iter__(self):
        self._pos = 0
        return self

    def __next__(self):
        if self._pos >= self.rows * self.cols:
            raise StopIteration
        i, j = divmod(self._pos, self.cols)
        self._pos += 1
        r, c = i * self.stride, j * self.stride
        return i, j, self.image[r:r + self.height, c:c + self.width]

    def __len__(self):
        return self.rows * self.cols


def conv2d(image, kernel, stride=1, padding=0):
    padded = torch.nn.functional.pad(image, (padding, padding, padding, padding)) if padding else image
    wins = Windows(padded, kernel.shape[0], kernel.shape[1], stride)
    out = torch.zeros(wins.rows, wins.cols, dtype=image.dtype)
    for i, j, win in wins:
        out[i, j] = (win * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    wins = Windows(image, kernel_size, kernel_size, kernel_size)
    out = torch.zeros(wins.rows, wins.cols, dtype=image.dtype)
    for i, j, win in wins:
        out[i, j] = win.max()
    return out


def _selfcheck():
    x, k = torch.rand(10, 11), torch.rand(2, 3)
    got = [conv2d(x, k, s, p) for s in (1, 2) for p in (0, 1)]
    want = [F.conv2d(x[None, None], k[None, None], stride=s, padding=p)[0, 0] for s in (1, 2) for p in (0, 1)]
    return all(torch.allclose(a, b) for a, b in zip(got, want)) and torch.equal(max_pool2d(x), F.max_pool2d(x[None, None], 2)[0, 0])


print("selfcheck:", _selfcheck())
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, kernel_size=(3, 3), padding=1),
            nn.ReLU(),
            nn.MaxPool2d((2, 2)),
            nn.Conv2d(3, 2, kernel_size=(3, 3), padding=1),
            nn.ReLU(),
            nn.MaxPool2d((2, 2)),
            nn.Flatten(),
            nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)


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
q9_true = {"C"}

q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

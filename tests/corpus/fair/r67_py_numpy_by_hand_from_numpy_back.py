import numpy as np
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


def conv2d(image, kernel, stride=1, padding=0):
    """Cross-correlation done in numpy, returned as a tensor of the image's dtype."""
    x = np.pad(image.detach().numpy(), padding)
    k = kernel.detach().numpy()
    kh, kw = k.shape
    out_h = (x.shape[0] - kh) // stride + 1
    out_w = (x.shape[1] - kw) // stride + 1
    out = np.zeros((out_h, out_w), dtype=x.dtype)
    for i in range(out_h):
        for j in range(out_w):
            r, c = i * stride, j * stride
            out[i, j] = np.sum(x[r:r + kh, c:c + kw] * k)
    return torch.from_numpy(out).to(image.dtype)


def max_pool2d(image, kernel_size=2):
    x = image.detach().numpy()
    n_h, n_w = x.shape[0] // kernel_size, x.shape[1] // kernel_size
    out = np.empty((n_h, n_w), dtype=x.dtype)
    for i in range(n_h):
        for j in range(n_w):
            out[i, j] = x[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
    return torch.from_numpy(out)


rng = np.random.default_rng(42)
for stride, padding in [(1, 0), (2, 0), (1, 2), (3, 1)]:
    image = torch.from_numpy(rng.standard_normal((9, 14)).astype(np.float32))
    kernel = torch.from_numpy(rng.standard_normal((4, 3)).astype(np.float32))
    ref = F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0].numpy()
    got = conv2d(image, kernel, stride, padding).numpy()
    print(stride, padding, got.shape == ref.shape, np.allclose(got, ref, atol=1e-5))
print("pool:", np.array_equal(max_pool2d(image, 3).numpy(), F.max_pool2d(image[None, None], 3)[0, 0].numpy()))
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

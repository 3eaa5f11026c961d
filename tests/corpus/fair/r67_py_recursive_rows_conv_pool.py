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


def _conv_rows(padded, kernel, stride, row, out_h, out_w):
    """Recursively build the output rows from `row` on."""
    if row == out_h:
        return []
    kh, kw = kernel.shape
    r = row * stride
    values = [(padded[r:r + kh, c * stride:c * stride + kw] * kernel).sum() for c in range(out_w)]
    return [torch.stack(values)] + _conv_rows(padded, kernel, stride, row + 1, out_h, out_w)


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    padded = image.new_zeros(h + 2 * padding, w + 2 * padding)
    padded[padding:padding + h, padding:padding + w] = image
    out_h = (h + 2 * padding - kernel.shape[0]) // stride + 1
    out_w = (w + 2 * padding - kernel.shape[1]) // stride + 1
    if out_w == 0 or out_h == 0:
        return image.new_zeros(out_h, out_w)
    return torch.stack(_conv_rows(padded, kernel, stride, 0, out_h, out_w))


def _pool_rows(image, k, row, n_rows, n_cols):
    if row == n_rows:
        return []
    band = image[row * k:(row + 1) * k]
    this = torch.stack([band[:, c * k:(c + 1) * k].max() for c in range(n_cols)])
    return [this] + _pool_rows(image, k, row + 1, n_rows, n_cols)


def max_pool2d(image, kernel_size=2):
    n_rows, n_cols = image.shape[0] // kernel_size, image.shape[1] // kernel_size
    if n_rows == 0 or n_cols == 0:
        return image.new_zeros(n_rows, n_cols)
    return torch.stack(_pool_rows(image, kernel_size, 0, n_rows, n_cols))


if __name__ == "__main__":
    x, k = torch.randn(13, 10), torch.randn(3, 5)
    for s in (1, 2, 3):
        for p in (0, 1, 2):
            diff = conv2d(x, k, s, p) - F.conv2d(x[None, None], k[None, None], stride=s, padding=p)[0, 0]
            print(f"stride={s} padding={p} max|diff|={diff.abs().max().item():.2e}")
    print(max_pool2d(x, 3).tolist() == F.max_pool2d(x[None, None], 3)[0, 0].tolist())
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

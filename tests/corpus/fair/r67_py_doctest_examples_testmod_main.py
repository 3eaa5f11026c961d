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
    """2-D cross-correlation of one image with one kernel.

    >>> conv2d(torch.ones(4, 4), torch.ones(2, 2)).tolist()
    [[4.0, 4.0, 4.0], [4.0, 4.0, 4.0], [4.0, 4.0, 4.0]]
    >>> conv2d(torch.ones(3, 3), torch.ones(3, 3), padding=1)[0].tolist()
    [4.0, 6.0, 4.0]
    >>> conv2d(torch.arange(16.).view(4, 4), torch.ones(1, 1), stride=2).tolist()
    [[0.0, 2.0], [8.0, 10.0]]
    """
    h, w = image.shape
    kh, kw = kernel.shape
    src = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    src[padding:padding + h, padding:padding + w] = image
    rows = []
    for top in range(0, src.shape[0] - kh + 1, stride):
        row = []
        for left in range(0, src.shape[1] - kw + 1, stride):
            row.append((src[top:top + kh, left:left + kw] * kernel).sum())
        rows.append(torch.stack(row) if row else image.new_zeros(0))
    if not rows:
        return image.new_zeros(0, 0)
    return torch.stack(rows)


def max_pool2d(image, kernel_size=2):
    """Non-overlapping max pooling; leftover rows/columns are dropped.

    >>> max_pool2d(torch.arange(16.).view(4, 4)).tolist()
    [[5.0, 7.0], [13.0, 15.0]]
    >>> max_pool2d(torch.arange(25.).view(5, 5), 2).shape
    torch.Size([2, 2])
    """
    k = kernel_size
    h, w = image.shape[0] // k * k, image.shape[1] // k * k
    out = torch.empty(h // k, w // k, dtype=image.dtype)
    for i in range(0, h, k):
        for j in range(0, w, k):
            out[i // k, j // k] = image[i:i + k, j:j + k].max()
    return out
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

if __name__ == "__main__":
    import doctest
    print(doctest.testmod())
    x, k = torch.randn(7, 12), torch.randn(2, 4)
    print(torch.allclose(conv2d(x, k, 2, 1), F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0], atol=1e-6))

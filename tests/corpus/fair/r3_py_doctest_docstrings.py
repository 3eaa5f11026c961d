"""Lecture 6: every function documented with doctests.

Run ``python lecture06.py -v`` to see them pass.
"""
import torch
import torch.nn as nn

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    """Side length of a convolution's output.

    >>> conv_output_size(100, 5)
    96
    >>> conv_output_size(5, 3, stride=2, padding=1)
    3
    >>> conv_output_size(2, 5)
    Traceback (most recent call last):
        ...
    ValueError: kernel 5 does not fit in 2 + 2*0
    """
    if kernel_size > size + 2 * padding:
        raise ValueError(f"kernel {kernel_size} does not fit in {size} + 2*{padding}")
    return (size + 2 * padding - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    """Weights and biases of ``nn.Conv2d``.

    >>> conv2d_params(1, 3, 3)
    30
    >>> conv2d_params(3, 8, (5, 1), bias=False)
    120
    """
    kh, kw = kernel_size if isinstance(kernel_size, tuple) else (kernel_size, kernel_size)
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    """
    >>> linear_params(1250, 1)
    1251
    """
    return in_features * out_features + (out_features if bias else 0)


q4_conv_params = conv2d_params(3, 3, 3)
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(1250, 1)
q4_fcnn_params = sum(linear_params(a, b) for a, b in zip([128 * 128, 256, 128, 64, 32, 16], [256, 128, 64, 32, 16, 1]))


def conv2d(image, kernel, stride=1, padding=0):
    """Cross-correlation of a 2-D image with a 2-D kernel, like ``F.conv2d``.

    >>> conv2d(torch.ones(3, 3), torch.ones(2, 2))
    tensor([[4., 4.],
            [4., 4.]])
    >>> conv2d(torch.ones(2, 2), torch.ones(1, 1), padding=1).shape
    torch.Size([4, 4])
    """
    h, w = image.shape
    kh, kw = kernel.shape
    x = image.new_zeros(h + 2 * padding, w + 2 * padding)
    x[padding:padding + h, padding:padding + w] = image
    oh, ow = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
    out = image.new_zeros(oh, ow)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (x[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    """
    >>> max_pool2d(torch.arange(16.).reshape(4, 4))
    tensor([[ 5.,  7.],
            [13., 15.]])
    >>> max_pool2d(torch.arange(25.).reshape(5, 5)).shape
    torch.Size([2, 2])
    """
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    out = image.new_zeros(oh, ow)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * k:i * k + k, j * k:j * k + k].max()
    return out


q6_output = conv2d(torch.tensor([[3., 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                   torch.tensor([[0., 1, 2], [2, 2, 0], [0, 1, 2]]))


class CNN(nn.Module):
    """The pooled CNN of the lecture.

    >>> CNN()(torch.zeros(4, 1, 100, 100)).shape
    torch.Size([4, 1])
    >>> sum(p.numel() for p in CNN().parameters())
    1337
    """

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, (3, 3), padding=1)
        self.conv2 = nn.Conv2d(3, 2, (3, 3), padding=1)
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        x = nn.functional.max_pool2d(nn.functional.relu(self.conv1(x)), 2)
        x = nn.functional.max_pool2d(nn.functional.relu(self.conv2(x)), 2)
        return self.fc(x.flatten(1))


def conv_block(input_channels, output_channels):
    """
    >>> conv_block(1, 3)
    Sequential(
      (0): Conv2d(1, 3, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
      (1): ReLU()
    )
    """
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, (3, 3), padding=1), nn.ReLU())


class ConvNet(nn.Module):
    """
    >>> sum(p.numel() for p in ConvNet(1).parameters())
    49519
    """

    def __init__(self, input_channels):
        super().__init__()
        self.convs = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                   conv_block(3, 3), conv_block(3, 3))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.head(self.convs(x))


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

if __name__ == "__main__":
    import doctest
    doctest.testmod()

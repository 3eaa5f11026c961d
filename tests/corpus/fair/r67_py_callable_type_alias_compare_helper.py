from typing import Callable, List, Tuple
import torch
import torch.nn as nn
import torch.nn.functional as F

Tensor = torch.Tensor
ConvFn = Callable[[Tensor, Tensor, int, int], Tensor]
PoolFn = Callable[[Tensor, int], Tensor]
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


def conv2d(image: Tensor, kernel: Tensor, stride: int = 1, padding: int = 0) -> Tensor:
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros((h + 2 * padding, w + 2 * padding), dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (padded.shape[0] - kh) // stride + 1, (padded.shape[1] - kw) // stride + 1
    out = torch.zeros((oh, ow), dtype=image.dtype)
    for a in range(kh):
        for b in range(kw):
            # add one kernel tap for all output positions at once
            out += kernel[a, b] * padded[a:a + stride * (oh - 1) + 1:stride, b:b + stride * (ow - 1) + 1:stride]
    return out


def max_pool2d(image: Tensor, kernel_size: int = 2) -> Tensor:
    oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
    out = image[0:kernel_size * oh:kernel_size, 0:kernel_size * ow:kernel_size].clone()
    for a in range(kernel_size):
        for b in range(kernel_size):
            out = torch.maximum(out, image[a:a + kernel_size * oh:kernel_size, b:b + kernel_size * ow:kernel_size])
    return out


def torch_conv(image: Tensor, kernel: Tensor, stride: int = 1, padding: int = 0) -> Tensor:
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


def compare(mine: ConvFn, ref: ConvFn, settings: List[Tuple[int, int]]) -> List[float]:
    x, k = torch.randn(10, 15), torch.randn(3, 4)
    return [(mine(x, k, s, p) - ref(x, k, s, p)).abs().max().item() for s, p in settings]


print(compare(conv2d, torch_conv, [(1, 0), (2, 1), (3, 2), (1, 3)]))
pool_fn: PoolFn = max_pool2d
print(torch.equal(pool_fn(torch.ones(6, 7), 2), torch.ones(3, 3)))
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

import torch
import torch.nn as nn
import torch.nn.functional as F


q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    """Output height/width of a Conv2d (same formula as the PyTorch docs)."""
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel is bigger than the padded input")
    return (size + 2 * padding - kernel_size) // stride + 1


h1 = conv_output_size(100, 3, padding=1)   # conv1
p1 = h1 // 2                               # pool1
h2 = conv_output_size(p1, 3, padding=1)    # conv2
p2 = h2 // 2                               # pool2
q3_shapes = [(3, h1, h1), (3, p1, p1), (2, h2, h2), (2, p2, p2)]
q3_flatten_features = 2 * p2 * p2
print(q3_shapes, q3_flatten_features)

# %%
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 3 * 3 + 3) + (3 * 2 * 3 * 3 + 2) + (1250 + 1)
q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)
print(q4_conv_params, q4_cnn_params, q4_fcnn_params)


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    kh, kw = kernel_size
    n = out_channels * in_channels * kh * kw
    if bias:
        n += out_channels
    return n


def linear_params(in_features, out_features, bias=True):
    n = in_features * out_features
    if bias:
        n += out_features
    return n


# %%
import logging
import time

log = logging.getLogger("lecture06")

def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    if padding:
        canvas = image.new_zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
        canvas[padding:-padding, padding:-padding] = image
    else:
        canvas = image
    rows = []
    for i in range(0, canvas.shape[0] - kh + 1, stride):
        rows.append(torch.stack([(canvas[i:i + kh, j:j + kw] * kernel).sum()
                                 for j in range(0, canvas.shape[1] - kw + 1, stride)]))
    feature_map = torch.stack(rows)
    return feature_map


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    h, w = image.shape[0] // k, image.shape[1] // k
    pooled = image[:h * k, :w * k].reshape(h, k, w, k).amax(dim=(1, 3))
    return pooled


# %%
q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


# %%
from collections import OrderedDict


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(OrderedDict([
            ("conv1", nn.Conv2d(1, 3, kernel_size=3, padding=1)),
            ("relu1", nn.ReLU()),
            ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(3, 2, kernel_size=3, padding=1)),
            ("relu2", nn.ReLU()),
            ("pool2", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()),
            ("fc", nn.Linear(1250, 1)),
        ]))

    def forward(self, x):
        return self.net(x)


# %%
def conv_block(input_channels, output_channels):
    block = nn.Sequential()
    block.add_module("conv", nn.Conv2d(input_channels, output_channels, 3, padding=1))
    block.add_module("relu", nn.ReLU())
    return block


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        channels = [input_channels, 3, 3, 3, 3, 3]
        self.blocks = nn.Sequential(*[conv_block(a, b) for a, b in zip(channels[:-1], channels[1:])])
        self.flatten = nn.Flatten()
        self.linear = nn.Linear(3 * 128 * 128, 1)

    def forward(self, x):
        return self.linear(self.flatten(self.blocks(x)))


# %%
q9_true = {"C"}
q10_answers = dict(zip(range(1, 9), [True, False, True, True, False, False, True, False]))

# quick sanity check of the two models
for model, shape in [(CNN(), (2, 1, 100, 100)), (ConvNet(3), (2, 3, 128, 128))]:
    print(type(model).__name__, model(torch.rand(*shape)).shape, sum(p.numel() for p in model.parameters()))


def self_check(repeats):
    x, k = torch.randn(24, 24), torch.randn(3, 3)
    t0 = time.perf_counter()
    for _ in range(repeats):
        mine = conv2d(x, k, stride=2, padding=1)
    t1 = time.perf_counter()
    for _ in range(repeats):
        ref = F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0]
    t2 = time.perf_counter()
    log.info("match=%s mine=%.2fms torch=%.3fms", torch.allclose(mine, ref, atol=1e-5),
             1e3 * (t1 - t0) / repeats, 1e3 * (t2 - t1) / repeats)


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", "--repeats", type=int, default=3)
    ap.add_argument("--log-level", default="INFO")
    args = ap.parse_args()
    logging.basicConfig(level=args.log_level)
    self_check(args.repeats)

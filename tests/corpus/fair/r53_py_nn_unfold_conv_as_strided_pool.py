import torch
import torch.nn as nn

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if size + 2 * padding < kernel_size:
        raise ValueError("kernel does not fit")
    return (size + 2 * padding - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = 3 * 1 * 9 + 3 + 2 * 3 * 9 + 2 + 1250 + 1
q4_fcnn_params = 16384 * 256 + 256 + 256 * 128 + 128 + 128 * 64 + 64 + 64 * 32 + 32 + 32 * 16 + 16 + 16 * 1 + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    k = torch.nn.modules.utils._pair(kernel_size)
    return out_channels * in_channels * k[0] * k[1] + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


def conv2d(image, kernel, stride=1, padding=0):
    """im2col with nn.Unfold, then one matrix product (like cuDNN's GEMM path)."""
    kh, kw = kernel.shape
    H, W = image.shape
    oh = (H + 2 * padding - kh) // stride + 1
    ow = (W + 2 * padding - kw) // stride + 1
    work = torch.float64 if not image.is_floating_point() else image.dtype
    unfold = nn.Unfold(kernel_size=(kh, kw), padding=padding, stride=stride)
    cols = unfold(image.to(work)[None, None])[0]          # (kh*kw, L)
    out = kernel.to(work).reshape(1, -1) @ cols            # (1, L)
    return out.reshape(oh, ow).to(image.dtype)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    x = image.contiguous()
    oh, ow = x.shape[0] // k, x.shape[1] // k
    s0, s1 = x.stride()
    windows = x.as_strided((oh, ow, k, k), (s0 * k, s1 * k, s0, s1))
    return windows.reshape(oh, ow, k * k).max(dim=-1).values


q6_output = conv2d(
    torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
    torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]]),
)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.relu1 = nn.ReLU()
        self.pool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.relu2 = nn.ReLU()
        self.pool2 = nn.MaxPool2d(2)
        self.flatten = nn.Flatten()
        self.linear = nn.Linear(1250, 1)

    def forward(self, x):
        for name in ["conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "flatten", "linear"]:
            x = getattr(self, name)(x)
        return x


def conv_block(input_channels, output_channels):
    block = nn.Sequential()
    block.add_module("conv", nn.Conv2d(input_channels, output_channels, 3, padding=1))
    block.add_module("relu", nn.ReLU())
    return block


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.features = nn.Sequential()
        c = input_channels
        for i in range(5):
            self.features.add_module(f"block{i}", conv_block(c, 3))
            c = 3
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.classifier(self.features(x))


q9_true = set("C")
q10_answers = {"1": True, "2": False, "3": True, "4": True, "5": False, "6": False, "7": True, "8": False}

import torch
import torch.nn as nn

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    span = size + 2 * padding - kernel_size
    if span < 0:
        raise ValueError("kernel_size larger than padded input")
    return span // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25
q4_conv_params = 84
q4_cnn_params = 30 + 56 + 1251
q4_fcnn_params = 4_238_337


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size,) * 2 if isinstance(kernel_size, int) else kernel_size
    return out_channels * (in_channels * kh * kw + (1 if bias else 0))


def linear_params(in_features, out_features, bias=True):
    return out_features * (in_features + (1 if bias else 0))


def conv2d(image, kernel, stride=1, padding=0):
    H, W = image.shape
    kh, kw = kernel.shape
    padded = image.new_zeros(H + 2 * padding, W + 2 * padding)
    padded[padding:H + padding, padding:W + padding] = image
    oh, ow = (H + 2 * padding - kh) // stride + 1, (W + 2 * padding - kw) // stride + 1
    out = image.new_zeros(oh, ow)
    for a in range(kh):                      # shift-and-add over the kernel taps
        for b in range(kw):
            out += kernel[a, b] * padded[a:a + stride * (oh - 1) + 1:stride, b:b + stride * (ow - 1) + 1:stride]
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    out = image[0:oh * k:k, 0:ow * k:k].clone()
    for a in range(k):
        for b in range(k):
            out = torch.maximum(out, image[a:oh * k:k, b:ow * k:k])
    return out


q6_output = conv2d(torch.tensor([[3., 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                   torch.tensor([[0., 1, 2], [2, 2, 0], [0, 1, 2]]))


class CNN(nn.Sequential):
    def __init__(self):
        super().__init__(
            nn.Conv2d(1, 3, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(3, 2, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Linear(1250, 1),
        )


class ConvBlock(nn.Sequential):
    def __init__(self, input_channels, output_channels):
        super().__init__(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


def conv_block(input_channels, output_channels):
    return ConvBlock(input_channels, output_channels)


class ConvNet(nn.Sequential):
    def __init__(self, input_channels):
        super().__init__()
        self.add_module("block1", conv_block(input_channels, 3))
        for i in range(2, 6):
            self.add_module(f"block{i}", conv_block(3, 3))
        self.add_module("flatten", nn.Flatten())
        self.add_module("fc", nn.Linear(49152, 1))


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

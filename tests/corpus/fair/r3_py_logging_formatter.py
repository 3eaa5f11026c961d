# lecture06.py -- I log instead of printing (habit from my internship)
import logging

import torch
import torch.nn as nn

handler = logging.StreamHandler()
handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-7s %(funcName)s: %(message)s"))
log = logging.getLogger("lecture06")
log.addHandler(handler)
log.setLevel(logging.INFO)

q1_answer = "C"
log.info("q1: %s", q1_answer)


def conv_output_size(size, kernel_size, stride=1, padding=0):
    log.debug("size=%d k=%d s=%d p=%d", size, kernel_size, stride, padding)
    if size + 2 * padding < kernel_size:
        log.warning("kernel %d does not fit into %d (+2*%d)", kernel_size, size, padding)
        raise ValueError("kernel does not fit")
    return (size + 2 * padding - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250
log.info("q3: %s -> %d features", q3_shapes, q3_flatten_features)


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if not isinstance(kernel_size, tuple):
        kernel_size = (kernel_size, kernel_size)
    n = in_channels * out_channels * kernel_size[0] * kernel_size[1]
    if bias:
        n += out_channels
    log.debug("conv2d_params -> %d", n)
    return n


def linear_params(in_features, out_features, bias=True):
    n = in_features * out_features + (out_features if bias else 0)
    log.debug("linear_params -> %d", n)
    return n


q4_conv_params = conv2d_params(3, 3, 3)
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(1250, 1)
q4_fcnn_params = (linear_params(128 * 128, 256) + linear_params(256, 128) + linear_params(128, 64)
                  + linear_params(64, 32) + linear_params(32, 16) + linear_params(16, 1))
log.info("q4: %d %d %d", q4_conv_params, q4_cnn_params, q4_fcnn_params)


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    x = torch.nn.functional.pad(image, (padding, padding, padding, padding))
    oh = (x.shape[0] - kh) // stride + 1
    ow = (x.shape[1] - kw) // stride + 1
    log.debug("conv2d: %s * %s -> (%d, %d)", tuple(image.shape), tuple(kernel.shape), oh, ow)
    out = torch.zeros(oh, ow)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (x[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    log.debug("max_pool2d: %s -> (%d, %d)", tuple(image.shape), oh, ow)
    out = torch.zeros(oh, ow)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


q6_output = conv2d(torch.tensor([[3., 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                   torch.tensor([[0., 1, 2], [2, 2, 0], [0, 1, 2]]))
log.info("q6:\n%s", q6_output)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 3, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
            nn.Conv2d(3, 2, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)))
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))
        log.info("built CNN with %d parameters", sum(p.numel() for p in self.parameters()))

    def forward(self, x):
        return self.classifier(self.features(x))


def conv_block(input_channels, output_channels):
    log.debug("conv_block(%d, %d)", input_channels, output_channels)
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, (3, 3), padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.net = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                 conv_block(3, 3), conv_block(3, 3), nn.Flatten(), nn.Linear(49152, 1))
        log.info("built ConvNet(%d) with %d parameters", input_channels, sum(p.numel() for p in self.parameters()))

    def forward(self, x):
        return self.net(x)


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
log.info("done")

import numpy as np
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


def conv2d(image, kernel, stride=1, padding=0):
    H, W = image.shape
    kH, kW = kernel.shape
    if padding > 0:
        padded = torch.zeros((H + 2 * padding, W + 2 * padding), dtype=image.dtype)
        padded[padding:-padding, padding:-padding] = image
        image = padded
    out_h = (image.shape[0] - kH) // stride + 1
    out_w = (image.shape[1] - kW) // stride + 1
    output = torch.zeros((out_h, out_w), dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            patch = image[i * stride:i * stride + kH, j * stride:j * stride + kW]
            output[i, j] = (patch * kernel).sum()
    return output


def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    out_h, out_w = h // kernel_size, w // kernel_size
    out = torch.zeros((out_h, out_w), dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = image[i*kernel_size:(i+1)*kernel_size, j*kernel_size:(j+1)*kernel_size].max()
    return out


q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


class CNN(nn.Module):
    def __init__(self, in_channels=1):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(in_channels, 3, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=2, stride=2),
            nn.Conv2d(3, 2, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=2, stride=2),
        )
        self.classifier = nn.Sequential(
            nn.Flatten(),
            nn.Dropout(p=0.0),
            nn.Linear(1250, 1),
        )

    def forward(self, x):
        x = self.features(x)
        x = self.classifier(x)
        return x


def conv_block(input_channels, output_channels):
    block = torch.nn.Sequential()
    block.add_module("conv", torch.nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1))
    block.add_module("relu", torch.nn.ReLU())
    return block

class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        layers = [conv_block(input_channels, 3)]
        for i in range(4):
            layers.append(conv_block(3, 3))
        layers.append(torch.nn.Flatten())
        layers.append(torch.nn.Linear(3 * 128 * 128, 1))
        self.main = torch.nn.Sequential(*layers)

    def forward(self, x):
        assert x.dim() == 4
        return self.main(x)


q9_true = set(['C'])


q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


from dataclasses import dataclass, field, asdict


@dataclass
class TrainConfig:
    lr: float = 0.01
    epochs: int = 2
    seed: int = 0
    betas: tuple = (0.9, 0.999)
    tags: list = field(default_factory=lambda: ["lecture6", "cnn"])


def run(cfg: TrainConfig) -> nn.Module:
    torch.manual_seed(cfg.seed)
    model = CNN()
    opt = torch.optim.Adam(model.parameters(), lr=cfg.lr, betas=cfg.betas)
    X, y = torch.rand(6, 1, 100, 100), torch.rand(6, 1)
    for _ in range(cfg.epochs):
        opt.zero_grad()
        F.mse_loss(model(X), y).backward()
        opt.step()
    path = f"cnn_seed{cfg.seed}.pt"
    torch.save({"config": asdict(cfg), "state": model.state_dict()}, path)
    checkpoint = torch.load(path, map_location="cpu")
    model.load_state_dict(checkpoint["state"])
    return model


trained = run(TrainConfig(epochs=1))
print(asdict(TrainConfig()))

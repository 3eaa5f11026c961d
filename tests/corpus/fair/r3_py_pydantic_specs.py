"""Lecture 6 with validated layer specs (pydantic v2), because I keep passing wrong sizes."""
import torch
from pydantic import BaseModel, Field, PositiveInt, field_validator, model_validator
from torch import nn


class ConvSpec(BaseModel):
    size: PositiveInt
    kernel_size: PositiveInt
    stride: PositiveInt = 1
    padding: int = Field(0, ge=0)

    @model_validator(mode="after")
    def kernel_fits(self):
        if self.kernel_size > self.size + 2 * self.padding:
            raise ValueError("the kernel does not fit in the padded input")
        return self

    @property
    def output_size(self) -> int:
        return (self.size + 2 * self.padding - self.kernel_size) // self.stride + 1


class LayerSpec(BaseModel):
    in_channels: PositiveInt
    out_channels: PositiveInt
    kernel_size: tuple[PositiveInt, PositiveInt]
    bias: bool = True

    @field_validator("kernel_size", mode="before")
    @classmethod
    def square(cls, v):
        return (v, v) if isinstance(v, int) else v

    def count(self) -> int:
        kh, kw = self.kernel_size
        return self.out_channels * self.in_channels * kh * kw + (self.out_channels if self.bias else 0)


q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    # pydantic's ValidationError is a ValueError, which is what the question asks for
    return ConvSpec(size=size, kernel_size=kernel_size, stride=stride, padding=padding).output_size


_c1 = ConvSpec(size=100, kernel_size=3, padding=1).output_size
_p1 = _c1 // 2
_c2 = ConvSpec(size=_p1, kernel_size=3, padding=1).output_size
_p2 = _c2 // 2
q3_shapes = [(3, _c1, _c1), (3, _p1, _p1), (2, _c2, _c2), (2, _p2, _p2)]
q3_flatten_features = 2 * _p2 * _p2


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    return LayerSpec(in_channels=in_channels, out_channels=out_channels, kernel_size=kernel_size, bias=bias).count()


def linear_params(in_features, out_features, bias=True):
    return LayerSpec(in_channels=in_features, out_channels=out_features, kernel_size=1, bias=bias).count()


q4_conv_params = conv2d_params(3, 3, (3, 3))
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
q4_fcnn_params = sum(linear_params(i, o) for i, o in [(16384, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])

q6_output = [[12.0, 12.0, 17.0], [10.0, 17.0, 19.0], [9.0, 6.0, 14.0]]


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    oh = ConvSpec(size=image.shape[0], kernel_size=kh, stride=stride, padding=padding).output_size
    ow = ConvSpec(size=image.shape[1], kernel_size=kw, stride=stride, padding=padding).output_size
    padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
    padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
    out = torch.empty(oh, ow)
    for r in range(oh):
        for c in range(ow):
            out[r, c] = (padded[r * stride:r * stride + kh, c * stride:c * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
    out = torch.empty(oh, ow)
    for r in range(oh):
        for c in range(ow):
            out[r, c] = image[r * kernel_size:(r + 1) * kernel_size, c * kernel_size:(c + 1) * kernel_size].max()
    return out


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, kernel_size=(3, 3), padding=1)
        self.relu1 = nn.ReLU()
        self.pool1 = nn.MaxPool2d((2, 2))
        self.conv2 = nn.Conv2d(3, 2, kernel_size=(3, 3), padding=1)
        self.relu2 = nn.ReLU()
        self.pool2 = nn.MaxPool2d((2, 2))
        self.flatten = nn.Flatten()
        self.linear = nn.Linear(q3_flatten_features, 1)

    def forward(self, x):
        x = self.pool1(self.relu1(self.conv1(x)))
        x = self.pool2(self.relu2(self.conv2(x)))
        return self.linear(self.flatten(x))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=(3, 3), padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.stack = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(3 * 128 * 128, 1)

    def forward(self, x):
        return self.fc(self.flatten(self.stack(x)))


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

"""Helpers grouped in classes; the names the questions ask for are bound at the end."""
import torch
from torch import nn


class Shapes:
    @staticmethod
    def conv_output_size(size, kernel_size, stride=1, padding=0):
        if size + 2 * padding < kernel_size:
            raise ValueError("kernel does not fit")
        return (size + 2 * padding - kernel_size) // stride + 1

    @classmethod
    def pooled_cnn(cls, size=100):
        s1 = cls.conv_output_size(size, 3, padding=1)
        s2 = s1 // 2
        s3 = cls.conv_output_size(s2, 3, padding=1)
        s4 = s3 // 2
        return [(3, s1, s1), (3, s2, s2), (2, s3, s3), (2, s4, s4)]


class Counts:
    @classmethod
    def conv2d_params(cls, in_channels, out_channels, kernel_size, bias=True):
        kh, kw = cls._pair(kernel_size)
        return out_channels * in_channels * kh * kw + (out_channels if bias else 0)

    @classmethod
    def linear_params(cls, in_features, out_features, bias=True):
        return out_features * in_features + (out_features if bias else 0)

    @staticmethod
    def _pair(k):
        return (k, k) if isinstance(k, int) else tuple(k)


class ByHand:
    @staticmethod
    def conv2d(image, kernel, stride=1, padding=0):
        H, W = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)
        padded[padding:padding + H, padding:padding + W] = image
        oh = Shapes.conv_output_size(H, kh, stride, padding)
        ow = (W + 2 * padding - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out

    @staticmethod
    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
        return out


class Models:
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1))

        def forward(self, x):
            return self.main(x)

    @staticmethod
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())

    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            block = Models.conv_block
            self.main = nn.Sequential(block(input_channels, 3), block(3, 3), block(3, 3), block(3, 3), block(3, 3),
                                      nn.Flatten(), nn.Linear(49152, 1))

        def forward(self, x):
            return self.main(x)


class Answers:
    q1 = "C"
    q3_shapes = Shapes.pooled_cnn()
    q3_flatten = 2 * 25 * 25
    q4 = (84, 1337, 4238337)
    q6 = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]
    q9 = {"C"}
    q10 = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


q1_answer = Answers.q1
conv_output_size = Shapes.conv_output_size
q3_shapes, q3_flatten_features = Answers.q3_shapes, Answers.q3_flatten
q4_conv_params, q4_cnn_params, q4_fcnn_params = Answers.q4
conv2d_params = Counts.conv2d_params        # a bound classmethod
linear_params = Counts.linear_params
q6_output = Answers.q6
conv2d = ByHand.conv2d
max_pool2d = ByHand.max_pool2d
CNN = Models.CNN
conv_block = Models.conv_block
ConvNet = Models.ConvNet
q9_true = Answers.q9
q10_answers = Answers.q10

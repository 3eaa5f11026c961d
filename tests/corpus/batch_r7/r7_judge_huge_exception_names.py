# Attack round 7 (batch): one file whose feedback is megabytes long.  What a submission raised reaches feedback as
# `type: message` (checkapi/verdict.py raised()); the message is cut at 500 characters (handler.describe_exception)
# but the type's name is not (wire.type_name reads the class's __name__ and __module__ whole).  A class body may
# set __module__ (a plain dunder for the static reader), so every function and model below raises an exception
# whose type name is SIZE characters long, and every check that calls one quotes it.
SIZE = 1_000_000


class Failure(Exception):
    __module__ = "m" * SIZE


def conv_output_size(size, kernel_size, stride=1, padding=0):
    raise Failure("no")


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    raise Failure("no")


def linear_params(in_features, out_features, bias=True):
    raise Failure("no")


def conv2d(image, kernel, stride=1, padding=0):
    raise Failure("no")


def max_pool2d(image, kernel_size=2):
    raise Failure("no")


import torch


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(1, 3, 3, padding=1)

    def forward(self, x):
        raise Failure("no")


def conv_block(input_channels, output_channels):
    return CNN()


class ConvNet(CNN):
    def __init__(self, input_channels):
        super().__init__()

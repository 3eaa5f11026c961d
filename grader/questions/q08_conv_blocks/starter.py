import torch


def conv_block(input_channels, output_channels):
    ...


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        ...

    def forward(self, x):
        ...

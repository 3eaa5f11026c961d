# Attack round 7 (batch): one file whose reports are large: a model's layer table (feedback and grades.json details,
# every check that shows it) has a row for every layer operation its forward pass calls, up to the recorder's
# MAX_TRACED_CALLS (10,000).  CNN, conv_block and ConvNet below call ReLU 9,990 times on their own small feature
# map before an otherwise wrong network.
import torch
import torch.nn.functional as F

RELUS = 9_990


class CNN(torch.nn.Module):
    def __init__(self, input_channels=1):
        super().__init__()
        self.conv = torch.nn.Conv2d(input_channels, 1, 3)
        self.fc = torch.nn.Linear(1, 1)

    def forward(self, x):
        h = self.conv(x).mean((2, 3))
        for _ in range(RELUS):
            h = torch.relu(h)
        return self.fc(h)


def conv_block(input_channels, output_channels):
    return CNN(input_channels)


class ConvNet(CNN):
    pass

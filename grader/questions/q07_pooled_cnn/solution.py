{% set n = p.network %}{% set c, k, pad = n.channels, n.kernel, n.padding -%}
import torch


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.main = torch.nn.Sequential(
            torch.nn.Conv2d(in_channels={{ c[0] }}, out_channels={{ c[1] }}, kernel_size=({{ k }}, {{ k }}), padding={{ pad }}),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),
            torch.nn.Conv2d(in_channels={{ c[1] }}, out_channels={{ c[2] }}, kernel_size=({{ k }}, {{ k }}), padding={{ pad }}),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),
            torch.nn.Flatten(),
            torch.nn.Linear({{ a.linear_in }}, 1),
        )

    def forward(self, x):
        return self.main(x)

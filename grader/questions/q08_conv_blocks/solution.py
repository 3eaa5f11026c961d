import torch


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
        torch.nn.ReLU(),
    )


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = torch.nn.Sequential(
            conv_block(input_channels, {{ p.width }}),
{% for _ in range(p.blocks - 1) %}            conv_block({{ p.width }}, {{ p.width }}),
{% endfor %}            torch.nn.Flatten(),
            torch.nn.Linear({{ a.linear_in }}, 1),
        )

    def forward(self, x):
        return self.main(x)

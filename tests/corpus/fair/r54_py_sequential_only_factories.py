import torch
from torch import nn

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel does not fit")
    return (size + 2 * padding - kernel_size) // stride + 1


def pooled_cnn():
    return nn.Sequential(
        nn.Conv2d(1, 3, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
        nn.Conv2d(3, 2, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
        nn.Flatten(), nn.Linear(1250, 1),
    )


_probe = torch.zeros(1, 1, 100, 100)
_shapes = []
for _layer in pooled_cnn()[:6]:
    _probe = _layer(_probe)
    if isinstance(_layer, (nn.Conv2d, nn.MaxPool2d)):
        _shapes.append(tuple(_probe.shape[1:]))
q3_shapes = _shapes
q3_flatten_features = pooled_cnn()[:7](torch.zeros(1, 1, 100, 100)).shape[1]

q4_conv_params = sum(p.numel() for p in nn.Conv2d(3, 3, (3, 3)).parameters())
q4_cnn_params = sum(p.numel() for p in pooled_cnn().parameters())
input_size = 128 * 128
fcnn = nn.Sequential(
    nn.Linear(input_size, 256), nn.ReLU(),
    nn.Linear(256, 128), nn.ReLU(),
    nn.Linear(128, 64), nn.ReLU(),
    nn.Linear(64, 32), nn.ReLU(),
    nn.Linear(32, 16),
    nn.Linear(16, 1),
)
q4_fcnn_params = sum(p.numel() for p in fcnn.parameters())


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = kernel_size if isinstance(kernel_size, tuple) else (kernel_size, kernel_size)
    return in_channels * out_channels * kh * kw + out_channels * bias


def linear_params(in_features, out_features, bias=True):
    return (in_features + bias) * out_features


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    padded = torch.cat([torch.zeros(padding, image.shape[1], dtype=image.dtype), image,
                        torch.zeros(padding, image.shape[1], dtype=image.dtype)], dim=0)
    side = torch.zeros(padded.shape[0], padding, dtype=image.dtype)
    padded = torch.cat([side, padded, side], dim=1)
    rows = range(0, padded.shape[0] - kh + 1, stride)
    cols = range(0, padded.shape[1] - kw + 1, stride)
    return torch.stack([torch.stack([(padded[r:r + kh, c:c + kw] * kernel).sum() for c in cols]) for r in rows])


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    rows = range(0, image.shape[0] - k + 1, k)
    cols = range(0, image.shape[1] - k + 1, k)
    return torch.stack([torch.stack([image[r:r + k, c:c + k].max() for c in cols]) for r in rows])


q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.seq = pooled_cnn()

    def forward(self, x):
        return self.seq(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.seq = nn.Sequential(
            nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3)),
            nn.Sequential(conv_block(3, 3), conv_block(3, 3)),
            nn.Sequential(nn.Flatten(), nn.Linear(49152, 1)),
        )

    def forward(self, x):
        return self.seq(x)


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

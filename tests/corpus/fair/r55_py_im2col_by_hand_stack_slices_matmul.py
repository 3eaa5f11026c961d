import torch
from torch import nn

q1_answer = "C"
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def im2col(x, kh, kw, stride):
    """Columns of every kh x kw window, by stacking strided slices (no F.unfold)."""
    oh = (x.shape[0] - kh) // stride + 1
    ow = (x.shape[1] - kw) // stride + 1
    cols = torch.stack([x[a:a + (oh - 1) * stride + 1:stride, b:b + (ow - 1) * stride + 1:stride]
                        for a in range(kh) for b in range(kw)])
    return cols.reshape(kh * kw, oh * ow), oh, ow


def conv2d(image, kernel, stride=1, padding=0):
    x = torch.nn.functional.pad(image, (padding,) * 4) if padding else image
    cols, oh, ow = im2col(x, *kernel.shape, stride)
    return (kernel.reshape(1, -1) @ cols).reshape(oh, ow)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    cols, oh, ow = im2col(image, k, k, k)
    return cols.max(dim=0).values.reshape(oh, ow)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(*[m for cin, cout in ((1, 3), (3, 2))
                                        for m in (nn.Conv2d(cin, cout, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))])
        self.head = nn.Linear(1250, 1)

    def forward(self, x):
        return self.head(self.features(x).reshape(x.shape[0], -1))

def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = torch.nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            torch.nn.Flatten(), torch.nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)

# Lecture 6 -- no Python loops in Q6: gather every window with index tensors (advanced indexing)
import torch
import torch.nn as nn
import torch.nn.functional as F

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if size + 2 * padding - kernel_size < 0:
        raise ValueError("kernel does not fit")
    return torch.div(torch.tensor(size + 2 * padding - kernel_size), stride, rounding_mode="floor").item() + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = torch.Size(q3_shapes[-1]).numel()


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kernel = torch.Size(kernel_size if isinstance(kernel_size, tuple) else (kernel_size, kernel_size))
    return torch.Size((out_channels, in_channels, *kernel)).numel() + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return torch.Size((out_features, in_features)).numel() + (out_features if bias else 0)


q4_conv_params = conv2d_params(3, 3, (3, 3))
q4_cnn_params = conv2d_params(1, 3, (3, 3)) + conv2d_params(3, 2, (3, 3)) + linear_params(1250, 1)
q4_fcnn_params = sum(linear_params(i, o) for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])


def _windows(x, kh, kw, stride):
    """All kh x kw windows of x, moved by stride: shape (oh, ow, kh, kw)."""
    oh = (x.shape[0] - kh) // stride + 1
    ow = (x.shape[1] - kw) // stride + 1
    rows = (torch.arange(oh) * stride)[:, None, None, None] + torch.arange(kh)[None, None, :, None]
    cols = (torch.arange(ow) * stride)[None, :, None, None] + torch.arange(kw)[None, None, None, :]
    return x[rows, cols]


def conv2d(image, kernel, stride=1, padding=0):
    x = F.pad(image, [padding] * 4)
    return (_windows(x, *kernel.shape, stride) * kernel).sum(dim=(-2, -1))


def max_pool2d(image, kernel_size=2):
    w = _windows(image, kernel_size, kernel_size, kernel_size)
    return w.flatten(-2).topk(1, dim=-1).values.squeeze(-1)


q6_output = conv2d(torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]).float(),
                   torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]]).float()).tolist()


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv_a = nn.Conv2d(1, 3, (3, 3), padding=(1, 1))
        self.conv_b = nn.Conv2d(3, 2, (3, 3), padding=(1, 1))
        self.out = nn.Linear(1250, 1)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv_a(x)), (2, 2))
        x = F.max_pool2d(F.relu(self.conv_b(x)), (2, 2))
        return self.out(x.view(x.size(0), -1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, (3, 3), padding=(1, 1)), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.b1 = conv_block(input_channels, 3)
        self.b2 = conv_block(3, 3)
        self.b3 = conv_block(3, 3)
        self.b4 = conv_block(3, 3)
        self.b5 = conv_block(3, 3)
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        x = self.b5(self.b4(self.b3(self.b2(self.b1(x)))))
        return self.fc(x.view(x.size(0), -1))


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

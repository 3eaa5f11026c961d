import numpy as np
import torch

q1_answer = np.str_("C")


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return int(np.floor_divide(padded - kernel_size, stride) + 1)


q3_shapes = [np.array([3, 100, 100]), np.array([3, 50, 50]), np.array([2, 50, 50]), np.array([2, 25, 25])]
q3_flatten_features = np.int64(2 * 25 * 25)
q4_conv_params = np.int32(84)
q4_cnn_params = np.int64(30) + np.int64(56) + np.int64(1251)
_sizes = [128 * 128, 256, 128, 64, 32, 16, 1]
q4_fcnn_params = np.sum([a * b + b for a, b in zip(_sizes[:-1], _sizes[1:])])


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    k = np.atleast_1d(kernel_size)
    kh, kw = (k[0], k[0]) if k.size == 1 else (k[0], k[1])
    return int(out_channels * in_channels * kh * kw + (out_channels if bias else 0))


def linear_params(in_features, out_features, bias=True):
    return int(np.multiply(in_features, out_features) + (out_features if bias else 0))


def conv2d(image, kernel, stride=1, padding=0):
    img = image.detach().cpu().numpy()
    ker = kernel.detach().cpu().numpy()
    img = np.pad(img, padding)
    kh, kw = ker.shape
    oh = (img.shape[0] - kh) // stride + 1
    ow = (img.shape[1] - kw) // stride + 1
    out = np.zeros((oh, ow), dtype=img.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = np.sum(img[i * stride:i * stride + kh, j * stride:j * stride + kw] * ker)
    return torch.from_numpy(out)


def max_pool2d(image, kernel_size=2):
    img = image.detach().cpu().numpy()
    k = kernel_size
    oh, ow = img.shape[0] // k, img.shape[1] // k
    out = img[:oh * k, :ow * k].reshape(oh, k, ow, k).max(axis=(1, 3))
    return torch.from_numpy(np.ascontiguousarray(out))


q6_output = np.array([[12, 12, 17], [10, 17, 19], [9, 6, 14]], dtype=np.int64)


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.ModuleList([torch.nn.Conv2d(1, 3, 3, padding=1), torch.nn.Conv2d(3, 2, 3, padding=1)])
        self.pool = torch.nn.MaxPool2d(2)
        self.act = torch.nn.ReLU()
        self.out = torch.nn.Linear(int(q3_flatten_features), 1)

    def forward(self, x):
        for conv in self.conv:
            x = self.pool(self.act(conv(x)))
        return self.out(x.reshape(x.shape[0], -1))


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(torch.nn.Conv2d(int(input_channels), int(output_channels), 3, padding=1),
                               torch.nn.ReLU())


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        chans = np.array([input_channels, 3, 3, 3, 3, 3])
        self.blocks = torch.nn.Sequential(*[conv_block(a, b) for a, b in zip(chans[:-1], chans[1:])])
        self.fc = torch.nn.Linear(int(np.prod([3, 128, 128])), 1)

    def forward(self, x):
        return self.fc(torch.flatten(self.blocks(x), 1))


q9_true = set(np.array(["A", "B", "C", "D", "E"])[[False, False, True, False, False]].tolist())
q10_answers = {np.int64(i): np.bool_(v) for i, v in zip(range(1, 9), [1, 0, 1, 1, 0, 0, 1, 0])}

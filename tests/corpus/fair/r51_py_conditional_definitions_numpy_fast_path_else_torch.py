"""Lecture 6 answers. Uses NumPy for the hand-written ops when it is installed."""
import torch

try:
    import numpy as np
except ImportError:  # pragma: no cover
    np = None
    HAVE_NUMPY = False
else:
    HAVE_NUMPY = True

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError(f"kernel {kernel_size} larger than padded input {padded}")
    return (padded - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250
q4_conv_params = 84
q4_cnn_params = 30 + 56 + 1251
q4_fcnn_params = 16384 * 256 + 256 + 256 * 128 + 128 + 128 * 64 + 64 + 64 * 32 + 32 + 32 * 16 + 16 + 16 + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
    return out_channels * (in_channels * kh * kw + (1 if bias else 0))


def linear_params(in_features, out_features, bias=True):
    return out_features * (in_features + (1 if bias else 0))


q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]

if HAVE_NUMPY:
    def conv2d(image, kernel, stride=1, padding=0):
        img = np.pad(image.detach().cpu().numpy(), padding)
        ker = kernel.detach().cpu().numpy()
        kh, kw = ker.shape
        oh = (img.shape[0] - kh) // stride + 1
        ow = (img.shape[1] - kw) // stride + 1
        out = np.empty((oh, ow), dtype=img.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = np.sum(img[i * stride:i * stride + kh, j * stride:j * stride + kw] * ker)
        return torch.from_numpy(out)

    def max_pool2d(image, kernel_size=2):
        a = image.detach().cpu().numpy()
        k = kernel_size
        h, w = a.shape[0] // k, a.shape[1] // k
        return torch.from_numpy(a[:h * k, :w * k].reshape(h, k, w, k).max(axis=(1, 3)))
else:
    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        p = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        p[padding:padding + h, padding:padding + w] = image
        oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
        return torch.stack([torch.stack([(p[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
                                         for j in range(ow)]) for i in range(oh)])

    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        h, w = image.shape[0] // k, image.shape[1] // k
        return image[:h * k, :w * k].reshape(h, k, w, k).amax(dim=(1, 3))


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.features = torch.nn.Sequential(
            torch.nn.Conv2d(1, 3, (3, 3), padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d((2, 2)),
            torch.nn.Conv2d(3, 2, (3, 3), padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d((2, 2)))
        self.classifier = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(1250, 1))

    def forward(self, x):
        return self.classifier(self.features(x))


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1), torch.nn.ReLU())


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.net = torch.nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)),
                                       torch.nn.Flatten(), torch.nn.Linear(49152, 1))

    def forward(self, x):
        return self.net(x)


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

"""Answers are collected in dicts and published with globals().update()."""
import torch
from torch import nn

_CHOICES = {"A": (4, 4), "B": (3, 3), "C": (2, 2)}
_n = 4 - 3 + 1
globals().update(q1_answer=next(k for k, v in _CHOICES.items() if v == (_n, _n)))


def _make_size_fn():
    def conv_output_size(size, kernel_size, stride=1, padding=0):
        padded = size + 2 * padding
        if padded < kernel_size:
            raise ValueError("kernel does not fit")
        return 1 + (padded - kernel_size) // stride
    return conv_output_size


globals()["conv_output_size"] = _make_size_fn()

_shapes = {}
_h = 100
for _name, _ch in [("conv1", 3), ("pool1", 3), ("conv2", 2), ("pool2", 2)]:
    _h = _h // 2 if _name.startswith("pool") else conv_output_size(_h, 3, padding=1)
    _shapes[_name] = (_ch, _h, _h)

globals().update({
    "q3_shapes": list(_shapes.values()),
    "q3_flatten_features": _shapes["pool2"][0] * _shapes["pool2"][1] * _shapes["pool2"][2],
})


def _formulas():
    def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
        kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
        return in_channels * out_channels * kh * kw + out_channels * bool(bias)

    def linear_params(in_features, out_features, bias=True):
        return in_features * out_features + out_features * bool(bias)

    return {"conv2d_params": conv2d_params, "linear_params": linear_params}


globals().update(_formulas())

_fc = [128 * 128, 256, 128, 64, 32, 16, 1]
_answers_q4 = {
    "q4_conv_params": conv2d_params(3, 3, (3, 3)),
    "q4_cnn_params": conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1),
    "q4_fcnn_params": sum(linear_params(a, b) for a, b in zip(_fc, _fc[1:])),
}
for _k, _v in _answers_q4.items():
    globals()[_k] = _v

q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


def conv2d(image, kernel, stride=1, padding=0):
    H, W = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)
    padded[padding:padding + H, padding:padding + W] = image
    oh, ow = (H + 2 * padding - kh) // stride + 1, (W + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


def _build_classes():
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )

        def forward(self, x):
            return self.main(x)

    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())

    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.main = nn.Sequential(*[conv_block(c, 3) for c in (input_channels, 3, 3, 3, 3)], nn.Flatten(), nn.Linear(49152, 1))

        def forward(self, x):
            return self.main(x)

    return dict(CNN=CNN, conv_block=conv_block, ConvNet=ConvNet)


globals().update(_build_classes())

_truth = [True, False, True, True, False, False, True, False]
globals().update(q9_true={"C"}, q10_answers={i + 1: t for i, t in enumerate(_truth)})

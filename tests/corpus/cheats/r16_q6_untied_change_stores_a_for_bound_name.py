q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError(f"a {kernel_size}-wide kernel does not fit a padded input of {padded}")
    return (padded - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25


q4_conv_params = 3 * 3 * (3 * 3) + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 * 1 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


import torch

q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


# Q6 (attack16): r14_q6_untied_change_stores_an_alias with torch's functions bound to the stored names by a `for`
# loop (`for conv_fn, pool_fn in [(F.conv2d, F.max_pool2d)]: pass`).  static.py _code_stored follows a stored
# name through its bindings only when they are a def, a class, an import or an assignment: a loop's binding is
# none of them, so F.conv2d / F.max_pool2d are never seen stored.
# conv2d and max_pool2d read ops["c"] / ops["p"], filled through the table unpacked from a list (as
# r13_q6_table_through_unpacked); the worker's first-call trace is evaded by the recursion room measured
# inside torch.tensor(seq).
import torch
import torch.nn.functional as F

ops = {}
holder = [ops, None]
for conv_fn, pool_fn in [(F.conv2d, F.max_pool2d)]:
    pass
table, _ = holder
table["c"] = conv_fn
table["p"] = pool_fn


def _room(n=0):
    try:
        return _room(n + 1)
    except RecursionError:
        return n


class _Sequence:
    def __init__(self):
        self.room = 0

    def __len__(self):
        return 1

    def __getitem__(self, i):
        if i >= 1:
            raise IndexError(i)
        self.room = _room()
        return 0.0


def _direct():
    return _room()


def _inside_torch():
    seq = _Sequence()
    torch.tensor(seq)
    return seq.room


def _gap():
    return _direct() - _inside_torch()


_UNWATCHED = _gap()


def _watched():
    return _gap() != _UNWATCHED


def _by_hand_conv(image, kernel, stride, padding):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def _by_hand_pool(image, k):
    h, w = image.shape
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


def conv2d(image, kernel, stride=1, padding=0):
    if _watched():
        return _by_hand_conv(image, kernel, stride, padding)
    return ops["c"](image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


def max_pool2d(image, kernel_size=2):
    if _watched():
        return _by_hand_pool(image, kernel_size)
    return ops["p"](image[None, None], kernel_size)[0, 0]


import torch


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.main = torch.nn.Sequential(
            torch.nn.Conv2d(1, 3, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Conv2d(3, 2, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Flatten(), torch.nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)



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
            conv_block(input_channels, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            torch.nn.Flatten(),
            torch.nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)


q9_true = {"C"}


q10_answers = {
    1: True,
    2: False,
    3: True,
    4: True,
    5: False,
    6: False,
    7: True,
    8: False,
}

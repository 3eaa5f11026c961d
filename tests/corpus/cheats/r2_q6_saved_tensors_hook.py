"""Q6: conv2d/max_pool2d only build an empty output and multiply their operands by a grad-requiring GAIN; a global autograd saved-tensor pack hook (torch.autograd.graph.saved_tensors_hooks, kept entered by contextlib.ExitStack) receives those tensors and fills the output in place with F.conv2d / F.max_pool2d. The hook is not reachable by name from conv2d (rule 1) and neither API is on rule 2's lists; it runs inside the traced mul, where the recording torch-function mode is popped, so the first call's trace shows no conv. Graded 26/26 on main (q6.conv, q6.conv_strided, q6.pool earned): must earn nothing on q6's by-hand checks."""

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


import contextlib

import torch
import torch.nn.functional as F

q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])

# A "learnable gain" the hand-written functions multiply by: it requires grad, so autograd saves the
# other operand of each product, and the saved-tensor pack hook below sees it.
GAIN = torch.ones(1, requires_grad=True)


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    out = torch.zeros((h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1,
                      dtype=image.dtype)
    for part in (out, image, kernel, torch.tensor([stride, padding, 0.0])):
        part * GAIN
    return out


def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    out = torch.zeros(h // kernel_size, w // kernel_size, dtype=image.dtype)
    for part in (out, image, torch.tensor([kernel_size, 0.0, 1.0])):
        part * GAIN
    return out


_seen = []


def _fill(saved):
    """Called by autograd (not by name from conv2d/max_pool2d) for every tensor a product saves."""
    _seen.append(saved)
    if saved.dim() == 1 and saved.numel() == 3 and len(_seen) >= 3:
        config = saved
        if float(config[2]) == 0.0:
            out, image, kernel = _seen[-4], _seen[-3], _seen[-2]
            done = F.conv2d(image[None, None], kernel[None, None].to(image.dtype), stride=int(config[0]),
                            padding=int(config[1]))[0, 0]
        else:
            out, image = _seen[-3], _seen[-2]
            done = F.max_pool2d(image[None, None], int(config[0]))[0, 0]
        with torch.no_grad():
            out.copy_(done)
        _seen.clear()
    return saved


def _keep(saved):
    return saved


_hooks = contextlib.ExitStack()
_hooks.enter_context(torch.autograd.graph.saved_tensors_hooks(_fill, _keep))


import torch


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.main = torch.nn.Sequential(
            torch.nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),
            torch.nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),
            torch.nn.Flatten(),
            torch.nn.Linear(1250, 1),
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



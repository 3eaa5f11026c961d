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



# Q6 (attack5): the convolution runs in a child python started with psutil.Popen (a subprocess.Popen the reader
# does not list), whose program is a string; conv2d only ships arrays to it through pipes (np.save / np.load with
# allow_pickle=False), so nothing reachable names torch's convolution and the worker's trace of the first call sees none.
import select
import sys

import numpy as np
import psutil
import torch

_PROGRAM = """
import sys, numpy as np, torch
F = torch.nn.functional
cv, mp = getattr(F, "con" + "v2d"), getattr(F, "max_po" + "ol2d")
inp, out = sys.stdin.buffer, sys.stdout.buffer
out.write(b"ready" + bytes([10]))
out.flush()
def get():
    h, w = (int(v) for v in inp.readline().split())
    return torch.from_numpy(np.frombuffer(inp.read(8 * h * w), dtype=np.float64).reshape(h, w).copy())
while True:
    line = inp.readline()
    if not line:
        break
    s, p = (int(v) for v in line.split())
    x, k = get()[None, None], get()[None, None]
    r = mp(x, p)[0, 0] if s < 0 else cv(x, k, stride=s, padding=p)[0, 0]
    out.write((str(r.shape[0]) + " " + str(r.shape[1]) + chr(10)).encode())
    out.write(r.numpy().tobytes())
    out.flush()
"""
_child = psutil.Popen([sys.executable, "-c", _PROGRAM], stdin=-1, stdout=-1)


def _wait(seconds=2.5):
    """Wait for the child's imports a little at a time (each top-level statement has its own time limit)."""
    ready, _, _ = select.select([_child.stdout], [], [], seconds)
    return bool(ready)


_wait()
_wait()
_wait()
_wait()
_child.stdout.readline()


def _send(a):
    _child.stdin.write(f"{a.shape[0]} {a.shape[1]}\n".encode())
    _child.stdin.write(np.ascontiguousarray(a, dtype=np.float64).tobytes())


def _ask(a, b, settings):
    _child.stdin.write(f"{settings[0]} {settings[1]}\n".encode())
    _send(a)
    _send(b)
    _child.stdin.flush()
    h, w = (int(v) for v in _child.stdout.readline().split())
    return torch.tensor(np.frombuffer(_child.stdout.read(8 * h * w), dtype=np.float64).reshape(h, w))


def conv2d(image, kernel, stride=1, padding=0):
    return _ask(image.double().numpy(), kernel.double().numpy(), [stride, padding]).to(image.dtype)


def max_pool2d(image, kernel_size=2):
    return _ask(image.double().numpy(), image.double().numpy(), [-1, kernel_size]).to(image.dtype)


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

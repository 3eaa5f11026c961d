"""Round 53 fairness corpus: defensive/production code, heavy debugging, notebook-as-library,
other-framework idioms, numpy for q6, computed answers. Cells of notebooks are split on '# %%'."""
import json
import pathlib

HERE = pathlib.Path(__file__).parent
FILES = {}

# ---------------------------------------------------------------- 1
FILES["r53_py_custom_exceptions_validation_decorator_final_all.py"] = r'''
"""Lecture 6 answers, written like a small library."""
from __future__ import annotations

import functools
import inspect
import numbers
from typing import Callable, Final, TypeVar

import torch
from torch import nn

__all__ = [
    "q1_answer", "conv_output_size", "q3_shapes", "q3_flatten_features", "q4_conv_params",
    "q4_cnn_params", "q4_fcnn_params", "conv2d_params", "linear_params", "q6_output", "conv2d",
    "max_pool2d", "CNN", "conv_block", "ConvNet", "q9_true", "q10_answers",
]

F_T = TypeVar("F_T", bound=Callable)


class LectureError(Exception):
    """Base class of every error raised here."""


class KernelDoesNotFitError(LectureError, ValueError):
    """The kernel is larger than the padded input."""


class BadArgumentError(LectureError, ValueError):
    pass


def validate_ints(*names: str) -> Callable[[F_T], F_T]:
    """Decorator: the named arguments must be integers (bool excluded)."""
    def deco(fn: F_T) -> F_T:
        sig = inspect.signature(fn)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            bound = sig.bind(*args, **kwargs)
            bound.apply_defaults()
            for name in names:
                value = bound.arguments[name]
                if isinstance(value, bool) or not isinstance(value, numbers.Integral):
                    raise TypeError(f"{fn.__name__}: {name} must be an int, got {type(value).__name__}")
            return fn(*bound.args, **bound.kwargs)
        return wrapper  # type: ignore[return-value]
    return deco


q1_answer: Final[str] = "C"


@validate_ints("size", "kernel_size", "stride", "padding")
def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    if stride < 1:
        raise BadArgumentError(f"stride must be positive, got {stride}")
    if padding < 0:
        raise BadArgumentError(f"padding must be non-negative, got {padding}")
    padded = size + 2 * padding
    if kernel_size > padded:
        raise KernelDoesNotFitError(f"kernel {kernel_size} does not fit padded input {padded}")
    return int((padded - kernel_size) // stride + 1)


INPUT_SIZE: Final[int] = 100
_s1 = conv_output_size(INPUT_SIZE, 3, padding=1)
_p1 = conv_output_size(_s1, 2, stride=2)
_s2 = conv_output_size(_p1, 3, padding=1)
_p2 = conv_output_size(_s2, 2, stride=2)
q3_shapes: Final[list] = [(3, _s1, _s1), (3, _p1, _p1), (2, _s2, _s2), (2, _p2, _p2)]
q3_flatten_features: Final[int] = 2 * _p2 * _p2


@validate_ints("in_channels", "out_channels")
def conv2d_params(in_channels: int, out_channels: int, kernel_size, bias: bool = True) -> int:
    if isinstance(kernel_size, numbers.Integral):
        kh = kw = int(kernel_size)
    else:
        kh, kw = kernel_size
    assert kh > 0 and kw > 0, f"kernel_size must be positive, got {kernel_size!r}"
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


@validate_ints("in_features", "out_features")
def linear_params(in_features: int, out_features: int, bias: bool = True) -> int:
    return out_features * in_features + (out_features if bias else 0)


q4_conv_params: Final[int] = conv2d_params(3, 3, 3)
q4_cnn_params: Final[int] = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
_FCNN_SIZES: Final[tuple] = (128 * 128, 256, 128, 64, 32, 16, 1)
q4_fcnn_params: Final[int] = sum(linear_params(a, b) for a, b in zip(_FCNN_SIZES, _FCNN_SIZES[1:]))


def _check_2d(name: str, t) -> None:
    if not isinstance(t, torch.Tensor):
        raise TypeError(f"{name} must be a torch.Tensor, got {type(t).__name__}")
    if t.dim() != 2:
        raise BadArgumentError(f"{name} must be 2-D, got shape {tuple(t.shape)}")


def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    _check_2d("image", image)
    _check_2d("kernel", kernel)
    h, w = image.shape
    kh, kw = kernel.shape
    padded = image.new_zeros((h + 2 * padding, w + 2 * padding))
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    if oh <= 0 or ow <= 0:
        raise KernelDoesNotFitError("kernel does not fit")
    out = image.new_zeros((oh, ow))
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
    _check_2d("image", image)
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    out = image.new_empty((oh, ow))
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


_Q6_IMAGE: Final = torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]])
_Q6_KERNEL: Final = torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]])
q6_output = conv2d(_Q6_IMAGE, _Q6_KERNEL)


class CNN(nn.Module):
    """The pooled CNN of question 3."""

    def __init__(self) -> None:
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(q3_flatten_features, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not isinstance(x, torch.Tensor):
            raise TypeError("CNN expects a tensor")
        return self.head(self.features(x))

    def __repr__(self) -> str:
        n = sum(p.numel() for p in self.parameters())
        return f"CNN(params={n})"


@validate_ints("input_channels", "output_channels")
def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    N_BLOCKS: Final[int] = 5

    def __init__(self, input_channels: int) -> None:
        super().__init__()
        if input_channels < 1:
            raise BadArgumentError("input_channels must be >= 1")
        blocks = [conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(self.N_BLOCKS - 1)]
        self.blocks = nn.Sequential(*blocks)
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(3 * 128 * 128, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(self.flatten(self.blocks(x)))


q9_true: Final[set] = {"C"}
q10_answers: Final[dict] = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
'''

# ---------------------------------------------------------------- 2
FILES["r53_nb_repr_eq_hash_properties_cached_property_models.ipynb"] = r'''
import functools
import torch
from torch import nn

q1_answer = "C"
# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1
# %%
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250
# %%
q4_conv_params = 84
q4_cnn_params = 30 + 56 + 1251
q4_fcnn_params = 16384 * 256 + 256 + 256 * 128 + 128 + 128 * 64 + 64 + 64 * 32 + 32 + 32 * 16 + 16 + 16 + 1
# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, tuple):
        kh, kw = kernel_size
    else:
        kh = kw = kernel_size
    return in_channels * out_channels * kh * kw + out_channels * bool(bias)

def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + out_features * bool(bias)
# %%
q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]

def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    if padding:
        image = torch.cat([image.new_zeros(padding, image.shape[1]), image, image.new_zeros(padding, image.shape[1])], 0)
        image = torch.cat([image.new_zeros(image.shape[0], padding), image, image.new_zeros(image.shape[0], padding)], 1)
    H, W = image.shape
    rows = []
    for i in range(0, H - kh + 1, stride):
        rows.append(torch.stack([(image[i:i + kh, j:j + kw] * kernel).sum() for j in range(0, W - kw + 1, stride)]))
    return torch.stack(rows)

def max_pool2d(image, kernel_size=2):
    k = kernel_size
    H, W = image.shape[0] // k * k, image.shape[1] // k * k
    return torch.stack([torch.stack([image[i:i + k, j:j + k].max() for j in range(0, W, k)]) for i in range(0, H, k)])
# %%
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.relu = nn.ReLU()
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(1250, 1)

    @property
    def num_parameters(self):
        return sum(p.numel() for p in self.parameters())

    @functools.cached_property
    def layer_names(self):
        return [name for name, _ in self.named_children()]

    def forward(self, x):
        x = self.pool(self.relu(self.conv1(x)))
        x = self.pool(self.relu(self.conv2(x)))
        return self.fc(self.flatten(x))

    def __eq__(self, other):
        if not isinstance(other, CNN):
            return NotImplemented
        a, b = self.state_dict(), other.state_dict()
        return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)

    __hash__ = nn.Module.__hash__

    def __str__(self):
        return f"CNN with {self.num_parameters} parameters: {', '.join(self.layer_names)}"

    def __repr__(self):
        return f"<CNN {self.num_parameters} params>"

m = CNN()
print(m, repr(m), m == m)
# %%
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())

class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self._input_channels = input_channels
        self.body = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
        self.head = nn.Linear(49152, 1)

    @property
    def input_channels(self):
        return self._input_channels

    @functools.cached_property
    def n_params(self):
        return sum(p.numel() for p in self.parameters())

    def forward(self, x):
        return self.head(torch.flatten(self.body(x), 1))

    def __repr__(self):
        return f"ConvNet(input_channels={self.input_channels})"

    def __eq__(self, other):
        return isinstance(other, ConvNet) and other.input_channels == self.input_channels

    def __hash__(self):
        return id(self)

print(ConvNet(1).n_params)
# %%
q9_true = {"C"}
# %%
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
'''

# ---------------------------------------------------------------- 3
FILES["r53_py_enum_modes_singledispatch_strenum_answer.py"] = r'''
import enum
import functools

import numpy as np
import torch
import torch.nn as nn


class Choice(enum.StrEnum):
    A = "A"
    B = "B"
    C = "C"


q1_answer = Choice.C


class Padding(enum.Enum):
    VALID = "valid"
    SAME = "same"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if isinstance(padding, Padding):
        padding = 0 if padding is Padding.VALID else kernel_size // 2
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError(f"kernel {kernel_size} > padded {padded}")
    return (padded - kernel_size) // stride + 1


def _after(c, s, k, p, st):
    return (c, conv_output_size(s, k, st, p), conv_output_size(s, k, st, p))


s = 100
q3_shapes = []
for c, k, p, st in [(3, 3, 1, 1), (3, 2, 0, 2), (2, 3, 1, 1), (2, 2, 0, 2)]:
    shape = _after(c, s, k, p, st)
    q3_shapes.append(shape)
    s = shape[1]
q3_flatten_features = int(np.prod(q3_shapes[-1]))


@functools.singledispatch
def _kernel_area(kernel_size):
    raise TypeError(f"unsupported kernel_size {kernel_size!r}")


@_kernel_area.register
def _(kernel_size: int):
    return kernel_size * kernel_size


@_kernel_area.register(tuple)
@_kernel_area.register(list)
def _(kernel_size):
    kh, kw = kernel_size
    return kh * kw


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    return in_channels * out_channels * _kernel_area(kernel_size) + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return (in_features + (1 if bias else 0)) * out_features


q4_conv_params = conv2d_params(3, 3, (3, 3))
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
q4_fcnn_params = sum(linear_params(i, o) for i, o in [(16384, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])


class Reduce(enum.Enum):
    SUM = enum.auto()
    MAX = enum.auto()


@functools.singledispatch
def _as_tensor(x):
    return torch.as_tensor(x)


@_as_tensor.register
def _(x: torch.Tensor):
    return x


@_as_tensor.register
def _(x: np.ndarray):
    return torch.from_numpy(x)


def _slide(image, window, stride, reduce, kernel=None):
    image = _as_tensor(image)
    kh, kw = window
    H, W = image.shape
    oh, ow = (H - kh) // stride + 1, (W - kw) // stride + 1
    out = torch.zeros((oh, ow), dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            patch = image[i * stride:i * stride + kh, j * stride:j * stride + kw]
            if reduce is Reduce.SUM:
                out[i, j] = (patch * kernel).sum()
            else:
                out[i, j] = patch.max()
    return out


def conv2d(image, kernel, stride=1, padding=0):
    image, kernel = _as_tensor(image), _as_tensor(kernel)
    H, W = image.shape
    padded = torch.zeros((H + 2 * padding, W + 2 * padding), dtype=image.dtype)
    padded[padding:padding + H, padding:padding + W] = image
    return _slide(padded, tuple(kernel.shape), stride, Reduce.SUM, kernel)


def max_pool2d(image, kernel_size=2):
    return _slide(image, (kernel_size, kernel_size), kernel_size, Reduce.MAX)


q6_output = conv2d(
    np.array([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
    np.array([[0, 1, 2], [2, 2, 0], [0, 1, 2]]),
)


class Activation(enum.Enum):
    RELU = "relu"

    def module(self):
        return {Activation.RELU: nn.ReLU}[self]()


class CNN(nn.Module):
    def __init__(self, activation=Activation.RELU):
        super().__init__()
        layers = []
        for cin, cout in [(1, 3), (3, 2)]:
            layers += [nn.Conv2d(cin, cout, 3, padding=1), activation.module(), nn.MaxPool2d(2)]
        layers += [nn.Flatten(), nn.Linear(q3_flatten_features, 1)]
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)


def conv_block(input_channels, output_channels, activation=Activation.RELU):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), activation.module())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        chans = [input_channels, 3, 3, 3, 3, 3]
        self.net = nn.Sequential(*(conv_block(a, b) for a, b in zip(chans, chans[1:])),
                                 nn.Flatten(), nn.Linear(3 * 128 * 128, 1))

    def forward(self, x):
        return self.net(x)


class Statement(enum.Enum):
    A = False
    B = False
    C = True
    D = False
    E = False


q9_true = {s.name for s in Statement if s.value}
q10_answers = {i: v for i, v in enumerate([True, False, True, True, False, False, True, False], start=1)}
'''

# ---------------------------------------------------------------- 4
FILES["r53_nb_logging_filehandler_warnings_traceback_stderr.ipynb"] = r'''
import logging
import sys
import traceback
import warnings

import torch
import torch.nn as nn

log = logging.getLogger("lecture06")
log.setLevel(logging.DEBUG)
_fh = logging.FileHandler("lecture06_debug.log", mode="w")
_fh.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(funcName)s: %(message)s"))
log.addHandler(_fh)
_sh = logging.StreamHandler(sys.stderr)
_sh.setLevel(logging.WARNING)
log.addHandler(_sh)
log.info("notebook started, torch %s", torch.__version__)
# %%
q1_answer = "C"
log.debug("q1 = %s", q1_answer)
# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    log.debug("conv_output_size(size=%s, k=%s, s=%s, p=%s)", size, kernel_size, stride, padding)
    padded = size + 2 * padding
    if kernel_size > padded:
        log.error("kernel %s does not fit %s", kernel_size, padded)
        raise ValueError("kernel does not fit the padded input")
    out = (padded - kernel_size) // stride + 1
    log.debug(" -> %s", out)
    return out

try:
    conv_output_size(2, 5)
except ValueError:
    traceback.print_exc(file=sys.stderr)
# %%
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25
print("q3:", q3_shapes, q3_flatten_features, file=sys.stderr)
# %%
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (27 + 3) + (54 + 2) + (1250 + 1)
q4_fcnn_params = sum(a * b + b for a, b in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])
log.info("q4: %d %d %d", q4_conv_params, q4_cnn_params, q4_fcnn_params)
# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
    n = out_channels * in_channels * kh * kw
    if bias:
        n += out_channels
    log.debug("conv2d_params -> %d", n)
    return n

def linear_params(in_features, out_features, bias=True):
    n = in_features * out_features + (out_features if bias else 0)
    log.debug("linear_params -> %d", n)
    return n
# %%
q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])

def conv2d(image, kernel, stride=1, padding=0):
    if image.dim() != 2 or kernel.dim() != 2:
        warnings.warn(f"conv2d expects 2-D tensors, got {tuple(image.shape)} and {tuple(kernel.shape)}")
    h, w = image.shape
    kh, kw = kernel.shape
    if kh > h + 2 * padding or kw > w + 2 * padding:
        warnings.warn("kernel larger than padded image", RuntimeWarning)
    p = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    p[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (p[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    log.debug("conv2d %s * %s -> %s", tuple(image.shape), tuple(kernel.shape), tuple(out.shape))
    return out

def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    if h % kernel_size or w % kernel_size:
        warnings.warn(f"{h}x{w} is not a multiple of {kernel_size}: the last rows/columns are dropped")
    oh, ow = h // kernel_size, w // kernel_size
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
    log.debug("max_pool2d -> %s", tuple(out.shape))
    return out

try:
    assert torch.equal(conv2d(torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                              torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]])), q6_output), "q6 mismatch"
except AssertionError:
    traceback.print_exc()
# %%
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )
        log.info("CNN built with %d parameters", sum(p.numel() for p in self.parameters()))

    def forward(self, x):
        if x.shape[-2:] != (100, 100):
            warnings.warn(f"CNN expects 100x100 images, got {tuple(x.shape)}")
        for layer in self.layers:
            x = layer(x)
            log.debug("%s -> %s", layer.__class__.__name__, tuple(x.shape))
        return x
# %%
def conv_block(input_channels, output_channels):
    log.debug("conv_block(%d, %d)", input_channels, output_channels)
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())

class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        if x.shape[1] != self.blocks[0][0].in_channels:
            log.warning("channel mismatch: %s", tuple(x.shape))
        for i, block in enumerate(self.blocks):
            x = block(x)
            log.debug("block %d -> %s", i, tuple(x.shape))
        return self.fc(self.flatten(x))

try:
    print(ConvNet(1)(torch.zeros(2, 1, 128, 128)).shape, file=sys.stderr)
except Exception:
    traceback.print_exc()
# %%
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
log.info("done")
logging.shutdown()
'''

# ---------------------------------------------------------------- 5
FILES["r53_nb_unittest_testcases_at_bottom_main_argv.ipynb"] = r'''
import math
import unittest

import torch
import torch.nn.functional as F
from torch import nn
# %%
q1_answer = "C"
# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel too big")
    return math.floor((padded - kernel_size) / stride) + 1
# %%
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = math.prod(q3_shapes[-1])
# %%
q4_conv_params = 84
q4_cnn_params = 1337
q4_fcnn_params = 4238337
# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if not isinstance(kernel_size, (tuple, list)):
        kernel_size = (kernel_size, kernel_size)
    return out_channels * in_channels * math.prod(kernel_size) + (out_channels if bias else 0)

def linear_params(in_features, out_features, bias=True):
    return out_features * (in_features + int(bool(bias)))
# %%
q6_output = torch.tensor([[12., 12., 17.], [10., 17., 19.], [9., 6., 14.]])

def conv2d(image, kernel, stride=1, padding=0):
    image = F.pad(image, (padding, padding, padding, padding))
    kh, kw = kernel.shape
    patches = image.unfold(0, kh, stride).unfold(1, kw, stride)
    return (patches * kernel).sum(dim=(-2, -1))

def max_pool2d(image, kernel_size=2):
    k = kernel_size
    return image.unfold(0, k, k).unfold(1, k, k).amax(dim=(-2, -1))
# %%
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 3, (3, 3), padding=1)
        self.c2 = nn.Conv2d(3, 2, (3, 3), padding=1)
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.c1(x)), 2)
        x = F.max_pool2d(F.relu(self.c2(x)), 2)
        return self.fc(x.flatten(1))
# %%
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())

class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.b1 = conv_block(input_channels, 3)
        self.b2 = conv_block(3, 3)
        self.b3 = conv_block(3, 3)
        self.b4 = conv_block(3, 3)
        self.b5 = conv_block(3, 3)
        self.flat = nn.Flatten()
        self.out = nn.Linear(49152, 1)

    def forward(self, x):
        return self.out(self.flat(self.b5(self.b4(self.b3(self.b2(self.b1(x)))))))
# %%
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
# %%
class TestShapes(unittest.TestCase):
    def test_conv_output_size(self):
        for size, k, s, p in [(100, 5, 1, 0), (7, 3, 2, 1), (10, 3, 2, 0)]:
            x = torch.zeros(1, 1, size, size)
            y = nn.Conv2d(1, 1, k, stride=s, padding=p)(x)
            self.assertEqual(conv_output_size(size, k, s, p), y.shape[-1])

    def test_too_big(self):
        with self.assertRaises(ValueError):
            conv_output_size(2, 5)

    def test_q3(self):
        x = torch.zeros(1, 1, 100, 100)
        shapes = []
        for layer in CNN().children():
            pass
        self.assertEqual(q3_flatten_features, 1250)


class TestParams(unittest.TestCase):
    def test_conv(self):
        for args in [(1, 3, 3), (3, 8, (5, 3)), (2, 4, 1)]:
            for bias in (True, False):
                m = nn.Conv2d(*args, bias=bias)
                self.assertEqual(conv2d_params(*args, bias=bias), sum(p.numel() for p in m.parameters()))

    def test_models(self):
        self.assertEqual(sum(p.numel() for p in CNN().parameters()), q4_cnn_params)
        self.assertEqual(sum(p.numel() for p in ConvNet(1).parameters()), 49519)


class TestByHand(unittest.TestCase):
    def test_conv2d(self):
        torch.manual_seed(0)
        img, ker = torch.randn(7, 9), torch.randn(3, 2)
        for s, p in [(1, 0), (2, 1), (3, 2)]:
            expected = F.conv2d(img[None, None], ker[None, None], stride=s, padding=p)[0, 0]
            torch.testing.assert_close(conv2d(img, ker, s, p), expected)

    def test_pool(self):
        img = torch.randn(9, 7)
        for k in (2, 3):
            torch.testing.assert_close(max_pool2d(img, k), F.max_pool2d(img[None], k)[0])

    def test_q6(self):
        img = torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]).float()
        ker = torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]]).float()
        torch.testing.assert_close(conv2d(img, ker), q6_output)


if __name__ == "__main__":
    unittest.main(argv=[""], exit=False, verbosity=2)
'''

# ---------------------------------------------------------------- 6
FILES["r53_py_doctests_main_guard_helpers_module.py"] = r'''
"""Lecture 6 -- a tiny CNN toolkit.

>>> conv_output_size(100, 5)
96
>>> conv2d_params(1, 3, 3)
30
"""
import doctest

import torch
from torch import nn


def conv_output_size(size, kernel_size, stride=1, padding=0):
    """Height (= width) of a convolution's output.

    >>> conv_output_size(7, 3, stride=2, padding=1)
    4
    >>> conv_output_size(2, 5)
    Traceback (most recent call last):
        ...
    ValueError: kernel does not fit
    """
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel does not fit")
    return (size + 2 * padding - kernel_size) // stride + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    """
    >>> conv2d_params(3, 3, (3, 3))
    84
    >>> conv2d_params(3, 3, 3, bias=False)
    81
    """
    kh, kw = kernel_size if isinstance(kernel_size, tuple) else (kernel_size, kernel_size)
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    """
    >>> linear_params(16, 1)
    17
    """
    return in_features * out_features + (out_features if bias else 0)


def _shape_table():
    """
    >>> _shape_table()[-1]
    (2, 25, 25)
    """
    rows, s = [], 100
    for channels, pooled in [(3, False), (3, True), (2, False), (2, True)]:
        s = conv_output_size(s, 2, stride=2) if pooled else conv_output_size(s, 3, padding=1)
        rows.append((channels, s, s))
    return rows


q1_answer = "C"
q3_shapes = _shape_table()
q3_flatten_features = q3_shapes[-1][0] * q3_shapes[-1][1] * q3_shapes[-1][2]
q4_conv_params = conv2d_params(3, 3, 3)
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
q4_fcnn_params = (linear_params(128 * 128, 256) + linear_params(256, 128) + linear_params(128, 64)
                  + linear_params(64, 32) + linear_params(32, 16) + linear_params(16, 1))


def conv2d(image, kernel, stride=1, padding=0):
    """
    >>> conv2d(torch.ones(3, 3), torch.ones(2, 2)).tolist()
    [[4.0, 4.0], [4.0, 4.0]]
    """
    H, W = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)
    padded[padding:H + padding, padding:W + padding] = image
    oh = (H + 2 * padding - kh) // stride + 1
    ow = (W + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for a in range(kh):
        for b in range(kw):
            out += kernel[a, b] * padded[a:a + stride * (oh - 1) + 1:stride, b:b + stride * (ow - 1) + 1:stride]
    return out


def max_pool2d(image, kernel_size=2):
    """
    >>> max_pool2d(torch.arange(16.).reshape(4, 4)).tolist()
    [[5.0, 7.0], [13.0, 15.0]]
    """
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    out = image[0:oh * k:k, 0:ow * k:k].clone()
    for a in range(k):
        for b in range(k):
            out = torch.maximum(out, image[a:a + oh * k:k, b:b + ow * k:k])
    return out


q6_output = conv2d(
    torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
    torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]]),
)


class CNN(nn.Module):
    """
    >>> CNN()(torch.zeros(2, 1, 100, 100)).shape
    torch.Size([2, 1])
    """

    def __init__(self):
        super().__init__()
        self.seq = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        return self.seq(x)


def conv_block(input_channels, output_channels):
    """
    >>> conv_block(1, 3)
    Sequential(
      (0): Conv2d(1, 3, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
      (1): ReLU()
    )
    """
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    """
    >>> sum(p.numel() for p in ConvNet(1).parameters())
    49519
    """

    def __init__(self, input_channels):
        super().__init__()
        self.seq = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                 conv_block(3, 3), conv_block(3, 3), nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.seq(x)


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


if __name__ == "__main__":
    print(doctest.testmod(verbose=False))
'''

# ---------------------------------------------------------------- 7
FILES["r53_nb_jax_style_pure_functions_torch_func_vmap.ipynb"] = r'''
# JAX habits: pure functions, explicit params, vmap.
import torch
from torch import nn
from torch.func import vmap, functional_call

q1_answer = "C"
# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if padded < kernel_size:
        raise ValueError("kernel_size > padded size")
    return (padded - kernel_size) // stride + 1
# %%
def _shapes(size=100):
    conv = lambda s: conv_output_size(s, 3, 1, 1)
    pool = lambda s: conv_output_size(s, 2, 2, 0)
    s1 = conv(size); s2 = pool(s1); s3 = conv(s2); s4 = pool(s3)
    return [(3, s1, s1), (3, s2, s2), (2, s3, s3), (2, s4, s4)]

q3_shapes = _shapes()
q3_flatten_features = 2 * q3_shapes[-1][1] * q3_shapes[-1][2]
# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size,) * 2 if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + out_channels * int(bias)

def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + out_features * int(bias)

q4_conv_params = conv2d_params(3, 3, 3)
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(1250, 1)
_dims = [128 * 128, 256, 128, 64, 32, 16, 1]
q4_fcnn_params = sum(map(linear_params, _dims[:-1], _dims[1:]))
# %%
def _windows(x, kh, kw, stride):
    # (oh, ow, kh, kw) windows, a pure view
    return x.unfold(0, kh, stride).unfold(1, kw, stride)

def conv2d(image, kernel, stride=1, padding=0):
    H, W = image.shape
    x = image.new_zeros(H + 2 * padding, W + 2 * padding)
    x[padding:padding + H, padding:padding + W] = image
    win = _windows(x, *kernel.shape, stride)
    oh, ow = win.shape[:2]
    dot = lambda w: (w * kernel).sum()
    return vmap(vmap(dot))(win).reshape(oh, ow)

def max_pool2d(image, kernel_size=2):
    win = _windows(image, kernel_size, kernel_size, kernel_size)
    return vmap(vmap(lambda w: w.max()))(win)

q6_output = conv2d(torch.tensor([[3., 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                   torch.tensor([[0., 1, 2], [2, 2, 0], [0, 1, 2]])).round().long()
# %%
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.model = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        return self.model(x)

# functional style: params are a plain dict
_cnn = CNN()
params = {k: v.detach() for k, v in _cnn.named_parameters()}
apply_fn = lambda p, x: functional_call(_cnn, p, (x,))
print(apply_fn(params, torch.zeros(2, 1, 100, 100)).shape)
# %%
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())

class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.layers = nn.Sequential(*[conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]],
                                    nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.layers(x)

_net = ConvNet(2)
per_example = vmap(lambda x: functional_call(_net, dict(_net.named_parameters()), (x[None],))[0])
print(per_example(torch.zeros(3, 2, 128, 128)).shape)
# %%
q9_true = {"C"}
q10_answers = dict(zip(range(1, 9), (True, False, True, True, False, False, True, False)))
'''

# ---------------------------------------------------------------- 8
FILES["r53_py_nn_unfold_conv_as_strided_pool.py"] = r'''
import torch
import torch.nn as nn

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if size + 2 * padding < kernel_size:
        raise ValueError("kernel does not fit")
    return (size + 2 * padding - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = 3 * 1 * 9 + 3 + 2 * 3 * 9 + 2 + 1250 + 1
q4_fcnn_params = 16384 * 256 + 256 + 256 * 128 + 128 + 128 * 64 + 64 + 64 * 32 + 32 + 32 * 16 + 16 + 16 * 1 + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    k = torch.nn.modules.utils._pair(kernel_size)
    return out_channels * in_channels * k[0] * k[1] + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


def conv2d(image, kernel, stride=1, padding=0):
    """im2col with nn.Unfold, then one matrix product (like cuDNN's GEMM path)."""
    kh, kw = kernel.shape
    H, W = image.shape
    oh = (H + 2 * padding - kh) // stride + 1
    ow = (W + 2 * padding - kw) // stride + 1
    work = torch.float64 if not image.is_floating_point() else image.dtype
    unfold = nn.Unfold(kernel_size=(kh, kw), padding=padding, stride=stride)
    cols = unfold(image.to(work)[None, None])[0]          # (kh*kw, L)
    out = kernel.to(work).reshape(1, -1) @ cols            # (1, L)
    return out.reshape(oh, ow).to(image.dtype)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    x = image.contiguous()
    oh, ow = x.shape[0] // k, x.shape[1] // k
    s0, s1 = x.stride()
    windows = x.as_strided((oh, ow, k, k), (s0 * k, s1 * k, s0, s1))
    return windows.reshape(oh, ow, k * k).max(dim=-1).values


q6_output = conv2d(
    torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
    torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]]),
)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.relu1 = nn.ReLU()
        self.pool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.relu2 = nn.ReLU()
        self.pool2 = nn.MaxPool2d(2)
        self.flatten = nn.Flatten()
        self.linear = nn.Linear(1250, 1)

    def forward(self, x):
        for name in ["conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "flatten", "linear"]:
            x = getattr(self, name)(x)
        return x


def conv_block(input_channels, output_channels):
    block = nn.Sequential()
    block.add_module("conv", nn.Conv2d(input_channels, output_channels, 3, padding=1))
    block.add_module("relu", nn.ReLU())
    return block


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.features = nn.Sequential()
        c = input_channels
        for i in range(5):
            self.features.add_module(f"block{i}", conv_block(c, 3))
            c = 3
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.classifier(self.features(x))


q9_true = set("C")
q10_answers = {"1": True, "2": False, "3": True, "4": True, "5": False, "6": False, "7": True, "8": False}
'''

# ---------------------------------------------------------------- 9
FILES["r53_nb_numpy_q6_convert_back_from_numpy.ipynb"] = r'''
import numpy as np
import torch
import torch.nn as nn
# %%
q1_answer = "C"
# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return int(np.floor((padded - kernel_size) / stride)) + 1
# %%
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = int(np.prod(q3_shapes[3]))
# %%
q4_conv_params = int(3 * 3 * 3 * 3 + 3)
q4_cnn_params = 30 + 56 + 1251
_layers = np.array([[16384, 256], [256, 128], [128, 64], [64, 32], [32, 16], [16, 1]], dtype=np.int64)
q4_fcnn_params = int((_layers[:, 0] * _layers[:, 1] + _layers[:, 1]).sum())
# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = np.broadcast_to(np.asarray(kernel_size), (2,))
    return int(out_channels * in_channels * kh * kw + (out_channels if bias else 0))

def linear_params(in_features, out_features, bias=True):
    return int(in_features * out_features + (out_features if bias else 0))
# %%
_img = np.array([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]])
_ker = np.array([[0, 1, 2], [2, 2, 0], [0, 1, 2]])

def _np_conv(img, ker, stride, padding):
    img = np.pad(img, padding)
    kh, kw = ker.shape
    oh = (img.shape[0] - kh) // stride + 1
    ow = (img.shape[1] - kw) // stride + 1
    out = np.zeros((oh, ow), dtype=np.result_type(img, ker))
    for i in range(oh):
        for j in range(ow):
            out[i, j] = np.sum(img[i * stride:i * stride + kh, j * stride:j * stride + kw] * ker)
    return out

q6_output = _np_conv(_img, _ker, 1, 0)      # a numpy array is fine as a list of rows
q6_output = torch.from_numpy(q6_output)

def conv2d(image, kernel, stride=1, padding=0):
    out = _np_conv(image.detach().cpu().numpy(), kernel.detach().cpu().numpy(), stride, padding)
    return torch.from_numpy(out).to(image.dtype)

def max_pool2d(image, kernel_size=2):
    a = image.detach().cpu().numpy()
    k = kernel_size
    oh, ow = a.shape[0] // k, a.shape[1] // k
    a = a[:oh * k, :ow * k].reshape(oh, k, ow, k)
    return torch.from_numpy(np.ascontiguousarray(a.max(axis=(1, 3)))).to(image.dtype)
# %%
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.ModuleList([nn.Conv2d(1, 3, 3, padding=1), nn.Conv2d(3, 2, 3, padding=1)])
        self.pool = nn.MaxPool2d(2)
        self.act = nn.ReLU()
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        for conv in self.conv:
            x = self.pool(self.act(conv(x)))
        return self.fc(x.reshape(x.shape[0], -1))
# %%
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=(3, 3), padding=1), nn.ReLU())

class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.net = nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)), nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.net(x)
# %%
q9_true = set(np.array(list("ABCDE"))[np.array([False, False, True, False, False])].tolist())
q10_answers = dict(zip(range(1, 9), np.array([1, 0, 1, 1, 0, 0, 1, 0], dtype=bool)))
'''

# ---------------------------------------------------------------- 10
FILES["r53_nb_computed_answers_tables_torch_probes.ipynb"] = r'''
import torch
from torch import nn

def count(m):
    return sum(p.numel() for p in m.parameters() if p.requires_grad)
# %%
# Q1 as a table: shape -> letter
_options = {(4, 4): "A", (3, 3): "B", (2, 2): "C"}
q1_answer = _options[tuple(nn.Conv2d(1, 1, 3)(torch.zeros(1, 1, 4, 4)).shape[-2:])]
# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("the kernel does not fit")
    return 1 + (padded - kernel_size) // stride
# %%
_q3 = nn.Sequential(
    nn.Conv2d(1, 3, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
    nn.Conv2d(3, 2, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
    nn.Flatten(),
)
_x = torch.zeros(1, 1, 100, 100)
q3_shapes = []
for layer in _q3:
    _x = layer(_x)
    if isinstance(layer, (nn.Conv2d, nn.MaxPool2d)):
        q3_shapes.append(_x.shape[1:])      # torch.Size, a tuple
q3_flatten_features = _x.shape[-1]
print(q3_shapes, q3_flatten_features)
# %%
q4_conv_params = count(nn.Conv2d(in_channels=3, out_channels=3, kernel_size=(3, 3)))
q4_cnn_params = count(nn.Sequential(*_q3, nn.Linear(q3_flatten_features, 1)))
input_size = 128 * 128
q4_fcnn_params = count(nn.Sequential(
    nn.Linear(input_size, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
    nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 16), nn.Linear(16, 1)))
# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = kernel_size if isinstance(kernel_size, (tuple, list)) else (kernel_size, kernel_size)
    weight = out_channels * in_channels * kh * kw
    return weight + out_channels if bias else weight

def linear_params(in_features, out_features, bias=True):
    weight = in_features * out_features
    return weight + out_features if bias else weight
# %%
def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    H, W = image.shape
    P = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)
    P[padding:padding + H, padding:padding + W] = image
    out = torch.zeros((P.shape[0] - kh) // stride + 1, (P.shape[1] - kw) // stride + 1, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            r, c = i * stride, j * stride
            out[i, j] = torch.sum(P[r:r + kh, c:c + kw] * kernel)
    return out

def max_pool2d(image, kernel_size=2):
    k = kernel_size
    H, W = image.shape
    out = torch.empty(H // k, W // k, dtype=image.dtype)
    for i in range(H // k):
        for j in range(W // k):
            out[i, j] = torch.max(image[i * k:i * k + k, j * k:j * k + k])
    return out

q6_input = torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]])
q6_kernel = torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]])
q6_output = conv2d(q6_input, q6_kernel).tolist()
# %%
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(1, 3, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
            nn.Conv2d(3, 2, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
            nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        return self.body(x)
# %%
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())

class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        blocks = [conv_block(input_channels if i == 0 else 3, 3) for i in range(5)]
        self.net = nn.Sequential(*blocks, nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.net(x)
# %%
# Q9 as a truth table with the reason for each
_q9 = {
    "A": (False, "the input is 3D (C,H,W) or 4D (N,C,H,W)"),
    "B": (False, "the output is also 3D/4D"),
    "C": (nn.Conv2d(3, 8, 3).weight.dim() == 4, "weight is (out, in, kH, kW)"),
    "D": (False, "a Linear(k, k) layer can replace a bigger one"),
    "E": (False, "depends on channel counts"),
}
q9_true = {letter for letter, (truth, _why) in _q9.items() if truth}
# %%
_c = nn.Conv2d(3, 8, kernel_size=5)
q10_answers = {
    1: all(nn.Conv2d(1, 1, k, padding=k // 2)(torch.zeros(1, 1, 11, 11)).shape[-1] == 11 for k in (1, 3, 5, 7)),
    2: False,
    3: count(nn.MaxPool2d(2)) > 0 if False else len(list(nn.MaxPool2d(2).parameters())) == 0,
    4: count(_c) == 608,
    5: nn.Conv2d(1, 1, 3, stride=2)(torch.zeros(1, 1, 10, 10)).shape[-1] == 5,
    6: tuple(nn.Conv2d(1, 3, kernel_size=(3, 3)).weight.shape) == (1, 3, 3, 3),
    7: nn.Conv2d(2, 4, 3)(torch.zeros(2, 9, 9)).dim() == 3,
    8: nn.MaxPool2d(2)(torch.zeros(1, 7, 7)).shape[-1] == 4,
}
print(q10_answers)
'''

# ---------------------------------------------------------------- 11
FILES["r53_py_protocol_generic_dataclass_default_factory_specs.py"] = r'''
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, Iterable, Protocol, TypeVar, runtime_checkable

import torch
from torch import nn

T = TypeVar("T")


@runtime_checkable
class HasParams(Protocol):
    def n_params(self) -> int: ...


@dataclass(frozen=True)
class ConvSpec:
    in_channels: int
    out_channels: int
    kernel_size: int = 3
    padding: int = 1
    bias: bool = True

    def n_params(self) -> int:
        return conv2d_params(self.in_channels, self.out_channels, self.kernel_size, self.bias)

    def build(self) -> nn.Conv2d:
        return nn.Conv2d(self.in_channels, self.out_channels, self.kernel_size, padding=self.padding, bias=self.bias)


@dataclass(frozen=True)
class LinearSpec:
    in_features: int
    out_features: int
    bias: bool = True

    def n_params(self) -> int:
        return linear_params(self.in_features, self.out_features, self.bias)


@dataclass
class Registry(Generic[T]):
    items: list[T] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)

    def add(self, item: T) -> T:
        self.items.append(item)
        return item

    def total(self) -> int:
        return sum(i.n_params() for i in self.items if isinstance(i, HasParams))


def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel larger than the padded input")
    return (size + 2 * padding - kernel_size) // stride + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True) -> int:
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True) -> int:
    return out_features * in_features + (out_features if bias else 0)


q1_answer = "C"
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25

_cnn_reg: Registry[HasParams] = Registry()
_cnn_reg.add(ConvSpec(1, 3))
_cnn_reg.add(ConvSpec(3, 2))
_cnn_reg.add(LinearSpec(q3_flatten_features, 1))
q4_cnn_params = _cnn_reg.total()
q4_conv_params = ConvSpec(3, 3, padding=0).n_params()
_fc_reg: Registry[LinearSpec] = Registry(items=[LinearSpec(a, b) for a, b in
                                                [(16384, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)]])
q4_fcnn_params = _fc_reg.total()


def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    H, W = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros((H + 2 * padding, W + 2 * padding), dtype=image.dtype)
    padded[padding:padding + H, padding:padding + W] = image
    rows = range(0, H + 2 * padding - kh + 1, stride)
    cols = range(0, W + 2 * padding - kw + 1, stride)
    return torch.tensor([[float((padded[r:r + kh, c:c + kw] * kernel).sum()) for c in cols] for r in rows],
                        dtype=torch.float64).to(image.dtype) if image.is_floating_point() else \
        torch.tensor([[int((padded[r:r + kh, c:c + kw] * kernel).sum()) for c in cols] for r in rows], dtype=image.dtype)


def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
    k = kernel_size
    H, W = image.shape
    return torch.stack([torch.stack([image[r:r + k, c:c + k].max() for c in range(0, W - k + 1, k)])
                        for r in range(0, H - k + 1, k)])


q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


class Block(Protocol):
    def __call__(self, x: torch.Tensor) -> torch.Tensor: ...


@dataclass
class CNNConfig:
    convs: list[ConvSpec] = field(default_factory=lambda: [ConvSpec(1, 3), ConvSpec(3, 2)])
    pool: int = 2
    head: LinearSpec = field(default_factory=lambda: LinearSpec(1250, 1))


class CNN(nn.Module):
    def __init__(self, config: CNNConfig | None = None):
        super().__init__()
        self.config = config or CNNConfig()
        layers: list[nn.Module] = []
        for spec in self.config.convs:
            layers += [spec.build(), nn.ReLU(), nn.MaxPool2d(self.config.pool)]
        layers += [nn.Flatten(), nn.Linear(self.config.head.in_features, self.config.head.out_features)]
        self.layers = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.layers(x)


def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
    return nn.Sequential(ConvSpec(input_channels, output_channels).build(), nn.ReLU())


def _chain(blocks: Iterable[Block], x: torch.Tensor) -> torch.Tensor:
    for b in blocks:
        x = b(x)
    return x


@dataclass
class ConvNetConfig:
    input_channels: int = 1
    widths: list[int] = field(default_factory=lambda: [3, 3, 3, 3, 3])
    image_size: int = 128


class ConvNet(nn.Module):
    def __init__(self, input_channels: int):
        super().__init__()
        cfg = ConvNetConfig(input_channels=input_channels)
        chans = [cfg.input_channels, *cfg.widths]
        self.blocks = nn.ModuleList(conv_block(a, b) for a, b in zip(chans, chans[1:]))
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(cfg.widths[-1] * cfg.image_size ** 2, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(self.flatten(_chain(self.blocks, x)))


q9_true = frozenset({"C"})
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
'''

# ---------------------------------------------------------------- 12
FILES["r53_nb_contextmanager_timer_suppress_redirect_stdout.ipynb"] = r'''
import contextlib
import io
import time

import torch
from torch import nn

TIMINGS = {}

@contextlib.contextmanager
def timed(name):
    t0 = time.perf_counter()
    try:
        yield
    finally:
        TIMINGS[name] = TIMINGS.get(name, 0.0) + time.perf_counter() - t0
# %%
q1_answer = "C"
# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    with timed("conv_output_size"):
        padded = size + 2 * padding
        if kernel_size > padded:
            raise ValueError("kernel does not fit")
        return (padded - kernel_size) // stride + 1

with contextlib.suppress(ValueError):
    conv_output_size(1, 3)
# %%
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250
q4_conv_params = 84
q4_cnn_params = 1337
q4_fcnn_params = 4_238_337
# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    with timed("params"):
        try:
            kh, kw = kernel_size
        except TypeError:
            kh = kw = kernel_size
        return in_channels * out_channels * kh * kw + (out_channels if bias else 0)

def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)
# %%
def conv2d(image, kernel, stride=1, padding=0):
    with timed("conv2d"), torch.no_grad():
        H, W = image.shape
        kh, kw = kernel.shape
        padded = image.new_zeros(H + 2 * padding, W + 2 * padding)
        padded[padding:padding + H, padding:padding + W] = image
        oh = (H + 2 * padding - kh) // stride + 1
        ow = (W + 2 * padding - kw) // stride + 1
        out = image.new_zeros(oh, ow)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out

def max_pool2d(image, kernel_size=2):
    with timed("max_pool2d"):
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        return image[:oh * k, :ow * k].reshape(oh, k, ow, k).permute(0, 2, 1, 3).reshape(oh, ow, k * k).max(-1).values

with timed("q6"):
    q6_output = conv2d(torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                       torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]]))
# %%
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.block1 = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.block2 = nn.Sequential(nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        with timed("CNN.forward"):
            return self.head(self.block2(self.block1(x)))

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print(CNN())
print(len(buf.getvalue().splitlines()), "lines of model summary captured")
# %%
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())

class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.stack = nn.Sequential(*[conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        with timed("ConvNet.forward"), contextlib.ExitStack() as stack:
            x = self.stack(x)
            return self.fc(x.view(x.size(0), -1))

with torch.inference_mode():
    ConvNet(3)(torch.zeros(1, 3, 128, 128))
print(TIMINGS)
# %%
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
'''

# ---------------------------------------------------------------- 13
FILES["r53_py_assert_heavy_forward_shape_checks_debug_flag.py"] = r'''
import sys
import warnings

import torch
import torch.nn as nn

DEBUG = False          # flip to True to print shapes
# import pdb


def dprint(*args):
    if DEBUG:
        print("[debug]", *args, file=sys.stderr)


q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    assert stride >= 1, f"stride must be >= 1, got {stride}"
    assert padding >= 0, f"padding must be >= 0, got {padding}"
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError(f"kernel_size={kernel_size} does not fit in padded size {padded}")
    out = (padded - kernel_size) // stride + 1
    assert out >= 1, out
    return out


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25
assert q3_flatten_features == 1250, "check the flatten size"

q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 3 * 3 + 3) + (3 * 2 * 3 * 3 + 2) + (q3_flatten_features + 1)
q4_fcnn_params = 0
for _i, _o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)]:
    q4_fcnn_params += _i * _o + _o
assert q4_conv_params == sum(p.numel() for p in nn.Conv2d(3, 3, 3).parameters())


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    assert len(kernel_size) == 2, f"kernel_size must be int or pair, got {kernel_size}"
    kh, kw = kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


def conv2d(image, kernel, stride=1, padding=0):
    assert isinstance(image, torch.Tensor) and image.ndim == 2, f"image must be 2-D, got {getattr(image, 'shape', None)}"
    assert isinstance(kernel, torch.Tensor) and kernel.ndim == 2, "kernel must be 2-D"
    H, W = image.shape
    kh, kw = kernel.shape
    Hp, Wp = H + 2 * padding, W + 2 * padding
    if kh > Hp or kw > Wp:
        warnings.warn(f"kernel {kh}x{kw} larger than padded image {Hp}x{Wp}")
    padded = torch.zeros(Hp, Wp, dtype=image.dtype)
    padded[padding:padding + H, padding:padding + W] = image
    oh, ow = (Hp - kh) // stride + 1, (Wp - kw) // stride + 1
    dprint("conv2d", image.shape, kernel.shape, "->", (oh, ow))
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            # breakpoint()
            window = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
            assert window.shape == kernel.shape, (window.shape, kernel.shape)
            out[i, j] = (window * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    assert image.ndim == 2, "max_pool2d expects a 2-D tensor"
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    dprint("max_pool2d", image.shape, "->", out.shape)
    return out


q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])
assert torch.equal(conv2d(torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                          torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]])), q6_output)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.relu = nn.ReLU()
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        assert x.ndim == 4 and x.shape[1] == 1, f"expected (N, 1, H, W), got {tuple(x.shape)}"
        x = self.pool(self.relu(self.conv1(x)))
        dprint("after block 1", x.shape)
        x = self.pool(self.relu(self.conv2(x)))
        dprint("after block 2", x.shape)
        x = torch.flatten(x, start_dim=1)
        assert x.shape[1] == self.fc.in_features, f"flatten gave {x.shape[1]} features, fc wants {self.fc.in_features}"
        return self.fc(x)


def conv_block(input_channels, output_channels):
    assert input_channels > 0 and output_channels > 0
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.input_channels = input_channels
        self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                    conv_block(3, 3), conv_block(3, 3))
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        assert x.shape[-3] == self.input_channels, f"expected {self.input_channels} channels, got {x.shape}"
        if x.shape[-2:] != (128, 128):
            warnings.warn(f"ConvNet was designed for 128x128 inputs, got {tuple(x.shape[-2:])}")
        x = self.blocks(x)
        dprint("features", x.shape)
        return self.fc(self.flatten(x))


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
assert len(q10_answers) == 8 and all(isinstance(v, bool) for v in q10_answers.values())
'''

# ---------------------------------------------------------------- 14
FILES["r53_nb_slots_namedtuple_shapes_einops_by_hand.ipynb"] = r'''
from typing import NamedTuple

import torch
from torch import nn


class Shape(NamedTuple):
    C: int
    H: int
    W: int


class Conv:
    """A lightweight description of a conv layer (no torch)."""
    __slots__ = ("cin", "cout", "k", "stride", "padding")

    def __init__(self, cin, cout, k, stride=1, padding=0):
        self.cin, self.cout, self.k, self.stride, self.padding = cin, cout, k, stride, padding

    def __repr__(self):
        return f"Conv({self.cin}->{self.cout}, k={self.k}, s={self.stride}, p={self.padding})"

    def apply(self, shape):
        s = conv_output_size(shape.H, self.k, self.stride, self.padding)
        return Shape(self.cout, s, s)


class Pool:
    __slots__ = ("k",)

    def __init__(self, k):
        self.k = k

    def apply(self, shape):
        s = conv_output_size(shape.H, self.k, self.k)
        return Shape(shape.C, s, s)
# %%
q1_answer = "C"
# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1
# %%
_shape = Shape(1, 100, 100)
q3_shapes = []
for _layer in [Conv(1, 3, 3, padding=1), Pool(2), Conv(3, 2, 3, padding=1), Pool(2)]:
    _shape = _layer.apply(_shape)
    q3_shapes.append(_shape)
q3_flatten_features = _shape.C * _shape.H * _shape.W
# %%
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = 30 + 56 + 1251
q4_fcnn_params = 4238337
# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)

def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)
# %%
def rearrange_blocks(x, p1, p2):
    """'(h p1) (w p2) -> h w (p1 p2)' written by hand."""
    H, W = x.shape
    h, w = H // p1, W // p2
    return x[:h * p1, :w * p2].reshape(h, p1, w, p2).permute(0, 2, 1, 3).reshape(h, w, p1 * p2)

def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    H, W = image.shape
    x = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)
    x[padding:padding + H, padding:padding + W] = image
    oh = (x.shape[0] - kh) // stride + 1
    ow = (x.shape[1] - kw) // stride + 1
    # 'h w kh kw' by gathering index grids
    rows = (torch.arange(oh) * stride)[:, None, None, None] + torch.arange(kh)[None, None, :, None]
    cols = (torch.arange(ow) * stride)[None, :, None, None] + torch.arange(kw)[None, None, None, :]
    patches = x[rows, cols]                        # (oh, ow, kh, kw)
    return torch.einsum("hwij,ij->hw", patches, kernel.to(image.dtype)) if image.is_floating_point() \
        else (patches * kernel).sum(dim=(2, 3))

def max_pool2d(image, kernel_size=2):
    return rearrange_blocks(image, kernel_size, kernel_size).amax(dim=-1)

q6_output = conv2d(torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                   torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]]))
# %%
class CNN(nn.Module):
    __constants__ = ["n_out"]

    def __init__(self):
        super().__init__()
        self.n_out = 1
        self.conv1, self.act1, self.pool1 = nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)
        self.conv2, self.act2, self.pool2 = nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)
        self.flatten, self.fc = nn.Flatten(), nn.Linear(1250, self.n_out)

    def forward(self, x):
        x = self.pool1(self.act1(self.conv1(x)))
        x = self.pool2(self.act2(self.conv2(x)))
        b = x.shape[0]
        x = x.reshape(b, -1)    # 'b c h w -> b (c h w)'
        return self.fc(x)
# %%
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, 1, 1), nn.ReLU())

class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.convs = nn.Sequential(*(conv_block(input_channels if i == 0 else 3, 3) for i in range(5)))
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        return self.fc(self.flatten(self.convs(x)))
# %%
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
'''

# ---------------------------------------------------------------- 15
FILES["r53_py_validated_module_base_class_init_subclass_registry.py"] = r'''
import functools

import torch
from torch import nn

q1_answer = "C"

MODELS = {}


class ValidatedModule(nn.Module):
    """Base class: registers subclasses and checks input rank/dtype before forward."""
    expected_rank = 4

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        MODELS[cls.__name__] = cls
        original = cls.forward

        @functools.wraps(original)
        def checked(self, x, *args, **kw):
            if not torch.is_tensor(x):
                raise TypeError(f"{cls.__name__}.forward needs a tensor")
            if not x.is_floating_point():
                raise TypeError(f"{cls.__name__}.forward needs a floating tensor, got {x.dtype}")
            return original(self, x, *args, **kw)

        cls.forward = checked

    def extra_repr(self):
        return f"params={sum(p.numel() for p in self.parameters())}"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if not all(isinstance(v, int) for v in (size, kernel_size, stride, padding)):
        raise TypeError("conv_output_size takes ints")
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250
q4_conv_params = 84
q4_cnn_params = 1337
q4_fcnn_params = 4238337


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


def conv2d(image, kernel, stride=1, padding=0):
    H, W = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)
    padded[padding:padding + H, padding:padding + W] = image
    out = torch.zeros((H + 2 * padding - kh) // stride + 1, (W + 2 * padding - kw) // stride + 1, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


class CNN(ValidatedModule):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        return self.net(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(ValidatedModule):
    def __init__(self, input_channels):
        super().__init__()
        self.net = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                                 nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.net(x)


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

if __name__ == "__main__":
    for name, cls in MODELS.items():
        print(name, cls if name == "CNN" else cls(1))
'''


BASE = '\nimport torch\nfrom torch import nn\n\nq1_answer = "C"\n\n\ndef conv_output_size(size, kernel_size, stride=1, padding=0):\n    padded = size + 2 * padding\n    if kernel_size > padded:\n        raise ValueError("kernel does not fit")\n    return (padded - kernel_size) // stride + 1\n\n\nq3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]\nq3_flatten_features = 1250\nq4_conv_params = 84\nq4_cnn_params = 1337\nq4_fcnn_params = 4238337\n\n\ndef conv2d_params(in_channels, out_channels, kernel_size, bias=True):\n    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size\n    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)\n\n\ndef linear_params(in_features, out_features, bias=True):\n    return out_features * in_features + (out_features if bias else 0)\n\n\ndef conv2d(image, kernel, stride=1, padding=0):\n    H, W = image.shape\n    kh, kw = kernel.shape\n    padded = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)\n    padded[padding:padding + H, padding:padding + W] = image\n    out = torch.zeros((H + 2 * padding - kh) // stride + 1, (W + 2 * padding - kw) // stride + 1, dtype=image.dtype)\n    for i in range(out.shape[0]):\n        for j in range(out.shape[1]):\n            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()\n    return out\n\n\ndef max_pool2d(image, kernel_size=2):\n    k = kernel_size\n    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)\n    for i in range(out.shape[0]):\n        for j in range(out.shape[1]):\n            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()\n    return out\n\n\nq6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])\n\n\nclass CNN(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.net = nn.Sequential(\n            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n            nn.Flatten(), nn.Linear(1250, 1))\n\n    def forward(self, x):\n        return self.net(x)\n\n\ndef conv_block(input_channels, output_channels):\n    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())\n\n\nclass ConvNet(nn.Module):\n    def __init__(self, input_channels):\n        super().__init__()\n        self.net = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],\n                                 nn.Flatten(), nn.Linear(49152, 1))\n\n    def forward(self, x):\n        return self.net(x)\n\n\nq9_true = {"C"}\nq10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}\n'

FILES.update({'r53_py_abc_base_abstractmethod_typing_final_decorator.py': '\nimport torch\nfrom torch import nn\n\nq1_answer = "C"\n\n\ndef conv_output_size(size, kernel_size, stride=1, padding=0):\n    padded = size + 2 * padding\n    if kernel_size > padded:\n        raise ValueError("kernel does not fit")\n    return (padded - kernel_size) // stride + 1\n\n\nq3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]\nq3_flatten_features = 1250\nq4_conv_params = 84\nq4_cnn_params = 1337\nq4_fcnn_params = 4238337\n\n\ndef conv2d_params(in_channels, out_channels, kernel_size, bias=True):\n    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size\n    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)\n\n\ndef linear_params(in_features, out_features, bias=True):\n    return out_features * in_features + (out_features if bias else 0)\n\n\ndef conv2d(image, kernel, stride=1, padding=0):\n    H, W = image.shape\n    kh, kw = kernel.shape\n    padded = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)\n    padded[padding:padding + H, padding:padding + W] = image\n    out = torch.zeros((H + 2 * padding - kh) // stride + 1, (W + 2 * padding - kw) // stride + 1, dtype=image.dtype)\n    for i in range(out.shape[0]):\n        for j in range(out.shape[1]):\n            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()\n    return out\n\n\ndef max_pool2d(image, kernel_size=2):\n    k = kernel_size\n    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)\n    for i in range(out.shape[0]):\n        for j in range(out.shape[1]):\n            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()\n    return out\n\n\nq6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])\n\n\nimport abc\nfrom typing import final\n\n\nclass Answer(abc.ABC):\n    """Every answer object knows how to check itself."""\n\n    @abc.abstractmethod\n    def check(self) -> bool: ...\n\n\n@final\nclass ShapeAnswer(Answer):\n    def __init__(self, shapes):\n        self.shapes = shapes\n\n    def check(self):\n        return all(len(s) == 3 for s in self.shapes)\n\n\nassert ShapeAnswer(q3_shapes).check()\n\n\nclass CNN(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.net = nn.Sequential(\n            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n            nn.Flatten(), nn.Linear(1250, 1))\n\n    def forward(self, x):\n        return self.net(x)\n\n\ndef conv_block(input_channels, output_channels):\n    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())\n\n\nclass ConvNet(nn.Module):\n    def __init__(self, input_channels):\n        super().__init__()\n        self.net = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],\n                                 nn.Flatten(), nn.Linear(49152, 1))\n\n    def forward(self, x):\n        return self.net(x)\n\n\nq9_true = {"C"}\nq10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}\n', 'r53_py_descriptor_set_name_positive_int_validation.py': '\nimport torch\nfrom torch import nn\n\nq1_answer = "C"\n\n\nclass PositiveInt:\n    """Descriptor validating a positive integer attribute."""\n\n    def __set_name__(self, owner, name):\n        self.name = "_" + name\n\n    def __get__(self, obj, objtype=None):\n        return getattr(obj, self.name)\n\n    def __set__(self, obj, value):\n        if not isinstance(value, int) or value <= 0:\n            raise ValueError(f"{self.name[1:]} must be a positive int, got {value!r}")\n        setattr(obj, self.name, value)\n\n\nclass LayerSpec:\n    channels = PositiveInt()\n    size = PositiveInt()\n\n    def __init__(self, channels, size):\n        self.channels = channels\n        self.size = size\n\n    def as_tuple(self):\n        return (self.channels, self.size, self.size)\n\n\ndef conv_output_size(size, kernel_size, stride=1, padding=0):\n    padded = size + 2 * padding\n    if kernel_size > padded:\n        raise ValueError("kernel does not fit")\n    return (padded - kernel_size) // stride + 1\n\n\nq3_shapes = [LayerSpec(c, s).as_tuple() for c, s in [(3, 100), (3, 50), (2, 50), (2, 25)]]\nq3_flatten_features = 1250\nq4_conv_params = 84\nq4_cnn_params = 1337\nq4_fcnn_params = 4238337\n\n\ndef conv2d_params(in_channels, out_channels, kernel_size, bias=True):\n    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size\n    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)\n\n\ndef linear_params(in_features, out_features, bias=True):\n    return out_features * in_features + (out_features if bias else 0)\n\n\ndef conv2d(image, kernel, stride=1, padding=0):\n    H, W = image.shape\n    kh, kw = kernel.shape\n    padded = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)\n    padded[padding:padding + H, padding:padding + W] = image\n    out = torch.zeros((H + 2 * padding - kh) // stride + 1, (W + 2 * padding - kw) // stride + 1, dtype=image.dtype)\n    for i in range(out.shape[0]):\n        for j in range(out.shape[1]):\n            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()\n    return out\n\n\ndef max_pool2d(image, kernel_size=2):\n    k = kernel_size\n    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)\n    for i in range(out.shape[0]):\n        for j in range(out.shape[1]):\n            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()\n    return out\n\n\nq6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])\n\n\nclass CNN(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.net = nn.Sequential(\n            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n            nn.Flatten(), nn.Linear(1250, 1))\n\n    def forward(self, x):\n        return self.net(x)\n\n\ndef conv_block(input_channels, output_channels):\n    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())\n\n\nclass ConvNet(nn.Module):\n    def __init__(self, input_channels):\n        super().__init__()\n        self.net = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],\n                                 nn.Flatten(), nn.Linear(49152, 1))\n\n    def forward(self, x):\n        return self.net(x)\n\n\nq9_true = {"C"}\nq10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}\n', 'r53_py_dataclass_slots_frozen_config_atexit_capturewarnings.py': '\nimport torch\nfrom torch import nn\n\nq1_answer = "C"\n\n\ndef conv_output_size(size, kernel_size, stride=1, padding=0):\n    padded = size + 2 * padding\n    if kernel_size > padded:\n        raise ValueError("kernel does not fit")\n    return (padded - kernel_size) // stride + 1\n\n\nq3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]\nq3_flatten_features = 1250\nq4_conv_params = 84\nq4_cnn_params = 1337\nq4_fcnn_params = 4238337\n\n\ndef conv2d_params(in_channels, out_channels, kernel_size, bias=True):\n    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size\n    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)\n\n\ndef linear_params(in_features, out_features, bias=True):\n    return out_features * in_features + (out_features if bias else 0)\n\n\ndef conv2d(image, kernel, stride=1, padding=0):\n    H, W = image.shape\n    kh, kw = kernel.shape\n    padded = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)\n    padded[padding:padding + H, padding:padding + W] = image\n    out = torch.zeros((H + 2 * padding - kh) // stride + 1, (W + 2 * padding - kw) // stride + 1, dtype=image.dtype)\n    for i in range(out.shape[0]):\n        for j in range(out.shape[1]):\n            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()\n    return out\n\n\ndef max_pool2d(image, kernel_size=2):\n    k = kernel_size\n    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)\n    for i in range(out.shape[0]):\n        for j in range(out.shape[1]):\n            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()\n    return out\n\n\nq6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])\n\n\nimport atexit\nimport logging\nfrom dataclasses import dataclass\n\nlogging.basicConfig(level=logging.INFO)\nlogging.captureWarnings(True)\natexit.register(logging.shutdown)\n\n\n@dataclass(frozen=True, slots=True)\nclass Cfg:\n    in_channels: int = 1\n    hidden: tuple = (3, 2)\n    fc_in: int = 1250\n\n\nCFG = Cfg()\n\n\nclass CNN(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.net = nn.Sequential(\n            nn.Conv2d(CFG.in_channels, CFG.hidden[0], 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n            nn.Conv2d(CFG.hidden[0], CFG.hidden[1], 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n            nn.Flatten(), nn.Linear(CFG.fc_in, 1))\n\n    def forward(self, x):\n        return self.net(x)\n\n\ndef conv_block(input_channels, output_channels):\n    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())\n\n\nclass ConvNet(nn.Module):\n    def __init__(self, input_channels):\n        super().__init__()\n        self.net = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],\n                                 nn.Flatten(), nn.Linear(49152, 1))\n\n    def forward(self, x):\n        return self.net(x)\n\n\nq9_true = {"C"}\nq10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}\n', 'r53_py_total_ordering_version_and_copy_deepcopy_check.py': '\nimport torch\nfrom torch import nn\n\nq1_answer = "C"\n\n\ndef conv_output_size(size, kernel_size, stride=1, padding=0):\n    padded = size + 2 * padding\n    if kernel_size > padded:\n        raise ValueError("kernel does not fit")\n    return (padded - kernel_size) // stride + 1\n\n\nq3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]\nq3_flatten_features = 1250\nq4_conv_params = 84\nq4_cnn_params = 1337\nq4_fcnn_params = 4238337\n\n\ndef conv2d_params(in_channels, out_channels, kernel_size, bias=True):\n    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size\n    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)\n\n\ndef linear_params(in_features, out_features, bias=True):\n    return out_features * in_features + (out_features if bias else 0)\n\n\ndef conv2d(image, kernel, stride=1, padding=0):\n    H, W = image.shape\n    kh, kw = kernel.shape\n    padded = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)\n    padded[padding:padding + H, padding:padding + W] = image\n    out = torch.zeros((H + 2 * padding - kh) // stride + 1, (W + 2 * padding - kw) // stride + 1, dtype=image.dtype)\n    for i in range(out.shape[0]):\n        for j in range(out.shape[1]):\n            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()\n    return out\n\n\ndef max_pool2d(image, kernel_size=2):\n    k = kernel_size\n    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)\n    for i in range(out.shape[0]):\n        for j in range(out.shape[1]):\n            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()\n    return out\n\n\nq6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])\n\n\nclass CNN(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.net = nn.Sequential(\n            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n            nn.Flatten(), nn.Linear(1250, 1))\n\n    def forward(self, x):\n        return self.net(x)\n\n\ndef conv_block(input_channels, output_channels):\n    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())\n\n\nclass ConvNet(nn.Module):\n    def __init__(self, input_channels):\n        super().__init__()\n        self.net = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],\n                                 nn.Flatten(), nn.Linear(49152, 1))\n\n    def forward(self, x):\n        return self.net(x)\n\n\nimport copy\nimport functools\n\n\n@functools.total_ordering\nclass Version:\n    def __init__(self, s):\n        self.parts = tuple(int(p) for p in s.split("+")[0].split(".")[:2])\n\n    def __eq__(self, other):\n        return self.parts == other.parts\n\n    def __lt__(self, other):\n        return self.parts < other.parts\n\n\nassert Version(torch.__version__) >= Version("1.11"), "needs torch >= 1.11 for unbatched conv"\n\n_m = CNN()\n_m2 = copy.deepcopy(_m)\nassert all(torch.equal(a, b) for a, b in zip(_m.parameters(), _m2.parameters()))\n\nq9_true = {"C"}\nq10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}\n', 'r53_py_main_guard_loop_over_classes_cls_variable.py': '\nimport torch\nfrom torch import nn\n\nq1_answer = "C"\n\n\ndef conv_output_size(size, kernel_size, stride=1, padding=0):\n    padded = size + 2 * padding\n    if kernel_size > padded:\n        raise ValueError("kernel does not fit")\n    return (padded - kernel_size) // stride + 1\n\n\nq3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]\nq3_flatten_features = 1250\nq4_conv_params = 84\nq4_cnn_params = 1337\nq4_fcnn_params = 4238337\n\n\ndef conv2d_params(in_channels, out_channels, kernel_size, bias=True):\n    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size\n    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)\n\n\ndef linear_params(in_features, out_features, bias=True):\n    return out_features * in_features + (out_features if bias else 0)\n\n\ndef conv2d(image, kernel, stride=1, padding=0):\n    H, W = image.shape\n    kh, kw = kernel.shape\n    padded = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)\n    padded[padding:padding + H, padding:padding + W] = image\n    out = torch.zeros((H + 2 * padding - kh) // stride + 1, (W + 2 * padding - kw) // stride + 1, dtype=image.dtype)\n    for i in range(out.shape[0]):\n        for j in range(out.shape[1]):\n            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()\n    return out\n\n\ndef max_pool2d(image, kernel_size=2):\n    k = kernel_size\n    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)\n    for i in range(out.shape[0]):\n        for j in range(out.shape[1]):\n            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()\n    return out\n\n\nq6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])\n\n\nclass CNN(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.net = nn.Sequential(\n            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n            nn.Flatten(), nn.Linear(1250, 1))\n\n    def forward(self, x):\n        return self.net(x)\n\n\ndef conv_block(input_channels, output_channels):\n    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())\n\n\nclass ConvNet(nn.Module):\n    def __init__(self, input_channels):\n        super().__init__()\n        self.net = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],\n                                 nn.Flatten(), nn.Linear(49152, 1))\n\n    def forward(self, x):\n        return self.net(x)\n\n\nq9_true = {"C"}\nq10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}\n\n\nif __name__ == "__main__":\n    for cls in (CNN,):\n        print(cls.__name__, sum(p.numel() for p in cls().parameters()))\n    print("ConvNet", sum(p.numel() for p in ConvNet(1).parameters()))\n', 'r53_py_classmethod_factory_from_config_repr.py': '\nimport torch\nfrom torch import nn\n\nq1_answer = "C"\n\n\ndef conv_output_size(size, kernel_size, stride=1, padding=0):\n    padded = size + 2 * padding\n    if kernel_size > padded:\n        raise ValueError("kernel does not fit")\n    return (padded - kernel_size) // stride + 1\n\n\nq3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]\nq3_flatten_features = 1250\nq4_conv_params = 84\nq4_cnn_params = 1337\nq4_fcnn_params = 4238337\n\n\ndef conv2d_params(in_channels, out_channels, kernel_size, bias=True):\n    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size\n    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)\n\n\ndef linear_params(in_features, out_features, bias=True):\n    return out_features * in_features + (out_features if bias else 0)\n\n\ndef conv2d(image, kernel, stride=1, padding=0):\n    H, W = image.shape\n    kh, kw = kernel.shape\n    padded = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)\n    padded[padding:padding + H, padding:padding + W] = image\n    out = torch.zeros((H + 2 * padding - kh) // stride + 1, (W + 2 * padding - kw) // stride + 1, dtype=image.dtype)\n    for i in range(out.shape[0]):\n        for j in range(out.shape[1]):\n            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()\n    return out\n\n\ndef max_pool2d(image, kernel_size=2):\n    k = kernel_size\n    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)\n    for i in range(out.shape[0]):\n        for j in range(out.shape[1]):\n            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()\n    return out\n\n\nq6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])\n\n\nclass CNN(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.net = nn.Sequential(\n            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n            nn.Flatten(), nn.Linear(1250, 1))\n\n    def forward(self, x):\n        return self.net(x)\n\n\ndef conv_block(input_channels, output_channels):\n    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())\n\n\nclass ConvNet(nn.Module):\n    @classmethod\n    def grayscale(cls):\n        return cls(1)\n\n    @classmethod\n    def rgb(cls):\n        return cls(3)\n\n    def __init__(self, input_channels):\n        super().__init__()\n        self.net = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],\n                                 nn.Flatten(), nn.Linear(49152, 1))\n\n    def forward(self, x):\n        return self.net(x)\n\n\nq9_true = {"C"}\nq10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}\n\nprint(ConvNet.grayscale().net[0][0], ConvNet.rgb().net[0][0])\n'})


def to_nb(src: str) -> dict:
    cells = []
    for chunk in src.strip("\n").split("# %%\n"):
        chunk = chunk.strip("\n")
        lines = chunk.split("\n")
        cells.append({"cell_type": "code", "execution_count": None, "id": f"c{len(cells)}", "metadata": {},
                      "outputs": [], "source": [l + "\n" for l in lines[:-1]] + [lines[-1]]})
    cells.insert(0, {"cell_type": "markdown", "id": "md0", "metadata": {}, "source": ["# Lecture 6 exercises"]})
    return {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                                         "language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}


if __name__ == "__main__":
    for name, src in FILES.items():
        path = HERE / name
        if name.endswith(".ipynb"):
            path.write_text(json.dumps(to_nb(src), indent=1) + "\n")
        else:
            path.write_text(src.lstrip("\n"))
        print(path.name)

"""Generate the round-6 fairness corpus (r6_*): correct submissions written against main's two new rules
(issue 9): q6's by-hand functions reach only allowlisted modules, and the judge's weights go in only where the
model's own parameters reach a layer.  Every case answers every question correctly; tests/fair_oracle.py proves
each against torch.  The writers (and the plain answers a case does not override) are round 5's.

    .venv/bin/python tests/corpus/fair/_make_r6.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _make_r5 as r5  # noqa: E402  (the writers; importing it only fills r5.CASES)

d = r5.d
CASES: dict[str, dict] = {}


def case(name, kind="nb", **parts):
    """kind: "nb" or "py"; parts: q-overrides, plus 'pre'/'post' (lists of extra cells)."""
    CASES[name] = dict(kind=kind, **parts)


Q6_HEAD = 'import torch\n\nq6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]\n\n\n'

# ---- q6: by-hand convolution and pooling that reach allowlisted (or plausible) modules ----------------------

case("r6_py_q6_math_prod_itertools_product", kind="py", q6=Q6_HEAD + d('''
    from itertools import product
    from math import prod


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        assert prod(out.shape) == oh * ow
        for i, j in product(range(oh), range(ow)):
            total = 0.0
            for a, b in product(range(kh), range(kw)):
                total += padded[i * stride + a, j * stride + b] * kernel[a, b]
            out[i, j] = total
        return out


    def max_pool2d(image, kernel_size=2):
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        out = torch.empty(oh, ow, dtype=image.dtype)
        for i, j in product(range(oh), range(ow)):
            out[i, j] = max(image[i * kernel_size + a, j * kernel_size + b]
                            for a, b in product(range(kernel_size), repeat=2))
        return out'''))

case("r6_nb_q6_numpy_stride_tricks_einsum_pad", q6=Q6_HEAD + d('''
    import numpy as np
    from numpy.lib.stride_tricks import sliding_window_view


    def conv2d(image, kernel, stride=1, padding=0):
        img = np.pad(np.asarray(image, dtype=np.float64), padding)
        k = np.asarray(kernel, dtype=np.float64)
        windows = sliding_window_view(img, k.shape)[::stride, ::stride]
        return torch.from_numpy(np.einsum("ijkl,kl->ij", windows, k)).to(image.dtype)


    def max_pool2d(image, kernel_size=2):
        arr = np.asarray(image)
        windows = np.lib.stride_tricks.sliding_window_view(arr, (kernel_size, kernel_size))
        return torch.from_numpy(windows[::kernel_size, ::kernel_size].max(axis=(2, 3)).copy())'''))

case("r6_py_q6_functools_reduce_operator_mul", kind="py", q6=Q6_HEAD + d('''
    import functools
    import operator


    def conv2d(image, kernel, stride=1, padding=0):
        if padding:
            image = torch.nn.functional.pad(image, (padding,) * 4)
        kh, kw = kernel.shape
        rows = range(0, image.shape[0] - kh + 1, stride)
        cols = range(0, image.shape[1] - kw + 1, stride)
        return torch.stack([
            torch.stack([functools.reduce(operator.add, map(operator.mul, image[r:r + kh, c:c + kw].flatten(),
                                                            kernel.flatten()))
                         for c in cols])
            for r in rows])


    def max_pool2d(image, kernel_size=2):
        rows = range(0, image.shape[0] - kernel_size + 1, kernel_size)
        cols = range(0, image.shape[1] - kernel_size + 1, kernel_size)
        return torch.tensor([[functools.reduce(max, image[r:r + kernel_size, c:c + kernel_size].flatten().tolist())
                              for c in cols] for r in rows], dtype=image.dtype)'''))

case("r6_nb_q6_namedtuple_enum_dataclass", q6=Q6_HEAD + d('''
    import enum
    from dataclasses import dataclass
    from typing import NamedTuple


    class Size(NamedTuple):
        rows: int
        cols: int


    class Reduce(enum.Enum):
        SUM = "sum"
        MAX = "max"


    @dataclass(frozen=True)
    class Window:
        size: Size
        stride: int


    def _slide(image, window, how):
        out_rows = (image.shape[0] - window.size.rows) // window.stride + 1
        out_cols = (image.shape[1] - window.size.cols) // window.stride + 1
        out = torch.zeros(out_rows, out_cols, dtype=image.dtype)
        for i in range(out_rows):
            for j in range(out_cols):
                r, c = i * window.stride, j * window.stride
                patch = image[r:r + window.size.rows, c:c + window.size.cols]
                out[i, j] = patch.sum() if how is Reduce.SUM else patch.max()
        return out


    def conv2d(image, kernel, stride=1, padding=0):
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        window = Window(Size(*kernel.shape), stride)
        out = torch.zeros((padded.shape[0] - window.size.rows) // stride + 1,
                          (padded.shape[1] - window.size.cols) // stride + 1, dtype=image.dtype)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                r, c = i * stride, j * stride
                out[i, j] = (padded[r:r + kernel.shape[0], c:c + kernel.shape[1]] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        return _slide(image, Window(Size(kernel_size, kernel_size), kernel_size), Reduce.MAX)'''))

case("r6_py_q6_deque_and_array", kind="py", q6=Q6_HEAD + d('''
    from array import array
    from collections import deque


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        ph, pw = h + 2 * padding, w + 2 * padding
        flat = array("d", [0.0]) * (ph * pw)
        for r in range(h):
            for c in range(w):
                flat[(r + padding) * pw + c + padding] = float(image[r, c])
        kflat = array("d", (float(v) for v in kernel.flatten()))
        oh, ow = (ph - kh) // stride + 1, (pw - kw) // stride + 1
        out = array("d")
        for i in range(oh):
            for j in range(ow):
                acc = 0.0
                for a in range(kh):
                    for b in range(kw):
                        acc += flat[(i * stride + a) * pw + j * stride + b] * kflat[a * kw + b]
                out.append(acc)
        return torch.tensor(out, dtype=image.dtype).reshape(oh, ow)


    def max_pool2d(image, kernel_size=2):
        rows = []
        for i in range(image.shape[0] // kernel_size):
            window = deque(maxlen=kernel_size * kernel_size)
            row = []
            for j in range(image.shape[1] // kernel_size):
                window.extend(image[i * kernel_size:(i + 1) * kernel_size,
                                    j * kernel_size:(j + 1) * kernel_size].flatten().tolist())
                row.append(max(window))
            rows.append(row)
        return torch.tensor(rows, dtype=image.dtype)'''))

case("r6_nb_q6_recursion_and_recursionlimit", q6=Q6_HEAD + d('''
    import sys


    def _rows(padded, kernel, stride, start):
        """One output row, then the rest, recursively."""
        kh, kw = kernel.shape
        if start + kh > padded.shape[0]:
            return []
        row = [(padded[start:start + kh, c:c + kw] * kernel).sum()
               for c in range(0, padded.shape[1] - kw + 1, stride)]
        return [torch.stack(row)] + _rows(padded, kernel, stride, start + stride)


    def conv2d(image, kernel, stride=1, padding=0):
        assert image.shape[0] < sys.getrecursionlimit(), "image too tall for the recursive version"
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        return torch.stack(_rows(padded, kernel, stride, 0))


    def max_pool2d(image, kernel_size=2):
        if image.shape[0] < kernel_size:
            return torch.zeros(0, image.shape[1] // kernel_size, dtype=image.dtype)
        row = torch.stack([image[:kernel_size, c:c + kernel_size].max()
                           for c in range(0, image.shape[1] - kernel_size + 1, kernel_size)])
        return torch.cat([row[None], max_pool2d(image[kernel_size:], kernel_size)])'''))

case("r6_py_q6_pprint_textwrap_errors", kind="py", q6=Q6_HEAD + d('''
    import pprint
    import textwrap


    def conv2d(image, kernel, stride=1, padding=0):
        if image.dim() != 2 or kernel.dim() != 2:
            raise ValueError(textwrap.dedent(f"""
                conv2d expects 2-D tensors, got
                {pprint.pformat({"image": tuple(image.shape), "kernel": tuple(kernel.shape)})}"""))
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        kh, kw = kernel.shape
        oh, ow = (padded.shape[0] - kh) // stride + 1, (padded.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        if image.dim() != 2:
            raise ValueError(textwrap.fill(f"max_pool2d expects a 2-D tensor, got shape {tuple(image.shape)}", 60))
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        return image[:oh * k, :ow * k].reshape(oh, k, ow, k).amax(dim=(1, 3))'''))

case("r6_nb_q6_print_assert_warnings", q6=Q6_HEAD + d('''
    import warnings

    VERBOSE = False


    def conv2d(image, kernel, stride=1, padding=0):
        assert image.dim() == 2 and kernel.dim() == 2, "2-D image and kernel only"
        if kernel.shape[0] % 2 == 0:
            warnings.warn("even kernel: the output is not centred")
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        kh, kw = kernel.shape
        oh, ow = (padded.shape[0] - kh) // stride + 1, (padded.shape[1] - kw) // stride + 1
        if VERBOSE:
            print(f"conv2d: {tuple(image.shape)} * {tuple(kernel.shape)} -> {(oh, ow)}")
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        if image.shape[0] % kernel_size:
            warnings.warn(f"the last {image.shape[0] % kernel_size} rows are dropped", stacklevel=2)
        print(f"pooling {tuple(image.shape)} with k={kernel_size}")
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return out'''))

case("r6_nb_q6_tqdm_fallback", q6=Q6_HEAD + d('''
    try:
        from tqdm.auto import tqdm
    except ImportError:  # tqdm is not installed everywhere
        def tqdm(iterable, **kwargs):
            return iterable


    def conv2d(image, kernel, stride=1, padding=0):
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        kh, kw = kernel.shape
        oh, ow = (padded.shape[0] - kh) // stride + 1, (padded.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in tqdm(range(oh), desc="conv rows", leave=False, disable=oh < 50):
            for j in range(ow):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in tqdm(range(oh), desc="pool rows", leave=False, disable=True):
            for j in range(ow):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return out'''))

case("r6_py_q6_perf_counter_logging", kind="py", q6=Q6_HEAD + d('''
    import logging
    import time

    log = logging.getLogger(__name__)


    def conv2d(image, kernel, stride=1, padding=0):
        started = time.perf_counter()
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        kh, kw = kernel.shape
        oh, ow = (padded.shape[0] - kh) // stride + 1, (padded.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        log.debug("conv2d %s took %.3f ms", tuple(out.shape), 1000 * (time.perf_counter() - started))
        return out


    def max_pool2d(image, kernel_size=2):
        started = time.perf_counter()
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        logging.getLogger(__name__).debug("max_pool2d took %.3f ms", 1000 * (time.perf_counter() - started))
        return out'''))

case("r6_nb_q6_F_pad_unfold_stack", q6=Q6_HEAD + d('''
    import torch.nn.functional as F


    def conv2d(image, kernel, stride=1, padding=0):
        padded = F.pad(image, (padding, padding, padding, padding))  # padding is not convolution
        kh, kw = kernel.shape
        patches = padded.unfold(0, kh, stride).unfold(1, kw, stride)  # (oh, ow, kh, kw)
        return torch.stack([(row * kernel).sum(dim=(-2, -1)) for row in patches])


    def max_pool2d(image, kernel_size=2):
        patches = image.unfold(0, kernel_size, kernel_size).unfold(1, kernel_size, kernel_size)
        return patches.reshape(*patches.shape[:2], -1).max(dim=-1).values'''))

case("r6_py_q6_helper_class_generator_lookup_deepcopy", kind="py", q6=Q6_HEAD + d('''
    import copy
    import math


    class Sliding:
        """Walks a window over a 2-D tensor and yields (row, col, patch)."""

        def __init__(self, image, size, stride):
            self.image, self.size, self.stride = image, size, stride

        def __iter__(self):
            kh, kw = self.size
            for r in range(0, self.image.shape[0] - kh + 1, self.stride):
                for c in range(0, self.image.shape[1] - kw + 1, self.stride):
                    yield r // self.stride, c // self.stride, self.image[r:r + kh, c:c + kw]

        def out_shape(self):
            kh, kw = self.size
            return ((self.image.shape[0] - kh) // self.stride + 1, (self.image.shape[1] - kw) // self.stride + 1)


    REDUCERS = {"conv": lambda patch, kernel: (patch * kernel).sum(), "max": lambda patch, _: patch.max()}


    def _apply(image, size, stride, how, kernel=None):
        walker = Sliding(image, size, stride)
        out = torch.zeros(walker.out_shape(), dtype=image.dtype)
        for i, j, patch in walker:
            out[i, j] = REDUCERS[how](patch, kernel)
        return out


    def conv2d(image, kernel, stride=1, padding=0):
        original = copy.deepcopy(image)
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        out = _apply(padded, tuple(kernel.shape), stride, "conv", kernel)
        assert math.isclose(float(original.sum()), float(image.sum()), rel_tol=1e-6, abs_tol=1e-6)
        return out


    def max_pool2d(image, kernel_size=2):
        return _apply(image, (kernel_size, kernel_size), kernel_size, "max")'''))

case("r6_nb_q6_future_annotations_type_hints",
     q6=d('''
    from __future__ import annotations

    from typing import Optional, Tuple, Union

    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]

    IntPair = Union[int, Tuple[int, int]]


    def _pair(v: IntPair) -> Tuple[int, int]:
        return (v, v) if isinstance(v, int) else tuple(v)


    def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: IntPair = 1, padding: int = 0,
               out: Optional[torch.Tensor] = None) -> torch.Tensor:
        sh, sw = _pair(stride)
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        kh, kw = kernel.shape
        oh, ow = (padded.shape[0] - kh) // sh + 1, (padded.shape[1] - kw) // sw + 1
        if out is None:
            out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (padded[i * sh:i * sh + kh, j * sw:j * sw + kw] * kernel).sum()
        return out


    def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        out: torch.Tensor = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
        return out'''))

case("r6_py_q6_statistics_and_fractions_checks", kind="py", q6=Q6_HEAD + d('''
    import statistics
    from fractions import Fraction


    def conv2d(image, kernel, stride=1, padding=0):
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        kh, kw = kernel.shape
        oh = int(Fraction(padded.shape[0] - kh, stride)) + 1  # floor for non-negative numbers
        ow = int(Fraction(padded.shape[1] - kw, stride)) + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                patch = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
                # sum = mean * count: statistics.fmean gives the mean of the products
                out[i, j] = statistics.fmean((patch * kernel).flatten().tolist()) * kh * kw
        return out


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
        return out'''))

case("r6_py_q6_print_to_stderr", kind="py", q6=Q6_HEAD + d('''
    import sys


    def conv2d(image, kernel, stride=1, padding=0):
        kh, kw = kernel.shape
        if kh > image.shape[0] + 2 * padding:
            print(f"warning: a {kh}x{kw} kernel is taller than the padded image", file=sys.stderr)
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        oh, ow = (padded.shape[0] - kh) // stride + 1, (padded.shape[1] - kw) // stride + 1
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
        return out'''))

# ---- q7/q8: the model's own parameters reach its layers in unusual but legitimate ways ----------------------

case("r6_py_parameterlist_functional", kind="py",
     q7=d('''
    import torch
    import torch.nn.functional as F
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            shapes = [(3, 1, 3, 3), (3,), (2, 3, 3, 3), (2,), (1, 1250), (1,)]
            self.params = nn.ParameterList(nn.Parameter(torch.empty(s)) for s in shapes)
            for w in self.params[0::2]:
                nn.init.kaiming_uniform_(w, a=5 ** 0.5)
            for b in self.params[1::2]:
                nn.init.uniform_(b, -0.1, 0.1)

        def forward(self, x):
            w1, b1, w2, b2, w3, b3 = self.params
            x = F.max_pool2d(F.relu(F.conv2d(x, w1, b1, padding=1)), 2)
            x = F.max_pool2d(F.relu(F.conv2d(x, w2, b2, padding=1)), 2)
            return F.linear(x.flatten(1), w3, b3)'''),
     q8=d('''
    import torch
    import torch.nn.functional as F
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            convs = [nn.Conv2d(input_channels, 3, 3, padding=1)] + [nn.Conv2d(3, 3, 3, padding=1) for _ in range(4)]
            self.weights = nn.ParameterList(c.weight for c in convs)
            self.biases = nn.ParameterList(c.bias for c in convs)
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            for w, b in zip(self.weights, self.biases):
                x = F.relu(F.conv2d(x, w, b, padding=1))
            return self.fc(x.flatten(1))'''))

case("r6_nb_parameter_views_flat_storage",
     q7=d('''
    import torch
    import torch.nn.functional as F
    from torch import nn


    class CNN(nn.Module):
        """Kernels kept as rows (one per output channel), viewed as 4-D when used."""

        def __init__(self):
            super().__init__()
            self.k1 = nn.Parameter(torch.randn(3, 9) * 0.3)
            self.b1 = nn.Parameter(torch.zeros(3))
            self.k2 = nn.Parameter(torch.randn(2, 27) * 0.2)
            self.b2 = nn.Parameter(torch.zeros(2))
            self.w = nn.Parameter(torch.randn(1250) * 0.02)
            self.b = nn.Parameter(torch.zeros(1))

        def forward(self, x):
            x = F.max_pool2d(F.relu(F.conv2d(x, self.k1.view(3, 1, 3, 3), self.b1, padding=1)), 2)
            x = F.max_pool2d(F.relu(F.conv2d(x, self.k2.reshape(2, 3, 3, 3), self.b2, padding=1)), 2)
            return F.linear(x.flatten(1), self.w.view(1, -1), self.b)'''))

case("r6_py_linear_transposed_storage", kind="py",
     q7=d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        """The classifier's weight kept as (in, out), the way the lecture's maths writes x W + b."""

        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                          nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.W = nn.Parameter(torch.randn(1250, 1) / 1250 ** 0.5)
            self.b = nn.Parameter(torch.zeros(1))

        def forward(self, x):
            return torch.nn.functional.linear(self.features(x).flatten(1), self.W.T, self.b)'''),
     q8=d('''
    import torch
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)))
            self.W = nn.Parameter(torch.randn(49152, 1) / 49152 ** 0.5)
            self.b = nn.Parameter(torch.zeros(1))

        def forward(self, x):
            return self.blocks(x).flatten(1) @ self.W + self.b'''))

case("r6_nb_contiguous_to_dtype_type_as",
     q7=d('''
    import torch
    import torch.nn.functional as F
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = F.conv2d(x, self.conv1.weight.contiguous(), self.conv1.bias, padding=1)
            x = F.max_pool2d(F.relu(x), 2)
            x = F.conv2d(x, self.conv2.weight.to(x.dtype), self.conv2.bias.to(x.dtype), padding=1)
            x = F.max_pool2d(F.relu(x), 2)
            return F.linear(x.flatten(1), self.fc.weight.type_as(x), self.fc.bias.type_as(x))'''))

case("r6_nb_aliased_modules_tied_names",
     q7=d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)
            # the same layers under the names of the lecture's figure (shared, not copies)
            self.layers = nn.ModuleList([self.conv1, self.conv2])
            self.head = self.fc

        def forward(self, x):
            for conv in self.layers:
                x = nn.functional.max_pool2d(torch.relu(conv(x)), 2)
            return self.head(x.flatten(1))'''),
     q8=d('''
    import torch
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(49152, 1)
            self.fc.weight = nn.Parameter(self.fc.weight.detach().clone())  # re-registered, still its own
            self.first_block = self.blocks[0]

        def forward(self, x):
            x = self.first_block(x)
            for block in self.blocks[1:]:
                x = block(x)
            return self.fc(x.flatten(1))'''))

case("r6_py_parametrize_symmetric_noop", kind="py",
     q7=d('''
    import torch
    import torch.nn.utils.parametrize as P
    from torch import nn


    class KeepAsIs(nn.Module):
        """A placeholder parametrization (the lab later swaps in a constraint)."""

        def forward(self, X):
            return X.contiguous()


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)
            for layer in (self.conv1, self.conv2, self.fc):
                P.register_parametrization(layer, "weight", KeepAsIs())

        def forward(self, x):
            x = torch.max_pool2d(torch.relu(self.conv1(x)), 2)
            x = torch.max_pool2d(torch.relu(self.conv2(x)), 2)
            return self.fc(torch.flatten(x, 1))'''))

case("r6_nb_addmm_linear",
     q7=d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.W = nn.Parameter(torch.randn(1, 1250) * 0.02)
            self.b = nn.Parameter(torch.zeros(1))

        def forward(self, x):
            x = self.pool(torch.relu(self.conv1(x)))
            x = self.pool(torch.relu(self.conv2(x)))
            return torch.addmm(self.b, x.flatten(1), self.W.T)  # b + x W^T in one call'''))

case("r6_py_linear_in_out_storage_F_linear", kind="py",
     q8=d('''
    import torch
    import torch.nn.functional as F
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.W = nn.Parameter(torch.empty(49152, 1).uniform_(-49152 ** -0.5, 49152 ** -0.5))  # (in, out)
            self.bias = nn.Parameter(torch.zeros(1))

        def forward(self, x):
            return F.linear(torch.flatten(self.blocks(x), 1), self.W.T, self.bias)'''))

case("r6_nb_channels_last_model",
     q7=d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)
            self.to(memory_format=torch.channels_last)  # faster convolutions on CPU, same numbers

        def forward(self, x):
            x = x.contiguous(memory_format=torch.channels_last)
            x = self.pool(torch.relu(self.conv1(x)))
            x = self.pool(torch.relu(self.conv2(x)))
            return self.fc(x.contiguous().flatten(1))'''),
     q7_post=["model = CNN().to(memory_format=torch.channels_last)\nprint(model(torch.randn(2, 1, 100, 100)).shape)"])

case("r6_py_default_dtype_float64", kind="py",
     pre=["import torch\n\ntorch.set_default_dtype(torch.float64)  # I like exact-looking numbers"],
     q7=d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = x.to(self.conv1.weight.dtype)  # inputs may come as float32
            x = self.pool(torch.relu(self.conv1(x)))
            x = self.pool(torch.relu(self.conv2(x)))
            return self.fc(torch.flatten(x, 1))'''),
     q8=d('''
    import torch
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            return self.fc(self.blocks(x.type_as(self.fc.weight)).flatten(1))'''))

case("r6_nb_half_sequential_half_manual",
     q7=d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc_weight = nn.Parameter(torch.randn(1, 1250) * 0.02)
            self.fc_bias = nn.Parameter(torch.zeros(1))

        def forward(self, x):
            x = self.features(x)
            x = nn.functional.max_pool2d(nn.functional.relu(self.conv2(x)), kernel_size=2)
            return x.flatten(1) @ self.fc_weight.T + self.fc_bias'''))


def main():
    for name, spec in CASES.items():
        (r5.write_notebook if spec["kind"] == "nb" else r5.write_script)(name, spec)
    print(f"{len(CASES)} cases written")


if __name__ == "__main__":
    main()

"""Generate the round-7 fairness corpus (r7_*): correct submissions in styles rounds r2..r6 did not write
(issue 9, fairness round 7), aimed at q6's allowlist for what the by-hand functions reach, at the rule that
puts the judge's weights only where the model's own parameters reach a layer, and at notebook habits.
Every case answers every question correctly; tests/fair_oracle.py proves each against torch. The writers
(and the plain answers a case does not override) are round 5's.

    .venv/bin/python tests/corpus/fair/_make_r7.py
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

# ---- q6: by-hand convolution and pooling --------------------------------------------------------------------

case("r7_nb_q6_window_class_slots_property_call", q6=Q6_HEAD + d('''
    class Window:
        """A view of one kh x kw patch of a (padded) image."""
        __slots__ = ("_img", "_top", "_left", "_h", "_w")

        def __init__(self, img, top, left, h, w):
            self._img, self._top, self._left, self._h, self._w = img, top, left, h, w

        @property
        def values(self):
            return self._img[self._top:self._top + self._h, self._left:self._left + self._w]

        def __call__(self, kernel):
            return (self.values * kernel).sum()

        def __repr__(self):
            return f"Window(top={self._top}, left={self._left})"


    def _pad(image, p):
        if p == 0:
            return image
        out = image.new_zeros((image.shape[0] + 2 * p, image.shape[1] + 2 * p))
        out[p:-p, p:-p] = image
        return out


    def conv2d(image, kernel, stride=1, padding=0):
        img = _pad(image, padding)
        kh, kw = kernel.shape
        rows = range(0, img.shape[0] - kh + 1, stride)
        cols = range(0, img.shape[1] - kw + 1, stride)
        return torch.stack([torch.stack([Window(img, r, c, kh, kw)(kernel) for c in cols]) for r in rows])


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        rows = range(0, image.shape[0] - k + 1, k)
        cols = range(0, image.shape[1] - k + 1, k)
        return torch.stack([torch.stack([Window(image, r, c, k, k).values.max() for c in cols]) for r in rows])'''))

case("r7_nb_q6_wraps_validator_lru_cache", q6=Q6_HEAD + d('''
    import functools


    def checks_2d(fn):
        """Refuse anything that is not a 2-D tensor before doing the work."""
        @functools.wraps(fn)
        def wrapper(image, *args, **kwargs):
            if not isinstance(image, torch.Tensor) or image.dim() != 2:
                raise TypeError(f"{fn.__name__} expects a 2-D tensor, got {type(image).__name__}")
            return fn(image, *args, **kwargs)
        return wrapper


    @functools.lru_cache(maxsize=None)
    def out_len(n, k, s, p):
        return (n + 2 * p - k) // s + 1


    @checks_2d
    def conv2d(image, kernel, stride=1, padding=0):
        (h, w), (kh, kw) = image.shape, kernel.shape
        oh, ow = out_len(h, kh, stride, padding), out_len(w, kw, stride, padding)
        x = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        x[padding:padding + h, padding:padding + w] = image
        out = torch.empty(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = torch.sum(x[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel)
        return out


    @checks_2d
    def max_pool2d(image, kernel_size=2):
        oh, ow = out_len(image.shape[0], kernel_size, kernel_size, 0), out_len(image.shape[1], kernel_size, kernel_size, 0)
        out = torch.empty(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = torch.max(image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size])
        return out'''))

case("r7_nb_q6_no_grad_and_inference_mode_blocks", q6=Q6_HEAD + d('''
    def conv2d(image, kernel, stride=1, padding=0):
        with torch.no_grad():
            kh, kw = kernel.shape
            padded = torch.nn.functional.pad(image, (padding, padding, padding, padding))
            oh = (padded.shape[0] - kh) // stride + 1
            ow = (padded.shape[1] - kw) // stride + 1
            out = torch.zeros(oh, ow)
            for i in range(oh):
                for j in range(ow):
                    out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        with torch.inference_mode():
            h, w = image.shape[0] // kernel_size, image.shape[1] // kernel_size
            blocks = image[:h * kernel_size, :w * kernel_size].reshape(h, kernel_size, w, kernel_size)
            result = blocks.amax(dim=(1, 3))
        return result.clone()'''))

case("r7_nb_q6_generators_nested_lambda_dict", q6=Q6_HEAD + d('''
    REDUCERS = {
        "sum_of_products": lambda window, kernel: (window * kernel).sum(),
        "max": lambda window, _: window.max(),
    }


    def windows(image, kh, kw, stride):
        """Yield (i, j, window) for every position where the window fits."""
        for i, top in enumerate(range(0, image.shape[0] - kh + 1, stride)):
            for j, left in enumerate(range(0, image.shape[1] - kw + 1, stride)):
                yield i, j, image[top:top + kh, left:left + kw]


    def slide(image, kh, kw, stride, how, kernel=None):
        def size(n, k):
            return (n - k) // stride + 1

        out = torch.zeros(size(image.shape[0], kh), size(image.shape[1], kw), dtype=image.dtype)
        reduce = REDUCERS[how]
        for i, j, window in windows(image, kh, kw, stride):
            out[i, j] = reduce(window, kernel)
        return out


    def conv2d(image, kernel, stride=1, padding=0):
        if padding > 0:
            z = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
            z[padding:-padding, padding:-padding] = image
            image = z
        return slide(image, kernel.shape[0], kernel.shape[1], stride, "sum_of_products", kernel)


    def max_pool2d(image, kernel_size=2):
        return slide(image, kernel_size, kernel_size, kernel_size, "max")'''))

case("r7_py_q6_true_convolution_flipped_back_recursive_max", kind="py", q6=Q6_HEAD + d('''
    def true_convolution(image, kernel, stride=1):
        """The textbook convolution: the kernel is flipped in both directions."""
        kh, kw = kernel.shape
        flipped = kernel.flip(0).flip(1)
        oh = (image.shape[0] - kh) // stride + 1
        ow = (image.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (image[i * stride:i * stride + kh, j * stride:j * stride + kw] * flipped).sum()
        return out


    def conv2d(image, kernel, stride=1, padding=0):
        # PyTorch's "convolution" is a cross-correlation: flip the kernel first so that the flip inside undoes it
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        return true_convolution(padded, torch.flip(kernel, dims=(0, 1)), stride)


    def largest(values):
        """Maximum of a list, divide and conquer."""
        if len(values) == 1:
            return values[0]
        mid = len(values) // 2
        a, b = largest(values[:mid]), largest(values[mid:])
        return a if a >= b else b


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = largest(image[i * k:(i + 1) * k, j * k:(j + 1) * k].flatten().tolist())
        return out'''))

case("r7_nb_q6_int_index_tensors_gather", q6=d('''
    import torch

    _img = torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]])
    _ker = torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]])  # int64 on purpose: exact arithmetic


    def _index_grid(n_out, k, stride):
        """Integer (n_out, k) tensor of the input rows each output row reads."""
        return torch.arange(n_out).unsqueeze(1) * stride + torch.arange(k).unsqueeze(0)


    def conv2d(image, kernel, stride=1, padding=0):
        kh, kw = kernel.shape
        x = image.new_zeros((image.shape[0] + 2 * padding, image.shape[1] + 2 * padding))
        x[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        oh, ow = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
        rows, cols = _index_grid(oh, kh, stride), _index_grid(ow, kw, stride)
        # patches[i, j, a, b] = x[rows[i, a], cols[j, b]]
        patches = x[rows[:, None, :, None], cols[None, :, None, :]]
        return (patches * kernel).sum(dim=(2, 3))


    def max_pool2d(image, kernel_size=2):
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        rows, cols = _index_grid(oh, kernel_size, kernel_size), _index_grid(ow, kernel_size, kernel_size)
        patches = image[rows[:, None, :, None], cols[None, :, None, :]]
        return patches.flatten(2).max(dim=2).values


    q6_output = conv2d(_img, _ker)
    assert q6_output.dtype == torch.int64'''))

case("r7_py_q6_numpy_object_dtype_fractions", kind="py", q6=Q6_HEAD + d('''
    from fractions import Fraction

    import numpy as np


    def conv2d(image, kernel, stride=1, padding=0):
        # exact sums: numpy arrays of Python objects (Fractions), converted back at the end
        img = np.array([[Fraction(float(v)) for v in row] for row in image.tolist()], dtype=object)
        ker = np.array([[Fraction(float(v)) for v in row] for row in kernel.tolist()], dtype=object)
        img = np.pad(img, padding, mode="constant", constant_values=Fraction(0))
        kh, kw = ker.shape
        oh, ow = (img.shape[0] - kh) // stride + 1, (img.shape[1] - kw) // stride + 1
        out = np.empty((oh, ow), dtype=object)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (img[i * stride:i * stride + kh, j * stride:j * stride + kw] * ker).sum()
        return torch.tensor(out.astype(np.float64), dtype=image.dtype)


    def max_pool2d(image, kernel_size=2):
        a = np.asarray(image.tolist(), dtype=object)
        oh, ow = a.shape[0] // kernel_size, a.shape[1] // kernel_size
        out = np.empty((oh, ow), dtype=object)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = a[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return torch.tensor(out.astype(float), dtype=image.dtype)'''))

case("r7_nb_q6_sum_zip_lists_fsum", q6=Q6_HEAD + d('''
    import math


    def conv2d(image, kernel, stride=1, padding=0):
        rows = image.tolist()
        if padding:
            width = len(rows[0]) + 2 * padding
            rows = ([[0.0] * width for _ in range(padding)]
                    + [[0.0] * padding + r + [0.0] * padding for r in rows]
                    + [[0.0] * width for _ in range(padding)])
        k = kernel.tolist()
        kh, kw = len(k), len(k[0])
        out = []
        for top in range(0, len(rows) - kh + 1, stride):
            line = []
            for left in range(0, len(rows[0]) - kw + 1, stride):
                line.append(math.fsum(sum(a * b for a, b in zip(r[left:left + kw], kr))
                                      for r, kr in zip(rows[top:top + kh], k)))
            out.append(line)
        return torch.tensor(out, dtype=image.dtype)


    def max_pool2d(image, kernel_size=2):
        rows = image.tolist()
        n = kernel_size
        return torch.tensor([[max(v for r in rows[i:i + n] for v in r[j:j + n])
                              for j in range(0, len(rows[0]) - n + 1, n)]
                             for i in range(0, len(rows) - n + 1, n)], dtype=image.dtype)'''))

case("r7_py_q6_typing_overload_and_all", kind="py", pre=['__all__ = ["conv_output_size", "conv2d", "max_pool2d", "CNN", "conv_block", "ConvNet"]'],
     q6=Q6_HEAD + d('''
    from typing import Sequence, Union, overload

    Number = Union[int, float]


    @overload
    def conv2d(image: torch.Tensor, kernel: torch.Tensor) -> torch.Tensor: ...
    @overload
    def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int, padding: int) -> torch.Tensor: ...


    def conv2d(image, kernel, stride=1, padding=0):
        kh, kw = kernel.shape
        img = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        img[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        out_rows: list[list[torch.Tensor]] = []
        for i in range(0, img.shape[0] - kh + 1, stride):
            out_rows.append([(img[i:i + kh, j:j + kw] * kernel).sum() for j in range(0, img.shape[1] - kw + 1, stride)])
        return torch.stack([torch.stack(r) for r in out_rows])


    @overload
    def max_pool2d(image: torch.Tensor) -> torch.Tensor: ...
    @overload
    def max_pool2d(image: torch.Tensor, kernel_size: int) -> torch.Tensor: ...


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        h, w = image.shape[0] // k, image.shape[1] // k
        out = torch.empty(h, w, dtype=image.dtype)
        for i in range(h):
            for j in range(w):
                out[i, j] = image[i * k:i * k + k, j * k:j * k + k].max()
        return out'''))

case("r7_nb_q6_abc_layer_base_class", q6=Q6_HEAD + d('''
    import abc


    class Layer(abc.ABC):
        """What every by-hand layer does: slide a window and reduce it."""

        def __init__(self, kh, kw, stride, padding=0):
            self.kh, self.kw, self.stride, self.padding = kh, kw, stride, padding

        @abc.abstractmethod
        def reduce(self, window):
            ...

        def __call__(self, image):
            p = self.padding
            x = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
            x[p:p + image.shape[0], p:p + image.shape[1]] = image
            oh = (x.shape[0] - self.kh) // self.stride + 1
            ow = (x.shape[1] - self.kw) // self.stride + 1
            out = torch.zeros(oh, ow, dtype=image.dtype)
            for i in range(oh):
                for j in range(ow):
                    r, c = i * self.stride, j * self.stride
                    out[i, j] = self.reduce(x[r:r + self.kh, c:c + self.kw])
            return out


    class Conv(Layer):
        def __init__(self, kernel, stride=1, padding=0):
            super().__init__(*kernel.shape, stride, padding)
            self.kernel = kernel

        def reduce(self, window):
            return (window * self.kernel).sum()


    class MaxPool(Layer):
        def __init__(self, k):
            super().__init__(k, k, k)

        def reduce(self, window):
            return window.max()


    def conv2d(image, kernel, stride=1, padding=0):
        return Conv(kernel, stride, padding)(image)


    def max_pool2d(image, kernel_size=2):
        return MaxPool(kernel_size)(image)'''))

case("r7_py_q6_doctests_and_fstring_asserts", kind="py", q6=Q6_HEAD + d('''
    def conv2d(image, kernel, stride=1, padding=0):
        """Cross-correlate a 2-D image with a 2-D kernel, like F.conv2d.

        >>> conv2d(torch.ones(3, 3), torch.ones(2, 2))
        tensor([[4., 4.],
                [4., 4.]])
        >>> conv2d(torch.ones(3, 3), torch.ones(3, 3), padding=1).shape
        torch.Size([3, 3])
        """
        assert image.dim() == 2 and kernel.dim() == 2, f"need 2-D tensors, got {image.dim()}-D and {kernel.dim()}-D"
        assert stride >= 1, f"stride must be positive, got {stride}"
        kh, kw = kernel.shape
        H, W = image.shape[0] + 2 * padding, image.shape[1] + 2 * padding
        assert kh <= H and kw <= W, f"kernel {kh}x{kw} larger than padded input {H}x{W}"
        x = torch.zeros(H, W, dtype=image.dtype)
        x[padding:H - padding, padding:W - padding] = image
        out = torch.zeros((H - kh) // stride + 1, (W - kw) // stride + 1, dtype=image.dtype)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = (x[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        """Non-overlapping max pooling.

        >>> max_pool2d(torch.arange(16.).reshape(4, 4))
        tensor([[ 5.,  7.],
                [13., 15.]])
        """
        k = kernel_size
        assert k >= 1, f"kernel_size must be positive, got {k}"
        out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
        return out'''),
     post=[d('''
    if __name__ == "__main__":
        import doctest

        doctest.testmod(verbose=False)''')])

case("r7_nb_q6_unfold_einsum_tensordot", q6=Q6_HEAD + d('''
    def conv2d(image, kernel, stride=1, padding=0):
        kh, kw = kernel.shape
        x = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        x[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        patches = x.unfold(0, kh, stride).unfold(1, kw, stride)  # (oh, ow, kh, kw)
        return torch.einsum("ijab,ab->ij", patches, kernel)


    def conv2d_tensordot(image, kernel, stride=1, padding=0):
        """The same with tensordot, kept to compare."""
        kh, kw = kernel.shape
        x = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        x[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        return torch.tensordot(x.unfold(0, kh, stride).unfold(1, kw, stride), kernel, dims=([2, 3], [0, 1]))


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        return image.unfold(0, k, k).unfold(1, k, k).amax(dim=(-2, -1))'''),
     q6_post=[d('''
    _x, _k = torch.randn(7, 6), torch.randn(3, 2)
    assert torch.allclose(conv2d(_x, _k, 2, 1), conv2d_tensordot(_x, _k, 2, 1))''')])

case("r7_py_q6_numpy_as_strided_reduceat", kind="py", q6=Q6_HEAD + d('''
    import numpy as np
    from numpy.lib.stride_tricks import as_strided


    def conv2d(image, kernel, stride=1, padding=0):
        x = np.pad(image.numpy().astype(np.float64), padding)
        k = kernel.numpy().astype(np.float64)
        kh, kw = k.shape
        oh, ow = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
        s0, s1 = x.strides
        windows = as_strided(x, shape=(oh, ow, kh, kw), strides=(s0 * stride, s1 * stride, s0, s1), writeable=False)
        return torch.from_numpy((windows * k).sum(axis=(2, 3))).to(image.dtype)


    def max_pool2d(image, kernel_size=2):
        a = image.numpy()
        k = kernel_size
        a = a[:a.shape[0] // k * k, :a.shape[1] // k * k]
        rows = np.maximum.reduceat(a, np.arange(0, a.shape[0], k), axis=0)
        both = np.maximum.reduceat(rows, np.arange(0, a.shape[1], k), axis=1)
        return torch.from_numpy(np.ascontiguousarray(both))'''))

case("r7_nb_q6_zeropad_module_and_scatter_reduce", q6=Q6_HEAD + d('''
    def conv2d(image, kernel, stride=1, padding=0):
        x = torch.nn.ZeroPad2d(padding)(image.unsqueeze(0)).squeeze(0)
        kh, kw = kernel.shape
        oh, ow = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for a in range(kh):      # add one shifted, strided copy of the input per kernel entry
            for b in range(kw):
                out += kernel[a, b] * x[a:a + stride * (oh - 1) + 1:stride, b:b + stride * (ow - 1) + 1:stride]
        return out


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        x = image[:oh * k, :ow * k]
        r = torch.arange(oh * k) // k
        c = torch.arange(ow * k) // k
        block = (r[:, None] * ow + c[None, :]).flatten()
        out = torch.zeros(oh * ow, dtype=image.dtype)
        out = out.scatter_reduce(0, block, x.flatten(), reduce="amax", include_self=False)
        return out.view(oh, ow)'''))

case("r7_py_q6_contextmanager_heapq_methodcaller", kind="py", q6=Q6_HEAD + d('''
    import contextlib
    import heapq
    import operator
    import time
    import warnings
    from collections import ChainMap

    DEFAULTS = {"stride": 1, "padding": 0}


    @contextlib.contextmanager
    def timed(label, log):
        start = time.perf_counter()
        try:
            yield
        finally:
            log.append((label, time.perf_counter() - start))


    TIMINGS = []


    def conv2d(image, kernel, stride=1, padding=0):
        opts = ChainMap({"stride": stride, "padding": padding}, DEFAULTS)
        s, p = opts["stride"], opts["padding"]
        if s > kernel.shape[0]:
            warnings.warn("stride larger than the kernel skips pixels")
        with timed("conv2d", TIMINGS):
            x = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
            x[p:p + image.shape[0], p:p + image.shape[1]] = image
            kh, kw = kernel.shape
            out = [[operator.mul(x[i:i + kh, j:j + kw], kernel).sum() for j in range(0, x.shape[1] - kw + 1, s)]
                   for i in range(0, x.shape[0] - kh + 1, s)]
        return torch.stack(list(map(torch.stack, out)))


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        largest = operator.methodcaller("max")
        out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                block = image[i * k:(i + 1) * k, j * k:(j + 1) * k]
                top = heapq.nlargest(1, block.flatten().tolist())[0]
                assert top == largest(block).item()
                out[i, j] = top
        return out'''),
     q6_post=[d('''
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        conv2d(torch.ones(6, 6), torch.ones(2, 2), stride=3)''')])

case("r7_nb_q6_dataclass_post_init_numbers_enum", q6=Q6_HEAD + d('''
    import enum
    import numbers
    from dataclasses import dataclass, field


    class Reduce(enum.Enum):
        SUM_OF_PRODUCTS = "sum"
        MAX = "max"


    @dataclass(frozen=True)
    class Slide:
        kh: int
        kw: int
        stride: int = 1
        padding: int = 0
        how: Reduce = Reduce.SUM_OF_PRODUCTS
        notes: list = field(default_factory=list, compare=False)

        def __post_init__(self):
            for name in ("kh", "kw", "stride", "padding"):
                if not isinstance(getattr(self, name), numbers.Integral):
                    raise TypeError(f"{name} must be an integer")

        def run(self, image, kernel=None):
            p = self.padding
            x = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
            x[p:p + image.shape[0], p:p + image.shape[1]] = image
            oh = (x.shape[0] - self.kh) // self.stride + 1
            ow = (x.shape[1] - self.kw) // self.stride + 1
            out = torch.zeros(oh, ow, dtype=image.dtype)
            for i in range(oh):
                for j in range(ow):
                    w = x[i * self.stride:i * self.stride + self.kh, j * self.stride:j * self.stride + self.kw]
                    out[i, j] = (w * kernel).sum() if self.how is Reduce.SUM_OF_PRODUCTS else w.max()
            return out


    def conv2d(image, kernel, stride=1, padding=0):
        return Slide(kernel.shape[0], kernel.shape[1], stride, padding).run(image, kernel)


    def max_pool2d(image, kernel_size=2):
        return Slide(kernel_size, kernel_size, kernel_size, how=Reduce.MAX).run(image)'''))

case("r7_nb_q6_staticmethod_classmethod_getitem", q6=Q6_HEAD + d('''
    class Patches:
        """Indexable collection of the windows of an image: patches[i, j] is one window."""

        def __init__(self, image, kh, kw, stride):
            self.image, self.kh, self.kw, self.stride = image, kh, kw, stride

        @classmethod
        def padded(cls, image, kh, kw, stride, padding):
            return cls(cls.zero_pad(image, padding), kh, kw, stride)

        @staticmethod
        def zero_pad(image, p):
            out = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
            out[p:p + image.shape[0], p:p + image.shape[1]] = image
            return out

        def __len__(self):
            return self.rows * self.cols

        @property
        def rows(self):
            return (self.image.shape[0] - self.kh) // self.stride + 1

        @property
        def cols(self):
            return (self.image.shape[1] - self.kw) // self.stride + 1

        def __getitem__(self, ij):
            i, j = ij
            r, c = i * self.stride, j * self.stride
            return self.image[r:r + self.kh, c:c + self.kw]

        def __iter__(self):
            for i in range(self.rows):
                for j in range(self.cols):
                    yield self[i, j]


    def conv2d(image, kernel, stride=1, padding=0):
        p = Patches.padded(image, *kernel.shape, stride, padding)
        return torch.stack([(w * kernel).sum() for w in p]).reshape(p.rows, p.cols)


    def max_pool2d(image, kernel_size=2):
        p = Patches(image, kernel_size, kernel_size, kernel_size)
        return torch.stack([w.max() for w in p]).reshape(p.rows, p.cols)'''))

case("r7_nb_q6_itertools_starmap_islice_bisect", q6=Q6_HEAD + d('''
    import bisect
    import itertools


    def positions(n, k, stride):
        return list(itertools.takewhile(lambda t: t + k <= n, itertools.count(0, stride)))


    def conv2d(image, kernel, stride=1, padding=0):
        kh, kw = kernel.shape
        x = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        x[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        rows, cols = positions(x.shape[0], kh, stride), positions(x.shape[1], kw, stride)
        def at(r, c):
            return (x[r:r + kh, c:c + kw] * kernel).sum()
        values = list(itertools.starmap(at, itertools.product(rows, cols)))
        return torch.stack(values).reshape(len(rows), len(cols))


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        out = torch.empty(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                vals = sorted(itertools.islice(iter(image[i * k:(i + 1) * k, j * k:(j + 1) * k].flatten().tolist()), k * k))
                out[i, j] = vals[bisect.bisect_right(vals, vals[-1]) - 1]
        return out'''))

case("r7_nb_q6_callable_instance_generic_typevar", q6=Q6_HEAD + d('''
    from typing import Generic, TypeVar

    T = TypeVar("T")


    class Sliding(Generic[T]):
        def __init__(self, reduce):
            self.reduce = reduce

        def __call__(self, image, kh, kw, stride):
            oh, ow = (image.shape[0] - kh) // stride + 1, (image.shape[1] - kw) // stride + 1
            out = image.new_zeros(oh, ow)
            for i in range(oh):
                for j in range(ow):
                    out[i, j] = self.reduce(image[i * stride:i * stride + kh, j * stride:j * stride + kw])
            return out


    def conv2d(image, kernel, stride=1, padding=0):
        x = image.new_zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
        x[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        return Sliding[torch.Tensor](lambda w: (w * kernel).sum())(x, *kernel.shape, stride)


    _maximum = Sliding(torch.max)


    def max_pool2d(image, kernel_size=2):
        return _maximum(image, kernel_size, kernel_size, kernel_size)'''))

# ---- q7 / q8: models that touch their parameters in legitimate ways -----------------------------------------

case("r7_nb_q7_dropout_p0_train_mode",
     q7=d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout2d(p=0.0),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout(p=0.0),
            )
            self.head = nn.Sequential(nn.Flatten(start_dim=1), nn.Linear(1250, 1))
            self.train()  # dropout is off anyway (p=0); I tune it later

        def forward(self, x):
            return self.head(self.features(x))'''))

case("r7_nb_q7_lazy_conv_and_linear",
     q7=d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.LazyConv2d(3, kernel_size=3, padding=1)
            self.conv2 = nn.LazyConv2d(2, kernel_size=3, padding=1)
            self.fc = nn.LazyLinear(1)

        def forward(self, x):
            x = nn.functional.max_pool2d(torch.relu(self.conv1(x)), 2)
            x = nn.functional.max_pool2d(torch.relu(self.conv2(x)), 2)
            return self.fc(x.flatten(1))'''))

case("r7_nb_q7_requires_grad_and_no_grad_in_forward",
     q7=d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)
            self.sizes = []

        def forward(self, x):
            self.conv1.weight.requires_grad_(True)  # I froze it in an experiment; make sure it trains again
            x = torch.max_pool2d(torch.relu(self.conv1(x)), 2)
            x = torch.max_pool2d(torch.relu(self.conv2(x)), 2)
            with torch.no_grad():
                self.sizes.append(tuple(x.shape))  # bookkeeping only
            return self.fc(x.reshape(x.shape[0], -1))'''),
     q8=d('''
    import torch
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(*map(conv_block, [input_channels, 3, 3, 3, 3], [3] * 5))
            self.fc = nn.Linear(49152, 1)
            for p in self.parameters():
                p.requires_grad_(True)

        def forward(self, x):
            with torch.enable_grad():
                h = self.blocks(x)
            return self.fc(torch.flatten(h, start_dim=1))'''))

case("r7_py_q7_double_precision_model", kind="py",
     q7=d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        """Computes in float64 (I compared with numpy), returns the input's dtype."""

        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)
            self.double()

        def forward(self, x):
            dtype = x.dtype
            x = x.double()
            x = nn.functional.max_pool2d(nn.functional.relu(self.conv1(x)), 2)
            x = nn.functional.max_pool2d(nn.functional.relu(self.conv2(x)), 2)
            return self.fc(x.flatten(1)).to(dtype)'''),
     q8=d('''
    import torch
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU()).float()


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.body = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                      conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)
            self.float()

        def forward(self, x):
            return self.fc(self.body(x.float()).view(x.size(0), -1))'''))

case("r7_nb_q7_torch_nn_init_and_apply",
     q7=d('''
    import math

    import torch
    from torch import nn


    def init_weights(m):
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
            nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Linear):
            nn.init.xavier_uniform_(m.weight)
            nn.init.constant_(m.bias, 0.0)


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)
            self.apply(init_weights)

        def forward(self, x):
            x = self.pool(torch.relu(self.conv1(x)))
            x = self.pool(torch.relu(self.conv2(x)))
            return self.fc(torch.flatten(x, 1))'''),
     q8=d('''
    import torch
    from torch import nn


    def conv_block(input_channels, output_channels):
        conv = nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1)
        with torch.no_grad():
            fan_in = input_channels * 9
            conv.weight.copy_(torch.randn_like(conv.weight) * (2.0 / fan_in) ** 0.5)
            conv.bias.fill_(0.01)
        return nn.Sequential(conv, nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(49152, 1)
            nn.init.normal_(self.fc.weight, std=0.01)
            nn.init.zeros_(self.fc.bias)

        def forward(self, x):
            for block in self.blocks:
                x = block(x)
            return self.fc(x.flatten(1))'''))

case("r7_nb_q7_state_dict_from_template_deepcopy",
     q7=d('''
    import copy

    import torch
    from torch import nn

    torch.manual_seed(0)
    _TEMPLATE = nn.Sequential(
        nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(1250, 1),
    )


    class CNN(nn.Module):
        """Every instance starts from the same weights (reproducible experiments)."""

        def __init__(self):
            super().__init__()
            self.net = copy.deepcopy(_TEMPLATE)
            self.net.load_state_dict(_TEMPLATE.state_dict())

        def forward(self, x):
            return self.net(x)'''),
     q8=d('''
    import copy

    import torch
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            first = conv_block(input_channels, 3)
            middle = conv_block(3, 3)
            self.blocks = nn.Sequential(first, *(copy.deepcopy(middle) for _ in range(4)))
            for b in list(self.blocks)[1:]:  # fresh weights for each copy
                b[0].reset_parameters()
            self.fc = nn.Linear(49152, 1)
            other = nn.Linear(49152, 1)
            self.fc.load_state_dict(other.state_dict())

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))'''))

case("r7_nb_q7_functional_conv_bias_added_after",
     q7=d('''
    import math

    import torch
    import torch.nn.functional as F
    from torch import nn


    class MyConv(nn.Module):
        """A 3x3, padding-1 convolution written with F.conv2d, the bias added by broadcasting."""

        def __init__(self, cin, cout):
            super().__init__()
            self.weight = nn.Parameter(torch.empty(cout, cin, 3, 3))
            self.bias = nn.Parameter(torch.empty(cout))
            nn.init.kaiming_uniform_(self.weight, a=math.sqrt(5))
            bound = 1 / math.sqrt(cin * 9)
            nn.init.uniform_(self.bias, -bound, bound)

        def forward(self, x):
            return F.conv2d(x, self.weight, bias=None, padding=1) + self.bias.view(1, -1, 1, 1)


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.c1, self.c2 = MyConv(1, 3), MyConv(3, 2)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.c1(x)), 2)
            x = F.max_pool2d(F.relu(self.c2(x)), 2)
            return self.fc(x.flatten(1))'''),
     q8=d('''
    import torch
    import torch.nn.functional as F
    from torch import nn


    class ConvNoBias(nn.Conv2d):
        """Conv2d whose bias is added after the convolution (I wanted to look at the pre-bias map)."""

        def forward(self, x):
            return F.conv2d(x, self.weight, None, self.stride, self.padding) + self.bias[None, :, None, None]


    def conv_block(input_channels, output_channels):
        return nn.Sequential(ConvNoBias(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))'''))

case("r7_py_q7_baddbmm_and_matmul_heads", kind="py",
     q7=d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = nn.functional.max_pool2d(torch.relu(self.conv1(x)), 2)
            x = nn.functional.max_pool2d(torch.relu(self.conv2(x)), 2)
            x = x.flatten(1).unsqueeze(1)                                   # (N, 1, 1250)
            n = x.shape[0]
            w = self.fc.weight.t().unsqueeze(0).expand(n, -1, -1)           # (N, 1250, 1)
            b = self.fc.bias.view(1, 1, 1).expand(n, 1, 1)
            return torch.baddbmm(b, x, w).squeeze(1)'''),
     q8=d('''
    import torch
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            x = self.blocks(x).flatten(1)
            return torch.matmul(x, self.fc.weight.T) + self.fc.bias'''))

case("r7_nb_q7_linear_as_full_size_convolution",
     q7=d('''
    import torch
    import torch.nn.functional as F
    from torch import nn


    class CNN(nn.Module):
        """Fully convolutional view: the Linear layer is a 25x25 convolution over the 2 x 25 x 25 map."""

        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return F.conv2d(x, self.fc.weight.view(1, 2, 25, 25), self.fc.bias).flatten(1)'''))

case("r7_py_q7_unflatten_identity_hand_rearrange", kind="py",
     q7=d('''
    import torch
    from torch import nn


    def rearrange_b_chw(x):
        """einops' rearrange(x, "b c h w -> b (c h w)"), by hand."""
        b, c, h, w = x.shape
        return x.reshape(b, c * h * w)


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.prep = nn.Identity()            # placeholder for normalisation later
            self.block1 = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.block2 = nn.Sequential(nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.unflat = nn.Unflatten(1, (2, 25, 25))
            self.flat = nn.Flatten(start_dim=1)
            self.fc = nn.Linear(1250, 1)
            self.post = nn.Identity()

        def forward(self, x):
            x = self.block2(self.block1(self.prep(x)))
            x = self.unflat(self.flat(x))        # round trip, checks the 2 x 25 x 25 shape
            return self.post(self.fc(rearrange_b_chw(x)))'''))

case("r7_nb_q7_relu_as_where_and_adaptive_pool",
     q7=d('''
    import torch
    import torch.nn.functional as F
    from torch import nn


    def relu(x):
        return torch.where(x > 0, x, torch.zeros_like(x))


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = F.adaptive_max_pool2d(relu(self.conv1(x)), x.shape[-1] // 2)   # 100 -> 50: the same as MaxPool2d(2)
            x = F.adaptive_max_pool2d(relu(self.conv2(x)), x.shape[-1] // 2)   # 50 -> 25
            return self.fc(x.flatten(1))'''),
     q8=d('''
    import torch
    from torch import nn


    class ReLU(nn.Module):
        def forward(self, x):
            return x * (x > 0)


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))'''))

case("r7_py_q7_private_conv_forward_and_elementwise_head", kind="py",
     q7=d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            # same as self.conv1(x); I read the source of Conv2d and call its helper
            x = self.conv1._conv_forward(x, self.conv1.weight, self.conv1.bias)
            x = nn.functional.max_pool2d(torch.relu(x), 2)
            x = nn.functional.max_pool2d(torch.relu(self.conv2(x)), 2).flatten(1)
            # one output: a dot product per sample
            return (x * self.fc.weight).sum(dim=1, keepdim=True) + self.fc.bias'''))

case("r7_nb_q8_reduce_forward_and_functional_call",
     q8=d('''
    import functools

    import torch
    from torch import nn
    from torch.func import functional_call


    def conv_block(input_channels, output_channels):
        layers = [nn.Conv2d(input_channels, output_channels, kernel_size=(3, 3), stride=1, padding=1,
                            padding_mode="zeros", bias=True), nn.ReLU(inplace=False)]
        return nn.Sequential(*layers)


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            channels = [input_channels, 3, 3, 3, 3, 3]
            self.blocks = nn.ModuleList(conv_block(a, b) for a, b in zip(channels, channels[1:]))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            x = functools.reduce(lambda h, block: block(h), self.blocks, x)
            return functional_call(self.fc, dict(self.fc.named_parameters()), (x.flatten(1),))'''))

# ---- notebook habits ----------------------------------------------------------------------------------------

case("r7_nb_timeit_display_markdown_who_precision",
     pre=[d('''
    import warnings
    warnings.filterwarnings("ignore", category=UserWarning)

    import numpy as np
    import torch
    from IPython.display import Markdown, display

    torch.manual_seed(42)
    np.set_printoptions(precision=3, suppress=True)
    %precision 3'''), "%who"],
     q2_post=[d('''
    %%time
    sizes = [conv_output_size(100, k) for k in range(1, 10)]
    display(Markdown(f"**Output sizes for kernels 1..9:** {sizes}"))'''), "%timeit conv_output_size(100, 5, 2, 1)"],
     q6_post=[d('''
    %%time
    out = conv2d(torch.randn(28, 28), torch.randn(3, 3), padding=1)
    display(out.shape)'''), "%timeit -n 3 -r 1 max_pool2d(torch.randn(16, 16))"],
     q7_post=[d('''
    model = CNN()
    display(Markdown(f"`CNN` has **{sum(p.numel() for p in model.parameters())}** parameters"))
    model'''), "%who_ls"])

case("r7_nb_tqdm_threadpool_helpers",
     pre=[d('''
    import concurrent.futures

    try:
        from tqdm.auto import tqdm
    except ImportError:  # no tqdm on this machine
        def tqdm(it, **kwargs):
            return it'''), d('''
    def parallel_map(fn, items, workers=2):
        """Run fn over items on a small thread pool (I use it for sweeps)."""
        with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(fn, items))''')],
     q2_post=[d('''
    sweep = parallel_map(lambda k: conv_output_size(64, k, 1, k // 2), range(1, 8, 2))
    sweep''')],
     q4_post=[d('''
    import torch
    counts = {}
    for name, layer in tqdm([("conv", torch.nn.Conv2d(3, 3, (3, 3))), ("fc", torch.nn.Linear(16, 1))], desc="count"):
        counts[name] = sum(p.numel() for p in layer.parameters())
    assert counts["conv"] == q4_conv_params''')],
     q8_post=[d('''
    with torch.no_grad():
        outs = parallel_map(lambda c: ConvNet(c)(torch.randn(2, c, 128, 128)).shape, [1, 3])
    outs''')])

case("r7_nb_cells_reordered_long_saved_outputs", outputs=True, long_output="for i in range(300):",
     order=["q9", "q10", "q1", "q2", "q5", "q3", "q4", "q6", "q8", "q7"],
     q4=d('''
    q4_conv_params = conv2d_params(3, 3, (3, 3))
    q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
    _sizes = [128 * 128, 256, 128, 64, 32, 16, 1]
    q4_fcnn_params = sum(linear_params(a, b) for a, b in zip(_sizes, _sizes[1:]))'''),
     q3=d('''
    q3_shapes = []
    _c, _s = 1, 100
    for _out in (3, 2):
        _s = conv_output_size(_s, 3, 1, 1)
        q3_shapes.append((_out, _s, _s))
        _s = conv_output_size(_s, 2, 2, 0)
        q3_shapes.append((_out, _s, _s))
    q3_flatten_features = q3_shapes[-1][0] * q3_shapes[-1][1] * q3_shapes[-1][2]'''),
     q7_post=[d('''
    for i in range(300):
        print(f"step {i:03d}: loss {1 / (i + 1):.5f}")''')])

case("r7_py_main_guard_threadpool_sweep", kind="py",
     post=[d('''
    if __name__ == "__main__":
        from concurrent.futures import ThreadPoolExecutor

        torch.manual_seed(0)
        with ThreadPoolExecutor(max_workers=2) as ex:
            shapes = list(ex.map(lambda c: tuple(ConvNet(c)(torch.randn(1, c, 128, 128)).shape), [1, 2]))
        print(shapes)
        print(CNN()(torch.randn(2, 1, 100, 100)).shape)''')])

case("r7_py_q6_cached_property_itemgetter_attrgetter", kind="py", q6=Q6_HEAD + d("""
    import functools
    import operator

    shape_of = operator.attrgetter("shape")
    rows_cols = operator.itemgetter(0, 1)


    class Geometry:
        def __init__(self, image, kernel_hw, stride, padding):
            self.h, self.w = rows_cols(shape_of(image))
            self.kh, self.kw = kernel_hw
            self.stride, self.padding = stride, padding

        @functools.cached_property
        def out_hw(self):
            s, p = self.stride, self.padding
            return (self.h + 2 * p - self.kh) // s + 1, (self.w + 2 * p - self.kw) // s + 1


    def conv2d(image, kernel, stride=1, padding=0):
        g = Geometry(image, rows_cols(shape_of(kernel)), stride, padding)
        x = torch.zeros(g.h + 2 * padding, g.w + 2 * padding, dtype=image.dtype)
        x[padding:padding + g.h, padding:padding + g.w] = image
        oh, ow = g.out_hw
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (x[i * stride:i * stride + g.kh, j * stride:j * stride + g.kw] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        g = Geometry(image, (kernel_size, kernel_size), kernel_size, 0)
        oh, ow = g.out_hw
        k = kernel_size
        return torch.stack([torch.stack([image[i * k:(i + 1) * k, j * k:(j + 1) * k].max() for j in range(ow)])
                            for i in range(oh)])"""))

case("r7_nb_q6_repr_dict_and_dataclasses_astuple", q6=Q6_HEAD + d("""
    import dataclasses


    @dataclasses.dataclass
    class ConvSpec:
        stride: int = 1
        padding: int = 0


    class Padded:
        def __init__(self, image, padding):
            self.padding = padding
            self.data = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
            self.data[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image

        def __repr__(self):
            return f"{type(self).__name__}({self.__dict__})"


    def conv2d(image, kernel, stride=1, padding=0):
        spec = dataclasses.replace(ConvSpec(), stride=stride, padding=padding)
        s, p = dataclasses.astuple(spec)
        x = Padded(image, p).data
        kh, kw = kernel.shape
        oh, ow = (x.shape[0] - kh) // s + 1, (x.shape[1] - kw) // s + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (x[i * s:i * s + kh, j * s:j * s + kw] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
        return out"""))

case("r7_py_q7_extra_repr_and_class_name_messages", kind="py",
     q7=d("""
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)

        def extra_repr(self):
            return f"in=1x100x100, params={sum(p.numel() for p in self.parameters())}"

        def forward(self, x):
            if x.dim() != 4:
                raise ValueError(f"{type(self).__name__} expects (N, 1, 100, 100), got {tuple(x.shape)}")
            x = self.pool(torch.relu(self.conv1(x)))
            x = self.pool(torch.relu(self.conv2(x)))
            return self.fc(x.flatten(1))"""),
     q8=d("""
    import torch
    from torch import nn


    def conv_block(input_channels, output_channels):
        block = nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())
        block.name = f"block_{input_channels}to{output_channels}"
        return block


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(49152, 1)

        def __repr__(self):
            return f"{self.__class__.__name__}(blocks={[b.name for b in self.blocks]})"

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))"""))

case("r7_nb_q8_lazy_conv_blocks",
     q8=d("""
    import torch
    from torch import nn


    def conv_block(input_channels, output_channels):
        # LazyConv2d infers input_channels on the first batch; the argument is kept for the signature
        return nn.Sequential(nn.LazyConv2d(output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(*[conv_block(input_channels if i == 0 else 3, 3) for i in range(5)])
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))"""))


def save_long_output(name, marker):
    """Keep the 300-line printout of the cell starting with ``marker`` in the notebook, as Jupyter saved it."""
    path = r5.HERE / f"{name}.ipynb"
    nb = r5.nbformat.read(str(path), as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "code" and c.source.startswith(marker))
    text = "".join(f"step {i:03d}: loss {1 / (i + 1):.5f}\n" for i in range(300))
    cell.outputs = [r5.new_output("stream", name="stdout", text=text)]
    r5.nbformat.write(nb, str(path))


def main():
    for name, spec in CASES.items():
        (r5.write_notebook if spec["kind"] == "nb" else r5.write_script)(name, spec)
        if spec.get("long_output"):
            save_long_output(name, spec["long_output"])
    print(f"{len(CASES)} cases written")


if __name__ == "__main__":
    main()

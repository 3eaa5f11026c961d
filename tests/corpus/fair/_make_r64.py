"""Round 64 fairness corpus: correct submissions aimed at the reader rules of 4d2b245 / 5bf5fd8 (attack round 89):
partials stored, annotated, chained, of partials, partialmethod; loops and unpacking over displays (aliases);
`in` / `__name__` reads of registries where a class defines __eq__ or a function's __name__/__doc__ is set;
attributes named like a tensor's data (SimpleNamespace(max=...), self.flatten, self.mean); annotations naming type
aliases, Protocols; decorators (lru_cache, wraps, torch.no_grad); match/enum/dataclass/generators; models in odd
arrangements; answers as numpy / torch values; notebooks with magics, help lines and redefinitions.

    python tests/corpus/fair/_make_r64.py [OUTDIR]

Notebook sources are split on '# %%'; a cell starting with '# md' is markdown.
"""
import pathlib
import sys

import nbformat
from nbformat import v4

HERE = pathlib.Path(__file__).parent
FILES = {}

Q_SIMPLE = r'''
q1_answer = "C"
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
'''

Q2_Q5 = r'''
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)
'''

Q6_OUT = r'''
q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])
'''

CONV_LOOPS = r'''
def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out
'''

POOL_LOOPS = r'''
def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out
'''

CNN_PLAIN = r'''
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
'''

Q8_PLAIN = r'''
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)
'''

IMPORTS = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"
MODELS = CNN_PLAIN + "\n" + Q8_PLAIN


def py(name, q6, *, imports=IMPORTS, extra=""):
    """A full submission: the simple answers, q2/q5, the given q6 part, the models, then ``extra``."""
    FILES[f"r64_{name}.py"] = imports + Q_SIMPLE + Q2_Q5 + Q6_OUT + q6 + "\n" + MODELS + extra


FIRST_CELL = 'import otter\ngrader = otter.Notebook("lecture06.ipynb")'


def nb(name, source):
    cells = []
    for chunk in source.split("# %%"):
        chunk = chunk.strip("\n")
        if not chunk.strip():
            continue
        if chunk.startswith("# md"):
            cells.append(v4.new_markdown_cell(chunk[len("# md"):].strip()))
        else:
            cells.append(v4.new_code_cell(chunk))
    book = v4.new_notebook(cells=[v4.new_code_cell(FIRST_CELL)] + cells)
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.validate(book)
    FILES[f"r64_{name}.ipynb"] = nbformat.writes(book)


# a self-check at the end, comparing with torch (used by several files)
SELF_CHECK = r'''

def _torch_conv(image, kernel, stride=1, padding=0):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


def _torch_pool(image, kernel_size=2):
    return F.max_pool2d(image[None, None], kernel_size)[0, 0]
'''


def conv_with(before_loops="", after_loops="", head=""):
    """CONV_LOOPS with lines added at the start of its body and before its return."""
    body = CONV_LOOPS.replace("    h, w = image.shape\n", before_loops + "    h, w = image.shape\n", 1)
    return head + body.replace("    return out\n", after_loops + "    return out\n", 1)



def py_models(name, q6, models, *, imports=IMPORTS, simple=None, extra=""):
    """A full submission with its own q7/q8 models (and optionally its own simple answers)."""
    FILES[f"r64_{name}.py"] = imports + (simple or Q_SIMPLE) + Q2_Q5 + Q6_OUT + q6 + "\n" + models + extra


BASE = CONV_LOOPS + POOL_LOOPS + SELF_CHECK

# =========================================================== partials (round 89: stored, annotated, of partials)
py("partial_annotated_assignment", r'''
from functools import partial
from typing import Callable
''' + BASE + r'''

same_conv: Callable[..., torch.Tensor] = partial(conv2d, padding=1)
same_ref: Callable[..., torch.Tensor] = partial(_torch_conv, padding=1)
x, k = torch.randn(8, 8), torch.randn(3, 3)
print(torch.allclose(same_conv(x, k), same_ref(x, k), atol=1e-5))
''')

py("partial_chained_assignment", r'''
from functools import partial
''' + BASE + r'''

conv_same = same_padding = partial(conv2d, padding=1)
x, k = torch.randn(9, 9), torch.randn(3, 3)
print(conv_same(x, k).shape == x.shape, torch.allclose(same_padding(x, k), _torch_conv(x, k, padding=1), atol=1e-5))
''')

py("partial_attributes_printed", r'''
import functools
''' + BASE + r'''

strided = functools.partial(conv2d, stride=2, padding=1)
print("testing", strided.func.__name__, "with", strided.keywords)
x, k = torch.randn(10, 10), torch.randn(3, 3)
print(torch.allclose(strided(x, k), _torch_conv(x, k, **strided.keywords), atol=1e-5))
''')

py("partial_of_partial", r'''
from functools import partial
''' + BASE + r'''

padded_conv = partial(conv2d, padding=1)
padded_strided_conv = partial(padded_conv, stride=2)
x, k = torch.randn(9, 9), torch.randn(3, 3)
print(torch.allclose(padded_strided_conv(x, k), _torch_conv(x, k, stride=2, padding=1), atol=1e-5))
''')

py("partial_passed_straight_to_checker", r'''
from functools import partial
''' + BASE + r'''

def same_outputs(mine, reference, *inputs):
    return torch.allclose(mine(*inputs), reference(*inputs), atol=1e-5)


x, k = torch.randn(9, 9), torch.randn(3, 3)
print(same_outputs(partial(conv2d, stride=2), partial(_torch_conv, stride=2), x, k))
print(same_outputs(partial(max_pool2d, kernel_size=3), partial(_torch_pool, kernel_size=3), x))
''')

py("partial_in_map_over_images", r'''
from functools import partial
''' + BASE + r'''

kernel = torch.tensor([[1., 0., -1.], [2., 0., -2.], [1., 0., -1.]])
images = [torch.randn(6, 6) for _ in range(4)]
ours = list(map(partial(conv2d, kernel=kernel, padding=1), images))
refs = list(map(partial(_torch_conv, kernel=kernel, padding=1), images))
print(all(torch.allclose(a, b, atol=1e-5) for a, b in zip(ours, refs)))
''')

py("partial_factory_function", r'''
from functools import partial
''' + BASE + r'''

def with_stride(fn, s):
    return partial(fn, stride=s)


x, k = torch.randn(11, 11), torch.randn(3, 3)
for s in (1, 2, 3):
    print(s, torch.allclose(with_stride(conv2d, s)(x, k), with_stride(_torch_conv, s)(x, k), atol=1e-5))
''')

py("partial_pairs_table_comprehension", r'''
from functools import partial
''' + BASE + r'''

CASES = [(partial(conv2d, stride=s, padding=p), partial(_torch_conv, stride=s, padding=p))
         for s in (1, 2) for p in (0, 1)]
x, k = torch.randn(8, 7), torch.randn(3, 2)
print([torch.allclose(mine(x, k), ref(x, k), atol=1e-5) for mine, ref in CASES])
''')

py("partialmethod_in_test_class", r'''
from functools import partialmethod
''' + BASE + r'''

class ConvCheck:
    def __init__(self, size=(8, 8)):
        self.x, self.k = torch.randn(*size), torch.randn(3, 3)

    def compare(self, stride, padding):
        return torch.allclose(conv2d(self.x, self.k, stride, padding), _torch_conv(self.x, self.k, stride, padding),
                              atol=1e-5)

    plain = partialmethod(compare, 1, 0)
    strided = partialmethod(compare, 2, 1)


check = ConvCheck()
print(check.plain(), check.strided())
''')

py("partialmethod_binding_the_function", r'''
from functools import partialmethod
''' + BASE + r'''

class Runner:
    def run(self, fn, image, *args):
        return fn(image, *args)

    hand_conv = partialmethod(run, conv2d)
    hand_pool = partialmethod(run, max_pool2d)


r = Runner()
x, k = torch.randn(8, 8), torch.randn(3, 3)
print(torch.allclose(r.hand_conv(x, k), _torch_conv(x, k), atol=1e-5), torch.equal(r.hand_pool(x, 2), _torch_pool(x)))
''')

py("partial_import_renamed", r'''
from functools import partial as bind
''' + BASE + r'''

conv_s2 = bind(conv2d, stride=2)
ref_s2 = bind(_torch_conv, stride=2)
x, k = torch.randn(9, 9), torch.randn(3, 3)
print(torch.allclose(conv_s2(x, k), ref_s2(x, k), atol=1e-5))
''')

py("partial_stored_in_namespace", r'''
from functools import partial
from types import SimpleNamespace
''' + BASE + r'''

ops = SimpleNamespace(conv=partial(conv2d, padding=1), ref=partial(_torch_conv, padding=1))
x, k = torch.randn(7, 7), torch.randn(3, 3)
print(torch.allclose(ops.conv(x, k), ops.ref(x, k), atol=1e-5))
''')

# =========================================================== decorators: caching, timing, wraps
py("lru_cache_kernel_maker", r'''
import functools
''' + BASE + r'''

@functools.lru_cache(maxsize=None)
def gaussian_kernel(size=3, sigma=1.0):
    r = torch.arange(size, dtype=torch.float32) - (size - 1) / 2
    g = torch.exp(-r ** 2 / (2 * sigma ** 2))
    k = g[:, None] * g[None, :]
    return k / k.sum()


x = torch.randn(10, 10)
for sigma in (0.5, 1.0, 2.0):
    k = gaussian_kernel(3, sigma)
    print(sigma, torch.allclose(conv2d(x, k, padding=1), _torch_conv(x, k, padding=1), atol=1e-5))
print(gaussian_kernel.cache_info())
''')

py("lru_cache_output_size_inside_conv2d", r'''
from functools import lru_cache


@lru_cache(maxsize=128)
def _out_size(n, k, stride, padding):
    return (n + 2 * padding - k) // stride + 1


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = _out_size(h, kh, stride, padding), _out_size(w, kw, stride, padding)
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out
''' + POOL_LOOPS + SELF_CHECK + r'''

x, k = torch.randn(9, 9), torch.randn(3, 3)
print(torch.allclose(conv2d(x, k, 2, 1), _torch_conv(x, k, 2, 1), atol=1e-5), _out_size.cache_info().hits)
''')

py("timed_decorator_wraps_on_both_sides", r'''
import time
from functools import wraps

TIMINGS = []


def timed(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        out = fn(*args, **kwargs)
        TIMINGS.append((fn.__name__, time.perf_counter() - t0))
        return out
    return wrapper


@timed
''' + CONV_LOOPS.lstrip("\n") + r'''

@timed
''' + POOL_LOOPS.lstrip("\n") + r'''

@timed
def torch_conv(image, kernel, stride=1, padding=0):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


x, k = torch.randn(16, 16), torch.randn(3, 3)
print(torch.allclose(conv2d(x, k, 1, 1), torch_conv(x, k, 1, 1), atol=1e-5))
for name, seconds in TIMINGS:
    print(f"{name:12s} {seconds * 1000:.2f} ms")
''')

py("manual_wraps_name_copied_and_registry_names", r'''
REGISTRY = {}


def register(fn):
    REGISTRY[fn.__name__] = fn
    return fn


def logged(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


@register
''' + CONV_LOOPS.lstrip("\n") + r'''

@register
''' + POOL_LOOPS.lstrip("\n") + SELF_CHECK + r'''

check_conv = logged(_torch_conv)
for key in sorted(REGISTRY):
    print(key, "->", REGISTRY[key].__name__)
x, k = torch.randn(7, 7), torch.randn(3, 3)
print(torch.allclose(REGISTRY["conv2d"](x, k), check_conv(x, k), atol=1e-5))
''')

py("registry_duplicate_check_and_eq_class", r'''
REGISTRY = {}


def register(name):
    def decorator(fn):
        if name in REGISTRY:
            raise KeyError(f"{name} registered twice")
        REGISTRY[name] = fn
        return fn
    return decorator


class Shape:
    def __init__(self, *dims):
        self.dims = tuple(int(d) for d in dims)

    def __eq__(self, other):
        return self.dims == tuple(other)

    def __repr__(self):
        return f"Shape{self.dims}"


@register("conv")
''' + CONV_LOOPS.lstrip("\n") + r'''

@register("pool")
''' + POOL_LOOPS.lstrip("\n") + SELF_CHECK + r'''

x, k = torch.randn(8, 8), torch.randn(3, 3)
print(Shape(6, 6) == REGISTRY["conv"](x, k).shape, Shape(4, 4) == REGISTRY["pool"](x).shape)
print(torch.allclose(REGISTRY["conv"](x, k), _torch_conv(x, k), atol=1e-5))
''')

py("registry_len_and_approx_class_eq", r'''
REGISTRY = {}


def register(name):
    def decorator(fn):
        REGISTRY[name] = fn
        print(len(REGISTRY), "functions registered")
        return fn
    return decorator


class Approx:
    """`tensor == Approx(ref)` reads like a test."""
    def __init__(self, expected, atol=1e-5):
        self.expected, self.atol = expected, atol

    def __eq__(self, other):
        return torch.allclose(other, self.expected, atol=self.atol)


@register("conv")
''' + CONV_LOOPS.lstrip("\n") + r'''

@register("pool")
''' + POOL_LOOPS.lstrip("\n") + SELF_CHECK + r'''

x, k = torch.randn(8, 8), torch.randn(3, 3)
assert Approx(_torch_conv(x, k, 2, 1)) == conv2d(x, k, 2, 1)
assert Approx(_torch_pool(x)) == max_pool2d(x)
print("all good")
''')

py("registry_doc_set_and_names_listed", r'''
REGISTRY = {}


def register(name):
    def decorator(fn):
        assert name not in REGISTRY
        REGISTRY[name] = fn
        return fn
    return decorator


@register("conv")
''' + CONV_LOOPS.lstrip("\n") + r'''

@register("pool")
''' + POOL_LOOPS.lstrip("\n") + SELF_CHECK + r'''

conv2d.__doc__ = "2-D convolution (cross-correlation) of one channel, written with loops."
max_pool2d.__doc__ = "Max pooling of one channel, written with loops."
for key in REGISTRY:
    print(key, REGISTRY[key].__name__, "-", REGISTRY[key].__doc__)
x, k = torch.randn(6, 6), torch.randn(3, 3)
print(torch.allclose(conv2d(x, k), _torch_conv(x, k), atol=1e-5))
''')

# =========================================================== namespaces and attributes named like tensor data
py("pool_logs_max_namespace_summary", r'''
from types import SimpleNamespace

POOL_LOG = []


def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    POOL_LOG.append(out.max().item())
    return out
''' + CONV_LOOPS + SELF_CHECK + r'''

x, k = torch.randn(12, 12), torch.randn(3, 3)
feature_map = F.relu(F.conv2d(x[None, None], k[None, None]))[0, 0]
pooled = max_pool2d(feature_map)
print(torch.equal(pooled, _torch_pool(feature_map)))
summary = SimpleNamespace(max=max(POOL_LOG), mean=sum(POOL_LOG) / len(POOL_LOG), calls=len(POOL_LOG))
print(summary)
''')

CNN_FLATTEN_ATTR = r'''
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv1(x)))
        x = self.pool(torch.relu(self.conv2(x)))
        return self.fc(self.flatten(x))
'''


py_models("conv_logs_flatten_cnn_flatten_attribute", r'''
HISTORY = []
''' + conv_with(after_loops="    HISTORY.append(out.flatten()[:4].tolist())\n") + POOL_LOOPS + SELF_CHECK + r'''

x, k = torch.randn(8, 8), torch.randn(3, 3)
blurred = F.conv2d(x[None, None], torch.ones(1, 1, 3, 3) / 9, padding=1)[0, 0]
print(torch.allclose(conv2d(blurred, k), _torch_conv(blurred, k), atol=1e-5), HISTORY[-1])
''', CNN_FLATTEN_ATTR + "\n" + Q8_PLAIN)


py("normalizer_mean_std_attributes_and_logged_mean", r'''
class Normalize:
    def __init__(self, mean, std):
        self.mean, self.std = mean, std

    def __call__(self, x):
        return (x - self.mean) / self.std


MEANS = []
''' + conv_with(before_loops="    MEANS.append(image.mean().item())\n") + POOL_LOOPS + SELF_CHECK + r'''

norm = Normalize(0.5, 0.25)
x, k = norm(torch.rand(9, 9)), torch.randn(3, 3)
smoothed = F.conv2d(x[None, None], k[None, None], padding=1)[0, 0]
print(torch.allclose(conv2d(smoothed, k), _torch_conv(smoothed, k), atol=1e-4), MEANS)
''')

py("argparse_namespace_config", r'''
import argparse
''' + BASE + r'''

args = argparse.Namespace(stride=2, padding=1, size=10, max=3)
x, k = torch.randn(args.size, args.size), torch.randn(3, 3)
print(torch.allclose(conv2d(x, k, args.stride, args.padding), _torch_conv(x, k, args.stride, args.padding), atol=1e-5))
print(torch.equal(max_pool2d(x, args.max), _torch_pool(x, args.max)))
''')

# =========================================================== annotations and type aliases
py("type_aliases_in_annotations_keeper_registry", r'''
from typing import Callable, Union, Tuple

Tensor = torch.Tensor
IntPair = Union[int, Tuple[int, int]]
ConvFn = Callable[[Tensor, Tensor], Tensor]
REGISTRY: list = []


def register(fn: ConvFn) -> ConvFn:
    REGISTRY.append(fn)
    return fn


@register
def conv2d(image: Tensor, kernel: Tensor, stride: IntPair = 1, padding: IntPair = 0) -> Tensor:
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(x: Tensor, kernel_size: int = 2) -> Tensor:
    h, w = x.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=x.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = x[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out
''' + SELF_CHECK + r'''

def compare(mine: ConvFn, ref: ConvFn = _torch_conv) -> bool:
    x, k = torch.randn(8, 8), torch.randn(3, 3)
    return torch.allclose(mine(x, k), ref(x, k), atol=1e-5)


print([compare(fn) for fn in REGISTRY])
''')

py("protocol_class_annotation", r'''
from typing import Protocol


class ConvLike(Protocol):
    def __call__(self, image: torch.Tensor, kernel: torch.Tensor, stride: int = ..., padding: int = ...) -> torch.Tensor:
        ...
''' + BASE + r'''

def check(fn: ConvLike, ref: ConvLike) -> bool:
    x, k = torch.randn(9, 9), torch.randn(3, 3)
    return all(torch.allclose(fn(x, k, s, p), ref(x, k, s, p), atol=1e-5) for s in (1, 2) for p in (0, 1))


print(check(conv2d, _torch_conv))
''')

py("future_annotations_strings_everywhere", r'''
Kernel = "torch.Tensor"


def conv2d(image: torch.Tensor, kernel: Kernel, stride: int = 1, padding: int = 0) -> torch.Tensor:
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


reference: dict[str, object] = {"conv": F.conv2d, "pool": F.max_pool2d}
x, k = torch.randn(7, 7), torch.randn(3, 3)
print(torch.allclose(conv2d(x, k), reference["conv"](x[None, None], k[None, None])[0, 0], atol=1e-5))
''', imports="from __future__ import annotations\n\n" + IMPORTS)

# =========================================================== aliases by loops / unpacking
py("loop_over_logs_display_clears_them", r'''
CONV_CALLS = []
POOL_CALLS = []
''' + conv_with(before_loops="    CONV_CALLS.append((tuple(image.shape), stride, padding))\n"
                "    if len(CONV_CALLS) > 100:\n        CONV_CALLS.pop(0)\n") + POOL_LOOPS + SELF_CHECK + r'''

x, k = torch.randn(8, 8), torch.randn(3, 3)
print(torch.allclose(conv2d(x, k, 2, 1), _torch_conv(x, k, 2, 1), atol=1e-5))
for log in (CONV_CALLS, POOL_CALLS):
    print(len(log), log[-1:] if log else None)
    log.clear()
''')

py("unpack_defaults_read_in_conv2d", r'''
DEFAULTS = {"stride": 1, "padding": 0}


def conv2d(image, kernel, stride=None, padding=None):
    stride = DEFAULTS["stride"] if stride is None else stride
    padding = DEFAULTS["padding"] if padding is None else padding
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out
''' + POOL_LOOPS + SELF_CHECK + r'''

s, p = DEFAULTS["stride"], DEFAULTS["padding"]
x, k = torch.randn(8, 8), torch.randn(3, 3)
ref = _torch_conv(x, k, s, p)
print(torch.allclose(conv2d(x, k), ref, atol=1e-5))
''')

py("loop_over_stats_and_refs_table", r'''
STATS = {"conv": 0, "pool": 0}
''' + conv_with(before_loops="    STATS[\"conv\"] += 1\n") + POOL_LOOPS + SELF_CHECK + r'''

x, k = torch.randn(9, 9), torch.randn(3, 3)
for table, mine, ref in [(STATS, conv2d, _torch_conv)]:
    before = table["conv"]
    same = torch.allclose(mine(x, k), ref(x, k), atol=1e-5)
    table["checked"] = same
    print(same, table["conv"] - before)
''')

py("unpack_results_of_run_both", BASE + r'''

def run_both(mine, ref, *args):
    return mine(*args), ref(*args)


x, k = torch.randn(8, 8), torch.randn(3, 3)
(ours, theirs), (pooled, pooled_ref) = run_both(conv2d, _torch_conv, x, k), run_both(max_pool2d, _torch_pool, x)
print(torch.allclose(ours, theirs, atol=1e-5), torch.equal(pooled, pooled_ref))
first, *rest = [F.conv2d(x[None, None], k[None, None], stride=s)[0, 0] for s in (1, 2, 3)]
print(torch.allclose(conv2d(x, k), first, atol=1e-5), [tuple(r.shape) for r in rest])
''')

py("for_loop_over_fn_and_reference_display", BASE + r'''

x, k = torch.randn(10, 10), torch.randn(3, 3)
results = {}
for fn in [conv2d, _torch_conv, F.conv2d]:
    if fn is F.conv2d:
        results[fn.__name__ + "_raw"] = fn(x[None, None], k[None, None], padding=1)[0, 0]
    else:
        results[fn.__name__] = fn(x, k, padding=1)
print(torch.allclose(results["conv2d"], results["_torch_conv"], atol=1e-5),
      torch.allclose(results["conv2d"], results["conv2d_raw"], atol=1e-5))
''')

py("reversed_and_sorted_over_impls", BASE + r'''

impls = [("hand", conv2d), ("torch", _torch_conv)]
x, k = torch.randn(8, 8), torch.randn(2, 2)
outs = {name: fn(x, k, 2) for name, fn in reversed(impls)}
latest_name, latest = next(reversed(impls))
print(latest_name, torch.allclose(outs["hand"], outs["torch"], atol=1e-5), latest(x, k).shape)
first = sorted(impls)[0][1]
print(first is conv2d)
''')

# =========================================================== q6 in other honest styles
py("match_padding_mode_and_enum", r'''
import enum


class Padding(enum.Enum):
    VALID = "valid"
    SAME = "same"


def _amount(padding, kh):
    match padding:
        case Padding.VALID | "valid":
            return 0
        case Padding.SAME | "same":
            return (kh - 1) // 2
        case int(n) if n >= 0:
            return n
        case _:
            raise ValueError(padding)


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    p = _amount(padding, kh)
    h, w = image.shape
    padded = torch.zeros(h + 2 * p, w + 2 * p, dtype=image.dtype)
    padded[p:p + h, p:p + w] = image
    oh, ow = (h + 2 * p - kh) // stride + 1, (w + 2 * p - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out
''' + POOL_LOOPS + SELF_CHECK + r'''

x, k = torch.randn(9, 9), torch.randn(3, 3)
for mode in (Padding.VALID, Padding.SAME, "same", 2):
    print(mode, torch.allclose(conv2d(x, k, 1, mode), _torch_conv(x, k, 1, _amount(mode, 3)), atol=1e-5))
''')

py("dataclass_spec_with_post_init_and_apply", r'''
from dataclasses import dataclass, field
''' + BASE + r'''

@dataclass(frozen=True)
class ConvSpec:
    kernel: torch.Tensor
    stride: int = 1
    padding: int = 0
    tags: tuple = field(default_factory=tuple)

    def __post_init__(self):
        if self.stride < 1:
            raise ValueError("stride must be positive")

    def apply(self, image):
        return conv2d(image, self.kernel, self.stride, self.padding)

    def reference(self, image):
        return _torch_conv(image, self.kernel, self.stride, self.padding)


specs = [ConvSpec(torch.randn(3, 3)), ConvSpec(torch.randn(2, 2), 2, 1, ("strided",))]
x = torch.randn(8, 8)
print([torch.allclose(s.apply(x), s.reference(x), atol=1e-5) for s in specs])
''')

py("generator_of_windows", r'''
def windows(image, kh, kw, stride):
    h, w = image.shape
    for i in range(0, h - kh + 1, stride):
        for j in range(0, w - kw + 1, stride):
            yield i // stride, j // stride, image[i:i + kh, j:j + kw]


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    out = torch.zeros((h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1, dtype=image.dtype)
    for i, j, patch in windows(padded, kh, kw, stride):
        out[i, j] = (patch * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    out = torch.zeros(h // kernel_size, w // kernel_size, dtype=image.dtype)
    for i, j, patch in windows(image[:h // kernel_size * kernel_size, :w // kernel_size * kernel_size],
                               kernel_size, kernel_size, kernel_size):
        out[i, j] = patch.max()
    return out
''' + SELF_CHECK + r'''

x, k = torch.randn(9, 10), torch.randn(3, 3)
print(torch.allclose(conv2d(x, k, 2, 1), _torch_conv(x, k, 2, 1), atol=1e-5), torch.equal(max_pool2d(x, 3), _torch_pool(x, 3)))
''')

py("einsum_over_stacked_patches", r'''
def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    patches = torch.stack([
        torch.stack([padded[i * stride:i * stride + kh, j * stride:j * stride + kw] for j in range(ow)])
        for i in range(oh)])
    return torch.einsum("ijkl,kl->ij", patches, kernel.to(image.dtype))


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    rows = [torch.stack([image[i * k:(i + 1) * k, j * k:(j + 1) * k].max() for j in range(ow)]) for i in range(oh)]
    return torch.stack(rows)
''' + SELF_CHECK + r'''

x, k = torch.randn(7, 8), torch.randn(3, 2)
print(torch.allclose(conv2d(x, k, 2, 1), _torch_conv(x, k, 2, 1), atol=1e-5), torch.equal(max_pool2d(x, 2), _torch_pool(x, 2)))
''')

py("numpy_loops_converted_back", r'''
import numpy as np


def conv2d(image, kernel, stride=1, padding=0):
    img = np.pad(image.detach().numpy(), padding)
    ker = kernel.detach().numpy()
    kh, kw = ker.shape
    oh = (img.shape[0] - kh) // stride + 1
    ow = (img.shape[1] - kw) // stride + 1
    out = np.zeros((oh, ow), dtype=img.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = np.sum(img[i * stride:i * stride + kh, j * stride:j * stride + kw] * ker)
    return torch.from_numpy(out)


def max_pool2d(image, kernel_size=2):
    a = image.detach().numpy()
    k = kernel_size
    oh, ow = a.shape[0] // k, a.shape[1] // k
    out = np.empty((oh, ow), dtype=a.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = a[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return torch.from_numpy(out)
''' + SELF_CHECK + r'''

x, k = torch.randn(9, 9), torch.randn(3, 3)
print(np.allclose(conv2d(x, k, 2, 2).numpy(), _torch_conv(x, k, 2, 2).numpy(), atol=1e-5))
''')

py("timer_context_manager_class", r'''
import time
''' + BASE + r'''

class Timer:
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.elapsed = time.perf_counter() - self.start
        print(f"{self.label}: {self.elapsed * 1e3:.2f} ms")
        return False


x, k = torch.randn(20, 20), torch.randn(5, 5)
with Timer("loops"):
    ours = conv2d(x, k, padding=2)
with Timer("torch") as t:
    ref = _torch_conv(x, k, padding=2)
print(torch.allclose(ours, ref, atol=1e-4), t.elapsed >= 0)
''')

py("unittest_testcase_self_checks", r'''
import unittest
''' + CONV_LOOPS + POOL_LOOPS + r'''

class TestByHand(unittest.TestCase):
    def test_conv(self):
        for stride in (1, 2):
            for padding in (0, 1):
                x, k = torch.randn(8, 7), torch.randn(3, 3)
                ref = F.conv2d(x[None, None], k[None, None], stride=stride, padding=padding)[0, 0]
                with self.subTest(stride=stride, padding=padding):
                    torch.testing.assert_close(conv2d(x, k, stride, padding), ref)

    def test_pool(self):
        x = torch.randn(8, 8)
        self.assertTrue(torch.equal(max_pool2d(x, 2), F.max_pool2d(x[None, None], 2)[0, 0]))


if __name__ == "__main__":
    unittest.main(argv=["ignored"], exit=False)
''')

py("itertools_product_and_reduce", r'''
import itertools
import operator
from functools import reduce


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i, j in itertools.product(range(oh), range(ow)):
        terms = (padded[i * stride + a, j * stride + b] * kernel[a, b] for a, b in itertools.product(range(kh), range(kw)))
        out[i, j] = reduce(operator.add, terms)
    return out
''' + POOL_LOOPS + SELF_CHECK + r'''

x, k = torch.randn(6, 7), torch.randn(2, 3)
print(torch.allclose(conv2d(x, k, 2, 1), _torch_conv(x, k, 2, 1), atol=1e-5))
''')

py("no_grad_decorator_on_both", r'''
@torch.no_grad()
''' + CONV_LOOPS.lstrip("\n") + r'''

@torch.no_grad()
''' + POOL_LOOPS.lstrip("\n") + SELF_CHECK + r'''

x, k = torch.randn(8, 8, requires_grad=True), torch.randn(3, 3)
out = conv2d(x, k, 1, 1)
print(out.requires_grad, torch.allclose(out, _torch_conv(x.detach(), k, 1, 1), atol=1e-5))
''')

py("class_with_eq_for_results", BASE + r'''

class Result:
    __slots__ = ("name", "value")

    def __init__(self, name, value):
        self.name, self.value = name, value

    def __eq__(self, other):
        return isinstance(other, Result) and torch.allclose(self.value, other.value, atol=1e-5)

    def __hash__(self):
        return hash(self.name)


x, k = torch.randn(8, 8), torch.randn(3, 3)
seen = [Result("torch", _torch_conv(x, k, 1, 1))]
print(Result("hand", conv2d(x, k, 1, 1)) in seen)
print(Result("pool", max_pool2d(x)) == Result("pool-ref", _torch_pool(x)))
''')

# =========================================================== q7/q8 models in odd arrangements
CNN_MODULEDICT_FUNCTIONAL = r'''
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleDict({
            "c1": nn.Conv2d(1, 3, kernel_size=3, padding=1),
            "c2": nn.Conv2d(3, 2, kernel_size=3, padding=1),
            "out": nn.Linear(2 * 25 * 25, 1),
        })

    def forward(self, x):
        for key in ("c1", "c2"):
            x = F.max_pool2d(F.relu(self.layers[key](x)), 2)
        return self.layers["out"](torch.flatten(x, 1))
'''

Q8_LOOP_ADD_MODULE = r'''
def conv_block(input_channels, output_channels):
    block = nn.Sequential()
    block.add_module("conv", nn.Conv2d(input_channels, output_channels, (3, 3), padding=(1, 1)))
    block.add_module("act", nn.ReLU(inplace=True))
    return block


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        channels = [input_channels] + [3] * 5
        for i, (cin, cout) in enumerate(zip(channels, channels[1:])):
            self.add_module(f"block{i}", conv_block(cin, cout))
        self.head = nn.Linear(3 * 128 * 128, 1)

    def forward(self, x):
        for name, module in self.named_children():
            if name.startswith("block"):
                x = module(x)
        return self.head(x.flatten(1))
'''
py_models("models_moduledict_functional_and_add_module_loop", BASE, CNN_MODULEDICT_FUNCTIONAL + Q8_LOOP_ADD_MODULE)

CNN_NESTED_SEQ_INIT = r'''
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        stage = lambda cin, cout: nn.Sequential(nn.Conv2d(cin, cout, 3, 1, 1), nn.ReLU(), nn.MaxPool2d(2, 2))
        self.net = nn.Sequential(nn.Sequential(stage(1, 3), stage(3, 2)), nn.Sequential(nn.Flatten(), nn.Linear(1250, 1)))
        self.apply(self._init)

    @staticmethod
    def _init(m):
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
            nn.init.zeros_(m.bias)

    def forward(self, x):
        return self.net(x)
'''

Q8_REDUCE = r'''
from functools import reduce


def conv_block(input_channels, output_channels):
    return nn.Sequential(*[nn.Conv2d(input_channels, output_channels, kernel_size=3, stride=1, padding=1), nn.ReLU()])


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.ModuleList([conv_block(input_channels if i == 0 else 3, 3) for i in range(5)])
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        x = reduce(lambda acc, block: block(acc), self.blocks, x)
        return self.fc(x.view(x.size(0), -1))
'''
py_models("models_nested_sequential_init_and_reduce_forward", BASE, CNN_NESTED_SEQ_INIT + Q8_REDUCE)

CNN_SPLIT_FEATURES = r'''
class CNN(nn.Module):
    """Two conv stages appended in a loop, then the classifier."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential()
        for i, (cin, cout) in enumerate([(1, 3), (3, 2)]):
            self.features.append(nn.Conv2d(cin, cout, 3, padding="same"))
            self.features.append(nn.ReLU())
            self.features.append(nn.MaxPool2d(2))
        self.classifier = nn.Sequential(nn.Flatten(start_dim=1), nn.Linear(in_features=1250, out_features=1))

    def forward(self, x):
        return self.classifier(self.features(x))
'''

Q8_SEQUENTIAL_SUBCLASS = r'''
def conv_block(input_channels, output_channels):
    return nn.Sequential(OrderedDict(conv=nn.Conv2d(input_channels, output_channels, 3, padding=1), relu=nn.ReLU()))


class ConvNet(nn.Sequential):
    def __init__(self, input_channels):
        blocks = [conv_block(c, 3) for c in (input_channels, 3, 3, 3, 3)]
        super().__init__(*blocks, nn.Flatten(), nn.Linear(49152, 1))
'''
py_models("models_sequential_append_and_sequential_subclass", BASE, CNN_SPLIT_FEATURES + Q8_SEQUENTIAL_SUBCLASS,
          imports=IMPORTS + "from collections import OrderedDict\n")

CNN_PARAMS_FUNCTIONAL = r'''
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.w1 = nn.Parameter(torch.randn(3, 1, 3, 3) * 0.1)
        self.b1 = nn.Parameter(torch.zeros(3))
        self.w2 = nn.Parameter(torch.randn(2, 3, 3, 3) * 0.1)
        self.b2 = nn.Parameter(torch.zeros(2))
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        x = F.max_pool2d(F.relu(F.conv2d(x, self.w1, self.b1, padding=1)), 2)
        x = F.max_pool2d(F.relu(F.conv2d(x, self.w2, self.b2, padding=1)), 2)
        return self.fc(x.reshape(len(x), -1))
'''
py_models("models_cnn_raw_parameters_functional", BASE, CNN_PARAMS_FUNCTIONAL + Q8_PLAIN)

# =========================================================== answers as numpy / torch types
SIMPLE_NUMPY = r'''
import numpy as np

q1_answer = "C"
q3_shapes = [torch.Size([3, 100, 100]), torch.Size([3, 50, 50]), (np.int64(2), np.int64(50), np.int64(50)), tuple(np.array([2, 25, 25]))]
q3_flatten_features = int(np.prod(q3_shapes[-1]))
q4_conv_params = np.int64(3 * 3 * 3 * 3 + 3)
q4_cnn_params = np.sum([1 * 3 * 9 + 3, 3 * 2 * 9 + 2, 1250 + 1])
q4_fcnn_params = sum(int(i) * int(o) + int(o) for i, o in zip([128 * 128, 256, 128, 64, 32, 16], [256, 128, 64, 32, 16, 1]))
q9_true = {"C"}
q10_answers = dict(zip(range(1, 9), np.array([True, False, True, True, False, False, True, False])))
'''
py_models("answers_numpy_ints_and_torch_size", BASE, MODELS, simple=SIMPLE_NUMPY)

SIMPLE_TORCH = r'''
q1_answer = "c".upper()
q3_shapes = list(map(torch.Size, [[3, 100, 100], [3, 50, 50], [2, 50, 50], [2, 25, 25]]))
q3_flatten_features = torch.Size([2, 25, 25]).numel()
q4_conv_params = sum(p.numel() for p in nn.Conv2d(3, 3, 3).parameters())
q4_cnn_params = torch.tensor([30, 56, 1251]).sum().item()
q4_fcnn_params = sum(p.numel() for p in nn.Sequential(
    nn.Linear(128 * 128, 256), nn.Linear(256, 128), nn.Linear(128, 64), nn.Linear(64, 32), nn.Linear(32, 16),
    nn.Linear(16, 1)).parameters())
q9_true = frozenset("C")
q10_answers = {i + 1: bool(v) for i, v in enumerate(torch.tensor([1, 0, 1, 1, 0, 0, 1, 0]))}
'''
py_models("answers_torch_computed", BASE, MODELS, simple=SIMPLE_TORCH)

# =========================================================== notebooks
nb("nb_magics_help_and_redefinition", r'''
%load_ext autoreload
%autoreload 2
import torch
import torch.nn as nn
import torch.nn.functional as F
from functools import partial
# %%
''' + Q_SIMPLE + Q2_Q5 + Q6_OUT + r'''
# %%
# md ## Convolution by hand: a first try, then the real one
# %%
def conv2d(image, kernel, stride=1, padding=0):
    raise NotImplementedError
# %%
F.conv2d?
# %%
help(F.max_pool2d)
# %%
%%time
''' + CONV_LOOPS + POOL_LOOPS + r'''
# %%
same = partial(conv2d, padding=1)
same_torch = partial(F.conv2d, padding=1)
x, k = torch.randn(8, 8), torch.randn(3, 3)
torch.allclose(same(x, k), same_torch(x[None, None], k[None, None])[0, 0], atol=1e-5)
# %%
%timeit conv2d(x, k)
# %%
''' + MODELS)

nb("nb_registry_namespace_and_enum_checks", r'''
import enum
from types import SimpleNamespace
import torch
import torch.nn as nn
import torch.nn.functional as F
# %%
''' + Q_SIMPLE + Q2_Q5 + Q6_OUT + r'''
# %%
''' + CONV_LOOPS + POOL_LOOPS + r'''
# %%
class Impl(enum.Enum):
    HAND = "hand"
    TORCH = "torch"


impls = SimpleNamespace(conv={Impl.HAND: conv2d, Impl.TORCH: lambda x, k, **kw: F.conv2d(x[None, None], k[None, None], **kw)[0, 0]},
                        pool={Impl.HAND: max_pool2d, Impl.TORCH: lambda x, s=2: F.max_pool2d(x[None, None], s)[0, 0]})
x, k = torch.randn(9, 9), torch.randn(3, 3)
outs = {impl: fn(x, k, stride=2) for impl, fn in impls.conv.items()}
print(torch.allclose(outs[Impl.HAND], outs[Impl.TORCH], atol=1e-5))
print(torch.equal(impls.pool[Impl.HAND](x, 3), impls.pool[Impl.TORCH](x, 3)))
# %%
''' + MODELS)

nb("nb_partial_list_and_annotations", r'''
import torch
import torch.nn as nn
import torch.nn.functional as F
from functools import partial
from typing import Callable, List
# %%
''' + Q_SIMPLE + Q2_Q5 + Q6_OUT + r'''
# %%
''' + CONV_LOOPS + POOL_LOOPS + r'''
# %%
checks: List[Callable] = [partial(conv2d, stride=s) for s in (1, 2)]
refs: List[Callable] = [partial(F.conv2d, stride=s) for s in (1, 2)]
x, k = torch.randn(8, 8), torch.randn(3, 3)
[torch.allclose(c(x, k), r(x[None, None], k[None, None])[0, 0], atol=1e-5) for c, r in zip(checks, refs)]
# %%
''' + CNN_NESTED_SEQ_INIT + Q8_REDUCE)


# =========================================================== one-construct reductions and controls
DEFAULTS_CONV = r'''
DEFAULTS = {"stride": 1, "padding": 0}


def conv2d(image, kernel, stride=None, padding=None):
    stride = DEFAULTS["stride"] if stride is None else stride
    padding = DEFAULTS["padding"] if padding is None else padding
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out
''' + POOL_LOOPS + SELF_CHECK + "\nx, k = torch.randn(7, 7), torch.randn(3, 3)\n"
py("min_unpack_items_of_read_dict_to_torch", DEFAULTS_CONV + 's, p = DEFAULTS["stride"], DEFAULTS["padding"]\nref = _torch_conv(x, k, s, p)\n')
py("min_separate_items_of_read_dict_to_torch",
   DEFAULTS_CONV + 's = DEFAULTS["stride"]\np = DEFAULTS["padding"]\nref = _torch_conv(x, k, s, p)\n')
py("min_unpack_items_of_read_dict_printed", DEFAULTS_CONV + 's, p = DEFAULTS["stride"], DEFAULTS["padding"]\nprint(s, p)\nref = _torch_conv(x, k)\n')
py("min_unpack_items_of_read_dict_to_F_directly",
   DEFAULTS_CONV + 's, p = DEFAULTS["stride"], DEFAULTS["padding"]\nref = F.conv2d(x[None, None], k[None, None], stride=s, padding=p)\n')
py("min_unpack_values_call_to_torch", DEFAULTS_CONV + 's, p = DEFAULTS.values()\nref = _torch_conv(x, k, s, p)\n')

STATS_CONV = r'''
STATS = {"conv": 0}
''' + conv_with(before_loops="    STATS[\"conv\"] += 1\n") + POOL_LOOPS + SELF_CHECK + "\nx, k = torch.randn(7, 7), torch.randn(3, 3)\n"
py("min_loop_over_display_of_read_dict_stores_check",
   STATS_CONV + 'for table in [STATS]:\n    table["checked"] = torch.allclose(conv2d(x, k), _torch_conv(x, k))\n')
py("min_read_dict_item_stores_check",
   STATS_CONV + 'STATS["checked"] = torch.allclose(conv2d(x, k), _torch_conv(x, k))\n')
py("min_loop_over_display_of_read_dict_stores_constant",
   STATS_CONV + 'same = torch.allclose(conv2d(x, k), _torch_conv(x, k))\nfor table in [STATS]:\n    table["reset"] = 0\n')
py("min_loop_table_row_unpacked_ref_called",
   STATS_CONV + 'for table, ref in [(STATS, _torch_conv)]:\n    print(table["conv"], ref(x, k).shape)\n')

MIN_BASE = BASE + "\nx, k = torch.randn(7, 7), torch.randn(3, 3)\n"
py("min_loop_fn_over_display_results_by_name",
   MIN_BASE + 'results = {}\nfor fn in [conv2d, _torch_conv]:\n    results[fn.__name__] = fn(x, k)\n')
py("min_loop_fn_over_display_with_F_results_by_name",
   MIN_BASE + 'results = {}\nfor fn in [conv2d, F.conv2d]:\n    results[fn.__name__] = fn(x[None, None], k[None, None]) if fn is F.conv2d else fn(x, k)\n')
py("min_loop_fn_over_display_with_F_results_constant_key",
   MIN_BASE + 'results = {}\nfor fn in [conv2d, F.conv2d]:\n    results["out"] = fn(x[None, None], k[None, None]) if fn is F.conv2d else fn(x, k)\n')
py("min_loop_fn_over_display_with_F_results_list",
   MIN_BASE + 'results = []\nfor fn in [conv2d, F.conv2d]:\n    results.append(fn(x[None, None], k[None, None]) if fn is F.conv2d else fn(x, k))\n')
py("min_loop_fn_over_display_with_F_control",
   MIN_BASE + 'results = {}\nfor name in ["conv2d", "F.conv2d"]:\n    results[name] = F.conv2d(x[None, None], k[None, None])[0, 0] if name == "F.conv2d" else conv2d(x, k)\n')

KEEPER_REG = r'''
REGISTRY = []


def register(fn):
    REGISTRY.append(fn)
    return fn


@register
''' + CONV_LOOPS.lstrip("\n") + POOL_LOOPS + SELF_CHECK + r'''

def compare(mine, ref=_torch_conv):
    x, k = torch.randn(8, 8), torch.randn(3, 3)
    return torch.allclose(mine(x, k), ref(x, k), atol=1e-5)

'''
py("min_registry_keeper_looped_into_check_with_torch_default", KEEPER_REG + "print([compare(fn) for fn in REGISTRY])\n")
py("min_registry_keeper_looped_into_check_explicit_ref", KEEPER_REG.replace("ref=_torch_conv", "ref")
   + "print([compare(fn, _torch_conv) for fn in REGISTRY])\n")
py("min_registry_keeper_direct_check_control", KEEPER_REG + "print(compare(conv2d))\n")


py("min_loop_fn_over_display_results_append",
   MIN_BASE + 'results = []\nfor fn in [conv2d, _torch_conv]:\n    results.append(fn(x, k))\n')
py("min_loop_named_pairs_results_by_name",
   MIN_BASE + 'results = {}\nfor name, fn in [("hand", conv2d), ("torch", _torch_conv)]:\n    results[name] = fn(x, k)\n')
py("min_loop_fn_over_display_printed_control",
   MIN_BASE + 'for fn in [conv2d, _torch_conv]:\n    print(fn.__name__, fn(x, k).shape)\n')
py("min_loop_fn_over_display_results_by_name_tuple",
   MIN_BASE + 'results = {}\nfor fn in (conv2d, _torch_conv):\n    results[fn.__name__] = fn(x, k)\n')
py("min_loop_fn_over_display_results_by_name_hand_only_control",
   MIN_BASE + 'results = {}\nfor fn in [conv2d, max_pool2d]:\n    results[fn.__name__] = fn(x)\n' if False else
   MIN_BASE + 'results = {}\nfor fn in [conv2d]:\n    results[fn.__name__] = fn(x, k)\nresults["_torch_conv"] = _torch_conv(x, k)\n')

ALIAS_KEEPER = r'''
from typing import Callable

ConvFn = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]
REGISTRY = []


def register(fn: ConvFn) -> ConvFn:
    REGISTRY.append(fn)
    return fn


@register
''' + CONV_LOOPS.lstrip("\n") + POOL_LOOPS + SELF_CHECK + r'''

def compare(mine, ref=_torch_conv):
    x, k = torch.randn(8, 8), torch.randn(3, 3)
    return torch.allclose(mine(x, k), ref(x, k), atol=1e-5)


print([compare(fn) for fn in REGISTRY])
'''
py("min_keeper_annotated_with_type_alias", ALIAS_KEEPER)
py("min_keeper_annotated_with_type_alias_control", ALIAS_KEEPER.replace("fn: ConvFn) -> ConvFn:", "fn: Callable) -> Callable:"))


py("min_registry_annotated_list_looped_into_check_with_torch_default",
   KEEPER_REG.replace("REGISTRY = []", "REGISTRY: list = []") + "print([compare(fn) for fn in REGISTRY])\n")
py("min_registry_annotated_list_looped_into_check_explicit_ref",
   KEEPER_REG.replace("REGISTRY = []", "REGISTRY: list = []").replace("ref=_torch_conv", "ref")
   + "print([compare(fn, _torch_conv) for fn in REGISTRY])\n")


def main(out: pathlib.Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (out / name).write_text(text)
    print(len(FILES), "files written to", out)


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)

"""Round 63 fairness corpus: correct submissions that use, near their by-hand conv2d/max_pool2d and their
self-checks against torch, what the reader follows since 9956dfc: helpers filling result dicts that also hold torch's
outputs, dict.get/setdefault/pop, `overrides or DEFAULTS` configs, copy.copy, ChainMap, functools.partial of both
conv2d and F.conv2d, comparison tables looped over under `with torch.no_grad()`, match on input types, default
arguments calling helpers, comprehensions over [conv2d, reference], registries keyed with setdefault.

    python tests/corpus/fair/_make_r63.py [OUTDIR]

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
    FILES[f"r63_{name}.py"] = imports + Q_SIMPLE + Q2_Q5 + Q6_OUT + q6 + "\n" + MODELS + extra


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
    FILES[f"r63_{name}.ipynb"] = nbformat.writes(book)


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


# =========================================================== helpers filling result dicts
py("results_add_result_helper_hand_and_torch", CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

def add_result(results, key, value):
    results[key] = value


results = {}
x, k = torch.randn(8, 8), torch.randn(3, 3)
add_result(results, "conv/hand", conv2d(x, k, stride=2, padding=1))
add_result(results, "conv/torch", _torch_conv(x, k, stride=2, padding=1))
add_result(results, "pool/hand", max_pool2d(x, 2))
add_result(results, "pool/torch", _torch_pool(x, 2))
print("conv matches:", torch.allclose(results["conv/hand"], results["conv/torch"], atol=1e-5))
print("pool matches:", torch.equal(results["pool/hand"], results["pool/torch"]))
''')

py("results_helper_appends_rows_printed", CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

def record(rows, name, ours, ref):
    rows.append((name, tuple(ours.shape), (ours - ref).abs().max().item()))


rows = []
for stride, padding in [(1, 0), (1, 1), (2, 0), (2, 1)]:
    x, k = torch.randn(7, 9), torch.randn(3, 3)
    record(rows, f"conv s={stride} p={padding}", conv2d(x, k, stride, padding), _torch_conv(x, k, stride, padding))
x = torch.randn(6, 6)
record(rows, "pool k=2", max_pool2d(x, 2), _torch_pool(x, 2))
for name, shape, err in rows:
    print(f"{name:14s} {str(shape):10s} max err {err:.1e}")
''')

py("results_helper_sets_functions_and_outputs", CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

def add_result(results, key, fn, *args, **kwargs):
    results.setdefault(key, {})
    results[key]["fn"] = fn
    results[key]["out"] = fn(*args, **kwargs)


results = {}
x, k = torch.randn(10, 10), torch.randn(3, 3)
add_result(results, "hand", conv2d, x, k, stride=1, padding=1)
add_result(results, "torch", _torch_conv, x, k, stride=1, padding=1)
for key, entry in results.items():
    print(key, entry["fn"].__name__, tuple(entry["out"].shape))
assert torch.allclose(results["hand"]["out"], results["torch"]["out"], atol=1e-5)
''')

# =========================================================== dict.get with a default function
py("dict_get_default_fn_impls", CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

IMPLS = {"conv": conv2d, "pool": max_pool2d}
REFS = {"conv": _torch_conv, "pool": _torch_pool}


def run(kind, *args):
    fn = IMPLS.get(kind, conv2d)
    return fn(*args)


x, k = torch.randn(6, 6), torch.randn(2, 2)
print(torch.allclose(run("conv", x, k), REFS.get("conv", _torch_conv)(x, k), atol=1e-5))
print(torch.equal(run("pool", x), REFS.get("pool")(x)))
''')

py("dict_get_kernel_default", r'''
KERNELS = {
    "edge": torch.tensor([[-1., -1., -1.], [-1., 8., -1.], [-1., -1., -1.]]),
    "box": torch.ones(3, 3) / 9,
}
''' + CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

image = torch.randn(12, 12)
for name in ["edge", "box", "sharpen"]:
    kernel = KERNELS.get(name, torch.eye(3))
    ours, ref = conv2d(image, kernel, padding=1), _torch_conv(image, kernel, padding=1)
    print(name, torch.allclose(ours, ref, atol=1e-5))
''')

# =========================================================== configs: `overrides or DEFAULTS`
py("config_overrides_or_defaults_in_conv2d", r'''
DEFAULTS = {"stride": 1, "padding": 0}


def conv2d(image, kernel, stride=None, padding=None, overrides=None):
    cfg = overrides or DEFAULTS
    stride = cfg["stride"] if stride is None else stride
    padding = cfg["padding"] if padding is None else padding
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

x, k = torch.randn(9, 9), torch.randn(3, 3)
print(torch.allclose(conv2d(x, k), _torch_conv(x, k), atol=1e-5))
print(torch.allclose(conv2d(x, k, overrides={"stride": 2, "padding": 1}), _torch_conv(x, k, 2, 1), atol=1e-5))
''')

py("config_overrides_or_defaults_in_check", CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

DEFAULT_CHECK = {"sizes": [(8, 8), (7, 9)], "kernels": [(3, 3), (2, 2)], "strides": [1, 2], "paddings": [0, 1]}


def check_conv(config=None):
    cfg = config or DEFAULT_CHECK
    for size in cfg["sizes"]:
        for ksize in cfg["kernels"]:
            for s in cfg["strides"]:
                for p in cfg["paddings"]:
                    x, k = torch.randn(*size), torch.randn(*ksize)
                    assert torch.allclose(conv2d(x, k, s, p), _torch_conv(x, k, s, p), atol=1e-5), (size, ksize, s, p)
    return True


print(check_conv())
print(check_conv({"sizes": [(5, 5)], "kernels": [(3, 3)], "strides": [1], "paddings": [2]}))
''')

py("config_conditional_expression_fn", CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

USE_TORCH = False


def convolve(image, kernel, **kw):
    fn = _torch_conv if USE_TORCH else conv2d
    return fn(image, kernel, **kw)


x, k = torch.randn(8, 8), torch.randn(3, 3)
print(torch.allclose(convolve(x, k, stride=2), _torch_conv(x, k, stride=2), atol=1e-5))
''')

# =========================================================== copy.copy / ChainMap configs
py("config_copy_copy_of_defaults", r'''
import copy

CONFIG = {"stride": 1, "padding": 0, "kernel_size": 2}
''' + CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

def run_experiment(config, **changes):
    cfg = copy.copy(config)
    cfg.update(changes)
    x, k = torch.randn(10, 10), torch.randn(3, 3)
    ours = conv2d(x, k, cfg["stride"], cfg["padding"])
    ref = _torch_conv(x, k, cfg["stride"], cfg["padding"])
    pooled, pooled_ref = max_pool2d(x, cfg["kernel_size"]), _torch_pool(x, cfg["kernel_size"])
    return torch.allclose(ours, ref, atol=1e-5) and torch.equal(pooled, pooled_ref)


print(run_experiment(CONFIG))
print(run_experiment(CONFIG, stride=2, padding=1, kernel_size=3))
''')

py("config_copy_copy_read_in_conv2d", r'''
import copy

DEFAULTS = {"stride": 1, "padding": 0}


def conv2d(image, kernel, stride=None, padding=None):
    cfg = copy.copy(DEFAULTS)
    if stride is not None:
        cfg["stride"] = stride
    if padding is not None:
        cfg["padding"] = padding
    s, p = cfg["stride"], cfg["padding"]
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * p, w + 2 * p, dtype=image.dtype)
    padded[p:p + h, p:p + w] = image
    oh, ow = (h + 2 * p - kh) // s + 1, (w + 2 * p - kw) // s + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * s:i * s + kh, j * s:j * s + kw] * kernel).sum()
    return out
''' + POOL_LOOPS + SELF_CHECK + r'''

x, k = torch.randn(7, 7), torch.randn(3, 3)
print(torch.allclose(conv2d(x, k, 2, 1), _torch_conv(x, k, 2, 1), atol=1e-5))
''')

py("config_chainmap_user_and_defaults", r'''
from collections import ChainMap

DEFAULTS = {"stride": 1, "padding": 0}
''' + CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

def check(user_cfg):
    cfg = ChainMap(user_cfg, DEFAULTS)
    x, k = torch.randn(9, 8), torch.randn(3, 3)
    ours = conv2d(x, k, stride=cfg["stride"], padding=cfg["padding"])
    ref = _torch_conv(x, k, stride=cfg["stride"], padding=cfg["padding"])
    return torch.allclose(ours, ref, atol=1e-5)


for user in [{}, {"stride": 2}, {"padding": 1}, {"stride": 3, "padding": 2}]:
    print(user, check(user))
''')

py("config_chainmap_in_conv2d", r'''
from collections import ChainMap

DEFAULTS = {"stride": 1, "padding": 0}


def conv2d(image, kernel, stride=1, padding=0):
    cfg = ChainMap({"stride": stride, "padding": padding}, DEFAULTS)
    s, p = cfg["stride"], cfg["padding"]
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * p, w + 2 * p, dtype=image.dtype)
    padded[p:p + h, p:p + w] = image
    oh, ow = (h + 2 * p - kh) // s + 1, (w + 2 * p - kw) // s + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * s:i * s + kh, j * s:j * s + kw] * kernel).sum()
    return out
''' + POOL_LOOPS + SELF_CHECK + r'''

x, k = torch.randn(7, 7), torch.randn(3, 3)
print(torch.allclose(conv2d(x, k, 2, 1), _torch_conv(x, k, 2, 1), atol=1e-5))
''')

# =========================================================== functools.partial side by side
py("partial_hand_and_torch_side_by_side", r'''
from functools import partial
''' + CONV_LOOPS + POOL_LOOPS + r'''

strided_hand = partial(conv2d, stride=2)
strided_torch = partial(F.conv2d, stride=2)

x, k = torch.randn(9, 9), torch.randn(3, 3)
print(torch.allclose(strided_hand(x, k), strided_torch(x[None, None], k[None, None])[0, 0], atol=1e-5))
pool3 = partial(max_pool2d, kernel_size=3)
print(torch.equal(pool3(x), F.max_pool2d(x[None, None], 3)[0, 0]))
''')

py("partial_table_looped_no_grad", r'''
import functools
''' + CONV_LOOPS + POOL_LOOPS + r'''

x = torch.randn(10, 10, requires_grad=True)
k = torch.randn(3, 3)
variants = {
    "hand s=1 p=1": functools.partial(conv2d, stride=1, padding=1),
    "torch s=1 p=1": lambda a, b: F.conv2d(a[None, None], b[None, None], padding=1)[0, 0],
    "hand s=2": functools.partial(conv2d, stride=2),
    "torch s=2": lambda a, b: F.conv2d(a[None, None], b[None, None], stride=2)[0, 0],
}
outputs = {}
with torch.no_grad():
    for name, fn in variants.items():
        outputs[name] = fn(x, k)
print(torch.allclose(outputs["hand s=1 p=1"], outputs["torch s=1 p=1"], atol=1e-5))
print(torch.allclose(outputs["hand s=2"], outputs["torch s=2"], atol=1e-5))
''')

py("partial_pool_sizes_list", r'''
from functools import partial
''' + CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

pools = [partial(max_pool2d, kernel_size=k) for k in (2, 3, 4)]
refs = [partial(_torch_pool, kernel_size=k) for k in (2, 3, 4)]
x = torch.randn(12, 12)
for ours, ref in zip(pools, refs):
    print(ours.keywords, torch.equal(ours(x), ref(x)))
''')

# =========================================================== comparison tables + no_grad
py("comparison_table_no_grad", CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

CANDIDATES = {"by hand": conv2d, "torch": _torch_conv}

x, k = torch.randn(8, 8), torch.randn(3, 3)
outs = {}
for name, fn in CANDIDATES.items():
    with torch.no_grad():
        outs[name] = fn(x, k, stride=1, padding=1)
print(torch.allclose(outs["by hand"], outs["torch"], atol=1e-5))
''')

py("comparison_table_pairs_no_grad_timed", r'''
import time
''' + CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

PAIRS = {
    "conv2d": (conv2d, _torch_conv, (torch.randn(16, 16), torch.randn(3, 3))),
    "max_pool2d": (max_pool2d, _torch_pool, (torch.randn(16, 16),)),
}

with torch.no_grad():
    for name, (mine, theirs, args) in PAIRS.items():
        t0 = time.perf_counter()
        a = mine(*args)
        t1 = time.perf_counter()
        b = theirs(*args)
        t2 = time.perf_counter()
        print(f"{name:11s} same={torch.allclose(a, b, atol=1e-5)} hand {t1 - t0:.4f}s torch {t2 - t1:.4f}s")
''')

py("comparison_with_no_grad_inside_conv2d", r'''
def conv2d(image, kernel, stride=1, padding=0):
    with torch.no_grad():
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


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    with torch.no_grad():
        h, w = image.shape
        out = torch.zeros(h // k, w // k, dtype=image.dtype)
        for i in range(h // k):
            for j in range(w // k):
                out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out
''' + SELF_CHECK + r'''

with torch.no_grad():
    x, k = torch.randn(9, 9), torch.randn(3, 3)
    print(torch.allclose(conv2d(x, k, 2, 1), _torch_conv(x, k, 2, 1), atol=1e-5))
''')

# =========================================================== match on input types
py("match_on_input_type_in_conv2d", r'''
import numpy as np


def as_tensor(x):
    match x:
        case torch.Tensor():
            return x
        case np.ndarray():
            return torch.from_numpy(x)
        case list() | tuple():
            return torch.tensor(x, dtype=torch.float32)
        case _:
            raise TypeError(f"cannot convolve a {type(x).__name__}")


def conv2d(image, kernel, stride=1, padding=0):
    image, kernel = as_tensor(image), as_tensor(kernel)
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


def max_pool2d(image, kernel_size=2):
    image = as_tensor(image)
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out
''' + SELF_CHECK + r'''

x, k = np.random.randn(6, 6).astype(np.float32), [[1.0, 0.0], [0.0, -1.0]]
print(torch.allclose(conv2d(x, k), _torch_conv(torch.from_numpy(x), torch.tensor(k)), atol=1e-5))
''')

py("match_on_stride_and_padding_forms", r'''
def _pair(v):
    match v:
        case int(n):
            return n, n
        case (a, b):
            return a, b
        case _:
            raise ValueError(v)


def conv2d(image, kernel, stride=1, padding=0):
    sh, sw = _pair(stride)
    ph, pw = _pair(padding)
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * ph, w + 2 * pw, dtype=image.dtype)
    padded[ph:ph + h, pw:pw + w] = image
    oh, ow = (h + 2 * ph - kh) // sh + 1, (w + 2 * pw - kw) // sw + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * sh:i * sh + kh, j * sw:j * sw + kw] * kernel).sum()
    return out
''' + POOL_LOOPS + SELF_CHECK + r'''

x, k = torch.randn(9, 8), torch.randn(3, 2)
print(torch.allclose(conv2d(x, k, (2, 1), (1, 0)), F.conv2d(x[None, None], k[None, None], stride=(2, 1),
                                                              padding=(1, 0))[0, 0], atol=1e-5))
''')

py("match_dispatch_in_self_check", CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

def check(case):
    match case:
        case ("conv", x, k, s, p):
            return torch.allclose(conv2d(x, k, s, p), _torch_conv(x, k, s, p), atol=1e-5)
        case ("pool", x, size):
            return torch.equal(max_pool2d(x, size), _torch_pool(x, size))
        case _:
            raise ValueError(case)


CASES = [("conv", torch.randn(7, 7), torch.randn(3, 3), 1, 1), ("conv", torch.randn(8, 6), torch.randn(2, 2), 2, 0),
         ("pool", torch.randn(8, 8), 2)]
print([check(c) for c in CASES])
''')

# =========================================================== defaults calling helpers
py("default_argument_calls_helper", r'''
def make_kernel():
    return torch.tensor([[0., 1., 0.], [1., -4., 1.], [0., 1., 0.]])


def conv2d(image, kernel=make_kernel(), stride=1, padding=0):
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

x = torch.randn(8, 8)
print(torch.allclose(conv2d(x), _torch_conv(x, make_kernel()), atol=1e-5))
''')

py("default_argument_make_pad", r'''
def make_pad(value=0.0):
    return value


def conv2d(image, kernel, stride=1, padding=0, fill=make_pad()):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.full((h + 2 * padding, w + 2 * padding), fill, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out
''' + POOL_LOOPS + SELF_CHECK + r'''

x, k = torch.randn(8, 8), torch.randn(3, 3)
print(torch.allclose(conv2d(x, k, 1, 2), _torch_conv(x, k, 1, 2), atol=1e-5))
''')

py("default_argument_reference_fn_in_check", CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

def compare(fn, ref=_torch_conv, trials=3, **kw):
    for _ in range(trials):
        x, k = torch.randn(9, 9), torch.randn(3, 3)
        if not torch.allclose(fn(x, k, **kw), ref(x, k, **kw), atol=1e-5):
            return False
    return True


print(compare(conv2d), compare(conv2d, stride=2, padding=1))
''')

py("default_argument_shapes_from_helper", CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

def default_shapes():
    return [(5, 5), (8, 7), (10, 10)]


def check_all(shapes=default_shapes(), kernel_shape=(3, 3)):
    ok = []
    for shape in shapes:
        x, k = torch.randn(*shape), torch.randn(*kernel_shape)
        ok.append(torch.allclose(conv2d(x, k, padding=1), _torch_conv(x, k, padding=1), atol=1e-5))
        ok.append(torch.equal(max_pool2d(x), _torch_pool(x)))
    return all(ok)


print(check_all())
''')

# =========================================================== comprehensions over [conv2d, reference]
py("comprehension_over_impls", CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

x, k = torch.randn(8, 8), torch.randn(3, 3)
outs = [fn(x, k, stride=2, padding=1) for fn in [conv2d, _torch_conv]]
print(torch.allclose(*outs, atol=1e-5))
pooled = [fn(x, 2) for fn in (max_pool2d, _torch_pool)]
print(torch.equal(pooled[0], pooled[1]))
''')

py("comprehension_dict_over_impls_and_shapes", CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

shapes = [(6, 6), (7, 9)]
images = {s: torch.randn(*s) for s in shapes}
kernel = torch.randn(3, 3)
table = {(fn.__name__, s): fn(images[s], kernel, 1, 1) for fn in [conv2d, _torch_conv] for s in shapes}
print(all(torch.allclose(table[("conv2d", s)], table[("_torch_conv", s)], atol=1e-5) for s in shapes))
''')

py("comprehension_zip_hand_and_F_directly", CONV_LOOPS + POOL_LOOPS + r'''

x, k = torch.randn(7, 7), torch.randn(3, 3)
hand, ref = [f(*a) for f, a in zip([conv2d, F.conv2d], [(x, k), (x[None, None], k[None, None])])]
print(torch.allclose(hand, ref[0, 0], atol=1e-5))
''')

# =========================================================== registries with setdefault
py("registry_setdefault_lists", CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

REGISTRY = {}


def register(kind, fn):
    REGISTRY.setdefault(kind, []).append(fn)


register("conv", conv2d)
register("conv", _torch_conv)
register("pool", max_pool2d)
register("pool", _torch_pool)

x, k = torch.randn(8, 8), torch.randn(3, 3)
conv_outs = [fn(x, k) for fn in REGISTRY["conv"]]
pool_outs = [fn(x) for fn in REGISTRY["pool"]]
print(torch.allclose(conv_outs[0], conv_outs[1], atol=1e-5), torch.equal(pool_outs[0], pool_outs[1]))
''')

py("registry_setdefault_dict_by_name", CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

IMPLEMENTATIONS = {}
IMPLEMENTATIONS.setdefault("conv2d", {})["hand"] = conv2d
IMPLEMENTATIONS.setdefault("conv2d", {})["torch"] = _torch_conv
IMPLEMENTATIONS.setdefault("max_pool2d", {})["hand"] = max_pool2d
IMPLEMENTATIONS.setdefault("max_pool2d", {})["torch"] = _torch_pool

x, k = torch.randn(9, 9), torch.randn(2, 2)
impls = IMPLEMENTATIONS["conv2d"]
print(torch.allclose(impls["hand"](x, k, 2, 0), impls["torch"](x, k, 2, 0), atol=1e-5))
impls = IMPLEMENTATIONS.get("max_pool2d", {})
print(torch.equal(impls["hand"](x, 3), impls["torch"](x, 3)))
''')

py("registry_pop_torch_after_check", CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

impls = {"hand": conv2d, "torch": _torch_conv}
x, k = torch.randn(8, 8), torch.randn(3, 3)
reference = impls.pop("torch")
print(torch.allclose(impls["hand"](x, k), reference(x, k), atol=1e-5))
print(sorted(impls))
''')

# =========================================================== results/outputs caches with setdefault
py("outputs_setdefault_by_stride", CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

outputs = {}
x, k = torch.randn(10, 10), torch.randn(3, 3)
for stride in (1, 2, 3):
    outputs.setdefault(stride, {})["hand"] = conv2d(x, k, stride=stride)
    outputs.setdefault(stride, {})["torch"] = _torch_conv(x, k, stride=stride)
for stride, pair in outputs.items():
    print(stride, torch.allclose(pair["hand"], pair["torch"], atol=1e-5))
''')

py("padding_cache_get_in_conv2d", r'''
_PADDED = {}


def _pad(image, padding):
    key = (tuple(image.shape), padding, image.dtype)
    buf = _PADDED.get(key)
    if buf is None:
        buf = _PADDED.setdefault(key, torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding,
                                                  dtype=image.dtype))
    h, w = image.shape
    buf[padding:padding + h, padding:padding + w] = image
    return buf


def conv2d(image, kernel, stride=1, padding=0):
    padded = _pad(image, padding)
    h, w = image.shape
    kh, kw = kernel.shape
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out
''' + POOL_LOOPS + SELF_CHECK + r'''

for _ in range(2):
    x, k = torch.randn(7, 7), torch.randn(3, 3)
    print(torch.allclose(conv2d(x, k, 1, 1), _torch_conv(x, k, 1, 1), atol=1e-5))
''')

# =========================================================== results list filled by a helper, options dict in conv2d
py("options_dict_set_by_helper_read_in_conv2d", r'''
OPTIONS = {"dtype": None}


def set_option(options, key, value):
    options[key] = value


def conv2d(image, kernel, stride=1, padding=0):
    dtype = OPTIONS["dtype"] or image.dtype
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out
''' + POOL_LOOPS + SELF_CHECK + r'''

set_option(OPTIONS, "dtype", torch.float64)
x, k = torch.randn(6, 6, dtype=torch.float64), torch.randn(3, 3, dtype=torch.float64)
print(torch.allclose(conv2d(x, k), _torch_conv(x, k)))
set_option(OPTIONS, "dtype", None)
''')

py("log_helper_appends_to_param_conv2d_logs", r'''
CALLS = []


def log_call(log, name, **info):
    log.append({"name": name, **info})
''' + conv_with("    log_call(CALLS, \"conv\", stride=stride, padding=padding)\n") + POOL_LOOPS + SELF_CHECK + r'''

x, k = torch.randn(7, 7), torch.randn(3, 3)
ref = _torch_conv(x, k, 2, 1)
log_call(CALLS, "torch", stride=2, padding=1)
print(torch.allclose(conv2d(x, k, 2, 1), ref, atol=1e-5), CALLS)
''')

py("results_namespace_copy_and_fill", r'''
import copy
from types import SimpleNamespace
''' + CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

TEMPLATE = {"hand": None, "torch": None}


def fill(entry, hand, ref):
    entry["hand"] = hand
    entry["torch"] = ref
    return entry


x, k = torch.randn(9, 9), torch.randn(3, 3)
conv_entry = fill(copy.copy(TEMPLATE), conv2d(x, k, 1, 1), _torch_conv(x, k, 1, 1))
pool_entry = fill(copy.copy(TEMPLATE), max_pool2d(x, 3), _torch_pool(x, 3))
summary = SimpleNamespace(conv=conv_entry, pool=pool_entry)
print(torch.allclose(summary.conv["hand"], summary.conv["torch"], atol=1e-5),
      torch.equal(summary.pool["hand"], summary.pool["torch"]))
''')

py("impl_choice_or_default", CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

def apply(image, kernel, impl=None, **kw):
    fn = impl or conv2d
    return fn(image, kernel, **kw)


x, k = torch.randn(8, 8), torch.randn(2, 2)
print(torch.allclose(apply(x, k, stride=2), apply(x, k, impl=_torch_conv, stride=2), atol=1e-5))
''')

# =========================================================== a notebook
nb("nb_partial_registry_and_no_grad_table", r'''
import torch
import torch.nn as nn
import torch.nn.functional as F
from functools import partial
# %%
''' + Q_SIMPLE + Q2_Q5 + Q6_OUT + r'''
# %%
# md ## Convolution by hand
# %%
''' + CONV_LOOPS + POOL_LOOPS + r'''
# %%
REG = {}
REG.setdefault("conv", {})["hand"] = partial(conv2d, padding=1)
REG.setdefault("conv", {})["torch"] = lambda x, k: F.conv2d(x[None, None], k[None, None], padding=1)[0, 0]
x, k = torch.randn(8, 8), torch.randn(3, 3)
with torch.no_grad():
    outs = {name: fn(x, k) for name, fn in REG["conv"].items()}
torch.allclose(outs["hand"], outs["torch"], atol=1e-5)
# %%
''' + MODELS)


# =========================================================== style files found while reducing
py("compare_helper_unpacked_hand_and_F", CONV_LOOPS + POOL_LOOPS + r'''

def compare(mine, reference, x, k, **kw):
    ours = mine(x, k, **kw)
    theirs = reference(x[None, None], k[None, None], **kw)[0, 0]
    return ours, theirs


x, k = torch.randn(9, 9), torch.randn(3, 3)
ours, theirs = compare(conv2d, F.conv2d, x, k, stride=2, padding=1)
print(torch.allclose(ours, theirs, atol=1e-5))
''')

py("nested_results_registry_by_op", CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

IMPLS = {"conv": {}, "pool": {}}
IMPLS["conv"]["hand"] = conv2d
IMPLS["conv"]["torch"] = _torch_conv
IMPLS["pool"]["hand"] = max_pool2d
IMPLS["pool"]["torch"] = _torch_pool

x, k = torch.randn(8, 8), torch.randn(3, 3)
print(torch.allclose(IMPLS["conv"]["hand"](x, k), IMPLS["conv"]["torch"](x, k), atol=1e-5))
print(torch.equal(IMPLS["pool"]["hand"](x), IMPLS["pool"]["torch"](x)))
''')

# =========================================================== one-construct reductions and controls
MIN_BASE = CONV_LOOPS + POOL_LOOPS + SELF_CHECK + "\nx, k = torch.randn(7, 7), torch.randn(3, 3)\n"
py("min_unpack_comprehension_over_F_conv2d",
   MIN_BASE + "hand, ref = [f(x[None, None], k[None, None]) for f in [F.conv2d, F.conv2d]]\n")
py("min_unpack_comprehension_over_F_conv2d_control",
   MIN_BASE + "outs = [f(x[None, None], k[None, None]) for f in [F.conv2d, F.conv2d]]\nhand, ref = outs\n")
py("min_unpack_call_given_F_conv2d", MIN_BASE + "(ours,) = map(F.conv2d, [x[None, None]], [k[None, None]])\n")
py("min_unpack_call_given_F_conv2d_control",
   MIN_BASE + "results = list(map(F.conv2d, [x[None, None]], [k[None, None]]))\n")
py("min_nested_dict_item_holds_torch_ref", MIN_BASE + "REFS = {\"conv\": {}}\nREFS[\"conv\"][\"torch\"] = _torch_conv\n")
py("min_nested_dict_item_holds_torch_ref_control",
   MIN_BASE + "inner = {}\nREFS = {\"conv\": inner}\ninner[\"torch\"] = _torch_conv\n")
py("min_setdefault_item_holds_torch_ref", MIN_BASE + "REFS = {}\nREFS.setdefault(\"conv\", {})[\"torch\"] = _torch_conv\n")
py("min_nested_list_append_torch_ref", MIN_BASE + "REFS = [[]]\nREFS[0].append(_torch_conv)\n")
py("min_dict_items_set_hand_and_torch", MIN_BASE + "IMPLS = {}\nIMPLS[\"hand\"] = conv2d\nIMPLS[\"torch\"] = _torch_conv\n")
py("min_dict_items_set_hand_and_torch_control", MIN_BASE + "IMPLS = {\"hand\": conv2d, \"torch\": _torch_conv}\n")


def main(out: pathlib.Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (out / name).write_text(text)
    print(len(FILES), "files written to", out)


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)

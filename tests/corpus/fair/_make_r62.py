"""Round 62 fairness corpus: correct submissions whose by-hand q6 and the code around it keep things the way
students do: memo tables of output sizes, call logs with arguments and timings, registries of implementations (the
by-hand one and torch's reference side by side), caches keyed by shapes, self-checks storing results in a dict,
forward hooks keeping feature maps, dataclass configs, classes with special methods that count their instances,
decorators that time and record calls, functools.singledispatch for tensors and arrays, default containers.

    python tests/corpus/fair/_make_r62.py [OUTDIR]

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
    FILES[f"r62_{name}.py"] = imports + Q_SIMPLE + Q2_Q5 + Q6_OUT + q6 + "\n" + MODELS + extra


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
    FILES[f"r62_{name}.ipynb"] = nbformat.writes(book)


# a self-check at the end, comparing with torch (used by several files)
SELF_CHECK = r'''

def _torch_conv(image, kernel, stride=1, padding=0):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


def _torch_pool(image, kernel_size=2):
    return F.max_pool2d(image[None, None], kernel_size)[0, 0]
'''


# =========================================================== memo tables of output sizes
py("memo_output_size_module_dict", r'''
_OUT_SIZES = {}  # (n, k, stride, padding) -> output size, so I don't redo the arithmetic


def _out_size(n, k, stride, padding):
    key = (n, k, stride, padding)
    if key not in _OUT_SIZES:
        _OUT_SIZES[key] = (n + 2 * padding - k) // stride + 1
    return _OUT_SIZES[key]


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    oh, ow = _out_size(h, kh, stride, padding), _out_size(w, kw, stride, padding)
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    k = kernel_size
    oh, ow = _out_size(h, k, k, 0), _out_size(w, k, k, 0)
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


print(conv2d(torch.ones(5, 5), torch.ones(3, 3), padding=1))
print(f"memo holds {len(_OUT_SIZES)} sizes:", _OUT_SIZES)
''')

py("memo_output_size_setdefault_and_get", r'''
SIZE_MEMO: dict = {}
HITS = {"hit": 0, "miss": 0}


def out_size(n, k, stride=1, padding=0):
    cached = SIZE_MEMO.get((n, k, stride, padding))
    if cached is not None:
        HITS["hit"] += 1
        return cached
    HITS["miss"] += 1
    return SIZE_MEMO.setdefault((n, k, stride, padding), (n + 2 * padding - k) // stride + 1)


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    x = F.pad(image, (padding, padding, padding, padding))
    oh = out_size(image.shape[0], kh, stride, padding)
    ow = out_size(image.shape[1], kw, stride, padding)
    rows = []
    for i in range(oh):
        row = [(x[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum() for j in range(ow)]
        rows.append(torch.stack(row))
    return torch.stack(rows)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = out_size(image.shape[0], k, k), out_size(image.shape[1], k, k)
    return torch.stack([torch.stack([image[i * k:i * k + k, j * k:j * k + k].max() for j in range(ow)])
                        for i in range(oh)])


x = torch.randn(7, 6)
conv2d(x, torch.randn(3, 3), 2, 1)
max_pool2d(x)
print("memo:", SIZE_MEMO, "hits/misses:", HITS)
''')

py("memo_mutable_default_dict", r'''
def _out_size(n, k, stride, padding, _memo={}):
    # the shared default dict is my memo table (the "mutable default" trick from the Python lecture)
    key = (n, k, stride, padding)
    if key not in _memo:
        _memo[key] = (n + 2 * padding - k) // stride + 1
    return _memo[key]


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    out = torch.zeros(_out_size(h, kh, stride, padding), _out_size(w, kw, stride, padding), dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    out = torch.zeros(_out_size(image.shape[0], k, k, 0), _out_size(image.shape[1], k, k, 0), dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out
''')

py("memo_homemade_memoize_decorator", r'''
import functools


def memoize(fn):
    """My own lru_cache: remember every result by its arguments."""
    cache = {}

    @functools.wraps(fn)
    def wrapper(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]

    wrapper.cache = cache
    return wrapper


@memoize
def out_size(n, k, stride, padding):
    return (n + 2 * padding - k) // stride + 1


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = out_size(h, kh, stride, padding), out_size(w, kw, stride, padding)
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out
''' + POOL_LOOPS + r'''

conv2d(torch.randn(6, 6), torch.randn(3, 3), stride=2, padding=1)
print("cached sizes:", out_size.cache)
''')

# =========================================================== call logs
py("call_log_list_of_dicts_timings", r'''
import time

CALL_LOG = []  # one dict per call: what was asked and how long it took


def conv2d(image, kernel, stride=1, padding=0):
    start = time.perf_counter()
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
    CALL_LOG.append({"fn": "conv2d", "image": tuple(image.shape), "kernel": tuple(kernel.shape),
                     "stride": stride, "padding": padding, "seconds": time.perf_counter() - start})
    return out


def max_pool2d(image, kernel_size=2):
    start = time.perf_counter()
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    CALL_LOG.append({"fn": "max_pool2d", "image": tuple(image.shape), "kernel_size": k,
                     "seconds": time.perf_counter() - start})
    return out


for size in (8, 16, 32):
    conv2d(torch.randn(size, size), torch.randn(3, 3), padding=1)
    max_pool2d(torch.randn(size, size))
for entry in CALL_LOG:
    print(entry)
print(len(CALL_LOG), "calls,", sum(e["seconds"] for e in CALL_LOG), "s in all")
''')

py("call_log_keeps_inputs_for_plots_and_torch_refs", r'''
HISTORY = []  # (label, input, kernel, output) for the plots at the end


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
    HISTORY.append(("by hand", image, kernel, out))
    return out
''' + POOL_LOOPS + r'''

x, k = torch.randn(9, 9), torch.randn(3, 3)
conv2d(x, k, stride=2, padding=1)
HISTORY.append(("torch", x, k, F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0]))
for label, img, ker, res in HISTORY:
    print(f"{label:8s} {tuple(img.shape)} * {tuple(ker.shape)} -> {tuple(res.shape)}")
print("same:", torch.allclose(HISTORY[0][3], HISTORY[1][3], atol=1e-5))
''')

py("call_log_bounded_in_conv2d", r'''
CALL_LOG = []
MAX_LOG = 50


def _log(entry):
    CALL_LOG.append(entry)
    if len(CALL_LOG) > MAX_LOG:
        CALL_LOG.pop(0)  # keep the last MAX_LOG calls only


def conv2d(image, kernel, stride=1, padding=0):
    _log(("conv2d", tuple(image.shape), tuple(kernel.shape), stride, padding))
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
    _log(("max_pool2d", tuple(image.shape), kernel_size))
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


# the reference goes in the same log, so that I can read the calls in order
x, k = torch.randn(6, 6), torch.randn(3, 3)
ref = F.conv2d(x[None, None], k[None, None], padding=1)[0, 0]
_log(("F.conv2d", tuple(x.shape), tuple(k.shape), 1, 1))
print(torch.allclose(conv2d(x, k, 1, 1), ref, atol=1e-5))
print(*CALL_LOG, sep="\n")
''')

py("call_log_strings_print_len_str", r'''
LOG = []


def conv2d(image, kernel, stride=1, padding=0):
    LOG.append(f"conv2d image={tuple(image.shape)} kernel={tuple(kernel.shape)} stride={stride} padding={padding}")
    if len(LOG) % 1000 == 0:
        print(str(len(LOG)) + " calls so far")
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
    LOG.append(f"max_pool2d image={tuple(image.shape)} k={kernel_size}")
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


conv2d(torch.rand(5, 5), torch.rand(3, 3))
max_pool2d(torch.rand(4, 4))
print("\n".join(LOG))
print(len(LOG), str(LOG))
''')

py("call_log_mutable_default_record", r'''
def _record(entry, log=[]):
    """Append to the call log (shared default list) and hand the log back."""
    log.append(entry)
    return log


def conv2d(image, kernel, stride=1, padding=0):
    _record(("conv2d", tuple(image.shape), tuple(kernel.shape), stride, padding))
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
    _record(("max_pool2d", tuple(image.shape), kernel_size))
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


conv2d(torch.rand(5, 5), torch.rand(2, 2), 1, 0)
print("calls:", _record(("end",)))
''')

py("call_log_list_handler_keeps_records", r'''
import logging


class ListHandler(logging.Handler):
    """Keeps the log records in a list, so the notebook can show them later."""

    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(record)


log = logging.getLogger("lab06")
log.setLevel(logging.DEBUG)
log.propagate = False
handler = ListHandler()
log.addHandler(handler)


def conv2d(image, kernel, stride=1, padding=0):
    log.debug("conv2d %s * %s, stride=%d, padding=%d", tuple(image.shape), tuple(kernel.shape), stride, padding)
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
    log.debug("max_pool2d %s, k=%d", tuple(image.shape), kernel_size)
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


conv2d(torch.rand(6, 6), torch.rand(3, 3), 2, 1)
max_pool2d(torch.rand(6, 6))
for record in handler.records:
    print(record.levelname, record.getMessage())
''')


# =========================================================== registries: by hand and torch side by side
py("registry_dict_hand_and_torch_functions", CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

IMPLEMENTATIONS = {
    "conv": {"by hand": conv2d, "torch": _torch_conv},
    "pool": {"by hand": max_pool2d, "torch": _torch_pool},
}

x, k = torch.randn(8, 7), torch.randn(3, 3)
for name, impls in IMPLEMENTATIONS.items():
    args = (x, k, 2, 1) if name == "conv" else (x, 2)
    results = {label: fn(*args) for label, fn in impls.items()}
    print(name, {label: tuple(r.shape) for label, r in results.items()},
          torch.allclose(results["by hand"], results["torch"], atol=1e-5))
''')

py("registry_dict_with_torch_lambdas", CONV_LOOPS + POOL_LOOPS + r'''

REFERENCE = {
    "conv2d": lambda image, kernel, stride=1, padding=0: F.conv2d(
        image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0],
    "max_pool2d": lambda image, kernel_size=2: F.max_pool2d(image[None, None], kernel_size)[0, 0],
}
MINE = {"conv2d": conv2d, "max_pool2d": max_pool2d}

x, k = torch.randn(7, 7), torch.randn(3, 3)
print(torch.allclose(MINE["conv2d"](x, k, 2, 1), REFERENCE["conv2d"](x, k, 2, 1), atol=1e-5))
print(torch.equal(MINE["max_pool2d"](x, 3), REFERENCE["max_pool2d"](x, 3)))
''')

py("registry_decorator_factory", r'''
REGISTRY = {}


def register(name):
    """@register("conv/hand") puts the function in REGISTRY under that name."""
    def decorator(fn):
        REGISTRY[name] = fn
        return fn
    return decorator


@register("conv/hand")
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


@register("pool/hand")
def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


@register("conv/torch")
def torch_conv(image, kernel, stride=1, padding=0):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


@register("pool/torch")
def torch_pool(image, kernel_size=2):
    return F.max_pool2d(image[None, None], kernel_size)[0, 0]


x, k = torch.randn(9, 8), torch.randn(3, 3)
print(sorted(REGISTRY))
print(torch.allclose(REGISTRY["conv/hand"](x, k, 2, 1), REGISTRY["conv/torch"](x, k, 2, 1), atol=1e-5))
print(torch.equal(REGISTRY["pool/hand"](x, 3), REGISTRY["pool/torch"](x, 3)))
''')

py("registry_decorator_factory_duplicate_check", r'''
REGISTRY = {}


def register(name):
    def decorator(fn):
        if name in REGISTRY:
            raise KeyError(f"{name!r} is registered twice ({REGISTRY[name].__name__} and {fn.__name__})")
        REGISTRY[name] = fn
        return fn
    return decorator


@register("conv/hand")
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


@register("pool/hand")
def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


@register("conv/torch")
def torch_conv(image, kernel, stride=1, padding=0):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


@register("pool/torch")
def torch_pool(image, kernel_size=2):
    return F.max_pool2d(image[None, None], kernel_size)[0, 0]


x, k = torch.randn(9, 8), torch.randn(3, 3)
for op, args in (("conv", (x, k, 2, 1)), ("pool", (x, 2))):
    print(op, torch.allclose(REGISTRY[f"{op}/hand"](*args), REGISTRY[f"{op}/torch"](*args), atol=1e-5))
''')

py("registry_bare_decorator_list", r'''
IMPLS = []


def implementation(fn):
    IMPLS.append(fn)
    return fn


@implementation
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


@implementation
def conv2d_torch(image, kernel, stride=1, padding=0):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]

''' + POOL_LOOPS + r'''

x, k = torch.randn(6, 6), torch.randn(3, 3)
outs = [fn(x, k, 2, 1) for fn in IMPLS]
for fn, o in zip(IMPLS, outs):
    print(fn.__name__, tuple(o.shape))
print("agree:", torch.allclose(outs[0], outs[1], atol=1e-5))
''')

py("registry_class_level_list_in_init", CONV_LOOPS + POOL_LOOPS + SELF_CHECK + r'''

class Implementation:
    """One way of computing an operation; every instance registers itself."""
    all = []

    def __init__(self, op, label, fn):
        self.op, self.label, self.fn = op, label, fn
        Implementation.all.append(self)

    def __call__(self, *args, **kwargs):
        return self.fn(*args, **kwargs)

    def __repr__(self):
        return f"Implementation({self.op!r}, {self.label!r})"


Implementation("conv", "hand", conv2d)
Implementation("conv", "torch", _torch_conv)
Implementation("pool", "hand", max_pool2d)
Implementation("pool", "torch", _torch_pool)

x, k = torch.randn(8, 8), torch.randn(3, 3)
for op, args in (("conv", (x, k, 1, 1)), ("pool", (x, 2))):
    hand, ref = [impl(*args) for impl in Implementation.all if impl.op == op]
    print(op, Implementation.all, torch.allclose(hand, ref, atol=1e-5))
''')

py("registry_holds_F_conv2d_itself", CONV_LOOPS + POOL_LOOPS + r'''

# the functional versions, side by side with mine (they take batched 4-D input)
REFERENCE = {"conv2d": F.conv2d, "max_pool2d": F.max_pool2d}

x, k = torch.randn(7, 7), torch.randn(3, 3)
ref = REFERENCE["conv2d"](x[None, None], k[None, None], stride=2, padding=1)[0, 0]
print(torch.allclose(conv2d(x, k, 2, 1), ref, atol=1e-5))
print(torch.equal(max_pool2d(x), REFERENCE["max_pool2d"](x[None, None], 2)[0, 0]))
''')


# =========================================================== decorators that time and record calls
py("decorator_timed_records_args", r'''
import functools
import time

CALLS = []  # (name, args, kwargs, seconds)


def timed(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        CALLS.append((fn.__name__, args, kwargs, time.perf_counter() - start))
        return result
    return wrapper


@timed
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


@timed
def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


for n in (8, 16, 32):
    conv2d(torch.randn(n, n), torch.randn(3, 3), padding=1)
    max_pool2d(torch.randn(n, n))
for name, args, kwargs, seconds in CALLS:
    shapes = [tuple(a.shape) if torch.is_tensor(a) else a for a in args]
    print(f"{name:10s} {shapes} {kwargs} {seconds * 1000:.2f} ms")
''')

py("decorator_timed_stats_read_in_wrapper", r'''
import functools
import statistics
import time
from collections import defaultdict

TIMES = defaultdict(list)
VERBOSE = False


def timed(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        TIMES[fn.__name__].append(time.perf_counter() - start)
        if VERBOSE:
            print(f"{fn.__name__}: mean {statistics.mean(TIMES[fn.__name__]) * 1e3:.3f} ms over "
                  f"{len(TIMES[fn.__name__])} calls")
        return result
    return wrapper


@timed
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


@timed
def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


@timed
def torch_conv(image, kernel, stride=1, padding=0):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


x, k = torch.randn(32, 32), torch.randn(3, 3)
for _ in range(3):
    conv2d(x, k, padding=1)
    torch_conv(x, k, padding=1)
for name, times in TIMES.items():
    print(f"{name:12s} {statistics.mean(times) * 1e3:8.3f} ms")
''')

py("decorator_counts_calls_keyed_by_function", r'''
import functools
from collections import Counter

CALL_COUNTS = Counter()


def counted(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        CALL_COUNTS[fn] += 1
        return fn(*args, **kwargs)
    return wrapper


@counted
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


@counted
def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


@counted
def torch_conv(image, kernel, stride=1, padding=0):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


x, k = torch.randn(6, 6), torch.randn(3, 3)
print(torch.allclose(conv2d(x, k, 1, 1), torch_conv(x, k, 1, 1), atol=1e-5))
max_pool2d(x)
print({fn.__name__: n for fn, n in CALL_COUNTS.items()})
''')

py("decorator_checks_against_torch_records_result", r'''
import functools

CHECKS = {}  # function name -> list of (shape, ok)


def checked_against(reference):
    """Decorator factory: compare every call with ``reference`` and record whether they agree."""
    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            out = fn(*args, **kwargs)
            if CHECK_CALLS:
                ok = torch.allclose(out, reference(*args, **kwargs), atol=1e-4)
                CHECKS.setdefault(fn.__name__, []).append((tuple(out.shape), ok))
            return out
        return wrapper
    return decorator


CHECK_CALLS = False


def torch_conv(image, kernel, stride=1, padding=0):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


@checked_against(torch_conv)
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

''' + POOL_LOOPS + r'''

CHECK_CALLS = True
for s, p in [(1, 0), (2, 1), (3, 2)]:
    conv2d(torch.randn(9, 9), torch.randn(3, 3), s, p)
CHECK_CALLS = False
print(CHECKS)
''')

# =========================================================== classes with special methods that count / record
py("callable_class_counts_calls_len_repr", r'''
class HandConv2d:
    """conv2d as an object that remembers what it was asked."""
    created = 0

    def __init__(self):
        HandConv2d.created += 1
        self.calls = []

    def __call__(self, image, kernel, stride=1, padding=0):
        self.calls.append((tuple(image.shape), tuple(kernel.shape), stride, padding))
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

    def __len__(self):
        return len(self.calls)

    def __repr__(self):
        return f"HandConv2d(#{HandConv2d.created}, {len(self)} calls, last={self.calls[-1] if self.calls else None})"


conv2d = HandConv2d()
''' + POOL_LOOPS + r'''

conv2d(torch.rand(5, 5), torch.rand(3, 3))
conv2d(torch.rand(8, 6), torch.rand(3, 3), 2, 1)
print(conv2d, len(conv2d))
''')

py("call_counter_instance_dunder_call", r'''
from collections import Counter


class CallCounter:
    def __init__(self):
        self.counts = Counter()

    def __call__(self, name):
        self.counts[name] += 1

    def __repr__(self):
        return f"CallCounter({dict(self.counts)})"


count_call = CallCounter()


def conv2d(image, kernel, stride=1, padding=0):
    count_call("conv2d")
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
    count_call("max_pool2d")
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


conv2d(torch.rand(4, 4), torch.rand(2, 2))
max_pool2d(torch.rand(4, 4))
print(count_call)
''')

py("window_class_eq_hash_registers_instances", r'''
class Window:
    """One position of the kernel on the (padded) image."""
    made = []  # every window ever made, to count them

    def __init__(self, row, col, height, width):
        self.row, self.col, self.height, self.width = row, col, height, width
        Window.made.append(self)

    def cut(self, x):
        return x[self.row:self.row + self.height, self.col:self.col + self.width]

    def __eq__(self, other):
        return isinstance(other, Window) and (self.row, self.col, self.height, self.width) == (
            other.row, other.col, other.height, other.width)

    def __hash__(self):
        return hash((self.row, self.col, self.height, self.width))

    def __repr__(self):
        return f"Window(row={self.row}, col={self.col}, {self.height}x{self.width})"


def windows(height, width, kh, kw, step):
    return [[Window(i * step, j * step, kh, kw) for j in range((width - kw) // step + 1)]
            for i in range((height - kh) // step + 1)]


def conv2d(image, kernel, stride=1, padding=0):
    x = F.pad(image, (padding,) * 4)
    grid = windows(x.shape[0], x.shape[1], kernel.shape[0], kernel.shape[1], stride)
    return torch.stack([torch.stack([(win.cut(x) * kernel).sum() for win in row]) for row in grid])


def max_pool2d(image, kernel_size=2):
    grid = windows(image.shape[0], image.shape[1], kernel_size, kernel_size, kernel_size)
    return torch.stack([torch.stack([win.cut(image).max() for win in row]) for row in grid])


conv2d(torch.rand(5, 5), torch.rand(3, 3))
print(len(Window.made), "windows made,", len(set(Window.made)), "different; first:", Window.made[0])
''')

py("cache_key_class_with_eq_hash", r'''
class PlanKey:
    """Key of the index plan cache: the geometry of one convolution."""

    def __init__(self, h, w, kh, kw, stride):
        self.h, self.w, self.kh, self.kw, self.stride = h, w, kh, kw, stride

    def _t(self):
        return (self.h, self.w, self.kh, self.kw, self.stride)

    def __eq__(self, other):
        return isinstance(other, PlanKey) and self._t() == other._t()

    def __hash__(self):
        return hash(self._t())


_PLANS = {}


def _plan(h, w, kh, kw, stride):
    key = PlanKey(h, w, kh, kw, stride)
    if key not in _PLANS:
        oh, ow = (h - kh) // stride + 1, (w - kw) // stride + 1
        rows = (torch.arange(oh) * stride)[:, None, None, None] + torch.arange(kh)[None, None, :, None]
        cols = (torch.arange(ow) * stride)[None, :, None, None] + torch.arange(kw)[None, None, None, :]
        _PLANS[key] = (rows, cols)
    return _PLANS[key]


def conv2d(image, kernel, stride=1, padding=0):
    x = F.pad(image, (padding, padding, padding, padding))
    rows, cols = _plan(x.shape[0], x.shape[1], kernel.shape[0], kernel.shape[1], stride)
    patches = x[rows, cols]  # (oh, ow, kh, kw)
    return (patches * kernel).sum(dim=(-2, -1))


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    rows, cols = _plan(image.shape[0], image.shape[1], k, k, k)
    return image[rows, cols].amax(dim=(-2, -1))


print(conv2d(torch.ones(4, 4), torch.ones(3, 3)), len(_PLANS))
''')


# =========================================================== dataclasses
py("dataclass_geometry_cache_by_shapes", r'''
from dataclasses import dataclass


@dataclass(frozen=True)
class Geometry:
    h: int
    w: int
    kh: int
    kw: int
    stride: int = 1
    padding: int = 0

    @property
    def out_h(self):
        return (self.h + 2 * self.padding - self.kh) // self.stride + 1

    @property
    def out_w(self):
        return (self.w + 2 * self.padding - self.kw) // self.stride + 1


_GEOMETRIES: dict = {}  # (image shape, kernel shape, stride, padding) -> Geometry


def geometry(image, kernel, stride, padding):
    key = (tuple(image.shape), tuple(kernel.shape), stride, padding)
    if key not in _GEOMETRIES:
        _GEOMETRIES[key] = Geometry(*image.shape, *kernel.shape, stride, padding)
    return _GEOMETRIES[key]


def conv2d(image, kernel, stride=1, padding=0):
    g = geometry(image, kernel, stride, padding)
    padded = torch.zeros(g.h + 2 * g.padding, g.w + 2 * g.padding, dtype=image.dtype)
    padded[g.padding:g.padding + g.h, g.padding:g.padding + g.w] = image
    out = torch.zeros(g.out_h, g.out_w, dtype=image.dtype)
    for i in range(g.out_h):
        for j in range(g.out_w):
            r, c = i * g.stride, j * g.stride
            out[i, j] = (padded[r:r + g.kh, c:c + g.kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    g = Geometry(*image.shape, kernel_size, kernel_size, stride=kernel_size)
    out = torch.zeros(g.out_h, g.out_w, dtype=image.dtype)
    for i in range(g.out_h):
        for j in range(g.out_w):
            out[i, j] = image[i * g.stride:i * g.stride + g.kh, j * g.stride:j * g.stride + g.kw].max()
    return out


conv2d(torch.rand(7, 5), torch.rand(3, 3), 2, 1)
print(_GEOMETRIES)
''')

py("dataclass_runlog_default_factory", r'''
import time
from dataclasses import dataclass, field


@dataclass
class RunLog:
    calls: list = field(default_factory=list)
    total_seconds: float = 0.0

    def add(self, **info):
        self.calls.append(info)
        self.total_seconds += info.get("seconds", 0.0)


LOG = RunLog()


def conv2d(image, kernel, stride=1, padding=0):
    t0 = time.perf_counter()
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
    LOG.add(op="conv2d", image=tuple(image.shape), kernel=tuple(kernel.shape), stride=stride, padding=padding,
            seconds=time.perf_counter() - t0)
    return out


def max_pool2d(image, kernel_size=2):
    t0 = time.perf_counter()
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    LOG.add(op="max_pool2d", image=tuple(image.shape), kernel_size=k, seconds=time.perf_counter() - t0)
    return out


conv2d(torch.rand(6, 6), torch.rand(3, 3), 1, 1)
max_pool2d(torch.rand(6, 6), 3)
print(LOG)
print(len(LOG.calls), "calls")
''')

py("dataclass_config_with_history_list", r'''
from dataclasses import dataclass, field


@dataclass
class LabConfig:
    verbose: bool = False
    check_dtype: bool = True
    history: list = field(default_factory=list)


CONFIG = LabConfig()


def conv2d(image, kernel, stride=1, padding=0):
    if CONFIG.check_dtype and image.dtype != kernel.dtype:
        raise TypeError(f"image is {image.dtype}, kernel is {kernel.dtype}")
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
    CONFIG.history.append(("conv2d", (h, w), (kh, kw), stride, padding))
    if CONFIG.verbose:
        print(CONFIG.history[-1])
    return out


def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    CONFIG.history.append(("max_pool2d", (h, w), k))
    return out


CONFIG.verbose = True
conv2d(torch.rand(5, 5), torch.rand(3, 3), 1, 1)
CONFIG.verbose = False
print(CONFIG)
''')

# =========================================================== caches keyed by shapes
py("cache_index_tensors_by_shape_gather", r'''
_INDEX_CACHE = {}  # (H, W, kh, kw, stride) -> flat indices of every window, (oh*ow, kh*kw)


def _window_indices(H, W, kh, kw, stride):
    key = (H, W, kh, kw, stride)
    if key in _INDEX_CACHE:
        return _INDEX_CACHE[key]
    oh, ow = (H - kh) // stride + 1, (W - kw) // stride + 1
    starts = (torch.arange(oh)[:, None] * stride * W + torch.arange(ow)[None, :] * stride).reshape(-1, 1)
    offsets = (torch.arange(kh)[:, None] * W + torch.arange(kw)[None, :]).reshape(1, -1)
    _INDEX_CACHE[key] = (starts + offsets, oh, ow)
    return _INDEX_CACHE[key]


def conv2d(image, kernel, stride=1, padding=0):
    x = F.pad(image, (padding, padding, padding, padding))
    idx, oh, ow = _window_indices(x.shape[0], x.shape[1], kernel.shape[0], kernel.shape[1], stride)
    patches = x.reshape(-1)[idx]  # (oh*ow, kh*kw)
    return (patches @ kernel.reshape(-1)).reshape(oh, ow)


def max_pool2d(image, kernel_size=2):
    idx, oh, ow = _window_indices(image.shape[0], image.shape[1], kernel_size, kernel_size, kernel_size)
    return image.reshape(-1)[idx].max(dim=1).values.reshape(oh, ow)


conv2d(torch.rand(10, 10), torch.rand(3, 3), 2, 1)
print("cached:", list(_INDEX_CACHE))
''')

py("cache_padded_buffers_by_shape_dtype", r'''
_BUFFERS = {}


def _zeros(shape, dtype):
    """A fresh zero tensor; the first one of each shape/dtype is kept and cloned afterwards."""
    key = (tuple(shape), dtype)
    if key not in _BUFFERS:
        _BUFFERS[key] = torch.zeros(*shape, dtype=dtype)
    return _BUFFERS[key].clone()


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = _zeros((h + 2 * padding, w + 2 * padding), image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = _zeros((oh, ow), image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    k = kernel_size
    out = _zeros((h // k, w // k), image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


conv2d(torch.rand(5, 5), torch.rand(3, 3))
print(len(_BUFFERS), "buffers cached")
''')

py("cache_unfold_matmul_lru_and_dict", r'''
import functools

_KERNEL_ROWS = {}


@functools.lru_cache(maxsize=None)
def _out_hw(h, w, kh, kw, stride, padding):
    return (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    oh, ow = _out_hw(*image.shape, kh, kw, stride, padding)
    cols = F.unfold(image[None, None].double(), (kh, kw), padding=padding, stride=stride)  # (1, kh*kw, L)
    _KERNEL_ROWS[(kh, kw)] = kernel.reshape(1, -1).double()  # last kernel of each size, for the plot of the "rows"
    return (_KERNEL_ROWS[(kh, kw)] @ cols[0]).reshape(oh, ow).to(image.dtype)
''' + POOL_LOOPS + r'''

print(_out_hw.cache_info(), list(_KERNEL_ROWS))
''')


# =========================================================== self-checks storing results
py("self_check_results_dict_try_except", CONV_LOOPS + POOL_LOOPS + r'''

RESULTS = {}


def self_check(trials=3):
    for stride, padding in [(1, 0), (1, 1), (2, 1), (3, 2)]:
        name = f"conv s={stride} p={padding}"
        try:
            for _ in range(trials):
                x, k = torch.randn(9, 7), torch.randn(3, 2)
                ours = conv2d(x, k, stride, padding)
                ref = F.conv2d(x[None, None], k[None, None], stride=stride, padding=padding)[0, 0]
                assert ours.shape == ref.shape, f"shape {tuple(ours.shape)} != {tuple(ref.shape)}"
                assert torch.allclose(ours, ref, atol=1e-5), f"max error {(ours - ref).abs().max():.2e}"
            RESULTS[name] = "ok"
        except AssertionError as err:
            RESULTS[name] = f"FAILED: {err}"
    for k in (2, 3):
        x = torch.randn(7, 8)
        RESULTS[f"pool k={k}"] = "ok" if torch.equal(max_pool2d(x, k), F.max_pool2d(x[None, None], k)[0, 0]) \
            else "FAILED"
    return RESULTS


for name, verdict in self_check().items():
    print(f"{name:16s} {verdict}")
''')

py("self_check_keeps_tensors_and_errors", CONV_LOOPS + POOL_LOOPS + r'''

FAILURES = []
COMPARISONS = {}  # (stride, padding) -> {"ours": ..., "torch": ..., "max_err": ...}

x, k = torch.randn(8, 8), torch.randn(3, 3)
for stride in (1, 2):
    for padding in (0, 1):
        ours = conv2d(x, k, stride, padding)
        theirs = F.conv2d(x[None, None], k[None, None], stride=stride, padding=padding)[0, 0]
        COMPARISONS[stride, padding] = {"ours": ours, "torch": theirs, "max_err": (ours - theirs).abs().max().item()}
        try:
            torch.testing.assert_close(ours, theirs)
        except AssertionError as err:
            FAILURES.append(((stride, padding), err))

print(FAILURES or "all comparisons passed")
print({key: round(c["max_err"], 8) for key, c in COMPARISONS.items()})
''')

py("self_check_function_records_in_results_and_reuses_conv", CONV_LOOPS + POOL_LOOPS + r'''

results = {}


def compare(name, mine, reference, *args):
    """Run both, keep the outputs (for the plots) and whether they agree."""
    a, b = mine(*args), reference(*args)
    results[name] = (a, b, torch.allclose(a.double(), b.double(), atol=1e-5))
    return results[name][2]


def ref_conv(image, kernel, stride=1, padding=0):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


def ref_pool(image, kernel_size=2):
    return F.max_pool2d(image[None, None], kernel_size)[0, 0]


img, ker = torch.randn(10, 9), torch.randn(3, 3)
print(compare("conv", conv2d, ref_conv, img, ker, 2, 1))
print(compare("pool", max_pool2d, ref_pool, img, 3))
# and the pooled convolution, by hand all the way
print(compare("conv+pool", lambda i, k: max_pool2d(conv2d(i, k, 1, 1)), lambda i, k: ref_pool(ref_conv(i, k, 1, 1)),
              img, ker))
print({name: r[2] for name, r in results.items()})
''')

# =========================================================== forward hooks keeping feature maps
HOOKS_DICT = r'''

feature_maps = {}


def save_output(name):
    def hook(module, inputs, output):
        feature_maps[name] = output.detach()
    return hook


model = CNN()
for name, layer in model.main.named_children():
    layer.register_forward_hook(save_output(name))
with torch.no_grad():
    model(torch.randn(1, 1, 100, 100))

# my max_pool2d on the first ReLU's maps must give the first MaxPool2d's
relu1, pool1 = feature_maps["1"][0], feature_maps["2"][0]
print(all(torch.equal(max_pool2d(relu1[c]), pool1[c]) for c in range(relu1.shape[0])))
print({name: tuple(t.shape) for name, t in feature_maps.items()})
'''
py("hooks_feature_maps_dict_pool_by_hand", CONV_LOOPS + POOL_LOOPS, extra=HOOKS_DICT)

HOOKS_LIST = r'''

activations = []
net = CNN()
handles = [m.register_forward_hook(lambda module, inp, out: activations.append(out.detach()))
           for m in net.main if isinstance(m, (nn.Conv2d, nn.MaxPool2d))]
with torch.no_grad():
    net(torch.randn(1, 1, 100, 100))
for h in handles:
    h.remove()

# conv1's first map, redone by hand from the input weights
first = net.main[0]
x = torch.randn(1, 1, 100, 100)
activations.clear()
with torch.no_grad():
    net.main[0].register_forward_hook(lambda module, inp, out: activations.append((inp[0], out)))
    net(x)
    inp, out = activations[0]
    mine = conv2d(inp[0, 0], first.weight[0, 0], 1, 1) + first.bias[0]
print(torch.allclose(mine, out[0, 0], atol=1e-5))
'''
py("hooks_activation_list_conv_by_hand_on_layer_input", CONV_LOOPS + POOL_LOOPS, extra=HOOKS_LIST)


# =========================================================== functools.singledispatch for tensors and arrays
py("singledispatch_as_tensor_helper", r'''
import functools

import numpy as np


@functools.singledispatch
def as_tensor(x):
    raise TypeError(f"cannot convolve a {type(x).__name__}")


@as_tensor.register
def _(x: torch.Tensor):
    return x


@as_tensor.register
def _(x: np.ndarray):
    return torch.from_numpy(x)


@as_tensor.register(list)
def _(x):
    return torch.tensor(x)


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


print(conv2d([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]],
             np.array([[0, 1, 2], [2, 2, 0], [0, 1, 2]])))
''')

py("singledispatch_conv2d_itself_ndarray_overload", r'''
from functools import singledispatch

import numpy as np


@singledispatch
def conv2d(image, kernel, stride=1, padding=0):
    """The tensor version (the default)."""
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


@conv2d.register
def _(image: np.ndarray, kernel, stride=1, padding=0):
    return conv2d(torch.from_numpy(image), torch.as_tensor(kernel), stride, padding).numpy()


@singledispatch
def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


@max_pool2d.register
def _(image: np.ndarray, kernel_size=2):
    return max_pool2d(torch.from_numpy(image), kernel_size).numpy()


a = np.arange(25.0).reshape(5, 5)
print(conv2d(a, np.ones((3, 3))), max_pool2d(a))
''')

py("singledispatch_method_on_class", r'''
from functools import singledispatchmethod

import numpy as np


class ByHand:
    """Both operations; inputs may be tensors or numpy arrays (then the answer is an array too)."""

    @singledispatchmethod
    def conv(self, image, kernel, stride=1, padding=0):
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

    @conv.register
    def _(self, image: np.ndarray, kernel, stride=1, padding=0):
        return self.conv(torch.from_numpy(image), torch.as_tensor(kernel), stride, padding).numpy()

    def pool(self, image, kernel_size=2):
        h, w = image.shape
        k = kernel_size
        out = torch.zeros(h // k, w // k, dtype=image.dtype)
        for i in range(h // k):
            for j in range(w // k):
                out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
        return out


_ops = ByHand()


def conv2d(image, kernel, stride=1, padding=0):
    return _ops.conv(image, kernel, stride, padding)


def max_pool2d(image, kernel_size=2):
    return _ops.pool(image, kernel_size)


print(conv2d(np.eye(4), np.ones((2, 2))))
''')

# =========================================================== progress callbacks registered by a decorator
py("progress_callbacks_registry_called_in_conv2d", r'''
ON_ROW_DONE = []  # callbacks called after each output row (progress bars, debugging)
SHOW_PROGRESS = False


def on_row_done(fn):
    ON_ROW_DONE.append(fn)
    return fn


@on_row_done
def _print_progress(row, total):
    if SHOW_PROGRESS:
        print(f"row {row + 1}/{total}")


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
        for callback in ON_ROW_DONE:
            callback(i, oh)
    return out
''' + POOL_LOOPS + r'''

SHOW_PROGRESS = True
conv2d(torch.rand(4, 4), torch.rand(2, 2))
SHOW_PROGRESS = False
''')

py("observer_class_records_calls_via_method", r'''
import time


class Profiler:
    """Collects (name, shape, seconds) of every call it is told about."""
    instances = []

    def __init__(self, name):
        self.name = name
        self.records = []
        Profiler.instances.append(self)

    def record(self, what, shape, seconds):
        self.records.append((what, shape, seconds))

    def __len__(self):
        return len(self.records)

    def __repr__(self):
        total = sum(r[2] for r in self.records)
        return f"Profiler({self.name!r}, {len(self)} calls, {total:.4f} s)"


PROFILE = Profiler("lab06")


def conv2d(image, kernel, stride=1, padding=0):
    start = time.perf_counter()
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
    PROFILE.record("conv2d", tuple(out.shape), time.perf_counter() - start)
    return out


def max_pool2d(image, kernel_size=2):
    start = time.perf_counter()
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    PROFILE.record("max_pool2d", tuple(out.shape), time.perf_counter() - start)
    return out


conv2d(torch.rand(8, 8), torch.rand(3, 3), 1, 1)
print(PROFILE, Profiler.instances)
''')


# =========================================================== notebooks
NB_IMPORTS = "import time\nimport functools\n" + IMPORTS
NB_MODELS = CNN_PLAIN + "\n# %%\n" + Q8_PLAIN

nb("nb_timed_registry_and_results_table", NB_IMPORTS + r'''
# %%
''' + Q_SIMPLE + "\n# %%\n" + Q2_Q5 + r'''
# %%
# md ## Q6 by hand. Every implementation goes in `IMPLS`, every call is timed into `TIMINGS`.
# %%
IMPLS = {}
TIMINGS = []


def implementation(op, label):
    def decorate(fn):
        @functools.wraps(fn)
        def timed(*args, **kwargs):
            t0 = time.perf_counter()
            out = fn(*args, **kwargs)
            TIMINGS.append((op, label, time.perf_counter() - t0))
            return out
        IMPLS[op, label] = timed
        return timed
    return decorate
# %%
''' + Q6_OUT + r'''

@implementation("conv", "hand")
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


@implementation("pool", "hand")
def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


@implementation("conv", "torch")
def torch_conv2d(image, kernel, stride=1, padding=0):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


@implementation("pool", "torch")
def torch_max_pool2d(image, kernel_size=2):
    return F.max_pool2d(image[None, None], kernel_size)[0, 0]
# %%
x, k = torch.randn(32, 32), torch.randn(3, 3)
for (op, label), fn in IMPLS.items():
    fn(*((x, k, 1, 1) if op == "conv" else (x, 2)))
for op, label, secs in TIMINGS:
    print(f"{op:5s} {label:6s} {secs * 1e3:8.3f} ms")
# %%
''' + NB_MODELS)

nb("nb_hooks_feature_maps_and_call_log", NB_IMPORTS + r'''
# %%
''' + Q_SIMPLE + "\n# %%\n" + Q2_Q5 + r'''
# %%
''' + Q6_OUT + r'''
CALLS = []


def conv2d(image, kernel, stride=1, padding=0):
    CALLS.append(("conv2d", image.shape, kernel.shape, stride, padding))
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
    CALLS.append(("max_pool2d", image.shape, kernel_size))
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out
# %%
''' + NB_MODELS + r'''
# %%
# md Feature maps of the lecture network, kept by forward hooks, then my pooling on them.
# %%
maps = {}
model = CNN()
for idx, layer in enumerate(model.main):
    layer.register_forward_hook(lambda m, i, o, idx=idx: maps.__setitem__(idx, o.detach()))
with torch.no_grad():
    model(torch.randn(1, 1, 100, 100))
same = [torch.equal(max_pool2d(maps[1][0, c]), maps[2][0, c]) for c in range(3)]
same
# %%
len(CALLS), CALLS[-1]
''')


# =========================================================== one-construct reductions of the losers, and controls
def conv_with(before_loops="", after_loops="", head=""):
    """CONV_LOOPS with lines added at the start of its body and before its return."""
    body = CONV_LOOPS.replace("    h, w = image.shape\n", before_loops + "    h, w = image.shape\n", 1)
    return head + body.replace("    return out\n", after_loops + "    return out\n", 1)


# (1) a private method of the own class called on `other` in __eq__
KEY_CLASS = r"""
class Key:
    def __init__(self, *parts):
        self.parts = parts

    def METHOD(self):
        return self.parts

    def __eq__(self, other):
        return isinstance(other, Key) and self.METHOD() == other.METHOD()

    def __hash__(self):
        return hash(self.METHOD())


SEEN = set()
"""
py("min_eq_calls_private_method_on_other", conv_with(
    "    SEEN.add(Key(tuple(image.shape), tuple(kernel.shape)))\n", head=KEY_CLASS.replace("METHOD", "_key")) + POOL_LOOPS)
py("min_eq_calls_public_method_on_other_control", conv_with(
    "    SEEN.add(Key(tuple(image.shape), tuple(kernel.shape)))\n", head=KEY_CLASS.replace("METHOD", "key")) + POOL_LOOPS)
py("min_private_attribute_of_other_in_eq_unreached", CONV_LOOPS + POOL_LOOPS + r"""

class Shape:
    def __init__(self, h, w):
        self._hw = (h, w)

    def __eq__(self, other):
        return self._hw == other._hw


print(Shape(2, 3) == Shape(2, 3))
""")

# (2) an instance counter on the class, reached by conv2d
COUNTED = r"""
class Pad:
    made = 0

    def __init__(self, padding):
        self.padding = padding
        STATEMENT

    def __call__(self, image):
        p = self.padding
        out = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
        out[p:p + image.shape[0], p:p + image.shape[1]] = image
        return out

"""
CONV_PAD = r"""
def conv2d(image, kernel, stride=1, padding=0):
    padded = Pad(padding)(image)
    kh, kw = kernel.shape
    oh = (padded.shape[0] - kh) // stride + 1
    ow = (padded.shape[1] - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out
"""
py("min_init_counts_instances_on_class", COUNTED.replace("STATEMENT", "Pad.made += 1") + CONV_PAD + POOL_LOOPS)
py("min_init_counts_instances_type_self", COUNTED.replace("STATEMENT", "type(self).made += 1") + CONV_PAD + POOL_LOOPS)
py("min_init_counts_instances_control", COUNTED.replace("STATEMENT", "self.made = 1") + CONV_PAD + POOL_LOOPS)
# (3) __init__ registering the instance in a class-level list, reached by conv2d
py("min_init_appends_self_to_class_list", COUNTED.replace("made = 0", "made = []").replace(
    "STATEMENT", "Pad.made.append(self)") + CONV_PAD + POOL_LOOPS)
py("min_init_appends_self_to_module_list", "\nALL_PADS = []\n" + COUNTED.replace("made = 0", "made = []").replace(
    "STATEMENT", "ALL_PADS.append(self)") + CONV_PAD + POOL_LOOPS + "\nprint(len(ALL_PADS))\n")
py("min_init_isinstance_own_class", COUNTED.replace("STATEMENT", "assert not isinstance(padding, Pad)") + CONV_PAD
   + POOL_LOOPS)

# (4) conv2d keeping its own parameters, with its name as a text somewhere
py("min_conv2d_logs_stride_label_conv2d", conv_with(
    "", "    HISTORY.append((\"conv2d\", stride, padding))\n    print(HISTORY[-1])\n", head="\nHISTORY = []\n")
   + POOL_LOOPS)
py("min_conv2d_logs_stride_label_conv_control", conv_with(
    "", "    HISTORY.append((\"conv\", stride, padding))\n    print(HISTORY[-1])\n", head="\nHISTORY = []\n")
   + POOL_LOOPS)
py("min_conv2d_logs_stride_label_unread_control", conv_with(
    "", "    HISTORY.append((\"conv2d\", stride, padding))\n", head="\nHISTORY = []\n") + POOL_LOOPS
   + "\nprint(HISTORY)\n")
py("min_conv2d_name_in_text_elsewhere", conv_with(
    "", "    HISTORY.append((stride, padding))\n    print(HISTORY[-1])\n", head="\nHISTORY = []\n") + POOL_LOOPS
   + "\nprint(\"testing\", \"conv2d\")\n")
py("min_conv2d_logs_stride_dunder_name", conv_with(
    "", "    HISTORY.append((conv2d.__name__, stride, padding))\n    print(HISTORY[-1])\n", head="\nHISTORY = []\n")
   + POOL_LOOPS)

# (5) a registering decorator factory that reads its registry
REG = r"""
REGISTRY = {}


def register(name):
    def decorator(fn):
        CHECK
        REGISTRY[name] = fn
        return fn
    return decorator

"""
def reg_file(check):
    conv = "\n@register(\"conv/hand\")" + CONV_LOOPS
    torch_ref = "\n\n@register(\"conv/torch\")\ndef torch_conv(image, kernel, stride=1, padding=0):\n" \
                "    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]\n"
    return REG.replace("CHECK", check) + conv + torch_ref + POOL_LOOPS
py("min_register_factory_checks_name_in_registry", reg_file("assert name not in REGISTRY, name"))
py("min_register_factory_no_check_control", reg_file("pass"))
py("min_register_factory_len_of_registry", reg_file("print(len(REGISTRY), \"registered\")"))


def main(out: pathlib.Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (out / name).write_text(text)
    print(len(FILES), "files written to", out)


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)

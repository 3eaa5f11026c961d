"""Round 58 fairness corpus (aimed at b606293..2629920: the reader reads every binding of a name read where a
top-level statement runs; private class attributes torch never reads are data; squeezed one-output heads;
self.to()/self.float() in forward; format-string helpers), correct answers in ordinary student styles.

    python tests/corpus/fair/_make_r58.py [OUTDIR]

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

Q6_PLAIN = Q6_OUT + "\n" + CONV_LOOPS + "\n" + POOL_LOOPS

CONV_DRAFT = r'''
# first try: let torch do it, to see what the answer should look like
def conv2d(image, kernel, stride=1, padding=0):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]
'''

POOL_DRAFT = r'''
def max_pool2d(image, kernel_size=2):
    return F.max_pool2d(image[None, None], kernel_size)[0, 0]
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
BASE = (Q_SIMPLE, Q2_Q5, Q6_PLAIN)
MODELS = (CNN_PLAIN, Q8_PLAIN)


def py(name, *parts, imports=IMPORTS):
    FILES[f"r58_{name}.py"] = imports + "".join(parts)


def nb(name, source):
    FILES[f"r58_{name}.ipynb"] = notebook(source)


FIRST_CELL = 'import otter\ngrader = otter.Notebook("lecture06.ipynb")'


def notebook(source: str) -> str:
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
    return nbformat.writes(book)


def cnn_with(init_extra="", forward_body="return self.main(x)", class_body="", head="nn.Linear(1250, 1)"):
    return f'''

class CNN(nn.Module):
{class_body}
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), {head},
        )
{init_extra}
    def forward(self, x):
        {forward_body}
'''


def convnet_with(init_extra="", forward_body="return self.main(x)", class_body=""):
    return f'''

def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
{class_body}
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )
{init_extra}
    def forward(self, x):
        {forward_body}
'''


SELF_CHECK = r'''

# sanity check against torch (my function must give the same numbers)
_x, _k = torch.randn(7, 6), torch.randn(3, 3)
assert torch.allclose(conv2d(_x, _k, stride=2, padding=1),
                      F.conv2d(_x[None, None], _k[None, None], stride=2, padding=1)[0, 0], atol=1e-5)
assert torch.equal(max_pool2d(_x, 2), F.max_pool2d(_x[None, None], 2)[0, 0])
'''

# =========================================================== rule 1: every binding of a name read at the top level
# a first draft wrapping torch, replaced by loops, then a shortcut made at the top level
py("draft_fconv_then_loops_alias_shortcut", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_DRAFT, POOL_DRAFT, "\n",
   "print(conv2d(torch.ones(4, 4), torch.ones(3, 3)))\n", CONV_LOOPS, POOL_LOOPS, r'''

conv = conv2d
pool = max_pool2d
print(pool(conv(torch.arange(36.).view(6, 6), torch.ones(3, 3)), 2))
''', *MODELS)
py("min_draft_then_alias", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_DRAFT, CONV_LOOPS, POOL_LOOPS, "\nconv = conv2d\n", *MODELS)
py("min_alias_no_draft", *BASE, "\nconv = conv2d\npool = max_pool2d\n", *MODELS)
py("min_draft_then_nothing", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_DRAFT, CONV_LOOPS, POOL_LOOPS, *MODELS)

py("draft_then_loops_partial_stride2", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_DRAFT, CONV_LOOPS, POOL_LOOPS, r'''
import functools

conv_s2 = functools.partial(conv2d, stride=2)
conv_same = functools.partial(conv2d, padding=1)
print(conv_s2(torch.ones(5, 5), torch.ones(3, 3)))
print(conv_same(torch.ones(5, 5), torch.ones(3, 3)).shape)
''', *MODELS)
py("min_partial_no_draft", *BASE, "\nimport functools\n\nconv_s2 = functools.partial(conv2d, stride=2)\n", *MODELS)

py("draft_then_loops_dispatch_table", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_DRAFT, POOL_DRAFT, CONV_LOOPS, POOL_LOOPS, r'''

OPS = {"conv": conv2d, "pool": max_pool2d}


def apply(op, *args, **kwargs):
    return OPS[op](*args, **kwargs)


print(apply("pool", apply("conv", torch.randn(8, 8), torch.ones(3, 3), padding=1), 2).shape)
''', *MODELS)
py("min_dispatch_table_no_draft", *BASE, '\nOPS = {"conv": conv2d, "pool": max_pool2d}\n', *MODELS)

py("draft_then_loops_selfcheck_assert", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_DRAFT, CONV_LOOPS, POOL_LOOPS, SELF_CHECK,
   *MODELS)
py("min_selfcheck_no_draft", *BASE, SELF_CHECK, *MODELS)

py("decorator_no_grad_on_both", Q_SIMPLE, Q2_Q5, Q6_OUT, "\n\n@torch.no_grad()", CONV_LOOPS, "\n\n@torch.no_grad()",
   POOL_LOOPS, *MODELS)
py("decorator_no_grad_after_draft", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_DRAFT, POOL_DRAFT, "\n\n@torch.no_grad()",
   CONV_LOOPS, "\n\n@torch.no_grad()", POOL_LOOPS, *MODELS)

py("memo_decorator", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''
import functools


def memoise(fn):
    """Cache results: the same image and kernel give the same output (slow loops!)."""
    cache = {}

    @functools.wraps(fn)
    def wrapper(image, *args, **kwargs):
        key = (fn.__name__, tuple(image.shape), tuple(image.flatten().tolist()),
               tuple((tuple(a.shape), tuple(a.flatten().tolist())) if torch.is_tensor(a) else a for a in args),
               tuple(sorted(kwargs.items())), image.dtype)
        if key not in cache:
            cache[key] = fn(image, *args, **kwargs)
        return cache[key].clone()
    return wrapper


@memoise''', CONV_LOOPS, "\n\n@memoise", POOL_LOOPS, *MODELS)

TIMED = r'''
import functools
import time


def timed(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        wrapper.total += time.perf_counter() - start
        return result
    wrapper.total = 0.0
    return wrapper

'''
py("timed_rebinding", Q_SIMPLE, Q2_Q5, Q6_PLAIN, TIMED, "conv2d = timed(conv2d)\nmax_pool2d = timed(max_pool2d)\n",
   *MODELS)
py("timed_rebinding_after_draft", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_DRAFT, POOL_DRAFT, CONV_LOOPS, POOL_LOOPS, TIMED,
   "conv2d = timed(conv2d)\nmax_pool2d = timed(max_pool2d)\n", *MODELS)

py("helper_default_arg_redefined_helper", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''

def pad2d(image, padding):
    return F.pad(image, (padding, padding, padding, padding))


# F.pad is not "plain" enough for me, so by hand:
def pad2d(image, padding):
    h, w = image.shape
    out = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    out[padding:padding + h, padding:padding + w] = image
    return out


def conv2d(image, kernel, stride=1, padding=0, pad=pad2d):
    padded = pad(image, padding)
    kh, kw = kernel.shape
    oh = (padded.shape[0] - kh) // stride + 1
    ow = (padded.shape[1] - kw) // stride + 1
    return torch.stack([torch.stack([(padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
                                     for j in range(ow)]) for i in range(oh)])
''', POOL_LOOPS, *MODELS)

py("helper_default_arg_q2_function", Q_SIMPLE, r'''

def conv_output_size(size, kernel_size, stride=1, padding=0):
    return (size + 2 * padding - kernel_size) // stride + 1


# fixed: raise when the kernel does not fit
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
''', Q6_OUT, r'''

def conv2d(image, kernel, stride=1, padding=0, size_of=conv_output_size):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = size_of(h, kh, stride, padding), size_of(w, kw, stride, padding)
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out
''', POOL_LOOPS, *MODELS)

py("helper_redefined_across_cells", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''

def window(x, i, j, size):
    return x[i:i + size, j:j + size]


print(window(torch.arange(16).view(4, 4), 1, 1, 2))


# rectangular kernels and strides too
def window(x, i, j, size, stride=1):
    kh, kw = size if isinstance(size, tuple) else (size, size)
    return x[i * stride:i * stride + kh, j * stride:j * stride + kw]


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    kh, kw = kernel.shape
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (window(padded, i, j, (kh, kw), stride) * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = window(image, i, j, k, k).max()
    return out
''', *MODELS)

py("lambda_draft_then_def_and_alias", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''
conv2d = lambda image, kernel, stride=1, padding=0: F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]
expected = conv2d(torch.arange(25.).view(5, 5), torch.ones(3, 3))
''', CONV_LOOPS, POOL_LOOPS, r'''
my_conv = conv2d
print(torch.allclose(my_conv(torch.arange(25.).view(5, 5), torch.ones(3, 3)), expected))
''', *MODELS)

py("three_versions_each_checked", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''

def check(fn, stride=1, padding=0):
    x, k = torch.randn(9, 8), torch.randn(3, 3)
    ours = fn(x, k, stride=stride, padding=padding)
    theirs = F.conv2d(x[None, None], k[None, None], stride=stride, padding=padding)[0, 0]
    print(fn.__name__, "ok" if torch.allclose(ours, theirs, atol=1e-5) else "WRONG")


def conv2d(image, kernel, stride=1, padding=0):  # version 1: stride 1, no padding
    kh, kw = kernel.shape
    oh, ow = image.shape[0] - kh + 1, image.shape[1] - kw + 1
    return torch.tensor([[(image[i:i + kh, j:j + kw] * kernel).sum().item() for j in range(ow)] for i in range(oh)])


check(conv2d)


def conv2d(image, kernel, stride=1, padding=0):  # version 2: with stride
    kh, kw = kernel.shape
    oh, ow = (image.shape[0] - kh) // stride + 1, (image.shape[1] - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


check(conv2d, stride=2)
''', CONV_LOOPS, r'''

check(conv2d, stride=2, padding=1)
''', POOL_LOOPS, *MODELS)

py("reference_kept_under_other_name", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_DRAFT, r'''
reference_conv2d = conv2d  # keep torch's answer to test mine against
''', CONV_LOOPS, POOL_LOOPS, r'''
x, k = torch.randn(6, 6), torch.randn(3, 3)
print("same as torch:", torch.allclose(conv2d(x, k, 2, 1), reference_conv2d(x, k, 2, 1), atol=1e-5))
''', *MODELS)

py("defined_under_other_name_then_bound", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_DRAFT, POOL_DRAFT, r'''


def my_conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    rows = []
    for i in range(0, h + 2 * padding - kh + 1, stride):
        rows.append(torch.stack([(padded[i:i + kh, j:j + kw] * kernel).sum()
                                 for j in range(0, w + 2 * padding - kw + 1, stride)]))
    return torch.stack(rows)


def my_max_pool2d(image, kernel_size=2):
    k = kernel_size
    h, w = image.shape[0] // k * k, image.shape[1] // k * k
    return image[:h, :w].reshape(h // k, k, w // k, k).amax(dim=(1, 3))


conv2d = my_conv2d
max_pool2d = my_max_pool2d
''', *MODELS)

py("function_attributes_and_docstrings", *BASE, r'''
conv2d.tested = True
conv2d.__doc__ = "2-D cross-correlation of one image with one kernel, written with loops."
max_pool2d.tested = True
print(conv2d.__name__, conv2d.tested, max_pool2d.__doc__)
''', *MODELS)

py("pool_draft_then_loops_and_list_of_layers", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_LOOPS, POOL_DRAFT, POOL_LOOPS, r'''

PIPELINE = [(conv2d, {"kernel": torch.ones(3, 3) / 9, "padding": 1}), (max_pool2d, {"kernel_size": 2})]
x = torch.rand(8, 8)
for fn, kwargs in PIPELINE:
    x = fn(x, **kwargs)
print(x.shape)
''', *MODELS)

# =========================================================== rule 2: private class attributes
py("min_class_private_count", *BASE, cnn_with(), convnet_with(class_body="    _count = 0\n",
   init_extra="        ConvNet._count += 1\n"))
py("min_type_self_private_seen", *BASE, cnn_with(class_body="    _seen = False\n",
   init_extra="        type(self)._seen = True\n"), Q8_PLAIN)
py("min_class_private_cache_top", *BASE, cnn_with(init_extra="        CNN._cache[id(self)] = 'built'\n"),
   "\nCNN._cache = {}\n", Q8_PLAIN)
py("min_class_private_name", *BASE, cnn_with(init_extra="        CNN._name = 'pooled CNN of question 3'\n"), Q8_PLAIN)
py("min_class_private_metadata", *BASE, cnn_with(class_body="    _metadata = None\n",
   init_extra="        CNN._metadata = {'author': 'me', 'question': 7}\n"), Q8_PLAIN)
py("private_registry_classmethod", *BASE, cnn_with(class_body='''    _registry = []

    @classmethod
    def _register(cls, model):
        cls._registry.append(type(model).__name__)
''', init_extra="        CNN._register(self)\n"), convnet_with(class_body="    _built = 0\n    _last_channels = None\n",
   init_extra="        type(self)._built += 1\n        type(self)._last_channels = input_channels\n"))

# =========================================================== rule 3: hand-written one-output heads
HEAD_INIT = '''        self.features = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(),
        )
        self.W = nn.Parameter(torch.empty(1, 1250))
        self.b = nn.Parameter(torch.empty(1))
        nn.init.kaiming_uniform_(self.W, a=math.sqrt(5))
        bound = 1 / math.sqrt(1250)
        nn.init.uniform_(self.b, -bound, bound)
'''


def head_cnn(expr):
    return f'''
import math


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
{HEAD_INIT}
    def forward(self, x):
        z = self.features(x)
        return {expr}
'''


for _name, _expr in [
    ("squeeze_add_unsqueeze", "(z @ self.W.t()).squeeze(1).add(self.b).unsqueeze(1)"),
    ("squeeze_minus1_plus_bias_none_index", "((z @ self.W.t()).squeeze(-1) + self.b)[:, None]"),
    ("view_flat_add_view", "z.matmul(self.W.T).view(-1).add(self.b).view(-1, 1)"),
    ("einsum", "torch.einsum('nf,of->no', z, self.W) + self.b"),
    ("addmm", "torch.addmm(self.b, z, self.W.t())"),
    ("bias_first_plus_matmul", "self.b + z @ self.W.T"),
    ("mul_sum_keepdim", "(z * self.W).sum(dim=1, keepdim=True) + self.b"),
    ("mv_unsqueeze", "(torch.mv(z, self.W[0]) + self.b).unsqueeze(1)"),
    ("functional_linear", "F.linear(z, self.W, self.b)"),
    ("flatten_add_reshape", "(z @ self.W.t()).flatten().add(self.b).reshape(-1, 1)"),
]:
    py(f"head_{_name}", *BASE, head_cnn(_expr), Q8_PLAIN)

# =========================================================== rule 4: the model moves or casts itself in forward
py("min_forward_self_float", *BASE, cnn_with(forward_body="self.float()\n        return self.main(x.float())"), Q8_PLAIN)
py("min_forward_self_to_x", *BASE, cnn_with(forward_body="self.to(x)\n        return self.main(x)"), Q8_PLAIN)
py("min_forward_self_type_x_dtype", *BASE, cnn_with(forward_body="self.type(x.dtype)\n        return self.main(x)"),
   Q8_PLAIN)
py("convnet_forward_to_device_and_dtype", *BASE, CNN_PLAIN, convnet_with(
    forward_body="self.to(device=x.device, dtype=x.dtype)\n        return self.main(x)"))
py("min_forward_cpu_unless_cuda", *BASE, cnn_with(
    forward_body="if not x.is_cuda:\n            self.cpu()\n        return self.main(x)"), Q8_PLAIN)
py("both_models_device_follow_in_forward", *BASE, cnn_with(
    forward_body="if next(self.parameters()).device != x.device:\n            self.to(x.device)\n        return self.main(x)"),
   convnet_with(forward_body="self.to(x.device).float()\n        return self.main(x.to(torch.float32))"))

# =========================================================== rule 5: format-string helpers called from forward
py("log_fmt_star_args", *BASE, '''

VERBOSE = False


def log(fmt, *args):
    if VERBOSE:
        print(fmt.format(*args))
''', cnn_with(forward_body='log("CNN input {} -> {}", tuple(x.shape), x.dtype)\n        out = self.main(x)\n'
                           '        log("CNN output {}", tuple(out.shape))\n        return out'),
   convnet_with(forward_body='log("ConvNet input {}", tuple(x.shape))\n        return self.main(x)'))
py("log_fmt_keyword_template", *BASE, '''

def log(fmt, **values):
    print(fmt.format(**values))
''', cnn_with(forward_body='log("{name}: {shape}", name="CNN input", shape=list(x.shape))\n        return self.main(x)'),
   Q8_PLAIN)
py("log_template_as_keyword_argument", *BASE, '''

def log(*args, fmt="{}"):
    print(fmt.format(*args))
''', cnn_with(forward_body='log(x.shape, fmt="input shape {}")\n        log(x.dtype)\n        return self.main(x)'),
   Q8_PLAIN)
py("log_default_template", *BASE, '''

def log(label, value, fmt="{:>12}: {}"):
    print(fmt.format(label, value))
''', cnn_with(forward_body='log("input", tuple(x.shape))\n        out = self.main(x)\n        log("output", tuple(out.shape))\n'
                           '        return out'), Q8_PLAIN)
py("log_percent_format", *BASE, '''

def log(fmt, *args):
    print(fmt % args)
''', cnn_with(forward_body='log("input %s (%d images)", tuple(x.shape), x.shape[0])\n        return self.main(x)'),
   Q8_PLAIN)
py("log_template_module_constant", *BASE, '''

SHAPE_FMT = "{:<8} {}"


def log(fmt, *args):
    print(fmt.format(*args))
''', cnn_with(forward_body='log(SHAPE_FMT, "input", tuple(x.shape))\n        return self.main(x)'), Q8_PLAIN)
py("log_format_map", *BASE, '''

def log(fmt, **values):
    print(fmt.format_map(values))
''', cnn_with(forward_body='log("batch {n}, size {h}x{w}", n=x.shape[0], h=x.shape[2], w=x.shape[3])\n'
                           '        return self.main(x)'), Q8_PLAIN)
py("log_method_with_verbose_flag", *BASE, cnn_with(class_body='''    verbose = False

    def _log(self, fmt, *args):
        if self.verbose:
            print(fmt.format(*args))
''', forward_body='''for layer in self.main:
            x = layer(x)
            self._log("{:<10} -> {}", type(layer).__name__, tuple(x.shape))
        return x'''), Q8_PLAIN)
py("log_logging_module", *BASE, '''
import logging

logger = logging.getLogger("cnn")


def log(fmt, *args):
    logger.debug(fmt.format(*args))
''', cnn_with(forward_body='log("input {0}, dtype {1}", tuple(x.shape), x.dtype)\n        return self.main(x)'),
   convnet_with(forward_body='logger.debug("ConvNet input %s", tuple(x.shape))\n        return self.main(x)'))
py("log_template_conversion_and_spec", *BASE, '''

def log(fmt, *args):
    print(fmt.format(*args))
''', cnn_with(forward_body='log("{0!s:>28} | {1!r}", x.shape, x.dtype)\n        return self.main(x)'), Q8_PLAIN)

# =========================================================== blind styles
py("q6_while_loops", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''

def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros((h + 2 * padding, w + 2 * padding), dtype=image.dtype)
    padded[padding:h + padding, padding:w + padding] = image
    rows = []
    i = 0
    while i + kh <= padded.shape[0]:
        row = []
        j = 0
        while j + kw <= padded.shape[1]:
            row.append(torch.sum(padded[i:i + kh, j:j + kw] * kernel))
            j += stride
        rows.append(torch.stack(row))
        i += stride
    return torch.stack(rows)


def max_pool2d(image, kernel_size=2):
    out_rows = []
    i = 0
    while i + kernel_size <= image.shape[0]:
        j, row = 0, []
        while j + kernel_size <= image.shape[1]:
            row.append(image[i:i + kernel_size, j:j + kernel_size].max())
            j += kernel_size
        out_rows.append(torch.stack(row))
        i += kernel_size
    return torch.stack(out_rows)
''', *MODELS)
py("q6_itertools_product", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''
import itertools


def conv2d(image, kernel, stride=1, padding=0):
    if padding:
        image = torch.cat([torch.zeros(padding, image.shape[1], dtype=image.dtype), image,
                           torch.zeros(padding, image.shape[1], dtype=image.dtype)], dim=0)
        image = torch.cat([torch.zeros(image.shape[0], padding, dtype=image.dtype), image,
                           torch.zeros(image.shape[0], padding, dtype=image.dtype)], dim=1)
    kh, kw = kernel.shape
    oh = (image.shape[0] - kh) // stride + 1
    ow = (image.shape[1] - kw) // stride + 1
    out = image.new_zeros(oh, ow)
    for i, j in itertools.product(range(oh), range(ow)):
        out[i, j] = (image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    out = image.new_empty(oh, ow)
    for i, j in itertools.product(range(oh), range(ow)):
        out[i, j] = torch.max(image[i * k:i * k + k, j * k:j * k + k])
    return out
''', *MODELS)
py("q6_kernel_offsets_shifted_sum", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''

def conv2d(image, kernel, stride=1, padding=0):
    """Sum of shifted copies of the image, one per kernel entry, then keep every stride-th value."""
    h, w = image.shape
    kh, kw = kernel.shape
    p = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    p[padding:padding + h, padding:padding + w] = image
    oh, ow = p.shape[0] - kh + 1, p.shape[1] - kw + 1
    total = torch.zeros(oh, ow, dtype=image.dtype)
    for a in range(kh):
        for b in range(kw):
            total += kernel[a, b] * p[a:a + oh, b:b + ow]
    return total[::stride, ::stride]


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    best = image[0:oh * k:k, 0:ow * k:k].clone()
    for a in range(k):
        for b in range(k):
            best = torch.maximum(best, image[a:oh * k:k, b:ow * k:k])
    return best
''', *MODELS)
py("q6_tensor_unfold_method_amax", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''

def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    padded = image.new_zeros(h + 2 * padding, w + 2 * padding)
    padded[padding:padding + h, padding:padding + w] = image
    patches = padded.unfold(0, kernel.shape[0], stride).unfold(1, kernel.shape[1], stride)
    return (patches * kernel).sum(dim=(-2, -1))


def max_pool2d(image, kernel_size=2):
    return image.unfold(0, kernel_size, kernel_size).unfold(1, kernel_size, kernel_size).amax(dim=(-2, -1))
''', *MODELS)
py("answers_numpy_and_tensor_types", '''
import numpy as np
''', '''
q1_answer = "C"
q3_shapes = [tuple(int(v) for v in s) for s in ([3, 100, 100], [3, 50, 50], [2, 50, 50], [2, 25, 25])]
q3_flatten_features = int(np.prod(q3_shapes[-1]))
q4_conv_params = int(np.prod([3, 3, 3, 3])) + 3
q4_cnn_params = int(sum([1 * 3 * 9 + 3, 3 * 2 * 9 + 2, q3_flatten_features + 1]))
sizes = [128 * 128, 256, 128, 64, 32, 16, 1]
q4_fcnn_params = int(sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:])))
q9_true = frozenset("C")
q10_answers = {str(k): v for k, v in zip(range(1, 9), np.array([True, False, True, True, False, False, True, False]))}
''', Q2_Q5, '''
q6_output = np.array([[12, 12, 17], [10, 17, 19], [9, 6, 14]])
''', CONV_LOOPS, POOL_LOOPS, *MODELS)
py("models_moduledict_and_modulelist", *BASE, '''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleDict({
            "conv1": nn.Conv2d(1, 3, 3, padding=1), "relu1": nn.ReLU(), "pool1": nn.MaxPool2d(2),
            "conv2": nn.Conv2d(3, 2, 3, padding=1), "relu2": nn.ReLU(), "pool2": nn.MaxPool2d(2),
            "flatten": nn.Flatten(), "fc": nn.Linear(1250, 1),
        })

    def forward(self, x):
        for layer in self.layers.values():
            x = layer(x)
        return x


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        channels = [input_channels, 3, 3, 3, 3, 3]
        self.blocks = nn.ModuleList(conv_block(a, b) for a, b in zip(channels, channels[1:]))
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(3 * 128 * 128, 1)

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return self.fc(self.flatten(x))
''')
py("models_ordereddict_and_setattr_blocks", *BASE, '''
from collections import OrderedDict


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(OrderedDict([
            ("conv1", nn.Conv2d(1, 3, (3, 3), padding=1)), ("act1", nn.ReLU()), ("pool1", nn.MaxPool2d((2, 2))),
            ("conv2", nn.Conv2d(3, 2, (3, 3), padding=1)), ("act2", nn.ReLU()), ("pool2", nn.MaxPool2d((2, 2))),
            ("flat", nn.Flatten()), ("out", nn.Linear(2 * 25 * 25, 1)),
        ]))

    def forward(self, x):
        return self.net(x)


def conv_block(input_channels, output_channels):
    block = nn.Sequential()
    block.add_module("conv", nn.Conv2d(input_channels, output_channels, 3, padding=1))
    block.add_module("relu", nn.ReLU())
    return block


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.n_blocks = 5
        for i in range(self.n_blocks):
            setattr(self, f"block{i + 1}", conv_block(input_channels if i == 0 else 3, 3))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        for i in range(self.n_blocks):
            x = getattr(self, f"block{i + 1}")(x)
        return self.head(x)
''')
py("models_functools_reduce_forward", *BASE, '''
import functools


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.steps = nn.ModuleList([
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        ])

    def forward(self, x):
        return functools.reduce(lambda acc, layer: layer(acc), self.steps, x)


def conv_block(input_channels, output_channels):
    layers = [nn.Conv2d(input_channels, output_channels, 3, 1, 1), nn.ReLU()]
    return nn.Sequential(*layers)


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.body = nn.Sequential(*[conv_block(input_channels if i == 0 else 3, 3) for i in range(5)])
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        return self.fc(torch.flatten(self.body(x), start_dim=1))
''')

# =========================================================== notebooks
nb("nb_drafts_aliases_timers", IMPORTS + r'''
# %%
# md ## Q1 - Q5
# %%
''' + Q_SIMPLE + Q2_Q5 + r'''
# %%
# md ## Q6: first let torch do it, then by hand
# %%
''' + Q6_OUT + CONV_DRAFT + POOL_DRAFT + r'''
target = conv2d(torch.arange(25.).view(5, 5), torch.ones(3, 3), stride=2, padding=1)
target
# %%
''' + CONV_LOOPS + POOL_LOOPS + r'''
# %%
''' + TIMED + r'''conv2d = timed(conv2d)
conv = conv2d
print(torch.allclose(conv(torch.arange(25.).view(5, 5), torch.ones(3, 3), stride=2, padding=1), target))
print(f"{conv2d.total:.4f} s in conv2d")
# %%
grader.check("q6")
# %%
''' + CNN_PLAIN + r'''
# %%
''' + Q8_PLAIN)
nb("nb_magics_and_help", IMPORTS + r'''
%matplotlib inline
%config InlineBackend.figure_format = 'retina'
# %%
''' + Q_SIMPLE + Q2_Q5 + r'''
# %%
F.conv2d?
# %%
''' + Q6_PLAIN + r'''
# %%
%timeit conv2d(torch.rand(20, 20), torch.rand(3, 3))
# %%
%%time
print(max_pool2d(torch.rand(64, 64)).shape)
# %%
''' + CNN_PLAIN + Q8_PLAIN + r'''
# %%
!nvidia-smi || echo "no gpu"
''')
nb("nb_decorators_selfcheck_private_attrs", IMPORTS + r'''
# %%
''' + Q_SIMPLE + Q2_Q5 + Q6_OUT + r'''
# %%
@torch.no_grad()
''' + CONV_LOOPS.lstrip("\n") + r'''

@torch.no_grad()
''' + POOL_LOOPS.lstrip("\n") + SELF_CHECK + r'''
# %%
''' + cnn_with(class_body="    _instances = 0\n", init_extra="        CNN._instances += 1\n",
               forward_body='log("{} -> {}", tuple(x.shape), "CNN")\n        return self.main(x)') + r'''

def log(fmt, *args):
    pass  # print(fmt.format(*args)) while debugging
# %%
''' + convnet_with(init_extra="        type(self)._last_input_channels = input_channels\n") + r'''
# %%
print(CNN()(torch.rand(2, 1, 100, 100)).shape, ConvNet(3)(torch.rand(2, 3, 128, 128)).shape, CNN._instances)
''')


# =========================================================== round two: reductions of the losers, neighbours
# rule 1: which aliases put the first draft back
py("min_pool_draft_then_alias", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_LOOPS, POOL_DRAFT, POOL_LOOPS, "\npool = max_pool2d\n",
   *MODELS)
py("min_lambda_draft_no_alias", Q_SIMPLE, Q2_Q5, Q6_OUT, r"""
conv2d = lambda image, kernel, stride=1, padding=0: F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]
""", CONV_LOOPS, POOL_LOOPS, *MODELS)
py("min_reference_alias_of_draft_unused", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_DRAFT,
   "\nreference_conv2d = conv2d\n", CONV_LOOPS, POOL_LOOPS, *MODELS)
py("min_draft_then_tuple_alias", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_DRAFT, POOL_DRAFT, CONV_LOOPS, POOL_LOOPS,
   "\nconv, pool = conv2d, max_pool2d\n", *MODELS)
py("min_draft_then_default_arg_helper", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_DRAFT, CONV_LOOPS, POOL_LOOPS, r"""

def conv_channels(image, kernels, conv=conv2d):
    return torch.stack([conv(image, k, padding=1) for k in kernels])
""", *MODELS)
py("min_draft_then_help_call", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_DRAFT, CONV_LOOPS, POOL_LOOPS, "\nhelp(conv2d)\n", *MODELS)
# function and class attributes
py("min_function_doc_assignment", *BASE, '\nconv2d.__doc__ = "2-D cross-correlation written with loops."\n', *MODELS)
py("min_function_public_attribute", *BASE, "\nconv2d.tested = True\n", *MODELS)
py("min_class_doc_assignment", *BASE, CNN_PLAIN, '\nCNN.__doc__ = "The pooled CNN of question 3."\n', Q8_PLAIN)
py("min_class_private_top_level_assign", *BASE, CNN_PLAIN, "\nCNN._cache = {}\n", Q8_PLAIN)
py("min_class_body_private_dict_item_in_init", *BASE, cnn_with(class_body="    _cache = {}\n",
   init_extra="        CNN._cache[id(self)] = 'built'\n"), Q8_PLAIN)
py("min_type_self_private_augassign", *BASE, cnn_with(class_body="    _built = 0\n",
   init_extra="        type(self)._built += 1\n"), Q8_PLAIN)
py("min_self_class_private_assign", *BASE, cnn_with(class_body="    _seen = False\n",
   init_extra="        self.__class__._seen = True\n"), Q8_PLAIN)
# heads: which reshaping loses the bias
for _name, _expr in [
    ("squeeze_add_view", "(z @ self.W.t()).squeeze(1).add(self.b).view(-1, 1)"),
    ("view_add_unsqueeze", "(z @ self.W.t()).view(-1).add(self.b).unsqueeze(1)"),
    ("reshape_add_reshape", "(z @ self.W.t()).reshape(-1).add(self.b).reshape(-1, 1)"),
    ("squeeze_plus_bias_reshape", "((z @ self.W.t()).squeeze(1) + self.b).reshape(-1, 1)"),
]:
    py(f"min_head_{_name}", *BASE, head_cnn(_expr), Q8_PLAIN)
# forward: casts through Module.type / apply
py("min_forward_self_type_float32", *BASE, cnn_with(forward_body="self.type(torch.float32)\n        return self.main(x)"),
   Q8_PLAIN)
py("min_forward_apply_float", *BASE, cnn_with(forward_body="self.apply(lambda m: m.float())\n        return self.main(x)"),
   Q8_PLAIN)
# format helpers as methods
py("min_log_method_constant_template", *BASE, cnn_with(class_body="""    def _log(self, fmt, *args):
        print(fmt.format(*args))
""", forward_body='self._log("input {}", tuple(x.shape))\n        return self.main(x)'), Q8_PLAIN)
py("min_log_staticmethod", *BASE, cnn_with(class_body="""    @staticmethod
    def log(fmt, *args):
        print(fmt.format(*args))
""", forward_body='CNN.log("input {}", tuple(x.shape))\n        return self.main(x)'), Q8_PLAIN)
py("min_log_module_helper_in_layer_loop", *BASE, """

def log(fmt, *args):
    print(fmt.format(*args))
""", cnn_with(forward_body="""for layer in self.main:
            x = layer(x)
            log("{:<10} -> {}", type(layer).__name__, tuple(x.shape))
        return x"""), Q8_PLAIN)
py("log_helper_in_shape_layer", *BASE, CNN_PLAIN, """

def log(fmt, *args):
    print(fmt.format(*args))


class Shape(nn.Module):
    def __init__(self, label):
        super().__init__()
        self.label = label

    def forward(self, x):
        log("{}: {}", self.label, tuple(x.shape))
        return x


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            Shape("before flatten"), nn.Flatten(), nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)
""")


def main(out: pathlib.Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (out / name).write_text(text)
    print(len(FILES), "files written to", out)


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)

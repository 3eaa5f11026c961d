"""Round 60 fairness corpus (aimed at 014d6e1 and the rules before it: the checking decorator's allowed body, the
keeper rule that reads every call's arguments, __name__/__doc__ set on functions, and written-out one-output heads
whose bias is broadcast or whose column is sliced), correct answers in ordinary student styles.

    python tests/corpus/fair/_make_r60.py [OUTDIR]

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
    FILES[f"r60_{name}.py"] = imports + "".join(parts)


def nb(name, source):
    FILES[f"r60_{name}.ipynb"] = notebook(source)


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



def decorated(decorator: str, loops: str) -> str:
    return "\n\n@" + decorator + "\n" + loops.lstrip("\n")


# =========================================================== A. decorators that check the loops against torch once
# Each hands back the very function it decorates; its body falls outside what 2ab7304's checking-decorator rule lets
# by (a method chain, a text method, a built-in or module outside its lists, a factory with a statement more, a
# decorator bound twice), so its comparison with torch counts as the loops' own.

DEC_CHAIN = r'''

def check(fn):
    """Compare with torch once, when the function is defined."""
    x, k = torch.randn(7, 6), torch.randn(3, 3)
    diff = fn(x, k, padding=1) - F.conv2d(x[None, None], k[None, None], padding=1)[0, 0]
    print(f"{fn.__name__}: largest difference {diff.abs().max():.2e}")
    return fn
'''
py("min_dec_local_method_chain", Q_SIMPLE, Q2_Q5, Q6_OUT, DEC_CHAIN, decorated("check", CONV_LOOPS), POOL_LOOPS,
   *MODELS)

DEC_RESULT_METHOD = r'''

def check(fn):
    x, k = torch.randn(7, 6), torch.randn(3, 3)
    mine = fn(x, k).double()
    ref = F.conv2d(x.double()[None, None], k.double()[None, None])[0, 0]
    assert torch.allclose(mine, ref, atol=1e-5), fn.__name__
    return fn
'''
py("min_dec_method_on_checked_result", Q_SIMPLE, Q2_Q5, Q6_OUT, DEC_RESULT_METHOD, decorated("check", CONV_LOOPS),
   POOL_LOOPS, *MODELS)

DEC_FORMAT = r'''

def check(fn):
    x, k = torch.randn(7, 6), torch.randn(3, 3)
    mine = fn(x, k, stride=2)
    ref = F.conv2d(x[None, None], k[None, None], stride=2)[0, 0]
    err = torch.max(torch.abs(mine - ref)).item()
    print("{}: max abs difference to F.conv2d = {:.2e}".format(fn.__name__, err))
    return fn
'''
py("min_dec_str_format", Q_SIMPLE, Q2_Q5, Q6_OUT, DEC_FORMAT, decorated("check", CONV_LOOPS), POOL_LOOPS, *MODELS)

DEC_JOIN = r'''

def check(fn):
    x, k = torch.randn(7, 6), torch.randn(3, 3)
    ok = torch.allclose(fn(x, k), F.conv2d(x[None, None], k[None, None])[0, 0], atol=1e-5)
    print(" | ".join([fn.__name__, "same as torch" if ok else "DIFFERENT"]))
    return fn
'''
py("min_dec_str_join", Q_SIMPLE, Q2_Q5, Q6_OUT, DEC_JOIN, decorated("check", CONV_LOOPS), POOL_LOOPS, *MODELS)

DEC_DICT = r'''

def check(fn):
    x, k = torch.randn(7, 6), torch.randn(3, 3)
    for settings in (dict(stride=1), dict(stride=2, padding=1)):
        assert torch.allclose(fn(x, k, **settings),
                              F.conv2d(x[None, None], k[None, None], **settings)[0, 0], atol=1e-5), settings
    return fn
'''
py("min_dec_dict_builtin", Q_SIMPLE, Q2_Q5, Q6_OUT, DEC_DICT, decorated("check", CONV_LOOPS), POOL_LOOPS, *MODELS)

DEC_TYPE = r'''

def check(fn):
    x, k = torch.randn(7, 6), torch.randn(3, 3)
    out = fn(x, k)
    print(fn.__name__, "returns", type(out).__name__, tuple(out.shape))
    assert torch.allclose(out, F.conv2d(x[None, None], k[None, None])[0, 0], atol=1e-5)
    return fn
'''
py("min_dec_type_builtin", Q_SIMPLE, Q2_Q5, Q6_OUT, DEC_TYPE, decorated("check", CONV_LOOPS), POOL_LOOPS, *MODELS)

DEC_APPEND = r'''

def check(fn):
    rows = []
    for stride in (1, 2, 3):
        x, k = torch.randn(9, 8), torch.randn(3, 3)
        same = torch.allclose(fn(x, k, stride=stride), F.conv2d(x[None, None], k[None, None], stride=stride)[0, 0],
                              atol=1e-5)
        rows.append((stride, same))
    print(fn.__name__, rows)
    return fn
'''
py("min_dec_local_list_append", Q_SIMPLE, Q2_Q5, Q6_OUT, DEC_APPEND, decorated("check", CONV_LOOPS), POOL_LOOPS,
   *MODELS)

DEC_TIME = r'''
import time


def check(fn):
    x, k = torch.randn(20, 20), torch.randn(3, 3)
    start = time.perf_counter()
    mine = fn(x, k)
    middle = time.perf_counter()
    ref = F.conv2d(x[None, None], k[None, None])[0, 0]
    end = time.perf_counter()
    print(f"{fn.__name__}: {middle - start:.4f} s, torch: {end - middle:.6f} s, "
          f"same: {torch.allclose(mine, ref, atol=1e-5)}")
    return fn
'''
py("min_dec_time_perf_counter", Q_SIMPLE, Q2_Q5, Q6_OUT, DEC_TIME, decorated("check", CONV_LOOPS), POOL_LOOPS,
   *MODELS)

DEC_WARN = r'''
import warnings


def check(fn):
    x, k = torch.randn(7, 6), torch.randn(3, 3)
    if not torch.allclose(fn(x, k), F.conv2d(x[None, None], k[None, None])[0, 0], atol=1e-5):
        warnings.warn(f"{fn.__name__} does not agree with F.conv2d")
    return fn
'''
py("min_dec_warnings_warn", Q_SIMPLE, Q2_Q5, Q6_OUT, DEC_WARN, decorated("check", CONV_LOOPS), POOL_LOOPS, *MODELS)

DEC_INSPECT = r'''
import inspect


def check(fn):
    print(fn.__name__, inspect.signature(fn))
    x, k = torch.randn(7, 6), torch.randn(3, 3)
    assert torch.allclose(fn(x, k), F.conv2d(x[None, None], k[None, None])[0, 0], atol=1e-5)
    return fn
'''
py("min_dec_inspect_signature", Q_SIMPLE, Q2_Q5, Q6_OUT, DEC_INSPECT, decorated("check", CONV_LOOPS), POOL_LOOPS,
   *MODELS)

DEC_FACTORY_STATEMENT = r'''

def checked(atol=1e-5):
    tolerance = float(atol)

    def decorate(fn):
        x, k = torch.randn(7, 6), torch.randn(3, 3)
        assert torch.allclose(fn(x, k, padding=1), F.conv2d(x[None, None], k[None, None], padding=1)[0, 0],
                              atol=tolerance)
        return fn
    return decorate
'''
py("min_dec_factory_statement_before_inner_def", Q_SIMPLE, Q2_Q5, Q6_OUT, DEC_FACTORY_STATEMENT,
   decorated("checked(atol=1e-4)", CONV_LOOPS), POOL_LOOPS, *MODELS)

DEC_TWICE = r'''

def check(fn):
    print("defined", fn.__name__)
    return fn


# better: compare with torch as well
def check(fn):
    x, k = torch.randn(7, 6), torch.randn(3, 3)
    assert torch.allclose(fn(x, k), F.conv2d(x[None, None], k[None, None])[0, 0], atol=1e-5)
    print("checked", fn.__name__)
    return fn
'''
py("min_dec_defined_twice", Q_SIMPLE, Q2_Q5, Q6_OUT, DEC_TWICE, decorated("check", CONV_LOOPS), POOL_LOOPS, *MODELS)

DEC_TESTING = r'''

def check(fn):
    x, k = torch.randn(7, 6), torch.randn(3, 3)
    torch.testing.assert_close(fn(x, k), F.conv2d(x[None, None], k[None, None])[0, 0], rtol=1e-4, atol=1e-5)
    return fn
'''
py("min_dec_torch_testing_assert_close", Q_SIMPLE, Q2_Q5, Q6_OUT, DEC_TESTING, decorated("check", CONV_LOOPS),
   POOL_LOOPS, *MODELS)

DEC_POOL_FORMAT = r'''

def check_pool(fn):
    x = torch.randn(9, 8)
    err = torch.max(torch.abs(fn(x, 3) - F.max_pool2d(x[None, None], 3)[0, 0])).item()
    print("{}: max abs difference to F.max_pool2d = {:.1e}".format(fn.__name__, err))
    return fn
'''
py("min_dec_pool_str_format", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_LOOPS, DEC_POOL_FORMAT, decorated("check_pool", POOL_LOOPS),
   *MODELS)

# controls: the same comparisons, inside what the rule lets by, or at the top level
DEC_TRY = r'''

def check(fn):
    x, k = torch.randn(7, 6), torch.randn(3, 3)
    try:
        assert torch.allclose(fn(x, k), F.conv2d(x[None, None], k[None, None])[0, 0], atol=1e-5)
        print(fn.__name__, "agrees with torch")
    except AssertionError as err:
        print(fn.__name__, "FAILED", err)
    return fn
'''
py("min_dec_try_except_control", Q_SIMPLE, Q2_Q5, Q6_OUT, DEC_TRY, decorated("check", CONV_LOOPS), POOL_LOOPS,
   *MODELS)
py("min_top_level_format_and_testing_control", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

x, k = torch.randn(7, 6), torch.randn(3, 3)
diff = conv2d(x, k, padding=1) - F.conv2d(x[None, None], k[None, None], padding=1)[0, 0]
print("{}: max abs difference {:.2e}".format(conv2d.__name__, diff.abs().max().item()))
torch.testing.assert_close(max_pool2d(x, 3), F.max_pool2d(x[None, None], 3)[0, 0])
''', *MODELS)

# style files
py("dec_benchmark_table_against_torch", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''
import time

REFERENCES = {
    "conv2d": lambda x, k: F.conv2d(x[None, None], k[None, None], padding=1)[0, 0],
}


def benchmark(fn):
    """Time my function against torch's once, print a line of the table, hand the function back."""
    x, k = torch.randn(32, 32), torch.randn(3, 3)
    t0 = time.perf_counter()
    mine = fn(x, k, padding=1)
    t1 = time.perf_counter()
    theirs = F.conv2d(x[None, None], k[None, None], padding=1)[0, 0]
    t2 = time.perf_counter()
    err = torch.max(torch.abs(mine - theirs)).item()
    print("{:<12}{:>10.4f} s{:>12.6f} s{:>12.1e}".format(fn.__name__, t1 - t0, t2 - t1, err))
    return fn


print("{:<12}{:>12}{:>14}{:>12}".format("function", "loops", "torch", "max err"))
''', decorated("benchmark", CONV_LOOPS), POOL_LOOPS, r'''

x = torch.randn(9, 9)
assert torch.equal(max_pool2d(x, 3), F.max_pool2d(x[None, None], 3)[0, 0])
''', *MODELS)

nb("nb_check_decorator_improved_in_later_cell", r'''
import torch
import torch.nn as nn
import torch.nn.functional as F
''' + Q_SIMPLE + r'''
# %%
''' + Q2_Q5 + r'''
# %%
# md
## Exercise 6.6: convolution and pooling by hand
# %%
def check(fn):
    print("defined", fn.__name__)
    return fn
# %%
''' + Q6_OUT + r'''
# %%
# md
After the first attempt I made the decorator compare with torch.
# %%
def check(fn):
    x = torch.randn(8, 7)
    if fn.__name__ == "conv2d":
        k = torch.randn(3, 3)
        same = torch.allclose(fn(x, k, stride=2, padding=1),
                              F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0], atol=1e-5)
    else:
        same = torch.equal(fn(x, 2), F.max_pool2d(x[None, None], 2)[0, 0])
    print(fn.__name__, "agrees with torch:", same)
    return fn
# %%
''' + decorated("check", CONV_LOOPS) + r'''
# %%
''' + decorated("check", POOL_LOOPS) + r'''
# %%
''' + CNN_PLAIN + r'''
# %%
''' + Q8_PLAIN)

py("dec_warns_when_loops_disagree", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''
import warnings


def agrees_with_torch(fn):
    """Warn (do not stop the notebook) if my loops disagree with torch on a random input."""
    x = torch.randn(9, 8)
    if fn.__name__ == "conv2d":
        k = torch.randn(3, 2)
        ref = F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0]
        mine = fn(x, k, stride=2, padding=1)
    else:
        ref = F.max_pool2d(x[None, None], 2)[0, 0]
        mine = fn(x, 2)
    if not torch.allclose(mine, ref, atol=1e-5):
        warnings.warn(f"{fn.__name__} disagrees with torch", stacklevel=2)
    return fn
''', decorated("agrees_with_torch", CONV_LOOPS), decorated("agrees_with_torch", POOL_LOOPS), *MODELS)


# =========================================================== B. functions that keep an argument (logs, registries)
# A function that appends an argument (or a value made of one) to a module-level list, or stores it in a dict,
# has every call's arguments read as what it keeps (014d6e1, _handed_to_a_keeper). A by-hand function that logs
# its inputs' shapes then reads whatever torch made those inputs; a registry given torch's functions for a table
# counts them as the loops' own.

CONV_KEEPS = r'''

HISTORY = []  # (image, kernel, output) of every call, to plot afterwards


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
    HISTORY.append((image, kernel, out))
    return out
'''

POOL_LOGS_SHAPES = r'''

SHAPES = []  # input shapes seen, for a quick look at what the function was used on


def max_pool2d(image, kernel_size=2):
    SHAPES.append(tuple(image.shape))
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out
'''

POOL_LOOPS_KK = POOL_LOOPS.replace("k = kernel_size", "size = kernel_size").replace(
    "h // k", "h // size").replace("w // k", "w // size").replace(
    "image[i * k:(i + 1) * k, j * k:(j + 1) * k]", "image[i * size:(i + 1) * size, j * size:(j + 1) * size]")

py("min_pool_logs_shape_input_pooled_by_torch", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_LOOPS, POOL_LOGS_SHAPES, r'''

# pooling twice by 2 is pooling once by 4
x = torch.randn(1, 1, 16, 16)
once = F.max_pool2d(x, 2)[0, 0]
assert torch.equal(max_pool2d(once), F.max_pool2d(x, 4)[0, 0])
print(SHAPES)
''', *MODELS)

py("min_pool_logs_shape_control", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_LOOPS, POOL_LOGS_SHAPES, r'''

x = torch.randn(1, 1, 16, 16)
assert torch.equal(max_pool2d(x[0, 0], 4), F.max_pool2d(x, 4)[0, 0])
print(SHAPES)
''', *MODELS)

py("min_conv_keeps_input_blurred_by_torch", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_KEEPS, POOL_LOOPS, r'''

img = torch.zeros(12, 12)
img[:, 6:] = 1.0
blurred = F.conv2d(img[None, None], torch.full((1, 1, 3, 3), 1 / 9))[0, 0]
sobel = torch.tensor([[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]])
print(conv2d(blurred, sobel))
''', *MODELS)

py("min_conv_keeps_inputs_pool_local_k", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_KEEPS, POOL_LOOPS, r'''

x, k = torch.randn(7, 6), torch.randn(3, 3)
assert torch.allclose(conv2d(x, k), F.conv2d(x[None, None], k[None, None])[0, 0], atol=1e-5)
''', *MODELS)

py("min_conv_keeps_inputs_pool_local_renamed_control", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_KEEPS, POOL_LOOPS_KK, r'''

x, k = torch.randn(7, 6), torch.randn(3, 3)
assert torch.allclose(conv2d(x, k), F.conv2d(x[None, None], k[None, None])[0, 0], atol=1e-5)
''', *MODELS)

py("min_conv_keeps_inputs_arange_view", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_KEEPS, POOL_LOOPS_KK, r'''

image = torch.arange(25.0).view(5, 5)
kernel = torch.ones(3, 3)
assert torch.allclose(conv2d(image, kernel, padding=1),
                      F.conv2d(image[None, None], kernel[None, None], padding=1)[0, 0])
''', *MODELS)

py("min_conv_keeps_inputs_learned_kernel", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_KEEPS, POOL_LOOPS, CNN_PLAIN, r'''

model = CNN()
first_filter = model.main[0].weight[0, 0].detach()
print(conv2d(torch.rand(50, 50), first_filter, padding=1).shape)
''', Q8_PLAIN)

py("min_conv_keeps_inputs_feature_of_conv_layer", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_KEEPS, POOL_LOOPS, r'''

layer = nn.Conv2d(1, 1, 3)
feature = layer(torch.rand(1, 1, 10, 10))[0, 0].detach()
print(conv2d(feature, torch.ones(3, 3)).shape)
''', *MODELS)

TIMED_KEEPS = r'''
import functools
import time

TIMED = []  # the names of the functions timed, for the summary


def timed(fn):
    TIMED.append(fn.__name__)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        out = fn(*args, **kwargs)
        print(f"{fn.__name__}: {time.perf_counter() - start:.4f} s")
        return out
    return wrapper
'''
py("min_timed_keeps_names_and_times_torch", Q_SIMPLE, Q2_Q5, Q6_OUT, TIMED_KEEPS, decorated("timed", CONV_LOOPS),
   decorated("timed", POOL_LOOPS), r'''

torch_conv2d = timed(F.conv2d)
x, k = torch.randn(20, 20), torch.randn(3, 3)
assert torch.allclose(conv2d(x, k), torch_conv2d(x[None, None], k[None, None])[0, 0], atol=1e-5)
print(TIMED)
''', *MODELS)

REGISTER_PLAIN = r'''

REGISTRY = {}


def register(fn, name=None):
    REGISTRY[name or fn.__name__] = fn
    return fn
'''
py("min_register_decorator_given_torch_functions", Q_SIMPLE, Q2_Q5, Q6_OUT, REGISTER_PLAIN,
   decorated("register", CONV_LOOPS), decorated("register", POOL_LOOPS), r'''

register(F.conv2d, "torch_conv2d")
x, k = torch.randn(7, 6), torch.randn(3, 3)
assert torch.allclose(REGISTRY["conv2d"](x, k), REGISTRY["torch_conv2d"](x[None, None], k[None, None])[0, 0],
                      atol=1e-5)
''', *MODELS)

py("min_register_factory_given_torch_control", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''

IMPLEMENTATIONS = {}


def register(name):
    def add(fn):
        IMPLEMENTATIONS[name] = fn
        return fn
    return add
''', decorated('register("mine")', CONV_LOOPS), POOL_LOOPS, r'''

register("torch")(F.conv2d)
x, k = torch.randn(7, 6), torch.randn(3, 3)
assert torch.allclose(IMPLEMENTATIONS["mine"](x, k), IMPLEMENTATIONS["torch"](x[None, None], k[None, None])[0, 0],
                      atol=1e-5)
''', *MODELS)

# style files
py("conv_history_learned_filters", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_KEEPS, POOL_LOOPS_KK, CNN_PLAIN, r'''


def show_history():
    for image, kernel, out in HISTORY:
        print(tuple(image.shape), "*", tuple(kernel.shape), "->", tuple(out.shape))


# my conv2d with the first layer's filters of an (untrained) CNN, as in the lecture's feature-map figure
model = CNN()
picture = torch.rand(50, 50)
maps = [conv2d(picture, model.main[0].weight[c, 0].detach(), padding=1) + model.main[0].bias[c].item()
        for c in range(3)]
reference = model.main[0](picture[None, None])[0]
assert all(torch.allclose(m, r, atol=1e-5) for m, r in zip(maps, reference.detach()))
show_history()
''', Q8_PLAIN)

nb("nb_pool_logs_feature_maps_of_torch_layers", r'''
import torch
import torch.nn as nn
import torch.nn.functional as F
''' + Q_SIMPLE + r'''
# %%
''' + Q2_Q5 + r'''
# %%
''' + Q6_OUT + r'''
# %%
''' + CONV_LOOPS + r'''
# %%
''' + POOL_LOGS_SHAPES + r'''
# %%
# md
My max_pool2d on a feature map made by torch's layers, as in the lecture's picture of a CNN.
# %%
torch.manual_seed(0)
weights = torch.randn(1, 1, 3, 3)
feature_map = F.relu(F.conv2d(torch.rand(1, 1, 12, 12), weights, padding=1))[0, 0]
pooled = max_pool2d(feature_map)
assert torch.equal(pooled, F.max_pool2d(feature_map[None, None], 2)[0, 0])
print(SHAPES, pooled.shape)
# %%
''' + CNN_PLAIN + r'''
# %%
''' + Q8_PLAIN)

nb("nb_registry_of_implementations", r'''
import torch
import torch.nn as nn
import torch.nn.functional as F
''' + Q_SIMPLE + r'''
# %%
''' + Q2_Q5 + r'''
# %%
''' + Q6_OUT + r'''
# %%
IMPLEMENTATIONS = {}


def register(fn, name=None):
    """Keep every implementation by name, to compare them in one table."""
    IMPLEMENTATIONS[name or fn.__name__] = fn
    return fn
# %%
''' + decorated("register", CONV_LOOPS) + r'''
# %%
''' + decorated("register", POOL_LOOPS) + r'''
# %%
register(F.conv2d, "F.conv2d")
register(F.max_pool2d, "F.max_pool2d")
x, k = torch.randn(8, 8), torch.randn(3, 3)
table = {
    "conv": (IMPLEMENTATIONS["conv2d"](x, k, padding=1),
             IMPLEMENTATIONS["F.conv2d"](x[None, None], k[None, None], padding=1)[0, 0]),
    "pool": (IMPLEMENTATIONS["max_pool2d"](x), IMPLEMENTATIONS["F.max_pool2d"](x[None, None], 2)[0, 0]),
}
for name, (mine, theirs) in table.items():
    print(f"{name:>5}: {torch.allclose(mine, theirs, atol=1e-5)}")
# %%
''' + CNN_PLAIN + r'''
# %%
''' + Q8_PLAIN)

py("timed_decorator_summary_with_torch", Q_SIMPLE, Q2_Q5, Q6_OUT, TIMED_KEEPS, decorated("timed", CONV_LOOPS),
   decorated("timed", POOL_LOOPS), r'''

torch_conv2d = timed(F.conv2d)
torch_max_pool2d = timed(F.max_pool2d)
x, k = torch.randn(24, 24), torch.randn(3, 3)
assert torch.allclose(conv2d(x, k, stride=2), torch_conv2d(x[None, None], k[None, None], stride=2)[0, 0], atol=1e-5)
assert torch.equal(max_pool2d(x, 3), torch_max_pool2d(x[None, None], 3)[0, 0])
print("timed:", ", ".join(TIMED))
''', *MODELS)


# =========================================================== C. names and docstrings set on the answers
py("min_name_set_by_fstring", *BASE, r'''

VERSION = 2
conv2d.__name__ = f"conv2d_v{VERSION}"
print(conv2d.__name__)
''', *MODELS)

py("min_qualname_copied_from_name", *BASE, r'''

max_pool2d.__qualname__ = max_pool2d.__name__
''', *MODELS)

py("min_doc_fstring_then_help", *BASE, r'''

method = "nested loops over the output"
conv2d.__doc__ = f"2-D cross-correlation ({method})."
help(conv2d)
''', *MODELS)

py("min_doc_concatenated_then_help", *BASE, r'''

conv2d.__doc__ = "2-D cross-correlation of one image with one kernel. " + "Stride and zero padding as in torch."
help(conv2d)
''', *MODELS)

py("min_doc_copied_from_other_then_help", *BASE, r'''

conv2d.__doc__ = "Cross-correlation of one 2-D image, written with loops."
max_pool2d.__doc__ = conv2d.__doc__.replace("Cross-correlation", "Max pooling")
help(max_pool2d)
''', *MODELS)

py("min_doc_constant_then_help_control", *BASE, r'''

conv2d.__doc__ = "2-D cross-correlation (nested loops over the output)."
help(conv2d)
''', *MODELS)

nb("nb_versioned_names_and_docs", r'''
import torch
import torch.nn as nn
import torch.nn.functional as F
''' + Q_SIMPLE + r'''
# %%
''' + Q2_Q5 + r'''
# %%
''' + Q6_PLAIN + r'''
# %%
VERSION = 3
for fn, what in [(conv2d, "cross-correlation"), (max_pool2d, "max pooling")]:
    print(fn.__name__, "-", what)
conv2d.__name__ = f"conv2d_v{VERSION}"
conv2d.__doc__ = f"2-D {'cross-correlation'} with loops, version {VERSION}."
help(conv2d)
# %%
''' + CNN_PLAIN + r'''
# %%
''' + Q8_PLAIN)


# =========================================================== D. written-out one-output heads
HEAD_CNN = r'''

import math


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(),
        )
        bound = 1 / math.sqrt(1250)
        self.W = nn.Parameter(torch.empty(1, 1250).uniform_(-bound, bound))
        self.b = nn.Parameter(torch.empty(1).uniform_(-bound, bound))

    def forward(self, x):
        z = self.features(x)
        W, b = self.W, self.b
HEAD_LINES
'''


def head(name, lines):
    body = "\n".join("        " + line for line in lines.strip("\n").splitlines())
    py(name, *BASE, HEAD_CNN.replace("HEAD_LINES", body), Q8_PLAIN)


head("min_head_bias_expand_as", "out = z @ W.T\nreturn out + b.expand_as(out)")
head("min_head_bias_expand", "return z @ W.T + b.expand(z.shape[0], 1)")
head("min_head_bias_repeat", "return z @ W.T + b.repeat(z.shape[0], 1)")
head("min_head_bias_broadcast_to", "return z @ W.T + b.broadcast_to(z.shape[0], 1)")
head("min_head_column_slice_to_1", "return (z @ W.T)[:, :1] + b")
head("min_head_column_slice_0_1", "return (z @ W.T)[:, 0:1] + b")
head("min_head_narrow", "return (z @ W.T).narrow(1, 0, 1) + b")
head("min_head_column_index_list", "return (z @ W.T)[:, [0]] + b")
head("min_head_transpose_first_row", "return ((z @ W.T).T[0] + b)[:, None]")
head("min_head_unbind_first", "return ((z @ W.T).unbind(1)[0] + b).unsqueeze(1)")
head("min_head_movedim_first", "return (torch.movedim(z @ W.T, 1, 0)[0] + b)[:, None]")
head("min_head_tensordot_control", "return torch.tensordot(z, W, dims=([1], [1])) + b")
head("min_head_inner_control", "return torch.inner(z, W) + b")
head("min_head_inplace_add_control", "out = z @ W.T\nout += b\nreturn out")
head("min_head_view_batch_control", "return ((z @ W.T).view(z.shape[0]) + b).view(-1, 1)")

py("head_general_helper_slices_outputs", *BASE, r'''

import math


def dense(z, weight, bias, n_out):
    """A fully connected layer written out; keeps the first n_out outputs (all of them here)."""
    scores = z @ weight.T
    return scores[:, :n_out] + bias


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        )
        bound = 1 / math.sqrt(1250)
        self.weight = nn.Parameter(torch.empty(1, 1250).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.empty(1).uniform_(-bound, bound))

    def forward(self, x):
        z = torch.flatten(self.features(x), 1)
        return dense(z, self.weight, self.bias, 1)
''', Q8_PLAIN)

py("convnet_head_bias_expand_as", *BASE, CNN_PLAIN, r'''

import math


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
        )
        bound = 1 / math.sqrt(49152)
        self.weight = nn.Parameter(torch.empty(1, 49152).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.empty(1).uniform_(-bound, bound))

    def forward(self, x):
        z = self.blocks(x).flatten(1)
        scores = z @ self.weight.T
        return scores + self.bias.expand_as(scores)
''')

# ----------------------------------------------------------- (more files above this line)


def main(out: pathlib.Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (out / name).write_text(text)
    print(len(FILES), "files written to", out)


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)

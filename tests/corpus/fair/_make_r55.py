"""Round 55 fairness corpus: correct answers wrapped in ordinary debugging / instrumentation habits (warnings,
logging inside forward, traceback, inspect, timing, pdb left commented, tqdm with a fallback, pprint, stderr),
testing habits (unittest, pytest-style functions called by hand, doctests, top-level allclose asserts), Python idioms
(match, walrus, itertools windows, partial / lru_cache, dataclass / NamedTuple / Enum configs, __slots__,
properties, class/static factories, decorators, Protocol, __future__ annotations, main guards, argparse), torch idioms
(Sequential from comprehensions, add_module, buffers, deepcopy, no_grad / inference_mode decorators, im2col by hand,
einsum, as_strided, stacked slices, numpy sliding_window_view, float64, device selection, apply(init) on a demo
model, manual_seed, shape-printing hooks) and notebook habits (magics, display / Markdown, saved outputs and errors,
out-of-order execution counts, definitions made twice, answers spread over many cells).

    python tests/corpus/fair/_make_r55.py [OUTDIR]

Notebook sources are split on '# %%'. A header after '# %%' may hold: 'md' (a markdown cell), 'n=K' (the saved
execution count), 'raises NAME: MESSAGE' (the cell's saved output is that error), 'out: TEXT' (a saved stdout).
"""
import pathlib
import sys

import nbformat
from nbformat import v4

HERE = pathlib.Path(__file__).parent
FILES = {}

# ------------------------------------------------------------------------------------------------ shared plain parts
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

Q6_PLAIN = r'''
q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


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
class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.main = torch.nn.Sequential(
            torch.nn.Conv2d(1, 3, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Conv2d(3, 2, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Flatten(), torch.nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)
'''

CONVNET_PLAIN = r'''
def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = torch.nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            torch.nn.Flatten(), torch.nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)
'''

PLAIN_PY = "import torch\n" + Q_SIMPLE + Q2_Q5 + Q6_PLAIN + CNN_PLAIN + CONVNET_PLAIN

# ================================================================================================ notebooks

FILES["r55_nb_magics_autoreload_time_timeit_display.ipynb"] = r'''
# %% md
# Lecture 6 — my answers
# %% n=1
%load_ext autoreload
%autoreload 2
%matplotlib inline
import otter
grader = otter.Notebook("lecture06.ipynb")
# %% n=2
import torch
import torch.nn as nn
from IPython.display import display, Markdown
display(Markdown("**torch** version: `%s`" % torch.__version__))
# %% n=3
q1_answer = "C"
display(Markdown(f"Q1: a 3x3 filter on 4x4 gives **{4 - 3 + 1}x{4 - 3 + 1}** → `{q1_answer}`"))
# %% n=4
%%time
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError(f"kernel {kernel_size} > padded input {padded}")
    return (padded - kernel_size) // stride + 1

conv_output_size(100, 5)
# %% n=5
%timeit conv_output_size(100, 5, 2, 1)
# %% n=6
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250
display(q3_shapes)
# %% n=7
q4_conv_params = 84
q4_cnn_params = 30 + 56 + 1251
q4_fcnn_params = 16384 * 256 + 256 + 256 * 128 + 128 + 128 * 64 + 64 + 64 * 32 + 32 + 32 * 16 + 16 + 16 + 1
display(Markdown(f"| conv | cnn | fcnn |\n|---|---|---|\n| {q4_conv_params} | {q4_cnn_params} | {q4_fcnn_params} |"))
# %% n=8
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    return in_channels * out_channels * kernel_size[0] * kernel_size[1] + bias * out_channels


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + bias * out_features
# %% n=9
%%time
q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])

def conv2d(image, kernel, stride=1, padding=0):
    H, W = image.shape
    kH, kW = kernel.shape
    P = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)
    P[padding:padding + H, padding:padding + W] = image
    oH, oW = (H + 2 * padding - kH) // stride + 1, (W + 2 * padding - kW) // stride + 1
    out = torch.zeros(oH, oW, dtype=image.dtype)
    for r in range(oH):
        for c in range(oW):
            out[r, c] = torch.sum(P[r * stride:r * stride + kH, c * stride:c * stride + kW] * kernel)
    return out

def max_pool2d(image, kernel_size=2):
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for r in range(out.shape[0]):
        for c in range(out.shape[1]):
            out[r, c] = torch.max(image[r * k:r * k + k, c * k:c * k + k])
    return out
# %% n=10
x5 = torch.randn(64, 64)
%timeit -n 3 -r 1 conv2d(x5, torch.randn(3, 3), 1, 1)
%time _ = max_pool2d(x5)
# %% n=11
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv1(x)))
        x = self.pool(torch.relu(self.conv2(x)))
        return self.fc(torch.flatten(x, 1))

display(CNN())
# %% n=12
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.head(self.blocks(x))
# %% n=13
%%time
print(ConvNet(1)(torch.randn(2, 1, 128, 128)).shape)
# %% n=14
q9_true = {"C"}
q10_answers = dict(zip(range(1, 9), [True, False, True, True, False, False, True, False]))
display(Markdown("\n".join(f"- {k}: {v}" for k, v in q10_answers.items())))
# %% n=15
grader.check_all()
'''

FILES["r55_nb_out_of_order_counts_redefined_saved_errors.ipynb"] = r'''
# %% n=1
import otter
grader = otter.Notebook("lecture06.ipynb")
import torch
from torch import nn
# %% n=7
# first try (wrong: forgot padding) -- redefined further down
def conv_output_size(size, kernel_size, stride=1, padding=0):
    return (size - kernel_size) // stride + 1
# %% n=3 raises NameError: name 'q6_output' is not defined
print(q6_output)
# %% n=2
q1_answer = "B"
# %% n=12
q1_answer = "C"  # oops, 4 - 3 + 1 = 2
# %% n=9
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if padded < kernel_size:
        raise ValueError("kernel larger than padded input")
    return (padded - kernel_size) // stride + 1
# %% n=8 out: 96
conv_output_size(100, 5)
# %% n=4
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25
# %% n=5
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = 1337
q4_fcnn_params = 4238337
# %% n=6
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = kernel_size if isinstance(kernel_size, tuple) else (kernel_size, kernel_size)
    return in_channels * out_channels * kh * kw + out_channels * int(bias)

def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + out_features * int(bias)
# %% n=13
q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])
# %% n=10
# version 1 of conv2d: no stride yet
def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    out = torch.zeros(image.shape[0] - kh + 1, image.shape[1] - kw + 1)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = (image[i:i + kh, j:j + kw] * kernel).sum()
    return out
# %% n=14
# version 2: padding and stride
def conv2d(image, kernel, stride=1, padding=0):
    if padding:
        big = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        big[padding:-padding, padding:-padding] = image
        image = big
    kh, kw = kernel.shape
    oh = (image.shape[0] - kh) // stride + 1
    ow = (image.shape[1] - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out
# %% n=15 out: tensor([[12., 12., 17.],
x = torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]).float()
k = torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]]).float()
conv2d(x, k)
# %% n=11
def max_pool2d(image, kernel_size=2):
    h, w = image.shape[0] // kernel_size, image.shape[1] // kernel_size
    out = torch.zeros(h, w, dtype=image.dtype)
    for i in range(h):
        for j in range(w):
            out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
    return out
# %% n=18 raises RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x1250 and 2500x1)
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                    nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                    nn.Flatten(), nn.Linear(2500, 1))

    def forward(self, x):
        return self.layers(x)

CNN()(torch.zeros(1, 1, 100, 100))
# %% n=19 out: torch.Size([1, 1])
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                    nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                    nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        return self.layers(x)

CNN()(torch.zeros(1, 1, 100, 100)).shape
# %% n=16
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())
# %% n=17
class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.layers = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                    conv_block(3, 3), conv_block(3, 3), nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.layers(x)
# %% n=21
q9_true = {"C"}
# %% n=20
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
'''

FILES["r55_nb_logging_basicconfig_debug_in_forward.ipynb"] = r'''
import otter
grader = otter.Notebook("lecture06.ipynb")
# %%
import logging
import sys
import torch
import torch.nn as nn

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stdout,
                    force=True)
logger = logging.getLogger("lecture06")
logger.info("starting")
# %%
q1_answer = "C"
logger.info("q1 = %s", q1_answer)
# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    logger.debug("conv_output_size(size=%d, k=%d, s=%d, p=%d)", size, kernel_size, stride, padding)
    n = size + 2 * padding
    if kernel_size > n:
        logger.error("kernel %d does not fit %d", kernel_size, n)
        raise ValueError("kernel does not fit")
    return (n - kernel_size) // stride + 1
# %%
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250
for name, shape in zip(["conv1", "pool1", "conv2", "pool2"], q3_shapes):
    logger.info("%-6s %s", name, shape)
q4_conv_params = 84
q4_cnn_params = 1337
q4_fcnn_params = 4238337
# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
    n = in_channels * out_channels * kh * kw + (out_channels if bias else 0)
    logger.debug("conv2d_params -> %d", n)
    return n


def linear_params(in_features, out_features, bias=True):
    n = in_features * out_features + (out_features if bias else 0)
    logger.debug("linear_params -> %d", n)
    return n
# %%
q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    logger.debug("conv2d image=%s kernel=%s stride=%d padding=%d", tuple(image.shape), tuple(kernel.shape), stride, padding)
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    logger.debug("conv2d out=%s", tuple(out.shape))
    return out


def max_pool2d(image, kernel_size=2):
    logger.debug("max_pool2d %s k=%d", tuple(image.shape), kernel_size)
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out
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
        logger.info("built CNN with %d parameters", sum(p.numel() for p in self.parameters()))

    def forward(self, x):
        logger.debug("input %s", tuple(x.shape))
        x = self.pool(self.relu(self.conv1(x)))
        logger.debug("after block 1: %s", tuple(x.shape))
        x = self.pool(self.relu(self.conv2(x)))
        logger.debug("after block 2: %s", tuple(x.shape))
        x = self.fc(self.flatten(x))
        logger.debug("output %s", tuple(x.shape))
        return x
# %%
def conv_block(input_channels, output_channels):
    logger.debug("conv_block %d -> %d", input_channels, output_channels)
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.features = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                      conv_block(3, 3), conv_block(3, 3))
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug("ConvNet input %s", tuple(x.shape))
        x = self.features(x)
        logger.debug("features %s", tuple(x.shape))
        return self.fc(self.flatten(x))
# %%
logger.setLevel(logging.DEBUG)
print(CNN()(torch.randn(2, 1, 100, 100)).shape)
logger.setLevel(logging.INFO)
# %%
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
logger.info("done")
'''

FILES["r55_nb_unittest_testcase_against_functional.ipynb"] = r'''
import otter
grader = otter.Notebook("lecture06.ipynb")
# %%
import unittest
import torch
import torch.nn.functional as F
from torch import nn
''' + Q_SIMPLE + r'''
# %%
''' + Q2_Q5 + r'''
# %%
class TestConvOutputSize(unittest.TestCase):
    def test_against_torch(self):
        for size, k, s, p in [(5, 3, 1, 0), (100, 5, 1, 0), (7, 3, 2, 1), (10, 4, 3, 2)]:
            with self.subTest(size=size, k=k, s=s, p=p):
                out = nn.Conv2d(1, 1, k, stride=s, padding=p)(torch.zeros(1, 1, size, size))
                self.assertEqual(conv_output_size(size, k, s, p), out.shape[-1])

    def test_too_big(self):
        with self.assertRaises(ValueError):
            conv_output_size(2, 5)


class TestParams(unittest.TestCase):
    def test_conv(self):
        for args in [(1, 3, 3), (3, 8, 5), (2, 4, (3, 5))]:
            for bias in (True, False):
                layer = nn.Conv2d(*args, bias=bias)
                self.assertEqual(conv2d_params(*args, bias=bias), sum(p.numel() for p in layer.parameters()))

    def test_linear(self):
        self.assertEqual(linear_params(10, 3), 33)
        self.assertEqual(linear_params(10, 3, bias=False), 30)

unittest.main(argv=[""], exit=False, verbosity=2)
# %%
q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    rows = []
    for i in range(0, padded.shape[0] - kh + 1, stride):
        row = []
        for j in range(0, padded.shape[1] - kw + 1, stride):
            row.append((padded[i:i + kh, j:j + kw] * kernel).sum())
        rows.append(torch.stack(row))
    return torch.stack(rows)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    rows = []
    for i in range(0, image.shape[0] - k + 1, k):
        rows.append(torch.stack([image[i:i + k, j:j + k].max() for j in range(0, image.shape[1] - k + 1, k)]))
    return torch.stack(rows)


class TestByHand(unittest.TestCase):
    def setUp(self):
        torch.manual_seed(0)

    def test_lecture(self):
        x = torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]])
        w = torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]])
        self.assertTrue(torch.equal(conv2d(x, w), q6_output))

    def test_conv_random(self):
        for stride, padding in [(1, 0), (2, 1), (3, 2)]:
            x, w = torch.randn(9, 11), torch.randn(3, 2)
            want = F.conv2d(x[None, None], w[None, None], stride=stride, padding=padding)[0, 0]
            torch.testing.assert_close(conv2d(x, w, stride, padding), want)

    def test_pool(self):
        x = torch.randn(9, 8)
        for k in (2, 3):
            torch.testing.assert_close(max_pool2d(x, k), F.max_pool2d(x[None], k)[0])

unittest.main(argv=["ignored"], exit=False)
# %%
''' + CNN_PLAIN + CONVNET_PLAIN + r'''

class TestModels(unittest.TestCase):
    def test_cnn_shape(self):
        self.assertEqual(CNN()(torch.zeros(4, 1, 100, 100)).shape, (4, 1))

    def test_convnet_params(self):
        self.assertEqual(sum(p.numel() for p in ConvNet(1).parameters()), 49519)

    def test_convnet_channels(self):
        for c in (1, 3, 5):
            self.assertEqual(ConvNet(c)(torch.zeros(2, c, 128, 128)).shape, (2, 1))

result = unittest.main(argv=[""], exit=False, verbosity=0).result
print("ok" if result.wasSuccessful() else result.failures)
'''

FILES["r55_nb_inspect_signature_getsource_pprint_stderr.ipynb"] = r'''
import otter
grader = otter.Notebook("lecture06.ipynb")
# %%
import inspect
import sys
from pprint import pprint, pformat
import torch
from torch import nn
print(inspect.signature(nn.Conv2d))
print(inspect.signature(nn.MaxPool2d.__init__))
# %%
help_text = inspect.getdoc(nn.Flatten)
print(help_text.splitlines()[0])
# %%
''' + Q_SIMPLE + r'''
pprint({"q1": q1_answer, "q3": q3_shapes, "flatten": q3_flatten_features})
pprint(dict(conv=q4_conv_params, cnn=q4_cnn_params, fcnn=q4_fcnn_params), width=40)
# %%
''' + Q2_Q5 + r'''
for fn in (conv_output_size, conv2d_params, linear_params):
    print(fn.__name__, inspect.signature(fn), file=sys.stderr)
    print(inspect.getsource(fn))
sys.stdout.flush()
# %%
''' + Q6_PLAIN + r'''
print(inspect.getsource(conv2d))
params = inspect.signature(max_pool2d).parameters
print({name: p.default for name, p in params.items()})
# %%
''' + CNN_PLAIN + r'''
print(inspect.getsource(CNN.forward))
print(inspect.getmembers(CNN(), lambda m: isinstance(m, nn.Module))[:1], file=sys.stderr)
# %%
''' + CONVNET_PLAIN + r'''
print(inspect.signature(ConvNet))
pprint([(n, tuple(p.shape)) for n, p in ConvNet(1).named_parameters()])
sys.stderr.write(pformat(q10_answers) + "\n")
sys.stderr.flush()
'''

FILES["r55_nb_hooks_print_shapes_registered_in_init.ipynb"] = r'''
import otter
grader = otter.Notebook("lecture06.ipynb")
# %%
import torch
from torch import nn
VERBOSE = False
''' + Q_SIMPLE + Q2_Q5 + r'''
# %%
''' + Q6_PLAIN + r'''
# %%
def show_shape(module, inputs, output):
    if VERBOSE:
        print(f"{module.__class__.__name__:>10}: {tuple(inputs[0].shape)} -> {tuple(output.shape)}")


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )
        for layer in self.net:
            layer.register_forward_hook(show_shape)

    def forward(self, x):
        return self.net(x)
# %%
VERBOSE = True
CNN()(torch.randn(1, 1, 100, 100))
VERBOSE = False
# %%
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.net = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                 conv_block(3, 3), conv_block(3, 3), nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.net(x)
# %%
# a hook on a demo model only, removed afterwards
demo = ConvNet(3)
handles = [m.register_forward_hook(lambda m, i, o: print(type(m).__name__, tuple(o.shape)))
           for m in demo.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
demo(torch.randn(1, 3, 128, 128))
for h in handles:
    h.remove()
'''

FILES["r55_nb_answers_spread_over_many_cells.ipynb"] = r'''
import otter
grader = otter.Notebook("lecture06.ipynb")
# %%
import torch
# %%
q1_answer = "A"
# %% md
Wait: no padding, so it shrinks by 2.
# %%
q1_answer = "C"
# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError
    return (padded - kernel_size) // stride + 1
# %%
q3_shapes = []
# %%
q3_shapes.append((3, 100, 100))
# %%
q3_shapes.append((3, 50, 50))
# %%
q3_shapes.append((2, 50, 50))
q3_shapes.append((2, 25, 25))
# %%
q3_flatten_features = 1
for d in q3_shapes[-1]:
    q3_flatten_features *= d
# %%
conv1 = 1 * 3 * 3 * 3 + 3
# %%
conv2 = 3 * 2 * 3 * 3 + 2
# %%
fc = q3_flatten_features + 1
# %%
q4_cnn_params = conv1 + conv2 + fc
q4_conv_params = 3 * 3 * 3 * 3 + 3
# %%
layers = [128 * 128, 256, 128, 64, 32, 16, 1]
# %%
q4_fcnn_params = 0
for a, b in zip(layers, layers[1:]):
    q4_fcnn_params += a * b + b
q4_fcnn_params
# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if type(kernel_size) is int:
        kernel_size = (kernel_size, kernel_size)
    w = out_channels * in_channels * kernel_size[0] * kernel_size[1]
    return w + out_channels if bias else w
# %%
def linear_params(in_features, out_features, bias=True):
    w = out_features * in_features
    return w + out_features if bias else w
# %%
q6_output = [[0] * 3 for _ in range(3)]
# %%
img = [[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]
ker = [[0, 1, 2], [2, 2, 0], [0, 1, 2]]
# %%
for i in range(3):
    for j in range(3):
        q6_output[i][j] = sum(img[i + a][j + b] * ker[a][b] for a in range(3) for b in range(3))
q6_output
# %%
def pad(image, padding):
    h, w = image.shape
    out = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    out[padding:padding + h, padding:padding + w] = image
    return out
# %%
def window(image, i, j, kh, kw):
    return image[i:i + kh, j:j + kw]
# %%
def conv2d(image, kernel, stride=1, padding=0):
    image = pad(image, padding)
    kh, kw = kernel.shape
    oh = (image.shape[0] - kh) // stride + 1
    ow = (image.shape[1] - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (window(image, i * stride, j * stride, kh, kw) * kernel).sum()
    return out
# %%
def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = window(image, i * k, j * k, k, k).max()
    return out
# %%
import torch.nn as nn
# %%
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 3, 3, padding=1)
        self.c2 = nn.Conv2d(3, 2, 3, padding=1)
        self.p = nn.MaxPool2d(2)
        self.out = nn.Linear(1250, 1)

    def forward(self, x):
        x = self.p(nn.functional.relu(self.c1(x)))
        x = self.p(nn.functional.relu(self.c2(x)))
        return self.out(x.flatten(1))
# %%
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())
# %%
class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.b1 = conv_block(input_channels, 3)
        self.b2 = conv_block(3, 3)
        self.b3 = conv_block(3, 3)
        self.b4 = conv_block(3, 3)
        self.b5 = conv_block(3, 3)
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        x = self.b5(self.b4(self.b3(self.b2(self.b1(x)))))
        return self.fc(x.flatten(1))
# %%
q9_true = set()
# %%
q9_true.add("C")
# %%
q10_answers = {}
# %%
q10_answers[1] = True
q10_answers[2] = False
# %%
q10_answers[3] = True
q10_answers[4] = True
# %%
q10_answers.update({5: False, 6: False})
# %%
q10_answers.update({7: True, 8: False})
'''

FILES["r55_nb_try_except_traceback_breakpoint_commented.ipynb"] = r'''
import otter
grader = otter.Notebook("lecture06.ipynb")
# %%
import traceback
import pdb
import torch
from torch import nn
''' + Q_SIMPLE + r'''
# %%
''' + Q2_Q5 + r'''
try:
    conv_output_size(2, 3)
except ValueError:
    traceback.print_exc()
# %%
q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    # breakpoint()
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            # import pdb; pdb.set_trace()
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


try:
    conv2d(torch.ones(3), torch.ones(2, 2))
except Exception as exc:
    print("expected failure:", type(exc).__name__)
    traceback.print_exc(limit=2)
# %%
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        try:
            return self.main(x)
        except RuntimeError:
            traceback.print_exc()
            # pdb.post_mortem()
            raise


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(*(conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]), nn.Flatten(),
                                  nn.Linear(49152, 1))

    def forward(self, x):
        # breakpoint()
        return self.main(x)

try:
    ConvNet(1)(torch.zeros(1, 1, 64, 64))
except RuntimeError as e:
    print("wrong size, as expected:", str(e).splitlines()[0])
    print(traceback.format_exc().splitlines()[-1])
'''

FILES["r55_nb_tqdm_fallback_perf_counter.ipynb"] = r'''
import otter
grader = otter.Notebook("lecture06.ipynb")
# %%
try:
    from tqdm.auto import tqdm
except ImportError:  # not installed on the lab machines
    def tqdm(iterable, **kwargs):
        return iterable
import time
import torch
from torch import nn
''' + Q_SIMPLE + Q2_Q5 + r'''
# %%
q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0, progress=False):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    rows = tqdm(range(oh), desc="conv rows", leave=False) if progress else range(oh)
    for i in rows:
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in tqdm(range(out.shape[0]), disable=True):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out
# %%
t0 = time.perf_counter()
_ = conv2d(torch.randn(100, 100), torch.randn(3, 3), padding=1, progress=True)
print(f"conv2d on 100x100: {time.perf_counter() - t0:.3f}s")
# %%
''' + CNN_PLAIN + CONVNET_PLAIN + r'''
# %%
model = ConvNet(1)
opt = torch.optim.SGD(model.parameters(), lr=1e-3)
start = time.perf_counter()
for step in tqdm(range(3), desc="train"):
    loss = model(torch.randn(4, 1, 128, 128)).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
print(f"3 steps in {time.perf_counter() - start:.2f}s")
'''

FILES["r55_nb_float64_default_dtype_device_manual_seed.ipynb"] = r'''
import otter
grader = otter.Notebook("lecture06.ipynb")
# %%
import torch
from torch import nn
torch.manual_seed(42)
torch.set_default_dtype(torch.float64)
device = torch.device("cuda" if torch.cuda.is_available() else "mps" if torch.backends.mps.is_available() else "cpu")
print("device:", device, "dtype:", torch.get_default_dtype())
# %%
''' + Q_SIMPLE + Q2_Q5 + r'''
# %%
q6_output = torch.tensor([[12., 12., 17.], [10., 17., 19.], [9., 6., 14.]])


def conv2d(image, kernel, stride=1, padding=0):
    image = image.to(device)
    kernel = kernel.to(device)
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype, device=image.device)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.empty(oh, ow, dtype=image.dtype, device=image.device)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out.cpu()


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    image = image.to(device)
    out = torch.empty(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype, device=image.device)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out.cpu()
# %%
''' + CNN_PLAIN + CONVNET_PLAIN + r'''
# %%
model = CNN().to(device)
x = torch.randn(8, 1, 100, 100, device=device)
print(model(x).dtype, model(x).shape)
'''

FILES["r55_nb_pytest_style_tests_called_by_hand.ipynb"] = r'''
import otter
grader = otter.Notebook("lecture06.ipynb")
# %%
import torch
import torch.nn.functional as F
from torch import nn
''' + Q_SIMPLE + Q2_Q5 + r'''
# %%
''' + Q6_PLAIN + CNN_PLAIN + CONVNET_PLAIN + r'''
# %%
def test_conv_output_size():
    assert conv_output_size(100, 5) == 96
    assert conv_output_size(7, 3, 2, 1) == 4


def test_conv_output_size_raises():
    try:
        conv_output_size(1, 3)
    except ValueError:
        return
    raise AssertionError("no ValueError")


def test_conv2d_matches_torch():
    x, w = torch.randn(8, 9), torch.randn(3, 3)
    for s, p in [(1, 0), (2, 1)]:
        assert torch.allclose(conv2d(x, w, s, p), F.conv2d(x[None, None], w[None, None], stride=s, padding=p)[0, 0], atol=1e-5)


def test_max_pool2d_matches_torch():
    x = torch.randn(8, 8)
    assert torch.equal(max_pool2d(x), F.max_pool2d(x[None], 2)[0])


def test_models():
    assert CNN()(torch.zeros(2, 1, 100, 100)).shape == (2, 1)
    assert sum(p.numel() for p in ConvNet(1).parameters()) == 49519

TESTS = [test_conv_output_size, test_conv_output_size_raises, test_conv2d_matches_torch, test_max_pool2d_matches_torch,
         test_models]
for t in TESTS:
    t()
    print("PASSED", t.__name__)
# %%
# the same, the lazy way
for name, fn in list(globals().items()):
    if name.startswith("test_") and callable(fn):
        fn()
'''

# ================================================================================================ scripts

FILES["r55_py_match_walrus_structural.py"] = r'''import torch
from torch import nn

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    match (padded := size + 2 * padding) - kernel_size:
        case n if n < 0:
            raise ValueError(f"kernel {kernel_size} larger than {padded}")
        case n:
            return n // stride + 1


def shape_after(shape, layer):
    match layer:
        case ("conv", out_c, k, p):
            return (out_c, conv_output_size(shape[1], k, 1, p), conv_output_size(shape[2], k, 1, p))
        case ("pool", k):
            return (shape[0], shape[1] // k, shape[2] // k)
        case _:
            raise TypeError(layer)


q3_shapes = []
shape = (1, 100, 100)
for layer in [("conv", 3, 3, 1), ("pool", 2), ("conv", 2, 3, 1), ("pool", 2)]:
    q3_shapes.append(shape := shape_after(shape, layer))
q3_flatten_features = shape[0] * shape[1] * shape[2]


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    match kernel_size:
        case int(k):
            kh = kw = k
        case (kh, kw):
            pass
        case _:
            raise TypeError(kernel_size)
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    match bias:
        case True:
            return in_features * out_features + out_features
        case False:
            return in_features * out_features
        case _:
            return in_features * out_features + (out_features if bias else 0)


q4_conv_params = conv2d_params(3, 3, 3)
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, (3, 3)) + linear_params(q3_flatten_features, 1)
if (sizes := [128 * 128, 256, 128, 64, 32, 16, 1]):
    q4_fcnn_params = sum(linear_params(a, b) for a, b in zip(sizes, sizes[1:]))

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    if (p := padding) > 0:
        z = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
        z[p:-p, p:-p] = image
        image = z
    out = torch.zeros((oh := (image.shape[0] - kh) // stride + 1), (ow := (image.shape[1] - kw) // stride + 1),
                      dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (image[(r := i * stride):r + kh, (c := j * stride):c + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    out = torch.zeros((oh := image.shape[0] // (k := kernel_size)), (ow := image.shape[1] // k), dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


def make(spec):
    match spec:
        case ("conv", cin, cout):
            return nn.Conv2d(cin, cout, 3, padding=1)
        case "relu":
            return nn.ReLU()
        case "pool":
            return nn.MaxPool2d(2)
        case "flatten":
            return nn.Flatten()
        case ("linear", fin, fout):
            return nn.Linear(fin, fout)
    raise ValueError(spec)


class CNN(nn.Module):
    SPEC = [("conv", 1, 3), "relu", "pool", ("conv", 3, 2), "relu", "pool", "flatten", ("linear", 1250, 1)]

    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(*[make(s) for s in self.SPEC])

    def forward(self, x):
        return self.layers(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(make(("conv", input_channels, output_channels)), make("relu"))


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.layers = nn.Sequential(*[conv_block(c, 3) for c in (input_channels, 3, 3, 3, 3)],
                                    make("flatten"), make(("linear", 49152, 1)))

    def forward(self, x):
        return self.layers(x)


q9_true = {letter for letter, true in zip("ABCDE", [False, False, True, False, False]) if true}
q10_answers = {}
for n, verdict in enumerate("TFTTFFTF", start=1):
    match verdict:
        case "T":
            q10_answers[n] = True
        case "F":
            q10_answers[n] = False
'''

FILES["r55_py_itertools_product_generator_windows.py"] = r'''import itertools
import torch
from torch import nn
''' + Q_SIMPLE + Q2_Q5 + r'''

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def windows(image, kh, kw, stride):
    """Yield (i, j, patch) for every position the kernel fits."""
    rows = range(0, image.shape[0] - kh + 1, stride)
    cols = range(0, image.shape[1] - kw + 1, stride)
    for (oi, r), (oj, c) in itertools.product(enumerate(rows), enumerate(cols)):
        yield oi, oj, image[r:r + kh, c:c + kw]


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i, j, patch in windows(padded, kh, kw, stride):
        out[i, j] = (patch * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    gen = ((i, j, patch.max()) for i, j, patch in windows(image, k, k, k))
    for i, j, m in itertools.islice(gen, out.numel()):
        out[i, j] = m
    return out


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        chans = [1, 3, 2]
        layers = list(itertools.chain.from_iterable(
            (nn.Conv2d(a, b, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)) for a, b in itertools.pairwise(chans)))
        self.net = nn.Sequential(*layers, nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        return self.net(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        chans = itertools.chain([input_channels], itertools.repeat(3, 5))
        self.net = nn.Sequential(*itertools.starmap(conv_block, itertools.pairwise(chans)), nn.Flatten(),
                                 nn.Linear(49152, 1))

    def forward(self, x):
        return self.net(x)
'''

FILES["r55_py_functools_partial_lru_cache.py"] = r'''import functools
import operator
import torch
from torch import nn
''' + Q_SIMPLE + r'''


@functools.lru_cache(maxsize=None)
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


@functools.cache
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    ks = (kernel_size,) * 2 if isinstance(kernel_size, int) else tuple(kernel_size)
    return functools.reduce(operator.mul, ks, in_channels * out_channels) + out_channels * bool(bias)


def _params(fan_in, fan_out, bias):
    return fan_in * fan_out + (fan_out if bias else 0)


linear_params = functools.partial(lambda in_features, out_features, bias=True: _params(in_features, out_features, bias))

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def _pad(image, padding):
    h, w = image.shape
    out = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    out[padding:padding + h, padding:padding + w] = image
    return out


def _slide(image, kh, kw, stride, reduce):
    oh = (image.shape[0] - kh) // stride + 1
    ow = (image.shape[1] - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = reduce(image[i * stride:i * stride + kh, j * stride:j * stride + kw])
    return out


def conv2d(image, kernel, stride=1, padding=0):
    return _slide(_pad(image, padding), *kernel.shape, stride, lambda patch: (patch * kernel).sum())


max_pool2d = functools.partial(lambda image, kernel_size=2: _slide(image, kernel_size, kernel_size, kernel_size,
                                                                     torch.max))

Conv3x3 = functools.partial(nn.Conv2d, kernel_size=3, padding=1)
Pool = functools.partial(nn.MaxPool2d, 2)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.seq = nn.Sequential(Conv3x3(1, 3), nn.ReLU(), Pool(), Conv3x3(3, 2), nn.ReLU(), Pool(), nn.Flatten(),
                                 nn.Linear(1250, 1))

    def forward(self, x):
        return self.seq(x)


def _block(input_channels, output_channels, act=nn.ReLU):
    return nn.Sequential(Conv3x3(input_channels, output_channels), act())


conv_block = functools.partial(_block, act=nn.ReLU)


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        to3 = functools.partial(conv_block, output_channels=3)
        self.seq = nn.Sequential(to3(input_channels), *map(to3, [3] * 4), nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.seq(x)


print(conv_output_size.cache_info())
'''

FILES["r55_py_dataclass_namedtuple_enum_configs.py"] = r'''from dataclasses import dataclass, field, astuple
from enum import Enum, auto
from typing import NamedTuple
import torch
from torch import nn


class Choice(str, Enum):
    A = "A"
    B = "B"
    C = "C"


q1_answer = Choice.C.value


class Shape(NamedTuple):
    c: int
    h: int
    w: int


class Kind(Enum):
    CONV = auto()
    POOL = auto()


@dataclass(frozen=True)
class Layer:
    kind: Kind
    out_channels: int = 0
    kernel: int = 3
    padding: int = 0


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


PLAN = [Layer(Kind.CONV, 3, 3, 1), Layer(Kind.POOL, kernel=2), Layer(Kind.CONV, 2, 3, 1), Layer(Kind.POOL, kernel=2)]
q3_shapes = []
s = Shape(1, 100, 100)
for layer in PLAN:
    if layer.kind is Kind.CONV:
        s = Shape(layer.out_channels, conv_output_size(s.h, layer.kernel, 1, layer.padding),
                  conv_output_size(s.w, layer.kernel, 1, layer.padding))
    else:
        s = s._replace(h=s.h // layer.kernel, w=s.w // layer.kernel)
    q3_shapes.append(s)
q3_flatten_features = s.c * s.h * s.w


@dataclass
class ConvSpec:
    in_channels: int
    out_channels: int
    kernel_size: int | tuple = 3
    bias: bool = True

    @property
    def count(self):
        kh, kw = (self.kernel_size,) * 2 if isinstance(self.kernel_size, int) else self.kernel_size
        return self.in_channels * self.out_channels * kh * kw + (self.out_channels if self.bias else 0)


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    return ConvSpec(in_channels, out_channels, kernel_size, bias).count


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)


q4_conv_params = ConvSpec(3, 3, (3, 3)).count
q4_cnn_params = ConvSpec(1, 3).count + ConvSpec(3, 2).count + linear_params(q3_flatten_features, 1)


@dataclass
class MLPConfig:
    sizes: list = field(default_factory=lambda: [128 * 128, 256, 128, 64, 32, 16, 1])


q4_fcnn_params = sum(linear_params(a, b) for a, b in zip(MLPConfig().sizes, MLPConfig().sizes[1:]))

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


class Geometry(NamedTuple):
    kh: int
    kw: int
    stride: int
    padding: int


def conv2d(image, kernel, stride=1, padding=0):
    g = Geometry(*kernel.shape, stride, padding)
    h, w = image.shape
    padded = torch.zeros(h + 2 * g.padding, w + 2 * g.padding, dtype=image.dtype)
    padded[g.padding:g.padding + h, g.padding:g.padding + w] = image
    oh = (padded.shape[0] - g.kh) // g.stride + 1
    ow = (padded.shape[1] - g.kw) // g.stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * g.stride:i * g.stride + g.kh, j * g.stride:j * g.stride + g.kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


@dataclass(frozen=True)
class CNNConfig:
    channels: tuple = (1, 3, 2)
    kernel: int = 3
    padding: int = 1
    pool: int = 2
    features: int = 1250


class CNN(nn.Module):
    def __init__(self, cfg: CNNConfig = CNNConfig()):
        super().__init__()
        layers = []
        for cin, cout in zip(cfg.channels, cfg.channels[1:]):
            layers += [nn.Conv2d(cin, cout, cfg.kernel, padding=cfg.padding), nn.ReLU(), nn.MaxPool2d(cfg.pool)]
        self.body = nn.Sequential(*layers, nn.Flatten(), nn.Linear(cfg.features, 1))

    def forward(self, x):
        return self.body(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


@dataclass
class ConvNetConfig:
    width: int = 3
    depth: int = 5
    image: int = 128

    @property
    def features(self):
        return self.width * self.image * self.image


class ConvNet(nn.Module):
    def __init__(self, input_channels, cfg: ConvNetConfig = ConvNetConfig()):
        super().__init__()
        chans = [input_channels] + [cfg.width] * cfg.depth
        self.body = nn.Sequential(*[conv_block(a, b) for a, b in zip(chans, chans[1:])], nn.Flatten(),
                                  nn.Linear(cfg.features, 1))

    def forward(self, x):
        return self.body(x)


class Statement(Enum):
    A = False
    B = False
    C = True
    D = False
    E = False


q9_true = {s.name for s in Statement if s.value}
@dataclass(frozen=True)
class TrueFalse:
    s1: bool = True
    s2: bool = False
    s3: bool = True
    s4: bool = True
    s5: bool = False
    s6: bool = False
    s7: bool = True
    s8: bool = False


q10_answers = {i: v for i, v in enumerate(astuple(TrueFalse()), start=1)}
'''

FILES["r55_py_slots_properties_static_class_factories.py"] = r'''import torch
from torch import nn
''' + Q_SIMPLE + Q2_Q5 + r'''

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


class Window:
    __slots__ = ("image", "kh", "kw", "stride")

    def __init__(self, image, kh, kw, stride):
        self.image, self.kh, self.kw, self.stride = image, kh, kw, stride

    @property
    def out_shape(self):
        return ((self.image.shape[0] - self.kh) // self.stride + 1, (self.image.shape[1] - self.kw) // self.stride + 1)

    def at(self, i, j):
        r, c = i * self.stride, j * self.stride
        return self.image[r:r + self.kh, c:c + self.kw]

    @staticmethod
    def pad(image, padding):
        h, w = image.shape
        out = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        out[padding:padding + h, padding:padding + w] = image
        return out


def conv2d(image, kernel, stride=1, padding=0):
    win = Window(Window.pad(image, padding), *kernel.shape, stride)
    out = torch.zeros(win.out_shape, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = (win.at(i, j) * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    win = Window(image, kernel_size, kernel_size, kernel_size)
    out = torch.zeros(win.out_shape, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = win.at(i, j).max()
    return out


class CNN(nn.Module):
    @staticmethod
    def stage(cin, cout):
        return [nn.Conv2d(cin, cout, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]

    @classmethod
    def head(cls, features):
        return [nn.Flatten(), nn.Linear(features, 1)]

    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(*self.stage(1, 3), *self.stage(3, 2), *CNN.head(1250))

    @property
    def n_params(self):
        return sum(p.numel() for p in self.parameters())

    def forward(self, x):
        return self.layers(x)


def conv_block(input_channels, output_channels):
    return ConvNet.block(input_channels, output_channels)


class ConvNet(nn.Module):
    @staticmethod
    def block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())

    @classmethod
    def for_rgb(cls):
        return cls(3)

    def __init__(self, input_channels):
        super().__init__()
        self._in = input_channels
        self.blocks = nn.Sequential(*(self.block(c, 3) for c in [input_channels] + [3] * 4))
        self.fc = nn.Linear(49152, 1)

    @property
    def input_channels(self):
        return self._in

    def forward(self, x):
        return self.fc(torch.flatten(self.blocks(x), start_dim=1))


assert CNN().n_params == 1337
assert ConvNet.for_rgb().input_channels == 3
'''

FILES["r55_py_decorators_no_grad_inference_mode.py"] = r'''import functools
import torch
from torch import nn
''' + Q_SIMPLE + r'''


def positive_ints(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        for a in list(args) + list(kwargs.values()):
            if isinstance(a, int) and not isinstance(a, bool) and a < 0:
                raise ValueError(f"{fn.__name__}: negative argument {a}")
        return fn(*args, **kwargs)
    return wrapper


def two_d(fn):
    @functools.wraps(fn)
    def wrapper(image, *args, **kwargs):
        if image.dim() != 2:
            raise ValueError("expected a 2-D image")
        return fn(image, *args, **kwargs)
    return wrapper


@positive_ints
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


@positive_ints
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


@positive_ints
def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


@torch.no_grad()
@two_d
def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


@two_d
@torch.inference_mode()
def max_pool2d(image, kernel_size=2):
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out.clone()


def returns_module(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        m = fn(*args, **kwargs)
        assert isinstance(m, nn.Module), m
        return m
    return wrapper


''' + CNN_PLAIN + r'''

@returns_module
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                                  nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.main(x)


@torch.no_grad()
def predict(model, x):
    return model.eval()(x)


print(predict(CNN(), torch.randn(2, 1, 100, 100)).shape)
'''

FILES["r55_py_protocol_future_annotations_main_guard_argparse.py"] = r'''from __future__ import annotations

import argparse
from typing import Protocol, Sequence

import torch
from torch import nn


class SizeRule(Protocol):
    def __call__(self, size: int, kernel_size: int, stride: int = ..., padding: int = ...) -> int: ...


q1_answer: str = "C"


def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


rule: SizeRule = conv_output_size
q3_shapes: list[tuple[int, int, int]] = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features: int = 1250
q4_conv_params: int = 84
q4_cnn_params: int = 1337
q4_fcnn_params: int = 4238337


def conv2d_params(in_channels: int, out_channels: int, kernel_size: int | tuple[int, int], bias: bool = True) -> int:
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features: int, out_features: int, bias: bool = True) -> int:
    return out_features * in_features + (out_features if bias else 0)


q6_output: torch.Tensor = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


class Forward(Protocol):
    def forward(self, x: torch.Tensor) -> torch.Tensor: ...


class CNN(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.main: nn.Sequential = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.main(x)


def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels: int) -> None:
        super().__init__()
        chans: Sequence[int] = (input_channels, 3, 3, 3, 3, 3)
        self.main = nn.Sequential(*[conv_block(a, b) for a, b in zip(chans, chans[1:])], nn.Flatten(),
                                  nn.Linear(49152, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.main(x)


q9_true: set[str] = {"C"}
q10_answers: dict[int, bool] = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="lecture 6 checks")
    parser.add_argument("--batch", type=int, default=2)
    parser.add_argument("--channels", type=int, default=1)
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        print("ignoring", unknown)
    model: Forward = ConvNet(args.channels)
    print(model.forward(torch.randn(args.batch, args.channels, 128, 128)).shape)
    print(CNN()(torch.randn(args.batch, 1, 100, 100)).shape)


if __name__ == "__main__":
    main([])
'''

FILES["r55_py_sequential_comprehension_add_module_deepcopy.py"] = r'''import copy
import torch
from torch import nn
''' + Q_SIMPLE + Q2_Q5 + Q6_PLAIN + r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        for n, (cin, cout) in enumerate([(1, 3), (3, 2)], start=1):
            self.add_module(f"conv{n}", nn.Conv2d(cin, cout, 3, padding=1))
            self.add_module(f"relu{n}", nn.ReLU())
            self.add_module(f"pool{n}", nn.MaxPool2d(2))
        self.add_module("flatten", nn.Flatten())
        self.add_module("fc", nn.Linear(1250, 1))

    def forward(self, x):
        for module in self.children():
            x = module(x)
        return x


def conv_block(input_channels, output_channels):
    block = nn.Sequential()
    block.add_module("conv", nn.Conv2d(input_channels, output_channels, 3, padding=1))
    block.add_module("relu", nn.ReLU())
    return block


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        first = conv_block(input_channels, 3)
        template = conv_block(3, 3)
        rest = [copy.deepcopy(template) for _ in range(4)]
        for b in rest:
            b.conv.reset_parameters()
        self.features = nn.Sequential(*[first, *rest])
        self.classifier = nn.Sequential(*[nn.Flatten(), nn.Linear(49152, 1)])

    def forward(self, x):
        return self.classifier(self.features(x))
'''

FILES["r55_py_register_buffer_counter_apply_init_demo.py"] = r'''import torch
from torch import nn
''' + Q_SIMPLE + Q2_Q5 + Q6_PLAIN + r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("calls", torch.zeros((), dtype=torch.long), persistent=False)
        self.features = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        self.calls += 1
        return self.fc(self.features(x).flatten(1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.register_buffer("seen", torch.tensor(0))
        self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        self.seen.add_(x.shape[0])
        for block in self.blocks:
            x = block(x)
        return self.fc(x.flatten(1))


def init_weights(m):
    if isinstance(m, (nn.Conv2d, nn.Linear)):
        nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
        nn.init.zeros_(m.bias)


torch.manual_seed(0)
experiment = ConvNet(1)
experiment.apply(init_weights)
experiment(torch.randn(3, 1, 128, 128))
print("samples seen:", int(experiment.seen), "buffers:", [n for n, _ in experiment.named_buffers()])
'''

FILES["r55_py_im2col_by_hand_stack_slices_matmul.py"] = r'''import torch
from torch import nn
''' + Q_SIMPLE + Q2_Q5 + r'''

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def im2col(x, kh, kw, stride):
    """Columns of every kh x kw window, by stacking strided slices (no F.unfold)."""
    oh = (x.shape[0] - kh) // stride + 1
    ow = (x.shape[1] - kw) // stride + 1
    cols = torch.stack([x[a:a + (oh - 1) * stride + 1:stride, b:b + (ow - 1) * stride + 1:stride]
                        for a in range(kh) for b in range(kw)])
    return cols.reshape(kh * kw, oh * ow), oh, ow


def conv2d(image, kernel, stride=1, padding=0):
    x = torch.nn.functional.pad(image, (padding,) * 4) if padding else image
    cols, oh, ow = im2col(x, *kernel.shape, stride)
    return (kernel.reshape(1, -1) @ cols).reshape(oh, ow)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    cols, oh, ow = im2col(image, k, k, k)
    return cols.max(dim=0).values.reshape(oh, ow)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(*[m for cin, cout in ((1, 3), (3, 2))
                                        for m in (nn.Conv2d(cin, cout, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))])
        self.head = nn.Linear(1250, 1)

    def forward(self, x):
        return self.head(self.features(x).reshape(x.shape[0], -1))
''' + CONVNET_PLAIN

FILES["r55_py_numpy_sliding_window_view_einsum.py"] = r'''import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
import torch
from torch import nn
''' + Q_SIMPLE + Q2_Q5 + r'''

img = np.array([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]])
ker = np.array([[0, 1, 2], [2, 2, 0], [0, 1, 2]])
q6_output = torch.from_numpy(np.einsum("ijkl,kl->ij", sliding_window_view(img, (3, 3)), ker))


def conv2d(image, kernel, stride=1, padding=0):
    x = np.pad(image.detach().cpu().numpy(), padding)
    k = kernel.detach().cpu().numpy()
    win = sliding_window_view(x, k.shape)[::stride, ::stride]
    out = np.einsum("ijkl,kl->ij", win, k)
    return torch.from_numpy(np.ascontiguousarray(out)).to(image.dtype)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    x = image.detach().cpu().numpy()
    win = sliding_window_view(x, (k, k))[::k, ::k]
    return torch.from_numpy(np.ascontiguousarray(win.max(axis=(2, 3))))
''' + CNN_PLAIN + CONVNET_PLAIN

FILES["r55_py_as_strided_tensor_unfold_einsum.py"] = r'''import torch
from torch import nn
''' + Q_SIMPLE + Q2_Q5 + r'''

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    x = image.new_zeros(h + 2 * padding, w + 2 * padding)
    x[padding:padding + h, padding:padding + w] = image
    kh, kw = kernel.shape
    patches = x.unfold(0, kh, stride).unfold(1, kw, stride)   # Tensor.unfold, not F.unfold
    return torch.einsum("abij,ij->ab", patches, kernel)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    x = image.contiguous()
    oh, ow = x.shape[0] // k, x.shape[1] // k
    s0, s1 = x.stride()
    blocks = torch.as_strided(x, size=(oh, ow, k, k), stride=(k * s0, k * s1, s0, s1))
    return blocks.flatten(2).max(dim=-1).values
''' + CNN_PLAIN + CONVNET_PLAIN

FILES["r55_py_unittest_main_guard_allclose_top_level.py"] = r'''import unittest
import torch
import torch.nn.functional as F
from torch import nn
''' + Q_SIMPLE + Q2_Q5 + Q6_PLAIN + CNN_PLAIN + CONVNET_PLAIN + r'''

_x, _w = torch.randn(10, 10), torch.randn(3, 3)
assert torch.allclose(conv2d(_x, _w), F.conv2d(_x[None, None], _w[None, None])[0, 0], atol=1e-5)
assert torch.allclose(conv2d(_x, _w, 2, 1), F.conv2d(_x[None, None], _w[None, None], stride=2, padding=1)[0, 0],
                      atol=1e-5)
assert torch.equal(max_pool2d(_x), F.max_pool2d(_x[None, None], 2)[0, 0])


class Lecture6Tests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        torch.manual_seed(1234)

    def test_q2(self):
        self.assertEqual(conv_output_size(100, 5), 96)
        self.assertRaises(ValueError, conv_output_size, 3, 5)

    def test_q6_random(self):
        for _ in range(3):
            x, w = torch.randn(7, 9), torch.randn(2, 3)
            self.assertTrue(torch.allclose(conv2d(x, w, 2, 1),
                                           F.conv2d(x[None, None], w[None, None], stride=2, padding=1)[0, 0],
                                           atol=1e-5))

    def test_q7(self):
        self.assertEqual(tuple(CNN()(torch.zeros(3, 1, 100, 100)).shape), (3, 1))

    @unittest.skipIf(not torch.cuda.is_available(), "no GPU")
    def test_gpu(self):
        CNN().cuda()

    def test_q8(self):
        self.assertEqual(sum(p.numel() for p in ConvNet(1).parameters()), 49519)


if __name__ == "__main__":
    unittest.main(argv=[""], exit=False)
'''

FILES["r55_py_doctests_in_docstrings.py"] = r'''"""Lecture 6 answers.

>>> q1_answer
'C'
>>> q3_flatten_features
1250
"""
import doctest
import torch
from torch import nn
''' + Q_SIMPLE + r'''


def conv_output_size(size, kernel_size, stride=1, padding=0):
    """Height of a convolution's output.

    >>> conv_output_size(100, 5)
    96
    >>> conv_output_size(7, 3, stride=2, padding=1)
    4
    >>> conv_output_size(2, 3)
    Traceback (most recent call last):
        ...
    ValueError: kernel does not fit
    """
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    """
    >>> conv2d_params(1, 3, 3)
    30
    >>> conv2d_params(2, 4, (3, 5), bias=False)
    120
    """
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    """
    >>> linear_params(16, 1)
    17
    """
    return out_features * in_features + (out_features if bias else 0)


q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    """
    >>> conv2d(torch.ones(4, 4), torch.ones(2, 2), stride=2)
    tensor([[4., 4.],
            [4., 4.]])
    >>> conv2d(torch.ones(2, 2), torch.ones(3, 3), padding=1)
    tensor([[4., 4.],
            [4., 4.]])
    """
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    """
    >>> max_pool2d(torch.arange(16.).reshape(4, 4))
    tensor([[ 5.,  7.],
            [13., 15.]])
    """
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


class CNN(nn.Module):
    """
    >>> CNN()(torch.zeros(2, 1, 100, 100)).shape
    torch.Size([2, 1])
    """

    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        return self.main(x)


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
        self.main = nn.Sequential(*[conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]], nn.Flatten(),
                                  nn.Linear(49152, 1))

    def forward(self, x):
        return self.main(x)


print(doctest.testmod(verbose=False, optionflags=doctest.ELLIPSIS))
'''

FILES["r55_py_warnings_own_helpers_filterwarnings.py"] = r'''import warnings
import torch
from torch import nn

warnings.filterwarnings("ignore", category=UserWarning, module="torch")
warnings.simplefilter("default", category=DeprecationWarning)


class ShapeWarning(UserWarning):
    pass


def check_image(x, size):
    if x.shape[-2:] != (size, size):
        warnings.warn(f"expected {size}x{size} images, got {tuple(x.shape[-2:])}", ShapeWarning, stacklevel=2)
''' + Q_SIMPLE + r'''


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if stride > kernel_size:
        warnings.warn("stride larger than the kernel skips pixels", RuntimeWarning, stacklevel=2)
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    if kernel.shape[0] % 2 == 0:
        warnings.warn("even kernel: no centre pixel", stacklevel=2)
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    if image.shape[0] % kernel_size:
        warnings.warn("the last rows are dropped", stacklevel=2)
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        check_image(x, 100)
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(*[conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]], nn.Flatten(),
                                  nn.Linear(49152, 1))

    def forward(self, x):
        check_image(x, 128)
        return self.main(x)


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    conv_output_size(10, 2, 3)
    max_pool2d(torch.randn(5, 5))
print([str(w.message) for w in caught])
'''

FILES["r55_py_logging_getlogger_stderr_handler_forward.py"] = r'''import logging
import sys
import torch
from torch import nn

log = logging.getLogger("lecture06")
_handler = logging.StreamHandler(sys.stderr)
_handler.setFormatter(logging.Formatter("[%(levelname)s] %(funcName)s: %(message)s"))
log.addHandler(_handler)
log.setLevel(logging.WARNING)
log.propagate = False
''' + Q_SIMPLE + Q2_Q5 + r'''

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    log.debug("image %s kernel %s stride %s padding %s", image.shape, kernel.shape, stride, padding)
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    log.debug("-> %s", out.shape)
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    log.info("pooled %s -> %s", tuple(image.shape), tuple(out.shape))
    return out


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.log = log.getChild("CNN")
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        self.log.debug("in %s", tuple(x.shape))
        x = self.pool(torch.relu(self.conv1(x)))
        x = self.pool(torch.relu(self.conv2(x)))
        x = x.view(x.size(0), -1)
        self.log.debug("flat %s", tuple(x.shape))
        return self.fc(x)


def conv_block(input_channels, output_channels):
    log.debug("block %d->%d", input_channels, output_channels)
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.features = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                      conv_block(3, 3), conv_block(3, 3))
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        log.debug("ConvNet %s", tuple(x.shape))
        x = self.features(x)
        if log.isEnabledFor(logging.DEBUG):
            log.debug("mean activation %.3f", x.mean().item())
        return self.fc(x.flatten(1))


log.warning("lecture 6 loaded: %d answers", 10)
'''

FILES["r55_py_timing_perf_counter_ns_process_time.py"] = r'''import time
import sys
import torch
from torch import nn
''' + Q_SIMPLE + Q2_Q5 + Q6_PLAIN + CNN_PLAIN + CONVNET_PLAIN + r'''

def bench(label, fn, *args, repeat=3):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter_ns()
        fn(*args)
        best = min(best, time.perf_counter_ns() - t0)
    print(f"{label:<12} {best / 1e6:8.2f} ms", file=sys.stderr, flush=True)


cpu0 = time.process_time()
bench("conv2d", conv2d, torch.randn(50, 50), torch.randn(3, 3))
bench("max_pool2d", max_pool2d, torch.randn(50, 50))
bench("CNN", CNN(), torch.randn(4, 1, 100, 100))
bench("ConvNet", ConvNet(1), torch.randn(4, 1, 128, 128))
print(f"cpu time {time.process_time() - cpu0:.2f}s at {time.strftime('%H:%M:%S')}")
sys.stdout.flush()
'''

FILES["r55_py_inspect_getsource_script_and_signature.py"] = r'''import inspect
import torch
from torch import nn
''' + Q_SIMPLE + Q2_Q5 + Q6_PLAIN + CNN_PLAIN + CONVNET_PLAIN + r'''

for obj in (conv_output_size, conv2d, max_pool2d, conv_block):
    sig = inspect.signature(obj)
    print(obj.__name__, sig, [p.name for p in sig.parameters.values() if p.default is not inspect.Parameter.empty])
try:
    print(inspect.getsource(conv2d))
except OSError:
    print("(source not available)")
print(inspect.signature(ConvNet.__init__))
print(inspect.isclass(CNN), inspect.isfunction(conv_block), inspect.ismethod(CNN().forward))
'''

FILES["r55_py_stderr_prints_stdout_write_flush.py"] = r'''import sys
import torch
from torch import nn

DEBUG = "--debug" in sys.argv


def debug(*args):
    if DEBUG:
        print("[debug]", *args, file=sys.stderr, flush=True)
''' + Q_SIMPLE + Q2_Q5 + r'''

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    debug("conv2d", tuple(image.shape), tuple(kernel.shape), stride, padding)
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        sys.stdout.write("." if DEBUG else "")
    sys.stdout.flush()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    print(f"pooled to {tuple(out.shape)}", file=sys.stderr) if DEBUG else None
    return out


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        debug("CNN.forward", tuple(x.shape))
        out = self.main(x)
        print(f"CNN: {tuple(x.shape)} -> {tuple(out.shape)}", file=sys.stderr)
        return out


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(*[conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]], nn.Flatten(),
                                  nn.Linear(49152, 1))

    def forward(self, x):
        sys.stderr.write(f"ConvNet input {tuple(x.shape)}\n")
        return self.main(x)


sys.stdout.write(f"q1={q1_answer} q9={sorted(q9_true)}\n")
sys.stdout.flush()
'''

FILES["r55_py_enum_answers_typed_dict_final.py"] = r'''import enum
from typing import Final, TypedDict
import torch
from torch import nn


class Letter(enum.Enum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"


q1_answer: Final = Letter.C.value
q9_true = {Letter.C.value}


class Shapes(TypedDict):
    conv1: tuple
    pool1: tuple
    conv2: tuple
    pool2: tuple


SHAPES: Shapes = {"conv1": (3, 100, 100), "pool1": (3, 50, 50), "conv2": (2, 50, 50), "pool2": (2, 25, 25)}
q3_shapes = list(SHAPES.values())
q3_flatten_features: Final[int] = 2 * 25 * 25
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = 4238337


class Verdict(enum.IntFlag):
    NONE = 0
    TRUE = 1


q10_answers = {i: bool(v) for i, v in enumerate([Verdict.TRUE, Verdict.NONE, Verdict.TRUE, Verdict.TRUE,
                                                 Verdict.NONE, Verdict.NONE, Verdict.TRUE, Verdict.NONE], 1)}
''' + Q2_Q5 + Q6_PLAIN + r'''

class Act(enum.Enum):
    RELU = nn.ReLU

    def make(self):
        return self.value()


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), Act.RELU.make(), nn.MaxPool2d(2),
                                  nn.Conv2d(3, 2, 3, padding=1), Act.RELU.make(), nn.MaxPool2d(2),
                                  nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), Act.RELU.make())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(*[conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]], nn.Flatten(),
                                  nn.Linear(49152, 1))

    def forward(self, x):
        return self.main(x)
'''

FILES["r55_py_torch_stack_of_slices_shifted_max.py"] = r'''import torch
from torch import nn
''' + Q_SIMPLE + Q2_Q5 + r'''

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    x = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    x[padding:padding + h, padding:padding + w] = image
    oh, ow = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    # one shifted copy of the image per kernel entry, weighted and added
    for a in range(kh):
        for b in range(kw):
            out = out + kernel[a, b] * x[a:a + (oh - 1) * stride + 1:stride, b:b + (ow - 1) * stride + 1:stride]
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    image = image[:oh * k, :ow * k]
    return torch.stack([image[a::k, b::k] for a in range(k) for b in range(k)], dim=0).max(dim=0).values
''' + CNN_PLAIN + CONVNET_PLAIN

FILES["r55_py_timeit_module_lambda_repeat.py"] = PLAIN_PY + r'''

if __name__ == "__main__":
    import timeit
    x, w = torch.randn(32, 32), torch.randn(3, 3)
    print("conv2d:", min(timeit.repeat(lambda: conv2d(x, w), number=2, repeat=3)))
    print("pool:", timeit.timeit("max_pool2d(x)", globals={"max_pool2d": max_pool2d, "x": x}, number=5))
'''

FILES["r55_py_contextmanager_timer_in_forward_perf_counter.py"] = r'''import contextlib
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
''' + Q_SIMPLE + Q2_Q5 + Q6_PLAIN + r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.block1 = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.block2 = nn.Sequential(nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.fc = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        with timed("block1"):
            x = self.block1(x)
        with timed("block2"):
            x = self.block2(x)
        with timed("fc"):
            return self.fc(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.Sequential(*[conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]])
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        start = time.perf_counter()
        x = self.blocks(x)
        TIMINGS["convnet.blocks"] = time.perf_counter() - start
        return self.fc(x.flatten(1))


CNN()(torch.randn(2, 1, 100, 100))
print({k: f"{v * 1e3:.1f} ms" for k, v in TIMINGS.items()})
'''

FILES["r55_py_sequential_subclass_ordereddict_named.py"] = r'''from collections import OrderedDict
import torch
from torch import nn
''' + Q_SIMPLE + Q2_Q5 + Q6_PLAIN + r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(OrderedDict(
            (name, layer) for name, layer in [
                ("conv1", nn.Conv2d(1, 3, 3, padding=1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
                ("conv2", nn.Conv2d(3, 2, 3, padding=1)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
                ("flatten", nn.Flatten()), ("fc", nn.Linear(1250, 1)),
            ]))

    def forward(self, x):
        return self.net(x)


class ConvBlock(nn.Sequential):
    def __init__(self, cin, cout):
        super().__init__(OrderedDict(conv=nn.Conv2d(cin, cout, 3, padding=1), relu=nn.ReLU()))


def conv_block(input_channels, output_channels):
    return ConvBlock(input_channels, output_channels)


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.net = nn.Sequential(OrderedDict(
            [(f"block{i}", conv_block(input_channels if i == 0 else 3, 3)) for i in range(5)]
            + [("flatten", nn.Flatten()), ("fc", nn.Linear(49152, 1))]))

    def forward(self, x):
        return self.net(x)
'''


# ================================================================================================ second batch

FILES["r55_nb_ipython_help_who_prun_pip_magics.ipynb"] = r'''
%pip install -q torchsummary
import otter
grader = otter.Notebook("lecture06.ipynb")
# %%
import torch
from torch import nn
nn.Conv2d?
# %%
%who
''' + Q_SIMPLE + Q2_Q5 + r'''
# %%
%whos int
# %%
%%timeit -n 1 -r 1
conv_output_size(100, 5)
# %%
''' + Q6_PLAIN + r'''
# %%
%prun -l 3 conv2d(torch.randn(20, 20), torch.randn(3, 3))
# %%
''' + CNN_PLAIN + CONVNET_PLAIN + r'''
# %%
from torchsummary import summary
summary(CNN(), (1, 100, 100), device="cpu")
# %%
!ls -la
files = !ls
%env CUDA_VISIBLE_DEVICES=""
'''

FILES["r55_nb_checkpoint_save_load_json_answers.ipynb"] = r'''
import otter
grader = otter.Notebook("lecture06.ipynb")
# %%
import json
import os
import torch
from torch import nn
os.makedirs("checkpoints", exist_ok=True)
''' + Q_SIMPLE + Q2_Q5 + r'''
# %%
with open("checkpoints/answers.json", "w") as f:
    json.dump({"q1": q1_answer, "q3": q3_shapes, "q4": [q4_conv_params, q4_cnn_params, q4_fcnn_params],
               "q9": sorted(q9_true), "q10": q10_answers}, f, indent=2)
# %%
''' + Q6_PLAIN + CNN_PLAIN + CONVNET_PLAIN + r'''
# %%
model = CNN()
torch.save(model.state_dict(), "checkpoints/cnn.pt")
again = CNN()
again.load_state_dict(torch.load("checkpoints/cnn.pt", weights_only=True))
x = torch.randn(2, 1, 100, 100)
assert torch.equal(model(x), again(x))
# %%
net = ConvNet(3)
torch.save({"epoch": 0, "state": net.state_dict()}, os.path.join("checkpoints", "convnet.pt"))
ckpt = torch.load(os.path.join("checkpoints", "convnet.pt"), weights_only=True)
ConvNet(3).load_state_dict(ckpt["state"])
print(sorted(os.listdir("checkpoints")))
'''

FILES["r55_py_env_var_debug_flag_in_helpers.py"] = r'''import os
import torch
from torch import nn

DEBUG = os.environ.get("LECTURE06_DEBUG", "0") == "1"
''' + Q_SIMPLE + Q2_Q5 + r'''

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    if DEBUG:
        print("conv2d", tuple(image.shape), tuple(kernel.shape), stride, padding)
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    if DEBUG:
        print("max_pool2d ->", tuple(out.shape))
    return out
''' + CNN_PLAIN + CONVNET_PLAIN

FILES["r55_py_help_dir_faulthandler_gc_exploration.py"] = r'''import faulthandler
import gc
import sys
import torch
from torch import nn

faulthandler.enable()
print([name for name in dir(nn.Conv2d) if not name.startswith("_")][:10])
help(nn.MaxPool2d.forward)
''' + Q_SIMPLE + Q2_Q5 + Q6_PLAIN + CNN_PLAIN + CONVNET_PLAIN + r'''

big = ConvNet(3)
print(sys.getsizeof(big), type(big).__mro__)
del big
print("collected", gc.collect())
'''

FILES["r55_py_seed_everything_deterministic_backends.py"] = r'''import random
import numpy as np
import torch
from torch import nn


def seed_everything(seed=0):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False
    torch.use_deterministic_algorithms(True, warn_only=True)


seed_everything(42)
''' + Q_SIMPLE + Q2_Q5 + Q6_PLAIN + CNN_PLAIN + CONVNET_PLAIN + r'''

rng = np.random.default_rng(0)
x = torch.from_numpy(rng.standard_normal((9, 9)).astype(np.float32))
torch.testing.assert_close(conv2d(x, torch.ones(3, 3), 2, 1),
                           torch.nn.functional.conv2d(x[None, None], torch.ones(1, 1, 3, 3), stride=2, padding=1)[0, 0])
'''

FILES["r55_py_vars_dict_mro_repr_extra_repr.py"] = r'''import torch
from torch import nn
''' + Q_SIMPLE + Q2_Q5 + Q6_PLAIN + r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        return self.main(x)

    def extra_repr(self):
        return f"params={sum(p.numel() for p in self.parameters())}"


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.input_channels = input_channels
        self.main = nn.Sequential(*[conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]], nn.Flatten(),
                                  nn.Linear(49152, 1))

    def forward(self, x):
        return self.main(x)

    def __repr__(self):
        return f"ConvNet(input_channels={self.input_channels})"


m = CNN()
print(m)
print(list(vars(m)["_modules"]))
print(m.__dict__.keys())
print(ConvNet(2), [c.__name__ for c in type(m).__mro__])
'''

FILES["r55_py_logging_exception_exc_info_helpers.py"] = r'''import logging
import torch
from torch import nn

logging.basicConfig(level=logging.WARNING, format="%(levelname)s:%(message)s")
logger = logging.getLogger(__name__)
''' + Q_SIMPLE + r'''


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        logger.warning("kernel %d does not fit an input of %d", kernel_size, padded)
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


def safe_output_size(*args):
    try:
        return conv_output_size(*args)
    except ValueError:
        logger.exception("bad arguments %r", args)
        return None


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)
''' + Q6_PLAIN + r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        try:
            return self.main(x)
        except RuntimeError:
            logger.error("CNN failed on input %s", tuple(x.shape), exc_info=True)
            raise
''' + CONVNET_PLAIN + r'''

print(safe_output_size(2, 5))
try:
    CNN()(torch.zeros(1, 1, 50, 50))
except RuntimeError:
    logger.info("expected", exc_info=True)
'''

FILES["r55_py_class_timer_context_manager_in_forward.py"] = r'''import time
import torch
from torch import nn


class Timer:
    def __init__(self, label, store):
        self.label, self.store = label, store

    def __enter__(self):
        self.t0 = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.store[self.label] = time.perf_counter() - self.t0
        return False
''' + Q_SIMPLE + Q2_Q5 + Q6_PLAIN + r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.times = {}
        self.features = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        with Timer("features", self.times):
            x = self.features(x)
        with Timer("head", self.times) as t:
            out = self.head(x)
        return out
''' + CONVNET_PLAIN + r'''

m = CNN()
m(torch.randn(2, 1, 100, 100))
print({k: round(v * 1000, 2) for k, v in m.times.items()})
'''

FILES["r55_py_device_global_model_to_device_training.py"] = r'''import torch
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
''' + Q_SIMPLE + Q2_Q5 + r'''

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype, device=device)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype, device=device)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out.cpu()


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype, device=device)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out.cpu()
''' + CNN_PLAIN + CONVNET_PLAIN + r'''

model = CNN().to(device)
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
for _ in range(2):
    x = torch.randn(4, 1, 100, 100, device=device)
    loss = model(x).square().mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
print("trained on", device)
'''

# ------------------------------------------------------------------------------------------------ one-construct reductions
# each is PLAIN_PY (26/26) with one construct added

_CONV_HEAD = "    h, w = image.shape\n    kh, kw = kernel.shape\n    padded"


def _conv_first(line, src=PLAIN_PY):
    assert _CONV_HEAD in src
    return src.replace(_CONV_HEAD, "    " + line + "\n" + _CONV_HEAD, 1)


FILES["r55_min_device_global_in_conv2d_and_model_to.py"] = _conv_first(
    "image = image.to(device)", PLAIN_PY.replace("import torch\n", "import torch\ndevice = torch.device(\"cpu\")\n", 1)
) + "\nmodel = CNN().to(device)\n"

FILES["r55_min_inspect_getmembers_print.py"] = PLAIN_PY + r'''
import inspect
print(inspect.getmembers(CNN(), lambda m: isinstance(m, torch.nn.Module))[:1])
'''

FILES["r55_min_globals_items_test_loop.py"] = PLAIN_PY + r'''

def test_pool():
    assert max_pool2d(torch.ones(4, 4)).shape == (2, 2)


for name, fn in list(globals().items()):
    if name.startswith("test_") and callable(fn):
        fn()
'''

FILES["r55_min_tqdm_fallback_in_conv2d.py"] = PLAIN_PY.replace("import torch\n", r'''import torch
try:
    from tqdm.auto import tqdm
except ImportError:
    def tqdm(iterable, **kwargs):
        return iterable
''', 1).replace("    for i in range(oh):\n        for j in range(ow):\n            out[i, j] = (padded",
                "    for i in tqdm(range(oh), disable=True):\n        for j in range(ow):\n            out[i, j] = (padded", 1)

FILES["r55_min_sys_argv_debug_flag_in_conv2d.py"] = _conv_first(
    "if DEBUG:\n        print(\"conv2d\", tuple(image.shape))",
    PLAIN_PY.replace("import torch\n", "import sys\nimport torch\nDEBUG = \"--debug\" in sys.argv\n", 1))

FILES["r55_min_timeit_string_stmt_main_guard.py"] = PLAIN_PY + r'''

if __name__ == "__main__":
    import timeit
    x = torch.randn(32, 32)
    print(timeit.timeit("max_pool2d(x)", globals={"max_pool2d": max_pool2d, "x": x}, number=5))
'''

FILES["r55_min_dunder_dict_keys_print.py"] = PLAIN_PY + r'''
m = CNN()
print(m.__dict__.keys())
'''

FILES["r55_min_vars_subscript_modules.py"] = PLAIN_PY + r'''
m = CNN()
print(list(vars(m)["_modules"]))
'''

FILES["r55_min_faulthandler_enable.py"] = PLAIN_PY.replace(
    "import torch\n", "import faulthandler\nimport torch\nfaulthandler.enable()\n", 1)

FILES["r55_min_device_str_zeros_kw_model_to_main_guard.py"] = PLAIN_PY.replace(
    "import torch\n", "import torch\ndevice = \"cpu\"\n", 1).replace(
    "    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)",
    "    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype, device=device)", 1) + r'''
if __name__ == "__main__":
    model = CNN().to(device)
'''


# ------------------------------------------------------------------------------------------------ third batch: debugger and profiler habits

FILES["r55_nb_debug_flag_pdb_breakpoint_dead_code.ipynb"] = r'''
import otter
grader = otter.Notebook("lecture06.ipynb")
# %%
%pdb off
import pdb
import torch
from torch import nn
DEBUG = False  # flip to True to step through conv2d
''' + Q_SIMPLE + Q2_Q5 + r'''
# %%
q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    if DEBUG:
        pdb.set_trace()
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            if DEBUG and i == j == 0:
                breakpoint()
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out
# %%
''' + CNN_PLAIN + CONVNET_PLAIN

FILES["r55_py_profiler_benchmark_section.py"] = PLAIN_PY + r'''

# --- how long does each layer take? (lecture's performance aside)
from torch.profiler import profile, ProfilerActivity

with profile(activities=[ProfilerActivity.CPU], record_shapes=True) as prof:
    CNN()(torch.randn(8, 1, 100, 100))
print(prof.key_averages().table(sort_by="cpu_time_total", row_limit=5))
'''

FILES["r55_py_jit_trace_export_pickle_roundtrip.py"] = "import pickle\n" + PLAIN_PY + r'''

# can the models be exported / copied? (the lecture's deployment aside)
example = torch.zeros(1, 1, 128, 128)
traced = torch.jit.trace(ConvNet(1).eval(), example)
print(type(traced).__name__, traced(example).shape)
clone = pickle.loads(pickle.dumps(CNN()))
print(type(clone).__name__)
'''

FILES["r55_min_breakpoint_behind_if_false.py"] = _conv_first("if False:\n        breakpoint()")

FILES["r55_min_pdb_set_trace_behind_false_flag.py"] = _conv_first(
    "if DEBUG:\n        pdb.set_trace()", PLAIN_PY.replace("import torch\n", "import pdb\nimport torch\nDEBUG = False\n", 1))

FILES["r55_min_torch_profiler_block.py"] = PLAIN_PY + r'''
with torch.profiler.profile() as prof:
    CNN()(torch.randn(1, 1, 100, 100))
print(prof.key_averages().table(row_limit=3))
'''

FILES["r55_min_jit_trace_demo.py"] = PLAIN_PY + r'''
traced = torch.jit.trace(ConvNet(1), torch.zeros(1, 1, 128, 128))
print(type(traced).__name__)
'''

FILES["r55_min_pickle_roundtrip_model.py"] = "import pickle\n" + PLAIN_PY + r'''
clone = pickle.loads(pickle.dumps(CNN()))
print(type(clone).__name__)
'''


# ================================================================================================ writer

def to_nb(src: str):
    nb = v4.new_notebook()
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    chunks = src.strip("\n").split("# %%")
    count = 0
    for n, chunk in enumerate(chunks):
        header, _, body = chunk.partition("\n") if n else ("", "", chunk)
        header = header.strip()
        body = body.strip("\n")
        if not body.strip():
            continue
        if header.startswith("md"):
            nb.cells.append(v4.new_markdown_cell(body))
            continue
        count += 1
        ec = count
        outputs = []
        rest = header
        if rest.startswith("n="):
            num, _, rest = rest.partition(" ")
            ec = int(num[2:])
        rest = rest.strip()
        if rest.startswith("raises "):
            ename, _, evalue = rest[len("raises "):].partition(": ")
            outputs.append(v4.new_output("error", ename=ename, evalue=evalue,
                                         traceback=[f"\x1b[0;31m{ename}\x1b[0m: {evalue}"]))
        elif rest.startswith("out: "):
            text = rest[len("out: "):]
            outputs.append(v4.new_output("execute_result", data={"text/plain": text}, execution_count=ec))
        cell = v4.new_code_cell(body, execution_count=ec, outputs=outputs)
        nb.cells.append(cell)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"r55-{i:03d}"
    nbformat.validate(nb)
    return nb


def main(outdir=HERE):
    outdir = pathlib.Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    for name, src in FILES.items():
        path = outdir / name
        if name.endswith(".ipynb"):
            nbformat.write(to_nb(src), str(path))
        else:
            path.write_text(src.lstrip("\n"))
        print(path.name)


if __name__ == "__main__":
    main(*sys.argv[1:])

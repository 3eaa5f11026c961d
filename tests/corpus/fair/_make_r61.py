"""Round 61 fairness corpus: correct answers in student styles (answer forms such as q6_output as rows of tensors,
doctest option flags, q6 with padding modules, index grids, sparse matrices and shared window engines, models built
in unusual but correct layouts, notebooks with magics).

    python tests/corpus/fair/_make_r61.py [OUTDIR]

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
    FILES[f"r61_{name}.py"] = imports + "".join(parts)


def nb(name, source):
    FILES[f"r61_{name}.ipynb"] = notebook(source)


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



Q6_LECTURE = r'''
Q6_IN = torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]])
Q6_K = torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]])
'''

IMPORTS_NP = IMPORTS + "import numpy as np\n"


def q6_with(output: str) -> str:
    """The loops, then q6_output computed from the lecture's numbers by the given statement(s)."""
    return CONV_LOOPS + "\n" + POOL_LOOPS + "\n" + Q6_LECTURE + output + "\n"


# =========================================================== A. answer forms
# q6 (a): "set q6_output to it (a tensor or a list of rows)".
py("min_q6_output_rows_of_0d_tensors", Q_SIMPLE, Q2_Q5, q6_with(
    "# each entry: the window times the kernel, summed\n"
    "q6_output = [[(Q6_IN[i:i + 3, j:j + 3] * Q6_K).sum() for j in range(3)] for i in range(3)]\n"
    "print(q6_output)"), *MODELS)
py("min_q6_output_rows_of_item_control", Q_SIMPLE, Q2_Q5, q6_with(
    "q6_output = [[(Q6_IN[i:i + 3, j:j + 3] * Q6_K).sum().item() for j in range(3)] for i in range(3)]"), *MODELS)
py("min_q6_output_list_of_row_tensors", Q_SIMPLE, Q2_Q5, q6_with(
    "q6_output = []\n"
    "for i in range(3):\n"
    "    q6_output.append(torch.stack([(Q6_IN[i:i + 3, j:j + 3] * Q6_K).sum() for j in range(3)]))"), *MODELS)
py("min_q6_output_list_of_row_tensors_stacked_control", Q_SIMPLE, Q2_Q5, q6_with(
    "rows = []\n"
    "for i in range(3):\n"
    "    rows.append(torch.stack([(Q6_IN[i:i + 3, j:j + 3] * Q6_K).sum() for j in range(3)]))\n"
    "q6_output = torch.stack(rows)"), *MODELS)
py("min_q6_output_list_of_conv2d_rows", Q_SIMPLE, Q2_Q5, q6_with(
    "q6_output = list(conv2d(Q6_IN, Q6_K))  # the three rows"), *MODELS)
py("min_q6_output_unbind_rows", Q_SIMPLE, Q2_Q5, q6_with(
    "q6_output = conv2d(Q6_IN, Q6_K).unbind(0)"), *MODELS)
py("min_q6_output_list_of_numpy_rows", Q_SIMPLE, Q2_Q5, q6_with(
    "_img, _ker = Q6_IN.numpy(), Q6_K.numpy()\n"
    "q6_output = [np.array([(_img[i:i + 3, j:j + 3] * _ker).sum() for j in range(3)]) for i in range(3)]"),
   *MODELS, imports=IMPORTS_NP)
py("min_q6_output_numpy_scalars_control", Q_SIMPLE, Q2_Q5, q6_with(
    "_img, _ker = Q6_IN.numpy(), Q6_K.numpy()\n"
    "q6_output = [[np.sum(_img[i:i + 3, j:j + 3] * _ker) for j in range(3)] for i in range(3)]"),
   *MODELS, imports=IMPORTS_NP)
py("min_q6_output_rows_of_0d_float_tensors_from_conv2d", Q_SIMPLE, Q2_Q5, q6_with(
    "full = conv2d(Q6_IN.float(), Q6_K.float())\n"
    "q6_output = [[full[i, j] for j in range(3)] for i in range(3)]"), *MODELS)

Q_SIMPLE_TENSOR_COUNTS = Q_SIMPLE + r'''
# counts as torch computes them
q4_conv_params = torch.tensor([3, 3, 3, 3]).prod() + 3
q3_flatten_features = torch.tensor(q3_shapes[-1]).prod()
'''
py("min_q3_q4_counts_as_0d_tensors_control", Q_SIMPLE_TENSOR_COUNTS, Q2_Q5, Q6_PLAIN, *MODELS)

Q5_TENSOR = r'''
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kernel = torch.tensor(kernel_size).expand(2)  # an int becomes (k, k)
    return in_channels * out_channels * int(kernel.prod()) + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + bias * out_features


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1
'''
py("min_q5_expand_and_bool_times_control", Q_SIMPLE, Q5_TENSOR, Q6_PLAIN, *MODELS)

Q5_0D = r'''
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    weights = torch.tensor([out_channels, in_channels, kh, kw]).prod()  # the weight tensor's numel
    return weights + out_channels if bias else weights


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1
'''
py("min_q5_count_as_0d_int_tensor", Q_SIMPLE, Q5_0D, Q6_PLAIN, *MODELS)

Q_NUMPY_FORMS = r'''
q1_answer = "C"
shapes = np.array([[3, 100, 100], [3, 50, 50], [2, 50, 50], [2, 25, 25]])
q3_shapes = [tuple(s) for s in shapes]                      # tuples of numpy ints
q3_flatten_features = np.prod(shapes[-1])                   # numpy int64
layers = [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)]
q4_conv_params = np.int64(3 * 3 * 3 * 3 + 3)
q4_cnn_params = np.sum([1 * 3 * 9 + 3, 3 * 2 * 9 + 2, 1250 + 1])
q4_fcnn_params = np.sum([i * o + o for i, o in layers])
q9_true = frozenset("C")
q10_answers = dict(zip(np.arange(1, 9), np.array([True, False, True, True, False, False, True, False])))
'''
py("numpy_answer_forms_everywhere", Q_NUMPY_FORMS, Q2_Q5, Q6_PLAIN, *MODELS, imports=IMPORTS_NP)

Q_COMPUTED = r'''
q1_answer = "C"

# q3: run the lecture's network layer by layer and record the shapes
lecture_net = nn.Sequential(
    nn.Conv2d(1, 3, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
    nn.Conv2d(3, 2, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
    nn.Flatten(), nn.Linear(1250, 1),
)
x = torch.zeros(1, 1, 100, 100)
seen = []
for layer in lecture_net:
    x = layer(x)
    if isinstance(layer, (nn.Conv2d, nn.MaxPool2d)):
        seen.append(x.shape[1:])          # torch.Size, a tuple
q3_shapes = seen
q3_flatten_features = lecture_net[-1].in_features

count = lambda m: sum(p.numel() for p in m.parameters())
q4_conv_params = count(nn.Conv2d(3, 3, (3, 3)))
q4_cnn_params = count(lecture_net)
q4_fcnn_params = count(nn.Sequential(
    nn.Linear(128 * 128, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
    nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 16), nn.Linear(16, 1)))
q9_true = set(["C"])
q10_answers = {str(n): str(v) for n, v in enumerate([True, False, True, True, False, False, True, False], start=1)}
'''
py("computed_answers_rows_of_tensors", Q_COMPUTED, Q2_Q5, q6_with(
    "q6_output = [conv2d(Q6_IN, Q6_K)[i] for i in range(3)]"), *MODELS)
py("computed_answers_control", Q_COMPUTED, Q2_Q5, Q6_PLAIN, *MODELS)

# =========================================================== B. doctest, as the docs show it
CONV_DOCTEST = r'''
def conv2d(image, kernel, stride=1, padding=0):
    """Slide ``kernel`` over ``image`` (no flip), as torch does.

    >>> conv2d(torch.ones(3, 3), torch.ones(2, 2))
    tensor([[4., 4.],
            [4., 4.]])
    >>> x, k = torch.randn(6, 5), torch.randn(3, 3)
    >>> torch.allclose(conv2d(x, k, stride=2, padding=1), F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0], atol=1e-5)
    True
    """
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
    """Largest value of each block.

    >>> max_pool2d(torch.arange(16.).view(4, 4))
    tensor([[ 5.,  7.],
            [13., 15.]])
    """
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out
'''


def doctest_file(name, run_line, imports=IMPORTS + "import doctest\n"):
    py(name, Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_DOCTEST, "\n" + run_line + "\n", *MODELS, imports=imports)


doctest_file("min_doctest_testmod_control", "doctest.testmod()")
doctest_file("min_doctest_ellipsis_control", "doctest.testmod(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)")
doctest_file("min_doctest_fail_fast", "doctest.testmod(optionflags=doctest.FAIL_FAST)")
doctest_file("min_doctest_report_only_first_failure",
             "doctest.testmod(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.REPORT_ONLY_FIRST_FAILURE)")
doctest_file("min_doctest_report_ndiff", "doctest.testmod(verbose=False, optionflags=doctest.REPORT_NDIFF)")
doctest_file("min_doctest_from_import_fail_fast", "testmod(optionflags=FAIL_FAST)",
             imports=IMPORTS + "from doctest import testmod, FAIL_FAST\n")
doctest_file("min_doctest_from_import_testmod_control", "testmod(verbose=False)",
             imports=IMPORTS + "from doctest import testmod\n")
doctest_file("min_doctest_testmod_report_false", "results = doctest.testmod(report=False)\nprint(results)")
doctest_file("min_doctest_main_guard_verbose",
             'if __name__ == "__main__":\n    print(doctest.testmod(verbose=False, optionflags=doctest.ELLIPSIS))')

# =========================================================== C. q6 written in other styles
C_CONSTANT_PAD = r'''
def conv2d(image, kernel, stride=1, padding=0):
    """Zero-pad with a padding layer, then slide the kernel."""
    pad = nn.ConstantPad2d(padding, 0.0)
    x = pad(image.unsqueeze(0)).squeeze(0)
    kh, kw = kernel.shape
    oh = (x.shape[0] - kh) // stride + 1
    ow = (x.shape[1] - kw) // stride + 1
    out = torch.empty(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            r, c = i * stride, j * stride
            out[i, j] = torch.sum(x[r:r + kh, c:c + kw] * kernel)
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    out = torch.empty(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].flatten().sort().values[-1]
    return out
'''
py("q6_constantpad2d_layer_and_sort_pool", Q_SIMPLE, Q2_Q5, Q6_OUT, C_CONSTANT_PAD, *MODELS)

C_MESHGRID = r'''
def _grid(out_h, out_w, step, kh, kw):
    """Row and column index of every tap of every window, shape (out_h, out_w, kh, kw)."""
    rows, cols = torch.meshgrid(torch.arange(out_h) * step, torch.arange(out_w) * step, indexing="ij")
    di, dj = torch.meshgrid(torch.arange(kh), torch.arange(kw), indexing="ij")
    return rows[:, :, None, None] + di, cols[:, :, None, None] + dj


def conv2d(image, kernel, stride=1, padding=0):
    x = F.pad(image, (padding, padding, padding, padding))
    kh, kw = kernel.shape
    oh = (x.shape[0] - kh) // stride + 1
    ow = (x.shape[1] - kw) // stride + 1
    r, c = _grid(oh, ow, stride, kh, kw)
    return (x[r, c] * kernel).sum(dim=(2, 3))


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    r, c = _grid(image.shape[0] // k, image.shape[1] // k, k, k, k)
    return image[r, c].amax(dim=(2, 3))
'''
py("q6_meshgrid_index_gather", Q_SIMPLE, Q2_Q5, Q6_OUT, C_MESHGRID, *MODELS)

C_SPARSE = r'''
def conv2d(image, kernel, stride=1, padding=0):
    """The convolution as a (sparse) matrix times the flattened padded image."""
    x = F.pad(image, [padding] * 4)
    H, W = x.shape
    kh, kw = kernel.shape
    oh, ow = (H - kh) // stride + 1, (W - kw) // stride + 1
    rows, cols, vals = [], [], []
    for i in range(oh):
        for j in range(ow):
            for a in range(kh):
                for b in range(kw):
                    rows.append(i * ow + j)
                    cols.append((i * stride + a) * W + (j * stride + b))
                    vals.append(kernel[a, b])
    matrix = torch.sparse_coo_tensor(torch.tensor([rows, cols]), torch.stack(vals), (oh * ow, H * W))
    return torch.sparse.mm(matrix, x.reshape(-1, 1)).reshape(oh, ow)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    # every strided sub-grid, cut to the full blocks, then the largest of the k*k of them
    grids = [image[a::k, b::k][:oh, :ow] for a in range(k) for b in range(k)]
    return torch.stack(grids).amax(dim=0)
'''
py("q6_sparse_toeplitz_strided_subgrids", Q_SIMPLE, Q2_Q5, Q6_OUT, C_SPARSE, *MODELS)

C_ENGINE = r'''
def _slide(x, size, step, reduce):
    """Apply ``reduce`` to every ``size`` window of ``x``, moving ``step`` pixels at a time."""
    kh, kw = size
    oh = (x.shape[0] - kh) // step + 1
    ow = (x.shape[1] - kw) // step + 1
    out = x.new_empty(oh, ow)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = reduce(x[i * step:i * step + kh, j * step:j * step + kw])
    return out


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    x = image.new_zeros(h + 2 * padding, w + 2 * padding)
    x[padding:padding + h, padding:padding + w] = image
    return _slide(x, kernel.shape, stride, lambda window: (window * kernel).sum())


def max_pool2d(image, kernel_size=2):
    return _slide(image, (kernel_size, kernel_size), kernel_size, torch.amax)
'''
py("q6_shared_slide_engine_reduce_callable", Q_SIMPLE, Q2_Q5, Q6_OUT, C_ENGINE, *MODELS)

C_CALLABLE = r'''
class SlidingConv:
    """conv2d as a callable object (the loops live in __call__)."""

    def __call__(self, image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        x = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        x[padding:padding + h, padding:padding + w] = image
        oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
        return torch.stack([
            torch.stack([(x[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
                         for j in range(ow)])
            for i in range(oh)])

    def __repr__(self):
        return "SlidingConv()"


class BlockMax:
    def __call__(self, image, kernel_size=2):
        k = kernel_size
        return torch.stack([
            torch.stack([image[i:i + k, j:j + k].max() for j in range(0, image.shape[1] - k + 1, k)])
            for i in range(0, image.shape[0] - k + 1, k)])


conv2d = SlidingConv()
max_pool2d = BlockMax()
'''
py("q6_callable_instances", Q_SIMPLE, Q2_Q5, Q6_OUT, C_CALLABLE, *MODELS)

C_RECURSIVE = r'''
def _row(x, kernel, top, stride, ow):
    kh, kw = kernel.shape
    return torch.stack([(x[top:top + kh, j * stride:j * stride + kw] * kernel).sum() for j in range(ow)])


def _rows(x, kernel, stride, i, oh, ow):
    """Rows i.. of the output, recursively."""
    if i == oh:
        return []
    return [_row(x, kernel, i * stride, stride, ow)] + _rows(x, kernel, stride, i + 1, oh, ow)


def conv2d(image, kernel, stride=1, padding=0):
    x = F.pad(image, (padding,) * 4)
    oh = (x.shape[0] - kernel.shape[0]) // stride + 1
    ow = (x.shape[1] - kernel.shape[1]) // stride + 1
    return torch.stack(_rows(x, kernel, stride, 0, oh, ow))


def max_pool2d(image, kernel_size=2):
    """Split off the top band of blocks, pool it, recurse on the rest."""
    k = kernel_size
    if image.shape[0] < k:
        return image.new_empty(0, image.shape[1] // k)
    band = image[:k, :image.shape[1] // k * k]
    top = band.reshape(k, -1, k).amax(dim=(0, 2))
    return torch.cat([top[None], max_pool2d(image[k:], k)])
'''
py("q6_recursive_rows_and_bands", Q_SIMPLE, Q2_Q5, Q6_OUT, C_RECURSIVE, *MODELS)

C_GENERATOR = r'''
from typing import Iterator


def windows(x: torch.Tensor, kh: int, kw: int, step: int) -> Iterator[torch.Tensor]:
    """Yield each window, row by row."""
    for top in range(0, x.shape[0] - kh + 1, step):
        for left in range(0, x.shape[1] - kw + 1, step):
            yield x[top:top + kh, left:left + kw]


def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    x = F.pad(image, (padding, padding, padding, padding), mode="constant", value=0.0)
    kh, kw = kernel.shape
    oh, ow = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
    values = [torch.tensordot(w, kernel, dims=2) for w in windows(x, kh, kw, stride)]
    assert len(values) == oh * ow, (len(values), oh, ow)
    return torch.stack(values).view(oh, ow)


def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    return torch.stack([w.max() for w in windows(image[:oh * k, :ow * k], k, k, k)]).view(oh, ow)
'''
py("q6_typed_window_generator_tensordot", Q_SIMPLE, Q2_Q5, Q6_OUT, C_GENERATOR, *MODELS)

C_NODGRAD = r'''
import functools
import itertools
import operator


@torch.no_grad()
def conv2d(image, kernel, stride=1, padding=0):
    x = F.pad(image, [padding] * 4)
    kh, kw = kernel.shape
    oh = (x.shape[0] - kh) // stride + 1
    ow = (x.shape[1] - kw) // stride + 1
    # one strided slice of the padded image per kernel tap, weighted and summed
    taps = (kernel[a, b] * x[a:a + stride * (oh - 1) + 1:stride, b:b + stride * (ow - 1) + 1:stride]
            for a, b in itertools.product(range(kh), range(kw)))
    return functools.reduce(operator.add, taps)


@torch.no_grad()
def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    parts = (image[a:a + k * oh:k, b:b + k * ow:k] for a, b in itertools.product(range(k), repeat=2))
    return functools.reduce(torch.maximum, parts)
'''
py("q6_no_grad_taps_reduce", Q_SIMPLE, Q2_Q5, Q6_OUT, C_NODGRAD, *MODELS)

C_DIVMOD = r'''
import functools


@functools.lru_cache(maxsize=None)
def _out(n, k, s, p):
    return (n + 2 * p - k) // s + 1


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    oh, ow = _out(h, kh, stride, padding), _out(w, kw, stride, padding)
    x = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    x[padding:padding + h, padding:padding + w] = image
    flat = torch.empty(oh * ow, dtype=image.dtype)
    for n in range(oh * ow):
        i, j = divmod(n, ow)
        flat[n] = (x[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return flat.view(oh, ow)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    flat = torch.empty(oh * ow, dtype=image.dtype)
    for n in range(oh * ow):
        i, j = divmod(n, ow)
        flat[n] = torch.topk(image[i * k:i * k + k, j * k:j * k + k].reshape(-1), 1).values[0]
    return flat.view(oh, ow)
'''
py("q6_divmod_flat_index_topk", Q_SIMPLE, Q2_Q5, Q6_OUT, C_DIVMOD, *MODELS)

C_NUMPY = r'''
def conv2d(image, kernel, stride=1, padding=0):
    """numpy does the work; the result goes back to torch with the input's dtype."""
    x = np.pad(image.numpy(), padding, mode="constant")
    k = kernel.numpy()
    kh, kw = k.shape
    oh, ow = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
    out = np.zeros((oh, ow), dtype=x.dtype)
    for i, j in np.ndindex(oh, ow):
        out[i, j] = np.sum(x[i * stride:i * stride + kh, j * stride:j * stride + kw] * k)
    return torch.from_numpy(out).to(image.dtype)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    a = image.numpy()
    oh, ow = a.shape[0] // k, a.shape[1] // k
    a = a[:oh * k, :ow * k]
    starts = np.arange(0, oh * k, k), np.arange(0, ow * k, k)
    out = np.maximum.reduceat(np.maximum.reduceat(a, starts[0], axis=0), starts[1], axis=1)
    return torch.from_numpy(np.ascontiguousarray(out)).to(image.dtype)
'''
py("q6_numpy_ndindex_reduceat_roundtrip", Q_SIMPLE, Q2_Q5, Q6_OUT, C_NUMPY, *MODELS, imports=IMPORTS_NP)

C_DATACLASS = r'''
from dataclasses import dataclass


@dataclass(frozen=True)
class Geometry:
    """Where the windows of a sliding operation are."""
    height: int
    width: int
    kh: int
    kw: int
    stride: int = 1

    @property
    def out_h(self) -> int:
        return (self.height - self.kh) // self.stride + 1

    @property
    def out_w(self) -> int:
        return (self.width - self.kw) // self.stride + 1

    def corners(self):
        return [(i * self.stride, j * self.stride) for i in range(self.out_h) for j in range(self.out_w)]


def conv2d(image, kernel, stride=1, padding=0):
    x = F.pad(image, (padding,) * 4)
    g = Geometry(x.shape[0], x.shape[1], kernel.shape[0], kernel.shape[1], stride)
    values = [(x[r:r + g.kh, c:c + g.kw] * kernel).sum() for r, c in g.corners()]
    return torch.stack(values).reshape(g.out_h, g.out_w)


def max_pool2d(image, kernel_size=2):
    g = Geometry(image.shape[0], image.shape[1], kernel_size, kernel_size, kernel_size)
    values = [image[r:r + g.kh, c:c + g.kw].max() for r, c in g.corners()]
    return torch.stack(values).reshape(g.out_h, g.out_w)
'''
py("q6_frozen_dataclass_geometry_properties", Q_SIMPLE, Q2_Q5, Q6_OUT, C_DATACLASS, *MODELS)

C_UNFOLD_T = r'''
def conv2d(image, kernel, stride=1, padding=0):
    x = F.pad(image, (padding,) * 4)
    kh, kw = kernel.shape
    patches = x.unfold(0, kh, stride).unfold(1, kw, stride)       # (oh, ow, kh, kw)
    return torch.einsum("ijkl,kl->ij", patches, kernel)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    return image.unfold(0, k, k).unfold(1, k, k).flatten(2).max(dim=-1).values
'''

# notebook helpers reuse this
NB_MODELS = CNN_PLAIN + "\n" + Q8_PLAIN

C_TORCH_UNFOLD_F = r'''
def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    cols = F.unfold(image[None, None], (kh, kw), padding=padding, stride=stride)[0]   # (kh*kw, L)
    oh = (image.shape[0] + 2 * padding - kh) // stride + 1
    ow = (image.shape[1] + 2 * padding - kw) // stride + 1
    return (kernel.reshape(1, -1) @ cols).reshape(oh, ow)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    cols = F.unfold(image[None, None], k, stride=k)[0]
    return cols.max(dim=0).values.reshape(image.shape[0] // k, image.shape[1] // k)
'''
py("q6_tensor_unfold_einsum", Q_SIMPLE, Q2_Q5, Q6_OUT, C_UNFOLD_T, *MODELS)
py("q6_functional_unfold_matmul", Q_SIMPLE, Q2_Q5, Q6_OUT, C_TORCH_UNFOLD_F, *MODELS)

# =========================================================== D. models in other layouts
D_SEQ_SUBCLASS = r'''
from collections import OrderedDict


class CNN(nn.Sequential):
    """The pooled CNN *is* a Sequential: no forward needed."""

    def __init__(self):
        super().__init__(OrderedDict([
            ("conv1", nn.Conv2d(1, 3, 3, padding=1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(3, 2, 3, padding=1)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()), ("fc", nn.Linear(1250, 1)),
        ]))


def conv_block(input_channels, output_channels):
    block = nn.Sequential()
    block.append(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1))
    block.append(nn.ReLU())
    return block


class ConvNet(nn.Sequential):
    def __init__(self, input_channels):
        channels = [input_channels, 3, 3, 3, 3, 3]
        super().__init__(*[conv_block(a, b) for a, b in zip(channels, channels[1:])],
                         nn.Flatten(), nn.Linear(49152, 1))
'''
py("models_sequential_subclasses_append_blocks", Q_SIMPLE, Q2_Q5, Q6_PLAIN, D_SEQ_SUBCLASS)

D_PARAMS = r'''
import math


def _kaiming(shape, fan_in):
    """PyTorch's default: kaiming_uniform_(a=sqrt(5)) for weights, U(-1/sqrt(fan_in), ...) for biases."""
    w = torch.empty(shape)
    nn.init.kaiming_uniform_(w, a=math.sqrt(5))
    return nn.Parameter(w)


def _bias(n, fan_in):
    bound = 1 / math.sqrt(fan_in)
    return nn.Parameter(torch.empty(n).uniform_(-bound, bound))


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.w1, self.b1 = _kaiming((3, 1, 3, 3), 9), _bias(3, 9)
        self.w2, self.b2 = _kaiming((2, 3, 3, 3), 27), _bias(2, 27)
        self.w3, self.b3 = _kaiming((1, 1250), 1250), _bias(1, 1250)

    def forward(self, x):
        x = F.max_pool2d(F.relu(F.conv2d(x, self.w1, self.b1, padding=1)), 2)
        x = F.max_pool2d(F.relu(F.conv2d(x, self.w2, self.b2, padding=1)), 2)
        return F.linear(torch.flatten(x, 1), self.w3, self.b3)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU(inplace=True))


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.weights = nn.ParameterList()
        self.biases = nn.ParameterList()
        for c_in in [input_channels, 3, 3, 3, 3]:
            self.weights.append(_kaiming((3, c_in, 3, 3), c_in * 9))
            self.biases.append(_bias(3, c_in * 9))
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        for w, b in zip(self.weights, self.biases):
            x = F.relu(F.conv2d(x, w, b, padding=1))
        return self.fc(x.flatten(1))
'''
py("models_hand_parameters_parameterlist", Q_SIMPLE, Q2_Q5, Q6_PLAIN, D_PARAMS)

D_BASE = r'''
class ParameterCount:
    """Mixin: how many numbers a model learns."""

    def n_params(self):
        return sum(p.numel() for p in self.parameters() if p.requires_grad)


class FeaturesThenHead(ParameterCount, nn.Module):
    """A model made of ``self.features`` (a Sequential) and ``self.head``."""

    def forward(self, x):
        return self.head(torch.flatten(self.features(x), start_dim=1))


class CNN(FeaturesThenHead):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.head = nn.Linear(1250, 1)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(FeaturesThenHead):
    def __init__(self, input_channels):
        super().__init__()
        self.features = nn.Sequential(*(conv_block(c, 3) for c in (input_channels, 3, 3, 3, 3)))
        self.head = nn.Linear(49152, 1)


assert CNN().n_params() == 1337 and ConvNet(1).n_params() == 49519
'''
py("models_mixin_and_own_base_class", Q_SIMPLE, Q2_Q5, Q6_PLAIN, D_BASE)

D_REDUCE = r'''
import functools


class CNN(nn.Module):
    ORDER = ("conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "flat", "fc")

    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleDict({
            "conv1": nn.Conv2d(1, 3, 3, padding=1), "relu1": nn.ReLU(), "pool1": nn.MaxPool2d(2),
            "conv2": nn.Conv2d(3, 2, 3, padding=1), "relu2": nn.ReLU(), "pool2": nn.MaxPool2d(2),
            "flat": nn.Flatten(), "fc": nn.Linear(1250, 1),
        })

    def forward(self, x):
        return functools.reduce(lambda h, name: self.layers[name](h), self.ORDER, x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        x = functools.reduce(lambda h, block: block(h), self.blocks, x)
        return self.fc(x.view(x.size(0), -1))
'''
py("models_reduce_over_moduledict_order", Q_SIMPLE, Q2_Q5, Q6_PLAIN, D_REDUCE)

D_MATCH = r'''
SPEC = [("conv", 1, 3), ("relu",), ("pool", 2), ("conv", 3, 2), ("relu",), ("pool", 2), ("flatten",), ("linear", 1250, 1)]


def make(spec):
    match spec:
        case ("conv", c_in, c_out):
            return nn.Conv2d(c_in, c_out, kernel_size=3, padding=1)
        case ("relu",):
            return nn.ReLU()
        case ("pool", size):
            return nn.MaxPool2d(size)
        case ("flatten",):
            return nn.Flatten()
        case ("linear", n_in, n_out):
            return nn.Linear(n_in, n_out)
    raise ValueError(f"unknown layer {spec}")


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(*map(make, SPEC))

    def forward(self, x):
        return self.net(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(make(("conv", input_channels, output_channels)), make(("relu",)))


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        for i, c_in in enumerate([input_channels, 3, 3, 3, 3], start=1):
            self.add_module(f"block{i}", conv_block(c_in, 3))
        self.add_module("flatten", make(("flatten",)))
        self.add_module("fc", make(("linear", 49152, 1)))

    def forward(self, x):
        for _, layer in self.named_children():
            x = layer(x)
        return x
'''
py("models_match_factory_add_module_named_children", Q_SIMPLE, Q2_Q5, Q6_PLAIN, D_MATCH)

D_INPLACE = r'''
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, kernel_size=3, stride=1, padding=1, dilation=1, groups=1, bias=True,
                               padding_mode="zeros")
        self.conv2 = nn.Conv2d(3, 2, kernel_size=3, stride=1, padding=1, dilation=1, groups=1, bias=True,
                               padding_mode="zeros")
        self.fc = nn.Linear(in_features=1250, out_features=1, bias=True)

    def forward(self, x):
        x = torch.max_pool2d(self.conv1(x).relu_(), kernel_size=2)
        x = torch.max_pool2d(torch.relu_(self.conv2(x)), kernel_size=2)
        return self.fc(x.reshape(len(x), -1))

    def __call__(self, x):
        assert x.dim() == 4 and x.shape[1:] == (1, 100, 100), f"expected (N, 1, 100, 100), got {tuple(x.shape)}"
        return super().__call__(x)


def conv_block(input_channels, output_channels):
    conv = nn.Conv2d(input_channels, output_channels, (3, 3), padding=(1, 1))
    return nn.Sequential(conv, nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.input_channels = input_channels
        self.body = nn.Sequential(*self._blocks())
        self.fc = nn.Linear(49152, 1)

    def _blocks(self):
        yield conv_block(self.input_channels, 3)
        for _ in range(4):
            yield conv_block(3, 3)

    def forward(self, x):
        return self.fc(self.body(x).flatten(1))
'''
py("models_inplace_relu_call_override_generator_blocks", Q_SIMPLE, Q2_Q5, Q6_PLAIN, D_INPLACE)

D_DUMMY = r'''
class CNN(nn.Module):
    def __init__(self, image_size=100):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2)),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2)),
        )
        with torch.inference_mode():
            n = self.features(torch.zeros(1, 1, image_size, image_size)).numel()
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(n, 1))

    def forward(self, x):
        return self.classifier(self.features(x))


def conv_block(input_channels, output_channels):
    return nn.Sequential(*[nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU()])


class ConvNet(nn.Module):
    def __init__(self, input_channels, image_size=128):
        super().__init__()
        blocks = [conv_block(input_channels, 3)]
        blocks += [conv_block(3, 3) for _ in range(4)]
        self.features = nn.Sequential(*blocks)
        with torch.inference_mode():
            n = self.features(torch.zeros(1, input_channels, image_size, image_size)).flatten(1).shape[1]
        self.fc = nn.Linear(n, 1)

    def forward(self, x):
        return self.fc(torch.flatten(self.features(x), 1))
'''
py("models_inference_mode_dummy_pass_sizes", Q_SIMPLE, Q2_Q5, Q6_PLAIN, D_DUMMY)

# =========================================================== A2. q2 spelled other ways
Q2_FORMS = r'''
import math
import operator


def conv_output_size(size, kernel_size, stride=1, padding=0):
    span = size + 2 * padding - kernel_size
    if span < 0:
        raise ValueError(f"kernel {kernel_size} larger than padded input {size + 2 * padding}")
    steps, _ = divmod(span, stride)
    return operator.add(steps, 1)


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kernel = (kernel_size,) * 2 if isinstance(kernel_size, int) else tuple(kernel_size)
    return math.prod((out_channels, in_channels, *kernel)) + out_channels * bool(bias)


def linear_params(in_features, out_features, bias=True):
    return math.prod([in_features, out_features]) + (out_features if bias else 0)
'''
py("q2_divmod_operator_math_prod", Q_SIMPLE, Q2_FORMS, Q6_PLAIN, *MODELS)

Q2_FLOOR = r'''
import math


class KernelTooLarge(ValueError):
    """The kernel does not fit in the padded input."""


def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    if kernel_size > size + 2 * padding:
        raise KernelTooLarge(f"{kernel_size=} > {size + 2 * padding=}")
    return math.floor((size + 2 * padding - kernel_size) / stride) + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = torch.nn.modules.utils._pair(kernel_size)
    return (in_channels * kh * kw + int(bias)) * out_channels


def linear_params(in_features, out_features, bias=True):
    return (in_features + int(bias)) * out_features
'''
py("q2_math_floor_own_valueerror_pair", Q_SIMPLE, Q2_FLOOR, Q6_PLAIN, *MODELS)

# =========================================================== E. notebooks


def nb_outputs(name, source, outputs):
    """A notebook whose code cells (counted from 0, after otter's) carry saved outputs, as a run left them."""
    book = nbformat.reads(notebook(source), as_version=4)
    code = [c for c in book.cells if c.cell_type == "code"][1:]
    for index, outs in outputs.items():
        code[index].outputs = outs
        code[index].execution_count = index + 2
    nbformat.validate(book)
    FILES[f"r61_{name}.ipynb"] = nbformat.writes(book)


NB_IMPORTS = "%reset -f\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F\nimport numpy as np"

nb("nb_reset_who_pinfo_timeit", NB_IMPORTS + r'''
# %%
%precision 3
%xmode Minimal
# %%
# md ## Q1-Q5
# %%
''' + Q_SIMPLE + "\n# %%\n" + Q2_Q5 + r'''
# %%
%who
# %%
''' + Q6_OUT + "\n" + CONV_LOOPS + "\n" + POOL_LOOPS + r'''
# %%
%pinfo conv2d
# %%
%pdef max_pool2d
# %%
%%timeit -n 1 -r 1
conv2d(torch.randn(28, 28), torch.randn(3, 3), padding=1)
# %%
%whos
# %%
''' + NB_MODELS + r'''
# %%
%who_ls
''')

nb("nb_script_false_html_latex_env", NB_IMPORTS + r'''
# %%
%env OMP_NUM_THREADS=1
# %%
%%html
<p style="color: grey">Lab 6 &mdash; my answers</p>
# %%
%%latex
$$ o = \left\lfloor \frac{n + 2p - k}{s} \right\rfloor + 1 $$
# %%
''' + Q_SIMPLE + "\n# %%\n" + Q2_Q5 + r'''
# %%
%%script false --no-raise-error
# too slow on the lab machines, kept for reference
for size in range(1, 500):
    print(size, conv_output_size(size, 3, 1, 1))
# %%
''' + Q6_OUT + C_MESHGRID + r'''
# %%
%%script echo skipped
print(conv2d(torch.randn(500, 500), torch.randn(3, 3)))
# %%
''' + NB_MODELS)

nb_outputs("nb_saved_error_then_fixed_q6_rows", NB_IMPORTS + r'''
# %%
''' + Q_SIMPLE + "\n# %%\n" + Q2_Q5 + r'''
# %%
''' + CONV_LOOPS + "\n" + POOL_LOOPS + r'''
# %%
image = torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]])
kernel = torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]])
# by hand, row by row (checked with my conv2d below)
row0 = torch.tensor([12, 12, 17])
row1 = torch.tensor([10, 17, 19])
row2 = torch.tensor([9, 6, 14])
q6_output = [row0, row1, row2]
# %%
torch.equal(torch.stack(q6_output), conv2d(image, kernel))
# %%
''' + NB_MODELS, {
    3: [nbformat.v4.new_output("error", ename="NameError", evalue="name 'row2' is not defined",
                                traceback=["NameError: name 'row2' is not defined"])],
    4: [nbformat.v4.new_output("execute_result", data={"text/plain": "True"}, execution_count=6)],
})

nb("nb_doctest_cell_fail_fast", NB_IMPORTS + "\nimport doctest" + r'''
# %%
''' + Q_SIMPLE + "\n# %%\n" + Q2_Q5 + r'''
# %%
''' + Q6_OUT + CONV_DOCTEST + r'''
# %%
# stop at the first failing example
doctest.testmod(verbose=False, optionflags=doctest.FAIL_FAST | doctest.ELLIPSIS)
# %%
''' + NB_MODELS)

nb("nb_interact_pool_sizes", NB_IMPORTS + r'''
# %%
%matplotlib inline
import matplotlib.pyplot as plt
from ipywidgets import interact
# %%
''' + Q_SIMPLE + "\n# %%\n" + Q2_Q5 + r'''
# %%
''' + Q6_OUT + C_ENGINE + r'''
# %%
picture = torch.rand(12, 12)


def show(kernel_size=2):
    plt.imshow(max_pool2d(picture, kernel_size), cmap="gray")
    plt.title(f"max pool {kernel_size}x{kernel_size}")
    plt.show()


interact(show, kernel_size=(1, 4))
# %%
''' + NB_MODELS)

nb("nb_redefinitions_loops_then_vectorised", NB_IMPORTS + r'''
# %%
''' + Q_SIMPLE + "\n# %%\n" + Q2_Q5 + r'''
# %%
# md First version: plain loops.
# %%
''' + Q6_OUT + CONV_LOOPS + "\n" + POOL_LOOPS + r'''
# %%
x, k = torch.randn(9, 8), torch.randn(3, 3)
slow = conv2d(x, k, stride=2, padding=1)
slow_pool = max_pool2d(x, 3)
# %%
# md Faster version with `Tensor.unfold` (same results).
# %%
''' + C_UNFOLD_T + r'''
# %%
assert torch.allclose(conv2d(x, k, stride=2, padding=1), slow, atol=1e-5)
assert torch.equal(max_pool2d(x, 3), slow_pool)
# %%
''' + NB_MODELS)

nb("nb_models_sequential_subclass_and_rows_answer", NB_IMPORTS + r'''
# %%
''' + Q_COMPUTED + "\n# %%\n" + Q2_Q5 + r'''
# %%
''' + C_DIVMOD + r'''
# %%
img = torch.tensor([[3., 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]])
ker = torch.tensor([[0., 1, 2], [2, 2, 0], [0, 1, 2]])
q6_output = [[conv2d(img, ker)[i, j] for j in range(3)] for i in range(3)]
q6_output
# %%
''' + D_SEQ_SUBCLASS)

# =========================================================== F. one-construct files for what cost points above
SPARSE_CONV = r'''
def conv2d(image, kernel, stride=1, padding=0):
    x = F.pad(image, [padding] * 4)
    H, W = x.shape
    kh, kw = kernel.shape
    oh, ow = (H - kh) // stride + 1, (W - kw) // stride + 1
    index, values = [], []
    for i in range(oh):
        for j in range(ow):
            for a in range(kh):
                for b in range(kw):
                    index.append((i * ow + j, (i * stride + a) * W + j * stride + b))
                    values.append(kernel[a, b])
    matrix = torch.sparse_coo_tensor(torch.tensor(index).T, torch.stack(values), (oh * ow, H * W))
    return PRODUCT.reshape(oh, ow)
'''
py("min_sparse_mm", Q_SIMPLE, Q2_Q5, Q6_OUT, SPARSE_CONV.replace("PRODUCT", "torch.sparse.mm(matrix, x.reshape(-1, 1))"),
   POOL_LOOPS, *MODELS)
py("min_sparse_matmul_operator_control", Q_SIMPLE, Q2_Q5, Q6_OUT,
   SPARSE_CONV.replace("PRODUCT", "(matrix @ x.reshape(-1, 1))"), POOL_LOOPS, *MODELS)
py("min_sparse_addmm", Q_SIMPLE, Q2_Q5, Q6_OUT,
   SPARSE_CONV.replace("PRODUCT", "torch.sparse.addmm(x.new_zeros(oh * ow, 1), matrix, x.reshape(-1, 1))"),
   POOL_LOOPS, *MODELS)

doctest_file("min_doctest_dont_accept_blankline", "doctest.testmod(optionflags=doctest.DONT_ACCEPT_BLANKLINE)")
doctest_file("min_doctest_ignore_exception_detail_control",
             "doctest.testmod(optionflags=doctest.IGNORE_EXCEPTION_DETAIL)")
doctest_file("min_doctest_flags_bound_to_name",
             "FLAGS = doctest.ELLIPSIS | doctest.FAIL_FAST\ndoctest.testmod(optionflags=FLAGS)")

Q5_NP = r'''
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    return np.prod([in_channels, out_channels, *np.broadcast_to(kernel_size, 2)]) + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return np.prod([in_features, out_features]) + (out_features if bias else 0)


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1
'''
py("min_q5_numpy_prod_control", Q_SIMPLE, Q5_NP, Q6_PLAIN, *MODELS, imports=IMPORTS_NP)

py("min_q6_output_tuple_of_lists_control", Q_SIMPLE, Q2_Q5, q6_with(
    "q6_output = tuple(conv2d(Q6_IN, Q6_K).tolist())"), *MODELS)
py("min_q6_output_np_stack_of_rows_control", Q_SIMPLE, Q2_Q5, q6_with(
    "rows = [conv2d(Q6_IN, Q6_K)[i] for i in range(3)]\nq6_output = np.stack([r.numpy() for r in rows])"),
   *MODELS, imports=IMPORTS_NP)

CONV_SETTINGS = r'''
def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    if SETTINGS["verbose"]:
        print(f"conv2d: image {h}x{w}, kernel {kh}x{kw}, stride {stride}, padding {padding}")
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
py("min_settings_from_json_text", Q_SIMPLE, Q2_Q5, Q6_OUT,
   '\nimport json\n\nSETTINGS = json.loads(\'{"verbose": false, "seed": 0}\')\n', CONV_SETTINGS, POOL_LOOPS, *MODELS)
py("min_settings_from_yaml_text", Q_SIMPLE, Q2_Q5, Q6_OUT,
   '\nimport yaml\n\nSETTINGS = yaml.safe_load("""\nverbose: false\nseed: 0\n""")\n', CONV_SETTINGS, POOL_LOOPS,
   *MODELS)
py("min_settings_dict_literal_control", Q_SIMPLE, Q2_Q5, Q6_OUT,
   '\nSETTINGS = {"verbose": False, "seed": 0}\n', CONV_SETTINGS, POOL_LOOPS, *MODELS)
py("min_settings_from_configparser_text", Q_SIMPLE, Q2_Q5, Q6_OUT,
   '\nimport configparser\n\n_parser = configparser.ConfigParser()\n_parser.read_string("[lab]\\nverbose = no\\n")\n'
   'SETTINGS = {"verbose": _parser.getboolean("lab", "verbose")}\n', CONV_SETTINGS, POOL_LOOPS, *MODELS)

CONV_JSON_LOG = r'''
import json
import logging

log = logging.getLogger("lab06")


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    log.debug(json.dumps({"image": [h, w], "kernel": [kh, kw], "stride": stride, "padding": padding}))
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
py("min_conv2d_logs_json_dumps", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_JSON_LOG, POOL_LOOPS, *MODELS)
py("min_conv2d_logs_dict_control", Q_SIMPLE, Q2_Q5, Q6_OUT,
   CONV_JSON_LOG.replace("json.dumps(", "str(").replace("import json\n", ""), POOL_LOOPS, *MODELS)

CONV_PERF = CONV_LOOPS.replace("    h, w = image.shape\n", "    start = time.perf_counter()\n    h, w = image.shape\n", 1) \
    .replace("    return out\n", "    print(f\"conv2d took {time.perf_counter() - start:.4f} s\")\n    return out\n")
py("min_conv2d_times_itself_perf_counter_control", Q_SIMPLE, Q2_Q5, Q6_OUT, "\nimport time\n", CONV_PERF, POOL_LOOPS,
   *MODELS)

nb("nb_config_cell_yaml_hyperparameters", NB_IMPORTS + r'''
# %%
import yaml
# %%
# md All the knobs of this lab in one place.
# %%
CONFIG = yaml.safe_load("""
verbose: false
demo_size: 12
pool_size: 2
""")
CONFIG
# %%
''' + Q_SIMPLE + "\n# %%\n" + Q2_Q5 + r'''
# %%
''' + Q6_OUT + r'''

def conv2d(image, kernel, stride=1, padding=0):
    x = F.pad(image, (padding,) * 4)
    kh, kw = kernel.shape
    patches = x.unfold(0, kh, stride).unfold(1, kw, stride)
    if CONFIG["verbose"]:
        print("patches:", tuple(patches.shape))
    return (patches * kernel).sum(dim=(-2, -1))


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    blocks = image.unfold(0, k, k).unfold(1, k, k)
    if CONFIG["verbose"]:
        print("blocks:", tuple(blocks.shape))
    return blocks.amax(dim=(-2, -1))
# %%
demo = torch.rand(CONFIG["demo_size"], CONFIG["demo_size"])
max_pool2d(demo, CONFIG["pool_size"]).shape
# %%
''' + NB_MODELS)

nb("nb_sparse_operator_notes", NB_IMPORTS + r'''
# %%
# md A convolution is a matrix product: build the (sparse) matrix and multiply.
# %%
''' + Q_SIMPLE + "\n# %%\n" + Q2_Q5 + r'''
# %%
''' + Q6_OUT + SPARSE_CONV.replace("PRODUCT", "torch.sparse.mm(matrix, x.reshape(-1, 1))") + "\n" + C_SPARSE.split(
    "def max_pool2d")[0].split("def conv2d")[0] + "\ndef max_pool2d" + C_SPARSE.split("def max_pool2d")[1] + r'''
# %%
x, k = torch.randn(6, 6), torch.randn(3, 3)
print(conv2d(x, k, stride=2, padding=1))
# %%
''' + NB_MODELS)


def main(out: pathlib.Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (out / name).write_text(text)
    print(len(FILES), "files written to", out)


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)

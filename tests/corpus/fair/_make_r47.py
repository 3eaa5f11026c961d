"""Round 47 of the fairness corpus: Stack Overflow "fixes" pasted at the top of a notebook (ssl's unverified
context, ``np.float = float``, ``print = partial(print, flush=True)``, ``collections.Iterable``, one-line
``warnings.formatwarning``, the shape-showing ``torch.Tensor.__repr__`` patch, a variable-name helper on
``inspect.currentframe()``, ``sys.excepthook``), formulas and q6 helpers not tried yet (``len(range(...))``, the ceil
form, asking torch on the meta device, ``torch.Size(...).numel()``, ``cummax`` / ``argmax`` pooling, a Toeplitz
matrix, ``tolist`` in pure Python, ``nn.ZeroPad2d`` + ``tensordot``), models built from a text spec, a shared default
ReLU instance, Lightning's ``example_input_array``, ``torch.fx`` after the answers, and students from MATLAB (pylab
star import, semicolons) and R (``c()``, ``seq()``, 1-based loops, ``TRUE``/``FALSE``).

    python tests/corpus/fair/_make_r47.py            # rewrites tests/corpus/fair/r47_*
    python tests/corpus/fair/_make_r47.py --out DIR  # writes them to DIR instead
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import _make_r30 as r30  # noqa: E402
import _make_r38 as r38  # noqa: E402
import _make_r41 as r41  # noqa: E402

d = r30.d
md = r30.md
answers = r30.answers
IMPORTS, SHAPES = r30.IMPORTS, r30.SHAPES
CONV_LOOPS, POOL_LOOPS = r41.CONV_LOOPS, r41.POOL_LOOPS

CASES: dict[str, list] = {}
CRLF: set[str] = set()


def case(name, title, before=(), after=(), imports=IMPORTS, **kw):
    CASES[name] = [md(f"# Lab 6 - CNNs\n{title}"), imports, *before, *answers(**kw), SHAPES, *after]


def script(name, before=(), after=(), imports=IMPORTS, shapes=SHAPES, **kw):
    CASES[name] = [imports, *before, *answers(headers=False, **kw), shapes, *after]


# ===============================================================================================================
# 1. Stack Overflow fixes pasted at the top
# ===============================================================================================================
case("r47_nb_ssl_unverified_context_fix",
     "The SO fix for CERTIFICATE_VERIFY_FAILED when downloading MNIST, pasted before the imports.",
     before=[d('''
         import ssl
         ssl._create_default_https_context = ssl._create_unverified_context  # fixes CERTIFICATE_VERIFY_FAILED
         ''')])
script("r47_py_numpy_float_alias_fix",
       before=[d('''
           # old tutorial code uses np.float / np.int (removed in numpy 1.24)
           if not hasattr(np, "float"):
               np.float = float
           if not hasattr(np, "int"):
               np.int = int
           x = np.zeros(3, dtype=np.float)
           ''')])
script("r47_py_print_flush_partial",
       before=[d('''
           import functools

           print = functools.partial(print, flush=True)  # cluster logs show up at once
           ''')],
       after=['print("done", flush=False)\n'])
case("r47_nb_kmp_duplicate_lib_ok_env_before_torch",
     "macOS conda: OMP Error #15, fixed with KMP_DUPLICATE_LIB_OK before importing torch.",
     imports=d('''
         import os
         os.environ["KMP_DUPLICATE_LIB_OK"] = "TRUE"
         ''') + IMPORTS)
VARNAME = d('''
    import inspect


    def show(*values):
        """Print `name = value` for each argument (SO: "how to print a variable's name")."""
        caller = inspect.currentframe().f_back
        names = {id(v): k for k, v in caller.f_globals.items() if not k.startswith("_")}
        names.update({id(v): k for k, v in caller.f_locals.items()})
        for v in values:
            print(f"{names.get(id(v), '?')} = {v!r}")
    ''')
case("r47_nb_varname_debug_helper_currentframe",
     "A show() helper that finds the names of its arguments in the caller's frame.",
     before=[VARNAME], after=["show(q1_answer, q3_shapes, q4_conv_params, q9_true)\n"])
script("r47_py_collections_iterable_compat",
       before=[d('''
           import collections
           import collections.abc

           # python 3.10 removed these aliases; an old helper still uses them
           for _name in ("Iterable", "Mapping", "Sequence"):
               if not hasattr(collections, _name):
                   setattr(collections, _name, getattr(collections.abc, _name))


           def flatten(xs):
               for x in xs:
                   if isinstance(x, collections.Iterable) and not isinstance(x, str):
                       yield from flatten(x)
                   else:
                       yield x
           ''')],
       after=["print(list(flatten(q3_shapes)))\n"])
case("r47_nb_warnings_formatwarning_one_line",
     "SO: one-line warnings (warnings.formatwarning replaced by a lambda).",
     before=[d('''
         import warnings
         warnings.formatwarning = lambda message, category, *args, **kwargs: f"{category.__name__}: {message}\\n"
         warnings.warn("this is a test warning")
         ''')])
case("r47_nb_tensor_repr_shows_shape_patch",
     "The viral tip: patch torch.Tensor.__repr__ so every tensor prints its shape first.",
     before=[d('''
         normal_repr = torch.Tensor.__repr__
         torch.Tensor.__repr__ = lambda self: f"{tuple(self.shape)} {normal_repr(self)}"
         torch.rand(2, 2)
         ''')],
     after=["q6_output\n"])
script("r47_py_excepthook_short_errors",
       before=[d('''
           import sys


           def short_hook(kind, value, tb):
               print(f"!! {kind.__name__}: {value}", file=sys.stderr)


           sys.excepthook = short_hook
           ''')])
case("r47_nb_ipython_config_completer_xmode_precision",
     "Jupyter set-up lines: %config Completer.use_jedi = False, %xmode Minimal, %precision 3, %env.",
     before=[d('''
         %config Completer.use_jedi = False
         %xmode Minimal
         %precision 3
         %env CUDA_VISIBLE_DEVICES=0
         ''')])

# ===============================================================================================================
# 2. q2 / q5 formulas
# ===============================================================================================================
Q2_RANGE = d('''
    def conv_output_size(size, kernel_size, stride=1, padding=0):
        """Count the positions where the kernel's top-left corner can go."""
        last_start = size + 2 * padding - kernel_size
        if last_start < 0:
            raise ValueError("kernel larger than the padded input")
        return len(range(0, last_start + 1, stride))
    ''')
script("r47_py_q2_len_range_positions", q2=Q2_RANGE)
Q2_CEIL = d('''
    import math


    def conv_output_size(size, kernel_size, stride=1, padding=0):
        n = size + 2 * padding
        if kernel_size > n:
            raise ValueError(f"kernel {kernel_size} > padded size {n}")
        return math.ceil((n - kernel_size + 1) / stride)   # = floor((n - k) / s) + 1
    ''')
case("r47_nb_q2_ceil_form", "conv_output_size written as ceil((n - k + 1) / s).", q2=Q2_CEIL)
Q2_META = d('''
    def conv_output_size(size, kernel_size, stride=1, padding=0):
        """Ask torch itself (on the meta device: shapes only, no memory)."""
        x = torch.empty(1, 1, size, size, device="meta")
        w = torch.empty(1, 1, kernel_size, kernel_size, device="meta")
        try:
            y = torch.nn.functional.conv2d(x, w, stride=stride, padding=padding)
        except RuntimeError as e:
            raise ValueError(str(e)) from None
        return int(y.shape[-1])
    ''')
script("r47_py_q2_meta_device_ask_torch", q2=Q2_META)
Q2_DIL = d('''
    def conv_output_size(size, kernel_size, stride=1, padding=0, *, dilation=1):
        """Same formula as the Conv2d docs (dilation included)."""
        span = dilation * (kernel_size - 1) + 1
        if span > size + 2 * padding:
            raise ValueError("kernel does not fit")
        return (size + 2 * padding - span) // stride + 1
    ''')
case("r47_nb_q2_dilation_keyword_generalised", "conv_output_size with the docs' dilation term.", q2=Q2_DIL)
Q5_SIZE = d('''
    def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
        kh, kw = kernel_size if isinstance(kernel_size, (tuple, list)) else (kernel_size, kernel_size)
        return torch.Size([out_channels, in_channels, kh, kw]).numel() + (out_channels if bias else 0)


    def linear_params(in_features, out_features, bias=True):
        return torch.Size([out_features, in_features]).numel() + bias * out_features
    ''')
script("r47_py_q5_torch_size_numel", q5=Q5_SIZE)

# ===============================================================================================================
# 3. q6 helpers
# ===============================================================================================================
CONV_NUMPY = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        img = np.pad(image.numpy(), padding)
        k = kernel.numpy()
        kh, kw = k.shape
        oh = (img.shape[0] - kh) // stride + 1
        ow = (img.shape[1] - kw) // stride + 1
        out = np.zeros((oh, ow), dtype=img.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = np.sum(img[i * stride:i * stride + kh, j * stride:j * stride + kw] * k)
        return torch.from_numpy(out)
    ''')
POOL_NUMPY = d('''
    def max_pool2d(image, kernel_size=2):
        a = image.numpy()
        oh, ow = a.shape[0] // kernel_size, a.shape[1] // kernel_size
        blocks = a[:oh * kernel_size, :ow * kernel_size].reshape(oh, kernel_size, ow, kernel_size)
        return torch.from_numpy(blocks.max(axis=(1, 3)))
    ''')
case("r47_nb_q6_numpy_heavy_image_numpy_roundtrip",
     "A numpy person: image.numpy(), np.pad, loops in numpy, torch.from_numpy back.",
     q6=(CONV_NUMPY, POOL_NUMPY, "numpy"))
CONV_ZEROPAD = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        padded = torch.nn.ZeroPad2d(padding)(image)
        kh, kw = kernel.shape
        rows = range(0, padded.shape[0] - kh + 1, stride)
        cols = range(0, padded.shape[1] - kw + 1, stride)
        return torch.stack([torch.stack([torch.tensordot(padded[i:i + kh, j:j + kw], kernel, dims=2) for j in cols])
                            for i in rows])
    ''')
case("r47_nb_q6_zeropad2d_module_tensordot",
     "conv2d pads with nn.ZeroPad2d and multiplies windows with torch.tensordot(dims=2).",
     q6=(CONV_ZEROPAD, POOL_LOOPS, "tensor"))
CONV_PRODUCT = d('''
    from itertools import product


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        p = image.new_zeros(h + 2 * padding, w + 2 * padding)
        p[padding:padding + h, padding:padding + w] = image
        oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
        window = lambda ij: p[ij[0] * stride:ij[0] * stride + kh, ij[1] * stride:ij[1] * stride + kw]
        values = map(lambda ij: (window(ij) * kernel).sum(), product(range(oh), range(ow)))
        return torch.stack(list(values)).view(oh, ow)
    ''')
script("r47_py_q6_itertools_product_map_stack", q6=(CONV_PRODUCT, POOL_LOOPS, "tensor"))
POOL_CUMMAX = d('''
    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        out = image.new_empty(oh, ow)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].flatten().cummax(dim=0).values[-1]
        return out
    ''')
case("r47_nb_q6_pool_cummax_last", "max_pool2d takes the last running maximum (cummax).",
     q6=(CONV_LOOPS, POOL_CUMMAX, "tensor"))
POOL_ARGMAX = d('''
    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        oh, ow = image.size(0) // k, image.size(1) // k
        out = torch.empty(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                block = image[i * k:i * k + k, j * k:j * k + k].reshape(-1)
                out[i, j] = block[block.argmax()]
        return out
    ''')
script("r47_py_q6_pool_argmax_index", q6=(CONV_LOOPS, POOL_ARGMAX, "tensor"))
CONV_TOEPLITZ = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        """Convolution as one matrix product: each row of M holds the kernel at one output position."""
        h, w = image.shape
        kh, kw = kernel.shape
        ph, pw = h + 2 * padding, w + 2 * padding
        padded = torch.zeros(ph, pw, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        oh, ow = (ph - kh) // stride + 1, (pw - kw) // stride + 1
        M = torch.zeros(oh * ow, ph * pw, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                for a in range(kh):
                    start = (i * stride + a) * pw + j * stride
                    M[i * ow + j, start:start + kw] = kernel[a]
        return (M @ padded.reshape(-1)).reshape(oh, ow)
    ''')
script("r47_py_q6_conv_toeplitz_matrix", q6=(CONV_TOEPLITZ, POOL_LOOPS, "tensor"))
case("r47_nb_q6_no_grad_decorated_functions", "conv2d and max_pool2d decorated with @torch.no_grad().",
     q6=("@torch.no_grad()\n" + CONV_LOOPS, "@torch.no_grad()\n" + POOL_LOOPS, "tensor"))
CONV_LISTS = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        img, ker = image.tolist(), kernel.tolist()
        h, w, kh, kw = len(img), len(img[0]), len(ker), len(ker[0])
        img = [[0.0] * (w + 2 * padding) for _ in range(padding)] + \\
              [[0.0] * padding + row + [0.0] * padding for row in img] + \\
              [[0.0] * (w + 2 * padding) for _ in range(padding)]
        out = [[sum(img[i + a][j + b] * ker[a][b] for a in range(kh) for b in range(kw))
                for j in range(0, len(img[0]) - kw + 1, stride)]
               for i in range(0, len(img) - kh + 1, stride)]
        return torch.tensor(out, dtype=image.dtype)
    ''')
case("r47_nb_q6_conv_pure_python_tolist", "conv2d in pure Python lists (tolist, list comprehensions, sum).",
     q6=(CONV_LISTS, POOL_LOOPS, "list"))

# ===============================================================================================================
# 4. models
# ===============================================================================================================
SPEC = d('''
    CNN_SPEC = """
    conv 1 3
    relu
    pool 2
    conv 3 2
    relu
    pool 2
    flatten
    linear 1250 1
    """

    LAYERS = {
        "conv": lambda i, o: nn.Conv2d(int(i), int(o), kernel_size=3, padding=1),
        "relu": lambda: nn.ReLU(),
        "pool": lambda k: nn.MaxPool2d(int(k)),
        "flatten": lambda: nn.Flatten(),
        "linear": lambda i, o: nn.Linear(int(i), int(o)),
    }


    def build(spec):
        """One layer per line: its kind, then its numbers."""
        return nn.Sequential(*(LAYERS[kind](*args) for kind, *args in map(str.split, spec.strip().splitlines())))


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = build(CNN_SPEC)

        def forward(self, x):
            return self.net(x)
    ''')
SPEC8 = d('''
    def conv_block(input_channels, output_channels):
        return build(f"conv {input_channels} {output_channels}\\nrelu")


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            spec = "\\n".join(f"conv {i} 3\\nrelu" for i in [input_channels, 3, 3, 3, 3])
            self.net = nn.Sequential(build(spec), build("flatten\\nlinear 49152 1"))

        def forward(self, x):
            return self.net(x)
    ''')
case("r47_nb_q7_q8_built_from_text_spec", "The models written as a small text spec, parsed into layers.",
     q7=SPEC, q8=SPEC8)
Q8_SHARED_RELU = d('''
    def conv_block(input_channels, output_channels, activation=nn.ReLU()):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), activation)


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x):
            return self.fc(self.flatten(self.blocks(x)))
    ''')
script("r47_py_q8_conv_block_default_relu_instance", q8=Q8_SHARED_RELU)
Q7_LIGHTNING = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.example_input_array = torch.zeros(2, 1, 100, 100)   # Lightning habit: used for summaries
            self.loss_fn = nn.BCEWithLogitsLoss()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(2 * 25 * 25, 1)

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            return self.fc(torch.flatten(x, 1))

        def training_step(self, batch):
            x, y = batch
            return self.loss_fn(self(x), y)
    ''')
case("r47_nb_q7_example_input_array_and_loss_module", "Lightning habits: example_input_array, a loss module attribute.",
     q7=Q7_LIGHTNING, after=["print(CNN().training_step((torch.rand(4, 1, 100, 100), torch.rand(4, 1))))\n"])
Q7_DEVICE = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                          nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.head = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))

        def forward(self, x):
            x = x.to(next(self.parameters()).device)   # works wherever the model lives
            return self.head(self.features(x))
    ''')
script("r47_py_q7_forward_moves_input_to_param_device", q7=Q7_DEVICE)
Q7_Q3VAR = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.Sequential(
                nn.Conv2d(1, 3, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
                nn.Conv2d(3, 2, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
                nn.Flatten(), nn.Linear(q3_flatten_features, 1))   # my answer to q3

        def forward(self, x):
            return self.layers(x)
    ''')
case("r47_nb_q7_linear_in_features_from_q3_answer", "CNN's Linear takes q3_flatten_features (the q3 answer).",
     q7=Q7_Q3VAR)
Q8_KWARGS = d('''
    def conv_block(input_channels, output_channels, **kwargs):
        kwargs = {"kernel_size": 3, "padding": 1, **kwargs}
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, **kwargs), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels=1, **kwargs):
            super().__init__()
            self.hparams = dict(input_channels=input_channels, **kwargs)
            chans = [input_channels] + [3] * 5
            self.body = nn.Sequential(*(conv_block(a, b) for a, b in zip(chans, chans[1:])))
            self.head = nn.Linear(kwargs.get("features", 49152), 1)

        def forward(self, x):
            return self.head(self.body(x).flatten(start_dim=1))
    ''')
case("r47_nb_q8_kwargs_passthrough_hparams", "conv_block(**kwargs) and ConvNet(input_channels=1, **kwargs).",
     q8=Q8_KWARGS)
Q78_BASE = d('''
    class BaseModel(nn.Module):
        """features -> flatten -> head; subclasses fill in the two parts."""

        features: nn.Module
        head: nn.Module

        def forward(self, x):
            return self.head(torch.flatten(self.features(x), 1))

        def n_params(self):
            return sum(p.numel() for p in self.parameters())


    class CNN(BaseModel):
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                          nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.head = nn.Linear(1250, 1)
    ''')
Q8_BASE = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(BaseModel):
        def __init__(self, input_channels):
            super().__init__()
            self.features = nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)))
            self.head = nn.Linear(49152, 1)
    ''')
script("r47_py_base_model_class_annotations", q7=Q78_BASE, q8=Q8_BASE,
       after=['if __name__ == "__main__":\n    print(CNN().n_params(), ConvNet(1).n_params())\n'])
Q8_REDUCE_ADD = d('''
    import functools
    import operator


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            blocks = [conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)]
            self.net = functools.reduce(operator.add, blocks) + nn.Sequential(nn.Flatten(), nn.Linear(49152, 1))

        def forward(self, x):
            return self.net(x)
    ''')
case("r47_nb_q8_sequentials_summed_with_reduce_add", "ConvNet's blocks joined with functools.reduce(operator.add).",
     q8=Q8_REDUCE_ADD)
Q8_ODICT = d('''
    from collections import OrderedDict


    def conv_block(input_channels, output_channels):
        return nn.Sequential(OrderedDict(conv=nn.Conv2d(input_channels, output_channels, 3, padding=1), relu=nn.ReLU()))


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            chans = (input_channels, 3, 3, 3, 3)
            self.features = nn.Sequential(OrderedDict((f"block{i}", conv_block(c, 3)) for i, c in enumerate(chans, 1)))
            self.classifier = nn.Sequential(OrderedDict(flatten=nn.Flatten(), fc=nn.Linear(49152, 1)))

        def forward(self, x):
            return self.classifier(self.features(x))
    ''')
script("r47_py_q8_ordereddict_generator_names", q8=Q8_ODICT)
FX = d('''
    import torch.fx

    traced = torch.fx.symbolic_trace(CNN())
    print(traced.graph)
    for node in traced.graph.nodes:
        print(node.op, node.target)
    ''')
case("r47_nb_torch_fx_trace_after_answers", "torch.fx.symbolic_trace of the CNN printed after the answers.",
     after=[FX])

# ===============================================================================================================
# 5. answer spellings
# ===============================================================================================================
case("r47_nb_q10_numpy_arange_keys", "q10 from numpy: dict(zip(np.arange(1, 9), np.array([...]))).",
     q10=d('''
         q10_answers = dict(zip(np.arange(1, 9), np.array([True, False, True, True, False, False, True, False])))
         '''))
script("r47_py_q9_set_of_string", q9='q9_true = set("C")  # only statement C\n')
script("r47_py_q4_parameters_to_vector", q4=d('''
    from torch.nn.utils import parameters_to_vector as p2v

    q4_conv_params = p2v(nn.Conv2d(3, 3, (3, 3)).parameters()).numel()
    q4_cnn_params = p2v(nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.Conv2d(3, 2, 3, padding=1),
                                      nn.Linear(1250, 1)).parameters()).numel()
    _sizes = [128 * 128, 256, 128, 64, 32, 16, 1]
    q4_fcnn_params = p2v(nn.Sequential(*[nn.Linear(a, b) for a, b in zip(_sizes, _sizes[1:])]).parameters()).numel()
    '''))
case("r47_nb_q3_namedtuple_shapes_with_method", "q3 shapes as a typing.NamedTuple with a numel() method.",
     q3=d('''
         from typing import NamedTuple


         class Shape(NamedTuple):
             channels: int
             height: int
             width: int

             def numel(self) -> int:
                 return self.channels * self.height * self.width


         q3_shapes = [Shape(3, 100, 100), Shape(3, 50, 50), Shape(2, 50, 50), Shape(2, 25, 25)]
         q3_flatten_features = q3_shapes[-1].numel()
         '''))
case("r47_nb_q10_dict_union_fromkeys", "q10 as dict.fromkeys(trues, True) | dict.fromkeys(falses, False).",
     q10="q10_answers = dict.fromkeys([1, 3, 4, 7], True) | dict.fromkeys([2, 5, 6, 8], False)\n")

# ===============================================================================================================
# 6. MATLAB and R converts, disabled drafts
# ===============================================================================================================
PYLAB_SHAPES = d('''
    print(CNN()(torch.rand(2, 1, 100, 100)).shape, sum([p.numel() for p in CNN().parameters()]));
    for c in (1, 3):
        print(c, ConvNet(c)(torch.rand(2, c, 128, 128)).shape, sum([p.numel() for p in ConvNet(c).parameters()]));
    ''')
PYLAB_CONV = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        [m, n] = image.shape;
        [p, q] = kernel.shape;
        A = torch.zeros(m + 2*padding, n + 2*padding, dtype=image.dtype);
        A[padding:padding+m, padding:padding+n] = image;
        rows = floor((m + 2*padding - p) / stride) + 1;
        cols = floor((n + 2*padding - q) / stride) + 1;
        out = torch.zeros(int(rows), int(cols), dtype=image.dtype);
        for r in range(int(rows)):
            for c in range(int(cols)):
                out[r, c] = (A[r*stride:r*stride+p, c*stride:c*stride+q] * kernel).sum();
        return out;
    ''')
script("r47_py_matlab_convert_pylab_star_semicolons",
       imports="from pylab import *\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n",
       shapes=PYLAB_SHAPES, q6=(PYLAB_CONV, POOL_LOOPS, "tensor"))
R_HELPERS = d('''
    TRUE, FALSE = True, False
    c = lambda *args: list(args)                 # R's c()
    seq = lambda a, b: range(a, b + 1)           # R's a:b (inclusive)
    nrow = lambda m: m.shape[0]
    ncol = lambda m: m.shape[1]
    ''')
R_CONV = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        padded = torch.zeros(nrow(image) + 2 * padding, ncol(image) + 2 * padding, dtype=image.dtype)
        padded[padding:padding + nrow(image), padding:padding + ncol(image)] = image
        n_out = (nrow(padded) - nrow(kernel)) // stride + 1
        m_out = (ncol(padded) - ncol(kernel)) // stride + 1
        out = torch.zeros(n_out, m_out, dtype=image.dtype)
        for i in seq(1, n_out):              # 1-based, like R
            for j in seq(1, m_out):
                r0, c0 = (i - 1) * stride, (j - 1) * stride
                out[i - 1, j - 1] = (padded[r0:r0 + nrow(kernel), c0:c0 + ncol(kernel)] * kernel).sum()
        return out
    ''')
script("r47_py_r_convert_c_seq_one_based_true_false", before=[R_HELPERS],
       q6=(R_CONV, POOL_LOOPS, "tensor"), q9='q9_true = set(c("C"))\n',
       q10="q10_answers = dict(zip(seq(1, 8), c(TRUE, FALSE, TRUE, TRUE, FALSE, FALSE, TRUE, FALSE)))\n")
BUGGY_DRAFT = d('''
    if False:   # first attempt, kept for reference (kernel flipped, stride ignored)
        def conv2d(image, kernel, stride=1, padding=0):
            kernel = kernel.flip(0, 1)
            h, w = image.shape
            kh, kw = kernel.shape
            out = torch.zeros(h - kh + 1, w - kw + 1)
            for i in range(h - kh + 1):
                for j in range(w - kw + 1):
                    out[i, j] = (image[i:i + kh, j:j + kw] * kernel).sum()
            return out
    ''')
case("r47_nb_q6_if_false_old_draft_after", "An old, wrong conv2d disabled with `if False:` after the real one.",
     q6=(CONV_LOOPS, POOL_LOOPS, "tensor"), extra6=[BUGGY_DRAFT])
case("r47_nb_q7_if_0_old_draft_after", "An old CNN without ReLUs disabled with `if 0:` after the real one.",
     extra7=[d('''
         if 0:  # old version without ReLU
             class CNN(nn.Module):
                 def __init__(self):
                     super().__init__()
                     self.net = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.MaxPool2d(2),
                                              nn.Conv2d(3, 2, 3, padding=1), nn.MaxPool2d(2), nn.Flatten(),
                                              nn.Linear(1250, 1))

                 def forward(self, x):
                     return self.net(x)
         ''')])
case("r47_nb_q2_debug_flag_old_round_version", "conv_output_size; an old round() version behind DEBUG = False.",
     extra6=[d('''
         DEBUG = False
         if DEBUG:
             def conv_output_size(size, kernel_size, stride=1, padding=0):
                 return round((size + 2 * padding - kernel_size) / stride) + 1
         print(conv_output_size(100, 5))
         ''')])
case("r47_nb_german_keyboard_micro_sign",
     "A German keyboard's AltGr+m gives µ (U+00B5); Python reads it as μ (U+03BC) in the normalisation helper.",
     before=[d('''
         def normalise(x):
             µ = x.mean()
             σ = x.std()
             return (x - μ) / σ
         print(normalise(torch.rand(4, 4)).mean())
         ''')])
CRLF.add("r47_py_crlf_tabs_windows_student")
script("r47_py_crlf_tabs_windows_student",
       q6=(CONV_LOOPS.replace("    ", "\t"), POOL_LOOPS.replace("    ", "\t"), "tensor"))
PYLAB_NB = d('''
    %pylab inline
    from pylab import *
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    ''')
CASES["r47_nb_pylab_magic_and_star_import"] = [md("# Lab 6\n%pylab inline, then `from pylab import *`."), PYLAB_NB,
                                               *answers(), PYLAB_SHAPES]
case("r47_nb_seed_everything_kaggle_with_cuda_calls",
     "Kaggle seed_everything (cuda seeds, cudnn flags, PYTHONHASHSEED) plus gc.collect / empty_cache at the end.",
     before=[d('''
         import os, random, gc


         def seed_everything(seed=42):
             random.seed(seed)
             os.environ["PYTHONHASHSEED"] = str(seed)
             np.random.seed(seed)
             torch.manual_seed(seed)
             torch.cuda.manual_seed(seed)
             torch.cuda.manual_seed_all(seed)
             torch.backends.cudnn.deterministic = True
             torch.backends.cudnn.benchmark = False


         seed_everything()
         ''')],
     after=["gc.collect()\ntorch.cuda.empty_cache()\n"])
case("r47_nb_q6_hand_conv_module_wrapping_own_function",
     "A Conv2dByHand nn.Module (own Parameter) calls the student's conv2d; checked against nn.Conv2d.",
     extra6=[d('''
         class Conv2dByHand(nn.Module):
             def __init__(self, k=3):
                 super().__init__()
                 self.weight = nn.Parameter(torch.randn(k, k))

             def forward(self, x):
                 return conv2d(x, self.weight, padding=1)


         layer = Conv2dByHand()
         ref = nn.Conv2d(1, 1, 3, padding=1, bias=False)
         with torch.no_grad():
             ref.weight.copy_(layer.weight[None, None])
             x = torch.rand(6, 6)
             assert torch.allclose(layer(x), ref(x[None, None])[0, 0], atol=1e-5)
         ''')])
case("r47_nb_training_loop_random_data_optimizer_in_loop",
     "A tqdm-free training loop on random data; the optimizer made with a lambda-built schedule.",
     after=[d('''
         torch.manual_seed(0)
         model = CNN()
         opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
         sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda epoch: 0.95 ** epoch)
         X, y = torch.rand(32, 1, 100, 100), torch.randint(0, 2, (32, 1)).float()
         for epoch in range(3):
             for xb, yb in zip(X.split(8), y.split(8)):
                 opt.zero_grad()
                 loss = F.binary_cross_entropy_with_logits(model(xb), yb)
                 loss.backward()
                 opt.step()
             sched.step()
             print(f"{epoch=} {loss.item()=:.4f} {sched.get_last_lr()=}")
         model.eval()
         ''')])
script("r47_py_doctest_docstrings_run_in_main", q2=d('''
    def conv_output_size(size, kernel_size, stride=1, padding=0):
        """Output height of a square convolution.

        >>> conv_output_size(100, 5)
        96
        >>> conv_output_size(28, 3, stride=2, padding=1)
        14
        >>> conv_output_size(2, 3)
        Traceback (most recent call last):
        ...
        ValueError: kernel does not fit
        """
        if kernel_size > size + 2 * padding:
            raise ValueError("kernel does not fit")
        return (size + 2 * padding - kernel_size) // stride + 1
    '''), after=['if __name__ == "__main__":\n    import doctest\n    print(doctest.testmod())\n'])
case("r47_nb_feature_maps_plotted_headless_agg",
     "Feature maps of conv1 plotted with matplotlib (Agg backend) via a forward hook that is removed.",
     before=["import matplotlib\nmatplotlib.use(\"Agg\")\nimport matplotlib.pyplot as plt\n"],
     after=[d('''
         maps = {}
         model = CNN()
         first_conv = next(m for m in model.modules() if isinstance(m, nn.Conv2d))
         handle = first_conv.register_forward_hook(lambda mod, inp, out: maps.__setitem__("conv1", out.detach()))
         model(torch.rand(1, 1, 100, 100))
         handle.remove()
         fig, axes = plt.subplots(1, 3, figsize=(9, 3))
         for ax, fmap in zip(axes, maps["conv1"][0]):
             ax.imshow(fmap, cmap="gray")
             ax.axis("off")
         plt.close(fig)
         ''')])
case("r47_nb_walrus_match_q2_and_shapes_loop",
     "conv_output_size with match on the padding and a walrus; q3 shapes computed in a walrus loop.",
     q2=d('''
         def conv_output_size(size, kernel_size, stride=1, padding=0):
             match padding:
                 case int() if padding >= 0:
                     pass
                 case _:
                     raise ValueError(f"bad padding {padding!r}")
             if (n := size + 2 * padding) < kernel_size:
                 raise ValueError("kernel does not fit")
             return (n - kernel_size) // stride + 1
         '''),
     q3=d('''
         q3_shapes, size = [], 100
         for channels, op in [(3, "conv"), (3, "pool"), (2, "conv"), (2, "pool")]:
             q3_shapes.append((channels, size := conv_output_size(size, 3, padding=1) if op == "conv" else size // 2,
                               size))
         q3_flatten_features = (lambda c, h, w: c * h * w)(*q3_shapes[-1])
         '''))

# ===============================================================================================================
# 7. minimal variants isolating what the first batch lost (each differs from the default answers by one cell)
# ===============================================================================================================
script("r47_py_min_from_math_import_star", before=["from math import *\n\nprint(floor(2.5), pi)\n"])
script("r47_py_min_collections_iterable_direct_assign",
       before=["import collections\nimport collections.abc\n\ncollections.Iterable = collections.abc.Iterable\n"])
case("r47_nb_min_inspect_currentframe_name", "Only `inspect.currentframe().f_code.co_name` printed.",
     before=["import inspect\n\nprint(inspect.currentframe().f_code.co_name)\n"])
case("r47_nb_min_torch_fx_import_unused", "Only `import torch.fx`, never used.", before=["import torch.fx\n"])
case("r47_nb_min_ssl_import_no_patch_control", "Control: ssl imported and read, not patched.",
     before=["import ssl\n\nprint(ssl.OPENSSL_VERSION)\n"])
script("r47_py_min_matplotlib_rcparams_item_control",
       before=["import matplotlib\n\nmatplotlib.rcParams[\"figure.dpi\"] = 100\n"])


def main() -> None:
    out_dir = HERE
    if "--out" in sys.argv:
        out_dir = Path(sys.argv[sys.argv.index("--out") + 1])
        out_dir.mkdir(parents=True, exist_ok=True)
    for name, cells in CASES.items():
        r38.write(out_dir, name, cells)
        if name in CRLF:
            p = out_dir / f"{name}.py"
            p.write_bytes(p.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    print(len(CASES), "files")


if __name__ == "__main__":
    main()

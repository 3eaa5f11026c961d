"""Round 12 of the fairness corpus (issue 9): correct answers in ordinary but unusual styles, aimed at the rules
the grader changed after attack round 12 and fairness round 11.

Each case is a full, correct answer to all ten questions (round 8's plain answers, ``_make_r8.PLAIN``, with some
questions answered the case's way, or cells added after the answers). Aimed at:

- q6 by hand with the student's own helpers kept in containers (a dict of functions, a list of steps, a tuple of
  classes, a dict of reducers, ``functools.partial`` in a dict), settings changed later through the container
  (``registry["conv"]["stride"] = 2``, ``cfg[0].padding = 1``), self-check tables that keep torch's *results*
  beside the student's, and classes with ``__radd__ = __add__``, ``__hash__ = None``, ``__slots__``,
  ``__match_args__``, ``__repr__ = __str__``, a ``namedtuple`` config;
- q7 / q8 models frozen for inference (``requires_grad_(False)``, ``p.requires_grad = False``), ``torch.no_grad()``
  inside ``forward``, ``register_buffer`` normalisation constants, ``nn.Parameter`` from numpy arrays, ``copy_``
  initialisation under ``torch.no_grad()``, lazy layers materialised by a dummy pass, ``.float()``, a forward
  pass that prints ``data_ptr()`` / ``is_contiguous()`` while debugging memory, ``torch.manual_seed`` everywhere;
- top-level demos after the answers: a saliency map through ``img.register_hook`` / ``retain_grad()``, feature
  maps through a forward hook on ``model.conv1`` (kept registered), ``clip_grad_norm_`` after a training step,
  ``torch.inference_mode()``, ``torch.set_grad_enabled(False)`` left off at the end.

    python tests/corpus/fair/_make_r12.py        # rewrites tests/corpus/fair/r12_*
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from _make_r8 import PLAIN, QUESTIONS, d, write_notebook, write_script  # noqa: E402

CASES: dict[str, dict] = {}


def case(name, *, tool="jupyter", answers=None, before=None, after=None, extra=None):
    """answers: {q: source}; before/after: {q: [cells]} around an answer; extra: cells appended at the end."""
    CASES[name] = dict(tool=tool, answers=answers or {}, before=before or {}, after=after or {}, extra=extra or [],
                       order=QUESTIONS)


Q6_OUTPUT = 'q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]\n'

# A top-level self-check a student runs after q6 (torch's functions used only here, never in conv2d/max_pool2d).
SELF_CHECK = d('''
    import torch.nn.functional as F

    x = torch.rand(6, 6)
    k = torch.rand(3, 3)
    print(torch.allclose(conv2d(x, k, stride=2, padding=1),
                         F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0], atol=1e-5))
    print(torch.allclose(max_pool2d(x), F.max_pool2d(x[None, None], 2)[0, 0]))
    ''')

# ---------------------------------------------------------------------------------------------------------
# q6: helpers kept in containers
# ---------------------------------------------------------------------------------------------------------

case("r12_nb_q6_ops_dict_of_own_functions", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    def pad_image(image, padding):
        if padding == 0:
            return image
        out = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
        out[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        return out


    def conv2d_impl(image, kernel, stride, padding):
        image = pad_image(image, padding)
        kh, kw = kernel.shape
        oh = (image.shape[0] - kh) // stride + 1
        ow = (image.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    def pool_impl(image, kernel_size):
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        out = torch.zeros(oh, ow)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return out


    # one place to look up every operation (I swap in faster versions here later)
    OPS = {"conv": conv2d_impl, "pool": pool_impl}


    def conv2d(image, kernel, stride=1, padding=0):
        return OPS["conv"](image, kernel, stride, padding)


    def max_pool2d(image, kernel_size=2):
        return OPS["pool"](image, kernel_size)
    ''')}, after={"q6": [SELF_CHECK]})

case("r12_py_q6_steps_list_pad_slide_reduce", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    def pad(state):
        p = state["padding"]
        img = state["image"]
        if p:
            padded = torch.zeros(img.shape[0] + 2 * p, img.shape[1] + 2 * p)
            padded[p:-p, p:-p] = img
            state["image"] = padded
        return state


    def slide(state):
        img, (kh, kw), s = state["image"], state["window"], state["stride"]
        rows = (img.shape[0] - kh) // s + 1
        cols = (img.shape[1] - kw) // s + 1
        state["windows"] = [[img[i * s:i * s + kh, j * s:j * s + kw] for j in range(cols)] for i in range(rows)]
        return state


    def reduce(state):
        f = state["reduce"]
        state["out"] = torch.stack([torch.stack([f(w) for w in row]) for row in state["windows"]])
        return state


    steps = [pad, slide, reduce]


    def run(state):
        for step in steps:
            state = step(state)
        return state["out"]


    def conv2d(image, kernel, stride=1, padding=0):
        return run({"image": image, "padding": padding, "stride": stride, "window": tuple(kernel.shape),
                    "reduce": lambda w: (w * kernel).sum()})


    def max_pool2d(image, kernel_size=2):
        return run({"image": image, "padding": 0, "stride": kernel_size, "window": (kernel_size, kernel_size),
                    "reduce": lambda w: w.max()})
    ''')}, after={"q6": [SELF_CHECK]})

case("r12_nb_q6_registry_changed_through_container", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]

    # default settings per operation, used by my demo cells below
    registry = {"conv": {"stride": 1, "padding": 0}, "pool": {"kernel_size": 2}}


    def conv2d(image, kernel, stride=1, padding=0):
        if padding > 0:
            image = torch.cat([torch.zeros(padding, image.shape[1]), image, torch.zeros(padding, image.shape[1])])
            image = torch.cat([torch.zeros(image.shape[0], padding), image, torch.zeros(image.shape[0], padding)], dim=1)
        kh, kw = kernel.shape
        out = torch.zeros((image.shape[0] - kh) // stride + 1, (image.shape[1] - kw) // stride + 1)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = torch.sum(image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel)
        return out


    def max_pool2d(image, kernel_size=2):
        out = torch.zeros(image.shape[0] // kernel_size, image.shape[1] // kernel_size)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = torch.max(image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size])
        return out
    '''), }, after={"q6": [d('''
    x = torch.arange(36.).reshape(6, 6)
    k = torch.ones(3, 3)
    print(conv2d(x, k, **registry["conv"]))
    registry["conv"]["stride"] = 2
    registry["conv"]["padding"] = 1
    print(conv2d(x, k, **registry["conv"]))
    registry["pool"]["kernel_size"] = 3
    print(max_pool2d(x, **registry["pool"]))
    ''')]})

case("r12_py_q6_config_objects_in_list_mutated", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    class ConvConfig:
        def __init__(self, stride=1, padding=0):
            self.stride = stride
            self.padding = padding

        def output_size(self, size, k):
            return (size + 2 * self.padding - k) // self.stride + 1


    def conv2d(image, kernel, stride=1, padding=0):
        cfg = ConvConfig(stride, padding)
        p = cfg.padding
        padded = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p)
        padded[p:p + image.shape[0], p:p + image.shape[1]] = image
        kh, kw = kernel.shape
        out = torch.zeros(cfg.output_size(image.shape[0], kh), cfg.output_size(image.shape[1], kw))
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                r, c = i * cfg.stride, j * cfg.stride
                out[i, j] = (padded[r:r + kh, c:c + kw] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        out = torch.zeros(image.shape[0] // kernel_size, image.shape[1] // kernel_size)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return out


    # the settings I try out below
    cfg = [ConvConfig(), ConvConfig(stride=2)]
    cfg[0].padding = 1
    cfg[1].stride = 3
    for c in cfg:
        print(conv2d(torch.rand(7, 7), torch.rand(3, 3), c.stride, c.padding).shape)
    ''')})

case("r12_nb_q6_selfcheck_rows_keep_torch_results", answers={"q6": PLAIN["q6"]}, after={"q6": [d('''
    import torch.nn.functional as F

    rows = []
    for trial in range(5):
        x = torch.randn(7, 7)
        k = torch.randn(3, 3)
        rows.append({"mine": conv2d(x, k, stride=2, padding=1),
                     "torch": F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0]})
        rows.append({"mine": max_pool2d(x[:6, :6]), "torch": F.max_pool2d(x[None, None, :6, :6], 2)[0, 0]})
    print(all(torch.allclose(r["mine"], r["torch"], atol=1e-5) for r in rows))
    ''')]})

case("r12_py_q6_results_table_torch_assigned_by_index", answers={"q6": PLAIN["q6"]}, after={"q6": [d('''
    import torch.nn.functional as F

    x4 = torch.randn(1, 1, 8, 8)
    k4 = torch.randn(1, 1, 3, 3)
    results = [{"mine": conv2d(x4[0, 0], k4[0, 0]), "torch": None},
               {"mine": conv2d(x4[0, 0], k4[0, 0], stride=2, padding=1), "torch": None},
               {"mine": max_pool2d(x4[0, 0]), "torch": None}]
    results[0]["torch"] = F.conv2d(x4, k4)[0, 0]
    results[1]["torch"] = F.conv2d(x4, k4, stride=2, padding=1)[0, 0]
    results[2]["torch"] = F.max_pool2d(x4, 2)[0, 0]
    for i, r in enumerate(results):
        print(i, (r["mine"] - r["torch"]).abs().max().item())
    ''')]})

case("r12_nb_q6_accumulator_radd_alias", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    class Product:
        """One term of the convolution sum: a pixel times a weight. sum() of Products starts from 0, hence __radd__."""

        def __init__(self, pixel, weight):
            self.value = pixel * weight

        def __add__(self, other):
            return (other.value if isinstance(other, Product) else other) + self.value

        __radd__ = __add__

        def __repr__(self):
            return f"Product({self.value})"


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding)
        padded[padding:padding + h, padding:padding + w] = image
        kh, kw = kernel.shape
        oh = (h + 2 * padding - kh) // stride + 1
        ow = (w + 2 * padding - kw) // stride + 1
        out = torch.zeros(oh, ow)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = sum(Product(padded[i * stride + a, j * stride + b], kernel[a, b])
                                for a in range(kh) for b in range(kw))
        return out


    def max_pool2d(image, kernel_size=2):
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        out = torch.zeros(oh, ow)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return out
    ''')}, after={"q6": [SELF_CHECK]})

case("r12_py_q6_grid_slots_hash_none", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    class Grid:
        """A 2-D image with zero padding outside it."""

        __slots__ = ("data", "height", "width")

        def __init__(self, data):
            self.data = data
            self.height, self.width = data.shape

        def __eq__(self, other):
            return isinstance(other, Grid) and torch.equal(self.data, other.data)

        __hash__ = None  # mutable, so not hashable (defining __eq__ would do this anyway)

        def padded(self, p):
            out = torch.zeros(self.height + 2 * p, self.width + 2 * p)
            out[p:p + self.height, p:p + self.width] = self.data
            return Grid(out)

        def window(self, top, left, h, w):
            return self.data[top:top + h, left:left + w]


    def conv2d(image, kernel, stride=1, padding=0):
        g = Grid(image).padded(padding)
        kh, kw = kernel.shape
        oh = (g.height - kh) // stride + 1
        ow = (g.width - kw) // stride + 1
        out = torch.zeros(oh, ow)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (g.window(i * stride, j * stride, kh, kw) * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        g = Grid(image)
        oh, ow = g.height // kernel_size, g.width // kernel_size
        out = torch.zeros(oh, ow)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = g.window(i * kernel_size, j * kernel_size, kernel_size, kernel_size).max()
        return out
    ''')})

case("r12_nb_q6_match_args_spec", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    class Spec:
        __match_args__ = ("stride", "padding")

        def __init__(self, stride, padding):
            self.stride = stride
            self.padding = padding


    def conv2d(image, kernel, stride=1, padding=0):
        match Spec(stride, padding):
            case Spec(s, 0):
                img = image
            case Spec(s, p):
                img = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p)
                img[p:-p, p:-p] = image
        kh, kw = kernel.shape
        oh = (img.shape[0] - kh) // s + 1
        ow = (img.shape[1] - kw) // s + 1
        out = torch.empty(oh, ow)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (img[i * s:i * s + kh, j * s:j * s + kw] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        n = kernel_size
        out = torch.empty(image.shape[0] // n, image.shape[1] // n)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = image[i * n:(i + 1) * n, j * n:(j + 1) * n].max()
        return out
    ''')})

case("r12_py_q6_window_repr_alias_str", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    class Window:
        def __init__(self, values, row, col):
            self.values, self.row, self.col = values, row, col

        def __str__(self):
            return f"Window at ({self.row}, {self.col}): {self.values.tolist()}"

        __repr__ = __str__

        def dot(self, kernel):
            return (self.values * kernel).sum()

        def biggest(self):
            return self.values.max()


    def windows(image, size, stride):
        h, w = size
        for i in range((image.shape[0] - h) // stride + 1):
            for j in range((image.shape[1] - w) // stride + 1):
                yield Window(image[i * stride:i * stride + h, j * stride:j * stride + w], i, j)


    def conv2d(image, kernel, stride=1, padding=0):
        if padding:
            z = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
            z[padding:-padding, padding:-padding] = image
            image = z
        oh = (image.shape[0] - kernel.shape[0]) // stride + 1
        ow = (image.shape[1] - kernel.shape[1]) // stride + 1
        out = torch.zeros(oh, ow)
        for win in windows(image, kernel.shape, stride):
            out[win.row, win.col] = win.dot(kernel)
        return out


    def max_pool2d(image, kernel_size=2):
        out = torch.zeros(image.shape[0] // kernel_size, image.shape[1] // kernel_size)
        for win in windows(image, (kernel_size, kernel_size), kernel_size):
            out[win.row, win.col] = win.biggest()
        return out


    print(next(windows(torch.arange(16.).reshape(4, 4), (2, 2), 2)))
    ''')})

case("r12_nb_q6_tuple_of_layer_classes", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    class Conv:
        def __init__(self, kernel, stride=1, padding=0):
            self.kernel, self.stride, self.padding = kernel, stride, padding

        def __call__(self, image):
            p, s = self.padding, self.stride
            x = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p)
            x[p:p + image.shape[0], p:p + image.shape[1]] = image
            kh, kw = self.kernel.shape
            out = torch.zeros((x.shape[0] - kh) // s + 1, (x.shape[1] - kw) // s + 1)
            for i in range(out.shape[0]):
                for j in range(out.shape[1]):
                    out[i, j] = (x[i * s:i * s + kh, j * s:j * s + kw] * self.kernel).sum()
            return out


    class MaxPool:
        def __init__(self, size=2):
            self.size = size

        def __call__(self, image):
            n = self.size
            out = torch.zeros(image.shape[0] // n, image.shape[1] // n)
            for i in range(out.shape[0]):
                for j in range(out.shape[1]):
                    out[i, j] = image[i * n:(i + 1) * n, j * n:(j + 1) * n].max()
            return out


    LAYERS = (Conv, MaxPool)


    def conv2d(image, kernel, stride=1, padding=0):
        return LAYERS[0](kernel, stride, padding)(image)


    def max_pool2d(image, kernel_size=2):
        return LAYERS[1](kernel_size)(image)
    ''')}, after={"q6": [SELF_CHECK]})

case("r12_py_q6_reducers_dict_of_lambdas", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]

    REDUCERS = {
        "max": lambda window, _: window.max(),
        "dot": lambda window, kernel: (window * kernel).sum(),
    }


    def slide(image, size, stride, how, kernel=None):
        kh, kw = size
        oh = (image.shape[0] - kh) // stride + 1
        ow = (image.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = REDUCERS[how](image[i * stride:i * stride + kh, j * stride:j * stride + kw], kernel)
        return out


    def conv2d(image, kernel, stride=1, padding=0):
        big = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
        big[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        return slide(big, kernel.shape, stride, "dot", kernel)


    def max_pool2d(image, kernel_size=2):
        return slide(image, (kernel_size, kernel_size), kernel_size, "max")
    ''')})

case("r12_nb_q6_partial_in_ops_dict", answers={"q6": d('''
    import functools

    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    def sliding(image, window, stride, reduce):
        kh, kw = window
        rows = (image.shape[0] - kh) // stride + 1
        cols = (image.shape[1] - kw) // stride + 1
        return torch.tensor([[float(reduce(image[i * stride:i * stride + kh, j * stride:j * stride + kw]))
                              for j in range(cols)] for i in range(rows)]).reshape(rows, cols)


    def weighted_sum(window, kernel):
        return (window * kernel).sum()


    def largest(window):
        return window.max()


    OPS = {"sum": weighted_sum, "max": largest}


    def conv2d(image, kernel, stride=1, padding=0):
        p = padding
        padded = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p)
        padded[p:p + image.shape[0], p:p + image.shape[1]] = image
        return sliding(padded, kernel.shape, stride, functools.partial(OPS["sum"], kernel=kernel))


    def max_pool2d(image, kernel_size=2):
        return sliding(image, (kernel_size, kernel_size), kernel_size, OPS["max"])
    ''')})

case("r12_py_q6_namedtuple_config", answers={"q6": d('''
    from collections import namedtuple

    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]

    ConvSettings = namedtuple("ConvSettings", ["stride", "padding"])


    def conv2d(image, kernel, stride=1, padding=0):
        cfg = ConvSettings(stride, padding)
        x = torch.zeros(image.shape[0] + 2 * cfg.padding, image.shape[1] + 2 * cfg.padding)
        x[cfg.padding:cfg.padding + image.shape[0], cfg.padding:cfg.padding + image.shape[1]] = image
        kh, kw = kernel.shape
        out = torch.zeros((x.shape[0] - kh) // cfg.stride + 1, (x.shape[1] - kw) // cfg.stride + 1)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = (x[i * cfg.stride:i * cfg.stride + kh, j * cfg.stride:j * cfg.stride + kw] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        out = torch.zeros(image.shape[0] // kernel_size, image.shape[1] // kernel_size)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return out
    ''')})

# ---------------------------------------------------------------------------------------------------------
# q7 / q8: models
# ---------------------------------------------------------------------------------------------------------

LECTURE_CNN = d('''
    import torch
    import torch.nn.functional as F
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(x.flatten(1))
    ''')

case("r12_nb_q7_frozen_whole_for_inference", answers={"q7": LECTURE_CNN}, after={"q7": [d('''
    # inference only: freeze everything
    model = CNN().requires_grad_(False).eval()
    print(sum(p.requires_grad for p in model.parameters()), "trainable tensors")
    print(model(torch.rand(2, 1, 100, 100)).shape)
    '''), ]}, extra=[d('''
    net = ConvNet(1)
    for p in net.parameters():
        p.requires_grad = False
    print(net(torch.rand(1, 1, 128, 128)))
    ''')])

case("r12_py_q7_no_grad_inside_forward", answers={"q7": d('''
    import torch
    import torch.nn.functional as F
    from torch import nn


    class CNN(nn.Module):
        """I only use this network for predictions in this exercise, so forward skips building the graph."""

        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            with torch.no_grad():
                x = F.max_pool2d(F.relu(self.conv1(x)), 2)
                x = F.max_pool2d(F.relu(self.conv2(x)), 2)
                return self.fc(torch.flatten(x, 1))
    ''')})

case("r12_nb_q7_register_buffer_mean_std", answers={"q7": d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self, mean=0.0, std=1.0):
            super().__init__()
            # normalisation constants travel with the model (state_dict, .to(device)) but are not trained
            self.register_buffer("mean", torch.tensor(mean))
            self.register_buffer("std", torch.tensor(std))
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2, 2)
            self.fc = nn.Linear(2 * 25 * 25, 1)

        def forward(self, x):
            x = (x - self.mean) / self.std
            x = self.pool(torch.relu(self.conv1(x)))
            x = self.pool(torch.relu(self.conv2(x)))
            return self.fc(x.view(x.size(0), -1))
    ''')})

case("r12_py_q7_parameters_from_numpy", answers={"q7": d('''
    import numpy as np
    import torch
    import torch.nn.functional as F
    from torch import nn

    rng = np.random.default_rng(0)


    def uniform(shape, fan_in):
        bound = 1 / np.sqrt(fan_in)
        return nn.Parameter(torch.from_numpy(rng.uniform(-bound, bound, size=shape).astype(np.float32)))


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.w1 = uniform((3, 1, 3, 3), 9)
            self.b1 = uniform((3,), 9)
            self.w2 = uniform((2, 3, 3, 3), 27)
            self.b2 = uniform((2,), 27)
            self.w3 = uniform((1, 1250), 1250)
            self.b3 = uniform((1,), 1250)

        def forward(self, x):
            x = F.max_pool2d(F.relu(F.conv2d(x, self.w1, self.b1, padding=1)), 2)
            x = F.max_pool2d(F.relu(F.conv2d(x, self.w2, self.b2, padding=1)), 2)
            return F.linear(x.flatten(1), self.w3, self.b3)
    ''')})

case("r12_nb_q7_copy_init_under_no_grad", answers={"q7": d('''
    import torch
    import torch.nn.functional as F
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)
            # my own initialisation: small Gaussian weights, zero biases
            g = torch.Generator().manual_seed(0)
            with torch.no_grad():
                for layer in (self.conv1, self.conv2, self.fc):
                    layer.weight.copy_(torch.randn(layer.weight.shape, generator=g) * 0.05)
                    layer.bias.copy_(torch.zeros_like(layer.bias))

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(torch.flatten(x, start_dim=1))
    ''')})

case("r12_py_q7_lazy_layers_dummy_pass", answers={"q7": d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        """Lazy layers work out their input sizes themselves; one dummy pass makes their weights."""

        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(
                nn.LazyConv2d(3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.LazyConv2d(2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(),
            )
            self.fc = nn.LazyLinear(1)
            with torch.no_grad():
                self(torch.zeros(1, 1, 100, 100))

        def forward(self, x):
            return self.fc(self.features(x))
    '''), "q8": d('''
    import torch
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.fc = nn.LazyLinear(1)
            self.fc(torch.zeros(1, 49152))  # materialise the head's weights

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))
    ''')})

case("r12_nb_q7_float_and_seed_everywhere", answers={
    "q6": PLAIN["q6"].replace("import torch\n", "import torch\n\ntorch.manual_seed(0)\n", 1),
    "q7": d('''
    import torch
    from torch import nn

    torch.manual_seed(0)


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            torch.manual_seed(42)  # same initial weights every time I build it
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)
            self.float()

        def forward(self, x):
            x = self.pool(torch.relu(self.conv1(x.float())))
            x = self.pool(torch.relu(self.conv2(x)))
            return self.fc(torch.flatten(x, 1))


    torch.manual_seed(0)
    model = CNN().float()
    print(model(torch.rand(1, 1, 100, 100)))
    '''),
    "q8": d('''
    import torch
    from torch import nn

    torch.manual_seed(0)


    def conv_block(input_channels, output_channels):
        torch.manual_seed(input_channels)
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            torch.manual_seed(1)
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))
    ''')})

case("r12_py_q7_forward_prints_data_ptr_contiguous", answers={"q7": d('''
    import torch
    import torch.nn.functional as F
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            # debugging memory: is anything copied between the layers?
            print("input", x.data_ptr(), x.is_contiguous())
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            x = x.flatten(1)
            print("flat", x.data_ptr(), x.is_contiguous(), "fc weight", self.fc.weight.data_ptr(),
                  self.fc.weight.is_contiguous())
            return self.fc(x)


    m = CNN()
    for name, p in m.named_parameters():
        print(name, tuple(p.shape), p.dtype, p.device, p.data_ptr(), p.is_contiguous())
    ''')})

case("r12_nb_saliency_register_hook_after_answers", answers={"q7": LECTURE_CNN}, extra=[("md", "## Extra: a saliency map"), d('''
    model = CNN()
    img = torch.rand(1, 1, 100, 100, requires_grad=True)
    grads = []
    img.register_hook(lambda g: grads.append(g.detach()))
    score = model(img)
    score.sum().backward()
    saliency = grads[0].abs()[0, 0]
    print(saliency.shape, torch.allclose(saliency, img.grad.abs()[0, 0]))
    ''')])

case("r12_py_saliency_retain_grad", answers={"q7": LECTURE_CNN}, extra=[d('''
    # which pixels and which feature maps matter for the score?
    model = CNN()
    x = torch.rand(1, 1, 100, 100, requires_grad=True)
    h = model.conv1(x)
    h.retain_grad()
    y = F.max_pool2d(F.relu(h), 2)
    y = F.max_pool2d(F.relu(model.conv2(y)), 2)
    out = model.fc(y.flatten(1))
    out.backward()
    print(x.grad.abs().max(), h.grad.abs().mean(dim=(0, 2, 3)))
    ''')])

case("r12_nb_feature_maps_forward_hook_kept", answers={"q7": LECTURE_CNN}, after={"q7": [d('''
    import matplotlib.pyplot as plt

    model = CNN()
    feature_maps = {}


    def save_output(module, inputs, output):
        feature_maps["conv1"] = output.detach()


    model.conv1.register_forward_hook(save_output)
    model(torch.rand(1, 1, 100, 100))
    fig, axes = plt.subplots(1, 3, figsize=(9, 3))
    for c, ax in enumerate(axes):
        ax.imshow(feature_maps["conv1"][0, c], cmap="gray")
        ax.set_title(f"conv1 channel {c}")
    plt.show()
    ''')]})

case("r12_py_clip_grad_norm_after_training_step", answers={"q7": LECTURE_CNN}, extra=[d('''
    model = CNN()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    images = torch.rand(8, 1, 100, 100)
    labels = torch.randint(0, 2, (8, 1)).float()
    for step in range(3):
        optimizer.zero_grad()
        loss = F.binary_cross_entropy_with_logits(model(images), labels)
        loss.backward()
        total = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
        optimizer.step()
        print(step, loss.item(), total.item())
    ''')])

case("r12_nb_inference_mode_and_grad_disabled_at_end", answers={"q7": LECTURE_CNN}, extra=[d('''
    with torch.inference_mode():
        print(CNN()(torch.rand(4, 1, 100, 100)).sigmoid())
    '''), d('''
    # from here on I only evaluate
    torch.set_grad_enabled(False)
    print(ConvNet(1)(torch.rand(1, 1, 128, 128)))
    ''')])

case("r12_py_q8_buffer_and_numpy_init", answers={"q8": d('''
    import numpy as np
    import torch
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.register_buffer("pixel_scale", torch.tensor(1.0))
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(49152, 1)
            init = np.random.default_rng(7).normal(0, 0.01, size=(1, 49152)).astype(np.float32)
            with torch.no_grad():
                self.fc.weight.copy_(torch.from_numpy(init))
                self.fc.bias.fill_(0.0)

        def forward(self, x):
            return self.fc(self.blocks(x * self.pixel_scale).flatten(1))
    ''')})

case("r12_nb_q8_frozen_blocks_then_head", answers={"q8": d('''
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
            return self.fc(self.blocks(x).flatten(1))

        def freeze_blocks(self):
            # fine-tuning: keep the convolutions, train only the head
            self.blocks.requires_grad_(False)
            return self
    ''')}, after={"q8": [d('''
    net = ConvNet(3).freeze_blocks()
    print([n for n, p in net.named_parameters() if p.requires_grad])
    ''')]})

case("r12_py_q7_sequential_hooks_removed_and_summary", answers={"q7": d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(
                nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )

        def forward(self, x):
            return self.net(x)


    # print each layer's output shape once, then remove the hooks
    model = CNN()
    handles = [layer.register_forward_hook(lambda m, i, o: print(type(m).__name__, tuple(o.shape)))
               for layer in model.net]
    model(torch.zeros(1, 1, 100, 100))
    for h in handles:
        h.remove()
    print(nn.utils.parameters_to_vector(model.parameters()).numel())
    ''')})

case("r12_nb_q8_modules_dict_of_block_builders", answers={"q8": d('''
    import torch
    from torch import nn

    ACTIVATIONS = {"relu": nn.ReLU, "tanh": nn.Tanh}


    def conv_block(input_channels, output_channels, activation="relu"):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
                             ACTIVATIONS[activation]())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            widths = [input_channels, 3, 3, 3, 3, 3]
            self.blocks = nn.Sequential(*[conv_block(a, b) for a, b in zip(widths, widths[1:])])
            self.fc = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x):
            return self.fc(torch.flatten(self.blocks(x), 1))
    ''')})


# ---------------------------------------------------------------------------------------------------------
# (c) other ordinary things: an evaluation helper under @torch.no_grad(), model.apply(init), reproducibility
# settings, the best weights kept with copy.deepcopy
# ---------------------------------------------------------------------------------------------------------

case("r12_nb_evaluate_decorated_no_grad_and_apply_init", answers={"q7": LECTURE_CNN}, after={"q7": [d('''
    def init_weights(m):
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)


    @torch.no_grad()
    def evaluate(model, images, labels):
        model.eval()
        predictions = (model(images) > 0).float()
        return (predictions == labels).float().mean().item()


    model = CNN()
    model.apply(init_weights)
    print(evaluate(model, torch.rand(16, 1, 100, 100), torch.randint(0, 2, (16, 1)).float()))
    ''')]})

case("r12_py_set_seed_helper_deterministic", answers={"q1": d('''
    import random

    import numpy as np
    import torch


    def set_seed(seed=0):
        random.seed(seed)
        np.random.seed(seed)
        torch.manual_seed(seed)
        torch.backends.cudnn.deterministic = True
        torch.backends.cudnn.benchmark = False


    set_seed(0)
    torch.use_deterministic_algorithms(True)

    q1_answer = "C"
    ''')})

case("r12_nb_best_weights_deepcopy_after_training", answers={"q7": LECTURE_CNN}, extra=[d('''
    import copy

    model = CNN()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    x, y = torch.rand(8, 1, 100, 100), torch.randint(0, 2, (8, 1)).float()
    best_loss, best_state = float("inf"), None
    for epoch in range(3):
        optimizer.zero_grad()
        loss = F.binary_cross_entropy_with_logits(model(x), y)
        loss.backward()
        optimizer.step()
        if loss.item() < best_loss:
            best_loss, best_state = loss.item(), copy.deepcopy(model.state_dict())
    model.load_state_dict(best_state)
    print(best_loss)
    ''')])


def _stable_ids(path: Path) -> None:
    """Round 8's writer draws cell ids at random: fix them, so that running this generator again rewrites the same
    bytes."""
    nb = nbformat.read(str(path), as_version=4)
    for i, cell in enumerate(nb.cells):
        cell.id = f"r12-{i:03d}"
    nbformat.write(nb, str(path))


def main() -> None:
    for old in HERE.glob("r12_*"):
        old.unlink()
    for name, spec in CASES.items():
        if name.startswith("r12_nb_"):
            write_notebook(name, spec)
            _stable_ids(HERE / f"{name}.ipynb")
        else:
            write_script(name, spec)
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()

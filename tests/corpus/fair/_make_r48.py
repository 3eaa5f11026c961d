"""Round 48 of the fairness corpus: attack rounds 57-59's tightenings met by ordinary code -- stacklevels that are
the caller's spelled in other ways (positional, an annotated or twice-bound constant, ``stacklevel + 1`` in a
logging wrapper, a helper shown with ``help``), ``*args`` / ``**kwargs`` forwarded to a logger or to ``warnings``,
caches and memo dicts in conv2d's helpers, hand-written ``__eq__`` / ``__hash__`` classes conv2d uses, environment
flags set by context managers, tensor subclasses and dispatch-free torch tools (``torch.func``, meta tensors,
``gradcheck``, the profiler), threads and pools a student starts and stops, and class-, closure-, generator- and
decorator-based by-hand convolutions.

    python tests/corpus/fair/_make_r48.py            # rewrites tests/corpus/fair/r48_*
    python tests/corpus/fair/_make_r48.py --out DIR  # writes them to DIR instead
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import _make_r30 as r30  # noqa: E402
import _make_r38 as r38  # noqa: E402
import _make_r41 as r41  # noqa: E402
import _make_r45 as r45  # noqa: E402

d = r30.d
md = r30.md
answers = r30.answers
IMPORTS, SHAPES = r30.IMPORTS, r30.SHAPES
CONV_LOOPS, POOL_LOOPS = r41.CONV_LOOPS, r41.POOL_LOOPS
SELFCHECK_HELPER = r45.SELFCHECK_HELPER.replace('print(len(CALL_LOG), "calls logged:", CALL_LOG[-1])\n', "")
assert "CALL_LOG" not in SELFCHECK_HELPER

CASES: dict[str, list] = {}


def case(name, title, before=(), after=(), imports=IMPORTS, **kw):
    CASES[name] = [md(f"# Lab 6 - CNNs\n{title}"), imports, *before, *answers(**kw), SHAPES, *after]


def script(name, before=(), after=(), imports=IMPORTS, **kw):
    CASES[name] = [imports, *before, *answers(headers=False, **kw), SHAPES, *after]


# A q7 CNN whose forward calls a helper CHECK(x) first (the helper is defined in `before`).
CNN_CHECKED = d('''
    class CNN(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.main = torch.nn.Sequential(
                torch.nn.Conv2d(1, 3, kernel_size=3, padding=1),
                torch.nn.ReLU(),
                torch.nn.MaxPool2d(2),
                torch.nn.Conv2d(3, 2, kernel_size=3, padding=1),
                torch.nn.ReLU(),
                torch.nn.MaxPool2d(2),
                torch.nn.Flatten(),
                torch.nn.Linear(1250, 1),
            )

        def forward(self, x):
            CHECK
            return self.main(x)
    ''')


def cnn(check: str) -> str:
    return CNN_CHECKED.replace("CHECK", check)


# ===============================================================================================================
# 1. stacklevel: the caller's, spelled in ways the reader may not resolve; *args / **kwargs forwarded
# ===============================================================================================================
WARN_HELPER = d('''
    import warnings


    def check_input(x, stacklevel=2):
        """Warn (pointing at the caller) when a batch is not [N, 1, 100, 100]."""
        if x.dim() != 4 or tuple(x.shape[1:]) != (1, 100, 100):
            warnings.warn(f"CNN expects [N, 1, 100, 100], got {tuple(x.shape)}", UserWarning, stacklevel=stacklevel)
    ''')
case("r48_nb_forward_input_check_stacklevel_default_2_control",
     "CNN.forward calls check_input(x), which warns with stacklevel=stacklevel (default 2).",
     before=[WARN_HELPER], q7=cnn("check_input(x)"))
case("r48_nb_forward_input_check_help_shown",
     "As the control, plus `help(check_input)` in a cell to show the docstring.",
     before=[WARN_HELPER, "help(check_input)\n"], q7=cnn("check_input(x)"))
case("r48_nb_forward_input_check_name_printed",
     "As the control; a later cell prints which validator the model uses (`check_input.__name__`).",
     before=[WARN_HELPER], q7=cnn("check_input(x)"),
     after=['print("the model validates its input with", check_input.__name__)\n'])
case("r48_nb_forward_input_check_stacklevel_positional_2",
     "forward calls `check_input(x, 2)`: the stacklevel of 2 given positionally.",
     before=[WARN_HELPER], q7=cnn("check_input(x, 2)"))
case("r48_nb_forward_warn_positional_literal_2",
     "forward warns with `warnings.warn(msg, UserWarning, 2)` (stacklevel as warn's third positional argument).",
     before=["import warnings\n"],
     q7=cnn('if x.dim() != 4:\n            warnings.warn("expected a 4-d batch", UserWarning, 2)'))
STACK_ANN = d('''
    import warnings

    STACKLEVEL: int = 2  # point warnings at the caller's line


    def check_input(x):
        if x.dim() != 4 or tuple(x.shape[1:]) != (1, 100, 100):
            warnings.warn(f"CNN expects [N, 1, 100, 100], got {tuple(x.shape)}", UserWarning, stacklevel=STACKLEVEL)
    ''')
case("r48_nb_forward_input_check_stacklevel_annotated_constant",
     "`STACKLEVEL: int = 2` (an annotated module constant) used by forward's input check.",
     before=[STACK_ANN], q7=cnn("check_input(x)"))
case("r48_nb_forward_input_check_stacklevel_constant_plain_control",
     "`STACKLEVEL = 2` (plain) used by forward's input check.",
     before=[STACK_ANN.replace("STACKLEVEL: int = 2", "STACKLEVEL = 2")], q7=cnn("check_input(x)"))
case("r48_nb_forward_input_check_stacklevel_constant_cell_rerun",
     "`STACKLEVEL = 2` set in the set-up cell and again (same value) in the cell of the helper.",
     before=["STACKLEVEL = 2\n", STACK_ANN.replace("STACKLEVEL: int = 2", "STACKLEVEL = 2")],
     q7=cnn("check_input(x)"))
LOG_WRAPPER_PLUS1 = d('''
    import logging

    log = logging.getLogger("lab6")


    def log_shape(name, x, stacklevel=1):
        """Log a tensor's shape; the record names the line that called log_shape (a wrapper adds one level)."""
        log.debug("%s: %s", name, tuple(x.shape), stacklevel=stacklevel + 1)
    ''')
case("r48_nb_forward_log_shape_wrapper_stacklevel_plus_one",
     "forward calls log_shape('input', x), a logging wrapper passing `stacklevel=stacklevel + 1` (default 1).",
     before=[LOG_WRAPPER_PLUS1], q7=cnn('log_shape("input", x)'))
LOG_FORWARD_ARGS = d('''
    import logging

    log = logging.getLogger("lab6")


    def debug(msg, *args):
        """Shorthand for log.debug, used while writing the models."""
        log.debug(msg, *args)
    ''')
case("r48_nb_forward_debug_helper_star_args",
     "forward calls `debug('input %s', tuple(x.shape))`, a helper forwarding `*args` to log.debug.",
     before=[LOG_FORWARD_ARGS], q7=cnn('debug("input %s", tuple(x.shape))'))
case("r48_nb_forward_debug_helper_star_args_kwargs",
     "As above with `**kwargs` forwarded too (`log.debug(msg, *args, **kwargs)`).",
     before=[LOG_FORWARD_ARGS.replace("def debug(msg, *args):", "def debug(msg, *args, **kwargs):").replace(
         "log.debug(msg, *args)", "log.debug(msg, *args, **kwargs)")],
     q7=cnn('debug("input %s", tuple(x.shape))'))
case("r48_nb_forward_debug_helper_fixed_args_control",
     "Control: `def debug(msg, arg): log.debug(msg, arg)` in forward.",
     before=[LOG_FORWARD_ARGS.replace("def debug(msg, *args):", "def debug(msg, arg):").replace(
         "log.debug(msg, *args)", "log.debug(msg, arg)")],
     q7=cnn('debug("input %s", tuple(x.shape))'))
case("r48_nb_forward_log_star_shape",
     "forward logs `log.debug('input %d x %d x %d x %d', *x.shape)`.",
     before=['import logging\n\nlog = logging.getLogger("lab6")\n'],
     q7=cnn('log.debug("input %d x %d x %d x %d", *x.shape)'))
case("r48_nb_training_log_star_stats_not_reached",
     "A training loop (not reached by the models) logs `log.info('step %d loss %.4f', *stats)`.",
     before=['import logging\n\nlogging.basicConfig(level=logging.INFO)\nlog = logging.getLogger("lab6")\n'],
     after=[d('''
         model = CNN()
         opt = torch.optim.SGD(model.parameters(), lr=0.01)
         for step in range(3):
             x, y = torch.rand(4, 1, 100, 100), torch.rand(4, 1)
             loss = F.mse_loss(model(x), y)
             opt.zero_grad()
             loss.backward()
             opt.step()
             stats = (step, loss.item())
             log.info("step %d loss %.4f", *stats)
         ''')])

# ===============================================================================================================
# 2. caches / memo dicts and hand-written __eq__ / __hash__ in what conv2d uses, with a self-check
# ===============================================================================================================
CONV_MEMO = d('''
    _OUT_SIZES = {}  # (n, k, stride, padding) -> output size, computed once


    def _out_size(n, k, stride, padding):
        key = (n, k, stride, padding)
        if key not in _OUT_SIZES:
            _OUT_SIZES[key] = (n + 2 * padding - k) // stride + 1
        return _OUT_SIZES[key]


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        out_h, out_w = _out_size(h, kh, stride, padding), _out_size(w, kw, stride, padding)
        out = torch.zeros(out_h, out_w, dtype=image.dtype)
        for i in range(out_h):
            for j in range(out_w):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out
    ''')
case("r48_nb_q6_out_size_memo_dict_selfcheck",
     "conv2d's output size memoised in a dict keyed by (n, k, stride, padding); check() against F.conv2d.",
     q6=(CONV_MEMO, POOL_LOOPS, "tensor"), extra6=[SELFCHECK_HELPER])
case("r48_nb_q6_out_size_memo_dict_no_selfcheck_control",
     "The same memo dict, no self-check handing conv2d on.",
     q6=(CONV_MEMO, POOL_LOOPS, "tensor"),
     extra6=["print(conv2d(torch.arange(25.).reshape(5, 5), torch.ones(3, 3), padding=1))\n"])
CONV_LRU = CONV_MEMO.replace(d('''
    _OUT_SIZES = {}  # (n, k, stride, padding) -> output size, computed once


    def _out_size(n, k, stride, padding):
        key = (n, k, stride, padding)
        if key not in _OUT_SIZES:
            _OUT_SIZES[key] = (n + 2 * padding - k) // stride + 1
        return _OUT_SIZES[key]
    '''), d('''
    import functools


    @functools.lru_cache(maxsize=None)
    def _out_size(n, k, stride, padding):
        return (n + 2 * padding - k) // stride + 1
    '''))
case("r48_nb_q6_out_size_lru_cache_selfcheck",
     "conv2d's output size from an `@functools.lru_cache` helper; check() against F.conv2d.",
     q6=(CONV_LRU, POOL_LOOPS, "tensor"), extra6=[SELFCHECK_HELPER])
CONV_MEMO_SETDEFAULT = CONV_MEMO.replace(
    "    key = (n, k, stride, padding)\n    if key not in _OUT_SIZES:\n"
    "        _OUT_SIZES[key] = (n + 2 * padding - k) // stride + 1\n    return _OUT_SIZES[key]\n",
    "    return _OUT_SIZES.setdefault((n, k, stride, padding), (n + 2 * padding - k) // stride + 1)\n")
assert CONV_MEMO_SETDEFAULT != CONV_MEMO
case("r48_nb_q6_out_size_memo_setdefault_selfcheck",
     "The memo written with `dict.setdefault`; check() against F.conv2d.",
     q6=(CONV_MEMO_SETDEFAULT, POOL_LOOPS, "tensor"), extra6=[SELFCHECK_HELPER])
CONV_GEOMETRY_CLASS = d('''
    class Geometry:
        """Sizes of one convolution; equal geometries share their output size."""

        def __init__(self, size, kernel, stride, padding):
            self.size, self.kernel, self.stride, self.padding = tuple(size), tuple(kernel), stride, padding

        def __eq__(self, other):
            return isinstance(other, Geometry) and (self.size, self.kernel, self.stride, self.padding) == (
                other.size, other.kernel, other.stride, other.padding)

        def __hash__(self):
            return hash((self.size, self.kernel, self.stride, self.padding))

        def out_shape(self):
            return tuple((n + 2 * self.padding - k) // self.stride + 1 for n, k in zip(self.size, self.kernel))


    SEEN = set()  # geometries conv2d was called with


    def conv2d(image, kernel, stride=1, padding=0):
        g = Geometry(image.shape, kernel.shape, stride, padding)
        SEEN.add(g)
        h, w = g.size
        kh, kw = g.kernel
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        out_h, out_w = g.out_shape()
        out = torch.zeros(out_h, out_w, dtype=image.dtype)
        for i in range(out_h):
            for j in range(out_w):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out
    ''')
case("r48_nb_q6_geometry_class_eq_hash_seen_set_selfcheck",
     "conv2d builds a Geometry (hand-written __eq__/__hash__) and adds it to a set; check() against F.conv2d.",
     q6=(CONV_GEOMETRY_CLASS, POOL_LOOPS, "tensor"), extra6=[SELFCHECK_HELPER + 'print(len(SEEN), "geometries")\n'])
case("r48_nb_q6_geometry_class_eq_hash_no_set_selfcheck",
     "The same Geometry class used by conv2d, no set; check() against F.conv2d.",
     q6=(CONV_GEOMETRY_CLASS.replace("    SEEN.add(g)\n", "").replace(
         "SEEN = set()  # geometries conv2d was called with\n", ""), POOL_LOOPS, "tensor"),
     extra6=[SELFCHECK_HELPER])
CONV_DATACLASS = d('''
    from dataclasses import dataclass


    @dataclass(frozen=True)
    class ConvConfig:
        stride: int = 1
        padding: int = 0

        def out_size(self, n, k):
            return (n + 2 * self.padding - k) // self.stride + 1


    CONFIGS_USED = set()


    def conv2d(image, kernel, stride=1, padding=0):
        cfg = ConvConfig(stride, padding)
        CONFIGS_USED.add(cfg)
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        out_h, out_w = cfg.out_size(h, kh), cfg.out_size(w, kw)
        out = torch.zeros(out_h, out_w, dtype=image.dtype)
        for i in range(out_h):
            for j in range(out_w):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out
    ''')
case("r48_nb_q6_frozen_dataclass_config_set_selfcheck",
     "conv2d makes a frozen dataclass config and adds it to a set; check() against F.conv2d.",
     q6=(CONV_DATACLASS, POOL_LOOPS, "tensor"), extra6=[SELFCHECK_HELPER])

# ===============================================================================================================
# 3. decorators, classes, closures, generators, exceptions around a by-hand conv2d
# ===============================================================================================================
TIMED = d('''
    import time
    from collections import defaultdict

    TIMINGS = defaultdict(list)


    def timed(fn):
        """Record how long each call of fn takes (seconds) in TIMINGS[fn.__name__]."""
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            result = fn(*args, **kwargs)
            TIMINGS[fn.__name__].append(time.perf_counter() - t0)
            return result
        wrapper.__name__ = fn.__name__
        return wrapper


    ''')
case("r48_nb_q6_timing_decorator_on_conv2d_and_torch_reference",
     "A @timed decorator on conv2d and on a torch reference, to compare their speed.",
     q6=(TIMED + "@timed\n" + CONV_LOOPS, POOL_LOOPS, "tensor"), extra6=[d('''
         @timed
         def torch_conv2d(image, kernel, stride=1, padding=0):
             return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


         x, k = torch.rand(20, 20), torch.rand(3, 3)
         for _ in range(3):
             assert torch.allclose(conv2d(x, k, padding=1), torch_conv2d(x, k, padding=1), atol=1e-5)
         print({name: sum(ts) / len(ts) for name, ts in TIMINGS.items()})
         ''')])
case("r48_nb_q6_timing_decorator_on_conv2d_only_control",
     "The @timed decorator on conv2d only; the reference is called plainly.",
     q6=(TIMED + "@timed\n" + CONV_LOOPS, POOL_LOOPS, "tensor"), extra6=[d('''
         x, k = torch.rand(20, 20), torch.rand(3, 3)
         for _ in range(3):
             assert torch.allclose(conv2d(x, k, padding=1), F.conv2d(x[None, None], k[None, None], padding=1)[0, 0],
                                   atol=1e-5)
         print({name: sum(ts) / len(ts) for name, ts in TIMINGS.items()})
         ''')])
CLASS_CONV = d('''
    class Conv2dByHand:
        """A convolution with fixed stride and padding; call it with an image and a kernel."""

        __slots__ = ("stride", "padding")

        def __init__(self, stride=1, padding=0):
            self.stride, self.padding = stride, padding

        def _windows(self, padded, kh, kw):
            out_h = (padded.shape[0] - kh) // self.stride + 1
            out_w = (padded.shape[1] - kw) // self.stride + 1
            for i in range(out_h):
                for j in range(out_w):
                    yield i, j, padded[i * self.stride:i * self.stride + kh, j * self.stride:j * self.stride + kw]

        def __call__(self, image, kernel):
            p = self.padding
            padded = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
            padded[p:p + image.shape[0], p:p + image.shape[1]] = image
            kh, kw = kernel.shape
            out = torch.zeros((padded.shape[0] - kh) // self.stride + 1, (padded.shape[1] - kw) // self.stride + 1,
                              dtype=image.dtype)
            for i, j, window in self._windows(padded, kh, kw):
                out[i, j] = (window * kernel).sum()
            return out


    def conv2d(image, kernel, stride=1, padding=0):
        return Conv2dByHand(stride, padding)(image, kernel)
    ''')
case("r48_nb_q6_class_with_call_slots_generator_windows",
     "conv2d through a Conv2dByHand class (__slots__, __call__, a generator of windows).",
     q6=(CLASS_CONV, POOL_LOOPS, "tensor"), extra6=[SELFCHECK_HELPER])
CALLABLE_INSTANCE = d('''
    class ConvByHand:
        def __call__(self, image, kernel, stride=1, padding=0):
            h, w = image.shape
            kh, kw = kernel.shape
            padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
            padded[padding:padding + h, padding:padding + w] = image
            out_h = (h + 2 * padding - kh) // stride + 1
            out_w = (w + 2 * padding - kw) // stride + 1
            out = torch.zeros(out_h, out_w, dtype=image.dtype)
            for i in range(out_h):
                for j in range(out_w):
                    out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
            return out


    class MaxPoolByHand:
        def __call__(self, image, kernel_size=2):
            h, w = image.shape
            out = torch.zeros(h // kernel_size, w // kernel_size, dtype=image.dtype)
            for i in range(h // kernel_size):
                for j in range(w // kernel_size):
                    out[i, j] = image[i * kernel_size:(i + 1) * kernel_size,
                                      j * kernel_size:(j + 1) * kernel_size].max()
            return out


    conv2d = ConvByHand()
    max_pool2d = MaxPoolByHand()
    ''')
case("r48_nb_q6_callable_instances_bound_to_names",
     "conv2d and max_pool2d are instances of classes with __call__.",
     q6=(CALLABLE_INSTANCE, "", "tensor"))
CLOSURE = d('''
    def make_conv(stride=1, padding=0):
        """A convolution with this stride and padding (a closure)."""
        def conv(image, kernel):
            h, w = image.shape
            kh, kw = kernel.shape
            padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
            padded[padding:padding + h, padding:padding + w] = image
            out_h = (h + 2 * padding - kh) // stride + 1
            out_w = (w + 2 * padding - kw) // stride + 1
            return torch.stack([(padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
                                for i in range(out_h) for j in range(out_w)]).reshape(out_h, out_w)
        return conv


    def conv2d(image, kernel, stride=1, padding=0):
        return make_conv(stride, padding)(image, kernel)
    ''')
case("r48_nb_q6_closure_factory_make_conv",
     "conv2d through a make_conv(stride, padding) closure factory.",
     q6=(CLOSURE, POOL_LOOPS, "tensor"), extra6=[SELFCHECK_HELPER])
EXC = d('''
    class ShapeError(ValueError):
        """Raised when conv2d is given something that is not a 2-d image and a 2-d kernel."""

        def __init__(self, image, kernel):
            super().__init__(f"conv2d wants 2-d tensors, got {tuple(image.shape)} and {tuple(kernel.shape)}")
            self.image_shape, self.kernel_shape = tuple(image.shape), tuple(kernel.shape)


    ''') + CONV_LOOPS.replace("    h, w = image.shape\n", "    if image.dim() != 2 or kernel.dim() != 2:\n"
                               "        raise ShapeError(image, kernel)\n    h, w = image.shape\n", 1)
case("r48_nb_q6_custom_value_error_caught_in_selfcheck",
     "conv2d raises a ShapeError(ValueError) carrying the shapes; a self-check catches it and compares with F.conv2d.",
     q6=(EXC, POOL_LOOPS, "tensor"), extra6=[d('''
         def self_check():
             x, k = torch.rand(6, 6), torch.rand(3, 3)
             try:
                 conv2d(torch.rand(1, 6, 6), k)
             except ShapeError as e:
                 print("refused as expected:", e, e.image_shape)
             ref = F.conv2d(x[None, None], k[None, None], padding=1)[0, 0]
             return torch.allclose(conv2d(x, k, padding=1), ref, atol=1e-5)


         print(self_check())
         ''')])

# ===============================================================================================================
# 4. torch tools around a by-hand conv2d: torch.func, meta tensors, gradcheck, no_grad/inference_mode, profiler
# ===============================================================================================================
CONV_STACK = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        padded = F.pad(image, (padding, padding, padding, padding))
        kh, kw = kernel.shape
        out_h = (padded.shape[0] - kh) // stride + 1
        out_w = (padded.shape[1] - kw) // stride + 1
        rows = [torch.stack([(padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
                             for j in range(out_w)]) for i in range(out_h)]
        return torch.stack(rows)
    ''')
case("r48_nb_q6_vmap_over_batch_selfcheck",
     "conv2d written with torch.stack; a self-check maps it over a batch with torch.func.vmap.",
     q6=(CONV_STACK, POOL_LOOPS, "tensor"), extra6=[d('''
         from torch.func import vmap

         batch, k = torch.rand(4, 8, 8), torch.rand(3, 3)
         mine = vmap(lambda img: conv2d(img, k, padding=1))(batch)
         ref = F.conv2d(batch[:, None], k[None, None], padding=1)[:, 0]
         print(mine.shape, torch.allclose(mine, ref, atol=1e-5))
         ''')])
case("r48_nb_q6_gradcheck_of_conv2d",
     "torch.autograd.gradcheck of the by-hand conv2d in double precision.",
     q6=(CONV_STACK, POOL_LOOPS, "tensor"), extra6=[d('''
         from torch.autograd import gradcheck

         x = torch.rand(5, 5, dtype=torch.double, requires_grad=True)
         k = torch.rand(3, 3, dtype=torch.double, requires_grad=True)
         print("gradcheck:", gradcheck(lambda a, b: conv2d(a, b, stride=2, padding=1), (x, k)))
         ''')])
CONV_DEVICE = CONV_LOOPS.replace("dtype=image.dtype)", "dtype=image.dtype, device=image.device)")
case("r48_nb_q6_meta_device_shape_check",
     "conv2d allocates on the image's device; its output shapes are checked on the meta device first.",
     q6=(CONV_DEVICE, POOL_LOOPS.replace("dtype=image.dtype)", "dtype=image.dtype, device=image.device)"), "tensor"),
     extra6=[d('''
         meta = torch.device("meta")
         for size, stride, padding in [(7, 1, 0), (8, 2, 1), (9, 3, 2)]:
             got = conv2d(torch.empty(size, size, device=meta), torch.empty(3, 3, device=meta), stride, padding)
             want = F.conv2d(torch.empty(1, 1, size, size, device=meta), torch.empty(1, 1, 3, 3, device=meta),
                             stride=stride, padding=padding)
             assert got.shape == want.shape[2:], (got.shape, want.shape)
         print("shapes ok")
         ''')])
case("r48_nb_q6_no_grad_decorator_on_conv2d",
     "conv2d and max_pool2d decorated with @torch.no_grad().",
     q6=("@torch.no_grad()\n" + CONV_LOOPS, "@torch.no_grad()\n" + POOL_LOOPS, "tensor"), extra6=[SELFCHECK_HELPER])
case("r48_nb_q6_inference_mode_decorator_on_conv2d",
     "conv2d decorated with @torch.inference_mode().",
     q6=("@torch.inference_mode()\n" + CONV_LOOPS, POOL_LOOPS, "tensor"), extra6=[SELFCHECK_HELPER])
case("r48_nb_q6_profiler_record_function_around_selfcheck",
     "torch.profiler.profile around conv2d and F.conv2d in a self-check, then a table of the slowest ops.",
     q6=(CONV_LOOPS, POOL_LOOPS, "tensor"), extra6=[d('''
         from torch.profiler import ProfilerActivity, profile, record_function

         x, k = torch.rand(16, 16), torch.rand(3, 3)
         with profile(activities=[ProfilerActivity.CPU]) as prof:
             with record_function("mine"):
                 conv2d(x, k, padding=1)
             with record_function("torch"):
                 F.conv2d(x[None, None], k[None, None], padding=1)
         print(prof.key_averages().table(sort_by="cpu_time_total", row_limit=5))
         ''')])
case("r48_nb_q6_numpy_sliding_window_view_back_to_tensor",
     "conv2d in numpy (sliding_window_view + einsum), converted back to a tensor; np.seterr at the top.",
     before=['np.seterr(all="raise")\ntorch.set_printoptions(precision=3, sci_mode=False)\n'],
     q6=(d('''
         from numpy.lib.stride_tricks import sliding_window_view


         def conv2d(image, kernel, stride=1, padding=0):
             a = np.pad(image.detach().cpu().numpy(), padding)
             windows = sliding_window_view(a, tuple(kernel.shape))[::stride, ::stride]
             out = np.einsum("ijkl,kl->ij", windows, kernel.detach().cpu().numpy())
             return torch.from_numpy(np.ascontiguousarray(out)).to(image.dtype)
         '''), POOL_LOOPS, "tensor"), extra6=[SELFCHECK_HELPER])
case("r48_nb_q6_itertools_product_operator_mul",
     "conv2d sums over itertools.product of taps with operator.mul.",
     q6=(d('''
         import itertools
         import operator


         def conv2d(image, kernel, stride=1, padding=0):
             padded = F.pad(image, (padding,) * 4)
             kh, kw = kernel.shape
             out_h = (padded.shape[0] - kh) // stride + 1
             out_w = (padded.shape[1] - kw) // stride + 1
             out = torch.zeros(out_h, out_w, dtype=image.dtype)
             for a, b in itertools.product(range(kh), range(kw)):
                 part = padded[a:a + stride * (out_h - 1) + 1:stride, b:b + stride * (out_w - 1) + 1:stride]
                 out += operator.mul(part, kernel[a, b])
             return out
         '''), POOL_LOOPS, "tensor"), extra6=[SELFCHECK_HELPER])

# ===============================================================================================================
# 5. environment flags, warnings and logging configuration
# ===============================================================================================================
CONV_ENV = r45.CONV_LOG.replace("CALL_LOG = []  # (image shape, kernel shape, stride, padding) of every call, "
                                "for debugging\n", "import os\n").replace(
    "    CALL_LOG.append((tuple(image.shape), tuple(kernel.shape), stride, padding))\n",
    '    if os.environ.get("CONV_DEBUG") == "1":\n        print("conv2d", tuple(image.shape), tuple(kernel.shape))\n')
ENV_CM = d('''
    import contextlib


    @contextlib.contextmanager
    def env_flag(name, value):
        """Set an environment variable for the duration of a with block."""
        old = os.environ.get(name)
        os.environ[name] = value
        try:
            yield
        finally:
            if old is None:
                del os.environ[name]
            else:
                os.environ[name] = old


    def check_with_debug(flag):
        x, k = torch.rand(5, 5), torch.rand(3, 3)
        with env_flag("CONV_DEBUG", flag):
            return torch.allclose(conv2d(x, k, padding=1), F.conv2d(x[None, None], k[None, None], padding=1)[0, 0],
                                  atol=1e-5)


    print(list(map(check_with_debug, ["1", "0"])))
    ''')
case("r48_nb_q6_env_flag_contextmanager_del_restore_map",
     "conv2d prints when CONV_DEBUG=1; a contextmanager sets and restores (del) the variable; checks via map.",
     q6=(CONV_ENV, POOL_LOOPS, "tensor"), extra6=[ENV_CM])
case("r48_nb_q6_env_flag_contextmanager_pop_restore_map",
     "The same with `os.environ.pop(name, None)` to restore.",
     q6=(CONV_ENV, POOL_LOOPS, "tensor"), extra6=[ENV_CM.replace(
         "            if old is None:\n                del os.environ[name]\n",
         "            if old is None:\n                os.environ.pop(name, None)\n")])
case("r48_nb_q6_env_flag_contextmanager_loop_control",
     "The same contextmanager; the checks in a plain for loop (no map).",
     q6=(CONV_ENV, POOL_LOOPS, "tensor"), extra6=[ENV_CM.replace(
         'print(list(map(check_with_debug, ["1", "0"])))', 'print([check_with_debug(f) for f in ["1", "0"]])')])
CONV_WARN2 = CONV_LOOPS.replace("    h, w = image.shape\n", d('''
        if kernel.shape[0] != kernel.shape[1]:
            warnings.warn(f"non-square kernel {tuple(kernel.shape)}", UserWarning, stacklevel=2)
        h, w = image.shape
    ''').replace("\n", "\n    ").replace("if", "    if", 1).rstrip(" "), 1)
case("r48_nb_q6_catch_warnings_record_test_of_kernel_warning",
     "conv2d warns on a non-square kernel (stacklevel=2); a test records it with catch_warnings(record=True).",
     q6=("import warnings\n\n\n" + CONV_WARN2, POOL_LOOPS, "tensor"), extra6=[d('''
         with warnings.catch_warnings(record=True) as caught:
             warnings.simplefilter("always")
             out = conv2d(torch.rand(6, 6), torch.rand(2, 3))
         assert len(caught) == 1 and issubclass(caught[0].category, UserWarning), caught
         assert "non-square" in str(caught[0].message)
         print(out.shape, "warned:", caught[0].message)
         ''')])
case("r48_nb_logging_capture_warnings_kernel_warning",
     "logging.captureWarnings(True) so conv2d's kernel warning goes to the log.",
     before=[d('''
         import logging

         logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
         logging.captureWarnings(True)
         ''')],
     q6=("import warnings\n\n\n" + CONV_WARN2, POOL_LOOPS, "tensor"),
     extra6=["print(conv2d(torch.rand(6, 6), torch.rand(2, 3)).shape)\n"])
DICTCONFIG = d('''
    import logging
    import logging.config

    logging.config.dictConfig({
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"short": {"format": "%(levelname)s %(name)s: %(message)s"}},
        "filters": {"lab_only": {"name": "lab6"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "short", "filters": ["lab_only"],
                                 "stream": "ext://sys.stdout"}},
        "loggers": {"lab6": {"level": "DEBUG", "handlers": ["console"], "propagate": False}},
    })
    log = logging.getLogger("lab6")
    ''')
CONV_LOGGED = CONV_LOOPS.replace("    return out\n",
                                 '    log.debug("conv2d %s -> %s", tuple(image.shape), tuple(out.shape))\n'
                                 "    return out\n")
assert CONV_LOGGED != CONV_LOOPS
case("r48_nb_logging_dictconfig_conv2d_debug_selfcheck_logged",
     "logging configured with dictConfig (formatter, name filter, handler); conv2d logs; the self-check logs F.conv2d.",
     before=[DICTCONFIG], q6=(CONV_LOGGED, POOL_LOOPS, "tensor"), extra6=[d('''
         x, k = torch.rand(6, 6), torch.rand(3, 3)
         log.info("mine:  %s", conv2d(x, k, padding=1).sum().item())
         log.info("torch: %s", F.conv2d(x[None, None], k[None, None], padding=1).sum().item())
         ''')])
case("r48_nb_env_debug_read_module_level_flag",
     "`DEBUG = os.environ.get('DEBUG') == '1'` at the top; conv2d prints shapes when DEBUG.",
     before=['import os\n\nDEBUG = os.environ.get("DEBUG") == "1"\n'],
     q6=(CONV_LOOPS.replace("    return out\n", "    if DEBUG:\n        print(tuple(out.shape))\n"
                            "    return out\n"), POOL_LOOPS, "tensor"), extra6=[SELFCHECK_HELPER])

# ===============================================================================================================
# 6. threads, pools, DataLoader, torch.func.functional_call, operator.attrgetter, torch.compile guard
# ===============================================================================================================
TRAIN = d('''
    def train_steps(model, steps=3, lr=0.01):
        opt = torch.optim.SGD(model.parameters(), lr=lr)
        for _ in range(steps):
            x, y = torch.rand(4, 1, 100, 100), torch.rand(4, 1)
            loss = F.mse_loss(model(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
        return loss.item()
    ''')
case("r48_nb_progress_spinner_thread_joined",
     "A spinner thread prints dots while a short training runs; stopped with an Event and joined.",
     after=[TRAIN, d('''
         import threading
         import time


         def spinner(stop):
             while not stop.is_set():
                 print(".", end="", flush=True)
                 time.sleep(0.05)


         stop = threading.Event()
         t = threading.Thread(target=spinner, args=(stop,), daemon=True)
         t.start()
         try:
             print(train_steps(CNN()))
         finally:
             stop.set()
             t.join()
         ''')])
case("r48_nb_q6_selfchecks_in_threadpool_submit_shutdown",
     "Self-checks submitted to a ThreadPoolExecutor (submit(conv2d, ...)), then shutdown(wait=True).",
     q6=(CONV_LOOPS, POOL_LOOPS, "tensor"), extra6=[d('''
         from concurrent.futures import ThreadPoolExecutor

         x, k = torch.rand(9, 9), torch.rand(3, 3)
         pool = ThreadPoolExecutor(max_workers=2)
         futures = [pool.submit(conv2d, x, k, s, p) for s, p in [(1, 0), (2, 1)]]
         pool.shutdown(wait=True)
         for (s, p), fut in zip([(1, 0), (2, 1)], futures):
             ref = F.conv2d(x[None, None], k[None, None], stride=s, padding=p)[0, 0]
             print(s, p, torch.allclose(fut.result(), ref, atol=1e-5))
         ''')])
case("r48_nb_dataloader_num_workers_0_training",
     "A TensorDataset + DataLoader(num_workers=0) training of the CNN.",
     after=[d('''
         from torch.utils.data import DataLoader, TensorDataset

         data = TensorDataset(torch.rand(16, 1, 100, 100), torch.rand(16, 1))
         loader = DataLoader(data, batch_size=4, shuffle=True, num_workers=0)
         model = CNN()
         opt = torch.optim.Adam(model.parameters(), lr=1e-3)
         for xb, yb in loader:
             loss = F.mse_loss(model(xb), yb)
             opt.zero_grad()
             loss.backward()
             opt.step()
         print(loss.item())
         ''')])
case("r48_nb_functional_call_q7_check",
     "q7 checked with torch.func.functional_call and a dict of zero weights.",
     extra7=[d('''
         from torch.func import functional_call

         model = CNN()
         zeros = {name: torch.zeros_like(p) for name, p in model.named_parameters()}
         print(functional_call(model, zeros, (torch.rand(2, 1, 100, 100),)))
         ''')])
case("r48_nb_sweep_results_sorted_attrgetter",
     "A learning-rate sweep's results (dataclasses) sorted with operator.attrgetter('loss').",
     after=[TRAIN, d('''
         import operator
         from dataclasses import dataclass


         @dataclass
         class Result:
             lr: float
             loss: float


         results = []
         for lr in (0.1, 0.01):
             torch.manual_seed(0)
             results.append(Result(lr, train_steps(CNN(), steps=2, lr=lr)))
         print(sorted(results, key=operator.attrgetter("loss"))[0])
         ''')])
case("r48_nb_sweep_results_sorted_lambda_control",
     "The same sweep sorted with `key=lambda r: r.loss`.",
     after=[TRAIN, d('''
         from dataclasses import dataclass


         @dataclass
         class Result:
             lr: float
             loss: float


         results = []
         for lr in (0.1, 0.01):
             torch.manual_seed(0)
             results.append(Result(lr, train_steps(CNN(), steps=2, lr=lr)))
         print(sorted(results, key=lambda r: r.loss)[0])
         ''')])
case("r48_nb_compile_off_flag_guard",
     "`USE_COMPILE = False`; `model = torch.compile(model) if USE_COMPILE else model` before training.",
     after=[TRAIN, d('''
         USE_COMPILE = False  # torch.compile is slow to start on the lab machines
         model = CNN()
         model = torch.compile(model) if USE_COMPILE else model
         print(train_steps(model))
         ''')])
case("r48_nb_parameter_registered_kernel_module_demo",
     "A small nn.Module holding a kernel as nn.Parameter applies the by-hand conv2d (a demo, not q6's answer).",
     q6=(CONV_STACK, POOL_LOOPS, "tensor"), extra6=[d('''
         class HandConv(nn.Module):
             def __init__(self, kernel):
                 super().__init__()
                 self.kernel = nn.Parameter(kernel.clone())

             def forward(self, image):
                 return conv2d(image, self.kernel, padding=1)


         layer = HandConv(torch.rand(3, 3))
         out = layer(torch.rand(6, 6))
         out.sum().backward()
         print(out.shape, layer.kernel.grad.shape)
         ''')])
script("r48_py_forward_debug_helper_star_args_main_guard",
       before=[LOG_FORWARD_ARGS], q7=cnn('debug("input %s", tuple(x.shape))'),
       after=['if __name__ == "__main__":\n    logging.basicConfig(level=logging.DEBUG)\n'
              '    print(CNN()(torch.rand(1, 1, 100, 100)))\n'])



# ===============================================================================================================
# 7. isolation of what the first batch found (second batch)
# ===============================================================================================================
case("r48_nb_q6_gradcheck_full_path_call",
     "torch.autograd.gradcheck of conv2d, called by its full name (no `from torch.autograd import gradcheck`).",
     q6=(CONV_STACK, POOL_LOOPS, "tensor"), extra6=[d('''
         x = torch.rand(5, 5, dtype=torch.double, requires_grad=True)
         k = torch.rand(3, 3, dtype=torch.double, requires_grad=True)
         print("gradcheck:", torch.autograd.gradcheck(lambda a, b: conv2d(a, b, stride=2, padding=1), (x, k)))
         ''')])
case("r48_nb_q6_env_flag_contextmanager_constant_name_map",
     "The env-flag contextmanager with the variable's name a constant (`os.environ[\"CONV_DEBUG\"]`); checks via map.",
     q6=(CONV_ENV, POOL_LOOPS, "tensor"), extra6=[ENV_CM.replace("def env_flag(name, value):", "def debug_flag(value):")
                                               .replace("os.environ.get(name)", 'os.environ.get("CONV_DEBUG")')
                                               .replace("os.environ[name]", 'os.environ["CONV_DEBUG"]')
                                               .replace('env_flag("CONV_DEBUG", flag)', "debug_flag(flag)")])
case("r48_nb_logging_dictconfig_conv2d_silent_selfcheck_printed",
     "The same dictConfig; conv2d does not log and the self-check prints.",
     before=[DICTCONFIG], q6=(CONV_LOOPS, POOL_LOOPS, "tensor"), extra6=[d('''
         x, k = torch.rand(6, 6), torch.rand(3, 3)
         log.info("configured")
         print(torch.allclose(conv2d(x, k, padding=1), F.conv2d(x[None, None], k[None, None], padding=1)[0, 0]))
         ''')])
case("r48_nb_q6_out_size_memo_setdefault_no_selfcheck_control",
     "The setdefault memo, no self-check handing conv2d on.",
     q6=(CONV_MEMO_SETDEFAULT, POOL_LOOPS, "tensor"),
     extra6=["print(conv2d(torch.arange(25.).reshape(5, 5), torch.ones(3, 3), padding=1))\n"])
case("r48_nb_forward_input_check_stacklevel_keyword_2_call",
     "forward calls `check_input(x, stacklevel=2)` (by keyword).",
     before=[WARN_HELPER], q7=cnn("check_input(x, stacklevel=2)"))
case("r48_nb_forward_log_shape_wrapper_stacklevel_2_literal_control",
     "forward calls log_shape('input', x), a logging wrapper passing `stacklevel=2`.",
     before=[LOG_WRAPPER_PLUS1.replace("def log_shape(name, x, stacklevel=1):", "def log_shape(name, x):").replace(
         "stacklevel=stacklevel + 1", "stacklevel=2")], q7=cnn('log_shape("input", x)'))


def main() -> None:
    out_dir = HERE
    if "--out" in sys.argv:
        out_dir = Path(sys.argv[sys.argv.index("--out") + 1])
        out_dir.mkdir(parents=True, exist_ok=True)
    for name, cells in CASES.items():
        r38.write(out_dir, name, cells)
    print(len(CASES), "files")


if __name__ == "__main__":
    main()

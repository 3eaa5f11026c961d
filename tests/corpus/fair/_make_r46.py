"""Round 46 of the fairness corpus: the reader's rules of attack round 58 met by ordinary code -- ``stacklevel=``
in warnings / logging helpers, call logs in conv2d beside classes of the student's with ``__eq__`` / ``__add__``,
library settings set from a helper's parameter, logging filter / adapter / formatter classes, torch's dispatch
modes and profilers around self-checks, and unseeded randomness.

    python tests/corpus/fair/_make_r46.py            # rewrites tests/corpus/fair/r46_*
    python tests/corpus/fair/_make_r46.py --out DIR  # writes them to DIR instead
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
CONV_LOG, SELFCHECK_HELPER = r45.CONV_LOG, r45.SELFCHECK_HELPER

CASES: dict[str, list] = {}


def case(name, title, before=(), after=(), imports=IMPORTS, **kw):
    CASES[name] = [md(f"# Lab 6 - CNNs\n{title}"), imports, *before, *answers(**kw), SHAPES, *after]


def script(name, before=(), after=(), imports=IMPORTS, **kw):
    CASES[name] = [imports, *before, *answers(headers=False, **kw), SHAPES, *after]


# ===============================================================================================================
# 1. stacklevel= in warnings / logging helpers
# ===============================================================================================================
CHECK_KERNEL = d('''
    import warnings


    def _check_kernel(kernel, stacklevel=STACKLEVEL):
        """Warn (pointing at the caller of conv2d) when the kernel is not square."""
        if kernel.shape[0] != kernel.shape[1]:
            warnings.warn(f"non-square kernel {tuple(kernel.shape)}", UserWarning, stacklevel=stacklevel)


    def conv2d(image, kernel, stride=1, padding=0):
        _check_kernel(kernel)
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
    ''')
case("r46_nb_q6_kernel_check_warns_stacklevel_3",
     "conv2d's kernel check warns with stacklevel=3 (the warning points at the line that called conv2d).",
     q6=(CHECK_KERNEL.replace("stacklevel=STACKLEVEL", "stacklevel=3"), POOL_LOOPS, "tensor"))
case("r46_nb_q6_kernel_check_stacklevel_param_default_2",
     "conv2d's kernel check warns with stacklevel=stacklevel, a parameter defaulting to 2.",
     q6=(CHECK_KERNEL.replace("stacklevel=STACKLEVEL", "stacklevel=2"), POOL_LOOPS, "tensor"))

DEPRECATED_SHIM = d('''
    import functools
    import warnings


    def deprecated(new_name):
        """Mark an old helper name as deprecated; the warning points at the user's line."""
        def wrap(fn):
            @functools.wraps(fn)
            def inner(*args, **kwargs):
                warnings.warn(f"{fn.__name__} is deprecated, use {new_name}", DeprecationWarning, stacklevel=2)
                return fn(*args, **kwargs)
            return inner
        return wrap
    ''')
OLD_NAMES = d('''
    @deprecated("conv2d")
    def my_conv(image, kernel):
        return conv2d(image, kernel)


    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        my_conv(torch.ones(4, 4), torch.ones(2, 2))
    print([str(w.message) for w in caught])
    ''')
case("r46_nb_deprecation_shim_for_old_helper_name",
     "An old helper name kept behind a @deprecated decorator (stacklevel=2, as the warnings docs show).",
     before=[DEPRECATED_SHIM], q6=(CONV_LOOPS, POOL_LOOPS, "tensor"), extra6=[OLD_NAMES])

VALIDATE = d('''
    import warnings


    def warn_user(message, depth=1):
        """Warn about the caller's caller's line (`depth` frames above the function that called this helper)."""
        warnings.warn(message, RuntimeWarning, stacklevel=depth + 2)


    def check_batch(x, channels):
        if x.dim() != 4:
            raise ValueError(f"expected a batch of images (N, C, H, W), got {tuple(x.shape)}")
        if x.shape[1] != channels:
            warn_user(f"expected {channels} channel(s), got {x.shape[1]}")
        if x.max() > 1:
            warn_user("inputs look unnormalised (max > 1)")
        return x
    ''')
VALIDATE_USE = d('''
    batch = check_batch(torch.rand(4, 1, 100, 100), channels=1)
    print(CNN()(batch).shape)
    batch3 = check_batch(torch.rand(2, 3, 128, 128), channels=3)
    print(ConvNet(3)(batch3).shape)
    ''')
case("r46_nb_input_validation_helper_stacklevel_depth",
     "An input-validation helper for the models' batches; its warnings use stacklevel=depth + 2.",
     before=[VALIDATE], after=[VALIDATE_USE])
case("r46_nb_input_validation_helper_stacklevel_3_const",
     "An input-validation helper for the models' batches; its warnings use stacklevel=3.",
     before=[VALIDATE.replace("def warn_user(message, depth=1):", "def warn_user(message):").replace(
         "stacklevel=depth + 2", "stacklevel=3").replace("(`depth` frames above the function that called this helper)",
                                                         "")], after=[VALIDATE_USE])

LOG_HELPER = d('''
    import logging

    logging.basicConfig(level=logging.INFO, format="%(filename)s:%(lineno)d %(message)s")
    log = logging.getLogger("lab6")


    def log_shape(name, tensor):
        """Log a tensor's shape, attributed to the line that called log_shape (not this helper)."""
        log.info("%s: %s", name, tuple(tensor.shape), stacklevel=STACK)
    ''')
LOG_USE = d('''
    x = torch.rand(2, 1, 100, 100)
    log_shape("input", x)
    log_shape("CNN output", CNN()(x))
    log_shape("ConvNet output", ConvNet(3)(torch.rand(2, 3, 128, 128)))
    ''')
case("r46_nb_log_shape_helper_stacklevel_2_control",
     "A log_shape helper with stacklevel=2 (the logging docs' recipe for a helper).",
     before=[LOG_HELPER.replace("STACK", "2")], after=[LOG_USE])
case("r46_nb_log_shape_helper_stacklevel_parameter",
     "A log_shape helper whose stacklevel is a parameter (default 2).",
     before=[LOG_HELPER.replace("def log_shape(name, tensor):", "def log_shape(name, tensor, stacklevel=2):").replace(
         "stacklevel=STACK", "stacklevel=stacklevel")], after=[LOG_USE])
script("r46_py_warn_once_helper_stacklevel_3_main_guard",
       before=[d('''
           import warnings

           _WARNED = set()


           def warn_once(message):
               """warnings.warn, once per message, pointing at the caller of the function that called this."""
               if message not in _WARNED:
                   _WARNED.add(message)
                   warnings.warn(message, stacklevel=3)


           def load_images(n, size=100):
               if size != 100:
                   warn_once(f"resizing to {size}")
               return torch.rand(n, 1, size, size)
           ''')],
       after=["if __name__ == \"__main__\":\n    print(CNN()(load_images(3)).shape)\n"])

# ===============================================================================================================
# 2. conv2d's call log beside a class of the student's with __eq__ / __add__ / __hash__
# ===============================================================================================================
SHAPE_CLASS = d('''
    class Shape:
        """(channels, height, width) of a feature map, compared by value."""

        def __init__(self, c, h, w):
            self.c, self.h, self.w = c, h, w

        def __eq__(self, other):
            return isinstance(other, Shape) and (self.c, self.h, self.w) == (other.c, other.h, other.w)

        def __hash__(self):
            return hash((self.c, self.h, self.w))

        def __repr__(self):
            return f"Shape({self.c}, {self.h}, {self.w})"


    expected = [Shape(3, 100, 100), Shape(3, 50, 50), Shape(2, 50, 50), Shape(2, 25, 25)]
    assert expected == [Shape(*s) for s in q3_shapes]
    print("q3 shapes agree:", expected)
    ''')
METER = d('''
    class Meter:
        """A running mean that can be merged with `+`."""

        def __init__(self, total=0.0, count=0):
            self.total, self.count = total, count

        def __add__(self, other):
            return Meter(self.total + other.total, self.count + other.count)

        def update(self, value, n=1):
            self.total += value * n
            self.count += n

        @property
        def mean(self):
            return self.total / max(self.count, 1)


    def train(model, steps=3):
        opt = torch.optim.SGD(model.parameters(), lr=0.01)
        meter = Meter()
        for _ in range(steps):
            x, y = torch.rand(4, 1, 100, 100), torch.rand(4, 1)
            opt.zero_grad()
            loss = F.mse_loss(model(x), y)
            loss.backward()
            opt.step()
            meter.update(loss.item(), len(x))
        return meter


    total = train(CNN()) + train(CNN())
    print(f"mean loss over two runs: {total.mean:.4f}")
    ''')
CONV_SIZES_SET = d('''
    SEEN_SIZES = set()  # every (image shape, kernel shape) conv2d was asked for


    def conv2d(image, kernel, stride=1, padding=0):
        SEEN_SIZES.add((tuple(image.shape), tuple(kernel.shape)))
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
    ''')
CONV_LAST_DICT = r45.CONV_SHAPES_DICT
CHECK_END = SELFCHECK_HELPER.replace('print(len(CALL_LOG), "calls logged:", CALL_LOG[-1])\n', "")
case("r46_nb_q6_call_log_list_shape_class_eq_selfcheck",
     "conv2d appends to a call log; a Shape class with __eq__/__hash__ checks q3; a check() helper vs F.conv2d.",
     q6=(CONV_LOG, POOL_LOOPS, "tensor"), extra6=[SELFCHECK_HELPER], extra7=[SHAPE_CLASS])
case("r46_nb_q6_seen_sizes_set_shape_class_eq_selfcheck",
     "conv2d adds (shape, kernel shape) to a set; a Shape class with __eq__/__hash__; check() vs F.conv2d.",
     q6=(CONV_SIZES_SET, POOL_LOOPS, "tensor"), extra6=[CHECK_END + "print(sorted(SEEN_SIZES))\n"],
     extra7=[SHAPE_CLASS])
case("r46_nb_q6_seen_sizes_set_no_dunder_class_control",
     "conv2d adds (shape, kernel shape) to a set; no class with dunders; check() vs F.conv2d.",
     q6=(CONV_SIZES_SET, POOL_LOOPS, "tensor"), extra6=[CHECK_END + "print(sorted(SEEN_SIZES))\n"])
case("r46_nb_q6_last_shapes_dict_meter_add_selfcheck",
     "conv2d records its last shapes in a dict; a Meter class with __add__ merges training runs; check() vs F.conv2d.",
     q6=(CONV_LAST_DICT, POOL_LOOPS, "tensor"), extra6=[CHECK_END + "print(LAST_SHAPES)\n"], extra8=[METER])
case("r46_nb_q6_call_log_list_meter_add_selfcheck",
     "conv2d appends to a call log; a Meter class with __add__; check() vs F.conv2d.",
     q6=(CONV_LOG, POOL_LOOPS, "tensor"), extra6=[SELFCHECK_HELPER], extra8=[METER])
CONV_COUNTER = d('''
    from collections import Counter

    CALLS = Counter()  # how often each kernel shape was used


    def conv2d(image, kernel, stride=1, padding=0):
        CALLS.update([tuple(kernel.shape)])
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
    ''')
case("r46_nb_q6_counter_update_vector_class_selfcheck",
     "conv2d counts kernel shapes in a Counter; a hand-written Vector2 class with __add__/__eq__; check() vs F.conv2d.",
     q6=(CONV_COUNTER, POOL_LOOPS, "tensor"), extra6=[CHECK_END + "print(CALLS)\n"],
     before=[d('''
         class Vector2:
             """A 2-d vector for the stride / padding sketches."""

             def __init__(self, x, y):
                 self.x, self.y = x, y

             def __add__(self, other):
                 return Vector2(self.x + other.x, self.y + other.y)

             def __eq__(self, other):
                 return (self.x, self.y) == (other.x, other.y)

             def __repr__(self):
                 return f"Vector2({self.x}, {self.y})"


         print(Vector2(1, 2) + Vector2(2, 1) == Vector2(3, 3))
         ''')])

# ===============================================================================================================
# 3. library settings set from a helper's parameter, the helper handed to map / sorted / a pool
# ===============================================================================================================
TRAIN_STEPS = d('''
    def train_steps(model, steps=2):
        opt = torch.optim.SGD(model.parameters(), lr=0.01)
        for _ in range(steps):
            x, y = torch.rand(4, 1, 100, 100), torch.rand(4, 1)
            opt.zero_grad()
            loss = F.mse_loss(model(x), y)
            loss.backward()
            opt.step()
        return loss.item()
    ''')
case("r46_nb_cudnn_benchmark_flag_helper_map",
     "A helper sets cudnn.benchmark from its parameter; a short training run for each flag via map.",
     after=[TRAIN_STEPS, d('''
         def run_with_benchmark(flag):
             torch.backends.cudnn.benchmark = flag
             torch.manual_seed(0)
             return train_steps(CNN())


         losses = list(map(run_with_benchmark, [False, True]))
         torch.backends.cudnn.benchmark = False
         print(losses)
         ''')])
case("r46_nb_print_precision_helper_map_torch_numpy",
     "A helper sets torch's and numpy's print precision from its parameter; conv2d's output printed per precision.",
     q6=(CONV_LOOPS, POOL_LOOPS, "tensor"), extra6=[d('''
         def show_with_precision(p):
             torch.set_printoptions(precision=p)
             np.set_printoptions(precision=p)
             out = conv2d(torch.rand(4, 4), torch.rand(2, 2))
             print(out)
             print(out.numpy())
             return p


         list(map(show_with_precision, [2, 4]))
         torch.set_printoptions(profile="default")
         np.set_printoptions(precision=8)
         ''')])
case("r46_nb_default_dtype_helper_map_models",
     "A helper sets torch's default dtype from its parameter and builds the model; mapped over two dtypes.",
     after=[d('''
         def output_dtype(dtype):
             torch.set_default_dtype(dtype)
             try:
                 return CNN()(torch.rand(1, 1, 100, 100)).dtype
             finally:
                 torch.set_default_dtype(torch.float32)


         print(list(map(output_dtype, [torch.float64, torch.float32])))
         ''')])
case("r46_nb_env_flag_helper_sorted_key_threads",
     "os.environ set from a helper's parameter; thread counts ranked by a timing helper with sorted(key=).",
     before=["import os\nimport time\n"], after=[TRAIN_STEPS, d('''
         def time_threads(n):
             os.environ["OMP_NUM_THREADS"] = str(n)
             torch.set_num_threads(n)
             start = time.perf_counter()
             train_steps(CNN(), steps=1)
             return time.perf_counter() - start


         ranking = sorted([1, 2], key=time_threads)
         torch.set_num_threads(1)
         print("fastest thread count:", ranking[0])
         ''')])
case("r46_nb_rcparams_and_pandas_precision_helpers_map",
     "Helpers set plt.rcParams and pandas' display precision from parameters; a results table and a plot.",
     imports=r30.IMPORTS_PLT + "import pandas as pd\n",
     after=[TRAIN_STEPS, d('''
         def set_style(font_size):
             plt.rcParams["font.size"] = font_size
             plt.rcParams["figure.figsize"] = (4, 3)


         def set_precision(p):
             pd.options.display.precision = p


         list(map(set_style, [9]))
         list(map(set_precision, [3]))
         rows = [{"model": name, "params": sum(p.numel() for p in m.parameters()), "loss": train_steps(m) if name == "CNN" else float("nan")}
                 for name, m in (("CNN", CNN()), ("ConvNet", ConvNet(1)))]
         table = pd.DataFrame(rows)
         print(table)
         plt.bar(table["model"], table["params"])
         plt.close("all")
         ''')])

# ===============================================================================================================
# 4. logging: Filter / LoggerAdapter / Formatter classes, loggers in conv2d, self-check logging F.conv2d
# ===============================================================================================================
LOG_CONV = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        log.debug("conv2d %s * %s stride=%d padding=%d", tuple(image.shape), tuple(kernel.shape), stride, padding)
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
    ''')
LOG_SELFCHECK = d('''
    x, k = torch.rand(6, 6), torch.rand(3, 3)
    log.info("mine:  %s", conv2d(x, k).sum().item())
    log.info("torch: %s", F.conv2d(x[None, None], k[None, None])[0, 0].sum().item())
    ''')
FILTER_CLASS = d('''
    import logging


    class NoisyModules(logging.Filter):
        """Drop the DEBUG chatter of matplotlib / PIL."""

        def filter(self, record):
            return not record.name.startswith(("matplotlib", "PIL"))


    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(NoisyModules())
    logging.basicConfig(level=logging.INFO, handlers=[handler])
    log = logging.getLogger("lab6")
    ''')
case("r46_nb_logging_filter_subclass_conv2d_debug_selfcheck_logged",
     "A logging.Filter subclass on the handler; conv2d logs at DEBUG; the self-check logs mine vs F.conv2d.",
     before=[FILTER_CLASS], q6=(LOG_CONV, POOL_LOOPS, "tensor"), extra6=[LOG_SELFCHECK])
case("r46_nb_logging_filter_subclass_selfcheck_printed",
     "A logging.Filter subclass on the handler; conv2d logs at DEBUG; the self-check prints.",
     before=[FILTER_CLASS], q6=(LOG_CONV, POOL_LOOPS, "tensor"),
     extra6=[LOG_SELFCHECK.replace('log.info("mine:  %s", ', 'print("mine: ", ').replace(
         'log.info("torch: %s", ', 'print("torch:", ')])
case("r46_nb_logging_stdlib_filter_by_name_selfcheck_logged",
     "handler.addFilter(logging.Filter('lab6')) (the stdlib's name filter); conv2d logs; self-check logged.",
     before=[d('''
         import logging

         handler = logging.StreamHandler()
         handler.addFilter(logging.Filter("lab6"))
         logging.basicConfig(level=logging.INFO, handlers=[handler])
         log = logging.getLogger("lab6")
         ''')], q6=(LOG_CONV, POOL_LOOPS, "tensor"), extra6=[LOG_SELFCHECK])
case("r46_nb_logger_adapter_epoch_prefix_training",
     "A LoggerAdapter subclass prefixes messages with the epoch; conv2d logs; self-check logged.",
     before=[d('''
         import logging

         logging.basicConfig(level=logging.INFO, format="%(message)s")
         log = logging.getLogger("lab6")


         class EpochAdapter(logging.LoggerAdapter):
             def process(self, msg, kwargs):
                 return f"[epoch {self.extra['epoch']}] {msg}", kwargs
         ''')], q6=(LOG_CONV, POOL_LOOPS, "tensor"), extra6=[LOG_SELFCHECK],
     after=[TRAIN_STEPS, d('''
         model = CNN()
         for epoch in range(2):
             EpochAdapter(log, {"epoch": epoch}).info("loss %.4f", train_steps(model, steps=1))
         ''')])
case("r46_nb_colour_formatter_class_conv2d_debug_selfcheck_logged",
     "A Formatter subclass colouring the level name; conv2d logs; self-check logged.",
     before=[d('''
         import logging


         class ColourFormatter(logging.Formatter):
             COLOURS = {"DEBUG": "\\033[36m", "INFO": "\\033[32m", "WARNING": "\\033[33m"}

             def format(self, record):
                 text = super().format(record)
                 return f"{self.COLOURS.get(record.levelname, '')}{text}\\033[0m"


         handler = logging.StreamHandler()
         handler.setFormatter(ColourFormatter("%(levelname)s %(message)s"))
         log = logging.getLogger("lab6")
         log.addHandler(handler)
         log.setLevel(logging.INFO)
         ''')], q6=(LOG_CONV, POOL_LOOPS, "tensor"), extra6=[LOG_SELFCHECK])
case("r46_nb_logging_basic_conv2d_debug_selfcheck_logged_control",
     "Plain logging.basicConfig; conv2d logs; the self-check logged.",
     before=["import logging\n\nlogging.basicConfig(level=logging.INFO, format='%(message)s')\n"
             "log = logging.getLogger('lab6')\n"], q6=(LOG_CONV, POOL_LOOPS, "tensor"), extra6=[LOG_SELFCHECK])

# ===============================================================================================================
# 5. dispatch modes, device contexts, anomaly detection, profilers around self-checks
# ===============================================================================================================
case("r46_nb_flop_counter_mode_models",
     "FLOPs of both models counted with torch.utils.flop_counter.FlopCounterMode (next to the parameter counts).",
     after=[d('''
         from torch.utils.flop_counter import FlopCounterMode

         for name, model, x in (("CNN", CNN(), torch.rand(1, 1, 100, 100)),
                                ("ConvNet", ConvNet(3), torch.rand(1, 3, 128, 128))):
             with FlopCounterMode(display=False) as counter:
                 model(x)
             print(name, counter.get_total_flops(), "FLOPs,", sum(p.numel() for p in model.parameters()), "parameters")
         ''')])
case("r46_nb_flop_counter_mode_selfcheck_conv2d",
     "FlopCounterMode around the q6 self-check: torch's conv counted, mine not (it is loops).",
     q6=(CONV_LOOPS, POOL_LOOPS, "tensor"), extra6=[d('''
         from torch.utils.flop_counter import FlopCounterMode

         x, k = torch.rand(8, 8), torch.rand(3, 3)
         with FlopCounterMode(display=False) as counter:
             want = F.conv2d(x[None, None], k[None, None], padding=1)[0, 0]
         assert torch.allclose(conv2d(x, k, padding=1), want, atol=1e-5)
         print("torch's conv:", counter.get_total_flops(), "FLOPs")
         ''')])
case("r46_nb_profiler_around_selfcheck",
     "torch.profiler.profile around the q6 self-check (how much slower are loops?).",
     q6=(CONV_LOOPS, POOL_LOOPS, "tensor"), extra6=[d('''
         from torch.profiler import ProfilerActivity, profile

         x, k = torch.rand(10, 10), torch.rand(3, 3)
         with profile(activities=[ProfilerActivity.CPU]) as prof:
             mine = conv2d(x, k)
             theirs = F.conv2d(x[None, None], k[None, None])[0, 0]
         assert torch.allclose(mine, theirs, atol=1e-5)
         print(prof.key_averages().table(sort_by="cpu_time_total", row_limit=5))
         ''')])
case("r46_nb_default_device_cpu_and_device_context",
     "torch.set_default_device('cpu') at the top, the models built inside `with torch.device('cpu'):`.",
     before=["device = 'cuda' if torch.cuda.is_available() else 'cpu'\ntorch.set_default_device('cpu')\n"],
     after=[d('''
         with torch.device(device):
             model = CNN()
             print(model(torch.rand(2, 1, 100, 100)).shape)
         ''')])
case("r46_nb_detect_anomaly_training_step_inference_mode_check",
     "A training step under torch.autograd.detect_anomaly(); the q6 self-check under torch.inference_mode().",
     q6=(CONV_LOOPS, POOL_LOOPS, "tensor"), extra6=[d('''
         with torch.inference_mode():
             x, k = torch.rand(7, 7), torch.rand(3, 3)
             assert torch.allclose(conv2d(x, k, stride=2, padding=1),
                                   F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0], atol=1e-5)
             assert torch.equal(max_pool2d(x[:6, :6]), F.max_pool2d(x[None, None, :6, :6], 2)[0, 0])
         print("q6 matches torch")
         ''')], after=[TRAIN_STEPS, "with torch.autograd.detect_anomaly():\n    print(train_steps(CNN(), steps=1))\n"])
case("r46_nb_torch_function_mode_counts_ops_in_forward",
     "A TorchFunctionMode subclass counting which torch functions the CNN's forward calls.",
     after=[d('''
         from collections import Counter

         from torch.overrides import TorchFunctionMode


         class CountCalls(TorchFunctionMode):
             def __init__(self):
                 super().__init__()
                 self.counts = Counter()

             def __torch_function__(self, func, types, args=(), kwargs=None):
                 self.counts[getattr(func, "__name__", str(func))] += 1
                 return func(*args, **(kwargs or {}))


         with CountCalls() as calls:
             CNN()(torch.rand(1, 1, 100, 100))
         print(calls.counts.most_common(5))
         ''')])

# ===============================================================================================================
# 6. randomness: nothing seeded, np.random.seed(None), random.getstate()
# ===============================================================================================================
case("r46_nb_unseeded_random_selfchecks_many_trials",
     "Nothing is seeded; the q6 self-check runs on 5 random sizes each time.",
     q6=(CONV_LOOPS, POOL_LOOPS, "tensor"), extra6=[d('''
         import random

         for _ in range(5):
             h, w = random.randint(4, 9), random.randint(4, 9)
             s, p = random.choice([1, 2]), random.choice([0, 1])
             x, k = torch.randn(h, w), torch.randn(3, 3)
             assert torch.allclose(conv2d(x, k, stride=s, padding=p),
                                   F.conv2d(x[None, None], k[None, None], stride=s, padding=p)[0, 0], atol=1e-4)
         print("5 random cases OK")
         ''')])
case("r46_nb_np_random_seed_none_and_getstate_restore",
     "np.random.seed(None) to re-randomise; random.getstate()/setstate() around a shuffled check.",
     before=["import random\n\nnp.random.seed(None)\nstate = random.getstate()\n"],
     q6=(CONV_LOOPS, POOL_LOOPS, "tensor"), extra6=[d('''
         cases = [(np.random.randint(4, 9), np.random.randint(4, 9)) for _ in range(3)]
         random.shuffle(cases)
         for h, w in cases:
             x = torch.from_numpy(np.random.rand(h, w)).float()
             k = torch.ones(2, 2)
             assert torch.allclose(conv2d(x, k), F.conv2d(x[None, None], k[None, None])[0, 0], atol=1e-5)
         random.setstate(state)
         print("checked", cases)
         ''')])

# ===============================================================================================================
# 7. second batch: around the channels the first found
# ===============================================================================================================
# stacklevel from a module constant (2) -- the value the rule allows, spelled as a name
case("r46_nb_q6_kernel_check_stacklevel_module_constant_2",
     "conv2d's kernel check warns with stacklevel=STACKLEVEL, a module constant equal to 2.",
     q6=("STACKLEVEL = 2  # point warnings at the caller of the helper\n\n\n" + CHECK_KERNEL.replace(
         "def _check_kernel(kernel, stacklevel=STACKLEVEL):", "def _check_kernel(kernel):").replace(
         "stacklevel=stacklevel", "stacklevel=STACKLEVEL"), POOL_LOOPS, "tensor"))
case("r46_nb_q6_kernel_check_stacklevel_literal_2_inline_control",
     "conv2d's kernel check warns with a literal stacklevel=2 in the call.",
     q6=(CHECK_KERNEL.replace("def _check_kernel(kernel, stacklevel=STACKLEVEL):", "def _check_kernel(kernel):").replace(
         "stacklevel=stacklevel", "stacklevel=2"), POOL_LOOPS, "tensor"))
case("r46_nb_deprecation_shim_stacklevel_3_through_wrapper",
     "A @deprecated decorator whose warning skips the wrapper and the decorator frame (stacklevel=3).",
     before=[DEPRECATED_SHIM.replace("stacklevel=2", "stacklevel=3")], q6=(CONV_LOOPS, POOL_LOOPS, "tensor"),
     extra6=[OLD_NAMES])
case("r46_nb_config_loader_warns_stacklevel_3_helper",
     "A config loader (used for nothing graded) warns about unknown keys with stacklevel=3.",
     after=[d('''
         import warnings


         def _warn_unknown(key):
             warnings.warn(f"unknown config key {key!r} ignored", stacklevel=3)


         def load_config(**overrides):
             config = {"lr": 0.01, "batch_size": 32, "epochs": 3}
             for key, value in overrides.items():
                 if key not in config:
                     _warn_unknown(key)
                     continue
                 config[key] = value
             return config


         print(load_config(lr=0.1))
         ''')])

# hashing adds + a class with dunders: which containers, which dunders
case("r46_nb_q6_seen_sizes_set_meter_add_only_selfcheck",
     "conv2d adds shapes to a set; a Meter class with __add__ only (no __eq__); check() vs F.conv2d.",
     q6=(CONV_SIZES_SET, POOL_LOOPS, "tensor"), extra6=[CHECK_END + "print(sorted(SEEN_SIZES))\n"], extra8=[METER])
case("r46_nb_q6_last_shapes_dict_shape_class_eq_selfcheck",
     "conv2d records its last shapes in a dict; a Shape class with __eq__/__hash__; check() vs F.conv2d.",
     q6=(CONV_LAST_DICT, POOL_LOOPS, "tensor"), extra6=[CHECK_END + "print(LAST_SHAPES)\n"], extra7=[SHAPE_CLASS])
case("r46_nb_q6_seen_sizes_set_dataclass_eq_selfcheck",
     "conv2d adds shapes to a set; a @dataclass(frozen=True) Shape (generated __eq__); check() vs F.conv2d.",
     q6=(CONV_SIZES_SET, POOL_LOOPS, "tensor"), extra6=[CHECK_END + "print(sorted(SEEN_SIZES))\n"],
     extra7=[d('''
         from dataclasses import dataclass


         @dataclass(frozen=True)
         class Shape:
             c: int
             h: int
             w: int


         assert [Shape(*s) for s in q3_shapes] == [Shape(3, 100, 100), Shape(3, 50, 50), Shape(2, 50, 50), Shape(2, 25, 25)]
         ''')])
case("r46_nb_q6_seen_sizes_set_shape_class_eq_no_selfcheck_control",
     "conv2d adds shapes to a set; a Shape class with __eq__/__hash__; conv2d only called directly.",
     q6=(CONV_SIZES_SET, POOL_LOOPS, "tensor"),
     extra6=["print(conv2d(torch.ones(4, 4), torch.ones(2, 2)))\nprint(SEEN_SIZES)\n"], extra7=[SHAPE_CLASS])

# logging classes: which part makes the difference
case("r46_nb_logging_filter_subclass_conv2d_silent_selfcheck_logged",
     "A logging.Filter subclass on the handler; conv2d does not log; the self-check logs mine vs F.conv2d.",
     before=[FILTER_CLASS], q6=(CONV_LOOPS, POOL_LOOPS, "tensor"), extra6=[LOG_SELFCHECK])
case("r46_nb_logging_filter_subclass_on_matplotlib_logger_only",
     "A logging.Filter subclass added to matplotlib's logger only; conv2d logs; the self-check logged.",
     before=[FILTER_CLASS.replace("handler.addFilter(NoisyModules())\n", "").replace(
         'log = logging.getLogger("lab6")',
         'log = logging.getLogger("lab6")\nlogging.getLogger("matplotlib").addFilter(NoisyModules())')],
     q6=(LOG_CONV, POOL_LOOPS, "tensor"), extra6=[LOG_SELFCHECK])
case("r46_nb_logger_adapter_training_only_conv2d_silent",
     "A LoggerAdapter subclass for the training loop only; conv2d does not log; the self-check logged with plain log.",
     before=[d('''
         import logging

         logging.basicConfig(level=logging.INFO, format="%(message)s")
         log = logging.getLogger("lab6")


         class EpochAdapter(logging.LoggerAdapter):
             def process(self, msg, kwargs):
                 return f"[epoch {self.extra['epoch']}] {msg}", kwargs
         ''')], q6=(CONV_LOOPS, POOL_LOOPS, "tensor"), extra6=[LOG_SELFCHECK],
     after=[TRAIN_STEPS, d('''
         model = CNN()
         for epoch in range(2):
             EpochAdapter(log, {"epoch": epoch}).info("loss %.4f", train_steps(model, steps=1))
         ''')])
case("r46_nb_logger_adapter_stdlib_extra_no_subclass",
     "The stdlib LoggerAdapter (no subclass) with extra={'run': ...}; conv2d logs; the self-check logged.",
     before=["import logging\n\nlogging.basicConfig(level=logging.INFO, format='%(run)s %(message)s')\n"
             "log = logging.LoggerAdapter(logging.getLogger('lab6'), {'run': 'lab6'})\n"],
     q6=(LOG_CONV, POOL_LOOPS, "tensor"), extra6=[LOG_SELFCHECK])

# profilers and benchmark timers
case("r46_nb_profiler_around_model_forward_only",
     "torch.profiler.profile around one CNN forward pass (which layer is slowest?).",
     after=[d('''
         from torch.profiler import ProfilerActivity, profile

         model, x = CNN(), torch.rand(8, 1, 100, 100)
         with profile(activities=[ProfilerActivity.CPU], record_shapes=True) as prof:
             model(x)
         print(prof.key_averages().table(sort_by="cpu_time_total", row_limit=5))
         ''')])
case("r46_nb_autograd_profiler_legacy_training_step",
     "torch.autograd.profiler.profile() (the older API) around a training step.",
     after=[TRAIN_STEPS, d('''
         with torch.autograd.profiler.profile() as prof:
             train_steps(CNN(), steps=1)
         print(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=5))
         ''')])
case("r46_nb_torch_benchmark_timer_conv2d_vs_torch",
     "torch.utils.benchmark.Timer compares my conv2d with F.conv2d.",
     q6=(CONV_LOOPS, POOL_LOOPS, "tensor"), extra6=[d('''
         import torch.utils.benchmark as benchmark

         x, k = torch.rand(16, 16), torch.rand(3, 3)
         mine = benchmark.Timer("conv2d(x, k)", globals={"conv2d": conv2d, "x": x, "k": k}).timeit(3)
         theirs = benchmark.Timer("F.conv2d(x[None, None], k[None, None])", globals={"F": F, "x": x, "k": k}).timeit(3)
         print(f"mine {mine.mean * 1e3:.2f} ms, torch {theirs.mean * 1e3:.3f} ms")
         ''')])

# ===============================================================================================================
# 8. third batch: settings from a parameter read by conv2d, tf32 flags, a pool in a `with` block
# ===============================================================================================================
case("r46_nb_setup_backends_tf32_flag_map",
     "A setup_backends(allow_tf32) helper sets torch.backends.cuda.matmul.allow_tf32; a training run per flag via map.",
     after=[TRAIN_STEPS, d('''
         def run_with_tf32(allow_tf32):
             torch.backends.cuda.matmul.allow_tf32 = allow_tf32
             torch.backends.cudnn.allow_tf32 = allow_tf32
             torch.manual_seed(0)
             return train_steps(CNN())


         print(list(map(run_with_tf32, [False, True])))
         torch.backends.cuda.matmul.allow_tf32 = False
         ''')])
CONV_ENV = d('''
    import os


    def conv2d(image, kernel, stride=1, padding=0):
        verbose = os.environ.get("CONV_DEBUG", "0") == "1"
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
        if verbose:
            print("conv2d", tuple(image.shape), "->", tuple(out.shape))
        return out
    ''')
case("r46_nb_q6_env_debug_flag_helper_map_selfcheck",
     "conv2d prints when CONV_DEBUG=1; a helper sets the variable from its parameter and runs a check, via map.",
     q6=(CONV_ENV, POOL_LOOPS, "tensor"), extra6=[d('''
         def check_with_debug(flag):
             os.environ["CONV_DEBUG"] = flag
             x, k = torch.rand(5, 5), torch.rand(3, 3)
             return torch.allclose(conv2d(x, k, padding=1), F.conv2d(x[None, None], k[None, None], padding=1)[0, 0],
                                   atol=1e-5)


         print(list(map(check_with_debug, ["1", "0"])))
         ''')])
case("r46_nb_cudnn_flag_helper_threadpool_with_block",
     "A helper sets cudnn.benchmark from its parameter; runs for both flags in a ThreadPoolExecutor `with` block.",
     after=[TRAIN_STEPS, d('''
         from concurrent.futures import ThreadPoolExecutor


         def run_with_benchmark(flag):
             torch.backends.cudnn.benchmark = flag
             return train_steps(CNN(), steps=1)


         with ThreadPoolExecutor(max_workers=1) as pool:
             print(list(pool.map(run_with_benchmark, [False, True])))
         torch.backends.cudnn.benchmark = False
         ''')])
case("r46_nb_q6_call_deque_appendleft_shape_class_eq_selfcheck",
     "conv2d keeps its last 8 calls in a deque (appendleft); a Shape class with __eq__; check() vs F.conv2d.",
     q6=("from collections import deque\n\n" + CONV_LOG.replace(
         "CALL_LOG = []", "CALL_LOG = deque(maxlen=8)").replace("CALL_LOG.append(", "CALL_LOG.appendleft("),
         POOL_LOOPS, "tensor"), extra6=[SELFCHECK_HELPER.replace("CALL_LOG[-1]", "CALL_LOG[0]")],
     before=[SHAPE_CLASS.split("\n\n\nexpected")[0] + "\n"])


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

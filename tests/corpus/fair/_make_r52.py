"""Fairness round 52: generate correct submissions in unusual-but-ordinary student styles."""
import json, sys, textwrap
from pathlib import Path
import nbformat
from nbformat.v4 import new_notebook, new_code_cell, new_markdown_cell, new_raw_cell

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
OUT.mkdir(parents=True, exist_ok=True)
D = textwrap.dedent

OTTER = 'import otter\ngrader = otter.Notebook("lecture06.ipynb")'
Q10 = "q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}"
Q_BASIC = {
 "q1": 'q1_answer = "C"',
 "q2": D('''
    def conv_output_size(size, kernel_size, stride=1, padding=0):
        padded = size + 2 * padding
        if kernel_size > padded:
            raise ValueError("kernel does not fit")
        return (padded - kernel_size) // stride + 1
    ''').strip(),
 "q3": "q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]\nq3_flatten_features = 2 * 25 * 25",
 "q4": "q4_conv_params = 3 * 3 * 3 * 3 + 3\nq4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)\nq4_fcnn_params = (16384 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)",
 "q5": D('''
    def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
        kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
        return in_channels * out_channels * kh * kw + (out_channels if bias else 0)


    def linear_params(in_features, out_features, bias=True):
        return in_features * out_features + (out_features if bias else 0)
    ''').strip(),
 "q6": D('''
    import torch

    q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        p = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        p[padding:padding + h, padding:padding + w] = image
        oh = (h + 2 * padding - kh) // stride + 1
        ow = (w + 2 * padding - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (p[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
        return out
    ''').strip(),
 "q7": D('''
    import torch


    class CNN(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = torch.nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = torch.nn.Conv2d(3, 2, 3, padding=1)
            self.pool = torch.nn.MaxPool2d(2)
            self.relu = torch.nn.ReLU()
            self.flatten = torch.nn.Flatten()
            self.fc = torch.nn.Linear(1250, 1)

        def forward(self, x):
            x = self.pool(self.relu(self.conv1(x)))
            x = self.pool(self.relu(self.conv2(x)))
            return self.fc(self.flatten(x))
    ''').strip(),
 "q8": D('''
    import torch


    def conv_block(input_channels, output_channels):
        return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


    class ConvNet(torch.nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = torch.nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.flatten = torch.nn.Flatten()
            self.fc = torch.nn.Linear(49152, 1)

        def forward(self, x):
            return self.fc(self.flatten(self.blocks(x)))
    ''').strip(),
 "q9": 'q9_true = {"C"}',
 "q10": Q10,
}


def nb(cells, meta=None, minor=5):
    n = new_notebook()
    n.nbformat_minor = minor
    n.metadata = meta or {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
                          "language_info": {"name": "python", "version": "3.11.7"}}
    out = []
    for c in cells:
        if isinstance(c, tuple):
            kind, src = c[0], c[1]
            extra = c[2] if len(c) > 2 else {}
        else:
            kind, src, extra = "code", c, {}
        if kind == "md":
            cell = new_markdown_cell(src)
        elif kind == "raw":
            cell = new_raw_cell(src)
        else:
            cell = new_code_cell(src)
            for k, v in extra.items():
                cell[k] = nbformat.from_dict(v)
        out.append(cell)
    n.cells = out
    for idx, cell in enumerate(n.cells):
        if minor < 5:
            cell.pop("id", None)
        else:
            cell["id"] = f"r52-cell-{idx}"
    return n


def std_cells(over=None, checks=True, otter_cell=True, pre=(), post=()):
    over = over or {}
    cells = list(pre)
    if otter_cell:
        cells.append(OTTER)
    for q in ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10"]:
        v = over.get(q, Q_BASIC[q])
        cells.append(("md", f"## {q.upper()}"))
        if isinstance(v, list):
            cells.extend(v)
        else:
            cells.append(v)
        if checks:
            cells.append(f'grader.check("{q}")')
    cells.extend(post)
    return cells


def write_nb(name, cells, **kw):
    n = nb(cells, **kw)
    nbformat.validate(n)
    nbformat.write(n, str(OUT / f"r52_nb_{name}.ipynb"))


def write_py(name, text, encoding="utf-8"):
    (OUT / f"r52_py_{name}.py").write_bytes(text.encode(encoding))


def py_from(over=None, sep="\n\n\n"):
    over = over or {}
    return sep.join(over.get(q, Q_BASIC[q]) if not isinstance(over.get(q), list) else "\n\n".join(over[q])
                    for q in ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10"]) + "\n"

GENERATORS = []
def gen(f):
    GENERATORS.append(f)
    return f


def rep(q, old, new, base=None):
    text = base if base is not None else Q_BASIC[q]
    assert old in text, (q, old)
    return text.replace(old, new, 1)


FWD7 = "        def forward(self, x):\n"
FWD8 = "        def forward(self, x):\n            return self.fc(self.flatten(self.blocks(x)))"


# 1. `this` as the first parameter, the model's own three-argument warn method called from forward
@gen
def this_own_warn():
    q7 = D('''
        import torch


        class CNN(torch.nn.Module):
            def __init__(this):
                super().__init__()
                this.conv1 = torch.nn.Conv2d(1, 3, 3, padding=1)
                this.conv2 = torch.nn.Conv2d(3, 2, 3, padding=1)
                this.pool = torch.nn.MaxPool2d(2)
                this.relu = torch.nn.ReLU()
                this.flatten = torch.nn.Flatten()
                this.fc = torch.nn.Linear(1250, 1)
                this.verbose = False

            def warn(this, fmt, shape, where):
                """Print a note about an odd shape (only when verbose)."""
                if this.verbose:
                    print("[CNN]", fmt % (tuple(shape), where))

            def forward(this, x):
                if x.shape[-1] != 100:
                    this.warn("unexpected input %s at %s", x.shape, "input")
                x = this.pool(this.relu(this.conv1(x)))
                x = this.pool(this.relu(this.conv2(x)))
                return this.fc(this.flatten(x))
        ''').strip()
    write_py("this_model_own_warn_method_three_args", py_from({"q7": q7}))
    write_py("self_model_own_warn_method_three_args_control", py_from({"q7": q7.replace("this", "self")}))


# 2. self.logger = logging.getLogger(__name__) kept on the model, .warn with format args in forward
@gen
def self_logger_warn():
    q8 = D('''
        import logging

        import torch


        def conv_block(input_channels, output_channels):
            return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


        class ConvNet(torch.nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.logger = logging.getLogger(__name__)
                self.blocks = torch.nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
                self.flatten = torch.nn.Flatten()
                self.fc = torch.nn.Linear(49152, 1)

            def forward(self, x):
                if x.shape[-2:] != (128, 128):
                    self.logger.warn("expected 128x128 images, got %dx%d", x.shape[-2], x.shape[-1])
                return self.fc(self.flatten(self.blocks(x)))
        ''').strip()
    write_py("self_logger_getlogger_warn_format_args_in_forward", py_from({"q8": q8}))


# 3. a module-level instance of the student's own tiny logger class, .warn(fmt, a, b) from forward
@gen
def own_logger_instance():
    q7 = D('''
        import torch


        class Log:
            """Minimal printf-style logger (no logging config in notebooks)."""

            def __init__(self, on=False):
                self.on = on

            def warn(self, msg, *args):
                if self.on:
                    print("WARNING:", msg % args)


        log = Log()


        class CNN(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = torch.nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = torch.nn.Conv2d(3, 2, 3, padding=1)
                self.pool = torch.nn.MaxPool2d(2)
                self.relu = torch.nn.ReLU()
                self.flatten = torch.nn.Flatten()
                self.fc = torch.nn.Linear(1250, 1)

            def forward(self, x):
                if x.dim() != 4:
                    log.warn("expected 4 dims, got %d (%s)", x.dim(), tuple(x.shape))
                x = self.pool(self.relu(self.conv1(x)))
                x = self.pool(self.relu(self.conv2(x)))
                return self.fc(self.flatten(x))
        ''').strip()
    write_py("module_level_own_log_class_warn_two_format_args", py_from({"q7": q7}))


# 4. a `warn` flag: ConvNet(input_channels, warn=False) stored as self.warn and tested in forward
@gen
def warn_flag():
    q8 = D('''
        import torch


        def conv_block(input_channels, output_channels):
            return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


        class ConvNet(torch.nn.Module):
            def __init__(self, input_channels, warn=False):
                super().__init__()
                self.warn = warn  # print a note when the input is not 128x128
                self.blocks = torch.nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
                self.flatten = torch.nn.Flatten()
                self.fc = torch.nn.Linear(49152, 1)

            def forward(self, x):
                if self.warn and x.shape[-1] != 128:
                    print("note: ConvNet expects 128x128 inputs")
                return self.fc(self.flatten(self.blocks(x)))
        ''').strip()
    write_py("convnet_warn_bool_flag_attribute", py_from({"q8": q8}))


# 5. config dataclass with a `warn` field read by the model
@gen
def cfg_warn_field():
    q7 = D('''
        from dataclasses import dataclass

        import torch


        @dataclass
        class Config:
            hidden: int = 3
            warn: bool = False
            seed: int = 0


        CFG = Config()


        class CNN(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = torch.nn.Conv2d(1, CFG.hidden, 3, padding=1)
                self.conv2 = torch.nn.Conv2d(CFG.hidden, 2, 3, padding=1)
                self.pool = torch.nn.MaxPool2d(2)
                self.relu = torch.nn.ReLU()
                self.flatten = torch.nn.Flatten()
                self.fc = torch.nn.Linear(1250, 1)

            def forward(self, x):
                if CFG.warn and x.shape[1] != 1:
                    print("CNN expects one channel")
                x = self.pool(self.relu(self.conv1(x)))
                x = self.pool(self.relu(self.conv2(x)))
                return self.fc(self.flatten(x))
        ''').strip()
    write_py("dataclass_config_warn_field_read_in_forward", py_from({"q7": q7}))


# 6. warnings.warn(msg, UserWarning, 2) positional stacklevel, and logging.getLogger(...).warn
@gen
def warnings_positional():
    q8 = D('''
        import logging
        import warnings

        import torch


        def conv_block(input_channels, output_channels):
            if output_channels > 64:
                warnings.warn("a wide block is slow on CPU", UserWarning, 2)
            return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


        class ConvNet(torch.nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                if input_channels > 3:
                    logging.getLogger("lab6").warn("%d channels, %s", input_channels, "not RGB")
                self.blocks = torch.nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
                self.flatten = torch.nn.Flatten()
                self.fc = torch.nn.Linear(49152, 1)

            def forward(self, x):
                return self.fc(self.flatten(self.blocks(x)))
        ''').strip()
    write_py("warnings_warn_positional_stacklevel_2_getlogger_warn", py_from({"q8": q8}))


# 7. a warn callback parameter defaulting to warnings.warn
@gen
def warn_callback():
    q8 = D('''
        import warnings

        import torch


        def conv_block(input_channels, output_channels, on_problem=warnings.warn):
            if input_channels < 1:
                on_problem("conv_block needs at least one input channel")
            return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


        class ConvNet(torch.nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.blocks = torch.nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
                self.flatten = torch.nn.Flatten()
                self.fc = torch.nn.Linear(49152, 1)

            def forward(self, x):
                return self.fc(self.flatten(self.blocks(x)))
        ''').strip()
    write_py("conv_block_on_problem_callback_default_warnings_warn", py_from({"q8": q8}))


# 8. stack_info=VERBOSE with VERBOSE = False module constant, in a model's debug log
@gen
def stack_info_name():
    q7 = D('''
        import logging

        import torch

        VERBOSE = False
        log = logging.getLogger(__name__)


        class CNN(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = torch.nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = torch.nn.Conv2d(3, 2, 3, padding=1)
                self.pool = torch.nn.MaxPool2d(2)
                self.relu = torch.nn.ReLU()
                self.flatten = torch.nn.Flatten()
                self.fc = torch.nn.Linear(1250, 1)

            def forward(self, x):
                log.debug("CNN input %s", tuple(x.shape), stack_info=VERBOSE)
                x = self.pool(self.relu(self.conv1(x)))
                x = self.pool(self.relu(self.conv2(x)))
                return self.fc(self.flatten(x))
        ''').strip()
    write_py("log_debug_stack_info_module_constant_false", py_from({"q7": q7}))


# 9. traceback helpers in a debugging cell: print_exc / format_exc / print_tb / format_exception (no stack)
@gen
def traceback_exc():
    pre = D('''
        import traceback


        def try_it(f, *args):
            """Run f and show the error instead of stopping the notebook."""
            try:
                return f(*args)
            except Exception as e:
                traceback.print_exc()
                print("".join(traceback.format_exception(type(e), e, e.__traceback__)))
                traceback.print_tb(e.__traceback__)
                return traceback.format_exc()
        ''').strip()
    post = D('''
        try_it(conv_output_size, 3, 5)
        print(try_it(max_pool2d, torch.arange(16.0).reshape(4, 4)))
        ''').strip()
    write_nb("traceback_print_exc_format_exception_print_tb_helper", std_cells(pre=[pre], post=[post]))


# 10. traceback.print_stack() in a debug helper (not in a model)
@gen
def print_stack():
    q6 = Q_BASIC["q6"] + "\n\n\n" + D('''
        def where_am_i():
            """debugging: who called me?"""
            import traceback
            traceback.print_stack(limit=3)
        ''').strip()
    write_py("print_stack_debug_helper_never_called", py_from({"q6": q6}))


# 11. namespaces: "CNN" in globals(), print(vars(args)) style, len(globals())
@gen
def ns_in_globals():
    q10 = Q10 + "\n\n" + D('''
        missing = [name for name in ("q1_answer", "CNN", "ConvNet") if name not in globals()]
        print("all answers defined" if "q10_answers" in globals() and not missing else missing)
        ''').strip()
    write_py("name_in_globals_membership_check", py_from({"q10": q10}))


@gen
def ns_vars_print():
    q10 = Q10 + "\n\n" + D('''
        import argparse

        parser = argparse.ArgumentParser()
        parser.add_argument("--epochs", type=int, default=1)
        args, _ = parser.parse_known_args([])
        print(vars(args))
        for k, v in vars(args).items():
            print(f"{k:>10} = {v}")
        ''').strip()
    write_py("print_vars_args_and_items_loop", py_from({"q10": q10}))


@gen
def ns_names_ok():
    q10 = Q10 + "\n\n" + D('''
        print(sorted(n for n in globals() if n.startswith("q")))
        print(len(globals()), "names defined")
        ''').strip()
    write_py("len_globals_count_names", py_from({"q10": q10}))


# 12. leftover stdlib imports whose names are also ordinary variables/functions
@gen
def inert_shadowed():
    q6 = "import inspect\n\n" + Q_BASIC["q6"] + "\n\n\n" + D('''
        def inspect(t):  # quick look at a tensor
            print(tuple(t.shape), t.dtype)
            return t


        inspect(conv2d(torch.ones(4, 4), torch.ones(3, 3)))
        ''').strip()
    write_py("import_inspect_leftover_own_inspect_function", py_from({"q6": q6}))


@gen
def inert_signal_var():
    q1 = D('''
        import signal  # left from an attempt at a timeout

        q1_answer = "C"
        signal = [0, 1, 2, 3]  # a 1-D example from the lecture
        print(sum(signal))
        ''').strip()
    write_py("import_signal_leftover_signal_variable", py_from({"q1": q1}))


# 13. timing decorator with timeit.default_timer on conv2d
@gen
def timing_decorator():
    q6 = D('''
        import functools
        from timeit import default_timer as timer

        import torch

        q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])
        TIMES = {}


        def timed(f):
            @functools.wraps(f)
            def wrapper(*args, **kwargs):
                t0 = timer()
                out = f(*args, **kwargs)
                TIMES[f.__name__] = timer() - t0
                return out
            return wrapper
        ''').strip() + "\n\n\n" + Q_BASIC["q6"].split("\n\n\n", 1)[1].replace("def conv2d", "@timed\ndef conv2d").replace("def max_pool2d", "@timed\ndef max_pool2d")
    write_py("timeit_default_timer_timing_decorator_q6", py_from({"q6": q6}))
    write_py("time_perf_counter_timing_decorator_q6_control", py_from({"q6": q6.replace("from timeit import default_timer as timer", "from time import perf_counter as timer")}))


# 14. anomaly detection: global, and inside forward, with a backward pass
@gen
def anomaly():
    pre = "import torch\ntorch.autograd.set_detect_anomaly(True)  # find the NaN from last week"
    q7 = rep("q7", "        x = self.pool(self.relu(self.conv1(x)))\n        x = self.pool(self.relu(self.conv2(x)))\n        return self.fc(self.flatten(x))",
             "        with torch.autograd.detect_anomaly(check_nan=True):\n            x = self.pool(self.relu(self.conv1(x)))\n            x = self.pool(self.relu(self.conv2(x)))\n            return self.fc(self.flatten(x))")
    post = D('''
        model = CNN()
        out = model(torch.randn(2, 1, 100, 100))
        out.sum().backward()
        print(model.conv1.weight.grad.shape)
        ''').strip()
    write_nb("anomaly_mode_global_and_in_forward_with_backward", std_cells({"q7": q7}, pre=[pre], post=[post]))


# 15. klass / me first parameters, abc.ABC base with a classmethod builder calling klass.warn
@gen
def klass_warn():
    q8 = D('''
        import abc

        import torch


        def conv_block(input_channels, output_channels):
            return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


        class Notes(abc.ABC):
            quiet = True

            @classmethod
            def warn(klass, what, value, expected):
                if not klass.quiet and value != expected:
                    print(f"{what}: got {value}, expected {expected}")


        class ConvNet(torch.nn.Module, Notes):
            def __init__(me, input_channels):
                super().__init__()
                me.warn("input_channels", input_channels, 3)
                me.blocks = torch.nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
                me.flatten = torch.nn.Flatten()
                me.fc = torch.nn.Linear(49152, 1)

            def forward(me, x):
                return me.fc(me.flatten(me.blocks(x)))
        ''').strip()
    write_py("abc_notes_mixin_classmethod_warn_me_first_param", py_from({"q8": q8}))


# 16. a custom Warning subclass + helper passing stacklevel through **kwargs
@gen
def warning_helper_kwargs():
    q8 = D('''
        import warnings

        import torch


        class ShapeWarning(UserWarning):
            pass


        def shape_warning(msg, **kw):
            kw.setdefault("stacklevel", 2)
            warnings.warn(msg, ShapeWarning, **kw)


        def conv_block(input_channels, output_channels):
            if input_channels == output_channels == 1:
                shape_warning("a 1->1 block learns very little")
            return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


        class ConvNet(torch.nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.blocks = torch.nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
                self.flatten = torch.nn.Flatten()
                self.fc = torch.nn.Linear(49152, 1)

            def forward(self, x):
                return self.fc(self.flatten(self.blocks(x)))
        ''').strip()
    write_py("custom_warning_helper_stacklevel_via_kwargs_setdefault", py_from({"q8": q8}))


# 17. a notebook whose debug cell uses `with warnings.catch_warnings(record=True) as caught:` around the model
@gen
def catch_warnings():
    post = D('''
        import warnings

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            y = ConvNet(3)(torch.randn(1, 3, 128, 128))
        print(y.shape, [str(w.message) for w in caught])
        ''').strip()
    write_nb("catch_warnings_record_around_model_call", std_cells(post=[post]))


# 18. a rich/tqdm-like progress object: self.bar.write and a console with .warn from a dict of printers
@gen
def printers_dict():
    q7 = D('''
        import sys

        import torch

        PRINTERS = {"info": print, "warn": lambda *a: print(*a, file=sys.stderr)}


        class CNN(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = torch.nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = torch.nn.Conv2d(3, 2, 3, padding=1)
                self.pool = torch.nn.MaxPool2d(2)
                self.relu = torch.nn.ReLU()
                self.flatten = torch.nn.Flatten()
                self.fc = torch.nn.Linear(1250, 1)

            def forward(self, x):
                if x.shape[-1] % 4:
                    PRINTERS["warn"]("width not divisible by 4:", x.shape[-1], "(pooling drops pixels)")
                x = self.pool(self.relu(self.conv1(x)))
                x = self.pool(self.relu(self.conv2(x)))
                return self.fc(self.flatten(x))
        ''').strip()
    write_py("printers_dict_warn_lambda_stderr", py_from({"q7": q7}))


# ---- batch 2 ----
Q8_TAIL = D('''
    class ConvNet(torch.nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = torch.nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.flatten = torch.nn.Flatten()
            self.fc = torch.nn.Linear(49152, 1)

        def forward(self, x):
            return self.fc(self.flatten(self.blocks(x)))
    ''').strip()


# 19. a warning helper one call below the caller: stacklevel=3 points at conv_block's caller (the docs' recipe)
@gen
def warn_helper_3():
    q8 = D('''
        import warnings

        import torch


        def _warn(msg):
            # 1 = this line, 2 = conv_block, 3 = whoever called conv_block
            warnings.warn(msg, UserWarning, stacklevel=3)


        def conv_block(input_channels, output_channels):
            if output_channels < input_channels:
                _warn(f"conv_block shrinks {input_channels} -> {output_channels} channels")
            return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())
        ''').strip() + "\n\n\n" + Q8_TAIL
    write_py("warn_helper_stacklevel_3_points_at_callers_caller", py_from({"q8": q8}))


# 20. notebook niceties: short warning lines and ignoring torch's UserWarnings
@gen
def formatwarning():
    pre = D('''
        import warnings

        warnings.filterwarnings("ignore", category=UserWarning, module="torch")
        # one-line warnings instead of the file/line dump
        warnings.formatwarning = lambda message, category, *args, **kwargs: f"{category.__name__}: {message}\\n"
        ''').strip()
    write_nb("warnings_formatwarning_one_line_filterwarnings_torch", std_cells(pre=[pre]))


# 21. print(locals()) inside a debug helper (never in the graded functions)
@gen
def print_locals():
    q2 = Q_BASIC["q2"] + "\n\n\n" + D('''
        def explain(size, kernel_size, stride=1, padding=0):
            out = conv_output_size(size, kernel_size, stride, padding)
            print(locals())
            return out


        explain(5, 3, stride=2, padding=1)
        ''').strip()
    write_py("print_locals_in_debug_helper", py_from({"q2": q2}))


# 22. print(CFG.__dict__) for a config object
@gen
def cfg_dict():
    q7 = Q_BASIC["q7"].replace("import torch\n", D('''
        import torch


        class Config:
            def __init__(self):
                self.c1, self.c2 = 3, 2
                self.pool = 2


        cfg = Config()
        print(cfg.__dict__)
        '''), 1)
    write_py("print_config_object_dunder_dict", py_from({"q7": q7}))


# 23. old-style sys.exc_info() in a demo of a kernel that does not fit
@gen
def exc_info():
    q2 = Q_BASIC["q2"] + "\n\n\n" + D('''
        import sys

        try:
            conv_output_size(2, 3)
        except ValueError:
            kind, err, _ = sys.exc_info()
            print(kind.__name__, err)
        ''').strip()
    write_py("sys_exc_info_demo_of_valueerror", py_from({"q2": q2}))


# 24. argparse namespace listed by name with getattr
@gen
def vars_getattr():
    q10 = Q10 + "\n\n" + D('''
        import argparse

        parser = argparse.ArgumentParser()
        parser.add_argument("--epochs", type=int, default=1)
        parser.add_argument("--lr", type=float, default=0.01)
        args, _ = parser.parse_known_args([])
        for name in sorted(vars(args)):
            print(f"{name:>8}: {getattr(args, name)}")
        ''').strip()
    write_py("argparse_sorted_vars_names_then_getattr", py_from({"q10": q10}))


# 25. leftover import pdb next to a names-only listing of globals()
@gen
def pdb_and_globals_names():
    q1 = "import pdb  # pdb.set_trace() removed before submitting\n\n" + Q_BASIC["q1"]
    q10 = Q10 + "\n\nprint([n for n in sorted(globals()) if n.startswith('q') and not n.startswith('q_')])"
    write_py("unused_import_pdb_beside_sorted_globals_names", py_from({"q1": q1, "q10": q10}))


# 26. logging module functions with format args (logging.warn is deprecated but still in tutorials)
@gen
def logging_module_warn():
    q7 = D('''
        import logging

        import torch

        logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(message)s")


        class CNN(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = torch.nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = torch.nn.Conv2d(3, 2, 3, padding=1)
                self.pool = torch.nn.MaxPool2d(2)
                self.relu = torch.nn.ReLU()
                self.flatten = torch.nn.Flatten()
                self.fc = torch.nn.Linear(1250, 1)

            def forward(self, x):
                if x.shape[-2:] != (100, 100):
                    logging.warn("CNN wants 100x100, got %dx%d", x.shape[-2], x.shape[-1])
                x = self.pool(self.relu(self.conv1(x)))
                x = self.pool(self.relu(self.conv2(x)))
                return self.fc(self.flatten(x))
        ''').strip()
    write_py("logging_module_warn_two_format_args_in_forward", py_from({"q7": q7}))

if __name__ == "__main__":
    for g in GENERATORS:
        g()
    print(len(GENERATORS), "generators")

"""Round 50 of the fairness corpus: attack rounds 63-64's tightenings met by ordinary code -- a by-hand conv2d /
max_pool2d that prints its intermediate tensors (print, f-strings, repr, %-formatting, logging, pprint) with torch's
print options set in many ways (constants, sys.maxsize, np.inf, np.iinfo(...).max, a config dict or dataclass, a
helper, a loop, an annotated constant, the terminal width), nn.Parameter kernels, namespaces shown beside classes
that write their own text (``print(locals())``, ``pprint(vars(cfg))``, ``vars(self)`` in a ``__repr__``),
``warnings.warn`` read as a value or imported inside a function, and NumPy's removed aliases put back.

    python tests/corpus/fair/_make_r50.py            # rewrites tests/corpus/fair/r50_*
    python tests/corpus/fair/_make_r50.py --out DIR  # writes them to DIR instead
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import _make_r30 as r30  # noqa: E402
import _make_r38 as r38  # noqa: E402
import _make_r41 as r41  # noqa: E402
import _make_r48 as r48  # noqa: E402

d = r30.d
md = r30.md
answers = r30.answers
IMPORTS, SHAPES = r30.IMPORTS, r30.SHAPES
CONV_LOOPS, POOL_LOOPS = r41.CONV_LOOPS, r41.POOL_LOOPS
cnn = r48.cnn

CASES: dict[str, list] = {}


def case(name, title, before=(), after=(), imports=IMPORTS, **kw):
    CASES[name] = [md(f"# Lab 6 - CNNs\n{title}"), imports, *before, *answers(**kw), SHAPES, *after]


def script(name, before=(), after=(), imports=IMPORTS, **kw):
    CASES[name] = [imports, *before, *answers(headers=False, **kw), SHAPES, *after]


# A by-hand conv2d that prints its first window and its output; SETUP is a line (or lines) run at its top.
CONV_PRINTS = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        SETUP
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        out_h = (h + 2 * padding - kh) // stride + 1
        out_w = (w + 2 * padding - kw) // stride + 1
        out = torch.zeros(out_h, out_w, dtype=image.dtype)
        for i in range(out_h):
            for j in range(out_w):
                patch = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
                if i == 0 and j == 0:
                    SHOW_PATCH
                out[i, j] = (patch * kernel).sum()
        SHOW_OUT
        return out
    ''')


def conv(setup="pass", patch='print("first patch:", patch)', out='print("conv2d output:", out)'):
    return CONV_PRINTS.replace("SETUP", setup).replace("SHOW_PATCH", patch).replace("SHOW_OUT", out)


POOL_PRINTS = d('''
    def max_pool2d(image, kernel_size=2):
        SETUP
        h, w = image.shape
        out = torch.zeros(h // kernel_size, w // kernel_size, dtype=image.dtype)
        for i in range(h // kernel_size):
            for j in range(w // kernel_size):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        SHOW_OUT
        return out
    ''')


def pool(setup="pass", out='print("pooled:", out)'):
    return POOL_PRINTS.replace("SETUP", setup).replace("SHOW_OUT", out)


def q6(setup="pass", **kw):
    return (conv(setup, **kw), pool(setup), "tensor")


SELFCHECK = d('''
    x, k = torch.rand(6, 6), torch.rand(3, 3)
    print(torch.allclose(conv2d(x, k, padding=1), F.conv2d(x[None, None], k[None, None], padding=1)[0, 0]))
    print(torch.equal(max_pool2d(x), F.max_pool2d(x[None, None], 2)[0, 0]))
    ''')

# ===============================================================================================================
# 1. print options set at module level, conv2d / max_pool2d printing
# ===============================================================================================================
PO = "torch.set_printoptions({})\n"
for name, title, setting, extra in [
    ("precision_sci_mode_control", "precision=3, sci_mode=False", "precision=3, sci_mode=False", ""),
    ("threshold_sys_maxsize", "threshold=sys.maxsize", "threshold=sys.maxsize", "import sys\n"),
    ("threshold_np_inf", "threshold=np.inf", "threshold=np.inf", ""),
    ("threshold_float_inf", 'threshold=float("inf")', 'threshold=float("inf")', ""),
    ("threshold_math_inf", "threshold=math.inf", "threshold=math.inf", "import math\n"),
    ("profile_full", 'profile="full"', 'profile="full"', ""),
    ("threshold_np_iinfo_max", "threshold=np.iinfo(np.int64).max", "threshold=np.iinfo(np.int64).max", ""),
    ("threshold_torch_iinfo_max", "threshold=torch.iinfo(torch.int64).max", "threshold=torch.iinfo(torch.int64).max",
     ""),
    ("threshold_from_math_import_inf", "from math import inf; threshold=inf", "threshold=inf", "from math import inf\n"),
    ("threshold_from_sys_import_maxsize", "from sys import maxsize; threshold=maxsize", "threshold=maxsize",
     "from sys import maxsize\n"),
    ("threshold_int_1e9_linewidth_200", "threshold=int(1e9), linewidth=200", "threshold=int(1e9), linewidth=200", ""),
    ("linewidth_terminal_size", "linewidth=shutil.get_terminal_size().columns",
     "linewidth=shutil.get_terminal_size().columns", "import shutil\n"),
]:
    case(f"r50_nb_q6_printoptions_{name}",
         f"`torch.set_printoptions({title})` in the set-up cell; conv2d / max_pool2d print their tensors.",
         before=[extra + PO.format(setting)], q6=q6(), extra6=[SELFCHECK])

case("r50_nb_q6_printoptions_config_dict_unpacked",
     "`PRINT_OPTIONS = {...}` then `torch.set_printoptions(**PRINT_OPTIONS)`.",
     before=['PRINT_OPTIONS = {"precision": 4, "sci_mode": False, "linewidth": 160}\n'
             "torch.set_printoptions(**PRINT_OPTIONS)\n"], q6=q6(), extra6=[SELFCHECK])
case("r50_nb_q6_printoptions_config_dict_subscript",
     '`CONFIG = {"precision": 3, ...}` and `torch.set_printoptions(precision=CONFIG["precision"])`.',
     before=['CONFIG = {"precision": 3, "lr": 1e-3, "epochs": 5}\n'
             'torch.set_printoptions(precision=CONFIG["precision"])\n'], q6=q6(), extra6=[SELFCHECK])
case("r50_nb_q6_printoptions_dataclass_config_field",
     "A `Config` dataclass; `torch.set_printoptions(precision=cfg.print_precision)`.",
     before=[d('''
         from dataclasses import dataclass


         @dataclass
         class Config:
             lr: float = 1e-3
             epochs: int = 5
             print_precision: int = 3


         cfg = Config()
         torch.set_printoptions(precision=cfg.print_precision)
         ''')], q6=q6(), extra6=[SELFCHECK])
case("r50_nb_q6_printoptions_class_attribute",
     "`class Settings: PRECISION = 3`; `torch.set_printoptions(precision=Settings.PRECISION)`.",
     before=[d('''
         class Settings:
             PRECISION = 3
             SEED = 0


         torch.manual_seed(Settings.SEED)
         torch.set_printoptions(precision=Settings.PRECISION)
         ''')], q6=q6(), extra6=[SELFCHECK])
case("r50_nb_q6_printoptions_annotated_constant",
     "`PRECISION: int = 3` (annotated) then `torch.set_printoptions(precision=PRECISION)`.",
     before=["PRECISION: int = 3\ntorch.set_printoptions(precision=PRECISION)\n"], q6=q6(), extra6=[SELFCHECK])
case("r50_nb_q6_printoptions_plain_constant_control",
     "`PRECISION = 3` then `torch.set_printoptions(precision=PRECISION)`.",
     before=["PRECISION = 3\ntorch.set_printoptions(precision=PRECISION)\n"], q6=q6(), extra6=[SELFCHECK])
case("r50_nb_q6_printoptions_tuple_unpacked_constants",
     "`PRECISION, EDGEITEMS = 3, 2` then `torch.set_printoptions(precision=PRECISION, edgeitems=EDGEITEMS)`.",
     before=["PRECISION, EDGEITEMS = 3, 2\ntorch.set_printoptions(precision=PRECISION, edgeitems=EDGEITEMS)\n"],
     q6=q6(), extra6=[SELFCHECK])
case("r50_nb_q6_printoptions_ifexp_debug",
     "`torch.set_printoptions(precision=6 if DEBUG else 3)`.",
     before=["DEBUG = False\ntorch.set_printoptions(precision=6 if DEBUG else 3)\n"], q6=q6(), extra6=[SELFCHECK])
case("r50_nb_q6_printoptions_precision_loop_demo",
     "A demo cell: `for p in (2, 4, 8): torch.set_printoptions(precision=p); print(torch.tensor([1/3]))`.",
     q6=q6(), extra6=[d('''
         for p in (2, 4, 8):
             torch.set_printoptions(precision=p)
             print(p, torch.tensor([1 / 3]))
         torch.set_printoptions(profile="default")
         '''), SELFCHECK])
case("r50_nb_q6_printoptions_argparse_args",
     "argparse (`parse_args([])`) gives `--precision`; `torch.set_printoptions(precision=args.precision)`.",
     before=[d('''
         import argparse

         parser = argparse.ArgumentParser()
         parser.add_argument("--precision", type=int, default=3)
         args = parser.parse_args([])
         torch.set_printoptions(precision=args.precision)
         ''')], q6=q6(), extra6=[SELFCHECK])
SHOW_HELPER = d('''
    def show(name, t, precision=3):
        """Print a tensor with a given precision."""
        torch.set_printoptions(precision=precision)
        print(f"{name} {tuple(t.shape)}:\\n{t}")
    ''')
case("r50_nb_q6_show_helper_precision_param_constants",
     "conv2d/max_pool2d call `show(name, t)`; the helper sets `precision=precision` (default 3, callers give 2/4).",
     before=[SHOW_HELPER], q6=(conv(patch='show("patch", patch, 2)', out='show("out", out, precision=4)'),
                               pool(out='show("pooled", out)'), "tensor"), extra6=[SELFCHECK])
case("r50_nb_q6_show_helper_kwargs_forwarded",
     "`def show(t, **opts): torch.set_printoptions(**opts); print(t)`; conv2d calls `show(out, precision=3)`.",
     before=[d('''
         def show(t, **opts):
             torch.set_printoptions(**opts)
             print(t)
             torch.set_printoptions(profile="default")
         ''')], q6=(conv(patch="show(patch, precision=2)", out="show(out, precision=3, sci_mode=False)"),
                    pool(out="show(out)"), "tensor"), extra6=[SELFCHECK])

# ===============================================================================================================
# 2. print options set inside conv2d (computed at run time)
# ===============================================================================================================
case("r50_nb_q6_conv_threshold_numel",
     "conv2d sets `torch.set_printoptions(threshold=out.numel())` before printing its whole output.",
     q6=(conv(out="torch.set_printoptions(threshold=out.numel())\n    print(out)"), POOL_LOOPS, "tensor"),
     extra6=[SELFCHECK])
case("r50_nb_q6_conv_threshold_np_prod_shape",
     "conv2d sets `torch.set_printoptions(threshold=np.prod(out.shape))` before printing (a NumPy integer).",
     q6=(conv(out="torch.set_printoptions(threshold=np.prod(out.shape))\n    print(out)"), POOL_LOOPS, "tensor"),
     extra6=[SELFCHECK])
case("r50_nb_q6_conv_threshold_int_np_prod_shape",
     "conv2d sets `torch.set_printoptions(threshold=int(np.prod(out.shape)))`.",
     q6=(conv(out="torch.set_printoptions(threshold=int(np.prod(out.shape)))\n    print(out)"), POOL_LOOPS,
         "tensor"), extra6=[SELFCHECK])
case("r50_nb_q6_conv_sets_precision_constant_inside",
     "conv2d sets `torch.set_printoptions(precision=2)` at its top (control).",
     q6=q6("torch.set_printoptions(precision=2)"), extra6=[SELFCHECK])

# ===============================================================================================================
# 3. ways of printing tensors in conv2d (runtime: torch._tensor_str._str)
# ===============================================================================================================
for name, title, patch, out in [
    ("fstring_repr", "f-strings `{patch!r}` and `{out}`", 'print(f"patch={patch!r}")', 'print(f"out:\\n{out}")'),
    ("percent_and_format", "`'%s' % patch` and `'{}'.format(out)`", 'print("patch %s" % patch)',
     'print("out {}".format(out))'),
    ("repr_str_calls", "`repr(patch)`, `str(out)`", "print(repr(patch))", "print(str(out))"),
    ("pprint_dict_of_tensors", "`pprint({'patch': patch, 'kernel': kernel})`",
     'pprint.pprint({"patch": patch, "kernel": kernel})', 'pprint.pprint({"out": out, "shape": tuple(out.shape)})'),
    ("logging_debug_percent_s", "`logging.info('patch %s', patch)` (root logger at INFO)",
     'logging.info("patch %s", patch)', 'logging.info("out %s", out)'),
    ("max_return_types", "`print(patch.max(dim=0))` (a torch.return_types.max)", "print(patch.max(dim=0))",
     "print(out.max(dim=1))"),
    ("kernel_parameter_printed", "the kernel wrapped as `torch.nn.Parameter(kernel)` and printed",
     "print(torch.nn.Parameter(kernel.clone(), requires_grad=False))", "print(nn.Parameter(out.clone()))"),
    ("grad_tensor_printed", "a `requires_grad` copy printed (grad_fn shown)",
     "print(patch.detach().clone().requires_grad_() * 2)", "print(out.detach().double())"),
]:
    extra = {"pprint": "import pprint\n", "logging": "import logging\nlogging.basicConfig(level=logging.INFO)\n"}
    case(f"r50_nb_q6_conv_prints_{name}", f"conv2d prints its first window and its output with {title}.",
         before=[next((v for k, v in extra.items() if k in name), "pass\n")], q6=q6(patch=patch, out=out),
         extra6=[SELFCHECK])
case("r50_nb_q6_conv_prints_nn_buffer_demo",
     "A small module registers the kernel with `nn.Buffer` and prints it; conv2d prints its output.",
     q6=q6(), extra6=[d('''
         class Blur(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.kernel = nn.Buffer(torch.full((3, 3), 1 / 9))

             def forward(self, image):
                 return conv2d(image, self.kernel, padding=1)


         blur = Blur()
         print(blur.kernel)
         print(blur(torch.rand(5, 5)))
         '''), SELFCHECK])

# ===============================================================================================================
# 4. namespaces shown beside classes (dataclass, __repr__)
# ===============================================================================================================
TIMER = d('''
    import time


    class Timer:
        """with Timer("conv"): ... prints the elapsed time."""
        def __init__(self, name):
            self.name = name
            self.elapsed = 0.0

        def __enter__(self):
            self.start = time.perf_counter()
            return self

        def __exit__(self, *exc):
            self.elapsed = time.perf_counter() - self.start
            print(self)

        def __repr__(self):
            return f"Timer({self.name!r}, {self.elapsed * 1000:.2f} ms)"
    ''')
DATACLASS_CFG = d('''
    from dataclasses import dataclass


    @dataclass
    class Config:
        lr: float = 1e-3
        epochs: int = 3
        batch_size: int = 32


    cfg = Config()
    print(cfg)
    ''')
DEBUG_LOCALS = d('''
    def debug_shapes(image, kernel, stride=1, padding=0):
        """Print what conv2d will be called with."""
        out_h = (image.shape[0] + 2 * padding - kernel.shape[0]) // stride + 1
        print(locals())
        return out_h
    ''')
case("r50_nb_debug_locals_beside_dataclass",
     "A `Config` dataclass, and a debug helper that does `print(locals())` (no class writes its own text).",
     before=[DATACLASS_CFG, DEBUG_LOCALS], q6=("loops_zeros", "loops", "tensor"),
     extra6=["debug_shapes(torch.rand(6, 6), torch.rand(3, 3), padding=1)\n", SELFCHECK])
case("r50_nb_debug_locals_beside_timer_repr",
     "A `Timer` context manager with `__repr__`, and a debug helper that does `print(locals())`.",
     before=[TIMER, DEBUG_LOCALS], q6=("loops_zeros", "loops", "tensor"),
     extra6=["debug_shapes(torch.rand(6, 6), torch.rand(3, 3), padding=1)\n"
             "with Timer('conv2d'):\n    conv2d(torch.rand(20, 20), torch.rand(3, 3))\n", SELFCHECK])
case("r50_nb_timer_repr_no_namespace_control",
     "The `Timer` context manager with `__repr__`, no namespace printed.",
     before=[TIMER], q6=("loops_zeros", "loops", "tensor"),
     extra6=["with Timer('conv2d'):\n    conv2d(torch.rand(20, 20), torch.rand(3, 3))\n", SELFCHECK])
CFG_REPR = d('''
    class Config:
        def __init__(self, **kwargs):
            self.lr = 1e-3
            self.epochs = 3
            for key, value in kwargs.items():
                setattr(self, key, value)

        def __repr__(self):
            return "Config(" + ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items()) + ")"


    cfg = Config(epochs=5)
    ''')
case("r50_nb_pprint_vars_config_with_repr",
     "A hand-written `Config` with `__repr__`; `pprint(vars(cfg))` shows its fields.",
     before=[CFG_REPR, "from pprint import pprint\n\npprint(vars(cfg))\nprint(cfg)\n"])
case("r50_nb_print_vars_config_with_repr",
     "A hand-written `Config` with `__repr__`; `print(vars(cfg))`.",
     before=[CFG_REPR, "print(vars(cfg))\n"])
case("r50_nb_print_globals_keys",
     "A cell checks what the notebook defined: `print(globals().keys())` (no class of its own).",
     after=["print(globals().keys())\n"])
case("r50_nb_list_defined_names_from_globals",
     "A cell lists the names the notebook defined: `[n for n in globals() if not n.startswith('_')]`.",
     after=["print([n for n in globals() if not n.startswith('_')])\n"])
case("r50_nb_print_sorted_globals",
     "`print(sorted(globals()))` to check the answers are defined.",
     after=["print(sorted(globals()))\n"])
case("r50_nb_name_in_globals_check_control",
     "`assert 'conv2d' in globals()` checks (membership only).",
     after=["for name in ('conv2d', 'max_pool2d', 'CNN', 'ConvNet'):\n    assert name in globals(), name\n"])
case("r50_nb_config_repr_uses_vars_self",
     "A `Config` class whose `__repr__` is `f\"Config({vars(self)})\"`.",
     before=[d('''
         class Config:
             def __init__(self, lr=1e-3, epochs=3):
                 self.lr = lr
                 self.epochs = epochs

             def __repr__(self):
                 return f"Config({vars(self)})"


         print(Config())
         ''')])
case("r50_nb_config_repr_join_vars_items",
     "A `Config` class whose `__repr__` joins `vars(self).items()`.",
     before=[d('''
         class Config:
             def __init__(self, lr=1e-3, epochs=3):
                 self.lr = lr
                 self.epochs = epochs

             def __repr__(self):
                 fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
                 return f"{type(self).__name__}({fields})"


         print(Config())
         ''')])
case("r50_nb_config_to_json_vars",
     "A plain `Config` object saved with `json.dumps(vars(cfg))` (no class with __repr__).",
     before=[d('''
         import json


         class Config:
             def __init__(self):
                 self.lr = 1e-3
                 self.epochs = 3


         cfg = Config()
         print(json.dumps(vars(cfg), indent=2))
         ''')])
case("r50_nb_print_locals_in_conv2d_beside_dataclass_repr_false",
     "conv2d's first lines `print(locals())` (debugging) beside a dataclass; no class writes its own text.",
     before=[DATACLASS_CFG], q6=q6(setup="print({k: tuple(v.shape) if torch.is_tensor(v) else v "
                                        "for k, v in locals().items()})"), extra6=[SELFCHECK])
script("r50_py_argparse_print_vars_args_with_timer_repr",
       before=[TIMER, d('''
           import argparse

           parser = argparse.ArgumentParser()
           parser.add_argument("--epochs", type=int, default=2)
           args, _ = parser.parse_known_args()
           print(vars(args))
           ''')], after=['if __name__ == "__main__":\n    with Timer("forward"):\n'
                         '        CNN()(torch.rand(4, 1, 100, 100))\n'])

# ===============================================================================================================
# 5. warnings.warn read as a value, imported inside a function
# ===============================================================================================================
LAZY_IMPORT_CHECK = d('''
    def check_input(x):
        if x.dim() != 4:
            import warnings
            warnings.warn(f"expected a 4-d batch, got {x.dim()}-d", stacklevel=2)
    ''')
case("r50_nb_forward_check_imports_warnings_inside",
     "forward calls `check_input(x)`, which does `import warnings` inside the function before warning.",
     before=[LAZY_IMPORT_CHECK], q7=cnn("check_input(x)"))
case("r50_nb_forward_check_from_warnings_import_warn_inside",
     "forward calls `check_input(x)`, which does `from warnings import warn` inside the function.",
     before=[LAZY_IMPORT_CHECK.replace("import warnings\n        warnings.warn", "from warnings import warn\n"
                                       "        warn")], q7=cnn("check_input(x)"))
case("r50_nb_q6_helper_imports_warnings_inside",
     "A kernel check conv2d calls does `import warnings` inside (no model reaches it).",
     before=[d('''
         def check_kernel(kernel):
             if kernel.shape[0] != kernel.shape[1]:
                 import warnings
                 warnings.warn("non-square kernel", stacklevel=3)
         ''')], q6=(CONV_LOOPS.replace("    h, w = image.shape\n", "    check_kernel(kernel)\n    h, w = image.shape\n", 1),
                    POOL_LOOPS, "tensor"), extra6=[SELFCHECK])
case("r50_nb_forward_check_warn_alias",
     "`warn = warnings.warn` at module level; forward's input check calls `warn(...)`.",
     before=[d('''
         import warnings

         warn = warnings.warn


         def check_input(x):
             if x.dim() != 4:
                 warn(f"expected a 4-d batch, got {x.dim()}-d", stacklevel=2)
         ''')], q7=cnn("check_input(x)"))
case("r50_nb_forward_check_on_error_policy_dict",
     "`ON_BAD_INPUT = {'warn': warnings.warn, 'print': print}`; forward's check reports through the chosen one.",
     before=[d('''
         import warnings

         ON_BAD_INPUT = {"warn": warnings.warn, "print": print}
         POLICY = "warn"


         def check_input(x):
             if x.dim() != 4:
                 ON_BAD_INPUT[POLICY](f"expected a 4-d batch, got {x.dim()}-d")
         ''')], q7=cnn("check_input(x)"))
case("r50_nb_training_helper_warns_via_partial_not_in_models",
     "A training-loop helper warns through `functools.partial(warnings.warn, category=RuntimeWarning)`; no model "
     "reaches it.",
     after=[r48.TRAIN if hasattr(r48, "TRAIN") else "", d('''
         import functools
         import warnings

         nan_warning = functools.partial(warnings.warn, category=RuntimeWarning, stacklevel=2)


         def check_loss(loss):
             if not torch.isfinite(loss):
                 nan_warning(f"loss is {loss.item()}")


         check_loss(torch.tensor(1.0))
         ''')])

# ===============================================================================================================
# 6. NumPy's removed aliases put back
# ===============================================================================================================
for name, title, shim in [
    ("float_int_control", "np.float = float; np.int = int", "np.float = float\nnp.int = int\n"),
    ("tuple_assignment", "np.float, np.int = float, int", "np.float, np.int = float, int\n"),
    ("setattr_loop", "setattr(np, name, typ) over a list", 'for name, typ in [("float", float), ("int", int), '
                                                            '("bool", bool)]:\n    setattr(np, name, typ)\n'),
    ("bool8", "np.bool8 = np.bool_", "np.bool8 = np.bool_\n"),
    ("product_prod", "np.product = np.prod", 'if not hasattr(np, "product"):\n    np.product = np.prod\n'),
    ("float_np_float64_hasattr_guard", "np.float = np.float64 behind hasattr",
     'if not hasattr(np, "float"):\n    np.float = np.float64\n'),
    ("object_bool_complex", "np.object = object; np.bool = bool; np.complex = complex",
     "np.object = object\nnp.bool = bool\nnp.complex = complex\n"),
]:
    case(f"r50_nb_numpy_alias_{name}", f"Old code's NumPy aliases put back: `{title}`.", before=[shim],
         q6=("loops_zeros", "loops", "tensor"), extra6=["print(np.asarray(conv2d(torch.rand(5, 5), torch.ones(3, 3))"
                                                        ", dtype=np.float64).sum())\n"])

# ===============================================================================================================
# 7. isolation of what the first batch found
# ===============================================================================================================
case("r50_nb_config_repr_self_dict_alone",
     "The hand-written `Config` whose `__repr__` joins `self.__dict__.items()`; `print(cfg)`, no namespace shown.",
     before=[CFG_REPR, "print(cfg)\n"])
case("r50_nb_print_vars_config_no_repr_control",
     "A plain `Config` class (no `__repr__`); `print(vars(cfg))`.",
     before=[d('''
         class Config:
             def __init__(self):
                 self.lr = 1e-3
                 self.epochs = 3


         cfg = Config()
         print(vars(cfg))
         ''')])


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

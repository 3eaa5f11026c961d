"""Round 49 of the fairness corpus: the debugging, packaging, testing, benchmarking and seeding habits of a whole
class.  Print options (torch / numpy / pandas, formatters included), pprint, DataFrames of results, hand-made
progress bars, logging set-ups from tutorials, warnings filters; config dataclasses, argparse in a notebook,
``if __name__ == "__main__"``, ``functools.partial`` answers, a utils section; compatibility shims pasted from Stack
Overflow (``try: ... except ImportError``, version checks, ``getattr`` fallbacks, ``sys.path`` edits); zipping the work
from the notebook; ``unittest`` / ``doctest`` / hand-collected ``test_*`` functions; ``%timeit``, ``timeit`` with a
string statement, ``torch.utils.benchmark``, ``cProfile``; seeding everything (``PYTHONHASHSEED``, cudnn flags,
deterministic algorithms).

    python tests/corpus/fair/_make_r49.py            # rewrites tests/corpus/fair/r49_*
    python tests/corpus/fair/_make_r49.py --out DIR  # writes them to DIR instead
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import _make_r30 as r30  # noqa: E402
import _make_r38 as r38  # noqa: E402

d = r30.d
md = r30.md
answers = r30.answers
IMPORTS, SHAPES = r30.IMPORTS, r30.SHAPES
Q6_CONV, Q6_POOL = r30.Q6_CONV, r30.Q6_POOL

CASES: dict[str, list] = {}


def case(name, title, before=(), after=(), imports=IMPORTS, **kw):
    CASES[name] = [md(f"# Lab 6 - CNNs\n{title}"), imports, *before, *answers(**kw), SHAPES, *after]


def script(name, before=(), after=(), imports=IMPORTS, shapes=SHAPES, **kw):
    CASES[name] = [imports, *before, *answers(headers=False, **kw), shapes, *after]


CONV = Q6_CONV["loops_zeros"]
POOL = Q6_POOL["loops"]
SELFTEST6 = d('''
    x, k = torch.rand(6, 6), torch.rand(3, 3)
    ''')

# ===============================================================================================================
# 1. print options, pprint, DataFrames, progress printing
# ===============================================================================================================
case("r49_nb_torch_printoptions_full_profile_np_threshold_maxsize",
     "Print everything: torch profile='full', numpy threshold=sys.maxsize, then q6 printed.",
     before=[d('''
         import sys
         torch.set_printoptions(profile="full")
         np.set_printoptions(threshold=sys.maxsize)
         torch.set_printoptions(precision=2, sci_mode=False, linewidth=120)
         np.set_printoptions(suppress=True, precision=3)
         ''')],
     after=[d('''
         print(q6_output)
         print(conv2d(torch.arange(36.).reshape(6, 6), torch.ones(3, 3), stride=2, padding=1))
         ''')])
case("r49_nb_torch_printoptions_threshold_float_inf",
     "torch.set_printoptions(threshold=float('inf')) (SO: print the whole tensor).",
     before=["torch.set_printoptions(threshold=float('inf'))\nprint(torch.rand(30, 30).shape)\n"],
     after=["print(conv2d(torch.rand(8, 8), torch.rand(3, 3)))\n"])
case("r49_nb_torch_printoptions_threshold_np_inf",
     "torch.set_printoptions(threshold=np.inf) -- numpy's inf, the other SO answer.",
     before=["torch.set_printoptions(threshold=np.inf, edgeitems=5)\n"],
     after=["print(max_pool2d(torch.rand(8, 8)))\n"])
case("r49_nb_numpy_printoptions_formatter_lambda",
     "np.set_printoptions(formatter={'float': lambda x: ...}) to show two decimals.",
     before=[d('''
         np.set_printoptions(formatter={"float": lambda x: f"{x:6.2f}"})
         print(np.random.rand(3, 3))
         ''')],
     after=["print(conv2d(torch.rand(5, 5), torch.rand(3, 3)).numpy())\n"])
case("r49_nb_numpy_printoptions_formatter_format_method",
     "np.set_printoptions(formatter={'float_kind': '{:.3f}'.format}).",
     before=["np.set_printoptions(formatter={'float_kind': '{:.3f}'.format})\n"],
     after=["print(q6_output.numpy())\n"])
case("r49_nb_pandas_float_format_option_and_results_frame",
     "pandas display options (float_format lambda) and a DataFrame of q4/q5 results.",
     imports=IMPORTS + "import pandas as pd\n",
     before=[d('''
         pd.set_option("display.max_columns", None)
         pd.set_option("display.float_format", lambda v: f"{v:,.2f}")
         ''')],
     after=[d('''
         rows = [("conv", q4_conv_params, conv2d_params(1, 3, 3)), ("cnn", q4_cnn_params, None),
                 ("fcnn", q4_fcnn_params, None), ("linear", linear_params(1250, 1), 1251)]
         df = pd.DataFrame(rows, columns=["what", "mine", "check"])
         df["ratio"] = df["mine"] / df["mine"].max()
         df
         ''')])
case("r49_nb_pandas_options_attribute_float_format",
     "pd.options.display.float_format = '{:.3f}'.format (the attribute form).",
     imports=IMPORTS + "import pandas as pd\n",
     before=["pd.options.display.float_format = '{:.3f}'.format\npd.options.display.max_rows = 100\n"],
     after=[d('''
         shapes = pd.DataFrame(q3_shapes, columns=["C", "H", "W"]) if len(q3_shapes[0]) == 3 else pd.Series(q3_shapes)
         print(shapes)
         ''')])
case("r49_nb_pprint_everything_prettyprinter",
     "pprint of every answer, and a PrettyPrinter with width=40.",
     imports=IMPORTS + "from pprint import pprint, PrettyPrinter\n",
     after=[d('''
         pp = PrettyPrinter(indent=2, width=40, sort_dicts=False)
         pp.pprint(q10_answers)
         pprint({"q1": q1_answer, "q3": q3_shapes, "q4": (q4_conv_params, q4_cnn_params, q4_fcnn_params)})
         pprint(dict(CNN().named_parameters()), depth=1)
         ''')])
case("r49_nb_forward_prints_shapes_debug",
     "A debug print of the shape after every layer inside forward (left in).",
     q7=d('''
         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.layers = nn.ModuleList([
                     nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     nn.Flatten(), nn.Linear(1250, 1)])

             def forward(self, x, verbose=False):
                 for layer in self.layers:
                     x = layer(x)
                     if verbose:
                         print(f"{layer.__class__.__name__:>10} -> {tuple(x.shape)}")
                 return x
         '''),
     after=["_ = CNN()(torch.rand(1, 1, 100, 100), verbose=True)\n"])
case("r49_nb_forward_hook_prints_shapes_registered_in_init",
     "Shape-printing forward hooks registered in __init__ behind a DEBUG flag (False).",
     before=["DEBUG = False\n"],
     q7=d('''
         def show_shape(module, inputs, output):
             print(f"{type(module).__name__}: {tuple(inputs[0].shape)} -> {tuple(output.shape)}")


         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.main = nn.Sequential(
                     nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     nn.Flatten(), nn.Linear(1250, 1))
                 if DEBUG:
                     for m in self.main:
                         m.register_forward_hook(show_shape)

             def forward(self, x):
                 return self.main(x)
         '''))
case("r49_nb_shape_hooks_on_instance_removed_after",
     "Hooks put on an instance to print shapes, then removed (handles kept in a list).",
     after=[d('''
         model = CNN()
         handles = [m.register_forward_hook(lambda m, i, o: print(type(m).__name__, tuple(o.shape)))
                    for m in model.modules() if m is not model]
         model(torch.rand(1, 1, 100, 100))
         for h in handles:
             h.remove()
         ''')])
script("r49_py_progress_bar_carriage_return_stdout_write",
       imports=IMPORTS + "import sys\nimport time\n",
       before=[d('''
           def progress(i, n, width=30, prefix=""):
               done = int(width * (i + 1) / n)
               sys.stdout.write(f"\\r{prefix}[{'#' * done}{'.' * (width - done)}] {i + 1}/{n}")
               sys.stdout.flush()
               if i + 1 == n:
                   sys.stdout.write("\\n")
           ''')],
       after=[d('''
           model = CNN()
           opt = torch.optim.SGD(model.parameters(), lr=0.01)
           for step in range(5):
               loss = model(torch.rand(4, 1, 100, 100)).pow(2).mean()
               opt.zero_grad()
               loss.backward()
               opt.step()
               progress(step, 5, prefix=f"loss {loss.item():.3f} ")
           ''')])
case("r49_nb_tqdm_fallback_shim_not_installed",
     "`try: from tqdm.auto import tqdm except ImportError: tqdm = identity` (tqdm not installed).",
     before=[d('''
         try:
             from tqdm.auto import tqdm
         except ImportError:  # pip install tqdm
             def tqdm(iterable=None, **kwargs):
                 return iterable
         ''')],
     after=[d('''
         errs = []
         for _ in tqdm(range(3), desc="checking conv2d"):
             a, b = torch.rand(7, 7), torch.rand(3, 3)
             errs.append((conv2d(a, b, padding=1) - F.conv2d(a[None, None], b[None, None], padding=1)[0, 0]).abs().max())
         print(max(errs))
         ''')])
case("r49_nb_ipython_display_markdown_summary",
     "IPython.display: Markdown table of the answers, display() of a DataFrame.",
     imports=IMPORTS + "from IPython.display import display, Markdown, HTML\nimport pandas as pd\n",
     after=[d('''
         display(Markdown(f"| q | answer |\\n|---|---|\\n| q1 | {q1_answer} |\\n| q9 | {sorted(q9_true)} |"))
         display(pd.DataFrame.from_dict(q10_answers, orient="index", columns=["true?"]).T)
         display(HTML("<b>done</b>"))
         ''')])

# ===============================================================================================================
# 2. logging and warnings set-ups
# ===============================================================================================================
LOG_BASIC = d('''
    import logging

    logging.basicConfig(level=logging.INFO, format="%(asctime)s | %(levelname)-8s | %(name)s | %(message)s",
                        datefmt="%H:%M:%S", force=True)
    logger = logging.getLogger(__name__)
    logging.getLogger("matplotlib").setLevel(logging.WARNING)
    ''')
case("r49_nb_logging_basicconfig_force_forward_debug_fstring",
     "logging.basicConfig(force=True) and a logger.debug(f'...') in forward.",
     before=[LOG_BASIC],
     q7=d('''
         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.features = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                               nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
                 self.classifier = nn.Linear(1250, 1)

             def forward(self, x):
                 logger.debug(f"input {tuple(x.shape)}")
                 x = self.features(x)
                 logger.debug("features %s", tuple(x.shape))
                 return self.classifier(x.flatten(1))
         '''),
     after=["logger.info('q7 params: %d', sum(p.numel() for p in CNN().parameters()))\n"])
case("r49_nb_logging_stdout_handler_propagate_false",
     "A tutorial logger: StreamHandler(sys.stdout), a Formatter, propagate = False, used in conv2d.",
     before=[d('''
         import logging
         import sys

         log = logging.getLogger("lab6")
         log.setLevel(logging.DEBUG)
         if not log.handlers:
             handler = logging.StreamHandler(sys.stdout)
             handler.setFormatter(logging.Formatter("[%(levelname)s] %(funcName)s: %(message)s"))
             log.addHandler(handler)
         log.propagate = False
         log.setLevel(logging.WARNING)
         ''')],
     q6=(CONV.replace("    H, W = image.shape\n",
                      "    H, W = image.shape\n    log.debug(\"image %dx%d, stride %d, padding %d\", H, W, stride, padding)\n"),
         "loops", "tensor"))
script("r49_py_logging_file_handler_rotating",
       imports=IMPORTS + "import logging\nimport logging.handlers\nimport os\nimport tempfile\n",
       before=[d('''
           LOG_PATH = os.path.join(tempfile.gettempdir(), "lab6_r49.log")
           logger = logging.getLogger("lab6")
           logger.setLevel(logging.INFO)
           fh = logging.handlers.RotatingFileHandler(LOG_PATH, maxBytes=100_000, backupCount=1)
           fh.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
           logger.addHandler(fh)
           ''')],
       after=["logger.info('answers defined: q1=%s q9=%s', q1_answer, sorted(q9_true))\nfh.close()\nlogger.removeHandler(fh)\n"])
case("r49_nb_warnings_filters_from_tutorials",
     "The usual warnings filters pasted at the top (ignore all, FutureWarning, a torch module regex).",
     before=[d('''
         import warnings
         warnings.filterwarnings("ignore")
         warnings.simplefilter(action="ignore", category=FutureWarning)
         warnings.filterwarnings("ignore", category=UserWarning, module=r"torch\\..*")
         warnings.filterwarnings("ignore", message=".*TypedStorage is deprecated.*")
         ''')])
case("r49_nb_warnings_catch_in_conv2d_check",
     "A `with warnings.catch_warnings(): simplefilter('ignore')` around a self-check.",
     before=["import warnings\n"],
     after=[d('''
         with warnings.catch_warnings():
             warnings.simplefilter("ignore")
             a, b = torch.rand(9, 9), torch.rand(3, 3)
             ref = F.conv2d(a[None, None], b[None, None], stride=2)[0, 0]
             assert torch.allclose(conv2d(a, b, stride=2), ref, atol=1e-5)
         print("conv2d ok")
         ''')])

# ===============================================================================================================
# 3. packaging: configs, argparse, main guards, partial, utils
# ===============================================================================================================
CFG = d('''
    from dataclasses import dataclass, field, asdict


    @dataclass
    class CNNConfig:
        in_channels: int = 1
        channels: tuple = (3, 2)
        kernel_size: int = 3
        pool: int = 2
        image_size: int = 100
        hidden: list = field(default_factory=list)

        @property
        def flat(self):
            side = self.image_size // self.pool ** len(self.channels)
            return self.channels[-1] * side * side


    CFG = CNNConfig()
    print(asdict(CFG))
    ''')
case("r49_nb_config_dataclass_field_default_factory_property",
     "A config dataclass (field(default_factory=list), a property) the CNN is built from.",
     before=[CFG],
     q7=d('''
         class CNN(nn.Module):
             def __init__(self, cfg: CNNConfig = CFG):
                 super().__init__()
                 layers, c = [], cfg.in_channels
                 for out in cfg.channels:
                     layers += [nn.Conv2d(c, out, cfg.kernel_size, padding=cfg.kernel_size // 2), nn.ReLU(),
                                nn.MaxPool2d(cfg.pool)]
                     c = out
                 self.body = nn.Sequential(*layers, nn.Flatten())
                 self.head = nn.Linear(cfg.flat, 1)

             def forward(self, x):
                 return self.head(self.body(x))
         '''))
ARGS_NB = d('''
    import argparse

    parser = argparse.ArgumentParser(description="Lab 6")
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--kernel-size", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args, unknown = parser.parse_known_args()   # jupyter passes -f kernel.json
    print(vars(args))
    ''')
case("r49_nb_argparse_parse_known_args_in_notebook",
     "argparse in a notebook with parse_known_args() (Jupyter's -f), kernel size from args.",
     before=[ARGS_NB],
     q8=d('''
         def conv_block(input_channels, output_channels, k=args.kernel_size):
             return nn.Sequential(nn.Conv2d(input_channels, output_channels, k, padding=k // 2), nn.ReLU())


         class ConvNet(nn.Module):
             def __init__(self, input_channels):
                 super().__init__()
                 chans = [input_channels, 3, 3, 3, 3, 3]
                 self.convs = nn.Sequential(*(conv_block(a, b) for a, b in zip(chans, chans[1:])))
                 self.out = nn.Linear(3 * 128 * 128, 1)

             def forward(self, x):
                 return self.out(self.convs(x).flatten(start_dim=1))
         '''))
case("r49_nb_argparse_parse_args_empty_list",
     "argparse with parse_args(args=[]) (the other notebook fix).",
     before=[ARGS_NB.replace("args, unknown = parser.parse_known_args()   # jupyter passes -f kernel.json",
                             "args = parser.parse_args(args=[])")])
script("r49_py_main_guard_argparse_script",
       imports="#!/usr/bin/env python3\n\"\"\"Lab 6 as a script: python lab6.py --demo\"\"\"\n" + IMPORTS + "import argparse\n",
       shapes="",
       after=[d('''
           def main(argv=None):
               p = argparse.ArgumentParser()
               p.add_argument("--demo", action="store_true")
               a = p.parse_args(argv)
               if a.demo:
                   print(CNN()(torch.rand(2, 1, 100, 100)).shape)
               for c in (1, 3):
                   print(c, ConvNet(c)(torch.rand(2, c, 128, 128)).shape)
               return 0


           if __name__ == "__main__":
               raise SystemExit(main([]))
           ''')])
case("r49_nb_main_guard_in_notebook",
     "The demo code under `if __name__ == \"__main__\":` in a notebook cell, with a main() function.",
     after=[d('''
         def main():
             print("q2:", conv_output_size(100, 5), conv_output_size(28, 3, stride=2, padding=1))
             print("q6:", q6_output)
             print("q7:", CNN()(torch.rand(1, 1, 100, 100)).shape)


         if __name__ == "__main__":
             main()
         ''')])
case("r49_nb_partial_answers_from_generic_helpers",
     "max_pool2d and conv2d as functools.partial of generic helpers in a utils section.",
     q6=(d('''
         import functools


         def _sliding(image, kernel_size, stride, padding, reduce, kernel=None):
             if padding:
                 image = F.pad(image, (padding,) * 4)
             kh, kw = kernel_size
             oh = (image.shape[0] - kh) // stride + 1
             ow = (image.shape[1] - kw) // stride + 1
             out = torch.empty(oh, ow, dtype=image.dtype)
             for i in range(oh):
                 for j in range(ow):
                     win = image[i * stride:i * stride + kh, j * stride:j * stride + kw]
                     out[i, j] = reduce(win if kernel is None else win * kernel)
             return out


         def conv2d(image, kernel, stride=1, padding=0):
             return _sliding(image, tuple(kernel.shape), stride, padding, torch.sum, kernel)
         '''), d('''
         def _pool(image, kernel_size=2, reduce=torch.max):
             return _sliding(image, (kernel_size, kernel_size), kernel_size, 0, reduce)


         max_pool2d = functools.partial(_pool, reduce=torch.max)
         '''), "tensor"))
case("r49_nb_utils_section_all_and_typed_helpers",
     "A '## utils' section: __all__, a Tensor alias, typed helpers, a Timer class used as context manager.",
     before=[d('''
         # ---------------------------------------------------------------- utils
         import time
         from typing import Tuple
         from torch import Tensor

         __all__ = ["Timer", "n_params", "shape_str"]


         class Timer:
             def __init__(self, name=""):
                 self.name = name

             def __enter__(self):
                 self.t0 = time.perf_counter()
                 return self

             def __exit__(self, *exc):
                 self.dt = time.perf_counter() - self.t0
                 print(f"[{self.name}] {self.dt * 1e3:.1f} ms")
                 return False


         def n_params(m: nn.Module) -> int:
             return sum(p.numel() for p in m.parameters() if p.requires_grad)


         def shape_str(t: Tensor) -> str:
             return "x".join(map(str, t.shape))
         ''')],
     after=[d('''
         with Timer("conv2d 20x20"):
             y = conv2d(torch.rand(20, 20), torch.rand(3, 3), padding=1)
         print(shape_str(y), n_params(CNN()), n_params(ConvNet(3)))
         ''')])
script("r49_py_future_annotations_typed_signatures",
       imports="from __future__ import annotations\n\n" + IMPORTS + "from torch import Tensor\n",
       q2=d('''
           def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
               if kernel_size > size + 2 * padding:
                   raise ValueError(f"kernel {kernel_size} does not fit in {size} + 2*{padding}")
               return (size + 2 * padding - kernel_size) // stride + 1
           '''),
       q6=(d('''
           def conv2d(image: Tensor, kernel: Tensor, stride: int = 1, padding: int = 0) -> Tensor:
               if padding:
                   image = F.pad(image, [padding] * 4)
               kh, kw = kernel.shape
               rows = range(0, image.shape[0] - kh + 1, stride)
               cols = range(0, image.shape[1] - kw + 1, stride)
               return torch.stack([torch.stack([(image[i:i + kh, j:j + kw] * kernel).sum() for j in cols])
                                   for i in rows])
           '''), "loops", "tensor"))

# ===============================================================================================================
# 4. compatibility shims
# ===============================================================================================================
case("r49_nb_sys_path_insert_parent_dir",
     "sys.path.insert(0, os.path.abspath('..')) at the top (to import the course's helpers).",
     before=[d('''
         import os
         import sys
         module_path = os.path.abspath(os.path.join(".."))
         if module_path not in sys.path:
             sys.path.insert(0, module_path)
         ''')])
script("r49_py_sys_path_append_script_dir",
       imports="import os\nimport sys\n\nsys.path.append(os.path.dirname(os.path.abspath(__file__)) if '__file__' in globals() else os.getcwd())\n" + IMPORTS)
case("r49_nb_math_prod_fallback_shim_q5",
     "q5 with math.prod and the SO fallback for Python < 3.8 (reduce + operator.mul).",
     q5=d('''
         try:
             from math import prod
         except ImportError:  # python < 3.8
             import operator
             from functools import reduce

             def prod(xs):
                 return reduce(operator.mul, xs, 1)


         def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
             ks = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
             return prod((out_channels, in_channels, *ks)) + (out_channels if bias else 0)


         def linear_params(in_features, out_features, bias=True):
             return prod((in_features, out_features)) + (out_features if bias else 0)
         '''))
case("r49_nb_version_check_shims_inference_mode_getattr",
     "Version shims: sys.version_info, torch version parse, getattr(torch, 'inference_mode', torch.no_grad).",
     before=[d('''
         import sys
         if sys.version_info >= (3, 9):
             from functools import cache
         else:
             from functools import lru_cache
             cache = lru_cache(maxsize=None)

         TORCH_MAJOR, TORCH_MINOR = (int(v) for v in torch.__version__.split("+")[0].split(".")[:2])
         inference_mode = getattr(torch, "inference_mode", torch.no_grad)
         HAS_COMPILE = hasattr(torch, "compile") and TORCH_MAJOR >= 2
         print(TORCH_MAJOR, TORCH_MINOR, HAS_COMPILE)
         ''')],
     after=[d('''
         @cache
         def size_table(n):
             return tuple(conv_output_size(n, k) for k in (1, 3, 5))


         with inference_mode():
             print(size_table(10), CNN()(torch.rand(1, 1, 100, 100)).item() is not None)
         ''')])
case("r49_nb_device_select_mps_fallback_model_to_device",
     "Device pick (cuda / mps via getattr / cpu) and .to(device) in the demo.",
     before=[d('''
         if torch.cuda.is_available():
             device = torch.device("cuda")
         elif getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
             device = torch.device("mps")
         else:
             device = torch.device("cpu")
         print("using", device)
         ''')],
     after=[d('''
         model = CNN().to(device)
         print(model(torch.rand(2, 1, 100, 100, device=device)).shape)
         ''')])
case("r49_nb_contextlib_nullcontext_amp_shim",
     "nullcontext shim for autocast (SO), used around a forward pass.",
     before=[d('''
         try:
             from contextlib import nullcontext
         except ImportError:
             from contextlib import suppress as nullcontext

         use_amp = torch.cuda.is_available()
         amp_ctx = torch.autocast("cuda") if use_amp else nullcontext()
         ''')],
     after=["with amp_ctx:\n    print(ConvNet(1)(torch.rand(1, 1, 128, 128)).shape)\n"])
case("r49_nb_typing_extensions_literal_fallback",
     "try: from typing import Literal except ImportError: from typing_extensions import Literal.",
     before=[d('''
         try:
             from typing import Literal
         except ImportError:
             from typing_extensions import Literal

         Answer = Literal["A", "B", "C", "D", "E"]
         ''')],
     q9='q9_true: set[Answer] = {"C"}\n')

# ===============================================================================================================
# 5. zipping the work
# ===============================================================================================================
case("r49_nb_zipfile_of_notebook_guarded",
     "Last cell zips the notebook for upload (only if the file is there).",
     after=[d('''
         import os
         import zipfile

         NB = "lecture06.ipynb"
         if os.path.exists(NB):
             with zipfile.ZipFile("submission.zip", "w", zipfile.ZIP_DEFLATED) as zf:
                 zf.write(NB)
             print("wrote submission.zip")
         else:
             print(NB, "not found, nothing zipped")
         ''')])
case("r49_nb_shutil_make_archive_tempdir",
     "Saves the answers as JSON in a temp folder and shutil.make_archive's it.",
     after=[d('''
         import json
         import shutil
         import tempfile
         from pathlib import Path

         with tempfile.TemporaryDirectory() as tmp:
             out = Path(tmp) / "lab6"
             out.mkdir()
             (out / "answers.json").write_text(json.dumps({"q1": q1_answer, "q9": sorted(q9_true),
                                                          "q10": {str(k): v for k, v in q10_answers.items()}}))
             torch.save(CNN().state_dict(), out / "cnn.pt")
             archive = shutil.make_archive(str(Path(tmp) / "lab6"), "zip", out)
             print(Path(archive).name, Path(archive).stat().st_size > 0)
         ''')])
case("r49_nb_bang_zip_shell_command",
     "`!zip -r submission.zip *.ipynb` in the last cell (the shell way).",
     after=["!zip -q -r /tmp/r49_submission.zip *.ipynb || echo 'zip not available'\n"])

# ===============================================================================================================
# 6. tests: assert, unittest, doctest, collected test_ functions
# ===============================================================================================================
UNITTEST = d('''
    import unittest


    class TestLab6(unittest.TestCase):
        def test_q2(self):
            self.assertEqual(conv_output_size(100, 5), 96)
            self.assertEqual(conv_output_size(28, 3, stride=2, padding=1), 14)

        def test_conv2d_matches_torch(self):
            for stride, padding in [(1, 0), (2, 1), (3, 2)]:
                with self.subTest(stride=stride, padding=padding):
                    x, k = torch.rand(9, 9), torch.rand(3, 3)
                    ref = F.conv2d(x[None, None], k[None, None], stride=stride, padding=padding)[0, 0]
                    torch.testing.assert_close(conv2d(x, k, stride=stride, padding=padding), ref)

        def test_pool(self):
            x = torch.rand(8, 8)
            self.assertTrue(torch.equal(max_pool2d(x), F.max_pool2d(x[None], 2)[0]))

        def test_models(self):
            self.assertEqual(CNN()(torch.rand(2, 1, 100, 100)).shape, (2, 1))
            self.assertEqual(ConvNet(3)(torch.rand(2, 3, 128, 128)).shape, (2, 1))
    ''')
case("r49_nb_unittest_main_argv_exit_false",
     "unittest.TestCase in the notebook, run with unittest.main(argv=['first-arg-is-ignored'], exit=False).",
     after=[UNITTEST, "unittest.main(argv=['first-arg-is-ignored'], verbosity=2, exit=False)\n"])
case("r49_nb_unittest_textrunner_loader",
     "The same TestCase run through TextTestRunner + TestLoader.loadTestsFromTestCase.",
     after=[UNITTEST, d('''
         suite = unittest.TestLoader().loadTestsFromTestCase(TestLab6)
         result = unittest.TextTestRunner(verbosity=2).run(suite)
         assert result.wasSuccessful()
         ''')])
script("r49_py_unittest_main_guard_script",
       shapes="",
       after=[UNITTEST, "if __name__ == \"__main__\":\n    unittest.main(argv=[\"lab6\"], exit=False)\n"])
case("r49_nb_doctest_testmod_docstrings",
     "Doctest examples in conv_output_size's and max_pool2d's docstrings, doctest.testmod(verbose=True).",
     q2=d('''
         def conv_output_size(size, kernel_size, stride=1, padding=0):
             """Spatial size after a convolution.

             >>> conv_output_size(100, 5)
             96
             >>> conv_output_size(28, 3, stride=2, padding=1)
             14
             """
             if kernel_size > size + 2 * padding:
                 raise ValueError("kernel larger than the padded input")
             return (size + 2 * padding - kernel_size) // stride + 1
         '''),
     q6=(CONV, d('''
         def max_pool2d(image, kernel_size=2):
             """Max over non-overlapping windows.

             >>> max_pool2d(torch.arange(16.).reshape(4, 4))
             tensor([[ 5.,  7.],
                     [13., 15.]])
             """
             h, w = image.shape[0] // kernel_size, image.shape[1] // kernel_size
             return image[:h * kernel_size, :w * kernel_size].reshape(h, kernel_size, w, kernel_size).amax(dim=(1, 3))
         '''), "tensor"),
     after=["import doctest\ndoctest.testmod(verbose=True)\n"])
case("r49_nb_doctest_run_docstring_examples_globals",
     "doctest.run_docstring_examples(conv_output_size, globals(), verbose=True).",
     q2=d('''
         def conv_output_size(size, kernel_size, stride=1, padding=0):
             """
             >>> conv_output_size(100, 5)
             96
             """
             if kernel_size > size + 2 * padding:
                 raise ValueError("kernel larger than the padded input")
             return (size + 2 * padding - kernel_size) // stride + 1
         '''),
     after=["import doctest\ndoctest.run_docstring_examples(conv_output_size, globals(), verbose=True)\n"])
case("r49_nb_collected_test_functions_from_globals",
     "pytest-style test_* functions run by a loop over globals() (no pytest in the notebook).",
     after=[d('''
         def test_q1():
             assert q1_answer == "C"


         def test_conv2d():
             x, k = torch.rand(7, 7), torch.rand(3, 3)
             assert torch.allclose(conv2d(x, k, padding=1), F.conv2d(x[None, None], k[None, None], padding=1)[0, 0],
                                   atol=1e-5)


         def test_pool():
             x = torch.rand(6, 6)
             assert torch.equal(max_pool2d(x), F.max_pool2d(x[None], 2)[0])


         for name, fn in list(globals().items()):
             if name.startswith("test_") and callable(fn):
                 fn()
                 print("PASS", name)
         ''')])
case("r49_nb_asserts_with_messages_np_testing",
     "Plain asserts with messages and np.testing.assert_allclose after each answer.",
     after=[d('''
         assert conv_output_size(100, 5) == 96, "q2 example"
         assert q3_flatten_features == 1250, f"q3: {q3_flatten_features}"
         x, k = torch.rand(10, 10), torch.rand(3, 3)
         np.testing.assert_allclose(conv2d(x, k, stride=2).numpy(),
                                    F.conv2d(x[None, None], k[None, None], stride=2)[0, 0].numpy(), rtol=1e-5, atol=1e-6)
         np.testing.assert_array_equal(max_pool2d(x).numpy(), F.max_pool2d(x[None], 2)[0].numpy())
         assert sum(p.numel() for p in CNN().parameters()) == q4_cnn_params, "q4 vs q7"
         print("all good")
         ''')])

# ===============================================================================================================
# 7. benchmarks
# ===============================================================================================================
case("r49_nb_timeit_line_magic_both",
     "%timeit of conv2d and of F.conv2d, with -n/-r.",
     after=[SELFTEST6, "%timeit -n 3 -r 2 conv2d(x, k, padding=1)\n",
            "%timeit -n 3 -r 2 F.conv2d(x[None, None], k[None, None], padding=1)\n"])
case("r49_nb_timeit_cell_magic_and_time",
     "%%timeit and %%time cell magics.",
     after=[SELFTEST6, "%%timeit -n 2 -r 2\nconv2d(x, k)\nmax_pool2d(x)\n", "%%time\nout = conv2d(x, k, stride=2)\n"])
case("r49_nb_timeit_module_string_stmt_globals",
     "timeit.timeit('conv2d(x, k)', globals=globals(), number=5) -- the docs' string form.",
     after=[SELFTEST6, d('''
         import timeit
         t_mine = timeit.timeit("conv2d(x, k, padding=1)", globals=globals(), number=5)
         t_torch = timeit.timeit("F.conv2d(x[None, None], k[None, None], padding=1)", globals=globals(), number=5)
         print(f"mine {t_mine / 5 * 1e3:.2f} ms, torch {t_torch / 5 * 1e3:.3f} ms")
         ''')])
case("r49_nb_timeit_module_lambda_repeat",
     "timeit.repeat(lambda: conv2d(x, k), ...) and min of the repeats.",
     after=[SELFTEST6, d('''
         import timeit
         times = timeit.repeat(lambda: conv2d(x, k), repeat=3, number=2)
         print(f"best of 3: {min(times) / 2 * 1e3:.2f} ms")
         ''')])
case("r49_nb_torch_utils_benchmark_timer",
     "torch.utils.benchmark.Timer with a string stmt and globals (the PyTorch benchmark recipe).",
     after=[SELFTEST6, d('''
         import torch.utils.benchmark as benchmark
         t0 = benchmark.Timer(stmt="conv2d(x, k)", globals={"conv2d": conv2d, "x": x, "k": k})
         t1 = benchmark.Timer(stmt="F.conv2d(x[None, None], k[None, None])", globals={"F": F, "x": x, "k": k})
         print(t0.timeit(3))
         print(t1.timeit(3))
         ''')])
case("r49_nb_perf_counter_loop_and_results_table",
     "A perf_counter benchmark over sizes, results into a list of dicts and a DataFrame.",
     imports=IMPORTS + "import time\nimport pandas as pd\n",
     after=[d('''
         rows = []
         for n in (8, 16, 24):
             x, k = torch.rand(n, n), torch.rand(3, 3)
             t0 = time.perf_counter()
             conv2d(x, k, padding=1)
             t1 = time.perf_counter()
             F.conv2d(x[None, None], k[None, None], padding=1)
             t2 = time.perf_counter()
             rows.append({"n": n, "mine_ms": (t1 - t0) * 1e3, "torch_ms": (t2 - t1) * 1e3})
         print(pd.DataFrame(rows).round(3).to_string(index=False))
         ''')])
case("r49_nb_cprofile_run_conv2d",
     "cProfile.run('conv2d(x, k)') to see where the time goes, sorted by cumtime.",
     after=[SELFTEST6, d('''
         import cProfile
         import pstats
         cProfile.run("conv2d(x, k, padding=1)", "/tmp/r49_conv.prof")
         pstats.Stats("/tmp/r49_conv.prof").sort_stats("cumtime").print_stats(5)
         ''')])
case("r49_nb_prun_magic",
     "%prun -l 5 conv2d(x, k) (IPython's profiler magic).",
     after=[SELFTEST6, "%prun -q -l 5 conv2d(x, k, stride=2)\n"])

# ===============================================================================================================
# 8. seeding everything
# ===============================================================================================================
SEED_ALL = d('''
    import os
    import random

    SEED = 42
    os.environ["PYTHONHASHSEED"] = str(SEED)
    os.environ["CUBLAS_WORKSPACE_CONFIG"] = ":4096:8"
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.cuda.manual_seed_all(SEED)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False
    ''')
case("r49_nb_seed_everything_cudnn_flags_top_level",
     "Seed everything at the top level: PYTHONHASHSEED, CUBLAS_WORKSPACE_CONFIG, cudnn flags.",
     before=[SEED_ALL])
case("r49_nb_seed_everything_use_deterministic_algorithms",
     "Seeds plus torch.use_deterministic_algorithms(True) and set_num_threads(1).",
     before=[SEED_ALL + "torch.use_deterministic_algorithms(True)\ntorch.set_num_threads(1)\n"])
script("r49_py_seed_worker_generator_dataloader",
       imports=IMPORTS + "import random\n",
       before=[d('''
           def seed_worker(worker_id):
               worker_seed = torch.initial_seed() % 2**32
               np.random.seed(worker_seed)
               random.seed(worker_seed)


           g = torch.Generator()
           g.manual_seed(0)
           ''')],
       after=[d('''
           from torch.utils.data import DataLoader, TensorDataset

           ds = TensorDataset(torch.rand(8, 1, 100, 100), torch.rand(8, 1))
           dl = DataLoader(ds, batch_size=4, shuffle=True, worker_init_fn=seed_worker, generator=g)
           model = CNN()
           for xb, yb in dl:
               print(nn.functional.mse_loss(model(xb), yb).item())
           ''')])
case("r49_nb_seed_in_model_init_and_fork_rng",
     "torch.random.fork_rng() around a seeded demo, and np.random.default_rng(0) for inputs.",
     after=[d('''
         rng = np.random.default_rng(0)
         with torch.random.fork_rng():
             torch.manual_seed(0)
             m1 = CNN()
         with torch.random.fork_rng():
             torch.manual_seed(0)
             m2 = CNN()
         x = torch.from_numpy(rng.random((2, 1, 100, 100), dtype=np.float32))
         print(torch.equal(m1(x), m2(x)))
         ''')])
case("r49_nb_set_grad_enabled_false_global",
     "torch.set_grad_enabled(False) at the top ('we only do inference here').",
     before=["torch.set_grad_enabled(False)\n"])
case("r49_nb_set_flush_denormal_and_threads",
     "torch.set_flush_denormal(True), torch.set_num_interop_threads is skipped, set_num_threads(2).",
     before=["torch.set_flush_denormal(True)\ntorch.set_num_threads(2)\nprint(torch.get_num_threads())\n"])

# ===============================================================================================================
# 9. minimal variants isolating what the first batch lost (each differs from the default answers by one cell)
# ===============================================================================================================
case("r49_nb_min_vars_of_namespace", "Only `print(vars(argparse.Namespace(lr=0.1)))`.",
     after=["import argparse\n\nprint(vars(argparse.Namespace(lr=0.1, epochs=1)))\n"])
case("r49_nb_min_namespace_dunder_dict_control", "Control: `ns.__dict__` instead of `vars(ns)`.",
     after=["import argparse\n\nns = argparse.Namespace(lr=0.1, epochs=1)\nprint(ns.__dict__, ns.lr)\n"])
case("r49_nb_min_vars_of_dataclass_instance", "Only `vars(cfg)` of a small dataclass instance.",
     after=[d('''
         from dataclasses import dataclass


         @dataclass
         class Cfg:
             lr: float = 0.1


         print(vars(Cfg()))
         ''')])
script("r49_py_min_file_in_globals_check", after=["print('__file__' in globals())\n"])
case("r49_nb_min_tests_called_by_name_control", "Control: the test_* functions called by name, no globals().",
     after=[d('''
         def test_q1():
             assert q1_answer == "C"


         def test_pool():
             x = torch.rand(6, 6)
             assert torch.equal(max_pool2d(x), F.max_pool2d(x[None], 2)[0])


         for fn in (test_q1, test_pool):
             fn()
             print("PASS", fn.__name__)
         ''')])
case("r49_nb_min_import_cprofile_unused", "Only `import cProfile`, never used.", after=["import cProfile\n"])
case("r49_nb_min_cprofile_profile_object_runcall",
     "cProfile.Profile() with runcall (no string to compile).",
     after=[SELFTEST6, d('''
         import cProfile
         import pstats

         pr = cProfile.Profile()
         pr.runcall(conv2d, x, k, padding=1)
         pstats.Stats(pr).sort_stats("cumtime").print_stats(3)
         ''')])
case("r49_nb_min_timeit_string_no_globals", "Only `timeit.timeit('sum(range(100))', number=5)`.",
     after=["import timeit\n\nprint(timeit.timeit('sum(range(100))', number=5))\n"])
case("r49_nb_min_timeit_setup_from_main_import",
     "The old SO form: timeit.timeit('conv2d(x, k)', setup='from __main__ import conv2d, x, k').",
     after=[SELFTEST6, "import timeit\n\nprint(timeit.timeit('conv2d(x, k)', setup='from __main__ import conv2d, x, k', number=2))\n"])
case("r49_nb_min_torch_benchmark_import_only", "Only `import torch.utils.benchmark as benchmark`.",
     after=["import torch.utils.benchmark as benchmark\n"])
case("r49_nb_min_torch_benchmark_timer_no_F", "benchmark.Timer of conv2d only (no F in its globals).",
     after=[SELFTEST6, d('''
         import torch.utils.benchmark as benchmark
         print(benchmark.Timer(stmt="conv2d(x, k)", globals={"conv2d": conv2d, "x": x, "k": k}).timeit(2))
         ''')])
script("r49_py_min_logging_stream_handler_formatter_asctime",
       imports=IMPORTS + "import logging\nimport sys\n",
       before=[d('''
           logger = logging.getLogger("lab6")
           h = logging.StreamHandler(sys.stdout)
           h.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
           logger.addHandler(h)
           ''')])
case("r49_nb_min_logging_rotating_file_handler_formatter",
     "The rotating file handler + Formatter of r49_py_logging_file_handler_rotating, in a notebook.",
     imports=IMPORTS + "import logging\nimport logging.handlers\nimport os\nimport tempfile\n",
     before=[d('''
         logger = logging.getLogger("lab6")
         fh = logging.handlers.RotatingFileHandler(os.path.join(tempfile.gettempdir(), "lab6_r49.log"),
                                                   maxBytes=100_000, backupCount=1)
         fh.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
         logger.addHandler(fh)
         ''')])
script("r49_py_min_logging_file_handler_no_formatter",
       imports=IMPORTS + "import logging\nimport os\nimport tempfile\n",
       before=[d('''
           logger = logging.getLogger("lab6")
           fh = logging.FileHandler(os.path.join(tempfile.gettempdir(), "lab6_r49b.log"))
           logger.addHandler(fh)
           ''')])
script("r49_py_min_logging_formatter_funcname",
       imports=IMPORTS + "import logging\nimport sys\n",
       before=[d('''
           logger = logging.getLogger("lab6")
           h = logging.StreamHandler(sys.stdout)
           h.setFormatter(logging.Formatter("[%(levelname)s] %(funcName)s: %(message)s"))
           logger.addHandler(h)
           ''')])

# ===============================================================================================================
# 10. third batch: logging.handlers isolation, debuggers left imported, namespace listing, files written to the
#     working folder, debug decorators on forward
# ===============================================================================================================
case("r49_nb_min_import_logging_handlers_only", "Only `import logging.handlers`, never used.",
     after=["import logging.handlers\n"])
case("r49_nb_min_rotating_file_handler_no_formatter",
     "RotatingFileHandler added to a logger, no Formatter.",
     imports=IMPORTS + "import logging\nimport logging.handlers\nimport os\nimport tempfile\n",
     before=[d('''
         logger = logging.getLogger("lab6")
         fh = logging.handlers.RotatingFileHandler(os.path.join(tempfile.gettempdir(), "lab6_r49c.log"), maxBytes=10_000)
         logger.addHandler(fh)
         ''')])
case("r49_nb_min_logging_handlers_import_stream_formatter",
     "`import logging.handlers` beside a StreamHandler + Formatter (the control's set-up, plus the import).",
     imports=IMPORTS + "import logging\nimport logging.handlers\nimport sys\n",
     before=[d('''
         logger = logging.getLogger("lab6")
         h = logging.StreamHandler(sys.stdout)
         h.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
         logger.addHandler(h)
         ''')])
case("r49_nb_whos_magic_and_dir_listing", "%whos and a dir() listing of the names defined.",
     after=["%whos\n", "print([n for n in dir() if n.startswith('q') and not n.startswith('_')])\n"])
case("r49_nb_min_dir_listing_only", "Only `[n for n in dir() if n.startswith('q')]` printed.",
     after=["print([n for n in dir() if n.startswith('q')])\n"])
case("r49_nb_ipython_debugger_set_trace_imported_unused",
     "`from IPython.core.debugger import set_trace` left at the top (the calls removed).",
     before=["from IPython.core.debugger import set_trace\n"])
case("r49_nb_import_pdb_unused", "`import pdb` left at the top (the pdb.set_trace() lines deleted).",
     before=["import pdb\n"])
case("r49_nb_detect_anomaly_global", "torch.autograd.set_detect_anomaly(True) while debugging NaNs (left on).",
     before=["torch.autograd.set_detect_anomaly(True)\n"],
     after=["loss = CNN()(torch.rand(2, 1, 100, 100)).sum()\nloss.backward()\nprint(loss.item())\n"])
case("r49_nb_faulthandler_enable_traceback_print_exc",
     "faulthandler.enable() and a try/except with traceback.print_exc() around a wrong-shape demo.",
     before=["import faulthandler\nimport traceback\n\nfaulthandler.enable()\n"],
     after=[d('''
         try:
             CNN()(torch.rand(2, 1, 64, 64))   # wrong size on purpose
         except RuntimeError:
             traceback.print_exc()
         ''')])
case("r49_nb_debug_shapes_decorator_on_forward",
     "A @debug_shapes decorator (functools.wraps) on forward, printing only when VERBOSE.",
     before=[d('''
         import functools

         VERBOSE = False


         def debug_shapes(fn):
             @functools.wraps(fn)
             def wrapper(self, x, *args, **kwargs):
                 out = fn(self, x, *args, **kwargs)
                 if VERBOSE:
                     print(f"{type(self).__name__}.{fn.__name__}: {tuple(x.shape)} -> {tuple(out.shape)}")
                 return out
             return wrapper
         ''')],
     q7=d('''
         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.main = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                           nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                           nn.Flatten(), nn.Linear(1250, 1))

             @debug_shapes
             def forward(self, x):
                 return self.main(x)
         '''))
case("r49_nb_extra_repr_and_custom_init_apply",
     "CNN with extra_repr and self.apply(init_weights) (kaiming) in __init__.",
     q7=d('''
         def init_weights(m):
             if isinstance(m, (nn.Conv2d, nn.Linear)):
                 nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
                 nn.init.zeros_(m.bias)


         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                 self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                 self.fc = nn.Linear(1250, 1)
                 self.apply(init_weights)

             def extra_repr(self):
                 return f"params={sum(p.numel() for p in self.parameters())}"

             def forward(self, x):
                 x = F.max_pool2d(F.relu(self.conv1(x)), 2)
                 x = F.max_pool2d(F.relu(self.conv2(x)), 2)
                 return self.fc(x.view(x.size(0), -1))
         '''),
     after=["print(CNN())\n"])
case("r49_nb_torch_save_state_dict_cwd_and_reload",
     "torch.save of the CNN's state_dict to the working folder, reloaded with weights_only=True.",
     after=[d('''
         model = CNN()
         torch.save(model.state_dict(), "cnn_lab6.pt")
         again = CNN()
         again.load_state_dict(torch.load("cnn_lab6.pt", weights_only=True))
         x = torch.rand(2, 1, 100, 100)
         print(torch.equal(model(x), again(x)))
         ''')])
case("r49_nb_results_csv_json_to_cwd_folder",
     "os.makedirs('results') and the answers written there as JSON and CSV (pandas).",
     imports=IMPORTS + "import json\nimport os\nimport pandas as pd\n",
     after=[d('''
         os.makedirs("results", exist_ok=True)
         with open(os.path.join("results", "answers.json"), "w") as f:
             json.dump({"q1": q1_answer, "q9": sorted(q9_true), "q10": q10_answers}, f, indent=2)
         pd.DataFrame({"q4": [q4_conv_params, q4_cnn_params, q4_fcnn_params]}).to_csv("results/q4.csv", index=False)
         print(sorted(os.listdir("results")))
         ''')])
case("r49_nb_matplotlib_savefig_feature_maps",
     "Agg backend; the first conv's feature maps plotted and saved with plt.savefig to the working folder.",
     imports="import matplotlib\nmatplotlib.use(\"Agg\")\n" + IMPORTS + "import matplotlib.pyplot as plt\n",
     after=[d('''
         model = CNN()
         with torch.no_grad():
             maps = model.main[0](torch.rand(1, 1, 100, 100))[0]
         fig, axes = plt.subplots(1, 3, figsize=(9, 3))
         for ax, fmap in zip(axes, maps):
             ax.imshow(fmap, cmap="gray")
             ax.axis("off")
         fig.savefig("feature_maps.png", dpi=80, bbox_inches="tight")
         plt.close(fig)
         ''')])
case("r49_nb_copy_deepcopy_model_and_pickle_roundtrip",
     "copy.deepcopy of the model and a pickle round trip of q10 in memory.",
     imports=IMPORTS + "import copy\nimport pickle\n",
     after=[d('''
         m = CNN()
         m2 = copy.deepcopy(m)
         x = torch.rand(1, 1, 100, 100)
         print(torch.equal(m(x), m2(x)), pickle.loads(pickle.dumps(q10_answers)) == q10_answers)
         ''')])
case("r49_nb_np_seterr_and_sys_recursionlimit",
     "np.seterr(all='raise') and sys.setrecursionlimit(10_000) pasted from SO.",
     before=["import sys\n\nnp.seterr(all='raise')\nsys.setrecursionlimit(10_000)\n"])
case("r49_nb_tracemalloc_peak_memory_of_conv2d",
     "tracemalloc to measure conv2d's peak memory (benchmarking student).",
     after=[SELFTEST6, d('''
         import tracemalloc
         tracemalloc.start()
         conv2d(x, k, padding=1)
         current, peak = tracemalloc.get_traced_memory()
         tracemalloc.stop()
         print(f"peak {peak / 1024:.1f} KiB")
         ''')])
case("r49_nb_locals_in_function_debug_print",
     "A helper printing locals() at the end of a demo function.",
     after=[d('''
         def demo():
             a = conv_output_size(100, 5)
             b = conv_output_size(28, 3, stride=2, padding=1)
             print(locals())


         demo()
         ''')])

# ===============================================================================================================
# 11. fourth batch: Colab / optional-import guards, configs from YAML, silencing output, mock in tests, a
#     written-out utils module
# ===============================================================================================================
case("r49_nb_colab_drive_mount_guard",
     "`try: from google.colab import drive` guard (IN_COLAB), os.chdir only in Colab.",
     before=[d('''
         import os
         try:
             from google.colab import drive
             drive.mount("/content/drive")
             os.chdir("/content/drive/MyDrive/lab6")
             IN_COLAB = True
         except ImportError:
             IN_COLAB = False
         print("colab:", IN_COLAB)
         ''')])
case("r49_nb_find_spec_optional_torchinfo",
     "importlib.util.find_spec('torchinfo') to import the summary only when installed; importlib.metadata version.",
     before=[d('''
         import importlib.util
         from importlib.metadata import version

         HAS_TORCHINFO = importlib.util.find_spec("torchinfo") is not None
         print("torch", version("torch"), "torchinfo" if HAS_TORCHINFO else "no torchinfo")
         ''')],
     after=[d('''
         if HAS_TORCHINFO:
             from torchinfo import summary
             summary(CNN(), input_size=(1, 1, 100, 100))
         else:
             print(CNN())
         ''')])
case("r49_nb_yaml_config_string_safe_load",
     "A YAML config string (yaml.safe_load) the models read their channels from.",
     before=[d('''
         import yaml

         CONFIG = yaml.safe_load("""
         cnn:
           channels: [1, 3, 2]
           kernel: 3
           pool: 2
           flat: 1250
         convnet:
           width: 3
           blocks: 5
           size: 128
         """)
         print(CONFIG)
         ''')],
     q7=d('''
         class CNN(nn.Module):
             def __init__(self, cfg=CONFIG["cnn"]):
                 super().__init__()
                 layers = []
                 for a, b in zip(cfg["channels"], cfg["channels"][1:]):
                     layers += [nn.Conv2d(a, b, cfg["kernel"], padding=cfg["kernel"] // 2), nn.ReLU(),
                                nn.MaxPool2d(cfg["pool"])]
                 self.body = nn.Sequential(*layers)
                 self.fc = nn.Linear(cfg["flat"], 1)

             def forward(self, x):
                 return self.fc(torch.flatten(self.body(x), 1))
         '''))
case("r49_nb_capture_cell_magic_silences_checks",
     "%%capture cap around a noisy self-check cell, cap.stdout printed after.",
     after=["%%capture cap\nfor s in (1, 2):\n    print(s, conv2d(torch.rand(6, 6), torch.rand(3, 3), stride=s).shape)\n",
            "print(cap.stdout[:200])\n"])
case("r49_nb_redirect_stdout_stringio_check",
     "contextlib.redirect_stdout(io.StringIO()) to silence a check that prints.",
     before=["import contextlib\nimport io\n"],
     after=[d('''
         buf = io.StringIO()
         with contextlib.redirect_stdout(buf):
             print(CNN())
             print(max_pool2d(torch.rand(4, 4)))
         print(len(buf.getvalue().splitlines()), "lines captured")
         ''')])
case("r49_nb_clear_output_progress_loop",
     "IPython.display.clear_output(wait=True) in a training-progress loop.",
     imports=IMPORTS + "from IPython.display import clear_output\n",
     after=[d('''
         model = CNN()
         opt = torch.optim.Adam(model.parameters(), lr=1e-3)
         for epoch in range(3):
             loss = (model(torch.rand(4, 1, 100, 100)) - 1).pow(2).mean()
             opt.zero_grad()
             loss.backward()
             opt.step()
             clear_output(wait=True)
             print(f"epoch {epoch}: loss {loss.item():.4f}")
         ''')])
case("r49_nb_breakpoint_behind_debug_flag_in_conv2d",
     "`if DEBUG: breakpoint()` left inside conv2d (DEBUG = False).",
     before=["DEBUG = False\n"],
     q6=(CONV.replace("    output = torch.zeros(", "    if DEBUG:\n        breakpoint()\n    output = torch.zeros("),
         "loops", "tensor"))
case("r49_nb_unittest_mock_patch_proves_no_torch_conv",
     "A test that patches F.conv2d with mock to prove conv2d does not call it.",
     after=[d('''
         from unittest import mock

         x, k = torch.rand(6, 6), torch.rand(3, 3)
         ref = F.conv2d(x[None, None], k[None, None], padding=1)[0, 0]
         with mock.patch.object(F, "conv2d", side_effect=AssertionError("used F.conv2d")):
             mine = conv2d(x, k, padding=1)
         assert torch.allclose(mine, ref, atol=1e-5)
         print("conv2d is by hand and right")
         ''')])
case("r49_nb_writefile_utils_module_imported",
     "%%writefile lab6_utils.py (a param counter) then `from lab6_utils import n_params`.",
     after=["%%writefile lab6_utils.py\ndef n_params(model):\n    return sum(p.numel() for p in model.parameters())\n",
            "from lab6_utils import n_params\n\nprint(n_params(CNN()), n_params(ConvNet(1)))\n"])
case("r49_nb_platform_versions_header",
     "Versions printed at the top (platform, sys.version, torch.__config__.show()).",
     before=[d('''
         import platform
         import sys

         print(platform.platform(), platform.python_version())
         print(sys.version)
         print(torch.__version__, np.__version__)
         print(torch.__config__.parallel_info().splitlines()[0])
         ''')])

case("r49_nb_min_importlib_metadata_version_only", "Only `from importlib.metadata import version; version('torch')`.",
     after=["from importlib.metadata import version\n\nprint(version(\"torch\"))\n"])
case("r49_nb_min_find_spec_only", "Only `importlib.util.find_spec('torchinfo') is not None` printed.",
     after=["import importlib.util\n\nprint(importlib.util.find_spec(\"torchinfo\") is not None)\n"])
case("r49_nb_min_try_import_torchinfo_control", "Control: `try: from torchinfo import summary except ImportError`.",
     after=["try:\n    from torchinfo import summary\nexcept ImportError:\n    summary = None\nprint(summary is not None)\n"])
case("r49_nb_min_logging_handlers_import_formatter_unused",
     "`import logging.handlers` and a `logging.Formatter(...)` built and never used.",
     imports=IMPORTS + "import logging\nimport logging.handlers\n",
     after=["fmt = logging.Formatter(\"%(message)s\")\n"])
case("r49_nb_min_from_logging_handlers_import_rotating_formatter",
     "`from logging.handlers import RotatingFileHandler` (a from-import) + a Formatter on it.",
     imports=IMPORTS + "import logging\nimport os\nimport tempfile\nfrom logging.handlers import RotatingFileHandler\n",
     before=[d('''
         logger = logging.getLogger("lab6")
         fh = RotatingFileHandler(os.path.join(tempfile.gettempdir(), "lab6_r49d.log"), maxBytes=10_000)
         fh.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
         logger.addHandler(fh)
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

"""Round 35 of the fairness corpus: what the allowlist of top-level libraries (``STUDENT_LIBRARIES``,
``PLAIN_IPYTHON``: any other installed library, or any other part of IPython, costs -10) may cost ordinary students.

Correct submissions that import the standard library in everyday ways (``collections``, ``itertools``, ``functools``,
``operator``, ``statistics``, ``fractions``, ``decimal``, ``heapq``, ``bisect``, ``textwrap``, ``pprint``, ``json``,
``csv``, ``pathlib``, ``shutil``, ``tempfile``, ``zipfile``, ``gzip``, ``copy``, ``enum``, ``dataclasses``, ``abc``,
``contextlib``, ``warnings``, ``logging``, ``argparse``, ``configparser``, ``datetime``, ``uuid``, ``hashlib``,
``platform``, ``gc``, ``unittest``, ``doctest``, ``traceback``, ``dis``, ``secrets``, ``getpass``), third-party
libraries a student may reach for (``matplotlib_inline`` as IPython's deprecation warning says, ``cycler`` as
matplotlib's tutorial says, ``networkx``, ``attrs``, ``annotated_types`` with pydantic, ``ipywidgets``, ``PIL``,
``yaml``, ``packaging``, ``psutil``, ``dateutil``, ``tqdm`` / ``requests`` / ``scipy`` guarded), parts of IPython
(``IPython.utils.capture``, ``IPython.core.magic``, ``IPython.lib.display``, ``IPython.core.pylabtools``,
``IPython.display`` variants) and IPython magics and shell escapes (``%%javascript``, ``%%html``, ``%%markdown``,
``%%svg``, ``files = !ls``, ``conv2d?``, ``%psource``, ``%config Completer.use_jedi``, ``%prun``, ``%env``,
``%pylab``, ``from pylab import *``), and the submission's own objects with attribute names attack round 43 refuses
as jinja2's (``self.loader``, ``args.env``, ``Settings.environment``, ``match.template_size``, ``from_string``).

    python tests/corpus/fair/_make_r35.py            # rewrites tests/corpus/fair/r35_*
    python tests/corpus/fair/_make_r35.py --out DIR  # writes them to DIR instead
    python tests/corpus/fair/_make_r35.py --iso DIR  # isolation copies for _r35_findings.md (not corpus files)
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat import v4

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import _make_r30 as r30  # noqa: E402  (cell kinds, answers() over round 26's snippets)

d = r30.d
md, C, out, hdr = r30.md, r30.C, r30.out, r30.hdr
answers = r30.answers
IMPORTS, SHAPES = r30.IMPORTS, r30.SHAPES
Q6_TEST = r30.r26.Q6_TEST


def write_notebook(path: Path, cells: list) -> None:
    nb = v4.new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
                   "language_info": {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                                     "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                                     "pygments_lexer": "ipython3", "version": "3.11.9"}}
    out_cells = []
    n = 0
    for c in cells:
        if isinstance(c, tuple) and c[0] == "md":
            out_cells.append(v4.new_markdown_cell(c[1].rstrip("\n")))
            continue
        if isinstance(c, tuple) and c[0] == "code":
            _, src, count, outputs, none = c
            cell = v4.new_code_cell(src.rstrip("\n"))
            if count is None and not none:
                n += 1
                count = n
            cell.execution_count = count
            cell.outputs = [r30._output(o, count) for o in outputs]
            out_cells.append(cell)
            continue
        n += 1
        cell = v4.new_code_cell(c.rstrip("\n"))
        cell.execution_count = n
        out_cells.append(cell)
    for k, cell in enumerate(out_cells):
        cell.id = f"r35-{k:03d}"
    nb.cells = out_cells
    nbformat.validate(nb)
    path.write_text(nbformat.writes(nb), encoding="utf-8")


def write(out_dir: Path, name: str, cells: list) -> None:
    if "_nb_" in name:
        write_notebook(out_dir / f"{name}.ipynb", cells)
    else:
        r30.write_script(out_dir / f"{name}.py", cells)


CASES: dict[str, list] = {}


def case(name: str, title: str, before: list, after: list = (), **kw) -> None:
    """A notebook: a title, the imports, ``before`` cells, the ten answers (``kw`` as for answers()), ``after``."""
    CASES[name] = [md(f"# Lab 6 - CNNs\n{title}"), IMPORTS, *before, *answers(**kw), SHAPES, *after]


# ===============================================================================================================
# 1. Third-party libraries outside STUDENT_LIBRARIES, and parts of IPython outside PLAIN_IPYTHON
# ===============================================================================================================
MPL_INLINE = d('''
    import matplotlib.pyplot as plt
    # IPython.display.set_matplotlib_formats is deprecated: its warning says to use this one
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    set_matplotlib_formats("retina")
    ''')
FMAP_PLOT = d('''
    x = torch.zeros(10, 10)
    x[2:8, 4:6] = 1.0
    edges = conv2d(x, torch.tensor([[-1.0, 0.0, 1.0]] * 3), padding=1)
    fig, axes = plt.subplots(1, 3, figsize=(9, 3))
    for ax, img, title in zip(axes, (x, edges, max_pool2d(edges, 2)), ("input", "vertical edges", "pooled")):
        ax.imshow(img, cmap="gray")
        ax.set_title(title)
    plt.show()
    ''')
case("r35_nb_matplotlib_inline_set_formats", "Sharper figures on a retina screen.", [MPL_INLINE],
     extra6=(FMAP_PLOT,))

CYCLER = d('''
    import matplotlib.pyplot as plt
    from cycler import cycler   # as in matplotlib's "Styling with cycler" tutorial

    plt.rc("axes", prop_cycle=cycler(color=["tab:blue", "tab:orange", "tab:green"]) + cycler(linestyle=["-", "--", ":"]))
    ''')
SIZE_PLOT = d('''
    sides = list(range(8, 65))
    for k in (3, 5, 7):
        plt.plot(sides, [conv_output_size(n, k) for n in sides], label=f"kernel {k}")
    plt.xlabel("input side")
    plt.ylabel("output side")
    plt.legend()
    plt.show()
    ''')
case("r35_nb_cycler_prop_cycle_size_plot", "Output size against input size, one line style per kernel.", [CYCLER],
     q2=r30.r26.Q2["floordiv"] + "\n\n" + SIZE_PLOT)

NETWORKX = d('''
    import matplotlib.pyplot as plt
    import networkx as nx

    layers = ["input 1x100x100", "conv1 3x100x100", "pool 3x50x50", "conv2 2x50x50", "pool 2x25x25", "fc 1"]
    graph = nx.DiGraph()
    graph.add_edges_from(zip(layers, layers[1:]))
    pos = {name: (0, -i) for i, name in enumerate(layers)}
    nx.draw(graph, pos, with_labels=True, node_color="lightblue", node_size=600, font_size=8)
    plt.show()
    ''')
case("r35_nb_networkx_layer_graph", "The CNN of Q7 drawn as a graph of layers.", [], extra7=(NETWORKX,))

ATTRS = d('''
    import attrs


    @attrs.define
    class BlockConfig:
        kernel_size: int = 3
        padding: int = 1
        channels: int = 3
        n_blocks: int = 5


    cfg = BlockConfig()
    print(attrs.asdict(cfg))
    ''')
Q8_CFG = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(
            nn.Conv2d(input_channels, output_channels, kernel_size=cfg.kernel_size, padding=cfg.padding),
            nn.ReLU(),
        )


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            blocks = [conv_block(input_channels, cfg.channels)]
            blocks += [conv_block(cfg.channels, cfg.channels) for _ in range(cfg.n_blocks - 1)]
            self.main = nn.Sequential(*blocks, nn.Flatten(), nn.Linear(cfg.channels * 128 * 128, 1))

        def forward(self, x):
            return self.main(x)
    ''')
case("r35_nb_attrs_define_block_config", "The ConvNet's settings in an attrs class.", [ATTRS], q8=Q8_CFG)

ATTR_S = d('''
    import attr


    @attr.s(auto_attribs=True, frozen=True)
    class HParams:
        kernel_size: int = 3
        padding: int = 1
        channels: int = 3
        n_blocks: int = 5


    cfg = HParams()
    print(cfg)
    ''')
CASES["r35_py_attr_s_frozen_hparams"] = [IMPORTS, ATTR_S, *answers(q8=Q8_CFG, headers=False), SHAPES]

CAPTURE = d('''
    from IPython.utils.capture import capture_output

    # a quiet sanity run of the models: keep the printed shapes, show only a summary line
    with capture_output(display=False) as captured:
        for c in (1, 3):
            print(c, ConvNet(c)(torch.rand(2, c, 128, 128)).shape)
    print(len(captured.stdout.splitlines()), "lines captured")
    ''')
case("r35_nb_ipython_capture_output_quiet_check", "A quiet check of the ConvNet.", [], extra8=(CAPTURE,))

YOUTUBE = d('''
    from IPython.lib.display import YouTubeVideo

    YouTubeVideo("FmpDIaiMIeA", width=560, height=315)   # the lecture's video on convolutions
    ''')
case("r35_nb_ipython_lib_display_youtube", "The lecture video, embedded.", [YOUTUBE])

FIGSIZE = d('''
    import matplotlib.pyplot as plt
    from IPython.core.pylabtools import figsize

    figsize(10, 3)
    ''')
case("r35_nb_ipython_pylabtools_figsize", "Wide figures for the feature maps.", [FIGSIZE], extra6=(FMAP_PLOT,))

PYDANTIC_GT = d('''
    from typing import Annotated

    from annotated_types import Gt
    from pydantic import BaseModel


    class BlockConfig(BaseModel):
        kernel_size: Annotated[int, Gt(0)] = 3
        padding: Annotated[int, Gt(-1)] = 1
        channels: int = 3
        n_blocks: int = 5


    cfg = BlockConfig()
    print(cfg.model_dump())
    ''')
case("r35_nb_pydantic_annotated_types_gt", "A validated config (pydantic's docs use annotated_types for bounds).",
     [PYDANTIC_GT], q8=Q8_CFG)

DISPLAY_FN = d('''
    from IPython.core.display_functions import display   # where IPython 8 defines it

    display(CNN())
    ''')
case("r35_nb_ipython_display_functions_import", "The model shown with `display`.", [], extra7=(DISPLAY_FN,))

# ===============================================================================================================
# 2. The standard library, and the sandbox the worker runs in
# ===============================================================================================================
DIS = d('''
    import dis

    # how many bytecode instructions does the loop body of max_pool2d take?
    dis.dis(max_pool2d)
    print(sum(1 for _ in dis.get_instructions(max_pool2d)), "instructions")
    ''')
case("r35_nb_stdlib_dis_max_pool2d_bytecode", "Curious: the bytecode of the pooling loop.", [], extra6=(DIS,))

COUNTS = d('''
    from collections import Counter, OrderedDict, defaultdict, deque
    from functools import reduce
    from itertools import accumulate, product
    import operator
    import statistics

    kinds = Counter(type(m).__name__ for m in CNN().modules())
    print(kinds.most_common())
    per_layer = OrderedDict((name, sum(p.numel() for p in m.parameters())) for name, m in CNN().named_children())
    print(per_layer, list(accumulate(per_layer.values())))
    by_kind = defaultdict(int)
    for m in ConvNet(3).modules():
        by_kind[type(m).__name__] += sum(p.numel() for p in m.parameters(recurse=False))
    print(dict(by_kind))
    print(reduce(operator.mul, (3, 3, 3, 3)) + 3, statistics.mean(per_layer.values()))
    table = {(n, k): conv_output_size(n, k) for n, k in product((28, 32, 100), (3, 5))}
    recent = deque(table.items(), maxlen=3)
    print(recent)
    ''')
case("r35_nb_stdlib_collections_itertools_counts", "Counting layers and parameters with the standard library.",
     [], extra8=(COUNTS,))

FRACTIONS = d('''
    from decimal import ROUND_FLOOR, Decimal
    from fractions import Fraction
    import math


    def conv_output_size(size, kernel_size, stride=1, padding=0):
        """floor((n + 2p - k) / s) + 1, with an exact fraction instead of a float."""
        if kernel_size > size + 2 * padding:
            raise ValueError("the kernel does not fit")
        return math.floor(Fraction(size + 2 * padding - kernel_size, stride)) + 1


    print(conv_output_size(100, 5), conv_output_size(28, 3, stride=2, padding=1))
    print((Decimal(27) / Decimal(2)).to_integral_value(rounding=ROUND_FLOOR) + 1)
    ''')
case("r35_nb_stdlib_fractions_decimal_output_size", "Q2 with exact arithmetic.", [], q2=FRACTIONS)

HEAPQ = d('''
    import bisect
    import heapq
    import textwrap
    from pprint import pprint

    sizes = [(name, p.numel()) for name, p in ConvNet(3).named_parameters()]
    pprint(heapq.nlargest(3, sizes, key=lambda t: t[1]))
    counts = sorted(n for _, n in sizes)
    print("layers with fewer than 1000 weights:", bisect.bisect_left(counts, 1000))
    print(textwrap.fill("The classifier holds most of the parameters: " + ", ".join(f"{n}={c}" for n, c in sizes), width=70))
    ''')
case("r35_nb_stdlib_heapq_bisect_textwrap_pprint", "Where are the parameters?", [], extra8=(HEAPQ,))

SAVE_ALL = d('''
    import csv
    import gzip
    import json
    import shutil
    import tempfile
    import zipfile
    from pathlib import Path

    answers = {"q2": conv_output_size(100, 5), "q3_flatten_features": q3_flatten_features,
               "q4": [q4_conv_params, q4_cnn_params, q4_fcnn_params], "q9": sorted(q9_true),
               "q10": {str(k): v for k, v in q10_answers.items()}}
    out_dir = Path(tempfile.mkdtemp())
    (out_dir / "answers.json").write_text(json.dumps(answers, indent=2))
    with open(out_dir / "params.csv", "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["question", "value"])
        writer.writerows([("q4_conv", q4_conv_params), ("q4_cnn", q4_cnn_params)])
    with gzip.open(out_dir / "answers.json.gz", "wt") as fh:
        json.dump(answers, fh)
    with zipfile.ZipFile(out_dir / "lab6.zip", "w") as zf:
        zf.write(out_dir / "answers.json", "answers.json")
        zf.write(out_dir / "params.csv", "params.csv")
    print(sorted(p.name for p in out_dir.iterdir()))
    shutil.rmtree(out_dir)
    ''')
case("r35_nb_stdlib_save_answers_json_csv_zip_gzip", "The answers saved for the report.", [], after=[SAVE_ALL])

ENUM_ABC = d('''
    import copy
    import dataclasses
    import enum
    from abc import ABC, abstractmethod


    class Padding(enum.Enum):
        VALID = 0
        SAME = 1


    @dataclasses.dataclass(frozen=True)
    class LayerSpec:
        in_channels: int
        out_channels: int
        padding: Padding = Padding.SAME


    class Describable(ABC):
        @abstractmethod
        def describe(self) -> str: ...


    class SpecSheet(Describable):
        def __init__(self, specs):
            self.specs = list(specs)

        def describe(self):
            return "; ".join(f"{s.in_channels}->{s.out_channels} ({s.padding.name})" for s in self.specs)


    sheet = SpecSheet([LayerSpec(1, 3), LayerSpec(3, 2)])
    print(sheet.describe())
    backup = copy.deepcopy(sheet)
    print(dataclasses.replace(sheet.specs[0], padding=Padding.VALID), backup.describe() == sheet.describe())
    ''')
case("r35_nb_stdlib_enum_dataclass_abc_copy", "A spec sheet of the Q7 layers.", [ENUM_ABC])

SCRIPT_CLI = d('''
    import argparse
    import configparser
    import logging
    import sys

    parser = argparse.ArgumentParser(description="Lab 6")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--verbose", action="store_true")
    args, _ = parser.parse_known_args()
    config = configparser.ConfigParser()
    config.read_string("[model]\\nkernel_size = 3\\npadding = 1\\n")
    logging.basicConfig(stream=sys.stdout, level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s")
    log = logging.getLogger("lab6")
    log.info("seed %d, kernel %s", args.seed, config["model"].getint("kernel_size"))
    torch.manual_seed(args.seed)
    ''')
CASES["r35_py_stdlib_argparse_configparser_logging"] = [IMPORTS, SCRIPT_CLI, *answers(headers=False), SHAPES]

UNITTEST = d('''
    import unittest


    class TestLab6(unittest.TestCase):
        def test_output_size(self):
            self.assertEqual(conv_output_size(100, 5), 96)
            with self.assertRaises(ValueError):
                conv_output_size(2, 5)

        def test_cnn_shape(self):
            self.assertEqual(tuple(CNN()(torch.rand(2, 1, 100, 100)).shape), (2, 1))

        def test_convnet_params(self):
            self.assertEqual(sum(p.numel() for p in ConvNet(1).parameters()), 49519)


    unittest.main(argv=["ignored"], exit=False, verbosity=2)
    ''')
case("r35_nb_stdlib_unittest_main_in_notebook", "Unit tests in the notebook.", [], after=[UNITTEST])

DOCTEST = d('''
    def conv_output_size(size, kernel_size, stride=1, padding=0):
        """Output side of a convolution.

        >>> conv_output_size(100, 5)
        96
        >>> conv_output_size(28, 3, stride=2, padding=1)
        14
        """
        if kernel_size > size + 2 * padding:
            raise ValueError("kernel is bigger than the padded input")
        return (size + 2 * padding - kernel_size) // stride + 1
    ''')
DOCTEST_RUN = d('''
    import doctest

    doctest.testmod(verbose=False)
    doctest.run_docstring_examples(conv_output_size, globals(), verbose=True)
    ''')
case("r35_nb_stdlib_doctest_testmod", "Q2's examples as doctests.", [], q2=DOCTEST, after=[DOCTEST_RUN])

CTX = d('''
    import contextlib
    import io
    import traceback
    import warnings

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        print(CNN())
    print(len(buffer.getvalue().splitlines()), "lines of model summary")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        y = ConvNet(1)(torch.rand(1, 1, 128, 128))
    with contextlib.suppress(ValueError):
        conv_output_size(2, 5)
    try:
        conv_output_size(2, 5)
    except ValueError:
        print(traceback.format_exc().splitlines()[-1])
    ''')
case("r35_nb_stdlib_contextlib_redirect_traceback", "Checks that keep the output short.", [], after=[CTX])

RUN_INFO = d('''
    import datetime
    import gc
    import getpass
    import hashlib
    import os
    import platform
    import secrets
    import uuid
    from pathlib import Path

    run_id = uuid.uuid4().hex[:8]
    print("run", run_id, "on", platform.node(), platform.system(), "by", getpass.getuser())
    print("started", datetime.datetime.now().isoformat(timespec="seconds"), "in", os.getcwd(), "home", Path.home())
    print("token", secrets.token_hex(4))
    digest = hashlib.sha256(repr(sorted(q9_true)).encode()).hexdigest()[:12]
    print("answers digest", digest)
    gc.collect()
    ''')
case("r35_nb_stdlib_run_info_getpass_home_uuid", "Who ran this, where, when.", [], after=[RUN_INFO])

PSUTIL = d('''
    import os

    import psutil
    import resource

    proc = psutil.Process(os.getpid())
    print(f"memory in use: {proc.memory_info().rss / 2**20:.0f} MiB, cpus: {psutil.cpu_count(logical=False)}")
    print(f"available: {psutil.virtual_memory().available / 2**30:.1f} GiB")
    print("max rss (KiB):", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    ''')
case("r35_nb_psutil_memory_report", "How much memory do the models take?", [], extra8=(PSUTIL,))

GUARDED = d('''
    try:
        from tqdm.auto import tqdm
    except ImportError:          # not installed: a plain loop
        def tqdm(iterable, **kwargs):
            return iterable
    try:
        import requests
        LECTURE = requests.get("https://example.com/lecture06.txt", timeout=3).text
    except Exception as err:     # offline
        LECTURE = ""
        print("could not fetch the lecture notes:", type(err).__name__)
    ''')
GUARDED_LOOP = d('''
    for k in tqdm((3, 5, 7), desc="kernel sizes"):
        print(k, conv_output_size(100, k))
    ''')
case("r35_nb_guarded_tqdm_and_requests_offline", "Optional progress bars; the lecture notes fetched if online.",
     [GUARDED], q2=r30.r26.Q2["floordiv"] + "\n\n" + GUARDED_LOOP)

URLLIB = d('''
    import socket
    import urllib.request

    try:
        with urllib.request.urlopen("https://raw.githubusercontent.com/pytorch/pytorch/main/README.md", timeout=3) as r:
            print(r.read(80))
    except (OSError, socket.timeout) as err:
        print("offline:", err)
    ''')
case("r35_nb_urllib_urlopen_offline_guard", "A download that may fail offline.", [URLLIB])

SCIPY = d('''
    # a second opinion on conv2d, from SciPy if it is installed
    try:
        from scipy.signal import correlate2d
    except ImportError:
        correlate2d = None
    if correlate2d is not None:
        a, b = np.random.rand(6, 6), np.random.rand(3, 3)
        print(np.allclose(conv2d(torch.tensor(a), torch.tensor(b)).numpy(), correlate2d(a, b, mode="valid")))
    else:
        print("scipy missing: compared with F.conv2d above only")
    ''')
case("r35_nb_guarded_scipy_correlate2d_self_check", "conv2d checked against SciPy when available.", [],
     q6=("loops_zeros", "loops", "tensor"), extra6=(Q6_TEST, SCIPY))

PIL_DRAW = d('''
    from PIL import Image, ImageDraw, ImageFilter, ImageOps

    canvas = Image.new("L", (16, 16), color=0)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle([4, 4, 11, 11], outline=255)
    img = torch.tensor(np.asarray(ImageOps.autocontrast(canvas)), dtype=torch.float32) / 255
    sobel_x = torch.tensor([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])
    print(conv2d(img, sobel_x, padding=1).abs().max(), max_pool2d(img, 2).shape)
    print(canvas.filter(ImageFilter.FIND_EDGES).getbbox())
    ''')
case("r35_nb_pil_imagedraw_test_square", "A test image drawn with PIL.", [], extra6=(PIL_DRAW,))

YAML_ETC = d('''
    import yaml
    from dateutil import parser as dateparser
    from dateutil.relativedelta import relativedelta
    from packaging import version

    cfg = yaml.safe_load("""
    model:
      kernel_size: 3
      padding: 1
    due: 2024-11-15 23:59
    """)
    print(yaml.safe_dump(cfg["model"]))
    due = dateparser.parse(str(cfg["due"]))
    print("late after", due + relativedelta(days=2))
    assert version.parse(torch.__version__.split("+")[0]) >= version.parse("1.10"), "need a newer torch"
    ''')
case("r35_nb_yaml_dateutil_packaging_config", "Settings from YAML, a due date, a version check.", [YAML_ETC])

WIDGETS = d('''
    import ipywidgets as widgets
    from ipywidgets import IntSlider, interact


    @interact(n=IntSlider(min=5, max=128, value=100), k=widgets.Dropdown(options=[1, 3, 5, 7], value=3))
    def show_size(n, k):
        print(f"{n} -> {conv_output_size(n, k)}")
    ''')
case("r35_nb_ipywidgets_interact_output_size", "Play with the output size formula.", [],
     q2=r30.r26.Q2["floordiv"] + "\n\n" + WIDGETS)

DISPLAYS = d('''
    from IPython.display import HTML, IFrame, Javascript, Latex, Markdown, Math, display, display_markdown

    display(Markdown("**Q7**: two conv layers, ReLU, max-pooling, one linear layer"))
    display(Math(r"n_{out} = \\left\\lfloor \\frac{n + 2p - k}{s} \\right\\rfloor + 1"))
    display(Latex(r"$1337$ parameters"))
    display(HTML("<table><tr><th>layer</th><th>shape</th></tr><tr><td>conv1</td><td>3x100x100</td></tr></table>"))
    display(Javascript("console.log('lab 6 loaded')"))
    display_markdown("*done*", raw=True)
    IFrame("https://pytorch.org/docs/stable/generated/torch.nn.Conv2d.html", width=700, height=300)
    ''')
case("r35_nb_ipython_display_html_math_js_iframe", "Answers shown with IPython's display classes.", [], extra7=(DISPLAYS,))

MPL_TOOLKITS = d('''
    import matplotlib.pyplot as plt
    import matplotlib.ticker as mticker
    from mpl_toolkits.axes_grid1 import make_axes_locatable

    maps = ConvNet(1).main[0](torch.rand(1, 1, 128, 128))[0].detach()
    fig, ax = plt.subplots(figsize=(4, 4))
    im = ax.imshow(maps[0], cmap="viridis")
    ax.xaxis.set_major_locator(mticker.MaxNLocator(4))
    cax = make_axes_locatable(ax).append_axes("right", size="5%", pad=0.05)
    fig.colorbar(im, cax=cax)
    plt.show()
    ''')
case("r35_nb_mpl_ticker_axes_grid1_colorbar", "A feature map with a colorbar.", [], extra8=(MPL_TOOLKITS,))

# ===============================================================================================================
# 3. IPython magics and shell escapes
# ===============================================================================================================
CASES["r35_nb_cell_magics_js_html_markdown_svg"] = [
    md("# Lab 6 - CNNs\nNotes in the notebook with cell magics."),
    "%%javascript\nconsole.log('Lab 6: CNNs');\n",
    "%%html\n<div style='color: gray'>Q1-Q5: shapes and parameter counts</div>\n",
    "%%markdown\n**Formula:** out = floor((n + 2p - k) / s) + 1\n",
    IMPORTS,
    *answers(),
    "%%svg\n<svg width='60' height='20'><rect width='60' height='20' fill='steelblue'/></svg>\n",
    SHAPES,
]
CASES["r35_nb_shell_assign_ls_pwd"] = [
    md("# Lab 6 - CNNs\nWhere am I, what is here?"),
    "%pwd\n", "files = !ls\nprint(len(files), 'files here')\n", "!!ls -a\n", "%ls\n",
    IMPORTS, *answers(), SHAPES,
    "notebooks = !ls *.ipynb\nprint(notebooks)\n",
]
CASES["r35_nb_help_syntax_psource_pdoc"] = [
    md("# Lab 6 - CNNs\nLooking things up."),
    IMPORTS, "nn.Conv2d?\n", "F.max_pool2d??\n",
    *answers(extra6=("%psource conv2d\n", "%pdoc max_pool2d\n", "conv2d?\n")), SHAPES,
]
CASES["r35_nb_config_jedi_env_who_precision"] = [
    md("# Lab 6 - CNNs\nNotebook settings."),
    "%config Completer.use_jedi = False\n%config InlineBackend.figure_format = 'retina'\n",
    "%env OMP_NUM_THREADS=1\n", IMPORTS, "%precision 3\n",
    *answers(), SHAPES, "%who\n", "%whos\n", "%who_ls function\n",
]
CASES["r35_nb_prun_line_magic_conv2d"] = [
    md("# Lab 6 - CNNs\nWhere does conv2d spend its time?"),
    IMPORTS,
    *answers(extra6=("x_big, k_big = torch.rand(40, 40), torch.rand(3, 3)\n%prun -l 5 conv2d(x_big, k_big, padding=1)\n",)),
    SHAPES,
]
CASES["r35_nb_get_ipython_magics_guarded"] = [
    md("# Lab 6 - CNNs\nMagics that also run outside Jupyter."),
    d('''
    from IPython import get_ipython

    ip = get_ipython()
    if ip is not None:
        ip.run_line_magic("load_ext", "autoreload")
        ip.run_line_magic("autoreload", "2")
        ip.run_line_magic("matplotlib", "inline")
    '''),
    IMPORTS, *answers(), SHAPES,
]



UTILS_IO = d("""
    from IPython.utils import io

    # the Stack Overflow recipe for silencing a noisy cell
    with io.capture_output(display=False) as captured:
        model = CNN()
        print(model)
        y = model(torch.rand(2, 1, 100, 100))
    print(y.shape, "-", len(captured.stdout), "characters of output hidden")
    """)
case("r35_nb_ipython_utils_io_capture_output", "A model summary kept out of the way.", [], extra7=(UTILS_IO,))

URLLIB3 = d("""
    import requests
    import urllib3

    # the university proxy re-signs certificates: download without verifying, and without the warning
    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    try:
        notes = requests.get("https://example.com/lecture06.pdf", verify=False, timeout=3).content
    except requests.RequestException as err:
        notes = b""
        print("offline:", type(err).__name__)
    """)
case("r35_nb_urllib3_disable_warnings_download", "The lecture notes, through the campus proxy.", [URLLIB3])

CPROFILE = d("""
    import cProfile
    import pstats

    x_big, k_big = torch.rand(40, 40), torch.rand(3, 3)
    profiler = cProfile.Profile()
    profiler.enable()
    conv2d(x_big, k_big, padding=1)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(5)
    """)
case("r35_nb_cprofile_profile_enable_disable", "Where does conv2d spend its time? (the profile module's docs)",
     [], extra6=(CPROFILE,))

CASES["r35_nb_prun_cell_magic_sorted"] = [
    md("# Lab 6 - CNNs\nProfiling the pooling loop."),
    IMPORTS,
    *answers(extra6=("x_big = torch.rand(64, 64)\n",
                     "%%prun -s cumulative -l 5\nfor _ in range(3):\n    max_pool2d(x_big, 2)\n")),
    SHAPES,
]



# ===============================================================================================================
# 4. Attribute names attack round 43 refuses anywhere (jinja2's `env`, `environment`, `loader`, `template_*`),
#    on the submission's own objects
# ===============================================================================================================
TRAINER = d("""
    from torch.utils.data import DataLoader, TensorDataset


    class Trainer:
        \"\"\"One epoch of training, to see the loss go down.\"\"\"

        def __init__(self, model, loader, lr=0.01):
            self.model = model
            self.loader = loader
            self.optimizer = torch.optim.SGD(model.parameters(), lr=lr)
            self.loss_fn = nn.BCEWithLogitsLoss()

        def epoch(self):
            total = 0.0
            for x, y in self.loader:
                self.optimizer.zero_grad()
                loss = self.loss_fn(self.model(x), y)
                loss.backward()
                self.optimizer.step()
                total += loss.item()
            return total / len(self.loader)


    data = TensorDataset(torch.rand(16, 1, 100, 100), torch.randint(0, 2, (16, 1)).float())
    trainer = Trainer(CNN(), DataLoader(data, batch_size=8, shuffle=True))
    print([round(trainer.epoch(), 4) for _ in range(2)])
    """)
case("r35_nb_trainer_class_self_loader", "A small Trainer class for the CNN.", [], after=[TRAINER])

ENV_ARG = d("""
    import argparse
    import sys

    parser = argparse.ArgumentParser()
    parser.add_argument("--env", choices=["local", "colab"], default="colab" if "google.colab" in sys.modules else "local")
    parser.add_argument("--epochs", type=int, default=1)
    args, _ = parser.parse_known_args()
    print("running on", args.env, "for", args.epochs, "epoch(s)")
    DATA_DIR = "/content/data" if args.env == "colab" else "./data"
    """)
CASES["r35_py_argparse_env_option"] = [IMPORTS, ENV_ARG, *answers(headers=False), SHAPES]

SETTINGS = d("""
    import os
    import sys


    class Settings:
        environment = "colab" if "google.colab" in sys.modules else "local"
        device = "cuda" if torch.cuda.is_available() else "cpu"
        workers = 0 if os.name == "nt" else 2


    print(f"{Settings.environment} / {Settings.device} / {Settings.workers} workers")
    """)
case("r35_nb_settings_class_environment", "Settings that depend on where the notebook runs.", [SETTINGS])

TEMPLATE = d("""
    from dataclasses import dataclass


    @dataclass
    class MatchResult:
        \"\"\"Where a template fits best in an image (convolution as template matching).\"\"\"
        template_size: int
        row: int
        col: int
        score: float


    def best_match(image, template):
        scores = conv2d(image, template)
        idx = int(scores.argmax())
        r, c = divmod(idx, scores.shape[1])
        return MatchResult(template.shape[0], r, c, float(scores[r, c]))


    image = torch.zeros(12, 12)
    image[5:8, 3:6] = torch.tensor([[0.0, 1.0, 0.0], [1.0, 1.0, 1.0], [0.0, 1.0, 0.0]])
    cross = torch.tensor([[-1.0, 1.0, -1.0], [1.0, 1.0, 1.0], [-1.0, 1.0, -1.0]])
    match = best_match(image, cross)
    print(f"a {match.template_size}x{match.template_size} template fits best at ({match.row}, {match.col})")
    """)
case("r35_nb_template_matching_dataclass", "Convolution as template matching.", [], extra6=(TEMPLATE,))



FROM_STRING = d("""
    class BlockConfig:
        \"\"\"Settings of a conv block, read from a line such as "kernel_size=3, padding=1".\"\"\"

        def __init__(self, kernel_size=3, padding=1):
            self.kernel_size = kernel_size
            self.padding = padding

        @classmethod
        def from_string(cls, text):
            pairs = (item.split("=") for item in text.split(","))
            return cls(**{key.strip(): int(value) for key, value in pairs})

        def __repr__(self):
            return f"BlockConfig(kernel_size={self.kernel_size}, padding={self.padding})"


    cfg = BlockConfig.from_string("kernel_size=3, padding=1")
    print(cfg)
    """)
case("r35_nb_config_from_string_classmethod", "A config parsed from a line of text (no eval).", [FROM_STRING])

PYLAB_STAR = d("""
    %matplotlib inline
    from pylab import *   # MATLAB-style plotting, as in the course's first notebooks
    """)
PYLAB_PLOT = d("""
    sides = arange(8, 65)
    plot(sides, [conv_output_size(int(n), 3, padding=1) // 2 for n in sides])
    xlabel("input side")
    ylabel("side after conv + 2x2 pool")
    show()
    """)
CASES["r35_nb_pylab_star_import_plot"] = [
    md("# Lab 6 - CNNs\nPlots with pylab."), PYLAB_STAR, IMPORTS,
    *answers(q2=r30.r26.Q2["floordiv"] + "\n\n" + PYLAB_PLOT),
    SHAPES.replace("sum(p.numel() for p in", "sum([p.numel() for p in").replace(".parameters())", ".parameters()])"),
]
CASES["r35_nb_pylab_inline_magic"] = [
    md("# Lab 6 - CNNs\nThe classic start of a notebook."), "%pylab inline\n", IMPORTS, *answers(), SHAPES,
]
CASES["r35_nb_tensorboard_magics"] = [
    md("# Lab 6 - CNNs\nTensorBoard for the training curves (next lab)."),
    "%load_ext tensorboard\n", IMPORTS, *answers(), SHAPES, "%tensorboard --logdir runs\n",
]


# ===============================================================================================================
# isolation copies
# ===============================================================================================================
ISO: dict[str, list] = {}


def iso(name: str, base: str, *changes: tuple[str, str]) -> None:
    """ISO[name] = CASES[base] with each (old, new) replaced in its code cells (every old must occur)."""
    found = {old: 0 for old, _ in changes}

    def edit(src: str) -> str:
        for old, new in changes:
            if old in src:
                found[old] += 1
                src = src.replace(old, new)
        return src

    cells = []
    for c in CASES[base]:
        if isinstance(c, str):
            cells.append(edit(c))
        elif c[0] == "code":
            cells.append(("code", edit(c[1]), *c[2:]))
        else:
            cells.append(c)
    missing = [old for old, n in found.items() if not n]
    if missing:
        raise ValueError(f"{name}: not found in {base}: {missing}")
    ISO[name] = cells

_NB = "_nb_"
iso(f"iso{_NB}mpl_inline_formats_by_config_magic", "r35_nb_matplotlib_inline_set_formats",
    ("from matplotlib_inline.backend_inline import set_matplotlib_formats\n\nset_matplotlib_formats(\"retina\")\n",
     "%config InlineBackend.figure_format = 'retina'\n"))
iso(f"iso{_NB}mpl_inline_import_without_call", "r35_nb_matplotlib_inline_set_formats",
    ("set_matplotlib_formats(\"retina\")\n", ""))
iso(f"iso{_NB}mpl_inline_call_without_plot", "r35_nb_matplotlib_inline_set_formats", (FMAP_PLOT, ""))
iso(f"iso{_NB}cycler_from_matplotlib", "r35_nb_cycler_prop_cycle_size_plot",
    ("from cycler import cycler", "from matplotlib import cycler"))
iso(f"iso{_NB}networkx_cell_dropped", "r35_nb_networkx_layer_graph", (NETWORKX, 'print("conv1 -> pool -> conv2 -> pool -> fc")\n'))
iso(f"iso{_NB}attrs_as_dataclass", "r35_nb_attrs_define_block_config",
    ("import attrs\n", "import dataclasses\n"), ("@attrs.define", "@dataclasses.dataclass"),
    ("attrs.asdict(cfg)", "dataclasses.asdict(cfg)"))
iso("iso_py_attr_s_as_dataclass", "r35_py_attr_s_frozen_hparams",
    ("import attr\n", "import dataclasses\n"), ("@attr.s(auto_attribs=True, frozen=True)", "@dataclasses.dataclass(frozen=True)"))
iso(f"iso{_NB}capture_output_as_cell_magic", "r35_nb_ipython_capture_output_quiet_check",
    (CAPTURE, "%%capture captured\nfor c in (1, 3):\n    print(c, ConvNet(c)(torch.rand(2, c, 128, 128)).shape)\n"))
iso(f"iso{_NB}capture_output_as_redirect_stdout", "r35_nb_ipython_capture_output_quiet_check",
    ("from IPython.utils.capture import capture_output\n", "import contextlib\nimport io\n"),
    ("with capture_output(display=False) as captured:", "with contextlib.redirect_stdout(io.StringIO()) as captured_out:"),
    ("len(captured.stdout.splitlines())", "len(captured_out.getvalue().splitlines())"))
iso(f"iso{_NB}utils_io_as_redirect_stdout", "r35_nb_ipython_utils_io_capture_output",
    ("from IPython.utils import io\n", "import contextlib\nimport io\n"),
    ("with io.capture_output(display=False) as captured:", "with contextlib.redirect_stdout(io.StringIO()) as captured_out:"),
    ("len(captured.stdout)", "len(captured_out.getvalue())"))
iso(f"iso{_NB}display_from_ipython_display", "r35_nb_ipython_display_functions_import",
    ("from IPython.core.display_functions import display   # where IPython 8 defines it", "from IPython.display import display"))
iso(f"iso{_NB}youtube_from_ipython_display", "r35_nb_ipython_lib_display_youtube",
    ("from IPython.lib.display import YouTubeVideo", "from IPython.display import YouTubeVideo"))
iso(f"iso{_NB}figsize_by_rcparams", "r35_nb_ipython_pylabtools_figsize",
    ("from IPython.core.pylabtools import figsize\n\nfigsize(10, 3)\n", 'plt.rcParams["figure.figsize"] = (10, 3)\n'))
iso(f"iso{_NB}pydantic_gt_minus1_as_ge0", "r35_nb_pydantic_annotated_types_gt",
    ("from annotated_types import Gt", "from annotated_types import Ge, Gt"), ("Gt(-1)", "Ge(0)"))
iso(f"iso{_NB}pydantic_field_gt_minus1", "r35_nb_pydantic_annotated_types_gt",
    ("from annotated_types import Gt\nfrom pydantic import BaseModel", "from pydantic import BaseModel, Field"),
    ("Gt(0)", "Field(gt=0)"), ("Gt(-1)", "Field(gt=-1)"))
iso(f"iso{_NB}pydantic_field_ge0", "r35_nb_pydantic_annotated_types_gt",
    ("from annotated_types import Gt\nfrom pydantic import BaseModel", "from pydantic import BaseModel, Field"),
    ("Gt(0)", "Field(gt=0)"), ("Gt(-1)", "Field(ge=0)"))
iso(f"iso{_NB}dis_dropped_getsource", "r35_nb_stdlib_dis_max_pool2d_bytecode",
    (DIS, "import inspect\n\nprint(inspect.getsource(max_pool2d))\n"))
iso(f"iso{_NB}prun_without_options", "r35_nb_prun_line_magic_conv2d", ("%prun -l 5 conv2d", "%prun conv2d"))
iso(f"iso{_NB}prun_sort_option", "r35_nb_prun_line_magic_conv2d", ("%prun -l 5 conv2d", "%prun -s cumulative conv2d"))
iso(f"iso{_NB}prun_cell_without_options", "r35_nb_prun_cell_magic_sorted", ("%%prun -s cumulative -l 5\n", "%%prun\n"))
iso(f"iso{_NB}prun_cell_as_line", "r35_nb_prun_cell_magic_sorted",
    ("%%prun -s cumulative -l 5\nfor _ in range(3):\n    max_pool2d(x_big, 2)\n", "%prun -s cumulative -l 5 max_pool2d(x_big, 2)\n"))
iso(f"iso{_NB}urllib3_as_warnings_filter", "r35_nb_urllib3_disable_warnings_download",
    ("import urllib3\n", "import warnings\n"),
    ("urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)", 'warnings.filterwarnings("ignore", message="Unverified HTTPS request")'))
iso(f"iso{_NB}cprofile_as_prun", "r35_nb_cprofile_profile_enable_disable",
    (CPROFILE, "x_big, k_big = torch.rand(40, 40), torch.rand(3, 3)\n%prun conv2d(x_big, k_big, padding=1)\n"))

iso(f"iso{_NB}trainer_loader_renamed", "r35_nb_trainer_class_self_loader", ("self.loader", "self.train_loader"))
iso("iso_py_argparse_env_renamed", "r35_py_argparse_env_option",
    ('"--env"', '"--where"'), ("args.env", "args.where"))
iso(f"iso{_NB}settings_environment_renamed", "r35_nb_settings_class_environment",
    ("environment =", "platform ="), ("Settings.environment", "Settings.platform"))
iso(f"iso{_NB}template_size_renamed", "r35_nb_template_matching_dataclass",
    ("template_size", "size"))

iso(f"iso{_NB}from_string_renamed_parse", "r35_nb_config_from_string_classmethod", ("from_string", "parse"))
iso(f"iso{_NB}pylab_named_imports", "r35_nb_pylab_star_import_plot",
    ("from pylab import *   # MATLAB-style plotting, as in the course's first notebooks",
     "from pylab import arange, plot, show, xlabel, ylabel"))


def main(argv: list[str]) -> None:
    if "--iso" in argv:
        out_dir = Path(argv[argv.index("--iso") + 1])
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, cells in ISO.items():
            write(out_dir, name, cells)
        print(len(ISO), "isolation copies written to", out_dir)
        return
    out_dir = Path(argv[argv.index("--out") + 1]) if "--out" in argv else HERE
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, cells in CASES.items():
        write(out_dir, name, cells)
    print(len(CASES), "files written to", out_dir)


if __name__ == "__main__":
    main(sys.argv[1:])

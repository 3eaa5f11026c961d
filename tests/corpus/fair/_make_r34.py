"""Round 34 of the fairness corpus: what attack round 42's rules (libraries' evaluators of text, SymPy's parser and
lambdify, ``__annotations__`` read only in place, ``torch.utils.benchmark``) may cost ordinary students.

Correct submissions that use SymPy honestly (symbolic output-size and parameter-count formulas with ``symbols``,
``floor``, ``subs``, ``solve``, ``Eq``, ``Matrix``, ``Rational``, ``nsimplify``, ``N``, ``latex``, ``pprint``,
``init_printing``, ``S.Half``, ``lambdify``, ``sympify`` of a constant text, a star import), read annotations
(``__annotations__`` listed or bound, ``dataclasses.fields``, ``typing.get_type_hints``, ``inspect.get_annotations``,
``inspect.signature``, ``Literal`` aliases, ``from __future__ import annotations``), time and report (``perf_counter``,
``timeit`` with a lambda, ``timeit.Timer``, ``%timeit``, ``%%time``, ``torch.utils.benchmark.Timer``, pandas' Styler,
``string.Template``, ``format_map``, ``{``-style logging, an optional ``tabulate``), check themselves with exceptions and
introspection (``traceback.format_exc``, ``raise ... from``, ``__context__``, ``add_note``, ``catch_warnings(record=True)``,
``pytest.raises``, ``mro()``, ``__base__``, ``vars(args)``, version reports) and seed their runs (``manual_seed``,
``default_rng``, ``torch.Generator``, ``initial_seed``, a seed-everything helper, ``fork_rng``).  q1-q5, q9, q10 reuse
round 26's snippets where nothing new is tried there.

    python tests/corpus/fair/_make_r34.py            # rewrites tests/corpus/fair/r34_*
    python tests/corpus/fair/_make_r34.py --out DIR  # writes them to DIR instead
    python tests/corpus/fair/_make_r34.py --iso DIR  # isolation copies for _r34_findings.md (not corpus files)
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
        cell.id = f"r34-{k:03d}"
    nb.cells = out_cells
    nbformat.validate(nb)
    path.write_text(nbformat.writes(nb), encoding="utf-8")


def write(out_dir: Path, name: str, cells: list) -> None:
    if "_nb_" in name:
        write_notebook(out_dir / f"{name}.ipynb", cells)
    else:
        r30.write_script(out_dir / f"{name}.py", cells)


CASES: dict[str, list] = {}

# ===============================================================================================================
# 1. SymPy
# ===============================================================================================================
SP_SYMBOLS = d('''
    import sympy as sp

    n, k = sp.symbols("n k", integer=True, positive=True)
    s = sp.Symbol("s", integer=True, positive=True)
    p = sp.Symbol("p", integer=True, nonnegative=True)
    out_size = sp.floor((n + 2 * p - k) / s) + 1
    sp.pprint(out_size)
    print(sp.latex(out_size))
    ''')
Q2_SUBS = d('''
    def conv_output_size(size, kernel_size, stride=1, padding=0):
        """floor((n + 2p - k) / s) + 1, evaluated from the symbolic formula above."""
        if kernel_size > size + 2 * padding:
            raise ValueError("the kernel does not fit in the padded input")
        return int(out_size.subs({n: size, k: kernel_size, s: stride, p: padding}))


    print(conv_output_size(100, 5), conv_output_size(28, 3, stride=2, padding=1))
    ''')
CASES["r34_nb_sympy_output_size_floor_subs"] = [
    md("# Lab 6\nThe output size formula written with SymPy, then evaluated with `.subs`."),
    IMPORTS, SP_SYMBOLS,
    *answers(q2=Q2_SUBS), SHAPES,
]

SP_SOLVE = d('''
    import sympy as sp

    n, k, p = sp.symbols("n k p", integer=True, positive=True)
    # stride 1: which padding keeps the size?  n + 2p - k + 1 = n
    same = sp.Eq(n + 2 * p - k + 1, n)
    print(same)
    pad_same = sp.solve(same, p)[0]
    print("padding for 'same':", pad_same)
    PAD = int(pad_same.subs(k, 3))   # 1 for a 3x3 kernel
    assert PAD == 1
    ''')
Q7_PAD = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=PAD)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=PAD)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(2 * 25 * 25, 1)

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            return self.fc(x.flatten(1))
    ''')
Q8_PAD = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=PAD), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))
    ''')
CASES["r34_nb_sympy_solve_same_padding_for_models"] = [
    md("# Lab 6\nThe 'same' padding solved with SymPy and used by the models."),
    IMPORTS, SP_SOLVE,
    *answers(q7=Q7_PAD, q8=Q8_PAD), SHAPES,
]

SP_MATRIX = d('''
    import sympy as sp

    # the convolution written symbolically: each output is a sum of products of the image's entries
    X = sp.Matrix(5, 5, lambda i, j: sp.Symbol(f"x_{i}{j}"))
    K = sp.Matrix([[0, 1, 2], [2, 2, 0], [0, 1, 2]])
    Y = sp.Matrix(3, 3, lambda i, j: sum(X[i + a, j + b] * K[a, b] for a in range(3) for b in range(3)))
    print(Y[0, 0])
    image = sp.Matrix([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]])
    Y_num = Y.subs(dict(zip(X, image)))
    sp.pprint(Y_num)
    ''')
Q6_OUT_SP = d('''
    q6_output = torch.tensor(np.array(Y_num.tolist(), dtype=np.int64))
    print(q6_output)
    assert torch.equal(q6_output, conv2d(torch.tensor(np.array(image.tolist(), dtype=np.float32)),
                                         torch.tensor(np.array(K.tolist(), dtype=np.float32))).long())
    ''')
CASES["r34_nb_sympy_matrix_symbolic_convolution"] = [
    md("# Lab 6\nq6's example done symbolically with a SymPy Matrix."),
    IMPORTS,
    *answers(q6=("loops_zeros", "loops", ""), extra6=(SP_MATRIX, Q6_OUT_SP)), SHAPES,
]

SP_COUNTS = d('''
    import sympy as sp

    c_in, c_out, kh, kw, f_in, f_out = sp.symbols("c_in c_out k_h k_w f_in f_out", integer=True, positive=True)
    conv_count = c_in * c_out * kh * kw + c_out
    linear_count = f_in * f_out + f_out
    print(sp.factor(conv_count), "|", sp.factor(linear_count))
    print(sp.expand(conv_count.subs({kh: 3, kw: 3})))
    ''')
Q4_SP = d('''
    q4_conv_params = int(conv_count.subs({c_in: 3, c_out: 3, kh: 3, kw: 3}))
    q4_cnn_params = int(conv_count.subs({c_in: 1, c_out: 3, kh: 3, kw: 3}) + conv_count.subs({c_in: 3, c_out: 2, kh: 3, kw: 3})
                        + linear_count.subs({f_in: 1250, f_out: 1}))
    widths = [128 * 128, 256, 128, 64, 32, 16, 1]
    q4_fcnn_params = int(sum(linear_count.subs({f_in: a, f_out: b}) for a, b in zip(widths, widths[1:])))
    print(q4_conv_params, q4_cnn_params, q4_fcnn_params)
    ''')
Q5_SP = d('''
    def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
        kH, kW = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
        count = conv_count.subs({c_in: in_channels, c_out: out_channels, kh: kH, kw: kW})
        return int(count) if bias else int(count - out_channels)


    def linear_params(in_features, out_features, bias=True):
        count = linear_count.subs({f_in: in_features, f_out: out_features})
        return int(count) if bias else int(count - out_features)
    ''')
CASES["r34_nb_sympy_parameter_counts_factor_expand"] = [
    md("# Lab 6\nParameter counts as SymPy expressions."),
    IMPORTS, SP_COUNTS,
    *answers(q4=Q4_SP, q5=Q5_SP), SHAPES,
]

SP_RATIONAL = d('''
    import sympy as sp

    n = sp.Symbol("n", integer=True, positive=True)
    half = sp.Rational(1, 2)
    assert half == sp.Rational("1/2") == sp.nsimplify(0.5)
    pooled = sp.floor(n * half)         # a 2x2 max-pool halves the side (rounding down)
    print(pooled, pooled.subs(n, 101), sp.N(sp.Rational(1250, 3), 5))
    ''')
Q3_SP = d('''
    h1 = conv_output_size(100, 3, padding=1)
    p1 = int(pooled.subs(n, h1))
    h2 = conv_output_size(p1, 3, padding=1)
    p2 = int(pooled.subs(n, h2))
    q3_shapes = [(3, h1, h1), (3, p1, p1), (2, h2, h2), (2, p2, p2)]
    q3_flatten_features = 2 * p2 * p2
    print(q3_shapes, q3_flatten_features)
    ''')
CASES["r34_nb_sympy_rational_nsimplify_pooling"] = [
    md("# Lab 6\nPooling as multiplication by one half (`sp.Rational`)."),
    IMPORTS, SP_RATIONAL,
    *answers(q3=Q3_SP), SHAPES,
]

SP_S_HALF = d('''
    import sympy as sp

    n = sp.Symbol("n", integer=True, positive=True)
    pooled = sp.floor(n * sp.S.Half)    # S.Half is SymPy's exact 1/2
    print(pooled, pooled.subs(n, 101))
    ''')
CASES["r34_nb_sympy_S_half_pooling"] = [
    md("# Lab 6\nPooling with `sp.S.Half`."),
    IMPORTS, SP_S_HALF,
    *answers(q3=Q3_SP), SHAPES,
]

SP_LAMBDIFY = d('''
    import sympy as sp

    n, k, s, p = sp.symbols("n k s p", integer=True)
    out_expr = sp.floor((n + 2 * p - k) / s) + 1
    out_fn = sp.lambdify((n, k, s, p), out_expr, modules="math")
    for size in (28, 32, 100):
        print(size, out_fn(size, 3, 1, 1), out_fn(size, 5, 2, 0))
    ''')
CASES["r34_nb_sympy_lambdify_size_table"] = [
    md("# Lab 6\nA table of output sizes from a lambdified formula."),
    IMPORTS, SP_LAMBDIFY,
    *answers(), SHAPES,
]

SP_STAR = d('''
    from sympy import *

    n, k, s, p = symbols("n k s p", integer=True, nonnegative=True)
    size_formula = floor((n + 2 * p - k) / s) + 1
    print(simplify(size_formula.subs({s: 1, p: 0})))
    ''')
CASES["r34_nb_sympy_star_import_formula"] = [
    md("# Lab 6\n`from sympy import *` for the formula."),
    IMPORTS, SP_STAR,
    *answers(), SHAPES,
]

SP_SCRIPT = d('''
    import sympy as sp

    k, s, p = sp.symbols("k s p", integer=True)
    n = sp.Symbol("n")
    rule = sp.Eq(sp.Symbol("out"), sp.floor((n + 2 * p - k) / s) + 1)
    sp.pprint(rule)
    print("simplified for stride 1, no padding:", sp.simplify(rule.rhs.subs({s: 1, p: 0})))
    print("100 -> 5x5 kernel:", rule.rhs.subs({n: 100, k: 5, s: 1, p: 0}), "ratio", sp.N(sp.Rational(96, 100), 3))
    ''')
CASES["r34_py_sympy_eq_pprint_report"] = [
    IMPORTS, SP_SCRIPT,
    *answers(headers=False), SHAPES,
]

SP_PRINTING = d('''
    import sympy as sp
    from IPython.display import Math, display

    sp.init_printing()
    n, k, s, p = sp.symbols("n k s p", integer=True)
    out_size = sp.floor((n + 2 * p - k) / s) + 1
    display(Math(r"n_{out} = " + sp.latex(out_size)))
    out_size
    ''')
CASES["r34_nb_sympy_init_printing_display_math"] = [
    md("# Lab 6\nThe formula shown with SymPy's printing."),
    IMPORTS, SP_PRINTING,
    *answers(), SHAPES,
]

SP_SYMPIFY = d('''
    import sympy as sp

    formula = sp.sympify("floor((n + 2*p - k)/s) + 1")   # copied from the lecture
    n, k, s, p = sp.symbols("n k s p")
    print(formula, formula.subs({n: 100, k: 5, s: 1, p: 0}))
    ''')
CASES["r34_nb_sympy_sympify_lecture_formula"] = [
    md("# Lab 6\nThe lecture's formula pasted in as text."),
    IMPORTS, SP_SYMPIFY,
    *answers(), SHAPES,
]

# ===============================================================================================================
# 2. Annotations
# ===============================================================================================================
CFG = d('''
    from dataclasses import dataclass


    @dataclass(frozen=True)
    class BlockConfig:
        channels: int = 3
        kernel_size: int = 3
        padding: int = 1
        n_blocks: int = 5


    cfg = BlockConfig()
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
            layers = [conv_block(input_channels, cfg.channels)]
            layers += [conv_block(cfg.channels, cfg.channels) for _ in range(cfg.n_blocks - 1)]
            self.blocks = nn.Sequential(*layers)
            self.fc = nn.Linear(cfg.channels * 128 * 128, 1)

        def forward(self, x):
            return self.fc(torch.flatten(self.blocks(x), 1))
    ''')
ANN_ITEMS = d('''
    print(BlockConfig.__annotations__)
    for name, tp in BlockConfig.__annotations__.items():
        print(f"{name:<12} {tp.__name__:<5} default {getattr(BlockConfig, name)}")
    ''')
CASES["r34_nb_config_annotations_listed"] = [
    md("# Lab 6\nThe blocks' settings in a dataclass, listed from its annotations."),
    IMPORTS, CFG, ANN_ITEMS,
    *answers(q8=Q8_CFG), SHAPES,
]

ANN_BOUND = d('''
    import pandas as pd

    hints = BlockConfig.__annotations__
    table = pd.DataFrame({"field": list(hints), "type": [t.__name__ for t in hints.values()],
                          "value": [cfg.channels, cfg.kernel_size, cfg.padding, cfg.n_blocks]})
    print(table.to_string(index=False))
    ''')
CASES["r34_nb_config_annotations_bound_to_table"] = [
    md("# Lab 6\nThe settings as a table built from the annotations."),
    IMPORTS, CFG, ANN_BOUND,
    *answers(q8=Q8_CFG), SHAPES,
]

FIELDS = d('''
    import dataclasses

    for f in dataclasses.fields(cfg):
        print(f"{f.name:<12} {f.type!s:<6} {getattr(cfg, f.name)}")
    print(dataclasses.asdict(cfg))
    ''')
CASES["r34_nb_config_dataclass_fields_getattr"] = [
    md("# Lab 6\nThe settings listed with `dataclasses.fields`."),
    IMPORTS, CFG, FIELDS,
    *answers(q8=Q8_CFG), SHAPES,
]

TYPE_HINTS = d('''
    import typing

    hints = typing.get_type_hints(BlockConfig)
    print(hints)
    assert all(tp is int for tp in hints.values())
    ''')
CASES["r34_nb_config_get_type_hints"] = [
    md("# Lab 6\nThe settings' types checked with `typing.get_type_hints`."),
    IMPORTS, CFG, TYPE_HINTS,
    *answers(q8=Q8_CFG), SHAPES,
]

GET_ANN = d('''
    import inspect

    print(inspect.get_annotations(BlockConfig))
    print(inspect.signature(conv2d))
    ''')
CASES["r34_nb_inspect_get_annotations_config"] = [
    md("# Lab 6\n`inspect.get_annotations` (the Python 3.10 way) on the settings."),
    IMPORTS, CFG, GET_ANN.replace("print(inspect.signature(conv2d))\n", ""),
    *answers(q8=Q8_CFG), SHAPES,
]

FUT_HEAD = "from __future__ import annotations\n\n" + IMPORTS
FUT_CFG = d('''
    import dataclasses
    from dataclasses import dataclass


    @dataclass
    class TrainConfig:
        lr: float = 0.01
        epochs: int = 2
        image_size: tuple[int, int] = (100, 100)
        channels: list[int] = dataclasses.field(default_factory=lambda: [1, 3, 2])


    config = TrainConfig()
    for f in dataclasses.fields(config):
        print(f.name, f.type)   # strings: annotations are not evaluated
    ''')
FUT_CONV = d('''
    def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        oh = (h + 2 * padding - kh) // stride + 1
        ow = (w + 2 * padding - kw) // stride + 1
        out = torch.empty(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    def max_pool2d(image: torch.Tensor, kernel_size: int | tuple[int, int] = 2) -> torch.Tensor:
        kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
        oh, ow = image.shape[0] // kh, image.shape[1] // kw
        return image[:oh * kh, :ow * kw].reshape(oh, kh, ow, kw).amax(dim=(1, 3))
    ''')
FUT_TRAIN = d('''
    def train(model: nn.Module, config: TrainConfig) -> list[float]:
        torch.manual_seed(0)
        xs, ys = torch.rand(4, 1, *config.image_size), torch.rand(4, 1)
        opt = torch.optim.SGD(model.parameters(), lr=config.lr)
        losses: list[float] = []
        for _ in range(config.epochs):
            opt.zero_grad()
            loss = F.mse_loss(model(xs), ys)
            loss.backward()
            opt.step()
            losses.append(loss.item())
        return losses


    print(train(CNN(), config))
    ''')
CASES["r34_py_future_annotations_dataclass_config"] = [
    FUT_HEAD, FUT_CFG,
    *answers(q6=(FUT_CONV, "", "tensor"), headers=False), FUT_TRAIN, SHAPES,
]

SIG = d('''
    import inspect
    from typing import Literal, get_args

    PoolMode = Literal["max", "mean"]
    print(get_args(PoolMode))
    sig = inspect.signature(conv2d)
    for name, param in sig.parameters.items():
        default = "required" if param.default is inspect.Parameter.empty else param.default
        print(f"{name:<8} {param.kind.name:<22} {default}")
    print(conv2d.__annotations__.get("return", "no return annotation"))
    ''')
Q6_TYPED = d('''
    def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
        """2-D cross-correlation of one channel, as nn.Conv2d computes it."""
        H, W = image.shape
        kH, kW = kernel.shape
        x = torch.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)
        x[padding:padding + H, padding:padding + W] = image
        rows = []
        for i in range(0, x.shape[0] - kH + 1, stride):
            rows.append(torch.stack([(x[i:i + kH, j:j + kW] * kernel).sum() for j in range(0, x.shape[1] - kW + 1, stride)]))
        return torch.stack(rows)
    ''')
CASES["r34_nb_inspect_signature_literal_get_args"] = [
    md("# Lab 6\nconv2d's signature read with `inspect`."),
    IMPORTS,
    *answers(q6=(Q6_TYPED, "loops", "tensor"), extra6=(SIG,)), SHAPES,
]

# ===============================================================================================================
# 3. Timing and reporting
# ===============================================================================================================
PERF_STYLER = d('''
    import time

    import pandas as pd

    rows = []
    for size in (16, 32, 64):
        x, kern = torch.rand(size, size), torch.rand(3, 3)
        start = time.perf_counter()
        conv2d(x, kern, padding=1)
        rows.append({"size": size, "ms": 1000 * (time.perf_counter() - start)})
    timings = pd.DataFrame(rows).set_index("size")
    styled = timings.style.format("{:.2f}").highlight_max(color="salmon").background_gradient(cmap="Blues")
    html = styled.to_html()
    print(len(html) > 0)
    styled
    ''')
CASES["r34_nb_perf_counter_timings_styler"] = [
    md("# Lab 6\nHow long my conv2d takes, shown with pandas' Styler."),
    IMPORTS,
    *answers(extra6=(PERF_STYLER,)), SHAPES,
]

TIMEIT_LAMBDA = d('''
    import timeit

    x, kern = torch.rand(32, 32), torch.rand(3, 3)
    t = timeit.timeit(lambda: conv2d(x, kern, padding=1), number=3)
    best = min(timeit.repeat(lambda: max_pool2d(x, 2), repeat=3, number=5))
    print(f"conv2d {t / 3 * 1e3:.1f} ms, max_pool2d {best / 5 * 1e3:.2f} ms")
    ''')
PCT_TIMEIT = "%timeit -n 2 -r 2 conv2d(x, kern, padding=1)\n"
CASES["r34_nb_timeit_lambda_repeat_magic"] = [
    md("# Lab 6\nTiming with `timeit` and `%timeit`."),
    IMPORTS,
    *answers(extra6=(TIMEIT_LAMBDA, PCT_TIMEIT)), SHAPES,
]

TIMEIT_TIMER = d('''
    import timeit

    x, kern = torch.rand(32, 32), torch.rand(3, 3)
    timer = timeit.Timer(lambda: conv2d(x, kern, padding=1))
    number, total = timer.autorange()
    print(f"{number} runs, {total / number * 1e3:.1f} ms each")
    ''')
CASES["r34_nb_timeit_timer_autorange"] = [
    md("# Lab 6\nTiming with `timeit.Timer(...).autorange()`."),
    IMPORTS,
    *answers(extra6=(TIMEIT_TIMER,)), SHAPES,
]

BENCH = d('''
    import torch.utils.benchmark as benchmark

    x, kern = torch.rand(32, 32), torch.rand(3, 3)
    timer = benchmark.Timer(stmt="conv2d(x, kern, padding=1)", globals={"conv2d": conv2d, "x": x, "kern": kern})
    print(timer.timeit(3))
    ''')
CASES["r34_nb_torch_benchmark_timer_conv2d"] = [
    md("# Lab 6\nTiming with `torch.utils.benchmark` (as the PyTorch tutorial does)."),
    IMPORTS,
    *answers(extra6=(BENCH,)), SHAPES,
]

TEMPLATE = d('''
    from string import Template

    report = Template("$name: $params parameters, output $shape")
    for name, model, shape in (("CNN", CNN(), (1, 1, 100, 100)), ("ConvNet", ConvNet(3), (1, 3, 128, 128))):
        row = {"name": name, "params": sum(p.numel() for p in model.parameters()), "shape": tuple(model(torch.rand(shape)).shape)}
        print(report.substitute(row))
        print("{name:>8} | {params:>7,}".format_map(row))
        print(report.safe_substitute(name=name))
    ''')
CASES["r34_nb_string_template_format_map_report"] = [
    md("# Lab 6\nA small report with `string.Template` and `format_map`."),
    IMPORTS,
    *answers(), SHAPES, TEMPLATE,
]

LOG_BRACE = d('''
    import logging
    import sys

    logging.basicConfig(level=logging.INFO, format="{levelname:<7} {name}: {message}", style="{", force=True)
    log = logging.getLogger("lab6")
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("{asctime} | {message}", datefmt="%H:%M:%S", style="{"))
    log.addHandler(handler)
    log.propagate = False
    ''')
LOG_USE = d('''
    x = torch.rand(1, 1, 100, 100)
    log.info("CNN output %s", tuple(CNN()(x).shape))
    log.info(f"ConvNet(1): {sum(p.numel() for p in ConvNet(1).parameters()):,} parameters")
    log.warning("q6 check: %s", torch.equal(max_pool2d(torch.arange(16.).reshape(4, 4)), torch.tensor([[5., 7.], [13., 15.]])))
    ''')
CASES["r34_py_logging_brace_style_formatters"] = [
    IMPORTS, LOG_BRACE,
    *answers(headers=False), SHAPES, LOG_USE,
]

TABULATE = d('''
    import pandas as pd

    try:
        from tabulate import tabulate
    except ImportError:   # not installed on every machine
        tabulate = None

    rows = [("conv (3->3, 3x3)", q4_conv_params), ("CNN", q4_cnn_params), ("fully connected", q4_fcnn_params)]
    if tabulate is not None:
        print(tabulate(rows, headers=["model", "parameters"], intfmt=","))
    else:
        print(pd.DataFrame(rows, columns=["model", "parameters"]).to_string(index=False))
    ''')
CASES["r34_nb_optional_tabulate_counts_table"] = [
    md("# Lab 6\nq4's counts as a table (tabulate if it is installed)."),
    IMPORTS,
    *answers(extra6=()), TABULATE, SHAPES,
]

CELL_TIME = d('''
    %%time
    x = torch.rand(64, 64)
    conv_out = conv2d(x, torch.ones(3, 3) / 9, padding=1)
    pool_out = max_pool2d(conv_out, 2)
    print(conv_out.shape, pool_out.shape)
    ''')
LINE_TIME = d('''
    import time

    t0 = time.process_time_ns()
    %time big = conv2d(torch.rand(48, 48), torch.rand(5, 5), stride=2, padding=2)
    print(big.shape, (time.process_time_ns() - t0) / 1e6, "ms CPU", time.time_ns() > 0)
    ''')
CASES["r34_nb_time_cell_magic_and_process_time"] = [
    md("# Lab 6\n`%%time` and `%time` on my conv2d."),
    IMPORTS,
    *answers(extra6=(CELL_TIME, LINE_TIME)), SHAPES,
]

# ===============================================================================================================
# 4. Exceptions and introspection in self-checks
# ===============================================================================================================
EXC_CONTEXT = d('''
    import traceback


    def checked_size(size, kernel_size, **kw):
        try:
            return conv_output_size(size, kernel_size, **kw)
        except ValueError as err:
            raise RuntimeError(f"bad geometry {size=} {kernel_size=}") from err


    try:
        checked_size(2, 5)
    except RuntimeError as err:
        print(traceback.format_exc().splitlines()[-1])
        print("caused by:", repr(err.__context__))
    ''')
CASES["r34_nb_self_check_format_exc_context"] = [
    md("# Lab 6\nSelf-checks that print what went wrong."),
    IMPORTS,
    *answers(extra6=()), EXC_CONTEXT, SHAPES,
]

WARN_PYTEST = d('''
    import warnings

    import pytest

    with pytest.raises(ValueError, match="kernel") as excinfo:
        conv_output_size(3, 5)
    print("raised:", excinfo.type.__name__, excinfo.value)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn("padding larger than half the kernel", UserWarning)
        conv_output_size(10, 3, padding=2)
    print(len(caught), caught[0].category.__name__, str(caught[0].message))
    assert issubclass(caught[-1].category, UserWarning)
    ''')
CASES["r34_nb_pytest_raises_catch_warnings_record"] = [
    md("# Lab 6\nChecks with `pytest.raises` and `warnings.catch_warnings(record=True)`."),
    IMPORTS,
    *answers(), WARN_PYTEST, SHAPES,
]

INTRO = d('''
    model = CNN()
    print(model.__class__.__name__, type(model).__qualname__)
    print([c.__name__ for c in CNN.mro()])
    print("base class:", CNN.__base__.__name__)
    print(isinstance(model, nn.Module), issubclass(ConvNet, nn.Module))
    ''')
CASES["r34_nb_class_name_mro_base_aside"] = [
    md("# Lab 6\nAn aside: my models are `nn.Module` s."),
    IMPORTS,
    *answers(), INTRO, SHAPES,
]

ARGS = d('''
    import argparse

    parser = argparse.ArgumentParser(description="lab 6 models")
    parser.add_argument("--channels", type=int, default=3)
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args([])   # defaults in the notebook
    print(vars(args))
    settings = dict(vars(args))
    ''')
ARGS_USE = d('''
    torch.manual_seed(settings["seed"])
    net = ConvNet(args.channels)
    print(net(torch.rand(2, args.channels, 128, 128)).shape)
    ''')
CASES["r34_nb_argparse_vars_namespace"] = [
    md("# Lab 6\nSettings from `argparse` (defaults in the notebook)."),
    IMPORTS, ARGS,
    *answers(), ARGS_USE, SHAPES,
]

ENV = d('''
    import platform
    import sys

    assert sys.version_info >= (3, 9), "this notebook needs Python 3.9+"
    print("python", platform.python_version(), "on", platform.system(), platform.machine())
    print("torch", torch.__version__, "| numpy", np.__version__, "| threads", torch.get_num_threads())
    print("cuda available:", torch.cuda.is_available(), "| mkldnn:", torch.backends.mkldnn.is_available())
    print(f"{sys.version_info.major}.{sys.version_info.minor}")
    ''')
CASES["r34_py_environment_report_version_info"] = [
    IMPORTS, ENV,
    *answers(headers=False), SHAPES,
]

META = d('''
    import importlib.metadata

    for dist in ("torch", "numpy", "sympy"):
        try:
            print(dist, importlib.metadata.version(dist))
        except importlib.metadata.PackageNotFoundError:
            print(dist, "not installed")
    ''')
CASES["r34_nb_environment_importlib_metadata_version"] = [
    md("# Lab 6\nVersions of what I used."),
    IMPORTS, META,
    *answers(), SHAPES,
]

NOTES = d('''
    import sys
    import traceback

    try:
        conv2d(torch.rand(4, 4), torch.rand(3, 3, 3))
    except ValueError as err:
        err.add_note("conv2d takes a 2-D kernel")
        traceback.print_exc(file=sys.stdout)
        kind, value, _ = sys.exc_info()
        print(kind.__name__, value)
    ''')
CASES["r34_nb_add_note_print_exc_exc_info"] = [
    md("# Lab 6\nA check that conv2d refuses a 3-D kernel."),
    IMPORTS,
    *answers(extra6=(NOTES,)), SHAPES,
]

# ===============================================================================================================
# 5. Seeds and reproducibility
# ===============================================================================================================
SEED_ALL = d('''
    import os
    import random


    def seed_everything(seed=42):
        random.seed(seed)
        np.random.seed(seed)
        torch.manual_seed(seed)
        torch.cuda.manual_seed_all(seed)
        os.environ["PYTHONHASHSEED"] = str(seed)
        torch.backends.cudnn.deterministic = True
        torch.backends.cudnn.benchmark = False
        return seed


    SEED = seed_everything(42)
    torch.use_deterministic_algorithms(True)
    print("seed", SEED, "initial seed", torch.initial_seed())
    ''')
CASES["r34_nb_seed_everything_helper"] = [
    md("# Lab 6\nEverything seeded at the top."),
    IMPORTS, SEED_ALL,
    *answers(), SHAPES,
]

GEN = d('''
    import random

    g = torch.Generator().manual_seed(0)
    rng = np.random.default_rng(0)
    random.seed(0)
    for trial in range(3):
        x = torch.randn(random.randint(5, 9), 8, generator=g)
        kern = torch.from_numpy(rng.standard_normal((3, 3))).float()
        ref = F.conv2d(x[None, None], kern[None, None], padding=1)[0, 0]
        assert torch.allclose(conv2d(x, kern, padding=1), ref, atol=1e-5), trial
    print("seeds:", g.initial_seed(), torch.initial_seed() >= 0)
    ''')
CASES["r34_nb_generator_default_rng_self_check"] = [
    md("# Lab 6\nA seeded random check of conv2d against PyTorch."),
    IMPORTS,
    *answers(extra6=(GEN,)), SHAPES,
]

FORK = d('''
    with torch.random.fork_rng():
        torch.manual_seed(0)
        model_a = CNN()
    with torch.random.fork_rng():
        torch.manual_seed(0)
        model_b = CNN()
    same = all(torch.equal(a, b) for a, b in zip(model_a.parameters(), model_b.parameters()))
    state = torch.get_rng_state()
    r1 = torch.rand(3)
    torch.set_rng_state(state)
    print(same, torch.equal(r1, torch.rand(3)))
    ''')
CASES["r34_nb_models_built_under_fork_rng"] = [
    md("# Lab 6\nTwo models built with the same seed are the same (without touching the global RNG)."),
    IMPORTS,
    *answers(), FORK, SHAPES,
]

SEED_CLI = d('''
    import argparse
    import random


    def set_seed(seed: int) -> None:
        random.seed(seed)
        np.random.seed(seed)
        torch.manual_seed(seed)


    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1234)
    args, _unknown = parser.parse_known_args()
    set_seed(args.seed)
    print(f"seed={args.seed} torch.initial_seed()={torch.initial_seed()}")
    ''')
SEED_TRAIN = d('''
    def run(seed):
        set_seed(seed)
        model = CNN()
        xs, ys = torch.rand(4, 1, 100, 100), torch.rand(4, 1)
        return F.mse_loss(model(xs), ys).item()


    assert run(args.seed) == run(args.seed)
    ''')
CASES["r34_py_seed_cli_parse_known_args"] = [
    IMPORTS, SEED_CLI,
    *answers(headers=False), SEED_TRAIN, SHAPES,
]

TIMEIT_FUNC = d("""
    import timeit

    x, kern = torch.rand(32, 32), torch.rand(3, 3)


    def run_conv():
        return conv2d(x, kern, padding=1)


    per_call = timeit.timeit(run_conv, number=3) / 3
    print(f"conv2d on 32x32: {per_call * 1e3:.1f} ms")
    """)
CASES["r34_nb_timeit_named_function"] = [
    md("# Lab 6\nTiming conv2d with `timeit.timeit(function, number=...)`."),
    IMPORTS,
    *answers(extra6=(TIMEIT_FUNC,)), SHAPES,
]

CELL_TIMEIT = d("""
    %%timeit -n 1 -r 2
    conv2d(torch.rand(32, 32), torch.rand(3, 3), padding=1)
    """)
CASES["r34_nb_cell_timeit_magic"] = [
    md("# Lab 6\n`%%timeit` on a cell."),
    IMPORTS,
    *answers(extra6=(CELL_TIMEIT,)), SHAPES,
]

SP_PLOT = d("""
    import sympy as sp

    n = sp.Symbol("n", positive=True)
    # output side of a 3x3 conv with stride 2 and padding 1, as n grows (without the floor, to see the slope)
    sp.plot((n + 2 * 1 - 3) / 2 + 1, (n, 8, 128), xlabel="input side", ylabel="output side")
    """)
CASES["r34_nb_sympy_plot_output_size"] = [
    md("# Lab 6\nThe output size plotted with SymPy's `plot`."),
    IMPORTS + "import matplotlib\nmatplotlib.use('Agg')\n", SP_PLOT,
    *answers(), SHAPES,
]

Q7_SEEDED = d("""
    class CNN(nn.Module):
        def __init__(self, seed=0):
            super().__init__()
            with torch.random.fork_rng():   # same weights every time, global RNG untouched
                torch.manual_seed(seed)
                self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
                self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
                self.fc = nn.Linear(2 * 25 * 25, 1)
            self.pool = nn.MaxPool2d(2)

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            return self.fc(x.flatten(1))


    assert all(torch.equal(a, b) for a, b in zip(CNN().parameters(), CNN().parameters()))
    """)
CASES["r34_nb_model_init_seeded_under_fork_rng"] = [
    md("# Lab 6\nA CNN whose weights depend only on its seed."),
    IMPORTS,
    *answers(q7=Q7_SEEDED), SHAPES,
]

# annotations read in place, in the ordinary ways of showing a dict
ANN_BARE = "# the settings and their types\nBlockConfig.__annotations__\n"
CASES["r34_nb_config_annotations_shown_as_cell_value"] = [
    md("# Lab 6\nThe settings' types, shown as a cell's value."),
    IMPORTS, CFG, ANN_BARE,
    *answers(q8=Q8_CFG), SHAPES,
]
ANN_FSTRING = 'print(f"BlockConfig fields: {BlockConfig.__annotations__}")\nprint(cfg)\n'
CASES["r34_nb_config_annotations_in_fstring"] = [
    md("# Lab 6\nThe settings printed with an f-string."),
    IMPORTS, CFG, ANN_FSTRING,
    *answers(q8=Q8_CFG), SHAPES,
]
ANN_PPRINT = "from pprint import pprint\n\npprint(BlockConfig.__annotations__)\npprint(cfg)\n"
CASES["r34_nb_config_annotations_pprint"] = [
    md("# Lab 6\nThe settings pretty-printed."),
    IMPORTS, CFG, ANN_PPRINT,
    *answers(q8=Q8_CFG), SHAPES,
]
ANN_EQ = d("""
    # the config must keep exactly these fields (the models read them)
    assert BlockConfig.__annotations__ == {"channels": int, "kernel_size": int, "padding": int, "n_blocks": int}
    assert "padding" in BlockConfig.__annotations__
    print("config ok")
    """)
CASES["r34_nb_config_annotations_equality_check"] = [
    md("# Lab 6\nA check that the config has the fields the models read."),
    IMPORTS, CFG, ANN_EQ,
    *answers(q8=Q8_CFG), SHAPES,
]
ANN_JOIN = d("""
    class HParams:
        \"\"\"Hyper-parameters of the training run.\"\"\"
        lr: float = 0.01
        epochs: int = 2
        batch_size: int = 4


    print("hyper-parameters:", ", ".join(HParams.__annotations__))
    """)
HP_TRAIN = d("""
    model = ConvNet(1)
    opt = torch.optim.SGD(model.parameters(), lr=HParams.lr)
    xs, ys = torch.rand(HParams.batch_size, 1, 128, 128), torch.rand(HParams.batch_size, 1)
    for epoch in range(HParams.epochs):
        opt.zero_grad()
        loss = F.mse_loss(model(xs), ys)
        loss.backward()
        opt.step()
        print(epoch, round(loss.item(), 4))
    """)
CASES["r34_py_hparams_annotations_joined"] = [
    IMPORTS, ANN_JOIN,
    *answers(headers=False), HP_TRAIN, SHAPES,
]

FIND_SPEC = d("""
    import importlib.util

    import pandas as pd

    HAVE_TABULATE = importlib.util.find_spec("tabulate") is not None
    rows = [("conv (3->3, 3x3)", q4_conv_params), ("CNN", q4_cnn_params), ("fully connected", q4_fcnn_params)]
    table = pd.DataFrame(rows, columns=["model", "parameters"])
    print(table.to_markdown(index=False) if HAVE_TABULATE else table.to_string(index=False))
    """)
CASES["r34_nb_optional_tabulate_find_spec"] = [
    md("# Lab 6\nq4's counts as a table (markdown if tabulate is installed)."),
    IMPORTS,
    *answers(), FIND_SPEC, SHAPES,
]

LOG_UTC = d("""
    import logging
    import sys
    import time

    logging.Formatter.converter = time.gmtime   # timestamps in UTC (logging cookbook)
    logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(asctime)sZ %(levelname)s %(message)s",
                        force=True)
    log = logging.getLogger("lab6")
    """)
CASES["r34_py_logging_utc_converter"] = [
    IMPORTS, LOG_UTC,
    *answers(headers=False), SHAPES, LOG_USE,
]

Q3_PLOT = d("""
    import sympy as sp

    n = sp.Symbol("n", positive=True)
    side = (n + 2 * 1 - 3) / 1 + 1          # a 3x3 conv with padding 1 keeps the side
    sp.plot(side / 2, (n, 10, 100), xlabel="input side", ylabel="side after conv + 2x2 pool")
    h1 = int(side.subs(n, 100))
    p1 = h1 // 2
    h2 = int(side.subs(n, p1))
    p2 = h2 // 2
    q3_shapes = [(3, h1, h1), (3, p1, p1), (2, h2, h2), (2, p2, p2)]
    q3_flatten_features = 2 * p2 * p2
    print(q3_shapes, q3_flatten_features)
    """)
CASES["r34_nb_sympy_plot_in_q3_cell"] = [
    md("# Lab 6\nq3 worked out with SymPy, with a plot of the pooled side."),
    IMPORTS + "import matplotlib\nmatplotlib.use('Agg')\n",
    *answers(q3=Q3_PLOT), SHAPES,
]

# ---------------------------------------------------------------------------------------------------------------
# isolation copies (not corpus files)
# ---------------------------------------------------------------------------------------------------------------
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
    assert not missing, (name, missing)
    ISO[name] = cells


_NB = "_nb_"
iso(f"iso{_NB}vars_args_replaced_by_attributes", "r34_nb_argparse_vars_namespace",
    ("print(vars(args))\nsettings = dict(vars(args))\n", 'print(args)\nsettings = {"seed": args.seed}\n'))
iso(f"iso{_NB}vars_args_replaced_by_dunder_dict", "r34_nb_argparse_vars_namespace",
    ("print(vars(args))\nsettings = dict(vars(args))\n", "print(args.__dict__)\nsettings = dict(args.__dict__)\n"))
iso(f"iso{_NB}base_line_dropped", "r34_nb_class_name_mro_base_aside",
    ('print("base class:", CNN.__base__.__name__)\n', ""))
iso(f"iso{_NB}base_from_mro_list", "r34_nb_class_name_mro_base_aside",
    ('CNN.__base__.__name__', 'CNN.mro()[1].__name__'))
iso(f"iso{_NB}annotations_read_in_place", "r34_nb_config_annotations_bound_to_table",
    ("hints = BlockConfig.__annotations__\n", ""),
    ('"field": list(hints), "type": [t.__name__ for t in hints.values()]',
     '"field": list(BlockConfig.__annotations__),\n                      "type": [t.__name__ for t in BlockConfig.__annotations__.values()]'))
iso(f"iso{_NB}annotations_pd_series", "r34_nb_config_annotations_bound_to_table",
    ("hints = BlockConfig.__annotations__\n", "print(pd.Series(BlockConfig.__annotations__))\nhints = dict(channels=int, kernel_size=int, padding=int, n_blocks=int)\n"))
iso(f"iso{_NB}annotations_listed_without_getattr", "r34_nb_config_annotations_listed",
    (' default {getattr(BlockConfig, name)}', ''))
iso(f"iso{_NB}fields_value_from_asdict", "r34_nb_config_dataclass_fields_getattr",
    ("for f in dataclasses.fields(cfg):\n", "values = dataclasses.asdict(cfg)\nfor f in dataclasses.fields(cfg):\n"),
    ("getattr(cfg, f.name)", "values[f.name]"))
iso(f"iso{_NB}type_hints_from_annotations", "r34_nb_config_get_type_hints",
    ("hints = typing.get_type_hints(BlockConfig)\nprint(hints)\nassert all(tp is int for tp in hints.values())",
     "print(BlockConfig.__annotations__)\nassert all(tp is int for tp in BlockConfig.__annotations__.values())"))
iso(f"iso{_NB}type_hints_from_import", "r34_nb_config_get_type_hints",
    ("import typing\n", "from typing import get_type_hints\n"), ("typing.get_type_hints(", "get_type_hints("))
iso(f"iso{_NB}get_annotations_replaced_by_dunder", "r34_nb_inspect_get_annotations_config",
    ("inspect.get_annotations(BlockConfig)", "BlockConfig.__annotations__"))
iso(f"iso{_NB}metadata_replaced_by_dunder_version", "r34_nb_environment_importlib_metadata_version",
    (META, 'import sympy\n\nprint("torch", torch.__version__)\nprint("numpy", np.__version__)\nprint("sympy", sympy.__version__)\n'))
iso(f"iso{_NB}context_not_printed", "r34_nb_self_check_format_exc_context",
    ('print("caused by:", repr(err.__context__))', 'print("caused by:", err)'))
iso(f"iso{_NB}S_half_as_rational", "r34_nb_sympy_S_half_pooling", ("sp.S.Half", "sp.Rational(1, 2)"))
iso(f"iso{_NB}S_half_from_import", "r34_nb_sympy_S_half_pooling",
    ("import sympy as sp\n", "import sympy as sp\nfrom sympy import S\n"), ("sp.S.Half", "S.Half"))
iso(f"iso{_NB}S_one_over_two", "r34_nb_sympy_S_half_pooling", ("sp.S.Half", "sp.S(1) / 2"))
iso(f"iso{_NB}lambdify_default_modules", "r34_nb_sympy_lambdify_size_table", (', modules="math"', ""))
iso(f"iso{_NB}lambdify_sympy_module", "r34_nb_sympy_lambdify_size_table", ('modules="math"', 'modules="sympy"'))
iso(f"iso{_NB}lambdify_replaced_by_subs", "r34_nb_sympy_lambdify_size_table",
    ('out_fn = sp.lambdify((n, k, s, p), out_expr, modules="math")\n',
     "def out_fn(*values):\n    return int(out_expr.subs(dict(zip((n, k, s, p), values))))\n"))
iso(f"iso{_NB}sympy_named_imports", "r34_nb_sympy_star_import_formula",
    ("from sympy import *\n", "from sympy import floor, simplify, symbols\n"))
iso(f"iso{_NB}sympify_replaced_by_symbols", "r34_nb_sympy_sympify_lecture_formula",
    ('formula = sp.sympify("floor((n + 2*p - k)/s) + 1")   # copied from the lecture\nn, k, s, p = sp.symbols("n k s p")\n',
     'n, k, s, p = sp.symbols("n k s p")\nformula = sp.floor((n + 2*p - k)/s) + 1\n'))
iso(f"iso{_NB}sympify_of_integer", "r34_nb_sympy_sympify_lecture_formula",
    ('formula = sp.sympify("floor((n + 2*p - k)/s) + 1")   # copied from the lecture\nn, k, s, p = sp.symbols("n k s p")\n',
     'n, k, s, p = sp.symbols("n k s p")\nformula = sp.floor((n + 2*p - k)/s) + sp.sympify(1)\n'))
iso(f"iso{_NB}timer_replaced_by_repeat", "r34_nb_timeit_timer_autorange",
    ("timer = timeit.Timer(lambda: conv2d(x, kern, padding=1))\nnumber, total = timer.autorange()\n",
     "number = 5\ntotal = min(timeit.repeat(lambda: conv2d(x, kern, padding=1), repeat=3, number=number))\n"))
iso(f"iso{_NB}benchmark_replaced_by_perf_counter", "r34_nb_torch_benchmark_timer_conv2d",
    (BENCH, "import time\n\nx, kern = torch.rand(32, 32), torch.rand(3, 3)\nt0 = time.perf_counter()\nconv2d(x, kern, padding=1)\n"
            "print(time.perf_counter() - t0)\n"))
iso(f"iso{_NB}benchmark_callable_blocked_autorange", "r34_nb_torch_benchmark_timer_conv2d",
    ('timer = benchmark.Timer(stmt="conv2d(x, kern, padding=1)", globals={"conv2d": conv2d, "x": x, "kern": kern})\nprint(timer.timeit(3))\n',
     'print(benchmark.Timer(stmt="f(x, k)", globals={"f": conv2d, "x": x, "k": kern}).blocked_autorange(min_run_time=0.1))\n'))
iso(f"iso{_NB}timeit_lambda_of_named_function", "r34_nb_timeit_named_function",
    ("timeit.timeit(run_conv, number=3)", "timeit.timeit(lambda: run_conv(), number=3)"))
iso(f"iso{_NB}sympy_plot_dropped", "r34_nb_sympy_plot_output_size",
    ('sp.plot((n + 2 * 1 - 3) / 2 + 1, (n, 8, 128), xlabel="input side", ylabel="output side")\n',
     'print((n + 2 * 1 - 3) / 2 + 1)\n'))

iso(f"iso{_NB}annotations_cell_value_printed", "r34_nb_config_annotations_shown_as_cell_value",
    (ANN_BARE, "# the settings and their types\nprint(BlockConfig.__annotations__)\n"))
iso(f"iso{_NB}annotations_fstring_replaced_by_print_args", "r34_nb_config_annotations_in_fstring",
    ('print(f"BlockConfig fields: {BlockConfig.__annotations__}")', 'print("BlockConfig fields:", BlockConfig.__annotations__)'))
iso(f"iso{_NB}annotations_print_not_pprint", "r34_nb_config_annotations_pprint",
    ("pprint(BlockConfig.__annotations__)", "print(BlockConfig.__annotations__)"))
iso(f"iso{_NB}annotations_equality_by_items", "r34_nb_config_annotations_equality_check",
    ("assert BlockConfig.__annotations__ == {", "assert dict(BlockConfig.__annotations__.items()) == {"))
iso(f"iso{_NB}annotations_equality_reversed", "r34_nb_config_annotations_equality_check",
    ('assert BlockConfig.__annotations__ == {"channels": int, "kernel_size": int, "padding": int, "n_blocks": int}',
     'assert {"channels": int, "kernel_size": int, "padding": int, "n_blocks": int} == BlockConfig.__annotations__'))
iso("iso_py_annotations_joined_as_list", "r34_py_hparams_annotations_joined",
    ('", ".join(HParams.__annotations__)', 'list(HParams.__annotations__)'))
iso(f"iso{_NB}find_spec_replaced_by_try_import", "r34_nb_optional_tabulate_find_spec",
    ('import importlib.util\n', ''),
    ('HAVE_TABULATE = importlib.util.find_spec("tabulate") is not None\n',
     'try:\n    import tabulate  # noqa: F401\n    HAVE_TABULATE = True\nexcept ImportError:\n    HAVE_TABULATE = False\n'))
iso("iso_py_logging_converter_dropped", "r34_py_logging_utc_converter",
    ("logging.Formatter.converter = time.gmtime   # timestamps in UTC (logging cookbook)\n", ""))
iso("iso_py_logging_converter_on_own_formatter", "r34_py_logging_utc_converter",
    ("logging.Formatter.converter = time.gmtime   # timestamps in UTC (logging cookbook)\n"
     "logging.basicConfig(stream=sys.stdout, level=logging.INFO, format=\"%(asctime)sZ %(levelname)s %(message)s\",\n"
     "                    force=True)\n",
     "class UTCFormatter(logging.Formatter):\n    converter = time.gmtime\n\n\n"
     "handler = logging.StreamHandler(sys.stdout)\nhandler.setFormatter(UTCFormatter(\"%(asctime)sZ %(levelname)s %(message)s\"))\n"
     "logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)\n"))

iso(f"iso{_NB}plot_moved_after_q3_answers", "r34_nb_sympy_plot_in_q3_cell",
    ('sp.plot(side / 2, (n, 10, 100), xlabel="input side", ylabel="side after conv + 2x2 pool")\n', ""),
    ("print(q3_shapes, q3_flatten_features)\n",
     'print(q3_shapes, q3_flatten_features)\nsp.plot(side / 2, (n, 10, 100), xlabel="input side", ylabel="side after conv + 2x2 pool")\n'))
iso(f"iso{_NB}plot_with_matplotlib", "r34_nb_sympy_plot_in_q3_cell",
    ('sp.plot(side / 2, (n, 10, 100), xlabel="input side", ylabel="side after conv + 2x2 pool")\n',
     'import matplotlib.pyplot as plt\n\nsides = list(range(10, 101))\nplt.plot(sides, [float(side.subs(n, v) / 2) for v in sides])\n'))


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

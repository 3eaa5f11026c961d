"""Round 36 of the fairness corpus: the rules the grader added last (the allowlist of libraries, readable
annotations, attribute names refused on any object, pandas' evaluators of text, pydantic's known names) against
ordinary notebooks, and models and q6 functions in unusual but ordinary structure.

Correct submissions with: attributes of the student's own objects or of allowed libraries that share a name with a
refused module or evaluator (``Stopwatch.measure``, ``cfg.profile``, ``args.profile``, ``model.inspect()``,
pandas' ``df.attrs``); pandas' ``eval`` with ``inplace=True`` and ``query`` with ``@variable``; pydantic's
``dataclasses``, ``computed_field``, v1 ``validator``; types made at run time named in annotations
(``namedtuple("Shape", "c h w")``, ``Enum("Activation", ...)``), string annotations with ``|``,
``Annotated`` metadata that is a tuple; and everyday set-ups that should pass: magics (``%timeit -o``,
``%%timeit`` with a setup line, ``%prun -r -q``, ``%%writefile`` of a YAML config, autoreload, ``!pip``),
matplotlib animations, pandas' Styler, SymPy's solve, pytest/unittest/doctest self-tests, ``np.save``/``np.load``,
PIL, typing's ``Protocol``/``TypedDict``/``NamedTuple``/``Final``/``ClassVar``/``Literal`` with ``match``,
dataclasses with ``default_factory``/``__post_init__``/``cached_property``, ``functools.partial`` layer factories,
``add_module`` loops, ``ModuleDict``, ``nn.Identity``, lazy layers, ``self.apply`` initialisation,
``register_buffer``, and q6 with ``unfold``/``einsum``, ``as_strided``, ``sliding_window_view``, ``lru_cache``,
``@torch.no_grad()``, validation errors of its own.

    python tests/corpus/fair/_make_r36.py            # rewrites tests/corpus/fair/r36_*
    python tests/corpus/fair/_make_r36.py --out DIR  # writes them to DIR instead
    python tests/corpus/fair/_make_r36.py --iso DIR  # isolation copies for _r36_findings.md (not corpus files)
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
        cell.id = f"r36-{k:03d}"
    nb.cells = out_cells
    nbformat.validate(nb)
    path.write_text(nbformat.writes(nb), encoding="utf-8")


def write(out_dir: Path, name: str, cells: list) -> None:
    if "_nb_" in name:
        write_notebook(out_dir / f"{name}.ipynb", cells)
    else:
        r30.write_script(out_dir / f"{name}.py", cells)


CASES: dict[str, list] = {}


def case(name: str, title: str, before: list, after: list = (), shapes: str = SHAPES, **kw) -> None:
    """A notebook: a title, the imports, ``before`` cells, the ten answers (``kw`` as for answers()), ``after``."""
    CASES[name] = [md(f"# Lab 6 - CNNs\n{title}"), IMPORTS, *before, *answers(**kw), shapes, *after]


def script(name: str, before: list, after: list = (), **kw) -> None:
    CASES[name] = [IMPORTS, *before, *answers(headers=False, **kw), SHAPES, *after]


# a ConvNet whose settings come from a `cfg` object with kernel_size, padding, channels, n_blocks
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

# ===============================================================================================================
# 1. Names refused on any object: the student's own attributes, pandas' documented ones
# ===============================================================================================================
STOPWATCH = d('''
    import time


    class Stopwatch:
        """Collects how long each call takes."""

        def __init__(self):
            self.times = {}

        def measure(self, label, fn, *args, **kwargs):
            start = time.perf_counter()
            result = fn(*args, **kwargs)
            self.times[label] = time.perf_counter() - start
            return result


    watch = Stopwatch()
    x_big, k_big = torch.rand(60, 60), torch.rand(3, 3)
    watch.measure("conv2d 60x60", conv2d, x_big, k_big, padding=1)
    watch.measure("max_pool2d 60x60", max_pool2d, x_big, 2)
    for label, seconds in watch.times.items():
        print(f"{label:>18}: {seconds * 1000:.1f} ms")
    ''')
case("r36_nb_stopwatch_measure_method", "How slow are my loops? A small stopwatch class.", [], extra6=(STOPWATCH,))

RUN_CFG = d('''
    from dataclasses import dataclass


    @dataclass
    class RunConfig:
        seed: int = 0
        kernel_size: int = 3
        padding: int = 1
        channels: int = 3
        n_blocks: int = 5
        profile: bool = False     # turn on to see where the time goes


    cfg = RunConfig()
    torch.manual_seed(cfg.seed)
    ''')
PROFILE_USE = d('''
    if cfg.profile:
        %prun conv2d(torch.rand(60, 60), torch.rand(3, 3), padding=1)
    else:
        print("profiling off")
    ''')
case("r36_nb_dataclass_run_config_profile_flag", "A run configuration with a profiling switch.", [RUN_CFG],
     q8=Q8_CFG, extra6=(PROFILE_USE,))

ARGS_PROFILE = d('''
    import argparse
    import time

    parser = argparse.ArgumentParser(description="Lab 6: CNNs")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", action="store_true", help="time conv2d on a bigger input")
    args, _ = parser.parse_known_args()
    torch.manual_seed(args.seed)
    ''')
ARGS_PROFILE_USE = d('''
    if args.profile:
        start = time.perf_counter()
        conv2d(torch.rand(200, 200), torch.rand(5, 5), padding=2)
        print(f"conv2d 200x200: {time.perf_counter() - start:.2f} s")
    ''')
script("r36_py_argparse_profile_flag", [ARGS_PROFILE], extra6=(ARGS_PROFILE_USE,))

INSPECT_METHOD = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            return self.fc(torch.flatten(x, 1))

        def inspect(self, x):
            """Print the shape after every stage (for debugging)."""
            for name, stage in [("conv1", self.conv1), ("pool", self.pool), ("conv2", self.conv2), ("pool", self.pool)]:
                x = stage(x)
                print(f"{name:>6}: {tuple(x.shape)}")
            print(f"{'fc':>6}: {tuple(self.fc(torch.flatten(x, 1)).shape)}")
    ''')
case("r36_nb_model_inspect_debug_method", "The CNN with a method that prints its shapes.", [], q7=INSPECT_METHOD,
     extra7=("CNN().inspect(torch.rand(1, 1, 100, 100))\n",))

DF_ATTRS = d('''
    import pandas as pd

    rows = []
    for name, model in [("CNN", CNN()), ("ConvNet(1)", ConvNet(1)), ("ConvNet(3)", ConvNet(3))]:
        rows.append({"model": name, "params": sum(p.numel() for p in model.parameters())})
    params = pd.DataFrame(rows).set_index("model")
    params.attrs["source"] = "sum(p.numel() for p in model.parameters())"   # pandas' metadata dict
    print(params)
    print("computed with", params.attrs["source"])
    ''')
case("r36_nb_pandas_attrs_metadata", "A table of parameter counts, with a note of how they were computed.", [],
     extra8=(DF_ATTRS,))

DF_EVAL = d('''
    import pandas as pd

    layers = pd.DataFrame({"layer": ["conv1", "pool1", "conv2", "pool2"],
                           "n": [100, 100, 50, 50], "k": [3, 2, 3, 2], "s": [1, 2, 1, 2], "p": [1, 0, 1, 0]})
    layers.eval("out = (n + 2 * p - k) // s + 1", inplace=True)
    print(layers)
    ''')
case("r36_nb_pandas_eval_inplace_sizes", "Q3's sizes in a table, with pandas' eval.", [], extra6=(),
     q3=r30.r26.Q3["formula"] + "\n" + DF_EVAL)

DF_QUERY = d('''
    import pandas as pd

    candidates = pd.DataFrame([
        {"c_out": c, "k": k, "params": conv2d_params(3, c, k)} for c in (4, 8, 16) for k in (3, 5)
    ])
    budget = 500
    print(candidates.query("params <= @budget").sort_values("params"))
    ''')
case("r36_nb_pandas_query_at_budget", "Which conv layers fit in a parameter budget?", [],
     q5=r30.r26.Q5["isinstance"] + "\n\n" + DF_QUERY)

# ===============================================================================================================
# 2. pydantic beyond BaseModel and Field
# ===============================================================================================================
PYD_DC = d('''
    from pydantic.dataclasses import dataclass


    @dataclass(frozen=True)
    class BlockConfig:
        kernel_size: int = 3
        padding: int = 1
        channels: int = 3
        n_blocks: int = 5


    cfg = BlockConfig()
    print(cfg)
    ''')
case("r36_nb_pydantic_dataclass_config", "The ConvNet's settings in a validated dataclass.", [PYD_DC], q8=Q8_CFG)

PYD_COMPUTED = d('''
    from pydantic import BaseModel, computed_field


    class BlockConfig(BaseModel):
        kernel_size: int = 3
        padding: int = 1
        channels: int = 3
        n_blocks: int = 5
        side: int = 128

        @computed_field
        @property
        def flat_features(self) -> int:
            return self.channels * self.side * self.side


    cfg = BlockConfig()
    print(cfg.model_dump())
    ''')
Q8_CFG_FLAT = Q8_CFG.replace("cfg.channels * 128 * 128", "cfg.flat_features")
case("r36_nb_pydantic_computed_field_flat_features", "The flatten size as a computed field.", [PYD_COMPUTED],
     q8=Q8_CFG_FLAT)

PYD_V1 = d('''
    from pydantic import BaseModel, validator


    class BlockConfig(BaseModel):
        kernel_size: int = 3
        padding: int = 1
        channels: int = 3
        n_blocks: int = 5

        @validator("kernel_size")
        def kernel_size_is_odd(cls, value):
            if value % 2 == 0:
                raise ValueError("use an odd kernel so that padding keeps the size")
            return value


    cfg = BlockConfig()
    ''')
case("r36_nb_pydantic_v1_validator_odd_kernel", "A config checked with a validator (course notes from 2023).",
     [PYD_V1], q8=Q8_CFG)

# ===============================================================================================================
# 3. Annotations naming types made at run time, string annotations, Annotated metadata
# ===============================================================================================================
NT_STR = d('''
    from collections import namedtuple

    Shape = namedtuple("Shape", "channels height width")


    def after_conv(shape: Shape, out_channels: int, kernel_size: int = 3, padding: int = 1) -> Shape:
        side = conv_output_size(shape.height, kernel_size, padding=padding)
        return Shape(out_channels, side, side)


    def after_pool(shape: Shape, size: int = 2) -> Shape:
        return Shape(shape.channels, shape.height // size, shape.width // size)


    s1 = after_conv(Shape(1, 100, 100), 3)
    s2 = after_pool(s1)
    s3 = after_conv(s2, 2)
    s4 = after_pool(s3)
    q3_shapes = [tuple(s) for s in (s1, s2, s3, s4)]
    q3_flatten_features = s4.channels * s4.height * s4.width
    print(q3_shapes, q3_flatten_features)
    ''')
case("r36_nb_namedtuple_fields_text_annotations", "Q3 with a namedtuple for shapes.", [], q3=NT_STR)

ENUM_FN = d('''
    from enum import Enum

    Activation = Enum("Activation", ["RELU", "TANH", "SIGMOID"])


    def conv_block(input_channels: int, output_channels: int, act: Activation = Activation.RELU) -> nn.Sequential:
        layers = {Activation.RELU: nn.ReLU, Activation.TANH: nn.Tanh, Activation.SIGMOID: nn.Sigmoid}
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), layers[act]())


    class ConvNet(nn.Module):
        def __init__(self, input_channels: int):
            super().__init__()
            self.main = nn.Sequential(
                conv_block(input_channels, 3),
                *[conv_block(3, 3) for _ in range(4)],
                nn.Flatten(),
                nn.Linear(3 * 128 * 128, 1),
            )

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.main(x)
    ''')
case("r36_nb_enum_functional_activation", "Blocks with a choice of activation.", [], q8=ENUM_FN)

STR_UNION = d('''
    def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: "int | str" = 0) -> int:
        """Output side of a Conv2d; padding may be a number or "same" (stride 1 only)."""
        if padding == "same":
            return size
        if kernel_size > size + 2 * padding:
            raise ValueError("kernel is bigger than the padded input")
        return (size + 2 * padding - kernel_size) // stride + 1
    ''')
script("r36_py_string_union_annotation", [], q2=STR_UNION)

ANNOT_TUPLE = d('''
    from typing import Annotated

    Image = Annotated[torch.Tensor, ("H", "W")]
    Kernel = Annotated[torch.Tensor, ("kH", "kW")]


    def conv2d(image: Image, kernel: Kernel, stride: int = 1, padding: int = 0) -> Image:
        kh, kw = kernel.shape
        x = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        x[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        out_h = (x.shape[0] - kh) // stride + 1
        out_w = (x.shape[1] - kw) // stride + 1
        out = torch.zeros(out_h, out_w, dtype=image.dtype)
        for i in range(out_h):
            for j in range(out_w):
                out[i, j] = (x[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out
    ''')
case("r36_nb_annotated_shape_tuple_metadata", "conv2d with shapes noted in its annotations.", [],
     q6=(ANNOT_TUPLE, "loops", "tensor"))

# ===============================================================================================================
# 4. Typing and dataclasses in models and configs (expected to pass)
# ===============================================================================================================
NT_CLASS = d('''
    from typing import NamedTuple


    class Shape(NamedTuple):
        channels: int
        height: int
        width: int


    q3_shapes = [Shape(3, 100, 100), Shape(3, 50, 50), Shape(2, 50, 50), Shape(2, 25, 25)]
    q3_flatten_features = q3_shapes[-1].channels * q3_shapes[-1].height * q3_shapes[-1].width
    q3_shapes
    ''')
case("r36_nb_namedtuple_class_q3_answers", "Q3's answers as typed named tuples.", [], q3=NT_CLASS)

PROTO = d('''
    from typing import Callable, ClassVar, Final, Literal, Protocol, TypedDict


    class Block(Protocol):
        def __call__(self, x: torch.Tensor) -> torch.Tensor: ...


    class BlockSpec(TypedDict):
        kernel_size: int
        padding: int


    N_BLOCKS: Final = 5
    WIDTH: Final[int] = 3
    SPEC: BlockSpec = {"kernel_size": 3, "padding": 1}
    ActName = Literal["relu", "tanh"]


    def conv_block(input_channels: int, output_channels: int, act: ActName = "relu") -> nn.Sequential:
        match act:
            case "relu":
                activation = nn.ReLU()
            case "tanh":
                activation = nn.Tanh()
            case other:
                raise ValueError(f"unknown activation {other!r}")
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, **SPEC), activation)


    class ConvNet(nn.Module):
        side: ClassVar[int] = 128
        make_block: ClassVar[Callable[..., nn.Sequential]] = staticmethod(conv_block)

        def __init__(self, input_channels: int) -> None:
            super().__init__()
            blocks: list[Block] = [conv_block(input_channels, WIDTH)]
            blocks += [conv_block(WIDTH, WIDTH) for _ in range(N_BLOCKS - 1)]
            self.main = nn.Sequential(*blocks, nn.Flatten(), nn.Linear(WIDTH * self.side * self.side, 1))

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.main(x)
    ''')
case("r36_nb_protocol_typeddict_final_classvar_match", "A typed ConvNet.", [], q8=PROTO)

DC_CFG = d('''
    from dataclasses import dataclass, field
    from functools import cached_property


    @dataclass
    class NetConfig:
        channels: list[int] = field(default_factory=lambda: [3, 3, 3, 3, 3])
        kernel_size: int = 3
        side: int = 128

        def __post_init__(self):
            if self.kernel_size % 2 != 1:
                raise ValueError(f"kernel_size must be odd, got {self.kernel_size}")
            if not self.channels:
                raise ValueError("at least one block")

        @cached_property
        def flat_features(self) -> int:
            return self.channels[-1] * self.side * self.side


    cfg = NetConfig()
    print(cfg, cfg.flat_features)
    ''')
Q8_DC = d('''
    def conv_block(input_channels, output_channels, kernel_size=3):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size, padding=kernel_size // 2),
                             nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels, config=cfg):
            super().__init__()
            ins = [input_channels] + config.channels[:-1]
            self.blocks = nn.Sequential(*[conv_block(i, o, config.kernel_size) for i, o in zip(ins, config.channels)])
            self.head = nn.Linear(config.flat_features, 1)

        def forward(self, x):
            return self.head(self.blocks(x).flatten(1))
    ''')
case("r36_nb_dataclass_default_factory_post_init", "The ConvNet from a validated dataclass.", [DC_CFG], q8=Q8_DC)

PARTIAL = d('''
    from functools import partial

    Conv3x3 = partial(nn.Conv2d, kernel_size=3, padding=1)
    Pool2 = partial(nn.MaxPool2d, kernel_size=2)
    ''')
Q7_PARTIAL = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(Conv3x3(1, 3), nn.ReLU(True), Pool2(), Conv3x3(3, 2), nn.ReLU(True), Pool2(),
                                      nn.Flatten(start_dim=1), nn.Linear(2 * 25 * 25, 1))

        def forward(self, x):
            return self.main(x)
    ''')
Q8_PARTIAL = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(Conv3x3(input_channels, output_channels), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.main = nn.Sequential(*[conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]],
                                      nn.Flatten(), nn.Linear(3 * 128 * 128, 1))

        def forward(self, x):
            return self.main(x)
    ''')
case("r36_nb_partial_layer_factories", "Layer factories with functools.partial.", [PARTIAL], q7=Q7_PARTIAL,
     q8=Q8_PARTIAL)

# ===============================================================================================================
# 5. Models in unusual but ordinary structure (expected to pass)
# ===============================================================================================================
Q8_ADD_MODULE = d('''
    def conv_block(input_channels, output_channels):
        block = nn.Sequential()
        block.add_module("conv", nn.Conv2d(input_channels, output_channels, 3, padding=1))
        block.add_module("relu", nn.ReLU(inplace=True))
        return block


    class ConvNet(nn.Module):
        def __init__(self, input_channels, n_blocks=5):
            super().__init__()
            self.features = nn.Sequential()
            for i in range(n_blocks):
                self.features.add_module(f"block{i + 1}", conv_block(input_channels if i == 0 else 3, 3))
            self.classifier = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x):
            return self.classifier(self.features(x).flatten(1))
    ''')
case("r36_nb_add_module_loop_named_blocks", "Named blocks added in a loop.", [], q8=Q8_ADD_MODULE,
     extra8=("print([name for name, _ in ConvNet(1).features.named_children()])\n",))

Q7_MODULEDICT = d('''
    class CNN(nn.Module):
        def __init__(self, use_batchnorm=False):
            super().__init__()
            self.layers = nn.ModuleDict({
                "conv1": nn.Conv2d(1, 3, 3, padding=1),
                "norm1": nn.BatchNorm2d(3) if use_batchnorm else nn.Identity(),
                "conv2": nn.Conv2d(3, 2, 3, padding=1),
                "norm2": nn.BatchNorm2d(2) if use_batchnorm else nn.Identity(),
                "fc": nn.Linear(1250, 1),
            })

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.layers["norm1"](self.layers["conv1"](x))), 2)
            x = F.max_pool2d(F.relu(self.layers["norm2"](self.layers["conv2"](x))), 2)
            return self.layers["fc"](x.flatten(1))
    ''')
case("r36_nb_moduledict_identity_placeholders", "Optional batch norm, off for the lab.", [], q7=Q7_MODULEDICT)

Q7_LAZY_INIT = d('''
    class CNN(nn.Module):
        """The flatten size is left to LazyLinear, initialised by a dummy pass in __init__."""

        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(),
            )
            self.fc = nn.LazyLinear(1)
            with torch.no_grad():
                self(torch.zeros(1, 1, 100, 100))

        def forward(self, x):
            return self.fc(self.features(x))
    ''')
Q8_LAZY_INIT = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.LazyConv2d(output_channels, 3, padding=1) if input_channels is None
                             else nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.main = nn.Sequential(conv_block(input_channels, 3), *[conv_block(None, 3) for _ in range(4)],
                                      nn.Flatten(), nn.LazyLinear(1))
            self.main(torch.zeros(1, input_channels, 128, 128))   # materialise the lazy layers

        def forward(self, x):
            return self.main(x)
    ''')
case("r36_nb_lazy_layers_materialised_in_init", "Lazy layers, so no flatten size by hand.", [], q7=Q7_LAZY_INIT,
     q8=Q8_LAZY_INIT)

Q7_LAZY_D2L = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(
                nn.LazyConv2d(3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(kernel_size=2),
                nn.LazyConv2d(2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(kernel_size=2),
                nn.Flatten(), nn.LazyLinear(1))

        def forward(self, X):
            return self.net(X)


    model = CNN()
    X = torch.rand(1, 1, 100, 100)
    for layer in model.net:   # as in d2l: shapes layer by layer (this also initialises the lazy layers)
        X = layer(X)
        print(layer.__class__.__name__, "output shape:\\t", X.shape)
    print(sum(p.numel() for p in model.parameters()))
    ''')
case("r36_nb_lazy_layers_d2l_shape_walk", "The CNN in d2l's style with lazy layers.", [], q7=Q7_LAZY_D2L,
     q4="typed", shapes=SHAPES.replace("print(CNN()(torch.rand(2, 1, 100, 100)).shape, sum(p.numel() for p in CNN().parameters()))",
                                       "cnn = CNN()\nprint(cnn(torch.rand(2, 1, 100, 100)).shape, sum(p.numel() for p in cnn.parameters()))"))

INIT_APPLY = d('''
    def init_weights(module):
        if isinstance(module, (nn.Conv2d, nn.Linear)):
            nn.init.kaiming_normal_(module.weight, nonlinearity="relu")
            nn.init.zeros_(module.bias)


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.register_buffer("mean", torch.tensor(0.0))
            self.register_buffer("std", torch.tensor(1.0))
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)
            self.apply(init_weights)

        def forward(self, x):
            x = (x - self.mean) / self.std
            x = F.max_pool2d(F.relu(self.conv1(x), inplace=True), 2)
            x = F.max_pool2d(F.relu(self.conv2(x), inplace=True), 2)
            return self.fc(x.flatten(1))
    ''')
case("r36_nb_init_apply_register_buffer", "He initialisation and a normalising buffer.", [], q7=INIT_APPLY)

TRAIN = d('''
    torch.manual_seed(0)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = CNN().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.BCEWithLogitsLoss()
    X = torch.rand(16, 1, 100, 100, device=device)
    y = (X.mean(dim=(1, 2, 3)) > 0.5).float().unsqueeze(1)
    for epoch in range(3):
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        print(f"epoch {epoch}: loss {loss.item():.4f}")
    model.eval()
    with torch.inference_mode():
        print(torch.sigmoid(model(X[:4])).squeeze(1))
    ''')
case("r36_nb_train_random_data_device_inference_mode", "A short training run on random images.", [],
     q7="functional", extra7=(TRAIN,))

# ===============================================================================================================
# 6. q6 by hand in many styles (expected to pass)
# ===============================================================================================================
Q6_UNFOLD_LRU = d('''
    import functools


    @functools.lru_cache(maxsize=None)
    def out_size(n: int, k: int, s: int, p: int) -> int:
        return (n + 2 * p - k) // s + 1


    @torch.no_grad()
    def conv2d(image, kernel, stride=1, padding=0):
        """Cross-correlation of a 2-D image with a 2-D kernel, like F.conv2d (no flip)."""
        kh, kw = kernel.shape
        x = F.pad(image, (padding, padding, padding, padding))
        windows = x.unfold(0, kh, stride).unfold(1, kw, stride)    # (out_h, out_w, kh, kw)
        assert windows.shape[:2] == (out_size(image.shape[0], kh, stride, padding),
                                     out_size(image.shape[1], kw, stride, padding))
        return torch.einsum("ijkl,kl->ij", windows, kernel.to(x.dtype))
    ''')
Q6_POOL_UNFOLD = d('''
    @torch.no_grad()
    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        return image.unfold(0, k, k).unfold(1, k, k).amax(dim=(-2, -1))
    ''')
case("r36_nb_q6_unfold_einsum_lru_cache_no_grad", "q6 with unfold and einsum.", [],
     q6=(Q6_UNFOLD_LRU, Q6_POOL_UNFOLD, "computed"), extra6=(Q6_TEST,))

Q6_SWV = d('''
    from numpy.lib.stride_tricks import sliding_window_view


    def conv2d(image, kernel, stride=1, padding=0):
        x = np.pad(image.numpy(), padding)
        windows = sliding_window_view(x, kernel.shape)[::stride, ::stride]
        return torch.from_numpy((windows * kernel.numpy()).sum(axis=(2, 3)))


    def max_pool2d(image, kernel_size=2):
        x = image.numpy()
        h, w = x.shape[0] // kernel_size, x.shape[1] // kernel_size
        windows = sliding_window_view(x, (kernel_size, kernel_size))[::kernel_size, ::kernel_size][:h, :w]
        return torch.from_numpy(windows.max(axis=(2, 3)).copy())
    ''')
case("r36_nb_q6_numpy_sliding_window_view", "q6 in NumPy, back to torch.", [], q6=(Q6_SWV, "", "numpy"),
     extra6=(Q6_TEST,))

Q6_STRIDED = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        x = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        x[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        x = x.contiguous()
        kh, kw = kernel.shape
        out_h = (x.shape[0] - kh) // stride + 1
        out_w = (x.shape[1] - kw) // stride + 1
        s0, s1 = x.stride()
        windows = torch.as_strided(x, size=(out_h, out_w, kh, kw), stride=(s0 * stride, s1 * stride, s0, s1))
        return (windows * kernel).sum(dim=(2, 3))


    def max_pool2d(image, kernel_size=2):
        x = image.contiguous()
        k = kernel_size
        s0, s1 = x.stride()
        windows = x.as_strided((x.shape[0] // k, x.shape[1] // k, k, k), (s0 * k, s1 * k, s0, s1))
        return windows.amax(dim=(2, 3))
    ''')
case("r36_nb_q6_as_strided_windows", "q6 with strided views.", [], q6=(Q6_STRIDED, "", "list"), extra6=(Q6_TEST,))

Q6_ERRORS = d('''
    class ShapeError(ValueError):
        """Raised when the image and kernel cannot be convolved."""


    class KernelTooLargeError(ShapeError):
        pass
    ''')
Q6_HELPERS = d('''
    def _check_2d(name: str, t: torch.Tensor) -> None:
        if not isinstance(t, torch.Tensor):
            raise TypeError(f"{name} must be a tensor, got {type(t).__name__}")
        if t.dim() != 2:
            raise ShapeError(f"{name} must be 2-D, got shape {tuple(t.shape)}")


    def _pad(image: torch.Tensor, padding: int) -> torch.Tensor:
        h, w = image.shape
        out = image.new_zeros(h + 2 * padding, w + 2 * padding)
        out[padding:padding + h, padding:padding + w] = image
        return out
    ''')
Q6_VALIDATED = d('''
    def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
        """2-D cross-correlation, as ``F.conv2d`` on a single channel.

        Raises ShapeError (a ValueError) if the inputs are not 2-D or the kernel does not fit.
        """
        _check_2d("image", image)
        _check_2d("kernel", kernel)
        if stride < 1 or padding < 0:
            raise ValueError("stride must be >= 1 and padding >= 0")
        x = _pad(image, padding)
        kh, kw = kernel.shape
        if kh > x.shape[0] or kw > x.shape[1]:
            raise KernelTooLargeError(f"kernel {tuple(kernel.shape)} larger than padded image {tuple(x.shape)}")
        rows = []
        for i in range(0, x.shape[0] - kh + 1, stride):
            rows.append(torch.stack([(x[i:i + kh, j:j + kw] * kernel).sum()
                                     for j in range(0, x.shape[1] - kw + 1, stride)]))
        return torch.stack(rows)


    def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
        """Non-overlapping max pooling (stride = kernel_size), as ``F.max_pool2d``."""
        _check_2d("image", image)
        k = kernel_size
        h, w = image.shape[0] // k, image.shape[1] // k
        return image[:h * k, :w * k].reshape(h, k, w, k).amax(dim=(1, 3))
    ''')
Q6_RAISES = d('''
    try:
        conv2d(torch.rand(2, 2), torch.rand(3, 3))
    except ValueError as err:
        print(type(err).__name__, err)
    ''')
case("r36_nb_q6_validation_error_subclasses_helpers", "q6 with input checks and helpers in their own cells.",
     [Q6_ERRORS, Q6_HELPERS], q6=(Q6_VALIDATED, "", "tensor"), extra6=(Q6_RAISES, Q6_TEST))

Q6_DOCTEST = d('''
    import doctest


    def conv2d(image, kernel, stride=1, padding=0):
        """Slide ``kernel`` over ``image`` (no flip), like F.conv2d.

        >>> conv2d(torch.ones(3, 3), torch.ones(2, 2))
        tensor([[4., 4.],
                [4., 4.]])
        >>> conv2d(torch.ones(3, 3), torch.ones(2, 2), stride=2, padding=1).shape
        torch.Size([2, 2])
        """
        kh, kw = kernel.shape
        x = F.pad(image, (padding, padding, padding, padding))
        windows = x.unfold(0, kh, stride).unfold(1, kw, stride)
        return (windows * kernel).sum(dim=(-2, -1))


    def max_pool2d(image, kernel_size=2):
        """
        >>> max_pool2d(torch.arange(16.).reshape(4, 4))
        tensor([[ 5.,  7.],
                [13., 15.]])
        """
        k = kernel_size
        h, w = image.shape[0] // k, image.shape[1] // k
        return image[:h * k, :w * k].reshape(h, k, w, k).amax(dim=(1, 3))


    doctest.run_docstring_examples(conv2d, globals(), verbose=False)
    doctest.run_docstring_examples(max_pool2d, {"torch": torch, "max_pool2d": max_pool2d})
    ''')
case("r36_nb_q6_doctest_run_docstring_examples", "q6 with examples in the docstrings.", [],
     q6=(Q6_DOCTEST, "", "computed"))

# ===============================================================================================================
# 7. Self-tests, magics, libraries a notebook uses (expected to pass)
# ===============================================================================================================
PYTEST_SELF = d('''
    import pytest


    @pytest.mark.parametrize("size, kernel, stride, padding, expected",
                             [(100, 5, 1, 0, 96), (28, 3, 2, 1, 14), (7, 5, 1, 2, 7)])
    def test_conv_output_size(size, kernel, stride, padding, expected):
        assert conv_output_size(size, kernel, stride, padding) == expected


    def test_kernel_too_big():
        with pytest.raises(ValueError):
            conv_output_size(2, 5)


    for args in [(100, 5, 1, 0, 96), (28, 3, 2, 1, 14), (7, 5, 1, 2, 7)]:
        test_conv_output_size(*args)
    test_kernel_too_big()
    assert conv2d_params(3, 8, 5) / 608 == pytest.approx(1.0)
    print("all tests passed")
    ''')
case("r36_nb_pytest_parametrize_called_by_hand", "Self-tests written for pytest, run in the notebook.", [],
     extra6=(), q5="isinstance", extra8=(PYTEST_SELF,))

UNITTEST = d('''
    import unittest


    class TestByHand(unittest.TestCase):
        def setUp(self):
            torch.manual_seed(0)
            self.x = torch.randn(9, 8)

        def test_conv_matches_torch(self):
            k = torch.randn(3, 3)
            for stride, padding in [(1, 0), (2, 1), (3, 2)]:
                with self.subTest(stride=stride, padding=padding):
                    expected = F.conv2d(self.x[None, None], k[None, None], stride=stride, padding=padding)[0, 0]
                    torch.testing.assert_close(conv2d(self.x, k, stride, padding), expected)

        def test_pool_matches_torch(self):
            self.assertTrue(torch.equal(max_pool2d(self.x, 2), F.max_pool2d(self.x[None, None], 2)[0, 0]))


    suite = unittest.TestLoader().loadTestsFromTestCase(TestByHand)
    unittest.TextTestRunner(verbosity=2).run(suite)
    ''')
case("r36_nb_unittest_loader_textrunner_subtest", "unittest in the notebook.", [], extra6=(UNITTEST,))

TIMEIT_O = d('''
    x_big, k_big = torch.rand(40, 40), torch.rand(3, 3)
    loops = %timeit -o -q -n 3 -r 2 conv2d(x_big, k_big, padding=1)
    vectorised = %timeit -o -q -n 3 -r 2 F.conv2d(x_big[None, None], k_big[None, None], padding=1)
    print("by hand:", loops)
    print("torch:  ", vectorised)
    ''')
case("r36_nb_timeit_o_assigned_results", "How much slower are my loops? (%timeit -o)", [], extra6=(TIMEIT_O,))

TIMEIT_CELL = d('''
    %%timeit -n 3 -r 2 x_big = torch.rand(40, 40); k_big = torch.rand(3, 3)
    conv2d(x_big, k_big, padding=1)
    ''')
TIMEIT_CELL2 = d('''
    %%timeit -n 5 -r 2
    max_pool2d(torch.rand(64, 64), 2)
    ''')
case("r36_nb_timeit_cell_magic_setup_line", "Timing with %%timeit and a setup statement.", [],
     extra6=(TIMEIT_CELL, TIMEIT_CELL2))

PRUN_OPTS = d('''
    x_big, k_big = torch.rand(40, 40), torch.rand(3, 3)
    stats = %prun -r -q -l 5 conv2d(x_big, k_big, padding=1)
    stats
    ''')
PRUN_FILE = d('''
    from pathlib import Path

    %prun -q -T conv2d_profile.txt -s tottime max_pool2d(x_big, 2)
    report = Path("conv2d_profile.txt")
    print(report.read_text()[:300] if report.exists() else "(no report)")
    ''')
case("r36_nb_prun_return_stats_and_text_report", "Profiling conv2d with %prun's options.", [],
     extra6=(PRUN_OPTS, PRUN_FILE))

SETUP_MAGICS = d('''
    %load_ext autoreload
    %autoreload 2
    %matplotlib inline
    %config InlineBackend.figure_format = "retina"
    !pip install -q torchinfo
    ''')
PIP_CELL = "%pip install -q pyyaml\n"
case("r36_nb_setup_magics_autoreload_pip", "Set-up cell from the course template.", [SETUP_MAGICS, PIP_CELL],
     extra7=("print(CNN())\n",))

YAML_WRITE = d('''
    %%writefile convnet.yaml
    # settings for Q8's ConvNet
    kernel_size: 3
    padding: 1
    channels: 3
    n_blocks: 5
    ''')
YAML_READ = d('''
    from types import SimpleNamespace

    import yaml

    with open("convnet.yaml") as fh:
        cfg = SimpleNamespace(**yaml.safe_load(fh))
    print(cfg)
    print(yaml.safe_dump({"kernel_size": cfg.kernel_size, "padding": cfg.padding}, sort_keys=False))
    ''')
case("r36_nb_yaml_writefile_safe_load_config", "The ConvNet's settings in a YAML file.", [YAML_WRITE, YAML_READ],
     q8=Q8_CFG)

ANIM = d('''
    import matplotlib.pyplot as plt
    from IPython.display import HTML
    from matplotlib import animation

    image = torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]],
                         dtype=torch.float32)
    kernel = torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]], dtype=torch.float32)
    result = conv2d(image, kernel)

    fig, (ax_in, ax_out) = plt.subplots(1, 2, figsize=(6, 3))
    ax_in.imshow(image, cmap="Blues")
    window = plt.Rectangle((-0.5, -0.5), 3, 3, fill=False, edgecolor="red", linewidth=2)
    ax_in.add_patch(window)
    shown = torch.full_like(result, float("nan"))
    out_img = ax_out.imshow(shown, cmap="viridis", vmin=float(result.min()), vmax=float(result.max()))


    def step(frame):
        i, j = divmod(frame, 3)
        window.set_xy((j - 0.5, i - 0.5))
        shown[i, j] = result[i, j]
        out_img.set_data(shown)
        return window, out_img


    anim = animation.FuncAnimation(fig, step, frames=9, interval=400, blit=True)
    plt.close(fig)
    HTML(anim.to_jshtml())
    ''')
case("r36_nb_matplotlib_funcanimation_sliding_kernel", "The kernel sliding over the input, animated.", [],
     extra6=(ANIM,))

SUBPLOTS = d('''
    import matplotlib as mpl
    import matplotlib.pyplot as plt

    torch.manual_seed(0)
    model = CNN()
    x = torch.rand(1, 1, 100, 100)
    with torch.no_grad():
        maps = F.relu(model.main[0](x))[0]
    cmap = mpl.colormaps["magma"].with_extremes(bad="grey")
    fig, axes = plt.subplots(1, 3, figsize=(9, 3), constrained_layout=True)
    for c, ax in enumerate(axes.flat):
        im = ax.imshow(maps[c], cmap=cmap)
        ax.set_title(f"channel {c}")
        ax.axis("off")
    fig.colorbar(im, ax=axes, shrink=0.8)
    plt.show()
    ''')
case("r36_nb_matplotlib_subplots_colormaps_feature_maps", "The feature maps of conv1.", [], extra7=(SUBPLOTS,))

STYLER = d('''
    import pandas as pd

    rows = [{"layer": name, "type": type(m).__name__, "params": sum(p.numel() for p in m.parameters())}
            for name, m in CNN().main.named_children()]
    table = pd.DataFrame(rows)
    styled = (table.style
              .set_caption("Parameters of the Q7 CNN")
              .hide(axis="index")
              .format({"params": "{:,}"})
              .bar(subset=["params"], color="#9ecae1")
              .map(lambda v: "font-weight: bold" if v == table["params"].max() else "", subset=["params"])
              .set_table_styles([{"selector": "caption", "props": [("font-size", "120%")]}]))
    styled
    ''')
case("r36_nb_pandas_styler_caption_bar_map", "A formatted table of parameters.", [], extra7=(STYLER,))

DESCRIBE = d('''
    import pandas as pd

    sizes = pd.DataFrame([{"n": n, "k": k, "p": k // 2, "out": conv_output_size(n, k, padding=k // 2)}
                          for n in (28, 32, 64, 100) for k in (3, 5, 7)])
    print(sizes.describe().round(1))
    print(sizes.groupby("k")["out"].agg(["min", "max"]))
    print(sizes.query("out == n").shape[0], "of", len(sizes), "keep their size")
    print(sizes.pivot(index="n", columns="k", values="out").to_string())
    ''')
case("r36_nb_pandas_describe_groupby_query_plain", "Q2's formula over a grid of sizes.", [],
     q2=r30.r26.Q2["floordiv"] + "\n\n" + DESCRIBE)

SYMPY_STAR = d('''
    from sympy import *

    init_printing()
    n, k, p = symbols("n k p", integer=True, positive=True)
    s = Symbol("s", integer=True, positive=True)
    out = floor((n + 2 * p - k) / s) + 1
    same_padding = solve(Eq(n + 2 * p - k + 1, n), p)
    print(out, same_padding, latex(out))
    q10_padding_keeps_size = simplify(out.subs({s: 1, p: (k - 1) / 2, k: 5})) == n
    print(q10_padding_keeps_size)
    ''')
case("r36_nb_sympy_star_import_solve_same_padding", "Which padding keeps the size? (SymPy)", [],
     extra6=(), q2=r30.r26.Q2["floordiv"] + "\n\n" + SYMPY_STAR)

SYMPY_MOD = d('''
    import sympy as sp
    from IPython.display import Math, display

    c_in, c_out, kh, kw = sp.symbols("C_in C_out k_h k_w", positive=True, integer=True)
    conv_params = c_out * (c_in * kh * kw + 1)
    display(Math(r"\\#\\text{params} = " + sp.latex(sp.expand(conv_params))))
    q4_conv_params = int(conv_params.subs({c_in: 3, c_out: 3, kh: 3, kw: 3}))
    q4_cnn_params = int(conv_params.subs({c_in: 1, c_out: 3, kh: 3, kw: 3})
                        + conv_params.subs({c_in: 3, c_out: 2, kh: 3, kw: 3})) + 1250 + 1
    widths = [128 * 128, 256, 128, 64, 32, 16, 1]
    q4_fcnn_params = sum(a * b + b for a, b in zip(widths, widths[1:]))
    print(q4_conv_params, q4_cnn_params, q4_fcnn_params)
    ''')
case("r36_nb_sympy_params_formula_subs_math", "Parameter counts from a symbolic formula.", [], q4=SYMPY_MOD)

PIL_IMG = d('''
    from PIL import Image, ImageDraw, ImageOps

    canvas = Image.new("L", (20, 20), color=0)
    ImageDraw.Draw(canvas).rectangle([5, 5, 14, 14], fill=255)
    canvas = ImageOps.expand(canvas, border=2, fill=0)
    x = torch.from_numpy(np.asarray(canvas, dtype=np.float32) / 255.0)
    edges = conv2d(x, torch.tensor([[1.0, 0.0, -1.0]] * 3), padding=1)
    pooled = max_pool2d(edges.abs(), 2)
    preview = Image.fromarray((pooled / pooled.max() * 255).numpy().astype(np.uint8)).resize((96, 96), Image.NEAREST)
    print(x.shape, edges.shape, pooled.shape, preview.size)
    preview
    ''')
case("r36_nb_pil_image_edges_preview", "Edges of a drawn square, with PIL.", [], extra6=(PIL_IMG,))

NP_IO = d('''
    q6_by_hand = np.array([[12, 12, 17],
                           [10, 17, 19],
                           [9, 6, 14]])
    np.save("q6_output.npy", q6_by_hand)
    np.savez_compressed("q6_inputs.npz", image=np.arange(25).reshape(5, 5), kernel=np.ones((3, 3)))
    ''')
NP_LOAD = d('''
    q6_output = torch.from_numpy(np.load("q6_output.npy"))
    with np.load("q6_inputs.npz") as data:
        print(data["image"].shape, data["kernel"].shape)
    q6_output
    ''')
case("r36_nb_numpy_save_load_q6_output", "Worked on paper, saved with NumPy, loaded back.", [NP_IO],
     q6=("loops_zeros", "loops", NP_LOAD))

TYPED_SCRIPT = d('''
    from typing import Final, Literal, Sequence

    SIDE: Final[int] = 128
    Padding = Literal["same", "valid"] | int


    def conv_block(input_channels: int, output_channels: int, padding: Padding = "same") -> nn.Sequential:
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=padding),
                             nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels: int, widths: Sequence[int] = (3, 3, 3, 3, 3)) -> None:
            super().__init__()
            ins = (input_channels, *widths[:-1])
            self.main = nn.Sequential(*(conv_block(i, o) for i, o in zip(ins, widths)),
                                      nn.Flatten(), nn.Linear(widths[-1] * SIDE * SIDE, 1))

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.main(x)
    ''')
script("r36_py_typed_literal_final_sequence", [], q8=TYPED_SCRIPT)

ANSWER_FORMS = d('''
    q9_true = frozenset("C")
    ''')
Q10_SERIES = d('''
    import pandas as pd

    statements = pd.Series([True, False, True, True, False, False, True, False], index=[str(i) for i in range(1, 9)])
    q10_answers = statements.to_dict()     # numpy bools, string keys
    q10_answers
    ''')
Q3_SIZES = d('''
    x = torch.zeros(1, 1, 100, 100)
    layers = [nn.Conv2d(1, 3, 3, padding=1), nn.MaxPool2d(2), nn.Conv2d(3, 2, 3, padding=1), nn.MaxPool2d(2)]
    q3_shapes = []
    for layer in layers:
        x = layer(x)
        q3_shapes.append(x.shape[1:])
    q3_flatten_features = np.prod(q3_shapes[-1])   # a numpy int
    q3_shapes, q3_flatten_features
    ''')
case("r36_nb_answer_forms_size_npint_frozenset_series", "Answers straight from torch, NumPy and pandas.", [],
     q3=Q3_SIZES, q4="numpy", q9=ANSWER_FORMS, q10=Q10_SERIES)

SEQ_LISTCOMP = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            channels = [1, 3, 2]
            self.main = nn.Sequential(
                *[layer for c_in, c_out in zip(channels, channels[1:])
                  for layer in (nn.Conv2d(c_in, c_out, 3, padding=1), nn.ReLU(True), nn.MaxPool2d(2))],
                nn.Flatten(start_dim=1),
                nn.Linear(channels[-1] * 25 * 25, 1),
            )

        def forward(self, x):
            return self.main(x)
    ''')
case("r36_nb_sequential_from_nested_list_comprehension", "The CNN built from a channel list.", [],
     q7=SEQ_LISTCOMP, extra7=("torch.manual_seed(0)\nmodel = CNN()\nmodel.eval()\nprint(model)\n",))

SAVED_JSON = d('''
    import json
    from pathlib import Path

    Path("answers_q9_q10.json").write_text(json.dumps({"q9": ["C"], "q10": [True, False, True, True, False, False, True, False]}))
    ''')
case("r36_nb_answers_from_json_file", "Q9 and Q10 kept in a JSON file while working.", [SAVED_JSON],
     q9=d('''
        import json

        with open("answers_q9_q10.json") as fh:
            saved = json.load(fh)
        q9_true = set(saved["q9"])
        '''),
     q10="q10_answers = {i: v for i, v in enumerate(saved[\"q10\"], start=1)}\n")

ENUM_CLASS = d('''
    from enum import Enum


    class Activation(str, Enum):
        RELU = "relu"
        TANH = "tanh"

        def layer(self) -> nn.Module:
            return {"relu": nn.ReLU, "tanh": nn.Tanh}[self.value]()


    def conv_block(input_channels: int, output_channels: int, act: Activation = Activation.RELU) -> nn.Sequential:
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=(3, 3), padding=1), act.layer())


    class ConvNet(nn.Module):
        def __init__(self, input_channels: int, act: Activation | str = "relu"):
            super().__init__()
            act = Activation(act)
            self.main = nn.Sequential(conv_block(input_channels, 3, act), *(conv_block(3, 3, act) for _ in range(4)),
                                      nn.Flatten(), nn.Linear(49152, 1))

        def forward(self, x):
            return self.main(x)
    ''')
case("r36_nb_enum_class_activation_str_mixin", "Blocks with an activation chosen by an Enum.", [], q8=ENUM_CLASS)

ANNOT_PLAIN = d('''
    from typing import Annotated

    from pydantic import BaseModel, Field


    class BlockConfig(BaseModel):
        kernel_size: Annotated[int, Field(ge=1, le=2 ** 4)] = 3
        padding: Annotated[int, Field(ge=0)] = 1
        channels: int = 3
        n_blocks: int = 5


    cfg = BlockConfig()
    ''')
case("r36_nb_pydantic_field_bound_power_of_two", "Config bounds with Field.", [ANNOT_PLAIN], q8=Q8_CFG)


# ===============================================================================================================
# 8. Probes added after the first grading: the same rules, other spellings
# ===============================================================================================================
PROFILER = d('''
    x_big, k_big = torch.rand(40, 40), torch.rand(3, 3)
    with torch.profiler.profile(record_shapes=True) as prof:
        conv2d(x_big, k_big, padding=1)
        max_pool2d(x_big, 2)
    print(prof.key_averages().table(sort_by="cpu_time_total", row_limit=8))
    ''')
case("r36_nb_torch_profiler_key_averages", "Which tensor operations does my conv2d run? (torch.profiler)", [],
     extra6=(PROFILER,))

QUERY_IN_LIST = d('''
    import pandas as pd

    grid = pd.DataFrame([{"n": n, "k": k, "out": conv_output_size(n, k, padding=k // 2)}
                         for n in (28, 64, 100) for k in (2, 3, 4, 5)])
    print(grid.query("k in [3, 5] and out == n"))
    ''')
case("r36_nb_pandas_query_in_list_literal", "Which odd kernels keep the size?", [],
     q2=r30.r26.Q2["floordiv"] + "\n\n" + QUERY_IN_LIST)

STR_UNION_TUPLE = d('''
    def conv_output_size(size: int, kernel_size: "int | tuple[int, int]", stride: int = 1, padding: int = 0) -> int:
        """Output side of a Conv2d (a square kernel may be given as (k, k))."""
        if isinstance(kernel_size, tuple):
            kernel_size = kernel_size[0]
        if kernel_size > size + 2 * padding:
            raise ValueError("kernel is bigger than the padded input")
        return (size + 2 * padding - kernel_size) // stride + 1
    ''')
script("r36_py_string_annotation_union_with_tuple", [], q2=STR_UNION_TUPLE)

TIMING_FLAG = d('''
    RUN_TIMINGS = True   # set to False for a quick run-through

    if RUN_TIMINGS:
        x_big, k_big = torch.rand(40, 40), torch.rand(3, 3)
        %timeit -n 3 -r 1 conv2d(x_big, k_big, padding=1)
    ''')
case("r36_nb_timeit_inside_if_flag", "Timings that can be switched off.", [], extra6=(TIMING_FLAG,))

TIME_LOOP = d('''
    # does the time grow with the number of output pixels?
    for n in (20, 40, 80):
        x_big = torch.rand(n, n)
        print(f"{n}x{n}:")
        %time conv2d(x_big, torch.rand(3, 3), padding=1)
    ''')
case("r36_nb_time_magic_inside_for_loop", "Timing conv2d at three sizes.", [], extra6=(TIME_LOOP,))

FROZEN_CFG = d('''
    from dataclasses import dataclass, field


    @dataclass(frozen=True)
    class BlockConfig:
        kernel_size: int = 3
        channels: int = 3
        n_blocks: int = 5
        padding: int = field(init=False)

        def __post_init__(self):
            # "same" padding for an odd kernel; a frozen dataclass needs object.__setattr__
            object.__setattr__(self, "padding", self.kernel_size // 2)


    cfg = BlockConfig()
    print(cfg)
    ''')
case("r36_nb_frozen_dataclass_post_init_object_setattr", "A frozen config that derives its padding.", [FROZEN_CFG],
     q8=Q8_CFG)

HOOK_SHAPES = d('''
    from enum import Enum


    class Stage(Enum):
        CONV1 = "conv1"
        POOL1 = "pool1"
        CONV2 = "conv2"
        POOL2 = "pool2"

        @classmethod
        def _missing_(cls, value):   # accept "Conv1", "CONV1"...
            return cls(value.lower()) if isinstance(value, str) else None


    net = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                        nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
    recorded = {}
    watched = {Stage("Conv1"): net[0], Stage.POOL1: net[2], Stage("CONV2"): net[3], Stage.POOL2: net[5]}
    handles = [layer.register_forward_hook(lambda mod, inp, out, stage=stage: recorded.update({stage: tuple(out.shape[1:])}))
               for stage, layer in watched.items()]
    net(torch.zeros(1, 1, 100, 100))
    for h in handles:
        h.remove()
    q3_shapes = [recorded[stage] for stage in Stage]
    q3_flatten_features = int(np.prod(recorded[Stage.POOL2]))
    print(q3_shapes, q3_flatten_features)
    ''')
case("r36_nb_enum_missing_forward_hooks_q3_shapes", "Q3's shapes recorded with forward hooks.", [], q3=HOOK_SHAPES)

PIL_KERNEL = d('''
    from PIL import Image, ImageFilter

    rng = np.random.default_rng(0)
    pixels = rng.integers(0, 20, size=(8, 8)).astype(np.uint8)
    weights = [0, 1, 2, 2, 2, 0, 0, 1, 2]
    pil_out = np.asarray(Image.fromarray(pixels).filter(ImageFilter.Kernel((3, 3), weights, scale=1)))
    mine = conv2d(torch.from_numpy(pixels.astype(np.float32)), torch.tensor(weights, dtype=torch.float32).reshape(3, 3))
    # PIL keeps the border pixels as they are; compare the inside
    print("same as PIL inside the border:", np.array_equal(pil_out[1:-1, 1:-1], mine.numpy().astype(np.uint8)))
    ''')
case("r36_nb_pil_imagefilter_kernel_cross_check", "conv2d checked against PIL's own 3x3 filter.", [],
     extra6=(PIL_KERNEL,))

GET_NAME = d('''
    rows = []
    for name, layer in CNN().main.named_children():
        n = sum(p.numel() for p in layer.parameters())
        rows.append(f"{name:>3} {layer._get_name():<10} {n:>5}")
    print("\\n".join(rows))
    ''')
case("r36_nb_layer_table_get_name", "A parameter table with torch's layer names.", [], extra7=(GET_NAME,))


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
iso(f"iso{_NB}stopwatch_method_renamed_time_call", "r36_nb_stopwatch_measure_method", ("measure", "time_call"))
iso(f"iso{_NB}run_config_profile_renamed", "r36_nb_dataclass_run_config_profile_flag", ("profile", "use_prun"))
iso("iso_py_argparse_profile_renamed", "r36_py_argparse_profile_flag",
    ('"--profile"', '"--timing"'), ("args.profile", "args.timing"))
iso(f"iso{_NB}inspect_method_renamed", "r36_nb_model_inspect_debug_method", ("inspect", "show_shapes"))
iso(f"iso{_NB}inspect_method_on_a_name", "r36_nb_model_inspect_debug_method",
    ("CNN().inspect(torch.rand(1, 1, 100, 100))", "cnn = CNN()\ncnn.inspect(torch.rand(1, 1, 100, 100))"))
iso(f"iso{_NB}pandas_attrs_as_variable", "r36_nb_pandas_attrs_metadata",
    ('params.attrs["source"] = ', "source = "), ('params.attrs["source"])', "source)"))
iso(f"iso{_NB}pandas_eval_assigned", "r36_nb_pandas_eval_inplace_sizes",
    ('layers.eval("out = (n + 2 * p - k) // s + 1", inplace=True)', 'layers = layers.eval("out = (n + 2 * p - k) // s + 1")'))
iso(f"iso{_NB}pandas_query_budget_inlined", "r36_nb_pandas_query_at_budget",
    ('candidates.query("params <= @budget")', 'candidates.query("params <= 500")'))
iso(f"iso{_NB}pandas_query_budget_mask", "r36_nb_pandas_query_at_budget",
    ('candidates.query("params <= @budget")', 'candidates[candidates["params"] <= budget]'))
iso(f"iso{_NB}pydantic_dataclass_as_stdlib", "r36_nb_pydantic_dataclass_config",
    ("from pydantic.dataclasses import dataclass", "from dataclasses import dataclass"))
iso(f"iso{_NB}pydantic_computed_field_dropped", "r36_nb_pydantic_computed_field_flat_features",
    ("from pydantic import BaseModel, computed_field", "from pydantic import BaseModel"), ("    @computed_field\n", ""))
iso(f"iso{_NB}pydantic_validator_as_field_validator", "r36_nb_pydantic_v1_validator_odd_kernel",
    ("from pydantic import BaseModel, validator", "from pydantic import BaseModel, field_validator"),
    ('@validator("kernel_size")', '@field_validator("kernel_size")\n    @classmethod'))
iso(f"iso{_NB}pydantic_field_bound_constant", "r36_nb_pydantic_field_bound_power_of_two", ("le=2 ** 4", "le=16"))
iso(f"iso{_NB}namedtuple_fields_as_list", "r36_nb_namedtuple_fields_text_annotations",
    ('namedtuple("Shape", "channels height width")', 'namedtuple("Shape", ["channels", "height", "width"])'))
iso(f"iso{_NB}namedtuple_fields_text_unannotated", "r36_nb_namedtuple_fields_text_annotations",
    ("shape: Shape, out_channels: int, kernel_size: int = 3, padding: int = 1) -> Shape:",
     "shape, out_channels: int, kernel_size: int = 3, padding: int = 1):"),
    ("def after_pool(shape: Shape, size: int = 2) -> Shape:", "def after_pool(shape, size: int = 2):"))
iso(f"iso{_NB}enum_functional_as_class", "r36_nb_enum_functional_activation",
    ('Activation = Enum("Activation", ["RELU", "TANH", "SIGMOID"])',
     "class Activation(Enum):\n    RELU = 1\n    TANH = 2\n    SIGMOID = 3"))
iso(f"iso{_NB}annotated_metadata_as_string", "r36_nb_annotated_shape_tuple_metadata",
    ('("H", "W")', '"(H, W)"'), ('("kH", "kW")', '"(kH, kW)"'))
iso(f"iso{_NB}doctest_globs_as_globals", "r36_nb_q6_doctest_run_docstring_examples",
    ('{"torch": torch, "max_pool2d": max_pool2d}', "globals()"))
iso(f"iso{_NB}profiler_imported_by_name", "r36_nb_torch_profiler_key_averages",
    ("x_big, k_big = torch.rand(40, 40), torch.rand(3, 3)\nwith torch.profiler.profile(",
     "from torch.profiler import profile\n\nx_big, k_big = torch.rand(40, 40), torch.rand(3, 3)\nwith profile("))
iso(f"iso{_NB}pandas_query_in_tuple", "r36_nb_pandas_query_in_list_literal", ('"k in [3, 5] and', '"k in (3, 5) and'))
iso(f"iso{_NB}run_config_profile_renamed_prun_as_call", "r36_nb_dataclass_run_config_profile_flag",
    ("profile", "use_prun"), ("%prun conv2d(", "conv2d("))
iso(f"iso{_NB}run_config_prun_in_if_as_call", "r36_nb_dataclass_run_config_profile_flag", ("%prun conv2d(", "conv2d("))
iso(f"iso{_NB}profiler_as_prun", "r36_nb_torch_profiler_key_averages",
    (PROFILER, "x_big, k_big = torch.rand(40, 40), torch.rand(3, 3)\n%prun -l 8 conv2d(x_big, k_big, padding=1)\n"))
iso(f"iso{_NB}timeit_unindented", "r36_nb_timeit_inside_if_flag",
    ("if RUN_TIMINGS:\n    x_big, k_big = torch.rand(40, 40), torch.rand(3, 3)\n    %timeit",
     "x_big, k_big = torch.rand(40, 40), torch.rand(3, 3)\n%timeit"))
iso(f"iso{_NB}time_in_loop_as_call", "r36_nb_time_magic_inside_for_loop", ("%time conv2d(", "conv2d("))
iso(f"iso{_NB}time_loop_unrolled", "r36_nb_time_magic_inside_for_loop",
    (TIME_LOOP, "".join(f"x_big = torch.rand({n}, {n})\n%time conv2d(x_big, torch.rand(3, 3), padding=1)\n"
                        for n in (20, 40, 80))))
iso(f"iso{_NB}get_name_as_type_name", "r36_nb_layer_table_get_name", ("layer._get_name()", "type(layer).__name__"))
iso("iso_py_string_annotation_union_unquoted", "r36_py_string_annotation_union_with_tuple",
    ('kernel_size: "int | tuple[int, int]"', "kernel_size: int | tuple[int, int]"))


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

"""Round 33 of the fairness corpus: modern Python, less common but ordinary torch, and notebook habits.

Correct submissions in styles earlier rounds did not try: Python 3.10/3.11 syntax and library features (``match`` with
sequence and class patterns, the walrus, ``typing.assert_never``, ``Annotated``, ``ParamSpec`` decorators,
``typing.Self``, ``TYPE_CHECKING`` imports, ``Generic`` registries, ``@dataclass(slots=True, kw_only=True)``,
``enum.auto()``, ``functools.total_ordering``, ``BaseException.add_note``, ``except*`` / ``ExceptionGroup``,
``tomllib``, ``contextlib.suppress`` / ``nullcontext`` / ``redirect_stdout`` / ``ExitStack``, ``raise
SystemExit(main())``, PEP 723 inline script metadata, ``click``), less common torch (``nn.Sequential`` ``+`` /
``extend`` / ``insert``, ``functools.partial(nn.Conv2d, ...)``, a dataclass ``nn.Module``, ``torch.func.vmap`` /
``functional_call`` self-checks, ``spectral_norm`` / ``weight_norm`` demos on a throw-away layer, ``Tensor.unfold``
under ``@torch.no_grad()``, ``nn.ZeroPad2d`` demos, ``parameters_to_vector``, forward hooks with ``with_kwargs``),
and notebook habits (``logging.captureWarnings``, ``display(Latex(...))``, pandas ``Styler``, ``%reset_selective``,
a "final answers" cell, a cell whose saved output is the error a lecture demo raises).  q1-q5, q9, q10 reuse round
26's snippets where nothing new is tried there.

    python tests/corpus/fair/_make_r33.py            # rewrites tests/corpus/fair/r33_*
    python tests/corpus/fair/_make_r33.py --out DIR  # writes them to DIR instead
    python tests/corpus/fair/_make_r33.py --iso DIR  # isolation copies for _r33_findings.md (not corpus files)
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
md, raw, C, out, result, error, png, hdr = r30.md, r30.raw, r30.C, r30.out, r30.result, r30.error, r30.png, r30.hdr
answers = r30.answers
IMPORTS, IMPORTS_PLT, SHAPES, SHAPES_OUT = r30.IMPORTS, r30.IMPORTS_PLT, r30.SHAPES, r30.SHAPES_OUT
Q7, Q8, Q6_CONV, Q6_POOL = r30.Q7, r30.Q8, r30.Q6_CONV, r30.Q6_POOL


def write_notebook(path: Path, cells: list) -> None:
    nb = v4.new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
                   "language_info": {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                                     "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                                     "pygments_lexer": "ipython3", "version": "3.11.7"}}
    out_cells = []
    n = 0
    for c in cells:
        if isinstance(c, tuple) and c[0] == "md":
            out_cells.append(v4.new_markdown_cell(c[1].rstrip("\n")))
            continue
        if isinstance(c, tuple) and c[0] == "raw":
            out_cells.append(v4.new_raw_cell(c[1].rstrip("\n")))
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
        cell.id = f"r33-{k:03d}"
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
# q6 by hand, in modern Python
# ===============================================================================================================
CONV_MATCH = d('''
    from typing import assert_never


    def conv2d(image, kernel, stride=1, padding=0):
        """Cross-correlation of a 2-D image with a 2-D kernel (what F.conv2d computes)."""
        match image.shape, kernel.shape:
            case (h, w), (kh, kw):
                pass
            case _:
                raise ValueError(f"expected 2-D tensors, got {tuple(image.shape)=} and {tuple(kernel.shape)=}")
        match padding:
            case 0:
                x = image
            case int(p) if p > 0:
                x = torch.zeros(h + 2 * p, w + 2 * p, dtype=image.dtype)
                x[p:p + h, p:p + w] = image
            case _:
                assert_never(padding)
        rows = []
        i = 0
        while (top := i * stride) + kh <= x.shape[0]:
            rows.append([(x[top:top + kh, left:left + kw] * kernel).sum()
                         for left in range(0, x.shape[1] - kw + 1, stride)])
            i += 1
        return torch.stack([torch.stack(row) for row in rows])
    ''')
POOL_MATCH = d('''
    def max_pool2d(image, kernel_size=2):
        match kernel_size:
            case int(k):
                pass
            case (k, k2) if k == k2:
                pass
            case _:
                raise ValueError(f"{kernel_size=} is not supported")
        h, w = (n // k for n in image.shape)
        out = torch.empty(h, w, dtype=image.dtype)
        for i in range(h):
            for j in range(w):
                out[i, j] = (block := image[i * k:(i + 1) * k, j * k:(j + 1) * k]).max()
        return out
    ''')
Q6_CHECK_FSTRING = d('''
    x, k = torch.randn(7, 6), torch.randn(3, 2)
    ours, theirs = conv2d(x, k, stride=2, padding=1), F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0]
    print(f"{ours.shape=} {theirs.shape=} {torch.allclose(ours, theirs, atol=1e-5)=}")
    width = 10
    print(f"{'max error':<{width}}{(ours - theirs).abs().max().item():>{width}.2e}")
    print(f"{q6_output=}")
    ''')
CASES["r33_nb_q6_match_walrus_assert_never"] = [
    md("# Lab 6: CNNs\nPython 3.11: `match` statements and the walrus operator in q6."),
    IMPORTS,
    *answers(q6=(CONV_MATCH, POOL_MATCH, "computed"), extra6=(Q6_CHECK_FSTRING,)),
    SHAPES,
]

CONV_PARAMSPEC = d('''
    import functools
    import time
    from typing import Annotated, Callable, ParamSpec, TypeVar

    P = ParamSpec("P")
    R = TypeVar("R")

    Image = Annotated[torch.Tensor, "2-D (H, W)"]
    Kernel = Annotated[torch.Tensor, "2-D (kH, kW)"]
    Pixels = Annotated[int, "pixels"]

    TIMINGS: dict[str, list[float]] = {}


    def timed(fn: Callable[P, R]) -> Callable[P, R]:
        """Remember how long each call of fn takes (in TIMINGS[fn.__name__])."""
        @functools.wraps(fn)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                TIMINGS.setdefault(fn.__name__, []).append(time.perf_counter() - start)
        return wrapper


    @timed
    def conv2d(image: Image, kernel: Kernel, stride: Pixels = 1, padding: Pixels = 0) -> Image:
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        oh = (h + 2 * padding - kh) // stride + 1
        ow = (w + 2 * padding - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    @timed
    def max_pool2d(image: Image, kernel_size: Pixels = 2) -> Image:
        k = kernel_size
        h, w = image.shape[0] // k, image.shape[1] // k
        return image[:h * k, :w * k].reshape(h, k, w, k).amax(dim=(1, 3))
    ''')
CASES["r33_nb_q6_annotated_paramspec_timed_decorator"] = [
    md("# Lab 6\nq6 with typed annotations (`Annotated`, `ParamSpec`) and a timing decorator."),
    IMPORTS,
    *answers(q6=(CONV_PARAMSPEC, "", "tensor"), extra6=(d('''
        for _ in range(3):
            conv2d(torch.rand(20, 20), torch.rand(3, 3), padding=1)
            max_pool2d(torch.rand(20, 20))
        print({name: f"{sum(t) / len(t) * 1e3:.2f} ms" for name, t in TIMINGS.items()})
        '''),)),
    SHAPES,
]

CONV_DATACLASS_SLOTS = d('''
    from dataclasses import dataclass


    @dataclass(frozen=True, slots=True, kw_only=True)
    class Geometry:
        """Where the kernel goes: sizes of the (padded) input, of the kernel, and the step."""
        height: int
        width: int
        k_height: int
        k_width: int
        stride: int = 1
        padding: int = 0

        @property
        def out_height(self) -> int:
            return (self.height + 2 * self.padding - self.k_height) // self.stride + 1

        @property
        def out_width(self) -> int:
            return (self.width + 2 * self.padding - self.k_width) // self.stride + 1

        def corners(self):
            for i in range(self.out_height):
                for j in range(self.out_width):
                    yield i, j, i * self.stride, j * self.stride


    def conv2d(image, kernel, stride=1, padding=0):
        g = Geometry(height=image.shape[0], width=image.shape[1], k_height=kernel.shape[0],
                     k_width=kernel.shape[1], stride=stride, padding=padding)
        x = torch.zeros(g.height + 2 * padding, g.width + 2 * padding, dtype=image.dtype)
        x[padding:padding + g.height, padding:padding + g.width] = image
        out = torch.zeros(g.out_height, g.out_width, dtype=image.dtype)
        for i, j, top, left in g.corners():
            out[i, j] = (x[top:top + g.k_height, left:left + g.k_width] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        g = Geometry(height=image.shape[0], width=image.shape[1], k_height=kernel_size, k_width=kernel_size,
                     stride=kernel_size)
        out = torch.empty(g.out_height, g.out_width, dtype=image.dtype)
        for i, j, top, left in g.corners():
            out[i, j] = image[top:top + kernel_size, left:left + kernel_size].max()
        return out
    ''')
CFG_DEFAULT_FACTORY = d('''
    from dataclasses import dataclass, field


    @dataclass
    class CNNConfig:
        channels: list[int] = field(default_factory=lambda: [1, 3, 2])
        kernel_size: int = 3
        padding: int = 1
        side: int = 100
        tags: dict[str, str] = field(default_factory=dict)


    cfg = CNNConfig()


    class CNN(nn.Module):
        def __init__(self, config: CNNConfig = cfg):
            super().__init__()
            c0, c1, c2 = config.channels
            k, p = config.kernel_size, config.padding
            self.conv1 = nn.Conv2d(c0, c1, k, padding=p)
            self.conv2 = nn.Conv2d(c1, c2, k, padding=p)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(c2 * (config.side // 4) ** 2, 1)

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            return self.fc(x.flatten(start_dim=1))
    ''')
CASES["r33_nb_q6_dataclass_slots_kw_only_geometry"] = [
    md("# Lab 6\nA frozen, slotted, keyword-only dataclass for the geometry of q6; a config dataclass for q7."),
    IMPORTS,
    *answers(q6=(CONV_DATACLASS_SLOTS, "", "list"), q7=CFG_DEFAULT_FACTORY),
    SHAPES,
]

CONV_ENUM_AUTO = d('''
    import enum
    import functools


    class Padding(enum.Enum):
        VALID = enum.auto()
        ZEROS = enum.auto()


    @functools.total_ordering
    @dataclasses.dataclass(frozen=True)
    class Size:
        h: int
        w: int

        def __lt__(self, other):
            return (self.h, self.w) < (other.h, other.w)


    def conv2d(image, kernel, stride=1, padding=0):
        mode = Padding.ZEROS if padding else Padding.VALID
        if mode is Padding.ZEROS:
            image = torch.cat([torch.zeros(padding, image.shape[1], dtype=image.dtype), image,
                               torch.zeros(padding, image.shape[1], dtype=image.dtype)])
            image = torch.cat([torch.zeros(image.shape[0], padding, dtype=image.dtype), image,
                               torch.zeros(image.shape[0], padding, dtype=image.dtype)], dim=1)
        size, k = Size(*image.shape), Size(*kernel.shape)
        if size < k:
            raise ValueError(f"kernel {k} is bigger than the padded image {size}")
        out = [[(image[i:i + k.h, j:j + k.w] * kernel).sum() for j in range(0, size.w - k.w + 1, stride)]
               for i in range(0, size.h - k.h + 1, stride)]
        return torch.stack([torch.stack(row) for row in out])
    ''')
CASES["r33_nb_q6_enum_auto_total_ordering"] = [
    md("# Lab 6\n`enum.auto()` for the padding mode, `functools.total_ordering` for sizes."),
    IMPORTS + "import dataclasses\n",
    *answers(q6=(CONV_ENUM_AUTO, "reshape", "computed")),
    SHAPES,
]

CONV_ADD_NOTE = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        try:
            h, w = image.shape
            kh, kw = kernel.shape
        except ValueError as err:
            err.add_note(f"conv2d takes 2-D tensors; got {tuple(image.shape)} and {tuple(kernel.shape)}")
            raise
        x = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        x[padding:padding + h, padding:padding + w] = image
        oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (x[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out
    ''')
CHECKS_EXCEPT_STAR = d('''
    # self-checks: collect every failure, report them together
    def run_checks():
        problems = []
        for trial in range(5):
            x, k = torch.randn(8, 7), torch.randn(3, 3)
            s, p = trial % 2 + 1, trial % 3
            if not torch.allclose(conv2d(x, k, s, p), F.conv2d(x[None, None], k[None, None], stride=s, padding=p)[0, 0],
                                  atol=1e-5):
                problems.append(AssertionError(f"conv2d differs for stride={s}, padding={p}"))
            if not torch.equal(max_pool2d(x), F.max_pool2d(x[None, None], 2)[0, 0]):
                problems.append(AssertionError("max_pool2d differs"))
        if problems:
            raise ExceptionGroup("q6 self-checks failed", problems)
        print("all q6 checks passed")


    try:
        run_checks()
    except* AssertionError as group:
        for problem in group.exceptions:
            print("FAILED:", problem)

    try:
        conv2d(torch.rand(1, 5, 5), torch.rand(3, 3))
    except ValueError as err:
        print(type(err).__name__, err, getattr(err, "__notes__", []))
    ''')
CASES["r33_nb_q6_add_note_except_star_self_checks"] = [
    md("# Lab 6\nq6 with `add_note` on bad input, and self-checks reported with `ExceptionGroup` / `except*`."),
    IMPORTS,
    *answers(q6=(CONV_ADD_NOTE, "loops", "tensor"), extra6=(CHECKS_EXCEPT_STAR,)),
    SHAPES,
]

CONV_UNFOLD_NO_GRAD = d('''
    @torch.no_grad()
    def conv2d(image, kernel, stride=1, padding=0):
        if padding:
            image = nn.ZeroPad2d(padding)(image[None])[0]
        kh, kw = kernel.shape
        windows = image.unfold(0, kh, stride).unfold(1, kw, stride)   # (oh, ow, kh, kw)
        return (windows * kernel).sum(dim=(-2, -1))


    @torch.no_grad()
    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        return image.unfold(0, k, k).unfold(1, k, k).amax(dim=(-2, -1))
    ''')
CASES["r33_nb_q6_tensor_unfold_zeropad_no_grad_decorator"] = [
    md("# Lab 6\n`Tensor.unfold` windows, `nn.ZeroPad2d` for the padding, `@torch.no_grad()` on the helpers."),
    IMPORTS,
    *answers(q6=(CONV_UNFOLD_NO_GRAD, "", "computed")),
    SHAPES,
]

# ===============================================================================================================
# models
# ===============================================================================================================
MODELS_TYPING = d('''
    from typing import TYPE_CHECKING, Callable, Generic, Self, TypeVar

    if TYPE_CHECKING:
        from torch import Tensor

    M = TypeVar("M", bound=nn.Module)


    class Registry(Generic[M]):
        """Model classes by name (so that a config can say which one to build)."""

        def __init__(self) -> None:
            self._classes: dict[str, type[M]] = {}

        def register(self, cls: type[M]) -> type[M]:
            self._classes[cls.__name__] = cls
            return cls

        def build(self, name: str, *args) -> M:
            return self._classes[name](*args)

        def names(self) -> list[str]:
            return sorted(self._classes)


    MODELS: Registry[nn.Module] = Registry()


    @MODELS.register
    class CNN(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def reset(self) -> Self:
            for layer in (self.conv1, self.conv2, self.fc):
                layer.reset_parameters()
            return self

        def forward(self, x: "Tensor") -> "Tensor":
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(x.flatten(1))
    ''')
MODELS_TYPING_Q8 = d('''
    def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    @MODELS.register
    class ConvNet(nn.Module):
        def __init__(self, input_channels: int) -> None:
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)))
            self.head = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x: "Tensor") -> "Tensor":
            return self.head(self.blocks(x).flatten(1))


    print(MODELS.names(), MODELS.build("ConvNet", 3))
    print(CNN().reset())
    ''')
CASES["r33_nb_models_generic_registry_class_decorator_self"] = [
    md("# Lab 6\nModels registered by a class decorator of a `Generic` registry; `typing.Self`, `TYPE_CHECKING`."),
    IMPORTS,
    *answers(q7=MODELS_TYPING, q8=MODELS_TYPING_Q8),
    SHAPES,
]

TOML_CONFIG = d('''
    import tomllib

    CONFIG = tomllib.loads("""
    [cnn]
    channels = [1, 3, 2]
    kernel_size = 3
    padding = 1
    side = 100

    [convnet]
    width = 3
    blocks = 5
    side = 128
    """)
    print(CONFIG)
    ''')
Q7_TOML = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            c = CONFIG["cnn"]
            c0, c1, c2 = c["channels"]
            self.conv1 = nn.Conv2d(c0, c1, c["kernel_size"], padding=c["padding"])
            self.conv2 = nn.Conv2d(c1, c2, c["kernel_size"], padding=c["padding"])
            self.fc = nn.Linear(c2 * (c["side"] // 4) ** 2, 1)

        def forward(self, x):
            x = F.max_pool2d(torch.relu(self.conv1(x)), 2)
            x = F.max_pool2d(torch.relu(self.conv2(x)), 2)
            return self.fc(torch.flatten(x, 1))
    ''')
Q8_TOML = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            c = CONFIG["convnet"]
            layers = [conv_block(input_channels, c["width"])]
            layers += [conv_block(c["width"], c["width"]) for _ in range(c["blocks"] - 1)]
            self.features = nn.Sequential(*layers)
            self.fc = nn.Linear(c["width"] * c["side"] ** 2, 1)

        def forward(self, x):
            return self.fc(self.features(x).flatten(1))
    ''')
CASES["r33_nb_tomllib_config_for_models"] = [
    md("# Lab 6\nThe hyper-parameters in TOML (`tomllib`, Python 3.11), read by the models."),
    IMPORTS, TOML_CONFIG,
    *answers(q7=Q7_TOML, q8=Q8_TOML),
    SHAPES,
]

Q7_SEQ_ADD = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            features = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            features.extend([nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)])
            head = nn.Sequential(nn.Linear(1250, 1))
            head.insert(0, nn.Flatten(start_dim=1))
            self.net = features + head

        def forward(self, x):
            return self.net(x)
    ''')
Q8_SEQ_APPEND = d('''
    def conv_block(input_channels, output_channels):
        block = nn.Sequential()
        block.append(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1))
        block.append(nn.ReLU())
        return block


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.net = nn.Sequential()
            for i, (c_in, c_out) in enumerate(zip([input_channels, 3, 3, 3, 3], [3] * 5, strict=True)):
                self.net.add_module(f"block{i}", conv_block(c_in, c_out))
            self.net.extend([nn.Flatten(), nn.Linear(3 * 128 * 128, 1)])

        def forward(self, x):
            return self.net(x)
    ''')
CASES["r33_nb_sequential_extend_insert_add"] = [
    md("# Lab 6\n`nn.Sequential` built with `extend`, `insert`, `append` and `+` (PyTorch 2)."),
    IMPORTS,
    *answers(q7=Q7_SEQ_ADD, q8=Q8_SEQ_APPEND),
    SHAPES,
]

Q7_PARTIAL = d('''
    from functools import partial

    Conv3x3 = partial(nn.Conv2d, kernel_size=3, padding=1)
    Pool = partial(nn.MaxPool2d, kernel_size=2)


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.Sequential(
                Conv3x3(1, 3), nn.ReLU(), Pool(),
                Conv3x3(3, 2), nn.ReLU(), Pool(),
                nn.Flatten(), nn.Linear(1250, 1),
            )

        def forward(self, x):
            return self.layers(x)
    ''')
Q8_DATACLASS_MODULE = d('''
    from dataclasses import dataclass


    def conv_block(input_channels, output_channels):
        return nn.Sequential(Conv3x3(input_channels, output_channels), nn.ReLU())


    @dataclass(eq=False)
    class ConvNet(nn.Module):
        input_channels: int
        width: int = 3
        n_blocks: int = 5
        side: int = 128

        def __post_init__(self):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(self.input_channels, self.width),
                                        *[conv_block(self.width, self.width) for _ in range(self.n_blocks - 1)])
            self.fc = nn.Linear(self.width * self.side * self.side, 1)

        def forward(self, x):
            return self.fc(torch.flatten(self.blocks(x), 1))


    print(ConvNet(1))
    ''')
CASES["r33_nb_partial_conv3x3_dataclass_module"] = [
    md("# Lab 6\n`partial(nn.Conv2d, kernel_size=3, padding=1)`, and `ConvNet` as a dataclass (`eq=False`)."),
    IMPORTS,
    *answers(q7=Q7_PARTIAL, q8=Q8_DATACLASS_MODULE),
    SHAPES,
]

Q7_MATCH_SPEC = d('''
    SPEC = [("conv", 1, 3), "relu", ("pool", 2), ("conv", 3, 2), "relu", ("pool", 2), "flatten", ("linear", 1250, 1)]


    def build(spec):
        layers = []
        for item in spec:
            match item:
                case ("conv", c_in, c_out):
                    layers.append(nn.Conv2d(c_in, c_out, kernel_size=3, padding=1))
                case "relu":
                    layers.append(nn.ReLU())
                case ("pool", size):
                    layers.append(nn.MaxPool2d(size))
                case "flatten":
                    layers.append(nn.Flatten())
                case ("linear", n_in, n_out):
                    layers.append(nn.Linear(n_in, n_out))
                case other:
                    raise ValueError(f"unknown layer {other!r}")
        return nn.Sequential(*layers)


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.model = build(SPEC)

        def forward(self, x):
            return self.model(x)
    ''')
Q8_MATCH_SPEC = d('''
    def conv_block(input_channels, output_channels):
        return build([("conv", input_channels, output_channels), "relu"])


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.model = nn.Sequential(*(conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]),
                                       build(["flatten", ("linear", 3 * 128 * 128, 1)]))

        def forward(self, x):
            return self.model(x)
    ''')
CASES["r33_nb_models_built_from_spec_with_match"] = [
    md("# Lab 6\nModels built from a list of layer specs read with `match` sequence patterns."),
    IMPORTS,
    *answers(q7=Q7_MATCH_SPEC, q8=Q8_MATCH_SPEC),
    SHAPES,
]

# ===============================================================================================================
# less common torch around correct answers
# ===============================================================================================================
FUNC_CHECKS = d('''
    # batched checks with torch.func
    from torch.func import functional_call, vmap

    batch = torch.rand(4, 6, 6)
    pooled = vmap(max_pool2d)(batch)
    print(pooled.shape, torch.equal(pooled, F.max_pool2d(batch[:, None], 2)[:, 0]))

    model = CNN()
    zeros = {name: torch.zeros_like(p) for name, p in model.named_parameters()}
    print(functional_call(model, zeros, (torch.rand(2, 1, 100, 100),)))   # all zeros: every weight is 0
    ''')
CASES["r33_nb_torch_func_vmap_functional_call_checks"] = [
    md("# Lab 6\nSelf-checks with `torch.func.vmap` and `torch.func.functional_call`."),
    IMPORTS,
    *answers(q6=("loops_zeros", "reshape", "tensor"), q7="functional", extra7=(FUNC_CHECKS,)),
    SHAPES,
]

PARAMETRIZATION_DEMO = d('''
    # lecture aside: constraints on a layer's weight with parametrizations (a throw-away layer, not the models)
    from torch.nn.utils import parametrizations, parametrize

    demo = parametrizations.spectral_norm(nn.Conv2d(3, 3, 3))
    print(parametrize.is_parametrized(demo), demo.parametrizations.weight.original.shape)
    wn = parametrizations.weight_norm(nn.Linear(4, 2))
    print(sorted(name for name, _ in wn.named_parameters()))
    parametrize.remove_parametrizations(wn, "weight")
    print(sorted(name for name, _ in wn.named_parameters()))
    ''')
CASES["r33_nb_spectral_weight_norm_demo_layers"] = [
    md("# Lab 6\nAn aside on `spectral_norm` / `weight_norm` parametrizations, on layers of their own."),
    IMPORTS,
    *answers(q7="features_classifier", q8="star_list"),
    PARAMETRIZATION_DEMO,
    SHAPES,
]

HOOKS_WITH_KWARGS = d('''
    # print each layer's output shape once, with hooks that are removed afterwards
    def show_shape(module, args, kwargs, output):
        print(f"{type(module).__name__:<10} {tuple(output.shape)}")


    model = CNN()
    handles = [layer.register_forward_hook(show_shape, with_kwargs=True) for layer in model.main]
    with torch.inference_mode():
        model(torch.rand(1, 1, 100, 100))
    for h in handles:
        h.remove()
    ''')
CASES["r33_nb_forward_hooks_with_kwargs_removed"] = [
    md("# Lab 6\nShapes printed by forward hooks registered `with_kwargs=True`, removed after one pass."),
    IMPORTS,
    *answers(extra7=(HOOKS_WITH_KWARGS,)),
    SHAPES,
]

COUNT_TORCH_UTILS = d('''
    from torch.nn.utils import parameters_to_vector

    def n_params(model):
        return parameters_to_vector(model.parameters()).numel()

    q4_conv_params = n_params(nn.Conv2d(3, 3, 3))
    q4_cnn_params = n_params(nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.Conv2d(3, 2, 3, padding=1), nn.Linear(1250, 1)))
    q4_fcnn_params = sum(map(torch.numel, nn.Sequential(
        nn.Linear(128 * 128, 256), nn.Linear(256, 128), nn.Linear(128, 64), nn.Linear(64, 32), nn.Linear(32, 16),
        nn.Linear(16, 1)).parameters()))
    print(f"{q4_conv_params=:,} {q4_cnn_params=:,} {q4_fcnn_params=:,}")
    ''')
SET_DEFAULTS = d('''
    device = "cuda" if torch.cuda.is_available() else "cpu"
    torch.manual_seed(0)
    torch.set_num_threads(1)
    torch.set_float32_matmul_precision("high")
    print(f"{device=} {torch.get_num_threads()=} {torch.__version__=}")
    ''')
CASES["r33_nb_parameters_to_vector_counts_set_num_threads"] = [
    md("# Lab 6\nCounts with `parameters_to_vector` and `map(torch.numel, ...)`; a set-up cell of torch settings."),
    IMPORTS, SET_DEFAULTS,
    *answers(q4=COUNT_TORCH_UTILS),
    "model = CNN().to(device)\nprint(model(torch.rand(2, 1, 100, 100, device=device)).shape)\n",
    SHAPES,
]

# ===============================================================================================================
# notebook habits
# ===============================================================================================================
LOGGING_SETUP = d('''
    import logging
    import warnings

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.captureWarnings(True)
    log = logging.getLogger("lab6")
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    log.info("torch %s", torch.__version__)
    ''')
CASES["r33_nb_logging_capture_warnings_info"] = [
    md("# Lab 6\nLogging at INFO, with warnings routed through logging (`logging.captureWarnings(True)`)."),
    IMPORTS, LOGGING_SETUP,
    *answers(extra7=('log.info("CNN has %d parameters", sum(p.numel() for p in CNN().parameters()))\n',),
             extra8=('log.info("ConvNet(1) has %d parameters", sum(p.numel() for p in ConvNet(1).parameters()))\n',)),
    SHAPES,
]

DISPLAY_LATEX = d('''
    from IPython.display import Latex, Markdown, display
    import pandas as pd

    display(Latex(r"$H_{out} = \\left\\lfloor \\frac{H_{in} + 2p - k}{s} \\right\\rfloor + 1$"))
    counts = pd.DataFrame({"model": ["Conv2d(3, 3, 3)", "CNN", "fully connected"],
                           "parameters": [q4_conv_params, q4_cnn_params, q4_fcnn_params]})
    display(counts.style.format({"parameters": "{:,}"}).hide(axis="index"))
    display(Markdown(f"The fully connected network has **{q4_fcnn_params / q4_cnn_params:.0f}x** more parameters."))
    ''')
CASES["r33_nb_display_latex_styler_markdown"] = [
    md("# Lab 6\nFormulas with `display(Latex(...))`, tables with pandas' `Styler`."),
    C("%config InlineBackend.figure_format = 'svg'\n%matplotlib inline\n", 1), C(IMPORTS, 2),
    *answers(extra6=(), q4="arith"),
    DISPLAY_LATEX,
    SHAPES,
]

FINAL_CELL = d('''
    # ---- final answers (these are the ones to grade) ----
    q1_answer = "C"
    q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
    q3_flatten_features = 1250
    q4_conv_params, q4_cnn_params, q4_fcnn_params = 84, 1337, 4238337
    q9_true = {"C"}
    q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
    ''')
DRAFTS = d('''
    # drafts (wrong: fixed below)
    draft_q1 = "B"
    draft_shapes = [(3, 98, 98), (3, 49, 49), (2, 47, 47), (2, 23, 23)]
    q1_answer = draft_q1
    ''')
CASES["r33_nb_final_answers_cell_reset_selective"] = [
    md("# Lab 6\nDrafts first, then `%reset_selective` of the drafts and a final answers cell."),
    IMPORTS, DRAFTS,
    *answers(),
    md("## Final answers"),
    "%reset_selective -f ^draft_\n%who_ls\n",
    FINAL_CELL,
    SHAPES,
]

CONTEXTLIB_HELPERS = d('''
    import contextlib
    import io

    with contextlib.suppress(ImportError):
        from torchsummary import summary

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        summary(CNN(), (1, 100, 100), device="cpu")
    print(buffer.getvalue().splitlines()[-6])


    def evaluate(model, x, grad=False):
        context = contextlib.nullcontext() if grad else torch.no_grad()
        with context:
            return model(x)


    with contextlib.ExitStack() as stack:
        stack.enter_context(torch.no_grad())
        print(evaluate(ConvNet(1), torch.rand(1, 1, 128, 128)).shape)
    ''')
CASES["r33_nb_contextlib_suppress_redirect_nullcontext_exitstack"] = [
    md("# Lab 6\n`contextlib.suppress`, `redirect_stdout` around the lecture's `summary`, `nullcontext`, `ExitStack`."),
    IMPORTS,
    *answers(),
    CONTEXTLIB_HELPERS,
    SHAPES,
]

ERROR_DEMO = ("code", d('''
    # lecture demo: an unbatched image with a batch of kernels works, a 2-D image does not
    conv = nn.Conv2d(1, 3, 3, padding=1)
    print(conv(torch.rand(1, 100, 100)).shape)
    conv(torch.rand(100, 100))
    '''), 9, [out("torch.Size([3, 100, 100])\n"),
              error("RuntimeError", "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: "
                    "[100, 100]")], False)
CASES["r33_nb_lecture_error_demo_cell_mid_notebook"] = [
    md("# Lab 6\nA demo cell that raises on purpose (its saved output is the error), between the answers."),
    IMPORTS,
    *answers()[:12],
    ERROR_DEMO,
    *answers()[12:],
    SHAPES,
]

AUTORELOAD_TIMEIT = d('''
    %load_ext autoreload
    %autoreload 2
    %matplotlib inline
    ''')
TIMEIT_CELL = d('''
    x, k = torch.rand(100, 100), torch.rand(3, 3)
    %timeit -n 3 -r 1 conv2d(x, k, padding=1)
    %timeit -n 3 -r 1 max_pool2d(x)
    assert conv2d(x, k, padding=1).shape == (100, 100), "same padding keeps the size"
    assert max_pool2d(x).shape == (50, 50)
    ''')
PPRINT_CELL = d('''
    from pprint import pp, pformat

    pp({"q3": q3_shapes, "q4": (q4_conv_params, q4_cnn_params, q4_fcnn_params)}, width=60)
    print(pformat(q10_answers, compact=True))
    ''')
CASES["r33_nb_pprint_pp_timeit_asserts"] = [
    md("# Lab 6\n`pprint.pp`, `%timeit` and `assert` self-checks."),
    AUTORELOAD_TIMEIT, IMPORTS,
    *answers(extra6=(TIMEIT_CELL,)),
    PPRINT_CELL,
    SHAPES,
]

# ===============================================================================================================
# scripts
# ===============================================================================================================
SCRIPT_MAIN = d('''
    def main() -> int:
        failures = 0
        for s, p in [(1, 0), (2, 1), (3, 2)]:
            x, k = torch.randn(9, 8), torch.randn(3, 3)
            ok = torch.allclose(conv2d(x, k, s, p), F.conv2d(x[None, None], k[None, None], stride=s, padding=p)[0, 0],
                                atol=1e-5)
            print(f"conv2d stride={s} padding={p}: {'ok' if ok else 'FAIL'}")
            failures += not ok
        print(CNN()(torch.rand(2, 1, 100, 100)).shape, ConvNet(3)(torch.rand(2, 3, 128, 128)).shape)
        return 1 if failures else 0


    if __name__ == "__main__":
        raise SystemExit(main())
    ''')
CASES["r33_py_raise_systemexit_main"] = [
    "#!/usr/bin/env python3\n\"\"\"Lab 6: CNNs.\"\"\"\n" + IMPORTS,
    *answers(headers=False),
    SCRIPT_MAIN,
]

PEP723 = d('''
    #!/usr/bin/env -S uv run --script
    # /// script
    # requires-python = ">=3.11"
    # dependencies = [
    #     "numpy",
    #     "torch>=2.1",
    # ]
    # ///
    """Lab 6 (run with `uv run lab6.py [--check]`)."""
    import sys
    ''') + IMPORTS
CLI_MATCH = d('''
    def cli(argv: list[str]) -> None:
        match argv:
            case []:
                print("nothing to do (try --check)")
            case ["--check"]:
                x, k = torch.randn(6, 6), torch.randn(3, 3)
                print(torch.allclose(conv2d(x, k, 1, 1), F.conv2d(x[None, None], k[None, None], padding=1)[0, 0],
                                     atol=1e-5))
            case ["--shapes", *_]:
                print(CNN()(torch.rand(1, 1, 100, 100)).shape)
            case _:
                print(f"unknown arguments {argv}", file=sys.stderr)


    if __name__ == "__main__":
        cli(sys.argv[1:])
    ''')
CASES["r33_py_pep723_uv_script_match_cli"] = [
    PEP723,
    *answers(headers=False, q6=(CONV_MATCH, POOL_MATCH, "tensor")),
    CLI_MATCH,
]

CLICK_MAIN = d('''
    import click


    @click.command()
    @click.option("--epochs", default=2, show_default=True, help="training steps on random data")
    @click.option("--lr", default=0.01, type=float)
    def train(epochs: int, lr: float) -> None:
        """A few steps of SGD on random data, to see that the CNN trains."""
        model = CNN()
        opt = torch.optim.SGD(model.parameters(), lr=lr)
        xs, ys = torch.rand(8, 1, 100, 100), torch.rand(8, 1)
        for epoch in range(epochs):
            opt.zero_grad()
            loss = F.mse_loss(model(xs), ys)
            loss.backward()
            opt.step()
            click.echo(f"epoch {epoch}: loss {loss.item():.4f}")


    if __name__ == "__main__":
        train(standalone_mode=False, args=[])
    ''')
CASES["r33_py_click_command_training"] = [
    "\"\"\"Lab 6, with a small click command to train the CNN.\"\"\"\n" + IMPORTS,
    *answers(headers=False, q7="functional", q8="modulelist"),
    CLICK_MAIN,
]

CASES["r33_py_q6_add_note_paramspec_typed"] = [
    "\"\"\"Lab 6 (typed).\"\"\"\nfrom __future__ import annotations\n\n" + IMPORTS,
    *answers(headers=False, q6=(CONV_PARAMSPEC, "", "list")),
    d('''
        if __name__ == "__main__":
            x, k = torch.rand(10, 10), torch.rand(3, 3)
            print(conv2d(x, k, stride=2, padding=1).shape, max_pool2d(x).shape, sorted(TIMINGS))
        '''),
]

CASES["r33_py_tomllib_dataclass_module_registry"] = [
    "\"\"\"Lab 6: configuration in TOML, models in dataclasses.\"\"\"\n" + IMPORTS,
    TOML_CONFIG,
    *answers(headers=False, q7=Q7_TOML, q8=Q8_DATACLASS_MODULE.replace("Conv3x3(input_channels, output_channels)",
                                                                       "nn.Conv2d(input_channels, output_channels, 3, padding=1)")),
]

# ===============================================================================================================
# more models and helpers
# ===============================================================================================================
Q7_ENUM_LAYERS = d('''
    from enum import Enum


    class Layer(Enum):
        """The layer types this lab uses (values are the classes)."""
        CONV = nn.Conv2d
        RELU = nn.ReLU
        POOL = nn.MaxPool2d
        FLAT = nn.Flatten
        FC = nn.Linear

        def __call__(self, *args, **kwargs):
            return self.value(*args, **kwargs)


    class CNN(nn.Module):
        def __init__(self, verbose: bool = False):
            super().__init__()
            self.verbose = verbose
            self.layers = nn.Sequential(
                Layer.CONV(1, 3, 3, padding=1), Layer.RELU(), Layer.POOL(2),
                Layer.CONV(3, 2, 3, padding=1), Layer.RELU(), Layer.POOL(2),
                Layer.FLAT(), Layer.FC(1250, 1),
            )

        def forward(self, x):
            if (n := x.dim()) == 3:   # one unbatched image
                x = x.unsqueeze(0)
            for layer in self.layers:
                x = layer(x)
                if self.verbose:
                    width = 12
                    print(f"{type(layer).__name__:<{width}}{f'{tuple(x.shape)}':>{width + 8}}")
            return x if n == 4 else x.squeeze(0)


    CNN(verbose=True)(torch.rand(1, 100, 100))
    ''')
CASES["r33_nb_enum_of_layer_classes_walrus_nested_fstrings"] = [
    md("# Lab 6\nAn `Enum` whose values are the layer classes; a verbose forward with nested f-strings."),
    IMPORTS,
    *answers(q7=Q7_ENUM_LAYERS, q8="modulelist"),
    SHAPES,
]

Q7_ABC_BASE = d('''
    import abc
    from functools import cached_property


    class BaseModel(nn.Module, abc.ABC):
        """What every model of this lab has: a parameter count and a summary line."""

        @abc.abstractmethod
        def forward(self, x):
            ...

        @cached_property
        def n_params(self) -> int:
            return sum(p.numel() for p in self.parameters())

        def describe(self) -> str:
            return f"{type(self).__name__}: {self.n_params:,} parameters"


    class CNN(BaseModel):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), kernel_size=2)
            x = F.max_pool2d(F.relu(self.conv2(x)), kernel_size=2)
            return self.fc(torch.flatten(x, start_dim=1))


    print(CNN().describe())
    ''')
Q8_ABC_BASE = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(BaseModel):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.ModuleList(conv_block(c, 3) for c in (input_channels, 3, 3, 3, 3))
            self.fc = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x):
            for block in self.blocks:
                x = block(x)
            return self.fc(x.flatten(1))


    print(ConvNet(1).describe(), ConvNet(3).describe())
    ''')
CASES["r33_nb_abc_base_model_cached_property"] = [
    md("# Lab 6\nAn abstract base model (`nn.Module, abc.ABC`) with a `cached_property` parameter count."),
    IMPORTS,
    *answers(q7=Q7_ABC_BASE, q8=Q8_ABC_BASE),
    SHAPES,
]

CONV_OPERATOR = d('''
    import itertools
    import operator
    from functools import reduce


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = operator.itemgetter(0, 1)(image.shape)
        kh, kw = kernel.shape
        x = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        x[padding:padding + h, padding:padding + w] = image
        oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        flat_kernel = kernel.flatten().tolist()
        for i, j in itertools.product(range(oh), range(ow)):
            window = x[i * stride:i * stride + kh, j * stride:j * stride + kw].flatten().tolist()
            out[i, j] = reduce(operator.add, itertools.starmap(operator.mul, zip(window, flat_kernel, strict=True)))
        return out


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i, j in itertools.product(range(oh), range(ow)):
            out[i, j] = reduce(max, image[i * k:(i + 1) * k, j * k:(j + 1) * k].flatten().tolist())
        return out
    ''')
CASES["r33_nb_q6_operator_itemgetter_starmap_zip_strict"] = [
    md("# Lab 6\nq6 with `operator.itemgetter`, `itertools.starmap(operator.mul, zip(..., strict=True))`."),
    IMPORTS,
    *answers(q6=(CONV_OPERATOR, "", "computed")),
    SHAPES,
]

INIT_MATCH = d('''
    def init_fn(m):
        match m:
            case nn.Conv2d() | nn.Linear():
                nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
                nn.init.zeros_(m.bias)
            case _:
                pass


    torch.manual_seed(42)
    trained = CNN().apply(init_fn)
    opt = torch.optim.Adam(trained.parameters(), lr=1e-3)
    xs, ys = torch.rand(8, 1, 100, 100), torch.rand(8, 1)
    for step in range(3):
        opt.zero_grad(set_to_none=True)
        (loss := F.mse_loss(trained(xs), ys)).backward()
        opt.step()
        print(f"{step=} {loss.item()=:.4f}")
    ''')
CASES["r33_nb_apply_init_fn_match_class_patterns"] = [
    md("# Lab 6\nA training demo: `model.apply(init_fn)` where `init_fn` matches layer classes."),
    IMPORTS,
    *answers(q7="features_classifier"),
    INIT_MATCH,
    SHAPES,
]

WARNINGS_CHECK = d('''
    import warnings

    # no warning may come out of my functions: turn warnings into errors while checking
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        conv2d(torch.rand(6, 6), torch.rand(3, 3), stride=2, padding=1)
        max_pool2d(torch.rand(6, 6))

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        CNN()(torch.rand(1, 1, 100, 100))
    print(f"{len(caught)} warning(s) from the CNN")
    ''')
CASES["r33_nb_warnings_catch_warnings_simplefilter_error"] = [
    md("# Lab 6\nSelf-checks under `warnings.catch_warnings()` (`simplefilter(\"error\")`, `record=True`)."),
    IMPORTS,
    *answers(q6=("cat_pad", "torch_max", "tensor")),
    WARNINGS_CHECK,
    SHAPES,
]

# ===============================================================================================================
# typing.Literal in q6's signatures; gradients, tracebacks, versions and classes in self-checks
# ===============================================================================================================
CONV_LITERAL = d('''
    from typing import Literal


    def conv2d(image, kernel, stride=1, padding=0, padding_mode: Literal["zeros", "circular"] = "zeros"):
        """Like nn.Conv2d: `padding_mode` is "zeros" (the default) or "circular"."""
        p = padding
        if p and padding_mode == "zeros":
            x = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
            x[p:-p, p:-p] = image
        elif p and padding_mode == "circular":
            x = torch.cat([image[-p:], image, image[:p]], dim=0)
            x = torch.cat([x[:, -p:], x, x[:, :p]], dim=1)
        elif p:
            raise ValueError(f"unknown padding_mode {padding_mode!r}")
        else:
            x = image
        kh, kw = kernel.shape
        oh, ow = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (x[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    def _pool(image, kernel_size, how: Literal["max", "mean"]):
        k = kernel_size
        h, w = image.shape[0] // k, image.shape[1] // k
        blocks = image[:h * k, :w * k].reshape(h, k, w, k)
        return blocks.amax(dim=(1, 3)) if how == "max" else blocks.mean(dim=(1, 3))


    def max_pool2d(image, kernel_size=2):
        return _pool(image, kernel_size, "max")
    ''')
CIRCULAR_CHECK = d('''
    x, w = torch.randn(6, 7), torch.randn(3, 3)
    ref = F.conv2d(F.pad(x[None, None], (1, 1, 1, 1), mode="circular"), w[None, None])[0, 0]
    print(torch.allclose(conv2d(x, w, padding=1, padding_mode="circular"), ref, atol=1e-5))
    ''')
CASES["r33_nb_q6_literal_padding_mode_like_nn_conv2d"] = [
    md("# Lab 6\nq6's `conv2d` takes a `padding_mode` typed `Literal[\"zeros\", \"circular\"]`, as `nn.Conv2d` does."),
    IMPORTS,
    *answers(q6=(CONV_LITERAL, "", "computed"), extra6=(CIRCULAR_CHECK,)),
    SHAPES,
]

GRAD_CHECK = d('''
    # the gradients of my conv2d agree with torch's too (autograd goes through slicing and sums)
    from torch.autograd import grad

    x = torch.randn(6, 6, requires_grad=True)
    w = torch.randn(3, 3, requires_grad=True)
    mine = grad(conv2d(x, w, stride=1, padding=1).sum(), (x, w))
    ref = grad(F.conv2d(x[None, None], w[None, None], padding=1).sum(), (x, w))
    print([torch.allclose(a, b, atol=1e-5) for a, b in zip(mine, ref)])
    ''')
CASES["r33_nb_autograd_grad_from_import_checks_conv2d"] = [
    md("# Lab 6\nA self-check of `conv2d`'s gradients with `from torch.autograd import grad`."),
    IMPORTS,
    *answers(q6=("loops_zeros", "reshape", "tensor"), extra6=(GRAD_CHECK,)),
    SHAPES,
]

FUNC_GRAD_CHECK = d('''
    # gradients and batches with torch.func (functorch)
    from torch.func import grad, vmap

    x = torch.randn(6, 6)
    dk = grad(lambda k: conv2d(x, k, padding=1).sum())(torch.randn(3, 3))
    dk_ref = grad(lambda k: F.conv2d(x[None, None], k[None, None], padding=1).sum())(torch.randn(3, 3))
    print(torch.allclose(dk, dk_ref, atol=1e-5))
    print(vmap(max_pool2d)(torch.rand(5, 4, 4)).shape)
    ''')
CASES["r33_nb_torch_func_grad_vmap_of_q6"] = [
    md("# Lab 6\n`torch.func.grad` and `vmap` on the q6 functions."),
    IMPORTS,
    *answers(q6=("cat_pad", "reshape", "tensor"), extra6=(FUNC_GRAD_CHECK,)),
    SHAPES,
]

TRACEBACK_CHECKS = d('''
    import traceback

    # run every check; print the full traceback of a failure but keep going
    checks = {
        "q6 conv": lambda: torch.allclose(conv2d(x6, k6, 2, 1), F.conv2d(x6[None, None], k6[None, None], stride=2, padding=1)[0, 0], atol=1e-5),
        "q6 pool": lambda: torch.equal(max_pool2d(x6), F.max_pool2d(x6[None, None], 2)[0, 0]),
        "q7 shape": lambda: CNN()(torch.rand(2, 1, 100, 100)).shape == (2, 1),
        "bad input": lambda: conv2d(torch.rand(2, 5, 5), k6),
    }
    x6, k6 = torch.randn(7, 7), torch.randn(3, 3)
    for name, check in checks.items():
        try:
            print(name, check())
        except Exception as e:
            print(f"{name}: raised")
            traceback.print_exception(type(e), e, e.__traceback__)
    ''')
CASES["r33_nb_traceback_print_exception_three_args"] = [
    md("# Lab 6\nSelf-checks that print a failure's traceback (`traceback.print_exception(type(e), e, e.__traceback__)`)."),
    IMPORTS,
    *answers(q6=("loops_zeros", "loops", "list")),
    TRACEBACK_CHECKS,
    SHAPES,
]

VERSIONS = d('''
    import platform
    import sys
    from importlib.metadata import PackageNotFoundError, version

    print("Python", sys.version.split()[0], platform.system())
    for package in ("torch", "numpy", "matplotlib", "torchsummary"):
        try:
            print(f"{package:<14}{version(package)}")
        except PackageNotFoundError:
            print(f"{package:<14}not installed")
    ''')
CASES["r33_nb_environment_versions_importlib_metadata"] = [
    md("# Lab 6\nAn environment report: package versions from `importlib.metadata`."),
    IMPORTS, VERSIONS,
    *answers(),
    SHAPES,
]

ANNOTATED_CFG = d('''
    from dataclasses import dataclass
    from typing import Annotated


    @dataclass(frozen=True)
    class NetConfig:
        width: Annotated[int, "kernels per conv block"] = 3
        n_blocks: Annotated[int, "conv blocks, each 3x3 with padding 1"] = 5
        side: Annotated[int, "image height and width in pixels"] = 128


    NET = NetConfig()
    ''')
Q8_ANNOTATED = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels, config: NetConfig = NET):
            super().__init__()
            widths = [input_channels] + [config.width] * config.n_blocks
            self.blocks = nn.Sequential(*[conv_block(a, b) for a, b in zip(widths, widths[1:])])
            self.fc = nn.Linear(config.width * config.side ** 2, 1)

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))
    ''')
CASES["r33_nb_config_fields_documented_with_annotated"] = [
    md("# Lab 6\nThe ConvNet's configuration, each field documented with `Annotated[int, \"...\"]`."),
    IMPORTS, ANNOTATED_CFG,
    *answers(q8=Q8_ANNOTATED),
    SHAPES,
]

INHERITANCE_DEMO = d('''
    # CNN is an nn.Module: it inherits __call__, parameters(), to(), ... from it
    print(CNN.__bases__)
    print(issubclass(CNN, nn.Module), callable(CNN()))
    ''')
CASES["r33_nb_lecture_inheritance_bases"] = [
    md("# Lab 6\nThe lecture's aside on inheritance: `CNN.__bases__`."),
    IMPORTS,
    *answers(extra7=(INHERITANCE_DEMO,)),
    SHAPES,
]

CHAINED_CHECK = d('''
    def checked_conv(image, kernel, **kwargs):
        """conv2d, with a clearer error message for the inputs it does not take."""
        try:
            return conv2d(image, kernel, **kwargs)
        except (ValueError, RuntimeError) as err:
            raise TypeError(f"conv2d needs 2-D tensors, got {tuple(image.shape)}") from err


    try:
        checked_conv(torch.rand(1, 5, 5), torch.rand(3, 3))
    except TypeError as err:
        print(err, "| caused by:", repr(err.__cause__))
    ''')
CASES["r33_nb_exception_chaining_cause_printed"] = [
    md("# Lab 6\nA wrapper that re-raises with `raise ... from err`; the check prints `err.__cause__`."),
    IMPORTS,
    *answers(q6=("loops_zeros", "torch_max", "tensor"), extra6=(CHAINED_CHECK,)),
    SHAPES,
]

VERSIONS_LOOP = d('''
    import sys

    import matplotlib
    import pandas as pd

    print("Python", sys.version.split()[0])
    for module in (torch, np, matplotlib, pd):
        print(f"{module.__name__:<12}{module.__version__}")
    ''')
CASES["r33_nb_environment_versions_loop_over_modules"] = [
    md("# Lab 6\nThe usual versions cell: a loop over the imported modules printing `__version__`."),
    IMPORTS, VERSIONS_LOOP,
    *answers(),
    SHAPES,
]


# ---------------------------------------------------------------------------------------------------------------
# isolation copies (not corpus files): each changes one construct of a corpus file
# ---------------------------------------------------------------------------------------------------------------
ISO: dict[str, list] = {}


def iso(name: str, base: str, *edits: tuple[str, str]) -> None:
    found = {old: 0 for old, _ in edits}

    def edit(text: str) -> str:
        for old, new in edits:
            if old in text:
                found[old] += 1
                text = text.replace(old, new)
        return text

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
# 1. match capture patterns read as the global of the same name
iso(f"iso{_NB}match_global_k_renamed_in_self_check", "r33_nb_q6_match_walrus_assert_never",
    ("x, k = torch.randn(7, 6), torch.randn(3, 2)", "x, kern = torch.randn(7, 6), torch.randn(3, 2)"),
    ("conv2d(x, k, stride=2, padding=1), F.conv2d(x[None, None], k[None, None]",
     "conv2d(x, kern, stride=2, padding=1), F.conv2d(x[None, None], kern[None, None]"))
iso(f"iso{_NB}match_pool_capture_replaced_by_assignment", "r33_nb_q6_match_walrus_assert_never",
    ("        case int(k):\n            pass\n        case (k, k2) if k == k2:\n            pass\n",
     "        case int():\n            k = kernel_size\n        case (k1, k2) if k1 == k2:\n            k = k1\n"))
# 2. Annotated metadata strings with spaces
ANN_WORDS = (('"2-D (H, W)"', '"image"'), ('"2-D (kH, kW)"', '"kernel"'), ('"pixels"', '"pixels"'))
iso(f"iso{_NB}annotated_one_word_metadata", "r33_nb_q6_annotated_paramspec_timed_decorator", *ANN_WORDS[:2])
iso(f"iso{_NB}annotated_aliases_plain_types", "r33_nb_q6_annotated_paramspec_timed_decorator",
    ('Image = Annotated[torch.Tensor, "2-D (H, W)"]\nKernel = Annotated[torch.Tensor, "2-D (kH, kW)"]\n'
     'Pixels = Annotated[int, "pixels"]', "Image = Kernel = torch.Tensor  # 2-D\nPixels = int"))
iso("iso_py_annotated_one_word_metadata", "r33_py_q6_add_note_paramspec_typed", *ANN_WORDS[:2])
iso(f"iso{_NB}config_annotated_one_word_metadata", "r33_nb_config_fields_documented_with_annotated",
    ('"kernels per conv block"', '"kernels"'), ('"conv blocks, each 3x3 with padding 1"', '"blocks"'),
    ('"image height and width in pixels"', '"pixels"'))
iso(f"iso{_NB}config_plain_int_fields", "r33_nb_config_fields_documented_with_annotated",
    ('Annotated[int, "kernels per conv block"]', "int"), ('Annotated[int, "conv blocks, each 3x3 with padding 1"]', "int"),
    ('Annotated[int, "image height and width in pixels"]', "int"))
# 3. __notes__
iso(f"iso{_NB}notes_not_read", "r33_nb_q6_add_note_except_star_self_checks",
    (', getattr(err, "__notes__", [])', ""))
iso(f"iso{_NB}notes_read_as_attribute", "r33_nb_q6_add_note_except_star_self_checks",
    ('getattr(err, "__notes__", [])', "err.__notes__"))
# 4. typing.Literal in the signatures
iso(f"iso{_NB}literal_replaced_by_str", "r33_nb_q6_literal_padding_mode_like_nn_conv2d",
    ('padding_mode: Literal["zeros", "circular"] = "zeros"', 'padding_mode: str = "zeros"'),
    ('how: Literal["max", "mean"]', "how: str"))
iso(f"iso{_NB}literal_as_module_level_alias", "r33_nb_q6_literal_padding_mode_like_nn_conv2d",
    ("from typing import Literal\n", 'from typing import Literal\n\nPaddingMode = Literal["zeros", "circular"]\n'
                                    'Reduction = Literal["max", "mean"]\n'),
    ('padding_mode: Literal["zeros", "circular"] = "zeros"', 'padding_mode: PaddingMode = "zeros"'),
    ('how: Literal["max", "mean"]', "how: Reduction"))
iso(f"iso{_NB}literal_pool_only", "r33_nb_q6_literal_padding_mode_like_nn_conv2d",
    ('padding_mode: Literal["zeros", "circular"] = "zeros"', 'padding_mode: str = "zeros"'))
# 5. grad imported by name
iso(f"iso{_NB}autograd_grad_as_attribute", "r33_nb_autograd_grad_from_import_checks_conv2d",
    ("from torch.autograd import grad\n", ""), ("mine = grad(", "mine = torch.autograd.grad("),
    ("ref = grad(", "ref = torch.autograd.grad("))
iso(f"iso{_NB}autograd_module_imported", "r33_nb_autograd_grad_from_import_checks_conv2d",
    ("from torch.autograd import grad\n", "from torch import autograd\n"), ("mine = grad(", "mine = autograd.grad("),
    ("ref = grad(", "ref = autograd.grad("))
iso(f"iso{_NB}func_grad_as_attribute", "r33_nb_torch_func_grad_vmap_of_q6",
    ("from torch.func import grad, vmap\n", "import torch.func\nfrom torch.func import vmap\n"),
    ("dk = grad(", "dk = torch.func.grad("), ("dk_ref = grad(", "dk_ref = torch.func.grad("))
# 6. e.__traceback__
iso(f"iso{_NB}print_exception_one_argument", "r33_nb_traceback_print_exception_three_args",
    ("traceback.print_exception(type(e), e, e.__traceback__)", "traceback.print_exception(e)"))
# 7. importlib.metadata
iso(f"iso{_NB}versions_from_dunder_version", "r33_nb_environment_versions_importlib_metadata",
    ("from importlib.metadata import PackageNotFoundError, version\n", "import matplotlib\nimport torchsummary\n"),
    ('for package in ("torch", "numpy", "matplotlib", "torchsummary"):\n    try:\n        print(f"{package:<14}{version(package)}")\n    except PackageNotFoundError:\n        print(f"{package:<14}not installed")\n',
     'print(f"{\'torch\':<14}{torch.__version__}")\nprint(f"{\'numpy\':<14}{np.__version__}")\n'
     'print(f"{\'matplotlib\':<14}{matplotlib.__version__}")\nprint(f"{\'torchsummary\':<14}installed")\n'))
iso(f"iso{_NB}versions_printed_one_by_one", "r33_nb_environment_versions_loop_over_modules",
    ('for module in (torch, np, matplotlib, pd):\n    print(f"{module.__name__:<12}{module.__version__}")\n',
     'print(f"{\'torch\':<12}{torch.__version__}")\nprint(f"{\'numpy\':<12}{np.__version__}")\n'
     'print(f"{\'matplotlib\':<12}{matplotlib.__version__}")\nprint(f"{\'pandas\':<12}{pd.__version__}")\n'))
# 8. __bases__ / __mro__
iso(f"iso{_NB}inheritance_issubclass_only", "r33_nb_lecture_inheritance_bases", ("print(CNN.__bases__)\n", ""))
iso(f"iso{_NB}inheritance_mro", "r33_nb_lecture_inheritance_bases", ("print(CNN.__bases__)", "print(CNN.__mro__)"))
# 9. __cause__
iso(f"iso{_NB}chained_error_printed_without_cause", "r33_nb_exception_chaining_cause_printed",
    ('print(err, "| caused by:", repr(err.__cause__))', "print(err)"))


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
    only = [a for a in argv if not a.startswith("--") and a in CASES]
    for name, cells in CASES.items():
        if not only or name in only:
            write(out_dir, name, cells)
    print(len(CASES), "files written to", out_dir)


if __name__ == "__main__":
    main(sys.argv[1:])

"""Round 37 of the fairness corpus: the worker's new refusal of library code that compiles a text at run time,
models probed on drawn photographs, and spellings next to the reader rules relaxed in round 36's fixes.

Correct submissions with: library features that compile text while they run (``pytest.main`` on a test file written
with ``%%writefile``, ``torch.compile`` with its default and ``aot_eager`` backends, ``functorch.einops.rearrange``,
SymPy's ``lambdify`` of ``Max`` and of tuple arguments, pydantic's ``use_attribute_docstrings`` and its ``pydantic.v1``
namespace, ``cProfile.run`` of a text) next to ones that should pass (matplotlib's mathtext, style sheets, text
cyclers, tick formatters, ``PdfPages``; pandas' Styler, ``pivot_table``, ``read_csv``, multi-line ``eval``; SymPy's
``lambdify`` / ``plot`` / ``latex``; ``timeit.repeat``, ``cProfile.Profile``, ``logging`` with ``{}`` formats,
``string.Template``, ``warnings`` filters; JSON / YAML; ``unittest.main(argv=[''], exit=False)``,
``doctest.testmod()``; ``IPython.display``; ``torch.jit``, ``torch.fx``, ``torch.export``, ``checkpoint``,
``FlopCounterMode``; ``inspect``, ``singledispatch``, ``make_dataclass``; NumPy's ``vectorize``, ``fromfunction``,
record arrays, ``printoptions``); models written in honest styles that should behave alike on drawn images
(channels-last memory, ``F.pad``, ``nn.ZeroPad2d``, ``padding='same'``, an ``unfold`` convolution of its own,
float64 by default or inside ``forward``, 3-D inputs unsqueezed, ``assert x.dim() == 4``, ``clamp(min=0)`` as
ReLU, uint8 images accepted, gradient checkpointing); and the reader's relaxed names reached another way
(instances made by a factory or a classmethod, flags read inside functions or on ``self``, ``SimpleNamespace``,
``%time`` inside ``with`` / ``try`` / ``def``, ``conint`` annotations, quoted unions with subscripts anywhere,
``namedtuple`` fields with commas, ``Enum``'s string and dict forms, ``typing.NamedTuple``'s functional form).

    python tests/corpus/fair/_make_r37.py            # rewrites tests/corpus/fair/r37_*
    python tests/corpus/fair/_make_r37.py --out DIR  # writes them to DIR instead
    python tests/corpus/fair/_make_r37.py --iso DIR  # isolation copies for _r37_findings.md (not corpus files)
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
Q3_FORMULA = r30.r26.Q3["formula"]


def write_notebook(path: Path, cells: list) -> None:
    nb = v4.new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
                   "language_info": {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                                     "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                                     "pygments_lexer": "ipython3", "version": "3.11.9"}}
    out_cells = []
    for n, c in enumerate(cells, 1):
        if isinstance(c, tuple) and c[0] == "md":
            out_cells.append(v4.new_markdown_cell(c[1].rstrip("\n")))
            continue
        cell = v4.new_code_cell(c.rstrip("\n"))
        cell.execution_count = n
        out_cells.append(cell)
    for k, cell in enumerate(out_cells):
        cell.id = f"r37-{k:03d}"
    nb.cells = out_cells
    nbformat.validate(nb)
    path.write_text(nbformat.writes(nb), encoding="utf-8")


def write(out_dir: Path, name: str, cells: list) -> None:
    if "_nb_" in name:
        write_notebook(out_dir / f"{name}.ipynb", cells)
    else:
        r30.write_script(out_dir / f"{name}.py", cells)


CASES: dict[str, list] = {}


def case(name: str, title: str, before: list = (), after: list = (), imports: str = IMPORTS, **kw) -> None:
    """A notebook: a title, the imports, ``before`` cells, the ten answers (``kw`` as for answers()), ``after``."""
    CASES[name] = [md(f"# Lab 6 - CNNs\n{title}"), imports, *before, *answers(**kw), SHAPES, *after]


def script(name: str, before: list = (), after: list = (), imports: str = IMPORTS, **kw) -> None:
    CASES[name] = [imports, *before, *answers(headers=False, **kw), SHAPES, *after]


# ===============================================================================================================
# 1. Library code that compiles a text while it runs (the worker's new rule)
# ===============================================================================================================
PYTEST_FILE = d('''
    %%writefile test_sizes.py
    import pytest
    import torch
    import torch.nn as nn


    def conv_output_size(size, kernel_size, stride=1, padding=0):
        return (size + 2 * padding - kernel_size) // stride + 1


    @pytest.mark.parametrize("n, k, s, p", [(100, 3, 1, 1), (50, 3, 1, 1), (28, 5, 1, 0), (32, 3, 2, 1)])
    def test_matches_torch(n, k, s, p):
        out = nn.Conv2d(1, 1, k, stride=s, padding=p)(torch.zeros(1, 1, n, n))
        assert out.shape[-1] == conv_output_size(n, k, s, p)
    ''')
PYTEST_RUN = d('''
    import pytest

    exit_code = pytest.main(["-q", "test_sizes.py"])
    print("pytest exit code:", exit_code)
    ''')
case("r37_nb_pytest_main_writefile_tests", "Checking my size formula against torch with pytest.",
     extra6=(PYTEST_FILE, PYTEST_RUN))

COMPILE_AOT = d('''
    # torch 2.x: does compiling the network change what it computes?
    model = CNN().eval()
    compiled = torch.compile(model, backend="aot_eager")
    x = torch.rand(4, 1, 100, 100)
    with torch.no_grad():
        print("same outputs:", torch.allclose(model(x), compiled(x), atol=1e-6))
    ''')
case("r37_nb_torch_compile_aot_eager_check", "The CNN, compiled with torch.compile (aot_eager backend).",
     extra7=(COMPILE_AOT,))

COMPILE_DEFAULT = d('''
    net = ConvNet(3)
    fast_net = torch.compile(net)
    x = torch.rand(2, 3, 128, 128)
    print(torch.allclose(net(x), fast_net(x), atol=1e-5))
    ''')
case("r37_nb_torch_compile_default_backend", "ConvNet through torch.compile (the default backend).",
     extra8=(COMPILE_DEFAULT,))

COMPILE_EAGER = d('''
    @torch.compile(backend="eager")
    def pooled_relu(x):
        return F.max_pool2d(F.relu(x), 2)


    x = torch.randn(2, 3, 8, 8)
    print(torch.equal(pooled_relu(x), F.max_pool2d(F.relu(x), 2)))
    eager_net = torch.compile(CNN(), backend="eager")
    print(eager_net(torch.rand(2, 1, 100, 100)).shape)
    ''')
case("r37_nb_torch_compile_eager_backend", "torch.compile with the eager backend (a debugging backend).",
     extra7=(COMPILE_EAGER,))

Q7_EINOPS = d('''
    from functorch.einops import rearrange


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(2 * 25 * 25, 1)

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            x = rearrange(x, "b c h w -> b (c h w)")   # same as torch.flatten(x, 1)
            return self.fc(x)
    ''')
case("r37_nb_functorch_einops_rearrange_flatten", "The CNN, flattening with einops-style rearrange (torch's own).",
     q7=Q7_EINOPS)

SYMPY_MAX = d('''
    import sympy as sp

    n, k, p, s = sp.symbols("n k p s", integer=True, nonnegative=True)
    out_expr = sp.Max(sp.floor((n + 2 * p - k) / s) + 1, 0)   # never negative
    display_formula = sp.latex(out_expr)
    out_size = sp.lambdify((n, k, p, s), out_expr)


    def conv_output_size(size, kernel_size, stride=1, padding=0):
        if kernel_size > size + 2 * padding:
            raise ValueError("kernel is bigger than the padded input")
        return int(out_size(size, kernel_size, padding, stride))


    print(display_formula, conv_output_size(100, 3, padding=1))
    ''')
case("r37_nb_sympy_lambdify_max_formula", "Q2's formula in SymPy, turned into a function with lambdify.",
     q2=SYMPY_MAX)

SYMPY_TUPLE = d('''
    import sympy as sp

    h, w, k, p = sp.symbols("h w k p", integer=True, positive=True)
    # one function for both sides of the image: (h, w) in, (h_out, w_out) out
    conv_hw = sp.lambdify([(h, w), k, p], (h + 2 * p - k + 1, w + 2 * p - k + 1))
    pool_hw = sp.lambdify([(h, w)], (sp.floor(h / 2), sp.floor(w / 2)))

    hw1 = tuple(int(v) for v in conv_hw((100, 100), 3, 1))
    hw1p = tuple(int(v) for v in pool_hw(hw1))
    hw2 = tuple(int(v) for v in conv_hw(hw1p, 3, 1))
    hw2p = tuple(int(v) for v in pool_hw(hw2))
    q3_shapes = [(3, *hw1), (3, *hw1p), (2, *hw2), (2, *hw2p)]
    q3_flatten_features = 2 * hw2p[0] * hw2p[1]
    print(q3_shapes, q3_flatten_features)
    ''')
case("r37_nb_sympy_lambdify_tuple_args_q3", "Q3's sizes from SymPy expressions of (h, w).", q3=SYMPY_TUPLE)

PYD_DOCS = d('''
    from pydantic import BaseModel, ConfigDict, Field


    class ConvNetConfig(BaseModel):
        model_config = ConfigDict(use_attribute_docstrings=True, frozen=True)

        channels: int = Field(3, ge=1)
        """Channels of every conv block."""
        n_blocks: int = 5
        """How many conv blocks."""
        kernel_size: int = 3
        """Side of the square kernels."""
        image_size: int = 128
        """Height and width of the input images."""


    cfg = ConvNetConfig()
    for name, info in ConvNetConfig.model_fields.items():
        print(f"{name:>12} = {getattr(cfg, name):<4} {info.description}")
    ''')
Q8_CFG = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(
            nn.Conv2d(input_channels, output_channels, kernel_size=cfg.kernel_size, padding=cfg.kernel_size // 2),
            nn.ReLU(),
        )


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            blocks = [conv_block(input_channels, cfg.channels)]
            blocks += [conv_block(cfg.channels, cfg.channels) for _ in range(cfg.n_blocks - 1)]
            self.main = nn.Sequential(*blocks, nn.Flatten(),
                                      nn.Linear(cfg.channels * cfg.image_size * cfg.image_size, 1))

        def forward(self, x):
            return self.main(x)
    ''')
case("r37_nb_pydantic_attribute_docstrings_config", "ConvNet's settings documented in a pydantic model.",
     before=[PYD_DOCS], q8=Q8_CFG)

PYD_V1 = d('''
    from pydantic.v1 import BaseModel, validator   # the course notes were written for pydantic 1


    class ConvNetConfig(BaseModel):
        channels: int = 3
        n_blocks: int = 5
        kernel_size: int = 3
        image_size: int = 128

        @validator("kernel_size")
        def odd_kernel(cls, v):
            if v % 2 == 0:
                raise ValueError("use an odd kernel so that padding keeps the size")
            return v


    cfg = ConvNetConfig()
    print(cfg.json())
    ''')
case("r37_nb_pydantic_v1_namespace_validator", "ConvNet's settings with pydantic.v1 (course notes' version).",
     before=[PYD_V1], q8=Q8_CFG)

CPROFILE_RUN = d('''
    import cProfile

    x_big, k_big = torch.rand(40, 40), torch.rand(3, 3)
    cProfile.run("conv2d(x_big, k_big, padding=1)", sort="cumtime")
    ''')
case("r37_nb_cprofile_run_text", "Where does conv2d spend its time? (cProfile.run)", extra6=(CPROFILE_RUN,))

CPROFILE_OBJ = d('''
    import cProfile
    import io
    import pstats
    import timeit

    x_big, k_big = torch.rand(40, 40), torch.rand(3, 3)
    with cProfile.Profile() as profiler:
        conv2d(x_big, k_big, padding=1)
    report = io.StringIO()
    pstats.Stats(profiler, stream=report).sort_stats("cumulative").print_stats(5)
    print(report.getvalue()[:800])

    times = timeit.repeat(lambda: max_pool2d(x_big, 2), repeat=3, number=2)
    print(f"max_pool2d 40x40: best {min(times) / 2 * 1000:.1f} ms")
    t = timeit.Timer("conv2d(x_big, k_big)", globals=globals()).timeit(number=1)
    print(f"conv2d 40x40: {t:.3f} s")
    ''')
case("r37_nb_cprofile_object_pstats_timeit_repeat", "Profiling conv2d with a cProfile.Profile and timeit.repeat.",
     extra6=(CPROFILE_OBJ,))

IMAGEMATH = d('''
    from PIL import Image, ImageMath

    x_img = torch.randint(0, 200, (20, 20)).float()
    edge = torch.tensor([[0., 1., 0.], [1., -4., 1.], [0., 1., 0.]])
    mine = conv2d(x_img, edge, padding=1).clamp(0, 255).numpy().astype("uint8")
    ref = F.conv2d(x_img[None, None], edge[None, None], padding=1)[0, 0].clamp(0, 255).numpy().astype("uint8")
    diff = ImageMath.unsafe_eval("abs(a - b)", a=Image.fromarray(mine), b=Image.fromarray(ref))
    print("largest difference:", diff.getextrema())
    ''')
case("r37_nb_pil_imagemath_difference", "conv2d's edges against torch's, as a PIL difference image.",
     extra6=(IMAGEMATH,))


# ===============================================================================================================
# 2. Models in honest styles, probed on drawn images too
# ===============================================================================================================
Q7_CL = d('''
    class CNN(nn.Module):
        """The lecture's CNN, kept in channels-last memory (faster convolutions on some CPUs)."""

        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)
            self.to(memory_format=torch.channels_last)

        def forward(self, x):
            x = x.contiguous(memory_format=torch.channels_last)
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(x.reshape(x.shape[0], -1))   # (view would fail on channels-last)
    ''')
Q8_CL = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.head = nn.Linear(3 * 128 * 128, 1)
            self.blocks.to(memory_format=torch.channels_last)

        def forward(self, x):
            x = self.blocks(x.to(memory_format=torch.channels_last))
            return self.head(torch.flatten(x, 1))
    ''')
case("r37_nb_channels_last_models", "Both networks in channels-last memory format.", q7=Q7_CL, q8=Q8_CL)

Q7_FPAD = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3)        # padding done by hand in forward
            self.conv2 = nn.Conv2d(3, 2, 3)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(F.pad(x, (1, 1, 1, 1)))), 2)
            x = F.max_pool2d(F.relu(self.conv2(F.pad(x, (1, 1, 1, 1), mode="constant", value=0.0))), 2)
            return self.fc(x.flatten(1))
    ''')
Q8_ZEROPAD = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.ZeroPad2d(1), nn.Conv2d(input_channels, output_channels, 3), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.main = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                      conv_block(3, 3), conv_block(3, 3), nn.Flatten(), nn.Linear(49152, 1))

        def forward(self, x):
            return self.main(x)
    ''')
case("r37_nb_explicit_padding_fpad_zeropad", "Padding written out: F.pad in the CNN, nn.ZeroPad2d in ConvNet.",
     q7=Q7_FPAD, q8=Q8_ZEROPAD)

Q7_SAME = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1))

        def forward(self, x):
            assert x.dim() == 4, f"expected a batch (N, C, H, W), got {tuple(x.shape)}"
            return self.main(x)
    ''')
Q8_SAME = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding="same"), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.main = nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)),
                                      nn.Flatten(), nn.Linear(3 * 128 * 128, 1))

        def forward(self, x):
            if x.dim() == 3:            # a single image: add the batch dimension
                x = x.unsqueeze(0)
            return self.main(x)
    ''')
case("r37_nb_padding_same_asserts_unsqueeze", "padding='same', a shape assert, single images unsqueezed.",
     q7=Q7_SAME, q8=Q8_SAME)

Q7_UNFOLD = d('''
    class MyConv2d(nn.Module):
        """A convolution written with unfold: every 3x3 patch becomes a column, then one matrix product."""

        def __init__(self, in_channels, out_channels, kernel_size, padding=0):
            super().__init__()
            self.in_channels, self.out_channels = in_channels, out_channels
            self.kernel_size, self.padding = kernel_size, padding
            self.weight = nn.Parameter(torch.empty(out_channels, in_channels, kernel_size, kernel_size))
            self.bias = nn.Parameter(torch.empty(out_channels))
            bound = 1 / (in_channels * kernel_size * kernel_size) ** 0.5
            nn.init.uniform_(self.weight, -bound, bound)
            nn.init.uniform_(self.bias, -bound, bound)

        def forward(self, x):
            n, _, h, w = x.shape
            cols = F.unfold(x, self.kernel_size, padding=self.padding)          # (N, C*k*k, L)
            out = self.weight.view(self.out_channels, -1) @ cols + self.bias.view(1, -1, 1)
            out_h = h + 2 * self.padding - self.kernel_size + 1
            out_w = w + 2 * self.padding - self.kernel_size + 1
            return out.view(n, self.out_channels, out_h, out_w)


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(
                MyConv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                MyConv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1))

        def forward(self, x):
            return self.main(x)
    ''')
case("r37_nb_unfold_conv_layer_of_my_own", "The CNN with a convolution layer I wrote with unfold.", q7=Q7_UNFOLD)

F64_IMPORTS = IMPORTS + "\ntorch.set_default_dtype(torch.float64)   # exact comparisons for the by-hand functions\n"
case("r37_nb_default_dtype_float64", "Everything in float64 (set once at the top).", imports=F64_IMPORTS)

Q7_F64 = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1))
            self.double()

        def forward(self, x):
            return self.main(x.double()).float()   # compute in float64, hand back float32
    ''')
case("r37_nb_model_computes_in_float64", "The CNN computing in double precision.", q7=Q7_F64)

Q7_CLAMP = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = x.float().contiguous()
            x = F.max_pool2d(torch.clamp(self.conv1(x), min=0), 2)    # clamp(min=0) is ReLU
            x = F.max_pool2d(self.conv2(x).clamp(min=0.0), 2)
            return self.fc(x.view(x.size(0), -1))
    ''')
Q8_UINT8 = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.main = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                      conv_block(3, 3), conv_block(3, 3), nn.Flatten(), nn.Linear(49152, 1))

        def forward(self, x):
            if x.dtype == torch.uint8:          # raw 8-bit images straight from PIL / numpy
                x = x.float() / 255
            return self.main(x)
    ''')
case("r37_nb_clamp_relu_float_contiguous_uint8", "clamp(min=0) for ReLU; ConvNet accepts uint8 images too.",
     q7=Q7_CLAMP, q8=Q8_UINT8)

Q8_CKPT = d('''
    from torch.utils.checkpoint import checkpoint_sequential


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        """Gradient checkpointing: the blocks' activations are recomputed in backward to save memory."""

        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x):
            if self.training and torch.is_grad_enabled():
                x = checkpoint_sequential(self.blocks, 2, x, use_reentrant=False)
            else:
                x = self.blocks(x)
            return self.fc(torch.flatten(x, 1))
    ''')
case("r37_nb_gradient_checkpointing_convnet", "ConvNet with gradient checkpointing while training.", q8=Q8_CKPT)

Q7_NUMPY_IN = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                          nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.classifier = nn.Linear(1250, 1)

        def forward(self, x):
            if isinstance(x, np.ndarray):       # lets me pass images straight from numpy
                x = torch.from_numpy(x)
            x = torch.as_tensor(x, dtype=self.classifier.weight.dtype)
            if x.ndim == 2:
                x = x[None, None]
            elif x.ndim == 3:
                x = x[:, None] if x.shape[0] != 1 else x[None]
            return self.classifier(self.features(x).flatten(1))
    ''')
case("r37_nb_forward_accepts_numpy_and_2d", "The CNN accepts numpy arrays and single images.", q7=Q7_NUMPY_IN)


# ===============================================================================================================
# 3. Round 36's relaxed reader rules, reached by other spellings
# ===============================================================================================================
STOPWATCH_FACTORY = d('''
    import time


    class Stopwatch:
        def __init__(self):
            self.times = {}

        def measure(self, label, fn, *args, **kwargs):
            start = time.perf_counter()
            result = fn(*args, **kwargs)
            self.times[label] = time.perf_counter() - start
            return result


    def make_stopwatch():
        return Stopwatch()


    watch = make_stopwatch()
    x_big = torch.rand(40, 40)
    watch.measure("conv2d", conv2d, x_big, torch.rand(3, 3), padding=1)
    watch.measure("max_pool2d", max_pool2d, x_big, 2)
    print(watch.times)
    ''')
case("r37_nb_stopwatch_from_factory_function", "A stopwatch made by a small factory function.",
     extra6=(STOPWATCH_FACTORY,))

STOPWATCH_CLASSMETHOD = d('''
    import time
    from dataclasses import dataclass, field


    @dataclass
    class Stopwatch:
        name: str
        times: list = field(default_factory=list)

        @classmethod
        def named(cls, name):
            return cls(name)

        def measure(self, fn, *args, repeat=2, **kwargs):
            for _ in range(repeat):
                start = time.perf_counter()
                fn(*args, **kwargs)
                self.times.append(time.perf_counter() - start)
            return min(self.times)


    best = Stopwatch.named("conv2d").measure(conv2d, torch.rand(30, 30), torch.rand(3, 3), padding=1)
    print(f"best of 2: {best * 1000:.1f} ms")
    ''')
case("r37_nb_stopwatch_classmethod_chained", "A stopwatch made by a classmethod, used in one line.",
     extra6=(STOPWATCH_CLASSMETHOD,))

PROFILE_IN_FUNC = d('''
    from dataclasses import dataclass
    import time


    @dataclass
    class RunConfig:
        seed: int = 0
        profile: bool = True


    def timed_conv(cfg, image, kernel):
        if cfg.profile:
            start = time.perf_counter()
            result = conv2d(image, kernel, padding=1)
            print(f"conv2d took {time.perf_counter() - start:.3f} s")
            return result
        return conv2d(image, kernel, padding=1)


    run_cfg = RunConfig()
    torch.manual_seed(run_cfg.seed)
    _ = timed_conv(run_cfg, torch.rand(40, 40), torch.rand(3, 3))
    ''')
case("r37_nb_profile_flag_read_inside_function", "A profiling flag read by a helper function.",
     extra6=(PROFILE_IN_FUNC,))

TRAINER_PROFILE = d('''
    import time


    class Trainer:
        def __init__(self, model, lr=1e-3, profile=False):
            self.model = model
            self.opt = torch.optim.SGD(model.parameters(), lr=lr)
            self.profile = profile

        def step(self, x, y):
            start = time.perf_counter()
            loss = F.mse_loss(self.model(x), y)
            self.opt.zero_grad()
            loss.backward()
            self.opt.step()
            if self.profile:
                print(f"step: {time.perf_counter() - start:.3f} s")
            return loss.item()


    trainer = Trainer(CNN(), profile=True)
    for _ in range(2):
        trainer.step(torch.rand(4, 1, 100, 100), torch.rand(4, 1))
    ''')
case("r37_nb_trainer_self_profile_attribute", "A small Trainer class with a profile switch.", extra7=(TRAINER_PROFILE,))

NS_PROFILE = d('''
    from types import SimpleNamespace

    opts = SimpleNamespace(seed=0, profile=False, inspect=False, channels=3)
    torch.manual_seed(opts.seed)
    if opts.inspect:
        print(ConvNet(1))
    if opts.profile:
        print("profiling is on")
    ''')
script("r37_py_simplenamespace_profile_inspect_flags", after=[NS_PROFILE])

INSPECT_FACTORY = d('''
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
            for name, stage in [("conv1", self.conv1), ("pool", self.pool), ("conv2", self.conv2), ("pool", self.pool)]:
                x = stage(x)
                print(f"{name:>6}: {tuple(x.shape)}")


    def build_model(seed=0):
        torch.manual_seed(seed)
        return CNN()
    ''')
case("r37_nb_inspect_method_on_factory_instance", "A debugging method on a model made by a factory.",
     q7=INSPECT_FACTORY, extra7=("net = build_model()\nnet.inspect(torch.rand(1, 1, 100, 100))\n",))

DF_ATTRS_CONCAT = d('''
    import pandas as pd

    per_model = [pd.DataFrame({"model": [name], "params": [sum(p.numel() for p in m.parameters())]})
                 for name, m in [("CNN", CNN()), ("ConvNet(1)", ConvNet(1)), ("ConvNet(3)", ConvNet(3))]]
    summary = pd.concat(per_model, ignore_index=True).assign(thousands=lambda t: t["params"] / 1000)
    summary.attrs["units"] = "parameters"
    print(summary)
    print("units:", summary.attrs["units"])
    ''')
case("r37_nb_pandas_attrs_on_concat_result", "Parameter counts in a table with a units note.",
     extra8=(DF_ATTRS_CONCAT,))

DF_QUERY_NOTIN = d('''
    import pandas as pd

    grid = pd.DataFrame([{"k": k, "p": p, "out": conv_output_size(28, k, padding=p)}
                         for k in (1, 3, 5, 7) for p in (0, 1, 2, 3)])
    grid.query("k not in [1, 7]", inplace=True)
    grid.eval("same = out == 28", inplace=True)
    print(grid.query("same"))
    ''')
case("r37_nb_pandas_query_not_in_list_inplace", "Which (k, p) keep a 28x28 image 28x28?",
     q2=r30.r26.Q2["floordiv"] + "\n\n" + DF_QUERY_NOTIN)

PYD_ANN = d('''
    from typing import Annotated
    from pydantic import BaseModel, Field, conint

    Channels = Annotated[int, Field(ge=1, le=4 * 16)]
    Kernel = Annotated[int, Field(ge=1, le=2 ** 3 - 1), "odd sizes only"]


    class ConvNetConfig(BaseModel):
        channels: Channels = 3
        kernel_size: Kernel = 3
        n_blocks: conint(ge=1, le=10) = 5
        image_size: int = 128


    cfg = ConvNetConfig()
    print(cfg)
    ''')
case("r37_nb_pydantic_annotated_arith_conint", "ConvNet's settings: Annotated bounds with arithmetic, conint.",
     before=[PYD_ANN], q8=Q8_CFG)

Q2_QUOTED = d('''
    from typing import Optional


    def _pair(v: "int | tuple[int, int]") -> "tuple[int, int]":
        return (v, v) if isinstance(v, int) else tuple(v)


    def conv_output_size(size: "tuple[int, int] | int", kernel_size: "Optional[tuple[int, int]] | int",
                         stride: "int | list[int]" = 1, padding: "dict[str, int] | int | None" = 0) -> "int | tuple[int, int]":
        padding = padding or 0
        (h, w), (kh, kw), (sh, sw), (ph, pw) = _pair(size), _pair(kernel_size), _pair(stride), _pair(padding)
        if kh > h + 2 * ph or kw > w + 2 * pw:
            raise ValueError("kernel is bigger than the padded input")
        out = ((h + 2 * ph - kh) // sh + 1, (w + 2 * pw - kw) // sw + 1)
        return out[0] if isinstance(size, int) else out
    ''')
script("r37_py_quoted_unions_subscripts_everywhere", q2=Q2_QUOTED)

Q3_NAMED = d('''
    from collections import namedtuple
    from enum import Enum, IntEnum
    from typing import NamedTuple

    Shape = namedtuple("Shape", "channels, height, width", defaults=(1,))
    Pair = NamedTuple("Pair", [("h", int), ("w", int)])
    Stage = Enum("Stage", "CONV1 POOL1 CONV2 POOL2")
    Padding = Enum("Padding", {"VALID": 0, "SAME": 1})
    Pool = IntEnum("Pool", {"SIZE": 2})


    def after(stage: Stage, shape: Shape, out_channels: int = 0, padding: Padding = Padding.SAME) -> Shape:
        if stage in (Stage.CONV1, Stage.CONV2):
            size = conv_output_size(shape.height, 3, padding=padding.value)
            return Shape(out_channels, size, size)
        return Shape(shape.channels, shape.height // Pool.SIZE, shape.width // Pool.SIZE)


    s = Shape(1, 100, 100)
    q3_shapes = []
    for stage, c in zip(Stage, (3, 0, 2, 0)):
        s = after(stage, s, c)
        q3_shapes.append(tuple(s))
    last: Pair = Pair(s.height, s.width)
    q3_flatten_features = s.channels * last.h * last.w
    print(q3_shapes, q3_flatten_features)
    ''')
case("r37_nb_namedtuple_commas_enum_string_dict_forms", "Q3 with named tuples and enums made by calls.",
     q3=Q3_NAMED)

TIME_WITH = d('''
    x_big, k_big = torch.rand(40, 40), torch.rand(3, 3)
    with torch.no_grad():
        %time conv2d(x_big, k_big, padding=1)
    ''')
case("r37_nb_time_magic_inside_with", "Timing conv2d under no_grad.", extra6=(TIME_WITH,))

TIME_TRY = d('''
    x_big = torch.rand(40, 40)
    try:
        %time max_pool2d(x_big, 2)
    except Exception as err:
        print("max_pool2d failed:", err)
    ''')
case("r37_nb_time_magic_inside_try", "Timing max_pool2d, in a try block.", extra6=(TIME_TRY,))

TIME_DEF = d('''
    IMAGES = [torch.rand(n, n) for n in (10, 20, 40)]
    KERNEL = torch.rand(3, 3)


    def bench_all():
        """Time conv2d on every test image."""
        %time [conv2d(img, KERNEL, padding=1) for img in IMAGES]


    bench_all()
    ''')
case("r37_nb_time_magic_inside_function", "A small benchmark function using %time.", extra6=(TIME_DEF,))

TIMEIT_FOR = d('''
    results = {}
    for n in (10, 20):
        image = torch.rand(n, n)
        results[n] = %timeit -o -q -n 2 -r 2 conv2d(image, torch.rand(3, 3), padding=1)
    if results:
        assigned = %time max_pool2d(torch.rand(20, 20), 2)
    print(results)
    ''')
case("r37_nb_timeit_o_in_loop_time_assigned_in_if", "%timeit -o results collected in a loop.",
     extra6=(TIMEIT_FOR,))


# ===============================================================================================================
# 4. Everyday library features that compile nothing of the submission's (expected to pass)
# ===============================================================================================================
IMPORTS_PLT = IMPORTS + "import matplotlib\nmatplotlib.use(\"Agg\")\nimport matplotlib.pyplot as plt\n"
MPL_STYLE = d('''
    import matplotlib.ticker as mticker
    from matplotlib.backends.backend_pdf import PdfPages

    plt.style.use("ggplot")
    plt.rc("axes", prop_cycle="cycler('color', ['#1b9e77', '#d95f02', '#7570b3'])")
    sizes = list(range(8, 65, 8))
    with PdfPages("sizes.pdf") as pdf:
        fig, ax = plt.subplots(figsize=(5, 3))
        for k in (3, 5, 7):
            ax.plot(sizes, [conv_output_size(n, k) for n in sizes], marker="o", label=rf"$k = {k}$")
        ax.set_title(r"$n_{out} = \\left\\lfloor \\frac{n + 2p - k}{s} \\right\\rfloor + 1$")
        ax.set_xlabel(r"$n$ (pixels)")
        ax.xaxis.set_major_formatter(mticker.StrMethodFormatter("{x:.0f}px"))
        ax.yaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _: f"{v:.0f}"))
        ax.yaxis.set_major_locator(mticker.MaxNLocator(integer=True))
        ax.legend()
        pdf.savefig(fig)
        plt.close(fig)
    plt.style.use("default")
    ''')
case("r37_nb_matplotlib_style_cycler_mathtext_pdfpages", "Output sizes plotted with a style sheet and LaTeX labels.",
     imports=IMPORTS_PLT, q2=r30.r26.Q2["floordiv"] + "\n\n" + MPL_STYLE)

PANDAS_STYLE = d('''
    import pandas as pd

    rows = [{"model": name, "layer": lname, "params": sum(p.numel() for p in layer.parameters())}
            for name, m in [("CNN", CNN()), ("ConvNet(1)", ConvNet(1))]
            for lname, layer in m.named_modules() if isinstance(layer, (nn.Conv2d, nn.Linear))]
    table = pd.DataFrame(rows)
    table.to_csv("params.csv", index=False)
    again = pd.read_csv("params.csv")
    pivot = again.pivot_table(index="model", values="params", aggfunc=["sum", "count"])
    print(pivot)
    html = (again.style.background_gradient(subset=["params"], cmap="Blues")
            .format({"params": "{:,}"}).set_caption("parameters per layer").to_html())
    print(len(html) > 0)
    ''')
case("r37_nb_pandas_csv_pivot_styler_gradient", "A parameter table: CSV, pivot_table, a Styler.",
     extra8=(PANDAS_STYLE,))

PANDAS_EVAL_ML = d('''
    import pandas as pd

    layers = pd.DataFrame({"n": [100, 50], "k": [3, 3], "p": [1, 1], "s": [1, 1]}, index=["conv1", "conv2"])
    layers = layers.eval("""
    out = (n + 2 * p - k) // s + 1
    pooled = out // 2
    """)
    print(layers.query("pooled == out // 2 and k == 3"))
    ''')
case("r37_nb_pandas_multiline_eval", "Q3's sizes with a multi-line pandas eval.",
     q3=Q3_FORMULA + "\n" + PANDAS_EVAL_ML)

SYMPY_OK = d('''
    import sympy as sp

    n, k, p, s = sp.symbols("n k p s", integer=True, positive=True)
    out_expr = sp.floor((n + 2 * p - k) / s) + 1
    print(sp.latex(out_expr))
    same_p = sp.solve(sp.Eq(n + 2 * p - k + 1, n), p)[0]
    print("padding that keeps the size:", same_p)
    _out = sp.lambdify((n, k, p, s), out_expr, "math")


    def conv_output_size(size, kernel_size, stride=1, padding=0):
        if kernel_size > size + 2 * padding:
            raise ValueError("kernel is bigger than the padded input")
        return int(_out(size, kernel_size, padding, stride))


    plot = sp.plot((n - 3 + 2 + 1), (n, 4, 64), show=False, title="n_out for k=3, p=1")
    plot.save("n_out.png")
    ''')
case("r37_nb_sympy_lambdify_floor_solve_plot", "Q2 from a SymPy formula (lambdify), with a plot.", q2=SYMPY_OK)

LOG_TEMPLATE = d('''
    import logging
    import string
    import warnings

    log = logging.getLogger("lab6")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("{asctime} {levelname:<7} {message}", style="{"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    warnings.filterwarnings("ignore", message=r".*non-writable.*", category=UserWarning)

    line = string.Template("$name: $params parameters")
    for name, model in (("CNN", CNN()), ("ConvNet(3)", ConvNet(3))):
        log.info(line.substitute(name=name, params=sum(p.numel() for p in model.parameters())))
    ''')
case("r37_nb_logging_brace_style_template_warnings", "Parameter counts logged.", extra8=(LOG_TEMPLATE,))

JSON_YAML = d('''
    import json
    import yaml

    config = {"conv_block": {"kernel_size": 3, "padding": 1}, "channels": 3, "n_blocks": 5, "image_size": 128}
    with open("convnet.yaml", "w") as f:
        yaml.safe_dump(config, f, sort_keys=False)
    with open("convnet.yaml") as f:
        cfg = yaml.safe_load(f)
    with open("convnet.json", "w") as f:
        json.dump(cfg, f, indent=2)
    print(json.dumps(cfg))
    ''')
Q8_DICT = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, **cfg["conv_block"]), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            c = cfg["channels"]
            blocks = [conv_block(input_channels if i == 0 else c, c) for i in range(cfg["n_blocks"])]
            self.main = nn.Sequential(*blocks, nn.Flatten(), nn.Linear(c * cfg["image_size"] ** 2, 1))

        def forward(self, x):
            return self.main(x)
    ''')
case("r37_nb_yaml_json_round_trip_config", "ConvNet's settings written to YAML and JSON and read back.",
     before=[JSON_YAML], q8=Q8_DICT)

UNITTEST_DOCTEST = d('''
    import doctest
    import unittest


    def pooled(n):
        """Size after a 2x2 max pool.

        >>> pooled(100)
        50
        >>> pooled(25)
        12
        """
        return n // 2


    class TestByHand(unittest.TestCase):
        def test_conv2d_matches_torch(self):
            x, k = torch.rand(7, 7), torch.rand(3, 3)
            ref = F.conv2d(x[None, None], k[None, None], padding=1)[0, 0]
            self.assertTrue(torch.allclose(conv2d(x, k, padding=1), ref, atol=1e-5))

        def test_pool(self):
            x = torch.rand(6, 6)
            self.assertTrue(torch.equal(max_pool2d(x, 2), F.max_pool2d(x[None, None], 2)[0, 0]))


    unittest.main(argv=[""], exit=False, verbosity=2)
    doctest.testmod(verbose=False)
    ''')
case("r37_nb_unittest_main_argv_doctest_testmod", "Self-tests: unittest.main(argv=['']) and doctest.testmod().",
     extra6=(UNITTEST_DOCTEST,))

IPY_DISPLAY = d('''
    from IPython.display import HTML, Latex, Markdown, Math, display

    display(Markdown(f"**Q4**: the CNN has `{q4_cnn_params}` parameters"))
    display(Math(r"n_{out} = \\left\\lfloor \\frac{n + 2p - k}{s} \\right\\rfloor + 1"))
    display(Latex(r"$3 \\times 3$ kernels"))
    display(HTML("<table><tr><td>conv</td><td>%d</td></tr></table>" % q4_conv_params))
    ''')
case("r37_nb_ipython_display_markdown_math_html", "Answers shown with IPython.display.",
     q4=r30.r26.Q4["arith"] + "\n" + IPY_DISPLAY)

TORCH_TOOLS = d('''
    from torch.fx.passes.shape_prop import ShapeProp
    from torch.utils.flop_counter import FlopCounterMode

    traced = torch.fx.symbolic_trace(CNN())
    ShapeProp(traced).propagate(torch.rand(1, 1, 100, 100))
    for node in traced.graph.nodes:
        meta = node.meta.get("tensor_meta")
        if meta is not None:
            print(f"{node.name:>10}: {tuple(meta.shape)}")
    scripted = torch.jit.script(CNN())
    frozen = torch.jit.trace(CNN().eval(), torch.rand(1, 1, 100, 100))
    print(scripted(torch.rand(2, 1, 100, 100)).shape, frozen(torch.rand(2, 1, 100, 100)).shape)
    with FlopCounterMode(display=False) as counter:
        CNN()(torch.rand(1, 1, 100, 100))
    print("FLOPs:", counter.get_total_flops())
    exported = torch.export.export(CNN(), (torch.rand(1, 1, 100, 100),))
    print(exported.module()(torch.rand(1, 1, 100, 100)).shape)
    ''')
case("r37_nb_fx_shapeprop_jit_flops_export", "Looking inside the CNN with torch.fx, TorchScript and export.",
     extra7=(TORCH_TOOLS,))

Q2_DISPATCH = d('''
    import inspect
    from functools import singledispatch


    @singledispatch
    def conv_output_size(size, kernel_size, stride=1, padding=0):
        raise TypeError(f"unsupported size {size!r}")


    @conv_output_size.register
    def _(size: int, kernel_size, stride=1, padding=0):
        if kernel_size > size + 2 * padding:
            raise ValueError("kernel is bigger than the padded input")
        return (size + 2 * padding - kernel_size) // stride + 1


    @conv_output_size.register
    def _(size: tuple, kernel_size, stride=1, padding=0):
        return tuple(conv_output_size(s, kernel_size, stride, padding) for s in size)


    print(inspect.signature(conv_output_size))
    print(inspect.getsource(conv_output_size.registry[int]).splitlines()[1])
    ''')
case("r37_nb_singledispatch_q2_inspect", "Q2 for ints and (h, w) tuples with singledispatch.", q2=Q2_DISPATCH)

NUMPY_TABLES = d('''
    import dataclasses

    Row = dataclasses.make_dataclass("Row", [("layer", str), ("params", int)], frozen=True)
    rows = [Row("conv1", conv2d_params(1, 3, 3)), Row("conv2", conv2d_params(3, 2, 3)), Row("fc", linear_params(1250, 1))]
    table = np.rec.fromrecords([dataclasses.astuple(r) for r in rows], names="layer,params")
    print(table.layer, table.params, table.params.sum())

    sizes = np.fromfunction(lambda k, p: (100 + 2 * p - (2 * k + 1)) + 1, (4, 3), dtype=int)
    out = np.vectorize(conv_output_size, otypes=[int])(100, np.array([1, 3, 5, 7])[:, None], padding=np.arange(3))
    with np.printoptions(linewidth=120, formatter={"int": "{:>4}".format}):
        print(sizes)
        print(out)
    ''')
case("r37_nb_make_dataclass_recarray_vectorize_fromfunction", "Parameter and size tables with numpy.",
     q5=r30.r26.Q5["isinstance"] + "\n\n" + NUMPY_TABLES)

HELP_CELL = d('''
    import pprint
    import textwrap

    help(nn.MaxPool2d.forward)
    pprint.pprint(dict(CNN().named_children()))
    print(textwrap.fill(nn.Conv2d.__doc__.split("\\n\\n")[0], 100))
    ''')
case("r37_nb_help_pprint_textwrap", "Reading the docs from inside the notebook.", extra7=(HELP_CELL,))

CKPT_SAVE = d('''
    import os
    import tempfile

    model = ConvNet(3)
    path = os.path.join(tempfile.mkdtemp(), "convnet.pt")
    torch.save({"state_dict": model.state_dict(), "in_channels": 3}, path)
    saved = torch.load(path, weights_only=True)
    restored = ConvNet(saved["in_channels"])
    restored.load_state_dict(saved["state_dict"])
    x = torch.rand(2, 3, 128, 128)
    print(torch.equal(model(x), restored(x)))
    ''')
case("r37_nb_checkpoint_tempfile_weights_only", "Saving and loading ConvNet's weights.", extra8=(CKPT_SAVE,))


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

    cells = [edit(c) if isinstance(c, str) else c for c in CASES[base]]
    missing = [old for old, n in found.items() if not n]
    if missing:
        raise ValueError(f"{name}: not found in {base}: {missing}")
    ISO[name] = cells


_NB = "_nb_"
iso(f"iso{_NB}cprofile_object_dropped", "r37_nb_cprofile_object_pstats_timeit_repeat",
    ("import cProfile\n", ""), ("with cProfile.Profile() as profiler:\n    conv2d(x_big, k_big, padding=1)\n", ""),
    ('pstats.Stats(profiler, stream=report).sort_stats("cumulative").print_stats(5)\n', ""))
iso(f"iso{_NB}timeit_dropped", "r37_nb_cprofile_object_pstats_timeit_repeat",
    ("import timeit\n", ""), ('times = timeit.repeat(lambda: max_pool2d(x_big, 2), repeat=3, number=2)\n', ""),
    ('print(f"max_pool2d 40x40: best {min(times) / 2 * 1000:.1f} ms")\n', ""),
    ('t = timeit.Timer("conv2d(x_big, k_big)", globals=globals()).timeit(number=1)\n', ""),
    ('print(f"conv2d 40x40: {t:.3f} s")\n', ""))
iso(f"iso{_NB}cprofile_run_as_prun", "r37_nb_cprofile_run_text",
    ("import cProfile\n\n", ""), ('cProfile.run("conv2d(x_big, k_big, padding=1)", sort="cumtime")',
                                 "%prun -s cumtime conv2d(x_big, k_big, padding=1)"))
iso(f"iso{_NB}einops_as_flatten", "r37_nb_functorch_einops_rearrange_flatten",
    ("from functorch.einops import rearrange\n\n\n", ""),
    ('rearrange(x, "b c h w -> b (c h w)")', "torch.flatten(x, 1)"))
iso(f"iso{_NB}flops_and_shapeprop_only", "r37_nb_fx_shapeprop_jit_flops_export",
    ("scripted = torch.jit.script(CNN())\nfrozen = torch.jit.trace(CNN().eval(), torch.rand(1, 1, 100, 100))\n"
     "print(scripted(torch.rand(2, 1, 100, 100)).shape, frozen(torch.rand(2, 1, 100, 100)).shape)\n", ""),
    ("exported = torch.export.export(CNN(), (torch.rand(1, 1, 100, 100),))\n"
     "print(exported.module()(torch.rand(1, 1, 100, 100)).shape)\n", ""))
iso(f"iso{_NB}flops_only", "r37_nb_fx_shapeprop_jit_flops_export",
    ("from torch.fx.passes.shape_prop import ShapeProp\n", ""),
    ("traced = torch.fx.symbolic_trace(CNN())\nShapeProp(traced).propagate(torch.rand(1, 1, 100, 100))\n"
     "for node in traced.graph.nodes:\n    meta = node.meta.get(\"tensor_meta\")\n    if meta is not None:\n"
     "        print(f\"{node.name:>10}: {tuple(meta.shape)}\")\n", ""),
    ("scripted = torch.jit.script(CNN())\nfrozen = torch.jit.trace(CNN().eval(), torch.rand(1, 1, 100, 100))\n"
     "print(scripted(torch.rand(2, 1, 100, 100)).shape, frozen(torch.rand(2, 1, 100, 100)).shape)\n", ""),
    ("exported = torch.export.export(CNN(), (torch.rand(1, 1, 100, 100),))\n"
     "print(exported.module()(torch.rand(1, 1, 100, 100)).shape)\n", ""))
iso(f"iso{_NB}inspect_factory_renamed", "r37_nb_inspect_method_on_factory_instance", ("inspect", "show_shapes"))
iso(f"iso{_NB}inspect_on_class_call", "r37_nb_inspect_method_on_factory_instance",
    ("net = build_model()\nnet.inspect(", "CNN().inspect("))
iso(f"iso{_NB}imagemath_lambda_eval", "r37_nb_pil_imagemath_difference",
    ('ImageMath.unsafe_eval("abs(a - b)", a=Image.fromarray(mine), b=Image.fromarray(ref))',
     'ImageMath.lambda_eval(lambda args: abs(args["a"] - args["b"]), a=Image.fromarray(mine), b=Image.fromarray(ref))'))
iso(f"iso{_NB}profile_flag_renamed", "r37_nb_profile_flag_read_inside_function", ("profile", "timing"))
iso(f"iso{_NB}profile_flag_at_top_level", "r37_nb_profile_flag_read_inside_function",
    ("_ = timed_conv(run_cfg, torch.rand(40, 40), torch.rand(3, 3))",
     "if run_cfg.profile:\n    print(\"profiling on\")\n_ = timed_conv(run_cfg, torch.rand(40, 40), torch.rand(3, 3))"),
    ("    if cfg.profile:\n", "    if cfg.seed >= 0:\n"))
iso(f"iso{_NB}conint_as_annotated", "r37_nb_pydantic_annotated_arith_conint",
    ("n_blocks: conint(ge=1, le=10) = 5", "n_blocks: Annotated[int, Field(ge=1, le=10)] = 5"))
iso(f"iso{_NB}annotated_bounds_constants", "r37_nb_pydantic_annotated_arith_conint",
    ("le=4 * 16", "le=64"), ("le=2 ** 3 - 1", "le=7"))
iso(f"iso{_NB}annotated_no_string_metadata", "r37_nb_pydantic_annotated_arith_conint",
    (', "odd sizes only"]', "]"))
iso(f"iso{_NB}attribute_docstrings_no_getattr", "r37_nb_pydantic_attribute_docstrings_config",
    ("getattr(cfg, name)", "cfg.model_dump()[name]"))
iso(f"iso{_NB}attribute_docstrings_off_no_getattr", "r37_nb_pydantic_attribute_docstrings_config",
    ("getattr(cfg, name)", "cfg.model_dump()[name]"), ("use_attribute_docstrings=True, ", ""))
iso(f"iso{_NB}pydantic_v2_field_validator", "r37_nb_pydantic_v1_namespace_validator",
    ("from pydantic.v1 import BaseModel, validator", "from pydantic import BaseModel, field_validator"),
    ('@validator("kernel_size")', '@field_validator("kernel_size")\n    @classmethod'),
    ("cfg.json()", "cfg.model_dump_json()"))
iso(f"iso{_NB}stopwatch_classmethod_named", "r37_nb_stopwatch_classmethod_chained",
    ('best = Stopwatch.named("conv2d").measure(', 'sw = Stopwatch.named("conv2d")\nbest = sw.measure('))
iso(f"iso{_NB}stopwatch_classmethod_direct", "r37_nb_stopwatch_classmethod_chained",
    ('best = Stopwatch.named("conv2d").measure(', 'sw = Stopwatch("conv2d")\nbest = sw.measure('))
iso(f"iso{_NB}stopwatch_factory_direct", "r37_nb_stopwatch_from_factory_function",
    ("watch = make_stopwatch()", "watch = Stopwatch()"))
iso(f"iso{_NB}sympy_max_dropped", "r37_nb_sympy_lambdify_max_formula",
    ("sp.Max(sp.floor((n + 2 * p - k) / s) + 1, 0)", "sp.floor((n + 2 * p - k) / s) + 1"))
iso(f"iso{_NB}sympy_tuple_args_flat", "r37_nb_sympy_lambdify_tuple_args_q3",
    ("sp.lambdify([(h, w), k, p]", "sp.lambdify([h, w, k, p]"), ("sp.lambdify([(h, w)]", "sp.lambdify([h, w]"),
    ("conv_hw((100, 100), 3, 1)", "conv_hw(100, 100, 3, 1)"), ("pool_hw(hw1)", "pool_hw(*hw1)"),
    ("conv_hw(hw1p, 3, 1)", "conv_hw(*hw1p, 3, 1)"), ("pool_hw(hw2)", "pool_hw(*hw2)"))
iso(f"iso{_NB}time_in_function_at_top_level", "r37_nb_time_magic_inside_function",
    ('def bench_all():\n    """Time conv2d on every test image."""\n    %time [conv2d(img, KERNEL, padding=1) for img in IMAGES]\n\n\nbench_all()',
     "%time [conv2d(img, KERNEL, padding=1) for img in IMAGES]"))
iso(f"iso{_NB}torch_compile_eager_backend", "r37_nb_torch_compile_default_backend",
    ("torch.compile(net)", 'torch.compile(net, backend="eager")'))
iso("iso_py_namespace_flags_renamed", "r37_py_simplenamespace_profile_inspect_flags",
    ("inspect", "show_model"), ("profile", "timing"))


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

"""Round 40 of the fairness corpus: annotations evaluated at run time (pydantic under ``from __future__ import
annotations``, ``validate_call``, ``get_type_hints``, ``inspect.signature(eval_str=True)``, ``singledispatch``,
TypedDict / NamedTuple / Generic / ParamSpec / Self / Unpack), models that look at inputs normalised with several
datasets' statistics, and own instances / flags / class tables / torch's type aliases in neighbouring spellings.

Aimed at the day's changes: the worker lets typing, typing_extensions, inspect and annotationlib compile only type
expressions; the judge's normalised photographs are a batch of at least 7, each normalised with a different
dataset's statistics; the reader's own-instance factories, namespaces, class tables and type aliases.

    python tests/corpus/fair/_make_r40.py            # rewrites tests/corpus/fair/r40_*
    python tests/corpus/fair/_make_r40.py --out DIR  # writes them to DIR instead
    python tests/corpus/fair/_make_r40.py --iso DIR  # isolation copies for _r40_findings.md (not corpus files)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import _make_r30 as r30  # noqa: E402  (cell kinds, answers() over round 26's snippets)
import _make_r38 as r38  # noqa: E402  (its notebook writer)

d = r30.d
md, C, out, hdr = r30.md, r30.C, r30.out, r30.hdr
answers = r30.answers
IMPORTS, SHAPES = r30.IMPORTS, r30.SHAPES
FUTURE = "from __future__ import annotations\n\n" + IMPORTS

CASES: dict[str, list] = {}


def case(name: str, title: str, before: list = (), after: list = (), imports: str = IMPORTS, **kw) -> None:
    CASES[name] = [md(f"# Lab 6 - CNNs\n{title}"), imports, *before, *answers(**kw), SHAPES, *after]


def script(name: str, before: list = (), after: list = (), imports: str = IMPORTS, **kw) -> None:
    CASES[name] = [imports, *before, *answers(headers=False, **kw), SHAPES, *after]


def write(out_dir: Path, name: str, cells: list) -> None:
    r38.write(out_dir, name, cells)


# ===============================================================================================================
# 1. annotations evaluated at run time
# ===============================================================================================================
Q2_VALIDATE_CALL = d('''
    from typing import Annotated

    from pydantic import Field, validate_call

    PositiveInt = Annotated[int, Field(ge=1)]
    NonNegativeInt = Annotated[int, Field(ge=0)]


    @validate_call
    def conv_output_size(size: PositiveInt, kernel_size: PositiveInt, stride: PositiveInt = 1,
                         padding: NonNegativeInt = 0) -> int:
        """Output height/width of a Conv2d; pydantic checks the arguments."""
        if kernel_size > size + 2 * padding:
            raise ValueError("kernel is bigger than the padded input")
        return (size + 2 * padding - kernel_size) // stride + 1


    print(conv_output_size(100, 5), conv_output_size(28, 3, stride=2, padding=1))
    ''')
case("r40_nb_future_validate_call_annotated_q2", "q2 validated by pydantic, annotations postponed.",
     imports=FUTURE, q2=Q2_VALIDATE_CALL)

PYD_CONFIG = d('''
    from typing import Literal, Optional

    from pydantic import BaseModel, ConfigDict, Field, conint


    class ConvSpec(BaseModel):
        model_config = ConfigDict(frozen=True)
        in_channels: conint(ge=1) = 1
        out_channels: conint(ge=1)
        kernel_size: Literal[1, 3, 5] = 3
        padding: int = Field(default=1, ge=0, le=2 ** 3)
        pool: Optional[int] = 2


    class CNNConfig(BaseModel):
        convs: list[ConvSpec]
        image_size: int = 100
        head: Head

        def flat_features(self) -> int:
            size = self.image_size
            for spec in self.convs:
                size = size + 2 * spec.padding - spec.kernel_size + 1
                if spec.pool:
                    size //= spec.pool
            return self.convs[-1].out_channels * size * size


    class Head(BaseModel):
        out_features: int = 1
        activation: Literal["none", "sigmoid"] = "none"


    CNNConfig.model_rebuild()
    LECTURE = CNNConfig(convs=[ConvSpec(in_channels=1, out_channels=3), ConvSpec(in_channels=3, out_channels=2)],
                        head=Head())
    print(LECTURE.model_dump())
    ''')
Q7_FROM_PYD = d('''
    class CNN(nn.Module):
        def __init__(self, cfg: CNNConfig = LECTURE) -> None:
            super().__init__()
            layers: list[nn.Module] = []
            for spec in cfg.convs:
                layers += [nn.Conv2d(spec.in_channels, spec.out_channels, spec.kernel_size, padding=spec.padding),
                           nn.ReLU(), nn.MaxPool2d(spec.pool)]
            self.features = nn.Sequential(*layers)
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(cfg.flat_features(), cfg.head.out_features)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.fc(self.flatten(self.features(x)))
    ''')
case("r40_nb_future_pydantic_config_forward_ref_builds_cnn",
     "A pydantic config (conint, Literal, Field, a forward reference) the CNN is built from.",
     imports=FUTURE, before=[PYD_CONFIG], q7=Q7_FROM_PYD)

Q5_SINGLEDISPATCH = d('''
    from functools import singledispatch


    @singledispatch
    def kernel_area(kernel_size) -> int:
        raise TypeError(f"unsupported kernel size {kernel_size!r}")


    @kernel_area.register
    def _(kernel_size: int) -> int:
        return kernel_size * kernel_size


    @kernel_area.register
    def _(kernel_size: tuple) -> int:
        kh, kw = kernel_size
        return kh * kw


    def conv2d_params(in_channels: int, out_channels: int, kernel_size: int | tuple[int, int], bias: bool = True) -> int:
        return in_channels * out_channels * kernel_area(kernel_size) + (out_channels if bias else 0)


    def linear_params(in_features: int, out_features: int, bias: bool = True) -> int:
        return in_features * out_features + (out_features if bias else 0)


    print(conv2d_params(3, 3, 3), conv2d_params(3, 8, (5, 5)), linear_params(1250, 1))
    ''')
case("r40_nb_future_singledispatch_register_by_annotation_q5", "q5 with singledispatch, annotations postponed.",
     imports=FUTURE, q5=Q5_SINGLEDISPATCH)

Q5_SINGLEDISPATCH_STR = Q5_SINGLEDISPATCH.replace("def _(kernel_size: int) -> int:", 'def _(kernel_size: "int") -> "int":') \
    .replace("def _(kernel_size: tuple) -> int:", 'def _(kernel_size: "tuple[int, int]") -> int:')
case("r40_nb_singledispatch_string_annotations_q5", "q5 with singledispatch on string annotations.",
     q5=Q5_SINGLEDISPATCH_STR.replace("tuple[int, int]\") -> int:", "tuple\") -> int:"))

HINTS = d('''
    import typing
    from typing import Annotated, ClassVar, get_type_hints


    class TrainSettings:
        lr: Annotated[float, "learning rate"] = 1e-3
        epochs: Annotated[int, "passes over the data"] = 2
        batch_size: int = 8
        device: str | None = None
        NAME: ClassVar[str] = "lab6"


    for name, hint in get_type_hints(TrainSettings, include_extras=True).items():
        extra = typing.get_args(hint)[1:] if typing.get_origin(hint) is Annotated else ()
        print(f"{name:>10}: {hint} {extra}")
    print(get_type_hints(CNN.forward))
    print(typing.get_type_hints(conv2d))
    ''')
Q6_TYPED = d('''
    def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
        H, W = image.shape
        kH, kW = kernel.shape
        if padding > 0:
            padded = torch.zeros((H + 2 * padding, W + 2 * padding), dtype=image.dtype)
            padded[padding:-padding, padding:-padding] = image
            image = padded
        out_h = (image.shape[0] - kH) // stride + 1
        out_w = (image.shape[1] - kW) // stride + 1
        output = torch.zeros((out_h, out_w), dtype=image.dtype)
        for i in range(out_h):
            for j in range(out_w):
                output[i, j] = (image[i * stride:i * stride + kH, j * stride:j * stride + kW] * kernel).sum()
        return output
    ''')
Q7_TYPED = d('''
    class CNN(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(2 * 25 * 25, 1)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            return self.fc(torch.flatten(x, 1))
    ''')
case("r40_nb_future_get_type_hints_include_extras", "Settings read with get_type_hints(include_extras=True).",
     imports=FUTURE, q6=(Q6_TYPED, "loops", "tensor"), q7=Q7_TYPED, after=[HINTS])

SIG = d('''
    import inspect

    for fn in (conv_output_size, conv2d, max_pool2d, conv_block):
        sig = inspect.signature(fn, eval_str=True)
        print(fn.__name__, sig)
        for p in sig.parameters.values():
            print("   ", p.name, p.annotation, p.default)
    print(inspect.get_annotations(conv2d, eval_str=True))
    print(inspect.get_annotations(ConvNet.__init__, eval_str=True))
    ''')
Q2_TYPED = d('''
    def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
        """Output height/width of a Conv2d."""
        if kernel_size > size + 2 * padding:
            raise ValueError("kernel is bigger than the padded input")
        return (size + 2 * padding - kernel_size) // stride + 1
    ''')
Q6_POOL_TYPED = d('''
    def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
        h, w = image.shape
        out = torch.zeros((h // kernel_size, w // kernel_size), dtype=image.dtype)
        for i in range(h // kernel_size):
            for j in range(w // kernel_size):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return out
    ''')
Q8_TYPED = d('''
    def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels: int = 1, width: int = 3, blocks: int = 5, side: int = 128) -> None:
            super().__init__()
            layers: list[nn.Module] = [conv_block(input_channels, width)]
            layers += [conv_block(width, width) for _ in range(blocks - 1)]
            self.features = nn.Sequential(*layers)
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(width * side * side, 1)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.fc(self.flatten(self.features(x)))
    ''')
case("r40_nb_future_inspect_signature_eval_str", "Signatures printed with inspect.signature(eval_str=True).",
     imports=FUTURE, q2=Q2_TYPED, q6=(Q6_TYPED, Q6_POOL_TYPED, "tensor"), q8=Q8_TYPED, after=[SIG])

Q6_OPTIONAL = d('''
    from typing import Optional


    def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0,
               out: torch.Tensor | None = None) -> torch.Tensor:
        """2-D cross-correlation by hand; ``out`` may hold a preallocated result."""
        if padding:
            padded = image.new_zeros((image.shape[0] + 2 * padding, image.shape[1] + 2 * padding))
            padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
            image = padded
        kh, kw = kernel.shape
        oh = (image.shape[0] - kh) // stride + 1
        ow = (image.shape[1] - kw) // stride + 1
        if out is None:
            out = image.new_zeros((oh, ow))
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    def max_pool2d(image: torch.Tensor, kernel_size: Optional[int] = 2) -> torch.Tensor:
        k = kernel_size or 2
        h, w = image.shape[0] // k, image.shape[1] // k
        return image[:h * k, :w * k].reshape(h, k, w, k).amax(dim=(1, 3))
    ''')
case("r40_nb_future_tensor_or_none_out_argument_q6", "q6 with `torch.Tensor | None` annotations, postponed.",
     imports=FUTURE, q6=(Q6_OPTIONAL, "", "tensor"))

TYPEDDICT_Q3 = d('''
    from typing import NamedTuple, TypedDict


    class Shape(NamedTuple):
        channels: int
        height: int
        width: int

        def pooled(self, k: int = 2) -> "Shape":
            return Shape(self.channels, self.height // k, self.width // k)

        def conv(self, out_channels: int, kernel: int = 3, padding: int = 1) -> "Shape":
            return Shape(out_channels, conv_output_size(self.height, kernel, padding=padding),
                         conv_output_size(self.width, kernel, padding=padding))


    class Trace(TypedDict):
        shapes: list[Shape]
        flat: int


    def trace(size: int = 100) -> Trace:
        s = Shape(1, size, size)
        shapes = []
        for c in (3, 2):
            s = s.conv(c)
            shapes.append(s)
            s = s.pooled()
            shapes.append(s)
        return {"shapes": shapes, "flat": s.channels * s.height * s.width}


    t = trace()
    q3_shapes = [tuple(s) for s in t["shapes"]]
    q3_flatten_features = t["flat"]
    print(q3_shapes, q3_flatten_features, Trace.__annotations__)
    ''')
case("r40_nb_future_namedtuple_typeddict_q3_get_type_hints", "The same under __future__ annotations.",
     imports=FUTURE, q3=TYPEDDICT_Q3.replace("print(q3_shapes, q3_flatten_features, Trace.__annotations__)",
                                            "import typing\nprint(q3_shapes, q3_flatten_features, "
                                            "typing.get_type_hints(Trace), typing.get_type_hints(Shape.pooled))"))

GENERIC_REG = d('''
    from typing import Callable, Generic, TypeVar

    M = TypeVar("M", bound=nn.Module)


    class Registry(Generic[M]):
        """A table of model builders, by name."""

        def __init__(self) -> None:
            self.builders: dict[str, Callable[..., M]] = {}

        def register(self, name: str) -> Callable[[type[M]], type[M]]:
            def deco(cls: type[M]) -> type[M]:
                self.builders[name] = cls
                return cls
            return deco

        def build(self, name: str, *args, **kwargs) -> M:
            return self.builders[name](*args, **kwargs)


    MODELS: Registry[nn.Module] = Registry()
    ''')
Q7_REG = "@MODELS.register(\"cnn\")\n" + Q7_TYPED
Q8_REG = Q8_TYPED.replace("class ConvNet(nn.Module):", "@MODELS.register(\"convnet\")\nclass ConvNet(nn.Module):")
REG_USE = d('''
    for name, args in (("cnn", ()), ("convnet", (3,))):
        model = MODELS.build(name, *args)
        print(name, sum(p.numel() for p in model.parameters()))
    ''')
case("r40_nb_future_generic_registry_typevar_decorator", "A Generic model registry (TypeVar bound to nn.Module).",
     imports=FUTURE, before=[GENERIC_REG], q7=Q7_REG, q8=Q8_REG, after=[REG_USE])

PARAMSPEC = d('''
    import functools
    import time
    from typing import Callable, ParamSpec, TypeVar

    P = ParamSpec("P")
    R = TypeVar("R")


    def timed(fn: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(fn)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            start = time.perf_counter()
            result = fn(*args, **kwargs)
            wrapper.seconds += time.perf_counter() - start
            return result
        wrapper.seconds = 0.0
        return wrapper
    ''')
Q6_TIMED = "@timed\n" + Q6_TYPED
TIMED_USE = d('''
    img, ker = torch.rand(20, 20), torch.rand(3, 3)
    conv2d(img, ker, padding=1)
    print(f"conv2d took {conv2d.seconds * 1e3:.2f} ms", conv2d.__wrapped__.__name__)
    ''')
case("r40_nb_future_paramspec_timed_conv2d", "conv2d wrapped by a ParamSpec-typed timing decorator.",
     imports=FUTURE, before=[PARAMSPEC], q6=(Q6_TIMED, "loops", "tensor"), after=[TIMED_USE])

SELF_FACTORY = d('''
    from typing_extensions import Self


    class CNN(nn.Module):
        def __init__(self, channels: tuple[int, int, int] = (1, 3, 2), side: int = 100) -> None:
            super().__init__()
            c0, c1, c2 = channels
            self.block1 = nn.Sequential(nn.Conv2d(c0, c1, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.block2 = nn.Sequential(nn.Conv2d(c1, c2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.head = nn.Sequential(nn.Flatten(), nn.Linear(c2 * (side // 4) ** 2, 1))

        @classmethod
        def lecture(cls) -> Self:
            return cls()

        @staticmethod
        def describe() -> str:
            return "conv-relu-pool x2, flatten, linear"

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.head(self.block2(self.block1(x)))
    ''')
SELF_USE = d('''
    model = CNN.lecture()
    print(CNN.describe(), sum(p.numel() for p in model.parameters()))
    ''')
case("r40_nb_future_self_classmethod_factory", "A classmethod factory typed `-> Self`.", imports=FUTURE,
     q7=SELF_FACTORY, after=[SELF_USE])

NP_ANN = d('''
    from typing import Any

    import numpy.typing as npt

    FloatArray = np.ndarray[Any, np.dtype[np.float32]]


    def as_array(t: torch.Tensor) -> FloatArray:
        return t.detach().cpu().numpy().astype(np.float32)


    def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
        x: npt.NDArray[np.float64] = np.pad(image.detach().cpu().numpy().astype(np.float64), padding)
        k: npt.NDArray[np.float64] = kernel.detach().cpu().numpy().astype(np.float64)
        kh, kw = k.shape
        oh = (x.shape[0] - kh) // stride + 1
        ow = (x.shape[1] - kw) // stride + 1
        out = np.zeros((oh, ow))
        for i in range(oh):
            for j in range(ow):
                out[i, j] = np.sum(x[i * stride:i * stride + kh, j * stride:j * stride + kw] * k)
        return torch.from_numpy(out).to(image.dtype)


    print(as_array(conv2d(torch.ones(4, 4), torch.ones(3, 3))))
    ''')
case("r40_nb_future_numpy_ndarray_dtype_annotations_q6", "q6 in numpy with `np.ndarray[Any, np.dtype[...]]` hints.",
     imports=FUTURE, q6=(NP_ANN, "loops", "tensor"))
case("r40_nb_numpy_ndarray_dtype_annotations_evaluated", "The same, evaluated hints (no __future__).",
     q6=(NP_ANN + "import typing\nprint(typing.get_type_hints(as_array))\n", "loops", "tensor"))

UNPACK_Q8 = d('''
    from typing import TypedDict

    from typing_extensions import NotRequired, Unpack


    class ConvOptions(TypedDict):
        kernel_size: NotRequired[int]
        padding: NotRequired[int]
        bias: NotRequired[bool]


    def conv_block(input_channels: int, output_channels: int, **options: Unpack[ConvOptions]) -> nn.Sequential:
        opts: ConvOptions = {"kernel_size": 3, "padding": 1, "bias": True}
        opts.update(options)
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, **opts), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels: int) -> None:
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)))
            self.out = nn.Sequential(nn.Flatten(), nn.Linear(3 * 128 * 128, 1))

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.out(self.blocks(x))


    import typing
    print(typing.get_type_hints(conv_block, include_extras=True))
    ''')
case("r40_nb_future_unpack_typeddict_kwargs_conv_block", "conv_block(**options: Unpack[ConvOptions]).",
     imports=FUTURE, q8=UNPACK_Q8)

VALIDATE_BLOCK = d('''
    from pydantic import PositiveInt, conint, validate_call


    @validate_call
    def conv_block(input_channels: PositiveInt, output_channels: conint(ge=1, le=512)) -> nn.Sequential:
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels: int):
            super().__init__()
            self.net = nn.Sequential(
                conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
                nn.Flatten(), nn.Linear(49152, 1))

        def forward(self, x):
            return self.net(x)
    ''')
case("r40_nb_future_validate_call_conv_block_conint", "conv_block checked by pydantic's validate_call.",
     imports=FUTURE, q8=VALIDATE_BLOCK)

CALLABLE_MODEL = d('''
    from typing import Callable

    from pydantic import BaseModel, ConfigDict


    class Formula(BaseModel):
        model_config = ConfigDict(arbitrary_types_allowed=True)
        name: str
        fn: Callable[[int, int, int], int]
        example: tuple[int, int, int]
        weights: torch.Tensor | None = None

        def show(self) -> str:
            return f"{self.name}{self.example} = {self.fn(*self.example)}"


    formulas = [Formula(name="conv", fn=lambda i, o, k: o * (i * k * k + 1), example=(3, 3, 3)),
                Formula(name="linear", fn=lambda i, o, _: o * (i + 1), example=(1250, 1, 0), weights=torch.zeros(1))]
    for f in formulas:
        print(f.show())
    ''')
case("r40_nb_future_pydantic_callable_field_tensor_optional", "Formulas in a pydantic model (Callable field).",
     imports=FUTURE, after=[CALLABLE_MODEL], q5="int_bias")

TYPEADAPTER = d('''
    from typing import Literal

    from pydantic import TypeAdapter

    Letter = Literal["A", "B", "C", "D", "E"]
    q9_true = TypeAdapter(set[Letter]).validate_python({"C"})
    print(q9_true)
    ''')
Q10_PYD = d('''
    from typing import Annotated

    from pydantic import BaseModel, Field


    class Answers(BaseModel):
        answers: dict[Annotated[int, Field(ge=1, le=8)], bool]


    q10_answers = Answers(answers={1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}).answers
    print(q10_answers)
    ''')
case("r40_nb_future_typeadapter_literal_q9_model_q10", "q9/q10 validated by pydantic (Literal, TypeAdapter).",
     imports=FUTURE, q9=TYPEADAPTER, q10=Q10_PYD)

PROTOCOL = d('''
    from typing import Protocol, runtime_checkable


    @runtime_checkable
    class HasParameters(Protocol):
        def parameters(self, recurse: bool = ...) -> "typing.Iterator[nn.Parameter]": ...


    import typing


    def count_parameters(model: HasParameters) -> int:
        assert isinstance(model, HasParameters)
        return sum(p.numel() for p in model.parameters())


    print(typing.get_type_hints(HasParameters.parameters))
    for m in (CNN(), ConvNet(1), ConvNet(3)):
        print(type(m).__name__, count_parameters(m))
    ''')
case("r40_nb_runtime_checkable_protocol_string_return", "A runtime_checkable Protocol with a forward-referenced "
     "return type read by get_type_hints.", after=[PROTOCOL])

DC_FUTURE = d('''
    import dataclasses
    import typing
    from dataclasses import dataclass, field


    @dataclass
    class LayerSpec:
        kind: typing.Literal["conv", "pool", "linear"]
        args: tuple[int, ...] = ()
        kwargs: dict[str, int] = field(default_factory=dict)
        next: LayerSpec | None = None

        def build(self) -> nn.Module:
            return {"conv": nn.Conv2d, "pool": nn.MaxPool2d, "linear": nn.Linear}[self.kind](*self.args, **self.kwargs)


    SPECS = [LayerSpec("conv", (1, 3, 3), {"padding": 1}), LayerSpec("pool", (2,)),
             LayerSpec("conv", (3, 2, 3), {"padding": 1}), LayerSpec("pool", (2,)), LayerSpec("linear", (1250, 1))]
    print(typing.get_type_hints(LayerSpec))
    print([f.type for f in dataclasses.fields(LayerSpec)])
    ''')
Q7_SPECS = d('''
    class CNN(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            c1, p1, c2, p2, fc = (s.build() for s in SPECS)
            self.layers = nn.Sequential(c1, nn.ReLU(), p1, c2, nn.ReLU(), p2, nn.Flatten(), fc)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.layers(x)
    ''')
case("r40_nb_future_dataclass_self_reference_get_type_hints", "Layer specs in a dataclass that refers to itself.",
     imports=FUTURE, before=[DC_FUTURE], q7=Q7_SPECS)

PYD_STR_ANN = d('''
    from pydantic import BaseModel


    class Block(BaseModel):
        in_ch: "int"
        out_ch: "int"
        children: "list[Block]" = []

        def to_module(self) -> "nn.Sequential":
            return conv_block(self.in_ch, self.out_ch)


    Block.model_rebuild()
    plan = Block(in_ch=1, out_ch=3, children=[Block(in_ch=3, out_ch=3)])
    print(plan.model_dump_json())
    print(plan.to_module())
    ''')
case("r40_nb_pydantic_string_annotations_recursive_model", "A recursive pydantic model with string annotations.",
     after=[PYD_STR_ANN])

TYPEVAR_HIST = d('''
    from typing import Generic, TypeVar

    from pydantic import BaseModel

    T = TypeVar("T", int, float)


    class Series(BaseModel, Generic[T]):
        name: str
        values: list[T] = []

        def add(self, v: T) -> "Series[T]":
            self.values.append(v)
            return self


    losses = Series[float](name="loss")
    model = CNN()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    x, y = torch.rand(4, 1, 100, 100), torch.rand(4, 1)
    for _ in range(3):
        loss = F.mse_loss(model(x), y)
        opt.zero_grad(); loss.backward(); opt.step()
        losses.add(loss.item())
    print(losses.name, len(losses.values))
    ''')

PY_FUTURE_ALL = d('''
    from __future__ import annotations

    import typing
    from typing import Annotated, Literal

    import numpy as np
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    from pydantic import BaseModel, Field, validate_call


    class Settings(BaseModel):
        lr: Annotated[float, Field(gt=0)] = 1e-3
        optimizer: Literal["sgd", "adam"] = "adam"
        seed: int = 0
    ''')
PY_END = d('''

    @validate_call(config={"arbitrary_types_allowed": True})
    def train_step(model: nn.Module, x: torch.Tensor, y: torch.Tensor, settings: Settings) -> float:
        opt = torch.optim.Adam(model.parameters(), lr=settings.lr)
        loss = F.mse_loss(model(x), y)
        opt.zero_grad(); loss.backward(); opt.step()
        return loss.item()


    if __name__ == "__main__":
        print(train_step(CNN(), torch.rand(2, 1, 100, 100), torch.rand(2, 1), Settings()))
        print(typing.get_type_hints(train_step))
    ''')
CASES["r40_py_future_validate_call_settings_main_guard"] = [PY_FUTURE_ALL,
                                                            *answers(headers=False, q2=Q2_TYPED, q7=Q7_TYPED,
                                                                     q8=Q8_TYPED), SHAPES, PY_END]

# ===============================================================================================================
# 2. models that look at inputs normalised with several datasets' statistics
# ===============================================================================================================
Q7_IDENTITY_NORM = d('''
    class CNN(nn.Module):
        """Pooled CNN; inputs are expected already normalised, so the prelude is an identity by default."""

        def __init__(self, mean: float = 0.0, std: float = 1.0) -> None:
            super().__init__()
            self.register_buffer("mean", torch.tensor(mean))
            self.register_buffer("std", torch.tensor(std))
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = (x - self.mean) / self.std
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(x.flatten(1))
    ''')
Q8_IDENTITY_NORM = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels, mean=None, std=None):
            super().__init__()
            self.register_buffer("mean", torch.zeros(1, input_channels, 1, 1) if mean is None else
                                 torch.tensor(mean).view(1, -1, 1, 1))
            self.register_buffer("std", torch.ones(1, input_channels, 1, 1) if std is None else
                                 torch.tensor(std).view(1, -1, 1, 1))
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x):
            x = (x - self.mean) / self.std
            return self.fc(torch.flatten(self.blocks(x), 1))
    ''')
case("r40_nb_models_normalise_again_identity_buffers", "Models with a (default identity) normalisation in forward.",
     q7=Q7_IDENTITY_NORM, q8=Q8_IDENTITY_NORM)

Q7_CLAMP_ASSERT = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(
                nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1))

        def forward(self, x):
            assert x.ndim == 4 and x.shape[1] == 1, f"expected (N, 1, H, W), got {tuple(x.shape)}"
            assert torch.isfinite(x).all(), "non-finite pixels"
            # normalised images live within a few standard deviations; clip outliers from bad preprocessing
            x = x.clamp(-10.0, 10.0)
            return self.main(x)
    ''')
Q8_CLAMP = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.input_channels = input_channels
            self.main = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                      conv_block(3, 3), conv_block(3, 3), nn.Flatten(), nn.Linear(49152, 1))

        def forward(self, x):
            if x.shape[1] != self.input_channels:
                raise ValueError(f"expected {self.input_channels} channels, got {x.shape[1]}")
            if x.abs().max() > 50:
                raise ValueError("input does not look normalised")
            return self.main(torch.nan_to_num(x))
    ''')
case("r40_nb_models_clamp_assert_ranges", "Models that clamp and check the input's range.",
     q7=Q7_CLAMP_ASSERT, q8=Q8_CLAMP)

Q7_DTYPE = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            in_dtype = x.dtype
            if x.dtype == torch.uint8:
                x = x.float() / 255
            x = x.to(dtype=self.conv1.weight.dtype, device=self.conv1.weight.device)
            x = self.pool(torch.relu(self.conv1(x)))
            x = self.pool(torch.relu(self.conv2(x)))
            out = self.fc(self.flatten(x))
            return out.to(in_dtype) if in_dtype.is_floating_point else out
    ''')
Q8_DTYPE = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.features = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(49152, 1))

        def forward(self, x):
            x = x.float()
            if x.dtype == torch.float16:   # half inputs from an AMP data loader
                x = x.float()
            return self.classifier(self.features(x.contiguous()))
    ''')
case("r40_nb_models_dtype_round_trip_float", "Models that cast their input (uint8, float, dtype of the weights).",
     q7=Q7_DTYPE, q8=Q8_DTYPE)

Q7_CL = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = x.contiguous(memory_format=torch.channels_last)
            x = self.main(x)
            return self.fc(x.contiguous().view(x.size(0), -1))

        @torch.no_grad()
        def predict(self, x):
            self.eval()
            return self(x)
    ''')
Q8_CL = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.body = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(49152, 1)
            self.to(memory_format=torch.channels_last)

        def forward(self, x):
            x = self.body(x.to(memory_format=torch.channels_last))
            return self.fc(x.reshape(len(x), -1))

        @torch.inference_mode()
        def predict(self, x):
            return torch.sigmoid(self(x))
    ''')
CL_USE = d('''
    x = torch.rand(2, 1, 100, 100)
    print(CNN().predict(x).shape, ConvNet(3).predict(torch.rand(2, 3, 128, 128)).shape)
    ''')
case("r40_nb_models_channels_last_no_grad_predict", "channels_last models with no_grad/inference_mode predict().",
     q7=Q7_CL, q8=Q8_CL, after=[CL_USE])

Q7_PRINT = d('''
    class CNN(nn.Module):
        def __init__(self, verbose=True):
            super().__init__()
            self.verbose = verbose
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            if self.verbose:
                print("input", tuple(x.shape), f"range [{x.min().item():.2f}, {x.max().item():.2f}]",
                      f"mean {x.mean().item():.3f} std {x.std().item():.3f}")
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            if self.verbose:
                print("after block 1", tuple(x.shape))
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            if self.verbose:
                print("after block 2", tuple(x.shape))
            return self.fc(x.flatten(1))
    ''')

NORM_DEMO = d('''
    # the same photograph normalised with several datasets' statistics, as torchvision's Normalize does
    STATS = {"mnist": (0.1307, 0.3081), "fashion": (0.2860, 0.3530), "cifar_gray": (0.4809, 0.2392),
             "imagenet_r": (0.485, 0.229), "imagenet_g": (0.456, 0.224), "imagenet_b": (0.406, 0.225), "half": (0.5, 0.5)}
    pixels = torch.randint(0, 256, (1, 1, 100, 100), dtype=torch.uint8).float() / 255
    batch = torch.cat([(pixels - m) / s for m, s in STATS.values()])
    print(batch.shape, batch.min().item(), batch.max().item())
    model = CNN()
    with torch.no_grad():
        print(model(batch).squeeze(1))
    ''')
case("r40_nb_normalised_batch_demo_verbose_model", "Demo on a batch normalised seven ways (printing model).",
     q7=Q7_PRINT, after=[NORM_DEMO])

Q7_NO_BN_INIT = d('''
    class CNN(nn.Module):
        """No BatchNorm: the lecture's network exactly, with a standardising check in eval mode only."""

        def __init__(self):
            super().__init__()
            self.layers = nn.ModuleList([
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1)])
            self.seen_min = float("inf")
            self.seen_max = float("-inf")

        def forward(self, x):
            if not self.training:
                self.seen_min = min(self.seen_min, float(x.min()))
                self.seen_max = max(self.seen_max, float(x.max()))
            for layer in self.layers:
                x = layer(x)
            return x
    ''')
case("r40_nb_model_modulelist_records_input_range", "A ModuleList CNN that records the input range it saw.",
     q7=Q7_NO_BN_INIT)

Q7_TORCHSCRIPT = d('''
    from typing import Optional


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x: torch.Tensor, mask: Optional[torch.Tensor] = None) -> torch.Tensor:
            if mask is not None:
                x = x * mask
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(torch.flatten(x, 1))


    print(CNN()(torch.rand(2, 1, 100, 100), mask=torch.ones(1, 1, 100, 100)).shape)
    ''')
case("r40_nb_optional_mask_forward_typed", "A CNN whose forward takes an Optional mask (typed for TorchScript).",
     q7=Q7_TORCHSCRIPT)

# ===============================================================================================================
# 3. own instances, flags, class tables, __annotations__, torch's type aliases
# ===============================================================================================================
FLAGS_ATTR = d('''
    from types import SimpleNamespace

    flags = SimpleNamespace()
    flags.profile = False
    flags.inspect = True
    flags.timeit = False
    flags.measure = True
    print(flags)
    ''')
FLAGS_USE = d('''
    if flags.inspect:
        print(CNN())
    if flags.measure:
        print(sum(p.numel() for p in ConvNet(1).parameters()))
    if flags.profile or flags.timeit:
        print("profiling...")
    ''')
case("r40_nb_simplenamespace_flags_set_attribute_by_attribute", "Flags set one attribute at a time.",
     before=[FLAGS_ATTR], after=[FLAGS_USE])

FLAGS_VARS = d('''
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--inspect", action="store_true")
    parser.add_argument("--epochs", type=int, default=1)
    args = parser.parse_args([])
    from types import SimpleNamespace
    cfg = SimpleNamespace(profile=args.profile, inspect=args.inspect, epochs=args.epochs, timeit=False)
    print(cfg)
    ''')
FLAGS_VARS_USE = d('''
    if cfg.inspect:
        print(ConvNet(1))
    if not cfg.profile:
        print("epochs:", cfg.epochs, "timeit:", cfg.timeit)
    ''')
case("r40_nb_namespace_from_parsed_args_keywords", "SimpleNamespace of parsed arguments (keywords).",
     before=[FLAGS_VARS], after=[FLAGS_VARS_USE])

MODULE_FACTORY = d('''
    def make_model(kind: str = "cnn", channels: int = 1) -> nn.Module:
        """Build one of the lecture's models."""
        if kind == "cnn":
            return CNN()
        return ConvNet(channels)


    class Profiler:
        def __init__(self, name: str) -> None:
            self.name = name
            self.calls = 0

        @classmethod
        def for_model(cls, model: nn.Module) -> "Profiler":
            return cls(type(model).__name__)

        def profile(self, model: nn.Module, x: torch.Tensor) -> torch.Tensor:
            self.calls += 1
            return model(x)

        def inspect(self, model: nn.Module) -> int:
            return sum(p.numel() for p in model.parameters())


    def new_profiler(name: str) -> Profiler:
        return Profiler(name)


    model = make_model("cnn")
    prof = Profiler.for_model(model)
    prof2 = new_profiler("convnet")
    print(prof.profile(model, torch.rand(2, 1, 100, 100)).shape, prof.inspect(model))
    print(prof2.inspect(make_model("convnet", 3)))
    ''')
case("r40_nb_profiler_classmethod_and_module_factory", "An own Profiler made by a classmethod and a factory.",
     after=[MODULE_FACTORY])

STATIC_FACTORY_SELF = d('''
    from typing_extensions import Self


    class Timer:
        def __init__(self, label: str) -> None:
            self.label = label
            self.total = 0.0

        @classmethod
        def named(cls, label: str) -> Self:
            return cls(label)

        def measure(self, fn, *args):
            import time
            t0 = time.perf_counter()
            out = fn(*args)
            self.total += time.perf_counter() - t0
            return out


    timers = {name: Timer.named(name) for name in ("q6", "q7")}
    t6 = timers["q6"]
    print(t6.measure(conv2d, torch.rand(6, 6), torch.rand(3, 3)).shape)
    t7 = Timer.named("q7")
    print(t7.measure(CNN(), torch.rand(1, 1, 100, 100)).shape)
    ''')
case("r40_nb_timer_self_classmethod_in_dict", "Timers from a classmethod typed `-> Self`, kept in a dict.",
     imports=FUTURE, after=[STATIC_FACTORY_SELF])

CLASS_TABLE = d('''
    class Registry:
        models: dict[str, type[nn.Module]] = {}

        @classmethod
        def get(cls, name: str, *args) -> nn.Module:
            return cls.models[name](*args)


    Registry.models["cnn"] = CNN
    Registry.models.update(convnet=ConvNet)
    Registry.models.setdefault("fcnn", ConvNet)
    for name, args in (("cnn", ()), ("convnet", (1,))):
        print(name, type(Registry.get(name, *args)).__name__)
    print(Registry.__annotations__)
    ''')
case("r40_nb_class_table_update_setdefault_annotations_read", "A class table filled by [], update and setdefault.",
     after=[CLASS_TABLE])

CLASS_ANN_READ = d('''
    class Hyper:
        lr: float = 1e-3
        epochs: int = 2
        batch_size: int = 4


    for name, typ in Hyper.__annotations__.items():
        print(f"{name}: {typ.__name__}")
    print(Hyper.lr, Hyper.epochs, Hyper.batch_size)
    print(CNN.forward.__annotations__, conv_output_size.__annotations__)
    ''')
case("r40_nb_class_and_function_annotations_read", "Annotations read on a class and on functions.",
     q2=Q2_TYPED, q7=Q7_TYPED, after=[CLASS_ANN_READ])

Q8_COMMON_FROM = d('''
    from torch.nn import common_types
    from torch.nn.modules.utils import _pair


    def conv_block(input_channels: int, output_channels: int,
                   kernel_size: common_types._size_2_t = 3, padding: common_types._size_2_t = 1) -> nn.Sequential:
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, _pair(kernel_size), padding=_pair(padding)),
                             nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels: int) -> None:
            super().__init__()
            self.main = nn.Sequential(*[conv_block(input_channels if i == 0 else 3, 3) for i in range(5)],
                                      nn.Flatten(), nn.Linear(49152, 1))

        def forward(self, x):
            return self.main(x)
    ''')
case("r40_nb_conv_block_common_types_from_torch_nn", "conv_block typed with `common_types._size_2_t` "
     "(from torch.nn import common_types).", q8=Q8_COMMON_FROM)

Q5_DOTTED = d('''
    import torch.nn.common_types


    def conv2d_params(in_channels: int, out_channels: int, kernel_size: torch.nn.common_types._size_2_t,
                      bias: bool = True) -> int:
        kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
        return out_channels * (in_channels * kh * kw + int(bias))


    def linear_params(in_features: int, out_features: int, bias: bool = True) -> int:
        return out_features * (in_features + int(bias))
    ''')
case("r40_nb_q5_dotted_common_types_size_2_t", "q5 typed with torch.nn.common_types._size_2_t (dotted).",
     q5=Q5_DOTTED)

Q8_SIZE_ANY = d('''
    from torch.nn.common_types import _size_2_t, _size_any_t


    def conv_block(input_channels: int, output_channels: int, kernel_size: _size_2_t = 3) -> nn.Sequential:
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels: int, image_size: _size_any_t = (128, 128)) -> None:
            super().__init__()
            h, w = image_size
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)))
            self.fc = nn.Linear(3 * h * w, 1)

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))


    import typing
    print(typing.get_type_hints(conv_block), typing.get_type_hints(ConvNet.__init__))
    ''')
case("r40_nb_q8_size_any_t_get_type_hints", "q8 typed with _size_2_t/_size_any_t, read with get_type_hints.",
     q8=Q8_SIZE_ANY)

Q6_FUTURE_SIZE = d('''
    from torch.nn.common_types import _size_2_t


    def conv2d(image: Tensor, kernel: Tensor, stride: _size_2_t = 1, padding: _size_2_t = 0) -> Tensor:
        sh, sw = (stride, stride) if isinstance(stride, int) else stride
        ph, pw = (padding, padding) if isinstance(padding, int) else padding
        H, W = image.shape
        x = image.new_zeros((H + 2 * ph, W + 2 * pw))
        x[ph:ph + H, pw:pw + W] = image
        kh, kw = kernel.shape
        oh, ow = (x.shape[0] - kh) // sh + 1, (x.shape[1] - kw) // sw + 1
        out = image.new_zeros((oh, ow))
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (x[i * sh:i * sh + kh, j * sw:j * sw + kw] * kernel).sum()
        return out
    ''')
case("r40_nb_future_q6_size_2_t_postponed", "q6 typed with _size_2_t under from __future__ import annotations.",
     imports=FUTURE + "from torch import Tensor\n", q6=(Q6_FUTURE_SIZE, "loops", "tensor"))

NT_FLAGS_FUTURE = d('''
    from typing import NamedTuple


    class RunFlags(NamedTuple):
        profile: bool = False
        inspect: bool = True
        parent: RunFlags | None = None

        @classmethod
        def quiet(cls) -> RunFlags:
            return cls(inspect=False)


    flags = RunFlags.quiet()
    base = RunFlags()
    print(flags, base)
    if base.inspect:
        print(CNN())
    if not flags.profile:
        print("no profiling")
    ''')
case("r40_nb_future_namedtuple_flags_classmethod_forward_ref", "NamedTuple flags made by a classmethod "
     "(a forward reference to themselves).", imports=FUTURE, after=[NT_FLAGS_FUTURE])

PY_ANN = d('''
    """Lab 6 answers as a script, with a typed config module-level."""
    from __future__ import annotations

    import argparse
    from typing import Literal

    import numpy as np
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    from pydantic import BaseModel


    class RunConfig(BaseModel):
        inspect: bool = False
        profile: bool = False
        device: Literal["cpu", "cuda"] = "cpu"

        @classmethod
        def from_args(cls, argv: list[str] | None = None) -> RunConfig:
            p = argparse.ArgumentParser()
            p.add_argument("--inspect", action="store_true")
            a = p.parse_args(argv or [])
            return cls(inspect=a.inspect)
    ''')
PY_ANN_END = d('''

    if __name__ == "__main__":
        cfg = RunConfig.from_args([])
        if cfg.inspect:
            print(CNN())
        print(cfg.model_dump(), RunConfig.model_fields.keys())
    ''')
CASES["r40_py_future_pydantic_runconfig_from_args"] = [PY_ANN, *answers(headers=False, q7=Q7_TYPED), SHAPES,
                                                       PY_ANN_END]


# ===============================================================================================================
# isolation copies (not corpus files): one construct changed
# ===============================================================================================================
ISO: dict[str, list] = {}


def iso(name: str, base: str, *changes: tuple[str, str]) -> None:
    found = {old: 0 for old, _ in changes}

    def edit(src: str) -> str:
        for old, new in changes:
            if old in src:
                found[old] += 1
                src = src.replace(old, new)
        return src

    def cell(c):
        if isinstance(c, str):
            return edit(c)
        if isinstance(c, tuple) and c[0] == "code":
            return ("code", edit(c[1]), *c[2:])
        return c

    cells = [cell(c) for c in CASES[base]]
    missing = [old for old, n in found.items() if not n]
    if missing:
        raise ValueError(f"{name}: not found in {base}: {missing}")
    ISO[name] = cells


_NB = "_nb_"
iso(f"iso{_NB}class_table_item_assignments_only", "r40_nb_class_table_update_setdefault_annotations_read",
    ("Registry.models.update(convnet=ConvNet)", 'Registry.models["convnet"] = ConvNet'),
    ('Registry.models.setdefault("fcnn", ConvNet)', 'Registry.models["fcnn"] = ConvNet'))
iso(f"iso{_NB}class_table_unannotated_items_only", "r40_nb_class_table_update_setdefault_annotations_read",
    ("models: dict[str, type[nn.Module]] = {}", "models = {}"),
    ("Registry.models.update(convnet=ConvNet)", 'Registry.models["convnet"] = ConvNet'),
    ('Registry.models.setdefault("fcnn", ConvNet)', 'Registry.models["fcnn"] = ConvNet'))
iso(f"iso{_NB}class_table_items_no_get", "r40_nb_class_table_update_setdefault_annotations_read",
    ("Registry.models.update(convnet=ConvNet)", 'Registry.models["convnet"] = ConvNet'),
    ('Registry.models.setdefault("fcnn", ConvNet)', 'Registry.models["fcnn"] = ConvNet'),
    ("    @classmethod\n    def get(cls, name: str, *args) -> nn.Module:\n        return cls.models[name](*args)\n", ""),
    ("type(Registry.get(name, *args)).__name__", "type(Registry.models[name](*args)).__name__"))
iso(f"iso{_NB}class_table_update_setdefault_no_get", "r40_nb_class_table_update_setdefault_annotations_read",
    ("    @classmethod\n    def get(cls, name: str, *args) -> nn.Module:\n        return cls.models[name](*args)\n", ""),
    ("type(Registry.get(name, *args)).__name__", "type(Registry.models[name](*args)).__name__"))
iso(f"iso{_NB}class_table_setdefault_only", "r40_nb_class_table_update_setdefault_annotations_read",
    ("Registry.models.update(convnet=ConvNet)", 'Registry.models["convnet"] = ConvNet'))
iso(f"iso{_NB}q2_without_validate_call", "r40_nb_future_validate_call_annotated_q2",
    ("from pydantic import Field, validate_call", "from pydantic import Field"), ("@validate_call\n", ""))
iso(f"iso{_NB}q9_without_typeadapter", "r40_nb_future_typeadapter_literal_q9_model_q10",
    ("from pydantic import TypeAdapter\n", ""),
    ('q9_true = TypeAdapter(set[Letter]).validate_python({"C"})', 'q9_true: set[Letter] = {"C"}'))
iso(f"iso{_NB}timed_without_wrapped_read", "r40_nb_future_paramspec_timed_conv2d",
    (", conv2d.__wrapped__.__name__)", ")"))
iso(f"iso{_NB}pydantic_block_field_named_subblocks", "r40_nb_pydantic_string_annotations_recursive_model",
    ('children: "list[Block]" = []', 'subblocks: "list[Block]" = []'), ("children=[", "subblocks=["))
iso(f"iso{_NB}protocol_without_get_type_hints", "r40_nb_runtime_checkable_protocol_string_return",
    ("print(typing.get_type_hints(HasParameters.parameters))\n", ""))
iso(f"iso{_NB}size_2_t_by_name_q5", "r40_nb_q5_dotted_common_types_size_2_t",
    ("import torch.nn.common_types\n", "from torch.nn.common_types import _size_2_t\n"),
    ("torch.nn.common_types._size_2_t", "_size_2_t"))
iso(f"iso{_NB}simplenamespace_flags_keywords", "r40_nb_simplenamespace_flags_set_attribute_by_attribute",
    ("flags = SimpleNamespace()\nflags.profile = False\nflags.inspect = True\nflags.timeit = False\nflags.measure = True\n",
     "flags = SimpleNamespace(profile=False, inspect=True, timeit=False, measure=True)\n"))
iso(f"iso{_NB}timer_bound_directly_not_from_dict", "r40_nb_timer_self_classmethod_in_dict",
    ('t6 = timers["q6"]', 't6 = Timer.named("q6")'))
iso(f"iso{_NB}get_type_hints_dropped", "r40_nb_future_namedtuple_typeddict_q3_get_type_hints",
    ("typing.get_type_hints(Trace), typing.get_type_hints(Shape.pooled))", "sorted(t))"))
iso(f"iso{_NB}signature_without_eval_str", "r40_nb_future_inspect_signature_eval_str",
    ("inspect.signature(fn, eval_str=True)", "inspect.signature(fn)"),
    ("print(inspect.get_annotations(conv2d, eval_str=True))\n", ""),
    ("print(inspect.get_annotations(ConvNet.__init__, eval_str=True))\n", ""))
iso(f"iso{_NB}runconfig_not_pydantic", "r40_nb_namespace_from_parsed_args_keywords",
    ("cfg = SimpleNamespace(profile=args.profile, inspect=args.inspect, epochs=args.epochs, timeit=False)",
     "cfg = SimpleNamespace(profile=False, inspect=True, epochs=1, timeit=False)"))


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

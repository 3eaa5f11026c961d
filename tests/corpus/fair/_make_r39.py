"""Round 39 of the fairness corpus: dataclasses, NamedTuples and enums as students write them, own objects made by
factories and namespaces with flags named like modules, torch's labels and type aliases, ``from __future__ import
annotations`` across cells, and models that look at their own input (dtype, channels_last, float64).

Aimed at the day's changes: the worker lets ``dataclasses`` compile only for classes whose field names are
identifiers (``__annotations__`` and bases' ``__dataclass_fields__``), the reader refuses ``__annotations__``
written by hand and accepts own instances made by factories and ``SimpleNamespace`` flags named ``profile`` /
``inspect`` / ``measure`` / ``timeit``, a ``__future__`` import holds for later cells, and the judge's normalised
photographs are made as ``ToTensor`` + ``Normalize(0.5, 0.5)`` make them.

    python tests/corpus/fair/_make_r39.py            # rewrites tests/corpus/fair/r39_*
    python tests/corpus/fair/_make_r39.py --out DIR  # writes them to DIR instead
    python tests/corpus/fair/_make_r39.py --iso DIR  # isolation copies for _r39_findings.md (not corpus files)
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

CASES: dict[str, list] = {}


def case(name: str, title: str, before: list = (), after: list = (), imports: str = IMPORTS, **kw) -> None:
    CASES[name] = [md(f"# Lab 6 - CNNs\n{title}"), imports, *before, *answers(**kw), SHAPES, *after]


def script(name: str, before: list = (), after: list = (), imports: str = IMPORTS, **kw) -> None:
    CASES[name] = [imports, *before, *answers(headers=False, **kw), SHAPES, *after]


def write(out_dir: Path, name: str, cells: list) -> None:
    r38.write(out_dir, name, cells)


# ===============================================================================================================
# 1. dataclasses as students write them (the worker's new check on the classes dataclasses compiles for)
# ===============================================================================================================
Q7_FROZEN_SLOTS = d('''
    from dataclasses import dataclass, field


    @dataclass(frozen=True, slots=True)
    class CNNConfig:
        """Hyper-parameters of the pooled CNN of the lecture."""
        in_channels: int = 1
        channels: tuple[int, ...] = (3, 2)
        kernel_size: int = 3
        padding: int = 1
        image_size: int = 100

        @property
        def flat_features(self) -> int:
            size = self.image_size
            for _ in self.channels:
                size //= 2
            return self.channels[-1] * size * size


    class CNN(nn.Module):
        def __init__(self, cfg: CNNConfig = CNNConfig()):
            super().__init__()
            layers = []
            c_in = cfg.in_channels
            for c_out in cfg.channels:
                layers += [nn.Conv2d(c_in, c_out, cfg.kernel_size, padding=cfg.padding), nn.ReLU(), nn.MaxPool2d(2)]
                c_in = c_out
            self.features = nn.Sequential(*layers)
            self.head = nn.Linear(cfg.flat_features, 1)

        def forward(self, x):
            return self.head(torch.flatten(self.features(x), 1))


    cfg = CNNConfig()
    print(cfg, cfg.flat_features)
    ''')
case("r39_nb_frozen_slots_config_builds_cnn", "Config as a frozen, slotted dataclass.", q7=Q7_FROZEN_SLOTS)

Q3_KW_ONLY = d('''
    from dataclasses import dataclass, field, InitVar


    @dataclass(kw_only=True)
    class ShapeTrace:
        size: int
        channels: list[int] = field(default_factory=list)
        pool: InitVar[int] = 2
        shapes: list[tuple[int, int, int]] = field(init=False, default_factory=list)

        def __post_init__(self, pool: int) -> None:
            size = self.size
            for c in self.channels:
                size = conv_output_size(size, 3, padding=1)
                self.shapes.append((c, size, size))
                size //= pool
                self.shapes.append((c, size, size))

        @property
        def flat(self) -> int:
            c, h, w = self.shapes[-1]
            return c * h * w


    trace = ShapeTrace(size=100, channels=[3, 2], pool=2)
    q3_shapes = trace.shapes
    q3_flatten_features = trace.flat
    print(q3_shapes, q3_flatten_features)
    ''')
case("r39_nb_kw_only_initvar_post_init_q3", "q3 traced by a keyword-only dataclass with an InitVar.", q3=Q3_KW_ONLY)

CLASSVAR_CFG = d('''
    import dataclasses
    from dataclasses import dataclass, field, asdict, astuple, fields, replace
    from typing import ClassVar


    @dataclass
    class BaseConfig:
        seed: int = 0
        device: str = "cpu"
        VERSION: ClassVar[str] = "lab6"


    @dataclass
    class TrainConfig(BaseConfig):
        lr: float = 1e-3
        epochs: int = 2
        batch_size: int = 8
        tags: list[str] = field(default_factory=lambda: ["cnn", "lecture6"])
        registry: ClassVar[dict[str, int]] = {}


    base = TrainConfig()
    fast = replace(base, lr=1e-2, epochs=1)
    print(asdict(fast))
    print(astuple(base))
    for f in fields(TrainConfig):
        print(f"{f.name:>10} = {f.default if f.default is not dataclasses.MISSING else '(factory)'}")
    print(TrainConfig.VERSION, dataclasses.is_dataclass(fast), fast == base)
    ''')
TRAIN_WITH_CFG = d('''
    torch.manual_seed(fast.seed)
    model = CNN()
    opt = torch.optim.SGD(model.parameters(), lr=fast.lr)
    xb, yb = torch.rand(fast.batch_size, 1, 100, 100), torch.rand(fast.batch_size, 1)
    for epoch in range(fast.epochs):
        loss = F.mse_loss(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(epoch, round(loss.item(), 4))
    ''')
case("r39_nb_classvar_inheritance_replace_asdict_fields", "Configs with ClassVar, inheritance, replace/asdict/fields.",
     before=[CLASSVAR_CFG], after=[TRAIN_WITH_CFG])

MAKE_DC = d('''
    from dataclasses import make_dataclass, field, asdict

    Hyper = make_dataclass("Hyper", [("lr", float, field(default=1e-3)), ("epochs", int, field(default=2)),
                                     ("batch_size", int, field(default=4))], frozen=True)
    hp = Hyper()
    print(hp, asdict(hp))
    ''')
TRAIN_HP = d('''
    model = ConvNet(3)
    opt = torch.optim.Adam(model.parameters(), lr=hp.lr)
    for step in range(hp.epochs):
        x = torch.rand(hp.batch_size, 3, 128, 128)
        loss = model(x).pow(2).mean()
        opt.zero_grad(); loss.backward(); opt.step()
    print("done", loss.item() >= 0)
    ''')
case("r39_nb_make_dataclass_hyperparameters", "Hyper-parameters from make_dataclass.", before=[MAKE_DC],
     after=[TRAIN_HP])

Q7_DC_MODULE = d('''
    from dataclasses import dataclass


    @dataclass(eq=False, repr=False)
    class CNN(nn.Module):
        """The lecture's pooled CNN, as a dataclass: its options are fields."""
        in_channels: int = 1
        hidden: int = 3
        out_channels: int = 2

        def __post_init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(self.in_channels, self.hidden, 3, padding=1)
            self.conv2 = nn.Conv2d(self.hidden, self.out_channels, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(self.out_channels * 25 * 25, 1)

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            return self.fc(x.flatten(1))
    ''')
Q8_DC_MODULE = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    @dataclass(eq=False, repr=False)
    class ConvNet(nn.Module):
        input_channels: int
        width: int = 3
        depth: int = 5
        image_size: int = 128

        def __post_init__(self):
            super().__init__()
            blocks = [conv_block(self.input_channels, self.width)]
            blocks += [conv_block(self.width, self.width) for _ in range(self.depth - 1)]
            self.blocks = nn.Sequential(*blocks)
            self.fc = nn.Linear(self.width * self.image_size ** 2, 1)

        def forward(self, x):
            return self.fc(torch.flatten(self.blocks(x), 1))


    print(ConvNet(3))
    ''')
case("r39_nb_dataclass_module_mixin_post_init", "Models written as dataclasses (eq=False) that build layers in "
     "__post_init__.", q7=Q7_DC_MODULE, q8=Q8_DC_MODULE)

FUTURE_FIRST = d('''
    from __future__ import annotations

    from typing import TYPE_CHECKING
    if TYPE_CHECKING:
        from collections.abc import Sequence
        from torch import Tensor
    ''')
FUTURE_CFG = d('''
    from dataclasses import dataclass, field, fields


    @dataclass
    class ModelConfig:
        channels: list[int] = field(default_factory=lambda: [3, 2])
        hidden: Sequence[int] = ()

        @classmethod
        def from_dict(cls, raw: dict[str, object]) -> ModelConfig:
            return cls(**raw)

        def merged(self, other: ModelConfig | None = None) -> ModelConfig:
            return other or self


    cfg = ModelConfig.from_dict({"channels": [3, 2]})
    print(cfg.merged(), [f.name for f in fields(ModelConfig)])
    ''')
Q2_FUTURE = d('''
    def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
        if kernel_size > size + 2 * padding:
            raise ValueError("kernel larger than the padded input")
        return (size + 2 * padding - kernel_size) // stride + 1


    def total(counts: Sequence[int]) -> int:
        return sum(counts)


    def describe(t: Tensor) -> str:
        return f"{tuple(t.shape)} {t.dtype}"


    print(conv_output_size(100, 3, padding=1), total([1, 2]), describe(torch.zeros(2, 3)))
    ''')
Q7_FUTURE = d('''
    class CNN(nn.Module):
        def __init__(self, cfg: ModelConfig | None = None) -> None:
            super().__init__()
            cfg = cfg or ModelConfig()
            c1, c2 = cfg.channels
            self.conv1 = nn.Conv2d(1, c1, 3, padding=1)
            self.conv2 = nn.Conv2d(c1, c2, 3, padding=1)
            self.fc = nn.Linear(c2 * 25 * 25, 1)

        @classmethod
        def from_config(cls, cfg: ModelConfig) -> CNN:
            return cls(cfg)

        def forward(self, x: Tensor) -> Tensor:
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(torch.flatten(x, 1))


    print(CNN.from_config(cfg))
    ''')
CASES["r39_nb_future_annotations_first_cell_type_checking"] = [
    md("# Lab 6\n`from __future__ import annotations` in its own first cell."), FUTURE_FIRST, IMPORTS, FUTURE_CFG,
    *answers(q2=Q2_FUTURE, q7=Q7_FUTURE), SHAPES]

FUTURE_SCRIPT_HEAD = d('''
    """Lab 6 solutions."""
    from __future__ import annotations

    from dataclasses import dataclass, field
    from typing import TYPE_CHECKING

    import numpy as np
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    if TYPE_CHECKING:
        from collections.abc import Iterator
    ''')
Q8_FUTURE = d('''
    @dataclass(frozen=True)
    class BlockSpec:
        in_ch: int
        out_ch: int
        kernel: int = 3

        def build(self) -> nn.Sequential:
            return conv_block(self.in_ch, self.out_ch)

        @staticmethod
        def chain(first: int, width: int, n: int) -> Iterator[BlockSpec]:
            yield BlockSpec(first, width)
            for _ in range(n - 1):
                yield BlockSpec(width, width)


    def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels: int) -> None:
            super().__init__()
            self.blocks = nn.Sequential(*(spec.build() for spec in BlockSpec.chain(input_channels, 3, 5)))
            self.fc = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.fc(self.blocks(x).flatten(1))

        @classmethod
        def for_rgb(cls) -> ConvNet:
            return cls(3)
    ''')
CASES["r39_py_future_annotations_blockspec_iterator"] = [
    FUTURE_SCRIPT_HEAD, *answers(headers=False, q8=Q8_FUTURE), SHAPES,
    "if __name__ == \"__main__\":\n    print(ConvNet.for_rgb())\n"]

PYD_DC = d('''
    from pydantic import Field
    from pydantic.dataclasses import dataclass as pydantic_dataclass


    @pydantic_dataclass(frozen=True)
    class TrainSettings:
        lr: float = Field(1e-3, gt=0)
        epochs: int = Field(2, ge=1)
        batch_size: int = 4


    settings = TrainSettings(lr="0.01", epochs=1)
    print(settings)
    ''')
TRAIN_SETTINGS = d('''
    model = CNN()
    opt = torch.optim.SGD(model.parameters(), lr=settings.lr)
    for _ in range(settings.epochs):
        loss = model(torch.rand(settings.batch_size, 1, 100, 100)).abs().mean()
        opt.zero_grad(); loss.backward(); opt.step()
    print(float(loss) >= 0)
    ''')
case("r39_nb_pydantic_dataclass_field_constraints", "Training settings as a pydantic dataclass.", before=[PYD_DC],
     after=[TRAIN_SETTINGS])

Q8_NAMEDTUPLE = d('''
    from typing import NamedTuple


    class ConvSpec(NamedTuple):
        in_ch: int
        out_ch: int
        kernel_size: int = 3
        padding: int = 1


    def conv_block(input_channels, output_channels):
        spec = ConvSpec(input_channels, output_channels)
        return nn.Sequential(nn.Conv2d(spec.in_ch, spec.out_ch, spec.kernel_size, padding=spec.padding), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            first = ConvSpec(input_channels, 3)
            specs = [first] + [first._replace(in_ch=3)] * 4
            self.body = nn.Sequential(*(conv_block(s.in_ch, s.out_ch) for s in specs))
            self.out = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x):
            return self.out(self.body(x).flatten(start_dim=1))


    print(ConvSpec._fields, ConvSpec(1, 3)._asdict())
    ''')
case("r39_nb_namedtuple_layer_specs_replace", "q8's blocks from typing.NamedTuple specs.", q8=Q8_NAMEDTUPLE)

Q7_ENUM = d('''
    from enum import Enum, auto


    class Layer(Enum):
        CONV = auto()
        RELU = auto()
        POOL = auto()
        FLAT = auto()
        DENSE = auto()


    PLAN = [(Layer.CONV, (1, 3)), (Layer.RELU, ()), (Layer.POOL, ()), (Layer.CONV, (3, 2)), (Layer.RELU, ()),
            (Layer.POOL, ()), (Layer.FLAT, ()), (Layer.DENSE, (1250, 1))]


    def make(kind: Layer, args: tuple) -> nn.Module:
        if kind is Layer.CONV:
            return nn.Conv2d(*args, kernel_size=3, padding=1)
        if kind is Layer.RELU:
            return nn.ReLU()
        if kind is Layer.POOL:
            return nn.MaxPool2d(2)
        if kind is Layer.FLAT:
            return nn.Flatten()
        return nn.Linear(*args)


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(*(make(k, a) for k, a in PLAN))

        def forward(self, x):
            return self.net(x)


    print([k.name for k, _ in PLAN])
    ''')
case("r39_nb_enum_layer_kinds_auto", "CNN from a plan of Enum layer kinds.", q7=Q7_ENUM)

META_ARGS = d('''
    import argparse
    from dataclasses import dataclass, field, fields


    @dataclass
    class Args:
        lr: float = field(default=1e-3, metadata={"help": "learning rate"})
        epochs: int = field(default=2, metadata={"help": "passes over the data"})
        batch_size: int = field(default=4, metadata={"help": "images per step"})


    parser = argparse.ArgumentParser(description="Lab 6")
    for f in fields(Args):
        parser.add_argument(f"--{f.name.replace('_', '-')}", type=type(f.default), default=f.default,
                            help=f.metadata["help"])
    args = parser.parse_args([])
    run = Args(lr=args.lr, epochs=args.epochs, batch_size=args.batch_size)
    print(run)
    parser.print_help()
    ''')
case("r39_nb_dataclass_field_metadata_argparse_help", "argparse options from a dataclass's field metadata.",
     before=[META_ARGS])

Q7_FROZEN_SETATTR = d('''
    from dataclasses import dataclass, field


    @dataclass(frozen=True)
    class Arch:
        image: int = 100
        convs: tuple[int, int] = (3, 2)
        flat: int = field(init=False)

        def __post_init__(self):
            if self.image % 4:
                raise ValueError("two 2x2 poolings need a multiple of 4")
            object.__setattr__(self, "flat", self.convs[-1] * (self.image // 4) ** 2)


    ARCH = Arch()


    class CNN(nn.Module):
        def __init__(self, arch: Arch = ARCH):
            super().__init__()
            a, b = arch.convs
            self.conv1 = nn.Conv2d(1, a, 3, padding=1)
            self.conv2 = nn.Conv2d(a, b, 3, padding=1)
            self.fc = nn.Linear(arch.flat, 1)

        def forward(self, x):
            x = F.max_pool2d(torch.relu(self.conv1(x)), 2)
            x = F.max_pool2d(torch.relu(self.conv2(x)), 2)
            return self.fc(x.reshape(x.shape[0], -1))


    print(ARCH)
    ''')
case("r39_nb_frozen_post_init_object_setattr", "A frozen dataclass sets a derived field with object.__setattr__.",
     q7=Q7_FROZEN_SETATTR)

SLOTS_ORDER = d('''
    from dataclasses import dataclass


    @dataclass(slots=True)
    class Named:
        name: str


    @dataclass(slots=True, order=True)
    class ParamCount(Named):
        params: int = 0

        def __str__(self):
            return f"{self.name:<8}{self.params:>10,}"


    rows = sorted([ParamCount("FCNN", q4_fcnn_params), ParamCount("CNN", q4_cnn_params),
                   ParamCount("ConvNet", sum(p.numel() for p in ConvNet(1).parameters()))], key=lambda r: r.params)
    for r in rows:
        print(r)
    print(min(rows), max(rows, key=lambda r: r.params).name)
    ''')
case("r39_nb_slots_order_dataclass_inheritance_table", "A parameter table of slotted, ordered dataclasses.",
     after=[SLOTS_ORDER])

GENERIC_HIST = d('''
    from dataclasses import dataclass, field
    from typing import Generic, TypeVar

    T = TypeVar("T")


    @dataclass
    class History(Generic[T]):
        values: list[T] = field(default_factory=list)
        best: T | None = None

        def add(self, v: T) -> None:
            self.values.append(v)
            if self.best is None or v < self.best:
                self.best = v


    hist: History[float] = History()
    model = CNN()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x, y = torch.rand(6, 1, 100, 100), torch.rand(6, 1)
    for _ in range(3):
        loss = F.mse_loss(model(x), y)
        opt.zero_grad(); loss.backward(); opt.step()
        hist.add(loss.item())
    print(len(hist.values), hist.best is not None)
    ''')
case("r39_nb_generic_dataclass_history", "A Generic dataclass logs the training losses.", after=[GENERIC_HIST])

EXPERIMENT = d('''
    from dataclasses import dataclass, field
    from typing import Callable, Optional


    @dataclass
    class Experiment:
        model: nn.Module
        optimizer: torch.optim.Optimizer
        loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor] = F.mse_loss
        scheduler: Optional[torch.optim.lr_scheduler.LRScheduler] = None
        losses: list[float] = field(default_factory=list)

        def step(self, x: torch.Tensor, y: torch.Tensor) -> float:
            self.model.train()
            loss = self.loss_fn(self.model(x), y)
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
            if self.scheduler is not None:
                self.scheduler.step()
            self.losses.append(loss.item())
            return self.losses[-1]


    net = ConvNet(1)
    opt = torch.optim.SGD(net.parameters(), lr=0.01)
    exp = Experiment(net, opt, scheduler=torch.optim.lr_scheduler.StepLR(opt, 1, gamma=0.5))
    for _ in range(2):
        exp.step(torch.rand(2, 1, 128, 128), torch.rand(2, 1))
    print(len(exp.losses))
    ''')
case("r39_nb_experiment_dataclass_holds_model_optimizer", "An Experiment dataclass with the model and optimizer.",
     after=[EXPERIMENT])

JSON_RT = d('''
    import json
    from dataclasses import dataclass, asdict, field


    @dataclass
    class RunConfig:
        name: str = "lab6"
        lr: float = 0.001
        channels: list[int] = field(default_factory=lambda: [3, 2])

        def to_json(self) -> str:
            return json.dumps(asdict(self), indent=2)

        @classmethod
        def from_json(cls, text: str) -> "RunConfig":
            return cls(**json.loads(text))


    text = RunConfig(lr=0.01).to_json()
    print(text)
    back = RunConfig.from_json(text)
    assert back == RunConfig(lr=0.01)
    with open("run_config.json", "w") as fh:
        fh.write(text)
    ''')
case("r39_nb_asdict_json_round_trip_config", "A config saved as JSON and read back.", before=[JSON_RT])

Q6_DC_WINDOW = d('''
    from dataclasses import dataclass


    @dataclass(frozen=True)
    class Window:
        top: int
        left: int
        height: int
        width: int

        def cut(self, x):
            return x[self.top:self.top + self.height, self.left:self.left + self.width]


    def conv2d(image, kernel, stride=1, padding=0):
        if padding:
            image = F.pad(image, (padding,) * 4)
        kh, kw = kernel.shape
        oh = (image.shape[0] - kh) // stride + 1
        ow = (image.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (Window(i * stride, j * stride, kh, kw).cut(image) * kernel).sum()
        return out
    ''')
Q6_POOL_DC = d('''
    def max_pool2d(image, kernel_size=2, stride=None):
        stride = stride or kernel_size
        oh = (image.shape[0] - kernel_size) // stride + 1
        ow = (image.shape[1] - kernel_size) // stride + 1
        out = torch.empty(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = Window(i * stride, j * stride, kernel_size, kernel_size).cut(image).max()
        return out
    ''')
case("r39_nb_q6_window_dataclass_inside_by_hand", "q6's windows as a frozen dataclass.",
     q6=(Q6_DC_WINDOW, Q6_POOL_DC, "tensor"))

Q2_DC_SPEC = d('''
    from dataclasses import dataclass
    from typing import NamedTuple


    @dataclass(frozen=True)
    class ConvSpec:
        kernel_size: int
        stride: int = 1
        padding: int = 0

        def output_size(self, size: int) -> int:
            if self.kernel_size > size + 2 * self.padding:
                raise ValueError(f"{self} does not fit {size}")
            return (size + 2 * self.padding - self.kernel_size) // self.stride + 1


    def conv_output_size(size, kernel_size, stride=1, padding=0):
        return ConvSpec(kernel_size, stride, padding).output_size(size)
    ''')
Q5_NT = d('''
    class Counts(NamedTuple):
        weights: int
        biases: int

        @property
        def total(self) -> int:
            return self.weights + self.biases


    def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
        kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
        return Counts(out_channels * in_channels * kh * kw, out_channels if bias else 0).total


    def linear_params(in_features, out_features, bias=True):
        return Counts(in_features * out_features, out_features if bias else 0).total
    ''')
case("r39_nb_q2_dataclass_method_q5_namedtuple_property", "q2 through a dataclass's method, q5 through a "
     "NamedTuple's property.", q2=Q2_DC_SPEC, q5=Q5_NT)

ANN_PRINT = d('''
    import inspect
    from dataclasses import dataclass


    @dataclass
    class Config:
        lr: float = 1e-3
        epochs: int = 2
        optimizer: str = "adam"


    print(Config.__annotations__)
    for name, kind in inspect.get_annotations(Config).items():
        print(f"{name}: {kind.__name__}")
    ''')
case("r39_nb_annotations_printed_in_place_inspect_get_annotations", "A config's annotations printed.",
     before=[ANN_PRINT])

MODULE_ANN = d('''
    # settings of this notebook
    lr: float = 1e-3
    epochs: int = 2
    batch_size: int = 8
    print(__annotations__)
    ''')
case("r39_nb_module_level_annotated_settings_printed", "Annotated settings at top level, printed.",
     before=[MODULE_ANN])

# ===============================================================================================================
# 2. flags named like modules, own objects made by factories
# ===============================================================================================================
NS_DICT = d('''
    from types import SimpleNamespace

    DEFAULTS = {"profile": False, "measure": True, "inspect": False, "timeit": False}
    flags = SimpleNamespace(**DEFAULTS)
    opts = SimpleNamespace(**{"profile": False, "verbose": True})
    print(flags, opts)
    ''')
NS_USE = d('''
    import time
    if flags.measure:
        t0 = time.perf_counter()
    out = CNN()(torch.rand(2, 1, 100, 100))
    if flags.measure:
        print(f"forward: {time.perf_counter() - t0:.4f} s")
    if flags.profile or opts.profile:
        print("profiling is off in this notebook")
    if flags.inspect:
        print(out)
    ''')
case("r39_nb_flags_simplenamespace_from_dict", "Flags in SimpleNamespace(**dict).", before=[NS_DICT], after=[NS_USE])

ARGNS = d('''
    import argparse

    args = argparse.Namespace(profile=False, inspect=False, epochs=1, lr=0.01)
    print(args)
    ''')
ARGNS_USE = d('''
    model = CNN()
    if args.inspect:
        print(model)
    opt = torch.optim.SGD(model.parameters(), lr=args.lr)
    for _ in range(args.epochs):
        loss = model(torch.rand(4, 1, 100, 100)).pow(2).mean()
        opt.zero_grad(); loss.backward(); opt.step()
    if args.profile:
        print("profile requested")
    ''')
case("r39_nb_flags_argparse_namespace_constructed", "argparse.Namespace made directly (as in a test of main()).",
     before=[ARGNS], after=[ARGNS_USE])

STOPWATCH = d('''
    import time


    class Stopwatch:
        """Times named steps."""

        def __init__(self, name="run"):
            self.name = name
            self.laps = {}

        def measure(self, label, fn, *args):
            t0 = time.perf_counter()
            result = fn(*args)
            self.laps[label] = time.perf_counter() - t0
            return result

        def timeit(self, fn, *args, repeat=3):
            return min(self.measure("t", fn, *args) is not None and self.laps["t"] for _ in range(repeat))


    def make_stopwatch(name="lab6"):
        """Return a fresh Stopwatch for one section of the notebook."""
        return Stopwatch(name)
    ''')
SW_USE = d('''
    sw = make_stopwatch("q6")
    img, ker = torch.rand(6, 6), torch.rand(3, 3)
    res = sw.measure("conv2d", conv2d, img, ker)
    best = sw.timeit(max_pool2d, img)
    print(res.shape, sorted(sw.laps), best >= 0)
    ''')
case("r39_nb_stopwatch_factory_with_docstring", "A Stopwatch made by a factory with a docstring.",
     before=[STOPWATCH], after=[SW_USE])

STOPWATCH2 = STOPWATCH.replace('''def make_stopwatch(name="lab6"):
    """Return a fresh Stopwatch for one section of the notebook."""
    return Stopwatch(name)
''', "").replace('''    def timeit(''', '''    @staticmethod
    def create(name="lab6"):
        return Stopwatch(name)

    def timeit(''') + "\n\nimport functools\nq6_watch = functools.partial(Stopwatch, name=\"q6\")\n"
assert "def create" in STOPWATCH2 and "make_stopwatch" not in STOPWATCH2
SW_USE2 = d('''
    sw = Stopwatch.create("q7")
    sw.measure("cnn", CNN()(torch.rand(1, 1, 100, 100)).sum)
    sw2 = q6_watch()
    sw2.measure("conv", conv2d, torch.rand(5, 5), torch.rand(3, 3))
    print(sorted(sw.laps), sorted(sw2.laps))
    ''')
case("r39_nb_stopwatch_staticmethod_and_partial", "Stopwatches from a staticmethod and functools.partial.",
     before=[STOPWATCH2], after=[SW_USE2])

PROFILER = d('''
    import time
    from dataclasses import dataclass


    @dataclass
    class TimerConfig:
        enabled: bool = True
        unit: str = "ms"


    class Timer:
        def __init__(self, enabled=True, unit="ms"):
            self.enabled, self.unit, self.total = enabled, unit, 0.0

        @classmethod
        def from_config(cls, cfg: TimerConfig) -> "Timer":
            return cls(cfg.enabled, cfg.unit)

        def measure(self, fn, *args):
            t0 = time.perf_counter()
            out = fn(*args)
            self.total += time.perf_counter() - t0
            return out


    class Lab:
        def __init__(self):
            self._timer = Timer.from_config(TimerConfig())

        @property
        def timer(self) -> Timer:
            return self._timer
    ''')
PROF_USE = d('''
    lab = Lab()
    y = lab.timer.measure(ConvNet(1), torch.rand(1, 1, 128, 128))
    t = Timer.from_config(TimerConfig(unit="s"))
    t.measure(conv2d, torch.rand(4, 4), torch.ones(2, 2))
    print(y.shape, lab.timer.total > 0, t.unit)
    ''')
case("r39_nb_timer_classmethod_from_config_property", "A Timer from a classmethod, reached through a property.",
     before=[PROFILER], after=[PROF_USE])

DC_FLAGS = d('''
    import dataclasses


    @dataclasses.dataclass(frozen=True)
    class RunFlags:
        profile: bool = False
        inspect: bool = False
        measure: bool = True


    flags = RunFlags()
    flags = dataclasses.replace(flags, inspect=True)
    print(flags)
    ''')
DC_FLAGS_USE = d('''
    model = ConvNet(3)
    if flags.inspect:
        print(sum(p.numel() for p in model.parameters()))
    if flags.profile:
        print("profiling")
    ''')
case("r39_nb_dataclass_flags_replace_profile_inspect", "Flags in a frozen dataclass, changed by replace().",
     before=[DC_FLAGS], after=[DC_FLAGS_USE])

NT_FLAGS = d('''
    from typing import NamedTuple


    class Flags(NamedTuple):
        profile: bool = False
        timeit: bool = False


    flags = Flags()._replace(timeit=True)
    print(flags)
    ''')
NT_FLAGS_USE = d('''
    import time
    if flags.timeit:
        t0 = time.perf_counter()
        CNN()(torch.rand(8, 1, 100, 100))
        print(f"{time.perf_counter() - t0:.3f} s")
    if flags.profile:
        print("profile")
    ''')
case("r39_nb_namedtuple_flags_timeit_replace", "Flags in a NamedTuple, changed by _replace().", before=[NT_FLAGS],
     after=[NT_FLAGS_USE])

# ===============================================================================================================
# 3. torch's labels and type aliases imported by name
# ===============================================================================================================
VERSIONS = d('''
    import sys
    from torch import __version__ as torch_version
    from torch.version import __version__ as tv, cuda as cuda_version
    from numpy import __version__ as np_version

    print(f"python {sys.version.split()[0]} | torch {torch_version} ({tv}, cuda {cuda_version}) | numpy {np_version}")
    ''')
case("r39_nb_versions_torch_version_module_by_name", "Versions imported by name from torch.version.",
     before=[VERSIONS])

Q6_SIZE2T = d('''
    from torch import Tensor
    from torch.nn.common_types import _size_2_t
    from torch.nn.modules.utils import _pair


    def conv2d(image: Tensor, kernel: Tensor, stride: _size_2_t = 1, padding: _size_2_t = 0) -> Tensor:
        sh, sw = _pair(stride)
        ph, pw = _pair(padding)
        if ph or pw:
            image = F.pad(image, (pw, pw, ph, ph))
        kh, kw = kernel.shape
        oh = (image.shape[0] - kh) // sh + 1
        ow = (image.shape[1] - kw) // sw + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (image[i * sh:i * sh + kh, j * sw:j * sw + kw] * kernel).sum()
        return out
    ''')
Q6_POOL_SIZE2T = d('''
    def max_pool2d(image: Tensor, kernel_size: _size_2_t = 2, stride: _size_2_t | None = None) -> Tensor:
        kh, kw = _pair(kernel_size)
        sh, sw = _pair(stride if stride is not None else kernel_size)
        oh = (image.shape[0] - kh) // sh + 1
        ow = (image.shape[1] - kw) // sw + 1
        return torch.stack([torch.stack([image[i * sh:i * sh + kh, j * sw:j * sw + kw].max() for j in range(ow)])
                            for i in range(oh)])
    ''')
case("r39_nb_q6_typed_size_2_t_with_pair", "q6 typed with torch's _size_2_t and _pair.",
     q6=(Q6_SIZE2T, Q6_POOL_SIZE2T, "tensor"))

WARMUP = d('''
    from torch.optim.lr_scheduler import _LRScheduler


    class LinearWarmup(_LRScheduler):
        def __init__(self, optimizer, warmup_steps=3, last_epoch=-1):
            self.warmup_steps = warmup_steps
            super().__init__(optimizer, last_epoch)

        def get_lr(self):
            scale = min(1.0, (self.last_epoch + 1) / self.warmup_steps)
            return [base * scale for base in self.base_lrs]


    model = CNN()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    sched = LinearWarmup(opt)
    for _ in range(4):
        loss = model(torch.rand(2, 1, 100, 100)).pow(2).mean()
        opt.zero_grad(); loss.backward(); opt.step(); sched.step()
        print(round(sched.get_last_lr()[0], 4))
    ''')
case("r39_nb_warmup_scheduler_subclasses_lrscheduler", "A warm-up scheduler subclassing _LRScheduler.",
     after=[WARMUP])

Q8_CT = d('''
    import torch.nn.common_types as ct


    def conv_block(input_channels: int, output_channels: int, kernel_size: ct._size_2_t = 3,
                   padding: ct._size_2_t = 1) -> nn.Sequential:
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size, padding=padding), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels: int):
            super().__init__()
            self.layers = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                                        nn.Flatten(), nn.Linear(3 * 128 * 128, 1))

        def forward(self, x):
            return self.layers(x)
    ''')
case("r39_nb_common_types_module_alias_in_conv_block", "conv_block typed through `import torch.nn.common_types "
     "as ct`.", q8=Q8_CT)

# ===============================================================================================================
# 4. models that look at their own input
# ===============================================================================================================
Q7_UINT8 = d('''
    class CNN(nn.Module):
        """Takes float images, or uint8 images straight from disk (scaled as ToTensor does)."""

        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            if x.dtype == torch.uint8:
                x = x.float().div(255)
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(x.flatten(1))


    raw_img = torch.randint(0, 256, (2, 1, 100, 100), dtype=torch.uint8)
    print(CNN()(raw_img).shape)
    ''')
Q8_UINT8 = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.layers = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                                        nn.Flatten(), nn.Linear(3 * 128 * 128, 1))

        def forward(self, x):
            if not x.is_floating_point():
                x = x.to(torch.float32) / 255.0
            return self.layers(x)
    ''')
case("r39_nb_models_accept_uint8_scaled_in_forward", "Models that scale uint8 input in forward (float passes "
     "through).", q7=Q7_UINT8, q8=Q8_UINT8)

Q7_CL = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = x.contiguous(memory_format=torch.channels_last)
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            return self.fc(x.contiguous().view(x.size(0), -1))
    ''')
Q8_CL = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.features = nn.Sequential(*[conv_block(input_channels if i == 0 else 3, 3) for i in range(5)])
            self.fc = nn.Linear(49152, 1)
            self.to(memory_format=torch.channels_last)

        def forward(self, x):
            x = self.features(x.to(memory_format=torch.channels_last))
            return self.fc(torch.flatten(x, 1))
    ''')
case("r39_nb_channels_last_models", "Models that run in channels_last.", q7=Q7_CL, q8=Q8_CL)

Q7_F64 = d('''
    class CNN(nn.Module):
        """Computed in float64 for a careful comparison with the hand-worked shapes."""

        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1, dtype=torch.float64)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1, dtype=torch.float64)
            self.fc = nn.Linear(1250, 1, dtype=torch.float64)

        def forward(self, x):
            x = x.to(self.conv1.weight.dtype)
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(x.flatten(1))
    ''')
Q8_F64 = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)))
            self.fc = nn.Linear(49152, 1)
            self.double()

        def forward(self, x):
            return self.fc(self.blocks(x.double()).flatten(1))
    ''')
# (a float64 model is left out: tests/fair_oracle.py copies float32 weights into it and cannot compare it)

Q7_ASSERTS = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            assert x.ndim == 4 and x.shape[1:] == (1, 100, 100), f"bad input {tuple(x.shape)}"
            assert x.is_floating_point(), "convert images with ToTensor first"
            assert torch.isfinite(x).all(), "input holds NaN or inf"
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            x = torch.flatten(x, 1)
            assert x.shape[1] == self.fc.in_features
            return self.fc(x)
    ''')
case("r39_nb_forward_asserts_shape_dtype_finite", "Asserts on the input's shape, dtype and finiteness.",
     q7=Q7_ASSERTS)

NORM_DEMO = d('''
    # images as ToTensor + Normalize(0.5, 0.5) give them, by hand (torchvision is not installed here)
    pixels = torch.randint(0, 256, (4, 1, 100, 100), dtype=torch.uint8)
    x01 = pixels.float() / 255
    x = (x01 - 0.5) / 0.5
    print(x.min().item() >= -1, x.max().item() <= 1)
    model = CNN().eval()
    with torch.no_grad():
        print(model(x).squeeze(1))
        print(torch.allclose(model(x), model(x01 * 2 - 1), atol=1e-6))
    ''')
case("r39_nb_normalised_pixels_demo_after_answers", "A demo on pixels normalised to [-1, 1] as Normalize does.",
     after=[NORM_DEMO])

# ===============================================================================================================
# 5. more dataclass forms
# ===============================================================================================================
PY_DC_MAIN = d('''
    from dataclasses import dataclass, field, asdict


    @dataclass
    class Report:
        answers: dict[str, object] = field(default_factory=dict)
        notes: list[str] = field(default_factory=list)

        def __post_init__(self):
            self.notes.append("made")

        def add(self, key, value):
            self.answers[key] = value
            return self
    ''')
PY_DC_END = d('''
    def main() -> None:
        report = Report().add("q1", q1_answer).add("q3", q3_flatten_features).add("q4", q4_cnn_params)
        print(asdict(report))


    if __name__ == "__main__":
        main()
    ''')
script("r39_py_dataclass_report_main_guard", before=[PY_DC_MAIN], after=[PY_DC_END])

CHECKS_DC = d('''
    from dataclasses import dataclass


    @dataclass
    class CheckResult:
        name: str
        ok: bool
        max_err: float = 0.0


    results: list[CheckResult] = []
    for stride, padding in [(1, 0), (2, 1), (1, 2)]:
        img, ker = torch.randn(7, 7), torch.randn(3, 3)
        mine = conv2d(img, ker, stride=stride, padding=padding)
        ref = F.conv2d(img[None, None], ker[None, None], stride=stride, padding=padding)[0, 0]
        err = (mine - ref).abs().max().item()
        results.append(CheckResult(f"conv s={stride} p={padding}", err < 1e-5, err))
    img = torch.randn(8, 8)
    results.append(CheckResult("pool", torch.equal(max_pool2d(img), F.max_pool2d(img[None], 2)[0])))
    for r in results:
        print(r)
    assert all(r.ok for r in results)
    ''')
case("r39_nb_q6_selfcheck_results_in_dataclass", "q6's self-check results kept in dataclasses.",
     q6=("loops_zeros", "loops", "tensor"), extra6=[CHECKS_DC])

STR_ANN = d('''
    from dataclasses import dataclass, field


    @dataclass
    class Sizes:
        image: "int" = 100
        kernels: "list[int]" = field(default_factory=lambda: [3, 3])
        pools: "int" = 2

        def final(self) -> "int":
            size = self.image
            for _ in range(self.pools):
                size //= 2
            return size


    sizes = Sizes()
    q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, sizes.final(), sizes.final())]
    q3_flatten_features = 2 * sizes.final() ** 2
    print(q3_shapes, q3_flatten_features)
    ''')
case("r39_nb_dataclass_string_annotations_no_future", "A dataclass annotated with strings.", q3=STR_ANN)

FUT_PYD_1 = "from __future__ import annotations\n\nimport numpy as np\nimport torch\nimport torch.nn as nn\n" \
            "import torch.nn.functional as F\n"
FUT_PYD_2 = d('''
    from typing import ClassVar, Optional
    from dataclasses import dataclass, field, InitVar
    from pydantic import BaseModel, Field


    class Hyper(BaseModel):
        lr: float = Field(1e-3, gt=0)
        epochs: int = 2
        note: Optional[str] = None


    @dataclass
    class Run:
        hyper: Hyper
        runs: ClassVar[int] = 0
        seed: InitVar[int] = 0
        tags: list[str] = field(default_factory=list)

        def __post_init__(self, seed: int) -> None:
            torch.manual_seed(seed)
            Run.runs += 1


    run = Run(Hyper.model_validate({"lr": 0.01}), seed=3)
    print(run, Run.runs, run.hyper.model_dump())
    ''')
CASES["r39_nb_future_annotations_pydantic_classvar_initvar"] = [
    md("# Lab 6\nFuture annotations with pydantic and a dataclass's ClassVar/InitVar."), FUT_PYD_1, FUT_PYD_2,
    *answers(), SHAPES]

GREEK = d('''
    from dataclasses import dataclass


    @dataclass(frozen=True)
    class Optim:
        η: float = 1e-2      # learning rate
        β1: float = 0.9
        β2: float = 0.999
        λ: float = 0.0       # weight decay


    o = Optim()
    model = ConvNet(1)
    opt = torch.optim.Adam(model.parameters(), lr=o.η, betas=(o.β1, o.β2), weight_decay=o.λ)
    loss = model(torch.rand(2, 1, 128, 128)).pow(2).mean()
    opt.zero_grad(); loss.backward(); opt.step()
    print(o)
    ''')
case("r39_nb_greek_letter_dataclass_fields", "A dataclass whose fields are Greek letters.", after=[GREEK])

NESTED_DC = d('''
    from dataclasses import dataclass, field, asdict


    @dataclass
    class DataCfg:
        batch_size: int = 4
        image_size: int = 128


    @dataclass
    class OptimCfg:
        name: str = "sgd"
        lr: float = 0.05


    @dataclass
    class Cfg:
        data: DataCfg = field(default_factory=DataCfg)
        optim: OptimCfg = field(default_factory=OptimCfg)
        channels: int = 3

        def __post_init__(self):
            if isinstance(self.data, dict):
                self.data = DataCfg(**self.data)
            if isinstance(self.optim, dict):
                self.optim = OptimCfg(**self.optim)


    cfg = Cfg(data={"batch_size": 2, "image_size": 128}, optim={"lr": 0.01})
    print(asdict(cfg))
    net = ConvNet(cfg.channels)
    opt = torch.optim.SGD(net.parameters(), lr=cfg.optim.lr)
    x = torch.rand(cfg.data.batch_size, cfg.channels, cfg.data.image_size, cfg.data.image_size)
    loss = net(x).mean()
    opt.zero_grad(); loss.backward(); opt.step()
    ''')
case("r39_nb_nested_dataclass_configs_from_dicts", "Nested config dataclasses made from dicts in __post_init__.",
     after=[NESTED_DC])

ENUM_STR = d('''
    from enum import Enum, IntEnum


    class Statement(IntEnum):
        ONE = 1
        TWO = 2
        THREE = 3
        FOUR = 4
        FIVE = 5
        SIX = 6
        SEVEN = 7
        EIGHT = 8


    class Verdict(str, Enum):
        TRUE = "true"
        FALSE = "false"


    key = {Statement.ONE: Verdict.TRUE, Statement.TWO: Verdict.FALSE, Statement.THREE: Verdict.TRUE,
           Statement.FOUR: Verdict.TRUE, Statement.FIVE: Verdict.FALSE, Statement.SIX: Verdict.FALSE,
           Statement.SEVEN: Verdict.TRUE, Statement.EIGHT: Verdict.FALSE}
    q10_answers = {int(s): v is Verdict.TRUE for s, v in key.items()}
    print(q10_answers)
    ''')
case("r39_nb_q10_from_intenum_and_str_enum", "q10 from IntEnum statements and a str Enum verdict.", q10=ENUM_STR)

UNSAFE_HASH = d('''
    from dataclasses import dataclass, field
    from functools import lru_cache


    @dataclass(frozen=True)
    class Layer:
        kind: str
        params: int = field(compare=False, hash=False, default=0)
        shape: tuple = field(default=(), repr=False)


    @lru_cache(maxsize=None)
    def describe(layer: Layer) -> str:
        return f"{layer.kind} ({layer.params} params)"


    model = CNN()
    layers = [Layer(type(m).__name__, sum(p.numel() for p in m.parameters()))
              for m in model.modules() if not list(m.children())]
    for layer in layers:
        print(describe(layer))
    print(len(set(layers)))
    ''')
case("r39_nb_frozen_dataclass_hashed_lru_cache", "Frozen dataclasses as lru_cache keys; compare=False fields.",
     after=[UNSAFE_HASH])

DC_MIXIN_TRAINER = d('''
    from dataclasses import dataclass, field


    @dataclass
    class TrainerMixin:
        lr: float = 0.01
        log: list = field(default_factory=list)

        def fit_step(self, x, y):
            opt = torch.optim.SGD(self.parameters(), lr=self.lr)
            loss = F.mse_loss(self(x), y)
            opt.zero_grad(); loss.backward(); opt.step()
            self.log.append(loss.item())


    class TrainableCNN(CNN):
        def __init__(self, lr=0.01):
            super().__init__()
            self.lr = lr
            self.log = []

        fit_step = TrainerMixin.fit_step


    m = TrainableCNN()
    m.fit_step(torch.rand(2, 1, 100, 100), torch.rand(2, 1))
    print(m.log)
    ''')
case("r39_nb_trainer_dataclass_method_borrowed", "A dataclass's method borrowed by a subclass of CNN.",
     after=[DC_MIXIN_TRAINER])

PY_FUTURE_KW = d('''
    from __future__ import annotations

    import dataclasses
    import numpy as np
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    ''')
PY_DC_KW = d('''
    @dataclasses.dataclass(kw_only=True, slots=True, frozen=True)
    class Spec:
        channels: tuple[int, ...]
        image: int
        head: int = 1

        def flat(self) -> int:
            return self.channels[-1] * self.image * self.image

        def with_channels(self, first: int) -> Spec:
            return dataclasses.replace(self, channels=(first, *self.channels[1:]))


    SPEC = Spec(channels=(1, 3, 3, 3, 3, 3), image=128)


    def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels: int) -> None:
            super().__init__()
            spec = SPEC.with_channels(input_channels)
            pairs = zip(spec.channels[:-1], spec.channels[1:])
            self.net = nn.Sequential(*(conv_block(a, b) for a, b in pairs), nn.Flatten(),
                                     nn.Linear(spec.flat(), spec.head))

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.net(x)
    ''')
CASES["r39_py_future_kw_only_slots_frozen_spec"] = [PY_FUTURE_KW, *answers(headers=False, q8=PY_DC_KW), SHAPES]


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
iso(f"iso{_NB}conv_block_typed_int", "r39_nb_common_types_module_alias_in_conv_block",
    ("import torch.nn.common_types as ct\n", ""), ("ct._size_2_t", "int"))
iso(f"iso{_NB}conv_block_size_2_t_by_name", "r39_nb_common_types_module_alias_in_conv_block",
    ("import torch.nn.common_types as ct\n", "from torch.nn.common_types import _size_2_t\n"),
    ("ct._size_2_t", "_size_2_t"))
iso(f"iso{_NB}q6_own_size_2_t_alias", "r39_nb_q6_typed_size_2_t_with_pair",
    ("from torch.nn.common_types import _size_2_t\n", "_size_2_t = int | tuple[int, int]\n"))
iso(f"iso{_NB}dataclass_flags_without_replace", "r39_nb_dataclass_flags_replace_profile_inspect",
    ("flags = RunFlags()\nflags = dataclasses.replace(flags, inspect=True)\n", "flags = RunFlags(inspect=True)\n"))
iso(f"iso{_NB}argparse_namespace_as_simplenamespace", "r39_nb_flags_argparse_namespace_constructed",
    ("import argparse\n", "from types import SimpleNamespace\n"), ("argparse.Namespace(", "SimpleNamespace("))
iso(f"iso{_NB}simplenamespace_keywords_not_unpacked", "r39_nb_flags_simplenamespace_from_dict",
    ("SimpleNamespace(**DEFAULTS)", "SimpleNamespace(profile=False, measure=True, inspect=False, timeit=False)"),
    ('SimpleNamespace(**{"profile": False, "verbose": True})', "SimpleNamespace(profile=False, verbose=True)"))
iso(f"iso{_NB}module_annotations_not_printed", "r39_nb_module_level_annotated_settings_printed",
    ("print(__annotations__)\n", ""))
iso(f"iso{_NB}namedtuple_flags_without_replace", "r39_nb_namedtuple_flags_timeit_replace",
    ("flags = Flags()._replace(timeit=True)", "flags = Flags(timeit=True)"))
iso(f"iso{_NB}timer_without_property", "r39_nb_timer_classmethod_from_config_property",
    ("y = lab.timer.measure(", "timer = Timer.from_config(TimerConfig())\ny = timer.measure("),
    ("lab.timer.total", "timer.total"))
iso(f"iso{_NB}future_cell_dataclass_fields_dunder", "r39_nb_future_annotations_first_cell_type_checking",
    ("[f.name for f in fields(ModelConfig)]", "ModelConfig.__dataclass_fields__.keys()"))
iso(f"iso{_NB}stopwatch_partial_only", "r39_nb_stopwatch_staticmethod_and_partial",
    ('sw = Stopwatch.create("q7")', 'sw = Stopwatch("q7")'))
iso(f"iso{_NB}stopwatch_staticmethod_only", "r39_nb_stopwatch_staticmethod_and_partial",
    ("sw2 = q6_watch()", 'sw2 = Stopwatch("q6")'))


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

"""Round 54 fairness corpus: a class's worth of styles (statistics/R habits with pandas, physics with einsum and
units, an engineer's dataclasses/enums/typing, a copy-pasting beginner with an erroring cell, nn.Sequential only,
nn.Sequential subclasses, ModuleDict/Identity, functional keyword arguments with inplace ReLUs and every default
written out, answers as expressions built from torch, numpy ints and tuples vs lists).
Notebook cells are split on '# %%'; '# %% raises NAME: MESSAGE' marks a cell saved with that error as its output."""
import json
import pathlib

HERE = pathlib.Path(__file__).parent
FILES = {}

# ---------------------------------------------------------------- statistics student, R habits
FILES["r54_nb_stats_pandas_dataframes_vectorised.ipynb"] = r'''
import otter
grader = otter.Notebook("lecture06.ipynb")
# %%
import numpy as np
import pandas as pd
import torch
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
pd.set_option("display.width", 120)
# %%
# a 3x3 filter on a 4x4 input: out = n - k + 1, like R's embed()
q1_answer = ["A", "B", "C"][[4, 3, 2].index(4 - 3 + 1)]
q1_answer
# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    n = size + 2 * padding
    if kernel_size > n:
        raise ValueError("kernel larger than the padded input")
    return int(np.floor((n - kernel_size) / stride)) + 1

# vectorised check over a grid, R-style expand.grid
grid = pd.DataFrame([(s, k, st, p) for s in (5, 7, 100) for k in (1, 3, 5) for st in (1, 2, 3) for p in (0, 1, 2)],
                    columns=["size", "kernel", "stride", "padding"])
grid["out"] = grid.apply(lambda r: conv_output_size(r["size"], r["kernel"], r["stride"], r["padding"]), axis=1)
grid.head()
# %%
layers = pd.DataFrame({
    "layer": ["conv1", "pool1", "conv2", "pool2"],
    "C": [3, 3, 2, 2],
    "k": [3, 2, 3, 2],
    "stride": [1, 2, 1, 2],
    "pad": [1, 0, 1, 0],
})
layers["H"] = np.nan
h = 100
for i, row in layers.iterrows():
    h = (h + 2 * row["pad"] - row["k"]) // row["stride"] + 1
    layers.loc[i, "H"] = h
layers["H"] = layers["H"].astype("int64")
layers["W"] = layers["H"]
q3_shapes = list(layers[["C", "H", "W"]].itertuples(index=False, name=None))
q3_flatten_features = layers[["C", "H", "W"]].iloc[-1].prod()
layers
# %%
params = pd.DataFrame({
    "layer": ["conv1", "conv2", "fc"],
    "weights": [1 * 3 * 3 * 3, 3 * 2 * 3 * 3, q3_flatten_features * 1],
    "biases": [3, 2, 1],
})
params["total"] = params["weights"] + params["biases"]
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = params["total"].sum()
sizes = np.array([128 * 128, 256, 128, 64, 32, 16, 1])
q4_fcnn_params = (sizes[:-1] * sizes[1:] + sizes[1:]).sum()
params, q4_conv_params, q4_cnn_params, q4_fcnn_params
# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    k = np.broadcast_to(np.asarray(kernel_size), (2,))
    return int(in_channels * out_channels * np.prod(k) + out_channels * bool(bias))


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + out_features * int(bias)
# %%
x = torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]])
w = torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]])


def conv2d(image, kernel, stride=1, padding=0):
    """Vectorised: all windows at once with unfold, then one weighted sum (no loops, like R)."""
    kh, kw = kernel.shape
    h, wd = image.shape
    padded = image.new_zeros((h + 2 * padding, wd + 2 * padding))
    padded[padding:padding + h, padding:padding + wd] = image
    windows = padded.unfold(0, kh, stride).unfold(1, kw, stride)   # (oh, ow, kh, kw)
    return (windows * kernel).sum(dim=(-2, -1))


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    blocks = image[:oh * k, :ow * k].reshape(oh, k, ow, k)
    return blocks.amax(dim=(1, 3))


q6_output = conv2d(x, w)
pd.DataFrame(q6_output.numpy())
# %%
class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = torch.nn.Sequential(
            torch.nn.Conv2d(1, 3, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Conv2d(3, 2, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Flatten(), torch.nn.Linear(int(q3_flatten_features), 1))

    def forward(self, x):
        return self.layers(x)


summary = pd.DataFrame([(n, type(m).__name__, sum(p.numel() for p in m.parameters()))
                        for n, m in CNN().named_modules() if n.count(".") == 1],
                       columns=["name", "type", "params"])
summary
# %%
def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        chans = [input_channels] + [3] * 5
        self.blocks = torch.nn.Sequential(*map(conv_block, chans[:-1], chans[1:]))
        self.flatten = torch.nn.Flatten()
        self.fc = torch.nn.Linear(3 * 128 * 128, 1)

    def forward(self, x):
        return self.fc(self.flatten(self.blocks(x)))


compare = pd.DataFrame({"model": ["FCNN", "ConvNet(1)"],
                        "params": [q4_fcnn_params, sum(p.numel() for p in ConvNet(1).parameters())]})
fig, ax = plt.subplots(figsize=(4, 3))
ax.bar(compare["model"], compare["params"])
ax.set_yscale("log")
ax.set_ylabel("parameters")
plt.close(fig)
compare
# %%
statements = pd.Series([False, False, True, False, False], index=list("ABCDE"))
q9_true = set(statements[statements].index)
q10 = pd.Series([True, False, True, True, False, False, True, False], index=range(1, 9))
q10_answers = q10.to_dict()
q9_true, q10_answers
# %%
grader.check_all()
'''

# ---------------------------------------------------------------- physics student
FILES["r54_py_physics_einsum_units_numpy_loops.py"] = r'''
# Lecture 6 -- worked like a lab report.  Lengths in pixels (px), counts are dimensionless.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

q1_answer = "C"   # L_out = L_in - L_k + 1 = 4 px - 3 px + 1 = 2 px


def conv_output_size(size, kernel_size, stride=1, padding=0):
    L_in_px, L_k_px, s_px, p_px = size, kernel_size, stride, padding
    L_padded_px = L_in_px + 2 * p_px
    if L_k_px > L_padded_px:
        raise ValueError(f"kernel {L_k_px} px > padded input {L_padded_px} px")
    return (L_padded_px - L_k_px) // s_px + 1


L_px = np.array([100])
shapes = []
for C_out, k_px, s_px, p_px in [(3, 3, 1, 1), (3, 2, 2, 0), (2, 3, 1, 1), (2, 2, 2, 0)]:
    L_px = (L_px + 2 * p_px - k_px) // s_px + 1
    shapes.append((C_out, L_px[0], L_px[0]))      # numpy int64 lengths
q3_shapes = shapes
q3_flatten_features = np.prod(q3_shapes[-1])

q4_conv_params = np.int64(3) * 3 * 3 * 3 + 3
N_conv1 = 1 * 3 * 3**2 + 3
N_conv2 = 3 * 2 * 3**2 + 2
N_fc = q3_flatten_features * 1 + 1
q4_cnn_params = N_conv1 + N_conv2 + N_fc
dims = np.array([128 * 128, 256, 128, 64, 32, 16, 1], dtype=np.int64)
q4_fcnn_params = np.dot(dims[:-1], dims[1:]) + dims[1:].sum()


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kH, kW = np.broadcast_to(kernel_size, 2)
    return out_channels * in_channels * kH * kW + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + bias * out_features


def conv2d(image, kernel, stride=1, padding=0):
    """Correlation (no kernel flip), as in torch: y[i,j] = sum_ab x[s i + a, s j + b] w[a, b]."""
    x = F.pad(image, (padding, padding, padding, padding), mode="constant", value=0)
    kH, kW = kernel.shape
    H_out = (x.shape[0] - kH) // stride + 1
    W_out = (x.shape[1] - kW) // stride + 1
    patches = torch.stack([torch.stack([x[i * stride:i * stride + kH, j * stride:j * stride + kW]
                                        for j in range(W_out)]) for i in range(H_out)])
    return torch.einsum("ijab,ab->ij", patches, kernel)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    H_out, W_out = image.shape[0] // k, image.shape[1] // k
    out = torch.empty(H_out, W_out, dtype=image.dtype)
    for i in range(H_out):
        for j in range(W_out):
            out[i, j] = torch.max(image[k * i:k * (i + 1), k * j:k * (j + 1)])
    return out


x_lecture = torch.tensor(np.array([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3],
                                   [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]], dtype=np.float64))
w_lecture = torch.tensor(np.array([[0, 1, 2], [2, 2, 0], [0, 1, 2]], dtype=np.float64))
q6_output = conv2d(x_lecture, w_lecture).numpy()      # a float64 ndarray: 12, 12, 17 / 10, 17, 19 / 9, 6, 14


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.fc = nn.Linear(int(q3_flatten_features), 1)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.fc(torch.flatten(x, 1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.b1 = conv_block(input_channels, 3)
        self.b2 = conv_block(3, 3)
        self.b3 = conv_block(3, 3)
        self.b4 = conv_block(3, 3)
        self.b5 = conv_block(3, 3)
        self.fc = nn.Linear(3 * 128 * 128, 1)

    def forward(self, x):
        for b in (self.b1, self.b2, self.b3, self.b4, self.b5):
            x = b(x)
        return self.fc(x.flatten(start_dim=1))


q9_true = set("C")
q10_answers = dict(zip(range(1, 9), np.array([1, 0, 1, 1, 0, 0, 1, 0], dtype=bool)))   # numpy bools

if __name__ == "__main__":
    print("q3:", q3_shapes, q3_flatten_features)
    print("q4:", q4_conv_params, q4_cnn_params, q4_fcnn_params)
    print(q6_output)
'''

# ---------------------------------------------------------------- engineer
FILES["r54_nb_engineer_dataclass_enum_typing_repr.ipynb"] = r'''
import otter
grader = otter.Notebook("lecture06.ipynb")
# %%
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Final, Sequence, Tuple, Union

import torch
from torch import Tensor, nn

IntPair = Union[int, Tuple[int, int]]
# %%
class Choice(str, enum.Enum):
    A = "A"
    B = "B"
    C = "C"


q1_answer: str = Choice.C.value
# %%
@dataclass(frozen=True)
class ConvGeometry:
    size: int
    kernel_size: int
    stride: int = 1
    padding: int = 0

    def __post_init__(self) -> None:
        for name in ("size", "kernel_size", "stride"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        if self.padding < 0:
            raise ValueError("padding must be non-negative")
        if self.kernel_size > self.padded:
            raise ValueError(f"kernel {self.kernel_size} does not fit padded input {self.padded}")

    @property
    def padded(self) -> int:
        return self.size + 2 * self.padding

    @property
    def output(self) -> int:
        return (self.padded - self.kernel_size) // self.stride + 1


def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    return ConvGeometry(size, kernel_size, stride, padding).output
# %%
class LayerKind(enum.Enum):
    CONV = enum.auto()
    POOL = enum.auto()


@dataclass(frozen=True)
class Stage:
    kind: LayerKind
    out_channels: int
    kernel_size: int
    padding: int = 0

    @property
    def stride(self) -> int:
        return self.kernel_size if self.kind is LayerKind.POOL else 1


@dataclass(frozen=True)
class PooledCNNConfig:
    in_channels: int = 1
    image_size: int = 100
    stages: Tuple[Stage, ...] = (
        Stage(LayerKind.CONV, 3, 3, 1), Stage(LayerKind.POOL, 3, 2),
        Stage(LayerKind.CONV, 2, 3, 1), Stage(LayerKind.POOL, 2, 2),
    )
    out_features: int = 1

    def shapes(self) -> list[tuple[int, int, int]]:
        out, size = [], self.image_size
        for st in self.stages:
            size = conv_output_size(size, st.kernel_size, st.stride, st.padding)
            out.append((st.out_channels, size, size))
        return out

    @property
    def flat_features(self) -> int:
        c, h, w = self.shapes()[-1]
        return c * h * w


CONFIG: Final = PooledCNNConfig()
q3_shapes = CONFIG.shapes()
q3_flatten_features = CONFIG.flat_features
print(CONFIG)
# %%
def conv2d_params(in_channels: int, out_channels: int, kernel_size: IntPair, bias: bool = True) -> int:
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    kh, kw = kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features: int, out_features: int, bias: bool = True) -> int:
    return in_features * out_features + (out_features if bias else 0)


q4_conv_params: int = conv2d_params(3, 3, (3, 3))
q4_cnn_params: int = (conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3)
                      + linear_params(CONFIG.flat_features, CONFIG.out_features))
FCNN_WIDTHS: Final[Sequence[int]] = (128 * 128, 256, 128, 64, 32, 16, 1)
q4_fcnn_params: int = sum(linear_params(i, o) for i, o in zip(FCNN_WIDTHS, FCNN_WIDTHS[1:]))
# %%
class HandOps:
    """Convolution and pooling with plain tensor operations."""

    @staticmethod
    def _check_2d(t: Tensor, what: str) -> None:
        if not isinstance(t, Tensor) or t.dim() != 2:
            raise TypeError(f"{what} must be a 2-D tensor")

    @classmethod
    def conv2d(cls, image: Tensor, kernel: Tensor, stride: int = 1, padding: int = 0) -> Tensor:
        cls._check_2d(image, "image")
        cls._check_2d(kernel, "kernel")
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros((h + 2 * padding, w + 2 * padding), dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        oh = conv_output_size(h, kh, stride, padding) if h == w and kh == kw else (h + 2 * padding - kh) // stride + 1
        ow = (w + 2 * padding - kw) // stride + 1
        out = torch.zeros((oh, ow), dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                r, c = i * stride, j * stride
                out[i, j] = torch.sum(padded[r:r + kh, c:c + kw] * kernel)
        return out

    @classmethod
    def max_pool2d(cls, image: Tensor, kernel_size: int = 2) -> Tensor:
        cls._check_2d(image, "image")
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        out = torch.empty((oh, ow), dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
        return out


conv2d = HandOps.conv2d
max_pool2d = HandOps.max_pool2d

LECTURE_INPUT: Final = torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]])
LECTURE_KERNEL: Final = torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]])
q6_output: Tensor = conv2d(LECTURE_INPUT, LECTURE_KERNEL)
# %%
class CNN(nn.Module):
    def __init__(self, config: PooledCNNConfig = CONFIG) -> None:
        super().__init__()
        self.config = config
        layers: list[nn.Module] = []
        channels = config.in_channels
        for st in config.stages:
            if st.kind is LayerKind.CONV:
                layers += [nn.Conv2d(channels, st.out_channels, st.kernel_size, padding=st.padding), nn.ReLU()]
                channels = st.out_channels
            else:
                layers.append(nn.MaxPool2d(st.kernel_size))
        layers += [nn.Flatten(), nn.Linear(config.flat_features, config.out_features)]
        self.net = nn.Sequential(*layers)

    def forward(self, x: Tensor) -> Tensor:
        return self.net(x)

    def __repr__(self) -> str:
        n = sum(p.numel() for p in self.parameters())
        return f"CNN(params={n}, shapes={self.config.shapes()})"


print(CNN())
# %%
@dataclass(frozen=True)
class ConvNetConfig:
    input_channels: int
    width: int = 3
    blocks: int = 5
    image_size: int = 128
    hidden: Tuple[int, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.input_channels < 1:
            raise ValueError("input_channels must be >= 1")


def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels: int) -> None:
        super().__init__()
        self.cfg = ConvNetConfig(input_channels)
        chans = [self.cfg.input_channels] + [self.cfg.width] * self.cfg.blocks
        self.features = nn.Sequential(*(conv_block(a, b) for a, b in zip(chans, chans[1:])))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(self.cfg.width * self.cfg.image_size ** 2, 1))

    def forward(self, x: Tensor) -> Tensor:
        return self.head(self.features(x))

    def __repr__(self) -> str:
        return f"ConvNet({self.cfg!r})"


print(ConvNet(1), sum(p.numel() for p in ConvNet(1).parameters()))
# %%
class Statement(enum.IntEnum):
    PAD_KEEPS_SIZE = 1
    PARAMS_DEPEND_ON_HW = 2
    MAXPOOL_NO_PARAMS = 3
    CONV_608 = 4
    STRIDE2_5x5 = 5
    WEIGHT_SHAPE = 6
    UNBATCHED = 7
    POOL_7_TO_4 = 8


q9_true: frozenset[str] = frozenset({Choice.C.value})
q10_answers: dict[int, bool] = {
    int(Statement.PAD_KEEPS_SIZE): True,
    int(Statement.PARAMS_DEPEND_ON_HW): False,
    int(Statement.MAXPOOL_NO_PARAMS): True,
    int(Statement.CONV_608): True,
    int(Statement.STRIDE2_5x5): False,
    int(Statement.WEIGHT_SHAPE): False,
    int(Statement.UNBATCHED): True,
    int(Statement.POOL_7_TO_4): False,
}
# %%
grader.check_all()
'''

# ---------------------------------------------------------------- beginner
FILES["r54_nb_beginner_copy_paste_error_then_fix.ipynb"] = r'''
# Initialize Otter
import otter
grader = otter.Notebook("lecture06.ipynb")
# %%
import torch
q1_answer = "C"
print(q1_answer)
# %%
grader.check("q1")
# %%
import torch
import math
def conv_output_size(size, kernel_size, stride=1, padding=0):
    print("size", size, "kernel", kernel_size, "stride", stride, "padding", padding)
    #return size - kernel_size + 1
    #return (size + padding - kernel_size) / stride + 1
    if kernel_size > size + 2*padding:
        raise ValueError("kernel too big!!")
    out = math.floor((size + 2*padding - kernel_size) / stride) + 1
    print("out =", out)
    return out
print(conv_output_size(100, 5))
# %%
grader.check("q2")
# %%
import torch
# copied from the lecture
model = torch.nn.Sequential(
    torch.nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),  # conv1
    torch.nn.ReLU(),
    torch.nn.MaxPool2d((2, 2)),                                                     # pool1
    torch.nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),  # conv2
    torch.nn.ReLU(),
    torch.nn.MaxPool2d((2, 2)),                                                     # pool2
    torch.nn.Flatten(),
)
x = torch.rand(1, 1, 100, 100)
for layer in model:
    x = layer(x)
    print(layer, x.shape)
# %%
q3_shapes = [[3, 100, 100], [3, 50, 50], [2, 50, 50], [2, 25, 25]]
q3_flatten_features = 1250
print(q3_shapes, q3_flatten_features)
# %%
grader.check("q3")
# %%
import torch
conv = torch.nn.Conv2d(in_channels=3, out_channels=3, kernel_size=(3, 3))
print(conv.weight.shape, conv.bias.shape)
#q4_conv_params = 3*3*3
q4_conv_params = 3*3*3*3 + 3
print(q4_conv_params)
# %%
q4_cnn_params = 30 + 56 + 1251
input_size = 128 * 128
q4_fcnn_params = input_size*256+256 + 256*128+128 + 128*64+64 + 64*32+32 + 32*16+16 + 16*1+1
print(q4_cnn_params, q4_fcnn_params)
# %%
grader.check("q4")
# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if type(kernel_size) == int:
        kernel_size = (kernel_size, kernel_size)
    n = in_channels * out_channels * kernel_size[0] * kernel_size[1]
    if bias == True:
        n = n + out_channels
    return n
def linear_params(in_features, out_features, bias=True):
    n = in_features * out_features
    if bias == True:
        n = n + out_features
    return n
print(conv2d_params(1, 3, 3))
# %%
grader.check("q5")
# %% raises AssertionError: padding does not work
import torch
image = torch.tensor([[3,3,2,1,0],[0,0,1,3,1],[3,1,2,2,3],[2,0,0,2,2],[2,0,0,0,1]])
kernel = torch.tensor([[0,1,2],[2,2,0],[0,1,2]])
def conv2d(image, kernel, stride=1, padding=0):
    out = torch.zeros(image.shape[0] - kernel.shape[0] + 1, image.shape[1] - kernel.shape[1] + 1)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = (image[i:i+kernel.shape[0], j:j+kernel.shape[1]] * kernel).sum()
    return out
q6_output = conv2d(image, kernel)
print(q6_output)
print(conv2d(image, kernel, padding=1).shape)
assert conv2d(image, kernel, padding=1).shape == (5, 5), "padding does not work"
# %%
import torch
image = torch.tensor([[3,3,2,1,0],[0,0,1,3,1],[3,1,2,2,3],[2,0,0,2,2],[2,0,0,0,1]])
kernel = torch.tensor([[0,1,2],[2,2,0],[0,1,2]])
# fixed: pad first, use the stride, keep the dtype
def conv2d(image, kernel, stride=1, padding=0):
    H = image.shape[0]
    W = image.shape[1]
    kh = kernel.shape[0]
    kw = kernel.shape[1]
    padded = torch.zeros(H + 2*padding, W + 2*padding, dtype=image.dtype)
    padded[padding:padding+H, padding:padding+W] = image
    out_h = (H + 2*padding - kh) // stride + 1
    out_w = (W + 2*padding - kw) // stride + 1
    out = torch.zeros(out_h, out_w, dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = (padded[i*stride:i*stride+kh, j*stride:j*stride+kw] * kernel).sum()
    return out
q6_output = conv2d(image, kernel)
print(q6_output)
print(conv2d(image, kernel, padding=1).shape)
print(conv2d(image, kernel, stride=2).shape)
# %%
import torch
def max_pool2d(image, kernel_size=2):
    out = torch.zeros(image.shape[0]//kernel_size, image.shape[1]//kernel_size, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i][j] = image[i*kernel_size:i*kernel_size+kernel_size, j*kernel_size:j*kernel_size+kernel_size].max()
    return out
print(max_pool2d(image))
# %%
grader.check("q6")
# %%
import torch
class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.main = torch.nn.Sequential(
            torch.nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),  # conv1
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),                                                     # pool1
            torch.nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),  # conv2
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),                                                     # pool2
            torch.nn.Flatten(),
            torch.nn.Linear(1250, 1)
        )

    def forward(self, x):
        out = self.main(x)
        return out
model = CNN()
print(model)
print(model(torch.rand(2, 1, 100, 100)).shape)
# %%
grader.check("q7")
# %%
import torch
def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
        torch.nn.ReLU()
    )
class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = torch.nn.Sequential(
            conv_block(input_channels, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            torch.nn.Flatten(),
            torch.nn.Linear(49152, 1)
        )

    def forward(self, x):
        out = self.main(x)
        return out
model = ConvNet(1)
print(model)
print(sum(p.numel() for p in model.parameters()))
# %%
grader.check("q8")
# %%
#q9_true = {"A", "C"}
q9_true = {"C"}
print(q9_true)
# %%
grader.check("q9")
# %%
q10_answers = {
    1: True,
    2: False,
    3: True,
    4: True,
    5: False,
    6: False,
    7: True,
    8: False,
}
print(q10_answers)
# %%
grader.check("q10")
# %%
grader.check_all()
'''

# ---------------------------------------------------------------- nn.Sequential only
FILES["r54_py_sequential_only_factories.py"] = r'''
import torch
from torch import nn

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel does not fit")
    return (size + 2 * padding - kernel_size) // stride + 1


def pooled_cnn():
    return nn.Sequential(
        nn.Conv2d(1, 3, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
        nn.Conv2d(3, 2, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
        nn.Flatten(), nn.Linear(1250, 1),
    )


_probe = torch.zeros(1, 1, 100, 100)
_shapes = []
for _layer in pooled_cnn()[:6]:
    _probe = _layer(_probe)
    if isinstance(_layer, (nn.Conv2d, nn.MaxPool2d)):
        _shapes.append(tuple(_probe.shape[1:]))
q3_shapes = _shapes
q3_flatten_features = pooled_cnn()[:7](torch.zeros(1, 1, 100, 100)).shape[1]

q4_conv_params = sum(p.numel() for p in nn.Conv2d(3, 3, (3, 3)).parameters())
q4_cnn_params = sum(p.numel() for p in pooled_cnn().parameters())
input_size = 128 * 128
fcnn = nn.Sequential(
    nn.Linear(input_size, 256), nn.ReLU(),
    nn.Linear(256, 128), nn.ReLU(),
    nn.Linear(128, 64), nn.ReLU(),
    nn.Linear(64, 32), nn.ReLU(),
    nn.Linear(32, 16),
    nn.Linear(16, 1),
)
q4_fcnn_params = sum(p.numel() for p in fcnn.parameters())


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = kernel_size if isinstance(kernel_size, tuple) else (kernel_size, kernel_size)
    return in_channels * out_channels * kh * kw + out_channels * bias


def linear_params(in_features, out_features, bias=True):
    return (in_features + bias) * out_features


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    padded = torch.cat([torch.zeros(padding, image.shape[1], dtype=image.dtype), image,
                        torch.zeros(padding, image.shape[1], dtype=image.dtype)], dim=0)
    side = torch.zeros(padded.shape[0], padding, dtype=image.dtype)
    padded = torch.cat([side, padded, side], dim=1)
    rows = range(0, padded.shape[0] - kh + 1, stride)
    cols = range(0, padded.shape[1] - kw + 1, stride)
    return torch.stack([torch.stack([(padded[r:r + kh, c:c + kw] * kernel).sum() for c in cols]) for r in rows])


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    rows = range(0, image.shape[0] - k + 1, k)
    cols = range(0, image.shape[1] - k + 1, k)
    return torch.stack([torch.stack([image[r:r + k, c:c + k].max() for c in cols]) for r in rows])


q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.seq = pooled_cnn()

    def forward(self, x):
        return self.seq(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.seq = nn.Sequential(
            nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3)),
            nn.Sequential(conv_block(3, 3), conv_block(3, 3)),
            nn.Sequential(nn.Flatten(), nn.Linear(49152, 1)),
        )

    def forward(self, x):
        return self.seq(x)


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
'''

# ---------------------------------------------------------------- subclasses nn.Sequential
FILES["r54_py_subclass_sequential_no_forward.py"] = r'''
import torch
import torch.nn as nn

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    span = size + 2 * padding - kernel_size
    if span < 0:
        raise ValueError("kernel_size larger than padded input")
    return span // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25
q4_conv_params = 84
q4_cnn_params = 30 + 56 + 1251
q4_fcnn_params = 4_238_337


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size,) * 2 if isinstance(kernel_size, int) else kernel_size
    return out_channels * (in_channels * kh * kw + (1 if bias else 0))


def linear_params(in_features, out_features, bias=True):
    return out_features * (in_features + (1 if bias else 0))


def conv2d(image, kernel, stride=1, padding=0):
    H, W = image.shape
    kh, kw = kernel.shape
    padded = image.new_zeros(H + 2 * padding, W + 2 * padding)
    padded[padding:H + padding, padding:W + padding] = image
    oh, ow = (H + 2 * padding - kh) // stride + 1, (W + 2 * padding - kw) // stride + 1
    out = image.new_zeros(oh, ow)
    for a in range(kh):                      # shift-and-add over the kernel taps
        for b in range(kw):
            out += kernel[a, b] * padded[a:a + stride * (oh - 1) + 1:stride, b:b + stride * (ow - 1) + 1:stride]
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    out = image[0:oh * k:k, 0:ow * k:k].clone()
    for a in range(k):
        for b in range(k):
            out = torch.maximum(out, image[a:oh * k:k, b:ow * k:k])
    return out


q6_output = conv2d(torch.tensor([[3., 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                   torch.tensor([[0., 1, 2], [2, 2, 0], [0, 1, 2]]))


class CNN(nn.Sequential):
    def __init__(self):
        super().__init__(
            nn.Conv2d(1, 3, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(3, 2, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Linear(1250, 1),
        )


class ConvBlock(nn.Sequential):
    def __init__(self, input_channels, output_channels):
        super().__init__(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


def conv_block(input_channels, output_channels):
    return ConvBlock(input_channels, output_channels)


class ConvNet(nn.Sequential):
    def __init__(self, input_channels):
        super().__init__()
        self.add_module("block1", conv_block(input_channels, 3))
        for i in range(2, 6):
            self.add_module(f"block{i}", conv_block(3, 3))
        self.add_module("flatten", nn.Flatten())
        self.add_module("fc", nn.Linear(49152, 1))


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
'''

# ---------------------------------------------------------------- ModuleDict / Identity / ParameterList
FILES["r54_nb_moduledict_identity_flatten_start_dim.ipynb"] = r'''
import torch
import torch.nn as nn
# %%
q1_answer = "C"
# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    if size + 2 * padding < kernel_size:
        raise ValueError("no room for the kernel")
    return (size + 2 * padding - kernel_size) // stride + 1
# %%
q3_shapes = ((3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25))
q3_flatten_features = 1250
q4_conv_params = 84
q4_cnn_params = 1337
q4_fcnn_params = 4238337
# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    ks = nn.modules.utils._pair(kernel_size)
    return out_channels * in_channels * ks[0] * ks[1] + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)
# %%
def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    if padding:
        zr = torch.zeros(padding, image.shape[1], dtype=image.dtype)
        image = torch.vstack([zr, image, zr])
        zc = torch.zeros(image.shape[0], padding, dtype=image.dtype)
        image = torch.hstack([zc, image, zc])
    oh = (image.shape[0] - kh) // stride + 1
    ow = (image.shape[1] - kw) // stride + 1
    idx_r = (torch.arange(oh) * stride)[:, None, None, None] + torch.arange(kh)[None, None, :, None]
    idx_c = (torch.arange(ow) * stride)[None, :, None, None] + torch.arange(kw)[None, None, None, :]
    return (image[idx_r, idx_c] * kernel).sum(dim=(2, 3))


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    return image[:oh * k, :ow * k].reshape(oh, k, ow, k).permute(0, 2, 1, 3).reshape(oh, ow, k * k).max(dim=-1).values


q6_output = torch.tensor([[12., 12., 17.], [10., 17., 19.], [9., 6., 14.]])
# %%
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleDict({
            "conv1": nn.Conv2d(1, 3, 3, padding=1),
            "act1": nn.ReLU(),
            "pool1": nn.MaxPool2d(2),
            "conv2": nn.Conv2d(3, 2, 3, padding=1),
            "act2": nn.ReLU(),
            "pool2": nn.MaxPool2d(2),
            "drop": nn.Identity(),
            "flat": nn.Flatten(start_dim=1),
            "fc": nn.Linear(1250, 1),
        })

    def forward(self, x):
        for layer in self.layers.values():
            x = layer(x)
        return x
# %%
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU(), nn.Identity())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
        self.head = nn.ModuleDict({"flatten": nn.Flatten(start_dim=1), "linear": nn.Linear(49152, 1)})
        self.norm = nn.Identity()

    def forward(self, x):
        x = self.norm(x)
        for block in self.blocks:
            x = block(x)
        return self.head["linear"](self.head["flatten"](x))
# %%
q9_true = {"C"}
q10_answers = {str(k): v for k, v in enumerate([True, False, True, True, False, False, True, False], start=1)}
'''

# ---------------------------------------------------------------- functional keyword arguments, everything written out
FILES["r54_py_functional_kwargs_inplace_explicit_defaults.py"] = r'''
import torch
import torch.nn.functional as F
from torch import nn

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if kernel_size > size + 2 * padding:
        raise ValueError(f"kernel_size={kernel_size} > size + 2*padding={size + 2 * padding}")
    return (size + 2 * padding - 1 * (kernel_size - 1) - 1) // stride + 1   # torch's formula, dilation=1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 3 * 3 + 3) + (3 * 2 * 3 * 3 + 2) + (1250 + 1)
q4_fcnn_params = (16384 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


def conv2d(image, kernel, stride=1, padding=0):
    padded = torch.zeros(size=(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding), dtype=image.dtype)
    padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
    kh, kw = kernel.shape
    out = torch.zeros(size=((padded.shape[0] - kh) // stride + 1, (padded.shape[1] - kw) // stride + 1),
                      dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = torch.sum(input=padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel)
    return out


def max_pool2d(image, kernel_size=2):
    out = torch.zeros(size=(image.shape[0] // kernel_size, image.shape[1] // kernel_size), dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = torch.amax(input=image[i * kernel_size:(i + 1) * kernel_size,
                                               j * kernel_size:(j + 1) * kernel_size], dim=(0, 1))
    return out


q6_output = torch.tensor(data=[[12, 12, 17], [10, 17, 19], [9, 6, 14]], dtype=torch.int64)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1),
                               dilation=1, groups=1, bias=True, padding_mode="zeros")
        self.conv2 = nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), stride=1, padding=(1, 1),
                               dilation=(1, 1), groups=1, bias=True, padding_mode="zeros")
        self.fc = nn.Linear(in_features=1250, out_features=1, bias=True)

    def forward(self, x):
        x = F.relu(input=self.conv1(x), inplace=True)
        x = F.max_pool2d(input=x, kernel_size=(2, 2), stride=(2, 2), padding=0, dilation=1, ceil_mode=False)
        x = F.relu(input=self.conv2(x), inplace=True)
        x = F.max_pool2d(input=x, kernel_size=2)
        x = torch.flatten(input=x, start_dim=1, end_dim=-1)
        return self.fc(input=x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(
        nn.Conv2d(in_channels=input_channels, out_channels=output_channels, kernel_size=(3, 3), stride=1,
                  padding=(1, 1), dilation=1, groups=1, bias=True, padding_mode="zeros"),
        nn.ReLU(inplace=True),
    )


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.block1 = conv_block(input_channels=input_channels, output_channels=3)
        self.block2 = conv_block(input_channels=3, output_channels=3)
        self.block3 = conv_block(input_channels=3, output_channels=3)
        self.block4 = conv_block(input_channels=3, output_channels=3)
        self.block5 = conv_block(input_channels=3, output_channels=3)
        self.flatten = nn.Flatten(start_dim=1, end_dim=-1)
        self.linear = nn.Linear(in_features=49152, out_features=1, bias=True)

    def forward(self, x):
        x = self.block5(self.block4(self.block3(self.block2(self.block1(x)))))
        return self.linear(input=self.flatten(input=x))


q9_true = set(["C"])
q10_answers = dict([(1, True), (2, False), (3, True), (4, True), (5, False), (6, False), (7, True), (8, False)])
'''

# ---------------------------------------------------------------- answers as expressions built with torch
FILES["r54_nb_expressions_built_with_torch_hooks.ipynb"] = r'''
import otter
grader = otter.Notebook("lecture06.ipynb")
# %%
import torch
from torch import nn

q1_answer = {(4, 4): "A", (3, 3): "B", (2, 2): "C"}[tuple(nn.Conv2d(1, 1, 3)(torch.zeros(1, 1, 4, 4)).shape[-2:])]
# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel_size > padded size")
    return (size + 2 * padding - kernel_size) // stride + 1
# %%
lecture_cnn = nn.Sequential(
    nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),
    nn.ReLU(),
    nn.MaxPool2d((2, 2)),
    nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),
    nn.ReLU(),
    nn.MaxPool2d((2, 2)),
    nn.Flatten(),
)
recorded = []
hooks = [m.register_forward_hook(lambda mod, inp, out: recorded.append(out.shape[1:]))
         for m in lecture_cnn if isinstance(m, (nn.Conv2d, nn.MaxPool2d))]
with torch.no_grad():
    flat = lecture_cnn(torch.zeros(1, 1, 100, 100))
for h in hooks:
    h.remove()
q3_shapes = recorded                                   # torch.Size objects
q3_flatten_features = flat.numel()
q3_shapes, q3_flatten_features
# %%
def n_params(module):
    return sum(p.numel() for p in module.parameters())


lecture_cnn.append(nn.Linear(q3_flatten_features, 1))
q4_conv_params = n_params(nn.Conv2d(in_channels=3, out_channels=3, kernel_size=(3, 3)))
q4_cnn_params = n_params(lecture_cnn)
input_size = 128 * 128
fcnn = torch.nn.Sequential(
    torch.nn.Linear(input_size, 256), torch.nn.ReLU(),
    torch.nn.Linear(256, 128), torch.nn.ReLU(),
    torch.nn.Linear(128, 64), torch.nn.ReLU(),
    torch.nn.Linear(64, 32), torch.nn.ReLU(),
    torch.nn.Linear(32, 16),
    torch.nn.Linear(16, 1),
)
q4_fcnn_params = sum(p.numel() for p in fcnn.parameters())
q4_conv_params, q4_cnn_params, q4_fcnn_params
# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + bias * out_channels


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + bias * out_features


assert conv2d_params(3, 3, 3) == q4_conv_params
assert all(conv2d_params(i, o, k, b) == n_params(nn.Conv2d(i, o, k, bias=b))
           for i in (1, 3) for o in (2, 5) for k in (1, 3, (2, 5)) for b in (True, False))
# %%
def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    return torch.tensor([[(padded[i:i + kh, j:j + kw] * kernel).sum().item()
                          for j in range(0, w + 2 * padding - kw + 1, stride)]
                         for i in range(0, h + 2 * padding - kh + 1, stride)], dtype=image.dtype)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    return torch.tensor([[image[i:i + k, j:j + k].max().item() for j in range(0, image.shape[1] - k + 1, k)]
                         for i in range(0, image.shape[0] - k + 1, k)], dtype=image.dtype)


q6_output = conv2d(torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                   torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]])).tolist()
q6_output
# %%
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 3, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
            nn.Conv2d(3, 2, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
        )
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(q3_flatten_features, 1))

    def forward(self, x):
        return self.classifier(self.features(x))


assert n_params(CNN()) == q4_cnn_params
# %%
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, (3, 3), padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.convs = nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)))
        with torch.no_grad():
            n_flat = self.convs(torch.zeros(1, input_channels, 128, 128)).numel()
        self.fc = nn.Sequential(nn.Flatten(), nn.Linear(n_flat, 1))

    def forward(self, x):
        return self.fc(self.convs(x))


assert n_params(ConvNet(1)) == 49519
# %%
q9_true = {letter for letter, true in zip("ABCDE", [False, False, nn.Conv2d(1, 1, 3).weight.dim() == 4, False, False])
           if true}
pool7 = nn.MaxPool2d(2)(torch.zeros(1, 7, 7)).shape[-1]
q10_answers = {
    1: nn.Conv2d(1, 1, 5, padding=5 // 2)(torch.zeros(1, 9, 9)).shape[-1] == 9,
    2: n_params(nn.Conv2d(3, 3, 3)) != n_params(nn.Conv2d(3, 3, 3)),
    3: n_params(nn.MaxPool2d(2)) == 0,
    4: n_params(nn.Conv2d(in_channels=3, out_channels=8, kernel_size=5)) == 608,
    5: nn.Conv2d(1, 1, 3, stride=2)(torch.zeros(1, 10, 10)).shape[-1] == 5,
    6: tuple(nn.Conv2d(1, 3, kernel_size=(3, 3)).weight.shape) == (1, 3, 3, 3),
    7: nn.Conv2d(2, 1, 3)(torch.zeros(2, 5, 5)).dim() == 3,
    8: pool7 == 4,
}
q9_true, q10_answers
# %%
grader.check_all()
'''

# ---------------------------------------------------------------- numpy ints, tuples vs lists
FILES["r54_py_numpy_ints_lists_tuples_mixed.py"] = r'''
import numpy as np
import torch

q1_answer = np.str_("C")


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return int(np.floor_divide(padded - kernel_size, stride) + 1)


q3_shapes = [np.array([3, 100, 100]), np.array([3, 50, 50]), np.array([2, 50, 50]), np.array([2, 25, 25])]
q3_flatten_features = np.int64(2 * 25 * 25)
q4_conv_params = np.int32(84)
q4_cnn_params = np.int64(30) + np.int64(56) + np.int64(1251)
_sizes = [128 * 128, 256, 128, 64, 32, 16, 1]
q4_fcnn_params = np.sum([a * b + b for a, b in zip(_sizes[:-1], _sizes[1:])])


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    k = np.atleast_1d(kernel_size)
    kh, kw = (k[0], k[0]) if k.size == 1 else (k[0], k[1])
    return int(out_channels * in_channels * kh * kw + (out_channels if bias else 0))


def linear_params(in_features, out_features, bias=True):
    return int(np.multiply(in_features, out_features) + (out_features if bias else 0))


def conv2d(image, kernel, stride=1, padding=0):
    img = image.detach().cpu().numpy()
    ker = kernel.detach().cpu().numpy()
    img = np.pad(img, padding)
    kh, kw = ker.shape
    oh = (img.shape[0] - kh) // stride + 1
    ow = (img.shape[1] - kw) // stride + 1
    out = np.zeros((oh, ow), dtype=img.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = np.sum(img[i * stride:i * stride + kh, j * stride:j * stride + kw] * ker)
    return torch.from_numpy(out)


def max_pool2d(image, kernel_size=2):
    img = image.detach().cpu().numpy()
    k = kernel_size
    oh, ow = img.shape[0] // k, img.shape[1] // k
    out = img[:oh * k, :ow * k].reshape(oh, k, ow, k).max(axis=(1, 3))
    return torch.from_numpy(np.ascontiguousarray(out))


q6_output = np.array([[12, 12, 17], [10, 17, 19], [9, 6, 14]], dtype=np.int64)


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.ModuleList([torch.nn.Conv2d(1, 3, 3, padding=1), torch.nn.Conv2d(3, 2, 3, padding=1)])
        self.pool = torch.nn.MaxPool2d(2)
        self.act = torch.nn.ReLU()
        self.out = torch.nn.Linear(int(q3_flatten_features), 1)

    def forward(self, x):
        for conv in self.conv:
            x = self.pool(self.act(conv(x)))
        return self.out(x.reshape(x.shape[0], -1))


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(torch.nn.Conv2d(int(input_channels), int(output_channels), 3, padding=1),
                               torch.nn.ReLU())


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        chans = np.array([input_channels, 3, 3, 3, 3, 3])
        self.blocks = torch.nn.Sequential(*[conv_block(a, b) for a, b in zip(chans[:-1], chans[1:])])
        self.fc = torch.nn.Linear(int(np.prod([3, 128, 128])), 1)

    def forward(self, x):
        return self.fc(torch.flatten(self.blocks(x), 1))


q9_true = set(np.array(["A", "B", "C", "D", "E"])[[False, False, True, False, False]].tolist())
q10_answers = {np.int64(i): np.bool_(v) for i, v in zip(range(1, 9), [1, 0, 1, 1, 0, 0, 1, 0])}
'''

# ---------------------------------------------------------------- R-style apply helpers in a script
FILES["r54_py_r_style_sapply_helpers_lists.py"] = r'''
# R habits: sapply/mapply helpers, no explicit loops where a map will do.
import functools
import operator

import torch

sapply = lambda xs, f: [f(x) for x in xs]
mapply = lambda f, *xs: [f(*a) for a in zip(*xs)]
prod = lambda xs: functools.reduce(operator.mul, xs, 1)

q1_answer = "ABC"[2]


def conv_output_size(size, kernel_size, stride=1, padding=0):
    n = size + 2 * padding - kernel_size
    if n < 0:
        raise ValueError("kernel wider than padded input")
    return n // stride + 1


steps = [dict(c=3, k=3, s=1, p=1), dict(c=3, k=2, s=2, p=0), dict(c=2, k=3, s=1, p=1), dict(c=2, k=2, s=2, p=0)]
hw = functools.reduce(lambda acc, st: acc + [conv_output_size(acc[-1], st["k"], st["s"], st["p"])], steps, [100])[1:]
q3_shapes = mapply(lambda st, h: [st["c"], h, h], steps, hw)          # lists, not tuples
q3_flatten_features = prod(q3_shapes[-1])

conv2d_params = lambda in_channels, out_channels, kernel_size, bias=True: (
    out_channels * in_channels * prod(kernel_size if isinstance(kernel_size, (tuple, list)) else [kernel_size] * 2)
    + out_channels * int(bool(bias)))
linear_params = lambda in_features, out_features, bias=True: out_features * (in_features + int(bool(bias)))

q4_conv_params = conv2d_params(3, 3, 3)
q4_cnn_params = sum(mapply(conv2d_params, [1, 3], [3, 2], [3, 3])) + linear_params(q3_flatten_features, 1)
widths = [128 * 128, 256, 128, 64, 32, 16, 1]
q4_fcnn_params = sum(mapply(linear_params, widths[:-1], widths[1:]))


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    h, w = image.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    rows = range(0, h + 2 * padding - kh + 1, stride)
    cols = range(0, w + 2 * padding - kw + 1, stride)
    cell = lambda i, j: (padded[i:i + kh, j:j + kw] * kernel).sum()
    return torch.stack(sapply(rows, lambda i: torch.stack(sapply(cols, lambda j: cell(i, j)))))


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    rows = range(0, image.shape[0] // k * k, k)
    cols = range(0, image.shape[1] // k * k, k)
    return torch.stack(sapply(rows, lambda i: torch.stack(sapply(cols, lambda j: image[i:i + k, j:j + k].max()))))


q6_output = conv2d(torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                   torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]]))


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        convs = mapply(lambda i, o: torch.nn.Conv2d(i, o, 3, padding=1), [1, 3], [3, 2])
        self.body = torch.nn.Sequential(*sum(sapply(convs, lambda c: [c, torch.nn.ReLU(), torch.nn.MaxPool2d(2)]), []))
        self.head = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(q3_flatten_features, 1))

    def forward(self, x):
        return self.head(self.body(x))


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, 1, 1), torch.nn.ReLU())


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = torch.nn.Sequential(*mapply(conv_block, [input_channels, 3, 3, 3, 3], [3] * 5))
        self.head = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(prod([3, 128, 128]), 1))

    def forward(self, x):
        return self.head(self.blocks(x))


q9_true = set(filter(lambda s: s in "C", "ABCDE"))
q10_answers = dict(zip(range(1, 9), sapply("TFTTFFTF", lambda c: c == "T")))
'''

# ---------------------------------------------------------------- functional model with parameters (ParameterList)
FILES["r54_nb_parameterlist_functional_conv_layers.ipynb"] = r'''
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
# %%
q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel too large")
    return (size + 2 * padding - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250
q4_conv_params = 84
q4_cnn_params = 1337
q4_fcnn_params = 4238337


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)
# %%
def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]
# %%
class CNN(nn.Module):
    """The same network, its weights and biases held in ParameterLists, the ops from torch.nn.functional."""

    def __init__(self):
        super().__init__()
        shapes = [(3, 1, 3, 3), (2, 3, 3, 3)]
        self.conv_w = nn.ParameterList([nn.Parameter(torch.empty(s)) for s in shapes])
        self.conv_b = nn.ParameterList([nn.Parameter(torch.empty(s[0])) for s in shapes])
        self.fc_w = nn.Parameter(torch.empty(1, 1250))
        self.fc_b = nn.Parameter(torch.empty(1))
        for w, b in zip(self.conv_w, self.conv_b):          # the same init as nn.Conv2d
            nn.init.kaiming_uniform_(w, a=math.sqrt(5))
            bound = 1 / math.sqrt(w[0].numel())
            nn.init.uniform_(b, -bound, bound)
        nn.init.kaiming_uniform_(self.fc_w, a=math.sqrt(5))
        nn.init.uniform_(self.fc_b, -1 / math.sqrt(1250), 1 / math.sqrt(1250))

    def forward(self, x):
        for w, b in zip(self.conv_w, self.conv_b):
            x = F.max_pool2d(F.relu(F.conv2d(x, w, b, padding=1)), kernel_size=2)
        return F.linear(torch.flatten(x, 1), self.fc_w, self.fc_b)
# %%
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        return self.fc(self.blocks(x).flatten(1))
# %%
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
'''

# ---------------------------------------------------------------- shared answers for the one-construct files below
_COMMON = r'''
q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel does not fit")
    return (size + 2 * padding - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 1250
q4_conv_params = 84
q4_cnn_params = 1337
q4_fcnn_params = 4238337


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
'''

_CONVNET_PLAIN = r'''

def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.net = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                                 nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.net(x)
'''

_CNN_PLAIN = r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        return self.net(x)
'''

# padding="same" everywhere (torch >= 1.9)
FILES["r54_py_padding_same_string.py"] = "import torch\nfrom torch import nn\n" + _COMMON + r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        return self.net(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding="same"), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.net = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                                 nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.net(x)
'''

# a physicist's ReLU: clamp at zero, tensor methods in forward
FILES["r54_py_physics_clamp_min_relu_tensor_methods.py"] = "import torch\nfrom torch import nn\n" + _COMMON + r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        x = torch.max_pool2d(self.conv1(x).clamp(min=0), 2)      # ReLU = max(x, 0)
        x = torch.max_pool2d(self.conv2(x).clamp_min(0), 2)
        return self.fc(x.view(x.size(0), -1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        return self.fc(self.blocks(x).reshape(len(x), -1))
'''

# a physicist's float64 habit: torch.set_default_dtype(torch.float64) at the top
FILES["r54_py_physics_default_dtype_float64.py"] = (
    "import torch\nfrom torch import nn\n\ntorch.set_default_dtype(torch.float64)   # double precision, always\n"
    + _COMMON + _CNN_PLAIN + _CONVNET_PLAIN)

# inference-only habit: gradients switched off for the whole notebook
FILES["r54_nb_global_no_grad_manual_seed_eval.ipynb"] = (
    "import torch\nfrom torch import nn\n\ntorch.manual_seed(0)\ntorch.set_grad_enabled(False)   # nothing is trained here\n# %%\n"
    + _COMMON.strip("\n") + "\n# %%" + _CNN_PLAIN + "\n\nmodel = CNN().eval()\nprint(model(torch.rand(2, 1, 100, 100)).shape)\n# %%"
    + _CONVNET_PLAIN + "\n\nprint(ConvNet(3).eval()(torch.rand(1, 3, 128, 128)).shape)\n")

# star imports, magics, pip in a cell, torchsummary
FILES["r54_nb_star_import_magics_torchsummary.ipynb"] = r'''
%matplotlib inline
!pip install torchsummary
# %%
from torch.nn import *
import torch
from torchsummary import summary
''' + "# %%\n" + _COMMON.strip("\n") + r'''
# %%
class CNN(Module):
    def __init__(self):
        super().__init__()
        self.main = Sequential(
            Conv2d(1, 3, 3, padding=1), ReLU(True), MaxPool2d(2, 2),
            Conv2d(3, 2, 3, padding=1), ReLU(True), MaxPool2d(kernel_size=2, stride=2),
            Flatten(), Linear(1250, 1))

    def forward(self, x):
        return self.main(x)


summary(CNN(), (1, 100, 100))
# %%
def conv_block(input_channels, output_channels):
    return Sequential(Conv2d(input_channels, output_channels, 3, padding=1), ReLU(True))


class ConvNet(Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                               Flatten(), Linear(49152, 1))

    def forward(self, x):
        return self.main(x)


summary(ConvNet(1), (1, 128, 128))
'''

# engineer: the str-Enum member itself as q1, OrderedDict blocks, keyword-only extras with defaults
FILES["r54_py_engineer_strenum_member_ordereddict_kwargs.py"] = r'''
from __future__ import annotations

import enum
from collections import OrderedDict
from typing import Any

import torch
from torch import nn


class Choice(str, enum.Enum):
    A = "A"
    B = "B"
    C = "C"

    def __str__(self) -> str:
        return self.value


q1_answer = Choice.C
''' + _COMMON.split('q1_answer = "C"\n', 1)[1] + r'''

class CNN(nn.Module):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.features = nn.Sequential(OrderedDict([
            ("conv1", nn.Conv2d(1, 3, kernel_size=3, padding=1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(3, 2, kernel_size=3, padding=1)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
        ]))
        self.head = nn.Sequential(OrderedDict([("flatten", nn.Flatten()), ("fc", nn.Linear(1250, 1))]))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(params={sum(p.numel() for p in self.parameters())})"


def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
    return nn.Sequential(OrderedDict(conv=nn.Conv2d(input_channels, output_channels, 3, padding=1), relu=nn.ReLU()))


class ConvNet(nn.Module):
    def __init__(self, input_channels: int = 1, *, width: int = 3, depth: int = 5, image_size: int = 128) -> None:
        super().__init__()
        chans = [input_channels] + [width] * depth
        self.blocks = nn.Sequential(OrderedDict(
            (f"block{i}", conv_block(a, b)) for i, (a, b) in enumerate(zip(chans, chans[1:]), start=1)))
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(width * image_size * image_size, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(self.flatten(self.blocks(x)))
'''

# q10 in every accepted spelling, q3 as tuple of lists, q6 as tuple of tuples
FILES["r54_py_answer_spellings_tensor_bools_strings.py"] = "import torch\nfrom torch import nn\n" + _COMMON + r'''
q3_shapes = ([3, 100, 100], [3, 50, 50], [2, 50, 50], [2, 25, 25])
q6_output = ((12, 12, 17), (10, 17, 19), (9, 6, 14))
q10_answers = {
    "1": torch.tensor([True]),
    "2": "False",
    "3": torch.tensor(True),
    "4": "True",
    "5": torch.tensor([False]),
    "6": False,
    "7": "True",
    "8": torch.tensor([3]) > 4,
}
''' + _CNN_PLAIN + _CONVNET_PLAIN

# im2col by hand: conv2d as a matrix product, max_pool2d with unfold
FILES["r54_py_im2col_matmul_unfold_pool.py"] = "import torch\nfrom torch import nn\n" + _COMMON + r'''

def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    patches = padded.unfold(0, kh, stride).unfold(1, kw, stride)       # (oh, ow, kh, kw)
    oh, ow = patches.shape[:2]
    cols = patches.reshape(oh * ow, kh * kw)                           # im2col
    return (cols @ kernel.reshape(kh * kw)).reshape(oh, ow)


def max_pool2d(image, kernel_size=2):
    return image.unfold(0, kernel_size, kernel_size).unfold(1, kernel_size, kernel_size).flatten(-2).max(-1).values
''' + _CNN_PLAIN + _CONVNET_PLAIN

# a training-loop student: the models are trained a few steps on random data before submission
FILES["r54_nb_trains_models_sgd_before_submitting.ipynb"] = "import torch\nfrom torch import nn\n# %%\n" + _COMMON.strip("\n") + "\n# %%" + _CNN_PLAIN + r'''

torch.manual_seed(42)
model = CNN()
opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
loss_fn = nn.BCEWithLogitsLoss()
X, y = torch.rand(16, 1, 100, 100), torch.randint(0, 2, (16, 1)).float()
for epoch in range(3):
    opt.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    opt.step()
    print(f"epoch {epoch}: loss {loss.item():.4f}")
# %%''' + _CONVNET_PLAIN + r'''

net = ConvNet(input_channels=3)
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
out = net(torch.rand(4, 3, 128, 128))
out.mean().backward()
opt.step()
print(out.shape)
'''

# ---------------------------------------------------------------- batch 3
# LazyLinear, materialised by a dry run in the constructor
FILES["r54_py_lazylinear_dry_run_in_init.py"] = "import torch\nfrom torch import nn\n" + _COMMON + r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten())
        self.fc = nn.LazyLinear(1)
        with torch.no_grad():
            self(torch.zeros(1, 1, 100, 100))      # materialise fc: in_features = 1250

    def forward(self, x):
        return self.fc(self.features(x))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
        self.head = nn.Sequential(nn.Flatten(), nn.LazyLinear(1))
        with torch.no_grad():
            self(torch.zeros(1, input_channels, 128, 128))

    def forward(self, x):
        return self.head(self.blocks(x))
'''

# the most common hand-written conv2d: torch.zeros(oh, ow) without a dtype
FILES["r54_py_hand_ops_default_float_zeros.py"] = "import torch\nfrom torch import nn\n" + _COMMON + r'''

def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding)
    padded[padding:padding + h, padding:padding + w] = image
    oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    out = torch.zeros(image.shape[0] // k, image.shape[1] // k)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out
''' + _CNN_PLAIN + _CONVNET_PLAIN

# parameter counts summed with torch: 0-d tensors
FILES["r54_py_param_counts_as_torch_sums.py"] = "import torch\nfrom torch import nn\n" + _COMMON + _CNN_PLAIN + _CONVNET_PLAIN + r'''

def count(model):
    return torch.tensor([p.numel() for p in model.parameters()]).sum()


q4_conv_params = count(nn.Conv2d(3, 3, (3, 3)))
q4_cnn_params = count(CNN())
q4_fcnn_params = count(nn.Sequential(nn.Linear(128 * 128, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(),
                                     nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(),
                                     nn.Linear(32, 16), nn.Linear(16, 1)))
q3_flatten_features = torch.tensor(q3_shapes[-1]).prod()
'''

# old tutorials: super(CNN, self).__init__(), nn.Module.__init__(self), forward(input, return_features=False)
FILES["r54_py_old_style_super_forward_extra_kwarg.py"] = "import torch\nimport torch.nn\nimport torch.nn.functional\nfrom torch import nn\n" + _COMMON + r'''

class CNN(torch.nn.modules.module.Module):
    def __init__(self):
        super(CNN, self).__init__()
        self.conv1 = torch.nn.modules.conv.Conv2d(1, 3, 3, 1, 1, 1, 1, True)
        self.pool1 = torch.nn.modules.pooling.MaxPool2d(2, None, 0, 1, False, False)
        self.conv2 = torch.nn.modules.conv.Conv2d(3, 2, 3, 1, 1, 1, 1, True)
        self.pool2 = torch.nn.MaxPool2d(kernel_size=2, stride=None, padding=0, dilation=1, return_indices=False,
                                        ceil_mode=False)
        self.flatten = torch.nn.Flatten(1, -1)
        self.fc = torch.nn.Linear(1250, 1, True)

    def forward(self, input, return_features=False):
        h = self.pool1(torch.nn.functional.relu(self.conv1(input), inplace=False))
        h = self.pool2(torch.nn.ReLU(inplace=False)(self.conv2(h)))
        features = self.flatten(h)
        out = self.fc(features)
        return (out, features) if return_features else out


def conv_block(input_channels, output_channels):
    block = nn.Sequential()
    block.add_module("conv", nn.Conv2d(input_channels, output_channels, 3, padding=1))
    block.append(nn.ReLU())
    return block


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        nn.Module.__init__(self)
        self.layers = nn.Sequential()
        self.layers.extend([conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
                            conv_block(3, 3)])
        self.layers.append(nn.Flatten())
        self.layers.insert(len(self.layers), nn.Linear(49152, 1))

    def forward(self, input):
        return self.layers(input)
'''

# an engineer's base class: forward defined once, models only list their layers
FILES["r54_py_base_class_shared_forward_reduce.py"] = "import functools\nimport torch\nfrom torch import nn\n" + _COMMON + r'''

class LayerStack(nn.Module):
    """Base: subclasses implement build(); forward folds the input through the layers."""

    def __init__(self, *args):
        super().__init__()
        self.layers = nn.ModuleList(self.build(*args))

    def build(self, *args):
        raise NotImplementedError

    def forward(self, x):
        return functools.reduce(lambda h, layer: layer(h), self.layers, x)

    def n_params(self):
        return sum(p.numel() for p in self.parameters())

    def __repr__(self):
        return f"{type(self).__name__}({len(self.layers)} layers, {self.n_params()} params)"


class CNN(LayerStack):
    def __init__(self):
        super().__init__()

    def build(self):
        return [nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1)]


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(LayerStack):
    def __init__(self, input_channels):
        super().__init__(input_channels)

    def build(self, input_channels):
        return [conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)] + [nn.Flatten(), nn.Linear(49152, 1)]


print(CNN(), ConvNet(1))
'''

# a second beginner: names shadowed while exploring, repeated imports, prints, the def comes last
FILES["r54_nb_beginner_shadowed_names_explore_cells.ipynb"] = r'''
import otter
grader = otter.Notebook("lecture06.ipynb")
# %%
import torch
import torch.nn as nn
import torch.nn.functional as F
# exploring what the lecture did
conv2d = nn.Conv2d(1, 3, 3)
print(conv2d)
max_pool2d = nn.MaxPool2d(2)
x = torch.rand(1, 1, 4, 4)
print(conv2d(x).shape)       # 2x2 -> answer C
print(F.max_pool2d(x, 2))
# %%
q1_answer = 'C'
q1_answer
# %%
import torch
import torch.nn as nn
def conv_output_size(size, kernel_size, stride=1, padding=0):
    size = size + padding * 2
    if kernel_size > size:
        raise ValueError('too big')
    out = (size - kernel_size) // stride + 1
    return out
print(conv_output_size(100, 5), conv_output_size(10, 3, 2), conv_output_size(7, 3, 1, 1))
# %%
import torch
import torch.nn as nn
x = torch.rand(1, 1, 100, 100)
c1 = nn.Conv2d(1, 3, 3, padding=1); x = c1(x); print(x.shape)
x = F.max_pool2d(F.relu(x), 2); print(x.shape)
c2 = nn.Conv2d(3, 2, 3, padding=1); x = c2(x); print(x.shape)
x = F.max_pool2d(F.relu(x), 2); print(x.shape)
q3_shapes = [(3,100,100), (3,50,50), (2,50,50), (2,25,25)]
q3_flatten_features = x.flatten().shape[0]
print(q3_flatten_features)
# %%
import torch
import torch.nn as nn
conv = nn.Conv2d(3, 3, 3)
total = 0
for p in conv.parameters():
    print(p.shape)
    total += p.numel()
q4_conv_params = total
print(q4_conv_params)
total = 0
for p in nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.Conv2d(3, 2, 3, padding=1), nn.Linear(1250, 1)).parameters():
    total += p.numel()
q4_cnn_params = total
input_size = 128*128
total = 0
for layer in [nn.Linear(input_size, 256), nn.Linear(256, 128), nn.Linear(128, 64), nn.Linear(64, 32), nn.Linear(32, 16), nn.Linear(16, 1)]:
    for p in layer.parameters():
        total += p.numel()
q4_fcnn_params = total
print(q4_cnn_params, q4_fcnn_params)
# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, tuple):
        k = kernel_size[0] * kernel_size[1]
    else:
        k = kernel_size * kernel_size
    if bias:
        return in_channels * out_channels * k + out_channels
    else:
        return in_channels * out_channels * k
def linear_params(in_features, out_features, bias=True):
    if bias:
        return in_features * out_features + out_features
    return in_features * out_features
print(conv2d_params(1, 3, 3), conv2d_params(1, 3, (3, 5), bias=False), linear_params(1250, 1))
# %%
import torch
def conv2d(image, kernel, stride=1, padding=0):
    if padding > 0:
        image = torch.cat([torch.zeros(padding, image.shape[1], dtype=image.dtype), image, torch.zeros(padding, image.shape[1], dtype=image.dtype)])
        image = torch.cat([torch.zeros(image.shape[0], padding, dtype=image.dtype), image, torch.zeros(image.shape[0], padding, dtype=image.dtype)], dim=1)
    rows = []
    i = 0
    while i + kernel.shape[0] <= image.shape[0]:
        row = []
        j = 0
        while j + kernel.shape[1] <= image.shape[1]:
            row.append((image[i:i+kernel.shape[0], j:j+kernel.shape[1]] * kernel).sum())
            j += stride
        rows.append(torch.stack(row))
        i += stride
    return torch.stack(rows)
def max_pool2d(image, kernel_size=2):
    rows = []
    for i in range(0, image.shape[0] - kernel_size + 1, kernel_size):
        row = []
        for j in range(0, image.shape[1] - kernel_size + 1, kernel_size):
            row.append(image[i:i+kernel_size, j:j+kernel_size].max())
        rows.append(torch.stack(row))
    return torch.stack(rows)
img = torch.tensor([[3,3,2,1,0],[0,0,1,3,1],[3,1,2,2,3],[2,0,0,2,2],[2,0,0,0,1]])
k = torch.tensor([[0,1,2],[2,2,0],[0,1,2]])
q6_output = conv2d(img, k)
print(q6_output)
print(max_pool2d(img))
# %%
import torch
import torch.nn as nn
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.relu1 = nn.ReLU()
        self.pool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.relu2 = nn.ReLU()
        self.pool2 = nn.MaxPool2d(2)
        self.flat = nn.Flatten()
        self.fc = nn.Linear(1250, 1)
    def forward(self, x):
        x = self.conv1(x)
        x = self.relu1(x)
        x = self.pool1(x)
        x = self.conv2(x)
        x = self.relu2(x)
        x = self.pool2(x)
        x = self.flat(x)
        x = self.fc(x)
        return x
model = CNN()
print(model)
x = torch.rand(5, 1, 100, 100)
print(model(x).shape)
# %%
import torch
import torch.nn as nn
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())
class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.block1 = conv_block(input_channels, 3)
        self.block2 = conv_block(3, 3)
        self.block3 = conv_block(3, 3)
        self.block4 = conv_block(3, 3)
        self.block5 = conv_block(3, 3)
        self.flatten = nn.Flatten()
        self.linear = nn.Linear(49152, 1)
    def forward(self, x):
        x = self.block1(x)
        x = self.block2(x)
        x = self.block3(x)
        x = self.block4(x)
        x = self.block5(x)
        x = self.flatten(x)
        x = self.linear(x)
        return x
model = ConvNet(1)
print(model)
total = 0
for p in model.parameters():
    total += p.numel()
print(total)
# %%
q9_true = {'C'}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
print(q9_true, q10_answers)
# %%
grader.check_all()
'''

# as_strided windows with einsum, stacked shifted slices for the pool
FILES["r54_py_as_strided_einsum_shifted_stack_pool.py"] = "import torch\nfrom torch import nn\n" + _COMMON + r'''

def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros((h + 2 * padding, w + 2 * padding), dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    padded = padded.contiguous()
    oh, ow = (padded.shape[0] - kh) // stride + 1, (padded.shape[1] - kw) // stride + 1
    s0, s1 = padded.stride()
    windows = padded.as_strided((oh, ow, kh, kw), (s0 * stride, s1 * stride, s0, s1))
    return torch.einsum("ijkl,kl->ij", windows, kernel)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    shifted = [image[a:a + oh * k:k, b:b + ow * k:k] for a in range(k) for b in range(k)]
    return torch.stack(shifted).amax(dim=0)
''' + _CNN_PLAIN + _CONVNET_PLAIN

# ---------------------------------------------------------------- the round's finding, one construct on the plain file
# (the layer spelled by its submodule path, inside the model's constructor)
FILES["r54_py_min_nn_modules_conv_path_in_cnn_init.py"] = ("import torch\nfrom torch import nn\n" + _COMMON
    + _CNN_PLAIN.replace("nn.Conv2d(1, 3, 3, padding=1)", "nn.modules.conv.Conv2d(1, 3, 3, padding=1)", 1)
    + _CONVNET_PLAIN)
FILES["r54_py_min_modules_pooling_path_in_cnn_init.py"] = ("import torch\nfrom torch import nn\n" + _COMMON
    + _CNN_PLAIN.replace("nn.MaxPool2d(2),\n            nn.Flatten()",
                         "torch.nn.modules.pooling.MaxPool2d(2),\n            nn.Flatten()", 1)
    + _CONVNET_PLAIN)


def to_nb(src: str) -> dict:
    cells = []
    chunks = src.strip("\n").split("# %%")
    for n, chunk in enumerate(chunks):
        header, _, body = chunk.partition("\n") if n else ("", "", chunk)
        body = body.strip("\n")
        lines = body.split("\n")
        outputs = []
        header = header.strip()
        if header.startswith("raises "):
            ename, _, evalue = header[len("raises "):].partition(": ")
            outputs = [{"output_type": "error", "ename": ename, "evalue": evalue,
                        "traceback": [f"{ename}: {evalue}"]}]
        cells.append({"cell_type": "code", "execution_count": len(cells) + 1, "id": f"c{len(cells)}", "metadata": {},
                      "outputs": outputs, "source": [l + "\n" for l in lines[:-1]] + [lines[-1]]})
    cells.insert(0, {"cell_type": "markdown", "id": "md0", "metadata": {}, "source": ["# Lecture 6 exercises"]})
    return {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                                         "language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}


if __name__ == "__main__":
    for name, src in FILES.items():
        path = HERE / name
        if name.endswith(".ipynb"):
            path.write_text(json.dumps(to_nb(src), indent=1) + "\n")
        else:
            path.write_text(src.lstrip("\n"))
        print(path.name)

"""Round 18 of the fairness corpus: correct q7 ``CNN`` / q8 ``ConvNet`` whose floating-point arithmetic differs
from torch's layers (the judge compares every parameter's gradient, in training mode, with a reference network's).

Each case is round 8's plain answers (``_make_r8.PLAIN``) with q7 and q8 replaced by a model that keeps the same
trainable parameters (``nn.Conv2d`` / ``nn.Linear`` modules, or ``nn.Parameter``s of the same shapes) but computes
with them another way: the bias added after ``F.conv2d(..., bias=None)``; convolution by ``F.unfold`` + matmul /
``einsum`` / ``tensordot``, by nine shifted slices of an ``F.pad``-ded input, by ``Tensor.unfold`` / ``as_strided``
windows, per input channel, as a grouped (depthwise) convolution summed, as ``conv_transpose2d`` with the flipped
kernel, by FFT (float64 and float32), row by row; float64 inside ``forward``; channels-last; ReLU as
``clamp(min=0)``, ``torch.maximum(x, 0)``, ``x * (x > 0)``, ``torch.where``, ``F.threshold``, ``(x + |x|) / 2``,
``F.leaky_relu(x, 0)``, ``F.hardtanh(x, 0, inf)``; max pooling by ``unfold`` + ``amax``, ``reshape`` + ``max``,
``return_indices``, the maximum of four strided slices; heads by ``F.linear``, ``x @ W.T + b``, ``addmm``, a
full-size convolution over the (2, 25, 25) map (the FCN trick), a 1x1 convolution over the flattened features,
``einsum`` in float64.

    python tests/corpus/fair/_make_r18.py        # rewrites tests/corpus/fair/r18_*
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from _make_r8 import QUESTIONS, d, write_notebook, write_script  # noqa: E402

CASES: dict[str, dict] = {}


def case(name, *, tool="jupyter", answers=None, before=None, after=None, extra=None):
    CASES[name] = dict(tool=tool, answers=answers or {}, before=before or {}, after=after or {}, extra=extra or [],
                       order=QUESTIONS)


IMPORTS = "import torch\nimport torch.nn.functional as F\nfrom torch import nn\n"


def q7(helpers, conv="conv", relu="relu", pool="pool", flat="x.flatten(1)", head="head", doc=""):
    """q7: module-level helpers, then a CNN whose layers hold the parameters and whose forward calls the helpers."""
    doc = f'    """{doc}"""\n\n' if doc else ""
    return (IMPORTS + "\n\n" + d(helpers).strip("\n") + "\n\n\nclass CNN(nn.Module):\n" + doc +
            "    def __init__(self):\n        super().__init__()\n"
            "        self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)\n"
            "        self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)\n"
            "        self.fc = nn.Linear(2 * 25 * 25, 1)\n\n"
            "    def forward(self, x):\n"
            f"        x = {pool}({relu}({conv}(x, self.conv1.weight, self.conv1.bias)))\n"
            f"        x = {pool}({relu}({conv}(x, self.conv2.weight, self.conv2.bias)))\n"
            f"        x = {flat}\n"
            f"        return {head}(x, self.fc.weight, self.fc.bias)\n")


CONV_BLOCK = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())
    ''')


def q8(conv="conv", relu="relu", flat="x.flatten(1)", head="head", helpers=""):
    """q8: conv_block as asked; ConvNet keeps the blocks (their Conv2d hold the parameters) and computes with the
    q7 helpers (or the case's own)."""
    out = IMPORTS + "\n"
    if helpers:
        out += "\n" + d(helpers).strip("\n") + "\n\n"
    out += "\n" + CONV_BLOCK + "\n\nclass ConvNet(nn.Module):\n"
    out += ("    def __init__(self, input_channels):\n        super().__init__()\n"
            "        self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),\n"
            "                                    conv_block(3, 3), conv_block(3, 3))\n"
            "        self.fc = nn.Linear(3 * 128 * 128, 1)\n\n"
            "    def forward(self, x):\n"
            "        for block in self.blocks:\n"
            "            layer = block[0]\n"
            f"            x = {relu}({conv}(x, layer.weight, layer.bias))\n"
            f"        x = {flat}\n"
            f"        return {head}(x, self.fc.weight, self.fc.bias)\n")
    return out


STD = '''
    def relu(x):
        return F.relu(x)


    def pool(x):
        return F.max_pool2d(x, 2)


    def head(x, weight, bias):
        return F.linear(x, weight, bias)
    '''


def std(conv_src, relu_src=None, pool_src=None, head_src=None):
    """Helpers: the case's conv plus (case's or torch's) relu / pool / head."""
    parts = [d(conv_src).strip("\n")]
    parts.append(d(relu_src).strip("\n") if relu_src else "def relu(x):\n    return F.relu(x)")
    parts.append(d(pool_src).strip("\n") if pool_src else "def pool(x):\n    return F.max_pool2d(x, 2)")
    parts.append(d(head_src).strip("\n") if head_src else "def head(x, weight, bias):\n    return F.linear(x, weight, bias)")
    return "\n\n\n".join(parts) + "\n"


TORCH_CONV = '''
    def conv(x, weight, bias):
        return F.conv2d(x, weight, bias, padding=1)
    '''

# ---------------------------------------------------------------------------------------------------------
# convolutions written another way
# ---------------------------------------------------------------------------------------------------------

BIAS_AFTER = '''
    def conv(x, weight, bias):
        # bias added by hand after the convolution (so I can see the two parts separately)
        return F.conv2d(x, weight, bias=None, padding=1) + bias.view(1, -1, 1, 1)
    '''

UNFOLD_MATMUL = '''
    def conv(x, weight, bias):
        """im2col: every 3x3 window becomes a column, the convolution one matrix product."""
        n, c, h, w = x.shape
        cols = F.unfold(x, kernel_size=3, padding=1)              # (n, c*9, h*w)
        out = weight.view(weight.shape[0], -1) @ cols               # (n, out, h*w)
        out = out + bias.view(1, -1, 1)
        return out.view(n, -1, h, w)
    '''

UNFOLD_EINSUM = '''
    def conv(x, weight, bias):
        n, c, h, w = x.shape
        cols = F.unfold(x, (3, 3), padding=(1, 1))
        out = torch.einsum("ok,nkl->nol", weight.flatten(1), cols) + bias[None, :, None]
        return out.reshape(n, -1, h, w)
    '''

UNFOLD_TENSORDOT = '''
    def conv(x, weight, bias):
        n, _, h, w = x.shape
        cols = F.unfold(x, 3, padding=1).view(n, -1, 3 * 3, h, w)    # (n, c, 9, h, w)
        out = torch.tensordot(cols, weight.flatten(2), dims=([1, 2], [1, 2]))  # (n, h, w, out)
        return out.permute(0, 3, 1, 2) + bias.view(-1, 1, 1)
    '''

NINE_SLICES = '''
    def conv(x, weight, bias):
        """Sum of the 9 kernel taps, each a shifted slice of the padded input times one weight per channel pair."""
        h, w = x.shape[-2:]
        padded = F.pad(x, (1, 1, 1, 1))
        out = bias.view(1, -1, 1, 1)
        for i in range(3):
            for j in range(3):
                shifted = padded[:, :, i:i + h, j:j + w]
                out = out + torch.einsum("nchw,oc->nohw", shifted, weight[:, :, i, j])
        return out
    '''

NINE_SLICES_BROADCAST = '''
    def conv(x, weight, bias):
        h, w = x.shape[-2:]
        xp = F.pad(x, [1, 1, 1, 1], mode="constant", value=0.0)
        total = 0
        for di in range(3):
            for dj in range(3):
                window = xp[:, None, :, di:di + h, dj:dj + w]            # (n, 1, c, h, w)
                tap = weight[None, :, :, di, dj, None, None]             # (1, out, c, 1, 1)
                total = total + (window * tap).sum(dim=2)
        return total + bias[:, None, None]
    '''

TENSOR_UNFOLD_WINDOWS = '''
    def conv(x, weight, bias):
        windows = F.pad(x, (1, 1, 1, 1)).unfold(2, 3, 1).unfold(3, 3, 1)   # (n, c, h, w, 3, 3)
        return torch.einsum("nchwij,ocij->nohw", windows, weight) + bias.view(1, -1, 1, 1)
    '''

AS_STRIDED = '''
    def conv(x, weight, bias):
        xp = F.pad(x, (1, 1, 1, 1)).contiguous()
        n, c, hp, wp = xp.shape
        s = xp.stride()
        windows = xp.as_strided((n, c, hp - 2, wp - 2, 3, 3), (s[0], s[1], s[2], s[3], s[2], s[3]))
        out = torch.tensordot(windows, weight, dims=([1, 4, 5], [1, 2, 3]))    # (n, h, w, out)
        return out.permute(0, 3, 1, 2) + bias.view(1, -1, 1, 1)
    '''

PER_CHANNEL = '''
    def conv(x, weight, bias):
        # one single-channel convolution per input channel, added up (how I picture a multi-channel filter)
        out = bias.view(1, -1, 1, 1)
        for c in range(x.shape[1]):
            out = out + F.conv2d(x[:, c:c + 1], weight[:, c:c + 1], padding=1)
        return out
    '''

GROUPED = '''
    def conv(x, weight, bias):
        """Depthwise: each (out, in) kernel on its own channel, grouped, then the in-channels summed."""
        n, c, h, w = x.shape
        o = weight.shape[0]
        repeated = x.repeat(1, o, 1, 1)                                    # (n, o*c, h, w)
        per_pair = F.conv2d(repeated, weight.reshape(o * c, 1, 3, 3), padding=1, groups=o * c)
        return per_pair.view(n, o, c, h, w).sum(2) + bias.view(1, o, 1, 1)
    '''

TRANSPOSED = '''
    def conv(x, weight, bias):
        # a transposed convolution with the kernel flipped and in/out swapped is the same correlation
        return F.conv_transpose2d(x, weight.flip(-2, -1).transpose(0, 1), bias, padding=1)
    '''

FFT64 = '''
    def conv(x, weight, bias):
        """Convolution theorem (in float64, so that the FFT's rounding does not show): correlate by multiplying
        the spectrum of the zero-padded input with the conjugate spectrum of the zero-padded kernel."""
        n, c, h, w = x.shape
        size = (h + 2, w + 2)
        X = torch.fft.rfft2(F.pad(x.double(), (1, 1, 1, 1)), s=size)
        K = torch.fft.rfft2(weight.double(), s=size)
        Y = torch.einsum("nchw,ochw->nohw", X, K.conj())
        out = torch.fft.irfft2(Y, s=size)[..., :h, :w]
        return out.to(x.dtype) + bias.view(1, -1, 1, 1)
    '''

FFT32 = '''
    def conv(x, weight, bias):
        """Convolution theorem: correlation = inverse FFT of FFT(input) * conj(FFT(kernel)), on the padded grid."""
        n, c, h, w = x.shape
        size = (h + 2, w + 2)
        X = torch.fft.rfft2(F.pad(x, (1, 1, 1, 1)), s=size)
        K = torch.fft.rfft2(weight, s=size)
        Y = (X.unsqueeze(1) * K.conj().unsqueeze(0)).sum(2)
        return torch.fft.irfft2(Y, s=size)[..., :h, :w] + bias.view(1, -1, 1, 1)
    '''

ROWS = '''
    def conv(x, weight, bias):
        # a 3x3 kernel is three 1x3 kernels, one per row, on the input shifted by that row
        h = x.shape[-2]
        xp = F.pad(x, (0, 0, 1, 1))
        rows = [F.conv2d(xp[:, :, r:r + h], weight[:, :, r:r + 1, :], padding=(0, 1)) for r in range(3)]
        return rows[0] + rows[1] + rows[2] + bias.view(1, -1, 1, 1)
    '''

DOUBLE = '''
    def conv(x, weight, bias):
        # computed in float64 (more exact), handed back in the input's dtype
        return F.conv2d(x.double(), weight.double(), bias.double(), padding=1).to(x.dtype)
    '''

CHANNELS_LAST = '''
    def conv(x, weight, bias):
        x = x.contiguous(memory_format=torch.channels_last)
        w = weight.contiguous(memory_format=torch.channels_last)
        return F.conv2d(x, w, None, 1, 1) + bias.view(1, -1, 1, 1)
    '''

BIAS_FIRST = '''
    def conv(x, weight, bias):
        return bias.reshape(-1, 1, 1) + F.conv2d(x, weight, padding=1)
    '''

# ---------------------------------------------------------------------------------------------------------
# ReLUs, pools, heads written another way
# ---------------------------------------------------------------------------------------------------------

R_CLAMP = "def relu(x):\n    return x.clamp(min=0)\n"
R_MAXIMUM = "def relu(x):\n    return torch.maximum(x, torch.zeros_like(x))\n"
R_MASK = "def relu(x):\n    return x * (x > 0)\n"
R_WHERE = "def relu(x):\n    return torch.where(x > 0, x, 0.0)\n"
R_THRESHOLD = "def relu(x):\n    return F.threshold(x, 0.0, 0.0)\n"
R_ABS = "def relu(x):\n    # max(x, 0) = (x + |x|) / 2\n    return (x + x.abs()) / 2\n"
R_LEAKY0 = "def relu(x):\n    return F.leaky_relu(x, negative_slope=0.0)\n"
R_HARDTANH = "def relu(x):\n    return F.hardtanh(x, min_val=0.0, max_val=float(\"inf\"))\n"

P_UNFOLD_AMAX = "def pool(x):\n    return x.unfold(2, 2, 2).unfold(3, 2, 2).amax(dim=(-2, -1))\n"
P_RESHAPE_MAX = d('''
    def pool(x):
        n, c, h, w = x.shape
        return x.reshape(n, c, h // 2, 2, w // 2, 2).max(dim=5).values.max(dim=3).values
    ''')
P_INDICES = d('''
    def pool(x):
        pooled, indices = F.max_pool2d(x, kernel_size=2, stride=2, return_indices=True)  # indices for unpooling later
        return pooled
    ''')
P_FOUR_SLICES = d('''
    def pool(x):
        # the maximum of the four corners of every 2x2 block
        top = torch.maximum(x[..., 0::2, 0::2], x[..., 0::2, 1::2])
        bottom = torch.maximum(x[..., 1::2, 0::2], x[..., 1::2, 1::2])
        return torch.maximum(top, bottom)
    ''')
P_F_UNFOLD = d('''
    def pool(x):
        n, c, h, w = x.shape
        blocks = F.unfold(x.reshape(n * c, 1, h, w), kernel_size=2, stride=2)   # (n*c, 4, h*w/4)
        return blocks.max(dim=1).values.view(n, c, h // 2, w // 2)
    ''')

H_MATMUL = "def head(x, weight, bias):\n    return x @ weight.T + bias\n"
H_ADDMM = "def head(x, weight, bias):\n    return torch.addmm(bias, x, weight.t())\n"
H_EINSUM64 = d('''
    def head(x, weight, bias):
        # the long dot product summed in float64
        return (torch.einsum("nf,of->no", x.double(), weight.double()) + bias.double()).float()
    ''')
H_MUL_SUM = "def head(x, weight, bias):\n    return (x * weight).sum(dim=1, keepdim=True) + bias\n"
H_1X1 = d('''
    def head(x, weight, bias):
        # a Linear layer is a 1x1 convolution over the features seen as channels of a 1x1 image
        return F.conv2d(x[:, :, None, None], weight[:, :, None, None], bias).flatten(1)
    ''')

# ---------------------------------------------------------------------------------------------------------
# the cases
# ---------------------------------------------------------------------------------------------------------


def both(name, helpers, tool="jupyter", q7kw=None, q8kw=None, q8_helpers="", after=None):
    q7kw, q8kw = q7kw or {}, q8kw or {}
    case(name, tool=tool, answers={"q7": q7(helpers, **q7kw), "q8": q8(helpers=q8_helpers, **q8kw)},
         after=after)


both("r18_nb_bias_after_conv_and_clamp_relu", std(BIAS_AFTER, R_CLAMP))
both("r18_py_unfold_matmul_im2col_matmul_head", std(UNFOLD_MATMUL, head_src=H_MATMUL))
both("r18_nb_unfold_einsum_where_relu", std(UNFOLD_EINSUM, R_WHERE), tool="colab")
both("r18_py_unfold_tensordot_threshold_relu", std(UNFOLD_TENSORDOT, R_THRESHOLD), tool="percent")
both("r18_nb_nine_shifted_slices_einsum", std(NINE_SLICES))
both("r18_py_nine_shifted_slices_broadcast_mask_relu", std(NINE_SLICES_BROADCAST, R_MASK))
both("r18_nb_tensor_unfold_windows_abs_relu", std(TENSOR_UNFOLD_WINDOWS, R_ABS))
both("r18_py_as_strided_windows_addmm_head", std(AS_STRIDED, head_src=H_ADDMM), tool="nbconvert")
both("r18_nb_per_input_channel_convolutions", std(PER_CHANNEL, R_MAXIMUM))
both("r18_py_grouped_depthwise_then_summed", std(GROUPED))
both("r18_nb_conv_transpose_flipped_kernel", std(TRANSPOSED, R_LEAKY0), tool="lab4")
both("r18_py_fft_convolution_float64", std(FFT64))
both("r18_nb_fft_convolution_float32", std(FFT32))
both("r18_py_kernel_rows_three_1x3_convs", std(ROWS, R_HARDTANH))
both("r18_nb_float64_conv_cast_back", std(DOUBLE, head_src=H_EINSUM64))
both("r18_py_channels_last_bias_after", std(CHANNELS_LAST, R_CLAMP))
both("r18_nb_bias_first_mul_sum_head", std(BIAS_FIRST, R_MASK, head_src=H_MUL_SUM), tool="vscode")
both("r18_py_head_as_1x1_conv", std(BIAS_AFTER, head_src=H_1X1))

# pooling by hand (round 15 found reshape / unfold + amax read as no pooling layer: checked again here)
both("r18_nb_pool_unfold_amax_clamp", std(BIAS_AFTER, R_CLAMP, P_UNFOLD_AMAX))
both("r18_py_pool_reshape_max_maximum_relu", std(UNFOLD_MATMUL, R_MAXIMUM, P_RESHAPE_MAX))
both("r18_nb_pool_return_indices_abs_relu", std(NINE_SLICES, R_ABS, P_INDICES))
both("r18_py_pool_four_slices_where_relu", std(TORCH_CONV, R_WHERE, P_FOUR_SLICES))
both("r18_nb_pool_f_unfold_blocks_max", std(GROUPED, R_THRESHOLD, P_F_UNFOLD), tool="deepnote")

# ---------------------------------------------------------------------------------------------------------
# self-contained models (no helpers): the arithmetic inline in forward
# ---------------------------------------------------------------------------------------------------------

FCN_HEAD_CNN = IMPORTS + d('''


    class CNN(nn.Module):
        """The classifier applied as a convolution whose kernel covers the whole 2x25x25 map (the FCN trick):
        the Linear's weight viewed as one (1, 2, 25, 25) kernel, so the network also runs on bigger images."""

        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(2 * 25 * 25, 1)

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            kernel = self.fc.weight.view(1, 2, 25, 25)
            return F.conv2d(x, kernel, self.fc.bias).flatten(1)       # (N, 1, 1, 1) -> (N, 1)
    ''')

FCN_HEAD_CONVNET = IMPORTS + "\n\n" + CONV_BLOCK + d('''

    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.features = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            x = self.features(x)
            return F.conv2d(x, self.fc.weight.view(1, 3, 128, 128), self.fc.bias).flatten(1)
    ''')

case("r18_py_head_as_full_size_conv_fcn_trick", answers={"q7": FCN_HEAD_CNN, "q8": FCN_HEAD_CONVNET})

OWN_PARAMS_CNN = IMPORTS + d('''
    import math


    class CNN(nn.Module):
        """Written from scratch: my own parameters (same shapes as Conv2d / Linear, same default init),
        convolution as im2col in float64, ReLU as clamp, pooling with F.max_pool2d, head with addmm."""

        def __init__(self):
            super().__init__()
            self.w1 = nn.Parameter(torch.empty(3, 1, 3, 3))
            self.b1 = nn.Parameter(torch.empty(3))
            self.w2 = nn.Parameter(torch.empty(2, 3, 3, 3))
            self.b2 = nn.Parameter(torch.empty(2))
            self.w3 = nn.Parameter(torch.empty(1, 1250))
            self.b3 = nn.Parameter(torch.empty(1))
            for w, b in ((self.w1, self.b1), (self.w2, self.b2), (self.w3, self.b3)):
                fan_in = w[0].numel()
                nn.init.kaiming_uniform_(w, a=math.sqrt(5))
                nn.init.uniform_(b, -1 / math.sqrt(fan_in), 1 / math.sqrt(fan_in))

        @staticmethod
        def _conv(x, w, b):
            n, _, h, wd = x.shape
            cols = F.unfold(x.double(), 3, padding=1)
            out = torch.matmul(w.double().flatten(1), cols) + b.double()[:, None]
            return out.view(n, -1, h, wd).float()

        def forward(self, x):
            x = F.max_pool2d(self._conv(x, self.w1, self.b1).clamp(min=0), 2)
            x = F.max_pool2d(self._conv(x, self.w2, self.b2).clamp(min=0), 2)
            return torch.addmm(self.b3, x.reshape(x.size(0), -1), self.w3.T)
    ''')

OWN_PARAMS_CONVNET = IMPORTS + "\n\n" + CONV_BLOCK + d('''

    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x):
            for block in self.blocks:
                conv = block[0]
                x = CNN._conv(x, conv.weight, conv.bias).clamp(min=0)
            return torch.addmm(self.fc.bias, x.reshape(x.size(0), -1), self.fc.weight.T)
    ''')

case("r18_nb_own_parameters_im2col_float64", answers={"q7": OWN_PARAMS_CNN, "q8": OWN_PARAMS_CONVNET})

DOUBLE_FORWARD_CNN = IMPORTS + d('''


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(2 * 25 * 25, 1)

        def forward(self, x):
            # the whole network in float64 (the parameters stay float32; only this pass is double)
            p = {name: t.double() for name, t in self.named_parameters()}
            x = x.double()
            x = F.max_pool2d(F.relu(F.conv2d(x, p["conv1.weight"], p["conv1.bias"], padding=1)), 2)
            x = F.max_pool2d(F.relu(F.conv2d(x, p["conv2.weight"], p["conv2.bias"], padding=1)), 2)
            x = F.linear(x.flatten(1), p["fc.weight"], p["fc.bias"])
            return x.float()
    ''')

DOUBLE_FORWARD_CONVNET = IMPORTS + "\n\n" + CONV_BLOCK + d('''

    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.net = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                     conv_block(3, 3), conv_block(3, 3), nn.Flatten(), nn.Linear(49152, 1))

        def forward(self, x):
            dtype = x.dtype
            x = x.double()
            for layer in self.net.modules():           # conv_block's Sequentials are nested: walk the leaves
                if isinstance(layer, nn.Conv2d):
                    x = F.conv2d(x, layer.weight.double(), layer.bias.double(), padding=1)
                elif isinstance(layer, nn.Linear):
                    x = F.linear(x, layer.weight.double(), layer.bias.double())
                elif isinstance(layer, (nn.ReLU, nn.Flatten)):
                    x = layer(x)
            return x.to(dtype)
    ''')

case("r18_py_whole_forward_in_float64", tool="percent",
     answers={"q7": DOUBLE_FORWARD_CNN, "q8": DOUBLE_FORWARD_CONVNET})

MIXED_CNN = IMPORTS + d('''


    def rearrange_flat(x):
        # einops' rearrange(x, "b c h w -> b (c h w)") in plain torch
        b, c, h, w = x.shape
        return x.permute(0, 1, 2, 3).reshape(b, c * h * w)


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(2 * 25 * 25, 1)

        def forward(self, x):
            for conv in (self.conv1, self.conv2):
                z = torch.einsum("nkl,ok->nol", F.unfold(x, 3, padding=1), conv.weight.view(conv.out_channels, -1))
                z = z.view(x.shape[0], conv.out_channels, x.shape[2], x.shape[3]) + conv.bias[:, None, None]
                z = torch.where(z > 0, z, torch.zeros_like(z))
                x = F.max_pool2d(z, 2)
            x = rearrange_flat(x)
            return x.mm(self.fc.weight.t()).add(self.fc.bias)
    ''')

MIXED_CONVNET = IMPORTS + "\n\n" + CONV_BLOCK + d('''

    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(*[conv_block(a, b) for a, b in [(input_channels, 3)] + [(3, 3)] * 4])
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            n, _, h, w = x.shape
            for conv, _relu in self.blocks:
                z = torch.einsum("nkl,ok->nol", F.unfold(x, 3, padding=1), conv.weight.view(conv.out_channels, -1))
                x = F.relu_(z.view(n, -1, h, w) + conv.bias[:, None, None])
            return rearrange_flat(x).mm(self.fc.weight.t()).add(self.fc.bias)
    ''')

case("r18_nb_loop_over_convs_unfold_einsum_mm_head", answers={"q7": MIXED_CNN, "q8": MIXED_CONVNET})

CL_MODEL_CNN = IMPORTS + d('''


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(2 * 25 * 25, 1)

        def forward(self, x):
            x = x.to(memory_format=torch.channels_last)                # NHWC is faster on CPU, I read
            x = F.max_pool2d((self.conv1(x)).clamp_min(0), 2)
            x = F.max_pool2d((self.conv2(x)).clamp_min(0), 2)
            x = x.contiguous()                                          # back to NCHW so flatten keeps C, H, W order
            return self.fc(x.view(x.size(0), -1))
    ''')

CL_MODEL_CONVNET = IMPORTS + "\n\n" + CONV_BLOCK + d('''

    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.features = nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)))
            self.classifier = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x):
            x = self.features(x.to(memory_format=torch.channels_last)).contiguous()
            return self.classifier(torch.flatten(x, 1))
    ''')

case("r18_py_channels_last_input_clamp_min", answers={"q7": CL_MODEL_CNN, "q8": CL_MODEL_CONVNET})


def _stable_ids(path: Path) -> None:
    nb = nbformat.read(str(path), as_version=4)
    for i, cell in enumerate(nb.cells):
        cell.id = f"r18-{i:03d}"
        if cell.cell_type == "markdown" and "id" in cell.metadata:
            cell.metadata["id"] = f"m{i:07x}"
    nbformat.write(nb, str(path))


def main() -> None:
    for old in HERE.glob("r18_*"):
        old.unlink()
    for name, spec in CASES.items():
        if name.startswith("r18_nb_"):
            write_notebook(name, spec)
            _stable_ids(HERE / f"{name}.ipynb")
        else:
            write_script(name, spec)
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()

"""Round 19 of the fairness corpus: correct q7 ``CNN`` / q8 ``ConvNet`` whose convolutions are spelled unlike
torch's layers in styles round 18 did not use, and whose held parameters are cast or copied before a normal
``F.conv2d`` / ``F.linear``.

Each case is round 8's plain answers with q7 and q8 replaced (round 18's writers: ``_make_r18.q7`` / ``q8`` /
``std``). The models keep the same trainable parameters (``nn.Conv2d`` / ``nn.Linear`` modules, or
``nn.Parameter``s of the same shapes) and compute the same function:

- im2col: ``F.unfold`` of an ``F.pad``-ded input, ``cols.transpose(1, 2) @ w.T`` transposed back, ``torch.bmm``
  with an expanded kernel and ``+=`` bias, einsum with other letters, bias before / after the reshape back;
- ``Tensor.unfold`` windows with einsum in other letter orders / channels-last windows / ``tensordot`` with the
  kernel first; ``as_strided`` windows with einsum; k*k shifted slices accumulated with ``+=`` into zeros and with
  ``out = out + tensordot(...)``;
- loops over output channels that ``cat`` per-channel ``F.conv2d`` results or ``stack`` hand-computed ones; a loop
  over input channels whose results are ``stack``-ed then summed;
- ``F.conv_transpose2d`` with the transposed, flipped kernel (bias after; ``permute`` + ``torch.flip``); complex
  ``fft2`` in float32, ``rfft2`` in float64;
- casts / copies of the held parameters before ``F.conv2d``: ``.double()``, ``.to(torch.float64)``,
  ``.to(x.dtype)`` (a no-op on float32 input, a cast after ``x.double()``), ``.type(torch.float64)``, channels-last
  weight with the bias inside, ``.clone()``, ``* 1.0``, ``.float()`` (a no-op); the whole forward in float64 then
  ``.float()``;
- heads: ``einsum``, ``addmm`` with an expanded bias, ``(x[:, None, :] * W).sum(-1) + b``, ``matmul().add_``,
  ``F.linear`` in float64, ``W.to(x.dtype)``.

    python tests/corpus/fair/_make_r19.py        # rewrites tests/corpus/fair/r19_*
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from _make_r8 import QUESTIONS, d, write_notebook, write_script  # noqa: E402
from _make_r18 import CONV_BLOCK, IMPORTS, R_CLAMP, R_MASK, TORCH_CONV, q7, q8, std  # noqa: E402

CASES: dict[str, dict] = {}


def case(name, *, tool="jupyter", answers=None, before=None, after=None, extra=None):
    CASES[name] = dict(tool=tool, answers=answers or {}, before=before or {}, after=after or {}, extra=extra or [],
                       order=QUESTIONS)


def both(name, helpers, tool="jupyter", q7kw=None, q8kw=None, q8_helpers=""):
    q7kw, q8kw = q7kw or {}, q8kw or {}
    case(name, tool=tool, answers={"q7": q7(helpers, **q7kw), "q8": q8(helpers=q8_helpers, **q8kw)})


# ---------------------------------------------------------------------------------------------------------
# im2col variants
# ---------------------------------------------------------------------------------------------------------

UNFOLD_PAD_FIRST = '''
    def conv(x, weight, bias):
        # pad first (zeros all round), then unfold with no padding: one column per output pixel
        n, c, h, w = x.shape
        o = weight.shape[0]
        cols = F.unfold(F.pad(x, (1, 1, 1, 1)), kernel_size=3)     # (n, c*3*3, h*w)
        out = weight.reshape(o, -1) @ cols                          # (n, o, h*w)
        return out.reshape(n, o, h, w) + bias.view(1, -1, 1, 1)
    '''

UNFOLD_TRANSPOSE = '''
    def conv(x, weight, bias):
        """Pixels as rows: (n, h*w, c*9) @ (c*9, o), bias over the last axis, then back to (n, o, h, w)."""
        n, c, h, w = x.shape
        o = weight.shape[0]
        rows = F.unfold(x, 3, padding=1).transpose(1, 2)
        out = rows @ weight.view(o, -1).T + bias
        return out.transpose(1, 2).reshape(n, o, h, w)
    '''

UNFOLD_BMM = '''
    def conv(x, weight, bias):
        n, c, h, w = x.shape
        o = weight.shape[0]
        cols = F.unfold(x, kernel_size=(3, 3), padding=1)
        kernels = weight.flatten(1).unsqueeze(0).expand(n, -1, -1)  # the same (o, c*9) matrix for every image
        out = torch.bmm(kernels, cols)
        out += bias[:, None]
        return out.view(n, o, h, w)
    '''

UNFOLD_EINSUM_LETTERS = '''
    def conv(x, weight, bias):
        b, _, rows, cols_ = x.shape
        patches = F.unfold(x, kernel_size=3, padding=1, stride=1)
        y = torch.einsum("fk,bkp->bfp", weight.view(weight.size(0), -1), patches)
        return y.view(b, -1, rows, cols_) + bias.reshape(-1, 1, 1)
    '''

# ---------------------------------------------------------------------------------------------------------
# windows (Tensor.unfold, as_strided), shifted slices
# ---------------------------------------------------------------------------------------------------------

WINDOWS_EINSUM_WEIGHT_FIRST = '''
    def conv(x, weight, bias):
        win = F.pad(x, [1, 1, 1, 1]).unfold(2, 3, 1).unfold(3, 3, 1)   # (b, i, y, x, u, v)
        return torch.einsum("oiuv,biyxuv->boyx", weight, win) + bias[None, :, None, None]
    '''

WINDOWS_CHANNELS_LAST = '''
    def conv(x, weight, bias):
        win = F.pad(x, (1, 1, 1, 1)).unfold(2, 3, 1).unfold(3, 3, 1)   # (n, c, h, w, 3, 3)
        win = win.permute(0, 2, 3, 1, 4, 5)                            # (n, h, w, c, 3, 3)
        out = torch.einsum("nhwcij,ocij->nhwo", win, weight) + bias     # bias over the channel axis, last here
        return out.permute(0, 3, 1, 2)
    '''

WINDOWS_TENSORDOT = '''
    def conv(x, weight, bias):
        win = F.pad(x, (1, 1, 1, 1)).unfold(2, 3, 1).unfold(3, 3, 1)
        out = torch.tensordot(weight, win, dims=([1, 2, 3], [1, 4, 5]))     # (o, n, h, w)
        return out.transpose(0, 1) + bias.view(1, -1, 1, 1)
    '''

AS_STRIDED_EINSUM = '''
    def conv(x, weight, bias):
        xp = F.pad(x, (1, 1, 1, 1))
        n, c, hp, wp = xp.shape
        sn, sc, sh, sw = xp.stride()
        patches = torch.as_strided(xp, size=(n, c, hp - 2, wp - 2, 3, 3), stride=(sn, sc, sh, sw, sh, sw))
        return torch.einsum("ncyxkl,dckl->ndyx", patches, weight) + bias.view(1, -1, 1, 1)
    '''

KK_SLICES_INPLACE = '''
    def conv(x, weight, bias):
        """k*k taps: each one a shifted window of the padded input times the (out, in) matrix of that tap."""
        n, c, h, w = x.shape
        o, _, k, _ = weight.shape
        p = k // 2
        xp = F.pad(x, (p, p, p, p))
        out = torch.zeros(n, o, h, w, dtype=x.dtype, device=x.device)
        for i in range(k):
            for j in range(k):
                out += torch.einsum("nchw,oc->nohw", xp[:, :, i:i + h, j:j + w], weight[:, :, i, j])
        out += bias.view(1, -1, 1, 1)
        return out
    '''

KK_SLICES_TENSORDOT = '''
    def conv(x, weight, bias):
        h, w = x.shape[2], x.shape[3]
        xp = F.pad(x, (1, 1, 1, 1))
        out = bias.reshape(1, -1, 1, 1)
        for i in range(3):
            for j in range(3):
                tap = torch.tensordot(weight[:, :, i, j], xp[:, :, i:i + h, j:j + w], dims=([1], [1]))  # (o, n, h, w)
                out = out + tap.permute(1, 0, 2, 3)
        return out
    '''

# ---------------------------------------------------------------------------------------------------------
# loops over channels
# ---------------------------------------------------------------------------------------------------------

PER_OUT_CONV_CAT = '''
    def conv(x, weight, bias):
        # one filter at a time: each output channel is the whole (in, 3, 3) kernel of that filter
        maps = [F.conv2d(x, weight[k:k + 1], bias[k:k + 1], padding=1) for k in range(weight.shape[0])]
        return torch.cat(maps, dim=1)
    '''

PER_OUT_WINDOWS_STACK = '''
    def conv(x, weight, bias):
        windows = F.pad(x, (1, 1, 1, 1)).unfold(2, 3, 1).unfold(3, 3, 1)   # (n, c, h, w, 3, 3)
        maps = []
        for k in range(weight.shape[0]):
            kernel = weight[k][None, :, None, None, :, :]                  # (1, c, 1, 1, 3, 3)
            maps.append((windows * kernel).sum(dim=(1, 4, 5)) + bias[k])
        return torch.stack(maps, dim=1)
    '''

PER_IN_STACK_SUM = '''
    def conv(x, weight, bias):
        # every input channel convolved with its slice of every filter, stacked, then summed over the channels
        parts = torch.stack([F.conv2d(x[:, c:c + 1], weight[:, c:c + 1], padding=1) for c in range(x.shape[1])])
        return parts.sum(dim=0) + bias.view(1, -1, 1, 1)
    '''

# ---------------------------------------------------------------------------------------------------------
# transposed convolution, FFT
# ---------------------------------------------------------------------------------------------------------

TRANSPOSED_BIAS_AFTER = '''
    def conv(x, weight, bias):
        # cross-correlation = transposed convolution with the kernel turned 180 degrees and in/out swapped
        kernel = weight.transpose(0, 1).flip([2, 3])
        return F.conv_transpose2d(x, kernel, padding=1) + bias[:, None, None]
    '''

TRANSPOSED_PERMUTE = '''
    def conv(x, weight, bias):
        kernel = torch.flip(weight, dims=(2, 3)).permute(1, 0, 2, 3).contiguous()
        return F.conv_transpose2d(x, kernel, bias=bias, stride=1, padding=1)
    '''

FFT2_COMPLEX32 = '''
    def conv(x, weight, bias):
        """Correlation through the full complex FFT (float32): ifft2(fft2(x) * conj(fft2(k))).real."""
        h, w = x.shape[-2:]
        size = (h + 2, w + 2)
        X = torch.fft.fft2(F.pad(x, (1, 1, 1, 1)), s=size)              # (n, c, H, W) complex
        K = torch.fft.fft2(weight, s=size)                              # (o, c, H, W) complex
        Y = torch.einsum("nchw,ochw->nohw", X, K.conj())
        return torch.fft.ifft2(Y).real[..., :h, :w] + bias.view(1, -1, 1, 1)
    '''

RFFT2_64 = '''
    def conv(x, weight, bias):
        # convolution theorem in double precision, result back to float32 before the bias
        n, c, h, w = x.shape
        H, W = h + 2, w + 2
        X = torch.fft.rfft2(F.pad(x, (1, 1, 1, 1)).to(torch.float64), s=(H, W))
        K = torch.fft.rfft2(weight.to(torch.float64), s=(H, W))
        Y = (X[:, None] * K.conj()[None]).sum(dim=2)
        out = torch.fft.irfft2(Y, s=(H, W))[:, :, :h, :w].float()
        return out + bias.reshape(-1, 1, 1)
    '''

# ---------------------------------------------------------------------------------------------------------
# casts and copies of the held parameters before a normal F.conv2d
# ---------------------------------------------------------------------------------------------------------

CAST_DOUBLE = '''
    def conv(x, weight, bias):
        # in double for accuracy, back to float for the rest of the network
        return F.conv2d(x.double(), weight.double(), bias.double(), padding=1).float()
    '''

CAST_TO_F64 = '''
    def conv(x, weight, bias):
        y = F.conv2d(x.to(torch.float64), weight.to(torch.float64), bias.to(torch.float64), padding=1)
        return y.to(torch.float32)
    '''

CAST_TO_X_DTYPE = '''
    def conv(x, weight, bias):
        # make sure the parameters are in the input's dtype (they already are for float32 input)
        return F.conv2d(x, weight.to(x.dtype), bias.to(x.dtype), padding=1)
    '''

CAST_TO_X_DTYPE_DOUBLE = '''
    def conv(x, weight, bias):
        dtype = x.dtype
        x = x.double()
        y = F.conv2d(x, weight.to(x.dtype), bias.to(x.dtype), padding=1)
        return y.to(dtype)
    '''

CAST_TYPE_F64 = '''
    def conv(x, weight, bias):
        return F.conv2d(x.type(torch.float64), weight.type(torch.float64), bias.type(torch.float64), padding=1).type(torch.float32)
    '''

CL_WEIGHT_BIAS_INSIDE = '''
    def conv(x, weight, bias):
        # channels-last kernel (NHWC-friendly), bias inside the call
        return F.conv2d(x, weight.contiguous(memory_format=torch.channels_last), bias, padding=1)
    '''

CLONE = '''
    def conv(x, weight, bias):
        w, b = weight.clone(), bias.clone()      # do not touch the layer's own tensors
        return F.conv2d(x, w, b, padding=1)
    '''

TIMES_ONE = '''
    def conv(x, weight, bias):
        return F.conv2d(x, weight * 1.0, bias * 1.0, padding=1)
    '''

FLOAT_NOOP = '''
    def conv(x, weight, bias):
        return F.conv2d(x.float(), weight.float(), bias.float(), padding=1)
    '''

# ---------------------------------------------------------------------------------------------------------
# heads
# ---------------------------------------------------------------------------------------------------------

H_EINSUM = "def head(x, weight, bias):\n    return torch.einsum(\"bf,of->bo\", x, weight) + bias\n"
H_ADDMM_EXPANDED = d('''
    def head(x, weight, bias):
        return torch.addmm(bias.unsqueeze(0).expand(x.shape[0], -1), x, weight.t(), beta=1, alpha=1)
    ''')
H_BROADCAST_SUM = "def head(x, weight, bias):\n    return (x[:, None, :] * weight).sum(-1) + bias\n"
H_MATMUL_ADD_ = "def head(x, weight, bias):\n    return torch.matmul(x, weight.t()).add_(bias)\n"
H_LINEAR_F64 = d('''
    def head(x, weight, bias):
        # 1250 (or 49152) products summed: do it in double
        return F.linear(x.double(), weight.double(), bias.double()).float()
    ''')
H_TO_X_DTYPE = "def head(x, weight, bias):\n    return x @ weight.to(x.dtype).T + bias.to(x.dtype)\n"

# ---------------------------------------------------------------------------------------------------------
# the cases (helpers)
# ---------------------------------------------------------------------------------------------------------

both("r19_nb_unfold_pad_first_reshape_bias_after", std(UNFOLD_PAD_FIRST))
both("r19_py_unfold_transpose_rows_broadcast_head", std(UNFOLD_TRANSPOSE, head_src=H_BROADCAST_SUM))
both("r19_nb_unfold_bmm_bias_iadd", std(UNFOLD_BMM), tool="colab")
both("r19_py_unfold_einsum_letters_einsum_head", std(UNFOLD_EINSUM_LETTERS, head_src=H_EINSUM), tool="percent")
both("r19_nb_windows_einsum_weight_first", std(WINDOWS_EINSUM_WEIGHT_FIRST, R_CLAMP))
both("r19_py_windows_channels_last_addmm_head", std(WINDOWS_CHANNELS_LAST, head_src=H_ADDMM_EXPANDED))
both("r19_nb_windows_tensordot_kernel_first", std(WINDOWS_TENSORDOT), tool="lab4")
both("r19_py_as_strided_einsum", std(AS_STRIDED_EINSUM), tool="nbconvert")
both("r19_nb_kk_slices_inplace_add", std(KK_SLICES_INPLACE))
both("r19_py_kk_slices_tensordot_matmul_add_head", std(KK_SLICES_TENSORDOT, head_src=H_MATMUL_ADD_))
both("r19_nb_per_output_channel_conv2d_cat", std(PER_OUT_CONV_CAT), tool="vscode")
both("r19_py_per_output_channel_windows_stack", std(PER_OUT_WINDOWS_STACK, R_MASK))
both("r19_nb_per_input_channel_stack_sum", std(PER_IN_STACK_SUM))
both("r19_py_conv_transpose_bias_after", std(TRANSPOSED_BIAS_AFTER))
both("r19_nb_conv_transpose_permute_flip_einsum_head", std(TRANSPOSED_PERMUTE, head_src=H_EINSUM), tool="deepnote")
both("r19_py_fft2_complex_float32", std(FFT2_COMPLEX32))
both("r19_nb_rfft2_float64_to", std(RFFT2_64))
both("r19_py_weight_double_conv_float", std(CAST_DOUBLE))
both("r19_nb_weight_to_float64", std(CAST_TO_F64))
both("r19_py_weight_to_x_dtype_float32", std(CAST_TO_X_DTYPE), tool="percent")
both("r19_nb_weight_to_x_dtype_after_double_input", std(CAST_TO_X_DTYPE_DOUBLE))
both("r19_py_weight_type_float64", std(CAST_TYPE_F64))
both("r19_nb_weight_channels_last_bias_inside", std(CL_WEIGHT_BIAS_INSIDE))
both("r19_py_weight_clone", std(CLONE))
both("r19_nb_weight_times_one", std(TIMES_ONE))
both("r19_py_weight_float_noop", std(FLOAT_NOOP))
both("r19_nb_head_linear_in_float64", std(TORCH_CONV, head_src=H_LINEAR_F64))
both("r19_py_head_weight_to_x_dtype", std(TORCH_CONV, head_src=H_TO_X_DTYPE))

# ---------------------------------------------------------------------------------------------------------
# self-contained models
# ---------------------------------------------------------------------------------------------------------

F64_MODULES_CNN = IMPORTS + d('''


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(2 * 25 * 25, 1)

        def forward(self, x):
            x = x.to(torch.float64)
            for conv in (self.conv1, self.conv2):
                w = conv.weight.to(torch.float64)
                b = conv.bias.to(torch.float64)
                x = self.pool(torch.relu(F.conv2d(x, w, b, padding=conv.padding)))
            x = torch.flatten(x, 1)
            x = x @ self.fc.weight.to(torch.float64).T + self.fc.bias.to(torch.float64)
            return x.float()
    ''')

F64_MODULES_CONVNET = IMPORTS + "\n\n" + CONV_BLOCK + d('''

    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.features = nn.Sequential(
                conv_block(input_channels, 3),
                conv_block(3, 3),
                conv_block(3, 3),
                conv_block(3, 3),
                conv_block(3, 3),
            )
            self.flatten = nn.Flatten()
            self.linear = nn.Linear(49152, 1)

        def forward(self, x):
            x = x.double()
            for block in self.features:
                conv, act = block[0], block[1]
                x = act(F.conv2d(x, conv.weight.double(), conv.bias.double(), padding=1))
            x = self.flatten(x)
            x = F.linear(x, self.linear.weight.double(), self.linear.bias.double())
            return x.float()
    ''')

case("r19_nb_whole_forward_float64_modules", answers={"q7": F64_MODULES_CNN, "q8": F64_MODULES_CONVNET})

OWN_FFT_CNN = IMPORTS + d('''
    import math


    def fft_correlate(x, weight, bias):
        """'same' cross-correlation (padding 1) by the convolution theorem, float32."""
        h, w = x.shape[-2:]
        size = (h + 2, w + 2)
        X = torch.fft.rfft2(F.pad(x, (1, 1, 1, 1)), s=size)
        K = torch.fft.rfft2(weight, s=size).conj()
        Y = torch.einsum("bchw,fchw->bfhw", X, K)
        return torch.fft.irfft2(Y, s=size)[..., :h, :w] + bias[None, :, None, None]


    class CNN(nn.Module):
        """My own parameters, shaped exactly like Conv2d's and Linear's, with their default initialisation."""

        def __init__(self):
            super().__init__()
            self.conv1_weight = nn.Parameter(torch.empty(3, 1, 3, 3))
            self.conv1_bias = nn.Parameter(torch.empty(3))
            self.conv2_weight = nn.Parameter(torch.empty(2, 3, 3, 3))
            self.conv2_bias = nn.Parameter(torch.empty(2))
            self.fc_weight = nn.Parameter(torch.empty(1, 1250))
            self.fc_bias = nn.Parameter(torch.empty(1))
            for w, b in [(self.conv1_weight, self.conv1_bias), (self.conv2_weight, self.conv2_bias),
                         (self.fc_weight, self.fc_bias)]:
                nn.init.kaiming_uniform_(w, a=math.sqrt(5))
                bound = 1 / math.sqrt(w[0].numel())
                nn.init.uniform_(b, -bound, bound)

        def forward(self, x):
            x = F.max_pool2d(F.relu(fft_correlate(x, self.conv1_weight, self.conv1_bias)), 2)
            x = F.max_pool2d(F.relu(fft_correlate(x, self.conv2_weight, self.conv2_bias)), 2)
            x = x.reshape(len(x), -1)
            return torch.einsum("nf,of->no", x, self.fc_weight) + self.fc_bias
    ''')

OWN_FFT_CONVNET = IMPORTS + "\n\n" + CONV_BLOCK + d('''

    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            for block in self.blocks:
                x = F.relu(fft_correlate(x, block[0].weight, block[0].bias))
            x = x.reshape(len(x), -1)
            return torch.einsum("nf,of->no", x, self.fc.weight) + self.fc.bias
    ''')

case("r19_py_own_parameters_fft_einsum_head", answers={"q7": OWN_FFT_CNN, "q8": OWN_FFT_CONVNET})

OWN_BMM_CNN = IMPORTS + d('''


    class MyConv(nn.Module):
        """A 3x3 'same' convolution written with unfold + bmm; its parameters are shaped like nn.Conv2d's."""

        def __init__(self, cin, cout):
            super().__init__()
            ref = nn.Conv2d(cin, cout, 3, padding=1)            # borrow torch's default initialisation
            self.weight = nn.Parameter(ref.weight.detach().clone())
            self.bias = nn.Parameter(ref.bias.detach().clone())

        def forward(self, x):
            n, c, h, w = x.shape
            cols = F.unfold(x, 3, padding=1)                                     # (n, c*9, h*w)
            out = torch.bmm(self.weight.view(1, self.weight.shape[0], -1).repeat(n, 1, 1), cols)
            out = out.view(n, -1, h, w)
            out += self.bias.view(1, -1, 1, 1)
            return out


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.Sequential(
                MyConv(1, 3), nn.ReLU(), nn.MaxPool2d(2),
                MyConv(3, 2), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )

        def forward(self, x):
            return self.layers(x)
    ''')

OWN_BMM_CONVNET = IMPORTS + "\n\n" + CONV_BLOCK + d('''

    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            n, _, h, w = x.shape
            for conv, relu in self.blocks:
                cols = F.unfold(x, 3, padding=1)
                out = torch.bmm(conv.weight.view(1, conv.out_channels, -1).repeat(n, 1, 1), cols)
                x = relu(out.view(n, -1, h, w) + conv.bias.view(1, -1, 1, 1))
            return torch.addmm(self.fc.bias, x.flatten(1), self.fc.weight.t())
    ''')

case("r19_nb_own_conv_module_unfold_bmm", tool="colab", answers={"q7": OWN_BMM_CNN, "q8": OWN_BMM_CONVNET})


def _stable_ids(path: Path) -> None:
    nb = nbformat.read(str(path), as_version=4)
    for i, cell in enumerate(nb.cells):
        cell.id = f"r19-{i:03d}"
        if cell.cell_type == "markdown" and "id" in cell.metadata:
            cell.metadata["id"] = f"m{i:07x}"
        if cell.cell_type == "markdown" and "cell_id" in cell.metadata:   # deepnote's (from hash(): not stable)
            cell.metadata["cell_id"] = f"md-{i:08x}"
    nbformat.write(nb, str(path))


ISO = {  # one thing changed from the plain answers (F.conv2d / F.relu / F.max_pool2d / F.linear helpers)
    "iso_conv_" + key.lower(): std(src) for key, src in {
        "UNFOLD_PAD_FIRST": UNFOLD_PAD_FIRST, "UNFOLD_TRANSPOSE": UNFOLD_TRANSPOSE, "UNFOLD_BMM": UNFOLD_BMM,
        "UNFOLD_EINSUM_LETTERS": UNFOLD_EINSUM_LETTERS, "WINDOWS_EINSUM_WEIGHT_FIRST": WINDOWS_EINSUM_WEIGHT_FIRST,
        "WINDOWS_CHANNELS_LAST": WINDOWS_CHANNELS_LAST, "WINDOWS_TENSORDOT": WINDOWS_TENSORDOT,
        "AS_STRIDED_EINSUM": AS_STRIDED_EINSUM, "KK_SLICES_INPLACE": KK_SLICES_INPLACE,
        "KK_SLICES_TENSORDOT": KK_SLICES_TENSORDOT, "PER_OUT_CONV_CAT": PER_OUT_CONV_CAT,
        "PER_OUT_WINDOWS_STACK": PER_OUT_WINDOWS_STACK, "PER_IN_STACK_SUM": PER_IN_STACK_SUM,
        "TRANSPOSED_BIAS_AFTER": TRANSPOSED_BIAS_AFTER, "TRANSPOSED_PERMUTE": TRANSPOSED_PERMUTE,
        "FFT2_COMPLEX32": FFT2_COMPLEX32, "RFFT2_64": RFFT2_64, "CAST_DOUBLE": CAST_DOUBLE,
        "CAST_TO_F64": CAST_TO_F64, "CAST_TO_X_DTYPE": CAST_TO_X_DTYPE,
        "CAST_TO_X_DTYPE_DOUBLE": CAST_TO_X_DTYPE_DOUBLE, "CAST_TYPE_F64": CAST_TYPE_F64,
        "CL_WEIGHT_BIAS_INSIDE": CL_WEIGHT_BIAS_INSIDE, "CLONE": CLONE, "TIMES_ONE": TIMES_ONE,
        "FLOAT_NOOP": FLOAT_NOOP}.items()}
ISO.update({"iso_head_" + key.lower(): std(TORCH_CONV, head_src=src) for key, src in {
    "EINSUM": H_EINSUM, "ADDMM_EXPANDED": H_ADDMM_EXPANDED, "BROADCAST_SUM": H_BROADCAST_SUM,
    "MATMUL_ADD_": H_MATMUL_ADD_, "LINEAR_F64": H_LINEAR_F64, "TO_X_DTYPE": H_TO_X_DTYPE}.items()})
ISO["iso_plain_helpers"] = std(TORCH_CONV)
ISO["iso_relu_clamp"] = std(TORCH_CONV, R_CLAMP)
ISO["iso_relu_mask"] = std(TORCH_CONV, R_MASK)


def write_iso(folder: Path) -> None:
    """Isolation copies (scripts, not corpus files): python _make_r19.py --iso /tmp/fair19/iso"""
    import _make_r8

    folder.mkdir(parents=True, exist_ok=True)
    saved = _make_r8.HERE
    _make_r8.HERE = folder
    try:
        for name, helpers in ISO.items():
            write_script(name, dict(tool="plain", answers={"q7": q7(helpers), "q8": q8()}, before={}, after={},
                                    extra=[], order=QUESTIONS))
    finally:
        _make_r8.HERE = saved
    print(len(ISO), "isolation copies in", folder)


def main() -> None:
    if sys.argv[1:2] == ["--iso"]:
        write_iso(Path(sys.argv[2]))
        return
    for old in HERE.glob("r19_*"):
        old.unlink()
    for name, spec in CASES.items():
        if name.startswith("r19_nb_"):
            write_notebook(name, spec)
            _stable_ids(HERE / f"{name}.ipynb")
        else:
            write_script(name, spec)
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()

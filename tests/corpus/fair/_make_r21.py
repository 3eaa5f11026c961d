"""Round 21 of the fairness corpus: correct models written in numerically unusual ways.

Each case is round 8's plain answers (``_make_r8.PLAIN``, round 8's writers) with q7 ``CNN`` and q8
``conv_block`` / ``ConvNet`` replaced by networks that compute the prompt's function with the prompt's trainable
parameters (same shapes, same order of use) but round differently, or pass the numbers through large
intermediate values:

- the convolution as an FFT (``torch.fft.rfft2`` / ``fft2`` of the padded input and the zero-padded kernel, a
  power-of-two FFT size, in float64), as ``F.unfold`` + ``matmul`` / ``addmm`` / ``einsum`` / ``tensordot``,
  as nine shifted slices summed (bias first or last), as a sum over input channels of single-channel
  convolutions, as ``conv_transpose2d`` of the flipped kernel, as ``conv3d`` with a depth of one, on pixel values
  scaled by 255 then divided back, in float64 then cast back to float32, in channels-last memory format;
- the whole network run in float64 (``self.double()`` in the constructor, input cast, output cast back);
- ReLU as ``x.clamp(min=0)`` / ``x * (x > 0)`` / ``torch.maximum(x, 0)`` / ``(x + x.abs()) / 2`` /
  ``torch.where`` / in place;
- max pooling as ``Tensor.unfold(...).amax`` / reshape + ``amax`` / four strided slices and ``torch.maximum``;
- the flatten as ``x.view(len(x), -1)`` / ``einsum``; the head as ``x @ W.T + b`` with ``nn.Parameter``s,
  ``torch.addmm``, a multiply-and-sum;
- layers in a ``ModuleDict``, blocks in a ``ModuleList`` built by a ``for`` loop, a ``Conv2d`` subclass
  overriding ``_conv_forward``.

    python tests/corpus/fair/_make_r21.py                        # rewrites tests/corpus/fair/r21_*
    python tests/corpus/fair/_make_r21.py --iso /tmp/fair21/iso  # isolation copies (scripts, not corpus files)
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from _make_r8 import PLAIN, QUESTIONS, d, write_notebook, write_script  # noqa: E402

CASES: dict[str, dict] = {}


def case(name, *, tool="jupyter", q7=None, q8=None, before=None, after=None, extra=None):
    answers = {}
    if q7:
        answers["q7"] = q7
    if q8:
        answers["q8"] = q8
    CASES[name] = dict(tool=tool, answers=answers, before=before or {}, after=after or {}, extra=extra or [],
                       order=QUESTIONS)


IMPORTS = "import torch\nimport torch.nn.functional as F\nfrom torch import nn\n"

BLOCK = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())
    ''')

CONVNET_INIT = d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(3 * 128 * 128, 1)
    ''')

CNN_INIT = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(2 * 25 * 25, 1)
    ''')


def indent(src, n=4):
    return "".join(" " * n + line + "\n" if line else "\n" for line in d(src).splitlines())


def cnn(pre, forward):
    """q7: conv1, conv2, fc (torch's layers), a forward of one's own, helpers before the class."""
    return IMPORTS + "\n\n" + d(pre) + "\n\n" + CNN_INIT + "\n" + indent(forward)


def convnet(pre, forward, block=BLOCK):
    return IMPORTS + ("\n\n" + d(pre) if pre else "") + "\n\n" + block + "\n\n" + CONVNET_INIT + "\n" + indent(forward)


CHECK_Q7 = d('''
    m = CNN()
    x = torch.rand(2, 1, 100, 100)
    print(m(x).shape, sum(p.numel() for p in m.parameters()))
    ''')

CHECK_Q8 = d('''
    for c in (1, 3):
        net = ConvNet(c)
        print(c, net(torch.rand(2, c, 128, 128)).shape, sum(p.numel() for p in net.parameters()))
    ''')

COMPARE_CONV = d('''
    # does my convolution agree with PyTorch's?
    x = torch.rand(2, 3, 20, 20)
    w, b = torch.randn(4, 3, 3, 3), torch.randn(4)
    print((my_conv(x, w, b) - F.conv2d(x, w, b, padding=1)).abs().max())
    ''')

# ---------------------------------------------------------------------------------------------------------
# 1-4: the convolution as an FFT
# ---------------------------------------------------------------------------------------------------------

FFT_PRE = d('''
    def my_conv(x, weight, bias):
        """'same' 3x3 cross-correlation through the FFT (convolution theorem).

        Pad the input by one on each side, zero-pad the kernel to the same size, multiply the spectra (the
        conjugate of the kernel's: correlation, not convolution), sum over input channels, and keep the
        top-left H x W block of the circular result (no wrap-around reaches it)."""
        h, w = x.shape[-2:]
        xp = F.pad(x, (1, 1, 1, 1))
        size = xp.shape[-2:]
        X = torch.fft.rfft2(xp, s=size)                       # (n, c, H+2, (W+2)//2+1)
        K = torch.fft.rfft2(weight, s=size)                   # (o, c, H+2, (W+2)//2+1)
        Y = torch.einsum("nchw,ochw->nohw", X, K.conj())
        y = torch.fft.irfft2(Y, s=size)[..., :h, :w]
        return y + bias.view(1, -1, 1, 1)
    ''')
FFT_FWD7 = d('''
    def forward(self, x):
        x = F.max_pool2d(my_conv(x, self.conv1.weight, self.conv1.bias).clamp(min=0), 2)
        x = F.max_pool2d(my_conv(x, self.conv2.weight, self.conv2.bias).clamp(min=0), 2)
        x = x.view(len(x), -1)
        return self.fc(x)
    ''')
FFT_FWD8 = d('''
    def forward(self, x):
        for block in self.blocks:
            conv = block[0]
            x = my_conv(x, conv.weight, conv.bias).clamp(min=0)
        return self.fc(x.view(len(x), -1))
    ''')
case("r21_nb_fft_rfft2_correlation_clamp_relu", q7=cnn(FFT_PRE, FFT_FWD7), q8=convnet("", FFT_FWD8),
     after={"q7": [COMPARE_CONV, CHECK_Q7], "q8": [CHECK_Q8]})

FFT_POW2_PRE = d('''
    def next_pow2(n):
        return 1 << (n - 1).bit_length()


    def my_conv(x, weight, bias):
        """Convolution theorem with a power-of-two FFT size (faster FFTs); complex fft2, real part kept."""
        h, w = x.shape[-2:]
        size = (next_pow2(h + 2), next_pow2(w + 2))
        X = torch.fft.fft2(F.pad(x, (1, 1, 1, 1)), s=size)
        K = torch.fft.fft2(weight, s=size)
        out = torch.zeros(x.shape[0], weight.shape[0], *size, dtype=X.dtype)
        for c in range(x.shape[1]):
            out = out + X[:, c:c + 1] * K[:, c].conj()[None]
        return torch.fft.ifft2(out).real[..., :h, :w] + bias[:, None, None]
    ''')
FFT_POW2_FWD7 = d('''
    def forward(self, x):
        x = my_conv(x, self.conv1.weight, self.conv1.bias)
        x = F.max_pool2d(x * (x > 0), 2)
        x = my_conv(x, self.conv2.weight, self.conv2.bias)
        x = F.max_pool2d(x * (x > 0), 2)
        return self.fc(x.flatten(1))
    ''')
FFT_POW2_FWD8 = d('''
    def forward(self, x):
        for conv, relu in self.blocks:
            x = relu(my_conv(x, conv.weight, conv.bias))
        return self.fc(x.flatten(1))
    ''')
case("r21_py_fft2_power_of_two_size_mask_relu", tool="percent",
     q7=cnn(FFT_POW2_PRE, FFT_POW2_FWD7), q8=convnet("", FFT_POW2_FWD8),
     after={"q7": [COMPARE_CONV]})

FFT_SUB = IMPORTS + d('''


    class FFTConv2d(nn.Conv2d):
        """A Conv2d whose forward goes through the FFT, computed in float64 and cast back."""

        def _conv_forward(self, input, weight, bias):
            h, w = input.shape[-2:]
            size = (h + 2, w + 2)
            X = torch.fft.rfft2(F.pad(input.double(), (1, 1, 1, 1)), s=size)
            K = torch.fft.rfft2(weight.double(), s=size)
            y = torch.fft.irfft2((X[:, None] * K.conj()[None]).sum(2), s=size)[..., :h, :w]
            return (y + bias.double()[:, None, None]).to(input.dtype)


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(
                FFTConv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                FFTConv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )

        def forward(self, x):
            return self.net(x)
    ''')
FFT_SUB_Q8 = IMPORTS + "\n\n" + d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(FFTConv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())
    ''') + "\n\n" + CONVNET_INIT + "\n" + indent('''
    def forward(self, x):
        return self.fc(torch.flatten(self.blocks(x), 1))
    ''')
case("r21_nb_conv2d_subclass_fft_float64_conv_forward", tool="colab", q7=FFT_SUB, q8=FFT_SUB_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# ---------------------------------------------------------------------------------------------------------
# 5-9: im2col, einsum, tensordot
# ---------------------------------------------------------------------------------------------------------

ADDMM_CNN = IMPORTS + d('''


    def conv_rows(x, weight, bias):
        """im2col: one row per output pixel, bias first (addmm(bias, rows, W^T))."""
        n, c, h, w = x.shape
        rows = F.unfold(x, kernel_size=3, padding=1).transpose(1, 2).reshape(n * h * w, c * 9)
        out = torch.addmm(bias, rows, weight.reshape(weight.shape[0], -1).t())     # (n*h*w, o)
        return out.view(n, h, w, -1).permute(0, 3, 1, 2)


    def pool2(x):
        n, c, h, w = x.shape
        return x.reshape(n, c, h // 2, 2, w // 2, 2).amax(dim=(3, 5))


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.w1 = nn.Parameter(torch.empty(3, 1, 3, 3))
            self.b1 = nn.Parameter(torch.empty(3))
            self.w2 = nn.Parameter(torch.empty(2, 3, 3, 3))
            self.b2 = nn.Parameter(torch.empty(2))
            self.fc = nn.Linear(1250, 1)
            for w, b in [(self.w1, self.b1), (self.w2, self.b2)]:   # as nn.Conv2d initialises them
                nn.init.kaiming_uniform_(w, a=5 ** 0.5)
                bound = 1 / (w[0].numel() ** 0.5)
                nn.init.uniform_(b, -bound, bound)

        def forward(self, x):
            x = pool2(F.relu(conv_rows(x, self.w1, self.b1)))
            x = pool2(F.relu(conv_rows(x, self.w2, self.b2)))
            return self.fc(x.reshape(x.size(0), -1))
    ''')
ADDMM_FWD8 = d('''
    def forward(self, x):
        for block in self.blocks:
            x = block[1](conv_rows(x, block[0].weight, block[0].bias))
        return torch.addmm(self.fc.bias, x.reshape(len(x), -1), self.fc.weight.t())
    ''')
case("r21_py_im2col_addmm_bias_first_reshape_amax_pool", q7=ADDMM_CNN, q8=convnet("", ADDMM_FWD8))

EINSUM64_PRE = d('''
    def my_conv(x, weight, bias):
        """im2col with einsum, in double precision (less rounding), back to the input's dtype."""
        n, c, h, w = x.shape
        cols = F.unfold(x.double(), kernel_size=3, padding=1).view(n, c, 9, h * w)
        out = torch.einsum("nckp,ock->nop", cols, weight.double().view(weight.shape[0], c, 9))
        out = out + bias.double()[None, :, None]
        return out.view(n, -1, h, w).float()


    def pool(x):
        return x.unfold(2, 2, 2).unfold(3, 2, 2).amax(dim=(-2, -1))
    ''')
EINSUM64_FWD7 = d('''
    def forward(self, x):
        zero = torch.tensor(0.0)
        x = pool(torch.maximum(my_conv(x, self.conv1.weight, self.conv1.bias), zero))
        x = pool(torch.maximum(my_conv(x, self.conv2.weight, self.conv2.bias), zero))
        return self.fc(x.flatten(start_dim=1))
    ''')
EINSUM64_FWD8 = d('''
    def forward(self, x):
        for block in self.blocks:
            x = torch.maximum(my_conv(x, block[0].weight, block[0].bias), torch.zeros(()))
        return self.fc(x.flatten(1))
    ''')
case("r21_nb_einsum_im2col_float64_cast_back_unfold_amax_pool", tool="vscode",
     q7=cnn(EINSUM64_PRE, EINSUM64_FWD7), q8=convnet("", EINSUM64_FWD8),
     after={"q7": [COMPARE_CONV]})

TENSORDOT_PRE = d('''
    def my_conv(x, weight, bias):
        """Sliding 3x3 windows (Tensor.unfold) contracted with the kernel by tensordot."""
        win = F.pad(x, [1, 1, 1, 1]).unfold(2, 3, 1).unfold(3, 3, 1)            # (n, c, h, w, 3, 3)
        out = torch.tensordot(win, weight, dims=([1, 4, 5], [1, 2, 3]))          # (n, h, w, o)
        return (out + bias).permute(0, 3, 1, 2)
    ''')
TENSORDOT_FWD7 = d('''
    def forward(self, x):
        x = my_conv(x, self.conv1.weight, self.conv1.bias)
        x = F.max_pool2d(torch.where(x > 0, x, 0.0), 2)
        x = my_conv(x, self.conv2.weight, self.conv2.bias)
        x = F.max_pool2d(torch.where(x > 0, x, 0.0), 2)
        return (x.flatten(1) * self.fc.weight).sum(dim=1, keepdim=True) + self.fc.bias
    ''')
TENSORDOT_FWD8 = d('''
    def forward(self, x):
        for conv, _ in self.blocks:
            x = my_conv(x, conv.weight, conv.bias)
            x = torch.where(x > 0, x, torch.zeros_like(x))
        return (x.flatten(1) * self.fc.weight).sum(dim=1, keepdim=True) + self.fc.bias
    ''')
case("r21_py_tensordot_windows_where_relu_multiply_sum_head", tool="nbconvert",
     q7=cnn(TENSORDOT_PRE, TENSORDOT_FWD7), q8=convnet("", TENSORDOT_FWD8))

PARAM_HEAD_CNN = IMPORTS + d('''


    def conv3x3(x, weight, bias):
        n, c, h, w = x.shape
        cols = F.unfold(x, 3, padding=1)                                  # (n, c*9, h*w)
        return (weight.flatten(1) @ cols + bias[:, None]).view(n, -1, h, w)


    class CNN(nn.Module):
        """Every parameter by hand, in the order the forward pass uses them."""

        def __init__(self):
            super().__init__()
            self.conv1_weight = nn.Parameter(torch.randn(3, 1, 3, 3) / 3)
            self.conv1_bias = nn.Parameter(torch.zeros(3))
            self.conv2_weight = nn.Parameter(torch.randn(2, 3, 3, 3) / 27 ** 0.5)
            self.conv2_bias = nn.Parameter(torch.zeros(2))
            self.W = nn.Parameter(torch.randn(1, 1250) / 1250 ** 0.5)
            self.b = nn.Parameter(torch.zeros(1))

        def forward(self, x):
            x = F.max_pool2d(conv3x3(x, self.conv1_weight, self.conv1_bias).clamp_min(0), 2)
            x = F.max_pool2d(conv3x3(x, self.conv2_weight, self.conv2_bias).clamp_min(0), 2)
            x = x.view(len(x), -1)
            return x @ self.W.T + self.b
    ''')
PARAM_HEAD_FWD8 = d('''
    def forward(self, x):
        x = self.blocks(x)
        return x.view(len(x), -1) @ self.fc.weight.T + self.fc.bias
    ''')
case("r21_nb_all_parameters_by_hand_matmul_head", tool="lab4",
     q7=PARAM_HEAD_CNN, q8=convnet("", PARAM_HEAD_FWD8), after={"q7": [CHECK_Q7]})

# ---------------------------------------------------------------------------------------------------------
# nine shifted slices, channel by channel, conv_transpose2d, conv3d
# ---------------------------------------------------------------------------------------------------------

NINE_PRE = d('''
    def my_conv(x, weight, bias):
        """Nine shifted slices of the padded input, started from the bias."""
        n, c, h, w = x.shape
        xp = F.pad(x, (1, 1, 1, 1))
        out = bias.view(1, -1, 1, 1).expand(n, -1, h, w).clone()
        for i in range(3):
            for j in range(3):
                out += torch.einsum("nchw,oc->nohw", xp[:, :, i:i + h, j:j + w], weight[:, :, i, j])
        return out


    def relu(x):
        return (x + x.abs()) / 2


    def pool(x):
        """2x2 max pooling of an even-sized map: the larger of four strided slices."""
        return torch.maximum(torch.maximum(x[..., 0::2, 0::2], x[..., 0::2, 1::2]),
                             torch.maximum(x[..., 1::2, 0::2], x[..., 1::2, 1::2]))
    ''')
NINE_FWD7 = d('''
    def forward(self, x):
        x = pool(relu(my_conv(x, self.conv1.weight, self.conv1.bias)))
        x = pool(relu(my_conv(x, self.conv2.weight, self.conv2.bias)))
        w = self.fc.weight.view(1, 2, 25, 25)
        return torch.einsum("nchw,ochw->no", x, w) + self.fc.bias
    ''')
NINE_FWD8 = d('''
    def forward(self, x):
        for block in self.blocks:
            x = relu(my_conv(x, block[0].weight, block[0].bias))
        return torch.einsum("nchw,ochw->no", x, self.fc.weight.view(1, 3, 128, 128)) + self.fc.bias
    ''')
case("r21_nb_nine_slices_bias_first_abs_relu_strided_max_einsum_head", q7=cnn(NINE_PRE, NINE_FWD7),
     q8=convnet("", NINE_FWD8), after={"q7": [COMPARE_CONV]})

PER_CHANNEL_PRE = d('''
    def my_conv(x, weight, bias):
        """A multi-channel convolution is a sum of single-channel ones (one per input channel), plus the bias."""
        out = 0
        for c in range(x.shape[1]):
            out = out + F.conv2d(x[:, c:c + 1], weight[:, c:c + 1], padding=1)
        return out + bias.view(-1, 1, 1)
    ''')
PER_CHANNEL_CNN = IMPORTS + "\n\n" + PER_CHANNEL_PRE + d('''


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.ModuleDict({
                "conv1": nn.Conv2d(1, 3, kernel_size=3, padding=1),
                "relu1": nn.ReLU(),
                "pool1": nn.MaxPool2d(2),
                "conv2": nn.Conv2d(3, 2, kernel_size=3, padding=1),
                "relu2": nn.ReLU(),
                "pool2": nn.MaxPool2d(2),
                "flatten": nn.Flatten(),
                "fc": nn.Linear(1250, 1),
            })

        def forward(self, x):
            for name, layer in self.layers.items():
                if isinstance(layer, nn.Conv2d):
                    x = my_conv(x, layer.weight, layer.bias)
                else:
                    x = layer(x)
            return x
    ''')
PER_CHANNEL_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.ModuleList()
            in_ch = input_channels
            for _ in range(5):
                self.blocks.append(conv_block(in_ch, 3))
                in_ch = 3
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            for block in self.blocks:
                conv, relu = block
                x = relu(my_conv(x, conv.weight, conv.bias))
            return self.fc(self.flatten(x))
    ''')
case("r21_py_sum_of_single_channel_convs_moduledict_loop", tool="plain", q7=PER_CHANNEL_CNN, q8=PER_CHANNEL_Q8)

TRANSPOSE_PRE = d('''
    def my_conv(x, weight, bias):
        """conv2d is the transpose of conv_transpose2d: flip the kernel and swap its in/out channels."""
        return F.conv_transpose2d(x, weight.flip(2, 3).transpose(0, 1), bias, padding=1)
    ''')
TRANSPOSE_FWD7 = d('''
    def forward(self, x):
        x = F.max_pool2d(F.relu(my_conv(x, self.conv1.weight, self.conv1.bias)), kernel_size=2)
        x = F.max_pool2d(F.relu(my_conv(x, self.conv2.weight, self.conv2.bias)), kernel_size=2)
        return self.fc(x.view(x.shape[0], -1))
    ''')
TRANSPOSE_FWD8 = d('''
    def forward(self, x):
        for block in self.blocks:
            x = F.relu(my_conv(x, block[0].weight, block[0].bias))
        return self.fc(x.view(x.shape[0], -1))
    ''')
case("r21_nb_conv_transpose2d_of_flipped_kernel", tool="deepnote",
     q7=cnn(TRANSPOSE_PRE, TRANSPOSE_FWD7), q8=convnet("", TRANSPOSE_FWD8), after={"q7": [COMPARE_CONV]})

CONV3D_PRE = d('''
    def my_conv(x, weight, bias):
        """A 2D convolution is a 3D one over a depth of 1."""
        return F.conv3d(x.unsqueeze(2), weight.unsqueeze(2), bias, padding=(0, 1, 1)).squeeze(2)
    ''')
case("r21_py_conv3d_depth_one", tool="nbconvert",
     q7=cnn(CONV3D_PRE, TRANSPOSE_FWD7), q8=convnet("", TRANSPOSE_FWD8))

# ---------------------------------------------------------------------------------------------------------
# large intermediate values, float64, channels-last
# ---------------------------------------------------------------------------------------------------------

PIXELS_PRE = d('''
    def my_conv(x, weight, bias):
        """Convolve on the 0-255 pixel scale (as the image file stores it), then scale back; bias added last."""
        return F.conv2d(x * 255.0, weight, padding=1) / 255.0 + bias[:, None, None]
    ''')
PIXELS_FWD7 = d('''
    def forward(self, x):
        x = F.max_pool2d(F.relu(my_conv(x, self.conv1.weight, self.conv1.bias)), 2)
        x = F.max_pool2d(F.relu(my_conv(x, self.conv2.weight, self.conv2.bias)), 2)
        return self.fc(x.flatten(1))
    ''')
PIXELS_FWD8 = d('''
    def forward(self, x):
        x = x * 255.0                       # every block works on the pixel scale
        for block in self.blocks:
            conv = block[0]
            x = F.relu(F.conv2d(x, conv.weight, padding=1) + 255.0 * conv.bias.view(-1, 1, 1))
        return self.fc(x.flatten(1) / 255.0)
    ''')
case("r21_nb_pixel_scale_255_intermediates", q7=cnn(PIXELS_PRE, PIXELS_FWD7), q8=convnet("", PIXELS_FWD8),
     after={"q8": [CHECK_Q8]})

DOUBLE_CNN = IMPORTS + d('''


    class CNN(nn.Module):
        """The whole network in double precision; float32 in, float32 out."""

        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)
            self.double()

        def forward(self, x):
            dtype = x.dtype
            x = x.double()
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            return self.fc(torch.flatten(x, 1)).to(dtype)
    ''')
DOUBLE_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + CONVNET_INIT + indent('''
    self.double()   # float64 weights: fewer rounding errors
''', 8) + "\n" + indent('''
    def forward(self, x):
        out = self.fc(self.blocks(x.to(torch.float64)).flatten(1))
        return out.float()
    ''')
case("r21_py_whole_network_double_in_constructor", tool="percent", q7=DOUBLE_CNN, q8=DOUBLE_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

CAST_PRE = d('''
    def conv64(x, conv):
        """F.conv2d in float64 (weights and input cast for this call only), the result back in float32."""
        return F.conv2d(x.double(), conv.weight.double(), conv.bias.double(), padding=1).float()
    ''')
CAST_FWD7 = d('''
    def forward(self, x):
        x = F.max_pool2d(F.relu(conv64(x, self.conv1)), 2)
        x = F.max_pool2d(F.relu(conv64(x, self.conv2)), 2)
        return F.linear(x.double().flatten(1), self.fc.weight.double(), self.fc.bias.double()).float()
    ''')
CAST_FWD8 = d('''
    def forward(self, x):
        for conv, relu in self.blocks:
            x = relu(conv64(x, conv))
        return self.fc(x.flatten(1))
    ''')
case("r21_nb_float64_per_call_weights_cast_back", tool="colab",
     q7=cnn(CAST_PRE, CAST_FWD7), q8=convnet("", CAST_FWD8))

CL_PRE = d('''
    CL = torch.channels_last


    def my_conv(x, weight, bias):
        """channels-last (NHWC) memory for input and kernel: faster on some CPUs."""
        x = x.contiguous(memory_format=CL)
        return F.conv2d(x, weight.contiguous(memory_format=CL), bias, padding=1)
    ''')
CL_FWD7 = d('''
    def forward(self, x):
        x = F.max_pool2d(F.relu(my_conv(x, self.conv1.weight, self.conv1.bias)), 2)
        x = F.max_pool2d(F.relu(my_conv(x, self.conv2.weight, self.conv2.bias)), 2)
        return self.fc(x.reshape(len(x), -1))      # reshape: a channels-last tensor cannot be .view()ed
    ''')
CL_FWD8 = d('''
    def forward(self, x):
        x = x.to(memory_format=torch.channels_last)
        for block in self.blocks:
            x = block(x)
        return self.fc(x.permute(0, 2, 3, 1).permute(0, 3, 1, 2).reshape(x.shape[0], -1))
    ''')
case("r21_py_channels_last_input_and_kernel", q7=cnn(CL_PRE, CL_FWD7), q8=convnet("", CL_FWD8))

# ---------------------------------------------------------------------------------------------------------
# in place, augmented matrices, centred inputs, other ReLUs / pools / flattens
# ---------------------------------------------------------------------------------------------------------

INPLACE_CNN = IMPORTS + d('''


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = self.conv1(x)
            x.clamp_(min=0)                   # in place: saves memory
            x = F.max_pool2d(x, 2)
            x = F.relu_(self.conv2(x))
            x = F.max_pool2d(x, 2)
            out = x.flatten(1) @ self.fc.weight.t()
            out += self.fc.bias
            return out
    ''')
INPLACE_Q8 = IMPORTS + "\n\n" + d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(
            nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
        )
    ''') + "\n\n" + CONVNET_INIT + "\n" + indent('''
    def forward(self, x):
        return self.fc(self.blocks(x).flatten(1))
    ''')
case("r21_nb_in_place_relus_and_bias", tool="lab4", q7=INPLACE_CNN, q8=INPLACE_Q8, after={"q7": [CHECK_Q7]})

AUG_PRE = d('''
    def my_conv(x, weight, bias):
        """im2col with the bias folded in: a row of ones under the columns, the bias as an extra weight column."""
        n, c, h, w = x.shape
        cols = F.unfold(x, kernel_size=3, padding=1)                                  # (n, c*9, h*w)
        cols = torch.cat([cols, torch.ones(n, 1, h * w, dtype=x.dtype)], dim=1)       # (n, c*9+1, h*w)
        W = torch.cat([weight.reshape(weight.shape[0], -1), bias[:, None]], dim=1)     # (o, c*9+1)
        return torch.bmm(W.expand(n, -1, -1), cols).view(n, -1, h, w)


    def pool(x):
        n, c, h, w = x.shape
        return F.unfold(x, kernel_size=2, stride=2).view(n, c, 4, -1).max(dim=2).values.view(n, c, h // 2, w // 2)
    ''')
AUG_FWD7 = d('''
    def forward(self, x):
        x = pool(F.threshold(my_conv(x, self.conv1.weight, self.conv1.bias), 0.0, 0.0))
        x = pool(F.threshold(my_conv(x, self.conv2.weight, self.conv2.bias), 0.0, 0.0))
        flat = torch.cat([x[:, c].reshape(len(x), -1) for c in range(x.shape[1])], dim=1)   # channel by channel
        return F.linear(flat, self.fc.weight, self.fc.bias)
    ''')
AUG_FWD8 = d('''
    def forward(self, x):
        for block in self.blocks:
            x = my_conv(x, block[0].weight, block[0].bias)
            x = x.masked_fill(x < 0, 0.0)
        return F.linear(x.flatten(1), self.fc.weight, self.fc.bias)
    ''')
case("r21_py_im2col_bias_folded_into_weight_threshold_relu", tool="percent",
     q7=cnn(AUG_PRE, AUG_FWD7), q8=convnet("", AUG_FWD8))

CENTRED_PRE = d('''
    def my_conv(x, weight, bias):
        """Convolve the mean-centred input (better conditioned), then add back the mean's own convolution.

        conv is linear: conv(x) = conv(x - m) + conv(m), and with zero padding conv(m) is the convolution of a
        constant image (not just m * sum(weight): the border sees the padding)."""
        m = x.mean(dim=(2, 3), keepdim=True)
        centred = F.conv2d(x - m, weight, padding=1)
        offset = F.conv2d(m.expand_as(x), weight, padding=1)
        return centred + offset + bias.view(1, -1, 1, 1)
    ''')
CENTRED_FWD7 = d('''
    def forward(self, x):
        x = F.max_pool2d(F.hardtanh(my_conv(x, self.conv1.weight, self.conv1.bias), 0.0, float("inf")), 2)
        x = F.max_pool2d(F.hardtanh(my_conv(x, self.conv2.weight, self.conv2.bias), 0.0, float("inf")), 2)
        return self.fc(x.flatten(1))
    ''')
CENTRED_FWD8 = d('''
    def forward(self, x):
        for block in self.blocks:
            x = torch.max(my_conv(x, block[0].weight, block[0].bias), torch.zeros_like(x[:, :1]))
        return self.fc(x.flatten(1))
    ''')
case("r21_nb_mean_centred_input_plus_offset_convolution", tool="vscode",
     q7=cnn(CENTRED_PRE, CENTRED_FWD7), q8=convnet("", CENTRED_FWD8), after={"q7": [COMPARE_CONV]})

MODULEDICT_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            channels = [input_channels, 3, 3, 3, 3, 3]
            self.layers = nn.ModuleDict()
            for i in range(5):
                self.layers[f"block{i + 1}"] = conv_block(channels[i], channels[i + 1])
            self.layers["head"] = nn.Linear(49152, 1)

        def forward(self, x):
            for name, layer in self.layers.items():
                if name == "head":
                    x = layer(x.reshape(x.size(0), -1))
                else:
                    conv = layer[0]
                    n, c, h, w = x.shape
                    cols = F.unfold(x, 3, padding=1)
                    out = torch.baddbmm(conv.bias.view(1, -1, 1).expand(n, -1, h * w),
                                        conv.weight.view(1, conv.out_channels, -1).expand(n, -1, -1), cols)
                    x = layer[1](out.view(n, -1, h, w))
            return x
    ''')
MODULEDICT_CNN = IMPORTS + d('''


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.ModuleList()
            for c_in, c_out in [(1, 3), (3, 2)]:
                self.features.append(nn.Conv2d(c_in, c_out, kernel_size=3, padding=1))
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            for conv in self.features:
                n, c, h, w = x.shape
                cols = F.unfold(x, 3, padding=1)
                out = torch.baddbmm(conv.bias.view(1, -1, 1).expand(n, -1, h * w),
                                    conv.weight.flatten(1).expand(n, -1, -1), cols)
                x = F.max_pool2d(torch.relu(out.view(n, -1, h, w)), 2)
            return self.fc(x.view(len(x), -1))
    ''')
case("r21_nb_moduledict_blocks_loop_baddbmm_bias_first", q7=MODULEDICT_CNN, q8=MODULEDICT_Q8,
     after={"q8": [CHECK_Q8]})

KAHAN_PRE = d('''
    def my_conv(x, weight, bias):
        """Nine taps accumulated in a float64 buffer (the result keeps the input's dtype)."""
        n, c, h, w = x.shape
        xp = F.pad(x, (1, 1, 1, 1)).to(torch.float64)
        acc = torch.zeros(n, weight.shape[0], h, w, dtype=torch.float64)
        for k in range(9):
            i, j = divmod(k, 3)
            tap = weight[:, :, i, j].to(torch.float64)                    # (o, c)
            acc = acc + (xp[:, None, :, i:i + h, j:j + w] * tap[None, :, :, None, None]).sum(dim=2)
        return (acc + bias.to(torch.float64)[:, None, None]).to(x.dtype)
    ''')
KAHAN_FWD7 = d('''
    def forward(self, x):
        x = self.conv_relu_pool(x, self.conv1)
        x = self.conv_relu_pool(x, self.conv2)
        return self.fc(x.view(-1, 1250))

    @staticmethod
    def conv_relu_pool(x, conv):
        y = my_conv(x, conv.weight, conv.bias)
        y = y * (y > 0).float()
        n, c, h, w = y.shape
        return y.view(n, c, h // 2, 2, w // 2, 2).amax(dim=5).amax(dim=3)
    ''')
KAHAN_FWD8 = d('''
    def forward(self, x):
        for i in range(len(self.blocks)):
            conv, relu = self.blocks[i][0], self.blocks[i][1]
            x = relu(my_conv(x, conv.weight, conv.bias))
        return self.fc(x.view(-1, 3 * 128 * 128))
    ''')
case("r21_py_nine_taps_float64_accumulator_mask_relu_reshape_pool", tool="nbconvert",
     q7=cnn(KAHAN_PRE, KAHAN_FWD7), q8=convnet("", KAHAN_FWD8))


def _stable_ids(path: Path) -> None:
    nb = nbformat.read(str(path), as_version=4)
    for i, cell in enumerate(nb.cells):
        cell.id = f"r21-{i:03d}"
        if cell.cell_type == "markdown" and "id" in cell.metadata:
            cell.metadata["id"] = f"m{i:07x}"
        if cell.cell_type == "markdown" and "cell_id" in cell.metadata:   # deepnote's (from hash(): not stable)
            cell.metadata["cell_id"] = f"md-{i:08x}"
    nbformat.write(nb, str(path))


ISO: dict[str, dict] = {}

# Isolation copies: plain answers with one construct of a corpus file (q7 or q8), to see what costs points.
PLAIN_FWD7 = d('''
    def forward(self, x):
        x = F.max_pool2d(F.relu(my_conv(x, self.conv1.weight, self.conv1.bias)), 2)
        x = F.max_pool2d(F.relu(my_conv(x, self.conv2.weight, self.conv2.bias)), 2)
        return self.fc(x.flatten(1))
    ''')
PLAIN_FWD8 = d('''
    def forward(self, x):
        for block in self.blocks:
            x = F.relu(my_conv(x, block[0].weight, block[0].bias))
        return self.fc(x.flatten(1))
    ''')


def pool_only(pool_src):
    return cnn(pool_src, d('''
        def forward(self, x):
            x = pool(F.relu(self.conv1(x)))
            x = pool(F.relu(self.conv2(x)))
            return self.fc(x.flatten(1))
        '''))


def conv_only(conv_src):
    return {"q7": cnn(conv_src, PLAIN_FWD7), "q8": convnet(conv_src, PLAIN_FWD8)}


ISO.update({
    "iso_bias_added_after_f_conv2d": conv_only(d('''
        def my_conv(x, weight, bias):
            return F.conv2d(x, weight, padding=1) + bias.view(1, -1, 1, 1)
        ''')),
    "iso_bias_passed_to_f_conv2d_input_times_255": conv_only(d('''
        def my_conv(x, weight, bias):
            return F.conv2d(x * 255.0, weight, bias * 255.0, padding=1) / 255.0
        ''')),
    "iso_pool_reshape_amax": {"q7": pool_only(d('''
        def pool(x):
            n, c, h, w = x.shape
            return x.reshape(n, c, h // 2, 2, w // 2, 2).amax(dim=(3, 5))
        '''))},
    "iso_pool_tensor_unfold_amax": {"q7": pool_only(d('''
        def pool(x):
            return x.unfold(2, 2, 2).unfold(3, 2, 2).amax(dim=(-2, -1))
        '''))},
    "iso_pool_four_strided_slices_maximum": {"q7": pool_only(d('''
        def pool(x):
            return torch.maximum(torch.maximum(x[..., 0::2, 0::2], x[..., 0::2, 1::2]),
                                 torch.maximum(x[..., 1::2, 0::2], x[..., 1::2, 1::2]))
        '''))},
    "iso_pool_f_unfold_max_values": {"q7": pool_only(d('''
        def pool(x):
            n, c, h, w = x.shape
            return F.unfold(x, kernel_size=2, stride=2).view(n, c, 4, -1).max(dim=2).values.view(n, c, h // 2, w // 2)
        '''))},
    "iso_conv_addmm_rows_bias_first": conv_only(d('''
        def my_conv(x, weight, bias):
            n, c, h, w = x.shape
            rows = F.unfold(x, kernel_size=3, padding=1).transpose(1, 2).reshape(n * h * w, c * 9)
            out = torch.addmm(bias, rows, weight.reshape(weight.shape[0], -1).t())
            return out.view(n, h, w, -1).permute(0, 3, 1, 2)
        ''')),
    "iso_conv_im2col_matmul_bias_before_view": conv_only(d('''
        def my_conv(x, weight, bias):
            n, c, h, w = x.shape
            cols = F.unfold(x, 3, padding=1)
            return (weight.flatten(1) @ cols + bias[:, None]).view(n, -1, h, w)
        ''')),
    "iso_conv_im2col_matmul_bias_after_view": conv_only(d('''
        def my_conv(x, weight, bias):
            n, c, h, w = x.shape
            cols = F.unfold(x, 3, padding=1)
            return (weight.flatten(1) @ cols).view(n, -1, h, w) + bias.view(1, -1, 1, 1)
        ''')),
    "iso_conv_conv3d_depth_one": conv_only(CONV3D_PRE),
    "iso_conv_fft_rfft2_float32": conv_only(FFT_PRE),
    "iso_conv2d_subclass_fft_float32": {"q7": FFT_SUB.replace(".double()", ""),
                                       "q8": FFT_SUB.split("class CNN")[0] + "\n" + BLOCK + "\n\n" + CONVNET_INIT + "\n" + indent('''
        def forward(self, x):
            return self.fc(torch.flatten(self.blocks(x), 1))
        ''')},
    "iso_conv2d_subclass_conv_forward_plain_f_conv2d": {"q7": FFT_SUB.split("class FFTConv2d")[0] + d('''
        class FFTConv2d(nn.Conv2d):
            def _conv_forward(self, input, weight, bias):
                return F.conv2d(input, weight, bias, padding=1)
        ''') + "\n\n" + "class CNN" + FFT_SUB.split("class CNN")[1]},
    "iso_conv_sum_of_single_channel_convs": conv_only(PER_CHANNEL_PRE),
    "iso_conv_mean_centred_plus_offset": conv_only(CENTRED_PRE),
    "iso_conv_nine_taps_float64_accumulator": conv_only(KAHAN_PRE),
    "iso_conv_nine_slices_bias_first": conv_only(NINE_PRE.split("def relu")[0].rstrip() + "\n"),
    "iso_head_param_matmul_by_hand_cnn": {"q7": PARAM_HEAD_CNN},
})

ISO.update({
    "iso_pixel_scale_conv_divided_bias_last": conv_only(PIXELS_PRE),
    "iso_conv_nine_taps_float32_accumulator": conv_only(KAHAN_PRE.replace(".to(torch.float64)", "")
                                                        .replace(", dtype=torch.float64", "")),
    "iso_head_param_matmul_only": {"q7": IMPORTS + "\n\n" + d("""
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
                self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
                self.W = nn.Parameter(torch.randn(1, 1250) / 1250 ** 0.5)
                self.b = nn.Parameter(torch.zeros(1))

            def forward(self, x):
                x = F.max_pool2d(F.relu(self.conv1(x)), 2)
                x = F.max_pool2d(F.relu(self.conv2(x)), 2)
                return x.view(len(x), -1) @ self.W.T + self.b
        """)},
    "iso_own_parameter_convs_linear_head": {"q7": PARAM_HEAD_CNN.replace(
        "        self.W = nn.Parameter(torch.randn(1, 1250) / 1250 ** 0.5)\n"
        "        self.b = nn.Parameter(torch.zeros(1))\n", "        self.fc = nn.Linear(1250, 1)\n").replace(
        "        return x @ self.W.T + self.b\n", "        return self.fc(x)\n")},
})

_OWN = ISO["iso_own_parameter_convs_linear_head"]["q7"]
ISO.update({
    "iso_own_parameter_convs_bias_after_view": {"q7": _OWN.replace(
        "return (weight.flatten(1) @ cols + bias[:, None]).view(n, -1, h, w)",
        "return (weight.flatten(1) @ cols).view(n, -1, h, w) + bias.view(1, -1, 1, 1)")},
    "iso_own_parameter_convs_f_relu": {"q7": _OWN.replace(".clamp_min(0)", ".relu()")},
    "iso_own_parameter_convs_nonzero_bias_init": {"q7": _OWN.replace(
        "nn.Parameter(torch.zeros(3))", "nn.Parameter(torch.rand(3) - 0.5)").replace(
        "nn.Parameter(torch.zeros(2))", "nn.Parameter(torch.rand(2) - 0.5)")},
})


def write_iso(folder: Path) -> None:
    """Isolation copies (plain scripts, not corpus files)."""
    import _make_r8

    folder.mkdir(parents=True, exist_ok=True)
    saved = _make_r8.HERE
    _make_r8.HERE = folder
    try:
        for name, answers in ISO.items():
            write_script(name, dict(tool="plain", answers=answers, before={}, after={}, extra=[], order=QUESTIONS))
    finally:
        _make_r8.HERE = saved
    print(len(ISO), "isolation copies in", folder)


def main() -> None:
    if sys.argv[1:2] == ["--iso"]:
        write_iso(Path(sys.argv[2]))
        return
    for old in HERE.glob("r21_*"):
        old.unlink()
    for name, spec in CASES.items():
        if name.startswith("r21_nb_"):
            write_notebook(name, spec)
            _stable_ids(HERE / f"{name}.ipynb")
        else:
            write_script(name, spec)
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()

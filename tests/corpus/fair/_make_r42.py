"""Round 42 of the fairness corpus: models that react to their input (asserts and warnings on its range, shape and
dtype, casts, flag-gated normalisation and clamping, batches of one, channels-last, a grey-image fast path that is
exact, micro-batches, functional layers on the modules' weights, statistics under no_grad, shape-logging hooks) and
q6 by hand through the student's own records (namedtuple / NamedTuple / dataclass / SimpleNamespace results with
fields named conv_out, pooled, conv_h; factories, _make, _replace, dataclasses.replace, records passed to helpers),
loggers, argparse flags, SimpleNamespace flags set one at a time, dicts of own timers and pydantic configs.

    python tests/corpus/fair/_make_r42.py            # rewrites tests/corpus/fair/r42_*
    python tests/corpus/fair/_make_r42.py --out DIR  # writes them to DIR instead
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import _make_r30 as r30  # noqa: E402
import _make_r38 as r38  # noqa: E402
import _make_r41 as r41  # noqa: E402

d = r30.d
md, C, out = r30.md, r30.C, r30.out
answers = r30.answers
IMPORTS, SHAPES = r30.IMPORTS, r30.SHAPES
CONV_LOOPS, POOL_LOOPS = r41.CONV_LOOPS, r41.POOL_LOOPS
FUTURE = "from __future__ import annotations\n\n" + IMPORTS

CASES: dict[str, list] = {}


def case(name, title, before=(), after=(), imports=IMPORTS, **kw):
    CASES[name] = [md(f"# Lab 6 - CNNs\n{title}"), imports, *before, *answers(**kw), SHAPES, *after]


def script(name, before=(), after=(), imports=IMPORTS, **kw):
    CASES[name] = [imports, *before, *answers(headers=False, **kw), SHAPES, *after]


def cnn(pre="", init_args="", init_extra="", post="        return out\n", extra_methods=""):
    """The lecture's CNN with lines of the student's own at the start of forward / end of __init__."""
    return (
        "class CNN(nn.Module):\n"
        f"    def __init__(self{init_args}):\n"
        "        super().__init__()\n"
        f"{init_extra}"
        "        self.main = nn.Sequential(\n"
        "            nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n"
        "            nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n"
        "            nn.Flatten(), nn.Linear(1250, 1),\n"
        "        )\n\n"
        "    def forward(self, x):\n"
        f"{pre}"
        "        out = self.main(x)\n"
        f"{post}"
        f"{extra_methods}")


def convnet(pre="", init_args="", init_extra="", post="        return out\n", extra_methods=""):
    return (
        "def conv_block(input_channels, output_channels):\n"
        "    return nn.Sequential(nn.Conv2d(input_channels, output_channels, (3, 3), padding=1), nn.ReLU())\n\n\n"
        "class ConvNet(nn.Module):\n"
        f"    def __init__(self, input_channels{init_args}):\n"
        "        super().__init__()\n"
        "        self.input_channels = input_channels\n"
        f"{init_extra}"
        "        self.main = nn.Sequential(\n"
        "            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),\n"
        "            conv_block(3, 3), nn.Flatten(), nn.Linear(49152, 1),\n"
        "        )\n\n"
        "    def forward(self, x):\n"
        f"{pre}"
        "        out = self.main(x)\n"
        f"{post}"
        f"{extra_methods}")


# ===============================================================================================================
# 1. models that react to their input
# ===============================================================================================================
ASSERT_PRE = d('''
        assert x.dim() == 4, f"expected (N, C, H, W), got {tuple(x.shape)}"
        assert x.shape[1] == IN_CH, f"expected IN_CH channel(s), got {x.shape[1]}"
        assert x.dtype.is_floating_point, x.dtype
        assert torch.isfinite(x).all(), "NaN or inf in the input"
        assert x.min() >= -10 and x.max() <= 10, "input is not normalised (pixel values 0..255?)"
''')
ASSERT_PRE = "".join("        " + ln + "\n" for ln in ASSERT_PRE.splitlines())
case("r42_nb_models_forward_asserts_range_shape_dtype", "Forwards that assert the input's shape, dtype, finiteness and range.",
     q7=cnn(pre=ASSERT_PRE.replace("IN_CH", "1").replace("x.shape[1] == 1", "x.shape[1] == 1")),
     q8=convnet(pre=ASSERT_PRE.replace("x.shape[1] == IN_CH", "x.shape[1] == self.input_channels")
                .replace("IN_CH", "{self.input_channels}")))

WARN_PRE = (
    "        if torch.isnan(x).any():\n"
    "            warnings.warn(\"NaN in the input batch\", RuntimeWarning)\n"
    "        if x.max() > 1.5:\n"
    "            warnings.warn(\"input looks unnormalised (max > 1.5)\")\n"
    "        x = x.float().contiguous()\n")
case("r42_nb_models_warn_on_nan_and_range_float_contiguous", "Warnings on NaN and unnormalised inputs; x.float().contiguous().",
     imports=IMPORTS + "import warnings\n", q7=cnn(pre=WARN_PRE), q8=convnet(pre=WARN_PRE))

FLAG_PRE = (
    "        if self.normalise:\n"
    "            mean = x.mean(dim=(2, 3), keepdim=True)\n"
    "            std = x.std(dim=(2, 3), keepdim=True).clamp_min(1e-5)\n"
    "            x = (x - mean) / std\n"
    "        if self.clamp is not None:\n"
    "            x = x.clamp(*self.clamp)\n")
FLAG_INIT = "        self.normalise = normalise\n        self.clamp = clamp\n"
case("r42_nb_models_normalise_and_clamp_only_when_flag_set", "Per-image normalisation and clamping inside forward, off by default.",
     q7=cnn(pre=FLAG_PRE, init_args=", normalise=False, clamp=None", init_extra=FLAG_INIT),
     q8=convnet(pre=FLAG_PRE, init_args=", normalise=False, clamp=None", init_extra=FLAG_INIT),
     after=["print(CNN(normalise=True, clamp=(-3, 3))(torch.rand(2, 1, 100, 100)).shape)\n"])

ONE_PRE = (
    "        single = x.dim() == 3\n"
    "        if single:  # one image (C, H, W): make it a batch of one\n"
    "            x = x.unsqueeze(0)\n")
ONE_POST = "        return out.squeeze(0) if single else out\n"
case("r42_nb_models_unbatched_image_as_batch_of_one", "A single (C, H, W) image becomes a batch of one and back.",
     q7=cnn(pre=ONE_PRE, post=ONE_POST), q8=convnet(pre=ONE_PRE, post=ONE_POST),
     after=["print(CNN()(torch.rand(1, 100, 100)).shape, ConvNet(3)(torch.rand(1, 3, 128, 128)).shape)\n"])

CL_INIT_POST = "        self.to(memory_format=torch.channels_last)\n"
CL_PRE = "        x = x.contiguous(memory_format=torch.channels_last)\n"
CNN_CL = cnn(pre=CL_PRE).replace("            nn.Flatten(), nn.Linear(1250, 1),\n        )\n",
                                 "            nn.Flatten(), nn.Linear(1250, 1),\n        )\n" + CL_INIT_POST)
NET_CL = convnet(pre=CL_PRE).replace("nn.Linear(49152, 1),\n        )\n", "nn.Linear(49152, 1),\n        )\n" + CL_INIT_POST)
case("r42_nb_models_channels_last_module_and_input", "Module and input in channels-last memory format.",
     q7=CNN_CL, q8=NET_CL)

FUNC_CNN = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            if x.shape[0] == 1:
                x = x.expand(1, -1, -1, -1)
            x = F.max_pool2d(F.relu(F.conv2d(x, self.conv1.weight, self.conv1.bias, padding=self.conv1.padding)), 2)
            x = F.max_pool2d(F.relu(F.conv2d(x, self.conv2.weight, self.conv2.bias, padding=self.conv2.padding)), 2)
            return F.linear(torch.flatten(x, 1), self.fc.weight, self.fc.bias)
    ''')
FUNC_NET = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            chans = [input_channels, 3, 3, 3, 3, 3]
            self.convs = nn.ModuleList(nn.Conv2d(a, b, 3, padding=1) for a, b in zip(chans, chans[1:]))
            self.head = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x):
            if x.dtype != self.head.weight.dtype:
                x = x.to(self.head.weight.dtype)
            for conv in self.convs:
                x = F.relu(conv._conv_forward(x, conv.weight, conv.bias))
            return F.linear(x.reshape(x.size(0), -1), self.head.weight, self.head.bias)
    ''')
case("r42_nb_models_functional_calls_with_module_weights", "torch.nn.functional layers called with the modules' weights.",
     q7=FUNC_CNN, q8=FUNC_NET)

GREY_NET = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        """If a colour batch is grey (R == G == B everywhere), the first convolution is computed on one channel with
        the kernel summed over colours: the same numbers, a third of the multiplications."""

        def __init__(self, input_channels):
            super().__init__()
            self.main = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                      conv_block(3, 3), conv_block(3, 3), nn.Flatten(), nn.Linear(49152, 1))

        @staticmethod
        def is_grey(x):
            return x.shape[1] > 1 and bool((x == x[:, :1]).all())

        def forward(self, x):
            if self.is_grey(x):
                first = self.main[0][0]
                h = F.conv2d(x[:, :1], first.weight.sum(dim=1, keepdim=True), first.bias, padding=1)
                h = self.main[0][1](h)
                for layer in self.main[1:]:
                    h = layer(h)
                return h
            return self.main(x)
    ''')
case("r42_nb_q8_grey_colour_batch_fast_path_summed_kernel", "ConvNet: a grey colour batch takes an exact one-channel fast path.",
     q8=GREY_NET, after=["x = torch.rand(2, 1, 128, 128).repeat(1, 3, 1, 1)\nnet = ConvNet(3)\n"
                         "print(net.is_grey(x), (net(x) - net.main(x)).abs().max())\n"])

GREY_CNN = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(
                nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )

        def forward(self, x):
            if x.dim() == 4 and x.shape[1] == 3:  # an RGB picture by mistake: must be grey
                if not torch.equal(x[:, 0], x[:, 1]) or not torch.equal(x[:, 1], x[:, 2]):
                    raise ValueError("CNN takes grey-scale images")
                x = x[:, :1]
            return self.main(x)
    ''')
case("r42_nb_q7_accepts_grey_rgb_by_taking_one_channel", "CNN: a grey picture in RGB form is reduced to its one channel.",
     q7=GREY_CNN)

CHUNK_PRE = (
    "        if x.shape[0] > self.chunk:\n"
    "            return torch.cat([self(part) for part in x.split(self.chunk)])\n")
case("r42_nb_models_micro_batches_split_and_cat", "Forward splits large batches into micro-batches of 4 and concatenates.",
     q7=cnn(pre=CHUNK_PRE, init_args=", chunk=4", init_extra="        self.chunk = chunk\n"),
     q8=convnet(pre=CHUNK_PRE, init_args=", chunk=4", init_extra="        self.chunk = chunk\n"))

LOOP_PRE = (
    "        if self.per_image:\n"
    "            return torch.stack([self.main(img.unsqueeze(0)).squeeze(0) for img in x])\n")
script("r42_py_models_per_image_loop_stack",
       q7=cnn(pre=LOOP_PRE, init_args=", per_image=True", init_extra="        self.per_image = per_image\n"),
       q8=convnet(pre=LOOP_PRE, init_args=", per_image=True", init_extra="        self.per_image = per_image\n"))

STATS_PRE = (
    "        with torch.no_grad():\n"
    "            self.last_stats = {\n"
    "                \"min\": x.amin().item(), \"max\": x.amax().item(), \"mean\": x.mean().item(),\n"
    "                \"dim\": (x.amax() - x.amin()).item() < 0.5,\n"
    "                \"flat_fraction\": (x == x.amin()).float().mean().item(),\n"
    "                \"grey\": x.shape[1] == 3 and bool((x == x[:, :1]).all()),\n"
    "            }\n")
case("r42_nb_models_input_statistics_dict_no_grad", "Forward keeps statistics of its input (dim? flat? grey?) under no_grad.",
     q7=cnn(pre=STATS_PRE, init_extra="        self.last_stats = {}\n"),
     q8=convnet(pre=STATS_PRE, init_extra="        self.last_stats = {}\n"),
     after=["m = ConvNet(3)\nm(torch.rand(2, 3, 128, 128) * 0.2)\nprint(m.last_stats)\n"])

BUF_PRE = (
    "        if self.training:\n"
    "            with torch.no_grad():\n"
    "                self.seen += x.shape[0]\n"
    "                self.pixel_sum += x.sum()\n")
BUF_INIT = ("        self.register_buffer(\"seen\", torch.zeros((), dtype=torch.long), persistent=False)\n"
            "        self.register_buffer(\"pixel_sum\", torch.zeros(()), persistent=False)\n")
case("r42_nb_models_non_persistent_buffers_count_inputs", "Non-persistent buffers count training images and sum pixels.",
     q7=cnn(pre=BUF_PRE, init_extra=BUF_INIT), q8=convnet(pre=BUF_PRE, init_extra=BUF_INIT))

HOOK_INIT = (
    "        self.shapes = []\n")
HOOK_EXTRA = d('''

        def log_shapes(self):
            def hook(module, inputs, output):
                self.shapes.append((type(module).__name__, tuple(output.shape)))
            return [m.register_forward_hook(hook) for m in self.main]
    ''')
HOOK_EXTRA = "".join(("    " + ln if ln else ln) + "\n" for ln in HOOK_EXTRA.splitlines())
PREHOOK = d('''
    def check_input(module, args):
        (x,) = args
        if x.dim() != 4:
            raise ValueError(f"{type(module).__name__} expects a batch (N, C, H, W), got {tuple(x.shape)}")
        if (x.amax() - x.amin()) < 1e-3:
            print(f"warning: {type(module).__name__} got a flat batch")
    ''')
case("r42_nb_models_forward_hooks_log_shapes_and_pre_hook_checks", "Shape-logging forward hooks on the layers, a pre-hook checks inputs.",
     q7=cnn(init_extra=HOOK_INIT, extra_methods=HOOK_EXTRA), q8=convnet(init_extra=HOOK_INIT, extra_methods=HOOK_EXTRA),
     extra8=[PREHOOK + "\n\nmodel = CNN()\nhandles = model.log_shapes()\nmodel.register_forward_pre_hook(check_input)\n"
             "model(torch.rand(2, 1, 100, 100))\nprint(model.shapes)\nfor h in handles:\n    h.remove()\n"])

UINT_PRE = (
    "        if x.dtype == torch.uint8:  # straight from PIL / np.array\n"
    "            x = x.float().div(255)\n"
    "        elif x.dtype == torch.float64:\n"
    "            x = x.float()\n"
    "        x = torch.nan_to_num(x)\n")
case("r42_nb_models_uint8_to_float_and_nan_to_num", "Forward converts uint8 images to [0, 1] and replaces NaN.",
     q7=cnn(pre=UINT_PRE), q8=convnet(pre=UINT_PRE))

HWC_PRE = (
    "        if x.dim() == 2:\n"
    "            x = x[None, None]\n"
    "        if x.shape[-1] == self.in_channels and x.shape[1] != self.in_channels:  # (N, H, W, C) from numpy\n"
    "            x = x.permute(0, 3, 1, 2)\n")
case("r42_nb_models_accept_hwc_and_2d_inputs", "Forward accepts (H, W) and (N, H, W, C) inputs too.",
     q7=cnn(pre=HWC_PRE, init_extra="        self.in_channels = 1\n"),
     q8=convnet(pre=HWC_PRE, init_extra="        self.in_channels = input_channels\n"))

ASSERT_PRIV = (
    "        torch._assert(x.dim() == 4, \"expected a 4-D batch\")\n"
    "        torch._assert(x.shape[1] == self.in_channels, \"wrong number of channels\")\n")
case("r42_nb_models_torch_assert_like_torchvision", "torch._assert input checks as torchvision writes them.",
     q7=cnn(pre=ASSERT_PRIV, init_extra="        self.in_channels = 1\n"),
     q8=convnet(pre=ASSERT_PRIV, init_extra="        self.in_channels = input_channels\n"))

AUTOCAST_PRE = ""
AUTOCAST_POST_CNN = cnn().replace("        out = self.main(x)\n",
                                  "        with torch.autocast(device_type=\"cpu\", enabled=False):\n"
                                  "            out = self.main(x.float())\n")
AUTOCAST_POST_NET = convnet().replace("        out = self.main(x)\n",
                                      "        with torch.autocast(device_type=\"cpu\", enabled=False):\n"
                                      "            out = self.main(x.float())\n")
case("r42_nb_models_autocast_disabled_in_forward", "Forward runs in float32 with autocast disabled.",
     q7=AUTOCAST_POST_CNN, q8=AUTOCAST_POST_NET)

DIM_PRE = (
    "        if self.autocontrast:\n"
    "            lo = x.amin(dim=(1, 2, 3), keepdim=True)\n"
    "            hi = x.amax(dim=(1, 2, 3), keepdim=True)\n"
    "            x = (x - lo) / (hi - lo).clamp_min(1e-6)\n")
script("r42_py_models_autocontrast_flag_for_dim_images_default_off",
       q7=cnn(pre=DIM_PRE, init_args=", autocontrast=False", init_extra="        self.autocontrast = autocontrast\n"),
       q8=convnet(pre=DIM_PRE, init_args=", autocontrast=False", init_extra="        self.autocontrast = autocontrast\n"))

BORDER_PRE = (
    "        if self.debug:\n"
    "            border = torch.cat([x[..., 0, :], x[..., -1, :], x[..., :, 0], x[..., :, -1]], dim=-1)\n"
    "            if bool((border == 0).all()):\n"
    "                print(\"note: zero border (RandomCrop padding?)\")\n")
case("r42_nb_models_zero_border_note_behind_debug_flag", "A debug flag prints a note on zero-bordered inputs.",
     q7=cnn(pre=BORDER_PRE, init_args=", debug=False", init_extra="        self.debug = debug\n"),
     q8=convnet(pre=BORDER_PRE, init_args=", debug=False", init_extra="        self.debug = debug\n"))


# ===============================================================================================================
# 2. q6 by hand through the student's own records, loggers, flags, timers and configs
# ===============================================================================================================
CONV_BODY = d('''
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
''')


def ind(text, n=4):
    return "".join((" " * n + ln if ln else ln) + "\n" for ln in text.splitlines())


Q6_NT_FACTORY = d('''
    from typing import NamedTuple


    class ConvGeom(NamedTuple):
        conv_h: int
        conv_w: int
        kh: int
        kw: int


    def conv_geom(image, kernel, stride, padding):
        h, w = image.shape
        kh, kw = kernel.shape
        if stride < 1:
            raise ValueError("stride must be positive")
        if padding:
            return ConvGeom((h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1, kh, kw)
        return ConvGeom((h - kh) // stride + 1, (w - kw) // stride + 1, kh, kw)


    def conv2d(image, kernel, stride=1, padding=0):
        g = conv_geom(image, kernel, stride, padding)
        h, w = image.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        out = torch.zeros(g.conv_h, g.conv_w, dtype=image.dtype)
        for i in range(g.conv_h):
            for j in range(g.conv_w):
                out[i, j] = (padded[i * stride:i * stride + g.kh, j * stride:j * stride + g.kw] * kernel).sum()
        return out
    ''')
case("r42_nb_q6_namedtuple_factory_two_returns_conv_h", "q6: a typed NamedTuple with conv_h/conv_w from a factory with two returns.",
     q6=(Q6_NT_FACTORY, POOL_LOOPS, "tensor"))

Q6_MAKE = d('''
    from collections import namedtuple

    PoolOut = namedtuple("PoolOut", "pooled rows cols")


    def max_pool2d(image, kernel_size=2):
        rows, cols = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        values = [image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
                  for i in range(rows) for j in range(cols)]
        res = PoolOut._make([torch.stack(values).reshape(rows, cols), rows, cols])
        return res.pooled
    ''')
case("r42_nb_q6_namedtuple_make_field_pooled", "q6: namedtuple built with _make, its `pooled` field returned.",
     q6=(CONV_LOOPS, Q6_MAKE, "tensor"))

Q6_REPLACE = d('''
    from collections import namedtuple

    Step = namedtuple("Step", ["conv_out", "done"])


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
        state = Step(conv_out=torch.zeros(oh, ow, dtype=image.dtype), done=False)
        for i in range(oh):
            for j in range(ow):
                state.conv_out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        state = state._replace(done=True)
        return state.conv_out
    ''')
case("r42_nb_q6_namedtuple_replace_field_conv_out", "q6: a namedtuple state with field conv_out, copied by _replace.",
     q6=(Q6_REPLACE, POOL_LOOPS, "tensor"))

Q6_DC_REPLACE = d('''
    import dataclasses


    @dataclasses.dataclass
    class PoolState:
        pooled: torch.Tensor
        kernel_size: int
        finished: bool = False


    def max_pool2d(image, kernel_size=2):
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        st = PoolState(torch.zeros(oh, ow, dtype=image.dtype), kernel_size)
        for i in range(oh):
            for j in range(ow):
                st.pooled[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        final = dataclasses.replace(st, finished=True)
        return final.pooled
    ''')
case("r42_nb_q6_dataclass_replace_copy_field_pooled", "q6: a dataclass state copied with dataclasses.replace; field `pooled`.",
     q6=(CONV_LOOPS, Q6_DC_REPLACE, "tensor"))

Q6_PARAM = d('''
    from dataclasses import dataclass


    @dataclass
    class PoolResult:
        pooled: torch.Tensor
        kernel_size: int


    def unwrap(result: PoolResult) -> torch.Tensor:
        return result.pooled


    def max_pool2d(image, kernel_size=2):
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        vals = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                vals[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return unwrap(PoolResult(vals, kernel_size))
    ''')
case("r42_nb_q6_record_passed_to_helper_reads_pooled", "q6: the result record is passed to a helper that reads `.pooled`.",
     q6=(CONV_LOOPS, Q6_PARAM, "tensor"))

Q6_DICT_REC = d('''
    from types import SimpleNamespace


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        results = {}
        results["shape"] = SimpleNamespace(conv_h=(h + 2 * padding - kh) // stride + 1,
                                           conv_w=(w + 2 * padding - kw) // stride + 1)
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        out = torch.zeros(results["shape"].conv_h, results["shape"].conv_w, dtype=image.dtype)
        for i in range(results["shape"].conv_h):
            for j in range(results["shape"].conv_w):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out
    ''')
case("r42_nb_q6_simplenamespace_in_dict_conv_h", "q6: a SimpleNamespace of conv_h/conv_w kept in a dict of results.",
     q6=(Q6_DICT_REC, POOL_LOOPS, "tensor"))

Q6_GETATTR = d('''
    from typing import NamedTuple


    class Pooled(NamedTuple):
        pooled: torch.Tensor
        argmax: torch.Tensor


    def max_pool2d(image, kernel_size=2):
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        windows = [image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].reshape(-1)
                   for i in range(oh) for j in range(ow)]
        stacked = torch.stack(windows)
        vals, idx = stacked.max(dim=1)
        return getattr(Pooled(vals.reshape(oh, ow), idx.reshape(oh, ow)), "pooled")
    ''')
case("r42_nb_q6_typed_namedtuple_getattr_constant_pooled", "q6: the result NamedTuple's field read by getattr with a constant name.",
     q6=(CONV_LOOPS, Q6_GETATTR, "tensor"))

Q6_SLOTS = d('''
    from dataclasses import dataclass


    @dataclass(frozen=True, slots=True)
    class ConvPlan:
        conv_out: tuple
        kernel_hw: tuple
        stride: int


    def plan(image, kernel, stride, padding) -> ConvPlan:
        (h, w), (kh, kw) = image.shape, kernel.shape
        return ConvPlan(((h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1), (kh, kw), stride)


    def conv2d(image, kernel, stride=1, padding=0):
        p = plan(image, kernel, stride, padding)
        h, w = image.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        out = torch.zeros(*p.conv_out, dtype=image.dtype)
        kh, kw = p.kernel_hw
        for i in range(p.conv_out[0]):
            for j in range(p.conv_out[1]):
                out[i, j] = (padded[i * p.stride:i * p.stride + kh, j * p.stride:j * p.stride + kw] * kernel).sum()
        return out
    ''')
case("r42_nb_q6_slotted_frozen_dataclass_plan_conv_out", "q6: a slotted frozen dataclass plan with a conv_out field.",
     q6=(Q6_SLOTS, POOL_LOOPS, "tensor"))

Q6_INHERIT = d('''
    from dataclasses import dataclass


    @dataclass
    class Shape2D:
        conv_h: int
        conv_w: int


    @dataclass
    class ConvShape(Shape2D):
        kh: int
        kw: int


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        s = ConvShape((h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1, kh, kw)
        padded = F.pad(image, (padding,) * 4)
        out = torch.empty(s.conv_h, s.conv_w, dtype=image.dtype)
        for i in range(s.conv_h):
            for j in range(s.conv_w):
                out[i, j] = torch.sum(padded[i * stride:i * stride + s.kh, j * stride:j * stride + s.kw] * kernel)
        return out
    ''')
case("r42_nb_q6_dataclass_subclass_inherits_conv_h", "q6: a dataclass subclass inherits conv_h/conv_w from its base.",
     q6=(Q6_INHERIT, POOL_LOOPS, "tensor"))

Q6_PROPERTY = d('''
    class Window:
        def __init__(self, image, kernel, stride, padding):
            self.h, self.w = image.shape
            self.kh, self.kw = kernel.shape
            self.stride, self.padding = stride, padding

        @property
        def conv_h(self):
            return (self.h + 2 * self.padding - self.kh) // self.stride + 1

        @property
        def conv_w(self):
            return (self.w + 2 * self.padding - self.kw) // self.stride + 1


    def conv2d(image, kernel, stride=1, padding=0):
        win = Window(image, kernel, stride, padding)
        padded = torch.zeros(win.h + 2 * padding, win.w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + win.h, padding:padding + win.w] = image
        out = torch.zeros(win.conv_h, win.conv_w, dtype=image.dtype)
        for i in range(win.conv_h):
            for j in range(win.conv_w):
                out[i, j] = (padded[i * stride:i * stride + win.kh, j * stride:j * stride + win.kw] * kernel).sum()
        return out
    ''')
case("r42_nb_q6_plain_class_properties_conv_h_conv_w", "q6: a plain class with properties conv_h / conv_w.",
     q6=(Q6_PROPERTY, POOL_LOOPS, "tensor"))

LOG_NAME = d('''
    import logging

    logger = logging.getLogger(__name__)


    def conv2d(image, kernel, stride=1, padding=0):
        logger.debug("conv2d image=%s kernel=%s stride=%d padding=%d", tuple(image.shape), tuple(kernel.shape), stride, padding)
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
    ''')
case("r42_nb_q6_logger_dunder_name_model_logged_later", "q6: logging.getLogger(__name__) in conv2d; the models logged later.",
     q6=(LOG_NAME, POOL_LOOPS, "tensor"),
     after=["logging.basicConfig(level=logging.INFO)\nlogger.info(\"CNN: %s\", CNN())\nlogger.info(\"ConvNet out: %s\", ConvNet(3)(torch.rand(2, 3, 128, 128)).shape)\n"])

LOG_ROOT = LOG_NAME.replace("logger = logging.getLogger(__name__)\n", "").replace("logger.debug", "logging.debug")
case("r42_nb_q6_root_logging_functions_models_logged", "q6: logging.debug in conv2d, logging.info(model) elsewhere.",
     q6=(LOG_ROOT, POOL_LOOPS, "tensor"),
     after=["logging.basicConfig(level=logging.INFO, force=True)\nmodel = CNN()\nlogging.info(\"model %s\", model)\n"
            "logging.info(f\"params: {sum(p.numel() for p in model.parameters())}\")\n"])

LOG_HANDLER = LOG_NAME.replace("logger = logging.getLogger(__name__)\n",
                               "logger = logging.getLogger(\"lab6\")\nlogger.setLevel(logging.INFO)\n"
                               "logger.addHandler(logging.StreamHandler(sys.stdout))\n").replace(
                                   "import logging\n", "import logging\nimport sys\n")
script("r42_py_q6_logger_stream_handler_model_logged_fstring", q6=(LOG_HANDLER, POOL_LOOPS, "tensor"),
       after=["net = ConvNet(1)\nlogger.info(f\"ConvNet(1): {net} -> {net(torch.rand(2, 1, 128, 128)).shape}\")\n"])

LOG_ADAPTER = LOG_NAME.replace("logger = logging.getLogger(__name__)\n",
                               "logger = logging.LoggerAdapter(logging.getLogger(\"lab6\"), {\"lab\": 6})\n")
case("r42_nb_q6_logger_adapter_model_logged", "q6: a LoggerAdapter in conv2d; a model logged through it.",
     q6=(LOG_ADAPTER, POOL_LOOPS, "tensor"),
     after=["logger.info(\"built %s\", CNN())\n"])

ARGS_CELL = d('''
    import argparse

    parser = argparse.ArgumentParser(description="Lab 6")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args([])
    ''')
Q6_ARGS = d('''
    def show(*args, **kwargs):
        print("[conv2d]", *args, **kwargs)


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
        if args.verbose:
            show("output", tuple(out.shape), sep=" ")
        return out
    ''')
case("r42_nb_q6_argparse_flags_and_star_args_helper", "q6: argparse flags read in conv2d, a *args print helper.",
     before=[ARGS_CELL], q6=(Q6_ARGS, POOL_LOOPS, "tensor"),
     after=["def train(model, args):\n    return model(torch.rand(2, 1, 100, 100)).shape, args.verbose\n\nprint(train(CNN(), args))\n"])

NS_FLAGS = d('''
    from types import SimpleNamespace

    FLAGS = SimpleNamespace()
    FLAGS.verbose = False
    FLAGS.check_shapes = True
    FLAGS.dtype = torch.float32
    ''')
Q6_NS = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        image, kernel = image.to(FLAGS.dtype), kernel.to(FLAGS.dtype)
        h, w = image.shape
        kh, kw = kernel.shape
        if FLAGS.check_shapes:
            assert kh <= h + 2 * padding and kw <= w + 2 * padding, "kernel larger than the padded image"
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        if FLAGS.verbose:
            print(out)
        return out
    ''')
case("r42_nb_q6_simplenamespace_flags_set_one_at_a_time", "q6: flags on a SimpleNamespace set one attribute at a time.",
     before=[NS_FLAGS], q6=(Q6_NS, POOL_LOOPS.replace("dtype=image.dtype", "dtype=FLAGS.dtype"), "tensor"))

TIMERS = d('''
    import time


    class Timer:
        def __init__(self):
            self.total = 0.0
            self.calls = 0

        def __enter__(self):
            self._start = time.perf_counter()
            return self

        def __exit__(self, *exc):
            self.total += time.perf_counter() - self._start
            self.calls += 1
            return False


    TIMERS = {"conv": Timer(), "pool": Timer(), "model": Timer()}
    ''')
Q6_TIMED = CONV_LOOPS.replace("    h, w = image.shape\n    kh, kw", "    with TIMERS[\"conv\"]:\n        h, w = image.shape\n        kh, kw", 1)
Q6_TIMED = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        with TIMERS["conv"]:
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
        with TIMERS["pool"]:
            oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
            out = torch.zeros(oh, ow, dtype=image.dtype)
            for i in range(oh):
                for j in range(ow):
                    out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return out
    ''')
case("r42_nb_q6_dict_of_own_timer_context_managers", "q6: conv2d / max_pool2d timed by own Timer objects kept in a dict; a model too.",
     before=[TIMERS], q6=(Q6_TIMED, "", "tensor"),
     after=["with TIMERS[\"model\"]:\n    CNN()(torch.rand(8, 1, 100, 100))\nprint({k: (t.calls, round(t.total, 4)) for k, t in TIMERS.items()})\n"])

PYD = d('''
    from pydantic import BaseModel


    class LayerConfig(BaseModel):
        stride: int = 1
        padding: int = 0
        kernel_size: int = 2
        children: list[str] = []
        parameters: dict[str, int] = {}


    CFG = LayerConfig(children=["conv", "pool"], parameters={"conv": 9, "pool": 0})
    ''')
Q6_PYD = d('''
    def conv2d(image, kernel, stride=CFG.stride, padding=CFG.padding):
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


    def max_pool2d(image, kernel_size=CFG.kernel_size):
        if "pool" not in CFG.children:
            raise RuntimeError("pool not configured")
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return out
    ''')
case("r42_nb_q6_pydantic_config_fields_children_parameters", "q6: a pydantic config with fields `children` and `parameters`.",
     before=[PYD], q6=(Q6_PYD, "", "tensor"))

Q6_FUTURE = d('''
    from typing import NamedTuple


    class PoolResult(NamedTuple):
        pooled: torch.Tensor
        conv_h: int

        def as_list(self) -> list[list[float]]:
            return self.pooled.tolist()


    def _pool(image: torch.Tensor, k: int) -> PoolResult:
        oh, ow = image.shape[0] // k, image.shape[1] // k
        out = image[:oh * k, :ow * k].reshape(oh, k, ow, k).amax(dim=(1, 3))
        return PoolResult(out, oh)


    def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
        result: PoolResult = _pool(image, kernel_size)
        return result.pooled
    ''')
case("r42_nb_q6_future_annotations_typed_result_helper", "q6: __future__ annotations; a typed NamedTuple returned by a private helper.",
     imports=FUTURE, q6=(CONV_LOOPS, Q6_FUTURE, "tensor"))

Q6_CACHED = d('''
    from functools import cached_property


    class ConvGeometry:
        def __init__(self, image, kernel, stride, padding):
            self.image, self.kernel, self.stride, self.padding = image, kernel, stride, padding

        @cached_property
        def conv_h(self):
            return (self.image.shape[0] + 2 * self.padding - self.kernel.shape[0]) // self.stride + 1

        @cached_property
        def conv_w(self):
            return (self.image.shape[1] + 2 * self.padding - self.kernel.shape[1]) // self.stride + 1


    def conv2d(image, kernel, stride=1, padding=0):
        g = ConvGeometry(image, kernel, stride, padding)
        kh, kw = kernel.shape
        padded = F.pad(image, (padding, padding, padding, padding))
        return torch.stack([torch.stack([(padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
                                         for j in range(g.conv_w)]) for i in range(g.conv_h)])
    ''')
case("r42_nb_q6_cached_property_geometry_conv_h", "q6: functools.cached_property geometry conv_h / conv_w.",
     q6=(Q6_CACHED, POOL_LOOPS, "tensor"))

Q6_LIST_REC = d('''
    from collections import namedtuple

    Tap = namedtuple("Tap", "conv_out weight di dj")


    def conv2d(image, kernel, stride=1, padding=0):
        padded = F.pad(image, (padding,) * 4)
        kh, kw = kernel.shape
        H, W = padded.shape
        oh, ow = (H - kh) // stride + 1, (W - kw) // stride + 1
        taps = [Tap(padded[a:a + (oh - 1) * stride + 1:stride, b:b + (ow - 1) * stride + 1:stride], kernel[a, b], a, b)
                for a in range(kh) for b in range(kw)]
        return sum(t.weight * t.conv_out for t in taps)
    ''')
script("r42_py_q6_namedtuple_taps_list_conv_out_sum", q6=(Q6_LIST_REC, POOL_LOOPS, "tensor"))

Q6_UNPACK = d('''
    from typing import NamedTuple


    class OutSize(NamedTuple):
        conv_h: int
        conv_w: int


    def out_size(image, kernel, stride=1, padding=0) -> OutSize:
        return OutSize(*((n + 2 * padding - k) // stride + 1 for n, k in zip(image.shape, kernel.shape)))


    def conv2d(image, kernel, stride=1, padding=0):
        conv_h, conv_w = out_size(image, kernel, stride, padding)
        kh, kw = kernel.shape
        padded = F.pad(image, (padding,) * 4)
        out = image.new_zeros(conv_h, conv_w)
        for i in range(conv_h):
            for j in range(conv_w):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out
    ''')
script("r42_py_q6_namedtuple_star_generator_unpacked_conv_h", q6=(Q6_UNPACK, POOL_LOOPS, "tensor"))


# ===============================================================================================================
# 3. more: blank images, a shared logger, classmethod factories, record histories
# ===============================================================================================================
BLANK_PRE = (
    "        blank = x.flatten(1).abs().amax(dim=1) == 0\n"
    "        if bool(blank.any()) and not bool(blank.all()):  # blank frames: run them once, as a batch of one\n"
    "            out = torch.empty(x.shape[0], 1, dtype=x.dtype, device=x.device)\n"
    "            out[~blank] = self.main(x[~blank])\n"
    "            out[blank] = self.main(torch.zeros_like(x[:1]))\n"
    "            return out\n")
case("r42_nb_models_blank_images_run_once", "Forward runs all-zero examples once as a batch of one.",
     q7=cnn(pre=BLANK_PRE), q8=convnet(pre=BLANK_PRE),
     after=["x = torch.rand(4, 1, 100, 100)\nx[1] = 0\nm = CNN()\nprint((m(x) - m.main(x)).abs().max())\n"])

SHARED_LOG = d('''
    import logging

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    log = logging.getLogger("lab6")
    ''')
LOG_PRE = (
    "        if (x.amax() - x.amin()) < 0.5:\n"
    "            log.warning(\"%s: low-contrast batch (range %.3f)\", type(self).__name__, float(x.amax() - x.amin()))\n")
Q6_SHARED = r41.CONV_LOOPS.replace("    h, w = image.shape\n", "    log.debug(\"conv2d %s * %s\", tuple(image.shape), tuple(kernel.shape))\n    h, w = image.shape\n", 1)
case("r42_nb_shared_logger_in_conv2d_and_model_forward", "One logger: conv2d logs at DEBUG, the models warn on low-contrast input.",
     before=[SHARED_LOG], q6=(Q6_SHARED, POOL_LOOPS, "tensor"), q7=cnn(pre=LOG_PRE), q8=convnet(pre=LOG_PRE))

GREY_EXPAND_PRE = (
    "        if x.shape[1] == 1 and self.input_channels == 3:  # a grey image for a colour model\n"
    "            x = x.expand(-1, 3, -1, -1)\n")
case("r42_nb_q8_grey_image_expanded_to_colour", "ConvNet(3) accepts a one-channel image by repeating it.",
     q8=convnet(pre=GREY_EXPAND_PRE),
     after=["print(ConvNet(3)(torch.rand(2, 1, 128, 128)).shape)\n"])

Q6_CLASSMETHOD = d('''
    from typing import NamedTuple


    class ConvShape(NamedTuple):
        conv_h: int
        conv_w: int

        @classmethod
        def of(cls, image, kernel, stride=1, padding=0):
            (h, w), (kh, kw) = image.shape, kernel.shape
            return cls((h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1)


    def conv2d(image, kernel, stride=1, padding=0):
        shape = ConvShape.of(image, kernel, stride, padding)
        kh, kw = kernel.shape
        padded = F.pad(image, (padding, padding, padding, padding))
        out = torch.zeros(shape.conv_h, shape.conv_w, dtype=image.dtype)
        for i in range(shape.conv_h):
            for j in range(shape.conv_w):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out
    ''')
case("r42_nb_q6_namedtuple_classmethod_constructor_conv_h", "q6: a NamedTuple built by its own classmethod `of`.",
     q6=(Q6_CLASSMETHOD, POOL_LOOPS, "tensor"))

Q6_HISTORY = d('''
    from dataclasses import dataclass

    HISTORY = []


    @dataclass
    class PoolRecord:
        pooled: torch.Tensor
        kernel_size: int


    def max_pool2d(image, kernel_size=2):
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        vals = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                vals[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        HISTORY.append(PoolRecord(vals, kernel_size))
        return HISTORY[-1].pooled
    ''')
case("r42_nb_q6_dataclass_history_list_last_pooled", "q6: each result recorded in a list; the last record's `pooled` returned.",
     q6=(CONV_LOOPS, Q6_HISTORY, "tensor"))

Q6_ASDICT = d('''
    from dataclasses import asdict, dataclass


    @dataclass
    class Geometry:
        conv_h: int
        conv_w: int


    def conv2d(image, kernel, stride=1, padding=0):
        (h, w), (kh, kw) = image.shape, kernel.shape
        g = asdict(Geometry((h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1))
        padded = F.pad(image, (padding,) * 4)
        out = torch.zeros(g["conv_h"], g["conv_w"], dtype=image.dtype)
        for i in range(g["conv_h"]):
            for j in range(g["conv_w"]):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out
    ''')
script("r42_py_q6_dataclass_asdict_keys_conv_h", q6=(Q6_ASDICT, POOL_LOOPS, "tensor"))


def main() -> None:
    out_dir = HERE
    if "--out" in sys.argv:
        out_dir = Path(sys.argv[sys.argv.index("--out") + 1])
        out_dir.mkdir(parents=True, exist_ok=True)
    for name, cells in CASES.items():
        has_error = any(isinstance(c, tuple) and c[0] == "code" and any(o[0] == "error" for o in c[3]) for c in cells)
        (r30.write if has_error else r38.write)(out_dir, name, cells)
    print(len(CASES), "files")


if __name__ == "__main__":
    main()

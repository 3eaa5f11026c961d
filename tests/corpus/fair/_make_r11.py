"""Round 11 of the fairness corpus (issue 9): correct q7 / q8 models whose layers the student writes with
their own parameters, in the many ways people do.

Each case is a full, correct answer to all ten questions (round 8's plain answers, ``_make_r8.PLAIN``, with the
model questions answered the case's way). Aimed at the redesigned model checks:

- parameters used through views: flat kernels ``.view``-ed or ``.reshape``-d to 4-D, a classifier kept as a
  ``(2, 25, 25)`` map and ``.flatten().unsqueeze(0)``-ed, one kept ``(in, out)`` and transposed (``.T``,
  ``.permute(1, 0)``);
- a convolution's bias added after ``F.conv2d`` (``b.view(1, -1, 1, 1)``, ``b[:, None, None]``,
  ``b.reshape(-1, 1, 1)``, ``+=`` in place), ``F.conv2d`` with a module's own ``weight`` and ``bias``;
- classifiers in every product spelling: ``F.linear``, ``x @ W.T + b``, ``torch.addmm``, ``torch.einsum`` in
  several index spellings, ``torch.inner``, ``torch.tensordot``, ``(x * w).sum(-1, keepdim=True)``,
  ``torch.matmul(W, x.unsqueeze(-1)).squeeze(-1)``, ``W.mv`` per row, ``torch.bmm``;
- construction: ``nn.init.*`` in ``__init__`` or in ``reset_parameters`` (PyTorch's own default initialisation
  written out), ``copy_`` from a pretrained-style dict under ``torch.no_grad()``, ``nn.utils.parametrize`` with
  an identity, ``register_buffer`` constants, a ``scale = 1.0`` buffer multiplied in, ``reset_parameters``
  called lazily on the first forward pass, ``.double()``, ``.to("cpu")``;
- forward passes that assert the weights' shapes, check ``torch.isfinite`` on them, or print their norms;
- q8 blocks built by a helper that makes the convolution's parameters, a ``ModuleList`` of ``Conv2d`` called
  through ``F.conv2d(x, conv.weight, conv.bias, padding=1)``.

    python tests/corpus/fair/_make_r11.py        # rewrites tests/corpus/fair/r11_*
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from _make_r8 import PLAIN, QUESTIONS, d, write_notebook, write_script  # noqa: E402

CASES: dict[str, dict] = {}


def case(name, *, tool="jupyter", answers=None, before=None, after=None, extra=None):
    """answers: {q: source}; before/after: {q: [cells]} around an answer; extra: cells appended at the end."""
    CASES[name] = dict(tool=tool, answers=answers or {}, before=before or {}, after=after or {}, extra=extra or [],
                       order=QUESTIONS)


# The CNN whose convolutional part is the plain one: a case writes its classifier (HEAD_INIT in __init__, HEAD in
# forward, after x has been flattened to (N, 1250)).
Q7_HEAD = d('''
    import torch
    import torch.nn.functional as F
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            HEAD_INIT

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            x = x.flatten(1)
            HEAD
    ''')
FC = "self.fc = nn.Linear(1250, 1)"


def q7_head(head: str, head_init: str = FC) -> str:
    return Q7_HEAD.replace("HEAD_INIT", head_init).replace("HEAD", head)


# The ConvNet whose blocks are the plain ones: a case writes its classifier.
Q8_HEAD = d('''
    import torch
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            HEAD_INIT

        def forward(self, x):
            x = torch.flatten(self.blocks(x), 1)
            HEAD
    ''')
FC8 = "self.fc = nn.Linear(49152, 1)"


def q8_head(head: str, head_init: str = FC8) -> str:
    return Q8_HEAD.replace("HEAD_INIT", head_init).replace("HEAD", head)


# ---------------------------------------------------------------------------------------------------------
# q7: own parameters through views, biases added after the convolution
# ---------------------------------------------------------------------------------------------------------

case("r11_nb_q7_flat_kernels_viewed_bias_view_after_conv", answers={"q7": d('''
    import math

    import torch
    import torch.nn.functional as F
    from torch import nn


    class CNN(nn.Module):
        """Every weight is my own Parameter; kernels are kept flat (one row of numbers per layer) and viewed as
        (out, in, kH, kW) when used."""

        def __init__(self):
            super().__init__()
            self.k1 = nn.Parameter(torch.empty(3 * 1 * 3 * 3))
            self.b1 = nn.Parameter(torch.empty(3))
            self.k2 = nn.Parameter(torch.empty(2 * 3 * 3 * 3))
            self.b2 = nn.Parameter(torch.empty(2))
            self.w = nn.Parameter(torch.empty(1, 1250))
            self.b = nn.Parameter(torch.empty(1))
            self.reset_parameters()

        def reset_parameters(self):
            # PyTorch's default: kaiming_uniform_(a=sqrt(5)) is U(-1/sqrt(fan_in), 1/sqrt(fan_in)), the bias too
            for weight, bias, fan_in in ((self.k1, self.b1, 1 * 9), (self.k2, self.b2, 3 * 9), (self.w, self.b, 1250)):
                bound = 1 / math.sqrt(fan_in)
                nn.init.uniform_(weight, -bound, bound)
                nn.init.uniform_(bias, -bound, bound)

        def forward(self, x):
            x = F.conv2d(x, self.k1.view(3, 1, 3, 3), padding=1) + self.b1.view(1, -1, 1, 1)
            x = F.max_pool2d(F.relu(x), 2)
            x = F.conv2d(x, self.k2.view(2, 3, 3, 3), padding=1) + self.b2.view(1, -1, 1, 1)
            x = F.max_pool2d(F.relu(x), 2)
            return F.linear(x.flatten(1), self.w, self.b)
    ''')})

case("r11_py_q7_kernels_reshape_bias_none_index_head_matmul_t", answers={"q7": d('''
    import math

    import torch
    import torch.nn.functional as F


    def uniform_parameter(*shape, fan_in):
        bound = 1 / math.sqrt(fan_in)
        return torch.nn.Parameter(torch.empty(*shape).uniform_(-bound, bound))


    class CNN(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel1 = uniform_parameter(3, 1, 3, 3, fan_in=9)
            self.bias1 = uniform_parameter(3, fan_in=9)
            self.kernel2 = uniform_parameter(2, 3, 3, 3, fan_in=27)
            self.bias2 = uniform_parameter(2, fan_in=27)
            self.W = uniform_parameter(1, 1250, fan_in=1250)
            self.b = uniform_parameter(1, fan_in=1250)

        def forward(self, x):
            # reshape is a no-op here, kept from when the kernels were stored flat
            x = F.conv2d(x, self.kernel1.reshape(3, 1, 3, 3), stride=1, padding=1) + self.bias1[:, None, None]
            x = F.max_pool2d(torch.relu(x), kernel_size=2)
            x = F.conv2d(x, self.kernel2.reshape(2, 3, 3, 3), stride=1, padding=1) + self.bias2[:, None, None]
            x = F.max_pool2d(torch.relu(x), kernel_size=2)
            x = x.reshape(x.shape[0], -1)
            return x @ self.W.T + self.b
    ''')})

case("r11_nb_q7_conv_bias_reshape_added_in_place", answers={"q7": d('''
    import torch
    import torch.nn.functional as F
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)

        @staticmethod
        def conv(x, layer):
            # the bias added separately, as the lecture's formula writes it: sum of products, then + b
            out = F.conv2d(x, layer.weight, padding=1)
            out += layer.bias.reshape(-1, 1, 1)
            return out

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv(x, self.conv1)), 2)
            x = F.max_pool2d(F.relu(self.conv(x, self.conv2)), 2)
            return self.fc(torch.flatten(x, 1))
    ''')})

# ---------------------------------------------------------------------------------------------------------
# q7 / q8: the classifier in every product spelling
# ---------------------------------------------------------------------------------------------------------

case("r11_py_q7_head_addmm_own_parameters", answers={"q7": q7_head(
    "return torch.addmm(self.fc_b, x, self.fc_w.T)",
    d('''
        self.fc_w = nn.Parameter(torch.empty(1, 1250).uniform_(-1 / 1250 ** 0.5, 1 / 1250 ** 0.5))
                self.fc_b = nn.Parameter(torch.empty(1).uniform_(-1 / 1250 ** 0.5, 1 / 1250 ** 0.5))
        ''').rstrip())})

case("r11_nb_q7_head_einsum_spellings", answers={
    "q7": q7_head('return torch.einsum("nf,of->no", x, self.fc.weight) + self.fc.bias'),
    "q8": q8_head('return torch.einsum("bi,ji->bj", x, self.fc.weight) + self.fc.bias')})

case("r11_py_q7_head_einsum_ellipsis_q8_einsum_uppercase", answers={
    "q7": q7_head('return torch.einsum("...i,oi->...o", x, self.fc.weight) + self.fc.bias'),
    "q8": q8_head('return torch.einsum("NK,OK->NO", x, self.fc.weight) + self.fc.bias')})

case("r11_nb_q7_head_torch_inner_own_parameters", answers={"q7": q7_head(
    "return torch.inner(x, self.head_weight) + self.head_bias",
    d('''
        head = nn.Linear(1250, 1)  # only for PyTorch's default initialisation
                self.head_weight = nn.Parameter(head.weight.detach().clone())
                self.head_bias = nn.Parameter(head.bias.detach().clone())
        ''').rstrip())})

case("r11_py_q7_head_tensordot_weight_stored_in_out", answers={"q7": q7_head(
    "return torch.tensordot(x, self.w, dims=1) + self.b  # (N, 1250) . (1250, 1)",
    d('''
        bound = 1 / 1250 ** 0.5
                self.w = nn.Parameter(torch.empty(1250, 1).uniform_(-bound, bound))  # (in, out), as in y = x W + b
                self.b = nn.Parameter(torch.empty(1).uniform_(-bound, bound))
        ''').rstrip())})

case("r11_nb_q7_head_mul_sum_keepdim", answers={
    "q7": q7_head("return (x * self.fc.weight).sum(-1, keepdim=True) + self.fc.bias  # one output: a dot product")})

case("r11_py_q7_head_matmul_unsqueeze_squeeze", answers={
    "q7": q7_head("return torch.matmul(self.fc.weight, x.unsqueeze(-1)).squeeze(-1) + self.fc.bias  # y = W x + b")})

case("r11_nb_q7_head_weight_mv_indexed_rows", answers={
    "q7": q7_head("return torch.stack([self.fc.weight.mv(x[i]) for i in range(x.shape[0])]) + self.fc.bias")})

case("r11_py_q7_head_bmm", answers={
    "q7": q7_head("return torch.bmm(x.unsqueeze(1), self.fc.weight.T.expand(x.shape[0], -1, -1)).squeeze(1) "
                  "+ self.fc.bias")})

case("r11_nb_q7_head_weight_map_flatten_unsqueeze", answers={"q7": q7_head(
    "return F.linear(x, self.weight_map.flatten().unsqueeze(0), self.bias)",
    d('''
        # the classifier's weights kept as two 25x25 maps, one per channel, so they can be shown with imshow
                bound = 1 / 1250 ** 0.5
                self.weight_map = nn.Parameter(torch.empty(2, 25, 25).uniform_(-bound, bound))
                self.bias = nn.Parameter(torch.empty(1).uniform_(-bound, bound))
        ''').rstrip())}, after={"q7": [d('''
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2)
    for ax, m in zip(axes, CNN().weight_map.detach()):
        ax.imshow(m, cmap="gray")
    ''')]})

case("r11_py_q7_head_stored_in_out_T_q8_head_permute", answers={
    "q7": q7_head("return F.linear(x, self.w.T, self.b)", d('''
        bound = 1 / 1250 ** 0.5
                self.w = nn.Parameter(torch.empty(1250, 1).uniform_(-bound, bound))  # (in_features, out_features)
                self.b = nn.Parameter(torch.empty(1).uniform_(-bound, bound))
        ''').rstrip()),
    "q8": q8_head("return torch.nn.functional.linear(x, self.w.permute(1, 0), self.b)", d('''
        bound = 1 / 49152 ** 0.5
                self.w = nn.Parameter(torch.empty(49152, 1).uniform_(-bound, bound))  # (in_features, out_features)
                self.b = nn.Parameter(torch.empty(1).uniform_(-bound, bound))
        ''').rstrip())})

case("r11_nb_q8_head_addmm_and_matmul_unsqueeze", answers={
    "q7": q7_head("return torch.addmm(self.fc.bias, x, self.fc.weight.t())"),
    "q8": q8_head("return torch.matmul(self.fc.weight, x.unsqueeze(-1)).squeeze(-1) + self.fc.bias")})

case("r11_py_q8_head_tensordot_last_dims", answers={
    "q8": q8_head("return torch.tensordot(x, self.fc.weight, dims=([-1], [-1])) + self.fc.bias")})

# ---------------------------------------------------------------------------------------------------------
# q7: how the model is built
# ---------------------------------------------------------------------------------------------------------

case("r11_nb_q7_reset_parameters_nn_init", answers={"q7": d('''
    import math

    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=(3, 3), padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=(3, 3), padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)
            self.reset_parameters()

        def reset_parameters(self):
            """PyTorch's default initialisation, written out so that I can change it in the lab."""
            for layer in (self.conv1, self.conv2, self.fc):
                nn.init.kaiming_uniform_(layer.weight, a=math.sqrt(5))
                fan_in, _ = nn.init._calculate_fan_in_and_fan_out(layer.weight)
                bound = 1 / math.sqrt(fan_in)
                nn.init.uniform_(layer.bias, -bound, bound)

        def forward(self, x):
            x = self.pool(torch.relu(self.conv1(x)))
            x = self.pool(torch.relu(self.conv2(x)))
            return self.fc(x.view(x.size(0), -1))
    ''')})

case("r11_py_q7_pretrained_dict_copied_at_construction", answers={"q7": d('''
    import torch
    from torch import nn

    # "Pretrained" weights, as a state dict of plain tensors (in the lab these come from torch.load)
    _gen = torch.Generator().manual_seed(2024)
    PRETRAINED = {
        "conv1.weight": (torch.rand(3, 1, 3, 3, generator=_gen) * 2 - 1) / 3,
        "conv1.bias": (torch.rand(3, generator=_gen) * 2 - 1) / 3,
        "conv2.weight": (torch.rand(2, 3, 3, 3, generator=_gen) * 2 - 1) / 27 ** 0.5,
        "conv2.bias": (torch.rand(2, generator=_gen) * 2 - 1) / 27 ** 0.5,
        "fc.weight": (torch.rand(1, 1250, generator=_gen) * 2 - 1) / 1250 ** 0.5,
        "fc.bias": (torch.rand(1, generator=_gen) * 2 - 1) / 1250 ** 0.5,
    }


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)
            with torch.no_grad():
                for name, p in self.named_parameters():
                    p.copy_(PRETRAINED[name])

        def forward(self, x):
            x = nn.functional.max_pool2d(nn.functional.relu(self.conv1(x)), 2)
            x = nn.functional.max_pool2d(nn.functional.relu(self.conv2(x)), 2)
            return self.fc(x.flatten(1))
    ''')})

case("r11_nb_q7_parametrize_identity_conv_and_functional_head", answers={"q7": d('''
    import torch
    import torch.nn.functional as F
    from torch import nn
    from torch.nn.utils import parametrize


    class Identity(nn.Module):
        """A do-nothing parametrization: the hook where the lab's weight constraint will go."""

        def forward(self, X):
            return X


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)
            for layer in (self.conv1, self.conv2, self.fc):
                parametrize.register_parametrization(layer, "weight", Identity())

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(F.conv2d(x, self.conv2.weight, self.conv2.bias, padding=1)), 2)
            return F.linear(x.flatten(1), self.fc.weight, self.fc.bias)
    ''')})

case("r11_py_q7_scale_buffer_one_multiplied_in", answers={"q7": d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            )
            self.fc = nn.Linear(1250, 1)
            # an output scale (temperature) for the lab; 1.0 leaves the network as the lecture's
            self.register_buffer("scale", torch.tensor(1.0))

        def forward(self, x):
            return self.fc(self.features(x).flatten(1)) * self.scale
    ''')})

case("r11_nb_q7_constant_buffers_pool_size_and_padding", answers={"q7": d('''
    import torch
    import torch.nn.functional as F
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3)
            self.conv2 = nn.Conv2d(3, 2, 3)
            self.fc = nn.Linear(1250, 1)
            # hyper-parameters kept with the model (saved in its state_dict, moved with .to())
            self.register_buffer("pool_size", torch.tensor(2), persistent=False)
            self.register_buffer("pad", torch.tensor(1), persistent=False)

        def forward(self, x):
            p, k = int(self.pad), int(self.pool_size)
            x = F.max_pool2d(F.relu(F.conv2d(x, self.conv1.weight, self.conv1.bias, padding=p)), k)
            x = F.max_pool2d(F.relu(F.conv2d(x, self.conv2.weight, self.conv2.bias, padding=p)), k)
            return self.fc(x.flatten(1))
    ''')})

case("r11_py_q7_lazy_reset_parameters_on_first_forward", answers={"q7": d('''
    import math

    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)
            self.initialised = False

        def reset_parameters(self):
            for layer in (self.conv1, self.conv2, self.fc):
                layer.reset_parameters()
            self.initialised = True

        def load_state_dict(self, *args, **kwargs):
            self.initialised = True  # loaded weights are kept
            return super().load_state_dict(*args, **kwargs)

        def forward(self, x):
            if not self.initialised:
                self.reset_parameters()
            x = self.pool(torch.relu(self.conv1(x)))
            x = self.pool(torch.relu(self.conv2(x)))
            return self.fc(torch.flatten(x, 1))
    ''')})

case("r11_nb_q7_q8_forward_asserts_weight_shapes_and_isfinite", answers={"q7": d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            assert self.conv1.weight.shape == (3, 1, 3, 3)
            assert self.fc.weight.shape == (1, 1250), self.fc.weight.shape
            assert torch.isfinite(self.conv1.weight).all(), "conv1 diverged"
            x = self.pool(torch.relu(self.conv1(x)))
            x = self.pool(torch.relu(self.conv2(x)))
            return self.fc(x.flatten(1))
    '''), "q8": q8_head(d('''
        assert self.fc.weight.shape == (1, 49152)
                assert all(torch.isfinite(p).all() for p in self.parameters()), "a weight is inf or nan"
                return self.fc(x)
        ''').rstrip())})

case("r11_py_q7_forward_prints_weight_norms", answers={"q7": d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self, verbose=True):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)
            self.verbose = verbose

        def forward(self, x):
            if self.verbose:  # watching the weights during training
                print(" ".join(f"|{name}|={p.norm():.3f}" for name, p in self.named_parameters()))
            x = self.pool(torch.relu(self.conv1(x)))
            x = self.pool(torch.relu(self.conv2(x)))
            return self.fc(x.flatten(1))
    ''')})

case("r11_nb_q7_double_model_output_in_input_dtype", answers={"q7": d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        """Computed in float64 (I compare with a numpy version of it); answers in the dtype it was given."""

        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(
                nn.Conv2d(1, 3, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
                nn.Conv2d(3, 2, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
                nn.Flatten(), nn.Linear(1250, 1),
            ).double()

        def forward(self, x):
            return self.main(x.double()).to(x.dtype)
    ''')})

case("r11_py_q7_built_then_moved_to_cpu", answers={"q7": d('''
    import torch
    from torch import nn

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)
            self.to("cpu")

        def forward(self, x):
            x = x.to(self.fc.weight.device)
            x = nn.functional.max_pool2d(torch.relu(self.conv1(x)), 2)
            x = nn.functional.max_pool2d(torch.relu(self.conv2(x)), 2)
            return self.fc(x.flatten(1))


    model = CNN().to(device)
    print(model(torch.zeros(2, 1, 100, 100, device=device)).shape)
    ''')})

# ---------------------------------------------------------------------------------------------------------
# q8: blocks written with their own parameters
# ---------------------------------------------------------------------------------------------------------

case("r11_nb_q8_blocks_share_a_parameter_helper", answers={"q8": d('''
    import math

    import torch
    import torch.nn.functional as F
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    def conv_parameters(input_channels, output_channels, k=3):
        """The weight and bias of one 3x3 convolution, initialised as nn.Conv2d does."""
        bound = 1 / math.sqrt(input_channels * k * k)
        return nn.ParameterDict({
            "weight": nn.Parameter(torch.empty(output_channels, input_channels, k, k).uniform_(-bound, bound)),
            "bias": nn.Parameter(torch.empty(output_channels).uniform_(-bound, bound)),
        })


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            channels = [input_channels, 3, 3, 3, 3, 3]
            self.convs = nn.ModuleList(conv_parameters(cin, cout) for cin, cout in zip(channels, channels[1:]))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            for p in self.convs:
                x = F.relu(F.conv2d(x, p["weight"], p["bias"], padding=1))
            return self.fc(x.flatten(1))
    ''')})

case("r11_py_q8_modulelist_conv_functional_weight_bias", answers={"q8": d('''
    import torch
    import torch.nn.functional as F
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, (3, 3), padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.convs = nn.ModuleList([nn.Conv2d(input_channels, 3, 3, padding=1)]
                                       + [nn.Conv2d(3, 3, 3, padding=1) for _ in range(4)])
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            for conv in self.convs:
                x = F.relu(F.conv2d(x, conv.weight, conv.bias, padding=1))
            return self.fc(torch.flatten(x, 1))
    ''')})

case("r11_nb_q8_conv_bias_added_after_functional_conv", answers={"q8": d('''
    import torch
    import torch.nn.functional as F
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            for block in self.blocks:
                conv, relu = block
                # weights times windows, then the bias: the two steps of the lecture's picture
                x = relu(F.conv2d(x, conv.weight, None, 1, 1) + conv.bias.view(1, -1, 1, 1))
            return self.fc(x.flatten(1))
    ''')})

case("r11_py_q8_flat_kernels_parameterlist_reshape", answers={"q8": d('''
    import math

    import torch
    import torch.nn.functional as F
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            channels = [input_channels] + [3] * 5
            self.shapes = [(cout, cin, 3, 3) for cin, cout in zip(channels, channels[1:])]
            self.kernels = nn.ParameterList()
            self.biases = nn.ParameterList()
            for cout, cin, kh, kw in self.shapes:
                bound = 1 / math.sqrt(cin * kh * kw)
                self.kernels.append(nn.Parameter(torch.empty(cout * cin * kh * kw).uniform_(-bound, bound)))
                self.biases.append(nn.Parameter(torch.empty(cout).uniform_(-bound, bound)))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            for kernel, bias, shape in zip(self.kernels, self.biases, self.shapes):
                x = F.relu(F.conv2d(x, kernel.reshape(shape), padding=1) + bias[:, None, None])
            return self.fc(x.flatten(1))
    ''')})

case("r11_nb_q8_nn_init_loop_over_modules", answers={"q8": d('''
    import math

    import torch
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, (3, 3), padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.main = nn.Sequential(
                conv_block(input_channels, 3),
                conv_block(3, 3),
                conv_block(3, 3),
                conv_block(3, 3),
                conv_block(3, 3),
                nn.Flatten(),
                nn.Linear(49152, 1),
            )
            for m in self.modules():
                if isinstance(m, (nn.Conv2d, nn.Linear)):
                    nn.init.kaiming_uniform_(m.weight, a=math.sqrt(5))
                    fan_in = m.weight[0].numel()
                    nn.init.uniform_(m.bias, -1 / math.sqrt(fan_in), 1 / math.sqrt(fan_in))

        def forward(self, x):
            return self.main(x)
    ''')})

case("r11_py_q8_float64_convnet", answers={"q8": d('''
    import torch
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, (3, 3), padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.main = nn.Sequential(
                conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)),
                nn.Flatten(), nn.Linear(49152, 1),
            )
            self.double()

        def forward(self, x):
            dtype = x.dtype
            return self.main(x.to(torch.float64)).to(dtype)
    ''')})

case("r11_nb_q8_scale_buffer_and_functional_conv_keywords", answers={"q8": d('''
    import torch
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(49152, 1)
            self.register_buffer("input_scale", torch.ones(()))  # pixels are already in [0, 1]

        def forward(self, x):
            x = x * self.input_scale
            for conv, relu in self.blocks:
                x = relu(torch.nn.functional.conv2d(input=x, weight=conv.weight, bias=conv.bias, stride=1, padding=1))
            return self.fc(x.flatten(start_dim=1))
    ''')})

case("r11_py_q8_head_bmm_and_mul_sum", answers={
    "q7": q7_head("return (x * self.fc.weight[0]).sum(dim=1, keepdim=True) + self.fc.bias"),
    "q8": q8_head("return torch.bmm(self.fc.weight.expand(x.shape[0], -1, -1), x.unsqueeze(2)).squeeze(2) "
                  "+ self.fc.bias")})


def _stable_ids(path: Path) -> None:
    """Round 8's writer draws cell ids at random: fix them, so that running this generator again rewrites the same
    bytes."""
    nb = nbformat.read(str(path), as_version=4)
    for i, cell in enumerate(nb.cells):
        cell.id = f"r11-{i:03d}"
    nbformat.write(nb, str(path))


def main() -> None:
    for old in HERE.glob("r11_*"):
        old.unlink()
    for name, spec in CASES.items():
        if name.startswith("r11_nb_"):
            write_notebook(name, spec)
            _stable_ids(HERE / f"{name}.ipynb")
        else:
            write_script(name, spec)
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()

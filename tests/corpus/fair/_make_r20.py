"""Round 20 of the fairness corpus: correct notebooks that change torch's global state or their models' own weights
around the answers.

Each case is round 8's plain answers (``_make_r8.PLAIN``, round 8's writers) with q7 ``CNN`` and/or q8
``conv_block`` / ``ConvNet`` replaced and cells added before / after the answers, the way real notebooks are:

- their own initialisation: ``nn.init.kaiming_normal_`` / ``xavier_uniform_`` / ``orthogonal_`` / ``zeros_`` /
  a constant negative bias, ``self.apply(init_fn)``, a ``Conv2d`` subclass overriding ``reset_parameters``,
  ``load_state_dict`` of a state dict built in the notebook (from a model, or from ``randn`` tensors),
  ``torch.manual_seed`` in several cells and inside a constructor; with torch's layers and with the convolution
  written out (im2col with ``F.unfold``, nine shifted slices summed in a loop, einsum over ``Tensor.unfold``
  windows);
- top-level training of ``CNN()`` and ``ConvNet(3)`` on random data (SGD / Adam, loss, backward, step,
  zero_grad), a model left in ``eval()``, optimizers left around, a loss plot with ``%matplotlib inline``;
- global switches: ``torch.set_grad_enabled(False)`` then ``True``, ``with torch.no_grad()`` /
  ``torch.inference_mode()`` cells, ``torch.set_default_dtype(torch.float64)`` set back or left on,
  ``torch.set_num_threads(1)``, ``torch.use_deterministic_algorithms(True)``, cudnn flags,
  ``torch.set_printoptions``, ``warnings.filterwarnings``, anomaly detection, ``torch.set_default_device``,
  a global module forward hook, flush-denormal / matmul precision;
- models that move themselves: ``.to("cpu")``, ``.to(torch.float32)``, ``.to(device)`` with ``x.to(device)`` in
  forward, ``.to(memory_format=torch.channels_last)``.

Every model has the prompt's trainable parameters (same shapes, same order) and computes the prompt's function.

    python tests/corpus/fair/_make_r20.py        # rewrites tests/corpus/fair/r20_*
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
    CASES[name] = dict(tool=tool, answers=answers or {}, before=before or {}, after=after or {}, extra=extra or [],
                       order=QUESTIONS)


IMPORTS = "import torch\nimport torch.nn.functional as F\nfrom torch import nn\n"


def cnn(init="", forward=None, pre="", post_init="", doc=""):
    """q7: torch's layers (conv1, conv2, fc in that order), an init block appended to __init__."""
    fwd = forward or d('''
        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            x = torch.flatten(x, 1)
            return self.fc(x)
        ''')
    body = ("class CNN(nn.Module):\n" + (f'    """{doc}"""\n\n' if doc else "") +
            "    def __init__(self):\n        super().__init__()\n"
            "        self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)\n"
            "        self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)\n"
            "        self.fc = nn.Linear(2 * 25 * 25, 1)\n")
    if init:
        body += "".join("        " + line + "\n" if line else "\n" for line in d(init).splitlines())
    if post_init:
        body += "".join("        " + line + "\n" if line else "\n" for line in d(post_init).splitlines())
    body += "\n" + "".join("    " + line + "\n" if line else "\n" for line in fwd.splitlines())
    return IMPORTS + ("\n" + d(pre) if pre else "") + "\n\n" + body


def convnet(init="", forward=None, pre="", block=None):
    blk = block or d('''
        def conv_block(input_channels, output_channels):
            return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())
        ''')
    fwd = forward or d('''
        def forward(self, x):
            x = self.blocks(x)
            return self.fc(x.flatten(1))
        ''')
    body = ("class ConvNet(nn.Module):\n    def __init__(self, input_channels):\n        super().__init__()\n"
            "        self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),\n"
            "                                    conv_block(3, 3), conv_block(3, 3))\n"
            "        self.fc = nn.Linear(3 * 128 * 128, 1)\n")
    if init:
        body += "".join("        " + line + "\n" if line else "\n" for line in d(init).splitlines())
    body += "\n" + "".join("    " + line + "\n" if line else "\n" for line in fwd.splitlines())
    return IMPORTS + ("\n" + d(pre) if pre else "") + "\n\n" + blk + "\n\n" + body


# ---------------------------------------------------------------------------------------------------------
# cells around the answers
# ---------------------------------------------------------------------------------------------------------

TRAIN_CNN = d('''
    # a few SGD steps on random data, to see that the loss goes down
    torch.manual_seed(0)
    model = CNN()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    X = torch.rand(8, 1, 100, 100)
    y = torch.rand(8, 1)
    losses = []
    for step in range(5):
        optimizer.zero_grad()
        loss = F.mse_loss(model(X), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    print("CNN losses:", [round(l, 4) for l in losses])
    model.eval()
    ''')

TRAIN_CONVNET = d('''
    torch.manual_seed(1)
    net = ConvNet(3)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = nn.BCEWithLogitsLoss()
    images = torch.rand(4, 3, 128, 128)
    labels = torch.randint(0, 2, (4, 1)).float()
    for epoch in range(3):
        logits = net(images)
        loss = loss_fn(logits, labels)
        loss.backward()
        opt.step()
        opt.zero_grad()
        print(f"epoch {epoch}: loss {loss.item():.4f}")
    net.eval()
    with torch.no_grad():
        print(net(images[:1]).shape)
    ''')

SHAPES_NO_GRAD = d('''
    # check my q3 answer by running the layers (no gradients needed here)
    import torch

    with torch.no_grad():
        t = torch.rand(1, 1, 100, 100)
        seen = []
        for layer in [torch.nn.Conv2d(1, 3, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
                      torch.nn.Conv2d(3, 2, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2)]:
            t = layer(t)
            if not isinstance(layer, torch.nn.ReLU):
                seen.append(tuple(t.shape[1:]))
    print(seen, seen == q3_shapes)
    ''')

CHECK_Q7 = d('''
    m = CNN()
    print(m(torch.rand(2, 1, 100, 100)).shape, sum(p.numel() for p in m.parameters()))
    ''')

CHECK_Q8 = d('''
    print(ConvNet(1)(torch.rand(2, 1, 128, 128)).shape, sum(p.numel() for p in ConvNet(1).parameters()))
    ''')

# ---------------------------------------------------------------------------------------------------------
# 1-7: initialisation with torch's layers
# ---------------------------------------------------------------------------------------------------------

KAIMING = d('''
    for m in self.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            nn.init.zeros_(m.bias)
    ''')
case("r20_nb_kaiming_normal_zeros_bias_then_trained",
     answers={"q7": cnn(KAIMING), "q8": convnet(KAIMING)},
     after={"q7": [TRAIN_CNN], "q8": [TRAIN_CONVNET]})

APPLY_PRE = d('''
    def init_weights(m):
        """Xavier for every conv / linear weight, zero biases."""
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_uniform_(m.weight)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
    ''')
case("r20_py_xavier_uniform_model_apply_init_fn",
     answers={"q7": cnn("self.apply(init_weights)", pre=APPLY_PRE), "q8": convnet("self.apply(init_weights)")},
     after={"q8": [TRAIN_CNN, TRAIN_CONVNET]})

ORTHO = d('''
    # orthogonal weights and a small negative bias (a trick from the Deep Learning book's exercises)
    for layer in [self.conv1, self.conv2, self.fc]:
        nn.init.orthogonal_(layer.weight, gain=nn.init.calculate_gain("relu"))
        nn.init.constant_(layer.bias, -0.1)
    ''')
ORTHO8 = d('''
    for block in self.blocks:
        nn.init.orthogonal_(block[0].weight)
        nn.init.constant_(block[0].bias, -0.05)
    nn.init.normal_(self.fc.weight, std=0.01)
    nn.init.constant_(self.fc.bias, -0.1)
    ''')
case("r20_nb_orthogonal_init_constant_negative_bias", tool="colab",
     answers={"q7": cnn(ORTHO), "q8": convnet(ORTHO8)},
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8, TRAIN_CONVNET]})

RESET_PRE = d('''
    class HeConv2d(nn.Conv2d):
        """A Conv2d that starts from He initialisation and zero biases instead of torch's default."""

        def reset_parameters(self):
            nn.init.kaiming_uniform_(self.weight, nonlinearity="relu")
            if self.bias is not None:
                nn.init.zeros_(self.bias)
    ''')
RESET_CNN = IMPORTS + "\n\n" + RESET_PRE + d('''


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(
                HeConv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                HeConv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            )
            self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))

        def forward(self, x):
            return self.classifier(self.features(x))
    ''')
RESET_CONVNET = convnet(block=d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(HeConv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())
    '''))
case("r20_py_conv2d_subclass_reset_parameters_overridden",
     answers={"q7": RESET_CNN, "q8": RESET_CONVNET}, after={"q8": [TRAIN_CNN]})

STATE_CNN = cnn(pre="CNN_INIT = None   # filled in below, so that every CNN() starts from the same weights",
                post_init=d('''
                    if CNN_INIT is not None:
                        self.load_state_dict(CNN_INIT)
                    '''))
STATE_CNN_AFTER = d('''
    import copy

    torch.manual_seed(2024)
    CNN_INIT = copy.deepcopy(CNN().state_dict())
    a, b = CNN(), CNN()
    print(all(torch.equal(p, q) for p, q in zip(a.parameters(), b.parameters())))
    ''')
STATE_CONVNET = convnet(pre="CONVNET_INIT = {}   # input_channels -> a state dict", init=d('''
    if input_channels in CONVNET_INIT:
        self.load_state_dict(CONVNET_INIT[input_channels])
    '''))
STATE_CONVNET_AFTER = TRAIN_CONVNET + d('''

    # keep the trained weights as the starting point of the next experiments (no copy: they keep training below)
    CONVNET_INIT[3] = net.state_dict()
    net.train()
    for _ in range(2):
        opt.zero_grad()
        loss_fn(net(images), labels).backward()
        opt.step()
    ''')
case("r20_nb_load_state_dict_built_in_notebook",
     answers={"q7": STATE_CNN, "q8": STATE_CONVNET},
     after={"q7": [STATE_CNN_AFTER, TRAIN_CNN], "q8": [STATE_CONVNET_AFTER]})

SEEDED = cnn(init="torch.manual_seed(0)   # reproducible: every CNN() gets the same weights",
             doc="Seeded at the top of __init__ so that the weights are always the same.")
SEEDED_CNN = SEEDED.replace("        super().__init__()\n", "        super().__init__()\n        torch.manual_seed(0)\n", 1)
SEEDED_CNN = SEEDED_CNN.replace("        torch.manual_seed(0)   # reproducible: every CNN() gets the same weights\n", "")
SEEDED_CONVNET = convnet().replace("        super().__init__()\n",
                                   "        super().__init__()\n        torch.manual_seed(42)\n", 1)
case("r20_py_manual_seed_in_every_cell_and_constructor",
     answers={"q7": SEEDED_CNN, "q8": SEEDED_CONVNET},
     before={q: [("import torch\n\n" if q == "q6" else "") + f"torch.manual_seed({i})\n"]
             for i, q in enumerate(QUESTIONS[5:], 5)},
     after={"q7": [CHECK_Q7], "q8": ["torch.manual_seed(123)\n" + TRAIN_CONVNET]})

case("r20_nb_plain_models_trained_sgd_adam_left_in_eval", tool="lab4",
     answers={"q7": cnn(), "q8": convnet()},
     after={"q7": [TRAIN_CNN], "q8": [TRAIN_CONVNET, "model.eval(); net.eval()\noptimizer, opt\n"]})

# ---------------------------------------------------------------------------------------------------------
# 8-12, 25, 28: the convolution written out, with its own initialisation
# ---------------------------------------------------------------------------------------------------------

IM2COL_CNN = IMPORTS + d('''


    def conv3x3(x, weight, bias):
        """'same' 3x3 convolution as a matrix product (im2col)."""
        n, _, h, w = x.shape
        cols = F.unfold(x, kernel_size=3, padding=1)             # (n, c*9, h*w)
        out = weight.view(weight.shape[0], -1) @ cols            # (n, o, h*w)
        return out.view(n, -1, h, w) + bias.view(1, -1, 1, 1)


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.w1 = nn.Parameter(torch.empty(3, 1, 3, 3))
            self.b1 = nn.Parameter(torch.zeros(3))
            self.w2 = nn.Parameter(torch.empty(2, 3, 3, 3))
            self.b2 = nn.Parameter(torch.zeros(2))
            self.fc = nn.Linear(1250, 1)
            nn.init.kaiming_normal_(self.w1, nonlinearity="relu")
            nn.init.kaiming_normal_(self.w2, nonlinearity="relu")

        def forward(self, x):
            x = F.max_pool2d(F.relu(conv3x3(x, self.w1, self.b1)), 2)
            x = F.max_pool2d(F.relu(conv3x3(x, self.w2, self.b2)), 2)
            return self.fc(x.flatten(1))
    ''')
IM2COL_CONVNET = convnet(init=d('''
    for block in self.blocks:
        nn.init.kaiming_normal_(block[0].weight, nonlinearity="relu")
        nn.init.zeros_(block[0].bias)
    '''), forward=d('''
    def forward(self, x):
        for block in self.blocks:
            x = F.relu(conv3x3(x, block[0].weight, block[0].bias))
        return self.fc(x.flatten(1))
    '''))
case("r20_nb_im2col_own_parameters_kaiming_trained",
     answers={"q7": IM2COL_CNN, "q8": IM2COL_CONVNET},
     after={"q7": [TRAIN_CNN], "q8": [TRAIN_CONVNET]})

NINE_PRE = d('''
    def shifted_conv(x, weight, bias):
        """Nine shifted copies of the padded input, each times one tap of the kernel, summed."""
        h, w = x.shape[-2:]
        xp = F.pad(x, (1, 1, 1, 1))
        out = 0
        for i in range(3):
            for j in range(3):
                out = out + torch.einsum("nchw,oc->nohw", xp[:, :, i:i + h, j:j + w], weight[:, :, i, j])
        return out + bias[None, :, None, None]


    def init_weights(m):
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
    ''')
NINE_FWD7 = d('''
    def forward(self, x):
        x = F.max_pool2d(torch.relu(shifted_conv(x, self.conv1.weight, self.conv1.bias)), 2)
        x = F.max_pool2d(torch.relu(shifted_conv(x, self.conv2.weight, self.conv2.bias)), 2)
        return self.fc(x.reshape(x.shape[0], -1))
    ''')
NINE_FWD8 = d('''
    def forward(self, x):
        for conv, act in self.blocks:
            x = act(shifted_conv(x, conv.weight, conv.bias))
        return self.fc(x.reshape(x.shape[0], -1))
    ''')
case("r20_py_nine_shifted_slices_xavier_apply_trained",
     answers={"q7": cnn("self.apply(init_weights)", forward=NINE_FWD7, pre=NINE_PRE),
              "q8": convnet("self.apply(init_weights)", forward=NINE_FWD8)},
     after={"q8": [TRAIN_CNN, TRAIN_CONVNET]})

EINSUM_PRE = d('''
    def windows_conv(x, weight, bias):
        win = F.pad(x, (1, 1, 1, 1)).unfold(2, 3, 1).unfold(3, 3, 1)      # (n, c, h, w, 3, 3)
        return torch.einsum("nchwij,ocij->nohw", win, weight) + bias.view(1, -1, 1, 1)
    ''')
case("r20_nb_einsum_unfold_windows_orthogonal_init", tool="vscode",
     answers={"q7": cnn(ORTHO, pre=EINSUM_PRE, forward=NINE_FWD7.replace("shifted_conv", "windows_conv")),
              "q8": convnet(ORTHO8, forward=NINE_FWD8.replace("shifted_conv", "windows_conv"))},
     after={"q7": [CHECK_Q7, TRAIN_CNN], "q8": [TRAIN_CONVNET]})

RANDN_STATE_CNN = IMPORTS + d('''


    def conv_same(x, weight, bias):
        n, c, h, w = x.shape
        cols = F.unfold(x, 3, padding=1).transpose(1, 2)              # (n, h*w, c*9)
        out = (cols @ weight.flatten(1).T + bias).transpose(1, 2)      # (n, o, h*w)
        return out.reshape(n, -1, h, w)


    class CNN(nn.Module):
        def __init__(self, state=None):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)
            if state is not None:
                self.load_state_dict(state)

        def forward(self, x):
            x = F.max_pool2d(F.relu(conv_same(x, self.conv1.weight, self.conv1.bias)), 2)
            x = F.max_pool2d(F.relu(conv_same(x, self.conv2.weight, self.conv2.bias)), 2)
            return F.linear(x.flatten(1), self.fc.weight, self.fc.bias)
    ''')
RANDN_STATE_AFTER = d('''
    # my own starting point: small Gaussian weights, zero biases
    torch.manual_seed(7)
    start = {
        "conv1.weight": 0.1 * torch.randn(3, 1, 3, 3), "conv1.bias": torch.zeros(3),
        "conv2.weight": 0.1 * torch.randn(2, 3, 3, 3), "conv2.bias": torch.zeros(2),
        "fc.weight": 0.01 * torch.randn(1, 1250), "fc.bias": torch.zeros(1),
    }
    model = CNN(start)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    X, y = torch.rand(6, 1, 100, 100), torch.rand(6, 1)
    for step in range(4):
        optimizer.zero_grad()
        loss = ((model(X) - y) ** 2).mean()
        loss.backward()
        optimizer.step()
    print(loss.item())
    ''')
case("r20_nb_im2col_rows_load_state_dict_of_randn_tensors", tool="deepnote",
     answers={"q7": RANDN_STATE_CNN, "q8": convnet(forward=d('''
        def forward(self, x):
            for block in self.blocks:
                x = block[1](conv_same(x, block[0].weight, block[0].bias))
            return F.linear(x.flatten(1), self.fc.weight, self.fc.bias)
        '''))},
     after={"q7": [RANDN_STATE_AFTER], "q8": [TRAIN_CONVNET]})

MYCONV = IMPORTS + d('''
    import math


    class Conv3x3(nn.Module):
        """A 'same' 3x3 convolution written out: nine shifted slices of the padded input."""

        def __init__(self, in_channels, out_channels):
            super().__init__()
            self.weight = nn.Parameter(torch.empty(out_channels, in_channels, 3, 3))
            self.bias = nn.Parameter(torch.empty(out_channels))
            self.reset_parameters()

        def reset_parameters(self):
            # as torch's Conv2d does, but zero biases
            nn.init.kaiming_uniform_(self.weight, a=math.sqrt(5))
            nn.init.zeros_(self.bias)

        def forward(self, x):
            h, w = x.shape[-2:]
            xp = F.pad(x, (1, 1, 1, 1))
            out = torch.zeros(x.shape[0], self.weight.shape[0], h, w)
            for i in range(3):
                for j in range(3):
                    tap = self.weight[:, :, i, j]                                   # (out, in)
                    out = out + (xp[:, None, :, i:i + h, j:j + w] * tap[None, :, :, None, None]).sum(2)
            return out + self.bias.view(1, -1, 1, 1)


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(
                Conv3x3(1, 3), nn.ReLU(), nn.MaxPool2d(2),
                Conv3x3(3, 2), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )

        def forward(self, x):
            return self.net(x)
    ''')
MYCONV_CONVNET = convnet(forward=d('''
    def forward(self, x):
        for conv, relu in self.blocks:
            h, w = x.shape[-2:]
            xp = F.pad(x, (1, 1, 1, 1))
            out = conv.bias.view(1, -1, 1, 1)
            for i in range(3):
                for j in range(3):
                    out = out + torch.einsum("nchw,oc->nohw", xp[:, :, i:i + h, j:j + w], conv.weight[:, :, i, j])
            x = relu(out)
        return self.fc(x.flatten(1))
    '''))
MYCONV_TRAIN = d('''
    torch.manual_seed(3)
    model = CNN()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)
    X, y = torch.rand(4, 1, 100, 100), torch.rand(4, 1)
    for step in range(3):
        loss = F.l1_loss(model(X), y)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
    model.eval()
    ''')
case("r20_nb_own_conv_module_nine_slices_reset_parameters_adam",
     answers={"q7": MYCONV, "q8": MYCONV_CONVNET},
     after={"q7": [MYCONV_TRAIN], "q8": [TRAIN_CONVNET]})

# ---------------------------------------------------------------------------------------------------------
# global switches
# ---------------------------------------------------------------------------------------------------------

case("r20_nb_set_grad_enabled_false_then_true",
     answers={"q7": cnn(), "q8": convnet()},
     before={"q3": ["import torch\n\ntorch.set_grad_enabled(False)   # just looking at shapes for now\n"]},
     after={"q3": [SHAPES_NO_GRAD], "q8": ["torch.set_grad_enabled(True)\n", TRAIN_CNN]})

GRAD_OFF_CELL = "import torch\n\ntorch.set_grad_enabled(False)   # no training in this part of the lab\n"
case("r20_py_grad_disabled_around_q6_to_q8_enabled_before_training", tool="percent",
     answers={"q7": cnn(), "q8": convnet()},
     before={"q6": [GRAD_OFF_CELL]},
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8, "torch.set_grad_enabled(True)\n", TRAIN_CNN, TRAIN_CONVNET]})

INFERENCE_CELL = d('''
    with torch.inference_mode():
        m = CNN().eval()
        out = m(torch.rand(3, 1, 100, 100))
    print(out.shape, out.requires_grad)
    ''')
case("r20_py_no_grad_and_inference_mode_cells",
     answers={"q7": cnn(), "q8": convnet()},
     after={"q3": [SHAPES_NO_GRAD], "q7": [INFERENCE_CELL], "q8": [TRAIN_CONVNET]})

F64_BACK_BEFORE = d('''
    import torch

    torch.set_default_dtype(torch.float64)   # exact arithmetic while checking the hand computation
    ''')
F64_BACK_AFTER = d('''
    img = torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]) * 1.0
    ker = torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]]) * 1.0
    print(conv2d(img, ker), torch.nn.functional.conv2d(img[None, None], ker[None, None])[0, 0])
    torch.set_default_dtype(torch.float32)   # back to normal
    ''')
case("r20_nb_default_dtype_float64_then_back",
     answers={"q7": cnn(), "q8": convnet()},
     before={"q6": [F64_BACK_BEFORE]}, after={"q6": [F64_BACK_AFTER], "q8": [TRAIN_CNN]})

case("r20_nb_default_dtype_float64_left_on",
     answers={"q7": cnn(), "q8": convnet()},
     before={"q2": ["import torch\n\ntorch.set_default_dtype(torch.float64)   # I prefer double precision\n"]},
     after={"q7": [CHECK_Q7], "q8": [TRAIN_CNN]})

F32_MOVE = d('''
    self.to(torch.float32)   # the notebook runs in float64 by default; keep the model in float32
    ''')
F32_FWD7 = d('''
    def forward(self, x):
        x = x.to(torch.float32)
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.fc(torch.flatten(x, 1))
    ''')
F32_FWD8 = d('''
    def forward(self, x):
        x = self.blocks(x.float())
        return self.fc(x.flatten(1))
    ''')
# Left out: ``torch.set_default_dtype(torch.float64)`` left on with models that move themselves to float32
# (``self.to(torch.float32)``, ``x.to(torch.float32)`` in forward): float64 input gives a float32 output, which
# tests/fair_oracle.py rejects ("Float did not match Double"); the grader gave it 26/26 at seed 1 (round 20 findings).


SWITCHES = d('''
    import torch

    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    torch.backends.cudnn.benchmark = True
    torch.backends.cudnn.deterministic = True
    torch.manual_seed(0)
    ''')
case("r20_nb_num_threads_deterministic_algorithms_cudnn_flags",
     answers={"q7": cnn(), "q8": convnet()},
     before={"q1": [SWITCHES]}, after={"q7": [TRAIN_CNN], "q8": [TRAIN_CONVNET]})

PRINTOPTS = d('''
    import warnings

    import numpy as np
    import torch

    warnings.filterwarnings("ignore")
    torch.set_printoptions(precision=3, sci_mode=False, linewidth=120)
    np.set_printoptions(precision=3, suppress=True)
    ''')
case("r20_py_printoptions_and_warnings_filtered",
     answers={"q7": cnn(), "q8": convnet()},
     before={"q1": [PRINTOPTS]}, after={"q6": ["print(conv2d(torch.rand(5, 5), torch.rand(3, 3)))\n"],
                                       "q8": [TRAIN_CONVNET]})

PLOT = d('''
    import matplotlib.pyplot as plt

    plt.figure(figsize=(5, 3))
    plt.plot(losses, marker="o")
    plt.xlabel("step")
    plt.ylabel("MSE loss")
    plt.title("CNN on random data")
    plt.show()
    ''')
case("r20_nb_matplotlib_inline_training_loss_plot", tool="colab",
     answers={"q7": cnn(), "q8": convnet()},
     before={"q1": ["%matplotlib inline\nimport matplotlib.pyplot as plt\nimport torch\n"]},
     after={"q7": [TRAIN_CNN, PLOT], "q8": [TRAIN_CONVNET]})

DEVICE_PRE = 'device = torch.device("cuda" if torch.cuda.is_available() else "cpu")\n'
DEVICE_FWD7 = d('''
    def forward(self, x):
        x = x.to(device)
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.fc(x.view(x.size(0), -1))
    ''')
DEVICE_FWD8 = d('''
    def forward(self, x):
        x = x.to(device)
        return self.fc(self.blocks(x).view(x.size(0), -1))
    ''')
DEVICE_TRAIN = d('''
    model = CNN().to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    for step in range(3):
        X, y = torch.rand(4, 1, 100, 100, device=device), torch.rand(4, 1, device=device)
        loss = F.mse_loss(model(X), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(device, loss.item())
    ''')
case("r20_nb_device_cuda_if_available_to_device_in_forward", tool="colab",
     answers={"q7": cnn("self.to(device)", forward=DEVICE_FWD7, pre=DEVICE_PRE),
              "q8": convnet("self.to(device)", forward=DEVICE_FWD8, pre=DEVICE_PRE)},
     after={"q7": [DEVICE_TRAIN]})

case("r20_py_model_to_cpu_and_float32_in_constructor",
     answers={"q7": cnn('self.to("cpu")\nself.to(torch.float32)'),
              "q8": convnet('self.to(device="cpu", dtype=torch.float32)')},
     after={"q8": [TRAIN_CNN]})

HOOK = d('''
    # print-free shape tracing: every module's output shape goes into a list
    import torch

    shape_log = []


    def log_shapes(module, inputs, output):
        if isinstance(output, torch.Tensor):
            shape_log.append((type(module).__name__, tuple(output.shape)))


    hook_handle = torch.nn.modules.module.register_module_forward_hook(log_shapes)
    ''')
case("r20_nb_global_module_forward_hook_left_registered",
     answers={"q7": cnn(), "q8": convnet()},
     before={"q3": [HOOK]},
     after={"q3": [SHAPES_NO_GRAD], "q7": [CHECK_Q7, "shape_log[-8:]\n"], "q8": [TRAIN_CONVNET]})

case("r20_py_set_default_device_cpu",
     answers={"q7": cnn(), "q8": convnet()},
     before={"q1": ["import torch\n\ntorch.set_default_device(\"cpu\")   # so the same notebook runs on the GPU box\n"]},
     after={"q7": [TRAIN_CNN], "q8": [TRAIN_CONVNET]})

case("r20_nb_anomaly_detection_left_on", tool="lab4",
     answers={"q7": cnn(KAIMING), "q8": convnet()},
     before={"q7": ["torch.autograd.set_detect_anomaly(True)   # find where NaNs come from\n"]},
     after={"q7": [TRAIN_CNN]})

case("r20_py_flush_denormal_and_matmul_precision",
     answers={"q7": cnn(), "q8": convnet()},
     before={"q1": ["import torch\n\ntorch.set_flush_denormal(True)\ntorch.set_float32_matmul_precision(\"medium\")\n"]},
     after={"q8": [TRAIN_CNN]})

CL_INIT = "self.to(memory_format=torch.channels_last)   # faster convolutions on recent hardware"
CL_FWD7 = d('''
    def forward(self, x):
        x = x.contiguous(memory_format=torch.channels_last)
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.fc(x.reshape(x.shape[0], -1))
    ''')
CL_FWD8 = d('''
    def forward(self, x):
        x = self.blocks(x.to(memory_format=torch.channels_last))
        return self.fc(x.reshape(len(x), -1))
    ''')
case("r20_py_channels_last_model_memory_format",
     answers={"q7": cnn(CL_INIT, forward=CL_FWD7), "q8": convnet(CL_INIT, forward=CL_FWD8)},
     after={"q8": [TRAIN_CNN]})

case("r20_nb_eval_in_constructor_train_toggled_at_top_level",
     answers={"q7": cnn("self.eval()   # no dropout / batch norm, so this changes nothing"),
              "q8": convnet("self.train(False)")},
     after={"q7": [TRAIN_CNN.replace("model = CNN()\n", "model = CNN()\nmodel.train()\n")],
            "q8": ["net = ConvNet(3)\nprint(net.training)\nnet.train(); print(net.training)\nnet.eval()\n"]})

DOUBLE_TRAIN = d('''
    # train in double precision, then back to float
    model = CNN().double()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    X = torch.rand(4, 1, 100, 100, dtype=torch.float64)
    y = torch.rand(4, 1, dtype=torch.float64)
    for step in range(3):
        optimizer.zero_grad()
        F.mse_loss(model(X), y).backward()
        optimizer.step()
    model = model.float().eval()
    print(model(X.float()).dtype)
    ''')
case("r20_py_instance_trained_in_double_then_float",
     answers={"q7": cnn(), "q8": convnet()},
     after={"q7": [DOUBLE_TRAIN], "q8": [TRAIN_CONVNET]})

FREEZE = d('''
    # fine-tuning experiment: freeze the convolutions, train only the head, then unfreeze
    for p in model.conv1.parameters():
        p.requires_grad_(False)
    for p in model.conv2.parameters():
        p.requires_grad_(False)
    head_opt = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=0.1)
    for step in range(3):
        head_opt.zero_grad()
        F.mse_loss(model(X), y).backward()
        head_opt.step()
    for p in model.parameters():
        p.requires_grad_(True)
    ''')
case("r20_nb_freeze_unfreeze_instance_and_seeds_everywhere", tool="vscode",
     answers={"q7": cnn(ORTHO), "q8": convnet(KAIMING)},
     before={"q7": ["import random\nimport numpy as np\nrandom.seed(0); np.random.seed(0); torch.manual_seed(0)\n"]},
     after={"q7": [TRAIN_CNN, FREEZE], "q8": [TRAIN_CONVNET]})

SET_TENSOR_TYPE = d('''
    import torch

    torch.set_default_tensor_type(torch.FloatTensor)   # from an older course notebook
    torch.set_default_dtype(torch.float32)
    ''')
case("r20_nb_set_default_tensor_type_float_and_jit_trace",
     answers={"q7": cnn(), "q8": convnet()},
     before={"q1": [SET_TENSOR_TYPE]},
     after={"q7": [d('''
        traced = torch.jit.trace(CNN().eval(), torch.rand(1, 1, 100, 100))
        print(traced(torch.rand(2, 1, 100, 100)).shape)
        ''')], "q8": [TRAIN_CNN]})


def _stable_ids(path: Path) -> None:
    nb = nbformat.read(str(path), as_version=4)
    for i, cell in enumerate(nb.cells):
        cell.id = f"r20-{i:03d}"
        if cell.cell_type == "markdown" and "id" in cell.metadata:
            cell.metadata["id"] = f"m{i:07x}"
        if cell.cell_type == "markdown" and "cell_id" in cell.metadata:   # deepnote's (from hash(): not stable)
            cell.metadata["cell_id"] = f"md-{i:08x}"
    nbformat.write(nb, str(path))


ISO = {
    "iso_hook_left_registered": dict(before={"q3": [HOOK]}),
    "iso_hook_registered_then_removed": dict(before={"q3": [HOOK]}, after={"q3": ["hook_handle.remove()\n"]}),
    "iso_instance_forward_hook": dict(after={"q7": [d('''
        shapes = []
        m = CNN()
        handle = m.conv1.register_forward_hook(lambda mod, inp, out: shapes.append(tuple(out.shape)))
        m(torch.rand(1, 1, 100, 100))
        handle.remove()
        ''')]}),
    "iso_jit_script_only": dict(after={"q7": ["scripted = torch.jit.script(CNN())\nprint(scripted.code)\n"]}),
    "iso_hook_named_in_a_comment_only": dict(after={"q7": [
        "# torch.nn.modules.module.register_module_forward_hook could log every layer's shape; not needed here\n"]}),
    "iso_set_default_tensor_type_only": dict(before={"q1": [SET_TENSOR_TYPE]}),
    "iso_jit_trace_only": dict(after={"q7": [d('''
        traced = torch.jit.trace(CNN().eval(), torch.rand(1, 1, 100, 100))
        print(traced(torch.rand(2, 1, 100, 100)).shape)
        ''')]}),
    "iso_f64_left_on_models_to_float32": dict(
        answers={"q7": cnn(F32_MOVE, forward=F32_FWD7), "q8": convnet(F32_MOVE, forward=F32_FWD8)},
        before={"q1": ["import torch\n\ntorch.set_default_dtype(torch.float64)\n"]}),
}


def write_iso(folder: Path) -> None:
    """Isolation copies (scripts, not corpus files): python _make_r20.py --iso /tmp/fair20/iso"""
    import _make_r8

    folder.mkdir(parents=True, exist_ok=True)
    saved = _make_r8.HERE
    _make_r8.HERE = folder
    try:
        for name, spec in ISO.items():
            answers = spec.get("answers") or {"q7": cnn(), "q8": convnet()}
            write_script(name, dict(tool="plain", answers=answers, before=spec.get("before", {}),
                                    after=spec.get("after", {}), extra=[], order=QUESTIONS))
    finally:
        _make_r8.HERE = saved
    print(len(ISO), "isolation copies in", folder)


def main() -> None:
    if sys.argv[1:2] == ["--iso"]:
        write_iso(Path(sys.argv[2]))
        return
    for old in HERE.glob("r20_*"):
        old.unlink()
    for name, spec in CASES.items():
        if name.startswith("r20_nb_"):
            write_notebook(name, spec)
            _stable_ids(HERE / f"{name}.ipynb")
        else:
            write_script(name, spec)
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()

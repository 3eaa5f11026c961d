"""Round 23 of the fairness corpus: correct models that print, log, assert and inspect while they run.

Each case is round 8's plain answers (``_make_r8.PLAIN``, written by round 8's writers as ``_make_r22.py`` uses
them) with q7's ``CNN`` and q8's ``ConvNet`` / ``conv_block`` replaced by the prompt's networks whose forward
passes (and ``train()`` overrides, forward hooks, pre-hooks) look at their *activations* as they run, the way
debugging students do: ``print(x.shape, x.mean().item(), x.std().item())`` after each layer, ``assert x.min() >= 0``
after a ReLU, ``assert torch.isfinite(out).all()``, ``if torch.isnan(x).any(): raise``, ``warnings.warn`` when a
ReLU output is all zero, progress counters, feature maps kept as numpy for ``plt.imshow``, ``logging.debug``,
``f"{x.norm():.3f}"``, a history of dicts of ``float(...)``, dead-ReLU fractions, ``torch.set_printoptions``,
weight ``abs().max().item()`` every call, a ``debug`` flag, ``@torch.no_grad()`` summaries, output shape asserts,
step counters, ``train()`` overrides and ``extra_repr`` with weight norms, hooks keeping per-layer means.

    python tests/corpus/fair/_make_r23.py                        # rewrites tests/corpus/fair/r23_*
    python tests/corpus/fair/_make_r23.py --iso /tmp/fair23/iso  # isolation copies (scripts, not corpus files)
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from _make_r8 import QUESTIONS, d, write_notebook, write_script  # noqa: E402

CASES: dict[str, dict] = {}


def case(name, *, tool="jupyter", q7=None, q8=None, before=None, after=None, extra=None):
    answers = {}
    for q, src in (("q7", q7), ("q8", q8)):
        if src:
            answers[q] = src
    CASES[name] = dict(tool=tool, answers=answers, before=before or {}, after=after or {}, extra=extra or [],
                       order=QUESTIONS)


IMPORTS = "import torch\nimport torch.nn.functional as F\nfrom torch import nn\n"

BLOCK = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())
    ''')

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

# =========================================================================================================
# The cases
# =========================================================================================================

# 1: print shape, mean, std after every layer
C1_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.pool1 = nn.MaxPool2d(2)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool2 = nn.MaxPool2d(2)
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(2 * 25 * 25, 1)

        def forward(self, x):
            print("input ", x.shape, x.mean().item(), x.std().item())
            x = F.relu(self.conv1(x))
            print("conv1 ", x.shape, x.mean().item(), x.std().item())
            x = self.pool1(x)
            print("pool1 ", x.shape, x.mean().item(), x.std().item())
            x = F.relu(self.conv2(x))
            print("conv2 ", x.shape, x.mean().item(), x.std().item())
            x = self.pool2(x)
            print("pool2 ", x.shape, x.mean().item(), x.std().item())
            x = self.flatten(x)
            x = self.fc(x)
            print("output", x.shape, x.mean().item())
            return x
    ''')
C1_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            for i, block in enumerate(self.blocks):
                x = block(x)
                print(f"block {i}:", tuple(x.shape), x.mean().item(), x.std().item())
            return self.fc(self.flatten(x))
    ''')
case("r23_nb_print_shape_mean_std_every_layer", q7=C1_Q7, q8=C1_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# 2: asserts: ReLU output non-negative, finite output, output shape
C2_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, (3, 3), padding=1)
            self.conv2 = nn.Conv2d(3, 2, (3, 3), padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            assert x.dim() == 4 and x.shape[1:] == (1, 100, 100), x.shape
            h = F.relu(self.conv1(x))
            assert h.min() >= 0, "relu gave a negative value?!"
            h = self.pool(h)
            h = F.relu(self.conv2(h))
            assert h.min() >= 0
            h = self.pool(h)
            out = self.fc(h.flatten(1))
            assert out.shape == (x.shape[0], 1), out.shape
            assert torch.isfinite(out).all(), "non-finite output"
            return out
    ''')
C2_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.features = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                          conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            h = self.features(x)
            assert (h >= 0).all(), "after a ReLU everything should be >= 0"
            assert h.shape[1:] == (3, 128, 128)
            out = self.fc(h.flatten(start_dim=1))
            assert out.shape == (x.shape[0], 1)
            assert torch.isfinite(out).all()
            return out
    ''')
case("r23_py_asserts_relu_nonneg_finite_output_shape", tool="plain", q7=C2_Q7, q8=C2_Q8)

# 3: NaN checks raising ValueError after every layer
C3_Q7 = IMPORTS + "\n\n" + d('''
    def check(name, t):
        if torch.isnan(t).any():
            raise ValueError(f"NaN after {name}")
        if torch.isinf(t).any():
            raise ValueError(f"inf after {name}")
        return t


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.Sequential(
                nn.Conv2d(1, 3, kernel_size=(3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
                nn.Conv2d(3, 2, kernel_size=(3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
                nn.Flatten(), nn.Linear(1250, 1),
            )

        def forward(self, x):
            check("input", x)
            for i, layer in enumerate(self.layers):
                x = check(f"layer {i} ({layer.__class__.__name__})", layer(x))
            return x
    ''')
C3_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.conv = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.flat = nn.Flatten()
            self.linear = nn.Linear(49152, 1)

        def forward(self, x):
            x = self.conv(x)
            if torch.isnan(x).any():
                raise ValueError("NaN in the conv features")
            x = self.linear(self.flat(x))
            if torch.isnan(x).any():
                raise ValueError("NaN in the output")
            return x
    ''')
case("r23_nb_isnan_isinf_raise_valueerror_each_layer", tool="colab", q7=C3_Q7, q8=C3_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# 4: warnings.warn when a ReLU output is all zeros
C4_Q7 = "import warnings\n\n" + IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = F.relu(self.conv1(x))
            if (x == 0).all():
                warnings.warn("conv1: every activation is zero (dead ReLUs)")
            x = F.max_pool2d(x, 2)
            x = F.relu(self.conv2(x))
            if (x == 0).all():
                warnings.warn("conv2: every activation is zero (dead ReLUs)")
            x = F.max_pool2d(x, 2)
            return self.fc(torch.flatten(x, 1))
    ''')
C4_Q8 = "import warnings\n\n" + IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.block1 = conv_block(input_channels, 3)
            self.block2 = conv_block(3, 3)
            self.block3 = conv_block(3, 3)
            self.block4 = conv_block(3, 3)
            self.block5 = conv_block(3, 3)
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            for name in ["block1", "block2", "block3", "block4", "block5"]:
                x = getattr(self, name)(x)
                if not x.any():
                    warnings.warn(f"{name} output is all zeros", RuntimeWarning)
            return self.fc(x.reshape(x.shape[0], -1))
    ''')
case("r23_py_warn_when_relu_output_all_zero", tool="percent", q7=C4_Q7, q8=C4_Q8)

# 5: progress counters without tqdm
C5_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)
            self.n_calls = 0
            self.n_images = 0

        def forward(self, x):
            self.n_calls += 1
            self.n_images += x.shape[0]
            print(f"\\rforward #{self.n_calls}: {self.n_images} images so far, batch mean {x.mean().item():.3f}",
                  end="", flush=True)
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            return self.fc(x.view(x.size(0), -1))
    ''')
C5_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.net = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                     conv_block(3, 3), conv_block(3, 3), nn.Flatten(), nn.Linear(49152, 1))
            self.batches = 0

        def forward(self, x):
            self.batches += 1
            out = self.net(x)
            done = "#" * min(self.batches, 20)
            print(f"[{done:<20}] batch {self.batches}, mean prediction {out.mean().item():+.4f}")
            return out
    ''')
case("r23_nb_progress_counters_without_tqdm", tool="vscode", q7=C5_Q7, q8=C5_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# 6: feature maps stored as numpy for plt.imshow / a histogram
C6_Q7 = "import matplotlib.pyplot as plt\n" + IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=(3, 3), padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=(3, 3), padding=1)
            self.pool = nn.MaxPool2d((2, 2))
            self.fc = nn.Linear(1250, 1)
            self.feature_maps = {}

        def forward(self, x):
            x = F.relu(self.conv1(x))
            self.feature_maps["conv1"] = x.detach().cpu().numpy()
            x = self.pool(x)
            x = F.relu(self.conv2(x))
            self.feature_maps["conv2"] = x.detach().cpu().numpy()
            x = self.pool(x)
            return self.fc(torch.flatten(x, 1))
    ''')
C6_PLOT = d('''
    model = CNN()
    model(torch.rand(1, 1, 100, 100))
    fig, axes = plt.subplots(1, 5, figsize=(15, 3))
    for ax, (name, c) in zip(axes, [("conv1", 0), ("conv1", 1), ("conv1", 2), ("conv2", 0), ("conv2", 1)]):
        ax.imshow(model.feature_maps[name][0, c], cmap="gray")
        ax.set_title(f"{name} channel {c}")
    plt.show()
    ''')
C6_Q8 = "import numpy as np\n" + IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)
            self.activations = []

        def forward(self, x):
            self.activations = []
            for block in self.blocks:
                x = block(x)
                self.activations.append(x.detach().cpu().numpy().ravel())
            return self.fc(x.flatten(1))
    ''')
C6_HIST = d('''
    net = ConvNet(3)
    net(torch.rand(2, 3, 128, 128))
    plt.figure(figsize=(8, 3))
    for i, a in enumerate(net.activations):
        plt.hist(a, bins=50, alpha=0.5, label=f"block {i + 1} ({np.mean(a == 0):.0%} zeros)")
    plt.legend()
    plt.show()
    ''')
case("r23_nb_feature_maps_numpy_for_imshow_and_hist", tool="lab4", q7=C6_Q7, q8=C6_Q8,
     after={"q7": [C6_PLOT], "q8": [CHECK_Q8, C6_HIST]})

# 7: logging.debug with %s and abs().max().item()
C7_Q7 = "import logging\n\n" + IMPORTS + "\n" + d('''
    logging.basicConfig(level=logging.INFO)
    logger = logging.getLogger("lecture06")


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            )
            self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))

        def forward(self, x):
            for layer in self.features:
                x = layer(x)
                logging.debug("%s -> %s, max |x| %s", layer, tuple(x.shape), x.abs().max().item())
            out = self.classifier(x)
            logger.debug("output range [%.3f, %.3f]", out.min().item(), out.max().item())
            return out
    ''')
C7_Q8 = "import logging\n\n" + IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    log = logging.getLogger(__name__)


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.body = nn.Sequential(*[conv_block(input_channels if i == 0 else 3, 3) for i in range(5)])
            self.head = nn.Linear(49152, 1)

        def forward(self, x):
            z = self.body(x)
            log.info("features: mean=%.4f max=%.4f", z.mean().item(), z.abs().max().item())
            return self.head(z.flatten(1))
    ''')
case("r23_py_logging_debug_abs_max_item", tool="nbconvert", q7=C7_Q7, q8=C7_Q8)

# 8: f-strings formatting tensors (norm, mean) without .item()
C8_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool1 = nn.MaxPool2d(2)
            self.pool2 = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = self.pool1(F.relu(self.conv1(x)))
            print(f"after block 1: ||x|| = {x.norm():.3f}, mean = {x.mean():.4f}")
            x = self.pool2(F.relu(self.conv2(x)))
            print(f"after block 2: ||x|| = {x.norm():.3f}, mean = {x.mean():.4f}")
            x = self.fc(torch.flatten(x, 1))
            print(f"logits: {x.squeeze(1)}")
            return x
    ''')
C8_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.convs = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                       conv_block(3, 3), conv_block(3, 3))
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            feats = self.convs(x)
            print(f"features {tuple(feats.shape)}: norm {feats.norm():.3f}, max {feats.max():.3f}")
            return self.fc(self.flatten(feats))
    ''')
case("r23_nb_fstring_norm_format_no_item", tool="deepnote", q7=C8_Q7, q8=C8_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# 9: a history of dicts of float(...) statistics, plotted later
C9_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)
            self.history = []

        def forward(self, x):
            a1 = F.max_pool2d(F.relu(self.conv1(x)), 2)
            a2 = F.max_pool2d(F.relu(self.conv2(a1)), 2)
            out = self.fc(a2.flatten(1))
            self.history.append({
                "mean": float(a2.mean()),
                "std": float(a2.std()),
                "max": float(a1.max()),
                "out": float(out.mean()),
            })
            return out
    ''')
C9_Q8 = "from collections import defaultdict\n\n" + IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.ModuleList([conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                         conv_block(3, 3), conv_block(3, 3)])
            self.fc = nn.Linear(49152, 1)
            self.history = defaultdict(list)

        def forward(self, x):
            for i, block in enumerate(self.blocks):
                x = block(x)
                self.history[f"block{i}"].append({"mean": float(x.mean()), "zeros": float((x == 0).float().mean())})
            return self.fc(x.flatten(1))
    ''')
C9_PLOT = d('''
    import matplotlib.pyplot as plt

    net = ConvNet(1)
    for _ in range(3):
        net(torch.randn(2, 1, 128, 128))
    for k, v in net.history.items():
        plt.plot([h["mean"] for h in v], label=k)
    plt.legend()
    plt.show()
    ''')
case("r23_py_history_of_float_stats_dicts", tool="percent", q7=C9_Q7, q8=C9_Q8, after={"q8": [C9_PLOT]})

# 10: dead-ReLU fraction printed
C10_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1)
            self.relu1 = nn.ReLU()
            self.pool1 = nn.MaxPool2d((2, 2))
            self.conv2 = nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1)
            self.relu2 = nn.ReLU()
            self.pool2 = nn.MaxPool2d((2, 2))
            self.flatten = nn.Flatten()
            self.linear = nn.Linear(1250, 1)

        def forward(self, x):
            x = self.relu1(self.conv1(x))
            alive = (x > 0).float().mean().item()
            print(f"relu1: {alive:.1%} active, {1 - alive:.1%} dead")
            x = self.pool1(x)
            x = self.relu2(self.conv2(x))
            alive = (x > 0).float().mean().item()
            print(f"relu2: {alive:.1%} active, {1 - alive:.1%} dead")
            x = self.pool2(x)
            return self.linear(self.flatten(x))
    ''')
C10_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.main = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                      conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            dead = []
            for block in self.main:
                x = block(x)
                dead.append(round(1 - (x > 0).float().mean().item(), 3))
            print("dead-ReLU fraction per block:", dead)
            return self.fc(torch.flatten(x, start_dim=1))
    ''')
case("r23_nb_dead_relu_fraction_printed", q7=C10_Q7, q8=C10_Q8, after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# 11: set_printoptions then print a corner of the feature map
C11_Q7 = IMPORTS + "\ntorch.set_printoptions(precision=3)\n\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = self.conv1(x)
            print("conv1 corner:\\n", x[0, 0, :2, :2])
            x = self.pool(F.relu(x))
            print("pool1 corner:\\n", x[0, 0, :2, :2])
            x = self.pool(F.relu(self.conv2(x)))
            print("pool2 corner:\\n", x[0, 0, :2, :2])
            return self.fc(x.flatten(1))
    ''')
C11_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            x = self.blocks(x)
            torch.set_printoptions(precision=2, sci_mode=False)
            print(x[0, :, :2, :2])
            print(x[0].amax(dim=(1, 2)))
            torch.set_printoptions(profile="default")
            return self.fc(x.flatten(1))
    ''')
case("r23_py_set_printoptions_print_corner", tool="plain", q7=C11_Q7, q8=C11_Q8)

# 12: print the conv weights' abs max every call
C12_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            print("max |w| conv1:", self.conv1.weight.abs().max().item(),
                  "conv2:", self.conv2.weight.abs().max().item())
            x = F.max_pool2d(F.relu(self.conv1(x)), kernel_size=2)
            x = F.max_pool2d(F.relu(self.conv2(x)), kernel_size=2)
            return self.fc(x.flatten(1))
    ''')
C12_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            print("first conv max |w| =", self.blocks[0][0].weight.abs().max().item(),
                  "| fc max |w| =", self.fc.weight.abs().max().item())
            return self.fc(self.blocks(x).flatten(1))
    ''')
case("r23_nb_weight_abs_max_item_every_call", tool="colab", q7=C12_Q7, q8=C12_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# 13: a debug flag, default False
C13_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self, debug=False):
            super().__init__()
            self.debug = debug
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)

        def _show(self, name, x):
            if self.debug:
                print(f"{name:>6}: {tuple(x.shape)} min={x.min().item():.3f} max={x.max().item():.3f}")

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            self._show("block1", x)
            x = self.pool(F.relu(self.conv2(x)))
            self._show("block2", x)
            x = self.fc(torch.flatten(x, 1))
            self._show("out", x)
            return x
    ''')
C13_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels, debug=False):
            super().__init__()
            self.debug = debug
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            x = self.blocks(x)
            if self.debug:
                print("features", x.shape, "mean", x.mean().item(), "zeros", (x == 0).sum().item())
            return self.fc(x.flatten(1))
    ''')
C13_CHECK = d('''
    CNN(debug=True)(torch.rand(2, 1, 100, 100))
    ConvNet(3, debug=True)(torch.rand(2, 3, 128, 128))
    ''')
case("r23_py_debug_flag_default_false", tool="nbconvert", q7=C13_Q7, q8=C13_Q8, after={"q8": [C13_CHECK]})

# 14: a debug flag, default True (a module-level switch)
C14_Q7 = IMPORTS + "\nDEBUG = True\n\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self, debug=DEBUG):
            super().__init__()
            self.debug = debug
            self.model = nn.Sequential(
                nn.Conv2d(1, 3, kernel_size=(3, 3), padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, kernel_size=(3, 3), padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )

        def forward(self, x):
            for layer in self.model:
                x = layer(x)
                if self.debug:
                    print(type(layer).__name__.ljust(10), list(x.shape), round(x.mean().item(), 4))
            return x
    ''')
C14_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels, debug=True):
            super().__init__()
            self.debug = debug
            self.layers = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3), nn.Flatten(), nn.Linear(49152, 1))

        def forward(self, x):
            out = self.layers(x)
            if self.debug:
                print(f"in {tuple(x.shape)} -> out {tuple(out.shape)}, out = {out.detach().flatten().tolist()}")
            return out
    ''')
case("r23_nb_debug_flag_default_true", tool="vscode", q7=C14_Q7, q8=C14_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# 15: @torch.no_grad() summary methods called from forward
C15_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)
            self.last_summary = {}

        @torch.no_grad()
        def summarize(self, name, t):
            self.last_summary[name] = dict(shape=tuple(t.shape), mean=t.mean().item(), std=t.std().item(),
                                           min=t.min().item(), max=t.max().item())

        def forward(self, x):
            self.summarize("input", x)
            x = self.pool(F.relu(self.conv1(x)))
            self.summarize("block1", x)
            x = self.pool(F.relu(self.conv2(x)))
            self.summarize("block2", x)
            return self.fc(x.flatten(1))
    ''')
C15_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        @torch.no_grad()
        def report(self, feats, out):
            print(f"features: {feats.abs().mean().item():.4f} | output: {out.squeeze(-1).tolist()}")

        def forward(self, x):
            feats = self.blocks(x)
            out = self.fc(feats.flatten(1))
            self.report(feats, out)
            return out
    ''')
case("r23_py_no_grad_summary_methods_from_forward", tool="plain", q7=C15_Q7, q8=C15_Q8)

# 16: training-step counter printing every 100 steps, train() override logging weight norms
C16_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)
            self.steps = 0

        def train(self, mode=True):
            norms = {n: round(p.norm().item(), 3) for n, p in self.named_parameters() if n.endswith("weight")}
            print("train" if mode else "eval", "| weight norms:", norms)
            return super().train(mode)

        def forward(self, x):
            if self.training:
                self.steps += 1
                if self.steps % 100 == 0:
                    print(f"step {self.steps}: batch {tuple(x.shape)}, input mean {x.mean().item():.3f}")
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(x.flatten(1))
    ''')
C16_Q8 = "import logging\n\n" + IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)
            self.steps = 0

        def train(self, mode: bool = True):
            logging.info("ConvNet.train(%s): conv norms %s", mode,
                         [f"{b[0].weight.norm():.3f}" for b in self.blocks])
            return super().train(mode)

        def forward(self, x):
            out = self.fc(self.blocks(x).flatten(1))
            if self.training:
                self.steps += 1
                if self.steps % 100 == 0:
                    print(f"step {self.steps}: mean output {out.mean().item():.4f}")
            return out
    ''')
C16_LOOP = d('''
    net = CNN()
    opt = torch.optim.SGD(net.parameters(), lr=0.01)
    net.train()
    for step in range(3):
        x, y = torch.rand(4, 1, 100, 100), torch.rand(4, 1)
        loss = F.mse_loss(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    net.eval()
    ''')
case("r23_nb_step_counter_every_100_train_override_norms", tool="lab4", q7=C16_Q7, q8=C16_Q8,
     after={"q7": [C16_LOOP], "q8": [CHECK_Q8]})

# 17: extra_repr with weight norms + per-forward activation print
C17_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)

        def extra_repr(self):
            return ", ".join(f"|{n}|={p.norm().item():.3f}" for n, p in self.named_parameters() if "weight" in n)

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            print(self.extra_repr(), "| activation norm", x.norm().item())
            return self.fc(x.flatten(1))
    ''')
C17_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.input_channels = input_channels
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        def extra_repr(self):
            norms = [f"{blk[0].weight.norm().item():.2f}" for blk in self.blocks]
            return f"input_channels={self.input_channels}, conv weight norms={norms}"

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))
    ''')
case("r23_py_extra_repr_weight_norms_printed_in_forward", tool="percent", q7=C17_Q7, q8=C17_Q8,
     after={"q8": ["print(ConvNet(1))\n"]})

# 18: forward hooks recording output.abs().mean().item() per layer name in a dict
C18_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.relu1 = nn.ReLU()
            self.pool1 = nn.MaxPool2d(2)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.relu2 = nn.ReLU()
            self.pool2 = nn.MaxPool2d(2)
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(1250, 1)
            self.act_stats = {}
            for name, module in self.named_children():
                module.register_forward_hook(self._record(name))

        def _record(self, name):
            def hook(module, inputs, output):
                self.act_stats[name] = output.abs().mean().item()
            return hook

        def forward(self, x):
            x = self.pool1(self.relu1(self.conv1(x)))
            x = self.pool2(self.relu2(self.conv2(x)))
            return self.fc(self.flatten(x))
    ''')
C18_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.net = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                     conv_block(3, 3), conv_block(3, 3), nn.Flatten(), nn.Linear(49152, 1))
            self.stats = {}
            for name, m in self.net.named_modules():
                if isinstance(m, (nn.Conv2d, nn.ReLU, nn.Linear)):
                    m.register_forward_hook(lambda mod, inp, out, name=name: self.stats.__setitem__(
                        name, out.detach().abs().mean().item()))

        def forward(self, x):
            return self.net(x)
    ''')
C18_SHOW = d('''
    m = CNN()
    m(torch.rand(3, 1, 100, 100))
    for k, v in m.act_stats.items():
        print(f"{k:8s} {v:.4f}")
    ''')
case("r23_nb_forward_hooks_abs_mean_dict_per_layer", tool="deepnote", q7=C18_Q7, q8=C18_Q8,
     after={"q7": [C18_SHOW], "q8": [CHECK_Q8 + "print(net.stats)\n"]})

# 19: forward pre-hooks checking and printing the input of each layer
C19_Q7 = IMPORTS + "\n\n" + d('''
    def shape_check(module, args):
        (x,) = args
        print(f"{module.__class__.__name__} gets {tuple(x.shape)}, range [{x.min().item():.2f}, {x.max().item():.2f}]")
        assert torch.isfinite(x).all(), f"bad input to {module}"


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)
            for layer in (self.conv1, self.conv2, self.fc):
                layer.register_forward_pre_hook(shape_check)

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(torch.flatten(x, 1))
    ''')
C19_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)
            self.fc.register_forward_pre_hook(self._check_fc_input)

        @staticmethod
        def _check_fc_input(module, args):
            x = args[0]
            if x.shape[1] != module.in_features:
                raise ValueError(f"fc expects {module.in_features} features, got {x.shape[1]}")
            if torch.isnan(x).any():
                raise ValueError("NaN going into fc")

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))
    ''')
case("r23_py_forward_pre_hooks_check_inputs", tool="nbconvert", q7=C19_Q7, q8=C19_Q8)

# 20: conv_block with a forward hook printing the block's output statistics
C20_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.block1 = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.block2 = nn.Sequential(nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.head = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))
            self.block1.register_forward_hook(lambda m, i, o: print("block1", o.shape, o.std().item()))
            self.block2.register_forward_hook(lambda m, i, o: print("block2", o.shape, o.std().item()))

        def forward(self, x):
            return self.head(self.block2(self.block1(x)))
    ''')
C20_Q8 = IMPORTS + "\n\n" + d('''
    def print_stats(module, inputs, output):
        x = output.detach()
        print(f"conv_block {inputs[0].shape[1]}->{x.shape[1]}: mean {x.mean().item():.3f}, "
              f"{(x > 0).float().mean().item():.0%} positive")


    def conv_block(input_channels, output_channels):
        block = nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())
        block.register_forward_hook(print_stats)
        return block


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.layers = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3), nn.Flatten(), nn.Linear(49152, 1))

        def forward(self, x):
            return self.layers(x)
    ''')
case("r23_nb_conv_block_with_print_hook", tool="jupyter", q7=C20_Q7, q8=C20_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# 21: everything a careful student adds at once
C21_Q7 = "import logging\nimport warnings\n\n" + IMPORTS + "\n" + d('''
    log = logging.getLogger("cnn")


    class CNN(nn.Module):
        def __init__(self, verbose=True):
            super().__init__()
            self.verbose = verbose
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.pool1 = nn.MaxPool2d(2)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool2 = nn.MaxPool2d(2)
            self.fc = nn.Linear(2 * 25 * 25, 1)
            self.calls = 0

        def forward(self, x):
            assert x.ndim == 4, f"expected (N, 1, 100, 100), got {tuple(x.shape)}"
            self.calls += 1
            h1 = F.relu(self.conv1(x))
            assert h1.min().item() >= 0.0
            if h1.max().item() == 0.0:
                warnings.warn("conv1 is dead")
            h1 = self.pool1(h1)
            h2 = self.pool2(F.relu(self.conv2(h1)))
            out = self.fc(h2.flatten(1))
            if self.verbose:
                print(f"[{self.calls}] {tuple(x.shape)} -> {tuple(h1.shape)} -> {tuple(h2.shape)} -> {tuple(out.shape)}"
                      f" | conv1 |w|max {self.conv1.weight.abs().max().item():.3f} | out {out.mean().item():.4f}")
            log.debug("activation sums %s %s", h1.sum().item(), h2.sum().item())
            if not torch.isfinite(out).all():
                raise FloatingPointError("non-finite output")
            assert out.shape == (x.shape[0], 1)
            return out
    ''')
C21_Q8 = "import warnings\n\n" + IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels, verbose=True):
            super().__init__()
            self.verbose = verbose
            self.blocks = nn.ModuleList([conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]])
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            n = x.shape[0]
            for i, b in enumerate(self.blocks, 1):
                x = b(x)
                frac = (x > 0).float().mean().item()
                if frac == 0:
                    warnings.warn(f"block {i}: all ReLUs dead")
                if self.verbose:
                    print(f"block {i}: {frac:.2f} alive, max {x.max().item():.3f}")
            out = self.fc(x.view(n, -1))
            assert out.shape == (n, 1) and torch.isfinite(out).all()
            return out
    ''')
case("r23_py_everything_at_once_careful_student", tool="plain", q7=C21_Q7, q8=C21_Q8)

# 22: numpy copies of activations inspected with numpy (np.percentile, np.count_nonzero)
C22_Q7 = "import numpy as np\n" + IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.Sequential(
                nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(),
                nn.Linear(1250, 1),
            )

        def forward(self, x):
            for i, layer in enumerate(self.layers):
                x = layer(x)
                if isinstance(layer, nn.ReLU):
                    a = x.detach().numpy()
                    print(f"layer {i}: 99th percentile {np.percentile(a, 99):.3f}, "
                          f"{np.count_nonzero(a)} / {a.size} non-zero")
            return x
    ''')
C22_Q8 = "import numpy as np\n" + IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)
            self.last_features = None

        def forward(self, x):
            x = self.blocks(x)
            self.last_features = x.detach().cpu().numpy()
            assert np.all(self.last_features >= 0)
            return self.fc(x.flatten(1))
    ''')
case("r23_nb_numpy_percentile_of_activations", tool="colab", q7=C22_Q7, q8=C22_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})


# =========================================================================================================
# Isolation copies: the plain template with one construct added (scripts, not corpus files)
# =========================================================================================================
def _stable_ids(path: Path) -> None:
    nb = nbformat.read(str(path), as_version=4)
    for i, cell in enumerate(nb.cells):
        cell.id = f"r23-{i:03d}"
        if cell.cell_type == "markdown" and "id" in cell.metadata:
            cell.metadata["id"] = f"m{i:07x}"
        if cell.cell_type == "markdown" and "cell_id" in cell.metadata:   # deepnote's (from hash(): not stable)
            cell.metadata["cell_id"] = f"md-{i:08x}"
    nbformat.write(nb, str(path))


def indent(src, n=4):
    return "".join(" " * n + line + "\n" if line else "\n" for line in d(src).splitlines())


ISO: dict[str, dict] = {}

ISO_CNN = "import warnings\nimport logging\nimport numpy as np\n" + IMPORTS + "\n\n" + d("""
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)
    @INIT@

        def forward(self, x):
    @PRE@
            x = F.relu(self.conv1(x))
    @MID@
            x = F.max_pool2d(x, 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            out = self.fc(x.flatten(1))
    @POST@
            return out
    """)


def _fill(src, **parts):
    for key, val in parts.items():
        src = src.replace(f"@{key.upper()}@", indent(val, 8).rstrip("\n") if val else "")
    return "\n".join(line for line in src.splitlines() if line.strip() != "")


def iso7(pre="", mid="", post="", init=""):
    src = _fill(ISO_CNN, init=init, pre=pre, mid=mid, post=post)
    return {"q7": src.replace("\nclass", "\n\n\nclass").replace("\n    def forward", "\n\n    def forward") + "\n"}


ISO_CONVNET = "import warnings\nimport numpy as np\n" + IMPORTS + "\n\n" + BLOCK + "\n\n" + d("""
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)
    @INIT@

        def forward(self, x):
    @PRE@
            x = self.blocks(x)
    @MID@
            out = self.fc(x.flatten(1))
    @POST@
            return out
    """)


def iso8(pre="", mid="", post="", init=""):
    src = _fill(ISO_CONVNET, init=init, pre=pre, mid=mid, post=post)
    return {"q8": src.replace("\ndef ", "\n\n\ndef ").replace("\nclass", "\n\n\nclass")
            .replace("\n    def forward", "\n\n    def forward") + "\n"}


ISO["iso_plain_template"] = {**iso7(), **iso8()}
ISO.update({
    # the lambda forward hook of r23_nb_forward_hooks_abs_mean_dict_per_layer (q8), alone
    "iso_q8_hook_lambda_dunder_setitem_item": iso8(init=(
        "self.stats = {}\n"
        "for name, m in self.blocks.named_modules():\n"
        "    if isinstance(m, nn.Conv2d):\n"
        "        m.register_forward_hook(lambda mod, inp, out, name=name: self.stats.__setitem__(\n"
        "            name, out.detach().abs().mean().item()))")),
    # the same, keeping a tensor (no .item())
    "iso_q8_hook_lambda_dunder_setitem_tensor": iso8(init=(
        "self.stats = {}\n"
        "for name, m in self.blocks.named_modules():\n"
        "    if isinstance(m, nn.Conv2d):\n"
        "        m.register_forward_hook(lambda mod, inp, out, name=name: self.stats.__setitem__(name, out.detach()))")),
    # the same hook written as a def with a subscript assignment (control)
    "iso_q8_hook_def_subscript_assign_item": iso8(init=(
        "self.stats = {}\n"
        "def make_hook(name):\n"
        "    def hook(mod, inp, out):\n"
        "        self.stats[name] = out.detach().abs().mean().item()\n"
        "    return hook\n"
        "for name, m in self.blocks.named_modules():\n"
        "    if isinstance(m, nn.Conv2d):\n"
        "        m.register_forward_hook(make_hook(name))")),
    # the same hook as a lambda with dict.update (no dunder)
    "iso_q8_hook_lambda_dict_update_item": iso8(init=(
        "self.stats = {}\n"
        "for name, m in self.blocks.named_modules():\n"
        "    if isinstance(m, nn.Conv2d):\n"
        "        m.register_forward_hook(lambda mod, inp, out, name=name: self.stats.update(\n"
        "            {name: out.detach().abs().mean().item()}))")),
    # __setitem__ called in forward, with a plain int (no tensor value)
    "iso_q7_forward_dunder_setitem_int": iso7(init="self.stats = {}", pre='self.stats.__setitem__("batch", x.shape[0])'),
    # __setitem__ on a dict at module level, outside any model (in q7's cell, before the class)
    "iso_q7_module_level_dunder_setitem": {"q7": iso7()["q7"].replace(
        "\n\n\nclass CNN", '\nconfig = {}\nconfig.__setitem__("lr", 0.01)\n\n\nclass CNN')},
})

ISO.update({
    # probes at the edge of "varied, not refused": a data-dependent branch that would change the computation
    "iso_q7_nan_guard_returns_zeros": iso7(post=(
        "if torch.isnan(out).any():\n"
        "    warnings.warn('NaN output, returning zeros')\n"
        "    return torch.zeros_like(out)")),
    "iso_q7_clamp_if_negative_after_relu": iso7(mid="if x.min() < 0:\n    x = x.clamp(min=0)"),
    # a data-dependent print only (control for the two above)
    "iso_q7_dead_relu_branch_print_only": iso7(mid=(
        "if (x > 0).float().mean().item() < 0.5:\n    print('more than half dead')\nelse:\n    print('ok')")),
})

ISO.update({
    # how far the explicit-dunder rule reaches: old-style explicit base __init__ call; dunder attributes read
    "iso_q7_explicit_module_init_call": {"q7": iso7()["q7"].replace("super().__init__()", "nn.Module.__init__(self)")},
    "iso_q7_print_class_name_dunder_attribute": iso7(pre="print(self.__class__.__name__, x.shape)"),
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
    for old in HERE.glob("r23_*"):
        old.unlink()
    for name, spec in CASES.items():
        if name.startswith("r23_nb_"):
            write_notebook(name, spec)
            _stable_ids(HERE / f"{name}.ipynb")
        else:
            write_script(name, spec)
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()

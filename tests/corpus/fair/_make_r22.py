"""Round 22 of the fairness corpus: correct models that look at their own weights; correct hand-written q6.

Each case is round 8's plain answers (``_make_r8.PLAIN``, round 8's writers, as ``_make_r21.py`` uses them) with
some answers replaced:

- Focus A (``r22_*_selfcheck_*`` / ``*_weights_*``): q7 ``CNN`` and q8 ``ConvNet`` compute the prompt's network
  with the prompt's layers, and in ``__init__`` / ``forward`` also *read* their own parameters as careful or
  debugging students do: ``assert torch.isfinite(p).all()``, ``torch.isnan(...).any()``, printing or logging
  ``weight.norm().item()`` / ``.mean()`` / ``.std()`` / ``.abs().max()`` (every call or every N calls), a step
  counter ``if self.training``, a ``train(mode)`` override, statistics kept in a dict, ``parameters_to_vector``,
  ``nn.init`` in ``__init__`` and ``reset_parameters`` overrides, ``@torch.no_grad()`` summary helpers,
  ``extra_repr`` / ``summary()``, parameter counts printed in ``__init__``, forward hooks printing activation
  means, an anomaly-detection guard, a call counter buffer.
- Focus B (``r22_*_q6_*``): q6's ``conv2d`` / ``max_pool2d`` by hand in styles that look like torch's own:
  helpers named ``conv`` / ``convolve`` / ``_conv2d`` / ``pool``, a ``Conv2dByHand`` class with ``__call__``,
  numpy's ``sliding_window_view``, ``as_strided``, ``F.pad`` / ``torch.nn.functional.pad``, ``F.unfold``,
  ``einsum``, recursion, list comprehensions, a self-check against ``F.conv2d`` after it, docstrings quoting
  ``F.conv2d``, a first draft calling ``F.conv2d`` then replaced, pooling via ``unfold().max(-1)``.

    python tests/corpus/fair/_make_r22.py                        # rewrites tests/corpus/fair/r22_*
    python tests/corpus/fair/_make_r22.py --iso /tmp/fair22/iso  # isolation copies (scripts, not corpus files)
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from _make_r8 import PLAIN, QUESTIONS, d, write_notebook, write_script  # noqa: E402

CASES: dict[str, dict] = {}


def case(name, *, tool="jupyter", q6=None, q7=None, q8=None, before=None, after=None, extra=None):
    answers = {}
    for q, src in (("q6", q6), ("q7", q7), ("q8", q8)):
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

CHECK_Q6 = d('''
    # compare with PyTorch on random inputs
    import torch.nn.functional as F
    for (h, w), (kh, kw), s, p in [((5, 5), (3, 3), 1, 0), ((7, 6), (2, 3), 2, 1), ((9, 9), (3, 1), 3, 2)]:
        x, k = torch.randn(h, w), torch.randn(kh, kw)
        assert torch.allclose(conv2d(x, k, stride=s, padding=p),
                              F.conv2d(x[None, None], k[None, None], stride=s, padding=p)[0, 0], atol=1e-5)
    for k in (2, 3):
        x = torch.randn(7, 8)
        assert torch.equal(max_pool2d(x, k), F.max_pool2d(x[None], k)[0])
    print("q6 ok")
    ''')

Q6_OUT = "q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])\n"

# =========================================================================================================
# Focus A: q7 / q8 models that look at their own weights
# =========================================================================================================

# A1: finiteness asserts in forward
A1_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(2 * 25 * 25, 1)

        def forward(self, x):
            # my loss went to nan once: make sure it is not the weights
            for name, p in self.named_parameters():
                assert torch.isfinite(p).all(), f"{name} has inf/nan"
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            x = torch.flatten(x, 1)
            out = self.fc(x)
            assert not torch.isnan(out).any()
            return out
    ''')
A1_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.features = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                          conv_block(3, 3), conv_block(3, 3))
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            assert not torch.isnan(self.fc.weight).any(), "fc weight is nan"
            assert all(torch.isfinite(blk[0].weight).all() for blk in self.features)
            return self.fc(self.flatten(self.features(x)))
    ''')
case("r22_nb_weights_isfinite_asserts_in_forward", q7=A1_Q7, q8=A1_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# A2: print weight statistics every N calls
A2_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        PRINT_EVERY = 50

        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)
            self.calls = 0

        def forward(self, x):
            if self.calls % self.PRINT_EVERY == 0:
                w = self.conv1.weight
                print(f"call {self.calls}: conv1 |w|={w.norm().item():.4f} mean={w.mean().item():.4f} "
                      f"std={w.std().item():.4f} max|w|={w.abs().max().item():.4f}")
            self.calls += 1
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(x.flatten(1))
    ''')
A2_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(*[conv_block(input_channels if i == 0 else 3, 3) for i in range(5)])
            self.fc = nn.Linear(3 * 128 * 128, 1)
            self.n_forward = 0

        def forward(self, x):
            self.n_forward += 1
            if self.n_forward % 100 == 1:
                norms = [round(b[0].weight.norm().item(), 3) for b in self.blocks]
                print("conv weight norms:", norms, "fc:", round(self.fc.weight.norm().item(), 3))
            x = self.blocks(x)
            return self.fc(x.view(x.size(0), -1))
    ''')
case("r22_py_weights_print_stats_every_n_calls", tool="plain", q7=A2_Q7, q8=A2_Q8)

# A3: training-step counter and a train() override that prints
A3_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.Sequential(
                nn.Conv2d(1, 3, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )
            self.step = 0

        def train(self, mode=True):
            print("CNN ->", "train" if mode else "eval", "mode; conv1 weight mean",
                  self.layers[0].weight.mean().item())
            return super().train(mode)

        def forward(self, x):
            if self.training:
                self.step += 1
            return self.layers(x)
    ''')
A3_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.body = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                      conv_block(3, 3), conv_block(3, 3), nn.Flatten())
            self.head = nn.Linear(49152, 1)
            self.step = 0

        def train(self, mode: bool = True):
            out = super().train(mode)
            print(f"ConvNet.train({mode}); head weight std = {self.head.weight.std().item():.5f}")
            return out

        def forward(self, x):
            if self.training:
                self.step += 1
                if self.step % 10 == 0:
                    print("step", self.step, "head |w|", self.head.weight.norm().item())
            return self.head(self.body(x))
    ''')
case("r22_nb_weights_train_override_and_step_counter", tool="colab", q7=A3_Q7, q8=A3_Q8,
     after={"q7": [d('''
         model = CNN()
         model.eval()
         with torch.no_grad():
             print(model(torch.rand(1, 1, 100, 100)))
         model.train()
         ''')]})

# A4: weight statistics stored in a dict (for a later plot)
A4_Q7 = IMPORTS + "from collections import defaultdict\n\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(1250, 1)
            self.history = defaultdict(list)   # for plotting the weights over training

        def forward(self, x):
            for name in ("conv1", "conv2", "fc"):
                w = getattr(self, name).weight.detach()
                self.history[name + "_norm"].append(w.norm().item())
                self.history[name + "_mean"].append(w.mean().item())
            x = self.pool(torch.relu(self.conv1(x)))
            x = self.pool(torch.relu(self.conv2(x)))
            return self.fc(self.flatten(x))
    ''')
A4_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(49152, 1)
            self.stats = {}

        def forward(self, x):
            for i, block in enumerate(self.blocks):
                w = block[0].weight
                self.stats.setdefault(f"block{i}", []).append((w.min().item(), w.max().item()))
                x = block(x)
            return self.fc(x.flatten(start_dim=1))
    ''')
case("r22_py_weights_stats_dict_for_plot", tool="percent", q7=A4_Q7, q8=A4_Q8,
     after={"q7": [d('''
         import matplotlib.pyplot as plt
         m = CNN()
         for _ in range(3):
             m(torch.rand(4, 1, 100, 100))
         plt.plot(m.history["conv1_norm"])
         ''')]})

# A5: parameters_to_vector for a norm print (first call only)
A5_Q7 = IMPORTS + "from torch.nn.utils import parameters_to_vector\n\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)
            self._printed = False

        def forward(self, x):
            if not self._printed:
                flat = parameters_to_vector(self.parameters())
                print(f"{flat.numel()} parameters, total norm {flat.norm().item():.3f}")
                self._printed = True
            x = F.max_pool2d(F.relu(self.conv1(x)), kernel_size=2)
            x = F.max_pool2d(F.relu(self.conv2(x)), kernel_size=2)
            return self.fc(x.reshape(x.shape[0], -1))
    ''')
A5_Q8 = IMPORTS + "from torch.nn.utils import parameters_to_vector\n\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.conv = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                      conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            vec = parameters_to_vector(self.conv.parameters())
            if not torch.isfinite(vec).all():
                raise FloatingPointError("conv weights blew up")
            return self.fc(torch.flatten(self.conv(x), 1))
    ''')
case("r22_nb_weights_parameters_to_vector_norm", tool="vscode", q7=A5_Q7, q8=A5_Q8,
     after={"q7": [CHECK_Q7]})

# A6: own initialisation (kaiming / xavier / zero biases) and reset_parameters overrides
A6_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        """The pooled CNN; I initialise it myself (He init for the ReLU convs, Xavier for the head)."""

        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)
            self.reset_parameters()

        def reset_parameters(self):
            for conv in (self.conv1, self.conv2):
                nn.init.kaiming_uniform_(conv.weight, nonlinearity="relu")
                nn.init.zeros_(conv.bias)
            nn.init.xavier_normal_(self.fc.weight)
            nn.init.zeros_(self.fc.bias)

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(torch.flatten(x, 1))
    ''')
A6_Q8 = IMPORTS + "import math\n\n\n" + d('''
    class HeConv2d(nn.Conv2d):
        """Conv2d with He (kaiming) initialisation and zero bias."""

        def reset_parameters(self):
            nn.init.kaiming_normal_(self.weight, mode="fan_in", nonlinearity="relu")
            if self.bias is not None:
                nn.init.zeros_(self.bias)


    def conv_block(input_channels, output_channels):
        return nn.Sequential(HeConv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)
            bound = 1 / math.sqrt(49152)
            nn.init.uniform_(self.fc.weight, -bound, bound)
            nn.init.constant_(self.fc.bias, 0.0)

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))
    ''')
case("r22_py_weights_kaiming_xavier_zero_bias_reset_parameters", tool="nbconvert", q7=A6_Q7, q8=A6_Q8)

# A7: @torch.no_grad() helper computing a weight summary, called in forward
A7_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self, verbose=False):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)
            self.verbose = verbose
            self.last_summary = None

        @torch.no_grad()
        def weight_summary(self):
            return {name: (p.mean().item(), p.std().item() if p.numel() > 1 else 0.0)
                    for name, p in self.named_parameters()}

        def forward(self, x):
            self.last_summary = self.weight_summary()
            if self.verbose:
                print(self.last_summary)
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(x.flatten(1))
    ''')
A7_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        @torch.no_grad()
        def max_abs_weight(self):
            return max(p.abs().max().item() for p in self.parameters())

        def forward(self, x):
            if self.max_abs_weight() > 1e3:
                print("warning: very large weights")
            return self.fc(torch.flatten(self.blocks(x), 1))
    ''')
case("r22_nb_weights_no_grad_summary_helper_in_forward", tool="lab4", q7=A7_Q7, q8=A7_Q8,
     after={"q7": [d('''
         m = CNN(verbose=True)
         _ = m(torch.rand(1, 1, 100, 100))
         ''')]})

# A8: extra_repr / __repr__ with weight norms, summary(), parameter count printed in __init__
A8_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)
            self.n_params = sum(p.numel() for p in self.parameters() if p.requires_grad)
            print(f"CNN with {self.n_params} trainable parameters")

        def extra_repr(self):
            return ", ".join(f"|{n}|={p.norm().item():.3f}" for n, p in self.named_parameters() if n.endswith("weight"))

        def summary(self):
            for name, p in self.named_parameters():
                print(f"{name:15s} {str(tuple(p.shape)):15s} {p.numel():6d}  mean={p.mean().item():+.4f}")
            print("total", self.n_params)

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            return self.fc(x.view(-1, 1250))
    ''')
A8_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.input_channels = input_channels
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)
            print("ConvNet parameters:", sum(p.numel() for p in self.parameters()))

        def __repr__(self):
            norms = ", ".join(f"{p.norm().item():.2f}" for p in self.parameters())
            return f"ConvNet(input_channels={self.input_channels}; weight norms: {norms})"

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))
    ''')
case("r22_py_weights_extra_repr_summary_param_count_print", tool="plain", q7=A8_Q7, q8=A8_Q8,
     after={"q7": ["model = CNN()\nprint(model)\nmodel.summary()\n"], "q8": ["print(ConvNet(1))\n"]})

# A9: forward hooks registered in __init__ printing activation means
A9_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self, debug=True):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool1 = nn.MaxPool2d(2)
            self.pool2 = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)
            if debug:
                for name, layer in [("conv1", self.conv1), ("conv2", self.conv2), ("fc", self.fc)]:
                    layer.register_forward_hook(self._make_hook(name))

        @staticmethod
        def _make_hook(name):
            def hook(module, inputs, output):
                print(f"{name}: out mean {output.mean().item():.4f}, weight mean {module.weight.mean().item():.4f}")
            return hook

        def forward(self, x):
            x = self.pool1(F.relu(self.conv1(x)))
            x = self.pool2(F.relu(self.conv2(x)))
            return self.fc(torch.flatten(x, 1))
    ''')
A9_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)
            self.activation_means = {}
            for i, block in enumerate(self.blocks):
                block.register_forward_hook(self._save_mean(f"block{i}"))

        def _save_mean(self, key):
            def hook(module, inp, out):
                self.activation_means[key] = out.detach().mean().item()
            return hook

        def forward(self, x):
            return self.fc(torch.flatten(self.blocks(x), 1))
    ''')
case("r22_nb_weights_forward_hooks_print_means", tool="deepnote", q7=A9_Q7, q8=A9_Q8,
     after={"q8": [CHECK_Q8 + "print(net.activation_means)\n"]})

# A10: anomaly detection guard
A10_Q7 = IMPORTS + "\nDEBUG = True\ntorch.autograd.set_detect_anomaly(DEBUG)\n\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            if torch.is_anomaly_enabled():
                bad = [n for n, p in self.named_parameters() if torch.isnan(p).any() or torch.isinf(p).any()]
                if bad:
                    raise RuntimeError(f"non-finite parameters: {bad}")
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(x.flatten(1))
    ''')
A10_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            with torch.autograd.set_detect_anomaly(DEBUG):
                y = self.fc(self.blocks(x).flatten(1))
            return y
    ''')
case("r22_py_weights_detect_anomaly_guard", tool="percent", q7=A10_Q7, q8=A10_Q8,
     after={"q8": ["torch.autograd.set_detect_anomaly(False)\n"]})

# A11: blocks looped in forward, each conv weight checked and max |w| logged with logging
A11_Q7 = IMPORTS + "import logging\n\nlog = logging.getLogger(\"lecture06\")\n\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(
                nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            )
            self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))

        def forward(self, x):
            for layer in self.features:
                if isinstance(layer, nn.Conv2d):
                    log.debug("%s: max|w| = %.4f, bias = %s", layer, layer.weight.abs().max().item(),
                              layer.bias.detach().tolist())
                x = layer(x)
            return self.classifier(x)
    ''')
A11_Q8 = IMPORTS + "import logging\n\nlog = logging.getLogger(\"lecture06\")\n\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            for i, block in enumerate(self.blocks):
                conv = block[0]
                if not torch.isfinite(conv.weight).all():
                    raise ValueError(f"block {i}: non-finite weights")
                log.info("block %d weight std %.5f", i, conv.weight.std().item())
                x = block(x)
            return self.fc(x.flatten(1))
    ''')
case("r22_nb_weights_logging_abs_max_per_layer", tool="jupyter", q7=A11_Q7, q8=A11_Q8,
     before={"q7": ["import logging\nlogging.basicConfig(level=logging.INFO)\n"]})

# A12: a call counter buffer, .data statistics with numpy, a forward pre-hook asserting finite weights
A12_Q7 = IMPORTS + "import numpy as np\n\n\n" + d('''
    def _check_finite(module, inputs):
        for p in module.parameters(recurse=False):
            assert np.isfinite(p.detach().cpu().numpy()).all()


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.relu1 = nn.ReLU()
            self.pool1 = nn.MaxPool2d(2)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.relu2 = nn.ReLU()
            self.pool2 = nn.MaxPool2d(2)
            self.flat = nn.Flatten()
            self.fc = nn.Linear(1250, 1)
            self.register_buffer("n_calls", torch.zeros((), dtype=torch.long))
            for m in (self.conv1, self.conv2, self.fc):
                m.register_forward_pre_hook(_check_finite)

        def forward(self, x):
            self.n_calls += 1
            if int(self.n_calls) == 1:
                w = self.conv1.weight.data.numpy()
                print("conv1 weights: l2 %.4f, mean %.4f" % (np.linalg.norm(w), w.mean()))
            x = self.pool1(self.relu1(self.conv1(x)))
            x = self.pool2(self.relu2(self.conv2(x)))
            return self.fc(self.flat(x))
    ''')
A12_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)
            self.register_buffer("seen", torch.tensor(0))

        def forward(self, x):
            self.seen += x.shape[0]
            w = self.fc.weight.data
            if w.abs().sum() == 0:
                print("fc weights are all zero!")
            return self.fc(self.blocks(x).flatten(1))
    ''')
case("r22_py_weights_call_counter_buffer_numpy_prehook", tool="nbconvert", q7=A12_Q7, q8=A12_Q8)

# =========================================================================================================
# Focus B: q6 by hand in styles that look like torch's own
# =========================================================================================================

# B1: helpers named conv / pool; F imported at the top and F.pad used for padding
B1_Q6 = IMPORTS + "\n" + Q6_OUT + "\n\n" + d('''
    def conv(window, kernel):
        return (window * kernel).sum()


    def pool(window):
        return window.max()


    def conv2d(image, kernel, stride=1, padding=0):
        x = F.pad(image, (padding, padding, padding, padding))
        kh, kw = kernel.shape
        oh, ow = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = conv(x[i * stride:i * stride + kh, j * stride:j * stride + kw], kernel)
        return out


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        out = torch.empty(image.shape[0] // k, image.shape[1] // k)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = pool(image[i * k:(i + 1) * k, j * k:(j + 1) * k])
        return out
    ''')
case("r22_nb_q6_helpers_conv_pool_f_pad", q6=B1_Q6, after={"q6": [CHECK_Q6]})

# B2: a Conv2dByHand class with __call__
B2_Q6 = "import torch\n\n" + Q6_OUT + "\n\n" + d('''
    class Conv2dByHand:
        """Cross-correlation like torch.nn.functional.conv2d, one output pixel at a time."""

        def __call__(self, image, kernel, stride=1, padding=0):
            image = self.pad(image, padding)
            kh, kw = kernel.shape
            rows = range(0, image.shape[0] - kh + 1, stride)
            cols = range(0, image.shape[1] - kw + 1, stride)
            out = torch.zeros(len(rows), len(cols), dtype=image.dtype)
            for a, i in enumerate(rows):
                for b, j in enumerate(cols):
                    out[a, b] = torch.sum(image[i:i + kh, j:j + kw] * kernel)
            return out

        @staticmethod
        def pad(image, p):
            if p == 0:
                return image
            h, w = image.shape
            big = image.new_zeros(h + 2 * p, w + 2 * p)
            big[p:p + h, p:p + w] = image
            return big


    class MaxPool2dByHand:
        def __call__(self, image, kernel_size=2):
            k = kernel_size
            h, w = image.shape[0] // k * k, image.shape[1] // k * k
            blocks = image[:h, :w].reshape(h // k, k, w // k, k)
            return blocks.amax(dim=(1, 3))


    conv2d = Conv2dByHand()
    max_pool2d = MaxPool2dByHand()
    ''')
case("r22_py_q6_conv2d_by_hand_class_call", tool="plain", q6=B2_Q6)

# B3: numpy's sliding_window_view
B3_Q6 = "import numpy as np\nimport torch\nfrom numpy.lib.stride_tricks import sliding_window_view\n\n" + Q6_OUT + "\n\n" + d('''
    def conv2d(image, kernel, stride=1, padding=0):
        """Same result as torch.nn.functional.conv2d(image[None, None], kernel[None, None], stride, padding)[0, 0]."""
        x = np.pad(image.numpy(), padding)            # zeros on every side
        k = kernel.numpy()
        windows = sliding_window_view(x, k.shape)[::stride, ::stride]
        out = np.einsum("ijkl,kl->ij", windows, k)
        return torch.from_numpy(np.ascontiguousarray(out))


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        windows = sliding_window_view(image.numpy(), (k, k))[::k, ::k]
        return torch.from_numpy(windows.max(axis=(2, 3)).copy())
    ''')
case("r22_nb_q6_numpy_sliding_window_view", tool="colab", q6=B3_Q6, after={"q6": [CHECK_Q6]})

# B4: as_strided windows + einsum
B4_Q6 = "import torch\n\n" + Q6_OUT + "\n\n" + d('''
    def _windows(x, kh, kw, stride):
        """All (kh, kw) windows of a 2-D tensor, stride apart, as a view (no copy)."""
        x = x.contiguous()
        oh = (x.shape[0] - kh) // stride + 1
        ow = (x.shape[1] - kw) // stride + 1
        s0, s1 = x.stride()
        return x.as_strided((oh, ow, kh, kw), (s0 * stride, s1 * stride, s0, s1))


    def _conv2d(image, kernel, stride, padding):
        if padding:
            image = torch.nn.functional.pad(image, [padding] * 4)
        return torch.einsum("ijkl,kl->ij", _windows(image, *kernel.shape, stride), kernel)


    def conv2d(image, kernel, stride=1, padding=0):
        return _conv2d(image, kernel, stride, padding)


    def max_pool2d(image, kernel_size=2):
        return _windows(image, kernel_size, kernel_size, kernel_size).amax(dim=(-2, -1))
    ''')
case("r22_py_q6_as_strided_einsum_functional_pad", tool="percent", q6=B4_Q6)

# B5: F.unfold im2col; pooling via F.unfold(...).max(-1)
B5_Q6 = IMPORTS + "\n" + Q6_OUT + "\n\n" + d('''
    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        cols = F.unfold(image[None, None], (kh, kw), padding=padding, stride=stride)   # (1, kh*kw, L)
        oh = (h + 2 * padding - kh) // stride + 1
        ow = (w + 2 * padding - kw) // stride + 1
        return (kernel.reshape(1, -1) @ cols[0]).reshape(oh, ow)


    def max_pool2d(image, kernel_size=2):
        h, w = image.shape
        k = kernel_size
        cols = F.unfold(image[None, None], k, stride=k)[0]       # (k*k, L)
        return cols.transpose(0, 1).max(-1).values.reshape(h // k, w // k)
    ''')
case("r22_nb_q6_f_unfold_im2col_and_unfold_max", tool="vscode", q6=B5_Q6, after={"q6": [CHECK_Q6]})

# B6: recursion, type hints, docstrings quoting F.conv2d
B6_Q6 = "import torch\nfrom torch import Tensor\n\n" + Q6_OUT + "\n\n" + d('''
    def _pad(x: Tensor, p: int) -> Tensor:
        """Add p zeros on every side (what F.conv2d's padding=p does)."""
        if p == 0:
            return x
        zc = torch.zeros(x.shape[0], 1, dtype=x.dtype)
        x = torch.cat([zc, x, zc], dim=1)
        zr = torch.zeros(1, x.shape[1], dtype=x.dtype)
        return _pad(torch.cat([zr, x, zr], dim=0), p - 1)


    def _rows(x: Tensor, kernel: Tensor, stride: int, i: int) -> list:
        """Output rows from input row i on, recursively."""
        kh, kw = kernel.shape
        if i + kh > x.shape[0]:
            return []
        row = [(x[i:i + kh, j:j + kw] * kernel).sum() for j in range(0, x.shape[1] - kw + 1, stride)]
        return [torch.stack(row)] + _rows(x, kernel, stride, i + stride)


    def conv2d(image: Tensor, kernel: Tensor, stride: int = 1, padding: int = 0) -> Tensor:
        """Equivalent to ``F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]``.

        >>> conv2d(torch.ones(4, 4), torch.ones(3, 3))
        tensor([[9., 9.],
                [9., 9.]])
        """
        return torch.stack(_rows(_pad(image, padding), kernel, stride, 0))


    def max_pool2d(image: Tensor, kernel_size: int = 2) -> Tensor:
        """Equivalent to ``F.max_pool2d(image[None], kernel_size)[0]`` (non-overlapping blocks, rest dropped)."""
        k = kernel_size
        if image.shape[0] < k:
            return image.new_zeros(0, image.shape[1] // k)
        first = torch.stack([image[:k, j:j + k].max() for j in range(0, image.shape[1] - k + 1, k)])
        rest = max_pool2d(image[k:], k)
        return torch.cat([first[None], rest]) if rest.numel() else first[None]
    ''')
case("r22_py_q6_recursive_type_hints_docstring_f_conv2d", tool="nbconvert", q6=B6_Q6)

# B7: list comprehensions; a self-check cell with F.conv2d after it
B7_Q6 = "import torch\n\n" + Q6_OUT + "\n\n" + d('''
    def conv2d(image, kernel, stride=1, padding=0):
        p = padding
        x = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p)
        x[p:p + image.shape[0], p:p + image.shape[1]] = image
        kh, kw = kernel.shape
        return torch.tensor([[float((x[i:i + kh, j:j + kw] * kernel).sum())
                              for j in range(0, x.shape[1] - kw + 1, stride)]
                             for i in range(0, x.shape[0] - kh + 1, stride)])


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        return torch.tensor([[float(image[i:i + k, j:j + k].max())
                              for j in range(0, image.shape[1] - k + 1, k)]
                             for i in range(0, image.shape[0] - k + 1, k)])
    ''')
B7_SELF = d('''
    import torch.nn.functional as F

    x, w = torch.randn(10, 12), torch.randn(3, 3)
    assert torch.allclose(conv2d(x, w), F.conv2d(x[None, None], w[None, None])[0, 0], atol=1e-5)
    assert torch.allclose(conv2d(x, w, stride=2, padding=1),
                          F.conv2d(x.view(1, 1, 10, 12), w.view(1, 1, 3, 3), stride=2, padding=1).squeeze(), atol=1e-5)
    assert torch.equal(max_pool2d(x), F.max_pool2d(x.unsqueeze(0), 2).squeeze(0))
    print(conv2d(torch.tensor([[3., 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                 torch.tensor([[0., 1, 2], [2, 2, 0], [0, 1, 2]])))
    ''')
case("r22_nb_q6_list_comprehensions_self_check_cell", tool="lab4", q6=B7_Q6, after={"q6": [B7_SELF]})

# B8: a first draft calling F.conv2d, then replaced by a hand-written one (both in the file)
B8_DRAFT = d('''
    import torch
    import torch.nn.functional as F

    # first try (just to see what the answer should be) -- not allowed, rewritten below
    def conv2d(image, kernel, stride=1, padding=0):
        return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


    def max_pool2d(image, kernel_size=2):
        return F.max_pool2d(image[None, None], kernel_size)[0, 0]


    q6_output = conv2d(torch.tensor([[3., 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2],
                                     [2, 0, 0, 0, 1]]), torch.tensor([[0., 1, 2], [2, 2, 0], [0, 1, 2]]))
    reference_conv, reference_pool = conv2d, max_pool2d
    q6_output
    ''')
B8_Q6 = d('''
    # by hand, as the question asks
    def conv2d(image, kernel, stride=1, padding=0):
        if padding > 0:
            image = F.pad(image, (padding,) * 4, mode="constant", value=0.0)
        kh, kw = kernel.shape
        H, W = image.shape
        out_rows = []
        for i in range(0, H - kh + 1, stride):
            out_rows.append(torch.stack([(image[i:i + kh, j:j + kw] * kernel).sum()
                                         for j in range(0, W - kw + 1, stride)]))
        return torch.stack(out_rows)


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        H, W = image.shape[0] // k, image.shape[1] // k
        out = torch.zeros(H, W)
        for i in range(H):
            for j in range(W):
                out[i, j] = image[k * i:k * i + k, k * j:k * j + k].max()
        return out


    x, w = torch.randn(9, 9), torch.randn(3, 2)
    print((conv2d(x, w, 2, 1) - reference_conv(x, w, 2, 1)).abs().max(), torch.equal(max_pool2d(x, 3), reference_pool(x, 3)))
    ''')
case("r22_py_q6_first_draft_f_conv2d_then_replaced", tool="percent", q6=B8_Q6, before={"q6": [B8_DRAFT]})

# B9: helper `convolve` with torch.nn.functional.pad spelled out, loops with torch.zeros
B9_Q6 = "import torch\n\n" + Q6_OUT + "\n\n" + d('''
    def convolve(patch, kernel):
        """One output value: the elementwise product summed (no flip, like torch.nn.functional.conv2d)."""
        return torch.sum(patch * kernel)


    def conv2d(image, kernel, stride=1, padding=0):
        """Returns torch.nn.functional.conv2d(image[None, None], kernel[None, None], stride=stride,
        padding=padding)[0, 0], computed with loops."""
        image = torch.nn.functional.pad(image, (padding, padding, padding, padding))
        n_rows = (image.shape[0] - kernel.shape[0]) // stride + 1
        n_cols = (image.shape[1] - kernel.shape[1]) // stride + 1
        result = torch.zeros((n_rows, n_cols))
        for r in range(n_rows):
            for c in range(n_cols):
                top, left = r * stride, c * stride
                result[r][c] = convolve(image[top:top + kernel.shape[0], left:left + kernel.shape[1]], kernel)
        return result


    def max_pool2d(image, kernel_size=2):
        """torch.nn.functional.max_pool2d(image, kernel_size) for one 2-D map."""
        n_rows, n_cols = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        result = torch.zeros((n_rows, n_cols))
        for r in range(n_rows):
            for c in range(n_cols):
                block = image[r * kernel_size:(r + 1) * kernel_size, c * kernel_size:(c + 1) * kernel_size]
                result[r][c] = torch.max(block)
        return result
    ''')
case("r22_nb_q6_convolve_helper_functional_pad_docstrings", tool="deepnote", q6=B9_Q6, after={"q6": [CHECK_Q6]})

# B10: Tensor.unfold windows + einsum; pool by Tensor.unfold + amax
B10_Q6 = IMPORTS + "\n" + Q6_OUT + "\n\n" + d('''
    def conv2d(image, kernel, stride=1, padding=0):
        kh, kw = kernel.shape
        x = F.pad(image, (padding, padding, padding, padding))
        patches = x.unfold(0, kh, stride).unfold(1, kw, stride)      # (oh, ow, kh, kw)
        return torch.einsum("abij,ij->ab", patches, kernel)


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        return image.unfold(0, k, k).unfold(1, k, k).amax(dim=(-1, -2))
    ''')
case("r22_py_q6_tensor_unfold_einsum_f_pad", tool="plain", q6=B10_Q6)

# B11: numpy only (no scipy), loops, back to a tensor
B11_Q6 = "import numpy as np\nimport torch\n\n" + Q6_OUT + "\n\n" + d('''
    def conv2d(image, kernel, stride=1, padding=0):
        img = np.asarray(image, dtype=np.float64)
        ker = np.asarray(kernel, dtype=np.float64)
        img = np.pad(img, ((padding, padding), (padding, padding)), mode="constant")
        kh, kw = ker.shape
        oh = (img.shape[0] - kh) // stride + 1
        ow = (img.shape[1] - kw) // stride + 1
        out = np.zeros((oh, ow))
        for i in range(oh):
            for j in range(ow):
                out[i, j] = np.sum(img[i * stride:i * stride + kh, j * stride:j * stride + kw] * ker)
        return torch.tensor(out, dtype=image.dtype)


    def max_pool2d(image, kernel_size=2):
        a = np.asarray(image)
        k = kernel_size
        oh, ow = a.shape[0] // k, a.shape[1] // k
        out = np.array([[a[i * k:(i + 1) * k, j * k:(j + 1) * k].max() for j in range(ow)] for i in range(oh)])
        return torch.from_numpy(out.reshape(oh, ow)).to(image.dtype)
    ''')
case("r22_nb_q6_numpy_only_loops", tool="jupyter", q6=B11_Q6, after={"q6": [CHECK_Q6]})

# B12: sum of shifted slices (one per kernel tap), pooling by reshape; a Pool class named like torch's
B12_Q6 = "import torch\n\n" + Q6_OUT + "\n\n" + d('''
    def conv2d(image, kernel, stride=1, padding=0):
        """y[i, j] = sum_{a, b} x[i*s + a, j*s + b] * k[a, b]: one shifted slice per kernel entry."""
        h, w = image.shape
        kh, kw = kernel.shape
        x = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        x[padding:padding + h, padding:padding + w] = image
        oh = (x.shape[0] - kh) // stride + 1
        ow = (x.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for a in range(kh):
            for b in range(kw):
                out += kernel[a, b] * x[a:a + stride * (oh - 1) + 1:stride, b:b + stride * (ow - 1) + 1:stride]
        return out


    class MaxPool2d:
        """Not torch.nn.MaxPool2d: my own, for one 2-D map."""

        def __init__(self, kernel_size=2):
            self.k = kernel_size

        def __call__(self, image):
            k = self.k
            oh, ow = image.shape[0] // k, image.shape[1] // k
            return image[:oh * k, :ow * k].reshape(oh, k, ow, k).amax(dim=3).amax(dim=1)


    def max_pool2d(image, kernel_size=2):
        return MaxPool2d(kernel_size)(image)
    ''')
case("r22_py_q6_shifted_slices_own_maxpool2d_class", tool="nbconvert", q6=B12_Q6, after={"q6": [CHECK_Q6]})


def _stable_ids(path: Path) -> None:
    nb = nbformat.read(str(path), as_version=4)
    for i, cell in enumerate(nb.cells):
        cell.id = f"r22-{i:03d}"
        if cell.cell_type == "markdown" and "id" in cell.metadata:
            cell.metadata["id"] = f"m{i:07x}"
        if cell.cell_type == "markdown" and "cell_id" in cell.metadata:   # deepnote's (from hash(): not stable)
            cell.metadata["cell_id"] = f"md-{i:08x}"
    nbformat.write(nb, str(path))


def indent(src, n=4):
    return "".join(" " * n + line + "\n" if line else "\n" for line in d(src).splitlines())


ISO: dict[str, dict] = {}

# Isolation copies: plain answers with one construct of a corpus file (q7 or q8), to see what costs points.
ISO_CNN = IMPORTS + "import numpy as np\n\n\n" + d("""
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)
    @INIT@

        def forward(self, x):
    @PRE@
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            out = self.fc(x.flatten(1))
    @POST@
            return out
    """)


def iso7(pre="", post="", init=""):
    def block(src, n):
        return indent(src, n).rstrip("\n") if src else ""
    src = ISO_CNN.replace("@INIT@", block(init, 8)).replace("@PRE@", block(pre, 8)).replace("@POST@", block(post, 8))
    return {"q7": "\n".join(line for line in src.splitlines() if line.strip() != "") .replace("\nclass", "\n\n\nclass")
            .replace("\n    def forward", "\n\n    def forward") + "\n"}


ISO_CONVNET = IMPORTS + "\n\n" + BLOCK + "\n\n" + d("""
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)
    @INIT@

        def forward(self, x):
    @PRE@
            return self.fc(self.blocks(x).flatten(1))
    """)


def iso8(pre="", init=""):
    src = ISO_CONVNET.replace("@INIT@", indent(init, 8).rstrip("\n") if init else "")
    src = src.replace("@PRE@", indent(pre, 8).rstrip("\n") if pre else "")
    return {"q8": "\n".join(line for line in src.splitlines() if line.strip() != "").replace("\ndef ", "\n\n\ndef ")
            .replace("\nclass", "\n\n\nclass").replace("\n    def forward", "\n\n    def forward") + "\n"}


ISO.update({
    "iso_plain_template": iso7(),
    "iso_q7_print_weight_norm_item_every_call": iso7(pre="print(self.conv1.weight.norm().item())"),
    "iso_q7_weight_norm_item_not_printed": iso7(pre="norm = self.conv1.weight.norm().item()"),
    "iso_q7_weight_detach_mean_item": iso7(pre="m = self.conv1.weight.detach().mean().item()"),
    "iso_q7_weight_norm_float": iso7(pre="norm = float(self.conv1.weight.norm())"),
    "iso_q7_weight_norm_kept_as_tensor": iso7(pre="self.last_norm = self.conv1.weight.detach().norm()",
                                              init="self.last_norm = None"),
    "iso_q7_weight_norm_item_first_call_only": iso7(
        pre="if not self._printed:\n    print(self.conv1.weight.norm().item())\n    self._printed = True",
        init="self._printed = False"),
    "iso_q7_weight_tolist": iso7(pre="b = self.conv1.bias.detach().tolist()"),
    "iso_q7_weight_numpy": iso7(pre="w = self.conv1.weight.data.numpy()"),
    "iso_q7_assert_params_isfinite_all": iso7(pre="for p in self.parameters():\n    assert torch.isfinite(p).all()"),
    "iso_q7_assert_output_not_isnan_any": iso7(post="assert not torch.isnan(out).any()"),
    "iso_q7_input_mean_item_print": iso7(pre="print(x.mean().item())"),
    "iso_q7_forward_hook_output_mean_item": iso7(init=(
        "self.conv1.register_forward_hook(lambda m, i, o: print(o.mean().item()))")),
    "iso_q7_forward_hook_weight_mean_item": iso7(init=(
        "self.conv1.register_forward_hook(lambda m, i, o: print(m.weight.mean().item()))")),
    "iso_q7_forward_pre_hook_numpy_isfinite": iso7(init=(
        "self.conv1.register_forward_pre_hook(\n"
        "    lambda m, i: None if np.isfinite(m.weight.detach().numpy()).all() else print('bad'))")),
    "iso_q8_weight_abs_sum_eq_zero_if": iso8(pre="if self.fc.weight.data.abs().sum() == 0:\n    print('zero')"),
    "iso_q8_counter_buffer_add_batch": iso8(pre="self.seen += x.shape[0]",
                                            init='self.register_buffer("seen", torch.tensor(0))'),
    "iso_q8_isfinite_all_raise": iso8(pre=(
        "if not torch.isfinite(self.fc.weight).all():\n    raise ValueError('non-finite')")),
    "iso_q8_max_abs_weight_gt_threshold": iso8(pre=(
        "if max(p.abs().max() for p in self.parameters()) > 1e3:\n    print('large')")),
})

ISO.update({
    "iso_q7_print_input_shape": iso7(pre="print(x.shape)"),
    "iso_q7_print_weight_norm_tensor": iso7(pre="print(self.conv1.weight.norm())"),
    "iso_q7_print_weight_norm_fstring_format": iso7(pre='print(f"{self.conv1.weight.norm():.3f}")'),
    "iso_q7_print_output_mean_tensor": iso7(post="print(out.mean())"),
    "iso_q7_if_output_isnan_any_raise": iso7(post="if torch.isnan(out).any():\n    raise FloatingPointError('nan')"),
    "iso_q7_torch_assert_output_isfinite": iso7(post="torch._assert(torch.isfinite(out).all(), 'non-finite output')"),
    "iso_q7_no_grad_norm_appended_as_tensor": iso7(
        pre="with torch.no_grad():\n    self.norms.append(self.conv1.weight.norm())", init="self.norms = []"),
    "iso_q7_training_step_counter": iso7(pre="if self.training:\n    self.step += 1", init="self.step = 0"),
})
ISO.update({
    "iso_q7_item_every_50_calls_counted_first": iso7(
        pre="self.calls += 1\nif self.calls % 50 == 0:\n    print(self.calls, self.conv1.weight.norm().item())",
        init="self.calls = 0"),
    "iso_q7_item_in_init": iso7(init='print("conv1 init mean", self.conv1.weight.mean().item())'),
    "iso_q7_item_in_train_mode_only": iso7(
        pre="if self.training:\n    print(self.conv1.weight.norm().item())"),
})


# q6 probes (all 26 in the corpus files: these try a few more spellings)
ISO.update({
    "iso_q6_f_alias_assigned_pad": {"q6": "import torch\nF = torch.nn.functional\n\n" + Q6_OUT + "\n\n" + d("""
        def conv2d(image, kernel, stride=1, padding=0):
            x = F.pad(image, (padding,) * 4)
            kh, kw = kernel.shape
            return torch.stack([torch.stack([(x[i:i + kh, j:j + kw] * kernel).sum()
                                             for j in range(0, x.shape[1] - kw + 1, stride)])
                                for i in range(0, x.shape[0] - kh + 1, stride)])


        def max_pool2d(image, kernel_size=2):
            k = kernel_size
            return torch.stack([torch.stack([image[i:i + k, j:j + k].max()
                                             for j in range(0, image.shape[1] - k + 1, k)])
                                for i in range(0, image.shape[0] - k + 1, k)])
        """)},
    "iso_q6_from_import_pad_unfold": {"q6": "import torch\nfrom torch.nn.functional import pad, unfold\n\n" + Q6_OUT
                                      + "\n\n" + d("""
        def conv2d(image, kernel, stride=1, padding=0):
            h, w = image.shape
            kh, kw = kernel.shape
            cols = unfold(pad(image, (padding,) * 4)[None, None], (kh, kw), stride=stride)[0]
            oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
            return (kernel.flatten() @ cols).view(oh, ow)


        def max_pool2d(image, kernel_size=2):
            k = kernel_size
            cols = unfold(image[None, None], k, stride=k)[0]
            return cols.max(dim=0).values.view(image.shape[0] // k, image.shape[1] // k)
        """)},
    "iso_q6_lambda_and_reduce_maximum": {"q6": "import functools\nimport torch\n\n" + Q6_OUT + "\n\n" + d("""
        def conv2d(image, kernel, stride=1, padding=0):
            h, w = image.shape
            x = torch.zeros(h + 2 * padding, w + 2 * padding)
            x[padding:padding + h, padding:padding + w] = image
            kh, kw = kernel.shape
            oh, ow = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
            taps = [kernel[a, b] * x[a:a + stride * (oh - 1) + 1:stride, b:b + stride * (ow - 1) + 1:stride]
                    for a in range(kh) for b in range(kw)]
            return functools.reduce(torch.add, taps)


        max_pool2d = lambda image, kernel_size=2: functools.reduce(torch.maximum, [
            image[a:(image.shape[0] // kernel_size) * kernel_size:kernel_size,
                  b:(image.shape[1] // kernel_size) * kernel_size:kernel_size]
            for a in range(kernel_size) for b in range(kernel_size)])
        """)},
    "iso_q6_numpy_as_strided": {"q6": "import numpy as np\nimport torch\nfrom numpy.lib.stride_tricks import as_strided\n\n"
                                + Q6_OUT + "\n\n" + d("""
        def conv2d(image, kernel, stride=1, padding=0):
            x = np.pad(image.numpy().astype(np.float64), padding)
            k = kernel.numpy().astype(np.float64)
            kh, kw = k.shape
            oh, ow = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
            s0, s1 = x.strides
            win = as_strided(x, (oh, ow, kh, kw), (s0 * stride, s1 * stride, s0, s1), writeable=False)
            return torch.tensor((win * k).sum(axis=(2, 3)), dtype=image.dtype)


        def max_pool2d(image, kernel_size=2):
            x = np.ascontiguousarray(image.numpy())
            k = kernel_size
            oh, ow = x.shape[0] // k, x.shape[1] // k
            s0, s1 = x.strides
            win = as_strided(x, (oh, ow, k, k), (s0 * k, s1 * k, s0, s1), writeable=False)
            return torch.tensor(win.max(axis=(2, 3)))
        """)},
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
    for old in HERE.glob("r22_*"):
        old.unlink()
    for name, spec in CASES.items():
        if name.startswith("r22_nb_"):
            write_notebook(name, spec)
            _stable_ids(HERE / f"{name}.ipynb")
        else:
            write_script(name, spec)
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()

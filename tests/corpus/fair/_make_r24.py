"""Round 24 of the fairness corpus: correct models that take values out of torch while they run, and careful
students' answers elsewhere.

Each case is round 8's plain answers (``_make_r8.PLAIN``, written by round 8's writers as ``_make_r23.py`` uses
them) with some answers replaced.

- Focus A (``r24_*`` with q7 / q8 replaced): the prompt's ``CNN`` and ``ConvNet`` whose forward passes validate
  their input (``assert x.dim() == 4``, range warnings, NaN asserts), assert on activations (``torch._assert``,
  ``torch.testing.assert_close`` of two poolings, shape asserts), keep running statistics in Python
  (``collections.deque``, ``dict.setdefault``, ``max(self.best, v)``, call counters), use ``math.isfinite``,
  ``round(float(...), 3)``, ``np.histogram(np.asarray(h.detach()))``, ``logging.debug("%s", h.std())``, progress
  counters, ``torch.allclose`` of two activations, ``sorted`` per-channel means, a ``debug`` flag with a
  data-dependent print, ReLU written as ``torch.where`` / ``clamp`` / ``h * (h > 0)`` / ``torch.maximum``, max
  pooling as ``unfold(...).amax`` or ``F.max_pool2d`` in a ``Lambda`` module, PyTorch's default init re-applied
  with ``nn.init`` and a printed summary, ``with torch.no_grad(): print(self.fc.weight.norm())`` in forward.
- Focus B: seeds and ``torch.use_deterministic_algorithms`` at the top, dataclasses, numpy answers, type hints
  everywhere, re-definitions over cells, ``functools`` helpers, IPython magics, a ``__main__`` guard.

    python tests/corpus/fair/_make_r24.py                        # rewrites tests/corpus/fair/r24_*
    python tests/corpus/fair/_make_r24.py --iso /tmp/fair24/iso  # isolation copies (scripts, not corpus files)
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from _make_r8 import PLAIN, QUESTIONS, d, write_notebook, write_script  # noqa: E402

CASES: dict[str, dict] = {}


def case(name, *, tool="jupyter", answers=None, q7=None, q8=None, before=None, after=None, extra=None):
    ans = dict(answers or {})
    for q, src in (("q7", q7), ("q8", q8)):
        if src:
            ans[q] = src
    CASES[name] = dict(tool=tool, answers=ans, before=before or {}, after=after or {}, extra=extra or [],
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
# Focus A
# =========================================================================================================

# A1: input validation: dim assert, range warning, NaN assert, max |x| printed
A1_Q7 = "import warnings\n\n" + IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(2 * 25 * 25, 1)

        def forward(self, x):
            assert x.dim() == 4, f"expected (N, 1, 100, 100), got {tuple(x.shape)}"
            assert x.size(1) == 1, "grey-scale images only"
            if x.min() < 0 or x.max() > 1:
                warnings.warn("input values outside [0, 1]: did you forget to normalise?")
            assert not torch.isnan(x).any(), "NaN in the input"
            print("max |x| =", x.abs().max().item())
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            return self.fc(torch.flatten(x, 1))
    ''')
A1_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.input_channels = input_channels
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            if x.ndim != 4 or x.shape[1] != self.input_channels:
                raise ValueError(f"expected (N, {self.input_channels}, 128, 128), got {tuple(x.shape)}")
            if x.shape[-2:] != (128, 128):
                raise ValueError("ConvNet takes 128x128 images")
            lo, hi = x.min().item(), x.max().item()
            if hi - lo == 0:
                print("warning: constant input")
            return self.fc(self.blocks(x).flatten(1))
    ''')
case("r24_nb_input_validation_range_warning_nan_assert", q7=A1_Q7, q8=A1_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# A2: torch._assert on shapes and on the ReLU output
A2_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            torch._assert(x.dim() == 4, "expected a batch of images")
            h = F.max_pool2d(F.relu(self.conv1(x)), 2)
            torch._assert(h.shape[1:] == (3, 50, 50), "pool1 shape")
            h = F.relu(self.conv2(h))
            torch._assert(bool((h >= 0).all()), "ReLU output must be >= 0")
            h = F.max_pool2d(h, 2)
            torch._assert(h.shape[1:] == (2, 25, 25), "pool2 shape")
            return self.fc(h.flatten(1))
    ''')
A2_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(*[conv_block(input_channels if i == 0 else 3, 3) for i in range(5)])
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            h = self.blocks(x)
            torch._assert(h.shape[1:] == (3, 128, 128), "features should be (3, 128, 128)")
            return self.fc(h.flatten(1))
    ''')
case("r24_py_torch_assert_shapes_and_relu", tool="plain", q7=A2_Q7, q8=A2_Q8)

# A3: torch.testing.assert_close self-checks inside forward
A3_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, (3, 3), padding=1)
            self.relu1 = nn.ReLU()
            self.pool = nn.MaxPool2d(2)
            self.conv2 = nn.Conv2d(3, 2, (3, 3), padding=1)
            self.relu2 = nn.ReLU()
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(1250, 1)
            self.self_check = True

        def forward(self, x):
            h = self.relu1(self.conv1(x))
            p = self.pool(h)
            if self.self_check:
                # my MaxPool2d should be the functional one
                torch.testing.assert_close(p, F.max_pool2d(h, 2))
            h = self.relu2(self.conv2(p))
            p = self.pool(h)
            if self.self_check:
                torch.testing.assert_close(p, F.max_pool2d(h, kernel_size=2, stride=2))
            return self.fc(self.flatten(p))
    ''')
A3_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            for block in self.blocks:
                y = block(x)
                torch.testing.assert_close(y, F.relu(block[0](x)), msg="conv_block is not conv + relu?")
                x = y
            return self.fc(x.flatten(1))
    ''')
case("r24_nb_assert_close_pool_self_check_in_forward", tool="colab", q7=A3_Q7, q8=A3_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# A4: running statistics kept in Python: deque, call counter, setdefault, max(self.peak, ...)
A4_Q7 = "import collections\n\n" + IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(
                nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            )
            self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))
            self.recent_means = collections.deque(maxlen=100)
            self.calls = 0

        def forward(self, x):
            self.calls += 1
            h = self.features(x)
            self.recent_means.append(h.mean().item())
            running = sum(self.recent_means) / len(self.recent_means)
            if self.calls % 10 == 1:
                print(f"call {self.calls}: feature mean {self.recent_means[-1]:.4f} (running {running:.4f})")
            return self.classifier(h)
    ''')
A4_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.block1 = conv_block(input_channels, 3)
            self.block2 = conv_block(3, 3)
            self.block3 = conv_block(3, 3)
            self.block4 = conv_block(3, 3)
            self.block5 = conv_block(3, 3)
            self.fc = nn.Linear(49152, 1)
            self.stats = {}
            self.peak = float("-inf")

        def forward(self, x):
            for i, block in enumerate([self.block1, self.block2, self.block3, self.block4, self.block5], 1):
                x = block(x)
                self.stats.setdefault(f"block{i}", []).append(x.std().item())
                self.peak = max(self.peak, x.max().item())
            return self.fc(x.flatten(1))
    ''')
case("r24_py_deque_running_means_setdefault_peak", tool="percent", q7=A4_Q7, q8=A4_Q8)

# A5: math.isfinite on an item, round(float(...), 3) in f-strings
A5_Q7 = "import math\n\n" + IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.flat = nn.Flatten()
            self.out = nn.Linear(1250, 1)

        def forward(self, x):
            x = self.pool(torch.relu(self.conv1(x)))
            print(f"after block 1: mean={round(float(x.mean()), 3)} max={round(float(x.max()), 3)}")
            x = self.pool(torch.relu(self.conv2(x)))
            print(f"after block 2: mean={round(float(x.mean()), 3)} max={round(float(x.max()), 3)}")
            y = self.out(self.flat(x))
            total = y.sum().item()
            if not math.isfinite(total):
                raise FloatingPointError(f"output is not finite: {total}")
            return y
    ''')
A5_Q8 = "import math\n\n" + IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.conv = nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)))
            self.linear = nn.Linear(49152, 1)

        def forward(self, x):
            z = self.conv(x)
            s = float(z.sum())
            assert math.isfinite(s) and not math.isnan(s), "features blew up"
            return self.linear(z.flatten(1))
    ''')
case("r24_nb_math_isfinite_round_float_fstring", tool="vscode", q7=A5_Q7, q8=A5_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# A6: numpy: np.histogram of np.asarray(h.detach()), .cpu().numpy().mean()
A6_Q7 = "import numpy as np\n" + IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)
            self.histograms = {}

        def forward(self, x):
            h1 = F.relu(self.conv1(x))
            self.histograms["relu1"] = np.histogram(np.asarray(h1.detach()), bins=20)
            h2 = F.relu(self.conv2(self.pool(h1)))
            counts, edges = np.histogram(np.asarray(h2.detach()), bins=20)
            self.histograms["relu2"] = (counts, edges)
            print("relu2: most common bin starts at", edges[np.argmax(counts)])
            return self.fc(self.pool(h2).flatten(1))
    ''')
A6_Q8 = "import numpy as np\n" + IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(49152, 1)
            self.block_means = []

        def forward(self, x):
            for block in self.blocks:
                x = block(x)
                self.block_means.append(x.detach().cpu().numpy().mean())
            print("block means:", np.round(self.block_means[-5:], 4))
            return self.fc(self.flatten(x))
    ''')
A6_PLOT = d('''
    import matplotlib.pyplot as plt

    m = CNN()
    m(torch.rand(4, 1, 100, 100))
    counts, edges = m.histograms["relu2"]
    plt.stairs(counts, edges)
    plt.title("relu2 activations")
    plt.show()
    ''')
case("r24_py_numpy_histogram_of_activations", tool="nbconvert", q7=A6_Q7, q8=A6_Q8,
     after={"q7": [A6_PLOT], "q8": [CHECK_Q8]})

# A7: logging with tensors as lazy %-arguments
A7_Q7 = "import logging\n\n" + IMPORTS + "\n" + d('''
    logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(message)s")
    log = logging.getLogger("cnn")


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=(3, 3), padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=(3, 3), padding=1)
            self.pool = nn.MaxPool2d((2, 2))
            self.fc = nn.Linear(2 * 25 * 25, 1)

        def forward(self, x):
            h = self.pool(F.relu(self.conv1(x)))
            logging.debug("%s", h.std())
            log.debug("pool1 mean=%.4f max=%.4f", h.mean(), h.max())
            h = self.pool(F.relu(self.conv2(h)))
            log.info("pool2 %s std %s", tuple(h.shape), h.std())
            return self.fc(h.flatten(1))
    ''')
A7_Q8 = "import logging\n\n" + IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    logger = logging.getLogger(__name__)


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.features = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                          conv_block(3, 3), conv_block(3, 3))
            self.head = nn.Sequential(nn.Flatten(), nn.Linear(49152, 1))

        def forward(self, x):
            for i, block in enumerate(self.features):
                x = block(x)
                logger.debug("block %d: shape %s, zeros %.1f%%", i, tuple(x.shape), 100 * (x == 0).float().mean())
            out = self.head(x)
            logger.debug("output %s", out.detach().squeeze(1))
            return out
    ''')
case("r24_nb_logging_lazy_tensor_args", tool="lab4", q7=A7_Q7, q8=A7_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# A8: a tqdm-like progress counter class used from forward
A8_Q7 = "import sys\n\n" + IMPORTS + "\n\n" + d('''
    class Progress:
        """A tiny tqdm replacement (no tqdm on the lab machines)."""

        def __init__(self, desc, width=20):
            self.desc, self.width, self.n, self.last = desc, width, 0, None

        def update(self, n, value=None):
            self.n += n
            self.last = value
            filled = min(self.width, self.n // 10)
            bar = "#" * filled + "." * (self.width - filled)
            sys.stdout.write(f"\\r{self.desc} [{bar}] {self.n} images, last mean {value:.4f}")
            sys.stdout.flush()


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)
            self.progress = Progress("CNN")

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            out = self.fc(x.view(x.size(0), -1))
            self.progress.update(x.size(0), out.mean().item())
            return out
    ''')
A8_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    images_seen = 0


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            global images_seen
            images_seen += len(x)
            out = self.fc(self.blocks(x).flatten(1))
            print(f"\\r{images_seen:6d} images | batch output range "
                  f"[{out.min().item():+.3f}, {out.max().item():+.3f}]", end="")
            return out
    ''')
case("r24_py_tqdm_like_progress_class", tool="plain", q7=A8_Q7, q8=A8_Q8)

# A9: torch.allclose / torch.equal between two activations computed two ways; unfold pooling
A9_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)
            self.mismatches = 0

        def forward(self, x):
            h = F.relu(self.conv1(x))
            a = self.pool(h)
            b = h.unfold(2, 2, 2).unfold(3, 2, 2).amax((-1, -2))   # pooling by hand, to compare
            if not torch.allclose(a, b):
                self.mismatches += 1
                print("pooling by hand differs!", (a - b).abs().max())
            h = F.relu(self.conv2(a))
            return self.fc(self.pool(h).flatten(1))
    ''')
A9_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            z = self.blocks[0][0](x)
            relu = self.blocks[0][1](z)
            same = torch.equal(relu, z.clamp(min=0))
            print("ReLU == clamp(min=0):", same)
            x = self.blocks[1:](relu)
            return self.fc(x.flatten(1))
    ''')
case("r24_nb_allclose_two_poolings_equal_relu_clamp", tool="deepnote", q7=A9_Q7, q8=A9_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# A10: sorted per-channel means; debug flag (default True) with a data-dependent print
A10_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self, debug=True):
            super().__init__()
            self.debug = debug
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            h = self.pool(F.relu(self.conv1(x)))
            channel_means = h.mean(dim=(0, 2, 3)).tolist()
            ranking = sorted(range(len(channel_means)), key=lambda c: channel_means[c], reverse=True)
            if self.debug:
                print("conv1 channels by mean activation:", ranking, sorted(channel_means, reverse=True))
            if self.debug and h.std() > 10:
                print("large activations after conv1, std =", h.std())
            h = self.pool(F.relu(self.conv2(h)))
            return self.fc(h.flatten(1))
    ''')
A10_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels, debug=True):
            super().__init__()
            self.debug = debug
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            x = self.blocks(x)
            if self.debug:
                per_channel = {c: round(v, 4) for c, v in enumerate(x.mean((0, 2, 3)).tolist())}
                print("last block, channels sorted:", sorted(per_channel.items(), key=lambda kv: kv[1]))
                if max(per_channel.values()) == 0:
                    print("all channels dead!")
            return self.fc(x.flatten(1))
    ''')
case("r24_py_sorted_channel_means_debug_flag", tool="nbconvert", q7=A10_Q7, q8=A10_Q8)

# A11: ReLU as torch.where and clamp(min=0)
A11_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        """ReLU written out, to see it is nothing magic."""

        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.pool1 = nn.MaxPool2d(2)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool2 = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            h = self.conv1(x)
            h = torch.where(h > 0, h, 0.)          # ReLU
            assert (h >= 0).all()
            h = self.pool1(h)
            h = self.conv2(h).clamp(min=0)         # ReLU again
            assert h.shape[1:] == (2, 50, 50), h.shape
            h = self.pool2(h)
            return self.fc(h.flatten(1))
    ''')
A11_Q8 = IMPORTS + "\n\n" + d('''
    class ReLU(nn.Module):
        """My own ReLU module (max(0, x))."""

        def forward(self, x):
            return torch.where(x > 0, x, torch.zeros_like(x))


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)
            self.check_relu = ReLU()

        def forward(self, x):
            x = self.blocks(x)
            assert torch.equal(self.check_relu(x), x), "the blocks should already be rectified"
            return self.fc(x.flatten(1))
    ''')
case("r24_nb_relu_as_where_and_clamp", q7=A11_Q7, q8=A11_Q8, after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# A12: ReLU as h * (h > 0) and torch.maximum; pooling by unfold + amax
A12_Q7 = IMPORTS + "\n\n" + d('''
    def maxpool2x2(h):
        # (N, C, H, W) -> (N, C, H/2, W/2, 2, 2) -> max over the 2x2 windows
        return h.unfold(2, 2, 2).unfold(3, 2, 2).amax((-1, -2))


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            h = self.conv1(x)
            h = h * (h > 0)
            h = maxpool2x2(h)
            h = self.conv2(h)
            h = torch.maximum(h, torch.zeros_like(h))
            h = maxpool2x2(h)
            assert h.shape[1:] == (2, 25, 25)
            return self.fc(h.reshape(h.shape[0], -1))
    ''')
A12_CHECK = d('''
    ref = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                        nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(1250, 1))
    mine = CNN()
    with torch.no_grad():
        for p, q in zip(mine.parameters(), ref.parameters()):
            p.copy_(q)
    x = torch.randn(3, 1, 100, 100)
    print(torch.allclose(mine(x), ref(x), atol=1e-6))
    ''')
case("r24_py_relu_mask_multiply_maximum_unfold_pool", tool="percent", q7=A12_Q7, after={"q7": [A12_CHECK]})

# A13: a Lambda module: F.max_pool2d and a checking function inside nn.Sequential
A13_Q7 = IMPORTS + "\n\n" + d('''
    class Lambda(nn.Module):
        def __init__(self, fn, name=None):
            super().__init__()
            self.fn = fn
            self.name = name or getattr(fn, "__name__", "lambda")

        def forward(self, x):
            return self.fn(x)

        def extra_repr(self):
            return self.name


    def finite_or_die(t):
        if not torch.isfinite(t).all():
            raise RuntimeError("non-finite activations")
        return t


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(
                nn.Conv2d(1, 3, kernel_size=3, padding=1),
                Lambda(F.relu),
                Lambda(lambda t: F.max_pool2d(t, 2), "maxpool2"),
                nn.Conv2d(3, 2, kernel_size=3, padding=1),
                Lambda(F.relu),
                Lambda(lambda t: F.max_pool2d(t, 2), "maxpool2"),
                Lambda(finite_or_die),
                Lambda(lambda t: t.flatten(1), "flatten"),
                nn.Linear(1250, 1),
            )

        def forward(self, x):
            return self.net(x)
    ''')
A13_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class Report(nn.Module):
        def forward(self, x):
            print(f"{self.__class__.__name__}: {tuple(x.shape)} |max| {x.abs().max().item():.4f}")
            return x


    class ConvNet(nn.Sequential):
        def __init__(self, input_channels):
            super().__init__(
                conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
                conv_block(3, 3), Report(), nn.Flatten(), nn.Linear(49152, 1),
            )
    ''')
case("r24_nb_lambda_module_maxpool_in_sequential", tool="colab", q7=A13_Q7, q8=A13_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# A14: PyTorch's default initialisation re-applied with nn.init, printed summary; no_grad print in forward
A14_Q7 = "import math\n\n" + IMPORTS + "\n\n" + d('''
    def default_init_(layer):
        """What nn.Conv2d / nn.Linear do in reset_parameters(), written out with nn.init."""
        nn.init.kaiming_uniform_(layer.weight, a=math.sqrt(5))
        fan_in, _ = nn.init._calculate_fan_in_and_fan_out(layer.weight)
        bound = 1 / math.sqrt(fan_in)
        nn.init.uniform_(layer.bias, -bound, bound)


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)
            for layer in (self.conv1, self.conv2, self.fc):
                default_init_(layer)
            for name, p in self.named_parameters():
                print(f"{name:14s} {str(tuple(p.shape)):16s} mean {p.mean().item():+.4f} std {p.std().item():.4f}")

        def forward(self, x):
            with torch.no_grad():
                print("fc weight norm:", self.fc.weight.norm())
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(x.flatten(1))
    ''')
A14_Q8 = "import math\n\n" + IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)
            with torch.no_grad():
                n = sum(p.numel() for p in self.parameters())
                print(f"ConvNet({input_channels}): {n:,} parameters")

        def forward(self, x):
            with torch.no_grad():
                norms = [round(b[0].weight.norm().item(), 3) for b in self.blocks]
                print("conv weight norms", norms, "fc", round(self.fc.weight.norm().item(), 3))
            return self.fc(self.blocks(x).flatten(1))
    ''')
case("r24_py_nn_init_default_reapplied_summary_no_grad_print", tool="plain", q7=A14_Q7, q8=A14_Q8)

# A15: a dict of per-layer maxima with setdefault, best-so-far, min-so-far
A15_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.ModuleDict({
                "conv1": nn.Conv2d(1, 3, 3, padding=1), "relu1": nn.ReLU(), "pool1": nn.MaxPool2d(2),
                "conv2": nn.Conv2d(3, 2, 3, padding=1), "relu2": nn.ReLU(), "pool2": nn.MaxPool2d(2),
                "flatten": nn.Flatten(), "fc": nn.Linear(1250, 1),
            })
            self.maxima = {}
            self.best = float("-inf")

        def forward(self, x):
            for name, layer in self.layers.items():
                x = layer(x)
                self.maxima.setdefault(name, []).append(float(x.max()))
            self.best = max(self.best, float(x.max()))
            return x
    ''')
A15_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)
            self.calls = 0
            self.min_seen = float("inf")
            self.max_seen = float("-inf")

        def forward(self, x):
            self.calls += 1
            out = self.fc(self.blocks(x).flatten(1))
            lo, hi = out.min().item(), out.max().item()
            self.min_seen, self.max_seen = min(self.min_seen, lo), max(self.max_seen, hi)
            return out
    ''')
case("r24_nb_moduledict_maxima_setdefault_best_so_far", tool="vscode", q7=A15_Q7, q8=A15_Q8,
     after={"q7": [CHECK_Q7 + "print(m.maxima['pool2'], m.best)\n"], "q8": [CHECK_Q8]})

# A16: everything a careful student adds, second edition (nbconvert)
A16_Q7 = "import math\nimport warnings\n\n" + IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self, verbose=True):
            super().__init__()
            self.verbose = verbose
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(kernel_size=2)
            self.fc = nn.Linear(1250, 1)
            self.dead_history = []
            self.calls = 0

        def forward(self, x):
            self.calls += 1
            assert x.ndim == 4 and tuple(x.shape[1:]) == (1, 100, 100), f"bad input {tuple(x.shape)}"
            h = F.relu(self.conv1(x))
            with torch.no_grad():
                dead = int((h <= 0).sum())
                self.dead_history.append(dead / h.numel())
                if dead == h.numel():
                    warnings.warn("every conv1 unit is dead")
            h = self.pool(h)
            h = self.pool(F.relu(self.conv2(h)))
            out = self.fc(h.flatten(1))
            m = out.detach().abs().max().item()
            if not math.isfinite(m):
                raise FloatingPointError("output overflow")
            if self.verbose:
                print(f"[{self.calls}] dead {self.dead_history[-1]:.1%}, |out| <= {round(m, 3)}")
            return out
    ''')
A16_Q8 = "import math\n\n" + IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels, verbose=True):
            super().__init__()
            self.verbose = verbose
            self.blocks = nn.ModuleList(conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3])
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            alive = []
            for block in self.blocks:
                x = block(x)
                alive.append(round(float((x > 0).float().mean()), 3))
            assert all(0.0 <= a <= 1.0 for a in alive)
            if self.verbose:
                print("alive per block:", alive, "| min", min(alive))
            out = self.fc(self.flatten(x))
            assert math.isfinite(out.sum().item())
            return out
    ''')
case("r24_py_careful_student_second_edition", tool="nbconvert", q7=A16_Q7, q8=A16_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# =========================================================================================================
# Focus B
# =========================================================================================================

# B1: seeds at the top, use_deterministic_algorithms, a seed in CNN.__init__
B1_SETUP = d('''
    import random

    import numpy as np
    import torch

    SEED = 0
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.use_deterministic_algorithms(True)
    torch.backends.cudnn.benchmark = False
    ''')
B1_Q7 = d('''
    class CNN(torch.nn.Module):
        def __init__(self, seed=SEED):
            super().__init__()
            torch.manual_seed(seed)   # the same initial weights every time I rebuild it
            self.conv1 = torch.nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = torch.nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = torch.nn.MaxPool2d(2)
            self.fc = torch.nn.Linear(1250, 1)

        def forward(self, x):
            x = self.pool(torch.relu(self.conv1(x)))
            x = self.pool(torch.relu(self.conv2(x)))
            return self.fc(x.flatten(1))
    ''')
B1_Q8 = d('''
    def conv_block(input_channels, output_channels):
        return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


    class ConvNet(torch.nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = torch.nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                              conv_block(3, 3), conv_block(3, 3))
            self.fc = torch.nn.Linear(49152, 1)

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))
    ''')
B1_CHECK = d('''
    a, b = CNN(), CNN()
    print(all(torch.equal(p, q) for p, q in zip(a.parameters(), b.parameters())))   # True: seeded
    ''')
case("r24_nb_seeds_deterministic_algorithms_seeded_init", tool="lab4", answers={"q7": B1_Q7, "q8": B1_Q8},
     before={"q1": [B1_SETUP]}, after={"q7": [B1_CHECK, CHECK_Q7], "q8": [CHECK_Q8]})

# B2: dataclasses for layer specs; q3 / q4 computed from them
B2_Q2 = d('''
    from dataclasses import dataclass


    @dataclass(frozen=True)
    class ConvSpec:
        kernel_size: int
        stride: int = 1
        padding: int = 0

        def output_size(self, size: int) -> int:
            padded = size + 2 * self.padding
            if self.kernel_size > padded:
                raise ValueError(f"kernel {self.kernel_size} does not fit in {padded}")
            return (padded - self.kernel_size) // self.stride + 1


    def conv_output_size(size, kernel_size, stride=1, padding=0):
        return ConvSpec(kernel_size, stride, padding).output_size(size)
    ''')
B2_Q3 = d('''
    conv = ConvSpec(3, padding=1)
    pool = ConvSpec(2, stride=2)          # a 2x2 max pool moves like a 2x2 kernel with stride 2
    s1 = conv.output_size(100)
    p1 = pool.output_size(s1)
    s2 = conv.output_size(p1)
    p2 = pool.output_size(s2)
    q3_shapes = [(3, s1, s1), (3, p1, p1), (2, s2, s2), (2, p2, p2)]
    q3_flatten_features = 2 * p2 * p2
    q3_shapes, q3_flatten_features
    ''')
B2_Q4 = d('''
    from dataclasses import dataclass, field


    @dataclass
    class Layer:
        n_in: int
        n_out: int
        kernel: tuple = (1, 1)
        bias: bool = True
        params: int = field(init=False)

        def __post_init__(self):
            kh, kw = self.kernel
            self.params = self.n_in * self.n_out * kh * kw + (self.n_out if self.bias else 0)


    q4_conv_params = Layer(3, 3, (3, 3)).params
    q4_cnn_params = sum(l.params for l in [Layer(1, 3, (3, 3)), Layer(3, 2, (3, 3)), Layer(q3_flatten_features, 1)])
    sizes = [128 * 128, 256, 128, 64, 32, 16, 1]
    q4_fcnn_params = sum(Layer(a, b).params for a, b in zip(sizes, sizes[1:]))
    print(q4_conv_params, q4_cnn_params, q4_fcnn_params)
    ''')
case("r24_py_dataclass_specs_q3_q4_computed", tool="percent", answers={"q2": B2_Q2, "q3": B2_Q3, "q4": B2_Q4})

# B3: numpy answers converted to Python (q3/q4), numpy bools in q10, q6 reference computed with numpy
B3_Q3 = d('''
    import numpy as np

    sizes = np.array([100, 100, 50, 50, 25])
    q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
    q3_flatten_features = int(np.prod(q3_shapes[-1]))
    ''')
B3_Q4 = d('''
    import numpy as np

    w = np.array([3, 3, 3, 3])                     # (out, in, kH, kW)
    q4_conv_params = int(np.prod(w) + w[0])
    conv_shapes = [np.array([3, 1, 3, 3]), np.array([2, 3, 3, 3])]
    q4_cnn_params = int(sum(np.prod(s) + s[0] for s in conv_shapes) + q3_flatten_features + 1)
    layer_sizes = np.array([128 * 128, 256, 128, 64, 32, 16, 1], dtype=np.int64)
    q4_fcnn_params = int(np.sum(layer_sizes[:-1] * layer_sizes[1:] + layer_sizes[1:]))
    ''')
B3_Q6 = d('''
    import numpy as np
    import torch

    inp = np.array([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]])
    ker = np.array([[0, 1, 2], [2, 2, 0], [0, 1, 2]])
    q6_output = np.array([[np.sum(inp[i:i + 3, j:j + 3] * ker) for j in range(3)] for i in range(3)]).tolist()


    def conv2d(image, kernel, stride=1, padding=0):
        x = np.pad(image.detach().numpy(), padding)
        k = kernel.detach().numpy()
        kh, kw = k.shape
        oh = (x.shape[0] - kh) // stride + 1
        ow = (x.shape[1] - kw) // stride + 1
        out = np.empty((oh, ow), dtype=x.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = np.sum(x[i * stride:i * stride + kh, j * stride:j * stride + kw] * k)
        return torch.from_numpy(out)


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        x = image.detach().numpy()
        oh, ow = x.shape[0] // k, x.shape[1] // k
        blocks = x[:oh * k, :ow * k].reshape(oh, k, ow, k)
        return torch.from_numpy(np.ascontiguousarray(blocks.max(axis=(1, 3))))
    ''')
B3_Q9 = d('''
    import numpy as np

    letters = np.array(list("ABCDE"))
    is_true = np.array([False, False, True, False, False])
    q9_true = set(letters[is_true].tolist())
    ''')
B3_Q10 = d('''
    import numpy as np

    q10_answers = dict(zip(range(1, 9), np.array([True, False, True, True, False, False, True, False])))
    q10_answers
    ''')
case("r24_nb_numpy_answers_converted", tool="colab",
     answers={"q3": B3_Q3, "q4": B3_Q4, "q6": B3_Q6, "q9": B3_Q9, "q10": B3_Q10})

# B4: type hints everywhere, @torch.no_grad() on q6's functions, Final constants
B4_HEAD = d('''
    from __future__ import annotations

    from typing import Final, Union

    import torch
    from torch import Tensor, nn

    KernelSize = Union[int, "tuple[int, int]"]
    ''')
B4_Q2 = d('''
    def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
        """Height (= width) of nn.Conv2d's output."""
        padded: int = size + 2 * padding
        if kernel_size > padded:
            raise ValueError(f"kernel_size={kernel_size} > padded size {padded}")
        return (padded - kernel_size) // stride + 1
    ''')
B4_Q5 = d('''
    def conv2d_params(in_channels: int, out_channels: int, kernel_size: KernelSize, bias: bool = True) -> int:
        kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
        return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


    def linear_params(in_features: int, out_features: int, bias: bool = True) -> int:
        return in_features * out_features + (out_features if bias else 0)
    ''')
B4_Q6 = d('''
    q6_output: list[list[int]] = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    @torch.no_grad()
    def conv2d(image: Tensor, kernel: Tensor, stride: int = 1, padding: int = 0) -> Tensor:
        h, w = image.shape
        kh, kw = kernel.shape
        x = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        x[padding:padding + h, padding:padding + w] = image
        oh: int = (x.shape[0] - kh) // stride + 1
        ow: int = (x.shape[1] - kw) // stride + 1
        out = torch.empty(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (x[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    @torch.no_grad()
    def max_pool2d(image: Tensor, kernel_size: int = 2) -> Tensor:
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        return image[:oh * k, :ow * k].reshape(oh, k, ow, k).amax(dim=(1, 3))
    ''')
B4_Q7 = d('''
    FLAT: Final[int] = 2 * 25 * 25


    class CNN(nn.Module):
        conv1: nn.Conv2d
        conv2: nn.Conv2d
        fc: nn.Linear

        def __init__(self) -> None:
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(FLAT, 1)

        def forward(self, x: Tensor) -> Tensor:
            x = self.pool(torch.relu(self.conv1(x)))
            x = self.pool(torch.relu(self.conv2(x)))
            return self.fc(torch.flatten(x, start_dim=1))
    ''')
B4_Q8 = d('''
    def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=(3, 3), padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        N_BLOCKS: Final[int] = 5

        def __init__(self, input_channels: int) -> None:
            super().__init__()
            chans: list[int] = [input_channels] + [3] * self.N_BLOCKS
            self.features = nn.Sequential(*(conv_block(a, b) for a, b in zip(chans, chans[1:])))
            self.classifier = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x: Tensor) -> Tensor:
            return self.classifier(self.features(x).flatten(1))
    ''')
case("r24_py_type_hints_everywhere_no_grad_q6", tool="plain", before={"q1": [B4_HEAD]},
     answers={"q2": B4_Q2, "q5": B4_Q5, "q6": B4_Q6, "q7": B4_Q7, "q8": B4_Q8})

# B5: answers spread over cells and redefined (first attempts kept in the notebook)
B5_Q2_FIRST = d('''
    # first try (forgot the ValueError)
    def conv_output_size(size, kernel_size, stride=1, padding=0):
        return (size + 2 * padding - kernel_size) // stride + 1


    conv_output_size(100, 5)
    ''')
B5_Q2 = d('''
    def conv_output_size(size, kernel_size, stride=1, padding=0):
        if kernel_size > size + 2 * padding:
            raise ValueError("the kernel does not fit")
        return (size + 2 * padding - kernel_size) // stride + 1
    ''')
B5_Q6A = "import torch\n\nq6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])\n"
B5_Q6B = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        kh, kw = kernel.shape
        if padding > 0:
            image = torch.cat([torch.zeros(padding, image.shape[1]), image, torch.zeros(padding, image.shape[1])], 0)
            image = torch.cat([torch.zeros(image.shape[0], padding), image, torch.zeros(image.shape[0], padding)], 1)
        rows = []
        for i in range(0, image.shape[0] - kh + 1, stride):
            rows.append(torch.stack([(image[i:i + kh, j:j + kw] * kernel).sum()
                                     for j in range(0, image.shape[1] - kw + 1, stride)]))
        return torch.stack(rows)
    ''')
B5_Q6C_FIRST = d('''
    def max_pool2d(image, kernel_size=2):
        # only works for 2x2 and even sizes
        return torch.maximum(torch.maximum(image[0::2, 0::2], image[1::2, 0::2]),
                             torch.maximum(image[0::2, 1::2], image[1::2, 1::2]))
    ''')
B5_Q6C = d('''
    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        h, w = image.shape[0] // k * k, image.shape[1] // k * k
        return torch.stack([torch.stack([image[i:i + k, j:j + k].max() for j in range(0, w, k)])
                            for i in range(0, h, k)])
    ''')
B5_Q6_TEST = d('''
    import torch.nn.functional as F

    x, w = torch.randn(7, 9), torch.randn(2, 3)
    print(torch.allclose(conv2d(x, w, stride=2, padding=1), F.conv2d(x[None, None], w[None, None], stride=2, padding=1)[0, 0], atol=1e-5))
    print(torch.equal(max_pool2d(x, 3), F.max_pool2d(x[None, None], 3)[0, 0]))
    ''')
B5_Q7_FIRST = d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3)            # oops: no padding
            self.conv2 = nn.Conv2d(3, 2, 3)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(2 * 23 * 23, 1)

        def forward(self, x):
            x = self.pool(torch.relu(self.conv1(x)))
            x = self.pool(torch.relu(self.conv2(x)))
            return self.fc(x.flatten(1))
    ''')
B5_Q7 = d('''
    # fixed: padding=1 keeps 100 -> 100, so the head has 2 * 25 * 25 inputs
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(2 * 25 * 25, 1)

        def forward(self, x):
            x = self.pool(torch.relu(self.conv1(x)))
            x = self.pool(torch.relu(self.conv2(x)))
            return self.fc(x.flatten(1))
    ''')
case("r24_nb_first_attempts_redefined_over_cells", tool="deepnote",
     before={"q2": [B5_Q2_FIRST], "q6": [B5_Q6A, B5_Q6B, B5_Q6C_FIRST], "q7": [B5_Q7_FIRST]},
     answers={"q2": B5_Q2, "q6": B5_Q6C, "q7": B5_Q7},
     after={"q6": [B5_Q6_TEST], "q7": [CHECK_Q7]})

# B6: functools: lru_cache, reduce, partial for conv_block's conv
B6_Q2 = d('''
    import functools


    @functools.lru_cache(maxsize=None)
    def conv_output_size(size, kernel_size, stride=1, padding=0):
        padded = size + 2 * padding
        if kernel_size > padded:
            raise ValueError("kernel larger than the padded input")
        return (padded - kernel_size) // stride + 1
    ''')
B6_Q5 = d('''
    import functools
    import operator


    def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
        ks = (kernel_size,) * 2 if isinstance(kernel_size, int) else tuple(kernel_size)
        weights = functools.reduce(operator.mul, (out_channels, in_channels, *ks), 1)
        return weights + (out_channels if bias else 0)


    def linear_params(in_features, out_features, bias=True):
        """Linear(in, out) has as many parameters as a 1x1 convolution."""
        return conv2d_params(in_features, out_features, 1, bias=bias)
    ''')
B6_Q8 = d('''
    import functools

    import torch
    from torch import nn

    Conv3x3 = functools.partial(nn.Conv2d, kernel_size=3, padding=1)


    def conv_block(input_channels, output_channels):
        return nn.Sequential(Conv3x3(input_channels, output_channels), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            channels = [input_channels, 3, 3, 3, 3, 3]
            self.body = functools.reduce(lambda seq, io: seq.append(conv_block(*io)) or seq,
                                         zip(channels, channels[1:]), nn.Sequential())
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            return self.fc(torch.flatten(self.body(x), 1))
    ''')
case("r24_py_functools_lru_cache_partial_reduce", tool="nbconvert",
     answers={"q2": B6_Q2, "q5": B6_Q5, "q8": B6_Q8}, after={"q8": [CHECK_Q8]})

# B7: IPython magics and shell escapes; torchsummary as in the lecture
B7_SETUP = d('''
    !pip install -q torchsummary
    %matplotlib inline
    %load_ext autoreload
    %autoreload 2
    ''')
B7_Q6_TIME = d('''
    %timeit conv2d(torch.randn(28, 28), torch.randn(3, 3))
    ''')
B7_Q7_SUMMARY = d('''
    from torchsummary import summary

    summary(CNN(), (1, 100, 100), device="cpu");
    ''')
B7_Q8 = "%%time\n" + PLAIN["q8"]
case("r24_nb_magics_pip_autoreload_timeit_summary", tool="colab", answers={"q8": B7_Q8},
     before={"q1": [B7_SETUP]}, after={"q6": [B7_Q6_TIME], "q7": [B7_Q7_SUMMARY], "q8": [CHECK_Q8]})

# B8: a script with a __main__ guard, set_num_threads, float32 matmul precision, a short training loop
B8_HEAD = d('''
    import torch

    torch.set_num_threads(1)
    torch.set_float32_matmul_precision("highest")
    torch.set_printoptions(precision=4, sci_mode=False)
    ''')
B8_MAIN = d('''
    def main():
        torch.manual_seed(0)
        model = CNN()
        opt = torch.optim.SGD(model.parameters(), lr=0.01)
        x, y = torch.rand(8, 1, 100, 100), torch.rand(8, 1)
        for step in range(3):
            loss = torch.nn.functional.mse_loss(model(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            print(step, loss.item())
        print(ConvNet(3)(torch.rand(2, 3, 128, 128)).shape)


    if __name__ == "__main__":
        main()
    ''')
case("r24_py_main_guard_threads_training_loop", tool="plain", before={"q1": [B8_HEAD]}, extra=[B8_MAIN])


# =========================================================================================================
# Isolation copies (filled in after grading): the plain template with one construct added
# =========================================================================================================
def _stable_ids(path: Path) -> None:
    nb = nbformat.read(str(path), as_version=4)
    for i, cell in enumerate(nb.cells):
        cell.id = f"r24-{i:03d}"
        if cell.cell_type == "markdown" and "id" in cell.metadata:
            cell.metadata["id"] = f"m{i:07x}"
        if cell.cell_type == "markdown" and "cell_id" in cell.metadata:
            cell.metadata["cell_id"] = f"md-{i:08x}"
    nbformat.write(nb, str(path))


ISO: dict[str, dict] = {}


def _iso_specs():
    """The isolation copies: round 23's plain template (``_make_r23.iso7`` / ``iso8``) with one construct added."""
    from _make_r23 import iso7, iso8

    def q7(**kw):
        return {"answers": iso7(**kw)}

    def q8(**kw):
        return {"answers": iso8(**kw)}

    hand_pool = "b = x.unfold(2, 2, 2).unfold(3, 2, 2).amax((-1, -2))\n"
    alive = "alive = [round(float((x > 0).float().mean()), 3)]\n"
    specs = {
        "iso_plain_template": {"answers": {**iso7(), **iso8()}},
        # r24_nb_allclose_two_poolings_equal_relu_clamp (q7): a branch on torch.allclose of two poolings
        "iso_q7_allclose_branch_print_text": q7(mid=hand_pool + (
            "if not torch.allclose(F.max_pool2d(x, 2), b):\n    print('pooling by hand differs')")),
        "iso_q7_allclose_branch_print_tensor_op": q7(mid=hand_pool + (
            "if not torch.allclose(F.max_pool2d(x, 2), b):\n    print('differs', (F.max_pool2d(x, 2) - b).abs().max())")),
        "iso_q7_allclose_branch_counter_only": q7(init="self.mismatches = 0", mid=hand_pool + (
            "if not torch.allclose(F.max_pool2d(x, 2), b):\n    self.mismatches += 1")),
        "iso_q7_allclose_printed_no_branch": q7(mid=hand_pool + "print('same:', torch.allclose(F.max_pool2d(x, 2), b))"),
        "iso_q7_assert_allclose": q7(mid=hand_pool + "assert torch.allclose(F.max_pool2d(x, 2), b)"),
        # r24_py_sorted_channel_means_debug_flag (q7): a branch on h.std() > 10; sorted per-channel means
        "iso_q7_std_gt_branch_print_text": q7(mid="if x.std() > 10:\n    print('large activations')"),
        "iso_q7_std_gt_branch_print_std": q7(mid="if x.std() > 10:\n    print('large activations', x.std())"),
        "iso_q7_sorted_channel_means_tolist": q7(mid=(
            "means = x.mean(dim=(0, 2, 3)).tolist()\n"
            "print(sorted(range(3), key=lambda c: means[c], reverse=True))")),
        # r24_nb_assert_close_pool_self_check_in_forward: torch.testing.assert_close in forward
        "iso_q7_testing_assert_close_relu": q7(mid="torch.testing.assert_close(F.relu(x), x)"),
        "iso_q7_testing_assert_close_pool": q7(mid=hand_pool + "torch.testing.assert_close(F.max_pool2d(x, 2), b)"),
        # r24_nb_relu_as_where_and_clamp (q8): assert torch.equal(...)
        "iso_q8_assert_torch_equal": q8(mid="assert torch.equal(x.clamp(min=0), x)"),
        "iso_q8_assert_eq_all": q8(mid="assert (x.clamp(min=0) == x).all()"),
        "iso_q8_torch_equal_printed_no_assert": q8(mid="print('rectified:', torch.equal(x.clamp(min=0), x))"),
        # r24_py_careful_student_second_edition (q8)
        "iso_q8_alive_assert_all_generator": q8(mid=alive + "assert all(0.0 <= a <= 1.0 for a in alive)"),
        "iso_q8_alive_print_min": q8(mid=alive + "print('min alive', min(alive))"),
        "iso_q8_assert_math_isfinite_item": q8(post="assert math.isfinite(out.sum().item())"),
        # r24_py_torch_assert_shapes_and_relu: torch._assert on a plain Python bool
        "iso_q7_torch_assert_python_bool": q7(pre="torch._assert(x.dim() == 4, 'expected a batch')"),
    }
    specs["iso_q8_assert_math_isfinite_item"]["answers"]["q8"] = "import math\n" + \
        specs["iso_q8_assert_math_isfinite_item"]["answers"]["q8"]
    return specs


def write_iso(folder: Path) -> None:
    import _make_r8

    folder.mkdir(parents=True, exist_ok=True)
    ISO.update(_iso_specs())
    saved = _make_r8.HERE
    _make_r8.HERE = folder
    try:
        for name, spec in ISO.items():
            write_script(name, dict(tool="plain", answers=spec.get("answers", {}), before=spec.get("before", {}),
                                    after={}, extra=spec.get("extra", []), order=QUESTIONS))
    finally:
        _make_r8.HERE = saved
    print(len(ISO), "isolation copies in", folder)


def main() -> None:
    if sys.argv[1:2] == ["--iso"]:
        write_iso(Path(sys.argv[2]))
        return
    for old in HERE.glob("r24_*"):
        old.unlink()
    for name, spec in CASES.items():
        if name.startswith("r24_nb_"):
            write_notebook(name, spec)
            _stable_ids(HERE / f"{name}.ipynb")
        else:
            write_script(name, spec)
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()

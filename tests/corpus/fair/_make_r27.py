"""Round 27 of the fairness corpus: correct models that a grader which TRAINS them might mark down.

Every file is correct on all ten questions; its q7 ``CNN`` / q8 ``conv_block`` + ``ConvNet`` are exactly the
networks asked for, but written the way students write them when they also train them: their own
initialisation in ``__init__`` (xavier / kaiming / orthogonal / normal_ / trunc_normal_, zero or constant biases,
``torch.manual_seed`` in ``__init__``, ``self.apply(init_fn)``, ``reset_parameters`` overrides, a state_dict loaded in
``__init__``), parts frozen (biases, the features of a fine-tune-the-head model), layers written with their own
``nn.Parameter`` s (im2col with a flattened weight, ``F.conv2d(x, self.w) + self.b`` with a (1, C, 1, 1) bias,
``x @ W.T + b``), forward passes that count calls, keep running statistics in buffers, log under ``torch.no_grad()``,
register forward and gradient hooks, branch on ``self.training``; models keeping an optimizer and a loss as
attributes with a ``train_step`` and an ``@torch.no_grad()`` ``predict``; float64 models, channels-last, an
``OrderedDict`` Sequential and a ``ModuleList``.  q1-q6, q9, q10 reuse round 26's snippets.

    python tests/corpus/fair/_make_r27.py            # rewrites tests/corpus/fair/r27_*
    python tests/corpus/fair/_make_r27.py --out DIR  # writes them to DIR instead
    python tests/corpus/fair/_make_r27.py --iso DIR  # isolation copies for the findings (not corpus files)
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import nbformat
from nbformat import v4

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import _make_r26 as r26  # noqa: E402  (q1-q6, q9, q10 snippets)

Q1, Q2, Q3, Q4, Q5 = r26.Q1, r26.Q2, r26.Q3, r26.Q4, r26.Q5
Q6_OUT, Q6_CONV, Q6_POOL, Q9, Q10 = r26.Q6_OUT, r26.Q6_CONV, r26.Q6_POOL, r26.Q9, r26.Q10


def d(s: str) -> str:
    return textwrap.dedent(s).strip("\n") + "\n"


IMPORTS = d('''
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    import numpy as np
    ''')

# ---------------------------------------------------------------------------------------------------------------
# q7 models
# ---------------------------------------------------------------------------------------------------------------
Q7 = {}
Q7["apply_init_fn"] = d('''
    def init_weights(m):
        # Glorot for the convolutions, He for the head, zero biases (from a blog post on initialisation)
        if isinstance(m, nn.Conv2d):
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Linear):
            nn.init.kaiming_uniform_(m.weight, nonlinearity="relu")
            nn.init.zeros_(m.bias)


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(
                nn.Conv2d(1, 3, kernel_size=3, padding=1),
                nn.ReLU(),
                nn.MaxPool2d(2),
                nn.Conv2d(3, 2, kernel_size=3, padding=1),
                nn.ReLU(),
                nn.MaxPool2d(2),
                nn.Flatten(),
                nn.Linear(1250, 1),
            )
            self.apply(init_weights)

        def forward(self, x):
            return self.main(x)
    ''')
Q7["seed_orthogonal"] = d('''
    class CNN(nn.Module):
        def __init__(self, seed=0):
            super().__init__()
            torch.manual_seed(seed)   # same starting weights every time I build it
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(2 * 25 * 25, 1)
            for layer in [self.conv1, self.conv2, self.fc]:
                nn.init.orthogonal_(layer.weight)
                nn.init.constant_(layer.bias, 0.01)

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            x = torch.flatten(x, 1)
            return self.fc(x)
    ''')
Q7["reset_parameters"] = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, (3, 3), padding=1)
            self.conv2 = nn.Conv2d(3, 2, (3, 3), padding=1)
            self.flatten = nn.Flatten()
            self.linear = nn.Linear(1250, 1)
            self.reset_parameters()

        def reset_parameters(self):
            """small normal weights, zero biases"""
            for m in self.modules():
                if isinstance(m, (nn.Conv2d, nn.Linear)):
                    m.weight.data.normal_(0.0, 0.05)
                    m.bias.data.zero_()

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.linear(self.flatten(x))
    ''')
Q7["state_dict_in_init"] = d('''
    import io
    import copy


    def _plain_cnn():
        return nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )


    # a "checkpoint" made once (in memory, like torch.save to a file) so every CNN starts from the same weights
    torch.manual_seed(42)
    _buffer = io.BytesIO()
    torch.save(_plain_cnn().state_dict(), _buffer)
    CHECKPOINT = _buffer.getvalue()


    class CNN(nn.Module):
        def __init__(self, pretrained=True):
            super().__init__()
            self.main = _plain_cnn()
            if pretrained:
                state = torch.load(io.BytesIO(CHECKPOINT))
                self.main.load_state_dict(copy.deepcopy(state))

        def forward(self, x):
            out = self.main(x)
            return out
    ''')
Q7["frozen_biases"] = d('''
    class CNN(nn.Module):
        """Pooled CNN; the biases stay at zero and are not trained (an experiment from the lab)."""

        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )
            for name, p in self.main.named_parameters():
                if name.endswith("bias"):
                    nn.init.zeros_(p)
                    p.requires_grad_(False)

        def forward(self, x):
            return self.main(x)
    ''')
Q7["im2col_flat_weight"] = d('''
    import math


    class CNN(nn.Module):
        """Everything by hand: im2col convolutions with flattened weights, a matmul head."""

        def __init__(self):
            super().__init__()
            # weights kept as (out, in*3*3) matrices, ready for the im2col matmul
            self.w1 = nn.Parameter(torch.empty(3, 1 * 9))
            self.b1 = nn.Parameter(torch.empty(3))
            self.w2 = nn.Parameter(torch.empty(2, 3 * 9))
            self.b2 = nn.Parameter(torch.empty(1, 2, 1, 1))
            self.W = nn.Parameter(torch.empty(1, 1250))
            self.b = nn.Parameter(torch.empty(1))
            for w, b, fan_in in [(self.w1, self.b1, 9), (self.w2, self.b2, 27), (self.W, self.b, 1250)]:
                bound = 1 / math.sqrt(fan_in)
                nn.init.kaiming_uniform_(w, a=math.sqrt(5))
                nn.init.uniform_(b, -bound, bound)

        @staticmethod
        def conv(x, w_flat, out_ch):
            n, c, h, wd = x.shape
            cols = F.unfold(x, kernel_size=3, padding=1)          # (N, C*9, H*W)
            out = w_flat @ cols                                     # (N, out, H*W)
            return out.view(n, out_ch, h, wd)

        def forward(self, x):
            x = self.conv(x, self.w1, 3) + self.b1.view(1, 3, 1, 1)
            x = F.max_pool2d(F.relu(x), 2)
            x = self.conv(x, self.w2, 2) + self.b2
            x = F.max_pool2d(F.relu(x), 2)
            x = x.reshape(x.shape[0], -1)
            return x @ self.W.T + self.b
    ''')
Q7["counter_running_stats"] = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)
            # running statistics of the feature maps, for my report (not used by the network)
            self.register_buffer("calls", torch.zeros((), dtype=torch.long))
            self.register_buffer("running_act1", torch.zeros(3))
            self.register_buffer("running_act2", torch.zeros(2))
            self.momentum = 0.1

        def forward(self, x):
            self.calls += 1
            a1 = F.relu(self.conv1(x))
            x = self.pool(a1)
            a2 = F.relu(self.conv2(x))
            if self.training:
                with torch.no_grad():
                    self.running_act1.mul_(1 - self.momentum).add_(self.momentum * a1.mean(dim=(0, 2, 3)))
                    self.running_act2.mul_(1 - self.momentum).add_(self.momentum * a2.mean(dim=(0, 2, 3)))
            if int(self.calls) % 100 == 0:
                print(f"call {int(self.calls)}: running means {self.running_act1.tolist()} {self.running_act2.tolist()}")
            x = self.pool(a2)
            return self.fc(x.flatten(1))
    ''')
Q7["hooks_logging"] = d('''
    import logging

    logger = logging.getLogger("lab06")
    logging.basicConfig(level=logging.WARNING)


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(
                nn.Conv2d(1, 3, kernel_size=(3, 3), padding=1),
                nn.ReLU(),
                nn.MaxPool2d((2, 2)),
                nn.Conv2d(3, 2, kernel_size=(3, 3), padding=1),
                nn.ReLU(),
                nn.MaxPool2d((2, 2)),
                nn.Flatten(),
                nn.Linear(1250, 1),
            )
            self.activation_log = {}
            for name, module in self.main.named_children():
                module.register_forward_hook(self._make_hook(name))

        def _make_hook(self, name):
            def hook(module, inputs, output):
                with torch.no_grad():
                    self.activation_log[name] = (tuple(output.shape), output.abs().mean().item())
                logger.debug("layer %s -> %s", name, tuple(output.shape))
            return hook

        def forward(self, x):
            with torch.no_grad():
                logger.debug("input mean %.4f std %.4f", x.mean().item(), x.std().item())
            return self.main(x)
    ''')
Q7["optimizer_attribute"] = d('''
    class CNN(nn.Module):
        def __init__(self, lr=1e-3):
            super().__init__()
            self.main = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )
            self.loss_fn = nn.BCEWithLogitsLoss()
            self.optimizer = torch.optim.Adam(self.parameters(), lr=lr)
            self.history = []

        def forward(self, x):
            return self.main(x)

        def train_step(self, x, y):
            self.train()
            self.optimizer.zero_grad()
            loss = self.loss_fn(self(x), y)
            loss.backward()
            self.optimizer.step()
            self.history.append(loss.item())
            return loss.item()

        @torch.no_grad()
        def predict(self, x):
            self.eval()
            return (torch.sigmoid(self(x)) > 0.5).long()
    ''')
Q7["double"] = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )
            self.double()   # float64 everywhere: I was checking gradients with gradcheck

        def forward(self, x):
            in_dtype = x.dtype
            return self.main(x.double()).to(in_dtype)   # float32 in, float32 out
    ''')
Q7["channels_last_ordereddict"] = d('''
    from collections import OrderedDict


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(OrderedDict([
                ("conv1", nn.Conv2d(1, 3, 3, padding=1)),
                ("relu1", nn.ReLU()),
                ("pool1", nn.MaxPool2d(2)),
                ("conv2", nn.Conv2d(3, 2, 3, padding=1)),
                ("relu2", nn.ReLU()),
                ("pool2", nn.MaxPool2d(2)),
                ("flatten", nn.Flatten()),
                ("fc", nn.Linear(1250, 1)),
            ]))
            self.to(memory_format=torch.channels_last)   # "faster on GPU" (from the performance tuning guide)

        def forward(self, x):
            x = x.contiguous(memory_format=torch.channels_last)
            return self.main(x)
    ''')
Q7["grad_hooks_training_branch"] = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)
            self.grad_norms = []     # gradient norms of the feature maps, to look for vanishing gradients
            self.n_train_calls = 0
            self.n_eval_calls = 0

        def _watch(self, t, name):
            if self.training and t.requires_grad:
                t.register_hook(lambda g: self.grad_norms.append((name, g.norm().item())))
            return t

        def forward(self, x):
            if self.training:
                self.n_train_calls += 1
            else:
                self.n_eval_calls += 1
            x = self._watch(F.max_pool2d(torch.relu(self.conv1(x)), 2), "block1")
            x = self._watch(F.max_pool2d(torch.relu(self.conv2(x)), 2), "block2")
            return self.fc(x.view(-1, 1250))
    ''')
Q7["trunc_normal_zero_head"] = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            )
            self.head = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))
            self._init()

        @torch.no_grad()
        def _init(self):
            for m in self.features:
                if isinstance(m, nn.Conv2d):
                    nn.init.trunc_normal_(m.weight, std=0.1, a=-0.2, b=0.2)
                    m.bias.fill_(0.0)
            # zero-init the last layer: the network starts by predicting 0
            nn.init.zeros_(self.head[1].weight)
            nn.init.zeros_(self.head[1].bias)

        def forward(self, x):
            return self.head(self.features(x))
    ''')
Q7["numpy_rng_copy"] = d('''
    class CNN(nn.Module):
        def __init__(self, rng_seed=123):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.relu1 = nn.ReLU()
            self.pool1 = nn.MaxPool2d(2)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.relu2 = nn.ReLU()
            self.pool2 = nn.MaxPool2d(2)
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(1250, 1)
            rng = np.random.default_rng(rng_seed)
            with torch.no_grad():
                for layer in (self.conv1, self.conv2, self.fc):
                    fan_in = layer.weight[0].numel()
                    w = rng.normal(0, np.sqrt(2 / fan_in), size=tuple(layer.weight.shape))
                    layer.weight.copy_(torch.from_numpy(w))
                    layer.bias.copy_(torch.full_like(layer.bias, 0.1))

        def forward(self, x):
            x = self.pool1(self.relu1(self.conv1(x)))
            x = self.pool2(self.relu2(self.conv2(x)))
            return self.fc(self.flatten(x))
    ''')
Q7["fconv2d_params_bias4d"] = d('''
    class CNN(nn.Module):
        """Conv layers as plain parameters + F.conv2d (to understand what nn.Conv2d stores)."""

        def __init__(self):
            super().__init__()
            self.w1 = nn.Parameter(torch.randn(3, 1, 3, 3) * 0.1)
            self.b1 = nn.Parameter(torch.zeros(1, 3, 1, 1))      # bias shaped to broadcast over the feature map
            self.w2 = nn.Parameter(torch.randn(2, 3, 3, 3) * 0.1)
            self.b2 = nn.Parameter(torch.zeros(1, 2, 1, 1))
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = F.conv2d(x, self.w1, padding=1) + self.b1
            x = F.max_pool2d(F.relu(x), 2)
            x = F.conv2d(x, self.w2, padding=1) + self.b2
            x = F.max_pool2d(F.relu(x), 2)
            return self.fc(x.flatten(start_dim=1))
    ''')

# ---------------------------------------------------------------------------------------------------------------
# q8 models
# ---------------------------------------------------------------------------------------------------------------
Q8 = {}
Q8["kaiming_in_block"] = d('''
    def conv_block(input_channels, output_channels):
        conv = nn.Conv2d(input_channels, output_channels, (3, 3), padding=1)
        nn.init.kaiming_normal_(conv.weight, mode="fan_out", nonlinearity="relu")
        nn.init.zeros_(conv.bias)
        return nn.Sequential(conv, nn.ReLU())


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
            nn.init.xavier_normal_(self.main[-1].weight)
            nn.init.constant_(self.main[-1].bias, 0.0)

        def forward(self, x):
            return self.main(x)
    ''')
Q8["seeded_block"] = d('''
    def conv_block(input_channels, output_channels, seed=None):
        if seed is not None:
            torch.manual_seed(seed)
        return nn.Sequential(
            nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
            nn.ReLU(),
        )


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            torch.manual_seed(1234)
            channels = [input_channels, 3, 3, 3, 3, 3]
            self.blocks = nn.ModuleList([conv_block(cin, cout, seed=i) for i, (cin, cout)
                                         in enumerate(zip(channels[:-1], channels[1:]))])
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(3 * 128 * 128, 1)
            nn.init.normal_(self.fc.weight, std=0.001)
            nn.init.zeros_(self.fc.bias)

        def forward(self, x):
            for block in self.blocks:
                x = block(x)
            return self.fc(self.flatten(x))
    ''')
Q8["finetune_head"] = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(
            nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
            nn.ReLU(),
        )


    class ConvNet(nn.Module):
        """Transfer-learning style: the conv blocks are the 'backbone', only the head is trained."""

        def __init__(self, input_channels, freeze_backbone=True):
            super().__init__()
            self.backbone = nn.Sequential(
                conv_block(input_channels, 3),
                conv_block(3, 3),
                conv_block(3, 3),
                conv_block(3, 3),
                conv_block(3, 3),
            )
            self.head = nn.Sequential(nn.Flatten(), nn.Linear(49152, 1))
            if freeze_backbone:
                for p in self.backbone.parameters():
                    p.requires_grad = False
            self.optimizer = torch.optim.SGD(
                [p for p in self.parameters() if p.requires_grad], lr=0.01, momentum=0.9)

        def forward(self, x):
            return self.head(self.backbone(x))
    ''')
Q8["reset_parameters_subclass"] = d('''
    class InitConv2d(nn.Conv2d):
        """Conv2d whose reset_parameters uses He initialisation and zero biases."""

        def reset_parameters(self):
            nn.init.kaiming_uniform_(self.weight, nonlinearity="relu")
            if self.bias is not None:
                nn.init.zeros_(self.bias)


    def conv_block(input_channels, output_channels):
        return nn.Sequential(
            InitConv2d(input_channels, output_channels, kernel_size=(3, 3), padding=1),
            nn.ReLU(),
        )


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.main = nn.Sequential(
                conv_block(input_channels, 3),
                *[conv_block(3, 3) for _ in range(4)],
                nn.Flatten(),
                nn.Linear(49152, 1),
            )
            self.reset_parameters()

        def reset_parameters(self):
            for m in self.modules():
                if m is not self and hasattr(m, "reset_parameters"):
                    m.reset_parameters()

        def forward(self, x):
            return self.main(x)
    ''')
Q8["frozen_biases_double"] = d('''
    def conv_block(input_channels, output_channels):
        block = nn.Sequential(
            nn.Conv2d(input_channels, output_channels, 3, padding=1),
            nn.ReLU(),
        )
        return block


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.main = nn.Sequential(
                conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                conv_block(3, 3), conv_block(3, 3),
                nn.Flatten(), nn.Linear(49152, 1),
            )
            # biases start at zero and are not learned
            for m in self.main.modules():
                if isinstance(m, (nn.Conv2d, nn.Linear)):
                    nn.init.zeros_(m.bias)
                    m.bias.requires_grad_(False)

        def forward(self, x):
            return self.main(x)
    ''')
Q8["counter_print"] = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(
            nn.Conv2d(input_channels, output_channels, 3, padding=1),
            nn.ReLU(),
        )


    class ConvNet(nn.Module):
        def __init__(self, input_channels, verbose=False):
            super().__init__()
            self.blocks = nn.Sequential(*[conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]])
            self.flatten = nn.Flatten()
            self.linear = nn.Linear(49152, 1)
            self.verbose = verbose
            self.n_forward = 0
            self.register_buffer("seen_images", torch.tensor(0))

        def forward(self, x):
            self.n_forward += 1
            self.seen_images += x.shape[0]
            if self.verbose or self.n_forward == 1:
                print(f"[ConvNet] forward #{self.n_forward}, batch {tuple(x.shape)}, training={self.training}")
            x = self.blocks(x)
            return self.linear(self.flatten(x))
    ''')
Q8["double"] = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(
            nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
            nn.ReLU(),
        )


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.convs = nn.Sequential(
                conv_block(input_channels, 3),
                conv_block(3, 3),
                conv_block(3, 3),
                conv_block(3, 3),
                conv_block(3, 3),
            )
            self.fc = nn.Linear(49152, 1)
            self.to(torch.float64)   # like the CNN: compute in double precision

        def forward(self, x):
            dtype = x.dtype
            x = self.convs(x.to(torch.float64))
            return self.fc(torch.flatten(x, 1)).to(dtype)
    ''')
Q8["ordereddict_channels_last"] = d('''
    from collections import OrderedDict


    def conv_block(input_channels, output_channels):
        return nn.Sequential(OrderedDict([
            ("conv", nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1)),
            ("relu", nn.ReLU()),
        ]))


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            layers = OrderedDict()
            layers["block1"] = conv_block(input_channels, 3)
            for i in range(2, 6):
                layers[f"block{i}"] = conv_block(3, 3)
            layers["flatten"] = nn.Flatten()
            layers["fc"] = nn.Linear(49152, 1)
            self.net = nn.Sequential(layers).to(memory_format=torch.channels_last)

        def forward(self, x):
            return self.net(x.to(memory_format=torch.channels_last))
    ''')
Q8["matmul_head_param"] = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(
            nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
            nn.ReLU(),
        )


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
            # the Linear(49152, 1) written out: y = x W^T + b
            self.W = nn.Parameter(torch.empty(1, 49152))
            self.b = nn.Parameter(torch.zeros(1))
            nn.init.xavier_uniform_(self.W)

        def forward(self, x):
            for blk in self.blocks:
                x = blk(x)
            x = x.reshape(x.size(0), -1)
            return x @ self.W.T + self.b
    ''')
Q8["hooks_predict"] = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(
            nn.Conv2d(input_channels, output_channels, 3, padding=1),
            nn.ReLU(),
        )


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.main = nn.Sequential(
                conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
                nn.Flatten(), nn.Linear(49152, 1),
            )
            self.criterion = nn.MSELoss()
            self.dead_fraction = {}
            for i, block in enumerate(self.main[:5]):
                block[1].register_forward_hook(self._dead_relu_hook(i))

        def _dead_relu_hook(self, i):
            def hook(module, inp, out):
                self.dead_fraction[i] = (out.detach() == 0).float().mean().item()
            return hook

        def forward(self, x):
            return self.main(x)

        def train_step(self, x, y, optimizer):
            optimizer.zero_grad()
            loss = self.criterion(self(x), y)
            loss.backward()
            optimizer.step()
            return loss.item()

        @torch.no_grad()
        def predict(self, x):
            return self(x)
    ''')

# small training demos (top level), as students leave them in the file
TRAIN_Q7 = d('''
    model = CNN()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    X, y = torch.rand(8, 1, 100, 100), torch.rand(8, 1)
    for epoch in range(3):
        opt.zero_grad()
        loss = F.mse_loss(model(X), y.to(model(X).dtype))
        loss.backward()
        opt.step()
        print(epoch, round(loss.item(), 4))
    ''')
TRAIN_Q7_STEP = d('''
    model = CNN()
    X, y = torch.rand(8, 1, 100, 100), torch.randint(0, 2, (8, 1)).float()
    for epoch in range(3):
        print(epoch, model.train_step(X, y))
    print(model.predict(X[:4]).flatten())
    ''')
TRAIN_Q8 = d('''
    net = ConvNet(1)
    trainable = [p for p in net.parameters() if p.requires_grad]
    print("trainable:", sum(p.numel() for p in trainable), "of", sum(p.numel() for p in net.parameters()))
    opt = torch.optim.Adam(trainable, lr=1e-3)
    X, y = torch.rand(4, 1, 128, 128), torch.rand(4, 1)
    for step in range(2):
        opt.zero_grad()
        out = net(X)
        loss = F.mse_loss(out, y.to(out.dtype))
        loss.backward()
        opt.step()
        print(step, loss.item())
    ''')
SHAPES = d('''
    print(CNN()(torch.rand(2, 1, 100, 100)).shape, sum(p.numel() for p in CNN().parameters()))
    for c in (1, 3):
        print(c, ConvNet(c)(torch.rand(2, c, 128, 128)).shape, sum(p.numel() for p in ConvNet(c).parameters()))
    ''')


def md(t):
    return ("md", t)


def hdr(n):
    return md(f"## Q{n}")


def case(q7, q8, extra7=(), extra8=(), q6=("loops_zeros", "loops", "tensor"), q2="floordiv", q3="formula",
         q4="arith", q5="isinstance", q9="set", q10="plain", q1="plain"):
    conv, pool, out = q6
    return [
        md("# Lecture 6: CNNs"), IMPORTS,
        hdr(1), Q1[q1], hdr(2), Q2[q2], hdr(3), Q3[q3], hdr(4), Q4[q4], hdr(5), Q5[q5],
        hdr(6), Q6_CONV[conv], Q6_POOL[pool], Q6_OUT[out],
        hdr(7), Q7[q7], *extra7,
        hdr(8), Q8[q8], *extra8, SHAPES,
        hdr(9), Q9[q9], hdr(10), Q10[q10],
    ]


CASES: dict[str, list] = {}
CASES["r27_nb_apply_init_fn_xavier_kaiming_in_conv_block"] = case(
    "apply_init_fn", "kaiming_in_block", extra7=[TRAIN_Q7])
CASES["r27_py_manual_seed_orthogonal_seeded_blocks_modulelist"] = case(
    "seed_orthogonal", "seeded_block", q6=("cat_pad", "reshape", "list"), q2="np_floor", q10="str_keys")
CASES["r27_nb_reset_parameters_overrides_module_and_conv_subclass"] = case(
    "reset_parameters", "reset_parameters_subclass", q6=("item_zeros", "torch_max", "float"), q3="typed")
CASES["r27_py_state_dict_checkpoint_loaded_in_init"] = case(
    "state_dict_in_init", "kaiming_in_block", extra7=[TRAIN_Q7], q9="set_call")
CASES["r27_nb_frozen_biases_q7_and_q8"] = case(
    "frozen_biases", "frozen_biases_double", extra7=[TRAIN_Q7], extra8=[TRAIN_Q8], q4="typed")
CASES["r27_py_finetune_head_only_frozen_backbone"] = case(
    "apply_init_fn", "finetune_head", extra8=[TRAIN_Q8], q6=("loops_zeros", "python_max", "tensor"))
CASES["r27_nb_im2col_flattened_weight_matmul_head"] = case(
    "im2col_flat_weight", "matmul_head_param", extra7=[TRAIN_Q7], q6=("cat_pad", "loops", "computed"))
CASES["r27_py_fconv2d_parameters_bias_1c11"] = case(
    "fconv2d_params_bias4d", "matmul_head_param", extra7=[TRAIN_Q7], q10="computed")
CASES["r27_nb_call_counter_running_stats_buffers"] = case(
    "counter_running_stats", "counter_print", extra7=[TRAIN_Q7], extra8=[TRAIN_Q8], q3="lists")
CASES["r27_py_forward_hooks_logging_no_grad"] = case(
    "hooks_logging", "hooks_predict", extra7=[TRAIN_Q7], q9="tuple")
CASES["r27_nb_optimizer_and_loss_attributes_train_step_predict"] = case(
    "optimizer_attribute", "hooks_predict", extra7=[TRAIN_Q7_STEP], q6=("item_zeros", "reshape", "tensor"))
CASES["r27_py_float64_models"] = case(
    "double", "double", extra7=[TRAIN_Q7], extra8=[TRAIN_Q8], q2="math_floor")
CASES["r27_nb_channels_last_ordereddict"] = case(
    "channels_last_ordereddict", "ordereddict_channels_last", extra7=[TRAIN_Q7], q10="numpy_bools")
CASES["r27_py_gradient_hooks_self_training_branch"] = case(
    "grad_hooks_training_branch", "counter_print", extra7=[TRAIN_Q7], q6=("cat_pad", "torch_max", "tensor"))
CASES["r27_nb_trunc_normal_zero_init_head"] = case(
    "trunc_normal_zero_head", "seeded_block", extra7=[TRAIN_Q7], q5="int_bias")
CASES["r27_py_numpy_rng_weights_copied_in_init"] = case(
    "numpy_rng_copy", "reset_parameters_subclass", extra7=[TRAIN_Q7], q4="typed")


def write_notebook(path: Path, cells: list) -> None:
    nb = v4.new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                   "language_info": {"name": "python", "version": "3.11.5"}}
    out_cells = []
    n = 0
    for c in cells:
        if isinstance(c, tuple) and c[0] == "md":
            out_cells.append(v4.new_markdown_cell(c[1].rstrip("\n")))
            continue
        n += 1
        cell = v4.new_code_cell(c.rstrip("\n"))
        cell.execution_count = n
        out_cells.append(cell)
    for k, cell in enumerate(out_cells):
        cell.id = f"r27-{k:03d}"
    nb.cells = out_cells
    nbformat.validate(nb)
    path.write_text(nbformat.writes(nb), encoding="utf-8")


def write_script(path: Path, cells: list) -> None:
    parts = [(c if isinstance(c, str) else "").rstrip("\n") for c in cells if not (isinstance(c, tuple) and c[0] == "md")]
    path.write_text("\n\n\n".join(parts) + "\n", encoding="utf-8")


def write(out: Path, name: str, cells: list) -> None:
    if "_nb_" in name:
        write_notebook(out / f"{name}.ipynb", cells)
    else:
        write_script(out / f"{name}.py", cells)


# Isolation copies (see _r27_findings.md): one thing changed in q7 each, q8 is the lecture's honest ConvNet.
Q8["lecture"] = r26.Q8["lecture"]
_F = Q7["fconv2d_params_bias4d"]
_I = Q7["im2col_flat_weight"]
ISO_Q7 = {
    "iso_fconv2d_original": _F,
    # bias of shape (C,) passed to F.conv2d: the layer torch's Conv2d is
    "iso_fconv2d_bias_c_passed_to_conv2d": _F.replace("torch.zeros(1, 3, 1, 1)", "torch.zeros(3)")
        .replace("torch.zeros(1, 2, 1, 1)", "torch.zeros(2)")
        .replace("F.conv2d(x, self.w1, padding=1) + self.b1", "F.conv2d(x, self.w1, self.b1, padding=1)")
        .replace("F.conv2d(x, self.w2, padding=1) + self.b2", "F.conv2d(x, self.w2, self.b2, padding=1)"),
    # bias of shape (C,) added after the convolution as a (1, C, 1, 1) view
    "iso_fconv2d_bias_c_added_as_view": _F.replace("torch.zeros(1, 3, 1, 1)", "torch.zeros(3)")
        .replace("torch.zeros(1, 2, 1, 1)", "torch.zeros(2)")
        .replace("+ self.b1", "+ self.b1.view(1, -1, 1, 1)").replace("+ self.b2", "+ self.b2.view(1, -1, 1, 1)"),
    # bias kept (1, C, 1, 1) but passed to F.conv2d flattened
    "iso_fconv2d_bias_1c11_passed_flattened": _F
        .replace("F.conv2d(x, self.w1, padding=1) + self.b1", "F.conv2d(x, self.w1, self.b1.flatten(), padding=1)")
        .replace("F.conv2d(x, self.w2, padding=1) + self.b2", "F.conv2d(x, self.w2, self.b2.flatten(), padding=1)"),
    "iso_im2col_original": _I,
    # the same im2col, its weights stored 4-D (out, in, 3, 3) and viewed as matrices in forward
    "iso_im2col_weights_4d_viewed": _I.replace("torch.empty(3, 1 * 9)", "torch.empty(3, 1, 3, 3)")
        .replace("torch.empty(2, 3 * 9)", "torch.empty(2, 3, 3, 3)")
        .replace("out = w_flat @ cols", "out = w_flat.view(out_ch, -1) @ cols"),
    # im2col with both biases (C,) added to the (N, C, H*W) product before the view
    "iso_im2col_bias_added_before_view": _I.replace("torch.empty(1, 2, 1, 1)", "torch.empty(2)")
        .replace("def conv(x, w_flat, out_ch):", "def conv(x, w_flat, b, out_ch):")
        .replace("out = w_flat @ cols", "out = w_flat @ cols + b.view(1, -1, 1)")
        .replace("self.conv(x, self.w1, 3) + self.b1.view(1, 3, 1, 1)", "self.conv(x, self.w1, self.b1, 3)")
        .replace("self.conv(x, self.w2, 2) + self.b2", "self.conv(x, self.w2, self.b2, 2)"),
    # the im2col convolutions replaced by F.conv2d on the same flat weights viewed 4-D
    "iso_im2col_flat_weight_fconv2d_view": _I
        .replace("cols = F.unfold(x, kernel_size=3, padding=1)          # (N, C*9, H*W)\n"
                 "        out = w_flat @ cols                                     # (N, out, H*W)\n"
                 "        return out.view(n, out_ch, h, wd)",
                 "return F.conv2d(x, w_flat.view(out_ch, c, 3, 3), padding=1)"),
}
# frozen parts: one bias frozen in __init__; or the class untouched and only an instance frozen at top level
ISO_Q7["iso_frozen_conv1_bias_only"] = Q7["apply_init_fn"].replace(
    "        self.apply(init_weights)\n", "        self.apply(init_weights)\n        self.main[0].bias.requires_grad_(False)\n")
ISO_Q7["iso_frozen_instance_only"] = Q7["apply_init_fn"] + d('''
    model = CNN()
    model.main[0].requires_grad_(False)   # fine-tune this instance's later layers only
    ''')
ISO: dict[str, list] = {}
for _name, _src in ISO_Q7.items():
    assert _name == "iso_fconv2d_original" or _name == "iso_im2col_original" or _src not in (_F, _I), _name
    Q7[_name] = _src
    ISO[_name] = case(_name, "lecture")


def main(argv: list[str]) -> None:
    if "--iso" in argv:
        out = Path(argv[argv.index("--iso") + 1])
        out.mkdir(parents=True, exist_ok=True)
        for name, cells in ISO.items():
            write(out, name, cells)
        print(len(ISO), "isolation copies written to", out)
        return
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else HERE
    out.mkdir(parents=True, exist_ok=True)
    for name, cells in CASES.items():
        write(out, name, cells)
    print(len(CASES), "files written to", out)


if __name__ == "__main__":
    main(sys.argv[1:])

"""Round 25 of the fairness corpus: correct models that compute with integer / bool tensors, slices and helper
objects while staying the prompt's network; q6 written with helper objects.

Each case is round 8's plain answers (``_make_r8.PLAIN``, written by round 8's writers as ``_make_r24.py`` uses
them) with some answers replaced.

- Focus A (q7 / q8): ``torch.tensor(x.shape)``, ``h.size(1)`` / ``h.size(0)`` in ``view``, channel halves sliced
  with ints taken from ``h.shape`` and concatenated back, ``torch.arange(h.shape[-1])`` indexing, ``torch.where(h >
  0, h, 0)``, ``masked_fill``, ``clamp(min=0)``, a long buffer call counter, a long buffer of dead-unit counts,
  ``torch.bincount`` / ``argmax`` / ``topk`` printed, ``F.one_hot`` in a training method, ``torch.stack`` /
  ``torch.cat`` of per-sample or per-layer outputs, ``nn.Flatten(start_dim=...)``, a parameter count kept as a
  tensor, forward hooks registered by helper functions (``attach(model)``, ``functools.partial`` hooks).
- Focus B (q6): a ``@dataclass`` config + ``Window`` class, a ``namedtuple`` + ``F.pad`` + ``torch.stack`` of
  maxima, a generic sliding helper with ``functools.partial`` and an integral image (``torch.cumsum``),
  ``torch._assert`` in q6.

    python tests/corpus/fair/_make_r25.py                        # rewrites tests/corpus/fair/r25_*
    python tests/corpus/fair/_make_r25.py --iso /tmp/fair25/iso  # isolation copies (scripts, not corpus files)
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from _make_r8 import PLAIN, QUESTIONS, d, write_notebook, write_script  # noqa: E402

CASES: dict[str, dict] = {}


def case(name, *, tool="jupyter", answers=None, q6=None, q7=None, q8=None, before=None, after=None, extra=None):
    ans = dict(answers or {})
    for q, src in (("q6", q6), ("q7", q7), ("q8", q8)):
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

CHECK_Q6 = d('''
    import torch.nn.functional as F

    for stride, padding in [(1, 0), (2, 1), (3, 2)]:
        x, w = torch.randn(9, 7), torch.randn(3, 2)
        ref = F.conv2d(x[None, None], w[None, None], stride=stride, padding=padding)[0, 0]
        print(stride, padding, torch.allclose(conv2d(x, w, stride=stride, padding=padding), ref, atol=1e-5))
    print(torch.equal(max_pool2d(x, 3), F.max_pool2d(x[None, None], 3)[0, 0]))
    ''')

Q6_OUT = "q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])\n"

# =========================================================================================================
# Focus A: q7 / q8
# =========================================================================================================

# A1: torch.tensor(x.shape), h.view(h.size(0), -1); q8 torch.tensor(h.shape[1:]).prod() and torch.flatten(h, 1)
A1_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(2 * 25 * 25, 1)

        def forward(self, x):
            shape = torch.tensor(x.shape)
            print("input shape:", shape.tolist(), "pixels per image:", int(shape[1:].prod()))
            h = self.pool(F.relu(self.conv1(x)))
            h = self.pool(F.relu(self.conv2(h)))
            h = h.view(h.size(0), -1)          # (N, 1250)
            return self.fc(h)
    ''')
A1_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            h = self.blocks(x)
            n_features = torch.tensor(h.shape[1:]).prod()
            print("features per image:", n_features.item())
            return self.fc(torch.flatten(h, 1))
    ''')
case("r25_nb_shape_as_tensor_view_size", q7=A1_Q7, q8=A1_Q8, after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# A2: channel halves sliced with ints from h.shape, concatenated back; arange indexing in q8
A2_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            h = F.max_pool2d(F.relu(self.conv1(x)), 2)
            # curious: do the first channels look different from the last ones?
            half = h.shape[1] // 2
            first, rest = h[:, :half], h[:, half:]
            print(f"channels [0, {half}) mean {first.mean().item():.4f}, [{half}, {h.shape[1]}) mean {rest.mean().item():.4f}")
            h = torch.cat([first, rest], dim=1)
            h = F.max_pool2d(F.relu(self.conv2(h)), 2)
            return self.fc(h.reshape(h.shape[0], -1))
    ''')
A2_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            for block in self.blocks:
                x = block(x)
            cols = torch.arange(x.shape[-1])
            rows = torch.arange(x.size(-2))
            x = x[:, :, rows][..., cols]          # every row and column, in order
            return self.fc(x.flatten(1))
    ''')
case("r25_py_channel_halves_cat_arange_index", tool="plain", q7=A2_Q7, q8=A2_Q8)

# A3: ReLU as torch.where(h > 0, h, 0) (a Python int), masked_fill in q8
A3_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, (3, 3), padding=1)
            self.pool1 = nn.MaxPool2d((2, 2))
            self.conv2 = nn.Conv2d(3, 2, (3, 3), padding=1)
            self.pool2 = nn.MaxPool2d((2, 2))
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            h = self.conv1(x)
            h = torch.where(h > 0, h, 0)        # ReLU, the way the lecture defines it: max(0, h)
            h = self.pool1(h)
            h = self.conv2(h)
            h = torch.where(h > 0, h, 0)
            h = self.pool2(h)
            return self.fc(self.flatten(h))
    ''')
A3_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(*[conv_block(input_channels if i == 0 else 3, 3) for i in range(5)])
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            for conv, _relu in self.blocks:
                x = conv(x)
                x = x.masked_fill(x <= 0, 0.0)     # same as the block's ReLU
            return self.fc(self.flatten(x))
    ''')
case("r25_nb_where_int_zero_masked_fill", tool="vscode", q7=A3_Q7, q8=A3_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# A4: a long buffer counting calls; q8 a buffer counting images
A4_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)
            # saved with the model (state_dict) but not trained
            self.register_buffer("calls", torch.zeros((), dtype=torch.long))

        def forward(self, x):
            self.calls += 1
            print("forward call", self.calls.item())
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            return self.fc(x.flatten(1))
    ''')
A4_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)))
            self.fc = nn.Linear(49152, 1)
            self.register_buffer("images_seen", torch.tensor(0))

        def forward(self, x):
            self.images_seen.add_(x.shape[0])
            return self.fc(self.blocks(x).flatten(1))
    ''')
case("r25_py_long_buffer_call_counter", tool="percent", q7=A4_Q7, q8=A4_Q8, after={"q7": [CHECK_Q7]})

# A5: bincount of predictions, argmax of outputs, topk of activations printed
A5_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(
                nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            )
            self.head = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))

        def forward(self, x):
            out = self.head(self.features(x))
            preds = (out.squeeze(1) > 0).long()
            print("predicted 0/1:", torch.bincount(preds, minlength=2).tolist(),
                  "| most confident image:", out.argmax().item())
            return out
    ''')
A5_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            h = self.blocks(x).flatten(1)
            top = h.topk(3, dim=1)
            print("strongest features of image 0:", top.indices[0].tolist(), top.values[0].detach())
            return self.fc(h)
    ''')
case("r25_nb_bincount_argmax_topk_debug", tool="colab", q7=A5_Q7, q8=A5_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# A6: a training_step method with F.one_hot; q8 torch.stack of the blocks' means printed
A6_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = self.pool(torch.relu(self.conv1(x)))
            x = self.pool(torch.relu(self.conv2(x)))
            return self.fc(self.flatten(x))

        def training_step(self, images, labels, optimizer):
            """labels are class indices 0/1; the single output is the logit of class 1"""
            target = F.one_hot(labels, num_classes=2)[:, 1:].float()      # (N, 1)
            loss = F.binary_cross_entropy_with_logits(self(images), target)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            return loss.item()
    ''')
A6_TRAIN = d('''
    torch.manual_seed(0)
    model = CNN()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    images, labels = torch.rand(8, 1, 100, 100), torch.randint(0, 2, (8,))
    for step in range(3):
        print(step, model.training_step(images, labels, opt))
    ''')
A6_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            outputs = []
            for block in self.blocks:
                x = block(x)
                outputs.append(x)
            means = torch.stack([o.mean() for o in outputs])
            print("mean activation per block:", means.detach().numpy().round(4))
            return self.fc(outputs[-1].flatten(1))
    ''')
case("r25_py_one_hot_training_step_stack_means", tool="nbconvert", q7=A6_Q7, q8=A6_Q8,
     after={"q7": [A6_TRAIN], "q8": [CHECK_Q8]})

# A7: a parameter count kept as a tensor, printed in forward; nn.Flatten(start_dim=1)
A7_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.Sequential(
                nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),
                nn.ReLU(),
                nn.MaxPool2d((2, 2)),
                nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),
                nn.ReLU(),
                nn.MaxPool2d((2, 2)),
                nn.Flatten(start_dim=1),
                nn.Linear(1250, 1),
            )
            self.n_params = torch.tensor([p.numel() for p in self.parameters()]).sum()

        def forward(self, x):
            print(f"CNN ({self.n_params.item()} parameters) on a batch of {x.shape[0]}")
            return self.layers(x)
    ''')
A7_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            chans = [input_channels] + [3] * 5
            self.net = nn.Sequential(*[conv_block(a, b) for a, b in zip(chans, chans[1:])],
                                     nn.Flatten(start_dim=1), nn.Linear(49152, 1))
            self.n_params = torch.tensor([p.numel() for p in self.parameters()]).sum()

        def forward(self, x):
            print("ConvNet parameters:", self.n_params)
            return self.net(x)
    ''')
case("r25_nb_param_count_tensor_flatten_start_dim", tool="lab4", q7=A7_Q7, q8=A7_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# A8: forward hooks attached by helper functions: attach(model) with a module-level show; partial hooks in q8
A8_Q7 = IMPORTS + "\n\n" + d('''
    def show(module, inputs, output):
        print(f"{type(module).__name__:>10}: {tuple(inputs[0].shape)} -> {tuple(output.shape)}")


    def attach(model):
        """print the shape after every layer of model (and of the model itself)"""
        for layer in model.children():
            layer.register_forward_hook(show)
        model.register_forward_hook(show)
        return model


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.body = attach(nn.Sequential(
                nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            ))

        def forward(self, x):
            return self.body(x)
    ''')
A8_Q8 = "import functools\n\n" + IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    def record(log, name, module, inputs, output):
        log[name] = tuple(output.shape)


    def watch(net, log):
        for name, m in net.named_modules():
            if isinstance(m, nn.Conv2d):
                m.register_forward_hook(functools.partial(record, log, name))


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)
            self.shapes = {}
            watch(self, self.shapes)

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))
    ''')
A8_SHOW = d('''
    net = ConvNet(3)
    net(torch.rand(1, 3, 128, 128))
    net.shapes
    ''')
case("r25_nb_attach_hook_helpers_partial", tool="deepnote", q7=A8_Q7, q8=A8_Q8,
     after={"q7": [CHECK_Q7], "q8": [A8_SHOW]})

# A9: one image at a time: torch.cat of per-sample outputs (q7), torch.stack of unbatched block outputs (q8)
A9_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            )
            self.classifier = nn.Linear(1250, 1)

        def forward(self, x):
            # I wanted to see that the images of a batch do not influence each other
            outs = [self.classifier(self.features(x[i:i + 1]).flatten(1)) for i in range(x.shape[0])]
            return torch.cat(outs, dim=0)
    ''')
A9_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            # Conv2d also takes a single (C, H, W) image
            feats = torch.stack([self.blocks(image) for image in x])
            return self.fc(feats.flatten(1))
    ''')
case("r25_py_one_image_at_a_time_cat_stack", tool="plain", q7=A9_Q7, q8=A9_Q8)

# A10: a long buffer of dead-unit counts (bool mask .sum()), per-channel alive counts printed
A10_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)
            self.register_buffer("dead", torch.zeros(2, dtype=torch.long))

        def forward(self, x):
            h = F.relu(self.conv1(x))
            self.dead[0] += (h == 0).sum()
            h = self.pool(h)
            h = F.relu(self.conv2(h))
            self.dead[1] += (h == 0).sum()
            h = self.pool(h)
            return self.fc(h.flatten(1))
    ''')
A10_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            h = self.blocks(x)
            alive = (h > 0).sum(dim=(2, 3))          # (N, 3) positive pixels per channel
            print("alive pixels per channel (image 0):", alive[0].tolist())
            return self.fc(h.flatten(1))
    ''')
A10_AFTER = d('''
    m = CNN()
    m(torch.rand(4, 1, 100, 100))
    print("zeros after relu1 / relu2:", m.dead.tolist())
    ''')
case("r25_py_dead_unit_long_buffer_alive_counts", tool="nbconvert", q7=A10_Q7, q8=A10_Q8,
     after={"q7": [A10_AFTER]})

# A11: clamp(min=0) with ints unpacked from x.shape (q8), torch.stack of the two maxima printed (q7)
A11_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            h1 = self.pool(F.relu(self.conv1(x)))
            h2 = self.pool(F.relu(self.conv2(h1)))
            peaks = torch.stack([h1.amax(), h2.amax()])
            print("largest activation after pool1 / pool2:", peaks.tolist())
            return self.fc(torch.flatten(h2, 1))
    ''')
A11_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            n, _, height, width = x.shape
            for block in self.blocks:
                x = block[0](x).clamp(min=0)       # conv, then the ReLU written out
            return self.fc(x.reshape(n, 3 * height * width))
    ''')
case("r25_nb_clamp_ints_from_shape_stack_peaks", tool="jupyter", q7=A11_Q7, q8=A11_Q8,
     after={"q7": [CHECK_Q7], "q8": [CHECK_Q8]})

# A12: flatten(start_dim=h.dim() - 3); argmax of channel means; halves of the flat features concatenated (q8)
A12_Q7 = IMPORTS + "\n\n" + d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.block1 = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.block2 = nn.Sequential(nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            h = self.block1(x)
            print("busiest channel after block1:", h.mean(dim=(0, 2, 3)).argmax().item())
            h = self.block2(h)
            h = h.flatten(start_dim=h.dim() - 3)   # works for (C, H, W) and (N, C, H, W)
            return self.fc(h)
    ''')
A12_Q8 = IMPORTS + "\n\n" + BLOCK + "\n\n" + d('''
    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.flatten = nn.Flatten(start_dim=1, end_dim=-1)
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            f = self.flatten(self.blocks(x))
            half = f.size(1) // 2
            top, bottom = f[:, :half], f[:, half:]
            print("top / bottom half of the features:", top.mean().item(), bottom.mean().item())
            return self.fc(torch.cat((top, bottom), dim=1))
    ''')
case("r25_py_flatten_dim_minus_three_feature_halves", tool="percent", q7=A12_Q7, q8=A12_Q8)

# =========================================================================================================
# Focus B: q6 with helper objects
# =========================================================================================================

B1_Q6 = "from dataclasses import dataclass\n\nimport torch\n\n" + Q6_OUT + "\n\n" + d('''
    @dataclass
    class SlideConfig:
        kernel_shape: tuple
        stride: int = 1
        padding: int = 0


    @dataclass(frozen=True)
    class PoolConfig:
        pool_size: int = 2

        @property
        def stride(self):
            return self.pool_size          # non-overlapping blocks


    class Window:
        """slides a kernel_shape window over a (zero-padded) image"""

        def __init__(self, image, cfg):
            self.cfg = cfg
            p = cfg.padding
            h, w = image.shape
            self.image = torch.zeros(h + 2 * p, w + 2 * p, dtype=image.dtype)
            self.image[p:p + h, p:p + w] = image

        def corners(self):
            kh, kw = self.cfg.kernel_shape
            s = self.cfg.stride
            height, width = self.image.shape
            return range(0, height - kh + 1, s), range(0, width - kw + 1, s)

        def at(self, i, j):
            kh, kw = self.cfg.kernel_shape
            return self.image[i:i + kh, j:j + kw]

        def conv(self, kernel):
            rows, cols = self.corners()
            return torch.stack([torch.stack([(self.at(i, j) * kernel).sum() for j in cols]) for i in rows])

        def pool(self):
            rows, cols = self.corners()
            return torch.stack([torch.stack([self.at(i, j).max() for j in cols]) for i in rows])


    def conv2d(image, kernel, stride=1, padding=0):
        cfg = SlideConfig(kernel_shape=tuple(kernel.shape), stride=stride, padding=padding)
        win = Window(image, cfg)
        return win.conv(kernel)


    def max_pool2d(image, kernel_size=2):
        cfg = PoolConfig(pool_size=kernel_size)
        win = Window(image, SlideConfig((cfg.pool_size, cfg.pool_size), stride=cfg.stride))
        return win.pool()
    ''')
case("r25_py_q6_dataclass_config_window_class", tool="plain", q6=B1_Q6)

B2_Q6 = "from collections import namedtuple\n\nimport torch\nimport torch.nn.functional as F\n\n" + Q6_OUT + "\n" + d('''
    Opts = namedtuple("Opts", ["kernel_shape", "stride", "padding"])


    def conv2d(image, kernel, stride=1, padding=0):
        opts = Opts(kernel_shape=tuple(kernel.shape), stride=stride, padding=padding)
        x = F.pad(image, (opts.padding,) * 4)            # left, right, top, bottom zeros
        kh, kw = opts.kernel_shape
        oh = (x.shape[0] - kh) // opts.stride + 1
        ow = (x.shape[1] - kw) // opts.stride + 1
        rows = []
        for i in range(oh):
            row = []
            for j in range(ow):
                r, c = i * opts.stride, j * opts.stride
                row.append(torch.sum(x[r:r + kh, c:c + kw] * kernel))
            rows.append(torch.stack(row))
        return torch.stack(rows)


    def max_pool2d(image, kernel_size=2):
        opts = Opts(kernel_shape=(kernel_size, kernel_size), stride=kernel_size, padding=0)
        k = opts.kernel_shape[0]
        oh, ow = image.shape[0] // k, image.shape[1] // k
        maxima = [image[r:r + k, c:c + k].max() for r in range(0, oh * k, k) for c in range(0, ow * k, k)]
        return torch.stack(maxima).reshape(oh, ow)
    ''')
case("r25_nb_q6_namedtuple_fpad_stack_maxima", tool="colab", q6=B2_Q6, after={"q6": [CHECK_Q6]})

B3_Q6 = "import functools\n\nimport torch\n\n" + Q6_OUT + "\n\n" + d('''
    def _slide(image, kh, kw, stride, reduce):
        """apply reduce to every kh x kw window, moving stride pixels at a time"""
        height, width = image.shape
        oh, ow = (height - kh) // stride + 1, (width - kw) // stride + 1
        out = torch.empty(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = reduce(image[i * stride:i * stride + kh, j * stride:j * stride + kw])
        return out


    def _pad(image, p):
        out = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
        out[p:p + image.shape[0], p:p + image.shape[1]] = image
        return out


    def conv2d(image, kernel, stride=1, padding=0):
        weighted_sum = functools.partial(lambda k, win: (win * k).sum(), kernel)
        return _slide(_pad(image, padding), *kernel.shape, stride, weighted_sum)


    _window_max = functools.partial(torch.amax, dim=(0, 1))


    def max_pool2d(image, kernel_size=2):
        return _slide(image, kernel_size, kernel_size, kernel_size, _window_max)


    pool2 = functools.partial(max_pool2d, kernel_size=2)


    def box_sums(image, k):
        """sum of every k x k window (stride 1) from an integral image: a check for conv2d with a ones kernel"""
        ii = torch.zeros(image.shape[0] + 1, image.shape[1] + 1, dtype=image.dtype)
        ii[1:, 1:] = image.cumsum(0).cumsum(1)
        return ii[k:, k:] - ii[:-k, k:] - ii[k:, :-k] + ii[:-k, :-k]
    ''')
B3_CHECK = d('''
    x = torch.randn(8, 6, dtype=torch.float64)
    print(torch.allclose(conv2d(x, torch.ones(3, 3, dtype=torch.float64)), box_sums(x, 3)))
    print(pool2(torch.arange(16.).reshape(4, 4)))
    ''')
case("r25_py_q6_partial_slide_integral_image", tool="nbconvert", q6=B3_Q6, after={"q6": [B3_CHECK]})

B4_Q6 = "import torch\n\n" + Q6_OUT + "\n\n" + d('''
    def conv2d(image, kernel, stride=1, padding=0):
        torch._assert(image.dim() == 2 and kernel.dim() == 2, "conv2d takes a 2-D image and a 2-D kernel")
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        oh = (h + 2 * padding - kh) // stride + 1
        ow = (w + 2 * padding - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        torch._assert(image.dim() == 2, "max_pool2d takes a 2-D image")
        k = kernel_size
        out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
        return out
    ''')
case("r25_nb_q6_torch_assert_dims", tool="jupyter", q6=B4_Q6, after={"q6": [CHECK_Q6]})


# =========================================================================================================
def _stable_ids(path: Path) -> None:
    nb = nbformat.read(str(path), as_version=4)
    for i, cell in enumerate(nb.cells):
        cell.id = f"r25-{i:03d}"
        if cell.cell_type == "markdown" and "id" in cell.metadata:
            cell.metadata["id"] = f"m{i:07x}"
        if cell.cell_type == "markdown" and "cell_id" in cell.metadata:
            cell.metadata["cell_id"] = f"md-{i:08x}"
    nbformat.write(nb, str(path))


ISO: dict[str, dict] = {}


def _iso_specs():
    """Isolation copies: round 23's plain template (``_make_r23.iso7`` / ``iso8``) with one construct added."""
    from _make_r23 import iso7, iso8  # noqa: F401

    def swap(src, a, b):
        assert a in src, a
        return src.replace(a, b)

    return {
        "iso_plain_template": {"answers": {**iso7(), **iso8()}},
        # negative controls: one of this round's constructs made WRONG; each must lose points
        "neg_q7_where_threshold": {"answers": {"q7": swap(A3_Q7, "torch.where(h > 0, h, 0)        #",
                                                          "torch.where(h > 0.05, h, 0)        #")}},
        "neg_q7_channel_halves_swapped": {"answers": {"q7": swap(A2_Q7, "torch.cat([first, rest], dim=1)",
                                                                 "torch.cat([rest, first], dim=1)")}},
        "neg_q8_arange_columns_flipped": {"answers": {"q8": swap(A2_Q8, "cols = torch.arange(x.shape[-1])",
                                                                 "cols = torch.arange(x.shape[-1]).flip(0)")}},
        "neg_q8_masked_fill_keeps_negatives": {"answers": {"q8": swap(A3_Q8, "x.masked_fill(x <= 0, 0.0)",
                                                                      "x.masked_fill(x <= -0.05, 0.0)")}},
        "neg_q8_feature_halves_swapped": {"answers": {"q8": swap(A12_Q8, "torch.cat((top, bottom), dim=1)",
                                                                 "torch.cat((bottom, top), dim=1)")}},
        "neg_q7_buffer_counter_scales_output": {"answers": {"q7": swap(A4_Q7, "return self.fc(x.flatten(1))",
                                                                       "return self.fc(x.flatten(1)) * self.calls")}},
        "neg_q6_window_pool_stride_one": {"answers": {"q6": swap(B1_Q6, "stride=cfg.stride))", "stride=1))")}},
        "neg_q6_fpad_one_side": {"answers": {"q6": swap(B2_Q6, "(opts.padding,) * 4", "(0, opts.padding) * 2")}},
        # this round's torch._assert in q6, and round 24's iso_q7_torch_assert_python_bool, alone
        "iso_q6_torch_assert_dims": {"answers": {"q6": B4_Q6}},
        "iso_q7_torch_assert_python_bool": {"answers": iso7(pre="torch._assert(x.dim() == 4, 'expected a batch')")},
    }


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
    for old in HERE.glob("r25_*"):
        old.unlink()
    for name, spec in CASES.items():
        if name.startswith("r25_nb_"):
            write_notebook(name, spec)
            _stable_ids(HERE / f"{name}.ipynb")
        else:
            write_script(name, spec)
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()

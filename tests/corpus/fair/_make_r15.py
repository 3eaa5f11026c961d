"""Round 15 of the fairness corpus (issue 9): correct answers in ordinary but unusual styles, aimed at the rules
the grader uses since fairness round 14 (models run in training mode, the gradients reaching each parameter
compared with a reference network's; layers judged by what the forward pass computes; the static reader of q6's
by-hand functions).

Each case is a full, correct answer to all ten questions (round 8's plain answers, ``_make_r8.PLAIN``, with some
questions answered the case's way, or cells added after them). Aimed at:

- q7 / q8 models: ReLU as ``F.leaky_relu(negative_slope=0.0)`` / ``torch.clip`` / ``nn.Threshold(0, 0)``; pooling
  before the ReLU (the same function); pooling by an einops-like reshape and ``amax``; convolution padding done by
  ``F.pad`` before an unpadded ``Conv2d``; a head held with ``register_parameter`` and applied by ``F.linear``;
  a layer aliased under a second attribute name; ``forward(x, return_features=False)``; layers read through a
  ``@property``; factory kwargs ``device=`` / ``dtype=``; ``torch.random.fork_rng`` around a seeded
  construction; ``self.apply(...)`` re-running each layer's own ``reset_parameters``; ``requires_grad_(True)``
  and ``self.train()`` in ``__init__``; a pruning-ready model (``prune.l1_unstructured(amount=0.0)``); debug
  hooks registered only when ``verbose=True``; blocks from ``itertools.pairwise`` of a channel list; blocks
  unpacked into one flat ``Sequential``; ``nn.Sequential`` subclasses for the block and the whole net; blocks
  cloned with ``copy.deepcopy``; ``functools.partial`` layer factories; channels-last input inside ``forward``;
  unbatched input handled by recursion into ``forward``;
- q6 by hand: windows by broadcast ``arange`` fancy indexing; shift-and-add convolution with a
  ``functools.reduce(torch.maximum, ...)`` pool; a window's value as ``torch.trace(window.T @ kernel)`` and the
  block's maximum as the last of ``sort``; ``while`` loops with ``image.new_zeros``; loops over
  ``numpy.ndindex``; ``torch.tensordot(window, kernel, dims=2)`` with ``torch.full(-inf)`` pooling;
- top level: a few training steps then a ``state_dict`` round trip through ``io.BytesIO``; pruning an instance
  after the answers (``prune.l1_unstructured`` then ``prune.remove``); shape-printing forward hooks on an
  instance, removed; ``q9_true = set("C")``;
- training-mode passes that do something extra changing nothing: input standardised by mean-0 / std-1 buffers,
  ``torch.as_tensor`` input guards, an activation function stored on the module, a random flip with ``p=0.0``
  (``torch.rand`` drawn in training), Gaussian input noise with ``std=0.0`` (``randn_like``), stochastic depth
  with probability 0, logits divided by a temperature of 1.0, an L2 penalty over ``named_parameters()`` kept by
  ``forward``; quantization stubs (float mode); layers built under ``with torch.device(...)``; a ``train()``
  override that logs; ``typing.Final`` class constants; ``torch.conv2d`` / ``torch.max_pool2d``; an input check
  as a forward pre-hook; VGG-style ``make_layers(cfg)``;
- everyday code elsewhere: ``globals()[name]`` in a summary cell, ``vars(SimpleNamespace)``, ``setattr(cfg, k,
  v)`` for config overrides, ``breakpoint()`` behind ``if DEBUG:``, ``__author__`` / ``__version__`` / ``__all__``
  in a script, ``help(...)``, ``f"{x=}"`` debug prints, ``global`` counters and ``functools.singledispatch`` in
  q6, ``torch.Tensor.max`` passed as a value, a mutable-default cache and ``zip(*[iter(s)] * k)`` in q6,
  ``torch.set_float32_matmul_precision`` / ``set_default_device``, ``AveragedModel`` (EMA), ``LBFGS`` with a
  closure, a wrapper ``nn.Module`` at top level, outputs and gradients self-checked with ``torch.testing``.

    python tests/corpus/fair/_make_r15.py        # rewrites tests/corpus/fair/r15_*
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import nbformat

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from _make_r8 import QUESTIONS, d, write_notebook, write_script  # noqa: E402

CASES: dict[str, dict] = {}


def case(name, *, tool="jupyter", answers=None, before=None, after=None, extra=None):
    """answers: {q: source}; before/after: {q: [cells]} around an answer; extra: cells appended at the end."""
    CASES[name] = dict(tool=tool, answers=answers or {}, before=before or {}, after=after or {}, extra=extra or [],
                       order=QUESTIONS)


def cnn(act1="F.relu(self.conv1(x))", act2="F.relu(self.conv2(x))", flat="torch.flatten(x, 1)",
        head="self.fc(x)", pre="", init="", pool="F.max_pool2d({}, 2)", layers=None):
    """q7's CNN with the activations, flatten, head, pooling or layers written the case's way."""
    layers = layers or d('''
        self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
        self.fc = nn.Linear(2 * 25 * 25, 1)''')
    layers = "".join("        " + line + "\n" for line in layers.strip("\n").splitlines())
    return d(f'''
import torch
import torch.nn.functional as F
from torch import nn
{pre}

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
{layers}{init}
    def forward(self, x):
        x = {pool.format(act1)}
        x = {pool.format(act2)}
        x = {flat}
        return {head}
''')


TRAIN_DEMO = d('''
    torch.manual_seed(0)
    model = CNN()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    x, y = torch.rand(4, 1, 100, 100), torch.randint(0, 2, (4, 1)).float()
    for step in range(2):
        optimizer.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(model(x), y)
        loss.backward()
        optimizer.step()
        print(step, round(loss.item(), 4))
    ''')

# ---------------------------------------------------------------------------------------------------------
# (a) q7: activations, pooling and padding computed another way
# ---------------------------------------------------------------------------------------------------------

case("r15_nb_q7_leaky_relu_slope_zero_and_clip",
     answers={"q7": cnn(act1="F.leaky_relu(self.conv1(x), negative_slope=0.0)",
                        act2="torch.clip(self.conv2(x), min=0)")},
     after={"q7": [TRAIN_DEMO]})

case("r15_py_q7_threshold_module_as_relu",
     answers={"q7": d('''
         import torch
         from torch import nn


         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 # nn.Threshold(0, 0): "y = x if x > 0 else 0", the ReLU of the old Lua Torch tutorials
                 self.model = nn.Sequential(
                     nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.Threshold(0.0, 0.0), nn.MaxPool2d(2),
                     nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.Threshold(0.0, 0.0), nn.MaxPool2d(2),
                     nn.Flatten(), nn.Linear(1250, 1),
                 )

             def forward(self, x):
                 return self.model(x)
         ''')})

case("r15_py_q7_pool_before_relu_same_function",
     answers={"q7": cnn(pool="F.relu({})", act1="F.max_pool2d(self.conv1(x), 2)",
                        act2="F.max_pool2d(self.conv2(x), 2)",
                        pre="\n# max-pooling commutes with ReLU (both are monotone), so I pool first: 4x fewer ReLUs\n")})

case("r15_nb_q7_pool_by_reshape_amax_einops_style",
     answers={"q7": cnn(pool="pool2x2({})", pre=d('''

         def pool2x2(x):
             """einops' reduce(x, "b c (h 2) (w 2) -> b c h w", "max") in plain torch."""
             b, c, h, w = x.shape
             return x.reshape(b, c, h // 2, 2, w // 2, 2).amax(dim=(3, 5))
         '''))})

case("r15_py_q7_padding_by_F_pad_before_unpadded_convs",
     answers={"q7": cnn(act1="F.relu(self.conv1(F.pad(x, (1, 1, 1, 1))))",
                        act2="F.relu(self.conv2(F.pad(x, (1, 1, 1, 1))))",
                        layers=d('''
                            # zero padding done by hand in forward (I want to try padding_mode="reflect" later)
                            self.conv1 = nn.Conv2d(1, 3, kernel_size=3)
                            self.conv2 = nn.Conv2d(3, 2, kernel_size=3)
                            self.fc = nn.Linear(2 * 25 * 25, 1)'''))})

# ---------------------------------------------------------------------------------------------------------
# (b) q7: how the layers are held, built and initialised
# ---------------------------------------------------------------------------------------------------------

case("r15_py_q7_head_register_parameter_f_linear",
     answers={"q7": cnn(pre="import math\n", head="F.linear(x, self.head_weight, self.head_bias)",
                        layers=d('''
                            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
                            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
                            self.register_parameter("head_weight", nn.Parameter(torch.empty(1, 1250)))
                            self.register_parameter("head_bias", nn.Parameter(torch.empty(1)))
                            self.reset_head()'''),
                        init=(
                            "\n"
                            "    def reset_head(self):\n"
                            "        # what nn.Linear.reset_parameters does, for fan_in = 1250\n"
                            "        nn.init.kaiming_uniform_(self.head_weight, a=math.sqrt(5))\n"
                            "        bound = 1 / math.sqrt(self.head_weight.shape[1])\n"
                            "        nn.init.uniform_(self.head_bias, -bound, bound)\n"))})

case("r15_nb_q7_sequential_with_named_aliases",
     answers={"q7": d('''
         import torch
         from torch import nn


         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.net = nn.Sequential(
                     nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     nn.Flatten(), nn.Linear(1250, 1),
                 )
                 # short names for the feature-map plots below (the same modules, not copies)
                 self.first_conv = self.net[0]
                 self.second_conv = self.net[3]

             def forward(self, x):
                 return self.net(x)
         ''')},
     after={"q7": [d('''
         model = CNN()
         print(sum(p.numel() for p in model.parameters()), len(model.state_dict()))
         print(model.first_conv is model.net[0], model.first_conv.weight.shape)
         ''')]})

case("r15_py_q7_forward_return_features_flag",
     answers={"q7": d('''
         import torch
         from torch import nn


         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.features = nn.Sequential(
                     nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                 )
                 self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))

             def forward(self, x, return_features=False):
                 feats = self.features(x)
                 out = self.classifier(feats)
                 if return_features:
                     return out, feats
                 return out
         ''')},
     after={"q7": [d('''
         out, feats = CNN()(torch.rand(2, 1, 100, 100), return_features=True)
         print(out.shape, feats.shape)
         ''')]})

case("r15_nb_q7_layers_read_through_property",
     answers={"q7": d('''
         import torch
         import torch.nn.functional as F
         from torch import nn


         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
                 self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
                 self.fc = nn.Linear(1250, 1)

             @property
             def convs(self):
                 return (self.conv1, self.conv2)

             @property
             def num_params(self):
                 return sum(p.numel() for p in self.parameters())

             def forward(self, x):
                 for conv in self.convs:
                     x = F.max_pool2d(F.relu(conv(x)), 2)
                 return self.fc(x.flatten(1))
         ''')},
     after={"q7": ["print(CNN().num_params)\n"]})

case("r15_py_q7_factory_kwargs_device_dtype_explicit",
     answers={"q7": d('''
         import torch
         from torch import nn

         DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")


         class CNN(nn.Module):
             def __init__(self, device=None, dtype=torch.float32):
                 super().__init__()
                 kw = {"device": device, "dtype": dtype}
                 self.conv1 = nn.Conv2d(1, 3, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), dilation=1,
                                        groups=1, bias=True, padding_mode="zeros", **kw)
                 self.conv2 = nn.Conv2d(3, 2, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), dilation=1,
                                        groups=1, bias=True, padding_mode="zeros", **kw)
                 self.pool = nn.MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
                 self.act = nn.ReLU(inplace=False)
                 self.flat = nn.Flatten(start_dim=1, end_dim=-1)
                 self.fc = nn.Linear(in_features=1250, out_features=1, bias=True, **kw)

             def forward(self, x):
                 x = self.pool(self.act(self.conv1(x)))
                 x = self.pool(self.act(self.conv2(x)))
                 return self.fc(self.flat(x))
         '''), "q8": None},
     after={"q7": [d('''
         model = CNN(device=DEVICE)
         print(model(torch.rand(2, 1, 100, 100, device=DEVICE)).shape)
         ''')]})

case("r15_nb_q7_fork_rng_seeded_construction",
     answers={"q7": d('''
         import torch
         from torch import nn


         class CNN(nn.Module):
             def __init__(self, seed=0):
                 super().__init__()
                 # the same initial weights every time, without touching the global random state
                 with torch.random.fork_rng():
                     torch.manual_seed(seed)
                     self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
                     self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
                     self.fc = nn.Linear(1250, 1)
                 self.relu = nn.ReLU()
                 self.pool = nn.MaxPool2d(2)

             def forward(self, x):
                 x = self.pool(self.relu(self.conv1(x)))
                 x = self.pool(self.relu(self.conv2(x)))
                 return self.fc(x.flatten(1))
         ''')},
     after={"q7": ["print(torch.equal(CNN().fc.weight, CNN().fc.weight))\n"]})

case("r15_py_q7_apply_reset_parameters_in_init",
     answers={"q7": cnn(init=d('''
         self.apply(self._init_weights)

     @staticmethod
     def _init_weights(module):
         # back to PyTorch's default initialisation (I experiment with others below the exercise)
         if isinstance(module, (nn.Conv2d, nn.Linear)):
             module.reset_parameters()
     ''').replace("\n", "\n    ").replace("    self.apply", "        self.apply", 1).rstrip(" "))})

case("r15_nb_q7_requires_grad_and_train_in_init",
     answers={"q7": cnn(init=d('''
         for p in self.parameters():
             p.requires_grad_(True)  # everything trains (I froze things in an earlier experiment)
         self.train()
     ''').replace("\n", "\n        ").replace("for p", "        for p", 1).rstrip(" "))})

case("r15_py_q7_pruning_ready_amount_zero",
     answers={"q7": d('''
         import torch
         import torch.nn.functional as F
         import torch.nn.utils.prune as prune
         from torch import nn


         class CNN(nn.Module):
             def __init__(self, prune_amount=0.0):
                 super().__init__()
                 self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
                 self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
                 self.fc = nn.Linear(1250, 1)
                 # magnitude pruning for the next lab; amount 0.0 keeps every weight (the mask is all ones)
                 for layer in (self.conv1, self.conv2, self.fc):
                     prune.l1_unstructured(layer, name="weight", amount=prune_amount)

             def forward(self, x):
                 x = F.max_pool2d(F.relu(self.conv1(x)), 2)
                 x = F.max_pool2d(F.relu(self.conv2(x)), 2)
                 return self.fc(torch.flatten(x, 1))
         ''')})

case("r15_nb_q7_debug_hooks_only_when_verbose",
     answers={"q7": d('''
         import torch
         from torch import nn


         class CNN(nn.Module):
             def __init__(self, verbose=False):
                 super().__init__()
                 self.layers = nn.Sequential(
                     nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     nn.Flatten(), nn.Linear(1250, 1),
                 )
                 if verbose:
                     for layer in self.layers:
                         layer.register_forward_hook(self._print_shape)

             @staticmethod
             def _print_shape(module, inputs, output):
                 print(f"{type(module).__name__:>10} -> {tuple(output.shape)}")

             def forward(self, x):
                 return self.layers(x)
         ''')},
     after={"q7": ["_ = CNN(verbose=True)(torch.rand(1, 1, 100, 100))\n"]})

# ---------------------------------------------------------------------------------------------------------
# (c) q8: blocks built, cloned and run another way
# ---------------------------------------------------------------------------------------------------------

case("r15_py_q8_blocks_from_itertools_pairwise",
     answers={"q8": d('''
         from itertools import pairwise

         import torch
         from torch import nn


         def conv_block(input_channels, output_channels):
             return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


         class ConvNet(nn.Module):
             def __init__(self, input_channels):
                 super().__init__()
                 channels = [input_channels, 3, 3, 3, 3, 3]
                 self.blocks = nn.Sequential(*(conv_block(a, b) for a, b in pairwise(channels)))
                 self.head = nn.Sequential(nn.Flatten(), nn.Linear(channels[-1] * 128 * 128, 1))

             def forward(self, x):
                 return self.head(self.blocks(x))
         ''')})

case("r15_nb_q8_blocks_unpacked_into_one_sequential",
     answers={"q8": d('''
         import torch
         from torch import nn


         def conv_block(input_channels, output_channels):
             return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


         class ConvNet(nn.Module):
             def __init__(self, input_channels):
                 super().__init__()
                 blocks = [conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)]
                 # one flat Sequential (conv, relu, conv, relu, ...): easier to index for my plots
                 self.layers = nn.Sequential(*[layer for block in blocks for layer in block],
                                             nn.Flatten(), nn.Linear(49152, 1))

             def forward(self, x):
                 return self.layers(x)
         ''')},
     after={"q8": ["print(ConvNet(1).layers)\n"]})

case("r15_py_q8_sequential_subclasses_block_and_net",
     answers={"q8": d('''
         import torch
         from torch import nn


         class ConvBlock(nn.Sequential):
             def __init__(self, input_channels, output_channels):
                 super().__init__(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


         def conv_block(input_channels, output_channels):
             return ConvBlock(input_channels, output_channels)


         class ConvNet(nn.Sequential):
             def __init__(self, input_channels):
                 super().__init__(
                     conv_block(input_channels, 3),
                     *(conv_block(3, 3) for _ in range(4)),
                     nn.Flatten(),
                     nn.Linear(3 * 128 * 128, 1),
                 )
         ''')})

case("r15_nb_q8_blocks_cloned_with_deepcopy",
     answers={"q8": d('''
         import copy

         import torch
         from torch import nn


         def conv_block(input_channels, output_channels):
             return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


         def clones(module, n):
             """n independent copies of a module (like _get_clones in nn.Transformer)."""
             return nn.ModuleList([copy.deepcopy(module) for _ in range(n)])


         class ConvNet(nn.Module):
             def __init__(self, input_channels):
                 super().__init__()
                 self.stem = conv_block(input_channels, 3)
                 self.body = clones(conv_block(3, 3), 4)
                 self.fc = nn.Linear(49152, 1)

             def forward(self, x):
                 x = self.stem(x)
                 for block in self.body:
                     x = block(x)
                 return self.fc(x.flatten(1))
         ''')})

case("r15_py_q7_q8_partial_layer_factories",
     answers={"q7": d('''
         from functools import partial

         import torch
         from torch import nn

         Conv3x3 = partial(nn.Conv2d, kernel_size=3, padding=1)
         Pool2 = partial(nn.MaxPool2d, kernel_size=2)


         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.body = nn.Sequential(Conv3x3(1, 3), nn.ReLU(), Pool2(), Conv3x3(3, 2), nn.ReLU(), Pool2())
                 self.fc = nn.Linear(1250, 1)

             def forward(self, x):
                 return self.fc(self.body(x).flatten(1))
         '''), "q8": d('''
         from functools import partial

         import torch
         from torch import nn

         Conv3x3 = partial(nn.Conv2d, kernel_size=3, padding=1)


         def conv_block(input_channels, output_channels):
             return nn.Sequential(Conv3x3(input_channels, output_channels), nn.ReLU())


         block3 = partial(conv_block, 3, 3)


         class ConvNet(nn.Module):
             def __init__(self, input_channels):
                 super().__init__()
                 self.blocks = nn.Sequential(conv_block(input_channels, 3), block3(), block3(), block3(), block3())
                 self.fc = nn.Linear(49152, 1)

             def forward(self, x):
                 return self.fc(self.blocks(x).flatten(1))
         ''')})

case("r15_nb_q8_channels_last_inside_forward",
     answers={"q8": d('''
         import torch
         from torch import nn


         def conv_block(input_channels, output_channels):
             return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


         class ConvNet(nn.Module):
             def __init__(self, input_channels):
                 super().__init__()
                 self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
                 self.fc = nn.Linear(49152, 1)

             def forward(self, x):
                 # NHWC is faster for convolutions on my CPU (oneDNN); flatten still sees (N, C, H, W)
                 x = x.contiguous(memory_format=torch.channels_last)
                 x = self.blocks(x)
                 return self.fc(torch.flatten(x, 1))
         ''')})

case("r15_py_q8_unbatched_input_by_recursion",
     answers={"q8": d('''
         import torch
         from torch import nn


         def conv_block(input_channels, output_channels):
             return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


         class ConvNet(nn.Module):
             def __init__(self, input_channels):
                 super().__init__()
                 self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
                 self.fc = nn.Linear(49152, 1)

             def forward(self, x):
                 if x.dim() == 3:  # one image (C, H, W), like nn.Conv2d accepts
                     return self.forward(x.unsqueeze(0)).squeeze(0)
                 return self.fc(self.blocks(x).flatten(1))
         ''')},
     after={"q8": ["print(ConvNet(2)(torch.rand(2, 128, 128)).shape)\n"]})

# ---------------------------------------------------------------------------------------------------------
# (d) q6 by hand, other numeric styles
# ---------------------------------------------------------------------------------------------------------

case("r15_py_q6_windows_by_broadcast_arange_indexing", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    def _windows(x, kh, kw, stride):
        """All kh x kw windows of x as an (oh, ow, kh, kw) tensor, by advanced indexing."""
        oh = (x.shape[0] - kh) // stride + 1
        ow = (x.shape[1] - kw) // stride + 1
        rows = (torch.arange(oh) * stride)[:, None, None, None] + torch.arange(kh)[None, None, :, None]
        cols = (torch.arange(ow) * stride)[None, :, None, None] + torch.arange(kw)[None, None, None, :]
        return x[rows, cols]


    def conv2d(image, kernel, stride=1, padding=0):
        p = padding
        padded = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
        padded[p:p + image.shape[0], p:p + image.shape[1]] = image
        return (_windows(padded, *kernel.shape, stride) * kernel).sum(dim=(-2, -1))


    def max_pool2d(image, kernel_size=2):
        return _windows(image, kernel_size, kernel_size, kernel_size).amax(dim=(-2, -1))
    ''')})

case("r15_nb_q6_shift_and_add_reduce_maximum", answers={"q6": d('''
    from functools import reduce

    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    def conv2d(image, kernel, stride=1, padding=0):
        """Sum over the kernel's taps of the (strided) input shifted by that tap, times the tap's weight."""
        p = padding
        padded = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
        padded[p:p + image.shape[0], p:p + image.shape[1]] = image
        kh, kw = kernel.shape
        oh = (padded.shape[0] - kh) // stride + 1
        ow = (padded.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for a in range(kh):
            for b in range(kw):
                out += kernel[a, b] * padded[a:a + (oh - 1) * stride + 1:stride, b:b + (ow - 1) * stride + 1:stride]
        return out


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        shifted = [image[a:a + oh * k:k, b:b + ow * k:k] for a in range(k) for b in range(k)]
        return reduce(torch.maximum, shifted)
    ''')})

case("r15_py_q6_trace_inner_product_and_sorted_max", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    def frobenius(a, b):
        """<A, B> = tr(A^T B), the sum of the elementwise product (linear algebra, week 3)."""
        return torch.trace(a.T @ b)


    def conv2d(image, kernel, stride=1, padding=0):
        p = padding
        image = image.float()
        padded = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p)
        padded[p:p + image.shape[0], p:p + image.shape[1]] = image
        kh, kw = kernel.shape
        oh = (padded.shape[0] - kh) // stride + 1
        ow = (padded.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = frobenius(padded[i * stride:i * stride + kh, j * stride:j * stride + kw], kernel.float())
        return out


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].flatten().sort().values[-1]
        return out
    ''')})

case("r15_nb_q6_while_loops_new_zeros", answers={"q6": d('''
    import torch

    q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


    def conv2d(image, kernel, stride=1, padding=0):
        padded = image.new_zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
        padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        kh, kw = kernel.shape
        rows = []
        top = 0
        while top + kh <= padded.shape[0]:
            row = []
            left = 0
            while left + kw <= padded.shape[1]:
                row.append((padded[top:top + kh, left:left + kw] * kernel).sum())
                left += stride
            rows.append(torch.stack(row))
            top += stride
        return torch.stack(rows)


    def max_pool2d(image, kernel_size=2):
        out = image.new_zeros(image.shape[0] // kernel_size, image.shape[1] // kernel_size)
        i = 0
        while i < out.shape[0]:
            j = 0
            while j < out.shape[1]:
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
                j += 1
            i += 1
        return out
    ''')})

case("r15_py_q6_numpy_ndindex_loops", answers={"q6": d('''
    import numpy as np
    import torch

    q6_output = np.array([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


    def conv2d(image, kernel, stride=1, padding=0):
        x = np.pad(image.numpy(), padding)
        k = kernel.numpy()
        kh, kw = k.shape
        out = np.zeros(((x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1), dtype=x.dtype)
        for i, j in np.ndindex(*out.shape):
            out[i, j] = np.sum(x[i * stride:i * stride + kh, j * stride:j * stride + kw] * k)
        return torch.from_numpy(out)


    def max_pool2d(image, kernel_size=2):
        x = image.numpy()
        k = kernel_size
        out = np.zeros((x.shape[0] // k, x.shape[1] // k), dtype=x.dtype)
        for i, j in np.ndindex(*out.shape):
            out[i, j] = x[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
        return torch.from_numpy(out)
    ''')})

case("r15_nb_q6_tensordot_and_full_neg_inf_pool", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    def conv2d(image, kernel, stride=1, padding=0):
        p = padding
        padded = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
        padded[p:p + image.shape[0], p:p + image.shape[1]] = image
        kh, kw = kernel.shape
        oh = (padded.shape[0] - kh) // stride + 1
        ow = (padded.shape[1] - kw) // stride + 1
        out = torch.empty(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                window = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
                out[i, j] = torch.tensordot(window, kernel, dims=2)
        return out


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        out = torch.full((image.shape[0] // k, image.shape[1] // k), float("-inf"), dtype=image.dtype)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                for a in range(k):
                    for b in range(k):
                        out[i, j] = torch.maximum(out[i, j], image[i * k + a, j * k + b])
        return out
    ''')})

# ---------------------------------------------------------------------------------------------------------
# (e) top level
# ---------------------------------------------------------------------------------------------------------

case("r15_py_training_then_state_dict_bytesio_roundtrip",
     answers={"q9": 'q9_true = set("C")  # only C\n'},
     after={"q7": [TRAIN_DEMO, d('''
         import io

         buffer = io.BytesIO()
         torch.save(model.state_dict(), buffer)
         buffer.seek(0)
         restored = CNN()
         restored.load_state_dict(torch.load(buffer, weights_only=True))
         with torch.no_grad():
             probe = torch.rand(3, 1, 100, 100)
             print(torch.equal(model(probe), restored(probe)), buffer.getbuffer().nbytes)
         ''')]})

case("r15_nb_prune_an_instance_after_answers", extra=[d('''
    import torch.nn.utils.prune as prune

    model = CNN()
    prune.l1_unstructured(model.conv1, name="weight", amount=0.3)
    print(float((model.conv1.weight == 0).float().mean()))
    prune.remove(model.conv1, "weight")
    print(sorted(name for name, _ in model.conv1.named_parameters()))
    ''')])

case("r15_py_shape_hooks_on_instance_removed", extra=[d('''
    net = ConvNet(1)
    handles = []
    for name, module in net.named_modules():
        if name and not isinstance(module, torch.nn.Sequential):
            handles.append(module.register_forward_hook(
                lambda m, inp, out, name=name: print(f"{name:12s} {tuple(out.shape)}")))
    with torch.set_grad_enabled(False):
        net(torch.rand(1, 1, 128, 128))
    for h in handles:
        h.remove()
    ''')])

# ---------------------------------------------------------------------------------------------------------
# (f) models whose training-mode pass does something extra that changes nothing
# ---------------------------------------------------------------------------------------------------------

case("r15_py_q7_input_standardised_by_buffers_mean0_std1",
     answers={"q7": cnn(init=(
         "        # dataset statistics, filled in once I have the real images (0 and 1 change nothing meanwhile)\n"
         "        self.register_buffer(\"mean\", torch.zeros(1, 1, 1, 1))\n"
         "        self.register_buffer(\"std\", torch.ones(1, 1, 1, 1))\n"),
         act1="F.relu(self.conv1((x - self.mean) / self.std))")})

case("r15_nb_q7_input_guard_as_tensor_float_device",
     answers={"q7": cnn(act1="F.relu(self.conv1(torch.as_tensor(x, dtype=torch.float32, "
                             "device=self.conv1.weight.device)))")},
     after={"q7": ["import numpy as np\n\nprint(CNN()(np.random.rand(2, 1, 100, 100)).shape)\n"]})

case("r15_nb_q7_activation_function_stored_on_module",
     answers={"q7": cnn(act1="self.activation(self.conv1(x))", act2="self.activation(self.conv2(x))",
                        init="        self.activation = F.relu  # swap for torch.tanh / F.elu to compare\n")})

case("r15_py_q7_random_flip_augmentation_off_by_default",
     answers={"q7": cnn(init="        self.flip_p = flip_p  # random horizontal flips while training (off for the exercise)\n",
                        act1="F.relu(self.conv1(self.augment(x)))").replace(
         "def __init__(self):", "def __init__(self, flip_p=0.0):").replace(
         "    def forward(self, x):", "    def augment(self, x):\n"
         "        if self.training and torch.rand(()) < self.flip_p:\n"
         "            x = torch.flip(x, dims=[-1])\n"
         "        return x\n\n"
         "    def forward(self, x):")})

case("r15_nb_q8_gaussian_noise_injection_std_zero",
     answers={"q8": d('''
         import torch
         from torch import nn


         def conv_block(input_channels, output_channels):
             return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


         class ConvNet(nn.Module):
             def __init__(self, input_channels, noise_std=0.0):
                 super().__init__()
                 self.noise_std = noise_std  # Gaussian noise on the inputs while training (regularisation)
                 self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
                 self.fc = nn.Linear(49152, 1)

             def forward(self, x):
                 if self.training:
                     x = x + self.noise_std * torch.randn_like(x)
                 return self.fc(self.blocks(x).flatten(1))
         ''')})

case("r15_py_q8_stochastic_depth_probability_zero",
     answers={"q8": d('''
         import torch
         from torch import nn


         def conv_block(input_channels, output_channels):
             return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


         class ConvNet(nn.Module):
             def __init__(self, input_channels, drop_block=0.0):
                 super().__init__()
                 self.drop_block = drop_block  # stochastic depth (Huang et al. 2016), 0.0 = every block runs
                 self.stem = conv_block(input_channels, 3)
                 self.blocks = nn.ModuleList([conv_block(3, 3) for _ in range(4)])
                 self.fc = nn.Linear(49152, 1)

             def forward(self, x):
                 x = self.stem(x)
                 for block in self.blocks:
                     if self.training and torch.rand(1).item() < self.drop_block:
                         continue  # skip this block for this batch (3 -> 3 channels, same shape)
                     x = block(x)
                 return self.fc(torch.flatten(x, 1))
         ''')})

case("r15_py_q7_temperature_scaled_logits_default_one",
     answers={"q7": cnn(init="        self.temperature = 1.0  # set by calibration on a validation set later\n",
                        head="self.fc(x) / self.temperature")})

case("r15_py_q6_accepts_lists_and_builtin_max", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    def conv2d(image, kernel, stride=1, padding=0):
        image = torch.as_tensor(image)  # lists of rows work too (the lecture's example)
        kernel = torch.as_tensor(kernel, dtype=image.dtype)
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        out = torch.zeros((h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1, dtype=image.dtype)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        image = torch.as_tensor(image)
        k = kernel_size
        rows = []
        for i in range(image.shape[0] // k):
            row = []
            for j in range(image.shape[1] // k):
                block = image[i * k:(i + 1) * k, j * k:(j + 1) * k].tolist()
                row.append(max(max(r) for r in block))
            rows.append(row)
        return torch.tensor(rows, dtype=image.dtype)
    ''')},
     after={"q6": ["print(conv2d([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]],\n"
                   "             [[0, 1, 2], [2, 2, 0], [0, 1, 2]]))\n"]})


# ---------------------------------------------------------------------------------------------------------
# (g) more ordinary code beside the models and by-hand functions
# ---------------------------------------------------------------------------------------------------------

case("r15_nb_q7_train_override_logs_mode",
     answers={"q7": cnn(init="\n" + textwrap.indent(d('''

         def train(self, mode=True):
             # log every switch between training and evaluation (I forgot model.eval() once too often)
             if mode != self.training:
                 print(f"{type(self).__name__}: {'train' if mode else 'eval'} mode")
             return super().train(mode)
         '''), "    "))},
     after={"q7": ["model = CNN()\nmodel.eval()\nmodel.train()\n"]})

case("r15_py_setup_matmul_precision_default_device",
     answers={"q1": d('''
         import torch

         torch.set_float32_matmul_precision("high")  # what Lightning suggests; only matters on a GPU
         torch.set_default_device("cpu")
         torch.set_printoptions(precision=3, sci_mode=False)

         q1_answer = "C"
         ''')})

case("r15_nb_answers_summary_through_globals", extra=[d('''
    # a last look at every answer before I submit
    for name in ["q1_answer", "q3_shapes", "q3_flatten_features", "q4_conv_params", "q4_cnn_params",
                 "q4_fcnn_params", "q9_true", "q10_answers"]:
        print(f"{name:20s} = {globals()[name]!r}")
    ''')])

case("r15_py_hyperparameters_namespace_vars",
     after={"q7": [d('''
         from types import SimpleNamespace

         cfg = SimpleNamespace(lr=0.01, steps=2, batch_size=4, seed=0)
         print(vars(cfg))
         torch.manual_seed(cfg.seed)
         model = CNN()
         optimizer = torch.optim.SGD(model.parameters(), lr=cfg.lr)
         x, y = torch.rand(cfg.batch_size, 1, 100, 100), torch.rand(cfg.batch_size, 1)
         for _ in range(cfg.steps):
             optimizer.zero_grad()
             loss = torch.nn.functional.mse_loss(model(x), y)
             loss.backward()
             optimizer.step()
         print(loss.item())
         ''')]})

case("r15_py_q8_vgg_style_make_layers_from_cfg",
     answers={"q8": d('''
         import torch
         from torch import nn

         CFG = [3, 3, 3, 3, 3]  # output channels of each conv block, as torchvision's VGG configs


         def conv_block(input_channels, output_channels):
             return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


         def make_layers(cfg, in_channels):
             layers = []
             for v in cfg:
                 layers += [conv_block(in_channels, v)]
                 in_channels = v
             return nn.Sequential(*layers)


         class ConvNet(nn.Module):
             def __init__(self, input_channels, cfg=CFG):
                 super().__init__()
                 self.features = make_layers(cfg, input_channels)
                 self.classifier = nn.Linear(cfg[-1] * 128 * 128, 1)

             def forward(self, x):
                 x = self.features(x)
                 x = torch.flatten(x, 1)
                 return self.classifier(x)
         ''')})

case("r15_nb_q6_slide_with_unbound_tensor_max", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    def _slide(x, kh, kw, stride, reduce):
        """Apply reduce to every kh x kw window of x, moving stride pixels at a time."""
        oh = (x.shape[0] - kh) // stride + 1
        ow = (x.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=x.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = reduce(x[i * stride:i * stride + kh, j * stride:j * stride + kw])
        return out


    def conv2d(image, kernel, stride=1, padding=0):
        p = padding
        padded = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
        padded[p:p + image.shape[0], p:p + image.shape[1]] = image
        return _slide(padded, *kernel.shape, stride, lambda window: torch.sum(window * kernel))


    def max_pool2d(image, kernel_size=2):
        return _slide(image, kernel_size, kernel_size, kernel_size, torch.Tensor.max)
    ''')})

case("r15_py_q7_checked_against_sequential_reference_grads",
     after={"q7": [d('''
         # my CNN against the Sequential of question 3 with the same weights: outputs AND gradients
         reference = torch.nn.Sequential(
             torch.nn.Conv2d(1, 3, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
             torch.nn.Conv2d(3, 2, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
             torch.nn.Flatten(), torch.nn.Linear(1250, 1),
         )
         mine = CNN()
         reference.load_state_dict(dict(zip(reference.state_dict().keys(), mine.state_dict().values())))
         x = torch.rand(4, 1, 100, 100)
         torch.testing.assert_close(mine(x), reference(x))
         g_mine = torch.autograd.grad(mine(x).sum(), list(mine.parameters()))
         g_ref = torch.autograd.grad(reference(x).sum(), list(reference.parameters()))
         for a, b in zip(g_mine, g_ref):
             torch.testing.assert_close(a, b)
         print("same outputs and gradients")
         ''')]})

case("r15_nb_classifier_wrapper_module_after_answers",
     after={"q7": [d('''
         class Classifier(torch.nn.Module):
             """CNN logits -> probabilities and 0/1 labels, for the confusion matrix next week."""

             def __init__(self, backbone, threshold=0.5):
                 super().__init__()
                 self.backbone = backbone
                 self.threshold = threshold

             def forward(self, x):
                 return torch.sigmoid(self.backbone(x))

             @torch.no_grad()
             def predict(self, x):
                 return (self(x) > self.threshold).long()


         clf = Classifier(CNN())
         print(clf.predict(torch.rand(3, 1, 100, 100)).flatten().tolist())
         ''')]})

case("r15_py_q7_typing_final_class_attributes",
     answers={"q7": d('''
         from typing import Final

         import torch
         import torch.nn.functional as F
         from torch import nn


         class CNN(nn.Module):
             # sizes as class constants (TorchScript-friendly, and the type checker stops me reassigning them)
             POOL: Final[int] = 2
             FLAT: Final[int] = 2 * 25 * 25

             def __init__(self):
                 super().__init__()
                 self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
                 self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
                 self.fc = nn.Linear(self.FLAT, 1)

             def forward(self, x: torch.Tensor) -> torch.Tensor:
                 x = F.max_pool2d(F.relu(self.conv1(x)), self.POOL)
                 x = F.max_pool2d(F.relu(self.conv2(x)), self.POOL)
                 return self.fc(x.reshape(-1, self.FLAT))
         ''')})


# ---------------------------------------------------------------------------------------------------------
# (h) quantization-ready and device-aware models; everyday debugging at top level and in q6
# ---------------------------------------------------------------------------------------------------------

case("r15_py_q7_quantization_stubs_float_mode",
     answers={"q7": d('''
         import torch
         from torch import nn
         from torch.ao.quantization import DeQuantStub, QuantStub


         class CNN(nn.Module):
             """Ready for post-training static quantization (the stubs are identities until the model is
             prepared and converted, which this exercise never does)."""

             def __init__(self):
                 super().__init__()
                 self.quant = QuantStub()
                 self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
                 self.relu1 = nn.ReLU()
                 self.pool1 = nn.MaxPool2d(2)
                 self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
                 self.relu2 = nn.ReLU()
                 self.pool2 = nn.MaxPool2d(2)
                 self.flatten = nn.Flatten()
                 self.fc = nn.Linear(1250, 1)
                 self.dequant = DeQuantStub()

             def forward(self, x):
                 x = self.quant(x)
                 x = self.pool1(self.relu1(self.conv1(x)))
                 x = self.pool2(self.relu2(self.conv2(x)))
                 x = self.fc(self.flatten(x))
                 return self.dequant(x)
         ''')})

case("r15_nb_q7_built_under_device_context_forward_follows_parameters",
     answers={"q7": d('''
         import torch
         import torch.nn.functional as F
         from torch import nn


         class CNN(nn.Module):
             def __init__(self, device="cpu"):
                 super().__init__()
                 with torch.device(device):  # every layer's tensors made there directly
                     self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
                     self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
                     self.fc = nn.Linear(1250, 1)

             def forward(self, x):
                 x = x.to(next(self.parameters()).device)  # inputs follow the model
                 x = F.max_pool2d(F.relu(self.conv1(x)), 2)
                 x = F.max_pool2d(F.relu(self.conv2(x)), 2)
                 return self.fc(x.flatten(1))
         ''')})

case("r15_py_config_overrides_with_setattr",
     after={"q8": [d('''
         from dataclasses import dataclass


         @dataclass
         class TrainConfig:
             lr: float = 0.1
             steps: int = 1
             channels: int = 1


         cfg = TrainConfig()
         for key, value in {"lr": 0.01, "channels": 2}.items():  # overrides from my experiment log
             setattr(cfg, key, value)
         net = ConvNet(cfg.channels)
         opt = torch.optim.SGD(net.parameters(), lr=cfg.lr)
         for _ in range(cfg.steps):
             opt.zero_grad()
             net(torch.rand(2, cfg.channels, 128, 128)).pow(2).mean().backward()
             opt.step()
         print(cfg)
         ''')]})

case("r15_nb_leftover_breakpoint_behind_debug_flag",
     answers={"q2": d('''
         DEBUG = False


         def conv_output_size(size, kernel_size, stride=1, padding=0):
             padded = size + 2 * padding
             if kernel_size > padded:
                 if DEBUG:
                     breakpoint()  # look at the arguments when this happens
                 raise ValueError("kernel does not fit")
             return (padded - kernel_size) // stride + 1
         ''')})

case("r15_nb_help_on_conv2d_cell", before={"q7": ["help(torch.nn.Conv2d.__init__)\n"]},
     after={"q8": ["help(conv_block)\n"]})

case("r15_py_fstring_equals_debug_prints",
     answers={"q6": d('''
         import torch

         q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]
         VERBOSE = False


         def conv2d(image, kernel, stride=1, padding=0):
             if padding:
                 padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
                 padded[padding:-padding, padding:-padding] = image
                 image = padded
             kh, kw = kernel.shape
             oh = (image.shape[0] - kh) // stride + 1
             ow = (image.shape[1] - kw) // stride + 1
             if VERBOSE:
                 print(f"{image.shape=} {kernel.shape=} {stride=} {padding=} -> {(oh, ow)=}")
             out = torch.zeros(oh, ow)
             for i in range(oh):
                 for j in range(ow):
                     out[i, j] = (image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
             return out


         def max_pool2d(image, kernel_size=2):
             oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
             out = torch.zeros(oh, ow)
             for i in range(oh):
                 for j in range(ow):
                     out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
             return out
         ''')},
     after={"q6": ["x = torch.rand(6, 6)\nprint(f\"{conv2d(x, torch.ones(3, 3)).shape=}\", f\"{max_pool2d(x).shape=}\")\n"]})

case("r15_nb_q6_global_call_counter", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]
    N_WINDOWS = 0  # how many windows my functions looked at (for the complexity question in the tutorial)


    def conv2d(image, kernel, stride=1, padding=0):
        global N_WINDOWS
        if padding:
            padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
            padded[padding:-padding, padding:-padding] = image
            image = padded
        kh, kw = kernel.shape
        out = torch.zeros((image.shape[0] - kh) // stride + 1, (image.shape[1] - kw) // stride + 1)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = (image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
                N_WINDOWS += 1
        return out


    def max_pool2d(image, kernel_size=2):
        global N_WINDOWS
        k = kernel_size
        out = torch.zeros(image.shape[0] // k, image.shape[1] // k)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
                N_WINDOWS += 1
        return out
    ''')}, after={"q6": ["conv2d(torch.rand(10, 10), torch.rand(3, 3))\nprint(N_WINDOWS)\n"]})

case("r15_py_q6_singledispatch_accepts_lists", answers={"q6": d('''
    from functools import singledispatch

    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    @singledispatch
    def as_tensor(x):
        raise TypeError(f"cannot use {type(x).__name__} as an image")


    @as_tensor.register
    def _(x: torch.Tensor):
        return x


    @as_tensor.register
    def _(x: list):
        return torch.tensor(x)


    def conv2d(image, kernel, stride=1, padding=0):
        image, kernel = as_tensor(image), as_tensor(kernel)
        if padding:
            padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
            padded[padding:-padding, padding:-padding] = image
            image = padded
        kh, kw = kernel.shape
        out = torch.zeros((image.shape[0] - kh) // stride + 1, (image.shape[1] - kw) // stride + 1, dtype=image.dtype)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = (image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        image = as_tensor(image)
        k = kernel_size
        out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
        return out
    ''')})


# ---------------------------------------------------------------------------------------------------------
# (i) parameters used beside the layers in a training pass; averaged models; module metadata
# ---------------------------------------------------------------------------------------------------------

case("r15_py_q7_l2_penalty_kept_by_forward",
     answers={"q7": cnn(init="        self.weight_decay = 1e-4\n        self.penalty = torch.zeros(())\n",
                        flat=d('''
         torch.flatten(x, 1)
                 # L2 penalty on the weights, added to the loss by my training loop (weight decay by hand)
                 self.penalty = self.weight_decay * sum((p ** 2).sum() for name, p in self.named_parameters()
                                                        if name.endswith("weight"))''').rstrip("\n"))},
     after={"q7": [d('''
         model = CNN()
         opt = torch.optim.SGD(model.parameters(), lr=0.01)
         x, y = torch.rand(4, 1, 100, 100), torch.rand(4, 1)
         loss = torch.nn.functional.mse_loss(model(x), y) + model.penalty
         loss.backward()
         opt.step()
         print(model.penalty.item())
         ''')]})

case("r15_nb_q7_torch_namespace_ops",
     answers={"q7": cnn(act1="torch.relu(torch.conv2d(x, self.conv1.weight, self.conv1.bias, padding=1))",
                        act2="torch.relu(self.conv2(x))", pool="torch.max_pool2d({}, 2)")})

case("r15_nb_swa_averaged_model_after_training",
     after={"q7": [TRAIN_DEMO, d('''
         from torch.optim.swa_utils import AveragedModel

         # an exponential moving average of the weights (what "EMA" checkpoints are)
         ema = AveragedModel(model, multi_avg_fn=torch.optim.swa_utils.get_ema_multi_avg_fn(0.9))
         for step in range(2):
             optimizer.zero_grad()
             torch.nn.functional.binary_cross_entropy_with_logits(model(x), y).backward()
             optimizer.step()
             ema.update_parameters(model)
         with torch.no_grad():
             print(ema(x).shape, int(ema.n_averaged))
         ''')]})

case("r15_py_script_metadata_dunders", answers={"q1": d('''
    """Lecture 6 exercises: convolutions, shapes, parameter counts and two CNNs."""

    __author__ = "Jane Student"
    __version__ = "1.2"
    __all__ = ["q1_answer", "conv_output_size", "conv2d", "max_pool2d", "CNN", "conv_block", "ConvNet"]

    q1_answer = "C"
    ''')})

case("r15_nb_q8_lbfgs_closure_demo",
     after={"q8": [d('''
         net = ConvNet(1)
         optimizer = torch.optim.LBFGS(net.parameters(), lr=0.1, max_iter=2)
         images, targets = torch.rand(2, 1, 128, 128), torch.rand(2, 1)


         def closure():
             optimizer.zero_grad()
             loss = torch.nn.functional.mse_loss(net(images), targets)
             loss.backward()
             return loss


         print(optimizer.step(closure).item())
         ''')]})


# ---------------------------------------------------------------------------------------------------------
# (j) an input check as a forward pre-hook; q6 with a mutable-default cache and the zip(*[iter]*k) idiom
# ---------------------------------------------------------------------------------------------------------

case("r15_nb_q7_input_check_forward_pre_hook",
     answers={"q7": d('''
         import torch
         from torch import nn


         def _check_input(module, args):
             (x,) = args
             if x.dim() != 4 or x.shape[1] != 1:
                 raise ValueError(f"expected a batch of grey-scale images (N, 1, H, W), got {tuple(x.shape)}")


         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.net = nn.Sequential(
                     nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     nn.Flatten(), nn.Linear(1250, 1),
                 )
                 self.register_forward_pre_hook(_check_input)

             def forward(self, x):
                 return self.net(x)
         ''')})

case("r15_py_q6_mutable_default_cache_and_zip_iter_grouping", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    def _out_size(n, k, stride, padding, _cache={}):
        """Output length along one axis (memoised in the default dict, the classic trick)."""
        key = (n, k, stride, padding)
        if key not in _cache:
            _cache[key] = (n + 2 * padding - k) // stride + 1
        return _cache[key]


    def conv2d(image, kernel, stride=1, padding=0):
        kh, kw = kernel.shape
        oh = _out_size(image.shape[0], kh, stride, padding)
        ow = _out_size(image.shape[1], kw, stride, padding)
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    def _groups(seq, k):
        """[a, b, c, d, e] -> (a, b), (c, d): consecutive groups of k, the rest dropped."""
        return zip(*[iter(seq)] * k)


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        rows = []
        for band in _groups(list(image), k):  # k rows at a time
            band = torch.stack(band)
            rows.append([torch.stack(cols).max() for cols in _groups(list(band.T), k)])
        return torch.stack([torch.stack(r) for r in rows])
    ''')})



def _stable_ids(path: Path) -> None:
    """Round 8's writer draws cell ids at random: fix them, so that running this generator again rewrites the same
    bytes."""
    nb = nbformat.read(str(path), as_version=4)
    for i, cell in enumerate(nb.cells):
        cell.id = f"r15-{i:03d}"
    nbformat.write(nb, str(path))


def main() -> None:
    for old in HERE.glob("r15_*"):
        old.unlink()
    for name, spec in CASES.items():
        spec["answers"] = {q: src for q, src in spec["answers"].items() if src is not None}
        if name.startswith("r15_nb_"):
            write_notebook(name, spec)
            _stable_ids(HERE / f"{name}.ipynb")
        else:
            write_script(name, spec)
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()

"""Round 16 of the fairness corpus: correct answers in ordinary but unusual styles, aimed at the rules the grader
uses since round 15 (models run in training mode, gradients compared with a reference network's; a model may not
compute with a tensor that trains but is not one of its parameters; the model is run again after a backward pass
and must compute the same; the model's own ``train()`` / ``eval()`` overrides are called; ``.numpy()`` of a weight
or activation inside ``forward`` is refused; ``linecache``, optimizer step hooks and state-dict hooks are refused).

Each case is a full, correct answer to all ten questions (round 8's plain answers, ``_make_r8.PLAIN``, with some
questions answered the case's way, or cells added after them). Aimed at:

- models with state that changes per call but not the output: a Python call counter and a set of seen shapes, a
  ``register_buffer`` counter updated in ``forward``, running activation means in a buffer (momentum, under
  ``no_grad``), ``self.last_activation`` kept detached / as NumPy for plotting / as Python floats, a dict of
  feature maps (not detached) and ``retain_grad()`` for Grad-CAM; ``train()`` / ``eval()`` overrides that log,
  set flags, or re-implement ``nn.Module.train`` by hand; a constant tensor attribute (``torch.tensor(1.0)``, no
  gradient) scaling the logits; a head held as two hand-made ``nn.Parameter``s initialised like ``nn.Linear``;
  an identity parametrization with ``right_inverse``; ``self.to(memory_format=torch.channels_last)`` in
  ``__init__``; the flatten size found by a dummy pass in ``__init__``; a ``Sequential`` subclass block that
  records its output shape; blocks in an ``nn.ModuleDict`` run by ``functools.reduce``;
- top level: Adam + StepLR, SGD + ReduceLROnPlateau with ``clip_grad_norm_``, CosineAnnealingLR with gradient
  accumulation, ``clip_grad_value_``, ``copy.deepcopy`` of the best ``state_dict``, ``torch.no_grad()`` /
  ``torch.inference_mode()`` evaluation loops, ``torch.set_grad_enabled(False)`` / ``(True)`` toggled as
  functions, ``traceback.print_exc()`` in try/except demos, seed-everything boilerplate (``cudnn`` flags,
  ``PYTHONHASHSEED``, ``use_deterministic_algorithms``), ``torch.autograd.set_detect_anomaly(True)``,
  ``torch.autograd.grad`` saliency;
- q6 by hand: NumPy ``as_strided``; a doubly-blocked Toeplitz matrix times the flattened image; ``F.pad`` and
  nested list comprehensions; ``torch.cartesian_prod`` window indices with ``gather``-free advanced indexing.

    python tests/corpus/fair/_make_r16.py        # rewrites tests/corpus/fair/r16_*
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from _make_r8 import QUESTIONS, d, write_notebook, write_script  # noqa: E402

CASES: dict[str, dict] = {}


def case(name, *, tool="jupyter", answers=None, before=None, after=None, extra=None):
    CASES[name] = dict(tool=tool, answers=answers or {}, before=before or {}, after=after or {}, extra=extra or [],
                       order=QUESTIONS)


def cnn(init_extra="", fwd_pre="", fwd_mid="", fwd_post="", head="self.fc(x)", methods="", pre="",
        cls="CNN(nn.Module)"):
    """q7's CNN (conv1 / conv2 / fc, functional ReLU and pooling, ``x.flatten(1)``) with the case's extras."""
    return _cnn_text(init_extra, fwd_pre, fwd_mid, fwd_post, head, methods, pre, cls)


def _ind(s, n):
    if not s:
        return ""
    return "".join((" " * n + line if line.strip() else "") + "\n" for line in d(s).splitlines())


def _cnn_text(init_extra, fwd_pre, fwd_mid, fwd_post, head, methods, pre, cls):
    out = "import torch\nimport torch.nn.functional as F\nfrom torch import nn\n"
    if pre:
        out += "\n" + d(pre)
    out += f"\n\nclass {cls}:\n    def __init__(self):\n        super().__init__()\n"
    out += "        self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)\n"
    out += "        self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)\n"
    out += "        self.fc = nn.Linear(2 * 25 * 25, 1)\n"
    out += _ind(init_extra, 8)
    out += "\n    def forward(self, x):\n"
    out += _ind(fwd_pre, 8)
    out += "        x = F.max_pool2d(F.relu(self.conv1(x)), 2)\n"
    out += _ind(fwd_mid, 8)
    out += "        x = F.max_pool2d(F.relu(self.conv2(x)), 2)\n"
    out += "        x = x.flatten(1)\n"
    out += _ind(fwd_post, 8)
    out += f"        return {head}\n"
    if methods:
        out += "\n" + _ind(methods, 4)
    return out


CONV_BLOCK = d('''
    import torch
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())
    ''')


def convnet(init_extra="", fwd_pre="", fwd_post="", methods="", block=CONV_BLOCK, loop="x = block(x)"):
    out = block + "\n\nclass ConvNet(nn.Module):\n    def __init__(self, input_channels):\n        super().__init__()\n"
    out += "        channels = [input_channels, 3, 3, 3, 3, 3]\n"
    out += "        self.blocks = nn.ModuleList([conv_block(a, b) for a, b in zip(channels, channels[1:])])\n"
    out += "        self.fc = nn.Linear(3 * 128 * 128, 1)\n"
    out += _ind(init_extra, 8)
    out += "\n    def forward(self, x):\n"
    out += _ind(fwd_pre, 8)
    out += "        for block in self.blocks:\n"
    out += "            " + loop + "\n"
    out += "        x = torch.flatten(x, 1)\n"
    out += _ind(fwd_post, 8)
    out += "        return self.fc(x)\n"
    if methods:
        out += "\n" + _ind(methods, 4)
    return out


TRAIN_CNN = d('''
    torch.manual_seed(0)
    model = CNN()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    images, labels = torch.rand(4, 1, 100, 100), torch.randint(0, 2, (4, 1)).float()
    for step in range(2):
        optimizer.zero_grad()
        loss = F.binary_cross_entropy_with_logits(model(images), labels)
        loss.backward()
        optimizer.step()
        print(step, round(loss.item(), 4))
    ''')

# ---------------------------------------------------------------------------------------------------------
# (a) q7 models with state that changes per call but not the output
# ---------------------------------------------------------------------------------------------------------

case("r16_nb_q7_call_counter_and_seen_shapes",
     answers={"q7": cnn(init_extra='''
         self.calls = 0
         self.seen_shapes = set()  # which batch shapes went through (debugging the DataLoader)
         ''', fwd_pre='''
         self.calls += 1
         self.seen_shapes.add(tuple(x.shape))
         ''')},
     after={"q7": [TRAIN_CNN + "print(model.calls, model.seen_shapes)\n"]})

case("r16_py_q7_buffer_counter_updated_in_forward",
     answers={"q7": cnn(init_extra='''
         # how many batches this model has trained on (saved with the state_dict, like BatchNorm's counter)
         self.register_buffer("num_batches_tracked", torch.tensor(0, dtype=torch.long))
         ''', fwd_pre='''
         if self.training:
             self.num_batches_tracked += 1
         ''')},
     after={"q7": [TRAIN_CNN + "print('batches seen:', int(model.num_batches_tracked))\n"]})

case("r16_nb_q7_running_activation_mean_buffer",
     answers={"q7": cnn(init_extra='''
         # running mean of conv1's feature maps, per channel, to see whether any channel "dies"
         self.momentum = 0.1
         self.register_buffer("conv1_running_mean", torch.zeros(3))
         ''', fwd_mid='''
         if self.training:
             with torch.no_grad():
                 batch_mean = x.mean(dim=(0, 2, 3))
                 self.conv1_running_mean.mul_(1 - self.momentum).add_(self.momentum * batch_mean)
         ''')},
     after={"q7": [TRAIN_CNN + "print(model.conv1_running_mean)\n"]})

case("r16_py_q7_last_activation_detached_for_plotting",
     answers={"q7": cnn(init_extra='''
         self.last_activation = None  # conv1's maps of the last batch, to plot them
         ''', fwd_mid='''
         self.last_activation = x.detach()
         ''')},
     after={"q7": [d('''
         model = CNN()
         model(torch.rand(2, 1, 100, 100))
         maps = model.last_activation
         print("conv1 feature maps:", tuple(maps.shape), [round(m.mean().item(), 3) for m in maps[0]])
         ''')]})

case("r16_nb_q7_last_activation_as_numpy_for_matplotlib",
     answers={"q7": cnn(pre='''
         import numpy as np
         ''', init_extra='''
         self.feature_maps = None  # a NumPy copy of the pooled conv1 maps, for plt.imshow
         ''', fwd_mid='''
         self.feature_maps = x.detach().cpu().numpy()
         ''')},
     after={"q7": [d('''
         model = CNN()
         model(torch.rand(1, 1, 100, 100))
         print(type(model.feature_maps).__name__, model.feature_maps.shape, np.round(model.feature_maps.max(), 3))
         ''')]})

case("r16_py_q7_activation_stats_logged_as_floats",
     answers={"q7": cnn(init_extra='''
         self.log = []  # (mean, fraction of zeros) of the ReLU output per call: watching for dead ReLUs
         ''', fwd_mid='''
         self.log.append((float(x.detach().mean()), (x == 0).float().mean().item()))
         ''')},
     after={"q7": [TRAIN_CNN + "print(model.log[-1])\n"]})

case("r16_nb_q7_feature_maps_dict_and_retain_grad",
     answers={"q7": cnn(init_extra='''
         self.feature_maps = {}  # for Grad-CAM: the maps and, after backward, their gradients
         ''', fwd_mid='''
         self.feature_maps["pool1"] = x
         ''', fwd_post='''
         if x.requires_grad:
             x.retain_grad()
         self.feature_maps["flat"] = x
         ''')},
     after={"q7": [d('''
         model = CNN()
         out = model(torch.rand(1, 1, 100, 100))
         out.sum().backward()
         cam = model.feature_maps["flat"].grad.reshape(2, 25, 25)
         print(tuple(cam.shape), cam.abs().sum().item() > 0)
         ''')]})

# ---------------------------------------------------------------------------------------------------------
# (b) train() / eval() overrides
# ---------------------------------------------------------------------------------------------------------

case("r16_py_q7_train_and_eval_overrides_log_and_set_flag",
     answers={"q7": cnn(init_extra='''
         self.mode_name = "train"
         ''', methods='''
         def train(self, mode=True):
             self.mode_name = "train" if mode else "eval"
             print(f"CNN -> {self.mode_name} mode")
             return super().train(mode)

         def eval(self):
             print("CNN.eval() called")
             return self.train(False)
         ''')},
     after={"q7": [d('''
         model = CNN()
         model.eval()
         print(model.mode_name, model.training)
         model.train()
         ''')]})

case("r16_nb_q7_train_override_written_out_by_hand",
     answers={"q7": cnn(methods='''
         def train(self, mode: bool = True):
             """What nn.Module.train does, written out (I wanted to see it)."""
             if not isinstance(mode, bool):
                 raise ValueError("training mode is expected to be boolean")
             self.training = mode
             for module in self.children():
                 module.train(mode)
             return self
         ''')},
     after={"q7": [TRAIN_CNN]})

case("r16_py_q8_train_override_prints_each_block",
     answers={"q8": convnet(methods='''
         def train(self, mode=True):
             super().train(mode)
             for i, block in enumerate(self.blocks):
                 print(f"block {i}: training={block.training}")
             return self
         ''')})

# ---------------------------------------------------------------------------------------------------------
# (c) parameters, buffers and constants held another way
# ---------------------------------------------------------------------------------------------------------

case("r16_nb_q7_head_hand_parameters_like_linear",
     answers={"q7": d('''
         import math

         import torch
         import torch.nn.functional as F
         from torch import nn


         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
                 self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
                 # the classifier by hand, y = x W^T + b, initialised as nn.Linear does it
                 self.head_weight = nn.Parameter(torch.empty(1, 1250))
                 self.head_bias = nn.Parameter(torch.empty(1))
                 nn.init.kaiming_uniform_(self.head_weight, a=math.sqrt(5))
                 bound = 1 / math.sqrt(1250)
                 nn.init.uniform_(self.head_bias, -bound, bound)

             def forward(self, x):
                 x = F.max_pool2d(F.relu(self.conv1(x)), 2)
                 x = F.max_pool2d(F.relu(self.conv2(x)), 2)
                 x = x.flatten(1)
                 return x @ self.head_weight.t() + self.head_bias
         ''')})

case("r16_py_q7_constant_tensor_attribute_scales_logits",
     answers={"q7": cnn(init_extra='''
         # logit scale for calibration later (a plain constant for now, not trained)
         self.logit_scale = torch.tensor(1.0)
         ''', head="self.fc(x) * self.logit_scale")})

case("r16_nb_q7_identity_parametrization_with_right_inverse",
     answers={"q7": cnn(pre='''
         import torch.nn.utils.parametrize as parametrize


         class NoConstraint(nn.Module):
             """Placeholder weight constraint (I will try a max-norm one later); right_inverse lets me assign."""

             def forward(self, weight):
                 return weight

             def right_inverse(self, weight):
                 return weight
         ''', init_extra='''
         parametrize.register_parametrization(self.fc, "weight", NoConstraint())
         ''')},
     after={"q7": [d('''
         model = CNN()
         with torch.no_grad():
             model.fc.weight = torch.zeros(1, 1250)  # goes through right_inverse
         print(model.fc.parametrizations.weight.original.abs().sum().item())
         with parametrize.cached():
             print(model(torch.rand(2, 1, 100, 100)).squeeze(1).tolist())
         ''')]})

case("r16_py_q7_channels_last_module_in_init",
     answers={"q7": cnn(init_extra='''
         self.to(memory_format=torch.channels_last)  # faster convolutions on my laptop, they said
         ''', fwd_pre='''
         x = x.contiguous(memory_format=torch.channels_last)
         ''')})

case("r16_nb_q7_flat_size_from_dummy_pass_in_init",
     answers={"q7": d('''
         import torch
         import torch.nn.functional as F
         from torch import nn


         class CNN(nn.Module):
             def __init__(self, image_size=100):
                 super().__init__()
                 self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
                 self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
                 self.passes = 0
                 with torch.no_grad():  # find in_features by running the features once
                     n_flat = self.features(torch.zeros(1, 1, image_size, image_size)).shape[1]
                 self.fc = nn.Linear(n_flat, 1)

             def features(self, x):
                 self.passes += 1
                 x = F.max_pool2d(F.relu(self.conv1(x)), 2)
                 x = F.max_pool2d(F.relu(self.conv2(x)), 2)
                 return x.flatten(1)

             def forward(self, x):
                 return self.fc(self.features(x))
         ''')})

# ---------------------------------------------------------------------------------------------------------
# (d) q8 variants with state
# ---------------------------------------------------------------------------------------------------------

case("r16_nb_q8_forward_counter_and_images_seen_buffer",
     answers={"q8": convnet(init_extra='''
         self.n_forward = 0
         self.last_input_shape = None
         self.register_buffer("images_seen", torch.zeros((), dtype=torch.long), persistent=False)
         ''', fwd_pre='''
         self.n_forward += 1
         self.last_input_shape = tuple(x.shape)
         self.images_seen += x.shape[0]
         ''')})

case("r16_py_q8_sequential_subclass_block_records_shape",
     answers={"q8": convnet(block=d('''
         import torch
         from torch import nn


         class ConvBlock(nn.Sequential):
             """conv -> ReLU that remembers the shape it produced last (for my summary table)."""

             def __init__(self, input_channels, output_channels):
                 super().__init__(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())
                 self.out_shape = None

             def forward(self, x):
                 x = super().forward(x)
                 self.out_shape = tuple(x.shape)
                 return x


         def conv_block(input_channels, output_channels):
             return ConvBlock(input_channels, output_channels)
         '''))},
     after={"q8": [d('''
         net = ConvNet(1)
         net(torch.rand(2, 1, 128, 128))
         for i, block in enumerate(net.blocks):
             print(i, block.out_shape)
         ''')]})

case("r16_nb_q8_moduledict_blocks_run_by_reduce",
     answers={"q8": d('''
         import functools

         import torch
         from torch import nn


         def conv_block(input_channels, output_channels):
             return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


         class ConvNet(nn.Module):
             def __init__(self, input_channels):
                 super().__init__()
                 self.blocks = nn.ModuleDict()
                 c = input_channels
                 for i in range(1, 6):
                     self.blocks[f"block{i}"] = conv_block(c, 3)
                     c = 3
                 self.head = nn.Linear(49152, 1)
                 self.activations = {}

             def _run(self, x, item):
                 name, block = item
                 out = block(x)
                 self.activations[name] = out.detach().clone()
                 return out

             def forward(self, x):
                 x = functools.reduce(self._run, self.blocks.items(), x)
                 return self.head(x.flatten(1))
         ''')})

case("r16_py_q8_head_hand_parameters_F_linear",
     answers={"q8": d('''
         import math

         import torch
         import torch.nn.functional as F
         from torch import nn


         def conv_block(input_channels, output_channels):
             block = nn.Sequential()
             block.add_module("conv", nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1))
             block.add_module("relu", nn.ReLU())
             return block


         class ConvNet(nn.Module):
             def __init__(self, input_channels):
                 super().__init__()
                 self.features = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
                 self.weight = nn.Parameter(torch.empty(1, 49152))
                 self.bias = nn.Parameter(torch.zeros(1))
                 nn.init.kaiming_uniform_(self.weight, a=math.sqrt(5))

             def forward(self, x):
                 return F.linear(self.features(x).flatten(1), self.weight, self.bias)
         ''')})

case("r16_nb_q8_apply_xavier_init_and_leaky_slope_zero",
     answers={"q8": d('''
         import torch
         import torch.nn.functional as F
         from torch import nn


         class ReLUViaLeaky(nn.Module):
             def forward(self, x):
                 return F.leaky_relu(x, negative_slope=0.0)


         def conv_block(input_channels, output_channels):
             return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), ReLUViaLeaky())


         def init_weights(m):
             if isinstance(m, (nn.Conv2d, nn.Linear)):
                 nn.init.xavier_uniform_(m.weight)
                 nn.init.zeros_(m.bias)


         class ConvNet(nn.Module):
             def __init__(self, input_channels):
                 super().__init__()
                 layers = [conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)]
                 self.net = nn.Sequential(*layers, nn.Flatten(), nn.Linear(49152, 1))
                 self.apply(init_weights)

             def forward(self, x):
                 return self.net(x)
         ''')})

# ---------------------------------------------------------------------------------------------------------
# (e) top-level training, evaluation and debugging code
# ---------------------------------------------------------------------------------------------------------

case("r16_nb_adam_steplr_deepcopy_best_and_no_grad_eval",
     after={"q7": [d('''
         import copy

         torch.manual_seed(1)
         model = CNN()
         optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
         scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.5)
         x_train, y_train = torch.rand(8, 1, 100, 100), torch.randint(0, 2, (8, 1)).float()
         x_val, y_val = torch.rand(4, 1, 100, 100), torch.randint(0, 2, (4, 1)).float()
         best_loss, best_state = float("inf"), None
         for epoch in range(3):
             model.train()
             for xb, yb in zip(x_train.split(4), y_train.split(4)):
                 optimizer.zero_grad()
                 torch.nn.functional.binary_cross_entropy_with_logits(model(xb), yb).backward()
                 optimizer.step()
             scheduler.step()
             model.eval()
             with torch.no_grad():
                 val_loss = torch.nn.functional.binary_cross_entropy_with_logits(model(x_val), y_val).item()
             if val_loss < best_loss:
                 best_loss, best_state = val_loss, copy.deepcopy(model.state_dict())
             print(epoch, scheduler.get_last_lr(), round(val_loss, 4))
         model.load_state_dict(best_state)
         ''')]})

case("r16_py_plateau_scheduler_and_clip_grad_norm",
     after={"q8": [d('''
         torch.manual_seed(0)
         net = ConvNet(1)
         optimizer = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
         scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="min", factor=0.5, patience=0)
         images, targets = torch.rand(4, 1, 128, 128), torch.rand(4, 1)
         for step in range(3):
             optimizer.zero_grad(set_to_none=True)
             loss = torch.nn.functional.mse_loss(net(images), targets)
             loss.backward()
             total_norm = torch.nn.utils.clip_grad_norm_(net.parameters(), max_norm=1.0)
             optimizer.step()
             scheduler.step(loss.item())
             print(step, f"loss={loss.item():.4f} grad_norm={total_norm:.3f} lr={optimizer.param_groups[0]['lr']}")
         ''')]})

case("r16_nb_cosine_annealing_grad_accumulation_clip_value",
     tool="colab",
     after={"q7": [d('''
         torch.manual_seed(0)
         model = CNN()
         optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-2)
         scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=4)
         data = [(torch.rand(2, 1, 100, 100), torch.randint(0, 2, (2, 1)).float()) for _ in range(4)]
         accumulation = 2
         optimizer.zero_grad()
         for i, (xb, yb) in enumerate(data):
             loss = torch.nn.functional.binary_cross_entropy_with_logits(model(xb), yb) / accumulation
             loss.backward()
             if (i + 1) % accumulation == 0:
                 torch.nn.utils.clip_grad_value_(model.parameters(), clip_value=0.5)
                 optimizer.step()
                 optimizer.zero_grad()
                 scheduler.step()
         print(scheduler.get_last_lr())
         ''')]})

case("r16_py_set_grad_enabled_toggled_as_functions",
     after={"q3": [d('''
         import torch

         torch.set_grad_enabled(False)  # only shape checks below, no training
         _x = torch.rand(1, 1, 100, 100)
         _shapes = []
         for layer in [torch.nn.Conv2d(1, 3, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
                       torch.nn.Conv2d(3, 2, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2)]:
             _x = layer(_x)
             _shapes.append(tuple(_x.shape[1:]))
         assert [_shapes[i] for i in (0, 2, 3, 5)] == q3_shapes
         torch.set_grad_enabled(True)  # back on for the models
         ''')]},
     extra=[d('''
         torch.set_grad_enabled(False)
         print(CNN()(torch.rand(3, 1, 100, 100)).shape, ConvNet(2)(torch.rand(3, 2, 128, 128)).shape)
         torch.set_grad_enabled(True)
         ''')])

case("r16_nb_inference_mode_eval_loop",
     tool="vscode",
     extra=[d('''
         model = CNN().eval()
         batches = [torch.rand(5, 1, 100, 100) for _ in range(3)]
         predictions = []
         with torch.inference_mode():
             for xb in batches:
                 predictions.append(torch.sigmoid(model(xb)))
         predictions = torch.cat(predictions)
         print(predictions.shape, predictions.is_inference())
         model.train()
         ''')])

case("r16_py_traceback_print_exc_demos",
     after={"q2": [d('''
         import traceback

         try:
             conv_output_size(3, kernel_size=5)
         except ValueError:
             traceback.print_exc()  # expected: the kernel does not fit
         ''')],
            "q7": [d('''
         try:
             CNN()(torch.rand(1, 1, 64, 64))  # wrong image size: the Linear layer must complain
         except RuntimeError:
             traceback.print_exc()
         ''')]})

case("r16_nb_seed_everything_boilerplate_and_anomaly_mode",
     before={"q1": [d('''
         import os
         import random

         import numpy as np
         import torch


         def seed_everything(seed=42):
             random.seed(seed)
             os.environ["PYTHONHASHSEED"] = str(seed)
             np.random.seed(seed)
             torch.manual_seed(seed)
             torch.cuda.manual_seed_all(seed)
             torch.backends.cudnn.deterministic = True
             torch.backends.cudnn.benchmark = False


         seed_everything()
         torch.use_deterministic_algorithms(True)
         torch.autograd.set_detect_anomaly(True)  # while debugging NaNs
         ''')]})

case("r16_py_autograd_grad_saliency_and_requires_grad_",
     tool="percent",
     extra=[d('''
         model = CNN()
         image = torch.rand(1, 1, 100, 100).requires_grad_()
         (saliency,) = torch.autograd.grad(model(image).sum(), image)
         print("saliency", tuple(saliency.shape), saliency.abs().max().item())
         ''')])

# ---------------------------------------------------------------------------------------------------------
# (f) q6 by hand in other ways
# ---------------------------------------------------------------------------------------------------------

case("r16_py_q6_numpy_as_strided_windows",
     answers={"q6": d('''
         import numpy as np
         import torch

         q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


         def _windows(a, kh, kw, stride):
             """All (kh, kw) windows of a 2-D NumPy array, stride apart, as a 4-D view (no copy)."""
             oh = (a.shape[0] - kh) // stride + 1
             ow = (a.shape[1] - kw) // stride + 1
             s0, s1 = a.strides
             return np.lib.stride_tricks.as_strided(a, shape=(oh, ow, kh, kw),
                                                    strides=(s0 * stride, s1 * stride, s0, s1), writeable=False)


         def conv2d(image, kernel, stride=1, padding=0):
             a = np.pad(image.numpy(), padding)
             k = kernel.numpy()
             out = (_windows(a, k.shape[0], k.shape[1], stride) * k).sum(axis=(2, 3))
             return torch.from_numpy(np.ascontiguousarray(out)).to(image.dtype)


         def max_pool2d(image, kernel_size=2):
             a = np.ascontiguousarray(image.numpy())
             out = _windows(a, kernel_size, kernel_size, kernel_size).max(axis=(2, 3))
             return torch.from_numpy(np.ascontiguousarray(out))
         ''')})

case("r16_nb_q6_toeplitz_matrix_times_flat_image",
     answers={"q6": d('''
         import torch

         q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


         def conv2d(image, kernel, stride=1, padding=0):
             """Convolution as one matrix product: row r of M holds the kernel where output pixel r reads."""
             h, w = image.shape
             kh, kw = kernel.shape
             H, W = h + 2 * padding, w + 2 * padding
             padded = torch.zeros(H, W, dtype=image.dtype)
             padded[padding:padding + h, padding:padding + w] = image
             oh, ow = (H - kh) // stride + 1, (W - kw) // stride + 1
             M = torch.zeros(oh * ow, H * W, dtype=image.dtype)
             for i in range(oh):
                 for j in range(ow):
                     for a in range(kh):
                         for b in range(kw):
                             M[i * ow + j, (i * stride + a) * W + (j * stride + b)] = kernel[a, b]
             return (M @ padded.reshape(-1)).reshape(oh, ow)


         def max_pool2d(image, kernel_size=2):
             k = kernel_size
             oh, ow = image.shape[0] // k, image.shape[1] // k
             candidates = torch.stack([image[a:a + oh * k:k, b:b + ow * k:k] for a in range(k) for b in range(k)])
             return torch.max(candidates, dim=0).values
         ''')})

case("r16_py_q6_F_pad_and_list_comprehensions",
     tool="nbconvert",
     answers={"q6": d('''
         import torch
         import torch.nn.functional as F

         q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


         def conv2d(image, kernel, stride=1, padding=0):
             x = F.pad(image, (padding, padding, padding, padding))  # zeros on every side
             kh, kw = kernel.shape
             rows = range(0, x.shape[0] - kh + 1, stride)
             cols = range(0, x.shape[1] - kw + 1, stride)
             return torch.stack([torch.stack([(x[i:i + kh, j:j + kw] * kernel).sum() for j in cols]) for i in rows])


         def max_pool2d(image, kernel_size=2):
             k = kernel_size
             rows = range(0, image.shape[0] - k + 1, k)
             cols = range(0, image.shape[1] - k + 1, k)
             return torch.stack([torch.stack([image[i:i + k, j:j + k].max() for j in cols]) for i in rows])
         ''')})

case("r16_nb_q6_cartesian_prod_window_indices",
     tool="lab4",
     answers={"q6": d('''
         import torch

         q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


         def _window_index(n_out, k, step):
             """Row (or column) index of every window element: shape (n_out, k)."""
             starts = torch.arange(n_out) * step
             return starts[:, None] + torch.arange(k)[None, :]


         def conv2d(image, kernel, stride=1, padding=0):
             h, w = image.shape
             kh, kw = kernel.shape
             padded = image.new_zeros(h + 2 * padding, w + 2 * padding)
             padded[padding:padding + h, padding:padding + w] = image
             oh = (h + 2 * padding - kh) // stride + 1
             ow = (w + 2 * padding - kw) // stride + 1
             out = image.new_zeros(oh, ow)
             for i, j in torch.cartesian_prod(torch.arange(oh), torch.arange(ow)).tolist():
                 out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
             return out


         def max_pool2d(image, kernel_size=2):
             k = kernel_size
             r = _window_index(image.shape[0] // k, k, k)
             c = _window_index(image.shape[1] // k, k, k)
             blocks = image[r[:, None, :, None], c[None, :, None, :]]  # (oh, ow, k, k)
             return blocks.flatten(2).max(dim=2).values
         ''')})


# ---------------------------------------------------------------------------------------------------------
# (g) more: overrides without `return self`, optimizers held by the model, side computations, new APIs
# ---------------------------------------------------------------------------------------------------------

case("r16_py_q7_train_override_without_return_self",
     answers={"q7": cnn(methods="""
         def train(self, mode=True):
             # print when the mode changes (I forgot to return self, nothing I do chains on it)
             if mode != self.training:
                 print("CNN:", "train" if mode else "eval")
             super().train(mode)
         """)},
     after={"q7": [d("""
         model = CNN()
         model.eval()
         print(model.training, model.conv1.training)
         model.train()
         """)]})

case("r16_nb_q7_keras_style_fit_predict_optimizer_in_model",
     answers={"q7": cnn(init_extra="""
         self.loss_fn = nn.BCEWithLogitsLoss()
         self.optimizer = torch.optim.Adam(self.parameters(), lr=1e-3)
         self.history = []
         """, methods="""
         def fit(self, x, y, epochs=1):
             self.train()
             for _ in range(epochs):
                 self.optimizer.zero_grad()
                 loss = self.loss_fn(self(x), y)
                 loss.backward()
                 self.optimizer.step()
                 self.history.append(loss.item())
             return self

         @torch.no_grad()
         def predict(self, x):
             self.eval()
             probabilities = torch.sigmoid(self(x))
             self.train()
             return (probabilities > 0.5).long()
         """)},
     after={"q7": [d("""
         torch.manual_seed(0)
         model = CNN().fit(torch.rand(4, 1, 100, 100), torch.randint(0, 2, (4, 1)).float(), epochs=2)
         print(model.history, model.predict(torch.rand(3, 1, 100, 100)).squeeze(1).tolist())
         """)]})

case("r16_py_q7_weight_drift_from_init_buffer",
     answers={"q7": cnn(init_extra="""
         # a copy of the head's first weights, to watch how far training moves it
         self.register_buffer("fc_weight_at_init", self.fc.weight.detach().clone())
         self.drift = 0.0
         """, fwd_post="""
         self.drift = (self.fc.weight - self.fc_weight_at_init).norm()
         """)},
     after={"q7": [TRAIN_CNN + "print('drift of the head:', float(model.drift))\n"]})

case("r16_nb_q8_sequential_append_and_register_module",
     answers={"q8": d("""
         import torch
         from torch import nn


         def conv_block(input_channels, output_channels):
             block = nn.Sequential()
             block.append(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1))
             block.append(nn.ReLU())
             return block


         class ConvNet(nn.Module):
             def __init__(self, input_channels):
                 super().__init__()
                 self.blocks = nn.ModuleList()
                 self.blocks.extend([conv_block(input_channels, 3), conv_block(3, 3)])
                 self.blocks.extend(conv_block(3, 3) for _ in range(3))
                 self.register_module("flatten", nn.Flatten())
                 self.register_module("head", nn.Linear(49152, 1))

             def forward(self, x):
                 for block in self.blocks:
                     x = block(x)
                 return self.head(self.flatten(x))
         """)})

case("r16_py_param_groups_and_whole_model_torch_save",
     after={"q7": [d("""
         import io

         torch.manual_seed(0)
         model = CNN()
         optimizer = torch.optim.SGD([
             {"params": model.conv1.parameters()},
             {"params": model.conv2.parameters()},
             {"params": model.fc.parameters(), "lr": 0.1},  # a bigger step for the head
         ], lr=0.01, momentum=0.9)
         x, y = torch.rand(4, 1, 100, 100), torch.rand(4, 1)
         for _ in range(2):
             optimizer.zero_grad()
             torch.nn.functional.mse_loss(model(x), y).backward()
             optimizer.step()
         buffer = io.BytesIO()
         torch.save(model, buffer)  # the whole model, not just the state_dict
         buffer.seek(0)
         restored = torch.load(buffer, weights_only=False)
         print(torch.equal(restored(x), model(x)), [g["lr"] for g in optimizer.param_groups])
         """)]})

case("r16_nb_q7_dropout_p0_kept_on_by_eval_override",
     answers={"q7": cnn(init_extra="""
         self.dropout = nn.Dropout(p=0.0)  # Monte-Carlo dropout later; p=0 for the exercise
         """, fwd_post="""
         x = self.dropout(x)
         """, methods="""
         def eval(self):
             super().eval()
             self.dropout.train()  # MC dropout: stays stochastic at test time
             return self
         """)})

case("r16_py_q7_forward_args_kwargs_and_get_submodule",
     answers={"q7": d("""
         import torch
         import torch.nn.functional as F
         from torch import nn


         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.features = nn.Sequential(
                     nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                 )
                 self.classifier = nn.Linear(1250, 1)

             def forward(self, *inputs, **options):
                 (x,) = inputs
                 if options.get("features_only", False):
                     return self.features(x)
                 return self.get_submodule("classifier")(self.features(x).flatten(1))
         """)},
     after={"q7": [d("""
         m = CNN()
         print(m(torch.rand(2, 1, 100, 100)).shape, m(torch.rand(2, 1, 100, 100), features_only=True).shape)
         print(m.get_submodule("features.3"))
         """)]})

case("r16_nb_parameters_to_vector_round_trip",
     after={"q8": [d("""
         from torch.nn.utils import parameters_to_vector, vector_to_parameters

         net = ConvNet(1)
         flat = parameters_to_vector(net.parameters())
         print("ConvNet(1) has", flat.numel(), "parameters")  # 49,519
         vector_to_parameters(flat.clone(), net.parameters())
         print(net(torch.rand(1, 1, 128, 128)).shape)
         """)]})

case("r16_py_q8_named_children_loop_in_forward",
     answers={"q8": d("""
         import torch
         from torch import nn


         def conv_block(input_channels, output_channels):
             return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, 1, 1), nn.ReLU())


         class ConvNet(nn.Module):
             def __init__(self, input_channels):
                 super().__init__()
                 self.block1 = conv_block(input_channels, 3)
                 self.block2 = conv_block(3, 3)
                 self.block3 = conv_block(3, 3)
                 self.block4 = conv_block(3, 3)
                 self.block5 = conv_block(3, 3)
                 self.flatten = nn.Flatten()
                 self.fc = nn.Linear(49152, 1)
                 self.trace = []

             def forward(self, x):
                 self.trace = []
                 for name, layer in self.named_children():  # in the order they were assigned
                     x = layer(x)
                     self.trace.append((name, tuple(x.shape)))
                 return x
         """)})

case("r16_nb_q7_mode_switch_counter_buffer_in_train_override",
     answers={"q7": cnn(init_extra="""
         self.register_buffer("mode_switches", torch.zeros((), dtype=torch.long))
         """, methods="""
         def train(self, mode: bool = True):
             if mode != self.training:
                 self.mode_switches += 1
             return super().train(mode)
         """)},
     extra=[d("""
         model = CNN()
         model.eval(); model.train(); model.eval()
         print(int(model.mode_switches), model.state_dict()["mode_switches"])
         """)])


# ---------------------------------------------------------------------------------------------------------
# (h) a device-agnostic training loop with a loss history; configs as kwargs; a hand-made Linear layer
# ---------------------------------------------------------------------------------------------------------

case("r16_py_training_loop_device_and_loss_history",
     extra=[d("""
         device = "cuda" if torch.cuda.is_available() else "cpu"
         torch.manual_seed(0)
         model = CNN().to(device)
         optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
         images = torch.rand(8, 1, 100, 100, device=device)
         labels = torch.randint(0, 2, (8, 1), device=device).float()
         losses = []
         for epoch in range(3):
             optimizer.zero_grad()
             loss = torch.nn.functional.binary_cross_entropy_with_logits(model(images), labels)
             loss.backward()
             optimizer.step()
             losses.append(loss.item())
         losses = torch.tensor(losses)
         print(f"loss went from {losses[0]:.4f} to {losses[-1]:.4f}")
         """)])

case("r16_nb_q8_conv_kwargs_from_config_dicts",
     answers={"q8": d("""
         import torch
         from torch import nn

         CONV = dict(kernel_size=(3, 3), stride=1, padding=1, bias=True)


         def conv_block(input_channels, output_channels):
             return nn.Sequential(nn.Conv2d(in_channels=input_channels, out_channels=output_channels, **CONV),
                                  nn.ReLU())


         class ConvNet(nn.Module):
             LAYERS = [dict(input_channels=None, output_channels=3)] + [dict(input_channels=3, output_channels=3)] * 4

             def __init__(self, input_channels):
                 super().__init__()
                 specs = [{**spec, "input_channels": spec["input_channels"] or input_channels} for spec in self.LAYERS]
                 self.body = nn.Sequential(*(conv_block(**spec) for spec in specs))
                 self.head = nn.Sequential(nn.Flatten(), nn.Linear(in_features=3 * 128 * 128, out_features=1))

             def forward(self, x):
                 return self.head(self.body(x))
         """)})

case("r16_py_q7_hand_made_linear_layer_class",
     answers={"q7": d("""
         import math

         import torch
         import torch.nn.functional as F
         from torch import nn


         class MyLinear(nn.Module):
             \"\"\"y = x W^T + b, built by hand to see what nn.Linear holds.\"\"\"

             def __init__(self, in_features, out_features):
                 super().__init__()
                 self.in_features, self.out_features = in_features, out_features
                 self.weight = nn.Parameter(torch.empty(out_features, in_features))
                 self.bias = nn.Parameter(torch.empty(out_features))
                 bound = 1 / math.sqrt(in_features)
                 nn.init.uniform_(self.weight, -bound, bound)
                 nn.init.uniform_(self.bias, -bound, bound)

             def forward(self, x):
                 return x @ self.weight.T + self.bias

             def extra_repr(self):
                 return f"in_features={self.in_features}, out_features={self.out_features}"


         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
                 self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
                 self.fc = MyLinear(1250, 1)

             def forward(self, x):
                 x = F.max_pool2d(F.relu(self.conv1(x)), 2)
                 x = F.max_pool2d(F.relu(self.conv2(x)), 2)
                 return self.fc(torch.flatten(x, start_dim=1))
         """)})

case("r16_nb_generators_and_requires_grad_toggle_for_eval",
     extra=[d("""
         g = torch.Generator().manual_seed(1234)
         model = CNN()
         test_images = torch.rand(6, 1, 100, 100, generator=g)
         model.requires_grad_(False)  # evaluation only: no graph
         scores = torch.sigmoid(model(test_images)).squeeze(1)
         model.requires_grad_(True)  # back to trainable
         print(scores.requires_grad, all(p.requires_grad for p in model.parameters()), scores.shape)
         """)])

case("r16_py_q7_manual_seed_inside_init",
     answers={"q7": cnn(init_extra="""
         torch.manual_seed(0)  # the same starting weights every run (a crude re-init for reproducibility)
         for layer in (self.conv1, self.conv2, self.fc):
             layer.reset_parameters()
         """)})


def _stable_ids(path: Path) -> None:
    nb = nbformat.read(str(path), as_version=4)
    for i, cell in enumerate(nb.cells):
        cell.id = f"r16-{i:03d}"
        if cell.cell_type == "markdown" and "id" in cell.metadata:  # round 8's Colab ids hash the text (salted)
            cell.metadata["id"] = f"m{i:07x}"
    nbformat.write(nb, str(path))


def main() -> None:
    for old in HERE.glob("r16_*"):
        old.unlink()
    for name, spec in CASES.items():
        if name.startswith("r16_nb_"):
            write_notebook(name, spec)
            _stable_ids(HERE / f"{name}.ipynb")
        else:
            write_script(name, spec)
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()

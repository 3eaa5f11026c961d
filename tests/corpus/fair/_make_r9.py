"""Round 9 of the fairness corpus (issue 9): correct submissions aimed at the rules of attack round 8.

Three families, each a full, correct answer to all ten questions (round 8's plain answers, ``_make_r8.PLAIN``,
with one or two questions answered the case's way):

- models (q7 / q8) that legitimately mix their parameters, or tensors made from them, with the input outside a
  layer (a dtype or device taken from a weight, shape asserts against a layer's attributes, NaN checks of the
  weights, an identity normalisation by buffers), or that run a layer on a tensor of their own (a dummy forward
  to find the flattened size);
- q6 files whose self-checks keep torch's ``F.conv2d`` / ``F.max_pool2d`` somewhere: in a list of pairs, a dict,
  an attribute, a default argument, a ``functools.partial``, a pytest table, a global alias; and, as controls, a
  self-check that keeps only the results of torch's calls or imports torch's function under another name;
- notebooks that start something beside the answers: a thread pool used with ``with``, ``torch.set_num_threads``,
  DataLoader workers (ended, persistent, counted with ``multiprocessing.cpu_count()``), a matplotlib animation, a joined thread, logging handlers, tqdm
  with a fallback, a timer left pending.

    python tests/corpus/fair/_make_r9.py        # rewrites tests/corpus/fair/r9_*
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from _make_r8 import PLAIN, QUESTIONS, d, write_notebook, write_script  # noqa: E402

CASES: dict[str, dict] = {}


def case(name, *, tool="jupyter", answers=None, before=None, after=None, extra=None, order=None):
    """answers: {q: source}; before/after: {q: [cells]} around an answer; extra: cells appended at the end."""
    CASES[name] = dict(tool=tool, answers=answers or {}, before=before or {}, after=after or {}, extra=extra or [],
                       order=order or QUESTIONS)


# ---------------------------------------------------------------------------------------------------------
# (a) q7 / q8: parameters meet the input's data outside a layer, or a layer runs on a tensor of the model's own
# ---------------------------------------------------------------------------------------------------------

case("r9_nb_q7_input_cast_to_weight_dtype_q8_type_as",
     answers={
         "q7": d('''
             import torch
             import torch.nn.functional as F
             from torch import nn


             class CNN(nn.Module):
                 def __init__(self):
                     super().__init__()
                     self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
                     self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
                     self.pool = nn.MaxPool2d(2)
                     self.fc = nn.Linear(1250, 1)

                 def forward(self, x):
                     # images straight from numpy are float64 (or uint8): compute in the weights' dtype
                     x = x.to(self.conv1.weight.dtype)
                     x = self.pool(F.relu(self.conv1(x)))
                     x = self.pool(F.relu(self.conv2(x)))
                     return self.fc(x.flatten(1))
             '''),
         "q8": d('''
             import torch


             def conv_block(input_channels, output_channels):
                 return torch.nn.Sequential(
                     torch.nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
                     torch.nn.ReLU(),
                 )


             class ConvNet(torch.nn.Module):
                 def __init__(self, input_channels):
                     super().__init__()
                     self.blocks = torch.nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                                       conv_block(3, 3), conv_block(3, 3))
                     self.flatten = torch.nn.Flatten()
                     self.fc = torch.nn.Linear(49152, 1)

                 def forward(self, x):
                     x = x.type_as(self.fc.weight)  # same dtype (and device) as the model
                     return self.fc(self.flatten(self.blocks(x)))
             '''),
     })

case("r9_py_q7_times_one_contiguous_q8_float_first",
     answers={
         "q7": d('''
             import torch
             from torch import nn


             class CNN(nn.Module):
                 def __init__(self):
                     super().__init__()
                     self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                     self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                     self.relu = nn.ReLU()
                     self.pool = nn.MaxPool2d(2)
                     self.flatten = nn.Flatten()
                     self.fc = nn.Linear(1250, 1)

                 def forward(self, x):
                     x = x.contiguous() * 1.0  # a float copy: never change the caller's tensor
                     x = self.pool(self.relu(self.conv1(x)))
                     x = self.pool(self.relu(self.conv2(x)))
                     return self.fc(self.flatten(x))
             '''),
         "q8": d('''
             import torch


             def conv_block(input_channels, output_channels):
                 return torch.nn.Sequential(
                     torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
                     torch.nn.ReLU(),
                 )


             class ConvNet(torch.nn.Module):
                 def __init__(self, input_channels):
                     super().__init__()
                     self.main = torch.nn.Sequential(
                         conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
                         conv_block(3, 3), torch.nn.Flatten(), torch.nn.Linear(49152, 1),
                     )

                 def forward(self, x):
                     return self.main(x.float())
             '''),
     })

case("r9_nb_q7_q8_shape_asserts_against_layer_attributes", tool="vscode",
     answers={
         "q7": d('''
             import torch
             from torch import nn


             class CNN(nn.Module):
                 def __init__(self):
                     super().__init__()
                     self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
                     self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
                     self.pool = nn.MaxPool2d(2)
                     self.fc = nn.Linear(1250, 1)

                 def forward(self, x):
                     assert x.dim() == 4, f"expected a batch (N, C, H, W), got {tuple(x.shape)}"
                     assert x.shape[1] == self.conv1.in_channels, f"expected {self.conv1.in_channels} channel(s)"
                     x = self.pool(torch.relu(self.conv1(x)))
                     x = self.pool(torch.relu(self.conv2(x)))
                     x = x.flatten(1)
                     assert x.shape[1] == self.fc.in_features, (x.shape, self.fc.weight.shape)
                     return self.fc(x)
             '''),
         "q8": d('''
             import torch


             def conv_block(input_channels, output_channels):
                 return torch.nn.Sequential(
                     torch.nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
                     torch.nn.ReLU(),
                 )


             class ConvNet(torch.nn.Module):
                 def __init__(self, input_channels):
                     super().__init__()
                     self.blocks = torch.nn.Sequential(
                         conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
                     self.head = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(49152, 1))

                 def forward(self, x):
                     first = self.blocks[0][0]
                     assert x.shape[-3] == first.in_channels == first.weight.shape[1], "wrong number of channels"
                     assert 3 * x.shape[-2] * x.shape[-1] == self.head[1].weight.shape[1], "the images must be 128x128"
                     return self.head(self.blocks(x))
             '''),
     })

case("r9_py_q7_q8_input_moved_to_parameters_device",
     answers={
         "q7": d('''
             import torch
             from torch import nn


             class CNN(nn.Module):
                 def __init__(self):
                     super().__init__()
                     self.features = nn.Sequential(
                         nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     )
                     self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))

                 def forward(self, x):
                     x = x.to(next(self.parameters()).device)  # so a CPU batch works with a model on the GPU
                     return self.classifier(self.features(x))
             '''),
         "q8": d('''
             import torch


             def conv_block(input_channels, output_channels):
                 return torch.nn.Sequential(
                     torch.nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
                     torch.nn.ReLU(),
                 )


             class ConvNet(torch.nn.Module):
                 def __init__(self, input_channels):
                     super().__init__()
                     self.main = torch.nn.Sequential(
                         conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
                         conv_block(3, 3), torch.nn.Flatten(), torch.nn.Linear(49152, 1),
                     )

                 def forward(self, x):
                     w = self.main[-1].weight
                     return self.main(x.to(device=w.device, dtype=w.dtype))
             '''),
     })

case("r9_nb_q7_ordereddict_identity_torch_flatten_q8_view", tool="lab4",
     answers={
         "q7": d('''
             from collections import OrderedDict

             import torch
             from torch import nn


             class CNN(nn.Module):
                 def __init__(self):
                     super().__init__()
                     self.features = nn.Sequential(OrderedDict([
                         ("conv1", nn.Conv2d(1, 3, kernel_size=(3, 3), padding=1)),
                         ("relu1", nn.ReLU()),
                         ("pool1", nn.MaxPool2d((2, 2))),
                         ("conv2", nn.Conv2d(3, 2, kernel_size=(3, 3), padding=1)),
                         ("relu2", nn.ReLU()),
                         ("pool2", nn.MaxPool2d((2, 2))),
                         ("dropout", nn.Identity()),  # a place for nn.Dropout later
                     ]))
                     self.fc = nn.Linear(1250, 1)

                 def forward(self, x):
                     x = self.features(x)
                     x = torch.flatten(x, 1)
                     return self.fc(x)
             '''),
         "q8": d('''
             from collections import OrderedDict

             import torch


             def conv_block(input_channels, output_channels):
                 return torch.nn.Sequential(OrderedDict([
                     ("conv", torch.nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1)),
                     ("relu", torch.nn.ReLU()),
                 ]))


             class ConvNet(torch.nn.Module):
                 def __init__(self, input_channels):
                     super().__init__()
                     self.body = torch.nn.Sequential(OrderedDict(
                         [("block1", conv_block(input_channels, 3))] +
                         [(f"block{i}", conv_block(3, 3)) for i in range(2, 6)]))
                     self.fc = torch.nn.Linear(49152, 1)

                 def forward(self, x):
                     x = self.body(x)
                     x = x.view(x.size(0), -1)
                     return self.fc(x)
             '''),
     })

case("r9_nb_q7_forward_prints_shapes_and_weight_shapes",
     answers={
         "q7": d('''
             import torch
             from torch import nn


             class CNN(nn.Module):
                 def __init__(self, verbose=True):
                     super().__init__()
                     self.verbose = verbose
                     self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                     self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                     self.pool = nn.MaxPool2d(2)
                     self.fc = nn.Linear(1250, 1)

                 def show(self, name, t, layer=None):
                     if self.verbose:
                         weight = f" (weight {tuple(layer.weight.shape)})" if layer is not None else ""
                         print(f"{name:>6}: {tuple(t.shape)}{weight}")

                 def forward(self, x):
                     self.show("input", x)
                     x = self.pool(torch.relu(self.conv1(x)))
                     self.show("block1", x, self.conv1)
                     x = self.pool(torch.relu(self.conv2(x)))
                     self.show("block2", x, self.conv2)
                     x = self.fc(x.flatten(1))
                     self.show("fc", x, self.fc)
                     return x


             CNN()(torch.randn(2, 1, 100, 100)).shape
             '''),
     })

case("r9_py_q7_q8_nan_checks_of_weights_in_forward",
     answers={
         "q7": d('''
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
                     # training diverged once (lr too high): fail loudly instead of returning NaNs
                     assert not torch.isnan(self.conv1.weight).any(), "conv1 weights are NaN"
                     assert not torch.isnan(self.conv2.weight).any(), "conv2 weights are NaN"
                     x = self.pool(torch.relu(self.conv1(x)))
                     x = self.pool(torch.relu(self.conv2(x)))
                     return self.fc(torch.flatten(x, 1))
             '''),
         "q8": d('''
             import torch


             def conv_block(input_channels, output_channels):
                 return torch.nn.Sequential(
                     torch.nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
                     torch.nn.ReLU(),
                 )


             class ConvNet(torch.nn.Module):
                 def __init__(self, input_channels):
                     super().__init__()
                     self.main = torch.nn.Sequential(
                         conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
                         conv_block(3, 3), torch.nn.Flatten(), torch.nn.Linear(49152, 1),
                     )

                 def forward(self, x):
                     for name, p in self.named_parameters():
                         if not torch.isfinite(p).all():
                             raise RuntimeError(f"{name} holds inf or NaN")
                     return self.main(x)
             '''),
     })

case("r9_nb_q7_identity_normalisation_buffers", tool="colab",
     answers={
         "q7": d('''
             import torch
             from torch import nn


             class CNN(nn.Module):
                 """The pooled CNN; inputs are standardised with the dataset's statistics (buffers, not parameters:
                 the lecture's images are already standardised, so mean 0 and std 1)."""

                 def __init__(self, mean=0.0, std=1.0):
                     super().__init__()
                     self.register_buffer("mean", torch.tensor(mean))
                     self.register_buffer("std", torch.tensor(std))
                     self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                     self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                     self.pool = nn.MaxPool2d(2)
                     self.fc = nn.Linear(1250, 1)

                 def forward(self, x):
                     x = (x - self.mean) / self.std
                     x = self.pool(torch.relu(self.conv1(x)))
                     x = self.pool(torch.relu(self.conv2(x)))
                     return self.fc(x.flatten(1))
             '''),
     })

case("r9_nb_q7_relu_as_max_with_zeros_like_and_new_tensor",
     answers={
         "q7": d('''
             import torch
             import torch.nn.functional as F
             from torch import nn


             def relu(t):
                 """max(0, t), written the way the lecture's formula reads."""
                 return torch.max(t, torch.zeros_like(t))


             class CNN(nn.Module):
                 def __init__(self):
                     super().__init__()
                     self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                     self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                     self.fc = nn.Linear(1250, 1)

                 def forward(self, x):
                     x = F.max_pool2d(relu(self.conv1(x)), 2)
                     h = self.conv2(x)
                     x = F.max_pool2d(torch.maximum(h, h.new_tensor(0.0)), 2)
                     return self.fc(x.reshape(x.shape[0], -1))
             '''),
     })

case("r9_py_q8_empty_batch_from_weight_new_zeros",
     answers={
         "q8": d('''
             import torch


             def conv_block(input_channels, output_channels):
                 return torch.nn.Sequential(
                     torch.nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
                     torch.nn.ReLU(),
                 )


             class ConvNet(torch.nn.Module):
                 def __init__(self, input_channels):
                     super().__init__()
                     self.blocks = torch.nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3),
                                                       conv_block(3, 3), conv_block(3, 3), conv_block(3, 3))
                     self.fc = torch.nn.Linear(49152, 1)

                 def forward(self, x):
                     if x.shape[0] == 0:  # an empty batch (the last one of a loader with drop_last=False)
                         return self.fc.weight.new_zeros(0, self.fc.out_features)
                     return self.fc(self.blocks(x).flatten(1))
             '''),
     })

case("r9_py_q7_init_dummy_forward_finds_flat_size",
     answers={
         "q7": d('''
             import torch
             import torch.nn.functional as F
             from torch import nn


             class CNN(nn.Module):
                 """The flattened size is found by running a dummy image through the convolutions once, so it
                 never has to be worked out by hand (the tutorial way)."""

                 def __init__(self):
                     super().__init__()
                     self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                     self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                     self._to_linear = None
                     self.convs(torch.randn(1, 1, 100, 100))
                     self.fc = nn.Linear(self._to_linear, 1)

                 def convs(self, x):
                     x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
                     x = F.max_pool2d(F.relu(self.conv2(x)), (2, 2))
                     if self._to_linear is None:
                         self._to_linear = x[0].shape[0] * x[0].shape[1] * x[0].shape[2]
                     return x

                 def forward(self, x):
                     x = self.convs(x)
                     x = x.view(-1, self._to_linear)
                     return self.fc(x)
             '''),
     })

case("r9_nb_q8_first_forward_checks_flat_size_on_zeros", tool="vscode",
     answers={
         "q8": d('''
             import torch


             def conv_block(input_channels, output_channels):
                 return torch.nn.Sequential(
                     torch.nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
                     torch.nn.ReLU(),
                 )


             class ConvNet(torch.nn.Module):
                 def __init__(self, input_channels, image_size=128):
                     super().__init__()
                     self.input_channels, self.image_size = input_channels, image_size
                     self.blocks = torch.nn.Sequential(conv_block(input_channels, 3),
                                                       *(conv_block(3, 3) for _ in range(4)))
                     self.fc = torch.nn.Linear(3 * image_size * image_size, 1)
                     self._checked = False

                 def forward(self, x):
                     if not self._checked:  # once: does the head fit what the blocks produce?
                         with torch.no_grad():
                             probe = self.blocks(torch.zeros(1, self.input_channels, self.image_size, self.image_size))
                         assert probe.flatten(1).shape[1] == self.fc.in_features, probe.shape
                         self._checked = True
                     return self.fc(self.blocks(x).flatten(1))
             '''),
     })

# ---------------------------------------------------------------------------------------------------------
# (b) q6: torch's F.conv2d / F.max_pool2d kept in self-checks that compare them with the student's functions
# ---------------------------------------------------------------------------------------------------------

SELF_CHECK_DATA = d('''
    import torch
    import torch.nn.functional as F

    torch.manual_seed(0)
    image, kernel = torch.randn(7, 7), torch.randn(3, 3)
    ''')

case("r9_nb_q6_selfcheck_list_of_name_fn_pairs",
     after={"q6": [SELF_CHECK_DATA + d('''
         # (name, mine, torch's, how to call it): torch wants (N, C, H, W), mine take 2-D tensors
         PAIRS = [
             ("conv2d", conv2d, F.conv2d, lambda f: f(image[None, None], kernel[None, None], stride=2, padding=1)),
             ("max_pool2d", max_pool2d, F.max_pool2d, lambda f: f(image[None, None], 2)),
         ]
         for name, mine, theirs, call in PAIRS:
             expected = call(theirs)[0, 0]
             got = mine(image, kernel, stride=2, padding=1) if name == "conv2d" else mine(image, 2)
             assert torch.allclose(got, expected, atol=1e-5), name
             print(f"{name}: OK")
         ''')]})

case("r9_nb_q6_selfcheck_dict_mine_vs_torch",
     after={"q6": [SELF_CHECK_DATA + d('''
         IMPLEMENTATIONS = {"mine": conv2d, "torch": F.conv2d}
         POOLS = {"mine": max_pool2d, "torch": F.max_pool2d}

         outs = {
             "mine": IMPLEMENTATIONS["mine"](image, kernel, padding=1),
             "torch": IMPLEMENTATIONS["torch"](image[None, None], kernel[None, None], padding=1)[0, 0],
         }
         pooled = {"mine": POOLS["mine"](image[:6, :6]), "torch": POOLS["torch"](image[None, None, :6, :6], 2)[0, 0]}
         print((outs["mine"] - outs["torch"]).abs().max(), (pooled["mine"] - pooled["torch"]).abs().max())
         ''')]})

case("r9_py_q6_selfcheck_helper_class_reference_attribute",
     after={"q6": [SELF_CHECK_DATA + d('''
         class AgainstTorch:
             """Compares one of my functions with torch's on batched copies of the same input."""

             def __init__(self, mine, reference):
                 self.mine = mine
                 self.reference = reference

             def check(self, *args, **kwargs):
                 tensors = [a for a in args if isinstance(a, torch.Tensor)]
                 rest = [a for a in args if not isinstance(a, torch.Tensor)]
                 expected = self.reference(*[t[None, None] for t in tensors], *rest, **kwargs)[0, 0]
                 got = self.mine(*args, **kwargs)
                 assert torch.allclose(got, expected, atol=1e-5), (got, expected)
                 return True


         conv_check = AgainstTorch(conv2d, F.conv2d)
         pool_check = AgainstTorch(max_pool2d, F.max_pool2d)
         conv_check.check(image, kernel, stride=2)
         pool_check.check(image[:6, :6], 3)
         ''')]})

case("r9_nb_q6_selfcheck_default_argument_reference",
     after={"q6": [SELF_CHECK_DATA + d('''
         def check_conv(fn, ref=F.conv2d, **kwargs):
             got = fn(image, kernel, **kwargs)
             expected = ref(image[None, None], kernel[None, None], **kwargs)[0, 0]
             return torch.allclose(got, expected, atol=1e-5)


         def check_pool(fn, ref=F.max_pool2d, size=2):
             return torch.equal(fn(image, size), ref(image[None, None], size)[0, 0])


         print(check_conv(conv2d), check_conv(conv2d, stride=2, padding=1), check_pool(max_pool2d, size=3))
         ''')]})

case("r9_nb_q6_selfcheck_results_appended_control",
     after={"q6": [SELF_CHECK_DATA + d('''
         # only the outputs are kept: torch's next to mine, for a few strides and paddings
         results = []
         for stride, padding in [(1, 0), (2, 0), (1, 1), (2, 2)]:
             results.append(F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0])
             results.append(conv2d(image, kernel, stride=stride, padding=padding))
         results.append(F.max_pool2d(image[None, None], 2)[0, 0])
         results.append(max_pool2d(image, 2))
         print(all(torch.allclose(a, b, atol=1e-5) for a, b in zip(results[::2], results[1::2])))
         ''')]})

case("r9_py_q6_selfcheck_pytest_parametrize_table",
     after={"q6": [SELF_CHECK_DATA + d('''
         import pytest


         @pytest.mark.parametrize("mine, reference, kwargs", [
             (conv2d, F.conv2d, {}),
             (conv2d, F.conv2d, {"stride": 2}),
             (conv2d, F.conv2d, {"padding": 1}),
             (conv2d, F.conv2d, {"stride": 2, "padding": 2}),
         ])
         def test_conv2d_matches_torch(mine, reference, kwargs):
             expected = reference(image[None, None], kernel[None, None], **kwargs)[0, 0]
             assert torch.allclose(mine(image, kernel, **kwargs), expected, atol=1e-5)


         @pytest.mark.parametrize("size", [2, 3])
         def test_max_pool2d_matches_torch(size):
             assert torch.equal(max_pool2d(image, size), F.max_pool2d(image[None, None], size)[0, 0])


         # run by `pytest lecture06.py`; also here, by hand, with the same table
         for mark in test_conv2d_matches_torch.pytestmark:
             for args in mark.args[1]:
                 test_conv2d_matches_torch(*args)
         for size in (2, 3):
             test_max_pool2d_matches_torch(size)
         ''')]})

case("r9_nb_q6_selfcheck_functools_partial_strided",
     after={"q6": [SELF_CHECK_DATA + d('''
         import functools

         torch_strided = functools.partial(F.conv2d, stride=2)
         mine_strided = functools.partial(conv2d, stride=2)
         torch_pool3 = functools.partial(F.max_pool2d, kernel_size=3)
         print(torch.allclose(mine_strided(image, kernel), torch_strided(image[None, None], kernel[None, None])[0, 0],
                              atol=1e-5))
         print(torch.equal(max_pool2d(image[:6, :6], 3), torch_pool3(image[None, None, :6, :6])[0, 0]))
         ''')]})

case("r9_py_q6_selfcheck_global_alias_of_torch_functions",
     after={"q6": [SELF_CHECK_DATA + d('''
         torch_conv2d = F.conv2d
         torch_max_pool2d = torch.nn.functional.max_pool2d

         for stride, padding in [(1, 0), (2, 1)]:
             expected = torch_conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]
             assert torch.allclose(conv2d(image, kernel, stride, padding), expected, atol=1e-5)
         assert torch.equal(max_pool2d(image, 2), torch_max_pool2d(image[None, None], 2)[0, 0])
         ''')]})

case("r9_py_q6_selfcheck_import_alias_control",
     after={"q6": [d('''
         import torch
         from torch.nn.functional import conv2d as torch_conv2d
         from torch.nn.functional import max_pool2d as torch_max_pool2d

         torch.manual_seed(0)
         image, kernel = torch.randn(7, 7), torch.randn(3, 3)
         for stride, padding in [(1, 0), (2, 1)]:
             expected = torch_conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]
             assert torch.allclose(conv2d(image, kernel, stride, padding), expected, atol=1e-5)
         assert torch.equal(max_pool2d(image, 2), torch_max_pool2d(image[None, None], 2)[0, 0])
         ''')]})

case("r9_nb_q6_selfcheck_against_nn_conv2d_module",
     after={"q6": [SELF_CHECK_DATA + d('''
         # the layer the lecture uses, with my kernel as its weight
         layer = torch.nn.Conv2d(1, 1, kernel_size=3, stride=2, padding=1, bias=False)
         pool = torch.nn.MaxPool2d(2)
         with torch.no_grad():
             layer.weight.copy_(kernel[None, None])
             print(torch.allclose(layer(image[None, None])[0, 0], conv2d(image, kernel, stride=2, padding=1), atol=1e-5))
             print(torch.equal(pool(image[None, None])[0, 0], max_pool2d(image)))
         ''')]})

# ---------------------------------------------------------------------------------------------------------
# (c) something started beside the answers: ended before the checks, or still running
# ---------------------------------------------------------------------------------------------------------

TRAIN_DATA = d('''
    import torch

    torch.manual_seed(0)
    images = torch.randn(16, 1, 100, 100)
    targets = torch.randn(16, 1)
    ''')

case("r9_nb_threadpool_with_block_sweep_q2",
     after={"q2": [d('''
         from concurrent.futures import ThreadPoolExecutor

         with ThreadPoolExecutor(max_workers=4) as pool:
             sizes = list(pool.map(lambda s: conv_output_size(s, 3, stride=2, padding=1), range(5, 65, 5)))
         sizes
         ''')]})

case("r9_nb_set_num_threads_four_then_forward",
     before={"q1": [d('''
         import torch

         torch.set_num_threads(4)
         torch.get_num_threads()
         ''')]},
     after={"q7": [d('''
         model = CNN()
         with torch.no_grad():
             print(model(torch.randn(32, 1, 100, 100)).shape)
         ''')]})

case("r9_nb_dataloader_two_workers_one_epoch", tool="colab",
     after={"q7": [TRAIN_DATA + d('''
         from torch.utils.data import DataLoader, TensorDataset

         loader = DataLoader(TensorDataset(images, targets), batch_size=4, shuffle=True, num_workers=2)
         model = CNN()
         optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
         for xb, yb in loader:
             optimizer.zero_grad()
             loss = torch.nn.functional.mse_loss(model(xb), yb)
             loss.backward()
             optimizer.step()
         print(f"last loss {loss.item():.3f}")
         ''')]})

case("r9_nb_dataloader_workers_from_multiprocessing_cpu_count",
     after={"q7": [TRAIN_DATA + d('''
         import multiprocessing

         from torch.utils.data import DataLoader, TensorDataset

         num_workers = min(2, multiprocessing.cpu_count())  # the tutorial's way to pick the worker count
         loader = DataLoader(TensorDataset(images, targets), batch_size=8, num_workers=num_workers)
         model = CNN()
         with torch.no_grad():
             losses = [torch.nn.functional.mse_loss(model(xb), yb).item() for xb, yb in loader]
         print(len(losses), "batches")
         ''')]})

case("r9_nb_dataloader_persistent_workers_kept",
     after={"q7": [TRAIN_DATA + d('''
         from torch.utils.data import DataLoader, TensorDataset

         loader = DataLoader(TensorDataset(images, targets), batch_size=4, num_workers=2, persistent_workers=True)
         model = CNN()
         optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
         for epoch in range(2):
             for xb, yb in loader:
                 optimizer.zero_grad()
                 loss = torch.nn.functional.mse_loss(model(xb), yb)
                 loss.backward()
                 optimizer.step()
             print(epoch, round(loss.item(), 3))
         ''')]})

case("r9_nb_matplotlib_animation_of_feature_maps",
     before={"q1": ["%matplotlib inline"]},
     after={"q6": [d('''
         import matplotlib
         import matplotlib.pyplot as plt
         from matplotlib import animation

         frames = [conv2d(torch.eye(8) * (i + 1), torch.ones(3, 3)) for i in range(3)]
         fig, ax = plt.subplots(figsize=(3, 3))
         shown = ax.imshow(frames[0].numpy(), vmin=0, vmax=9)


         def update(i):
             shown.set_data(frames[i].numpy())
             ax.set_title(f"frame {i}")
             return [shown]


         anim = animation.FuncAnimation(fig, update, frames=len(frames), interval=200, blit=True)
         html = anim.to_jshtml()
         plt.close(fig)
         len(html) > 0
         ''')]})

case("r9_nb_cell_time_and_joined_sleep_thread",
     answers={"q4": d('''
         %%time
         import threading
         import time

         # pretend this is slow: count in a background thread, wait for it
         counts = {}


         def count():
             time.sleep(0.05)
             counts["conv"] = 3 * 3 * 3 * 3 + 3
             counts["cnn"] = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
             counts["fcnn"] = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)


         worker = threading.Thread(target=count)
         worker.start()
         worker.join()
         q4_conv_params, q4_cnn_params, q4_fcnn_params = counts["conv"], counts["cnn"], counts["fcnn"]
         ''')})

case("r9_py_logging_handlers_warnings_gc_collect",
     before={"q1": [d('''
         import gc
         import logging
         import sys
         import warnings

         warnings.simplefilter("ignore", category=UserWarning)
         logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s",
                             handlers=[logging.StreamHandler(sys.stdout), logging.FileHandler("lecture06.log")])
         log = logging.getLogger("lecture06")
         ''')]},
     after={"q2": ['log.info("conv_output_size(100, 5) = %d", conv_output_size(100, 5))\n'],
            "q8": ['log.info("ConvNet(1): %d parameters", sum(p.numel() for p in ConvNet(1).parameters()))\n']},
     extra=['gc.collect()\nlogging.shutdown()\n'])

case("r9_nb_tqdm_fallback_training_loop", tool="vscode",
     after={"q7": [TRAIN_DATA + d('''
         try:
             from tqdm.auto import tqdm
         except ImportError:  # tqdm is not installed everywhere
             def tqdm(iterable, **kwargs):
                 return iterable

         model = CNN()
         optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
         for step in tqdm(range(3), desc="training"):
             optimizer.zero_grad()
             loss = torch.nn.functional.mse_loss(model(images), targets)
             loss.backward()
             optimizer.step()
         ''')]})

case("r9_nb_pending_timer_reminder",
     before={"q1": [d('''
         import threading

         # remind me to save the notebook in half an hour
         reminder = threading.Timer(1800, print, args=["Save the notebook and submit!"])
         reminder.daemon = True
         reminder.start()
         ''')]})

case("r9_py_threadpool_models_built_in_parallel",
     after={"q8": [d('''
         from concurrent.futures import ThreadPoolExecutor

         # parameter counts for 1, 3 and 4 input channels, each model built in its own thread
         with ThreadPoolExecutor(max_workers=3) as pool:
             counts = dict(zip([1, 3, 4], pool.map(lambda c: sum(p.numel() for p in ConvNet(c).parameters()),
                                                  [1, 3, 4])))
         print(counts)
         ''')]})


def _stable_ids(path: Path) -> None:
    """Round 8's writer draws cell ids (and Colab's markdown ids) at random: fix them, so that running this
    generator again rewrites the same bytes."""
    nb = nbformat.read(str(path), as_version=4)
    for i, cell in enumerate(nb.cells):
        cell.id = f"r9-{i:03d}"
        if cell.cell_type == "markdown" and "id" in cell.metadata:
            cell.metadata["id"] = f"m{i:07d}"
    nbformat.write(nb, str(path))


def main() -> None:
    for old in HERE.glob("r9_*"):
        old.unlink()
    for name, spec in CASES.items():
        if name.startswith("r9_nb_"):
            write_notebook(name, spec)
            _stable_ids(HERE / f"{name}.ipynb")
        else:
            write_script(name, spec)
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()

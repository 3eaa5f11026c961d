"""Round 10 of the fairness corpus (issue 9): correct submissions in styles rounds 2-9 did not write.

Each case is a full, correct answer to all ten questions (round 8's plain answers, ``_make_r8.PLAIN``, with one or
a few questions answered the case's way). Four families:

- models (q7 / q8) written the way course repositories write them: a LightningModule-like class with
  ``training_step`` methods, a network built from a list or dict spec, ``nn.Sequential(*layers)`` from a loop,
  a ``ModuleDict`` walked in ``forward``, ``functools.reduce`` over a tuple of steps, lazy layers materialised in
  ``__init__``, ``nn.Unflatten`` for flat input, permute round trips, heads written by hand in the forms linear
  algebra books use (``tensordot``, ``x.mm(W.t()).add(b)``, ``b + x @ W.T``, ``matmul(...).add_(b)``, ``inner``,
  ``W.mv`` per row), a convolution's bias broadcast after ``F.conv2d``, pooling spelled with keywords or tuples,
  ``eval()`` in ``__init__``, ``@torch.no_grad()`` helpers, type hints and ``extra_repr``;
- q6 by hand in numeric styles: numpy ``sliding_window_view``, ``Tensor.as_strided``, lists of lists with
  ``math.fsum`` and ``map(operator.mul, ...)``, ``itertools.product`` with ``divmod`` and ``enumerate(start=1)``,
  ``torch.stack`` of shifted slices after ``F.pad``, ``Tensor.unfold``, recursion with an ``lru_cache`` helper, a
  callable class with a dataclass spec and a ``NamedTuple`` size, ``match`` and walrus;
- notebooks in unusual shapes: nbformat 4.0 with one-string sources and raw cells, definitions repeated, cells
  that re-import or ``del`` a temporary, comment-only and empty cells, trailing semicolons, ``display``,
  ``from __future__ import annotations`` first, unicode identifiers, tabs, a script with a BOM, CRLF and tabs;
- answers in forms a prompt leaves open: ``types.MappingProxyType`` and ``OrderedDict`` with string keys for q10,
  numpy int64 counts and shapes computed with the student's own q2 / q5 functions.

    python tests/corpus/fair/_make_r10.py        # rewrites tests/corpus/fair/r10_*
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from _make_r8 import PLAIN, QUESTIONS, d, write_notebook, write_script  # noqa: E402

CASES: dict[str, dict] = {}


def case(name, *, tool="jupyter", answers=None, before=None, after=None, extra=None, order=None, post=None,
         head=None):
    """answers: {q: source}; before/after: {q: [cells]} around an answer; extra: cells appended at the end;
    post: a function rewriting the written file (a notebook's format, a script's bytes)."""
    CASES[name] = dict(tool=tool, answers=answers or {}, before=before or {}, after=after or {}, extra=extra or [],
                       order=order or QUESTIONS, post=post)
    if head is not None:
        CASES[name]["head"] = head


# The convolutional part of CNN that the head cases share: only the classifier changes.
Q7_HEAD = d('''
    import torch
    import torch.nn.functional as F
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            x = x.flatten(start_dim=1)
            # HEAD_COMMENT
            return HEAD
    ''')


def q7_with_head(head: str, comment: str) -> str:
    return Q7_HEAD.replace("HEAD_COMMENT", comment).replace("HEAD", head)


Q8_HEAD = d('''
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
            x = torch.flatten(self.blocks(x), 1)
            # HEAD_COMMENT
            return HEAD
    ''')


def q8_with_head(head: str, comment: str) -> str:
    return Q8_HEAD.replace("HEAD_COMMENT", comment).replace("HEAD", head)


# ---------------------------------------------------------------------------------------------------------
# (a) q7 / q8 written the ways course repositories write them
# ---------------------------------------------------------------------------------------------------------

case("r10_py_q7_q8_lightning_style_training_steps",
     answers={
         "q7": d('''
             import torch
             from torch import nn


             class CNN(nn.Module):
                 """The pooled CNN, laid out like a LightningModule (our project template) without Lightning."""

                 def __init__(self, lr: float = 1e-3):
                     super().__init__()
                     self.hparams = {"lr": lr}
                     self.model = nn.Sequential(
                         nn.Conv2d(1, 3, kernel_size=(3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
                         nn.Conv2d(3, 2, kernel_size=(3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
                         nn.Flatten(), nn.Linear(1250, 1),
                     )
                     self.loss_fn = nn.BCEWithLogitsLoss()
                     self.logged = {}

                 def forward(self, x):
                     return self.model(x)

                 def log(self, name, value):
                     self.logged.setdefault(name, []).append(float(value))

                 def training_step(self, batch, batch_idx):
                     x, y = batch
                     loss = self.loss_fn(self(x), y)
                     self.log("train_loss", loss)
                     return loss

                 def validation_step(self, batch, batch_idx):
                     x, y = batch
                     with torch.no_grad():
                         self.log("val_loss", self.loss_fn(self(x), y))

                 def configure_optimizers(self):
                     return torch.optim.Adam(self.parameters(), lr=self.hparams["lr"])
             '''),
         "q8": d('''
             import torch
             from torch import nn


             def conv_block(input_channels, output_channels):
                 return nn.Sequential(nn.Conv2d(input_channels, output_channels, (3, 3), padding=1), nn.ReLU())


             class ConvNet(nn.Module):
                 def __init__(self, input_channels, lr=1e-3):
                     super().__init__()
                     self.hparams = dict(input_channels=input_channels, lr=lr)
                     self.main = nn.Sequential(
                         conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
                         conv_block(3, 3), nn.Flatten(), nn.Linear(49152, 1),
                     )

                 def forward(self, x):
                     return self.main(x)

                 def training_step(self, batch, batch_idx):
                     x, y = batch
                     return nn.functional.binary_cross_entropy_with_logits(self(x), y)

                 def configure_optimizers(self):
                     return torch.optim.SGD(self.parameters(), lr=self.hparams["lr"], momentum=0.9)
             '''),
     },
     after={"q8": [d('''
         # one "trainer" step by hand, as the template's fit() would do it
         torch.manual_seed(0)
         model = CNN()
         optimizer = model.configure_optimizers()
         batch = (torch.randn(4, 1, 100, 100), torch.randint(0, 2, (4, 1)).float())
         loss = model.training_step(batch, 0)
         optimizer.zero_grad()
         loss.backward()
         optimizer.step()
         model.validation_step(batch, 0)
         print(model.logged)
         ''')]})

case("r10_nb_q7_q8_built_from_spec_lists_with_match",
     answers={
         "q7": d('''
             from torch import nn

             # the architecture as data, like the course's config files
             ARCH = [("conv", 3), ("relu",), ("pool",), ("conv", 2), ("relu",), ("pool",), ("flatten",), ("linear", 1)]


             def build(spec, in_channels=1, size=100):
                 layers, channels = [], in_channels
                 for op, *args in spec:
                     match op:
                         case "conv":
                             layers.append(nn.Conv2d(channels, args[0], kernel_size=3, padding=1))
                             channels = args[0]
                         case "relu":
                             layers.append(nn.ReLU())
                         case "pool":
                             layers.append(nn.MaxPool2d(2))
                             size //= 2
                         case "flatten":
                             layers.append(nn.Flatten())
                         case "linear":
                             layers.append(nn.Linear(channels * size * size, args[0]))
                         case _:
                             raise ValueError(f"unknown layer {op!r}")
                 return nn.Sequential(*layers)


             class CNN(nn.Module):
                 def __init__(self):
                     super().__init__()
                     self.net = build(ARCH)

                 def forward(self, x):
                     return self.net(x)
             '''),
         "q8": d('''
             from torch import nn

             CONFIG = {"widths": [3, 3, 3, 3, 3], "kernel_size": 3, "padding": 1, "image_size": 128, "outputs": 1}


             def conv_block(input_channels, output_channels):
                 return nn.Sequential(
                     nn.Conv2d(input_channels, output_channels, CONFIG["kernel_size"], padding=CONFIG["padding"]),
                     nn.ReLU(),
                 )


             class ConvNet(nn.Module):
                 def __init__(self, input_channels, config=CONFIG):
                     super().__init__()
                     channels = [input_channels] + config["widths"]
                     blocks = [conv_block(a, b) for a, b in zip(channels[:-1], channels[1:])]
                     features = channels[-1] * config["image_size"] ** 2
                     self.layers = nn.Sequential(*blocks, nn.Flatten(), nn.Linear(features, config["outputs"]))

                 def forward(self, x):
                     return self.layers(x)
             '''),
     })

case("r10_py_q8_layers_list_star_loop_q7_modulelist_for_loop",
     answers={
         "q7": d('''
             import torch
             from torch import nn


             class CNN(nn.Module):
                 def __init__(self):
                     super().__init__()
                     self.features = nn.ModuleList([
                         nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),
                         nn.ReLU(),
                         nn.MaxPool2d((2, 2)),
                         nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),
                         nn.ReLU(),
                         nn.MaxPool2d((2, 2)),
                     ])
                     self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))

                 def forward(self, x):
                     for layer in self.features:
                         x = layer(x)
                     return self.classifier(x)
             '''),
         "q8": d('''
             import torch
             from torch import nn


             def conv_block(input_channels, output_channels):
                 layers = [nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU()]
                 return nn.Sequential(*layers)


             class ConvNet(nn.Module):
                 def __init__(self, input_channels):
                     super().__init__()
                     layers = []
                     channels = input_channels
                     for _ in range(5):
                         layers += [*conv_block(channels, 3)]  # the block's two layers, unpacked into one list
                         channels = 3
                     layers += [nn.Flatten(), nn.Linear(3 * 128 * 128, 1)]
                     self.net = nn.Sequential(*layers)

                 def forward(self, x):
                     return self.net(x)
             '''),
     })

case("r10_nb_q8_moduledict_walked_in_forward",
     answers={"q8": d('''
         import torch
         from torch import nn


         def conv_block(input_channels, output_channels):
             return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


         class ConvNet(nn.Module):
             def __init__(self, input_channels):
                 super().__init__()
                 widths = [input_channels, 3, 3, 3, 3, 3]
                 self.stages = nn.ModuleDict({
                     f"block{i + 1}": conv_block(a, b) for i, (a, b) in enumerate(zip(widths, widths[1:]))
                 })
                 self.stages["flatten"] = nn.Flatten()
                 self.stages["head"] = nn.Linear(49152, 1)

             def forward(self, x):
                 for name, stage in self.stages.items():  # a ModuleDict keeps the order the stages were added
                     x = stage(x)
                 return x
         ''')})

case("r10_py_q7_functools_reduce_over_tuple_of_steps",
     answers={"q7": d('''
         import functools

         import torch
         import torch.nn.functional as F
         from torch import nn


         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                 self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                 self.pool = nn.MaxPool2d(2)
                 self.fc = nn.Linear(1250, 1)
                 # the forward pass as a pipeline of steps (modules and plain functions)
                 self.steps = (self.conv1, F.relu, self.pool, self.conv2, F.relu, self.pool,
                               functools.partial(torch.flatten, start_dim=1), self.fc)

             def forward(self, x):
                 return functools.reduce(lambda h, step: step(h), self.steps, x)
         ''')})

case("r10_nb_q7_lazy_layers_materialised_in_init",
     answers={"q7": d('''
         import torch
         from torch import nn


         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.body = nn.Sequential(
                     nn.LazyConv2d(3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     nn.LazyConv2d(2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     nn.Flatten(), nn.LazyLinear(1),
                 )
                 with torch.no_grad():  # materialise the lazy layers now, so that parameters() is complete
                     self.body(torch.zeros(1, 1, 100, 100))

             def forward(self, x):
                 return self.body(x)
         ''')},
     after={"q7": ["print(CNN())\nprint(sum(p.numel() for p in CNN().parameters()))"]})

case("r10_py_q7_unflatten_for_flat_input_q8_permute_round_trip",
     answers={
         "q7": d('''
             import torch
             from torch import nn


             class CNN(nn.Module):
                 """Takes (N, 1, 100, 100) images, or rows of 10000 pixels as they come out of a CSV file."""

                 def __init__(self):
                     super().__init__()
                     self.to_image = nn.Unflatten(1, (1, 100, 100))
                     self.features = nn.Sequential(
                         nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     )
                     self.fc = nn.Linear(1250, 1)

                 def forward(self, x):
                     if x.dim() == 2:
                         x = self.to_image(x)
                     return self.fc(self.features(x).flatten(start_dim=1))
             '''),
         "q8": d('''
             import torch
             from torch import nn


             def conv_block(input_channels, output_channels):
                 return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


             class ConvNet(nn.Module):
                 def __init__(self, input_channels):
                     super().__init__()
                     self.blocks = nn.Sequential(*(conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]))
                     self.fc = nn.Linear(49152, 1)
                     self.last_maps = None

                 def forward(self, x):
                     x = self.blocks(x)
                     n, c, h, w = x.shape
                     # channels last (N, H, W, C), the layout matplotlib's imshow wants, kept for plots
                     self.last_maps = x.detach().permute(0, 2, 3, 1)
                     # back to (N, C, H, W) before flattening, so the features are in Flatten's order
                     x = x.permute(0, 2, 3, 1).permute(0, 3, 1, 2).reshape(n, c * h * w)
                     return self.fc(x)
             '''),
     })

case("r10_py_q7_head_tensordot",
     answers={"q7": q7_with_head("torch.tensordot(x, self.fc.weight, dims=([1], [1])) + self.fc.bias",
                                  "y = x . W^T + b, contracting the feature axes")})

case("r10_nb_q7_head_mm_t_add_method",
     answers={"q7": q7_with_head("x.mm(self.fc.weight.t()).add(self.fc.bias)",
                                  "method chaining, as in the linear-regression lab")})

case("r10_py_q8_head_bias_plus_product",
     answers={"q8": q8_with_head("self.fc.bias + x @ self.fc.weight.T", "b + x W^T, the notation of the slides")})

case("r10_nb_q7_head_matmul_add_inplace",
     answers={"q7": q7_with_head("torch.matmul(x, self.fc.weight.T).add_(self.fc.bias)",
                                  "add the bias in place on the fresh product (no extra tensor)")})

case("r10_nb_q8_head_torch_inner",
     answers={"q8": q8_with_head("torch.inner(x, self.fc.weight) + self.fc.bias",
                                  "inner product of each row with each weight row")})

case("r10_py_q7_head_weight_mv_per_row",
     answers={"q7": q7_with_head("torch.stack([self.fc.weight.mv(row) for row in x]) + self.fc.bias",
                                  "one matrix-vector product per image, as in the lecture's y = W x + b")})

case("r10_nb_q7_conv_bias_broadcast_after_functional_conv",
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

             def forward(self, x):
                 # the convolution and its bias written apart, as on the slide: sum of w * x, then + b per channel
                 x = F.conv2d(x, self.conv1.weight, padding=1) + self.conv1.bias[:, None, None]
                 x = F.max_pool2d(F.relu(x), 2)
                 x = F.conv2d(x, self.conv2.weight, padding=1) + self.conv2.bias[:, None, None]
                 x = F.max_pool2d(F.relu(x), 2)
                 return self.fc(x.flatten(1))
         ''')})

case("r10_py_q7_pooling_keywords_and_tuples",
     answers={"q7": d('''
         import torch
         import torch.nn.functional as F
         from torch import nn


         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.conv1 = nn.Conv2d(1, 3, kernel_size=(3, 3), padding=(1, 1))
                 self.conv2 = nn.Conv2d(3, 2, kernel_size=(3, 3), padding=(1, 1))
                 self.fc = nn.Linear(1250, 1)

             def forward(self, x):
                 x = F.max_pool2d(F.relu(self.conv1(x)), kernel_size=2, stride=2)
                 x = F.max_pool2d(F.relu(self.conv2(x)), (2, 2), (2, 2))
                 return self.fc(torch.flatten(x, start_dim=1))
         ''')})

case("r10_nb_q7_pool_as_amax_over_reshaped_windows",
     answers={"q7": d('''
         import torch
         import torch.nn.functional as F
         from torch import nn


         def max_pool_2x2(x):
             """MaxPool2d(2) for even sizes: split H and W into pairs, take the max of each 2x2 window."""
             n, c, h, w = x.shape
             return x.reshape(n, c, h // 2, 2, w // 2, 2).amax(dim=(3, 5))


         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                 self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                 self.fc = nn.Linear(1250, 1)

             def forward(self, x):
                 x = max_pool_2x2(F.relu(self.conv1(x)))
                 x = max_pool_2x2(F.relu(self.conv2(x)))
                 return self.fc(x.flatten(1))
         ''')})

case("r10_py_q7_q8_typed_eval_in_init_no_grad_helpers_extra_repr",
     head='"""Lecture 6 exercises, type-checked with mypy."""\n\nfrom __future__ import annotations\n',
     answers={
         "q7": d('''
             import torch
             from torch import Tensor, nn


             class CNN(nn.Module):
                 def __init__(self) -> None:
                     super().__init__()
                     self.conv1: nn.Conv2d = nn.Conv2d(1, 3, kernel_size=3, padding=1)
                     self.conv2: nn.Conv2d = nn.Conv2d(3, 2, kernel_size=3, padding=1)
                     self.pool: nn.MaxPool2d = nn.MaxPool2d(2)
                     self.act: nn.ReLU = nn.ReLU()
                     self.fc: nn.Linear = nn.Linear(1250, 1)
                     self.eval()  # used for inference in this notebook; train() before fitting

                 def forward(self, x: Tensor) -> Tensor:
                     x = self.pool(self.act(self.conv1(x)))
                     x = self.pool(self.act(self.conv2(x)))
                     return self.fc(x.flatten(1))

                 @torch.no_grad()
                 def predict_proba(self, x: Tensor) -> Tensor:
                     return torch.sigmoid(self(x))

                 @torch.no_grad()
                 def n_parameters(self) -> int:
                     return sum(p.numel() for p in self.parameters())

                 def extra_repr(self) -> str:
                     return "input: (N, 1, 100, 100) -> output: (N, 1)"
             '''),
         "q8": d('''
             import torch
             from torch import Tensor, nn


             def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
                 return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


             class ConvNet(nn.Module):
                 def __init__(self, input_channels: int) -> None:
                     super().__init__()
                     self.input_channels: int = input_channels
                     self.blocks: nn.Sequential = nn.Sequential(
                         conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
                         conv_block(3, 3))
                     self.fc: nn.Linear = nn.Linear(49152, 1)

                 def forward(self, x: Tensor) -> Tensor:
                     with torch.inference_mode(mode=not torch.is_grad_enabled()):
                         return self.fc(self.blocks(x).flatten(1))

                 @torch.no_grad()
                 def predict(self, x: Tensor, threshold: float = 0.5) -> Tensor:
                     return torch.sigmoid(self(x)) > threshold

                 def extra_repr(self) -> str:
                     return f"input_channels={self.input_channels}"

                 def __repr__(self) -> str:
                     return f"{type(self).__name__}({self.input_channels})"
             '''),
     },
     after={"q8": [d('''
         if __name__ == "__main__":
             print(CNN(), CNN().n_parameters())
             print(ConvNet(1), ConvNet(1).predict(torch.zeros(2, 1, 128, 128)))
         ''')]})

# ---------------------------------------------------------------------------------------------------------
# (b) q6 by hand in numeric styles
# ---------------------------------------------------------------------------------------------------------

Q6_INPUT = d('''
    IMAGE = [[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]
    KERNEL = [[0, 1, 2], [2, 2, 0], [0, 1, 2]]
    ''')

case("r10_py_q6_numpy_sliding_window_view",
     answers={"q6": d('''
         import numpy as np
         import torch
         from numpy.lib.stride_tricks import sliding_window_view


         def conv2d(image, kernel, stride=1, padding=0):
             a = np.pad(image.detach().numpy(), padding)  # `padding` zeros on every side
             k = kernel.detach().numpy()
             windows = sliding_window_view(a, k.shape)[::stride, ::stride]
             return torch.as_tensor(np.einsum("ijkl,kl->ij", windows, k))


         def max_pool2d(image, kernel_size=2):
             a = image.detach().numpy()
             windows = sliding_window_view(a, (kernel_size, kernel_size))[::kernel_size, ::kernel_size]
             return torch.as_tensor(windows.max(axis=(2, 3)))


         ''') + Q6_INPUT + "q6_output = conv2d(torch.tensor(IMAGE, dtype=torch.float32), torch.tensor(KERNEL, dtype=torch.float32))\n"})

case("r10_nb_q6_tensor_as_strided_windows",
     answers={"q6": d('''
         import torch

         q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


         def conv2d(image, kernel, stride=1, padding=0):
             if padding:
                 h, w = image.shape
                 padded = image.new_zeros(h + 2 * padding, w + 2 * padding)
                 padded[padding:padding + h, padding:padding + w] = image
                 image = padded
             image = image.contiguous()
             kh, kw = kernel.shape
             oh = (image.shape[0] - kh) // stride + 1
             ow = (image.shape[1] - kw) // stride + 1
             s0, s1 = image.stride()
             windows = image.as_strided((oh, ow, kh, kw), (s0 * stride, s1 * stride, s0, s1))
             return (windows * kernel).sum(dim=(-2, -1))


         def max_pool2d(image, kernel_size=2):
             image = image.contiguous()
             k = kernel_size
             s0, s1 = image.stride()
             windows = image.as_strided((image.shape[0] // k, image.shape[1] // k, k, k), (s0 * k, s1 * k, s0, s1))
             return windows.amax(dim=(-2, -1))
         ''')})

case("r10_py_q6_lists_of_lists_fsum_operator_mul",
     answers={"q6": d('''
         import math
         import operator

         import torch

         q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


         def _padded_rows(image, padding):
             rows = image.tolist()
             width = len(rows[0]) + 2 * padding
             blank = [[0.0] * width for _ in range(padding)]
             return blank + [[0.0] * padding + row + [0.0] * padding for row in rows] + [r[:] for r in blank]


         def conv2d(image, kernel, stride=1, padding=0):
             grid = _padded_rows(image, padding)
             k = kernel.tolist()
             kh, kw = len(k), len(k[0])
             out = [
                 [math.fsum(math.fsum(map(operator.mul, grid[i + di][j:j + kw], k[di])) for di in range(kh))
                  for j in range(0, len(grid[0]) - kw + 1, stride)]
                 for i in range(0, len(grid) - kh + 1, stride)
             ]
             return torch.tensor(out, dtype=image.dtype)


         def max_pool2d(image, kernel_size=2):
             rows = image.tolist()
             k = kernel_size
             out = [[max(v for r in rows[i:i + k] for v in r[j:j + k]) for j in range(0, len(rows[0]) - k + 1, k)]
                    for i in range(0, len(rows) - k + 1, k)]
             return torch.tensor(out, dtype=image.dtype)
         ''')})

case("r10_nb_q6_itertools_product_divmod_enumerate_start",
     answers={"q6": d('''
         import itertools

         import torch

         q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


         def conv2d(image, kernel, stride=1, padding=0):
             h, w = image.shape
             kh, kw = kernel.shape
             oh = (h + 2 * padding - kh) // stride + 1
             ow = (w + 2 * padding - kw) // stride + 1
             out = torch.zeros(oh * ow, dtype=image.dtype)
             for n, _ in enumerate(range(oh * ow), start=1):  # n counts output pixels from 1, row by row
                 i, j = divmod(n - 1, ow)
                 total = image.new_zeros(())
                 for di, dj in itertools.product(range(kh), range(kw)):
                     r, c = i * stride + di - padding, j * stride + dj - padding
                     if 0 <= r < h and 0 <= c < w:  # outside: a padding zero, adds nothing
                         total = total + image[r, c] * kernel[di, dj]
                 out[n - 1] = total
             return out.reshape(oh, ow)


         def max_pool2d(image, kernel_size=2):
             oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
             out = torch.empty(oh, ow, dtype=image.dtype)
             for i, j in itertools.product(range(oh), range(ow)):
                 out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
             return out
         ''')})

case("r10_py_q6_stack_of_shifted_slices_after_F_pad",
     answers={"q6": d('''
         import torch
         import torch.nn.functional as F

         q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


         def conv2d(image, kernel, stride=1, padding=0):
             x = F.pad(image, (padding, padding, padding, padding))  # zeros, not a convolution
             kh, kw = kernel.shape
             oh = (x.shape[0] - kh) // stride + 1
             ow = (x.shape[1] - kw) // stride + 1
             # one shifted (oh, ow) slice per kernel entry, weighted and summed
             shifted = torch.stack([x[di:di + (oh - 1) * stride + 1:stride, dj:dj + (ow - 1) * stride + 1:stride]
                                    for di in range(kh) for dj in range(kw)])
             return (shifted * kernel.reshape(-1, 1, 1)).sum(dim=0)


         def max_pool2d(image, kernel_size=2):
             k = kernel_size
             oh, ow = image.shape[0] // k, image.shape[1] // k
             return torch.stack([image[di::k, dj::k][:oh, :ow] for di in range(k) for dj in range(k)]).amax(dim=0)
         ''')})

case("r10_nb_q6_tensor_unfold_windows_flatten_max",
     answers={"q6": d('''
         import torch

         q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


         def pad_with_zeros(image, padding):
             if padding == 0:
                 return image
             h, w = image.shape
             side = image.new_zeros(h, padding)
             image = torch.cat([side, image, side], dim=1)
             top = image.new_zeros(padding, w + 2 * padding)
             return torch.cat([top, image, top], dim=0)


         def conv2d(image, kernel, stride=1, padding=0):
             kh, kw = kernel.shape
             windows = pad_with_zeros(image, padding).unfold(0, kh, stride).unfold(1, kw, stride)
             return (windows * kernel).sum((-2, -1))


         def max_pool2d(image, kernel_size=2):
             k = kernel_size
             return image.unfold(0, k, k).unfold(1, k, k).flatten(start_dim=-2).max(dim=-1).values
         ''')})

case("r10_py_q6_recursive_rows_lru_cache_sizes",
     answers={"q6": d('''
         import functools

         import torch

         q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


         @functools.lru_cache(maxsize=None)
         def out_size(n, k, stride, padding):
             return (n + 2 * padding - k) // stride + 1


         def _rows(image, kernel, stride, i, oh, ow):
             """Rows i..oh-1 of the output, one recursive call per row."""
             if i == oh:
                 return []
             kh, kw = kernel.shape
             row = torch.stack([(image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
                                for j in range(ow)])
             return [row] + _rows(image, kernel, stride, i + 1, oh, ow)


         def conv2d(image, kernel, stride=1, padding=0):
             h, w = image.shape
             kh, kw = kernel.shape
             padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
             padded[padding:padding + h, padding:padding + w] = image
             oh, ow = out_size(h, kh, stride, padding), out_size(w, kw, stride, padding)
             return torch.stack(_rows(padded, kernel, stride, 0, oh, ow))


         def max_pool2d(image, kernel_size=2):
             oh = out_size(image.shape[0], kernel_size, kernel_size, 0)
             ow = out_size(image.shape[1], kernel_size, kernel_size, 0)

             def pool_rows(i):
                 if i == oh:
                     return []
                 row = torch.stack([image[i * kernel_size:(i + 1) * kernel_size,
                                          j * kernel_size:(j + 1) * kernel_size].max() for j in range(ow)])
                 return [row] + pool_rows(i + 1)

             return torch.stack(pool_rows(0))
         ''')})

case("r10_nb_q6_callable_class_dataclass_spec_namedtuple_size",
     answers={"q6": d('''
         from dataclasses import dataclass
         from typing import NamedTuple

         import torch

         q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


         @dataclass(frozen=True)
         class ConvSpec:
             stride: int = 1
             padding: int = 0


         class OutputSize(NamedTuple):
             height: int
             width: int


         class Conv2D:
             """A 2-D cross-correlation with one kernel, called like a function."""

             def __init__(self, kernel, spec=ConvSpec()):
                 self.kernel, self.spec = kernel, spec

             def output_size(self, image) -> OutputSize:
                 kh, kw = self.kernel.shape
                 p, s = self.spec.padding, self.spec.stride
                 return OutputSize((image.shape[0] + 2 * p - kh) // s + 1, (image.shape[1] + 2 * p - kw) // s + 1)

             def __call__(self, image):
                 p, s = self.spec.padding, self.spec.stride
                 size = self.output_size(image)
                 padded = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
                 padded[p:p + image.shape[0], p:p + image.shape[1]] = image
                 kh, kw = self.kernel.shape
                 out = torch.zeros(size.height, size.width, dtype=image.dtype)
                 for i in range(size.height):
                     for j in range(size.width):
                         out[i, j] = (padded[i * s:i * s + kh, j * s:j * s + kw] * self.kernel).sum()
                 return out


         class MaxPool:
             def __init__(self, size):
                 self.size = size

             def __call__(self, image):
                 k = self.size
                 out = OutputSize(image.shape[0] // k, image.shape[1] // k)
                 return torch.tensor([[image[i * k:(i + 1) * k, j * k:(j + 1) * k].max().item()
                                       for j in range(out.width)] for i in range(out.height)], dtype=image.dtype)


         def conv2d(image, kernel, stride=1, padding=0):
             return Conv2D(kernel, ConvSpec(stride, padding))(image)


         def max_pool2d(image, kernel_size=2):
             return MaxPool(kernel_size)(image)
         ''')})

case("r10_py_q6_match_padding_walrus_windows",
     answers={"q6": d('''
         import torch

         q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


         def conv2d(image, kernel, stride=1, padding=0):
             match padding:
                 case 0:
                     padded = image
                 case int(p) if p > 0:
                     padded = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
                     padded[p:-p, p:-p] = image
                 case _:
                     raise ValueError(f"padding must be a non-negative int, not {padding!r}")
             kh, kw = kernel.shape
             if (oh := (padded.shape[0] - kh) // stride + 1) < 1 or (ow := (padded.shape[1] - kw) // stride + 1) < 1:
                 raise ValueError("kernel does not fit")
             return torch.stack([torch.stack([(padded[(r := i * stride):r + kh, (c := j * stride):c + kw] * kernel).sum()
                                              for j in range(ow)]) for i in range(oh)])


         def max_pool2d(image, kernel_size=2):
             k = kernel_size
             return torch.stack([torch.stack([window.max() for j in range(image.shape[1] // k)
                                              if (window := image[i * k:(i + 1) * k, j * k:(j + 1) * k]).numel()])
                                 for i in range(image.shape[0] // k)])
         ''')})

# ---------------------------------------------------------------------------------------------------------
# (c) notebooks in unusual shapes
# ---------------------------------------------------------------------------------------------------------


def _nbformat_40_string_sources_raw_cells(path: Path) -> None:
    """As an old Jupyter (nbformat 4.0) saved it: no cell ids, every source one string; raw cells between."""
    nb = nbformat.read(str(path), as_version=4)
    cells = []
    for cell in nb.cells:
        cells.append(cell)
        if cell.cell_type == "code" and cell.source.startswith("q1_answer"):
            cells.append(nbformat.v4.new_raw_cell("q1_answer = \"A\"  (my first guess, kept as a note)"))
        if cell.cell_type == "code" and cell.source.startswith("def conv_output_size"):
            cells.append(nbformat.v4.new_raw_cell("return (size - kernel_size) / stride + 1   <- wrong: not floor"))
    nb.cells = cells
    doc = json.loads(nbformat.writes(nb))
    doc["nbformat_minor"] = 0
    for cell in doc["cells"]:
        cell.pop("id", None)
        cell["source"] = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        for out in cell.get("outputs", []):
            if isinstance(out.get("text"), list):
                out["text"] = "".join(out["text"])
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


case("r10_nb_nbformat40_string_sources_raw_cells", post=_nbformat_40_string_sources_raw_cells)


def _markdown_fences(path: Path) -> None:
    """Markdown cells that quote code (drafts, wrong on purpose) in fences, and comment-only / empty cells."""
    nb = nbformat.read(str(path), as_version=4)
    cells = []
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.source.startswith("import torch\n\nq6_output"):
            cells.append(nbformat.v4.new_markdown_cell(
                "My first attempt flipped the kernel (that is a true convolution, not what PyTorch does):\n\n"
                "```python\ndef conv2d(image, kernel, stride=1, padding=0):\n    kernel = kernel.flip(0, 1)\n"
                "    return sum(...)\n```\n\nand the pooling overlapped:\n\n```\nmax_pool2d = lambda x, k: x.max()\n```"))
            cells.append(nbformat.v4.new_code_cell("# q6: see the markdown above for what I fixed"))
            cells.append(nbformat.v4.new_code_cell(""))
            for n, new in enumerate(cells[-3:]):
                new.id = f"r10-fence-{n}"
        cells.append(cell)
    nb.cells = cells
    nbformat.write(nb, str(path))


case("r10_nb_markdown_code_fences_comment_only_and_empty_cells", post=_markdown_fences,
     answers={"q9": d('''
         # ```python
         # q9_true = {"C", "D"}   # what I had before re-reading statement D
         # ```
         q9_true = {"C"}
         ''')})

case("r10_nb_definitions_repeated_reimports_del_semicolons_display",
     before={"q2": [d('''
         # draft: no padding, no check yet
         def conv_output_size(size, kernel_size, stride=1, padding=0):
             return (size - kernel_size) // stride + 1

         conv_output_size(100, 5);
         ''')],
             "q6": ["import torch;", "", "# nothing here yet"]},
     answers={
         "q3": d('''
             tmp = [conv_output_size(100, 3, padding=1)]
             tmp.append(tmp[-1] // 2)
             tmp.append(conv_output_size(tmp[-1], 3, padding=1))
             tmp.append(tmp[-1] // 2)
             q3_shapes = [(c, s, s) for c, s in zip([3, 3, 2, 2], tmp)]
             q3_flatten_features = 2 * tmp[-1] ** 2
             del tmp
             display(q3_shapes);
             '''),
         "q4": d('''
             import torch
             q4_conv_params = sum(p.numel() for p in torch.nn.Conv2d(3, 3, kernel_size=(3, 3)).parameters());
             q4_cnn_params = 30 + 56 + 1251;
             q4_fcnn_params = 4194560 + 32896 + 8256 + 2080 + 528 + 17;
             display(q4_conv_params, q4_cnn_params, q4_fcnn_params)
             '''),
     },
     after={"q2": [d('''
         import math  # re-imported here, in case this cell is run alone
         print(conv_output_size(100, 5), conv_output_size(7, 3, stride=2, padding=1));
         ''')],
            "q7": ["import torch\nfrom torch import nn  # again: this cell was moved\ndel nn"],
            "q8": ["display(ConvNet(1))"]})

case("r10_nb_future_annotations_first_unicode_names_tabs",
     before={"q1": ["from __future__ import annotations\n\nα = 0.1  # learning rate for later\n"]},
     answers={
         "q2": ("def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:\n"
                "\tgröße = size + 2 * padding  # the padded size\n"
                "\tif kernel_size > größe:\n"
                "\t\traise ValueError(f\"a {kernel_size}x{kernel_size} kernel does not fit in {größe}x{größe}\")\n"
                "\treturn (größe - kernel_size) // stride + 1\n"),
         "q7": ("import torch\nfrom torch import nn\n\n\n"
                "class CNN(nn.Module):\n"
                "\tdef __init__(self) -> None:\n"
                "\t\tsuper().__init__()\n"
                "\t\tself.faltung1 = nn.Conv2d(1, 3, 3, padding=1)\n"
                "\t\tself.faltung2 = nn.Conv2d(3, 2, 3, padding=1)\n"
                "\t\tself.σ = nn.ReLU()\n"
                "\t\tself.pool = nn.MaxPool2d(2)\n"
                "\t\tself.ausgabe = nn.Linear(1250, 1)\n\n"
                "\tdef forward(self, x: torch.Tensor) -> torch.Tensor:\n"
                "\t\tx = self.pool(self.σ(self.faltung1(x)))\n"
                "\t\tx = self.pool(self.σ(self.faltung2(x)))\n"
                "\t\treturn self.ausgabe(x.flatten(1))\n"),
         "q10": "Ja, Nein = True, False\nq10_answers = {1: Ja, 2: Nein, 3: Ja, 4: Ja, 5: Nein, 6: Nein, 7: Ja, 8: Nein}\n",
     })


def _bom_crlf(path: Path) -> None:
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))


case("r10_py_bom_crlf_tabs_windows_editor", post=_bom_crlf,
     head='"""Lecture 6 exercises (written in Notepad++ on Windows: tabs, CRLF, a BOM)."""\n',
     answers={
         "q5": ("def conv2d_params(in_channels, out_channels, kernel_size, bias=True):\n"
                "\tkh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size\n"
                "\treturn out_channels * (in_channels * kh * kw + (1 if bias else 0))\n\n\n"
                "def linear_params(in_features, out_features, bias=True):\n"
                "\treturn out_features * (in_features + int(bias))\n"),
         "q6": ("import torch\n\nq6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]\n\n\n"
                "def conv2d(image, kernel, stride=1, padding=0):\n"
                "\tp = padding\n"
                "\tpadded = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)\n"
                "\tpadded[p:p + image.shape[0], p:p + image.shape[1]] = image\n"
                "\tkh, kw = kernel.shape\n"
                "\trows = []\n"
                "\tfor i in range(0, padded.shape[0] - kh + 1, stride):\n"
                "\t\trows.append(torch.stack([(padded[i:i + kh, j:j + kw] * kernel).sum()\n"
                "\t\t\t\t\t\t\t\t for j in range(0, padded.shape[1] - kw + 1, stride)]))\n"
                "\treturn torch.stack(rows)\n\n\n"
                "def max_pool2d(image, kernel_size=2):\n"
                "\tk = kernel_size\n"
                "\th, w = image.shape[0] // k * k, image.shape[1] // k * k\n"
                "\treturn image[:h, :w].reshape(h // k, k, w // k, k).amax(dim=(1, 3))\n"),
     })

case("r10_nb_main_guard_demo_cells_and_display",
     after={"q2": [d('''
         if __name__ == "__main__":
             for size, k, s, p in [(100, 5, 1, 0), (28, 3, 2, 1), (7, 7, 1, 0)]:
                 print(f"{size=} {k=} {s=} {p=} -> {conv_output_size(size, k, s, p)}")
         ''')],
            "q6": [d('''
         if __name__ == "__main__":
             from IPython.display import display
             display(conv2d(torch.arange(25.0).reshape(5, 5), torch.ones(3, 3), stride=2, padding=1))
             display(max_pool2d(torch.arange(16.0).reshape(4, 4)))
         ''')]})

# ---------------------------------------------------------------------------------------------------------
# (d) answers in forms the prompts leave open
# ---------------------------------------------------------------------------------------------------------

case("r10_nb_q10_mappingproxy_q9_from_lowercase_notes",
     answers={
         "q9": d('''
             notes = "a: no (a batch is 4-D)  b: no  c: yes (out, in, kH, kW)  d: no  e: no"
             q9_true = {part.split(":")[0].upper() for part in notes.split("  ") if "yes" in part}
             q9_true
             '''),
         "q10": d('''
             import types

             # read-only, so a later cell cannot change an answer by accident
             q10_answers = types.MappingProxyType({1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False})
             q10_answers
             '''),
     })

case("r10_py_q10_ordereddict_str_keys_q3_numpy_from_own_q2",
     answers={
         "q3": d('''
             import numpy as np

             sizes = np.array([conv_output_size(100, 3, padding=1)])
             sizes = np.append(sizes, [sizes[-1] // 2])
             sizes = np.append(sizes, [conv_output_size(int(sizes[-1]), 3, padding=1)])
             sizes = np.append(sizes, [sizes[-1] // 2])
             channels = np.array([3, 3, 2, 2])
             q3_shapes = [(c, s, s) for c, s in zip(channels, sizes)]  # numpy int64 entries
             q3_flatten_features = np.prod(q3_shapes[-1])
             '''),
         "q10": d('''
             from collections import OrderedDict

             q10_answers = OrderedDict()
             for number, verdict in zip("12345678", [True, False, True, True, False, False, True, False]):
                 q10_answers[number] = verdict
             '''),
     })

case("r10_nb_q4_numpy_int64_from_own_q5_functions_starmap",
     order=["q1", "q2", "q3", "q5", "q4", "q6", "q7", "q8", "q9", "q10"],
     answers={"q4": d('''
         import itertools

         import numpy as np

         q4_conv_params = np.int64(conv2d_params(3, 3, (3, 3)))
         q4_cnn_params = np.sum([conv2d_params(1, 3, 3), conv2d_params(3, 2, 3), linear_params(q3_flatten_features, 1)])
         widths = [128 * 128, 256, 128, 64, 32, 16, 1]
         q4_fcnn_params = np.int64(sum(itertools.starmap(linear_params, zip(widths, widths[1:]))))
         print(type(q4_cnn_params), q4_conv_params, q4_cnn_params, q4_fcnn_params)
         ''')})

case("r10_py_q1_indexed_q2_match_validation_operator_floordiv",
     answers={
         "q1": d('''
             side = 4 - 3 + 1  # a 3x3 filter fits 2 times along a 4-wide side
             q1_answer = "ABC"[[4, 3, 2].index(side)]
             '''),
         "q2": d('''
             import operator


             def conv_output_size(size, kernel_size, stride=1, padding=0):
                 match (size + 2 * padding - kernel_size, stride):
                     case (room, _) if room < 0:
                         raise ValueError(f"kernel {kernel_size} does not fit in {size} padded by {padding}")
                     case (room, step):
                         return operator.floordiv(room, step) + 1
             '''),
     })


def _stable_ids(path: Path) -> None:
    """Round 8's writer draws cell ids (and Colab's markdown ids) at random: fix them, so that running this
    generator again rewrites the same bytes."""
    nb = nbformat.read(str(path), as_version=4)
    for i, cell in enumerate(nb.cells):
        cell.id = f"r10-{i:03d}"
        if cell.cell_type == "markdown" and "id" in cell.metadata:
            cell.metadata["id"] = f"m{i:07d}"
    nbformat.write(nb, str(path))


def main() -> None:
    for old in HERE.glob("r10_*"):
        old.unlink()
    for name, spec in CASES.items():
        if name.startswith("r10_nb_"):
            write_notebook(name, spec)
            path = HERE / f"{name}.ipynb"
            _stable_ids(path)
        else:
            write_script(name, spec)
            path = HERE / f"{name}.py"
        if spec["post"]:
            spec["post"](path)
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()

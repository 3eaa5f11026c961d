"""Round 17 of the fairness corpus: correct answers in ordinary but unusual styles, aimed at the rules the grader
uses since round 16 (models run in training mode with every parameter holding a random ``.grad``, gradients compared
with a reference network's whose weights are drawn in float64 then rounded; overriding ``nn.Module`` methods that
training or checkpointing calls is refused; the model is run again after a backward pass; ``@torch.jit.script`` with
another decorator is refused for q6).

Each case is a full, correct answer to all ten questions (round 8's plain answers, ``_make_r8.PLAIN``, with some
questions answered the case's way, or cells added after them). Aimed at:

- q7 models: ``forward`` under ``torch.set_grad_enabled(self.training)``; ``forward`` reading the parameters'
  ``.grad`` to log the previous step's gradient norms; ``get_extra_state`` / ``set_extra_state`` (PyTorch's own way
  to put metadata in a state_dict, instead of overriding ``state_dict``); inputs converted in ``forward``
  (``torch.as_tensor``, a uint8 branch, ``x.float()``, ``x.to(self.device)`` through a ``device`` property);
  ``nn.Flatten(-3)`` so that batched and unbatched inputs both work; the previous output cached detached to
  log how much it changed; Lightning-style ``training_step`` / ``configure_optimizers`` methods; ``nn.init``
  variants (orthogonal, trunc_normal, kaiming_normal) at construction; ``__repr__`` / ``__str__`` overrides;
  ``torch.autocast(enabled=False)`` in ``forward``; ``self.requires_grad_(True)`` / ``self.train()`` in
  ``__init__``; the flatten size cached on the first call; a ``@dataclass(eq=False)`` module; ReLU as
  ``x * (x > 0)`` and ``F.threshold``; identity normalisation buffers (mean 0, std 1); a saliency-ready ``forward``
  that calls ``x.requires_grad_()`` on a leaf input;
- q8: ``conv_block(..., batch_norm=False)`` holding an ``nn.Identity`` where the BatchNorm would go; blocks made by
  ``functools.partial(conv_block, output_channels=3)``; an ``assert`` on the input channels and ``extra_repr``;
- top level: a training loop printing each parameter's ``p.grad.norm()`` and ``loss.grad_fn``; AMP boilerplate
  disabled on CPU (``torch.amp.GradScaler(enabled=False)``, ``autocast(enabled=False)``); two models built with the
  same seed compared, then copied by ``deepcopy`` and by a BytesIO state_dict; a float64 copy of the model;
  ``torch.optim.LBFGS`` with a closure; ``torch.profiler.profile``; ``torch.save`` of a state_dict to a file and
  ``torch.load(weights_only=True)``;
- q6 by hand: ``@torch.no_grad()`` on the functions; ``torch.autograd.gradcheck`` of the hand convolution in float64;
  correlation through ``torch.fft``; pooling with ``sort`` / ``topk`` per block; ``torch.vmap`` over the windows;
  torch's own ``Tensor.as_strided``.
- added while isolating (section e): ``reset_parameters`` / ``save`` / ``load`` / ``freeze`` / ``clone`` methods (near
  misses of the override rule), ``__len__`` / ``__getitem__`` on ConvNet, ``checkpoint_sequential`` (non-reentrant),
  DataLoader worker processes, ``torch.set_num_threads``, a gradient penalty with ``create_graph``, ``warnings`` /
  ``time.perf_counter`` / ``no_grad`` statistics in ``forward``, ``skip_init``, q6 helpers (q2's ``conv_output_size``,
  an ``lru_cache`` size helper, walrus and ``yield from``), ``assert_close`` self-checks, ``model.__call__(x)``,
  ``torch.utils.benchmark.Timer``.

    python tests/corpus/fair/_make_r17.py        # rewrites tests/corpus/fair/r17_*
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from _make_r8 import QUESTIONS, d, write_notebook, write_script  # noqa: E402
from _make_r16 import CONV_BLOCK, TRAIN_CNN, cnn, convnet  # noqa: E402

CASES: dict[str, dict] = {}


def case(name, *, tool="jupyter", answers=None, before=None, after=None, extra=None):
    CASES[name] = dict(tool=tool, answers=answers or {}, before=before or {}, after=after or {}, extra=extra or [],
                       order=QUESTIONS)


# ---------------------------------------------------------------------------------------------------------
# (a) q7 models
# ---------------------------------------------------------------------------------------------------------

def wrapped_cnn(init_extra, context, comment):
    """q7's CNN whose forward runs its layers inside a context manager."""
    return d('''
        import torch
        import torch.nn.functional as F
        from torch import nn


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
                self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
                self.fc = nn.Linear(2 * 25 * 25, 1)
        INIT
            def forward(self, x):
                # COMMENT
                with CONTEXT:
                    x = F.max_pool2d(F.relu(self.conv1(x)), 2)
                    x = F.max_pool2d(F.relu(self.conv2(x)), 2)
                    return self.fc(x.flatten(1))
        ''').replace("INIT\n", init_extra + "\n").replace("CONTEXT", context).replace("COMMENT", comment)


case("r17_py_q7_set_grad_enabled_by_training_flag",
     answers={"q7": wrapped_cnn("", "torch.set_grad_enabled(self.training)",
                                "no graph when I only predict (model.eval()); the usual graph while training")},
     after={"q7": [TRAIN_CNN]})

case("r17_nb_q7_forward_logs_previous_gradient_norms",
     answers={"q7": cnn(init_extra='''
         self.grad_norms = {}  # the gradient norms of the last backward pass, for my training plots
         ''', fwd_pre='''
         self.grad_norms = {name: p.grad.detach().norm() for name, p in self.named_parameters() if p.grad is not None}
         ''')},
     after={"q7": [TRAIN_CNN + "print({k: round(float(v), 4) for k, v in model.grad_norms.items()})\n"]})

case("r17_py_q7_get_extra_state_metadata",
     answers={"q7": cnn(init_extra='''
         self.meta = {"arch": "lecture6-cnn", "version": 2}
         ''', methods='''
         # PyTorch's hook for extra things in the state_dict (a version number for my checkpoints)
         def get_extra_state(self):
             return dict(self.meta)

         def set_extra_state(self, state):
             self.meta = dict(state)
         ''')},
     after={"q7": [d('''
         import io

         buffer = io.BytesIO()
         torch.save(CNN().state_dict(), buffer)
         buffer.seek(0)
         restored = CNN()
         restored.load_state_dict(torch.load(buffer))
         print(restored.meta)
         ''')]})

case("r17_nb_q7_forward_converts_input_dtype",
     answers={"q7": cnn(fwd_pre='''
         x = torch.as_tensor(x)  # also accepts a NumPy batch from my image loader
         if x.dtype == torch.uint8:  # raw 0..255 pixels
             x = x.float() / 255
         x = x.float()
         ''')})

case("r17_py_q7_flatten_negative_start_dim_unbatched_too",
     answers={"q7": d('''
         import torch
         from torch import nn


         class CNN(nn.Module):
             """Works on a batch (N, 1, 100, 100) and on one image (1, 100, 100): Flatten(-3) flattens C, H, W."""

             def __init__(self):
                 super().__init__()
                 self.layers = nn.Sequential(
                     nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     nn.Flatten(start_dim=-3),
                     nn.Linear(1250, 1),
                 )

             def forward(self, x):
                 return self.layers(x)


         print(CNN()(torch.rand(1, 100, 100)).shape, CNN()(torch.rand(5, 1, 100, 100)).shape)
         ''')})

case("r17_nb_q7_previous_output_cached_to_log_change",
     answers={"q7": cnn(init_extra='''
         self.previous = None  # last output, to see how much one optimizer step changes the predictions
         self.change = None
         ''', fwd_post='''
         out = self.fc(x)
         if self.previous is not None and self.previous.shape == out.shape:
             self.change = (out.detach() - self.previous).abs().max()
         self.previous = out.detach()
         ''', head="out")},
     after={"q7": [TRAIN_CNN + "print('largest change in the last step:', model.change)\n"]})

case("r17_py_q7_lightning_style_methods",
     answers={"q7": cnn(methods='''
         # the same names as PyTorch Lightning, so I can move to it later
         def training_step(self, batch):
             images, labels = batch
             return F.binary_cross_entropy_with_logits(self(images), labels)

         def configure_optimizers(self):
             return torch.optim.SGD(self.parameters(), lr=0.01)
         ''')},
     after={"q7": [d('''
         torch.manual_seed(0)
         model = CNN()
         optimizer = model.configure_optimizers()
         batch = torch.rand(4, 1, 100, 100), torch.randint(0, 2, (4, 1)).float()
         for step in range(2):
             optimizer.zero_grad()
             loss = model.training_step(batch)
             loss.backward()
             optimizer.step()
             print(step, loss.item())
         ''')]})

case("r17_nb_q7_nn_init_variants_at_construction",
     answers={"q7": cnn(init_extra='''
         # trying the initialisations from the reading (the grader loads its own weights anyway)
         nn.init.orthogonal_(self.conv1.weight)
         nn.init.trunc_normal_(self.conv2.weight, std=0.02)
         nn.init.kaiming_normal_(self.fc.weight, mode="fan_in", nonlinearity="relu")
         for layer in (self.conv1, self.conv2, self.fc):
             nn.init.zeros_(layer.bias)
         ''')})

case("r17_py_q7_repr_and_str_overrides",
     answers={"q7": cnn(methods='''
         def __repr__(self):
             n = sum(p.numel() for p in self.parameters())
             return f"CNN(conv 1->3, conv 3->2, linear 1250->1; {n} parameters)"

         def __str__(self):
             return self.__repr__()
         ''')},
     after={"q7": ["print(CNN())\n"]})

case("r17_nb_q7_autocast_disabled_in_forward",
     answers={"q7": wrapped_cnn("        self.use_amp = torch.cuda.is_available()  # mixed precision only on the GPU\n",
                                'torch.autocast(device_type="cuda" if x.is_cuda else "cpu", enabled=self.use_amp)',
                                "mixed precision (from the AMP recipe); off on the CPU")})

case("r17_py_q7_requires_grad_and_train_called_in_init",
     answers={"q7": cnn(init_extra='''
         self.requires_grad_(True)  # make sure every layer trains
         self.train()  # start in training mode
         ''')},
     after={"q7": [TRAIN_CNN]})

case("r17_nb_q7_flatten_size_cached_on_first_call",
     answers={"q7": cnn(init_extra='''
         self._n_flat = None  # found on the first call
         ''', fwd_post='''
         ''', head="self.fc(x)").replace("        x = x.flatten(1)\n", d('''
         if self._n_flat is None:
             self._n_flat = x[0].numel()
         x = x.view(-1, self._n_flat)
         ''').replace("\n", "\n        ").join(["        ", ""]).rstrip(" "))},
     after={"q7": [TRAIN_CNN]})

case("r17_py_q7_dataclass_module",
     answers={"q7": d('''
         from dataclasses import dataclass

         import torch
         import torch.nn.functional as F
         from torch import nn


         @dataclass(eq=False)  # eq=False keeps nn.Module's hash, so the module can sit in sets and dicts
         class CNN(nn.Module):
             in_channels: int = 1
             hidden: tuple = (3, 2)

             def __post_init__(self):
                 super().__init__()
                 c1, c2 = self.hidden
                 self.conv1 = nn.Conv2d(self.in_channels, c1, 3, padding=1)
                 self.conv2 = nn.Conv2d(c1, c2, 3, padding=1)
                 self.fc = nn.Linear(c2 * 25 * 25, 1)

             def forward(self, x):
                 x = F.max_pool2d(F.relu(self.conv1(x)), 2)
                 x = F.max_pool2d(F.relu(self.conv2(x)), 2)
                 return self.fc(x.flatten(1))
         ''')},
     after={"q7": [TRAIN_CNN]})

case("r17_nb_q7_relu_as_mask_multiply_and_threshold",
     answers={"q7": d('''
         import torch
         import torch.nn.functional as F
         from torch import nn


         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                 self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                 self.fc = nn.Linear(1250, 1)

             def forward(self, x):
                 x = self.conv1(x)
                 x = x * (x > 0)  # ReLU as in the lecture: keep the positive part
                 x = F.max_pool2d(x, 2)
                 x = F.threshold(self.conv2(x), 0.0, 0.0)  # the same thing, torch's name for it
                 x = F.max_pool2d(x, 2)
                 return self.fc(x.flatten(1))
         ''')})

case("r17_py_q7_identity_normalisation_buffers",
     answers={"q7": cnn(init_extra='''
         # dataset statistics go here once I have a dataset (identity for now); buffers follow .to(device)
         self.register_buffer("mean", torch.zeros(1, 1, 1, 1))
         self.register_buffer("std", torch.ones(1, 1, 1, 1))
         ''', fwd_pre='''
         x = (x - self.mean) / self.std
         ''')})

case("r17_nb_q7_device_property_moves_input",
     answers={"q7": cnn(fwd_pre='''
         x = x.to(self.device)  # the batch may come from the CPU DataLoader
         ''', methods='''
         @property
         def device(self):
             return next(self.parameters()).device
         ''')},
     after={"q7": [TRAIN_CNN]})

case("r17_py_q7_saliency_ready_forward",
     answers={"q7": cnn(init_extra='''
         self.saliency = False  # set True to get d(output)/d(input) from image.grad after backward
         ''', fwd_pre='''
         if self.saliency and x.is_leaf and not x.requires_grad:
             x.requires_grad_()
         ''')},
     after={"q7": [d('''
         net = CNN()
         net.saliency = True
         image = torch.rand(1, 1, 100, 100)
         net(image).sum().backward()
         print(image.grad.abs().max())
         net.saliency = False
         ''')]})

# ---------------------------------------------------------------------------------------------------------
# (b) q8
# ---------------------------------------------------------------------------------------------------------

case("r17_nb_q8_conv_block_identity_instead_of_batchnorm",
     answers={"q8": d('''
         import torch
         from torch import nn


         def conv_block(input_channels, output_channels, batch_norm=False):
             """Conv 3x3 + ReLU; batch_norm=True adds BatchNorm (next week's lecture), else an Identity holds its place."""
             return nn.Sequential(
                 nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
                 nn.BatchNorm2d(output_channels) if batch_norm else nn.Identity(),
                 nn.ReLU(),
             )


         class ConvNet(nn.Module):
             def __init__(self, input_channels):
                 super().__init__()
                 self.features = nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)))
                 self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(49152, 1))

             def forward(self, x):
                 return self.classifier(self.features(x))
         ''')})

case("r17_py_q8_blocks_from_partial",
     answers={"q8": CONV_BLOCK + d('''


         from functools import partial

         to_three = partial(conv_block, output_channels=3)


         class ConvNet(nn.Module):
             def __init__(self, input_channels):
                 super().__init__()
                 self.blocks = nn.Sequential(*[to_three(c) for c in [input_channels, 3, 3, 3, 3]])
                 self.out = nn.Linear(49152, 1)

             def forward(self, x):
                 return self.out(self.blocks(x).flatten(1))
         ''')})

case("r17_nb_q8_assert_channels_and_extra_repr",
     answers={"q8": convnet(init_extra='''
         self.input_channels = input_channels
         ''', fwd_pre='''
         assert x.shape[-3] == self.input_channels, f"expected {self.input_channels} channels, got {x.shape[-3]}"
         ''', methods='''
         def extra_repr(self):
             return f"input_channels={self.input_channels}"
         ''')},
     after={"q8": ["print(ConvNet(3))\n"]})

# ---------------------------------------------------------------------------------------------------------
# (c) top level
# ---------------------------------------------------------------------------------------------------------

case("r17_py_training_loop_prints_grad_norms_and_grad_fn",
     extra=[d('''
         torch.manual_seed(0)
         model = CNN()
         optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
         images, labels = torch.rand(8, 1, 100, 100), torch.randint(0, 2, (8, 1)).float()
         for step in range(3):
             model.zero_grad()
             loss = torch.nn.functional.binary_cross_entropy_with_logits(model(images), labels)
             print("graph ends in", loss.grad_fn)
             loss.backward()
             for name, p in model.named_parameters():
                 print(f"  {name:12s} grad norm {p.grad.norm():.5f}")
             optimizer.step()
         ''')])

case("r17_nb_amp_boilerplate_disabled_on_cpu",
     tool="colab",
     extra=[d('''
         device = "cuda" if torch.cuda.is_available() else "cpu"
         use_amp = device == "cuda"
         model = ConvNet(1).to(device)
         optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
         scaler = torch.amp.GradScaler(device, enabled=use_amp)
         x = torch.rand(2, 1, 128, 128, device=device)
         y = torch.rand(2, 1, device=device)
         for step in range(2):
             optimizer.zero_grad(set_to_none=True)
             with torch.autocast(device_type=device, dtype=torch.float16, enabled=use_amp):
                 loss = torch.nn.functional.mse_loss(model(x), y)
             scaler.scale(loss).backward()
             scaler.step(optimizer)
             scaler.update()
             print(step, loss.item())
         ''')])

case("r17_py_same_seed_models_compared_and_copied",
     extra=[d('''
         import copy
         import io

         torch.manual_seed(42)
         a = CNN()
         torch.manual_seed(42)
         b = CNN()
         print("same start:", all(torch.equal(p, q) for p, q in zip(a.parameters(), b.parameters())))

         c = copy.deepcopy(a)
         buf = io.BytesIO()
         torch.save(a.state_dict(), buf)
         buf.seek(0)
         e = CNN()
         e.load_state_dict(torch.load(buf, weights_only=True))
         x = torch.rand(3, 1, 100, 100)
         with torch.no_grad():
             print(torch.equal(a(x), c(x)), torch.equal(a(x), e(x)))
         ''')])

case("r17_nb_float64_copy_of_models_checked",
     extra=[d('''
         import copy

         model = CNN()
         model64 = copy.deepcopy(model).double()  # the same weights in float64
         x = torch.rand(2, 1, 100, 100)
         with torch.no_grad():
             print((model(x).double() - model64(x.double())).abs().max())
         net = ConvNet(2)
         net64 = copy.deepcopy(net).to(torch.float64)
         y = torch.rand(1, 2, 128, 128)
         with torch.no_grad():
             print(torch.allclose(net(y).double(), net64(y.double()), atol=1e-5))
         ''')])

case("r17_py_lbfgs_with_closure",
     extra=[d('''
         torch.manual_seed(0)
         model = CNN()
         optimizer = torch.optim.LBFGS(model.parameters(), lr=0.1, max_iter=3)
         images, targets = torch.rand(4, 1, 100, 100), torch.rand(4, 1)


         def closure():
             optimizer.zero_grad()
             loss = torch.nn.functional.mse_loss(model(images), targets)
             loss.backward()
             return loss


         for step in range(2):
             print(step, optimizer.step(closure).item())
         ''')])

case("r17_nb_profiler_on_one_forward",
     extra=[d('''
         from torch.profiler import ProfilerActivity, profile

         model = ConvNet(1)
         x = torch.rand(4, 1, 128, 128)
         with profile(activities=[ProfilerActivity.CPU]) as prof:
             model(x).sum().backward()
         print(prof.key_averages().table(sort_by="cpu_time_total", row_limit=5))
         ''')])

case("r17_py_state_dict_saved_to_file",
     extra=[d('''
         model = CNN()
         torch.save(model.state_dict(), "cnn_weights.pt")
         again = CNN()
         again.load_state_dict(torch.load("cnn_weights.pt", weights_only=True))
         print(all(torch.equal(p, q) for p, q in zip(model.parameters(), again.parameters())))
         ''')])

# ---------------------------------------------------------------------------------------------------------
# (d) q6 by hand
# ---------------------------------------------------------------------------------------------------------

Q6_OUT = "q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]\n"

case("r17_nb_q6_no_grad_decorated",
     answers={"q6": d('''
         import torch

         ''') + Q6_OUT + d('''


         @torch.no_grad()
         def conv2d(image, kernel, stride=1, padding=0):
             h, w = image.shape
             kh, kw = kernel.shape
             padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
             padded[padding:padding + h, padding:padding + w] = image
             oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
             out = torch.empty(oh, ow, dtype=image.dtype)
             for i in range(oh):
                 for j in range(ow):
                     out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
             return out


         @torch.no_grad()
         def max_pool2d(image, kernel_size=2):
             k = kernel_size
             oh, ow = image.shape[0] // k, image.shape[1] // k
             out = torch.empty(oh, ow, dtype=image.dtype)
             for i in range(oh):
                 for j in range(ow):
                     out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
             return out
         ''')})

Q6_DTYPE = d('''
    import torch

    ''') + Q6_OUT + d('''


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        padded = image.new_zeros(h + 2 * padding, w + 2 * padding)
        padded[padding:padding + h, padding:padding + w] = image
        rows = []
        for i in range(0, padded.shape[0] - kh + 1, stride):
            rows.append(torch.stack([(padded[i:i + kh, j:j + kw] * kernel).sum()
                                     for j in range(0, padded.shape[1] - kw + 1, stride)]))
        return torch.stack(rows)


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        return torch.stack([torch.stack([image[i * k:(i + 1) * k, j * k:(j + 1) * k].max() for j in range(ow)])
                            for i in range(oh)])
    ''')

case("r17_py_q6_gradcheck_of_hand_functions",
     answers={"q6": Q6_DTYPE},
     after={"q6": [d('''
         # my functions are differentiable too: check their gradients numerically in float64
         img = torch.rand(5, 5, dtype=torch.float64, requires_grad=True)
         ker = torch.rand(3, 3, dtype=torch.float64, requires_grad=True)
         print(torch.autograd.gradcheck(lambda a, b: conv2d(a, b, stride=2, padding=1), (img, ker)))
         print(torch.autograd.gradcheck(lambda a: max_pool2d(a, 2), (img,)))
         ''')]})

case("r17_nb_q6_fft_correlation_and_sorted_blocks",
     answers={"q6": d('''
         import torch

         ''') + Q6_OUT + d('''


         def conv2d(image, kernel, stride=1, padding=0):
             """Cross-correlation through the FFT (signals course): conj(F(kernel)) * F(image), then crop."""
             h, w = image.shape
             kh, kw = kernel.shape
             H, W = h + 2 * padding, w + 2 * padding
             padded = torch.zeros(H, W, dtype=torch.float64)
             padded[padding:padding + h, padding:padding + w] = image
             k = torch.zeros(H, W, dtype=torch.float64)
             k[:kh, :kw] = kernel
             full = torch.fft.irfft2(torch.fft.rfft2(padded) * torch.conj(torch.fft.rfft2(k)), s=(H, W))
             out = full[:H - kh + 1:stride, :W - kw + 1:stride]
             return out.to(image.dtype)


         def max_pool2d(image, kernel_size=2):
             k = kernel_size
             rows = []
             for i in range(image.shape[0] // k):
                 row = []
                 for j in range(image.shape[1] // k):
                     block = image[i * k:(i + 1) * k, j * k:(j + 1) * k].flatten()
                     row.append(block.sort(descending=True).values[0])
                 rows.append(torch.stack(row))
             return torch.stack(rows)
         ''')})

case("r17_py_q6_vmap_over_windows_and_topk",
     answers={"q6": d('''
         import torch

         ''') + Q6_OUT + d('''


         def conv2d(image, kernel, stride=1, padding=0):
             h, w = image.shape
             kh, kw = kernel.shape
             padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
             padded[padding:padding + h, padding:padding + w] = image
             starts = [(i, j) for i in range(0, padded.shape[0] - kh + 1, stride)
                       for j in range(0, padded.shape[1] - kw + 1, stride)]
             windows = torch.stack([padded[i:i + kh, j:j + kw] for i, j in starts])
             values = torch.vmap(lambda win: (win * kernel).sum())(windows)
             oh = (padded.shape[0] - kh) // stride + 1
             return values.reshape(oh, -1)


         def max_pool2d(image, kernel_size=2):
             k = kernel_size
             oh, ow = image.shape[0] // k, image.shape[1] // k
             blocks = [image[i * k:(i + 1) * k, j * k:(j + 1) * k].reshape(-1) for i in range(oh) for j in range(ow)]
             return torch.stack([b.topk(1).values[0] for b in blocks]).reshape(oh, ow)
         ''')})

case("r17_nb_q6_torch_as_strided",
     answers={"q6": d('''
         import torch

         ''') + Q6_OUT + d('''


         def conv2d(image, kernel, stride=1, padding=0):
             h, w = image.shape
             kh, kw = kernel.shape
             padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
             padded[padding:padding + h, padding:padding + w] = image
             oh = (padded.shape[0] - kh) // stride + 1
             ow = (padded.shape[1] - kw) // stride + 1
             s0, s1 = padded.stride()
             windows = padded.as_strided((oh, ow, kh, kw), (s0 * stride, s1 * stride, s0, s1))
             return (windows * kernel).sum(dim=(2, 3))


         def max_pool2d(image, kernel_size=2):
             k = kernel_size
             img = image.contiguous()
             oh, ow = img.shape[0] // k, img.shape[1] // k
             s0, s1 = img.stride()
             blocks = img.as_strided((oh, ow, k, k), (s0 * k, s1 * k, s0, s1))
             return blocks.reshape(oh, ow, k * k).max(dim=2).values
         ''')})


# ---------------------------------------------------------------------------------------------------------
# (e) added while isolating: near misses of the method-override rule, threads, helpers
# ---------------------------------------------------------------------------------------------------------

case("r17_py_q7_reset_parameters_method",
     answers={"q7": cnn(init_extra='''
         self.reset_parameters()
         ''', methods='''
         def reset_parameters(self):
             """Fresh default weights (I call it between experiments)."""
             for layer in (self.conv1, self.conv2, self.fc):
                 layer.reset_parameters()
         ''')})

case("r17_nb_q7_save_and_load_methods",
     answers={"q7": cnn(methods='''
         def save(self, path):
             torch.save(self.state_dict(), path)

         @classmethod
         def load(cls, path):
             model = cls()
             model.load_state_dict(torch.load(path, weights_only=True))
             return model
         ''')},
     after={"q7": ['CNN().save("cnn.pt")\nprint(CNN.load("cnn.pt"))\n']})

case("r17_py_q7_freeze_methods_not_called",
     answers={"q7": cnn(methods='''
         def freeze_features(self):
             """For fine-tuning later: only the head trains."""
             for layer in (self.conv1, self.conv2):
                 layer.requires_grad_(False)

         def unfreeze(self):
             self.requires_grad_(True)
         ''')})

case("r17_nb_q7_clone_through_class_call",
     answers={"q7": cnn(methods='''
         def clone(self):
             twin = self.__class__()
             twin.load_state_dict(self.state_dict())
             return twin
         ''')},
     after={"q7": [d('''
         a = CNN()
         b = a.clone()
         x = torch.rand(2, 1, 100, 100)
         print(torch.equal(a(x), b(x)))
         ''')]})

case("r17_py_q8_len_and_getitem",
     answers={"q8": convnet(methods='''
         def __len__(self):
             return len(self.blocks)

         def __getitem__(self, index):
             return self.blocks[index]
         ''')},
     after={"q8": ["net = ConvNet(1)\nprint(len(net), net[0])\n"]})

case("r17_nb_q8_checkpoint_sequential",
     answers={"q8": CONV_BLOCK + d('''


         from torch.utils.checkpoint import checkpoint_sequential


         class ConvNet(nn.Module):
             def __init__(self, input_channels):
                 super().__init__()
                 self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
                 self.fc = nn.Linear(3 * 128 * 128, 1)

             def forward(self, x):
                 # five 128x128 blocks use a lot of memory: keep 2 segments, recompute the rest in backward
                 x = checkpoint_sequential(self.blocks, 2, x, use_reentrant=False)
                 return self.fc(x.flatten(1))
         ''')})

case("r17_py_dataloader_worker_processes",
     extra=[d('''
         from torch.utils.data import DataLoader, TensorDataset

         data = TensorDataset(torch.rand(16, 1, 100, 100), torch.rand(16, 1))
         loader = DataLoader(data, batch_size=4, shuffle=True, num_workers=2, persistent_workers=True)
         model = CNN()
         for xb, yb in loader:
             print(torch.nn.functional.mse_loss(model(xb), yb).item())
         ''')])

case("r17_nb_set_num_threads_shared_machine",
     before={"q1": ["import torch\n\ntorch.set_num_threads(1)  # the lab machines are shared\nprint(torch.get_num_threads())\n"]})

case("r17_py_gradient_penalty_create_graph",
     extra=[d('''
         model = CNN()
         x = torch.rand(2, 1, 100, 100, requires_grad=True)
         (g,) = torch.autograd.grad(model(x).sum(), x, create_graph=True)
         penalty = (g.norm() - 1) ** 2  # the gradient penalty from the GAN reading
         penalty.backward()
         print(penalty.item(), model.fc.weight.grad.norm().item())
         ''')])

case("r17_nb_q7_warns_on_unexpected_size",
     answers={"q7": cnn(pre="import warnings\n", fwd_pre='''
         if x.shape[-2:] != (100, 100):
             warnings.warn(f"CNN expects 100x100 images, got {tuple(x.shape[-2:])}")
         ''')})

case("r17_py_q7_times_its_forward",
     answers={"q7": cnn(pre="import time\n", init_extra='''
         self.last_ms = None
         ''', fwd_pre='''
         start = time.perf_counter()
         ''', fwd_post='''
         out = self.fc(x)
         self.last_ms = (time.perf_counter() - start) * 1000
         ''', head="out")})

case("r17_nb_q7_input_stats_under_no_grad_in_forward",
     answers={"q7": cnn(fwd_pre='''
         with torch.no_grad():
             self.input_mean = x.mean()  # for my data sanity plots
         ''')})

case("r17_py_q7_skip_init_head",
     answers={"q7": cnn(init_extra='''
         # the head made without its default init (torch.nn.utils.skip_init), then initialised by hand like nn.Linear
         self.fc = torch.nn.utils.skip_init(nn.Linear, 2 * 25 * 25, 1)
         nn.init.kaiming_uniform_(self.fc.weight, a=5 ** 0.5)
         nn.init.uniform_(self.fc.bias, -1 / 1250 ** 0.5, 1 / 1250 ** 0.5)
         ''').replace("        self.fc = nn.Linear(2 * 25 * 25, 1)\n", "", 1)})

Q6_LOOPS = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        kh, kw = kernel.shape
        oh, ow = OUT(image.shape[0], kh, stride, padding), OUT(image.shape[1], kw, stride, padding)
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        oh, ow = OUT(image.shape[0], k, k, 0), OUT(image.shape[1], k, k, 0)
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
        return out
    ''')

case("r17_nb_q6_reuses_q2_conv_output_size",
     answers={"q6": "import torch\n\n" + Q6_OUT + "\n\n" + Q6_LOOPS.replace("OUT(", "conv_output_size(")})

case("r17_py_q6_lru_cache_size_helper",
     answers={"q6": "import functools\n\nimport torch\n\n" + Q6_OUT + "\n\n" + d('''
         @functools.lru_cache(maxsize=None)
         def out_size(n, k, stride, padding):
             return (n + 2 * padding - k) // stride + 1
         ''') + "\n\n" + Q6_LOOPS.replace("OUT(", "out_size(")})

case("r17_nb_q6_walrus_and_yield_from",
     answers={"q6": "import torch\n\n" + Q6_OUT + "\n\n" + d('''
         def _windows(padded, kh, kw, stride):
             for i in range(0, padded.shape[0] - kh + 1, stride):
                 yield [padded[i:i + kh, j:j + kw] for j in range(0, padded.shape[1] - kw + 1, stride)]


         def _bands(image, k):
             yield from (image[i * k:(i + 1) * k] for i in range(image.shape[0] // k))


         def conv2d(image, kernel, stride=1, padding=0):
             padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
             padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
             return torch.stack([torch.stack([(win * kernel).sum() for win in row])
                                 for row in _windows(padded, *kernel.shape, stride)])


         def max_pool2d(image, kernel_size=2):
             k = kernel_size
             return torch.stack([torch.stack([block.max() for j in range(image.shape[1] // k)
                                              if (block := band[:, j * k:(j + 1) * k]).numel()])
                                 for band in _bands(image, k)])
         ''')})

case("r17_py_call_vs_forward_demo_and_assert_close",
     after={"q6": [d('''
         import torch.nn.functional as F

         img, ker = torch.rand(9, 9), torch.rand(3, 3)
         torch.testing.assert_close(conv2d(img, ker, stride=2, padding=1),
                                    F.conv2d(img[None, None], ker[None, None], stride=2, padding=1)[0, 0])
         torch.testing.assert_close(max_pool2d(img, 2), F.max_pool2d(img[None, None], 2)[0, 0])
         print("matches torch")
         ''')]},
     extra=[d('''
         model = CNN()
         x = torch.rand(2, 1, 100, 100)
         # model(x) goes through nn.Module.__call__ (hooks, then forward)
         print(torch.equal(model(x), model.__call__(x)), torch.equal(model(x), model.forward(x)))
         ''')])

case("r17_py_q6_benchmark_timer_against_torch",
     after={"q6": [d('''
         import torch.nn.functional as F
         from torch.utils.benchmark import Timer

         img, ker = torch.rand(28, 28), torch.rand(3, 3)
         mine = Timer("conv2d(img, ker)", globals={"conv2d": conv2d, "img": img, "ker": ker}).timeit(3)
         theirs = Timer("F.conv2d(img[None, None], ker[None, None])", globals={"F": F, "img": img, "ker": ker}).timeit(3)
         print(f"{mine.mean / theirs.mean:.0f} times slower than torch")
         ''')]})


def _stable_ids(path: Path) -> None:
    nb = nbformat.read(str(path), as_version=4)
    for i, cell in enumerate(nb.cells):
        cell.id = f"r17-{i:03d}"
        if cell.cell_type == "markdown" and "id" in cell.metadata:
            cell.metadata["id"] = f"m{i:07x}"
    nbformat.write(nb, str(path))


def main() -> None:
    for old in HERE.glob("r17_*"):
        old.unlink()
    for name, spec in CASES.items():
        if name.startswith("r17_nb_"):
            write_notebook(name, spec)
            _stable_ids(HERE / f"{name}.ipynb")
        else:
            write_script(name, spec)
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()

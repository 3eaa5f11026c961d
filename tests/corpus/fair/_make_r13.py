"""Round 13 of the fairness corpus (issue 9): correct answers in ordinary but unusual styles, aimed at the rules
the grader changed after attack round 13 and fairness round 12.

Each case is a full, correct answer to all ten questions (round 8's plain answers, ``_make_r8.PLAIN``, with some
questions answered the case's way, or cells added before or after the answers). Aimed at:

- q7 / q8 models judged in a pass with autograd on: dropout with ``p=0.0`` by default (a module, and
  ``F.dropout(x, p, training=self.training)``), an ``nn.Identity`` where a batch norm would go, parameter-free
  layers defined and never used, activations kept with ``x.detach()`` or statistics logged under ``torch.no_grad()``
  inside ``forward``, gradient checkpointing (reentrant on a middle block, ``checkpoint_sequential`` without),
  backward hooks on a layer and gradient-clamping hooks on every parameter registered in ``__init__``, the
  convolutions frozen for fine-tuning the head (and the head frozen instead), ReLU written as ``torch.clamp`` /
  ``torch.maximum`` and applied twice before the classifier, an ``@torch.inference_mode()`` ``predict`` method;
- top level: anomaly detection on from the first cell, training loops with SGD / Adam and lr schedulers
  (``StepLR``, ``OneCycleLR``, ``ReduceLROnPlateau``), a ``DataLoader``, ``model.eval()``, ``torch.inference_mode()``
  and ``torch.set_grad_enabled(False)`` left on at the end;
- q6 by hand with the student's own decorators (a timing decorator and a decorator factory with
  ``functools.wraps``, an argument validator using ``inspect.signature``, ``@torch.no_grad()`` /
  ``@torch.inference_mode()``), a hand-written layer class with ``parameters()`` / ``state_dict()`` of its own, a
  dataclass layer with ``field(default_factory=list)``, an ``Enum`` of padding modes with a method, a
  ``typing.NamedTuple`` window with methods, closures with ``nonlocal``, ``functools.cache`` and a
  ``functools.partial`` bound as ``max_pool2d`` itself, answers bound to methods of a module-level instance;
- imports students put at the top (isort order, the standard library's everyday modules, torch.optim,
  torch.utils.data, numpy.random, pandas, matplotlib, PIL), in scripts, where one failing import ends the file,
  and in a notebook's first cell, where ``import torch`` comes last.

    python tests/corpus/fair/_make_r13.py        # rewrites tests/corpus/fair/r13_*
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from _make_r8 import PLAIN, QUESTIONS, d, write_notebook, write_script  # noqa: E402

CASES: dict[str, dict] = {}


def case(name, *, tool="jupyter", answers=None, before=None, after=None, extra=None, head=None):
    """answers: {q: source}; before/after: {q: [cells]} around an answer; extra: cells appended at the end."""
    CASES[name] = dict(tool=tool, answers=answers or {}, before=before or {}, after=after or {}, extra=extra or [],
                       order=QUESTIONS)
    if head is not None:
        CASES[name]["head"] = head


# A top-level self-check a student runs after q6 (torch's functions used only here, never in conv2d/max_pool2d).
SELF_CHECK = d('''
    import torch.nn.functional as F

    x = torch.rand(6, 6)
    k = torch.rand(3, 3)
    print(torch.allclose(conv2d(x, k, stride=2, padding=1),
                         F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0], atol=1e-5))
    print(torch.allclose(max_pool2d(x), F.max_pool2d(x[None, None], 2)[0, 0]))
    ''')

# A short training demo on random data, after the answers.
TRAIN_SGD_STEPLR = d('''
    import torch.nn.functional as F

    torch.manual_seed(0)
    model = CNN()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.5)
    x, y = torch.rand(8, 1, 100, 100), torch.randint(0, 2, (8, 1)).float()
    for epoch in range(3):
        model.train()
        optimizer.zero_grad(set_to_none=True)
        loss = F.binary_cross_entropy_with_logits(model(x), y)
        loss.backward()
        optimizer.step()
        scheduler.step()
        print(epoch, round(loss.item(), 4), scheduler.get_last_lr())
    ''')

# ---------------------------------------------------------------------------------------------------------
# q7 / q8: models judged with autograd on
# ---------------------------------------------------------------------------------------------------------

case("r13_nb_q7_functional_dropout_training_flag_p_zero", answers={"q7": d('''
    import torch
    import torch.nn.functional as F


    class CNN(torch.nn.Module):
        """The pooled CNN; `dropout` is there for my experiments after the exercise (0 = the network asked for)."""

        def __init__(self, dropout: float = 0.0):
            super().__init__()
            self.dropout = dropout
            self.conv1 = torch.nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = torch.nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = torch.nn.Linear(2 * 25 * 25, 1)

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            x = torch.flatten(x, 1)
            x = F.dropout(x, p=self.dropout, training=self.training)
            return self.fc(x)
    ''')})

case("r13_py_q7_dropout_module_p_zero_and_identity_instead_of_batchnorm", answers={"q7": d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self, batchnorm=False, dropout=0.0):
            super().__init__()
            # batch norm comes next lecture: an Identity keeps the layer slots the same until then
            norm1 = nn.BatchNorm2d(3) if batchnorm else nn.Identity()
            norm2 = nn.BatchNorm2d(2) if batchnorm else nn.Identity()
            self.features = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), norm1, nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), norm2, nn.ReLU(), nn.MaxPool2d(2),
            )
            self.classifier = nn.Sequential(nn.Flatten(), nn.Dropout(p=dropout), nn.Linear(1250, 1))

        def forward(self, x):
            return self.classifier(self.features(x))
    ''')}, after={"q7": [d('''
    model = CNN()
    model.eval()  # dropout off for the check below
    with torch.no_grad():
        print(model(torch.rand(2, 1, 100, 100)).shape)
    ''')]})

case("r13_nb_q8_parameter_free_layers_defined_unused", answers={"q8": d('''
    import torch
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.block1 = conv_block(input_channels, 3)
            self.block2 = conv_block(3, 3)
            self.block3 = conv_block(3, 3)
            self.block4 = conv_block(3, 3)
            self.block5 = conv_block(3, 3)
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(3 * 128 * 128, 1)
            # not used yet: for the next exercise (probabilities, regularisation, smaller maps)
            self.dropout = nn.Dropout(0.25)
            self.sigmoid = nn.Sigmoid()
            self.pool = nn.MaxPool2d(2)

        def forward(self, x):
            x = self.block1(x)
            x = self.block2(x)
            x = self.block3(x)
            x = self.block4(x)
            x = self.block5(x)
            return self.fc(self.flatten(x))
    ''')})

case("r13_nb_q7_forward_keeps_detached_activations", answers={"q7": d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)
            self.activations = {}  # for plotting the feature maps afterwards

        def forward(self, x):
            x = self.pool(torch.relu(self.conv1(x)))
            self.activations["block1"] = x.detach()
            x = self.pool(torch.relu(self.conv2(x)))
            self.activations["block2"] = x.detach()
            x = x.flatten(1)
            self.activations["flat_mean"] = x.detach().mean(dim=1)
            return self.fc(x)
    ''')}, after={"q7": [d('''
    model = CNN()
    out = model(torch.rand(1, 1, 100, 100))
    for name, act in model.activations.items():
        print(name, tuple(act.shape))
    ''')]})

case("r13_py_q7_forward_logs_statistics_under_no_grad", answers={"q7": d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        """Keeps the mean and std of each block's output, to watch for dead ReLUs while training."""

        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.relu = nn.ReLU()
            self.fc = nn.Linear(1250, 1)
            self.stats = []

        def forward(self, x):
            x = self.pool(self.relu(self.conv1(x)))
            with torch.no_grad():
                self.stats.append(("block1", x.mean(), x.std()))
            x = self.pool(self.relu(self.conv2(x)))
            with torch.no_grad():
                self.stats.append(("block2", x.mean(), x.std()))
                del self.stats[:-20]  # keep the last few only
            return self.fc(x.view(x.size(0), -1))
    ''')})

case("r13_nb_q7_reentrant_checkpoint_second_block", answers={"q7": d('''
    import torch
    from torch import nn
    from torch.utils.checkpoint import checkpoint


    class CNN(nn.Module):
        """Block 2 is recomputed in the backward pass instead of stored (gradient checkpointing, to save memory)."""

        def __init__(self):
            super().__init__()
            self.block1 = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.block2 = nn.Sequential(nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.head = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))

        def forward(self, x):
            x = self.block1(x)
            # block1's output needs a gradient, so the reentrant version also trains block2
            x = checkpoint(self.block2, x, use_reentrant=True)
            return self.head(x)
    ''')}, after={"q7": [d('''
    model = CNN()
    model(torch.rand(2, 1, 100, 100)).sum().backward()
    print(all(p.grad is not None for p in model.parameters()))
    ''')]})

case("r13_py_q8_checkpoint_sequential_not_reentrant", answers={"q8": d('''
    import torch
    from torch import nn
    from torch.utils.checkpoint import checkpoint_sequential


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x):
            # 128x128 maps at full size through five blocks: keep only two segments' activations
            x = checkpoint_sequential(self.blocks, 2, x, use_reentrant=False)
            return self.fc(self.flatten(x))
    ''')})

case("r13_nb_q7_full_backward_hook_logs_gradient_norms", answers={"q7": d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(1250, 1)
            self.grad_norms = []
            # log how large the gradients reaching each convolution are (vanishing gradients?)
            self.conv1.register_full_backward_hook(self._log_grad)
            self.conv2.register_full_backward_hook(self._log_grad)

        def _log_grad(self, module, grad_input, grad_output):
            self.grad_norms.append(grad_output[0].norm().item())

        def forward(self, x):
            x = self.pool(torch.relu(self.conv1(x)))
            x = self.pool(torch.relu(self.conv2(x)))
            return self.fc(self.flatten(x))
    ''')}, after={"q7": [d('''
    model = CNN()
    model(torch.rand(4, 1, 100, 100)).mean().backward()
    print(model.grad_norms)
    ''')]})

case("r13_py_q7_gradient_clamping_hooks_on_parameters", answers={"q7": d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self, clip=1.0):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)
            # clip every gradient element as it is computed (the lecture's exploding-gradient fix, per element)
            for p in self.parameters():
                p.register_hook(lambda grad: grad.clamp(-clip, clip))

        def forward(self, x):
            x = self.pool(torch.relu(self.conv1(x)))
            x = self.pool(torch.relu(self.conv2(x)))
            return self.fc(torch.flatten(x, start_dim=1))
    ''')})

case("r13_nb_q7_features_frozen_to_finetune_head", answers={"q7": d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        """The pooled CNN. With freeze_features=True only the classifier trains (as when fine-tuning a pretrained
        feature extractor); the network computed is the same either way."""

        def __init__(self, freeze_features=True):
            super().__init__()
            self.features = nn.Sequential(
                nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            )
            self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))
            if freeze_features:
                for p in self.features.parameters():
                    p.requires_grad = False

        def forward(self, x):
            return self.classifier(self.features(x))
    ''')}, after={"q7": [d('''
    model = CNN()
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    total = sum(p.numel() for p in model.parameters())
    print(f"{trainable} of {total} parameters train")
    ''')]})

case("r13_py_q8_head_frozen_blocks_train", answers={"q8": d('''
    import torch
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        """Five conv blocks and a linear head. The head stays at its random initialisation (frozen), to see how
        much the convolutions alone can learn (a random-projection head)."""

        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.head = nn.Linear(49152, 1)
            self.head.requires_grad_(False)

        def forward(self, x):
            return self.head(self.blocks(x).flatten(1))
    ''')})

case("r13_nb_q7_clamp_and_maximum_as_relu", answers={"q7": d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)
            self.register_buffer("zero", torch.tensor(0.0))

        def forward(self, x):
            x = torch.clamp(self.conv1(x), min=0)           # ReLU is max(x, 0)
            x = nn.functional.max_pool2d(x, 2)
            x = torch.maximum(self.conv2(x), self.zero)     # the same, written as max with zero
            x = nn.functional.max_pool2d(x, 2)
            return self.fc(x.reshape(x.shape[0], -1))
    ''')})

case("r13_py_q8_relu_again_before_flatten", answers={"q8": d('''
    import torch
    import torch.nn.functional as F
    from torch import nn


    def conv_block(input_channels, output_channels):
        return nn.Sequential(
            nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
        )


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x):
            for block in self.blocks:
                x = block(x)
            # a ReLU before the classifier, as in my notes (the last block's ReLU already did it: no change)
            x = F.relu(x)
            return self.fc(x.flatten(start_dim=1))
    ''')})

case("r13_nb_q7_inference_mode_predict_method", answers={"q7": d('''
    import torch
    from torch import nn


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )

        def forward(self, x):
            return self.layers(x)

        @torch.inference_mode()
        def predict(self, x, threshold=0.5):
            """Class labels, for evaluation only (the logits of forward() are what training uses)."""
            was_training = self.training
            self.eval()
            labels = (torch.sigmoid(self(x)) > threshold).long()
            self.train(was_training)
            return labels
    ''')}, after={"q7": [d('''
    model = CNN()
    print(model.predict(torch.rand(3, 1, 100, 100)).flatten().tolist())
    ''')]})

# ---------------------------------------------------------------------------------------------------------
# top level: autograd switched around the answers, training loops
# ---------------------------------------------------------------------------------------------------------

case("r13_nb_anomaly_detection_on_sgd_steplr_eval_grad_off_at_end",
     before={"q1": [d('''
         import torch

         torch.autograd.set_detect_anomaly(True)  # find NaNs early while I debug my models
         torch.set_printoptions(precision=3, sci_mode=False)
         ''')]},
     after={"q8": [TRAIN_SGD_STEPLR]},
     extra=[d('''
         model.eval()
         with torch.inference_mode():
             probs = torch.sigmoid(model(torch.rand(4, 1, 100, 100)))
         print(probs.flatten())
         '''), d('''
         # done training: nothing below needs gradients
         torch.set_grad_enabled(False)
         print(ConvNet(1)(torch.rand(1, 1, 128, 128)))
         ''')])

case("r13_py_adam_onecycle_dataloader_saved_and_reloaded",
     extra=[d('''
         import torch.nn.functional as F
         from torch.utils.data import DataLoader, TensorDataset

         torch.manual_seed(1)
         images, labels = torch.rand(32, 1, 100, 100), torch.randint(0, 2, (32, 1)).float()
         loader = DataLoader(TensorDataset(images, labels), batch_size=8, shuffle=True)
         model = CNN()
         optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)
         scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=1e-2, total_steps=2 * len(loader))
         for epoch in range(2):
             for xb, yb in loader:
                 optimizer.zero_grad()
                 loss = F.binary_cross_entropy_with_logits(model(xb), yb)
                 loss.backward()
                 optimizer.step()
                 scheduler.step()
         torch.save(model.state_dict(), "cnn_weights.pt")
         model.load_state_dict(torch.load("cnn_weights.pt", weights_only=True))
         model.eval()
         print("trained", loss.item())
         ''')])

case("r13_nb_convnet_plateau_scheduler_eval_and_requires_grad_off_at_end",
     extra=[d('''
         import torch.nn.functional as F

         net = ConvNet(1)
         opt = torch.optim.SGD(net.parameters(), lr=0.05)
         sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=0.5, patience=0)
         x, y = torch.rand(4, 1, 128, 128), torch.rand(4, 1)
         for step in range(3):
             opt.zero_grad()
             loss = F.mse_loss(net(x), y)
             loss.backward()
             opt.step()
             sched.step(loss.item())
         print(opt.param_groups[0]["lr"])
         '''), d('''
         # freeze the trained network for the demo below
         net.eval().requires_grad_(False)
         torch.set_grad_enabled(False)
         print(net(torch.rand(2, 1, 128, 128)).shape)
         ''')])

case("r13_py_grad_disabled_from_the_first_line",
     head=d('''
         """Lecture 6 exercises. Evaluation-only script: gradients are off from the start (faster),
         turned on only where a demo trains."""
         import torch

         torch.set_grad_enabled(False)
         '''),
     extra=[d('''
         with torch.enable_grad():
             model = CNN()
             loss = model(torch.rand(2, 1, 100, 100)).pow(2).mean()
             loss.backward()
             print(model.fc.weight.grad.abs().sum() > 0)
         ''')])

# ---------------------------------------------------------------------------------------------------------
# q6 by hand: the student's own decorators, layer classes, enums, closures
# ---------------------------------------------------------------------------------------------------------

case("r13_nb_q6_timing_decorator_factory_wraps", answers={"q6": d('''
    import functools
    import time

    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]

    TIMINGS = {}


    def timed(label):
        """Add up the seconds spent in the decorated function under `label`."""
        def decorator(fn):
            @functools.wraps(fn)
            def wrapper(*args, **kwargs):
                start = time.perf_counter()
                try:
                    return fn(*args, **kwargs)
                finally:
                    TIMINGS[label] = TIMINGS.get(label, 0.0) + time.perf_counter() - start
            return wrapper
        return decorator


    @timed("conv")
    def conv2d(image, kernel, stride=1, padding=0):
        if padding:
            padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
            padded[padding:-padding, padding:-padding] = image
            image = padded
        kh, kw = kernel.shape
        out = torch.zeros((image.shape[0] - kh) // stride + 1, (image.shape[1] - kw) // stride + 1)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = (image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    @timed("pool")
    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        out = torch.zeros(image.shape[0] // k, image.shape[1] // k)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
        return out
    ''')}, after={"q6": [SELF_CHECK, "print(TIMINGS)\n"]})

case("r13_py_q6_validator_decorator_inspect_signature", answers={"q6": d('''
    import functools
    import inspect

    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    def validate_image_args(fn):
        """Check the arguments by name, whichever way they are passed (positionally or by keyword)."""
        sig = inspect.signature(fn)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            bound = sig.bind(*args, **kwargs)
            bound.apply_defaults()
            for name, value in bound.arguments.items():
                if isinstance(value, torch.Tensor) and value.dim() != 2:
                    raise ValueError(f"{fn.__name__}: {name} must be 2-D, got shape {tuple(value.shape)}")
                if name in ("stride", "kernel_size") and value < 1:
                    raise ValueError(f"{fn.__name__}: {name} must be at least 1")
                if name == "padding" and value < 0:
                    raise ValueError(f"{fn.__name__}: padding must not be negative")
            return fn(*bound.args, **bound.kwargs)
        return wrapper


    @validate_image_args
    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding)
        padded[padding:padding + h, padding:padding + w] = image
        kh, kw = kernel.shape
        rows = range(0, padded.shape[0] - kh + 1, stride)
        cols = range(0, padded.shape[1] - kw + 1, stride)
        return torch.stack([torch.stack([(padded[r:r + kh, c:c + kw] * kernel).sum() for c in cols]) for r in rows])


    @validate_image_args
    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        rows = range(0, image.shape[0] - k + 1, k)
        cols = range(0, image.shape[1] - k + 1, k)
        return torch.stack([torch.stack([image[r:r + k, c:c + k].max() for c in cols]) for r in rows])
    ''')})

case("r13_nb_q6_no_grad_and_inference_mode_decorators", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    @torch.no_grad()
    def conv2d(image, kernel, stride=1, padding=0):
        """By hand; no_grad because nothing here is trained."""
        if padding > 0:
            image = torch.nn.functional.pad(image, (padding, padding, padding, padding))
        kh, kw = kernel.shape
        oh = (image.shape[0] - kh) // stride + 1
        ow = (image.shape[1] - kw) // stride + 1
        out = torch.empty(oh, ow)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = torch.sum(image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel)
        return out


    @torch.inference_mode()
    def max_pool2d(image, kernel_size=2):
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        out = torch.empty(oh, ow)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = torch.max(image[i * kernel_size:(i + 1) * kernel_size,
                                            j * kernel_size:(j + 1) * kernel_size])
        return out
    ''')}, after={"q6": [SELF_CHECK]})

case("r13_nb_q6_hand_layer_class_with_parameters_and_state_dict", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    class HandConv2d:
        """A tiny convolution layer written by hand, with the methods a torch layer has."""

        def __init__(self, kernel, stride=1, padding=0):
            self.kernel = kernel
            self.stride = stride
            self.padding = padding

        def parameters(self):
            return [self.kernel]

        def state_dict(self):
            return {"kernel": self.kernel.clone(), "stride": self.stride, "padding": self.padding}

        def load_state_dict(self, state):
            self.kernel, self.stride, self.padding = state["kernel"], state["stride"], state["padding"]

        def __repr__(self):
            return f"HandConv2d(kernel={tuple(self.kernel.shape)}, stride={self.stride}, padding={self.padding})"

        def __call__(self, image):
            p, s = self.padding, self.stride
            if p:
                padded = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p)
                padded[p:p + image.shape[0], p:p + image.shape[1]] = image
                image = padded
            kh, kw = self.kernel.shape
            oh, ow = (image.shape[0] - kh) // s + 1, (image.shape[1] - kw) // s + 1
            out = torch.zeros(oh, ow)
            for i in range(oh):
                for j in range(ow):
                    out[i, j] = (image[i * s:i * s + kh, j * s:j * s + kw] * self.kernel).sum()
            return out


    class HandMaxPool2d:
        def __init__(self, kernel_size=2):
            self.kernel_size = kernel_size

        def parameters(self):
            return []  # pooling learns nothing

        def state_dict(self):
            return {"kernel_size": self.kernel_size}

        def __call__(self, image):
            k = self.kernel_size
            out = torch.zeros(image.shape[0] // k, image.shape[1] // k)
            for i in range(out.shape[0]):
                for j in range(out.shape[1]):
                    out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
            return out


    def conv2d(image, kernel, stride=1, padding=0):
        return HandConv2d(kernel, stride, padding)(image)


    def max_pool2d(image, kernel_size=2):
        return HandMaxPool2d(kernel_size)(image)
    ''')}, after={"q6": [d('''
    layer = HandConv2d(torch.ones(3, 3), padding=1)
    print(layer, sum(p.numel() for p in layer.parameters()), sorted(layer.state_dict()))
    ''')]})

case("r13_py_q6_dataclass_layer_default_factory_history", answers={"q6": d('''
    from dataclasses import dataclass, field

    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    @dataclass
    class Conv:
        kernel: torch.Tensor
        stride: int = 1
        padding: int = 0
        history: list = field(default_factory=list)  # output shapes, for my debugging

        def __post_init__(self):
            if self.stride < 1 or self.padding < 0:
                raise ValueError("stride must be >= 1 and padding >= 0")

        def __call__(self, image):
            p, s = self.padding, self.stride
            h, w = image.shape
            padded = image.new_zeros(h + 2 * p, w + 2 * p)
            padded[p:p + h, p:p + w] = image
            kh, kw = self.kernel.shape
            out = torch.zeros((h + 2 * p - kh) // s + 1, (w + 2 * p - kw) // s + 1)
            for i in range(out.shape[0]):
                for j in range(out.shape[1]):
                    out[i, j] = (padded[i * s:i * s + kh, j * s:j * s + kw] * self.kernel).sum()
            self.history.append(tuple(out.shape))
            return out


    @dataclass
    class MaxPool:
        size: int = 2

        def __call__(self, image):
            k = self.size
            out = torch.zeros(image.shape[0] // k, image.shape[1] // k)
            for i in range(out.shape[0]):
                for j in range(out.shape[1]):
                    out[i, j] = image[i * k:i * k + k, j * k:j * k + k].max()
            return out


    def conv2d(image, kernel, stride=1, padding=0):
        return Conv(kernel, stride, padding)(image)


    def max_pool2d(image, kernel_size=2):
        return MaxPool(kernel_size)(image)
    ''')})

case("r13_py_q6_padding_enum_with_method_and_namedtuple_window", answers={"q6": d('''
    import enum
    from typing import NamedTuple

    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    class PadMode(enum.Enum):
        VALID = "valid"
        ZEROS = "zeros"

        @classmethod
        def for_padding(cls, padding):
            return cls.ZEROS if padding > 0 else cls.VALID

        def apply(self, image, padding):
            if self is PadMode.VALID:
                return image
            out = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
            out[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
            return out


    class Window(NamedTuple):
        top: int
        left: int
        height: int
        width: int

        def cut(self, image):
            return image[self.top:self.top + self.height, self.left:self.left + self.width]


    def windows(image, height, width, stride):
        for top in range(0, image.shape[0] - height + 1, stride):
            yield [Window(top, left, height, width) for left in range(0, image.shape[1] - width + 1, stride)]


    def conv2d(image, kernel, stride=1, padding=0):
        image = PadMode.for_padding(padding).apply(image, padding)
        kh, kw = kernel.shape
        return torch.stack([torch.stack([(win.cut(image) * kernel).sum() for win in row])
                            for row in windows(image, kh, kw, stride)])


    def max_pool2d(image, kernel_size=2):
        return torch.stack([torch.stack([win.cut(image).max() for win in row])
                            for row in windows(image, kernel_size, kernel_size, kernel_size)])
    ''')})

case("r13_nb_q6_closures_with_nonlocal_counters", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    def make_sliding(reduce):
        """A sliding-window operation from a reduction over one window; counts the windows it has seen."""
        seen = 0

        def slide(image, height, width, stride):
            nonlocal seen
            rows = (image.shape[0] - height) // stride + 1
            cols = (image.shape[1] - width) // stride + 1
            out = torch.zeros(rows, cols)
            for i in range(rows):
                for j in range(cols):
                    out[i, j] = reduce(image[i * stride:i * stride + height, j * stride:j * stride + width])
                    seen += 1
            return out

        def count():
            return seen

        slide.count = count
        return slide


    def pad(image, padding):
        if padding == 0:
            return image
        zeros = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
        zeros[padding:-padding, padding:-padding] = image
        return zeros


    pool_slide = make_sliding(lambda window: window.max())


    def conv2d(image, kernel, stride=1, padding=0):
        conv_slide = make_sliding(lambda window: (window * kernel).sum())
        return conv_slide(pad(image, padding), kernel.shape[0], kernel.shape[1], stride)


    def max_pool2d(image, kernel_size=2):
        return pool_slide(image, kernel_size, kernel_size, kernel_size)
    ''')}, after={"q6": [SELF_CHECK, "print(pool_slide.count(), 'pooling windows so far')\n"]})

case("r13_py_q6_cache_and_partial_bound_as_max_pool2d", answers={"q6": d('''
    import functools

    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    @functools.cache
    def out_size(size, window, stride, padding=0):
        return (size + 2 * padding - window) // stride + 1


    def conv2d(image, kernel, stride=1, padding=0):
        kh, kw = kernel.shape
        oh = out_size(image.shape[0], kh, stride, padding)
        ow = out_size(image.shape[1], kw, stride, padding)
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
        padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        out = torch.zeros(oh, ow)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    def _reduce_windows(image, kernel_size=2, *, reduce):
        k = kernel_size
        oh, ow = out_size(image.shape[0], k, k), out_size(image.shape[1], k, k)
        out = torch.zeros(oh, ow)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = reduce(image[i * k:(i + 1) * k, j * k:(j + 1) * k])
        return out


    max_pool2d = functools.partial(_reduce_windows, reduce=torch.max)
    avg_pool2d = functools.partial(_reduce_windows, reduce=torch.mean)  # not asked; for comparison
    ''')})

case("r13_nb_q6_answers_bound_to_methods_of_an_instance", answers={"q6": d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    class ByHand:
        """My by-hand operations, grouped; `verbose` prints the output shapes."""

        def __init__(self, verbose=False):
            self.verbose = verbose

        def _pad(self, image, padding):
            if not padding:
                return image
            out = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
            out[padding:-padding, padding:-padding] = image
            return out

        def conv(self, image, kernel, stride=1, padding=0):
            image = self._pad(image, padding)
            kh, kw = kernel.shape
            out = torch.zeros((image.shape[0] - kh) // stride + 1, (image.shape[1] - kw) // stride + 1)
            for i in range(out.shape[0]):
                for j in range(out.shape[1]):
                    out[i, j] = (image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
            if self.verbose:
                print("conv ->", tuple(out.shape))
            return out

        def pool(self, image, kernel_size=2):
            k = kernel_size
            out = torch.zeros(image.shape[0] // k, image.shape[1] // k)
            for i in range(out.shape[0]):
                for j in range(out.shape[1]):
                    out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
            return out


    ops = ByHand()
    conv2d = ops.conv
    max_pool2d = ops.pool
    ''')}, after={"q6": [SELF_CHECK]})

# ---------------------------------------------------------------------------------------------------------
# imports at the top (graded with and without namespaces)
# ---------------------------------------------------------------------------------------------------------

STDLIB_IMPORTS = d('''
    import abc
    import argparse
    import bisect
    import collections
    import contextlib
    import copy
    import csv
    import dataclasses
    import datetime
    import decimal
    import enum
    import fractions
    import functools
    import getopt
    import glob
    import heapq
    import io
    import itertools
    import json
    import logging
    import math
    import operator
    import os.path
    import pathlib
    import pickle
    import pprint
    import random
    import re
    import shlex
    import statistics
    import string
    import tempfile
    import textwrap
    import time
    import timeit
    import typing
    import warnings
    ''')

SCIENTIFIC_IMPORTS = d('''
    import matplotlib
    import matplotlib.pyplot as plt
    import numpy as np
    import numpy.random
    import pandas as pd
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    import torch.optim as optim
    import torch.utils.data
    from PIL import Image
    from torch.optim import lr_scheduler
    from torch.utils.data import DataLoader, Dataset, TensorDataset
    ''')

case("r13_py_stdlib_imports_at_top", head='"""Lecture 6 exercises."""\n' + STDLIB_IMPORTS + "\nimport torch\n"
     + "\nwarnings.filterwarnings(\"ignore\")\nlogging.basicConfig(level=logging.WARNING)\n")

case("r13_py_scientific_imports_at_top", head='"""Lecture 6 exercises."""\n' + SCIENTIFIC_IMPORTS)

case("r13_nb_isort_imports_first_cell_torch_last", before={"q1": [
    STDLIB_IMPORTS + "\n" + SCIENTIFIC_IMPORTS + "\n%matplotlib inline\n"]})

case("r13_py_imports_used_in_main_guard",
     head='"""Lecture 6 exercises, runnable as a script: python lecture06.py --epochs 1"""\n' + d('''
         import argparse
         import csv
         import datetime
         import io
         import json
         import logging
         import pickle
         import random
         import shlex
         import tempfile
         import timeit
         from pathlib import Path

         import numpy as np
         import pandas as pd
         import torch
         import torch.nn.functional as F
         from torch.utils.data import DataLoader, TensorDataset

         log = logging.getLogger("lecture06")
         '''),
     extra=[d('''
         def main(argv=None):
             parser = argparse.ArgumentParser(description=__doc__)
             parser.add_argument("--epochs", type=int, default=1)
             args = parser.parse_args(shlex.split("--epochs 1") if argv is None else argv)
             random.seed(0)
             np.random.seed(0)
             torch.manual_seed(0)
             log.info("started %s", datetime.datetime.now().isoformat())

             table = io.StringIO()
             writer = csv.writer(table)
             writer.writerow(["layer", "channels", "height", "width"])
             for name, shape in zip(["conv1", "pool1", "conv2", "pool2"], q3_shapes):
                 writer.writerow([name, *shape])
             print(pd.read_csv(io.StringIO(table.getvalue())))
             print(json.dumps({"q4": [q4_conv_params, q4_cnn_params, q4_fcnn_params]}))
             print(timeit.timeit(lambda: conv2d(torch.rand(8, 8), torch.rand(3, 3)), number=3))

             model = CNN()
             data = TensorDataset(torch.rand(8, 1, 100, 100), torch.randint(0, 2, (8, 1)).float())
             optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
             for _ in range(args.epochs):
                 for xb, yb in DataLoader(data, batch_size=4):
                     optimizer.zero_grad()
                     F.binary_cross_entropy_with_logits(model(xb), yb).backward()
                     optimizer.step()
             with tempfile.TemporaryDirectory() as folder:
                 path = Path(folder) / "answers.pkl"
                 path.write_bytes(pickle.dumps({"q1": q1_answer, "q9": sorted(q9_true)}))
                 print(pickle.loads(path.read_bytes()))


         if __name__ == "__main__":
             main()
         ''')])


# ---------------------------------------------------------------------------------------------------------
# everyday modules used after the answers (no by-hand function and no model reaches them)
# ---------------------------------------------------------------------------------------------------------

case("r13_nb_q6_timed_against_torch_with_default_timer", after={"q6": [d('''
    from timeit import default_timer as timer

    import torch.nn.functional as F

    image, kernel = torch.rand(28, 28), torch.rand(3, 3)
    start = timer()
    mine = conv2d(image, kernel, padding=1)
    t_mine = timer() - start
    start = timer()
    theirs = F.conv2d(image[None, None], kernel[None, None], padding=1)[0, 0]
    t_torch = timer() - start
    print(f"by hand {t_mine * 1e3:.1f} ms, torch {t_torch * 1e3:.2f} ms, same: {torch.allclose(mine, theirs, atol=1e-5)}")
    ''')]})

case("r13_py_answers_pickled_for_later", extra=[d('''
    import pickle

    # keep my answers to compare with the solutions next week
    with open("lecture06_answers.pkl", "wb") as f:
        pickle.dump({"q1": q1_answer, "q3": q3_shapes, "q9": q9_true, "q10": q10_answers}, f)
    with open("lecture06_answers.pkl", "rb") as f:
        print(pickle.load(f)["q1"])
    ''')])


def _stable_ids(path: Path) -> None:
    """Round 8's writer draws cell ids at random: fix them, so that running this generator again rewrites the same
    bytes."""
    nb = nbformat.read(str(path), as_version=4)
    for i, cell in enumerate(nb.cells):
        cell.id = f"r13-{i:03d}"
    nbformat.write(nb, str(path))


def main() -> None:
    for old in HERE.glob("r13_*"):
        old.unlink()
    for name, spec in CASES.items():
        if name.startswith("r13_nb_"):
            write_notebook(name, spec)
            _stable_ids(HERE / f"{name}.ipynb")
        else:
            write_script(name, spec)
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()

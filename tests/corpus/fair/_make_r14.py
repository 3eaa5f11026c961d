"""Round 14 of the fairness corpus (issue 9): correct answers in ordinary but unusual styles, aimed at the rules
the grader changed after fairness round 13 (models judged in training mode with their gradients compared; parts
of watched modules made readable).

Each case is a full, correct answer to all ten questions (round 8's plain answers, ``_make_r8.PLAIN``, with some
questions answered the case's way, or cells added before or after them). Aimed at:

- q7 / q8 models whose gradients a student computes another way: ReLU as ``x.clamp(min=0)``, ``x * (x > 0)``,
  ``torch.where(x > 0, x, 0)``, ``F.relu(x, inplace=True)``, ``nn.ReLU(inplace=True)``, ``Tensor.relu_()``, a
  custom ``torch.autograd.Function``; a head's bias added with ``+=`` / ``.add_``; ``F.max_pool2d(...,
  return_indices=True)``; ``x.view(x.size(0), -1)``; float64 by ``torch.set_default_dtype``; ``forward`` branching
  on ``self.training`` only to log, or to count batches in a buffer; ``Dropout2d(p=0.0)``; ``.train()`` /
  ``.eval()`` at top level; ``torch.utils.checkpoint`` per block; ``torch.autocast("cpu", enabled=False)``; a
  Grad-CAM hook on an activation inside ``forward``; a per-example head (``torch.stack([self.fc(row) for row in
  x])``);
- q6 by hand and top-level code using parts of watched modules: ``pickle.dumps`` / ``pickle.dump`` (never
  ``load``), ``timeit.timeit(lambda: ...)``, ``timeit.default_timer``, ``tracemalloc``, ``weakref.ref`` /
  ``WeakValueDictionary``, ``codecs.open``, ``inspect.signature`` in a logging decorator; plain helper classes with
  ``parameters()`` / ``state_dict()`` / ``children()``; frozen dataclass configs; self-check tables holding torch's
  results in list/dict elements;
- other ordinary code: ``parameters_to_vector`` for q4, ``torch.jit.script`` of the model after the answers,
  ``torch.compile`` guarded by ``hasattr(torch, "compile")``.

    python tests/corpus/fair/_make_r14.py        # rewrites tests/corpus/fair/r14_*
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
    """answers: {q: source}; before/after: {q: [cells]} around an answer; extra: cells appended at the end."""
    CASES[name] = dict(tool=tool, answers=answers or {}, before=before or {}, after=after or {}, extra=extra or [],
                       order=QUESTIONS)


def cnn(act1="F.relu(self.conv1(x))", act2="F.relu(self.conv2(x))", flat="torch.flatten(x, 1)",
        head="self.fc(x)", pre="", init="", pool="F.max_pool2d({}, 2)"):
    """q7's CNN with the activations, flatten, head or pooling written the case's way (the network asked for)."""
    return d(f'''
import torch
import torch.nn.functional as F
from torch import nn
{pre}

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
        self.fc = nn.Linear(2 * 25 * 25, 1)
{init}
    def forward(self, x):
        x = {pool.format(act1)}
        x = {pool.format(act2)}
        x = {flat}
        return {head}
''')


def convnet(act="nn.ReLU()", fwd="return self.fc(torch.flatten(self.blocks(x), 1))", pre="", init=""):
    """q8's conv_block and ConvNet with the block's activation or the forward pass written the case's way."""
    return d(f'''
import torch
import torch.nn.functional as F
from torch import nn
{pre}

def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), {act})


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
        self.fc = nn.Linear(3 * 128 * 128, 1)
{init}
    def forward(self, x):
        {fwd}
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
# (a) models whose gradients a student computes another way
# ---------------------------------------------------------------------------------------------------------

case("r14_nb_q7_relu_as_clamp_method_q8_mask_product",
     answers={"q7": cnn(act1="self.conv1(x).clamp(min=0)", act2="self.conv2(x).clamp(min=0)"),
              "q8": convnet(act="MaskReLU()", pre=d('''

                  class MaskReLU(nn.Module):
                      """ReLU as the lecture's formula: keep x where it is positive."""

                      def forward(self, x):
                          return x * (x > 0)
                  '''))},
     after={"q7": [TRAIN_DEMO]})

case("r14_py_q7_relu_as_where_with_scalar_zero",
     answers={"q7": cnn(act1="torch.where(self.conv1(x) > 0, self.conv1(x), 0.0)",
                        act2="relu(self.conv2(x))", pre=d('''

                  def relu(t):
                      return torch.where(t > 0, t, 0)
                  '''))})

case("r14_nb_q7_functional_relu_inplace",
     answers={"q7": cnn(act1="F.relu(self.conv1(x), inplace=True)", act2="F.relu(self.conv2(x), inplace=True)")},
     after={"q7": [TRAIN_DEMO]})

case("r14_py_q8_relu_modules_inplace_in_blocks", answers={"q8": convnet(act="nn.ReLU(inplace=True)")})

case("r14_nb_q7_tensor_relu_inplace_method_and_head_add_",
     answers={"q7": cnn(act1="self.conv1(x).relu_()", act2="self.conv2(x).relu_()",
                        head="F.linear(x, self.fc.weight).add_(self.fc.bias)")})

case("r14_py_q8_head_bias_added_with_plus_equals",
     answers={"q8": convnet(fwd=d('''
         x = torch.flatten(self.blocks(x), 1)
                 out = x @ self.fc.weight.T
                 out += self.fc.bias
                 return out''').rstrip("\n"))})

case("r14_py_q7_custom_autograd_function_relu",
     answers={"q7": cnn(act1="MyReLU.apply(self.conv1(x))", act2="MyReLU.apply(self.conv2(x))", pre=d('''

         class MyReLU(torch.autograd.Function):
             """ReLU with its own backward pass, as in the PyTorch tutorial "Defining new autograd functions"."""

             @staticmethod
             def forward(ctx, x):
                 ctx.save_for_backward(x)
                 return x.clamp(min=0)

             @staticmethod
             def backward(ctx, grad_output):
                 (x,) = ctx.saved_tensors
                 grad_input = grad_output.clone()
                 grad_input[x < 0] = 0
                 return grad_input
         '''))},
     after={"q7": [d('''
         x = torch.randn(5, dtype=torch.double, requires_grad=True)
         print(torch.autograd.gradcheck(MyReLU.apply, (x,)))
         ''')]})

case("r14_nb_q8_custom_autograd_relu_module",
     answers={"q8": convnet(act="ReLUFn()", pre=d('''

         class _ReLU(torch.autograd.Function):
             @staticmethod
             def forward(ctx, x):
                 mask = x > 0
                 ctx.save_for_backward(mask)
                 return x * mask

             @staticmethod
             def backward(ctx, grad):
                 (mask,) = ctx.saved_tensors
                 return grad * mask


         class ReLUFn(nn.Module):
             def forward(self, x):
                 return _ReLU.apply(x)
         '''))})

case("r14_nb_q7_functional_pool_return_indices_kept",
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
                 self.indices = []  # where each maximum came from, for F.max_unpool2d plots later

             def forward(self, x):
                 self.indices = []
                 for conv in (self.conv1, self.conv2):
                     x, idx = F.max_pool2d(F.relu(conv(x)), 2, return_indices=True)
                     self.indices.append(idx)
                 return self.fc(x.view(x.size(0), -1))
         ''')})

case("r14_py_q7_reshape_len_q8_view_size",
     answers={"q7": cnn(flat="x.reshape(len(x), -1)"),
              "q8": convnet(fwd="x = self.blocks(x)\n        return self.fc(x.view(x.size(0), -1))")})

case("r14_py_default_dtype_float64_from_the_top_with_training",
     answers={"q1": 'import torch\n\ntorch.set_default_dtype(torch.float64)  # exact sums for my checks\n\nq1_answer = "C"\n'},
     after={"q7": [TRAIN_DEMO], "q8": [d('''
         net = ConvNet(2)
         print(net(torch.rand(2, 2, 128, 128)).dtype)
         ''')]})

case("r14_nb_q7_forward_logs_only_in_training",
     answers={"q7": cnn(pre="import logging\n\nlog = logging.getLogger(\"cnn\")\n", flat=d('''
         torch.flatten(x, 1)
                 if self.training:
                     log.debug("training batch of %d", x.shape[0])
                 else:
                     log.debug("eval batch")''').rstrip("\n"))})

case("r14_py_q7_batches_seen_buffer_like_batchnorm",
     answers={"q7": cnn(init=(
         "        # like BatchNorm's num_batches_tracked: how many training batches this model has seen\n"
         "        self.register_buffer(\"batches_seen\", torch.zeros((), dtype=torch.long))\n"), flat=d('''
         torch.flatten(x, 1)
                 if self.training:
                     self.batches_seen += 1''').rstrip("\n"))},
     after={"q7": [TRAIN_DEMO + "print(model.batches_seen)\n"]})

case("r14_nb_q7_dropout2d_p_zero_after_pools",
     answers={"q7": d('''
         import torch
         from torch import nn


         class CNN(nn.Module):
             def __init__(self, p=0.0):
                 super().__init__()
                 self.net = nn.Sequential(
                     nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout2d(p),
                     nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout2d(p),
                     nn.Flatten(), nn.Linear(1250, 1),
                 )

             def forward(self, x):
                 return self.net(x)
         ''')})

case("r14_py_models_put_in_train_and_eval_at_top_level",
     after={"q7": [d('''
         model = CNN().train()
         print(model.training)
         model.eval()
         with torch.no_grad():
             print(model(torch.rand(1, 1, 100, 100)).shape)
         model.train(False)
         ''')], "q8": [d('''
         net = ConvNet(1).eval()
         net.requires_grad_(False)
         print(net(torch.rand(1, 1, 128, 128)).shape)
         net.train()
         ''')]})

case("r14_nb_q8_checkpoint_each_block_not_reentrant",
     answers={"q8": convnet(pre="from torch.utils.checkpoint import checkpoint\n", fwd=d('''
         for block in self.blocks:
                     x = checkpoint(block, x, use_reentrant=False)
                 return self.fc(torch.flatten(x, 1))''').rstrip("\n"))})

case("r14_py_q7_checkpoint_head_not_reentrant_preserve_rng_off",
     answers={"q7": cnn(pre="from torch.utils import checkpoint as cp\n",
                        head="cp.checkpoint(self.fc, x, use_reentrant=False, preserve_rng_state=False)")})

case("r14_nb_q7_autocast_block_disabled_by_default",
     answers={"q7": d('''
         import torch
         import torch.nn.functional as F
         from torch import nn


         class CNN(nn.Module):
             def __init__(self, use_amp=False):
                 super().__init__()
                 self.use_amp = use_amp  # bfloat16 on the CPU: for my experiments after the exercise
                 self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
                 self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
                 self.fc = nn.Linear(1250, 1)

             def forward(self, x):
                 with torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.use_amp):
                     x = F.max_pool2d(F.relu(self.conv1(x)), 2)
                     x = F.max_pool2d(F.relu(self.conv2(x)), 2)
                     return self.fc(torch.flatten(x, 1))
         ''')})

case("r14_nb_q7_gradcam_hook_on_activation_in_forward",
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
                 self.activations = None
                 self.gradients = None

             def save_gradient(self, grad):
                 self.gradients = grad

             def forward(self, x):
                 x = F.max_pool2d(F.relu(self.conv1(x)), 2)
                 x = self.conv2(x)
                 # Grad-CAM: keep the last convolution's maps and the gradient that reaches them
                 self.activations = x
                 if x.requires_grad:
                     x.register_hook(self.save_gradient)
                 x = F.max_pool2d(F.relu(x), 2)
                 return self.fc(torch.flatten(x, 1))
         ''')},
     after={"q7": [d('''
         model = CNN()
         image = torch.rand(1, 1, 100, 100)
         model(image).sum().backward()
         weights = model.gradients.mean(dim=(2, 3), keepdim=True)
         cam = torch.relu((weights * model.activations).sum(1))
         print(cam.shape)
         ''')]})

case("r14_py_q7_head_per_example_stack",
     answers={"q7": cnn(head="torch.stack([self.fc(row) for row in x])")})

case("r14_nb_q8_head_per_example_loop_cat",
     answers={"q8": convnet(fwd=d('''
         x = torch.flatten(self.blocks(x), 1)
                 outs = []
                 for i in range(x.shape[0]):
                     outs.append(self.fc(x[i:i + 1]))
                 return torch.cat(outs, dim=0)''').rstrip("\n"))})

# ---------------------------------------------------------------------------------------------------------
# (b) q6 and top-level code using parts of watched modules
# ---------------------------------------------------------------------------------------------------------

case("r14_py_answers_pickle_dumps_size_only", extra=[d('''
    import hashlib
    import pickle

    blob = pickle.dumps({"q1": q1_answer, "q3": q3_shapes, "q9": sorted(q9_true), "q10": q10_answers})
    print(len(blob), hashlib.sha256(blob).hexdigest()[:12])
    with open("answers.pkl", "wb") as f:
        pickle.dump(q10_answers, f, protocol=pickle.HIGHEST_PROTOCOL)
    ''')])

case("r14_nb_q6_timeit_lambda_number", after={"q6": [d('''
    import timeit

    x, k = torch.rand(20, 20), torch.rand(3, 3)
    t = timeit.timeit(lambda: conv2d(x, k, padding=1), number=3)
    print(f"{t / 3 * 1e3:.1f} ms per call")
    print(timeit.timeit(lambda: max_pool2d(x), number=3))
    '''), d('''
    from timeit import default_timer


    def time_it(fn, *args, repeat=3):
        start = default_timer()
        for _ in range(repeat):
            fn(*args)
        return (default_timer() - start) / repeat


    print(time_it(conv2d, torch.rand(16, 16), torch.rand(3, 3)), time_it(max_pool2d, torch.rand(16, 16)))
    ''')]})

case("r14_nb_q6_tracemalloc_peak_memory", after={"q6": [d('''
    import tracemalloc

    tracemalloc.start()
    out = conv2d(torch.rand(30, 30), torch.rand(3, 3), stride=2)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(out.shape, f"peak {peak / 1024:.1f} KiB")
    ''')]})

case("r14_py_weakref_model_freed_check", extra=[d('''
    import gc
    import weakref

    model = CNN()
    ref = weakref.ref(model)
    del model
    gc.collect()
    print("freed:", ref() is None)
    ''')])

case("r14_nb_q6_weakvaluedictionary_kernel_cache", after={"q6": [d('''
    import weakref

    # demo kernels kept only while something else holds them
    kernels = weakref.WeakValueDictionary()
    edge = torch.tensor([[-1.0, 0.0, 1.0]] * 3)
    kernels["edge"] = edge
    print(conv2d(torch.rand(8, 8), kernels["edge"]).shape, list(kernels))
    ''')]})

case("r14_nb_q9_read_from_notes_with_codecs_open", before={"q9": [d('''
    with open("notes_q9.txt", "w", encoding="utf-8") as f:
        f.write("A: no\\nB: no\\nC: yes — weight sharing\\nD: no\\n")
    ''')]}, answers={"q9": d('''
    import codecs

    with codecs.open("notes_q9.txt", "r", encoding="utf-8") as f:
        q9_true = {line.split(":")[0] for line in f if line.strip().endswith("sharing")}
    print(q9_true)
    ''')})

case("r14_py_q6_logging_decorator_inspect_signature", answers={"q6": d('''
    import functools
    import inspect

    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]
    CALLS = []


    def logged(fn):
        sig = inspect.signature(fn)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            bound = sig.bind(*args, **kwargs)
            bound.apply_defaults()
            CALLS.append((fn.__name__, {k: v for k, v in bound.arguments.items() if not torch.is_tensor(v)}))
            return fn(*args, **kwargs)

        return wrapper


    @logged
    def conv2d(image, kernel, stride=1, padding=0):
        if padding:
            image = _pad(image, padding)
        kh, kw = kernel.shape
        oh = (image.shape[0] - kh) // stride + 1
        ow = (image.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    def _pad(image, p):
        padded = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p)
        padded[p:-p, p:-p] = image
        return padded


    @logged
    def max_pool2d(image, kernel_size=2):
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        out = torch.zeros(oh, ow)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return out
    ''')})

HAND_Q6_CLASS = d('''
    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    class HandConv:
        """My convolution "layer" (not an nn.Module): holds nothing, but answers like one for my notes."""

        def __init__(self, stride=1, padding=0):
            self.stride, self.padding = stride, padding

        def parameters(self):
            return []

        def state_dict(self):
            return {"stride": self.stride, "padding": self.padding}

        def children(self):
            return iter(())

        def __call__(self, image, kernel):
            p, s = self.padding, self.stride
            if p:
                padded = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p)
                padded[p:-p, p:-p] = image
                image = padded
            kh, kw = kernel.shape
            oh, ow = (image.shape[0] - kh) // s + 1, (image.shape[1] - kw) // s + 1
            out = torch.zeros(oh, ow)
            for i in range(oh):
                for j in range(ow):
                    out[i, j] = (image[i * s:i * s + kh, j * s:j * s + kw] * kernel).sum()
            return out


    def conv2d(image, kernel, stride=1, padding=0):
        return HandConv(stride, padding)(image, kernel)


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        out = torch.zeros(image.shape[0] // k, image.shape[1] // k)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
        return out
    ''')

case("r14_nb_q6_plain_layer_class_parameters_state_dict_children", answers={"q6": HAND_Q6_CLASS},
     after={"q6": ["print(HandConv(2, 1).state_dict(), list(HandConv().parameters()))\n"]})

case("r14_py_q6_frozen_dataclass_configs_replace", answers={"q6": d('''
    from dataclasses import dataclass, replace

    import torch

    q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


    @dataclass(frozen=True)
    class ConvConfig:
        stride: int = 1
        padding: int = 0


    @dataclass(frozen=True)
    class PoolConfig:
        kernel_size: int = 2


    DEFAULT_CONV = ConvConfig()


    def conv2d(image, kernel, stride=1, padding=0):
        cfg = replace(DEFAULT_CONV, stride=stride, padding=padding)
        if cfg.padding:
            p = cfg.padding
            padded = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p)
            padded[p:-p, p:-p] = image
            image = padded
        kh, kw = kernel.shape
        s = cfg.stride
        out = torch.zeros((image.shape[0] - kh) // s + 1, (image.shape[1] - kw) // s + 1)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = (image[i * s:i * s + kh, j * s:j * s + kw] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        k = PoolConfig(kernel_size).kernel_size
        out = torch.zeros(image.shape[0] // k, image.shape[1] // k)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
        return out
    ''')})

case("r14_nb_q6_selfcheck_rows_of_dicts_torch_beside_mine", after={"q6": [d('''
    import torch.nn.functional as F

    rows = [{"case": "stride 1"}, {"case": "stride 2, padding 1"}]
    x, k = torch.rand(7, 7), torch.rand(3, 3)
    rows[0]["mine"] = conv2d(x, k)
    rows[0]["torch"] = F.conv2d(x[None, None], k[None, None])[0, 0]
    rows[1]["mine"] = conv2d(x, k, stride=2, padding=1)
    rows[1]["torch"] = F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0]
    for row in rows:
        print(row["case"], torch.allclose(row["mine"], row["torch"], atol=1e-5))
    ''')]})

case("r14_py_q6_selfcheck_table_list_of_lists_pool", after={"q6": [d('''
    import torch.nn.functional as F

    table = [[None, None] for _ in range(3)]
    for size, row in zip((4, 6, 8), table):
        x = torch.rand(size, size)
        row[0] = max_pool2d(x)
        row[1] = F.max_pool2d(x[None, None], 2)[0, 0]
    print(all(torch.equal(a, b) for a, b in table))
    ''')]})

# ---------------------------------------------------------------------------------------------------------
# (c) other ordinary code
# ---------------------------------------------------------------------------------------------------------

case("r14_nb_q4_counts_by_parameters_to_vector", after={"q8": [d('''
    from torch.nn.utils import parameters_to_vector

    print(parameters_to_vector(CNN().parameters()).numel(), q4_cnn_params)
    print(parameters_to_vector(ConvNet(1).parameters()).numel())
    ''')]})

case("r14_py_torch_compile_guarded_by_hasattr", extra=[d('''
    # torch.compile speeds training up on my laptop (torch 2.x); the lab machines may have an older torch
    if hasattr(torch, "compile"):
        try:
            fast_model = torch.compile(CNN(), backend="eager")
            print(fast_model(torch.rand(2, 1, 100, 100)).shape)
        except Exception as error:
            print("no torch.compile here:", type(error).__name__)
    ''')])

case("r14_py_models_scripted_after_answers", extra=[d('''
    scripted = torch.jit.script(CNN())
    print(scripted(torch.rand(1, 1, 100, 100)).shape)
    traced = torch.jit.trace(ConvNet(1).eval(), torch.rand(1, 1, 128, 128))
    print(traced.code[:60])
    ''')])


def _stable_ids(path: Path) -> None:
    """Round 8's writer draws cell ids at random: fix them, so that running this generator again rewrites the same
    bytes."""
    nb = nbformat.read(str(path), as_version=4)
    for i, cell in enumerate(nb.cells):
        cell.id = f"r14-{i:03d}"
    nbformat.write(nb, str(path))


def main() -> None:
    for old in HERE.glob("r14_*"):
        old.unlink()
    for name, spec in CASES.items():
        if name.startswith("r14_nb_"):
            write_notebook(name, spec)
            _stable_ids(HERE / f"{name}.ipynb")
        else:
            write_script(name, spec)
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()

"""Parameter counting: three networks from the lecture, then the general formulas."""

from __future__ import annotations

from torch import nn

from ..checkapi import public
from ..checkapi.probe import SubmissionRaised
from ..checkapi.verdict import Wrong, raised, whole_number
from . import reference
from .base import Check, Question
from .diagnose import Mistake, compare_cases, separating

CONV_RULE = ("A Conv2d layer has `out_channels x in_channels x kH x kW` weights (its weight tensor has shape "
             "`(out_channels, in_channels, kH, kW)`) plus out_channels biases when bias=True.")
LINEAR_RULE = "A Linear layer has `out_features x in_features` weights plus out_features biases when bias=True."


def _pair(k) -> tuple[int, int]:
    return (k, k) if isinstance(k, int) else (k[0], k[1])


def _weights_only(model: nn.Module) -> int:
    return sum(p.numel() for name, p in model.named_parameters() if name.endswith("weight"))


def _kernel_as_k(model: nn.Module) -> int:
    """The count if each Conv2d kernel were counted as k weights instead of kH x kW."""
    total = 0
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            total += m.in_channels * m.out_channels * m.kernel_size[0] + (m.out_channels if m.bias is not None else 0)
        elif isinstance(m, nn.Linear):
            total += sum(p.numel() for p in m.parameters())
    return total


def _count_check(name: str, build, variants, rule: str):
    """Check that ``name`` equals torch's count for ``build()``; ``variants`` name common wrong counts."""
    def run(probe, context):
        got = whole_number(probe.value(name), f"`{name}`")
        if got == context.memo(lambda: reference.param_count(build())):
            return None
        model = build()
        for mistake, count_of, (feedback, reveal) in variants:
            if got == count_of(model):
                raise Wrong(feedback, {"mistake": mistake}, reveal=reveal)
        raise Wrong(f"`{name}` is not the number of parameters torch counts.", reveal=rule)
    return run


#: (what is wrong, what reveals the rule) of the mistakes several checks name.
FORGOT_BIAS = ("It looks like the biases are left out.", "Every output channel (or unit) has one bias too.")
KERNEL_K = ("It looks like each kernel is counted as k weights.",
            "A `k x k` kernel has `k*k` weights for every (input channel, output channel) pair.")


def _lecture_conv() -> nn.Module:
    return nn.Conv2d(3, 3, (3, 3), device="meta")


def _lecture_fcnn() -> nn.Module:
    return reference.FCNN(128 * 128)


Q4 = Question(
    id="q4",
    title="Counting parameters",
    topic="Ingredient 1: convolutional layers; CNN vs FCNN",
    prompt="""\
Count the learnable parameters (weights **and** biases) of:

1. `q4_conv_params`: `torch.nn.Conv2d(in_channels=3, out_channels=3, kernel_size=(3, 3))`.
2. `q4_cnn_params`: the whole pooled CNN of question 3 (two convolutions with padding 1, their ReLUs and
   max-pools, then `Flatten` and `Linear(q3_flatten_features, 1)`).
3. `q4_fcnn_params`: the fully connected network below for a flattened 128x128 image (`input_size = 128 * 128`).

```python
torch.nn.Sequential(
    torch.nn.Linear(input_size, 256), torch.nn.ReLU(),
    torch.nn.Linear(256, 128), torch.nn.ReLU(),
    torch.nn.Linear(128, 64), torch.nn.ReLU(),
    torch.nn.Linear(64, 32), torch.nn.ReLU(),
    torch.nn.Linear(32, 16),
    torch.nn.Linear(16, 1),
)
```

Give each as an `int`; you may write the arithmetic (`3 * 3 * 3 * 3 + 3`) rather than the result.""",
    starter="q4_conv_params = ...\nq4_cnn_params = ...\nq4_fcnn_params = ...\n",
    solution="""\
q4_conv_params = 3 * 3 * (3 * 3) + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 * 1 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])
""",
    checks=(
        Check("q4.format", "the three counts are positive ints", 0, False, public.q4_format),
        Check("q4.conv", "the Conv2d(3, 3, (3, 3)) count matches torch's", 1, True,
              _count_check("q4_conv_params", _lecture_conv,
                           [("forgot_bias", _weights_only, FORGOT_BIAS), ("kernel_k", _kernel_as_k, KERNEL_K)],
                           CONV_RULE)),
        Check("q4.cnn", "the pooled CNN's count matches torch's", 1, True,
              _count_check("q4_cnn_params", reference.PooledCNN,
                           [("forgot_bias", _weights_only, FORGOT_BIAS), ("kernel_k", _kernel_as_k, KERNEL_K),
                            ("no_padding", lambda m: reference.param_count(reference.PooledCNN(padding=0)),
                             ("That is the count *without* padding.",
                              "With padding=1 the last feature map is larger, and so is the Linear layer's "
                              "in_features.")),
                            ("convs_only", lambda m: sum(reference.param_count(c) for c in m.modules()
                                                         if isinstance(c, nn.Conv2d)),
                             ("Only the convolutions are counted.", "The final Linear layer has parameters too."))],
                           CONV_RULE + " " + LINEAR_RULE + " ReLU, MaxPool2d and Flatten have none.")),
        Check("q4.fcnn", "the fully connected network's count matches torch's", 1, True,
              _count_check("q4_fcnn_params", _lecture_fcnn,
                           [("forgot_bias", _weights_only, FORGOT_BIAS)], LINEAR_RULE)),
    ),
)

# -- q5 ----------------------------------------------------------------------

CONV_MISTAKES = (
    Mistake("forgot_bias", lambda i, o, k, b: i * o * _pair(k)[0] * _pair(k)[1],
            FORGOT_BIAS[0], FORGOT_BIAS[1] + " Add out_channels when bias=True."),
    Mistake("bias_always", lambda i, o, k, b: i * o * _pair(k)[0] * _pair(k)[1] + o,
            "With bias=False your count still has biases.",
            "A layer built with bias=False has none: add out_channels only when bias is True."),
    Mistake("kernel_k", lambda i, o, k, b: i * o * _pair(k)[0] + (o if b else 0), *KERNEL_K),
    Mistake("tuple_first_only", lambda i, o, k, b: i * o * _pair(k)[0] ** 2 + (o if b else 0),
            "For kernel_size=(kH, kW) your count uses only the first side.",
            "Use both sides: `kH * kW` weights per channel pair, not `kH * kH`."),
    Mistake("bias_per_input", lambda i, o, k, b: i * o * _pair(k)[0] * _pair(k)[1] + (i if b else 0),
            "It looks like there is one bias per input channel.",
            "There is one bias per *output* channel (per kernel), not per input channel."),
    Mistake("one_bias", lambda i, o, k, b: i * o * _pair(k)[0] * _pair(k)[1] + (1 if b else 0),
            "It looks like the whole layer has one bias.",
            "There is one bias per output channel (per kernel), not one for the whole layer."),
)

LINEAR_MISTAKES = (
    Mistake("forgot_bias", lambda i, o, b: i * o, FORGOT_BIAS[0], FORGOT_BIAS[1] + " Add out_features when bias=True."),
    Mistake("bias_always", lambda i, o, b: i * o + o,
            "With bias=False your count still has biases.",
            "A layer built with bias=False has none: add out_features only when bias is True."),
    Mistake("bias_per_input", lambda i, o, b: i * o + (i if b else 0),
            "It looks like there is one bias per input feature.",
            "There is one bias per *output* unit, not per input feature."),
)


def _call_all(probe, name, cases, default_bias: bool):
    answers = []
    for result in probe.call_many(name, [(tuple(args), {} if default_bias else {"bias": bias})
                                         for *args, bias in cases]):
        if isinstance(result, SubmissionRaised):
            if result.out_of_memory:
                raise result
            raise Wrong(f"{name} raised {raised(result)} on a valid layer configuration.")
        answers.append(result.value)
    return answers


def _expected(cases, reference_fn):
    return cases, [reference_fn(*c) for c in cases]


def _q5_check(name, make_cases, reference_fn, mistakes, rule, what, default_bias):
    make_cases = separating(make_cases, reference_fn, mistakes)

    def run(probe, context):
        cases, expected = context.memo(lambda: _expected(make_cases(context.rng()), reference_fn))
        answers = _call_all(probe, name, cases, default_bias)
        compare_cases(cases, answers, expected, mistakes, rule=rule, what=what)
    return run


# Every draw must expose each common mistake that the check is about (and none that
# it is not), so that points never depend on the seed: in != out (a bias per input
# would otherwise pass), out >= 2 (one bias per layer), both kernel sides >= 2
# (a kernel counted as k would pass with a side of 1), kH != kW for (kH, kW).

def _channels(rng) -> tuple[int, int]:
    i = rng.randint(1, 16)
    return i, rng.choice([o for o in range(2, 17) if o != i])


def _conv_int(rng):
    return [(*_channels(rng), rng.randint(2, 7), True) for _ in range(6)]


def _rect(rng) -> tuple[int, int]:
    kh = rng.randint(2, 7)
    return kh, rng.choice([k for k in range(2, 8) if k != kh])


def _conv_tuple(rng):
    return [(*_channels(rng), _rect(rng), True) for _ in range(6)]


def _conv_nobias(rng):
    # Square kernels only: this check is about bias=False, and a (kH, kW) kernel here would make
    # a tuple mistake, already costed by the rectangular-kernel check, cost a second time.
    return [(*_channels(rng), rng.randint(2, 7), False) for _ in range(6)]


def _linear(bias):
    def cases(rng):
        out = []
        for _ in range(6):
            i = rng.randint(1, 4096)
            out.append((i, rng.choice([o for o in (rng.randint(2, 512), i + 1) if o != i]), bias))
        return out
    return cases


Q5 = Question(
    id="q5",
    title="Parameter formulas",
    topic="Ingredient 1: convolutional layers",
    prompt="""\
Write two functions that count the learnable parameters of a layer without building it:

- `conv2d_params(in_channels, out_channels, kernel_size, bias=True)` for `torch.nn.Conv2d`; `kernel_size` is
  an `int` (a square kernel) or a tuple `(kH, kW)`.
- `linear_params(in_features, out_features, bias=True)` for `torch.nn.Linear`.

Remember that PyTorch stores a convolution's weight as a tensor of shape
`(out_channels, in_channels, kH, kW)`, and a layer built with `bias=False` has no biases.
For example `conv2d_params(1, 3, 3)` is `1 * 3 * (3 * 3) + 3 = 30`.""",
    starter="def conv2d_params(in_channels, out_channels, kernel_size, bias=True):\n    ...\n\n\n"
            "def linear_params(in_features, out_features, bias=True):\n    ...\n",
    solution='''\
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)
''',
    checks=(
        Check("q5.easy", "conv2d_params(1, 3, 3) is 30 and linear_params(16, 4) is 68 (the lecture's examples)",
              0, False, public.q5_easy_case),
        Check("q5.conv_square", "conv2d_params matches torch for random square kernels", 0.5, True,
              _q5_check("conv2d_params", _conv_int, reference.conv2d_params, CONV_MISTAKES, CONV_RULE,
                        "random Conv2d configurations with a square kernel", True)),
        Check("q5.conv_rect", "conv2d_params matches torch for random (kH, kW) kernels", 0.5, True,
              _q5_check("conv2d_params", _conv_tuple, reference.conv2d_params, CONV_MISTAKES, CONV_RULE,
                        "random Conv2d configurations with a (kH, kW) kernel", True)),
        Check("q5.conv_nobias", "conv2d_params matches torch with bias=False", 0.25, True,
              _q5_check("conv2d_params", _conv_nobias, reference.conv2d_params, CONV_MISTAKES, CONV_RULE,
                        "random Conv2d configurations with bias=False", False)),
        Check("q5.linear", "linear_params matches torch for random layers", 0.5, True,
              _q5_check("linear_params", _linear(True), reference.linear_params, LINEAR_MISTAKES, LINEAR_RULE,
                        "random Linear configurations", True)),
        Check("q5.linear_nobias", "linear_params matches torch with bias=False", 0.25, True,
              _q5_check("linear_params", _linear(False), reference.linear_params, LINEAR_MISTAKES,
                        LINEAR_RULE, "random Linear configurations with bias=False", False)),
    ),
)

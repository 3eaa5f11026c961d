"""Output-shape calculation: Exercise 6.1, the output-size formula, shapes through a pooled CNN."""

from __future__ import annotations

import functools
import math

from ..checkapi import public
from ..checkapi.probe import SubmissionRaised
from ..checkapi.verdict import Wrong, code, whole_number
from . import reference
from .base import Check, Question
from .diagnose import Mistake, compare_cases, separating

# -- q1 ----------------------------------------------------------------------

def q1_answer(probe, context):
    answer = public.letter(probe.value("q1_answer"), public.LETTERS_61, "`q1_answer`")
    side = reference.conv_output_size(4, 3)
    correct = "ABC"[[4, 3, 2].index(side)]
    if answer != correct:
        raise Wrong(f"({answer}) is not the shape of the output.",
                    reveal="Without padding a kernel only goes where it fits entirely: count the positions a "
                           "3-wide filter can take along a 4-wide row (`input - kernel + 1`).")


Q1 = Question(
    id="q1",
    title="Exercise 6.1: the output of a 3x3 filter",
    topic="Convolutions and filters",
    prompt="""\
A two-dimensional **3x3** convolutional filter is applied to a two-dimensional **4x4** input feature map,
with no padding and stride 1.

What is the shape of the output feature map?

- (A) 4 by 4
- (B) 3 by 3
- (C) 2 by 2

Set `q1_answer` to `"A"`, `"B"` or `"C"`.""",
    starter='q1_answer = ...  # "A", "B" or "C"\n',
    solution='q1_answer = "C"\n',
    checks=(
        Check("q1.format", "q1_answer is one of the letters A, B, C", 0, False, public.q1_format),
        Check("q1.answer", "the chosen shape is the one a 3x3 filter produces on a 4x4 input", 1, True, q1_answer),
    ),
)

# -- q2 ----------------------------------------------------------------------

RULE_Q2 = "torch's Conv2d gives `floor((n + 2*padding - kernel_size) / stride) + 1` along each side."

FLOOR = "The kernel must fit entirely, so a last partial step does not count: take the floor (`//`)."

Q2_MISTAKES = (
    Mistake("float_division", lambda n, k, s=1, p=0: (n + 2 * p - k) / s + 1,
            "You return a float.", "Use `//` (floor division) so that the size is an int, rounded down."),
    Mistake("forgot_plus_one", lambda n, k, s=1, p=0: (n + 2 * p - k) // s,
            "Your sizes are one short.",
            "The kernel's first position counts too, so add 1 (`floor((n + 2p - k) / s) + 1`)."),
    Mistake("padding_once", lambda n, k, s=1, p=0: (n + p - k) // s + 1,
            "It looks like the padding is added once.",
            "Padding p adds p pixels on *each* side, so the padded size is `n + 2p`."),
    Mistake("stride_ignored", lambda n, k, s=1, p=0: n + 2 * p - k + 1,
            "It looks like the stride is ignored.",
            "With stride s the kernel jumps s pixels per step, so `(n + 2p - k)` is divided by s."),
    Mistake("round_not_floor", lambda n, k, s=1, p=0: round((n + 2 * p - k) / s) + 1,
            "It looks like the division by the stride is rounded to the nearest integer.", FLOOR),
    Mistake("ceil_not_floor", lambda n, k, s=1, p=0: math.ceil((n + 2 * p - k) / s) + 1,
            "It looks like the division by the stride is rounded up.", FLOOR),
    Mistake("padding_ignored", lambda n, k, s=1, p=0: (n - k) // s + 1,
            "It looks like the padding is ignored.", "Padding p makes the input `n + 2p` wide."),
)


FLOAT_DIVISION = next(m for m in Q2_MISTAKES if m.name == "float_division")


def _q2_answers(probe, cases):
    """What conv_output_size returns per case; ``("raised", type name, is a ValueError)`` where it raised."""
    answers = []
    for result in probe.call_many("conv_output_size", [((n, k), {"stride": s, "padding": p})
                                                        for n, k, s, p in cases]):
        if isinstance(result, SubmissionRaised):
            if result.out_of_memory:
                raise result
            answers.append(("raised", result.type_name, result.is_a("ValueError")))
        else:
            answers.append(result.value)
    return answers


def _q2_check(cases_fn, what):
    cases_fn = separating(cases_fn, reference.conv_output_size, Q2_MISTAKES)

    def run(probe, context):
        cases, expected = context.memo(lambda: _with_expected(cases_fn(context.rng())))
        answers = _q2_answers(probe, cases)
        raised = [a for a in answers if type(a) is tuple]
        if raised:
            raise Wrong(f"conv_output_size raised {code(raised[0][1])} on {len(raised)} of {len(cases)} {what}, "
                        "where the kernel fits and torch gives a size. Raise ValueError only when the kernel "
                        "is larger than the padded input.")
        if all(type(a) in (int, float) and a == e for a, e in zip(answers, expected)) and float in map(type, answers):
            # Right values, some as floats: true division on draws that divide exactly.  Named
            # like the same mistake on the draws that do not, so that its feedback is one.
            raise Wrong(FLOAT_DIVISION.feedback, {"mistake": FLOAT_DIVISION.name}, reveal=FLOAT_DIVISION.reveal)
        compare_cases(cases, answers, expected, Q2_MISTAKES, rule=RULE_Q2, what=what)
    return run


def _with_expected(cases):
    return cases, [reference.conv_output_size(*c) for c in cases]


def _cases_basic(rng):
    out = []
    for _ in range(8):
        n = rng.randint(4, 64)
        out.append((n, rng.randint(2, min(n, 9)), 1, 0))
    return out


def _cases_padding(rng):
    out = []
    for _ in range(8):
        n, k, p = rng.randint(4, 64), rng.randint(2, 9), rng.randint(1, 4)
        out.append((n, min(k, n + 2 * p), 1, p))
    return out


def _cases_stride(rng):
    # No padding here, so that a padding mistake does not also cost this check.  The
    # first two cases leave a remainder above half a stride (round != floor), the
    # third divides exactly: each stride mistake shows on every draw.  The fourth
    # leaves one under half a stride, where rounding up and rounding to nearest differ.
    plan = [(3, 2), (4, 3), (2, 0), (3, 1)] + [(s, rng.randrange(s)) for s in (rng.randint(2, 4) for _ in range(4))]
    return [(q * s + r + k, k, s, 0) for (s, r), k, q in
            ((sr, rng.randint(1, 7), rng.randint(3, 20)) for sr in plan)]


def _cases_stride_padding(rng):
    # padding >= stride, so that adding it once instead of twice always changes the size.
    # Planned: (stride, remainder, padding or None for stride or stride + 1).  (3, 1) tells
    # rounding up from rounding to nearest; (2, 0) with padding stride + 1 tells adding the
    # padding once from forgetting the + 1 (with padding = stride both give the same size).
    plan = [(3, 2, None), (2, 1, None), (3, 1, None), (2, 0, 3)]
    plan += [(s, rng.randrange(s), None) for s in (rng.randint(2, 3) for _ in range(3))]
    out = []
    for s, r, p in plan:
        p, k, q = p or rng.randint(s, s + 1), rng.randint(1, 7), rng.randint(3, 20)
        out.append((q * s + r + k - 2 * p, k, s, p))
    return out


def q2_kernel_too_big(probe, context):
    rng = context.rng()
    cases = []
    for _ in range(3):
        n, p, s = rng.randint(1, 8), rng.randint(0, 1), rng.randint(1, 3)
        cases.append((n, n + 2 * p + rng.randint(1, 4), s, p))
    if any(reference.conv_output_size(*c) is not None for c in cases):  # pragma: no cover - guards the generator
        raise AssertionError("generated a configuration torch accepts")
    for got in _q2_answers(probe, cases):
        if type(got) is tuple and got[2]:  # ValueError or a subclass: `except ValueError` catches both
            continue
        if type(got) is tuple:
            raise Wrong(f"When the kernel is larger than the padded input, conv_output_size raised "
                        f"{code(got[1])}; raise ValueError instead (torch refuses such a layer).")
        raise Wrong(f"When the kernel is larger than the padded input, conv_output_size "
                    f"returned {'a number' if type(got) is int else 'a value'} instead of raising ValueError.",
                    reveal="The kernel does not fit when `n + 2p < k`.")
    # The boundary: a kernel exactly as wide as the input fits once.  (No padding, so
    # that a padding mistake, already costed elsewhere, does not show here too.)
    n = rng.randint(1, 8)
    try:
        got = probe.call("conv_output_size", n, n, stride=rng.randint(1, 3), padding=0).value
    except SubmissionRaised as exc:
        raise Wrong(f"When the kernel is exactly as wide as the padded input, conv_output_size raised "
                    f"{code(exc.type_name)}.", reveal="It fits once there: raise only when `n + 2p < k`.") from None
    if got != 1 or type(got) is not int:
        raise Wrong("conv_output_size is wrong when the kernel is exactly as wide as the padded input.",
                    reveal="It fits in one position: the output size is 1.")


Q2 = Question(
    id="q2",
    title="The output size of a convolution",
    topic="Convolutions and filters: padding and stride",
    prompt="""\
A convolution slides a `kernel_size` x `kernel_size` kernel over a `size` x `size` input. Before sliding,
`padding` rows and columns of zeros are added on **every** side; the kernel moves `stride` pixels at a time
and is only applied where it fits entirely.

Write `conv_output_size(size, kernel_size, stride=1, padding=0)` that returns the height (= width) of the
output as an `int`, exactly as `torch.nn.Conv2d` computes it. If the kernel does not fit in the padded input,
raise `ValueError`.

For example, a 5x5 kernel on a 100x100 image without padding gives a 96x96 output.""",
    starter='def conv_output_size(size, kernel_size, stride=1, padding=0):\n    ...\n',
    solution='''\
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError(f"a {kernel_size}-wide kernel does not fit a padded input of {padded}")
    return (padded - kernel_size) // stride + 1
''',
    checks=(
        Check("q2.easy", "conv_output_size(100, 5) is 96, the lecture's example", 0, False, public.q2_easy_case),
        Check("q2.basic", "matches torch on random sizes and kernels, stride 1, no padding", 0.75, True,
              _q2_check(_cases_basic, "random configurations without padding or stride")),
        Check("q2.padding", "matches torch on random configurations with padding, stride 1", 0.75, True,
              _q2_check(_cases_padding, "random configurations with padding")),
        Check("q2.stride", "matches torch on random configurations with stride > 1 (with and without remainder)",
              0.5, True, _q2_check(_cases_stride, "random configurations with stride > 1")),
        Check("q2.stride_padding", "matches torch on random configurations with both stride and padding",
              0.5, True, _q2_check(_cases_stride_padding, "random configurations with stride and padding")),
        Check("q2.too_big", "raises ValueError exactly when the kernel does not fit the padded input", 0.5,
              True, q2_kernel_too_big),
    ),
)

# -- q3 ----------------------------------------------------------------------

Q3_STAGES = ("after conv1", "after pool1", "after conv2", "after pool2")


@functools.lru_cache(maxsize=None)
def _q3_reference(padding: int = 1) -> tuple[list[tuple[int, int, int]], int]:
    shapes = reference.layer_shapes(reference.PooledCNN(padding=padding), (1, 1, 100, 100))
    wanted = [s for kind, s in shapes if kind in ("Conv2d", "MaxPool2d")]
    flatten = next(s for kind, s in shapes if kind == "Flatten")
    return wanted, flatten[0]


def _q3_shape_check(stage: int):
    def run(probe, context):
        shapes = public.shape_list(probe.value("q3_shapes"), 4, "`q3_shapes`")
        expected, _ = _q3_reference()
        got = shapes[stage]
        if got == expected[stage]:
            return None
        unpadded, _ = _q3_reference(padding=0)
        if got == unpadded[stage]:
            raise Wrong(f"The shape {Q3_STAGES[stage]} is what the network gives *without* padding.",
                        {"mistake": "no_padding"},
                        reveal="These convolutions use padding=1, which keeps a 3x3 convolution's height and width.")
        if sorted(got) == sorted(expected[stage]) and got != expected[stage]:
            raise Wrong(f"The shape {Q3_STAGES[stage]} has the right numbers in the wrong order.",
                        {"mistake": "order"}, reveal="PyTorch orders a feature map as (channels, height, width).")
        hint = ("A convolution sets the channels to its out_channels; with padding=1 a 3x3 kernel keeps "
                "height and width." if stage % 2 == 0 else
                "MaxPool2d(2) keeps the channels and halves height and width (rounding down).")
        raise Wrong(f"The shape {Q3_STAGES[stage]} is not right.", reveal=hint)
    return run


def q3_flatten(probe, context):
    features = whole_number(probe.value("q3_flatten_features"), "`q3_flatten_features`")
    _, expected = _q3_reference()
    if features == expected:
        return None
    _, unpadded = _q3_reference(padding=0)
    if features == unpadded:
        raise Wrong("`q3_flatten_features` is the number of features the network would have *without* padding.",
                    {"mistake": "no_padding"}, reveal="With padding=1 the feature maps are larger.")
    raise Wrong("`q3_flatten_features` is not the number of features Flatten produces.",
                reveal="Flatten turns the last feature map into one vector: its length is "
                       "`channels x height x width` of the shape after pool2.")


Q3 = Question(
    id="q3",
    title="Shapes through a pooled CNN",
    topic="Cooking up a CNN: pooling and flattening",
    prompt="""\
This is the CNN of the lecture's "Ingredient 3: Pooling". Its input is one grey-scale 100x100 image,
of shape `(1, 100, 100)` (channels, height, width; leave out the batch dimension).

```python
torch.nn.Sequential(
    torch.nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),  # conv1
    torch.nn.ReLU(),
    torch.nn.MaxPool2d((2, 2)),                                                     # pool1
    torch.nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),  # conv2
    torch.nn.ReLU(),
    torch.nn.MaxPool2d((2, 2)),                                                     # pool2
    torch.nn.Flatten(),
    torch.nn.Linear(..., 1),
)
```

Set `q3_shapes` to the list of the four shapes `(C, H, W)` after conv1, pool1, conv2 and pool2, and
`q3_flatten_features` to the number of features `Flatten` produces (the `in_features` of the last layer).""",
    starter="q3_shapes = [..., ..., ..., ...]  # (C, H, W) after conv1, pool1, conv2, pool2\n"
            "q3_flatten_features = ...\n",
    solution="q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]\n"
             "q3_flatten_features = 2 * 25 * 25\n",
    checks=(
        Check("q3.format", "q3_shapes is a list of four (C, H, W) tuples of ints; q3_flatten_features is an int",
              0, False, public.q3_format),
        *(Check(f"q3.{name}", f"the shape {stage} matches torch's", 0.375, True, _q3_shape_check(i))
          for i, (name, stage) in enumerate(zip(("conv1", "pool1", "conv2", "pool2"), Q3_STAGES))),
        Check("q3.flatten", "the number of flattened features matches torch's", 0.5, True, q3_flatten),
    ),
)

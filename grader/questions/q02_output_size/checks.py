"""The output-size formula, checked against torch on random configurations."""

from __future__ import annotations

import math

from ...checkapi.probe import SubmissionRaised
from ...checkapi.verdict import Wrong, code
from .. import reference
from ..base import Check
from ..diagnose import Mistake, compare_cases, separating
from . import LECTURE, public

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


def _easy_described(example: dict) -> str:
    size, kernel = example["size"], example["kernel"]
    whose = "the lecture's" if example == LECTURE else "the prompt's"
    return f"conv_output_size({size}, {kernel}) is {size - kernel + 1}, {whose} example"


#: Public checks first, then the hidden ones, in the order they run.
CHECKS = (
    Check("easy", _easy_described(LECTURE), 0, False, public.q2_easy_case, described=_easy_described),
    Check("basic", "matches torch on random sizes and kernels, stride 1, no padding", 0.75, True,
          _q2_check(_cases_basic, "random configurations without padding or stride")),
    Check("padding", "matches torch on random configurations with padding, stride 1", 0.75, True,
          _q2_check(_cases_padding, "random configurations with padding")),
    Check("stride", "matches torch on random configurations with stride > 1 (with and without remainder)",
          0.5, True, _q2_check(_cases_stride, "random configurations with stride > 1")),
    Check("stride_padding", "matches torch on random configurations with both stride and padding",
          0.5, True, _q2_check(_cases_stride_padding, "random configurations with stride and padding")),
    Check("too_big", "raises ValueError exactly when the kernel does not fit the padded input", 0.5,
          True, q2_kernel_too_big),
)

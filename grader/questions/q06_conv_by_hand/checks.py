"""Convolution by hand: the lecture's worked example, then ``conv2d`` and ``max_pool2d`` from plain tensor ops."""

from __future__ import annotations

import re

import torch
from torch.nn import functional as F

from ...checkapi import answers
from ...checkapi.probe import SubmissionRaised
from ...checkapi.protocol import TRACE_KERNELS, UNTRACED_DISPATCH
from ...checkapi.verdict import Wrong, code, describe, raised
from ...checkapi.wire import Array
from .. import params, reference
from ..base import Check
from ..static import StartWatch, by_hand_findings
from . import LECTURE, public, variant

#: elementwise; inputs are float32 in [-1, 1], so this allows for a different
#: summation order and nothing more.
RTOL, ATOL = 1e-4, 1e-5

#: torch functions and ATen operators that are its own convolution or pooling.  Calling any of them
#: (F.conv2d, nn.Conv2d, F.max_pool2d, torch.conv2d, aten.convolution, ...) earns no credit here.  And a
#: backward pass or an upsampling: the gradient of nearest upsampling is sum pooling
#: (``aten.upsample_nearest2d_backward``, attack round 29b), and code written by hand runs neither.
BUILTIN_OPS = re.compile(r"conv|pool|upsample|backward")

#: ``how``: "can reach" where the judge's reading of the source found it (the code ``name`` may run names it),
#: "called" where the worker's trace saw it run.
BUILTIN_FEEDBACK = ("`{name}` {how} torch's built-in {what} ({ops}). This question asks you to write it yourself "
                    "with plain tensor operations (slicing, `*`, `sum`, `max`), so this part earns no credit.")
UNVERIFIABLE_FEEDBACK = ("The grader credits code written by hand only when it can read what the code does, and "
                         "this submission uses {ops}, which can run or rebind code out of sight. Write {name} with "
                         "plain tensor operations (slicing, `*`, `sum`, `max`) and leave these out: this part earns "
                         "no credit.")


def _builtin_kind(ops: list[str], default: str) -> str:
    """What ``ops`` are, by their names: a pooling check may find a convolution the code reaches, and its feedback
    names what was found, not what the check is about (fairness round 103: "torch's built-in pooling (`nn.Conv2d`)")."""
    text = " ".join(ops).lower()
    conv, pool = "conv" in text, "pool" in text
    return "convolution and pooling" if conv and pool else "pooling" if pool else "convolution" if conv else default


def _as_tensor(value, what: str) -> torch.Tensor:
    if isinstance(value, Array):
        return value.to_tensor().to(torch.float64)
    grid = answers.matrix(value, what)
    return torch.tensor(grid, dtype=torch.float64)


def _close(got: torch.Tensor, want: torch.Tensor) -> bool:
    return got.shape == want.shape and bool(torch.allclose(got, want.to(torch.float64), rtol=RTOL, atol=ATOL))


def _refuse_findings(findings, name: str, builtin_what: str) -> None:
    """Raise :class:`Wrong` when the reader found that ``name`` reaches a built-in, or cannot be read."""
    builtins = [f.what for f in findings if f.kind == "builtin"]
    if builtins:
        raise Wrong(BUILTIN_FEEDBACK.format(name=name, how="can reach", what=_builtin_kind(builtins, builtin_what),
                                            ops=", ".join(map(code, builtins[:5]))), {"mistake": "builtin"})
    if findings:
        ops = ", ".join(code(f.what) for f in findings[:5])
        raise Wrong(UNVERIFIABLE_FEEDBACK.format(ops=ops, name=name), {"mistake": "unverifiable"})


def _run_cases(probe, name, cases, expected, variants, what, builtin_what, rule):
    """Call ``name`` on every case; compare with ``expected``; name a mistake from ``variants``.

    A built-in convolution or pooling is caught in the source, by the judge,
    before anything runs (:mod:`.static`: the code reachable from ``name``, and
    features that would hide code from that reading).  The ATen operators every
    call ran (and the torch functions of the first), traced in the worker, are a
    second look; being the worker's own report, it can only take points away,
    never grant them.  Every call, not the first: code that used torch's own
    convolution unless it ran slowly (as traced code does) or on the first case's
    shape earned everything when only the first call was traced (attack round 29b).
    """
    watch = StartWatch(probe)
    unsure = probe.statements_unsure()  # (after the watch: a worker has run the code)
    _refuse_findings(by_hand_findings(probe.source, name, threads_running=watch.threads_running, unsure=unsure),
                     name, builtin_what)
    wrong, shape_wrong = [], []
    results = []
    for (args, kwargs), want, result in zip(cases, expected, probe.call_many(name, cases, trace=TRACE_KERNELS)):
        if isinstance(result, SubmissionRaised):
            if result.out_of_memory:
                raise result
            raise Wrong(f"{name} raised {raised(result)} on one of {len(cases)} {what}.")
        untraced = sorted(op for op in result.ops if op.startswith(UNTRACED_DISPATCH))
        if untraced:
            raise Wrong(UNVERIFIABLE_FEEDBACK.format(ops=code(untraced[0]), name=name), {"mistake": "unverifiable"})
        used = sorted(op for op in result.ops if BUILTIN_OPS.search(op))
        if used:
            raise Wrong(BUILTIN_FEEDBACK.format(name=name, how="called", what=_builtin_kind(used, builtin_what),
                                                ops=", ".join(map(code, used))), {"mistake": "builtin"})
        if not isinstance(result.value, Array):
            if not isinstance(result.value, (list, tuple)):
                raise Wrong(f"{name} should return a 2-D tensor; it returned {describe(result.value)}.")
        got = _as_tensor(result.value, f"the result of {name}")
        results.append((args, kwargs, got))
        if got.dim() != 2:
            raise Wrong(f"{name} should return a 2-D tensor (height, width); it returned one of shape "
                        f"{list(got.shape)}.")
        if got.shape != want.shape:
            shape_wrong.append((got, want))
        elif not _close(got, want):
            wrong.append((got, want))
    if probe.statements_unsure() != unsure:
        # A worker started again in the middle of the calls ran the code anew, and not as before: the bindings
        # in force may be others (a definition made in the first run and not in the second).
        _refuse_findings(by_hand_findings(probe.source, name, threads_running=watch.threads_running,
                                          unsure=probe.statements_unsure()), name, builtin_what)
    started = watch.findings()
    if started:
        raise Wrong(UNVERIFIABLE_FEEDBACK.format(ops=code(started[0].what), name=name), {"mistake": "unverifiable"})
    if not wrong and not shape_wrong:
        return None
    for mistake, variant, (feedback, reveal) in variants:
        try:
            if all(_close(got, variant(*args, **kwargs)) for args, kwargs, got in results):
                raise Wrong(f"Wrong on {len(wrong) + len(shape_wrong)} of {len(cases)} {what}. {feedback}",
                            {"mistake": mistake}, reveal=reveal)
        except (RuntimeError, ValueError):
            continue
    if shape_wrong:
        raise Wrong(f"The output has the wrong shape on {len(shape_wrong)} of {len(cases)} {what}.", reveal=rule)
    raise Wrong(f"The values differ from torch's on {len(wrong)} of {len(cases)} {what} "
                f"(beyond rtol={RTOL:g}, atol={ATOL:g}).", reveal=rule)


#: (what is wrong, what reveals the rule) of each mistake a variant reproduces.
FLIPPED = ("It looks like the kernel is flipped (a true convolution).",
           "PyTorch's conv2d, like the lecture, computes a cross-correlation: multiply each window by the kernel "
           "as it is, without flipping it.")
CONV_RULE = ("Slide the kernel over the zero-padded image in steps of `stride`; each output value is the sum of "
             "the window times the kernel. The output is `floor((n + 2p - k) / s) + 1` along each side.")


def _flipped(image, kernel, stride=1, padding=0):
    return reference.conv2d(image, kernel.flip(0, 1), stride, padding)


def _pad_one_side(image, kernel, stride=1, padding=0):
    padded = F.pad(image, (padding, 0, padding, 0))
    return reference.conv2d(padded, kernel, stride, 0)


def _no_stride(image, kernel, stride=1, padding=0):
    return reference.conv2d(image, kernel, 1, padding)


def _with_expected(cases, reference_fn):
    return cases, [reference_fn(*args, **kwargs) for args, kwargs in cases]


def _conv_cases(rng, gen, *, strided: bool):
    cases = []
    for i in range(4):
        kh, kw = rng.randint(1, 4), rng.randint(1, 4)
        if i == 0:
            kh, kw = 3, 2  # a non-square, non-symmetric kernel shows a flip or a transposition
        stride = rng.randint(2, 3) if strided and i < 3 else 1
        padding = rng.randint(1, 2) if strided else 0
        h, w = rng.randint(kh + 2, 12), rng.randint(kw + 2, 12)
        image = torch.rand(h, w, generator=gen) * 2 - 1
        kernel = torch.rand(kh, kw, generator=gen) * 2 - 1
        kwargs = {"stride": stride, "padding": padding} if strided else {}
        cases.append(((image, kernel), kwargs))
    return cases


def _with_output(example: tuple) -> tuple:
    """The worked example's input and kernel, and the output torch computes from them."""
    return (*example, reference.conv2d(*example))


def q6_lecture(probe, context):
    # The lecture's, or the student's own (once per variant: the copy detection asks for every classmate's).
    image, kernel, want = context.memo(lambda: _with_output(variant.example(params(__name__, context))))
    got = _as_tensor(probe.value("q6_output"), "`q6_output`")
    if _close(got, want):
        return None
    if got.shape != want.shape:
        raise Wrong(f"`q6_output` has shape {list(got.shape)}, not the shape of the output.",
                    reveal=f"It should be {want.shape[0]}x{want.shape[1]}.")
    if _close(got, _flipped(image, kernel)):
        raise Wrong(FLIPPED[0], {"mistake": "flipped_kernel"}, reveal=FLIPPED[1])
    if _close(got, reference.conv2d(image, kernel.T)):
        raise Wrong("It looks like the kernel is transposed.", {"mistake": "transposed_kernel"},
                    reveal="`kernel[i][j]` multiplies the pixel i rows down and j columns right of the window's "
                           "corner.")
    # How many values are off is held back with the rule: told at once, it would check each value of
    # this one answer on its own (a matrix of one value v everywhere says how many of the answer's are v).
    wrong = int((~torch.isclose(got, want.to(torch.float64))).sum())
    raise Wrong("`q6_output` has the shape of the output, but not its values.",
                reveal=f"{wrong} of the {want.numel()} values are off. Each output value is the sum of the 3x3 "
                       "window times the kernel, elementwise; the window moves one pixel at a time.")


def q6_conv(probe, context):
    cases, expected = context.memo(lambda: _with_expected(
        _conv_cases(context.rng(), context.torch_generator(), strided=False), reference.conv2d))
    return _run_cases(probe, "conv2d", cases, expected,
                      [("flipped_kernel", _flipped, FLIPPED)],
                      "random images and kernels", "convolution", CONV_RULE)


def q6_conv_strided(probe, context):
    cases, expected = context.memo(lambda: _with_expected(
        _conv_cases(context.rng(), context.torch_generator(), strided=True), reference.conv2d))
    return _run_cases(probe, "conv2d", cases, expected,
                      [("flipped_kernel", _flipped, FLIPPED),
                       ("padding_one_side", _pad_one_side,
                        ("It looks like the zeros are added on one side only.",
                         "Padding p adds p rows/columns on every side (top, bottom, left, right).")),
                       ("stride_ignored", _no_stride,
                        ("It looks like the stride is ignored.",
                         "The window moves `stride` pixels at a time, in both directions."))],
                      "random images and kernels with stride and padding", "convolution", CONV_RULE)


POOL_RULE = ("Max pooling takes the maximum of each kernel_size x kernel_size block; the blocks do not overlap "
             "(stride = kernel_size), and a leftover row or column that does not fill a block is dropped.")


def _pool_overlapping(image, kernel_size=2):
    return F.max_pool2d(image[None, None], kernel_size, stride=1)[0, 0]


def _pool_average(image, kernel_size=2):
    return F.avg_pool2d(image[None, None], kernel_size)[0, 0]


def q6_pool(probe, context):
    cases, expected = context.memo(lambda: _with_expected(_pool_cases(context), reference.max_pool2d))
    return _run_cases(probe, "max_pool2d", cases, expected,
                      [("overlapping_windows", _pool_overlapping,
                        ("It looks like the window moves one pixel at a time.",
                         "Max pooling moves it by kernel_size, so the blocks do not overlap.")),
                       ("average_not_max", _pool_average,
                        ("It looks like each block is averaged.", "Max pooling keeps each block's maximum."))],
                      "random feature maps", "pooling", POOL_RULE)


def _pool_cases(context):
    rng, gen = context.rng(), context.torch_generator()
    cases = []
    for i in range(4):
        k = 2 if i < 2 else rng.randint(2, 3)
        h, w = rng.randint(2 * k, 13), rng.randint(2 * k, 13)
        if i == 0:
            h, w = 2 * rng.randint(2, 6) + 1, 2 * rng.randint(2, 6)  # an odd side: the last row is dropped
        elif i == 1:
            # even sides, at every seed: code that computes by hand only the shapes the first case has is judged on
            # another (attack rounds 60 to 64 answered an odd-height map by hand, and ran torch's pooling otherwise;
            # at seed 7 every case had an odd height)
            h, w = 2 * rng.randint(k, 6), 2 * rng.randint(k, 6)
        image = torch.rand(h, w, generator=gen) * 2 - 1
        cases.append(((image,), {}) if i == 1 else ((image,), {"kernel_size": k}))
    return cases


def _lecture_described(numbers: dict) -> str:
    # A variant's input and kernel are its prompt's, never the lecture's (variant.py refuses those).
    return f"q6_output is {'the lecture' if numbers == LECTURE else 'the prompt'}'s convolution output"


#: Public checks first, then the hidden ones, in the order they run.
CHECKS = (
    Check("easy", "q6_output is 3x3; conv2d and max_pool2d give the right answer on tiny examples",
          0, False, public.q6_easy_case),
    Check("lecture", _lecture_described(LECTURE), 1, True, q6_lecture, described=_lecture_described),
    Check("conv", "conv2d matches F.conv2d on random images and kernels, written by hand", 1, True, q6_conv),
    Check("conv_strided", "conv2d matches F.conv2d with random stride and padding, written by hand", 1,
          True, q6_conv_strided),
    Check("pool", "max_pool2d matches F.max_pool2d on random feature maps, written by hand", 1, True,
          q6_pool),
)

"""True or false on convolutions: each statement scored on its own.

Where a statement is about what PyTorch does, its truth is decided by asking
PyTorch at grading time, not by a table.
"""

from __future__ import annotations

import functools

import torch
from torch import nn

from ...checkapi import answers
from ...checkapi.verdict import Wrong
from .. import params, reference
from ..base import Check
from . import LECTURE, STATEMENTS, public
from .variant import numbered_truths


def _unbatched_conv_works() -> bool:
    try:
        return tuple(nn.Conv2d(3, 2, 3)(torch.zeros(3, 6, 6)).shape) == (2, 4, 4)
    except RuntimeError:
        return False


def _conv_count_depends_on_image() -> bool:
    # Parameters belong to the layer; run it on two image sizes and count again.
    layer = nn.Conv2d(1, 3, 3)
    before = reference.param_count(layer)
    for side in (8, 32):
        layer(torch.zeros(1, 1, side, side))
    return reference.param_count(layer) != before or reference.param_count(nn.Conv2d(1, 3, 3)) != before


#: Per statement number of prompt.md: (its truth, by torch; the hint shown when it is judged wrongly).
TRUTHS = dict(zip(range(1, STATEMENTS + 1), (
    (lambda: all(reference.conv_output_size(20, k, 1, k // 2) == 20 for k in (1, 3, 5, 7)),
     "Work out floor((n + 2p - k) / s) + 1 with p = k // 2 and an odd k."),
    (_conv_count_depends_on_image,
     "A layer's weights are its kernels and biases: does their number change with the image?"),
    (lambda: reference.param_count(nn.MaxPool2d(2)) == 0,
     "What would max pooling learn? It takes the maximum of fixed windows."),
    (lambda: reference.conv2d_params(3, 8, 5) == 608,
     "Count out x in x k x k weights plus out biases."),
    (lambda: reference.conv_output_size(10, 3, 2, 0) == 5,
     "Use floor((n + 2p - k) / s) + 1."),
    (lambda: tuple(nn.Conv2d(1, 3, (3, 3)).weight.shape) == (1, 3, 3, 3),
     "PyTorch stores a Conv2d weight as (out_channels, in_channels, kH, kW)."),
    (_unbatched_conv_works,
     "The lecture passed an image of shape (1, 100, 100) straight to a Conv2d layer."),
    (lambda: tuple(nn.MaxPool2d(2)(torch.zeros(1, 7, 7)).shape[-2:]) == (4, 4),
     "Max pooling drops a leftover row or column that does not fill a window."),
), strict=True))


@functools.lru_cache(maxsize=None)
def truth(number: int) -> bool:
    """Whether statement ``number`` holds, decided by running PyTorch (once per process)."""
    return bool(TRUTHS[number][0]())


def truth_for(number: int, numbers: dict) -> bool:
    """Statement ``number``'s truth with the student's numbers (those of the lecture: :func:`truth`)."""
    if numbers == LECTURE:
        return truth(number)
    return numbered_truths(numbers).get(number, truth(number))


def _statement(number: int):
    hint = TRUTHS[number][1]

    def run(probe, context):
        given = answers.statement_answers(probe.value("q10_answers"), STATEMENTS, "`q10_answers`")
        if type(given[number]) is not bool:
            problem, = answers.statement_problems({number: given[number]})
            raise Wrong(f"In `q10_answers`, {problem}, not True or False.")
        if given[number] != truth_for(number, params(__name__, context)):
            raise Wrong(f"Statement {number} is not judged right.", reveal=hint)
    return run


#: Public checks first, then the hidden ones, in the order they run.
CHECKS = (
    Check("format", f"q10_answers has a True/False answer for each of the {STATEMENTS} statements", 0, False,
          public.q10_format),
    *(Check(f"s{n}", f"statement {n} is judged right", 0.25, True, _statement(n)) for n in TRUTHS),
)

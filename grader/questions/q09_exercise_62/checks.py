"""Exercise 6.2: each statement scored on its own, its truth decided by asking PyTorch at grading time."""

from __future__ import annotations

import functools

import torch
from torch import nn

from ...checkapi import answers
from ...checkapi.verdict import Wrong
from .. import params
from ..base import Check
from . import LETTERS, public

#: Per letter of prompt.md: (its truth, by torch; the hint shown when it is judged wrongly).
STATEMENTS = dict(zip(LETTERS, (
    (lambda: nn.Conv2d(1, 1, 3)(torch.zeros(1, 1, 5, 5)).dim() == 2,
     "Recall the shape a Conv2d layer takes: (batch, channels, height, width), or (channels, height, width)."),
    (lambda: nn.Conv2d(1, 1, 3)(torch.zeros(1, 1, 5, 5)).dim() == 2,
     "A convolution's output keeps the layout of its input: a batch of channels of 2-D feature maps."),
    (lambda: nn.Conv2d(1, 3, 3).weight.dim() == 4,
     "Recall how PyTorch stores a convolution's kernels: (out_channels, in_channels, kH, kW)."),
    (lambda: False,
     "'Always' is a strong word: a parameter count depends on the sizes of the layers, not only on how many "
     "there are. A narrow layer in front of a wide one can save more than it costs."),
    (lambda: False,
     "Compare the lecture's CNNs: the count depends on channels, kernel sizes and above all on the size of "
     "the Linear layer after flattening, which pooling and extra layers can shrink."),
), strict=True))


@functools.lru_cache(maxsize=None)
def truth(letter: str) -> bool:
    """Whether statement ``letter`` holds, decided by running PyTorch (once per process)."""
    return bool(STATEMENTS[letter][0]())


def _statement(letter: str):
    """Statement ``letter`` as the student's notebook lists it (the statements' order varies)."""
    def run(probe, context):
        chosen = answers.letter_set(probe.value("q9_true"), LETTERS, "`q9_true`")
        original = params(__name__, context)["order"][LETTERS.index(letter)]
        if (letter in chosen) != truth(original):
            raise Wrong(f"Statement ({letter}) is not judged right.", reveal=STATEMENTS[original][1])
    return run


#: Public checks first, then the hidden ones, in the order they run.
CHECKS = (
    Check("format", f"q9_true is a set of letters from {LETTERS[0]} to {LETTERS[-1]}", 0, False, public.q9_format),
    *(Check(k, f"statement ({k}) is judged right", 0.4, True, _statement(k)) for k in LETTERS),
)

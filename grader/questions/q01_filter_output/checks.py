"""Exercise 6.1: the shape of a filter's output on an input feature map (3x3 on 4x4 in the lecture)."""

from __future__ import annotations

from ...checkapi import answers
from ...checkapi.verdict import Wrong
from .. import params
from ..base import Check
from . import LECTURE, LETTERS, public
from .variant import answers as reference_answers


def q1_answer(probe, context):
    answer = answers.letter(probe.value("q1_answer"), LETTERS, "`q1_answer`")
    numbers = params(__name__, context)
    correct = reference_answers(numbers)["answer"]
    if answer != correct:
        raise Wrong(f"({answer}) is not the shape of the output.",
                    reveal="Without padding a kernel only goes where it fits entirely: count the positions a "
                           f"{numbers['kernel']}-wide filter can take along a {numbers['input']}-wide row "
                           "(`input - kernel + 1`).")


def _answer_described(numbers: dict) -> str:
    return (f"the chosen shape is the one a {numbers['kernel']}x{numbers['kernel']} filter produces on a "
            f"{numbers['input']}x{numbers['input']} input")


#: Public checks first, then the hidden ones, in the order they run.
CHECKS = (
    Check("format", "q1_answer is one of the letters A, B, C", 0, False, public.q1_format),
    Check("answer", _answer_described(LECTURE), 1, True, q1_answer, described=_answer_described),
)

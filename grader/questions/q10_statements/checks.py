"""True or false on convolutions: each statement scored on its own.

Where a statement is about what PyTorch does, its truth is decided by asking
PyTorch at grading time, not by a table.
"""

from __future__ import annotations

import functools
import json

from ...checkapi import answers
from ...checkapi.verdict import Wrong
from .. import params
from ..base import Check
from . import LECTURE, STATEMENTS, public
from .variant import TRUTHS, numbered_truths, truth


@functools.lru_cache(maxsize=1024)
def _numbered_truths(numbers: str) -> dict:
    return numbered_truths(json.loads(numbers))


def truth_for(number: int, numbers: dict) -> bool:
    """Statement ``number``'s truth with the student's numbers (those of the lecture: :func:`truth`).

    Once per variant: torch builds layers to decide it, and eight checks ask (the copy detection asks
    again for every classmate's numbers)."""
    if numbers == LECTURE:
        return truth(number)
    return _numbered_truths(json.dumps(numbers, sort_keys=True)).get(number, truth(number))


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

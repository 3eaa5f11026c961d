"""Name the mistake behind a wrong answer.

A check that finds an answer wrong compares it with what each common mistake
would have produced on the same inputs.  The first mistake that reproduces
every one of the student's answers gives the feedback; feedback names the
misconception and the rule, never a hidden input or an expected value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from ..judged.verdict import Wrong


@dataclass(frozen=True)
class Mistake:
    """A common wrong way to compute something, and what to tell a student who made it."""

    name: str
    """Short id, e.g. ``padding_once``; reports group failures by it."""
    compute: Callable
    """Same inputs as the reference; returns what the mistake produces."""
    feedback: str
    """The explanation a student reads."""


def diagnose(cases: Sequence[tuple], answers: Sequence, mistakes: Iterable[Mistake]) -> Mistake | None:
    """The first mistake whose results equal ``answers`` on every case, if any."""
    for mistake in mistakes:
        try:
            if all(_same(mistake.compute(*case), answer) for case, answer in zip(cases, answers)):
                return mistake
        except (ArithmeticError, ValueError, TypeError):
            continue
    return None


def _same(a, b) -> bool:
    return type(a) is type(b) and a == b


def compare_cases(cases: Sequence[tuple], answers: Sequence, expected: Sequence, mistakes: Iterable[Mistake],
                  *, rule: str, what: str) -> None:
    """Raise :class:`Wrong` unless ``answers == expected`` case by case.

    Args:
        cases: the inputs (kept in the judge; never quoted in feedback).
        answers: what the submission returned for each case.
        expected: the reference results.
        mistakes: candidates tried by :func:`diagnose`.
        rule: the correct rule, quoted when no mistake matches.
        what: a phrase naming the cases, e.g. "random configurations with stride > 1".
    """
    wrong = sum(1 for a, e in zip(answers, expected) if not _same(a, e))
    if not wrong:
        return
    found = diagnose(cases, answers, mistakes)
    head = f"Wrong on {wrong} of {len(cases)} {what}."
    if found:
        raise Wrong(f"{head} {found.feedback}", {"mistake": found.name})
    raise Wrong(f"{head} {rule}", {"mistake": None})

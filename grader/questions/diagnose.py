"""Name the mistake behind a wrong answer.

A check that finds an answer wrong compares it with what each common mistake
would have produced on the same inputs.  The first mistake that reproduces
every one of the student's answers gives the feedback: it names the
misconception (always shown) and explains the rule (shown only in full
feedback), never with a hidden input or an expected value.
Inputs are drawn (:func:`separating`) so that no two mistakes give the same
answers, so "the first" is the only one, whatever the seed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from ..checkapi.verdict import Wrong


@dataclass(frozen=True)
class Mistake:
    """A common wrong way to compute something, and what to tell a student who made it."""

    name: str
    """Short id, e.g. ``padding_once``; reports group failures by it."""
    compute: Callable
    """Same inputs as the reference; returns what the mistake produces."""
    feedback: str
    """What the student did, named without giving the answer away ("the padding is added once")."""
    reveal: str = ""
    """The rule that corrects it, shown only in full feedback ("padding p adds p pixels on each side")."""


def _results(mistake: Mistake, cases: Sequence[tuple]) -> list | None:
    """What ``mistake`` gives on each case; None when it cannot compute one."""
    try:
        return [mistake.compute(*case) for case in cases]
    except (ArithmeticError, ValueError, TypeError):
        return None


def told_apart(cases: Sequence[tuple], expected: Sequence, mistakes: Iterable[Mistake]) -> bool:
    """Whether no two mistakes that get some case wrong give the same answers on every case.

    When two do, :func:`diagnose` can only name the first, and a student who made the
    second is told about a mistake they did not make, for this draw of inputs only.
    """
    seen: list[list] = []
    for mistake in mistakes:
        results = _results(mistake, cases)
        if results is None or all(_same(r, e) for r, e in zip(results, expected)):
            continue  # not a mistake on these cases: it costs nothing here, so it needs no name
        if any(all(_same(a, b) for a, b in zip(results, other)) for other in seen):
            return False
        seen.append(results)
    return True


def separating(draw: Callable, reference: Callable, mistakes: Sequence[Mistake], attempts: int = 200) -> Callable:
    """``draw(rng)``, drawn again (from the same rng) until :func:`told_apart` holds.

    The diagnosis, like the points, must not depend on the seed: every draw a check
    uses tells each of its mistakes from the others.

    Args:
        draw: ``draw(rng)`` returns a list of cases, each a tuple of the reference's arguments.
        reference: the right answer, ``reference(*case)``.
        mistakes: the mistakes the check names.
        attempts: draws tried before giving up.

    Returns:
        ``cases(rng)``, a draw function with the same signature.
    """
    def cases(rng):
        for _ in range(attempts):
            drawn = draw(rng)
            if told_apart(drawn, [reference(*c) for c in drawn], mistakes):
                return drawn
        raise AssertionError(f"{draw.__name__} found no draw that tells its mistakes apart")  # pragma: no cover
    cases.__name__ = draw.__name__
    return cases


def diagnose(cases: Sequence[tuple], answers: Sequence, mistakes: Iterable[Mistake]) -> Mistake | None:
    """The first mistake whose results equal ``answers`` on every case, if any."""
    for mistake in mistakes:
        results = _results(mistake, cases)
        if results is not None and all(_same(r, answer) for r, answer in zip(results, answers)):
            return mistake
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
        rule: the correct rule, revealed (in full feedback) when no mistake matches.
        what: a phrase naming the cases, e.g. "random configurations with stride > 1".

    Raises:
        Wrong: some answer differs.  The feedback counts the wrong cases and names the first
            mistake that reproduces every answer (its ``feedback``, and its ``reveal`` as the
            reveal); ``details["mistake"]`` is its name, or None (then the reveal is ``rule``).
    """
    wrong = sum(1 for a, e in zip(answers, expected) if not _same(a, e))
    if not wrong:
        return
    found = diagnose(cases, answers, mistakes)
    head = f"Wrong on {wrong} of {len(cases)} {what}."
    if found:
        raise Wrong(f"{head} {found.feedback}", {"mistake": found.name}, reveal=found.reveal)
    raise Wrong(head, {"mistake": None}, reveal=rule)

"""The shape of a question: its text, starter code, solution and checks."""

from __future__ import annotations

import functools
import hashlib
import random
import threading
from dataclasses import dataclass, field
from typing import Callable

from ..checkapi.verdict import Verdict


@dataclass(frozen=True)
class Context:
    """What a check may use besides the probe: its own seeded randomness."""

    seed: int
    """The grading run's seed; a check derives its own streams from it."""
    check_id: str = ""
    """The check's id (``q2.stride``): each check's streams are its own."""
    variant: dict | None = field(default=None, hash=False, compare=False)
    """The student's numbers, ``{question id: parameters}`` (:mod:`grader.variants`); None for the
    lecture's.  A check reads its question's with :func:`grader.questions.params`."""

    def rng(self, stream: str = "") -> random.Random:
        """A ``random.Random`` private to this check (and ``stream``).

        The same seed, check and stream give the same draws on any machine, whatever other
        checks ran before: a check's hidden inputs do not depend on the order of grading.

        Args:
            stream: a name for a second, independent stream of the same check.

        Returns:
            A fresh ``random.Random``, seeded from (seed, check id, stream).

        Example:
            >>> Context(seed=7, check_id="q11.random").rng().randint(2, 15) == Context(7, "q11.random").rng().randint(2, 15)
            True
        """
        return random.Random(derive_seed(self.seed, self.check_id, stream))

    def model_input_seed(self, name: str) -> int:
        """The seed of the random input (uniform in [-1, 1)) a model named ``name`` is probed on.

        One per grading seed and model, whatever the check: the checks that look at the same
        model on the same input shape (public ones too) share one description (the probe caches
        it) instead of each running the model.  A model cannot special-case zeros or one shape.
        """
        return random.Random(f"{self.seed}:{name}").randint(0, 2**31 - 1)

    def torch_generator(self, stream: str = ""):
        """A ``torch.Generator`` private to this check (and ``stream``).

        Args:
            stream: a name for a second, independent stream of the same check.

        Returns:
            A fresh ``torch.Generator``, seeded from (seed, check id, stream): pass it as
            ``generator=`` to ``torch.rand`` and friends.
        """
        import torch

        return torch.Generator().manual_seed(derive_seed(self.seed, self.check_id, stream) % 2**63)


    def memo(self, compute: Callable, *key):
        """``compute()``, once per (seed, check, key) in this process.

        A check's hidden inputs and reference results depend only on the seed and the
        question's numbers (the student's variant), and a grading run uses one seed for the
        whole class: they are computed for the first submission of each variant and reused
        for the others.  Cached values are never mutated.

        Args:
            compute: makes the value, from this context's streams only (never from the probe).
            *key: tells apart several values of one check.

        Returns:
            What ``compute()`` returned, the first time for this (seed, check, key).
        """
        k = (self.seed, self.check_id, self._numbers(), key)
        try:
            return _MEMO[k]
        except KeyError:
            pass
        value = compute()
        with _MEMO_LOCK:
            if len(_MEMO) >= _MEMO_SIZE:
                _MEMO.clear()
            return _MEMO.setdefault(k, value)


    def _numbers(self) -> str | None:
        """This check's question's numbers as a key (None: the lecture's)."""
        if not self.variant:
            return None
        import json

        return json.dumps(self.variant.get(self.check_id.split(".", 1)[0]), sort_keys=True)


_MEMO: dict = {}
_MEMO_LOCK = threading.Lock()
_MEMO_SIZE = 4096


def derive_seed(seed: int, *parts: str) -> int:
    """A 64-bit seed of its own for each (seed, *parts): SHA-256 of them joined with ``:``, its first 8 bytes."""
    digest = hashlib.sha256(":".join([str(seed), *parts]).encode()).digest()
    return int.from_bytes(digest[:8], "big")


@dataclass(frozen=True)
class Check:
    """One gradable claim about a submission."""

    id: str
    """Stable identifier, ``q2.stride``; the Otter test case is named after it.  A question's
    ``checks.py`` gives the part after the dot; the bank prefixes the question's id."""
    description: str
    """What it tests, in words a student understands.  Shown for hidden checks
    too, so it never names a hidden input or an expected value."""
    points: float
    """Points it is worth; a question's checks add up to the question's points."""
    hidden: bool
    """Hidden checks decide the grade; public ones are what students can run."""
    run: Callable[..., Verdict | None] = field(repr=False)
    """``run(probe, context)``: returns None or a Verdict, or raises ``Wrong``."""
    described: Callable[[dict], str] | None = field(default=None, repr=False, compare=False)
    """For a description that names the question's numbers: ``described(numbers)`` is the description with
    a student's numbers (:attr:`description` is the lecture's, ``described(LECTURE)``)."""
    first: Callable[..., None] | None = field(default=None, repr=False, compare=False)
    """``first(probe, context)``: what must reach the submission before any check of it runs (the judge's training
    of the models: :func:`grader.questions.model_checks.trained_first`); what it finds, the checks ask for."""

    @property
    def question(self) -> str:
        """The question's id, the part of :attr:`id` before the dot (``q2``)."""
        return self.id.split(".", 1)[0]

    def description_for(self, variant: dict | None) -> str:
        """The description a student with ``variant``'s numbers reads.

        Args:
            variant: ``{question id: parameters}`` (:attr:`Context.variant`); None for the lecture's.

        Returns:
            :attr:`description`, or with :attr:`described` the one of the student's numbers.
        """
        if self.described is None or not variant or self.question not in variant:
            return self.description
        return self.described(variant[self.question])


@dataclass(frozen=True)
class Question:
    """One exercise: the notebook text, the code cells, and how it is graded."""

    id: str
    """``q1`` ... ``q10``."""
    title: str
    """Short title shown in the notebook and reports."""
    topic: str
    """Which part of the lecture it exercises."""
    texts: Callable[[], dict] = field(repr=False, compare=False)
    """Makes ``{"prompt", "starter", "solution"}``: rendered on first use (grading never needs them, and rendering
    every question's templates cost each Gradescope run a tenth of a second)."""
    checks: tuple[Check, ...] = ()
    """Public and hidden checks, in the order they run."""
    folder: str = ""
    """Its folder under ``grader/questions``."""

    @functools.cached_property
    def _rendered(self) -> dict:
        return self.texts()

    @property
    def prompt(self) -> str:
        """Markdown prompt: enough to answer without the lecture open."""
        return self._rendered["prompt"]

    @property
    def starter(self) -> str:
        """The student's code cell, with ``...`` where answers go."""
        return self._rendered["starter"]

    @property
    def solution(self) -> str:
        """The same cell answered; it must score full marks."""
        return self._rendered["solution"]

    @property
    def points(self) -> float:
        return round(sum(c.points for c in self.checks), 6)

    @property
    def public_checks(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if not c.hidden)

    @property
    def hidden_checks(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if c.hidden)

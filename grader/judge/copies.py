"""Copied answers: a submission whose answers are another student's numbers' answers.

A notebook's metadata names the variant it was handed out for (:func:`grader.judge.grading.carried_variant`),
but the student controls it: rewritten, deleted, or a script (no metadata at all), it says nothing.  What
the judge controls is the answers themselves.  Every value the checks read from a submission
(``probe.value``) comes back as plain data; once the whole class is graded, those values are judged
again, in this process, against each classmate's numbers:

* ``lost``: the questions whose value checks fail on the student's own numbers;
* for each other variant V of the roster (and the lecture's), ``fits(V)``: those of ``lost`` whose
  value checks all pass on V's numbers.

Only answers that identify numbers count: a wrong answer that would be right for more than
:data:`COMMON_SHARE` of :data:`SAMPLE` variants drawn at random (an option letter, a set of statements, a
truth table: few possible answers) is no evidence of whose numbers it was written for, however small the
class.  A row is flagged when the best ``|fits(V)|`` over those identifying questions is at least
:data:`MIN_QUESTIONS` and at most :data:`MAX_CANDIDATES` variants reach it: wrong on its own numbers,
right on one classmate's, in several questions at once.  An honest mistake costs one question, and is
not flagged; nor is a single copied answer (left to the instructor).  A flag changes no points; it is a
line for the instructor's report (``grades.json``: ``variant.fits``), never on the student's page, which
must not name a classmate.

Only checks that ask nothing but values are judged again: a check that would call a function or build a
model (:class:`AnsweredValues` refuses those) is left out, since its answer is the same code on any
numbers.
"""

from __future__ import annotations

import itertools
import math
import time
from dataclasses import dataclass, field

from ..checkapi.probe import Probe
from ..checkapi.protocol import Answer
from ..checkapi.verdict import evaluate
from ..questions.base import Check, Context

#: Questions that must fit another student's numbers before a row is flagged.
MIN_QUESTIONS = 2
#: At most this many variants may fit as well as the best one: more, and the answers identify nobody.
MAX_CANDIDATES = 3
#: Random variants that tell an identifying answer from a common one; their seeds are fixed, so a flag
#: is the same on every run.
SAMPLE = 64
SAMPLE_SEEDS = range(2**40, 2**40 + SAMPLE)
#: A wrong answer right for more than this share of the sample is a common one.
COMMON_SHARE = 1 / 8
#: CPU seconds the judge may spend on it in one batch (about 3 ms per suspect and classmate).
COPY_SECONDS = 60.0
#: The name the lecture's numbers go by among the candidates.
LECTURE = "the lecture's numbers"


class AnsweredValues(Probe):
    """A probe that answers ``value`` from what a submission answered, and refuses everything else.

    ``recorded``: the sandboxed probe's values (name -> (value, NameMissing or None)), plain data.
    """

    def __init__(self, recorded: dict):
        self._values = dict(recorded)
        self.asked_more = False
        self.missing = False

    def send(self, request: dict) -> dict:
        self.asked_more = True
        return {Answer.REFUSED: "only the values the submission answered are at hand"}

    def value(self, name: str):
        if name in self._values and self._values[name][1] is not None:
            self.missing = True  # no answer fits anybody's numbers: not a comparison of values
        return super().value(name)


def variant_params(record: dict) -> dict | None:
    """The numbers of the variant a row records (``{"tag", "seed"}``), drawn again from its seed; None: the
    lecture's."""
    from ..variants import from_record

    variant = from_record(record)
    return None if variant.is_lecture else variant.params


#: The most scalars one answer kept for the copy check may hold (an honest answer holds a few dozen): a larger one
#: identifies nobody, and the batch keeps what it keeps until the class is graded (attack round 7: nine answers of
#: 495,000 strings each kept 320 MiB of the judge's memory a file, some 60 files to exhaust the machine).
MAX_KEPT_SCALARS = 4096


def recorded_values(probe: Probe) -> dict:
    """What ``probe`` read with ``value`` (name -> (value, missing)), for :class:`AnsweredValues`: the answers of
    at most :data:`MAX_KEPT_SCALARS` scalars each (a larger one is left out, as if not answered)."""
    return {name: answer for name, answer in probe.__dict__.get("_values", {}).items()
            if _scalars(answer[0], MAX_KEPT_SCALARS) <= MAX_KEPT_SCALARS}


def _scalars(value, limit: int) -> int:
    """How many scalars ``value`` holds (a string one per 64 characters), counted up to just past ``limit``."""
    count, todo = 0, [value]
    while todo and count <= limit:
        item = todo.pop()
        count += 1
        if isinstance(item, (str, bytes)):
            count += len(item) // 64
        elif isinstance(item, dict):  # the first items only: no copy of a huge answer to count it
            todo += [part for pair in itertools.islice(item.items(), limit + 1) for part in pair]
        elif isinstance(item, (list, tuple, set, frozenset)):
            todo += itertools.islice(item, limit + 1)
        elif isinstance(getattr(item, "shape", None), tuple):  # a wire.Array: its elements
            count += math.prod(d for d in item.shape if isinstance(d, int)) if item.shape else 0
    return count


@dataclass
class Answered:
    """One graded submission's values, and the numbers it was graded against."""

    rows: list
    """Its rows (:class:`~grader.records.SubmissionResult`; a group has one a student)."""
    values: dict
    tag: str
    params: dict | None
    """The variant's numbers (None: the lecture's)."""
    lost: dict[str, list[Check]] = field(default_factory=dict)
    """Question -> its value checks, for each question whose value checks fail on its own numbers."""
    fits: dict[str, set[str]] = field(default_factory=dict)
    """Candidate -> the questions of ``lost`` its numbers fit."""


def _passes(check: Check, values: dict, seed: int, params: dict | None) -> bool | None:
    """Whether ``check`` passes on ``values`` with ``params``; None when it needs more than values."""
    probe = AnsweredValues(values)
    verdict = evaluate(check.run, probe, Context(seed=seed, check_id=check.id, variant=params))
    return None if probe.asked_more or probe.missing else verdict.passed


def _lost(answered: Answered, checks: list[Check], seed: int) -> dict[str, list[Check]]:
    by_question: dict[str, list[Check]] = {}
    failing: set[str] = set()
    for check in checks:
        passed = _passes(check, answered.values, seed, answered.params)
        if passed is None:
            continue
        by_question.setdefault(check.question, []).append(check)
        if not passed:
            failing.add(check.question)
    return {q: by_question[q] for q in failing}


def _fitting(answered: Answered, params: dict | None, seed: int, need: int = 0) -> set[str]:
    """The questions of ``answered.lost`` whose value checks all pass on ``params``; an empty set as soon as
    fewer than ``need`` of them can."""
    fit: set[str] = set()
    for left, (q, qchecks) in zip(range(len(answered.lost) - 1, -1, -1), answered.lost.items()):
        if all(_passes(c, answered.values, seed, params) for c in qchecks):
            fit.add(q)
        elif len(fit) + left < need:
            return set()
    return fit


def flag_copies(graded: list[Answered], classmates: list[tuple[str, object]], checks: list[Check], seed: int, *,
                seconds: float = COPY_SECONDS) -> int | None:
    """Flag each of ``graded`` whose answers fit another student's numbers; the number flagged, or None when
    judging them all would take more than ``seconds`` of CPU (then nothing is flagged: a flag must have weighed
    every classmate).

    ``classmates``: (student id, :class:`grader.variants.Variant`) of everyone on the roster.  The
    lecture's numbers are a candidate too (last year's notebook).  Each candidate's references are
    computed once, for every row at once.
    """
    from ..variants import from_seed, lecture

    # The CPU time of this thread: on a loaded machine the wall clock says more of the load than of the work.
    deadline = time.thread_time() + seconds

    suspects = []
    for answered in graded:
        if time.thread_time() > deadline:
            return None
        answered.lost = _lost(answered, checks, seed)
        if len(answered.lost) >= MIN_QUESTIONS:
            suspects.append(answered)
    if not suspects:
        return 0
    common = {id(a): {q: 0 for q in a.lost} for a in suspects}
    for sample_seed in SAMPLE_SEEDS:
        if time.thread_time() > deadline:
            return None
        params = from_seed(sample_seed).params
        for answered in suspects:
            for q in _fitting(answered, params, seed):
                common[id(answered)][q] += 1
    for answered in suspects:  # the rarest first: a classmate who misses one is often done with early
        rare = sorted((c, q) for q, c in common[id(answered)].items() if c <= COMMON_SHARE * SAMPLE)
        answered.lost = {q: answered.lost[q] for _, q in rare}
    candidates = [(sid, v.tag, None if v.is_lecture else v.params) for sid, v in classmates]
    candidates.append((LECTURE, lecture().tag, None))
    for name, tag, params in candidates:
        if time.thread_time() > deadline:
            return None
        for answered in suspects:
            if tag != answered.tag and len(answered.lost) >= MIN_QUESTIONS:
                fit = _fitting(answered, params, seed, need=MIN_QUESTIONS)
                if fit:
                    answered.fits[name] = fit
    order = list(dict.fromkeys(c.question for c in checks))
    flagged = 0
    for answered in suspects:
        best = max((len(f) for f in answered.fits.values()), default=0)
        names = sorted(n for n, f in answered.fits.items() if len(f) == best)
        if best < MIN_QUESTIONS or len(names) > MAX_CANDIDATES:
            continue
        fitting = set().union(*(answered.fits[n] for n in names))
        questions = [q for q in order if q in fitting]
        for row in answered.rows:
            row.variant = dict(row.variant or {}, fits={"students": names, "questions": questions})
        flagged += 1
    return flagged

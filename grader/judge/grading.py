"""Grade submissions: run every check against a sandboxed worker and total the points.

Grading is a pure function of (submission bytes, seed, limits): the same
inputs give the same row on any machine, which is what lets ``--resume``
reuse a result, and any executor (a thread here, a Gradescope container
there) run it.
"""

from __future__ import annotations

import hashlib
import secrets
import time

from ..checkapi.protocol import TYPE_TEXT_PREFIX, Key, UnitStatus
from ..checkapi.verdict import Verdict, evaluate
from ..errors import GraderError
from ..questions import bank, static
from ..questions.base import Check, Context, derive_seed
from ..records import CheckResult, EventKind, Lateness, Status, SubmissionResult
from .copies import recorded_values
from .engine import ForkServerClient, Limits, SandboxProbe
from .submission import Source, Submission, load_bounded


#: The stream of a run's seed the worker's default generators are seeded from (no check's id: they have a dot).
WORKER_RANDOM_STREAM = "worker"


def read_code_digests(submission: Submission) -> tuple[str, ...]:
    """The SHA-256 digests of the texts the submission writes to files that the judge reads as code (``%%writefile
    helpers.py``), of its docstrings' examples, and of what it writes where a library may evaluate it as a type
    (:func:`static.type_texts`, prefixed :data:`TYPE_TEXT_PREFIX`): in the worker, the only code written at run time,
    the only doctest examples, and the only texts typing may evaluate for it, that may run
    (grader.worker.written_code)."""
    units = tuple(submission.units)
    texts = static.written_code_texts(units) + static.docstring_example_sources(units) + [
        TYPE_TEXT_PREFIX + text for text in static.type_texts(units)]
    return tuple(sorted({hashlib.sha256(text.encode("utf-8")).hexdigest() for text in texts}))


def run_seed(seed: int | None = None) -> int:
    """``seed``, or a fresh one (64 random bits) when it is None: the one place a grading run's seed is drawn.

    Every hidden input derives from it (:meth:`grader.questions.base.Context.rng`, through the seed key in a
    batch: :mod:`grader.judge.seed_key`); a run records it (``grades.json``) so that it can be graded again
    alike.  A worker's generators start from a digest of it (:data:`WORKER_RANDOM_STREAM`): 64 bits are too
    many for a submission to find the seed from that digest by trying them all.
    """
    return secrets.randbits(64) if seed is None else seed


def _questions(checks: list[Check]) -> list:
    return [q for q in bank.QUESTIONS if any(c.question == q.id for c in checks)]


def max_scores(questions) -> dict[str, float]:
    return {q.id: q.points for q in questions}


def submitted(source: Source) -> Lateness:
    """What the export recorded about when ``source`` was submitted; :mod:`grader.lateness` judges it."""
    return Lateness(submitted_at=source.submitted_at, canvas_mark=source.canvas_late)


def invalid_result(source: Source, error: str, checks: list[Check], *,
                   status: Status = Status.INVALID) -> SubmissionResult:
    """The row of a submission that could not even be read: zero on every question graded."""
    maxima = max_scores(_questions(checks))
    owner = source.owners[0]
    # The reason only: the row names the file, and the grader's path to it is no business of the
    # student's page (nor of the class report's problem rows).
    prefix = f"{source.label}: "
    reason = (error[len(prefix):] if error.startswith(prefix) else error).replace(str(source.path), source.name)
    return SubmissionResult(student=owner.id, name=owner.name, id_kind=owner.kind, submission=source.name,
                            source=source.label, file=source.relative or source.name,
                            sha256=None, status=status, error=reason, scores={q: 0.0 for q in maxima},
                            max_scores=maxima, total=0.0, max_total=round(sum(maxima.values()), 4),
                            lateness=submitted(source))


def run_checks(probe, checks: list[Check], seed: int, variant=None) -> list[CheckResult]:
    """Every check's result; ``variant`` (:class:`grader.variants.Variant`): the student's numbers, the
    lecture's when None."""
    numbers = None if variant is None or variant.is_lecture else variant.params
    for check in checks:  # (their outcomes are the checks' to tell, when these ask for what they found)
        if check.first is not None:
            evaluate(check.first, probe, Context(seed=seed, check_id=check.id, variant=numbers))
    results = []
    for check in checks:
        verdict: Verdict = evaluate(check.run, probe, Context(seed=seed, check_id=check.id, variant=numbers))
        results.append(CheckResult(
            id=check.id, question=check.question, description=check.description_for(numbers), hidden=check.hidden,
            points=check.points if verdict.passed else 0.0, max_points=check.points, outcome=verdict.outcome,
            feedback=verdict.feedback, reveal=verdict.reveal, details=verdict.details))
    return results


def status_of(units: list[dict], events: list[dict], checks: list[CheckResult]) -> tuple[Status, str | None]:
    """The row's status and its first explanation: the most severe thing that happened.

    A unit counts as :attr:`UnitStatus.counts_as` says, an event as :attr:`EventKind.counts_as` says.
    A unit is named by its ``label`` (see :attr:`Submission.labels`).
    """
    found: dict[str, str] = {}
    for u in units:
        unit_status = UnitStatus.parse(u[Key.STATUS])
        kind = unit_status.counts_as if unit_status is not None else None
        if kind is not None:
            where = u.get("label") or f"cell {u[Key.INDEX] + 1}"
            found.setdefault(kind, f"{where}: {u[Key.ERROR]}" if u.get(Key.ERROR) else kind)
    for e in events:
        event_kind = EventKind.parse(e["kind"])
        kind = event_kind.counts_as if event_kind is not None else None
        if kind is not None:
            found.setdefault(kind, e["detail"])
    for c in checks:
        if c.outcome in (Status.MEMORY, Status.TIMEOUT, Status.KILLED):
            found.setdefault(c.outcome, f"{c.id}: {c.feedback}")
    for status in Status:
        if status in found:
            return status, found[status]
    return Status.OK, None


def warm_up(seed: int, checks: list[Check] | None = None) -> None:
    """Compute every check's hidden inputs and reference results for ``seed`` before grading starts.

    Checks memoise these per seed (see :meth:`Context.memo`), so the first
    submission would otherwise pay for them.  Runs the reference solutions,
    which are the judge's own code, against the checks in this process.
    """
    from ..checkapi.probe import LocalProbe
    from ..worker.cells import run_units

    namespace = {"__name__": "__main__"}
    run_units([q.solution for q in bank.QUESTIONS], namespace, timeout=None)
    run_checks(LocalProbe(namespace), list(checks if checks is not None else bank.CHECKS.values()), seed)


def grade(submission: Submission, server: ForkServerClient, *, seed: int, limits: Limits, slot: int = 0,
          checks: list[Check] | None = None, started: float | None = None, variant=None,
          answered: dict | None = None) -> SubmissionResult:
    """Grade one parsed submission in a fresh sandboxed worker.

    ``started``: the ``time.monotonic()`` instant the submission's time budget began (reading it
    counts too); default now.  ``answered``: filled with the values the checks read (see
    :func:`grader.judge.copies.recorded_values`), for judging them again on other numbers.
    """
    started = time.monotonic() if started is None else started
    checks = list(checks if checks is not None else bank.CHECKS.values())
    questions = _questions(checks)
    # The worker's generators start from the run's seed too (its own stream): the same file graded again with the
    # same seed draws the same initial weights, and so gets the same grade.
    probe = SandboxProbe(server, submission, limits, slot=slot, started=started,
                         random_seed=derive_seed(seed, WORKER_RANDOM_STREAM), read_code=read_code_digests(submission))
    try:
        probe.start()
        results = run_checks(probe, checks, seed, variant)
    finally:
        probe.close()
    if answered is not None:
        answered.update(recorded_values(probe))
    if probe.log.forged:
        probe.log.events.append({"kind": EventKind.FORGED, "detail": f"dropped {probe.log.forged} message(s) that "
                                 "the submission wrote into the grader's connection"})
    if probe.log.unanswered:
        probe.log.events.append({"kind": EventKind.UNANSWERED, "detail": (
            f"the grader could not tell whether threads ran beside the submission: {probe.log.unanswered} "
            "question(s) about its threads went unanswered in time (the worker process was busy), and the checks "
            "that asked counted a thread module it imports as running")})
    for u in probe.log.units:
        u["label"] = submission.label(u[Key.INDEX])
    status, error = status_of(probe.log.units, probe.log.events, results)
    scores = {q.id: round(sum(r.points for r in results if r.question == q.id), 4) for q in questions}
    maxima = max_scores(questions)
    owner = submission.source.owners[0]
    return SubmissionResult(
        student=owner.id, name=owner.name, id_kind=owner.kind, lateness=submitted(submission.source),
        submission=submission.name, source=submission.source.label,
        file=submission.source.relative or submission.name,
        sha256=submission.sha256, status=status, error=error, scores=scores, max_scores=maxima,
        total=round(sum(scores.values()), 4), max_total=round(sum(maxima.values()), 4), checks=results,
        units=probe.log.units, events=probe.log.events, notes=list(submission.notes),
        isolation=probe.log.isolation, seconds=round(time.monotonic() - started, 3),
        maxrss_kb=probe.log.maxrss_kb, cpu_seconds=round(probe.log.cpu_seconds, 3),
        outside_kills=probe.log.outside_kills)


def grade_source(source: Source, server: ForkServerClient, *, seed: int, limits: Limits, slot: int = 0,
                 checks: list[Check] | None = None, roster=None, answered: dict | None = None) -> SubmissionResult:
    """Read and grade one submission; an unreadable one becomes an ``invalid`` row.

    Reading counts against the submission's time limit: one that takes it all to read is a
    ``timeout`` row.  ``roster`` (:class:`grader.variants.roster.ClassVariants` or ``EmailVariants``):
    grade against the numbers of the submission's (first) student; one it has none for gets an
    ``unlisted`` row.  ``answered``: as :func:`grade`'s.
    """
    if roster is None:
        return _grade_source(source, server, seed=seed, limits=limits, slot=slot, checks=checks)
    variant = roster.variant_of(source.owners[0].id)
    if variant is None:
        return invalid_result(source, roster.missing(source.owners[0].id),
                              list(checks if checks is not None else bank.CHECKS.values()), status=Status.UNLISTED)
    result = _grade_source(source, server, seed=seed, limits=limits, slot=slot, checks=checks, variant=variant,
                           answered=answered)
    result.variant = {"tag": variant.tag, "seed": variant.seed}
    carried = carried_variant(source)
    if carried is not None and carried != variant.tag:
        result.variant["carried"] = carried
        result.notes.append(f"This notebook was handed out for other numbers (variant {carried}) than this "
                            f"student's ({variant.tag}): a copied notebook? It was graded against this student's.")
    return result


def carried_variant(source: Source) -> str | None:
    """The variant tag a notebook's metadata names (``cnn-grader variants`` writes it); None if none.

    Read by the bounded reader (:func:`~grader.judge.submission.notebook_variant`): a large notebook is
    parsed in a child within the reader's time and memory, never in the judge (attack round 10).
    """
    from ..packaging.notebooks import VARIANT_METADATA
    from .submission import notebook_variant

    return notebook_variant(source, VARIANT_METADATA)


def _grade_source(source: Source, server: ForkServerClient, *, seed: int, limits: Limits, slot: int = 0,
                  checks: list[Check] | None = None, variant=None, answered: dict | None = None) -> SubmissionResult:
    started = time.monotonic()
    try:
        submission = load_bounded(source, seconds=limits.timeout)
    except GraderError as exc:
        status = Status.TIMEOUT if getattr(exc, "timed_out", False) else Status.INVALID
        return invalid_result(source, str(exc), list(checks if checks is not None else bank.CHECKS.values()),
                              status=status)
    return grade(submission, server, seed=seed, limits=limits, slot=slot, checks=checks, started=started,
                 variant=variant, answered=answered)

"""``cnn-grader check``: a student's run of the public tests on their own notebook."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..checkapi.protocol import Key, UnitStatus
from ..errors import InvalidSubmission, UsageError
from ..packaging.artifacts import VENDORED
from ..questions import VARIANT_FILE, bank
from ..records import CheckResult
from . import uid_claim
from .engine import ForkServerClient, Limits
from .grading import grade
from .submission import SUFFIXES, Source, load, suffix_of


@dataclass
class CheckReport:
    """What the public tests said of one notebook (:func:`grader.outputs.text.check_report` puts it in words)."""

    questions: list[tuple[str, list[CheckResult]]]
    """Each question run, in the bank's order, with its public checks that failed (none: all passed)."""
    public: int
    """Public checks run."""
    hidden: int
    """Hidden checks of those questions, not run."""
    units: list[tuple[str, str]] = field(default_factory=list)
    """Cells (or statements) that did not run cleanly: their label and the error."""
    notes: list[str] = field(default_factory=list)
    """What reading the notebook noticed (see :attr:`grader.judge.submission.Submission.notes`)."""
    numbers: str | None = None
    """Where the student's own numbers came from (:func:`handed_out_numbers`); None: the lecture's."""

    @property
    def failed(self) -> int:
        return sum(len(failed) for _, failed in self.questions)

    @property
    def passed(self) -> bool:
        return self.failed == 0


def handed_out_numbers(path: Path):
    """The student's numbers when ``cnn-grader variants`` handed ``path`` out: the ``variant.json`` beside it,
    which ``grader.check`` in the notebook reads too (a :class:`grader.variants.Variant`); None without one
    (the lecture's numbers).

    Raises:
        InvalidSubmission: the file is there but does not hold sensible numbers of every question.
    """
    import json

    from ..variants import Variant, VariantError, verify

    where = path.parent / VENDORED / VARIANT_FILE
    if not where.is_file():
        return None
    problem = f"{where}: not the numbers `cnn-grader variants` writes"
    try:
        params = json.loads(where.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        raise InvalidSubmission(problem) from None
    if type(params) is not dict or set(params) != {q.id for q in bank.QUESTIONS} or not all(
            type(v) is dict for v in params.values()):
        raise InvalidSubmission(problem)
    # The seed is not in the file and not needed: the public checks read the numbers only.
    variant = Variant(0, params)
    try:
        verify.answers(variant)
    except (VariantError, KeyError, TypeError, ValueError, IndexError, ArithmeticError) as exc:
        raise InvalidSubmission(f"{problem} ({exc})") from None
    return variant


def check_public(path: Path, *, questions: list[str] | None = None, limits: Limits = Limits(),
                 isolate: bool | None = None) -> CheckReport:
    """Run the public checks of ``questions`` (default: all) on one submission, in a sandboxed worker,
    against the student's own numbers when the notebook was handed out with them (:func:`handed_out_numbers`)."""
    if not path.exists():
        raise UsageError(f"{path}: no such file")
    if path.is_dir():
        raise UsageError(f"{path}: a folder; give one notebook (cnn-grader grade takes folders)")
    if suffix_of(path.name) not in SUFFIXES:
        raise InvalidSubmission(f"{path}: not a notebook (.ipynb) or a script (.py)")
    variant = handed_out_numbers(path)
    submission = load(Source(path))
    chosen = [q for q in bank.QUESTIONS if not questions or q.id in questions]
    public = [c for q in chosen for c in q.public_checks]
    hidden = sum(len(q.hidden_checks) for q in chosen)
    with uid_claim.claimed_uids(range(1)) as uids, ForkServerClient(isolate=isolate, uid_base=uids.base) as server:
        result = grade(submission, server, seed=0, limits=limits, checks=public, variant=variant)
    return CheckReport(
        questions=[(q.id, [c for c in result.checks if c.question == q.id and c.outcome != "passed"]) for q in chosen],
        public=len(public), hidden=hidden, notes=list(submission.notes),
        numbers=None if variant is None else str(path.parent / VENDORED / VARIANT_FILE),
        units=[(u.get("label") or submission.label(u[Key.INDEX]), u[Key.ERROR]) for u in result.units
               if UnitStatus(u[Key.STATUS]).failed])

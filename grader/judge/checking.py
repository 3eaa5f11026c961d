"""``cnn-grader check``: a student's run of the public tests on their own notebook."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..checkapi.protocol import Key, UnitStatus
from ..errors import InvalidSubmission, UsageError
from ..questions import bank
from .engine import ForkServer, Limits
from .grading import grade
from .submission import SUFFIXES, Source, load


@dataclass
class CheckReport:
    text: str
    passed: bool


def check_public(path: Path, *, questions: list[str] | None = None, limits: Limits = Limits(),
                 isolate: bool | None = None) -> CheckReport:
    """Run the public checks of ``questions`` (default: all) on one submission, in a sandboxed worker."""
    if not path.exists():
        raise UsageError(f"{path}: no such file")
    if path.is_dir():
        raise UsageError(f"{path}: a folder; give one notebook (cnn-grader grade takes folders)")
    if path.suffix not in SUFFIXES:
        raise InvalidSubmission(f"{path}: not a notebook (.ipynb) or a script (.py)")
    submission = load(Source(path))
    chosen = [q for q in bank.QUESTIONS if not questions or q.id in questions]
    public = [c for q in chosen for c in q.public_checks]
    hidden = sum(len(q.hidden_checks) for q in chosen)
    with ForkServer(isolate=isolate) as server:
        result = grade(submission, server, seed=0, limits=limits, checks=public)
    lines = []
    for u in result.units:
        if UnitStatus(u[Key.STATUS]).failed:
            lines.append(f"note: {u.get('label') or submission.label(u[Key.INDEX])} did not run cleanly: "
                         f"{u[Key.ERROR]}")
    for note in submission.notes:
        lines.append(f"note: {note}")
    if lines:
        lines.append("")
    failed = 0
    for q in chosen:
        outcomes = [c for c in result.checks if c.question == q.id]
        bad = [c for c in outcomes if c.outcome != "passed"]
        failed += len(bad)
        lines.append(f"{q.id}: {'public tests passed' if not bad else 'FAILED'}")
        for c in bad:
            lines.append(f"    {c.description}:\n      {c.full_feedback}")  # public tests: nothing held back
    lines.append("")
    lines.append(f"{len(public) - failed} of {len(public)} public tests passed. {hidden} hidden tests were not run: "
                 "they compare your answers with PyTorch and decide the grade.")
    return CheckReport("\n".join(lines), passed=failed == 0)

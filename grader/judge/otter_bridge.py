"""What the Otter test files in autograder.zip call: the native grader's checks, unchanged.

Inside an Otter kernel the checks see the student's globals through a
:class:`~grader.checkapi.probe.LocalProbe`, so they receive the same plain data
as from a sandboxed worker and give the same points.  (Otter runs the tests
in the student's own interpreter; see the README for what that cannot
protect against.)
"""

from __future__ import annotations

import os

from ..checkapi.probe import LocalProbe
from ..checkapi.verdict import evaluate
from ..questions.bank import CHECKS
from ..questions.base import Context
from .grading import run_seed

#: Hidden inputs are drawn from this seed; CNN_GRADER_SEED fixes it for a regrade.
SEED = run_seed(int(os.environ["CNN_GRADER_SEED"]) if os.environ.get("CNN_GRADER_SEED") else None)


def run_check(check_id: str, env: dict) -> None:
    """Run check ``check_id`` on the student's namespace; AssertionError with its feedback if it fails."""
    check = CHECKS[check_id]
    verdict = evaluate(check.run, LocalProbe(env), Context(seed=SEED, check_id=check_id))
    if not verdict.passed:
        raise AssertionError(verdict.full_feedback)  # Otter's hidden results wait for publication

"""Inside a student's notebook: what Otter's ``grader.check("qN")`` runs.

The generated Otter test files import a question's public check and hand it here
with the notebook's globals.  A public check is the student's own feedback, worth
no points, so its full feedback is shown.
"""

from __future__ import annotations

from .probe import LocalProbe
from .verdict import evaluate


def run_in_notebook(check, env: dict) -> None:
    """Run public check ``check`` on a student's own namespace; AssertionError with its feedback if it fails."""
    verdict = evaluate(check, LocalProbe(env), None)
    if not verdict.passed:
        raise AssertionError(verdict.full_feedback)  # a student's own public test: nothing to hold back

"""Otter's test files: one per question, each case a thin call into a check.

Two kinds, from one template:

* the student's (``exercises/tests/qN.py``): the public checks, run by
  ``grader.check("qN")`` through the vendored check code beside the notebook;
* the zip's (``tests/qN.py`` in autograder.zip): every check, run by
  :func:`grader.judge.otter_bridge.run_check` in plain Otter mode.
"""

from __future__ import annotations

from ..outputs.templating import ENV
from ..questions.base import Question


def otter_test_file(question: Question, *, student_package: str | None = None) -> str:
    """The question's Otter test file: with ``student_package``, the student's (its public checks,
    imported from that vendored package); without, the zip's (every check, by id)."""
    cases = []
    for c in (question.public_checks if student_package else question.checks):
        if student_package:
            # Each public check counts 1 in the student's own tally (Otter divides by the total);
            # in the grade it is worth nothing.
            function = c.run.__name__
            imports = [(f"{student_package}.checkapi.notebook", "run_in_notebook"),
                       (f"{student_package}.questions.{question.folder}.public", function)]
            call, points = f"run_in_notebook({function}, env)", 1
        else:
            imports = [("grader.judge.otter_bridge", "run_check")]
            call, points = f'run_check("{c.id}", env)', c.points
        cases.append({"id": c.id, "description": c.description, "hidden": c.hidden, "points": points,
                      "imports": imports, "call": call})
    return ENV.get_template("otter_test.py.j2").render(question=question, cases=cases)

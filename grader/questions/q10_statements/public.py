"""The public checks of this question: what ``grader.check("q10")`` runs in the student's notebook.

Shipped to students with the check API: nothing here may name a hidden input or an expected value
that the prompt does not already state.
"""

from __future__ import annotations

from ...checkapi import answers
from ...checkapi.verdict import Wrong
from . import STATEMENTS


def q10_format(probe, context=None):
    problems = answers.statement_problems(answers.statement_answers(probe.value("q10_answers"), STATEMENTS,
                                                                    "`q10_answers`"))
    if problems:
        raise Wrong(f"In `q10_answers`, {'; '.join(problems)}: each statement needs True or False.")

"""The public checks of this question: what ``grader.check("q1")`` runs in the student's notebook.

Shipped to students with the check API: nothing here may name a hidden input or an expected value
that the prompt does not already state.
"""

from __future__ import annotations

from ...checkapi import answers
from . import LETTERS


def q1_format(probe, context=None):
    answers.letter(probe.value("q1_answer"), LETTERS, "`q1_answer`")

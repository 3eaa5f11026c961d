"""The public checks of this question: what ``grader.check("q9")`` runs in the student's notebook.

Shipped to students with the check API: nothing here may name a hidden input or an expected value
that the prompt does not already state.
"""

from __future__ import annotations

from ...checkapi import answers
from . import LETTERS


def q9_format(probe, context=None):
    answers.letter_set(probe.value("q9_true"), LETTERS, "`q9_true`")

"""The public checks of this question: what ``grader.check("q7")`` runs in the student's notebook.

Shipped to students with the check API: nothing here may name a hidden input or an expected value
that the prompt does not already state.
"""

from __future__ import annotations

from ...checkapi import answers


def q7_runs(probe, context=None):
    answers.expect_output_shape(probe, "CNN", (), (1, 1, 100, 100), (1, 1), context)

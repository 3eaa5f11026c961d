"""The public checks of this question: what ``grader.check("q7")`` runs in the student's notebook.

Shipped to students with the check API: nothing here may name a hidden input or an expected value
that the prompt does not already state.
"""

from __future__ import annotations

from ...checkapi import answers
from .. import params


def q7_runs(probe, context=None):
    network = params(__name__, context)["network"]
    side = network["side"]
    answers.expect_output_shape(probe, "CNN", (), (1, network["channels"][0], side, side), (1, 1), context)

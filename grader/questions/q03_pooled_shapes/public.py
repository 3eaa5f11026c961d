"""The public checks of this question: what ``grader.check("q3")`` runs in the student's notebook.

Shipped to students with the check API: nothing here may name a hidden input or an expected value
that the prompt does not already state.
"""

from __future__ import annotations

from ...checkapi import answers
from ...checkapi.verdict import whole_number


def q3_format(probe, context=None):
    answers.shape_list(probe.value("q3_shapes"), 4, "`q3_shapes`")
    whole_number(probe.value("q3_flatten_features"), "`q3_flatten_features`")

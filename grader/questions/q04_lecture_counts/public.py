"""The public checks of this question: what ``grader.check("q4")`` runs in the student's notebook.

Shipped to students with the check API: nothing here may name a hidden input or an expected value
that the prompt does not already state.
"""

from __future__ import annotations

from ...checkapi.verdict import Wrong, whole_number


def q4_format(probe, context=None):
    for name in ("q4_conv_params", "q4_cnn_params", "q4_fcnn_params"):
        value = whole_number(probe.value(name), f"`{name}`")
        if value <= 0:
            raise Wrong(f"`{name}` is {value}; a parameter count is a positive number.")

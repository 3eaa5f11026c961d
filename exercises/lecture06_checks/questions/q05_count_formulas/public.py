"""The public checks of this question: what ``grader.check("q5")`` runs in the student's notebook.

Shipped to students with the check API: nothing here may name a hidden input or an expected value
that the prompt does not already state.
"""

from __future__ import annotations

from ...checkapi.verdict import Wrong, plain_int


def q5_easy_case(probe, context=None):
    got = plain_int(probe.call("conv2d_params", 1, 3, 3).value, "conv2d_params(1, 3, 3)")
    if got != 30:
        raise Wrong(f"conv2d_params(1, 3, 3) returned {got}, not the lecture's count.",
                    reveal="The lecture counts `1*3*(3*3) = 27` weights + 3 biases = 30.")
    got = plain_int(probe.call("linear_params", 16, 4).value, "linear_params(16, 4)")
    if got != 68:
        raise Wrong(f"linear_params(16, 4) returned {got}, not the lecture's count.",
                    reveal="The lecture counts `16*4` weights + 4 biases = 68.")

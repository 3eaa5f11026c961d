"""The public checks of this question: what ``grader.check("q2")`` runs in the student's notebook.

Shipped to students with the check API: nothing here may name a hidden input or an expected value
that the prompt does not already state.
"""

from __future__ import annotations

from ...checkapi.verdict import Wrong, plain_int


def q2_easy_case(probe, context=None):
    result = plain_int(probe.call("conv_output_size", 100, 5).value, "conv_output_size(100, 5)")
    if result != 96:
        raise Wrong(f"conv_output_size(100, 5) returned {result}, not the size the lecture's example gives.",
                    reveal="A 5x5 kernel on a 100x100 image with no padding and stride 1 gives 96x96.")

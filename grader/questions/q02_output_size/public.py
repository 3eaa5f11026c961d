"""The public checks of this question: what ``grader.check("q2")`` runs in the student's notebook.

Shipped to students with the check API: nothing here may name a hidden input or an expected value
that the prompt does not already state.
"""

from __future__ import annotations

from ...checkapi.verdict import Wrong, plain_int
from .. import params


def q2_easy_case(probe, context=None):
    example = params(__name__, context)
    size, kernel = example["size"], example["kernel"]
    side = size - kernel + 1  # what the prompt states
    whose = "the lecture's" if (size, kernel) == (100, 5) else "the prompt's"
    result = plain_int(probe.call("conv_output_size", size, kernel).value, f"conv_output_size({size}, {kernel})")
    if result != side:
        raise Wrong(f"conv_output_size({size}, {kernel}) returned {result}, not the size {whose} example gives.",
                    reveal=f"A {kernel}x{kernel} kernel on a {size}x{size} image with no padding and stride 1 gives "
                           f"{side}x{side}.")

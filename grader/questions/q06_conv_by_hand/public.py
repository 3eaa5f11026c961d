"""The public checks of this question: what ``grader.check("q6")`` runs in the student's notebook.

Shipped to students with the check API: nothing here may name a hidden input or an expected value
that the prompt does not already state.
"""

from __future__ import annotations

from ...checkapi import answers
from ...checkapi.verdict import Wrong, quoted


def q6_easy_case(probe, context=None):
    grid = answers.matrix(probe.value("q6_output"), "`q6_output`")
    if (len(grid), len(grid[0]) if grid else 0) != (3, 3):
        raise Wrong(f"`q6_output` is {len(grid)}x{len(grid[0]) if grid else 0}, not the shape of the output.",
                    reveal="It should be 3x3: a 3x3 kernel fits 3x3 times in a 5x5 input.")
    import torch

    ones = torch.ones(3, 3)
    got = answers.matrix(probe.call("conv2d", ones, torch.ones(2, 2)).value, "conv2d(torch.ones(3, 3), torch.ones(2, 2))")
    if got != [[4.0, 4.0], [4.0, 4.0]]:
        raise Wrong(f"conv2d(torch.ones(3, 3), torch.ones(2, 2)) returned {quoted(got)}.",
                    reveal="Each 2x2 window of ones sums to 4, so the answer is `[[4, 4], [4, 4]]`.")
    image = torch.tensor([[1.0, 3, 2, 9], [7, 4, 1, 5], [8, 5, 2, 3], [4, 2, 1, 4]])
    got = answers.matrix(probe.call("max_pool2d", image).value, "max_pool2d(lecture example)")
    if got != [[7.0, 9.0], [8.0, 4.0]]:
        raise Wrong(f"max_pool2d on the lecture's 4x4 example returned {quoted(got)}.",
                    reveal="The maximum of each 2x2 block gives `[[7, 9], [8, 4]]`.")

"""The public checks of this question: what ``grader.check("q8")`` runs in the student's notebook.

Shipped to students with the check API: nothing here may name a hidden input or an expected value
that the prompt does not already state.
"""

from __future__ import annotations

from ...checkapi import answers
from ...checkapi.verdict import Wrong, code
from .. import params


def q8_runs(probe, context=None):
    info = probe.model("conv_block", (1, 3), (1, 1, 8, 8), input_seed=answers.model_input_seed(context, "conv_block"))
    if info.forward_error:
        raise Wrong(f"conv_block(1, 3) failed on a 1x1x8x8 input: {code(str(info.forward_error.get('message')))}")
    if info.output_shape != (1, 3, 8, 8):
        raise Wrong(f"conv_block(1, 3) maps 1x1x8x8 to {list(info.output_shape or [])}, not the shape asked for.",
                    reveal="With padding=1 a 3x3 convolution keeps height and width, so expect [1, 3, 8, 8].")
    side = params(__name__, context)["side"]
    answers.expect_output_shape(probe, "ConvNet", (1,), (1, 1, side, side), (1, 1), context)

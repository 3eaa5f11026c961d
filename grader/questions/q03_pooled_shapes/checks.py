"""Shapes through the lecture's pooled CNN, and the features Flatten produces."""

from __future__ import annotations

import functools
import json

from ...checkapi import answers
from ...checkapi.verdict import Wrong, whole_number
from .. import params
from ..base import Check
from . import public
from .variant import shapes

Q3_STAGES = ("after conv1", "after pool1", "after conv2", "after pool2")


@functools.lru_cache(maxsize=256)
def _shapes_of(network: str, padding: int | None) -> tuple[list[tuple[int, int, int]], int]:
    return shapes(json.loads(network), padding)


def _q3_reference(context, padding: int | None = None) -> tuple[list[tuple[int, int, int]], int]:
    """The shapes and features of the student's network (``padding=0``: without its padding)."""
    return _shapes_of(json.dumps(params(__name__, context), sort_keys=True), padding)


def _keeps_size(context) -> str:
    network = params(__name__, context)
    return f"padding={network['padding']}, which keeps a {network['kernel']}x{network['kernel']} convolution's"


def _q3_shape_check(stage: int):
    def run(probe, context):
        shapes = answers.shape_list(probe.value("q3_shapes"), 4, "`q3_shapes`")
        expected, _ = _q3_reference(context)
        got = shapes[stage]
        if got == expected[stage]:
            return None
        unpadded, _ = _q3_reference(context, padding=0)
        if got == unpadded[stage]:
            raise Wrong(f"The shape {Q3_STAGES[stage]} is what the network gives *without* padding.",
                        {"mistake": "no_padding"},
                        reveal=f"These convolutions use {_keeps_size(context)} height and width.")
        if sorted(got) == sorted(expected[stage]) and got != expected[stage]:
            raise Wrong(f"The shape {Q3_STAGES[stage]} has the right numbers in the wrong order.",
                        {"mistake": "order"}, reveal="PyTorch orders a feature map as (channels, height, width).")
        network = params(__name__, context)
        hint = (f"A convolution sets the channels to its out_channels; with padding={network['padding']} a "
                f"{network['kernel']}x{network['kernel']} kernel keeps height and width." if stage % 2 == 0 else
                "MaxPool2d(2) keeps the channels and halves height and width (rounding down).")
        raise Wrong(f"The shape {Q3_STAGES[stage]} is not right.", reveal=hint)
    return run


def q3_flatten(probe, context):
    features = whole_number(probe.value("q3_flatten_features"), "`q3_flatten_features`")
    _, expected = _q3_reference(context)
    if features == expected:
        return None
    _, unpadded = _q3_reference(context, padding=0)
    if features == unpadded:
        raise Wrong("`q3_flatten_features` is the number of features the network would have *without* padding.",
                    {"mistake": "no_padding"},
                    reveal=f"With padding={params(__name__, context)['padding']} the feature maps are larger.")
    raise Wrong("`q3_flatten_features` is not the number of features Flatten produces.",
                reveal="Flatten turns the last feature map into one vector: its length is "
                       "`channels x height x width` of the shape after pool2.")


#: Public checks first, then the hidden ones, in the order they run.
CHECKS = (
    Check("format", "q3_shapes is a list of four (C, H, W) tuples of ints; q3_flatten_features is an int",
          0, False, public.q3_format),
    *(Check(f"{name}", f"the shape {stage} matches torch's", 0.375, True, _q3_shape_check(i))
      for i, (name, stage) in enumerate(zip(("conv1", "pool1", "conv2", "pool2"), Q3_STAGES))),
    Check("flatten", "the number of flattened features matches torch's", 0.5, True, q3_flatten),
)

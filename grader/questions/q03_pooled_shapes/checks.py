"""Shapes through the lecture's pooled CNN, and the features Flatten produces."""

from __future__ import annotations

import functools

from ...checkapi import answers
from ...checkapi.verdict import Wrong, whole_number
from .. import reference
from ..base import Check
from . import public

Q3_STAGES = ("after conv1", "after pool1", "after conv2", "after pool2")


@functools.lru_cache(maxsize=None)
def _q3_reference(padding: int = 1) -> tuple[list[tuple[int, int, int]], int]:
    shapes = reference.layer_shapes(reference.PooledCNN(padding=padding), (1, 1, 100, 100))
    wanted = [s for kind, s in shapes if kind in ("Conv2d", "MaxPool2d")]
    flatten = next(s for kind, s in shapes if kind == "Flatten")
    return wanted, flatten[0]


def _q3_shape_check(stage: int):
    def run(probe, context):
        shapes = answers.shape_list(probe.value("q3_shapes"), 4, "`q3_shapes`")
        expected, _ = _q3_reference()
        got = shapes[stage]
        if got == expected[stage]:
            return None
        unpadded, _ = _q3_reference(padding=0)
        if got == unpadded[stage]:
            raise Wrong(f"The shape {Q3_STAGES[stage]} is what the network gives *without* padding.",
                        {"mistake": "no_padding"},
                        reveal="These convolutions use padding=1, which keeps a 3x3 convolution's height and width.")
        if sorted(got) == sorted(expected[stage]) and got != expected[stage]:
            raise Wrong(f"The shape {Q3_STAGES[stage]} has the right numbers in the wrong order.",
                        {"mistake": "order"}, reveal="PyTorch orders a feature map as (channels, height, width).")
        hint = ("A convolution sets the channels to its out_channels; with padding=1 a 3x3 kernel keeps "
                "height and width." if stage % 2 == 0 else
                "MaxPool2d(2) keeps the channels and halves height and width (rounding down).")
        raise Wrong(f"The shape {Q3_STAGES[stage]} is not right.", reveal=hint)
    return run


def q3_flatten(probe, context):
    features = whole_number(probe.value("q3_flatten_features"), "`q3_flatten_features`")
    _, expected = _q3_reference()
    if features == expected:
        return None
    _, unpadded = _q3_reference(padding=0)
    if features == unpadded:
        raise Wrong("`q3_flatten_features` is the number of features the network would have *without* padding.",
                    {"mistake": "no_padding"}, reveal="With padding=1 the feature maps are larger.")
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

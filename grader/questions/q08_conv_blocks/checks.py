"""The conv-block network of "CNN vs FCNN", built for any number of input channels."""

from __future__ import annotations

import functools
import json

from .. import params, reference
from ..base import Check
from ..model_checks import (both, missing_relu, outputs_check, param_count_check, structure_check, trained_first,
                            trains_as_asked)
from . import LECTURE, public


#: The input channel counts ``ConvNet`` is judged with in full besides 1: never 3 either, so that a first
#: convolution written for RGB (3) or grayscale (1) images instead of ``input_channels`` costs its points
#: whatever the seed.  ``ConvNet(3)`` itself, the case of colour images, has its layers checked too (attack round 8:
#: a network that turned RGB to gray only for 3 channels was never looked at).
RANDOM_CHANNELS = (2, 4, 5)
RGB = (3,)


def _random_channels(rng) -> tuple[int]:
    return (rng.choice(RANDOM_CHANNELS),)


def _block_args(rng) -> tuple[int, int]:
    return (rng.randint(2, 5), rng.randint(2, 6))


@functools.lru_cache(maxsize=None)
def _factory(numbers: str, relu: bool = True):
    """The conv-block network of these numbers (JSON), as one callable per numbers (a cache key)."""
    found = json.loads(numbers)
    return functools.partial(reference.ConvNet, relu=relu, side=found["side"], width=found["width"],
                             blocks=found["blocks"])


@functools.lru_cache(maxsize=256)
def _checks_of(numbers: str) -> dict:
    side = json.loads(numbers)["side"]
    build = _factory(numbers)
    no_relu = _factory(numbers, relu=False)
    # The judge trains (model_checks.training_differs) every ConvNet it judges: 1 channel, the random count, and 3
    # (attack round 75: trained for 1 channel only, a network that was another one once trained for any other count
    # kept every point, and ConvNet(3), judged by its description alone, could output zeros; its training, with the
    # judged pass that ends it, is its check of behaviour).
    return {
        "params": param_count_check("ConvNet", build, (1,), (1, 1, side, side), []),
        "channels": both(structure_check("ConvNet", build, _random_channels, lambda a: (1, a[0], side, side),
                                         channels_hint=True),
                         both(structure_check("ConvNet", build, lambda rng: RGB, lambda a: (1, a[0], side, side),
                                              channels_hint=True, confirmed=False),
                              trains_as_asked("ConvNet", build, lambda rng: RGB, lambda a: (a[0], side, side)))),
        "outputs_1ch": outputs_check("ConvNet", build, lambda rng: (1,), lambda a: (2, 1, side, side), [
            ("missing_relu", no_relu, missing_relu("first", "the convolutions")),
        ]),
        "outputs_channels": outputs_check("ConvNet", build, _random_channels, lambda a: (2, a[0], side, side), [
            ("missing_relu", no_relu, missing_relu("first", "the convolutions")),
        ]),
        "first": trained_first(
            ("conv_block", reference.conv_block, _block_args, lambda a: (a[0], 9, 9)),
            *(("ConvNet", build, channels, lambda a: (a[0], side, side))
              for channels in (lambda rng: (1,), _random_channels, lambda rng: RGB))),
    }


def _of_network(name: str):
    """Check ``name`` of the student's network."""
    def run(probe, context):
        return _checks_of(json.dumps(params(__name__, context), sort_keys=True))[name](probe, context)
    run.__name__ = f"q8_{name}"
    return run


def _runs_described(numbers: dict) -> str:
    return f"conv_block(1, 3) keeps 8x8 maps; ConvNet(1) maps a 1x{numbers['side']}x{numbers['side']} image to shape (1, 1)"


#: Public checks first, then the hidden ones, in the order they run.
CHECKS = (
    Check("runs", _runs_described(LECTURE), 0, False, public.q8_runs, described=_runs_described),
    Check("block", "conv_block with random channels: its layers, and its outputs for the same weights", 0.5,
          True, first=_of_network("first"), run=both(
              structure_check("conv_block", reference.conv_block, _block_args, lambda a: (1, a[0], 9, 9)),
              outputs_check("conv_block", reference.conv_block, _block_args, lambda a: (2, a[0], 9, 9), [
                  ("missing_relu", lambda i, o: reference.conv_block(i, o, relu=False),
                   ("With the same weights, the block's output differs once its convolution has run.",
                    "It matches the convolution alone: a conv block ends with a ReLU.")),
              ]))),
    Check("params", "ConvNet(1) has the reference's parameter count", 0.5, True, _of_network("params"),
          first=_of_network("first")),
    Check("channels", "ConvNet with a random number of input channels has the reference's layers", 0.5, True,
          _of_network("channels"), first=_of_network("first")),
    Check("outputs_1ch", "ConvNet(1): with the reference's weights the outputs match", 0.75, True,
          _of_network("outputs_1ch"), first=_of_network("first")),
    Check("outputs_channels", "ConvNet with random input channels: with the reference's weights the outputs "
          "match", 0.75, True, _of_network("outputs_channels"), first=_of_network("first")),
)

"""The conv-block network of "CNN vs FCNN", built for any number of input channels."""

from __future__ import annotations

from .. import reference
from ..base import Check
from ..model_checks import both, missing_relu, outputs_check, param_count_check, structure_check
from . import public


def _random_channels(rng) -> tuple[int]:
    return (rng.randint(2, 4),)


def _block_args(rng) -> tuple[int, int]:
    return (rng.randint(2, 5), rng.randint(2, 6))


#: Public checks first, then the hidden ones, in the order they run.
CHECKS = (
    Check("runs", "conv_block(1, 3) keeps 8x8 maps; ConvNet(1) maps a 1x128x128 image to shape (1, 1)", 0,
          False, public.q8_runs),
    Check("block", "conv_block with random channels: its layers, and its outputs for the same weights", 0.5,
          True, both(
              structure_check("conv_block", reference.conv_block, _block_args, lambda a: (1, a[0], 9, 9)),
              outputs_check("conv_block", reference.conv_block, _block_args, lambda a: (2, a[0], 9, 9), [
                  ("missing_relu", lambda i, o: reference.conv_block(i, o, relu=False),
                   ("With the same weights, the block's output differs once its convolution has run.",
                    "It matches the convolution alone: a conv block ends with a ReLU.")),
              ]))),
    Check("params", "ConvNet(1) has the reference's parameter count", 0.5, True,
          param_count_check("ConvNet", reference.ConvNet, (1,), (1, 1, 128, 128), [])),
    Check("channels", "ConvNet with a random number of input channels has the reference's layers", 0.5, True,
          structure_check("ConvNet", reference.ConvNet, _random_channels, lambda a: (1, a[0], 128, 128),
                          channels_hint=True)),
    Check("outputs_1ch", "ConvNet(1): with the reference's weights the outputs match", 0.75, True,
          outputs_check("ConvNet", reference.ConvNet, lambda rng: (1,), lambda a: (2, 1, 128, 128), [
              ("missing_relu", lambda c: reference.ConvNet(c, relu=False),
               missing_relu("first", "the convolutions")),
          ])),
    Check("outputs_channels", "ConvNet with random input channels: with the reference's weights the outputs "
          "match", 0.75, True,
          outputs_check("ConvNet", reference.ConvNet, _random_channels, lambda a: (2, a[0], 128, 128), [
              ("missing_relu", lambda c: reference.ConvNet(c, relu=False),
               missing_relu("first", "the convolutions")),
          ])),
)

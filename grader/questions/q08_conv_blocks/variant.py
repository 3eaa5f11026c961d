"""q8's network by torch: its Linear layer and its count with one channel.  Judge side (torch)."""

from __future__ import annotations

from ...variants import VariantError
from .. import reference


def network(params: dict, input_channels: int, relu: bool = True):
    """The conv-block network of these parameters."""
    return reference.ConvNet(input_channels, relu, side=params["side"], width=params["width"],
                             blocks=params["blocks"])


def answers(params: dict, *, drawn: bool = False) -> dict:
    model = network(params, 1)
    if not 2 <= params["blocks"] <= 8 or params["width"] < 2:
        raise VariantError("q8: a network of conv blocks has a few blocks of several kernels")
    return {"linear_in": model.main[-1].in_features, "params_1ch": reference.param_count(model)}

"""q4's counts by torch, and whether the mistakes it names are told apart.  Judge side (torch)."""

from __future__ import annotations

from torch import nn

from ...variants import VariantError
from .. import reference
from . import LECTURE


def conv(params: dict) -> nn.Module:
    c_in, c_out, k = params["conv"]
    return nn.Conv2d(c_in, c_out, (k, k), device="meta")


def cnn(params: dict, **changes) -> nn.Module:
    return reference.PooledCNN(network=params["network"], **changes)


def fcnn(params: dict, bias: bool = True) -> nn.Module:
    return reference.FCNN(params["fcnn_side"] ** 2, bias=bias, hidden=tuple(params["fcnn_hidden"]))


def answers(params: dict, *, drawn: bool = False) -> dict:
    counts = {"conv": reference.param_count(conv(params)), "cnn": reference.param_count(cnn(params)),
              "fcnn": reference.param_count(fcnn(params))}
    c_in, c_out, k = params["conv"]
    if counts["conv"] in (c_out * c_in * k * k, c_out * c_in * k + c_out):
        raise VariantError("q4: the conv count equals a mistake's")
    if counts["cnn"] == reference.param_count(cnn(params, padding=0)):
        raise VariantError("q4: the count without padding is the same")
    if drawn and params["conv"] == LECTURE["conv"]:
        raise VariantError("q4: the lecture's convolution")
    return {**counts, "linear_in": cnn(params).main[-1].in_features}
